"""`bench/compare_assessments.py`: the tool that proves a change changed no output must see a change."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("compare_assessments", ROOT / "bench" / "compare_assessments.py")
assert _SPEC is not None and _SPEC.loader is not None
compare_assessments = importlib.util.module_from_spec(_SPEC)
sys.modules["compare_assessments"] = compare_assessments
_SPEC.loader.exec_module(compare_assessments)


def test_a_municipal_parameter_change_differs_there_and_nowhere_else(tmp_path: Path) -> None:
    changed = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", changed)
    municipal = changed / "gemeenten" / "voorbeeldstad.yaml"
    text = municipal.read_text()
    assert "kostendrempel: 2500" in text
    municipal.write_text(text.replace("kostendrempel: 2500", "kostendrempel: 100"))
    work = tmp_path / "work"
    work.mkdir()
    sides = (
        compare_assessments.Side("basis", ROOT, ROOT / "rules"),
        compare_assessments.Side("checkout", ROOT, changed),
    )

    differing = compare_assessments.compare_sides(sides, work, 4, 7, details=1, uitvoer=tmp_path / "out")

    assert {gemeente for _, gemeente, _ in differing} == {"voorbeeldstad"}
    assert [index for index, _, _ in differing] == [0, 1, 2, 3]  # its version differs in every assessment
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "0000-basis.json",
        "0000-case.json",
        "0000-checkout.json",
    ]


def test_differing_fields_name_the_path_and_the_first_difference() -> None:
    a = {"toegang": "beschikking", "signalen": ["x"], "motivering": "De hulp valt binnen de wet."}
    b = {"toegang": "vrij_toegankelijk", "signalen": ["x", "y"], "motivering": "De hulp valt buiten de wet."}

    found = list(compare_assessments.differing_fields(a, b))

    assert found[0] == 'toegang: basis "beschikking"  checkout "vrij_toegankelijk"'
    assert found[1] == "signalen (length 1 != 2)"
    assert found[2].startswith('motivering: basis "De hulp valt binnen') and "buiten de wet" in found[2]


def test_facts_one_side_does_not_know_are_left_out_of_the_cases() -> None:
    case = {"hulpvraag": {"soort": "cursus", "nieuw": True}, "situatie": {"zorgen": ["a", "b"], "x": "nieuw"}}
    known = {"hulpvraag.soort": ["cursus"], "situatie.zorgen": ["a"], "situatie.x": ["oud"]}

    assert compare_assessments._common(case, known) == {"hulpvraag": {"soort": "cursus"}, "situatie": {"zorgen": ["a"]}}
