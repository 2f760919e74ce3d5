"""Where the rules and personas are found when a command is not told: shared by the CLI and the API."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_dir(name: str, env: str) -> Path:
    """`$env`, else `./name` when it exists, else the checkout's own `name` directory."""
    if os.environ.get(env):
        return Path(os.environ[env])
    local = Path.cwd() / name
    return local if local.is_dir() else REPO_ROOT / name
