"""Start the web app on a store: ``serve(db, host="127.0.0.1", port=8000)``.

Before serving, a database written before the search index existed gets its index built
(the only write, done here in the one process that owns the file, never over HTTP).
"""
from __future__ import annotations

import logging
from pathlib import Path

from kronika.errors import StoreError

log = logging.getLogger("kronika")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def prepare(db: str | Path) -> int:
    """Build the search index and the web's read tables when they lag behind the store (a store
    written before they existed); returns the documents re-indexed."""
    from kronika.search import index_is_stale, rebuild_index
    from kronika.store import Store
    from kronika.web.queries import rebuild_event_sides, sides_are_stale

    if not Path(db).exists():
        raise StoreError(f"no database at {db}; ingest something first (kronika ingest PATH --db {db})")
    with Store(db) as store:  # opening applies the schema: new tables and triggers appear
        n = 0
        if index_is_stale(store.conn):
            with store.transaction() as conn:
                n = rebuild_index(conn)
        if sides_are_stale(store.conn):
            with store.transaction() as conn:
                log.info("web: rebuilt %d event sides", rebuild_event_sides(conn))
        return n


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted (blocks)."""
    import uvicorn

    from kronika.web.app import create_app, warm_up

    if host not in LOCAL_HOSTS:
        log.warning("web: serving on %s makes the store readable from other machines", host)
    prepare(db)
    warm_up(db)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning", access_log=False)
