"""The web UI and read-only HTTP API: ``create_app(db_path)`` (FastAPI), ``serve(db, host, port)``."""
from kronika.web.app import create_app
from kronika.web.server import serve

__all__ = ["create_app", "serve"]
