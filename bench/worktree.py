"""A revision checked out in a temporary git worktree, for the benchmarks that compare with it.

A benchmark that compares this checkout with an earlier commit runs that commit's own code and
rules: it checks the commit out beside the checkout (`git worktree add --detach`), runs it from
there, and removes the worktree afterwards, also when the run is interrupted (the caller removes
it from its `finally`, or by leaving the `with` block).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class WorktreeError(RuntimeError):
    """The revision is unknown, or git could not check it out."""


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def short_commit(revision: str) -> str:
    """The abbreviated commit `revision` names; `WorktreeError` when it names none."""
    found = _git("rev-parse", "--short", "--verify", f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise WorktreeError(f"unknown revision {revision!r}: {found.stderr.strip()}")
    return found.stdout.strip()


@contextmanager
def checked_out(revision: str, where: Path) -> Iterator[str]:
    """`revision` checked out at `where` (detached) for the duration of the block; yields its commit.

    Leaving the block (also by an exception or an interrupt) removes the worktree and git's
    record of it.
    """
    commit = short_commit(revision)
    added = _git("worktree", "add", "--detach", "--quiet", str(where), commit)
    if added.returncode != 0:
        raise WorktreeError(f"git worktree add failed: {added.stderr.strip()}")
    try:
        yield commit
    finally:
        if where.exists():
            _git("worktree", "remove", "--force", str(where))
        _git("worktree", "prune")
