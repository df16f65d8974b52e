import pytest

from kronika.errors import ConfigError, StoreError
from kronika.store import Store, connect, queries


@pytest.fixture
def conn(tmp_path, make_article):
    with Store(tmp_path / "k.db") as s:
        s.write(make_article("a", published="2023-06-16"))
        s.write(make_article("b", clean="Lukashenko met Putin in Sochi. Russia sent troops.", published="2021-09-09",
                             language="pl"))
        s.write(make_article("c", clean="Nothing happened here.", published=None))
    return connect(tmp_path / "k.db", readonly=True)


@pytest.mark.parametrize("filters, ids", [
    ({}, ["a", "b", "c"]),
    ({"language": "pl"}, ["b"]),
    ({"since": "2022"}, ["a"]),
    ({"until": "2021-09"}, ["b"]),
    ({"since": "2021-09-09", "until": "2023-06-16"}, ["a", "b"]),
])
def test_list_documents_filters(conn, filters, ids):
    assert sorted(d["id"] for d in queries.list_documents(conn, **filters)) == ids


def test_get_document_carries_its_parts(conn):
    doc = queries.get_document(conn, "a")
    assert doc["removed"][0]["rule"] == "share_prompt"
    assert [s["idx"] for s in doc["sentences"]] == [0, 1]
    assert [m["text"] for m in doc["mentions"]] == ["Putin", "Lukashenko", "Russia"]
    assert [e["type"] for e in doc["events"]] == ["CONSULT", "MOBILIZE"]
    assert doc["events"][0]["source"][0]["name"] == "Vladimir Putin"
    assert queries.get_document(conn, "zzz") is None


def test_top_actors_counts_mentions_and_documents(conn):
    top = queries.top_actors(conn)
    putin = next(a for a in top if a["id"] == "Q7747")
    assert (putin["mentions"], putin["documents"], putin["name"]) == (2, 2, "Vladimir Putin")
    assert [a["id"] for a in queries.top_actors(conn, country="blr")] == ["Q14101"]
    assert {a["id"] for a in queries.top_actors(conn, sector="GOV")} == {"Q7747", "Q14101"}


@pytest.mark.parametrize("filters, expected", [
    ({"type": "CONSULT"}, 2),
    ({"type": "consult,mobilize"}, 4),
    ({"quad": "material_conflict"}, 2),
    ({"quad": "1"}, 2),
    ({"quad": "verbal-cooperation"}, 2),
    ({"modality": "claimed"}, 2),
    ({"country": "BLR"}, 2),
    ({"dyad": "RUS-BLR"}, 2),
    ({"dyad": "BLR-RUS"}, 0),
    ({"actor": "Vladimir Putin"}, 2),
    ({"actor": "Q14101"}, 2),
    ({"since": "2023"}, 2),
    ({"until": "2021-12"}, 2),
    ({"type": "ASSAULT"}, 0),
])
def test_list_events_filters(conn, filters, expected):
    assert len(queries.list_events(conn, **filters)) == expected


def test_list_events_pages(conn):
    everything = [e["id"] for e in queries.list_events(conn)]
    assert len(everything) == 4
    assert [e["id"] for e in queries.list_events(conn, limit=2, offset=2)] == everything[2:]


def test_timeline_is_in_date_order(conn):
    dates = [e["date"] for e in queries.timeline(conn, "Alexander Lukashenko")]
    assert dates == sorted(dates) and len(dates) == 2


@pytest.mark.parametrize("filters, message", [
    ({"quad": "friendly"}, "verbal_cooperation"),
    ({"type": "HUG"}, "CONSULT"),
    ({"modality": "maybe"}, "asserted"),
    ({"dyad": "RUS"}, "RUS-BLR"),
])
def test_bad_filters_name_the_allowed_values(conn, filters, message):
    with pytest.raises(ConfigError, match=message):
        queries.list_events(conn, **filters)


def test_reading_a_missing_database_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="kronika ingest"):
        connect(tmp_path / "none.db", readonly=True)


def test_counts(conn):
    c = queries.count_documents(conn)
    assert (c["documents"], c["events"], c["by_language"]) == (3, 4, {"en": 2, "pl": 1})
