"""Where the service keeps its data and which rules it serves, read once from the environment.

An operator configures the service with a handful of environment variables instead of a config
file, so that the embedded defaults (SQLite under `./data`, the checkout's `rules/`) work from a
clean clone and a deployment only overrides what differs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from engine.paths import default_dir

#: Environment variables the service reads.
ENV_DATA = "REIKWIJDTE_DATA"
ENV_DATABASE_URL = "DATABASE_URL"
ENV_RULES = "REIKWIJDTE_REGELS"
ENV_MAX_BODY = "REIKWIJDTE_MAX_BODY"
ENV_MAX_RULES_BODY = "REIKWIJDTE_MAX_REGELS_BODY"
ENV_CORS_ORIGINS = "REIKWIJDTE_CORS_ORIGINS"
ENV_RATE_LIMIT = "REIKWIJDTE_LIMIET_PER_MINUUT"
ENV_REDIS_URL = "REIKWIJDTE_REDIS_URL"
ENV_CONTACT_NAAM = "REIKWIJDTE_CONTACT_NAAM"
ENV_CONTACT_EMAIL = "REIKWIJDTE_CONTACT_EMAIL"
ENV_CONTACT_URL = "REIKWIJDTE_CONTACT_URL"
ENV_WEB_IDLE = "REIKWIJDTE_WEB_INACTIEF_MINUTEN"

SQLITE_FILE = "reikwijdte.sqlite3"


@dataclass(frozen=True)
class Settings:
    """Everything the app factory needs; tests build one directly instead of touching env."""

    data_dir: Path
    rules_dir: Path
    database_url: str
    #: Largest JSON body accepted (a case is ~2 KiB; 64 KiB leaves room and refuses abuse).
    max_body_bytes: int = 64 * 1024
    #: Largest rules file accepted by `POST /v1/regels/validatie`.
    max_rules_body_bytes: int = 1024 * 1024
    #: How long a recognised token is trusted without a database read; a revoked token stops
    #: working within this time.
    token_cache_seconds: float = 5.0
    #: Origins (`https://portaal.gemeente.nl`) whose browser pages may call the API (CORS);
    #: empty: CORS is off and browsers allow only pages of the service's own origin.
    cors_origins: tuple[str, ...] = ()
    #: Requests per token per minute before 429 (50 a second: a team's client never meets it, a
    #: runaway script does); 0 switches the limit off.
    rate_limit_per_minute: int = 3000
    #: Count the limit in Redis (shared by all workers and servers) instead of in each process.
    redis_url: str | None = None
    #: Who runs this service, for `info.contact` in the OpenAPI document (the NL API Design
    #: Rules ask for name, e-mail and URL); a deployment sets its own.
    contact_naam: str = "Beheer van de Reikwijdte API"
    contact_email: str = "beheer@reikwijdte.invalid"
    contact_url: str = "https://reikwijdte.invalid/contact"
    #: The web application signs a user out after this many minutes without a request.
    web_idle_minutes: int = 30

    @classmethod
    def from_env(cls, data_dir: Path | None = None, rules_dir: Path | None = None) -> Settings:
        """Settings from `$REIKWIJDTE_DATA`, `$DATABASE_URL`, `$REIKWIJDTE_REGELS` and defaults."""
        data = data_dir or Path(os.environ.get(ENV_DATA) or Path.cwd() / "data")
        rules = rules_dir or default_dir("rules", ENV_RULES)
        url = os.environ.get(ENV_DATABASE_URL) or sqlite_url(data)
        return cls(
            data_dir=data,
            rules_dir=rules,
            database_url=normalise_url(url),
            max_body_bytes=_int_env(ENV_MAX_BODY, cls.max_body_bytes),
            max_rules_body_bytes=_int_env(ENV_MAX_RULES_BODY, cls.max_rules_body_bytes),
            cors_origins=_origins(os.environ.get(ENV_CORS_ORIGINS, "")),
            rate_limit_per_minute=_int_env(ENV_RATE_LIMIT, cls.rate_limit_per_minute, allow_zero=True),
            redis_url=os.environ.get(ENV_REDIS_URL) or None,
            contact_naam=os.environ.get(ENV_CONTACT_NAAM) or cls.contact_naam,
            contact_email=os.environ.get(ENV_CONTACT_EMAIL) or cls.contact_email,
            contact_url=os.environ.get(ENV_CONTACT_URL) or cls.contact_url,
            web_idle_minutes=_int_env(ENV_WEB_IDLE, cls.web_idle_minutes),
        )


def sqlite_url(data_dir: Path) -> str:
    """The embedded database: one SQLite file in the data directory."""
    return f"sqlite:///{(data_dir / SQLITE_FILE).resolve()}"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for `postgresql://` and `postgres://` URLs (the driver this project ships)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _origins(raw: str) -> tuple[str, ...]:
    """`https://a.nl, https://b.nl` as a tuple; `*` is refused: the API carries case data."""
    origins = tuple(o.strip().rstrip("/") for o in raw.split(",") if o.strip())
    for origin in origins:
        if origin == "*" or not origin.startswith(("https://", "http://")):
            raise ValueError(f"${ENV_CORS_ORIGINS} is an allow-list of origins (https://host[:port]), not {origin!r}")
    return origins


def _int_env(name: str, default: int, allow_zero: bool = False) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"${name} must be a whole number, not {raw!r}") from exc
    if value < 0 or (value == 0 and not allow_zero):
        raise ValueError(f"${name} must be positive")
    return value
