"""The batch path: a whole caseload evaluated at once with Polars column expressions.

- `compile`: a compiled ruleset (the same one durable-rules runs) as column expressions, with
  Kleene logic for unknown facts and the order-free conflict resolution;
- `caseload`: a caseload as a frame, read from Parquet, CSV or JSON Lines and checked row by row;
- `evaluate`: a caseload evaluated per municipality and reference date;
- `synthetic`: a seeded synthetic caseload with documented proportions.

Explanations stay with the single-case path (`engine.evaluator`).
"""
