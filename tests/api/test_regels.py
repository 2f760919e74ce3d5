"""The rules in force, one rule with its source, and validating a rules file without publishing it."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from pathlib import Path

import pytest
from api_support import RULES, Api, shared_engine

DAY = "2025-01-01"
DAY_DATE = dt.date.fromisoformat(DAY)


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_rules_in_force_match_what_the_engine_applies(sqlite_api: Api) -> None:
    engine = shared_engine()
    for gemeente in [None, *sorted(engine.base.gemeenten)]:
        params = {"peildatum": DAY} | ({"gemeente": gemeente} if gemeente else {})
        response = sqlite_api.client.get("/v1/regels", params=params, headers=sqlite_api.auth("beleid"))
        assert response.status_code == 200, response.text
        overview = response.json()
        ruleset = engine.ruleset(dt.date(2025, 1, 1), gemeente)
        assert overview["versie"] == ruleset.versie
        assert overview["gemeente"] == gemeente
        assert [r["id"] for r in overview["regels"]] == [r.id for r in ruleset.rules]
        assert overview["parameters"] == ruleset.parameters
        for shown, compiled in zip(overview["regels"], ruleset.rules, strict=False):
            assert shown["bron"]["document"] == compiled.loaded.regel.bron.document
            assert shown["bron"] == ruleset.bronvermelding(compiled.loaded.regel.bron, DAY_DATE).model_dump(mode="json")
            assert ".txt" not in shown["bron"]["citaat"]
            assert shown["van_toepassing"] is (compiled.durable_index is not None)
            assert shown["bestand"] == compiled.loaded.file


def test_one_rule_with_condition_source_and_periods(sqlite_api: Api) -> None:
    loaded = shared_engine().base.rules[0]
    response = sqlite_api.client.get(
        f"/v1/regels/{loaded.id}", params={"peildatum": DAY}, headers=sqlite_api.auth("toegang")
    )
    assert response.status_code == 200, response.text
    rule = response.json()
    assert rule["titel"] == loaded.regel.titel
    assert rule["als"] == loaded.regel.als.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert rule["bron"]["regels"] == loaded.regel.bron.regels
    assert rule["regelnummer"] == loaded.line
    assert {
        "geldig_vanaf": loaded.regel.geldig_vanaf.isoformat(),
        "geldig_tot": None if loaded.regel.geldig_tot is None else loaded.regel.geldig_tot.isoformat(),
    } in rule["versies"]


def test_unknown_rule_municipality_and_date(sqlite_api: Api) -> None:
    headers = sqlite_api.auth("beleid")
    assert sqlite_api.client.get("/v1/regels/GEEN-REGEL-99", headers=headers).status_code == 404
    unknown = sqlite_api.client.get("/v1/regels", params={"gemeente": "atlantis"}, headers=headers)
    assert unknown.status_code == 422 and unknown.json()["invalidParams"][0]["name"] == "gemeente"
    early = sqlite_api.client.get("/v1/regels", params={"peildatum": "1900-01-01"}, headers=headers)
    assert early.status_code == 422 and early.json()["invalidParams"][0]["name"] == "peildatum"
    bad_date = sqlite_api.client.get("/v1/regels", params={"peildatum": "morgen"}, headers=headers)
    assert bad_date.status_code == 422 and bad_date.json()["invalidParams"][0]["name"] == "peildatum"


def _validate(api: Api, bestand: str, content: bytes):
    return api.client.post(
        "/v1/regels/validatie",
        params={"bestand": bestand},
        content=content,
        headers={**api.auth("beleid"), "Content-Type": "application/yaml"},
    )


def test_the_rules_in_service_validate(sqlite_api: Api) -> None:
    name = sorted(p.name for p in RULES.glob("*.yaml"))[0]
    response = _validate(sqlite_api, name, (RULES / name).read_bytes())
    assert response.status_code == 200
    assert response.json() == {"bestand": f"{RULES.name}/{name}", "geldig": True, "fouten": []}


def test_errors_come_with_file_line_and_rule_and_nothing_is_published(sqlite_api: Api) -> None:
    before_files = _tree_digest(RULES)
    before_rules = sqlite_api.client.get(
        "/v1/regels", params={"peildatum": DAY}, headers=sqlite_api.auth("beleid")
    ).json()
    broken = (
        "regels:\n"
        "  - id: NIEUW-01\n"
        "    titel: Een regel met een onbekend feit\n"
        "    bron: {document: verordening-jeugdhulp-voorbeeldstad, regels: '1-2', status: beleid}\n"
        "    geldig_vanaf: 2015-01-01\n"
        "    als: {feit: hulpvraag.kleur, is: blauw}\n"
        "    dan: {uitkomst: {toegang: beschikking}}\n"
    )
    response = _validate(sqlite_api, "99_nieuw.yaml", broken.encode())
    assert response.status_code == 200
    result = response.json()
    assert result["geldig"] is False
    assert {"bestand": f"{RULES.name}/99_nieuw.yaml", "regelnummer": 6, "regel_id": "NIEUW-01"}.items() <= result[
        "fouten"
    ][0].items()
    assert "hulpvraag.kleur" in result["fouten"][0]["melding"]
    # Nothing published: the files and the rules in force are as before.
    assert _tree_digest(RULES) == before_files
    after = sqlite_api.client.get("/v1/regels", params={"peildatum": DAY}, headers=sqlite_api.auth("beleid")).json()
    assert after == before_rules
    assert not (RULES / "99_nieuw.yaml").exists()


def test_replacing_a_file_is_checked_against_the_other_files(sqlite_api: Api) -> None:
    # Emptying a municipality file that exists breaks it (its `gemeente` key is required).
    gemeente = sorted(shared_engine().base.gemeenten)[0]
    response = _validate(sqlite_api, f"gemeenten/{gemeente}.yaml", b"parameters: {}\n")
    result = response.json()
    assert result["geldig"] is False
    assert any(f["bestand"] == f"{RULES.name}/gemeenten/{gemeente}.yaml" for f in result["fouten"])


@pytest.mark.parametrize("bestand", ["../evil.yaml", "/etc/passwd.yaml", "gemeenten/../../x.yaml", "regels.txt", ""])
def test_file_names_cannot_leave_the_rules_directory(sqlite_api: Api, bestand: str) -> None:
    response = _validate(sqlite_api, bestand, b"regels: []\n")
    assert response.status_code == 422
    assert response.json()["invalidParams"][0]["name"] == "bestand"


def test_yaml_bombs_are_refused_quickly(sqlite_api: Api) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[i]
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    started = time.monotonic()
    bomb = _validate(sqlite_api, "99_bom.yaml", "\n".join(levels).encode())
    deep = _validate(sqlite_api, "99_diep.yaml", b"[" * 50_000)
    assert time.monotonic() - started < 10
    for response in (bomb, deep):
        assert response.status_code == 200
        assert response.json()["geldig"] is False


def test_oversized_rules_file_is_413(sqlite_api: Api) -> None:
    response = _validate(sqlite_api, "99_groot.yaml", b"#" * (sqlite_api.settings.max_rules_body_bytes + 1))
    assert response.status_code == 413


def test_a_huge_integer_and_deep_nesting_are_reported_with_their_line_quickly(sqlite_api: Api) -> None:
    """The route reads uploads with the engine's one hardened loader (`engine.yaml_source`)."""
    huge = b"regels:\n  - id: TOE-XX-01\n    geldig_vanaf: 2025-01-01\n    titel: " + b"9" * 100_000 + b"\n"
    deep = b"regels:\n  - " + b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n"
    for body, line in ((huge, 4), (deep, 2)):
        started = time.process_time()
        response = _validate(sqlite_api, "99_raar.yaml", body)
        assert time.process_time() - started < 2
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["geldig"] is False
        ours = [f for f in result["fouten"] if f["bestand"].endswith("99_raar.yaml")]
        assert ours, result
        assert ours[0]["regelnummer"] == line, ours
