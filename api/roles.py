"""The roles a token can hold (kept free of imports so the CLI can name them cheaply).

- `toegang`: access-team staff submit cases and record decisions;
- `beleid`: policy makers read the rules and validate rule files (no case data);
- `audit`: read stored assessments and decisions.
"""

ROLES = ("toegang", "beleid", "audit")
