"""The JSON Schemas in `schemas/` are what the models generate, every YAML file names its schema,
and every file passes it (validated with check-jsonschema, as an editor or CI would)."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from engine import bronnen, case, casefile, rule_model
from engine.schemas import SCHEMA_DIR, SOORTEN, modeline, schema_file_for, schema_for, schema_text

ROOT = Path(__file__).resolve().parent.parent
YAML_FILES = sorted([*ROOT.glob("rules/*.yaml"), *ROOT.glob("rules/gemeenten/*.yaml"), *ROOT.glob("personas/*.yaml")])
runner = CliRunner()


@pytest.mark.parametrize("soort", sorted(SOORTEN))
def test_the_schema_in_the_repository_is_what_the_models_generate(soort: str) -> None:
    committed = ROOT / SCHEMA_DIR / SOORTEN[soort][1]
    assert committed.read_text(encoding="utf-8") == schema_text(soort), (
        f"{committed} is verouderd: draai `reikwijdte schema --map {SCHEMA_DIR}`"
    )


def test_every_yaml_file_names_its_schema_on_its_first_line() -> None:
    assert len(YAML_FILES) > 50
    for path in YAML_FILES:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == modeline(path, ROOT), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), (path, target)


@pytest.mark.parametrize("soort", ["regels", "gemeente", "persona", "bronnen"])
def test_every_file_passes_its_schema(soort: str) -> None:
    files = [str(p) for p in YAML_FILES if schema_file_for(p, ROOT) == soort]
    assert files
    schema = ROOT / SCHEMA_DIR / SOORTEN[soort][1]
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _check(schema: str, text: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    target = tmp_path / "bestand.yaml"
    target.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(ROOT / SCHEMA_DIR / schema), str(target)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_schema_catches_what_an_editor_should_mark(tmp_path: Path) -> None:
    typo = "regels:\n  - id: R-1\n    titl: Een regel\n"
    result = _check("regels.schema.json", typo, tmp_path)
    assert result.returncode == 1 and "'titl' was unexpected" in result.stdout
    two_forms = (
        "regels:\n"
        "  - id: R-1\n"
        "    titel: Een regel met twee passages\n"
        "    bron:\n"
        "      - {document: hervormingsagenda-jeugd-stukken-2021-2022, regels: 1-2}\n"
        "      - {document: hervormingsagenda-jeugd-stukken-2021-2022, regels: 3-4, status: voorstel}\n"
        "    geldig_vanaf: 2015-01-01\n"
        "    als: {feit: jeugdige.leeftijd, kleiner_dan: 18}\n"
        "    dan: {afleiden: {jong: true}}\n"
    )
    assert _check("regels.schema.json", two_forms, tmp_path).returncode == 0  # a list of passages is a bron too
    wrong_status = two_forms.replace("status: voorstel", "status: voorsel")
    assert _check("regels.schema.json", wrong_status, tmp_path).returncode == 1
    bad_case = "casus: {jeugdige: {leeftijd: twaalf}}\n"
    assert _check("persona.schema.json", bad_case, tmp_path).returncode == 1


def test_descriptions_are_dutch_not_the_developers_docstrings() -> None:
    docstrings = {
        inspect.cleandoc(obj.__doc__)
        for module in (rule_model, case, casefile, bronnen)
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if obj.__doc__
    }
    for soort in SOORTEN:
        schema = schema_for(soort)
        definitions = {soort: schema, **schema.get("$defs", {})}
        for name, definition in definitions.items():
            assert definition.get("description"), (soort, name)
            assert definition["description"] not in docstrings, (soort, name)
            for field, prop in definition.get("properties", {}).items():
                assert prop.get("description"), (soort, name, field)


def test_the_command_prints_one_schema_and_refuses_an_unknown_kind() -> None:
    result = runner.invoke(app, ["schema", "casus"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["$id"].endswith("/schemas/casus.schema.json")
    assert runner.invoke(app, ["schema", "regel"]).exit_code == 2
