"""The roles a token can hold (kept free of imports so the CLI can name them cheaply).

- `toegang`: access-team staff submit cases, read, list and decide on their own team's cases;
- `beleid`: policy makers read the rules and validate rule files (no case data);
- `audit`: read every assessment, decision and read of the token's municipality;
- `audit_landelijk`: the same for every municipality (a separate, explicit choice).
"""

ROLES = ("toegang", "beleid", "audit", "audit_landelijk")

#: Roles that may read case data (each within its own reach, see `api.scope`).
CASE_READERS = ("toegang", "audit", "audit_landelijk")
#: Roles that may read the read audit.
AUDITORS = ("audit", "audit_landelijk")
