"""Copies of one report (syndicated or repeated articles): they join one merged event, cost one
row each, and the order of arrival, deletion or rebuilding still give the same store."""
import random

import pytest

from kronika.store import Store
from kronika.stories.merge import partition, rebuild

from story_helpers import article, event


def meeting(doc_id, date="2023-04-05", place="Moscow"):
    return article(doc_id, event("CONSULT", ["putin"], ["lukashenko"], date, place),
                   event("AGREE", ["RUS"], ["BLR"], date))


def undated_one_sided(doc_id):
    # undated and named on one side only: copies do not link to each other
    return article(doc_id, event("ACCUSE", ["putin"], ["UKR"]))


DOCS = ([meeting(f"m{i:02d}") for i in range(1, 9)] + [meeting("n01", date="2023-04-06", place=None)]
        + [meeting("x01", date="2023-05-20")] + [undated_one_sided(f"u{i}") for i in range(1, 4)])


def snapshot(store):
    conn = store.conn
    return (partition(conn),
            sorted(map(tuple, conn.execute("SELECT event_id, merged_id, component FROM merged_members"))),
            sorted(map(tuple, conn.execute("SELECT event_a, event_b, score, agreed FROM merge_links"))),
            sorted(map(tuple, conn.execute("SELECT sig, rep, self_link, merged_id, component FROM merge_classes"))))


def store_of(path, docs):
    store = Store(path)
    for doc in docs:
        store.write(doc)
    return store


def test_copies_are_one_event_and_links_stay_few(tmp_path):
    with store_of(tmp_path / "k.db", DOCS) as store:
        groups = partition(store.conn)
        copies = {f"m{i:02d}#0" for i in range(1, 9)}
        together = next(g for g in groups if "m01#0" in g)
        assert copies <= together and "x01#0" not in together
        assert "n01#0" in together  # a day apart, same men: the same meeting
        for i in range(1, 4):  # unlinked copies stay apart
            assert frozenset({f"u{i}#0"}) in groups
        # links join class representatives only, not every pair of copies
        assert store.conn.execute("SELECT count(*) FROM merge_links").fetchone()[0] <= 4


@pytest.mark.parametrize("seed", range(4))
def test_order_of_arrival_does_not_matter(tmp_path, seed):
    with store_of(tmp_path / "ref.db", DOCS) as reference:
        expected = snapshot(reference)
    docs = DOCS[:]
    random.Random(seed).shuffle(docs)
    with store_of(tmp_path / "shuffled.db", docs) as store:
        assert snapshot(store) == expected
        with store.transaction() as db:
            rebuild(db)
        assert snapshot(store) == expected


@pytest.mark.parametrize("gone", ["m01", "m05", "n01", "u1"])
def test_delete_leaves_what_a_store_without_it_holds(tmp_path, gone):
    with store_of(tmp_path / "k.db", DOCS) as store:
        store.delete(gone)
        after = snapshot(store)
    with store_of(tmp_path / "without.db", [d for d in DOCS if d.id != gone]) as store:
        assert after == snapshot(store)


def test_replacing_the_first_copy_moves_it_out(tmp_path):
    changed = meeting("m01", date="2023-05-20")
    changed.clean = "another text of m01"
    with store_of(tmp_path / "k.db", DOCS) as store:
        assert store.write(changed) == "replaced"
        after = snapshot(store)
        groups = partition(store.conn)
        assert {"m01#0", "x01#0"} <= next(g for g in groups if "m01#0" in g)
        assert "m02#0" not in next(g for g in groups if "m01#0" in g)
    with store_of(tmp_path / "fresh.db", [changed if d.id == "m01" else d for d in DOCS]) as store:
        assert after == snapshot(store)


def test_a_store_merged_before_twin_classes_is_remerged_on_open(tmp_path):
    path = tmp_path / "old.db"
    with store_of(path, DOCS) as store:
        expected = snapshot(store)
        with store.transaction() as db:  # what an older Kronika left: no twin classes
            db.execute("DELETE FROM merge_twins")
            db.execute("DELETE FROM merge_classes")
    with Store(path) as store:
        assert snapshot(store) == expected
