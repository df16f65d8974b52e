"""The web's read tables (event_sides, event_pairs): kept by triggers on every store write,
equal to a full rebuild, cleared with their document, and counting each event once."""
from __future__ import annotations

from kronika.model import ActorRef, Article, Event, Sentence
from kronika.store import Store
from kronika.web import queries as q


def _article(doc_id: str, events: list[Event]) -> Article:
    text = "Moscow said that the Kremlin and the army would act together."
    a = Article(id=doc_id, source=f"/t/{doc_id}", raw=text, clean=text, language="en", published="2023-06-24")
    a.sentences = [Sentence(0, len(text), text)]
    a.events = events
    return a


def _domestic() -> Event:
    # Putin (RUS) and the Russian state on one side, the Russian army as a country-level target.
    return Event("COERCE", [ActorRef("Vladimir Putin", "RUS", "GOV", "vladimir-putin"), ActorRef(None, "RUS", "GOV")],
                 [ActorRef(None, "RUS", "MIL")], date="2023-06-24")


def _bilateral() -> Event:
    return Event("CONSULT", [ActorRef("Vladimir Putin", "RUS", "GOV", "vladimir-putin")],
                 [ActorRef(None, "BLR", "GOV"), ActorRef("Alexander Lukashenko", "BLR", "GOV", "alexander-lukashenko")],
                 date="2023-06-25")


def _rows(conn, table: str) -> list[tuple]:
    return sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {table}"))


def test_triggers_equal_a_rebuild_and_follow_deletes(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.write(_article("a", [_domestic(), _bilateral()]))
        store.write(_article("b", [_bilateral()]))
        sides, pairs = _rows(store.conn, "event_sides"), _rows(store.conn, "event_pairs")
        assert len(sides) == 9 and len(pairs) == 6  # 3 sides per event; 2x1, 1x2 and 1x2 pairs
        assert not q.sides_are_stale(store.conn)
        with store.transaction() as db:
            q.rebuild_event_sides(db)
        assert _rows(store.conn, "event_sides") == sides
        assert _rows(store.conn, "event_pairs") == pairs
        store.delete("b")
        assert store.conn.execute("SELECT count(*) FROM event_sides WHERE event_id LIKE 'b#%'").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM event_pairs WHERE event_id LIKE 'b#%'").fetchone()[0] == 0


def test_each_event_counts_once_for_an_actor_or_a_country(tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.write(_article("a", [_domestic(), _bilateral()]))
        conn = store.conn
        rus = q.timeline(conn, country="RUS", interval="day")
        assert [(b["bucket"], b["total"]) for b in rus["buckets"]] == [("2023-06-24", 1), ("2023-06-25", 1)]
        assert [e["id"] for e in q.find_events(conn, country="RUS")["events"]] == ["a#1", "a#0"]
        blr = q.timeline(conn, country="BLR", interval="year")
        assert blr["buckets"][0]["total"] == 1
        putin = q.timeline(conn, actor="vladimir-putin", interval="month")
        assert putin["buckets"][0]["total"] == 2
        dyad = q.timeline(conn, dyad="RUS-BLR", interval="day")
        assert [(b["bucket"], b["total"]) for b in dyad["buckets"]] == [("2023-06-25", 1)]
        net = {(e["source"], e["target"]): e["weight"] for e in q.network(conn)["edges"]}
        assert net == {("vladimir-putin", "RUS"): 1, ("vladimir-putin", "BLR"): 1,
                       ("vladimir-putin", "alexander-lukashenko"): 1}  # RUS -> RUS is no edge


def test_serve_prepares_a_store_written_before_the_read_tables(tmp_path):
    from kronika.search import index_is_stale
    from kronika.web.server import prepare

    path = tmp_path / "old.db"
    with Store(path) as store:
        store.write(_article("a", [_domestic(), _bilateral()]))
        with store.transaction() as db:  # as a store from before these tables would look
            for table in ("event_sides", "event_pairs", "search_index", "search_docs"):
                db.execute(f"DELETE FROM {table}")
        assert q.sides_are_stale(store.conn) and index_is_stale(store.conn)
    assert prepare(path) == 1
    with Store(path) as store:
        assert not q.sides_are_stale(store.conn) and not index_is_stale(store.conn)
        assert store.conn.execute("SELECT count(*) FROM event_pairs").fetchone()[0] == 4
    assert prepare(path) == 0  # nothing to do the second time
