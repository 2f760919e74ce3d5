"""HTTP API for access teams (FastAPI)."""
