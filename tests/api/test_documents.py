"""`api.documents.model_json` writes exactly the bytes `model_dump_json()` writes (issue 19).

The stored assessment is written in pieces (the engine's shared entries once, orjson around
them); what a client receives and what is stored must not change by a byte. Compared here on
generated cases in every municipality configuration, on every code point in the texts orjson
itself writes, on times and on the optional parts of the explanation; and the fast path must be
the one taken (a test that only ever exercised the fallback would prove nothing).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

import orjson
import pytest
from pydantic import BaseModel, ConfigDict, field_serializer

from api import documents
from api.models import OpgeslagenBeoordeling
from engine.assessment import Beoordeling, LandelijkeWaarde
from engine.case_generator import random_case
from engine.evaluator import Engine


def _record(beoordeling: Beoordeling, **update: Any) -> OpgeslagenBeoordeling:
    fields: dict[str, Any] = {
        "id": uuid.UUID(int=random.Random(len(update)).getrandbits(128)),
        "casus_kenmerk": "K-1",
        "gemeente": beoordeling.regelset.gemeente,
        "peildatum": beoordeling.regelset.peildatum,
        "regelset_versie": beoordeling.regelset.versie,
        "aangemaakt_door": "team-toegang",
        "aangemaakt_op": dt.datetime(2026, 12, 1, 9, 10, 18, 123456, tzinfo=dt.UTC),
        "beoordeling": beoordeling,
    }
    fields.update(update)
    return OpgeslagenBeoordeling(**fields)


def _fast(model: BaseModel) -> bytes:
    """The fast path alone: fails (instead of falling back to pydantic) on anything it does not take."""
    return orjson.dumps(documents._frame(model))


@pytest.fixture(scope="module")
def assessments(shipped_engine: Engine) -> list[Beoordeling]:
    rng = random.Random(19)
    found = []
    for number in range(60):
        casus = random_case(rng, known=(number % 6) / 5)
        for gemeente in [None, *sorted(shipped_engine.base.gemeenten)]:
            found.append(shipped_engine.evaluate(casus, gemeente, dt.date(2025, 1, 1)))
    return found


def test_generated_assessments_are_written_byte_for_byte_as_pydantic_does(assessments: list[Beoordeling]) -> None:
    for beoordeling in assessments:
        record = _record(beoordeling)
        expected = record.model_dump_json().encode()
        assert _fast(record) == expected
        assert documents.model_json(record) == expected
        assert documents.model_json(beoordeling) == beoordeling.model_dump_json().encode()


def test_the_shared_entries_are_written_once(assessments: list[Beoordeling]) -> None:
    entries = [entry for beoordeling in assessments for entry in beoordeling.toelichting.niet_toegepast]
    distinct = {id(entry) for entry in entries}
    assert len(distinct) < len(entries) / 4, "the engine no longer shares its 'did not apply' entries"
    applied = [entry for beoordeling in assessments for entry in beoordeling.toelichting.toegepast]
    distinct_applied = {id(entry) for entry in applied}
    assert len(distinct_applied) < len(applied) / 2, "the engine no longer shares its 'applied' entries"
    distinct |= distinct_applied
    documents._written.clear()
    for beoordeling in assessments:
        documents.model_json(beoordeling)
    assert set(documents._written) == distinct


def test_every_code_point_in_the_texts_orjson_writes(assessments: list[Beoordeling]) -> None:
    # Texts in the frame (the record's own fields, the motivation, lists of text) are written by
    # orjson, not pydantic: every code point but the surrogates, with quotes and backslashes.
    points = [chr(cp) for cp in [*range(0xD800), *range(0xE000, 0x110000)]]
    beoordeling = assessments[0]
    for start in range(0, len(points), 20000):
        text = '"\\' + "".join(points[start : start + 20000]) + '\\"'
        changed = beoordeling.model_copy(update={"motivering": text, "ontbrekende_gegevens": [text, "a"]})
        record = _record(changed, casus_kenmerk=text, aangemaakt_door=text[::-1])
        assert _fast(record) == record.model_dump_json().encode()


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 12, 1, 9, 10, 18, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 1, 9, 10, 18, 1, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 1, 9, 10, 18, 500000, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        dt.datetime(1999, 1, 2, 3, 4, 5),
    ],
)
def test_times_dates_and_ids(assessments: list[Beoordeling], moment: dt.datetime) -> None:
    record = _record(assessments[1], aangemaakt_op=moment, peildatum=dt.date(1, 2, 3), id=uuid.uuid4())
    assert _fast(record) == record.model_dump_json().encode()


def test_missing_and_present_optional_parts(assessments: list[Beoordeling]) -> None:
    # `landelijke_waarden` is left out when empty (exclude_if) and written when not; a municipality
    # and a case reference may be absent.
    beoordeling = assessments[2]
    toelichting = beoordeling.toelichting.model_copy(
        update={"landelijke_waarden": [LandelijkeWaarde(parameter="p", waarde=[1.5, None, "é"], uitleg="u")]}
    )
    for changed in (beoordeling, beoordeling.model_copy(update={"toelichting": toelichting})):
        record = _record(changed, gemeente=None, casus_kenmerk=None)
        assert _fast(record) == record.model_dump_json().encode()
    assert b'"landelijke_waarden":[{"parameter":"p","waarde":[1.5,null,"\xc3\xa9"]' in _fast(
        _record(beoordeling.model_copy(update={"toelichting": toelichting}))
    )


class _Shared(BaseModel):
    model_config = ConfigDict(frozen=True)

    waarde: float


class _WithSerialiser(BaseModel):
    # A serialiser of its own: the walker must leave the model to pydantic.
    naam: str
    gedeeld: _Shared

    @field_serializer("naam")
    def _upper(self, value: str) -> str:
        return value.upper()


class _Frame(BaseModel):
    naam: str
    stukken: list[_Shared]
    binnen: _WithSerialiser
    getal: int
    feiten: dict[Any, Any]


def test_what_the_walker_does_not_follow_is_left_to_pydantic() -> None:
    shared = _Shared(waarde=0.1)
    model = _Frame(
        naam="x",
        stukken=[shared, shared],
        binnen=_WithSerialiser(naam="klein", gedeeld=shared),
        getal=2**70,  # beyond orjson's integers: pydantic writes it
        feiten={"a": float("nan"), "b": dt.date(2025, 1, 1), 3: {1, 2}},
    )
    assert documents.model_json(model) == model.model_dump_json().encode()
    assert b'"naam":"KLEIN"' in documents.model_json(model)


def test_an_unexpected_value_in_the_frame_falls_back_to_pydantic(assessments: list[Beoordeling]) -> None:
    # No validation on assignment: a value of another kind than declared (an enum, a tuple) can be
    # in a model; then pydantic writes the whole document, as before.
    record = _record(assessments[3])
    odd = record.beoordeling.model_copy(update={"ontbrekende_gegevens": ("a", "b")})
    changed = record.model_copy(update={"beoordeling": odd})
    with pytest.raises(documents._Unsupported):
        _fast(changed)
    with pytest.warns(UserWarning, match="Expected `list\\[str\\]`"):
        written = documents.model_json(changed)
    with pytest.warns(UserWarning, match="Expected `list\\[str\\]`"):
        assert written == changed.model_dump_json().encode()


def test_the_cache_of_written_entries_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_WRITTEN", 10)
    documents._written.clear()
    kept = [_Shared(waarde=number) for number in range(25)]
    for entry in kept:
        assert documents.model_json(entry) == entry.model_dump_json().encode()
        assert len(documents._written) <= 10
