"""A new policy maker in Chromium: find the cost-threshold rule, its source, and try a change in the sandbox.

Every page is checked with axe-core and for sideways scrolling at 1366 and 390 px, and
photographed (`reports/screenshots/beleid-*.png`). Skipped with the reason where Chromium or
axe-core is missing (see `web_support.browser_problem`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from web_support import RULES, Site, check_page, sign_in_with_browser

from web.rulebook import sources_dir

RULE = "TOE-BS-01"


def _replace_draft(page: Any, text: str) -> None:
    page.locator("#concept").fill(text)
    page.get_by_role("button", name="Controleren", exact=True).click()
    page.wait_for_load_state()


def test_a_policy_maker_finds_the_cost_threshold_rule_and_tries_a_change(
    page: Any, served_site: Site, tmp_path: Path
) -> None:
    url = served_site.url
    sign_in_with_browser(page, served_site, served_site.tokens["beleid"])
    check_page(page, "beleid-start")

    # From the criterion list: criterion 4 lists the cost-threshold rule.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Regels").click()
    page.wait_for_url(url + "/regels")
    check_page(page, "beleid-regels")
    page.get_by_role("link", name="Vrij toegankelijk of een beschikking").click()
    section = page.locator("#criterium-4")
    section.get_by_role("link", name=f"{RULE} Beschikking bij kosten boven de gemeentelijke kostendrempel").click()
    page.wait_for_url(url + f"/regels/{RULE}")
    assert "kostendrempel" in page.get_by_role("heading", level=1).inner_text()
    assert "Verwachte kosten (euro) is meer dan de parameter kostendrempel" in page.locator("main").inner_text()
    check_page(page, "beleid-regel")

    # ... and from search; its source is on its page, at a link that can be pasted.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Regels").click()
    page.get_by_label("Zoek op woord, regel-id, artikel of feit").fill("kostendrempel beschikking")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(url + "/regels/zoeken?q=kostendrempel+beschikking")
    check_page(page, "beleid-zoeken")
    page.get_by_role("link", name=f"{RULE} Beschikking bij kosten").click()
    page.goto(url + f"/regels/{RULE}#bron")
    bron = page.locator("#bron")
    assert "Jeugdwet art. 2.3 lid 1" in bron.inner_text()
    if sources_dir().is_dir():
        assert bron.locator("blockquote").count() >= 1, "the cited passage is shown where the text is available"
    else:  # no source texts on this machine (CI puts ../shared/seeds beside the checkout): it says so
        assert "De tekst van dit document is op deze server niet beschikbaar." in bron.inner_text()

    # A municipality's parameters side by side.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gemeenten").click()
    page.get_by_role("link", name="Voorbeeldstad").click()
    page.wait_for_url(url + "/gemeenten/voorbeeldstad")
    row = page.locator("#parameter-kostendrempel")
    assert "1500" in row.inner_text() and "2500" in row.inner_text()
    check_page(page, "beleid-gemeente")

    # The sandbox: Voorbeeldstad's file, with a YAML syntax error and a misspelt key first.
    page.get_by_role("link", name="In de proefomgeving openen").click()
    page.wait_for_url(url + "/proefomgeving?bestand=gemeenten/voorbeeldstad.yaml")
    original = (RULES / "gemeenten" / "voorbeeldstad.yaml").read_text(encoding="utf-8")
    lines = original.splitlines()
    broken = original.replace("  kostendrempel: 2500", "  kostendrempel: [2500", 1)
    _replace_draft(page, broken)
    errors = page.get_by_role("list", name="Fouten")
    syntax_line = next(i for i, line in enumerate(lines, 1) if "kostendrempel: 2500" in line)
    assert "geen geldige YAML" in errors.inner_text()
    check_page(page, "beleid-proef-syntaxfout")
    misspelt = original.replace("uitgesloten_hulpvormen:", "uitgesloten_hulpvorm:", 1)
    _replace_draft(page, misspelt)
    key_line = next(i for i, line in enumerate(lines, 1) if line.startswith("uitgesloten_hulpvormen:"))
    text = errors.inner_text()
    assert f"regel {key_line}" in text and "bedoelde je 'uitgesloten_hulpvormen'?" in text, text
    assert page.locator(f"#r{key_line}").get_attribute("class") == "rkw-foutregel"
    errors.get_by_role("link").first.click()  # puts the cursor on the line
    assert page.evaluate("document.activeElement.id") == "concept"
    check_page(page, "beleid-proef-fout")
    assert syntax_line > 0

    # A lower threshold: the page shows which families change route, and where.
    _replace_draft(page, original.replace("kostendrempel: 2500", "kostendrempel: 900"))
    assert "Het concept is geldig" in page.locator("#uitslag").inner_text()
    page.get_by_role("button", name="Leefwereldtoets uitvoeren").click()
    page.wait_for_url(url + "/proefomgeving/toets")
    page.get_by_role("link", name="Rapport downloaden (Markdown)").wait_for(timeout=120_000)
    main = page.locator("main").inner_text()
    assert "Gezin Meijer" in main and "toegang: vrij toegankelijk → beschikking" in main
    assert "1 andere route" in main
    check_page(page, "beleid-toets")

    # Both downloads, as a pull request needs them.
    with page.expect_download() as report:
        page.get_by_role("link", name="Rapport downloaden (Markdown)").click()
    report_file = tmp_path / "leefwereldtoets.md"
    report.value.save_as(report_file)
    assert "kostendrempel" in report_file.read_text(encoding="utf-8")
    with page.expect_download() as draft:
        page.get_by_role("link", name="Concept downloaden").click()
    assert draft.value.suggested_filename == "gemeenten-voorbeeldstad.yaml"
    draft_file = tmp_path / "concept.yaml"
    draft.value.save_as(draft_file)
    assert "kostendrempel: 900" in draft_file.read_text(encoding="utf-8")

    # The same draft on a synthetic caseload: how many cases change, per municipality, in words.
    page.get_by_role("link", name="Proefomgeving", exact=True).first.click()
    page.get_by_role("button", name="Wat-als op een synthetische caseload").click()
    page.wait_for_url(url + "/proefomgeving/wat-als")
    page.get_by_role("link", name="Overgangen downloaden (CSV)").wait_for(timeout=120_000)
    main = page.locator("main").inner_text()
    assert "geen echte gezinnen" in main and "beoordelingen veranderen" in main
    overgangen = page.locator("#overgangen-voorbeeldstad").inner_text()
    assert "Vrij toegankelijk" in overgangen and "Beschikking nodig" in overgangen, overgangen
    check_page(page, "beleid-watals")
    with page.expect_download() as csv:
        page.get_by_role("link", name="Overgangen downloaden (CSV)").click()
    assert csv.value.suggested_filename == "overgangen.csv"
    page.get_by_role("link", name="de uitleg (docs/wat-als.md)").click()
    page.wait_for_url(url + "/proefomgeving/wat-als/uitleg")
    check_page(page, "beleid-watals-uitleg")


def test_staff_roles_get_a_clear_refusal(page: Any, served_site: Site) -> None:
    sign_in_with_browser(page, served_site, served_site.tokens["toegang"])
    page.goto(served_site.url + "/regels")
    assert "rol beleid nodig" in page.locator("main").inner_text()
    check_page(page, "beleid-geweigerd")
