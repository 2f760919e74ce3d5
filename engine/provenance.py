"""Where an assessment comes from: the engine's version, and the git commit of the rule files.

Both go into every assessment's receipt (`regelset`, see docs/assessment.md). They are found once
(the version when the module loads, the commit when a rules directory is loaded), never per case.
"""

from __future__ import annotations

import subprocess
from importlib import metadata
from pathlib import Path


def _engine_version() -> str:
    """The installed package's version (`version` in pyproject.toml); `onbekend` when not installed."""
    try:
        return metadata.version("reikwijdte")
    except metadata.PackageNotFoundError:
        return "onbekend"


ENGINE_VERSION = _engine_version()


def _git(root: Path, *args: str) -> str | None:
    """git's output in `root`, or None when git is absent or fails (not a checkout, not trusted)."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def rules_commit(root: Path) -> str | None:
    """The commit of the git checkout that holds the rules directory `root`, when every file under
    it is exactly that commit's; None when `root` lies outside a checkout, or a file under it is
    changed, new, untracked or ignored (then the commit would not say which rules were used)."""
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    if not head:
        return None
    status = _git(root, "status", "--porcelain", "--ignored", "--untracked-files=all", "--", ".")
    if status is None or status.strip():
        return None
    tracked = _git(root, "ls-files", "--", ".")
    if not tracked or not tracked.strip():
        return None
    return head.strip()
