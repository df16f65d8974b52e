"""The embedded SQLite store (one writer) and read-side queries as plain functions."""
from kronika.store.store import Store, connect, content_hash, plover_types

__all__ = ["Store", "connect", "content_hash", "plover_types"]
