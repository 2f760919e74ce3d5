"""What the request handlers share: settings, the rules engine, the database and the store."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import Engine as Database

from api.ratelimit import Limiter
from api.settings import Settings
from api.store import Store
from api.tokens import TokenCache
from engine.evaluator import Engine


@dataclass(frozen=True)
class Services:
    settings: Settings
    engine: Engine
    db: Database
    store: Store
    tokens: TokenCache
    limiter: Limiter


async def services(request: Request) -> Services:
    """The app's `Services` (set once by `create_app`); async so it costs no thread hop."""
    found: Services = request.app.state.services
    return found
