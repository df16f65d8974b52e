"""Merging while documents arrive: the result must not depend on their order, and deleting or
replacing a document must leave what a store without it (or with the new version) would hold."""
import random

import pytest

from kronika.store import Store
from kronika.stories.merge import partition, rebuild

from story_helpers import article, event

DOCS = [
    article("d1", event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", "Moscow", mode="visit"),
            event("AGREE", ["RUS"], ["BLR"], "2023-04-05"), published="2023-04-05"),
    article("d2", event("CONSULT", ["lukashenko"], ["putin"], "2023-04"), published="2023-04", language="pl"),
    # a second meeting two days later: must stay apart from d1's
    article("d3", event("CONSULT", ["putin"], ["lukashenko"], "2023-04-07"), published="2023-04-07", language="ru"),
    # undated, but both men named and the place agrees with d1's
    article("d4", event("CONSULT", ["putin"], ["lukashenko"], None, "Moscow")),
    article("d5", event("CONSULT", ["putin"], ["BLR"], "2023-04-05", "Moscow", modality="denied"),
            event("CONSULT", ["putin"], ["aliyev"], "2023-04-05"), published="2023-04-06", language="uk"),
    article("d6", event("ASSAULT", ["RUS"], ["UKR"], "2023-04-05", "Kyiv", mode="aerial"),
            event("ASSAULT", ["RUS"], ["UKR"], "2023-04-05")),
    article("d7", event("ASSAULT", ["RUS"], ["UKR"], "2023-04-06", "Kyiv", mode="aerial"),
            event("CONSULT", ["putin"], ["aliyev"], "2023-04-05", mode="phone")),
]
EXPECTED = {
    frozenset({"d1#0", "d2#0", "d4#0", "d5#0"}),  # one meeting, four reports (one denial)
    frozenset({"d3#0"}),                         # the later meeting
    frozenset({"d1#1"}),
    frozenset({"d5#1", "d7#1"}),                  # Putin and Aliyev on the same day
    frozenset({"d6#0", "d7#0"}),                  # a strike on Kyiv reported a day apart
    frozenset({"d6#1"}),
}


def store_of(tmp_path, docs, name="k.db"):
    store = Store(tmp_path / name)
    for doc in docs:
        store.write(doc)
    return store


def snapshot(store):
    conn = store.conn
    return (partition(conn),
            sorted(map(tuple, conn.execute("SELECT event_id, merged_id, component FROM merged_members"))),
            sorted(map(tuple, conn.execute("SELECT event_a, event_b, score, agreed FROM merge_links"))))


def test_expected_partition(tmp_path):
    with store_of(tmp_path, DOCS) as store:
        assert partition(store.conn) == EXPECTED


@pytest.mark.parametrize("seed", range(6))
def test_order_of_arrival_does_not_matter(tmp_path, seed):
    with store_of(tmp_path, DOCS, "ref.db") as reference:
        expected = snapshot(reference)
    docs = DOCS[:]
    random.Random(seed).shuffle(docs)
    with store_of(tmp_path, docs, f"shuffled{seed}.db") as store:
        assert snapshot(store) == expected


def test_batch_and_rebuild_agree(tmp_path):
    with store_of(tmp_path, DOCS) as store:
        incremental = snapshot(store)
        with store.transaction() as db:
            rebuild(db)
        assert snapshot(store) == incremental
    with Store(tmp_path / "batch.db") as store:
        with store.batch():
            for doc in reversed(DOCS):
                store.write(doc)
        assert snapshot(store) == incremental


@pytest.mark.parametrize("gone", ["d1", "d2", "d5"])
def test_delete_leaves_what_a_store_without_it_holds(tmp_path, gone):
    with store_of(tmp_path, DOCS) as store:
        store.delete(gone)
        after = snapshot(store)
    with store_of(tmp_path, [d for d in DOCS if d.id != gone], "without.db") as store:
        assert after == snapshot(store)


def test_replace_reclusters(tmp_path):
    changed = article("d1", event("CONSULT", ["putin"], ["lukashenko"], "2023-04-07", mode="visit"),
                      published="2023-04-07")
    changed.clean = "another text of d1"
    with store_of(tmp_path, DOCS) as store:
        assert store.write(changed) == "replaced"
        after = snapshot(store)
    with store_of(tmp_path, [changed if d.id == "d1" else d for d in DOCS], "fresh.db") as store:
        assert after == snapshot(store)
        merged = next(g for g in partition(store.conn) if "d1#0" in g)
        assert "d3#0" in merged  # now the same day as d3's meeting
