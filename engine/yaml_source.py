"""The one YAML reader for rule, case and persona files: positions kept, hostile input refused.

Policy makers fix rule files by line number, so every validation error must point at the
line of the offending key; PyYAML's plain loader forgets positions and silently keeps the
last of two duplicate keys, which would hide a mistake. This module keeps both.

Rule files also arrive from pull requests and from the API, so the reader is hardened here,
once, for every caller (the CLI's `validate`, `evaluate`, `personas` and `leefwereldtoets`, the
API's validation route and the web sandbox): a file must be a regular file of limited size (a
symlink loop or a FIFO is reported, and opening never blocks), nesting is bounded, aliases may
not expand beyond a budget ("billion laughs"), integers are bounded in length and impossible
dates are refused. Every refusal is a `SourceError` with file, line and a Dutch message.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[Any, ...]

#: A rule file of hundreds of rules is a few hundred kilobytes.
MAX_BYTES = 2_000_000
#: Rule conditions nest a handful of levels; a hundred is far beyond any real file.
MAX_DEPTH = 100
#: Nodes after expanding every alias; the largest rule file has a few thousand.
MAX_NODES = 200_000
#: Digits of an integer; amounts and ages need a few, Python refuses more than 4300.
MAX_INT_DIGITS = 30


class SourceError(Exception):
    """A file that cannot be read as YAML, with its position and a Dutch message."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


#: The name callers used before the reader also refused files that are not YAML at all.
YamlSyntaxError = SourceError


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class SourceDocument:
    """A parsed YAML document plus the line of every key and list item in it."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Loc, int]] = field(default_factory=list)
    raw: bytes = field(default=b"", repr=False)

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest known node on `loc` (1 when nothing matches)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that stops at a nesting depth before Python's recursion limit does."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                line = self.peek_event().start_mark.line + 1
                raise _Refused(line, f"te diep genest (meer dan {MAX_DEPTH} niveaus); zo'n bestand wordt niet gelezen")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = re.sub(r"[^0-9a-fA-F]", "", str(node.value))
        if len(digits) > MAX_INT_DIGITS:
            raise _Refused(
                node.start_mark.line + 1, f"getal met {len(digits)} cijfers is te lang (hoogstens {MAX_INT_DIGITS})"
            )
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise _Refused(node.start_mark.line + 1, f"'{node.value}' is geen bestaande datum (JJJJ-MM-DD)") from exc


_BoundedLoader.add_constructor("tag:yaml.org,2002:int", _BoundedLoader.construct_yaml_int)
_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def expanded_size(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """Nodes after expanding every alias (stops counting past `limit`; a cycle counts as too many).

    Iterative, so a deep document cannot exhaust the stack while it is being measured.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > limit:
                return sizes[key]
            continue
        if key in sizes:
            continue
        if key in on_path:
            return limit + 1
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _first_alias_line(text: str) -> int:
    match = re.search(r"(^|[\s\[{,:-])\*[^\s,\]}]+", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _construct(node: yaml.Node, loc: Loc, doc: SourceDocument, loader: _BoundedLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise _Refused(key_node.start_mark.line + 1, "een sleutel moet gewone tekst zijn")
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
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        raise _Refused(node.start_mark.line + 1, f"waarde '{str(node.value)[:40]}' kan niet gelezen worden") from exc


#: PyYAML's English problems, as a policy maker would say them.
_SYNTAX_NL = (
    ("mapping values are not allowed", "hier mag geen 'sleutel: waarde' staan (inspringing of aanhalingstekens?)"),
    ("could not find expected ':'", "na een sleutel hoort ':' te staan"),
    ("cannot start any token", "dit teken mag hier niet staan (een tab? spring in met spaties)"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("expected ',' or ']'", "een lijst die met '[' begint, wordt niet met ']' afgesloten"),
    ("expected ',' or '}'", "een blok dat met '{' begint, wordt niet met '}' afgesloten"),
    ("found unexpected end of stream", "het bestand houdt onverwacht op (een aanhalingsteken niet gesloten?)"),
    ("found undefined alias", "verwijzing (*alias) naar een anker (&) dat niet bestaat"),
    ("expected a single document", "het bestand bevat meer dan één document ('---'); één per bestand"),
    ("found duplicate anchor", "hetzelfde anker (&) staat twee keer in het bestand"),
)
#: Contexts whose start, not where the parser gave up, is the broken line.
_CONTEXT_IS_THE_LINE = ("while parsing a flow", "while scanning a quoted", "while scanning a simple key")


def _unclosed_bracket_line(text: str) -> int | None:
    """Line of the first '[' or '{' that is never closed (quoted text and comments skipped)."""
    stack: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        quote = ""
        for index, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and (index == 0 or line[index - 1] in " \t[{,:-"):
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                break
            elif char in "[{":
                stack.append(number)
            elif char in "]}" and stack:
                stack.pop()
    return stack[0] if stack else None


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    problem = str(exc.problem or exc)
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and str(exc.context or "").startswith(_CONTEXT_IS_THE_LINE):
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    if "<stream end>" in problem:
        unclosed = _unclosed_bracket_line(text)
        if unclosed is not None:
            return unclosed, "geen geldige YAML: een '[' of '{' op deze regel wordt nergens afgesloten"
        return line, "geen geldige YAML: het bestand houdt op midden in een waarde"
    for english, dutch in _SYNTAX_NL:
        if english in problem:
            return line, f"geen geldige YAML: {dutch}"
    return line, f"geen geldige YAML ({problem})"


def load_yaml(path: Path, text: str | None = None) -> SourceDocument:
    """Parse one YAML file (or `text` attributed to `path`) keeping positions; `SourceError` if refused."""
    if text is None:
        return read_source(path)
    loader = _BoundedLoader(text)
    doc = SourceDocument(path=path, data=None)
    try:
        node = loader.get_single_node()
        if node is not None:
            if expanded_size(node) > MAX_NODES:
                raise _Refused(
                    _first_alias_line(text),
                    f"de verwijzingen (aliassen) maken het bestand groter dan {MAX_NODES} elementen; geweigerd",
                )
            doc.lines[()] = node.start_mark.line + 1
            doc.data = _construct(node, (), doc, loader)
    except _Refused as exc:
        raise SourceError(path, exc.line, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        line, message = _syntax_message(exc, text)
        raise SourceError(path, line, message) from exc
    except yaml.YAMLError as exc:
        raise SourceError(path, 1, f"geen geldige YAML ({exc})") from exc
    except RecursionError:  # a guard above failed; still no traceback for the reader
        raise SourceError(path, 1, "te diep genest; zo'n bestand wordt niet gelezen") from None
    finally:
        loader.dispose()
    return doc


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most `MAX_BYTES`; anything else is a `SourceError`.

    Opened non-blocking and checked after opening, so a FIFO cannot hang the reader and a file
    swapped between a check and the read is still caught.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            message = "symbolische koppeling die in een kring naar zichzelf verwijst; niet gelezen"
        elif exc.errno == errno.ENOENT:
            message = (
                "symbolische koppeling naar een bestand dat niet bestaat"
                if path.is_symlink()
                else "bestand bestaat niet"
            )
        else:
            message = f"bestand kan niet geopend worden ({exc.strerror})"
        raise SourceError(path, 1, message) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(path, 1, "is een map, geen bestand")
        if not stat.S_ISREG(info.st_mode):
            kind = "pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "speciaal bestand"
            raise SourceError(path, 1, f"is een {kind}, geen gewoon bestand; niet gelezen")
        if info.st_size > MAX_BYTES:
            raise SourceError(path, 1, f"bestand is te groot ({info.st_size} bytes; hoogstens {MAX_BYTES})")
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise SourceError(path, 1, f"bestand is te groot (hoogstens {MAX_BYTES} bytes)")
    return raw


def parse_bytes(path: Path, raw: bytes) -> SourceDocument:
    """Parse bytes attributed to `path` (an upload, a file read elsewhere)."""
    if len(raw) > MAX_BYTES:
        raise SourceError(path, 1, f"bestand is te groot (hoogstens {MAX_BYTES} bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SourceError(path, line, "bestand is geen UTF-8-tekst") from None
    doc = load_yaml(path, text)
    doc.raw = raw
    return doc


def read_source(path: Path) -> SourceDocument:
    """Read and parse one file from disk with every guard of this module."""
    return parse_bytes(path, read_bytes(path))
