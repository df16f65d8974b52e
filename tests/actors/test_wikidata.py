"""Wikidata import on a small dump written here in the real dump format."""
import gzip
import json

import pytest

from kronika.actors.kb import KnowledgeBase, read_kb_dirs
from kronika.actors.wikidata import import_wikidata
from kronika.errors import InputError


def item(qid, claims=None, labels=None, aliases=None, enwiki=None):
    e = {"type": "item", "id": qid,
         "labels": {k: {"language": k, "value": v} for k, v in (labels or {}).items()},
         "aliases": {k: [{"language": k, "value": v} for v in vs] for k, vs in (aliases or {}).items()},
         "claims": claims or {}, "sitelinks": {}}
    if enwiki:
        e["sitelinks"]["enwiki"] = {"site": "enwiki", "title": enwiki}
    return e


def item_claim(prop, target, qualifiers=None, rank="normal"):
    c = {"mainsnak": {"snaktype": "value", "property": prop,
                      "datavalue": {"value": {"entity-type": "item", "numeric-id": int(target[1:]), "id": target},
                                    "type": "wikibase-entityid"}},
         "type": "statement", "rank": rank}
    if qualifiers:
        c["qualifiers"] = qualifiers
    return c


def string_claim(prop, value):
    return {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": "string"}},
            "type": "statement", "rank": "normal"}


def time_snak(prop, iso, precision=11):
    iso = (iso + "-00-00")[:10]  # the dump writes unknown month/day as 00
    return {"snaktype": "value", "property": prop,
            "datavalue": {"value": {"time": f"+{iso}T00:00:00Z", "timezone": 0, "before": 0, "after": 0,
                                    "precision": precision, "calendarmodel": "http://www.wikidata.org/entity/Q1985727"},
                          "type": "time"}}


@pytest.fixture()
def dump(tmp_path):
    entities = [
        item("Q159", {"P298": [string_claim("P298", "RUS")]}, {"en": "Russia"}),
        item("Q36", {"P298": [string_claim("P298", "POL")]}, {"en": "Poland"}),
        # a specific position, known as a head of state through its subclass link
        item("Q218295", {"P279": [item_claim("P279", "Q48352")], "P1001": [item_claim("P1001", "Q159")]},
             {"en": "President of Russia"}),
        item("Q1000001", {"P31": [item_claim("P31", "Q2285706")], "P1001": [item_claim("P1001", "Q36")]},
             {"en": "Prime Minister of Poland"}),
        item("Q7747", {
            "P31": [item_claim("P31", "Q5")], "P21": [item_claim("P21", "Q6581097")],
            "P27": [item_claim("P27", "Q159")],
            "P39": [item_claim("P39", "Q218295", {"P580": [time_snak("P580", "2000-05-07")],
                                                   "P582": [time_snak("P582", "2008-05-07")]}),
                    item_claim("P39", "Q218295", {"P580": [time_snak("P580", "2012-05-07")]}),
                    item_claim("P39", "Q999999")]},  # a position of no known role: skipped
             {"en": "Vladimir Putin", "pl": "Władimir Putin", "ru": "Владимир Путин", "de": "Wladimir Putin"},
             {"en": ["Putin", "Vladimir Vladimirovich Putin"]}, enwiki="Vladimir Putin"),
        item("Q2000002", {
            "P31": [item_claim("P31", "Q5")], "P21": [item_claim("P21", "Q6581072")], "P27": [item_claim("P27", "Q36")],
            "P39": [item_claim("P39", "Q1000001", {"P580": [time_snak("P580", "2031-01", 10)]})]},
             {"en": "Anna Testowa", "pl": "Anna Testowa"}),
        item("Q3000003", {"P31": [item_claim("P31", "Q5")]}, {"en": "Nobody In Office"}),  # no positions: skipped
        item("Q4000004", {"P31": [item_claim("P31", "Q192283")], "P17": [item_claim("P17", "Q159")]},
             {"en": "Example News Agency", "ru": "Пример"}, {"en": ["ENA"]}),
        item("Q5000005", {"P31": [item_claim("P31", "Q484652")]}, {"en": "Example Treaty Organisation"}),
        item("Q6000006", {"P31": [item_claim("P31", "Q11424")]}, {"en": "Some Film"}),  # not an organisation class
    ]
    path = tmp_path / "dump.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(e, ensure_ascii=False) for e in entities))
        f.write("\n]\n")
    return path


def test_import_people_and_orgs(dump, tmp_path):
    out = tmp_path / "userkb"
    stats = import_wikidata(dump, out)
    assert stats["people"] == 2 and stats["organisations"] == 2 and stats["countries"] == 2
    kb = KnowledgeBase(read_kb_dirs([out]))
    putin = kb.get("vladimir-putin")
    assert putin.country == "RUS" and putin.gender == "m"
    assert putin.names["pl"] == ["Władimir Putin"] and "de" not in putin.names
    assert "Vladimir Vladimirovich Putin" in putin.names["en"]
    assert [(p.role, p.of, p.start, p.end) for p in putin.positions] == [
        ("head_of_state", "RUS", "2000-05-07", "2008-05-07"), ("head_of_state", "RUS", "2012-05-07", None)]
    assert [a.id for a in kb.holders("head_of_state", "RUS", "2005")] == ["vladimir-putin"]
    anna = kb.get("anna-testowa")
    assert anna.gender == "f" and anna.positions[0].start == "2031-01"
    assert kb.get("example-news-agency").country == "RUS" and kb.get("example-news-agency").sector == "MED"
    assert kb.get("example-treaty-organisation").country == "IGO"
    assert kb.get("some-film") is None and kb.get("nobody-in-office") is None


def test_import_merges_with_an_existing_kb(dump, tmp_path, kb_dir):
    out = tmp_path / "userkb"
    import_wikidata(dump, out, languages=("en", "pl"))
    kb = KnowledgeBase(read_kb_dirs([kb_dir, out]))
    putin = kb.get("vladimir-putin")
    assert "Putin" in putin.names["en"] and "Władimir Putin" in putin.names["pl"]
    assert "ru" in putin.names  # from the fixture KB; the import asked for en and pl only


def test_import_linked_text(dump, tmp_path):
    from kronika.actors import make_linker
    from kronika.model import Article

    out = tmp_path / "userkb"
    import_wikidata(dump, out)
    linker = make_linker(KnowledgeBase(read_kb_dirs([out])))
    a = Article(id="x", source="x", raw="", clean="Spotkanie z Anną Testową.", language="pl", published="2032-01-01")
    linker(a)
    assert [m.actor_id for m in a.mentions] == ["anna-testowa"]


def test_bad_dump_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[\n{not json},\n]\n", encoding="utf-8")
    with pytest.raises(InputError):
        import_wikidata(bad, tmp_path / "out")
