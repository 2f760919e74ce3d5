"""Seeded random cases for benchmarks and soak runs.

Read off the case model's own fact vocabulary, so every generated case is valid and a new case
field is exercised without touching this file. Each fact is left unknown with some probability,
because real intake data is incomplete and the unknown paths cost the engine the most.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from engine.case import Casus
from engine.facts import CASE_FACTS, FactType


def random_value(rng: random.Random, path: str, ft: FactType) -> Any:
    """A valid random value of one case fact."""
    if ft.kind == "bool":
        return rng.random() < 0.5
    if ft.kind == "int":
        if path.endswith("leeftijd"):
            return rng.randint(0, 23)
        return rng.randint(0, 60)
    if ft.kind == "float":
        return round(rng.choice([rng.uniform(0, 3000), rng.uniform(0, 60000)]), 2)
    if ft.kind == "enum":
        return rng.choice(ft.values)
    if ft.kind == "list":
        return rng.sample(ft.values, rng.randint(0, min(2, len(ft.values))))
    return rng.choice(["voorbeeldstad", "elders"])


def random_case(rng: random.Random, known: float = 0.6) -> Casus:
    """One case in which each fact is known with probability `known`."""
    data: dict[str, Any] = {}
    for path, ft in CASE_FACTS.items():
        if rng.random() >= known:
            continue
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = random_value(rng, path, ft)
    return Casus.model_validate(data)


def random_cases(count: int, seed: int = 2015, known: float = 0.6) -> Iterator[Casus]:
    rng = random.Random(seed)
    for _ in range(count):
        yield random_case(rng, known)
