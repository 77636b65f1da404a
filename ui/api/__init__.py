"""The HTTP API shell (FastAPI)."""
