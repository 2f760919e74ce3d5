"""The policy makers' pages and the sandbox without a browser (plain requests, as without JavaScript)."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from test_sessie import csrf_of, sign_in
from web_support import RULES, Site, wait


@pytest.fixture
def beleid(client: Any, site: Site) -> Any:
    assert sign_in(client, site.tokens["beleid"]).status_code == 303
    return client


def _text(page: Any) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text)))


def _post_draft(client: Any, bestand: str, tekst: str) -> Any:
    form = client.get("/proefomgeving")
    return client.post(
        "/proefomgeving", data={"csrf": csrf_of(form), "bestand": bestand, "tekst": tekst}, files={"leeg": ("", b"")}
    )


def test_the_criteria_list_places_every_rule_under_its_criterion(beleid: Any, site: Site) -> None:
    page = beleid.get("/regels")
    assert page.status_code == 200
    text = _text(page)
    assert len(re.findall(r'<section id="criterium-\d+"', page.text)) == 12
    ids = {r.id for r in site.app.state.services.engine.base.rules}
    for rid in ids:
        assert f'href="/regels/{rid}"' in page.text, rid
    assert "Vrij toegankelijk of een beschikking" in text


def test_a_rule_page_reads_in_words_with_source_validity_exceptions_and_examples(beleid: Any) -> None:
    page = beleid.get("/regels/TOE-BS-01")
    assert page.status_code == 200
    text = _text(page)
    assert "Beschikking bij kosten boven de gemeentelijke kostendrempel" in text
    assert "Toegang: Beschikking nodig" in text  # the conclusion in words
    assert "Verwachte kosten (euro) is meer dan de parameter kostendrempel (landelijk 1500)" in text
    assert "hulpvraag.verwachte_kosten" not in text  # no dotted paths
    assert "Jeugdwet art. 2.3 lid 1" in text and 'id="bron"' in page.text
    assert "vanaf 2015-01-01" in text
    assert "Kosten net boven de drempel vragen een beschikking" in text  # a scenario from rules/dekking.json
    assert "Gezin Willems — Jesse (12) verhuisde midden in zijn behandeling" in text  # a persona, by name


def test_search_finds_by_word_id_article_and_fact(beleid: Any) -> None:
    for vraag in ("kostendrempel", "toe-bs-01", "art. 2.3 lid 1", "hulpvraag.verwachte_kosten", "verwachte kosten"):
        page = beleid.get("/regels/zoeken", params={"q": vraag})
        assert page.status_code == 200
        assert 'href="/regels/TOE-BS-01"' in page.text, vraag
    none = beleid.get("/regels/zoeken", params={"q": "xyzzy-onbekend"})
    assert "0 regels gevonden" in _text(none)


def test_a_municipality_shows_national_and_own_values_side_by_side(beleid: Any) -> None:
    page = beleid.get("/gemeenten/voorbeeldstad")
    assert page.status_code == 200
    text = _text(page)
    assert re.search(r"kostendrempel .*? 1500 2500 \(eigen keuze\)", text)
    assert "paardencoaching" in text.lower()
    assert beleid.get("/gemeenten/bestaat-niet").status_code == 404


@pytest.mark.parametrize("rol", ["toegang", "audit"])
def test_other_roles_are_refused_clearly(client: Any, site: Site, rol: str) -> None:
    sign_in(client, site.tokens[rol])
    for path in ("/regels", "/regels/TOE-BS-01", "/regels/zoeken?q=x", "/gemeenten", "/proefomgeving"):
        page = client.get(path)
        assert page.status_code == 403, path
        assert "rol beleid nodig" in _text(page), path


def test_a_pasted_link_lands_on_its_page_after_signing_in(client: Any, site: Site) -> None:
    first = client.get("/regels/TOE-BS-01", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/inloggen?naar=%2Fregels%2FTOE-BS-01"
    form = client.get(first.headers["location"])
    answer = client.post(
        "/inloggen",
        data={"csrf": csrf_of(form), "token": site.tokens["beleid"], "naar": "/regels/TOE-BS-01"},
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/regels/TOE-BS-01"


@pytest.mark.parametrize("naar", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_signing_in_never_sends_the_browser_elsewhere(client: Any, site: Site, naar: str) -> None:
    form = client.get("/inloggen")
    answer = client.post(
        "/inloggen", data={"csrf": csrf_of(form), "token": site.tokens["beleid"], "naar": naar}, follow_redirects=False
    )
    assert answer.headers["location"] == "/"


def test_errors_of_a_draft_are_shown_at_their_lines_in_dutch(beleid: Any) -> None:
    original = (RULES / "40_toegang.yaml").read_text(encoding="utf-8")
    misspelt = original.replace("    titel: Vrij toegankelijk bij lichte", "    titl: Vrij toegankelijk bij lichte", 1)
    line = misspelt.splitlines().index("    titl: Vrij toegankelijk bij lichte hulp onder de kostendrempel") + 1
    page = _post_draft(beleid, "40_toegang.yaml", misspelt)
    assert page.status_code == 422
    text = _text(page)
    assert f"regel {line} (TOE-VT-01): regels.1.titl: onbekende sleutel 'titl' — bedoelde je 'titel'?" in text
    assert f'<span id="r{line}" class="rkw-foutregel">' in page.text
    broken = original.replace("regels:\n", "regels:\n  - [\n", 1)
    page = _post_draft(beleid, "40_toegang.yaml", broken)
    assert "geen geldige YAML" in _text(page)
    assert 'class="rkw-foutregel"' in page.text


def test_a_draft_over_the_limits_is_refused(beleid: Any, site: Site) -> None:
    bomb = (
        "a: &a ["
        + ",".join(["x"] * 50)
        + "]\n"
        + "".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 50) + "]\n" for p, c in zip("abcd", "bcde", strict=True))
    )
    page = _post_draft(beleid, "99_bom.yaml", bomb)
    assert page.status_code == 422 and "de verwijzingen (aliassen) maken het bestand groter dan" in _text(page)
    deep = "a: " + "[" * 500 + "]" * 500 + "\n"
    assert "te diep genest" in _text(_post_draft(beleid, "99_diep.yaml", deep))
    huge = "a: " + "9" * 5000 + "\n"
    assert "te lang" in _text(_post_draft(beleid, "99_getal.yaml", huge))
    assert "kan niet" in _text(_post_draft(beleid, "../buiten.yaml", "a: 1\n"))
    big = "# " + "x" * (site.settings.max_rules_body_bytes + 10) + "\n"
    too_big = _post_draft(beleid, "99_groot.yaml", big)
    assert too_big.status_code == 413 and too_big.headers["content-type"].startswith("text/html")
    assert "Wat u stuurde is te groot" in _text(too_big)


def test_a_valid_draft_runs_the_leefwereldtoets_and_can_be_downloaded(beleid: Any, site: Site) -> None:
    original = (RULES / "gemeenten" / "voorbeeldstad.yaml").read_text(encoding="utf-8")
    draft = original.replace("kostendrempel: 2500", "kostendrempel: 900")
    page = _post_draft(beleid, "gemeenten/voorbeeldstad.yaml", draft)
    assert page.status_code == 200 and "Het concept is geldig" in _text(page)
    started = beleid.post("/proefomgeving/toets", data={"csrf": csrf_of(page)}, follow_redirects=False)
    assert started.status_code == 303 and started.headers["location"] == "/proefomgeving/toets"
    concept = next(iter(site.app.state.concepten._drafts.values()))
    assert concept.run is not None and wait(concept.run, 120)
    result = _text(beleid.get("/proefomgeving/toets"))
    assert "2 gewijzigd (1 minder toegang, 1 andere route, 0 meer toegang)" in result
    assert "Gezin Meijer — Lars (13) met ADHD loopt vast met huiswerk Minder toegang" in result
    assert "voorbeeldstad toegang: vrij toegankelijk → beschikking" in result
    assert "TOE-BS-01 Beschikking bij kosten boven de gemeentelijke kostendrempel — nu toegepast" in result
    assert beleid.get("/proefomgeving/concept").text == draft
    report = beleid.get("/proefomgeving/leefwereldtoets.md")
    assert report.status_code == 200 and "kostendrempel" in report.text
    assert "attachment" in report.headers["content-disposition"]


def test_drafts_are_never_shared_between_users(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["beleid"])
    _post_draft(client, "99_eigen.yaml", "beschrijving: alleen van mij\n")
    assert "alleen van mij" in client.get("/proefomgeving").text
    client.cookies.clear()
    from api import tokens

    other = tokens.create(site.db, "ander-beleid", ["beleid"], "wijkteam-zuid")[0]
    sign_in(client, other)
    assert "alleen van mij" not in client.get("/proefomgeving").text
    assert client.get("/proefomgeving/concept").status_code == 404


def test_two_users_running_at_once_each_see_only_their_own_draft(site: Site) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from api import tokens

    other = tokens.create(site.db, "zuid-beleid", ["beleid"], "wijkteam-zuid")[0]
    voorbeeldstad = (RULES / "gemeenten" / "voorbeeldstad.yaml").read_text(encoding="utf-8")
    rivierdal = (RULES / "gemeenten" / "rivierdal.yaml").read_text(encoding="utf-8")
    drafts = {
        "a": ("gemeenten/voorbeeldstad.yaml", voorbeeldstad.replace("kostendrempel: 2500", "kostendrempel: 900")),
        "b": (
            "gemeenten/rivierdal.yaml",
            rivierdal.replace("leeftijdsgrens_pleegzorg_wonen: 18", "leeftijdsgrens_pleegzorg_wonen: 21"),
        ),
    }
    with TestClient(site.app) as a, TestClient(site.app) as b:
        sign_in(a, site.tokens["beleid"])
        sign_in(b, other)
        for name, client in (("a", a), ("b", b)):
            page = _post_draft(client, *drafts[name])
            assert "Het concept is geldig" in _text(page), name
            client.post("/proefomgeving/toets", data={"csrf": csrf_of(page)}, follow_redirects=False)
        for concept in list(site.app.state.concepten._drafts.values()):
            assert concept.run is not None and wait(concept.run, 180)
        result_a, result_b = _text(a.get("/proefomgeving/toets")), _text(b.get("/proefomgeving/toets"))
    assert "gemeenten/voorbeeldstad.yaml" in result_a and "rivierdal.yaml" not in result_a
    assert "gemeenten/rivierdal.yaml" in result_b and "voorbeeldstad.yaml" not in result_b
    assert "Gezin Meijer" in result_a and "Gezin Meijer" not in result_b


def test_a_run_that_takes_too_long_stops_with_a_message(shipped_engine: Any) -> None:
    from web.sandbox import Concepten

    concepten = Concepten(seconds=0)
    tekst = (RULES / "gemeenten" / "rivierdal.yaml").read_text(encoding="utf-8")
    concept = concepten.check("sessie-1", RULES, "gemeenten/rivierdal.yaml", tekst)
    run = concepten.start(concept, shipped_engine.base, RULES.parent / "personas")
    assert wait(run, 60)
    assert run.resultaat is None
    assert run.melding is not None and "langer dan 0 seconden en is gestopt na 1 van" in run.melding


def test_a_valid_draft_runs_the_what_if_on_a_synthetic_caseload(beleid: Any, site: Site) -> None:
    original = (RULES / "gemeenten" / "voorbeeldstad.yaml").read_text(encoding="utf-8")
    page = _post_draft(
        beleid, "gemeenten/voorbeeldstad.yaml", original.replace("kostendrempel: 2500", "kostendrempel: 900")
    )
    assert "Wat-als op een synthetische caseload" in _text(page)
    started = beleid.post("/proefomgeving/wat-als", data={"csrf": csrf_of(page)}, follow_redirects=False)
    assert started.status_code == 303 and started.headers["location"] == "/proefomgeving/wat-als"
    concept = next(iter(site.app.state.concepten._drafts.values()))
    assert concept.watals is not None and wait(concept.watals, 120)
    assert concept.watals.melding is None, concept.watals.melding
    result = concept.watals.resultaat
    changed = result.gewijzigd.height
    assert changed > 0 and set(result.gewijzigd["configuratie"].to_list()) == {"voorbeeldstad"}
    text = _text(beleid.get("/proefomgeving/wat-als"))
    assert (
        "geen echte gezinnen" in text
        and 'href="/proefomgeving/wat-als/uitleg"' in beleid.get("/proefomgeving/wat-als").text
    )
    assert f"{changed} van de 20.000 beoordelingen veranderen" in text and result.beoordelingen == 20_000
    assert "Landelijk" not in text  # every synthetic case names its municipality
    assert re.search(
        r"Overgangen in Voorbeeldstad Uitkomst Was Wordt Casussen Toegang Vrij toegankelijk Beschikking nodig \d+", text
    )
    assert "vrij_toegankelijk" not in text  # words, not codes
    for row in result.verlies_onerkend.iter_rows(named=True):  # the protected groups losing access, in words
        from engine.labels import BESCHERMDE_GROEP

        assert f"{BESCHERMDE_GROEP[row['groep']]} in Voorbeeldstad: {row['aantal']} casus" in text
    csv = beleid.get("/proefomgeving/overgangen.csv")
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    assert csv.text.splitlines()[0] == "configuratie,groep,veld,oud,nieuw,aantal"
    assert "voorbeeldstad,alle,toegang,vrij_toegankelijk,beschikking," in csv.text
    report = beleid.get("/proefomgeving/wat-als.html")
    assert report.status_code == 200 and "<svg" in report.text
    uitleg = beleid.get("/proefomgeving/wat-als/uitleg")
    assert uitleg.status_code == 200 and "The synthetic caseload" in _text(uitleg)


def test_the_what_if_is_for_beleid_only(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["toegang"])
    for path in ("/proefomgeving/wat-als", "/proefomgeving/overgangen.csv", "/proefomgeving/wat-als/uitleg"):
        page = client.get(path)
        assert page.status_code == 403 and "rol beleid nodig" in _text(page), path
    form = client.get("/")
    assert client.post("/proefomgeving/wat-als", data={"csrf": csrf_of(form)}).status_code == 403


def test_the_synthetic_caseload_is_made_once_per_process() -> None:
    from web.sandbox import synthetische_caseload

    first = synthetische_caseload(50, 7, ("voorbeeldstad",))
    assert synthetische_caseload(50, 7, ("voorbeeldstad",)) is first
    assert first.height == 50 and set(first["gemeente"].to_list()) == {"voorbeeldstad"}


def test_a_what_if_that_takes_too_long_stops_with_a_message(shipped_engine: Any) -> None:
    from web.sandbox import Concepten

    concepten = Concepten(seconds=0, casussen=200)
    tekst = (RULES / "gemeenten" / "rivierdal.yaml").read_text(encoding="utf-8")
    concept = concepten.check("sessie-1", RULES, "gemeenten/rivierdal.yaml", tekst)
    run = concepten.start_wat_als(concept, shipped_engine.base)
    assert wait(run, 60)
    assert run.resultaat is None
    assert run.melding is not None and "langer dan 0 seconden en is gestopt (bij: basisregels)" in run.melding


def test_a_what_if_is_never_shared_between_users(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["beleid"])
    page = _post_draft(client, "gemeenten/rivierdal.yaml", (RULES / "gemeenten" / "rivierdal.yaml").read_text())
    client.post("/proefomgeving/wat-als", data={"csrf": csrf_of(page)})
    concept = next(iter(site.app.state.concepten._drafts.values()))
    assert concept.watals is not None and wait(concept.watals, 120)
    assert client.get("/proefomgeving/overgangen.csv").status_code == 200
    client.cookies.clear()
    from api import tokens

    other = tokens.create(site.db, "ander-beleid", ["beleid"], "wijkteam-zuid")[0]
    sign_in(client, other)
    assert client.get("/proefomgeving/wat-als", follow_redirects=False).headers["location"] == "/proefomgeving"
    assert client.get("/proefomgeving/overgangen.csv").status_code == 404
    assert client.get("/proefomgeving/wat-als.html").status_code == 404
