"""A compiled ruleset as Polars column expressions: a whole caseload evaluated at once.

The same `CompiledRuleSet` the durable-rules path runs (conditions with parameters folded in,
exceptions compiled into the conditions, presumptions, the rules valid on the date) becomes one
expression per rule over the case columns. Unknown is null, and Polars' `&`, `|` and `~` are
Kleene's three-valued logic, which is exactly `engine.conditions.evaluate`; a rule applies when
its condition is true. Concluded facts are computed in dependency order (`CompiledRuleSet.order`),
so the resolution is the order-free one the durable path also reaches (`engine.evaluator._derive`):

- a concluded fact two applicable rules disagree on is disputed, and null for every rule that
  tests it;
- a value that a rule not yet decided could still contradict is left open (the open analysis of
  `engine.partial.OpenAnalysis`: a derived fact that no undecided rule can still conclude counts
  as absent, `bekend: true` on an awaited fact is open), and so is what the rules that built on it
  concluded;
- the grounds for `buiten` and the domain follow `engine.evaluator._resolve_outcomes`.

The result is the outcome fields as the assessment shows them (`OUTCOME_COLUMNS`) and one
yes/no column per rule (`applied_column`). Explanations stay with the single-case path.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from engine import conditions as c
from engine.compiler import CompiledRule, CompiledRuleSet
from engine.facts import BUITEN_DOMEINEN, CASE_FACTS, OUTCOME, OUTCOME_FACTS, UNDECIDED, UNDECIDED_OUTCOMES

_DOMEIN = f"{OUTCOME}.buiten_domein"
_GRONDEN = f"{OUTCOME}.buiten_gronden"
_REIKWIJDTE = f"{OUTCOME}.reikwijdte"
#: The case fact whose presence means the case has a referral (the `verwijzing` outcome group).
REFERRAL_FACT = "verwijzing.verwijzer"

#: The outcome columns, in the order of the outcome contract (`verwijzing.*` flattened).
OUTCOME_COLUMNS: tuple[str, ...] = tuple(OUTCOME_FACTS)

_DTYPES: dict[str, pl.DataType] = {
    "bool": pl.Boolean(),
    "int": pl.Int64(),
    "float": pl.Float64(),
    "str": pl.String(),
    "enum": pl.String(),
}


def case_dtype(path: str) -> pl.DataType:
    """The Polars type of a case fact's column (a list fact: a list of texts)."""
    ft = CASE_FACTS[path]
    if ft.kind == "enum":
        return pl.Enum(ft.values)
    return pl.List(pl.String()) if ft.kind == "list" else _DTYPES[ft.kind]


def outcome_dtype(name: str) -> pl.DataType:
    """The type of an outcome column: a list outcome is a bit mask of its members (`LIST_MEMBERS`),
    which is cheap to compute and compare; `as_lists` turns masks into lists where they are shown."""
    ft = OUTCOME_FACTS[name]
    return pl.UInt32() if ft.kind == "list" else _DTYPES[ft.kind]


#: The members of each list outcome, in the order of their bits in its mask column.
LIST_MEMBERS: dict[str, tuple[str, ...]] = {n: ft.values for n, ft in OUTCOME_FACTS.items() if ft.kind == "list"}


def members_of(name: str, mask: int | None) -> list[str]:
    """The members a mask of list outcome `name` holds, in the contract's order."""
    return [m for i, m in enumerate(LIST_MEMBERS[name]) if mask and mask >> i & 1]


def as_lists(frame: pl.DataFrame, prefix: str = "") -> pl.DataFrame:
    """`frame` with the mask columns of the list outcomes (named `prefix` + field) as lists of
    members; each distinct mask is converted once."""
    for name in LIST_MEMBERS:
        column = f"{prefix}{name}"
        if column not in frame.columns:
            continue
        masks = frame[column].unique().drop_nulls().to_list()
        lookup = pl.DataFrame(
            {column: masks, "__lijst": [members_of(name, m) for m in masks]},
            schema={column: pl.UInt32, "__lijst": pl.List(pl.String)},
        )
        joined = frame.select(column).join(lookup, on=column, how="left", maintain_order="left")["__lijst"]
        frame = frame.with_columns(joined.alias(column))
    return frame


def applied_column(rule_id: str) -> str:
    """The yes/no column that says whether rule `rule_id` applied."""
    return f"regel:{rule_id}"


class BatchCompileError(Exception):
    """A rule base the vectorised evaluator cannot express (the durable path can still run it)."""


def _any(items: Iterable[pl.Expr]) -> pl.Expr:
    found = list(items)
    return functools.reduce(operator.or_, found) if found else pl.lit(False)


def _all(items: Iterable[pl.Expr]) -> pl.Expr:
    found = list(items)
    return functools.reduce(operator.and_, found) if found else pl.lit(True)


_NULL_BOOL = pl.lit(None, dtype=pl.Boolean)


@dataclass
class _Names:
    """Internal column names (prefixed so they never meet a case field)."""

    prefix: str = "__"

    def value(self, rule_id: str) -> str:  # the rule's condition, three-valued
        return f"{self.prefix}v:{rule_id}"

    def fact(self, path: str) -> str:  # a concluded scalar fact, null while absent or disputed
        return f"{self.prefix}f:{path}"

    def disputed(self, path: str) -> str:
        return f"{self.prefix}d:{path}"

    def member(self, path: str, member: str) -> str:  # an applicable rule adds the member (true or null)
        return f"{self.prefix}m:{path}:{member}"

    def present(self, path: str) -> str:  # some applicable rule adds a member to a list outcome
        return f"{self.prefix}p:{path}"

    def open_rule(self, rule_id: str) -> str:  # undecided in the open analysis
        return f"{self.prefix}o:{rule_id}"

    def live(self, path: str) -> str:  # disputed, or an undecided rule may still conclude it
        return f"{self.prefix}l:{path}"

    def open_path(self, path: str) -> str:  # a value an open rule may contradict, or built on one
        return f"{self.prefix}x:{path}"

    def tainted(self, rule_id: str) -> str:
        return f"{self.prefix}t:{rule_id}"


@dataclass
class BatchRuleset:
    """One compiled ruleset as a sequence of column stages, applied to a frame of cases."""

    ruleset: CompiledRuleSet
    stages: list[list[pl.Expr]] = field(default_factory=list)
    internal: list[str] = field(default_factory=list)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.ruleset.rules)

    def apply(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """`frame` (case columns, see `engine.batch.caseload`) with the outcome columns and one
        applied column per rule added."""
        for stage in self.stages:
            frame = frame.with_columns(stage)
        return frame.drop(self.internal)


class _Compiler:
    def __init__(self, ruleset: CompiledRuleSet) -> None:
        self.rs = ruleset
        self.n = _Names()
        self.scalar_paths: dict[str, list[CompiledRule]] = {}
        self.list_paths: dict[str, list[CompiledRule]] = {}
        for path, rules in ruleset.concluders.items():
            if any(path in r.adds for r in rules):
                self.list_paths[path] = [r for r in rules if path in r.adds]
            if any(path in r.derives for r in rules):
                self.scalar_paths[path] = [r for r in rules if path in r.derives]
        for path, rules in self.scalar_paths.items():
            kinds = {type(r.derives[path]) for r in rules}
            if len(kinds) > 1:
                raise BatchCompileError(f"{path}: regels concluderen waarden van verschillend type")
        self.stages: list[list[pl.Expr]] = []
        self.internal: list[str] = []

    # -- conditions ---------------------------------------------------------------------------

    def _col(self, path: str) -> pl.Expr:
        if path in CASE_FACTS:
            return pl.col(path)
        return pl.col(self.n.fact(path))

    def _compare(self, node: c.Cmp, column: pl.Expr) -> pl.Expr:
        op, value = node.op, node.value
        if op == "known":
            return column.is_not_null()
        if op == "unknown":
            return column.is_null()
        if node.is_list and op in ("has", "nhas"):
            contains = column.list.contains(pl.lit(value, dtype=pl.String))
            return contains if op == "has" else ~contains
        if op in ("in", "nin"):
            inside = column.is_in(list(value))
            return inside if op == "in" else ~inside
        literal = pl.lit(value)
        return {
            "eq": operator.eq,
            "neq": operator.ne,
            "gt": operator.gt,
            "lt": operator.lt,
            "ge": operator.ge,
            "le": operator.le,
        }[op](column, literal)

    def _expr(self, node: c.Node, leaf: Callable[[c.Cmp], pl.Expr]) -> pl.Expr:
        if isinstance(node, c.Const):
            return pl.lit(node.value)
        if isinstance(node, c.All):
            return _all(self._expr(i, leaf) for i in node.items)
        if isinstance(node, c.AnyOf):
            return _any(self._expr(i, leaf) for i in node.items)
        if isinstance(node, c.Not):
            return ~self._expr(node.item, leaf)
        return leaf(node)

    def _firing_leaf(self, node: c.Cmp) -> pl.Expr:
        """A comparison as forward chaining sees it: a list outcome's member is true once added,
        unknown until then (never false: another rule may still add it)."""
        if node.path not in CASE_FACTS and node.path not in self.rs.concluders:
            return _NULL_BOOL  # no rule in force concludes it: it stays unknown
        if node.path in self.list_paths and node.path not in CASE_FACTS:
            flag = pl.col(self.n.member(node.path, node.value))
            return flag if node.op == "has" else ~flag
        compared = self._compare(node, self._col(node.path))
        if node.path not in self.scalar_paths or len(self._by_value(node.path)) < 2:
            return compared
        # a disputed fact counts as any of its values (`engine.evaluator._under_dispute`)
        holds: list[pl.Expr] = []
        fails: list[pl.Expr] = []
        for value, rules in self._by_value(node.path):
            (holds if c.evaluate(node, {node.path: value}) else fails).append(_any(self._applies(r) for r in rules))
        for_each = pl.when(~_any(fails)).then(pl.lit(True)).when(~_any(holds)).then(pl.lit(False)).otherwise(_NULL_BOOL)
        return pl.when(pl.col(self.n.disputed(node.path))).then(for_each).otherwise(compared)

    def _analysis_leaf(self, node: c.Cmp, dead: bool, awaited: tuple[str, ...]) -> pl.Expr:
        """A comparison as the open analysis sees it (`engine.partial._open_without`): a concluded
        fact that is absent and not live is false; a list outcome with members is a known list;
        `bekend` on an awaited unknown case fact is open."""
        path = node.path
        if path in CASE_FACTS:
            column = pl.col(path)
            if node.op == "known" and path in awaited:
                return pl.when(column.is_null()).then(_NULL_BOOL).otherwise(pl.lit(True))
            return self._compare(node, column)
        if path not in self.rs.concluders:  # nothing in force concludes it: absent, and dead
            return pl.lit(node.op == "unknown") if dead else _NULL_BOOL
        if path in self.list_paths:
            present = pl.col(self.n.present(path))
            flag = pl.col(self.n.member(path, node.value)).fill_null(False)
            known = flag if node.op == "has" else ~flag
        else:
            present = pl.col(self.n.fact(path)).is_not_null()
            known = self._compare(node, pl.col(self.n.fact(path)))
        otherwise = (~pl.col(self.n.live(path))) if dead else pl.lit(False)
        if not dead:
            return pl.when(present).then(known).otherwise(_NULL_BOOL)
        return pl.when(present).then(known).when(otherwise).then(pl.lit(node.op == "unknown")).otherwise(_NULL_BOOL)

    # -- stages -------------------------------------------------------------------------------

    def _stage(self, exprs: list[tuple[str, pl.Expr]], internal: bool = True) -> None:
        if not exprs:
            return
        self.stages.append([e.alias(name) for name, e in exprs])
        if internal:
            self.internal.extend(name for name, _ in exprs)

    def _levels(self) -> tuple[list[list[CompiledRule]], list[list[str]]]:
        """The rules in groups that can be evaluated together (a rule after every rule concluding
        what it tests), and per group the concluded facts whose last concluder is in it."""
        level_of_path: dict[str, int] = {}
        level_of_rule: dict[str, int] = {}
        for rule in self.rs.order:
            tested = [level_of_path[p] for p in rule.effective_paths if p in level_of_path]
            level = max(tested, default=-1) + 1
            level_of_rule[rule.id] = level
            for path in (*rule.derives, *rule.adds):
                level_of_path[path] = max(level_of_path.get(path, 0), level)
        groups: dict[int, list[CompiledRule]] = {}
        for rule in self.rs.order:
            groups.setdefault(level_of_rule[rule.id], []).append(rule)
        levels = sorted(groups)
        paths = [sorted(p for p, k in level_of_path.items() if k == level) for level in levels]
        return [groups[k] for k in levels], paths

    def _applies(self, rule: CompiledRule) -> pl.Expr:
        return pl.col(self.n.value(rule.id)).fill_null(False)

    def _facts_of(self, paths: list[str]) -> list[tuple[str, pl.Expr]]:
        """The concluded facts whose every concluder has been evaluated."""
        exprs: list[tuple[str, pl.Expr]] = []
        for path in paths:
            if path in self.scalar_paths:
                exprs.extend(self._scalar_fact(path))
            if path in self.list_paths:
                exprs.extend(self._list_fact(path))
        return exprs

    def _by_value(self, path: str) -> list[tuple[Any, list[CompiledRule]]]:
        grouped: dict[Any, list[CompiledRule]] = {}
        for rule in self.scalar_paths[path]:
            grouped.setdefault(rule.derives[path], []).append(rule)
        return sorted(grouped.items(), key=lambda kv: str(kv[0]))

    def _scalar_fact(self, path: str) -> list[tuple[str, pl.Expr]]:
        groups = self._by_value(path)
        anys = [(value, _any(self._applies(r) for r in rules)) for value, rules in groups]
        if len(anys) == 1:
            value, applies = anys[0]
            return [(self.n.fact(path), pl.when(applies).then(pl.lit(value))), (self.n.disputed(path), pl.lit(False))]
        count = pl.sum_horizontal([a.cast(pl.Int8) for _, a in anys])
        chosen = pl.coalesce([pl.when(a).then(pl.lit(v)) for v, a in anys])
        return [
            (self.n.fact(path), pl.when(count == 1).then(chosen)),
            (self.n.disputed(path), count >= 2),
        ]

    def _list_fact(self, path: str) -> list[tuple[str, pl.Expr]]:
        members = OUTCOME_FACTS[path.split(".", 1)[1]].values
        exprs: list[tuple[str, pl.Expr]] = []
        for member in members:
            adders = [r for r in self.list_paths[path] if member in r.adds[path]]
            exprs.append((self.n.member(path, member), pl.when(_any(self._applies(r) for r in adders)).then(True)))
        exprs.append((self.n.present(path), _any(self._applies(r) for r in self.list_paths[path])))
        return exprs

    def compile(self) -> BatchRuleset:
        levels, concluded = self._levels()
        # 1. forward chaining, level by level: each rule's condition, then what its level concludes
        for rules, paths in zip(levels, concluded, strict=True):
            self._stage([(self.n.value(r.id), self._expr(r.effective, self._firing_leaf)) for r in rules])
            self._stage(self._facts_of(paths))
        # 2. the open analysis, in the same order: which rules are undecided, which facts live
        for rules, paths in zip(levels, concluded, strict=True):
            self._stage([(self.n.open_rule(r.id), self._open(r)) for r in rules if self._matters(r)])
            self._stage([(self.n.live(p), self._live(p)) for p in paths])
        # 3. values an open rule may contradict, and the rules built on them, in the same order
        for rules, paths in zip(levels, concluded, strict=True):
            self._stage([(self.n.tainted(r.id), self._taint(r)) for r in rules])
            self._stage([(self.n.open_path(p), self._open_path(p)) for p in paths])
        # 4. the outcome fields and the applied rules
        self._stage(self._outcomes(), internal=False)
        return BatchRuleset(self.rs, self.stages, self.internal)

    # -- the open analysis (engine.partial.OpenAnalysis.rule_needs) -----------------------------

    def _open(self, rule: CompiledRule) -> pl.Expr:
        node = rule.effective
        with_dead = self._expr(node, lambda leaf: self._analysis_leaf(leaf, dead=True, awaited=rule.awaited))
        if not rule.awaited:
            # without awaited facts the dead facts only settle what was open: open stays open
            # only if it was open before (Kleene logic is monotone), so one evaluation suffices
            return with_dead.is_null()
        plain = self._expr(node, lambda leaf: self._analysis_leaf(leaf, dead=False, awaited=()))
        result = plain.is_null() & with_dead.is_null()
        if rule.awaited:
            awaiting = _any(pl.col(p).is_null() for p in rule.awaited)
            kept = self._expr(node, lambda leaf: self._analysis_leaf(leaf, dead=False, awaited=rule.awaited))
            result = result | ((plain == pl.lit(False)).fill_null(False) & awaiting & kept.is_null())
        return result

    def _matters(self, rule: CompiledRule) -> bool:
        """Whether a rule's openness is used: it concludes something (a rule without conclusions
        makes no fact live and contradicts no value)."""
        return bool(rule.derives or rule.adds)

    def _live(self, path: str) -> pl.Expr:
        disputed = pl.col(self.n.disputed(path)) if path in self.scalar_paths else pl.lit(False)
        return disputed | _any(pl.col(self.n.open_rule(r.id)) for r in self.rs.concluders.get(path, ()))

    # -- values left open and the rules built on them (engine.evaluator._possibly_disputed, _tainted)

    def _rival(self, path: str) -> pl.Expr:
        if path not in self.scalar_paths:
            return pl.lit(False)
        value = pl.col(self.n.fact(path))
        found = [
            (value != pl.lit(v)).fill_null(False) & _any(pl.col(self.n.open_rule(r.id)) for r in rules)
            for v, rules in self._by_value(path)
        ]
        return _any(found)

    def _open_path(self, path: str) -> pl.Expr:
        """The value of `path` is left open: an open rule may contradict it, or a rule built on
        such a value concluded it. (A disputed value is null from the start.)"""
        return self._rival(path) | _any(pl.col(self.n.tainted(r.id)) for r in self.rs.concluders.get(path, ()))

    def _taint(self, rule: CompiledRule) -> pl.Expr:
        tested = [p for p in sorted(rule.effective_paths) if p in self.rs.concluders]
        return self._applies(rule) & _any(pl.col(self.n.open_path(p)) for p in tested)

    def _closed(self, path: str) -> pl.Expr:
        """Not left open: not disputed, no rival, no tainted rule concluding it as a value."""
        derivers = [r for r in self.rs.concluders.get(path, ()) if path in r.derives]
        open_ = self._rival(path) | _any(pl.col(self.n.tainted(r.id)) for r in derivers)
        if path in self.scalar_paths:
            open_ = open_ | pl.col(self.n.disputed(path))
        return ~open_

    # -- the outcome fields (engine.evaluator._resolve_outcomes and _outcome_fields) --------------

    def _kept(self, rule: CompiledRule) -> pl.Expr:
        """Applied and not built on a value left open."""
        return self._applies(rule) & ~pl.col(self.n.tainted(rule.id))

    def _members(self, path: str, member: str) -> pl.Expr:
        return _any(self._kept(r) for r in self.list_paths.get(path, ()) if member in r.adds[path])

    def _scalar(self, name: str) -> pl.Expr:
        path = f"{OUTCOME}.{name}"
        if path not in self.scalar_paths:
            return pl.lit(None, dtype=outcome_dtype(name))
        return pl.when(self._closed(path)).then(pl.col(self.n.fact(path))).otherwise(pl.lit(None))

    def _as_mask(self, flags: list[tuple[str, pl.Expr]]) -> pl.Expr:
        """Bit i set when member i holds (flags in the contract's order)."""
        return pl.sum_horizontal(
            [f.cast(pl.UInt32) * pl.lit(1 << i, dtype=pl.UInt32) for i, (_, f) in enumerate(flags)]
        )

    def _outcomes(self) -> list[tuple[str, pl.Expr]]:
        exprs: list[tuple[str, pl.Expr]] = []
        domain_closed = self._closed(_DOMEIN) if _DOMEIN in self.rs.concluders else pl.lit(True)
        direct = {
            m: _any(self._kept(r) for r in self.scalar_paths.get(_DOMEIN, ()) if r.derives[_DOMEIN] == m)
            for m in BUITEN_DOMEINEN
        }
        grounds = [(m, self._members(_GRONDEN, m) | (domain_closed & direct[m])) for m in BUITEN_DOMEINEN]
        ground_count = pl.sum_horizontal([f.cast(pl.Int8) for _, f in grounds])
        single_ground = pl.coalesce([pl.when(f).then(pl.lit(m)) for m, f in grounds])
        has_referral = pl.col(REFERRAL_FACT).is_not_null()
        for name, ft in OUTCOME_FACTS.items():
            path = f"{OUTCOME}.{name}"
            if name == "buiten_gronden":
                expr = self._as_mask(grounds)
            elif ft.kind == "list":
                expr = self._as_mask([(m, self._members(path, m)) for m in ft.values])
            elif name == "buiten_domein":
                value = self._scalar(name)
                outside = (self._scalar("reikwijdte") == pl.lit("buiten")).fill_null(False)
                fallback = pl.when(domain_closed & (ground_count == 1)).then(single_ground)
                expr = pl.when(outside).then(pl.coalesce([value, fallback]))
            elif name.startswith("verwijzing."):
                expr = pl.when(has_referral).then(self._scalar(name))
            elif ft.kind == "bool":
                expr = self._scalar(name).fill_null(False)
            elif name in UNDECIDED_OUTCOMES:
                expr = self._scalar(name).fill_null(pl.lit(UNDECIDED))
            else:
                expr = self._scalar(name)
            exprs.append((name, expr.cast(outcome_dtype(name))))
        exprs.extend((applied_column(r.id), self._applies(r)) for r in self.rs.rules)
        return exprs


def compile_batch(ruleset: CompiledRuleSet) -> BatchRuleset:
    """The ruleset as column stages (see the module docstring)."""
    return _Compiler(ruleset).compile()
