"""The intake, assessment and list pages without a browser (plain form posts, as without JavaScript)."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from sqlalchemy import func, select
from test_sessie import csrf_of, sign_in
from web_support import Site

from api.tables import beoordelingen, besluiten

KENMERK = "PAGINA-TEST-7"
#: A complete Jansen case (toddler, parenting course): binnen, vrij toegankelijk.
JANSEN = {
    "jeugdige.leeftijd": "3",
    "jeugdige.woont_in_gemeente": "ja",
    "situatie.opgroei_opvoedvragen": "ja",
    "situatie.fase_problematiek": "ja",
    "situatie.eigen_mogelijkheden_toereikend": "nee",
    "situatie.veiligheidszorgen": "nee",
    "hulpvraag.soort": "cursus",
    "hulpvraag.verwachte_kosten": "250",
    "hulpvraag.kwalificatie_eisen": "nee",
    "hulpvraag.ingrijpend": "nee",
}


def _count(site: Site, table: Any) -> int:
    with site.db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _outcome(page: Any) -> list[str]:
    return re.findall(r'data-uitkomst="\w+">([^<]*)<', page.text)


def _intake(client: Any, data: dict[str, str], **extra: str) -> Any:
    form = client.get("/intake")
    sleutel = re.search(r'name="sleutel" value="([^"]+)"', form.text)
    assert sleutel
    body = {"csrf": csrf_of(form), "sleutel": sleutel.group(1), "gemeente": "voorbeeldstad", "peildatum": "2025-01-01"}
    return client.post("/intake", data={**body, **data, **extra}, follow_redirects=False)


@pytest.fixture
def staff(client: Any, site: Site) -> Any:
    assert sign_in(client, site.tokens["toegang"]).status_code == 303
    return client


def test_the_intake_offers_every_case_fact_with_unknown_as_a_choice(staff: Any) -> None:
    page = staff.get("/intake")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    from web.caseform import VELDEN

    for veld in VELDEN.values():
        assert f'name="{veld.pad}"' in page.text or f'name="{veld.pad}:stand"' in page.text, veld.pad
    assert page.text.count("Weet ik nog niet") + page.text.count("als u het nog niet weet") >= len(VELDEN)
    for code in ("stoornis_beperking", "vrij_toegankelijk", "onbeslist", "None", "True", "False"):
        assert f">{code}<" not in page.text


def test_a_preview_shows_advice_and_next_questions_and_stores_nothing(staff: Any, site: Site) -> None:
    page = _intake(staff, {**JANSEN, "kenmerk": KENMERK})
    assert page.status_code == 200
    assert _outcome(page) == ["Binnen de Jeugdwet", "Vrij toegankelijk"]
    assert "nog niet opgeslagen" in page.text
    assert _count(site, beoordelingen) == 0
    questions = page.text.split('id="volgende-vragen"')[1].split("</section>")[0]
    assert "Weet ik nog niet" in questions or "advies-compleet" in questions


def test_unknown_is_not_no(staff: Any) -> None:
    unknown = _intake(staff, {**JANSEN, "situatie.veiligheidszorgen": ""})
    no = _intake(staff, JANSEN)
    assert 'name="situatie.veiligheidszorgen" value="" checked' in unknown.text
    assert 'name="situatie.veiligheidszorgen" value="nee" checked' in no.text
    assert unknown.text != no.text


def test_bad_input_is_shown_at_the_field_in_dutch_and_nothing_is_lost(staff: Any, site: Site) -> None:
    page = _intake(
        staff,
        {**JANSEN, "jeugdige.leeftijd": "drie", "hulpvraag.duur_weken": "5000", "kenmerk": KENMERK},
        actie="opslaan",
    )
    assert page.status_code == 422
    assert 'id="veld-jeugdige-leeftijd-fout">vul een getal in' in page.text
    assert 'id="veld-hulpvraag-duur-weken-fout">' in page.text and "1040" in page.text
    assert 'value="drie"' in page.text and 'value="5000"' in page.text and f'value="{KENMERK}"' in page.text
    assert 'value="cursus" selected' in page.text
    assert 'aria-invalid="true"' in page.text and 'href="#veld-jeugdige-leeftijd"' in page.text
    assert _count(site, beoordelingen) == 0


def test_a_list_answer_distinguishes_unknown_none_and_some(staff: Any) -> None:
    missing = _intake(staff, {**JANSEN, "situatie.onderwijsvraag:stand": "wel"})
    assert 'id="veld-situatie-onderwijsvraag-fout">kruis aan welke' in missing.text
    some = _intake(staff, {**JANSEN, "situatie.onderwijsvraag": "dyslexie"})
    assert 'value="dyslexie" checked' in some.text and 'onderwijsvraag:stand" value="wel" checked' in some.text


def test_saving_stores_once_and_shows_the_assessment(staff: Any, site: Site, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reikwijdte")
    form = staff.get("/intake")
    sleutel = re.search(r'name="sleutel" value="([^"]+)"', form.text)
    assert sleutel
    body = {**JANSEN, "csrf": csrf_of(form), "sleutel": sleutel.group(1), "kenmerk": KENMERK, "actie": "opslaan"}
    first = staff.post("/intake", data=body, follow_redirects=False)
    again = staff.post("/intake", data=body, follow_redirects=False)  # a double click
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    assert _count(site, beoordelingen) == 1
    page = staff.get(first.headers["location"])
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert _outcome(page) == ["Binnen de Jeugdwet", "Vrij toegankelijk"]
    for section in ("Motivering", "Toegepaste regels", "Waarom andere regels niet golden", "Besluit"):
        assert section in page.text
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert KENMERK not in logged and "cursus" not in logged and "/beoordelingen/{id}" in logged


def test_a_deviation_needs_a_motivation_and_then_it_is_stored(staff: Any, site: Site) -> None:
    location = _intake(staff, {**JANSEN, "kenmerk": KENMERK}, actie="opslaan").headers["location"]
    page = staff.get(location)
    refused = staff.post(location + "/besluit", data={"csrf": csrf_of(page), "besluit": "afwijken", "motivering": " "})
    assert refused.status_code == 422
    assert 'id="veld-motivering-fout">' in refused.text and "motiveren" in refused.text
    assert 'id="besluit-afwijken" name="besluit" value="afwijken" checked' in refused.text
    assert _count(site, besluiten) == 0
    stored = staff.post(
        location + "/besluit",
        data={"csrf": csrf_of(page), "besluit": "afwijken", "motivering": "Er is meer nodig dan een cursus."},
        follow_redirects=False,
    )
    assert stored.status_code == 303 and stored.headers["location"].endswith("?besluit=vastgelegd#besluiten")
    assert _count(site, besluiten) == 1
    after = staff.get(location)
    assert "Afgeweken van het advies" in after.text and "Er is meer nodig dan een cursus." in after.text
    stale = staff.post(location + "/besluit", data={"csrf": csrf_of(page), "besluit": "volgen"})
    assert stale.status_code == 409 and "intussen een ander besluit" in stale.text
    chained = staff.post(
        location + "/besluit",
        data={"csrf": csrf_of(after), "besluit": "volgen", "vorig_besluit_id": _latest_decision(site)},
        follow_redirects=False,
    )
    assert chained.status_code == 303 and _count(site, besluiten) == 2


def _latest_decision(site: Site) -> str:
    with site.db.connect() as conn:
        return str(conn.execute(select(besluiten.c.id).order_by(besluiten.c.volgnummer.desc())).scalars().first())


def test_roles_and_reach_are_the_apis(client: Any, site: Site) -> None:
    sign_in(client, site.tokens["toegang"])
    location = _intake(client, {**JANSEN, "kenmerk": KENMERK}, actie="opslaan").headers["location"]
    client.cookies.clear()
    sign_in(client, site.tokens["ander-team"])
    assert client.get(location).status_code == 403
    client.cookies.clear()
    sign_in(client, site.tokens["audit"])
    page = client.get(location)
    assert page.status_code == 200 and "Besluit vastleggen" not in page.text
    assert client.get("/intake").status_code == 403
    client.cookies.clear()
    sign_in(client, site.tokens["beleid"])
    assert client.get("/intake").status_code == 403
    assert client.get(location).status_code == 403
    assert client.get("/beoordelingen").status_code == 403


def test_the_list_is_the_teams_searched_by_post_and_paginated(staff: Any, site: Site) -> None:
    for number in range(21):
        _intake(staff, {**JANSEN, "kenmerk": f"LIJST-{number:02d}"}, actie="opslaan")
    first = staff.get("/beoordelingen")
    assert first.status_code == 200 and first.text.count('href="/beoordelingen/') == 20
    assert "LIJST-20" in first.text and "LIJST-00" not in first.text and "Volgende pagina" in first.text
    second = staff.post("/beoordelingen", data={"csrf": csrf_of(first), "pagina": "2"})
    assert second.text.count('href="/beoordelingen/') == 1 and "LIJST-00" in second.text
    found = staff.post("/beoordelingen", data={"csrf": csrf_of(first), "kenmerk": "LIJST-07", "pagina": "1"})
    assert found.text.count('href="/beoordelingen/') == 1 and "Binnen de Jeugdwet" in found.text
    bad = staff.post("/beoordelingen", data={"csrf": csrf_of(first), "vanaf": "gisteren", "kenmerk": "LIJST-07"})
    assert bad.status_code == 422 and "vul een datum in" in bad.text and 'value="gisteren"' in bad.text
    assert ">wijkteam-noord<" not in first.text  # one team: no team column
    staff.cookies.clear()
    sign_in(staff, site.tokens["ander-team"])
    assert "LIJST-" not in staff.get("/beoordelingen").text
    staff.cookies.clear()
    sign_in(staff, site.tokens["audit"])
    audited = staff.get("/beoordelingen")
    assert "LIJST-20" in audited.text and ">wijkteam-noord<" in audited.text


def test_forms_without_their_csrf_token_are_refused(staff: Any, site: Site) -> None:
    assert staff.post("/intake", data=JANSEN).status_code == 403
    assert staff.post("/beoordelingen", data={"pagina": "1"}).status_code == 403
    location = _intake(staff, JANSEN, actie="opslaan").headers["location"]
    assert staff.post(location + "/besluit", data={"besluit": "volgen"}).status_code == 403
    assert _count(site, besluiten) == 0
