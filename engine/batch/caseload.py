"""A caseload as a Polars frame: one column per case fact (dotted name), null for unknown.

A caseload is read from Parquet, CSV or JSON Lines. Its case fields may be dotted column names
(`hulpvraag.verwachte_kosten`) or nested records (`hulpvraag: {verwachte_kosten: ...}`); both
become the dotted columns the batch evaluator reads. Each row is checked column-wise against the
case model (`engine.case.Casus`): type, the allowed values of a choice or list, the bounds and
the text checks of its fields. A bad row is reported with its row number (1 = the first case)
and field, in Dutch. Columns that are not case fields (`beschermde_groepen`, an own key) are kept
as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import annotated_types
import polars as pl
from pydantic import BaseModel

from engine.batch.compile import case_dtype
from engine.case import META_FIELDS, Casus
from engine.facts import CASE_FACTS, case_to_facts

#: Columns of a caseload besides the case facts: municipality and reference date per case, and
#: the protected groups a case belongs to (a list of names, for the what-if's summary).
GEMEENTE = "gemeente"
PEILDATUM = "peildatum"
KENMERK = "kenmerk"
GROEPEN = "beschermde_groepen"

#: Rows a reader reports at most (the count of bad rows is always complete).
MAX_REPORTED = 50


class CaseloadError(Exception):
    """The caseload cannot be read at all (missing file, unknown format, unreadable)."""


@dataclass(frozen=True)
class RowProblem:
    """One bad value: row number (1 = first case), field, what is wrong (Dutch)."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"rij {self.row}: {self.field}: {self.message}"


@dataclass
class Caseload:
    frame: pl.DataFrame  # every row, typed; a bad value is null
    problems: list[RowProblem]  # the first `MAX_REPORTED`
    bad: pl.Series  # per row: has at least one problem

    @property
    def bad_rows(self) -> int:
        return int(self.bad.sum())

    def valid(self) -> pl.DataFrame:
        """The rows without a problem (for `--sla-ongeldige-over`)."""
        return self.frame.filter(~self.bad)

    @property
    def has_groups(self) -> bool:
        return GROEPEN in self.frame.columns


def frame_from_cases(cases: Iterable[Casus], extra: dict[str, list[Any]] | None = None) -> pl.DataFrame:
    """The frame of already validated cases (tests, the cross-check, the synthetic caseload)."""
    rows = []
    for casus in cases:
        row: dict[str, Any] = dict.fromkeys(CASE_FACTS)
        row.update(case_to_facts(casus))
        row[GEMEENTE] = casus.gemeente
        row[PEILDATUM] = casus.peildatum
        rows.append(row)
    schema: dict[str, pl.DataType] = {p: case_dtype(p) for p in CASE_FACTS}
    schema[GEMEENTE] = pl.String()
    schema[PEILDATUM] = pl.Date()
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    if extra:
        frame = frame.with_columns(pl.Series(name, values) for name, values in extra.items())
    return frame


def case_of_row(row: dict[str, Any]) -> Casus:
    """The case model of one frame row (dotted columns; other columns ignored)."""
    data: dict[str, Any] = {}
    for path in CASE_FACTS:
        value = row.get(path)
        if value is None:
            continue
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = list(value) if isinstance(value, (list, tuple)) else value
    for meta in META_FIELDS:
        if row.get(meta) is not None:
            data[meta] = row[meta]
    return Casus.model_validate(data)


# -- reading --------------------------------------------------------------------------------------


def _read_raw(path: Path) -> pl.DataFrame:
    if not path.is_file():
        raise CaseloadError(f"{path}: bestand bestaat niet")
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pl.read_parquet(path)
        if suffix == ".csv":
            return pl.read_csv(path, infer_schema=False)  # every column as text, checked below
        if suffix in (".jsonl", ".ndjson"):
            return pl.read_ndjson(path, infer_schema_length=None)
    except (pl.exceptions.PolarsError, OSError, ValueError) as exc:
        raise CaseloadError(f"{path}: niet te lezen: {exc}") from exc
    raise CaseloadError(f"{path}: onbekend formaat '{suffix}' (Parquet, CSV of JSON Lines: .parquet, .csv, .jsonl)")


def _flatten(frame: pl.DataFrame) -> pl.DataFrame:
    """Nested records (struct columns) as dotted columns, at any depth."""
    while True:
        structs = [n for n, t in frame.schema.items() if isinstance(t, pl.Struct)]
        if not structs:
            return frame
        name = structs[0]
        fields = frame.schema[name].fields  # type: ignore[attr-defined]
        frame = frame.with_columns(pl.col(name).struct.field(f.name).alias(f"{name}.{f.name}") for f in fields).drop(
            name
        )


def _bounds(path: str) -> tuple[float | None, float | None, int | None]:
    """ge, le and max_length of a case field, read off the model's field metadata."""
    model: type[BaseModel] = Casus
    *parents, leaf = path.split(".")
    for part in parents:
        model = model.model_fields[part].annotation  # type: ignore[assignment]
    low = high = length = None
    for meta in model.model_fields[leaf].metadata:
        if isinstance(meta, annotated_types.Ge):
            low = float(meta.ge)  # type: ignore[arg-type]
        elif isinstance(meta, annotated_types.Le):
            high = float(meta.le)  # type: ignore[arg-type]
        elif isinstance(meta, annotated_types.MaxLen):
            length = meta.max_length
    return low, high, length


_CONTROL = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
_BOOL_TEXT = {"true": True, "false": False}


def _convert(frame: pl.DataFrame, path: str) -> tuple[pl.Series, pl.Series, str]:
    """The column as its case type, the rows whose value does not convert, and what is expected."""
    source = frame[path]
    dtype = case_dtype(path)
    ft = CASE_FACTS[path]
    if ft.kind == "list":
        if source.dtype == pl.String:  # CSV: members separated by `|` (empty text: an empty list)
            converted = source.str.split("|").list.eval(pl.element().filter(pl.element() != ""))
        else:
            converted = source.cast(dtype, strict=False)
        return converted, converted.is_null() & source.is_not_null(), "een lijst van " + ", ".join(ft.values)
    if ft.kind == "bool" and source.dtype == pl.String:
        converted = source.str.to_lowercase().replace_strict(_BOOL_TEXT, default=None, return_dtype=pl.Boolean)
    elif ft.kind == "bool" and source.dtype != pl.Boolean:
        converted = pl.Series(path, [None] * len(source), dtype=pl.Boolean)  # 1 or "ja" is never a yes/no
    elif ft.kind == "int" and source.dtype.is_float():  # 3.0 is a whole number, 3.5 is not
        column = pl.col(path)
        converted = frame.select(pl.when(column == column.round(0)).then(column.cast(pl.Int64, strict=False)))[path]
    else:
        converted = source.cast(dtype, strict=False)
    return converted, converted.is_null() & source.is_not_null(), ft.describe()


def _check(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[RowProblem], pl.Series]:
    """The frame with typed case columns, the problems (first `MAX_REPORTED`), and which rows are bad."""
    problems: list[RowProblem] = []
    bad = pl.Series("bad", [False] * frame.height)
    columns: list[pl.Series] = []
    for path in CASE_FACTS:
        if path not in frame.columns:
            columns.append(pl.Series(path, [None] * frame.height, dtype=case_dtype(path)))
            continue
        converted, failed, expected = _convert(frame, path)
        checks: list[tuple[pl.Series, str]] = [(failed, f"verwacht {expected}")]
        ft = CASE_FACTS[path]
        if ft.kind == "enum":
            checks.append((converted.is_not_null() & ~converted.is_in(list(ft.values)), f"verwacht {ft.describe()}"))
        if ft.kind == "list":
            wrong = converted.list.eval(~pl.element().is_in(list(ft.values))).list.any()
            checks.append((wrong.fill_null(False), f"verwacht {ft.describe()}"))
        low, high, length = _bounds(path)
        if low is not None:
            checks.append(((converted < low).fill_null(False), f"moet minstens {low} zijn"))
        if high is not None:
            checks.append(((converted > high).fill_null(False), f"mag hoogstens {high} zijn"))
        if ft.kind in ("str", "enum"):
            text = converted.cast(pl.String)
            checks.append((text.str.contains(_CONTROL).fill_null(False), "tekst bevat een stuurteken (zoals NUL)"))
            if length is not None:
                checks.append(((text.str.len_chars() > length).fill_null(False), f"tekst langer dan {length} tekens"))
        if ft.kind == "float":
            converted = converted.round(2)  # whole cents, as the case model rounds
        for failing, message in checks:
            if failing.any():
                bad = bad | failing
                if len(problems) < MAX_REPORTED:
                    rows = failing.arg_true().head(MAX_REPORTED - len(problems)).to_list()
                    problems.extend(RowProblem(r + 1, path, f"{message}; gekregen {frame[path][r]!r}") for r in rows)
        columns.append(converted.alias(path))
    meta = _meta_columns(frame, problems, bad)
    columns.extend(meta[0])
    bad = meta[1]
    known = set(CASE_FACTS) | {GEMEENTE, PEILDATUM} | {s.name for s in meta[0]}
    columns.extend(frame[n] for n in frame.columns if n not in known)
    problems.sort(key=lambda p: (p.row, p.field))
    return pl.DataFrame(columns), problems, bad


def _meta_columns(frame: pl.DataFrame, problems: list[RowProblem], bad: pl.Series) -> tuple[list[pl.Series], pl.Series]:
    found: list[pl.Series] = []
    gemeente = frame[GEMEENTE].cast(pl.String) if GEMEENTE in frame.columns else None
    found.append(gemeente if gemeente is not None else pl.Series(GEMEENTE, [None] * frame.height, dtype=pl.String))
    if PEILDATUM in frame.columns:
        source = frame[PEILDATUM]
        converted = source.cast(pl.String).str.to_date("%Y-%m-%d", strict=False) if source.dtype != pl.Date else source
        failing = converted.is_null() & source.is_not_null()
        if failing.any():
            bad = bad | failing
            rows = failing.arg_true().head(max(0, MAX_REPORTED - len(problems))).to_list()
            problems.extend(
                RowProblem(r + 1, PEILDATUM, f"verwacht een datum JJJJ-MM-DD; gekregen {source[r]!r}") for r in rows
            )
        found.append(converted.alias(PEILDATUM))
    else:
        found.append(pl.Series(PEILDATUM, [None] * frame.height, dtype=pl.Date))
    if GROEPEN in frame.columns and frame[GROEPEN].dtype == pl.String:  # CSV: `|`-separated
        found.append(frame[GROEPEN].str.split("|").list.eval(pl.element().filter(pl.element() != "")))
    return found, bad


def read_caseload(path: Path | str) -> Caseload:
    """Read and check a caseload (see the module docstring)."""
    raw = _flatten(_read_raw(Path(path)))
    unknown = [n for n in raw.columns if _looks_like_case_field(n) and n not in CASE_FACTS]
    if unknown:
        raise CaseloadError(f"{path}: onbekend veld van de casus: {', '.join(sorted(unknown))}")
    frame, problems, bad = _check(raw)
    return Caseload(frame, problems, bad)


def _looks_like_case_field(name: str) -> bool:
    return name.split(".", 1)[0] in {p.split(".", 1)[0] for p in CASE_FACTS} and "." in name


def default_peildatum(frame: pl.DataFrame, day: dt.date) -> pl.DataFrame:
    """Cases without their own reference date are evaluated on `day`."""
    return frame.with_columns(pl.col(PEILDATUM).fill_null(day))
