"""Finding the base rules for the leefwereldtoets: a directory, or the rules of a git revision.

A policy maker compares the rules they are editing with the last commit (`--basis HEAD`); CI
compares the submitted rules with the previous commit (`--basis HEAD~1`). A revision is read
with `git archive` into a temporary directory, so the working tree is never touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path


class BasisFout(Exception):
    """The base cannot be used: not a directory, not a revision, or git is unavailable."""


@dataclass
class Basis:
    """Where the base rules are; `map` is None when the revision has no rules directory yet."""

    label: str
    map: Path | None
    tijdelijk: tempfile.TemporaryDirectory | None = None

    def opruimen(self) -> None:
        if self.tijdelijk is not None:
            self.tijdelijk.cleanup()
            self.tijdelijk = None


def _git(cwd: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=not binary, check=False)
    except FileNotFoundError as exc:
        raise BasisFout("git is niet geïnstalleerd; geef --basis als map") from exc


def _rules_dir_in(directory: Path) -> Path:
    """A rules directory itself, or a checkout holding one in `rules/`."""
    if not any(directory.glob("*.yaml")) and (directory / "rules").is_dir():
        return directory / "rules"
    return directory


def zoek_basis(basis: str, regels: Path) -> Basis:
    """Resolve `--basis`: an existing directory, else a git revision of the repository holding `regels`."""
    as_dir = Path(basis)
    if as_dir.is_dir():
        return Basis(f"map {as_dir}", _rules_dir_in(as_dir))
    regels = regels.resolve()
    probe = regels if regels.is_dir() else regels.parent
    top = _git(probe, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise BasisFout(f"'{basis}' is geen map, en {regels} ligt niet in een git-repository")
    root = Path(top.stdout.strip())
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{basis}^{{commit}}")
    if commit.returncode != 0:
        raise BasisFout(f"'{basis}' is geen map en geen bekende git-revisie in {root}")
    sha = commit.stdout.strip()
    label = f"{basis} ({sha[:10]})"
    try:
        relative = regels.relative_to(root)
    except ValueError as exc:
        raise BasisFout(f"{regels} ligt buiten de git-repository {root}") from exc
    listed = _git(root, "ls-tree", "-d", "--name-only", sha, "--", relative.as_posix())
    if listed.returncode != 0 or not listed.stdout.strip():
        return Basis(label, None)
    archive = _git(root, "archive", "--format=tar", sha, "--", relative.as_posix(), binary=True)
    if archive.returncode != 0:
        raise BasisFout(f"git archive {basis} mislukte: {archive.stderr.decode(errors='replace').strip()}")
    tmp = tempfile.TemporaryDirectory(prefix="leefwereldtoets-basis-")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tmp.name, filter="data")
    return Basis(label, Path(tmp.name) / relative, tmp)
