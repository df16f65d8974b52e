"""Through the real pipeline on the shared seed articles: two Polish reports of one meeting
in Minsk become one merged event with two sources, and a later meeting of the same two men
(another article) stays apart, whatever order the articles arrive in."""
import random
from pathlib import Path

import pytest

from kronika.model import Article
from kronika.pipeline import build_pipeline, read_inputs
from kronika.settings import Settings
from kronika.store import Store
from kronika.stories.merge import partition
from kronika.stories.queries import list_merged_events

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
PUTIN, LUKASHENKO = "vladimir-putin", "alexander-lukashenko"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    settings = Settings.load(environ={})
    pipeline = build_pipeline(settings)
    done = [pipeline.run(a) for a in read_inputs([SEEDS], settings) if isinstance(a, Article)]
    return [a for a in done if isinstance(a, Article)]


def ingest(tmp_path, docs, name):
    store = Store(tmp_path / name)
    for doc in docs:
        store.write(doc)
    return store


def meetings(store) -> list[dict]:
    """Merged CONSULT events with Putin and Lukashenko (or Belarus) among their actors."""
    found = []
    for m in list_merged_events(store.conn, type="CONSULT", limit=1000):
        ids = {a["actor_id"] for a in m["actors"]}
        if PUTIN in ids and (LUKASHENKO in ids or "BLR" in {a["country"] for a in m["actors"]}):
            found.append(m)
    return found


def test_one_minsk_meeting_two_sources_and_not_the_later_one(tmp_path, articles):
    by_prefix = {a.id[:3]: a.id for a in articles}
    with ingest(tmp_path, articles, "seeds.db") as store:
        merged = [m for m in meetings(store) if {by_prefix["001"], by_prefix["004"]} <= {r["doc_id"] for r in m["reports"]}]
        assert len(merged) == 1
        minsk = merged[0]
        assert minsk["sources"] == 2
        assert minsk["date"].startswith("2022-12")
        assert by_prefix["003"] not in {r["doc_id"] for r in minsk["reports"]}
        assert minsk["links"] and all(l["agreed"]["type"] == "CONSULT" for l in minsk["links"])
        later = [m for m in meetings(store) if by_prefix["003"] in {r["doc_id"] for r in m["reports"]}]
        assert later, "the later meeting should be found as an event of its own"
        assert all({r["doc_id"] for r in m["reports"]} == {by_prefix["003"]} for m in later)


def test_seeds_merge_the_same_in_any_order(tmp_path, articles):
    with ingest(tmp_path, articles, "ref.db") as store:
        expected = partition(store.conn)
    for seed in range(3):
        docs = articles[:]
        random.Random(seed).shuffle(docs)
        with ingest(tmp_path, docs, f"s{seed}.db") as store:
            assert partition(store.conn) == expected
