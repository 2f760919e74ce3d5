"""Whose case data a token may see: its own team, its municipality, or everything.

`toegang` works within its own team; `audit` reads everything of the municipality of its team;
`audit_landelijk` reads everything (a separate, explicit role). A token with several roles gets
the widest reach its roles give. Writing (recording a decision) is always the team's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.tokens import Principal


@dataclass(frozen=True)
class Bereik:
    """The records within reach: one team's (`team_id`), one municipality's (`gemeente`), or all."""

    team_id: str | None = None
    gemeente: str | None = None

    @property
    def alles(self) -> bool:
        return self.team_id is None and self.gemeente is None

    def omvat(self, team_id: str | None, gemeente: str | None) -> bool:
        """Whether a record of team `team_id` (of municipality `gemeente`) is within reach."""
        if self.team_id is not None:
            return team_id == self.team_id
        if self.gemeente is not None:
            return gemeente == self.gemeente
        return True


def leesbereik(principal: Principal) -> Bereik:
    """The widest reach the token's roles give for reading case data."""
    if "audit_landelijk" in principal.rollen:
        return Bereik()
    if "audit" in principal.rollen:
        return Bereik(gemeente=principal.gemeente)
    return Bereik(team_id=principal.team_id)


def eigen_team(principal: Principal) -> Bereik:
    """The reach for writing: the token's own team."""
    return Bereik(team_id=principal.team_id)
