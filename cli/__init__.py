"""The `reikwijdte` command line: the composition root that wires the engine, the leefwereldtoets and the API."""
