"""The rules as a policy maker reads them: by criterion, with words, sources, periods and examples.

Built once per rule base (the service's rules do not change while it runs) from four things:
the rule base itself, the twelve criteria of `docs/criteria.md` (the one list that places every
rule under a criterion; `tests/test_criteria_doc.py` keeps it complete), the coverage record
`rules/dekking.json` (written by the test run, never computed here), and the source texts where
this machine has them (`$REIKWIJDTE_BRONTEKSTEN`, else `shared/seeds` beside the checkout).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine import labels, rule_text
from engine.bronnen import Bronnenregister, citeer, render_bron
from engine.paths import REPO_ROOT, default_dir
from engine.rule_model import Bron, GedateerdeWaarde
from engine.rulebase import LoadedRule, RuleBase
from leefwereld import dekking as coverage
from leefwereld.run import lees_personas

CRITERIA_DOC = REPO_ROOT / "docs" / "criteria.md"
ENV_SOURCES = "REIKWIJDTE_BRONTEKSTEN"
#: A cited passage longer than this many lines is cut (the reader gets the line numbers).
MAX_PASSAGE_LINES = 40
_SECTION = re.compile(r"^## (\d+)\. (.+)$")
_ROW = re.compile(r"^\| `([A-Za-z][A-Za-z0-9_.-]*)` \(")


@dataclass(frozen=True)
class Criterium:
    nummer: int
    titel: str
    uitleg: str
    regel_ids: tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    """One source passage as people read it (`engine.bronnen.render_bron`: the document's title, never
    a file name), its articles with their links, and, where the text is on this machine, the lines."""

    titel: str
    regels: str
    artikel: str | None
    status: str
    opmerking: str | None
    wetsartikelen: list[tuple[str, str | None]]
    url: str | None
    tekst: str | None
    ingekort: bool = False


@dataclass(frozen=True)
class Versie:
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None

    @property
    def tekst(self) -> str:
        end = f"t/m {self.geldig_tot.isoformat()}" if self.geldig_tot else "zonder einddatum"
        return f"vanaf {self.geldig_vanaf.isoformat()} {end}"


@dataclass(frozen=True)
class RegelPagina:
    """Everything the page of one rule shows (the version in force today, else the latest)."""

    id: str
    titel: str
    bestand: str
    regelnummer: int
    criteria: tuple[Criterium, ...]
    conclusie: list[str]
    voorwaarde: rule_text.Zin
    motivering: str | None
    bronnen: list[Passage]
    versies: list[Versie]
    uitzondering_op: list[str]
    uitgezonderd_door: list[str]
    landelijk: bool
    dekking: coverage.RegelDekking
    feiten: set[str] = field(default_factory=set)

    def zoektekst(self) -> str:
        parts = [
            self.id,
            self.titel,
            *self.conclusie,
            self.motivering or "",
            rule_text.Zin("", (self.voorwaarde,)).als_tekst(),
        ]
        parts += [f"{p.titel} {p.artikel or ''} {p.opmerking or ''}" for p in self.bronnen]
        parts += sorted(self.feiten) + [labels.veld(f) for f in self.feiten]
        return " ".join(parts).lower()


@dataclass(frozen=True)
class ParameterRij:
    naam: str
    omschrijving: str
    landelijk: str
    gemeentelijk: str | None
    mag_afwijken: bool
    bron: str


@dataclass(frozen=True)
class GemeentePagina:
    code: str
    naam: str
    bestand: str
    parameters: list[ParameterRij]
    uitgesloten: list[tuple[str, str]]
    niet_gevolgd: list[tuple[str, str, str]]


def sources_dir() -> Path:
    env = os.environ.get(ENV_SOURCES)
    return Path(env) if env else REPO_ROOT.parent / "shared" / "seeds"


def read_criteria(path: Path = CRITERIA_DOC) -> list[Criterium]:
    """The twelve numbered sections of docs/criteria.md, each with its first paragraph and its rule ids."""
    found: list[Criterium] = []
    current: tuple[int, str] | None = None
    intro: list[str] = []
    ids: list[str] = []

    def close() -> None:
        if current is not None:
            text = re.sub(r"\*\*|`", "", " ".join(intro)).strip()
            found.append(Criterium(current[0], current[1], text, tuple(dict.fromkeys(ids))))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            close()
            match = _SECTION.match(line)
            current = (int(match.group(1)), match.group(2).strip()) if match else None
            intro, ids = [], []
            continue
        if current is None:
            continue
        row = _ROW.match(line)
        if row:
            ids.append(row.group(1))
        elif not line.strip() and intro:
            intro.append("")  # the first paragraph ends here
        elif not ids and line.strip() and not line.startswith("|") and "" not in intro:
            intro.append(line.strip())
    close()
    return [c for c in found if 1 <= c.nummer <= 12]


def _passage_text(document: str, regels: str, root: Path) -> tuple[str | None, bool]:
    path = root / document
    if "/" in document or not path.is_file():
        return None, False
    first, _, last = regels.partition("-")
    start, end = int(first), int(last or first)
    with path.open(encoding="utf-8", errors="replace") as handle:
        lines = [line.rstrip() for number, line in enumerate(handle, 1) if start <= number <= end]
    cut = len(lines) > MAX_PASSAGE_LINES
    return "\n".join(lines[:MAX_PASSAGE_LINES]), cut


def passages(bron: Bron, register: Bronnenregister, root: Path | None = None) -> list[Passage]:
    """The rule's passages in words (the register's titles), each with its cited lines where available."""
    root = root or sources_dir()
    shown = render_bron(bron, register)
    found = []
    for record, raw in zip((shown, *shown.aanvullend), (bron, *bron.aanvullend), strict=True):
        tekst, cut = _passage_text(record.bestand, record.regels, root) if record.bestand else (None, False)
        found.append(
            Passage(
                titel=record.titel,
                regels=record.regels,
                artikel=record.artikel,
                status=record.status,
                opmerking=raw.opmerking,
                wetsartikelen=[(w.tekst, w.url) for w in record.wetsartikelen],
                url=record.url,
                tekst=tekst,
                ingekort=cut,
            )
        )
    return found


class Rulebook:
    """The pages' view of one rule base; build once, read by every request."""

    def __init__(
        self,
        base: RuleBase,
        criteria: list[Criterium] | None = None,
        today: dt.date | None = None,
        personas_dir: Path | None = None,
    ) -> None:
        self.base = base
        self.criteria = criteria if criteria is not None else read_criteria()
        self.dekking = coverage.read(base.root)
        personas, _errors, _warnings = lees_personas(personas_dir or default_dir("personas", "REIKWIJDTE_PERSONAS"))
        #: persona file stem -> the family's name, as the coverage record names personas by file
        self.persona_namen = {p.stem: p.naam for p in personas}
        today = today or dt.date.today()
        self.today = today
        defaults = base.parameters_on(None, today).values
        overriders: dict[str, set[str]] = {}
        for r in base.rules:
            for target in r.regel.uitzondering_op:
                overriders.setdefault(target, set()).add(r.id)
        by_id: dict[str, list[LoadedRule]] = {}
        for r in base.rules:
            by_id.setdefault(r.id, []).append(r)
        self.regels: dict[str, RegelPagina] = {}
        for rid, versions in sorted(by_id.items()):
            versions.sort(key=lambda v: v.regel.geldig_vanaf)
            in_force = [v for v in versions if v.regel.geldig_vanaf <= today and (v.regel.geldig_tot or today) >= today]
            shown = (in_force or versions)[-1]
            regel = shown.regel
            zin = rule_text.voorwaarde(regel.als, defaults)
            self.regels[rid] = RegelPagina(
                id=rid,
                titel=regel.titel,
                bestand=shown.file,
                regelnummer=shown.line,
                criteria=tuple(c for c in self.criteria if rid in c.regel_ids),
                conclusie=rule_text.conclusie(regel.dan),
                voorwaarde=zin,
                motivering=rule_text.motivering(regel.motivering) if regel.motivering else None,
                bronnen=passages(regel.bron, base.bronnen),
                versies=[Versie(v.regel.geldig_vanaf, v.regel.geldig_tot) for v in versions],
                uitzondering_op=list(regel.uitzondering_op),
                uitgezonderd_door=sorted(overriders.get(rid, ())),
                landelijk=regel.landelijk,
                dekking=self.dekking.van(rid),
                feiten=rule_text.feiten(zin),
            )
        placed = {rid for c in self.criteria for rid in c.regel_ids}
        self.zonder_criterium = sorted(set(self.regels) - placed)

    def regel(self, rule_id: str) -> RegelPagina | None:
        return self.regels.get(rule_id)

    def zoek(self, vraag: str) -> list[RegelPagina]:
        """Rules whose id, words, article, source or fact names contain every word of the question."""
        words = [w for w in vraag.lower().split() if w]
        if not words:
            return []
        exact = self.regels.get(vraag.strip().upper())
        hits = [r for r in self.regels.values() if all(w in r.zoektekst() for w in words)]
        if exact is not None:
            hits = [exact, *(r for r in hits if r is not exact)]
        return hits

    def gemeenten(self) -> list[tuple[str, str]]:
        return sorted((code, g.bestand.gemeente.naam) for code, g in self.base.gemeenten.items())

    def gemeente(self, code: str) -> GemeentePagina | None:
        found = self.base.gemeenten.get(code)
        if found is None:
            return None
        bestand = found.bestand
        rows = []
        for name, p in sorted(self.base.parameters.items()):
            spec = p.spec
            national = [(per.waarde, per.geldig_vanaf, per.geldig_tot) for per in spec.perioden or ()]
            own = bestand.parameters.get(name)
            rows.append(
                ParameterRij(
                    naam=name,
                    omschrijving=" ".join(spec.omschrijving.split()),
                    landelijk=_dated(name, spec.standaard if spec.has_standaard else None, national),
                    gemeentelijk=None if name not in bestand.parameters else _own(name, own),
                    mag_afwijken=p.spec.gemeentelijk,
                    bron=citeer(p.spec.bron, self.base.bronnen),
                )
            )
        return GemeentePagina(
            code=code,
            naam=bestand.gemeente.naam,
            bestand=found.file,
            parameters=rows,
            uitgesloten=[(u.waarde, citeer(u.bron, self.base.bronnen)) for u in bestand.uitgesloten_hulpvormen],
            niet_gevolgd=[
                (n.regel, self.regels[n.regel].titel if n.regel in self.regels else n.regel, n.reden)
                for n in bestand.niet_gevolgde_voorstellen
            ],
        )


def _dated(name: str, plain: Any, periods: list[tuple[Any, dt.date, dt.date | None]]) -> str:
    """A value with its periods in words: `1750 vanaf 2026-07-01; 1500 op andere dagen`."""
    parts = [
        f"{_shown(name, value)} {Versie(start, end).tekst.replace(' zonder einddatum', '')}"
        for value, start, end in periods
    ]
    if plain is not None:
        parts.append(f"{_shown(name, plain)} op andere dagen" if parts else _shown(name, plain))
    return "; ".join(parts) or "geen"


def _own(name: str, value: Any) -> str:
    if isinstance(value, GedateerdeWaarde):
        text = _dated(name, None, [(p.waarde, p.geldig_vanaf, p.geldig_tot) for p in value.perioden])
        return f"{text}; daarbuiten de landelijke waarde"
    return _shown(name, value)


def _shown(name: str, value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(labels.waarde("hulpvraag.soort", v) for v in value) or "geen"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return labels.waarde(name, value)
