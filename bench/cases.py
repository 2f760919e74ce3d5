"""The cases the engine benchmarks evaluate: generated ones, or those of the API's load test.

A job is a case with the municipality (None: the national rules) and the reference date it is
assessed for, so that both kinds run through `Engine.evaluate` the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from engine.case import Casus
from engine.case_generator import random_cases

#: A case to evaluate, with its municipality (None: national) and reference date.
Job = tuple[Casus, str | None, dt.date]


def generated_cases(gemeenten: Iterable[str], count: int, seed: int) -> list[Job]:
    """Generated cases (`engine/case_generator.py`), in every configuration in turn, on one date."""
    configurations: list[str | None] = [None, *sorted(gemeenten)]
    day = dt.date(2025, 1, 1)
    return [
        (casus, configurations[i % len(configurations)], day) for i, casus in enumerate(random_cases(count, seed=seed))
    ]


def load_cases(count: int) -> list[Job]:
    """The API load test's 64 cases (`bench.load_api.case_variants`), read as the API reads a
    request (`api.models.BeoordelingAanvraag`), repeated until there are `count`. On these the
    engine's share of the server's CPU is measured (`bench/load_api.py`, "engine alone")."""
    from api.models import BeoordelingAanvraag
    from bench.load_api import case_variants

    requests = [BeoordelingAanvraag.model_validate(v) for v in case_variants(64)]
    jobs: list[Job] = [(r.casus, r.gemeente, r.peildatum or dt.date.today()) for r in requests]
    return [jobs[i % len(jobs)] for i in range(count)]
