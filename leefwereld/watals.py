"""Wat-als: a whole caseload under two rule versions, and what changes for whom.

Each case is evaluated under the base rules and the current rules by the batch evaluator
(`engine.batch`), in its own municipality where the caseload names one, otherwise in every chosen
configuration. A change is classified field by field with the leefwereldtoets' access order
(`leefwereld.compare.klasse_van`), and a case whose worst change is less access, in a protected
group (`engine.casefile.PROTECTED_GROUPS`), needs an acknowledgement that names the group and a
responsible rule (`erkenningen:` with `groep:`), or the run fails. A random sample of cases per
configuration is also evaluated by durable-rules (`--controle`): any disagreement stops the run.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from engine import labels
from engine.batch.caseload import GEMEENTE, GROEPEN, KENMERK, PEILDATUM
from engine.batch.check import Disagreement, compare_rows
from engine.batch.compile import OUTCOME_COLUMNS, applied_column, as_lists
from engine.batch.evaluate import BatchEngine
from engine.casefile import PROTECTED_GROUPS
from engine.evaluator import Engine
from engine.rulebase import LoadedErkenning, RuleBase
from leefwereld.compare import Klasse, gewijzigde_parameters, gewijzigde_regels, klasse_door_status, klasse_van

#: Row number in the caseload (1 = the first case) and the configuration a case was evaluated in.
RIJ = "rij"
CONFIGURATIE = "configuratie"
LANDELIJK = "landelijk"
KLASSE = "klasse"
VELDEN = "gewijzigde_velden"
REGELS_WEG = "regels_niet_meer_toegepast"
REGELS_NIEUW = "regels_nu_toegepast"

_ORDER = [Klasse.gelijk, Klasse.meer_toegang, Klasse.andere_route, Klasse.minder_toegang]

Progress = Callable[[str, int, int], None]  # (step, done, total)


def _nothing(step: str, done: int, total: int) -> None:
    return None


@dataclass
class WatAlsResultaat:
    basis_label: str
    aantal_casussen: int
    configuraties: list[str]
    beoordelingen: int  # (case, configuration) pairs evaluated per rule version
    gewijzigd: pl.DataFrame  # one row per changed (case, configuration)
    overgangen: pl.DataFrame  # configuratie, groep, veld, oud, nieuw, klasse, aantal
    verlies_onerkend: pl.DataFrame  # configuratie, groep, aantal: protected group loses access, no acknowledgement
    verlies_erkend: pl.DataFrame  # configuratie, groep, regel, aantal
    controle: list[Disagreement]
    gecontroleerd: int
    drempels: list[Drempel] = field(default_factory=list)
    gewijzigde_regels: dict[str, str] = field(default_factory=dict)
    peildatum: dt.date = dt.date(2000, 1, 1)

    @property
    def faalt(self) -> bool:
        return bool(self.controle) or self.verlies_onerkend.height > 0

    @property
    def gezinnen_minder_toegang(self) -> int:
        return int(self.gewijzigd.filter(pl.col(KLASSE) == Klasse.minder_toegang.value).select(RIJ).n_unique())


@dataclass(frozen=True)
class Drempel:
    """A numeric parameter that changed, the fact compared with it, and the cases' values near it."""

    parameter: str
    configuratie: str
    oud: float
    nieuw: float
    feit: str
    waarden: list[float]  # the caseload's known values of the fact in this configuration


def configuraties(current: RuleBase, gekozen: list[str] | None) -> list[str | None]:
    """The configurations a case without a municipality is evaluated in: national and every
    municipality, or the chosen ones (`landelijk` for national)."""
    if gekozen:
        return [None if g == LANDELIJK else g for g in gekozen]
    return [None, *sorted(current.gemeenten)]


def spread(frame: pl.DataFrame, codes: list[str | None]) -> pl.DataFrame:
    """Each case in its own municipality, or in every configuration of `codes` when it names none;
    a case of a municipality not among `codes` is left out."""
    numbered = frame.with_row_index(RIJ, offset=1)
    own = numbered.filter(pl.col(GEMEENTE).is_not_null())
    named = [c for c in codes if c is not None]
    own = own.filter(pl.col(GEMEENTE).is_in(named))
    none = numbered.filter(pl.col(GEMEENTE).is_null())
    parts = [own.with_columns(pl.col(GEMEENTE).alias(CONFIGURATIE))]
    for code in codes:
        parts.append(
            none.with_columns(
                pl.lit(code, dtype=pl.String).alias(GEMEENTE), pl.lit(code, dtype=pl.String).alias(CONFIGURATIE)
            )
        )
    return pl.concat(parts, how="vertical_relaxed").with_columns(pl.col(CONFIGURATIE).fill_null(LANDELIJK))


def _classify(changed: pl.DataFrame) -> pl.DataFrame:
    """Per changed field its class, and per case the worst (`leefwereld.compare.klasse_van`), each
    distinct (old, new, new referral status) classified once."""
    classes = []
    status = "nieuw.verwijzing.status"
    for name in OUTCOME_COLUMNS:
        old, new = f"oud.{name}", f"nieuw.{name}"
        keyed = changed.select(
            _outcome_key(changed, name, "oud.").alias("a"),
            _outcome_key(changed, name, "nieuw.").alias("b"),
            pl.col(status).alias("s"),
            pl.col(old).alias("oud"),
            pl.col(new).alias("nieuw"),
        )
        distinct = keyed.unique(["a", "b", "s"], keep="first", maintain_order=True)
        ranks = [
            _ORDER.index(klasse_door_status(name, b, st, klasse_van(name, a, b)))
            for a, b, st in distinct.select("oud", "nieuw", "s").rows()
        ]
        lookup = distinct.select("a", "b", "s").with_columns(pl.Series("k", ranks, dtype=pl.Int8))
        joined = keyed.select("a", "b", "s").join(
            lookup, on=["a", "b", "s"], how="left", nulls_equal=True, maintain_order="left"
        )
        classes.append(joined["k"].alias(name))
    worst = pl.DataFrame(classes).select(pl.max_horizontal(pl.all()).alias(KLASSE))[KLASSE]
    labels = pl.Series([k.value for k in _ORDER])
    return changed.with_columns(labels.gather(worst).alias(KLASSE))


def _outcome_key(frame: pl.DataFrame, name: str, prefix: str) -> pl.Expr:
    column = pl.col(f"{prefix}{name}")
    return column.list.join("|") if isinstance(frame.schema[f"{prefix}{name}"], pl.List) else column.cast(pl.String)


def vergelijk(
    cases: pl.DataFrame,
    old: pl.DataFrame,
    new: pl.DataFrame,
    old_rules: tuple[str, ...],
    new_rules: tuple[str, ...],
) -> pl.DataFrame:
    """The changed (case, configuration) rows with old and new outcome fields, the changed
    fields, the rules no longer or newly applied, and the class."""
    both = pl.concat(
        [
            cases.select(RIJ, CONFIGURATIE, *[c for c in (KENMERK, GROEPEN) if c in cases.columns]),
            old.select([pl.col(c).alias(f"oud.{c}") for c in OUTCOME_COLUMNS]),
            new.select([pl.col(c).alias(f"nieuw.{c}") for c in OUTCOME_COLUMNS]),
            old.select([pl.col(applied_column(r)).alias(f"oud:{r}") for r in old_rules]),
            new.select([pl.col(applied_column(r)).alias(f"nieuw:{r}") for r in new_rules]),
        ],
        how="horizontal",
    )
    differs = {name: pl.col(f"oud.{name}").ne_missing(pl.col(f"nieuw.{name}")) for name in OUTCOME_COLUMNS}
    changed = as_lists(as_lists(both.filter(pl.any_horizontal(list(differs.values()))), "oud."), "nieuw.")
    if GROEPEN not in changed.columns:
        changed = changed.with_columns(pl.lit([], dtype=pl.List(pl.String)).alias(GROEPEN))
    every = sorted(set(old_rules) | set(new_rules))

    def applied(prefix: str, rule: str, rules: tuple[str, ...]) -> pl.Expr:
        return pl.col(f"{prefix}:{rule}") if rule in rules else pl.lit(False)

    changed = changed.with_columns(
        pl.concat_list([pl.when(expr).then(pl.lit(name)) for name, expr in differs.items()])
        .list.drop_nulls()
        .alias(VELDEN),
        pl.concat_list(
            [pl.when(applied("oud", r, old_rules) & ~applied("nieuw", r, new_rules)).then(pl.lit(r)) for r in every]
            or [pl.lit(None, dtype=pl.String)]
        )
        .list.drop_nulls()
        .alias(REGELS_WEG),
        pl.concat_list(
            [pl.when(applied("nieuw", r, new_rules) & ~applied("oud", r, old_rules)).then(pl.lit(r)) for r in every]
            or [pl.lit(None, dtype=pl.String)]
        )
        .list.drop_nulls()
        .alias(REGELS_NIEUW),
        pl.concat_list(
            [pl.when(applied("nieuw", r, new_rules) | applied("oud", r, old_rules)).then(pl.lit(r)) for r in every]
            or [pl.lit(None, dtype=pl.String)]
        )
        .list.drop_nulls()
        .alias("__toegepast"),
    )
    changed = changed.drop([c for c in changed.columns if c.startswith(("oud:", "nieuw:"))])
    return _classify(changed) if changed.height else changed.with_columns(pl.lit(None, dtype=pl.String).alias(KLASSE))


def overgangen(changed: pl.DataFrame) -> pl.DataFrame:
    """Counts per transition (`toegang: vrij_toegankelijk → beschikking`), per configuration and
    per protected group (`alle` for every case)."""
    rows = []
    for name in OUTCOME_COLUMNS:
        subset = changed.filter(pl.col(f"oud.{name}").ne_missing(pl.col(f"nieuw.{name}")))
        if not subset.height:
            continue
        keyed = subset.select(
            CONFIGURATIE,
            GROEPEN,
            KLASSE,
            _outcome_key(subset, name, "oud.").fill_null("—").alias("oud"),
            _outcome_key(subset, name, "nieuw.").fill_null("—").alias("nieuw"),
        ).with_columns(pl.lit(name).alias("veld"))
        everyone = keyed.with_columns(pl.lit("alle").alias("groep")).drop(GROEPEN)
        grouped = keyed.explode(GROEPEN).filter(pl.col(GROEPEN).is_not_null()).rename({GROEPEN: "groep"})
        rows.append(pl.concat([everyone, grouped.select(everyone.columns)]))
    if not rows:
        return pl.DataFrame(
            schema={c: pl.String for c in (CONFIGURATIE, "groep", "veld", "oud", "nieuw")} | {"aantal": pl.UInt32}
        )
    # the class of a transition of one field is the class of that field's change (first case's)
    counted = (
        pl.concat(rows)
        .group_by(CONFIGURATIE, "groep", "veld", "oud", "nieuw")
        .agg(pl.len().alias("aantal"))
        .sort(
            CONFIGURATIE,
            "groep",
            "aantal",
            "veld",
            "oud",
            "nieuw",
            descending=[False, False, True, False, False, False],
        )
    )
    return counted


def _waarde_in_woorden(veld: str, tekst: str) -> str:
    """One side of a transition in words: `vrij_toegankelijk` -> `Vrij toegankelijk`, list members
    (joined by `|` in the table) each by its label, `true`/`false` as ja/nee."""
    if tekst == "—":
        return tekst
    if tekst in ("true", "false"):
        return "ja" if tekst == "true" else "nee"
    if veld in labels.UITKOMST_WAARDE:
        return ", ".join(labels.uitkomst(veld, v) for v in tekst.split("|"))
    return tekst.replace("_", " ")


def in_woorden(overgangen: pl.DataFrame) -> pl.DataFrame:
    """The transitions with their fields and values in the words of `engine.labels`, for what a
    person reads (terminal, report, pages); `overgangen.csv` keeps the codes for further analysis."""
    rows = [
        {
            **row,
            "veld": labels.veld(row["veld"]),
            "oud": _waarde_in_woorden(row["veld"], row["oud"]),
            "nieuw": _waarde_in_woorden(row["veld"], row["nieuw"]),
        }
        for row in overgangen.iter_rows(named=True)
    ]
    return pl.DataFrame(rows, schema=overgangen.schema) if rows else overgangen


def erkenningen_toepassen(
    changed: pl.DataFrame, erkenningen: list[LoadedErkenning], tekst_gewijzigd: set[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Protected groups that lose access: (unacknowledged counts, acknowledged counts per rule).

    A case in a protected group whose worst change is less access is covered by an
    acknowledgement naming that group and a responsible rule (no longer applied, newly applied, or
    whose text changed and applied in either version), for its configuration or every one."""
    losing = (
        changed.filter(pl.col(KLASSE) == Klasse.minder_toegang.value)
        .explode(GROEPEN)
        .filter(pl.col(GROEPEN).is_in(sorted(PROTECTED_GROUPS)))
        .with_columns(pl.lit(False).alias("__erkend"))
    )
    acknowledged = []
    for loaded in erkenningen:
        e = loaded.erkenning
        if e.groep is None:
            continue
        responsible = pl.col(REGELS_WEG).list.contains(e.regel) | pl.col(REGELS_NIEUW).list.contains(e.regel)
        if e.regel in tekst_gewijzigd:
            responsible = responsible | pl.col("__toegepast").list.contains(e.regel)
        covers = (pl.col(GROEPEN) == e.groep) & responsible
        if e.gemeente is not None:
            covers = covers & (pl.col(CONFIGURATIE) == e.gemeente)
        hit = losing.filter(covers & ~pl.col("__erkend"))
        if hit.height:
            acknowledged.append(
                hit.group_by(CONFIGURATIE, GROEPEN)
                .agg(pl.len().alias("aantal"))
                .with_columns(pl.lit(e.regel).alias("regel"))
            )
        losing = losing.with_columns((pl.col("__erkend") | covers).alias("__erkend"))
    open_ = (
        losing.filter(~pl.col("__erkend"))
        .group_by(CONFIGURATIE, GROEPEN)
        .agg(pl.len().alias("aantal"))
        .rename({GROEPEN: "groep"})
        .sort(CONFIGURATIE, "groep")
    )
    done = (
        pl.concat(acknowledged).rename({GROEPEN: "groep"}).sort(CONFIGURATIE, "groep")
        if acknowledged
        else pl.DataFrame(schema={CONFIGURATIE: pl.String, "groep": pl.String, "aantal": pl.UInt32, "regel": pl.String})
    )
    return open_, done


def _thresholds(old_base: RuleBase, new_base: RuleBase, cases: pl.DataFrame, codes: list[str | None]) -> list[Drempel]:
    """Numeric parameters that changed per configuration, with the facts compared with them."""
    compared = _facts_per_parameter(new_base) | _facts_per_parameter(old_base)
    found = []
    for code in codes:
        days = cases.filter(pl.col(CONFIGURATIE) == (code or LANDELIJK))[PEILDATUM].unique().to_list()
        for name, (a, b) in gewijzigde_parameters(old_base, new_base, code, days).items():
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (a, b)):
                continue
            for fact in sorted(compared.get(name.split(" (op ", 1)[0], ())):
                label = code or LANDELIJK
                values = cases.filter(pl.col(CONFIGURATIE) == label)[fact].drop_nulls().cast(pl.Float64)
                found.append(Drempel(name, label, float(a), float(b), fact, values.to_list()))
    return found


def _facts_per_parameter(base: RuleBase) -> dict[str, set[str]]:
    from engine.rule_model import Conditie, ParameterVerwijzing

    found: dict[str, set[str]] = {}

    def walk(cond: Conditie) -> None:
        for items in (cond.alle, cond.een_van):
            for item in items or []:
                walk(item)
        if cond.niet is not None:
            walk(cond.niet)
        if cond.feit is not None and cond.operator is not None:
            operand = cond.operand(cond.operator)
            if isinstance(operand, ParameterVerwijzing):
                found.setdefault(operand.parameter, set()).add(cond.feit)

    for rule in base.rules:
        walk(rule.regel.als)
    return found


def controleer(
    engine: Engine,
    batch: pl.DataFrame,
    cases: pl.DataFrame,
    aantal: int,
    zaad: int,
    peildatum: dt.date,
    progress: Progress,
    step: str,
) -> tuple[list[Disagreement], int]:
    """`aantal` random cases per configuration evaluated by durable-rules too (without explanation)."""
    rng = random.Random(zaad)
    rows: list[int] = []
    for config in sorted(set(cases[CONFIGURATIE].to_list())):
        indices = cases.with_row_index("__i").filter(pl.col(CONFIGURATIE) == config)["__i"].to_list()
        rows.extend(sorted(rng.sample(indices, min(aantal, len(indices)))))
    found: list[Disagreement] = []
    for done, index in enumerate(rows, start=1):
        found.extend(compare_rows(engine, cases, batch, [index], ..., peildatum))
        progress(step, done, len(rows))
        if found:
            break
    # name the caseload's own row, not the row of the expanded frame
    own = [Disagreement(int(cases[RIJ][d.row - 1]), d.gemeente, d.field, d.durable, d.batch) for d in found]
    return own, len(rows)


def voer_uit(
    old_base: RuleBase,
    new_base: RuleBase,
    basis_label: str,
    caseload: pl.DataFrame,
    gekozen: list[str] | None,
    peildatum: dt.date,
    controle: int,
    zaad: int = 2015,
    progress: Progress = _nothing,
) -> WatAlsResultaat:
    codes = configuraties(new_base, gekozen)
    cases = spread(caseload.with_columns(pl.col(PEILDATUM).fill_null(peildatum)), codes)
    base_cases = cases.with_columns(
        pl.when(pl.col(GEMEENTE).is_in(sorted(old_base.gemeenten))).then(pl.col(GEMEENTE)).alias(GEMEENTE)
    )
    old_batch, new_batch = BatchEngine(old_base), BatchEngine(new_base)
    progress("basisregels", 0, 1)
    old = old_batch.evaluate(base_cases, peildatum)
    progress("basisregels", 1, 1)
    progress("huidige regels", 0, 1)
    new = new_batch.evaluate(cases, peildatum)
    progress("huidige regels", 1, 1)
    disagreements: list[Disagreement] = []
    checked = 0
    if controle > 0:
        found, n = controleer(Engine(old_base), old, base_cases, controle, zaad, peildatum, progress, "controle basis")
        disagreements.extend(found)
        checked += n
        if not disagreements:
            found, n = controleer(Engine(new_base), new, cases, controle, zaad, peildatum, progress, "controle huidig")
            disagreements.extend(found)
            checked += n
    old_rules = tuple(c.split(":", 1)[1] for c in old.columns if c.startswith(applied_column("")))
    new_rules = tuple(c.split(":", 1)[1] for c in new.columns if c.startswith(applied_column("")))
    changed = vergelijk(cases, old, new, old_rules, new_rules)
    regels = gewijzigde_regels(old_base, new_base)
    tekst = {r for r, how in regels.items() if how == "gewijzigd"}
    onerkend, erkend = erkenningen_toepassen(changed, new_base.erkenningen, tekst)
    return WatAlsResultaat(
        basis_label=basis_label,
        aantal_casussen=caseload.height,
        configuraties=[c or LANDELIJK for c in codes],
        beoordelingen=cases.height,
        gewijzigd=changed.drop("__toegepast"),
        overgangen=overgangen(changed),
        verlies_onerkend=onerkend,
        verlies_erkend=erkend,
        controle=disagreements,
        gecontroleerd=checked,
        drempels=_thresholds(old_base, new_base, cases, codes),
        gewijzigde_regels=regels,
        peildatum=peildatum,
    )
