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


def facts_to_wm(facts: Mapping[str, Any], vocabulary: Mapping[str, FactType]) -> dict[str, Any]:
    """The working memory an evaluation starts from: known facts (dotted path -> value) under their keys.

    A known list becomes one flag per member plus its size under its own key.
    """
    wm: dict[str, Any] = {}
    for path, value in facts.items():
        ft = vocabulary[path]
        if ft.kind == "list":
            present = set(value)
            wm[wm_key(path)] = len(present)
            for member in ft.values:
                wm[flag_key(path, member)] = member in present
        else:
            wm[wm_key(path)] = value
    return wm


def wm_updates(values: Mapping[str, Any], members: Mapping[str, Iterable[str]] | None = None) -> dict[str, Any]:
    """What an action adds to working memory: concluded `values` (dotted path -> value) and the
    `members` it adds to list-valued facts (path -> members), under their keys."""
    updates = {wm_key(path): value for path, value in values.items()}
    for path, added in (members or {}).items():
        for member in added:
            updates[flag_key(path, member)] = True
    return updates
