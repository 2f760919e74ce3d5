"""The working-memory key scheme: how dotted fact paths become durable-rules fields.

durable-rules addresses a fact's fields by name and serialises the whole working memory to JSON
several times per rule that fires, so the names are short (`k17`), one per dotted path for the
whole process. A list-valued fact becomes one flag per member plus its size under its own key,
so that `bevat`, `bekend` and `onbekend` each test a single field. Patterns
(`engine/durable/patterns.py`), the start of an evaluation and the facts an action adds are all
built here, so no other module knows a key.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

from engine.facts import FactType

_WM_KEYS: dict[str, str] = {}
_WM_KEYS_LOCK = threading.Lock()
#: (path, members) of a list-valued fact -> (member, flag key) of each member (`_list_flags`).
_LIST_FLAGS: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, str], ...]] = {}


def wm_key(path: str) -> str:
    """Short working-memory key of a dotted fact path (`k17`), the same for the whole process.

    durable-rules serialises the working memory to JSON several times per rule that fires;
    short keys make that several times cheaper than the dotted names.
    """
    key = _WM_KEYS.get(path)
    if key is None:
        with _WM_KEYS_LOCK:
            key = _WM_KEYS.get(path)
            if key is None:
                key = f"k{len(_WM_KEYS)}"
                _WM_KEYS[path] = key
    return key


def flag_key(path: str, member: str) -> str:
    """Working-memory key of one member of a list-valued fact."""
    return wm_key(f"{path}[{member}]")


def _list_flags(path: str, members: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(member, flag key) of every member of a list-valued fact: the keys looked up once per list."""
    flags = _LIST_FLAGS.get((path, members))
    if flags is None:
        flags = _LIST_FLAGS.setdefault((path, members), tuple((m, flag_key(path, m)) for m in members))
    return flags


def facts_to_wm(facts: Mapping[str, Any], vocabulary: Mapping[str, FactType]) -> dict[str, Any]:
    """The working memory an evaluation starts from: known facts (dotted path -> value) under their keys.

    A known list becomes one flag per member plus its size under its own key.
    """
    wm: dict[str, Any] = {}
    keys = _WM_KEYS
    for path, value in facts.items():
        ft = vocabulary[path]
        key = keys.get(path) or wm_key(path)
        if ft.kind == "list":
            present = set(value)
            wm[key] = len(present)
            for member, flag in _list_flags(path, ft.values):
                wm[flag] = member in present
        else:
            wm[key] = value
    return wm


def wm_updates(values: Mapping[str, Any], members: Mapping[str, Iterable[str]] | None = None) -> dict[str, Any]:
    """What an action adds to working memory: concluded `values` (dotted path -> value) and the
    `members` it adds to list-valued facts (path -> members), under their keys."""
    keys = _WM_KEYS
    updates = {keys.get(path) or wm_key(path): value for path, value in values.items()}
    if members:
        for path, added in members.items():
            for member in added:
                updates[flag_key(path, member)] = True
    return updates
