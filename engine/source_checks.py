"""Checks on sources: every `bron` names a document of the register, every `artikel` a known law.

Only where the rules directory has its own, readable register (`rules/bronnen.yaml`; a register
that fails its own check is reported there, once, not at every reference to it): rules of an earlier
version, read without one or with the current register lent to them, name their documents as they
were written and load as before. Each error names file and line, in Dutch, with a suggestion for a
near miss, like every other rule-file error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from engine.bronnen import Bronnenregister, parse_artikelen
from engine.rule_model import Bron, BronPassage
from engine.rulebase import Issue, RuleBase
from engine.schema_messages import suggestion
from engine.yaml_source import SourceDocument


def _passages(bron: Bron, raw: Any) -> Iterator[tuple[BronPassage, tuple[Any, ...]]]:
    """Each passage with its place under `bron` in the file (list form or mapping form)."""
    if isinstance(raw, list):
        for i, p in enumerate(bron.passages()):
            yield p, (i,)
        return
    yield bron, ()
    for i, p in enumerate(bron.aanvullend):
        yield p, ("aanvullend", i)


def _raw(doc: SourceDocument, loc: tuple[Any, ...]) -> Any:
    node: Any = doc.data
    for key in loc:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return node


class _SourceChecker:
    def __init__(self, base: RuleBase) -> None:
        self.base = base
        self.register: Bronnenregister = base.bronnen
        self.issues: list[Issue] = []

    def check(self, file: str, rule_id: str, bron: Bron, loc: tuple[Any, ...]) -> None:
        doc = self.base.documents[file]
        raw = _raw(doc, loc)
        for passage, where in _passages(bron, raw):
            self._passage(doc, file, rule_id, passage, loc + where)

    def _passage(self, doc: SourceDocument, file: str, rule_id: str, p: BronPassage, loc: tuple[Any, ...]) -> None:
        found = self.register.document(p.document)
        if found is None:
            hint = suggestion(p.document, self.register.documents) or suggestion(p.document, self.register.by_file)
            self.issues.append(
                Issue(
                    file,
                    doc.line_of(loc + ("document",)),
                    rule_id,
                    f"onbekend document '{p.document}'{hint} (zie {self.register.file}: documenten)",
                )
            )
        if p.artikel is None:
            return
        line = doc.line_of(loc + ("artikel",))
        articles, problems = parse_artikelen(p.artikel)
        for problem in problems:
            self.issues.append(Issue(file, line, rule_id, f"artikel: {problem}"))
        own = {found.titel, found.omschrijving} - {None} if found is not None else set()
        for a in articles:
            if self.register.wet(a.wet) is None and a.wet not in own:
                names = [n for w in self.register.bestand.wetten for n in w.namen]
                hint = suggestion(a.wet, names)
                self.issues.append(
                    Issue(
                        file,
                        line,
                        rule_id,
                        f"artikel: onbekende wet '{a.wet}'{hint} (zie {self.register.file}: wetten; "
                        "een artikel van het document zelf noemt de titel van het document)",
                    )
                )

    def register_itself(self) -> None:
        """Ids, files and law names are each used once in the register."""
        file = self.register.file
        if file is None or file not in self.base.documents:
            return
        doc = self.base.documents[file]
        seen: dict[str, str] = {}
        for i, d in enumerate(self.register.bestand.documenten):
            for key, value in (("id", d.id), ("bestand", d.bestand)):
                if value is None:
                    continue
                marker = f"{key}:{value}"
                if marker in seen:
                    line = doc.line_of(("documenten", i, key))
                    self.issues.append(Issue(file, line, "-", f"{key} '{value}' staat al bij {seen[marker]}"))
                else:
                    seen[marker] = f"documenten.{i}"
        for i, w in enumerate(self.register.bestand.wetten):
            for naam in dict.fromkeys(n.casefold() for n in (w.id, *w.namen)):
                marker = f"wet:{naam}"
                if marker in seen:
                    line = doc.line_of(("wetten", i))
                    self.issues.append(Issue(file, line, "-", f"wet '{naam}' staat al bij {seen[marker]}"))
                else:
                    seen[marker] = f"wetten.{i}"

    def run(self) -> list[Issue]:
        if not self.register.present or self.register.geleend or self.register.onleesbaar:
            return []
        self.register_itself()
        for r in self.base.rules:
            self.check(r.file, r.id, r.regel.bron, ("regels", r.index, "bron"))
        for name, p in self.base.parameters.items():
            self.check(p.file, "-", p.spec.bron, ("parameters", name, "bron"))
        for v in self.base.vermoedens:
            self.check(v.file, "vermoeden", v.vermoeden.bron, ("vermoedens", v.index, "bron"))
        for g in self.base.gemeenten.values():
            for i, u in enumerate(g.bestand.uitgesloten_hulpvormen):
                self.check(g.file, "-", u.bron, ("uitgesloten_hulpvormen", i, "bron"))
            for i, n in enumerate(g.bestand.niet_gevolgde_voorstellen):
                if n.bron is not None:
                    self.check(g.file, n.regel, n.bron, ("niet_gevolgde_voorstellen", i, "bron"))
        return self.issues


def check_sources(base: RuleBase) -> list[Issue]:
    """Every error in the sources the rules cite, and in the register itself."""
    return _SourceChecker(base).run()
