"""YAML reading that remembers where every key and list item stands.

Policy makers fix rule files by line number, so every validation error must point at the
line of the offending key; PyYAML's plain loader forgets positions and silently keeps the
last of two duplicate keys, which would hide a mistake. This module keeps both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[Any, ...]


class YamlSyntaxError(Exception):
    """A file that is not valid YAML, with its position."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass
class SourceDocument:
    """A parsed YAML document plus the line of every key and list item in it."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Loc, int]] = field(default_factory=list)

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest known node on `loc` (1 when nothing matches)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def _construct(node: yaml.Node, loc: Loc, doc: SourceDocument, loader: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise YamlSyntaxError(doc.path, key_node.start_mark.line + 1, "a key must be plain text")
            child = loc + (key,)
            if key in result:
                doc.duplicate_keys.append((child, key_node.start_mark.line + 1))
            doc.lines[child] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, child, doc, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            child = loc + (index,)
            doc.lines[child] = item.start_mark.line + 1
            items.append(_construct(item, child, doc, loader))
        return items
    return loader.construct_object(node, deep=True)


def load_yaml(path: Path, text: str | None = None) -> SourceDocument:
    """Parse one YAML file (or `text` attributed to `path`) keeping positions."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise YamlSyntaxError(path, 1, f"file is not UTF-8 text ({exc.reason})") from exc
    loader = yaml.SafeLoader(text)
    doc = SourceDocument(path=path, data=None)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.lines[()] = node.start_mark.line + 1
            doc.data = _construct(node, (), doc, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(path, line, f"invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(path, 1, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return doc
