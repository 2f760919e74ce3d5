"""The leefwereldtoets and the persona runner: what a rule change does to families, using the engine only."""
