"""`kronika kb import-wikidata` on a small dump in Wikidata's real JSON dump format."""
import gzip
import json

import pytest
from typer.testing import CliRunner

from kronika.cli import app

pytest.importorskip("kronika.actors.wikidata")


def item(pid, qid, qualifiers=None):
    claim = {"mainsnak": {"snaktype": "value", "property": pid, "datatype": "wikibase-item",
                          "datavalue": {"value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid},
                                        "type": "wikibase-entityid"}},
             "type": "statement", "rank": "normal"}
    if qualifiers:
        claim["qualifiers"] = qualifiers
    return claim


def string(pid, value):
    return {"mainsnak": {"snaktype": "value", "property": pid, "datatype": "external-id",
                         "datavalue": {"value": value, "type": "string"}}, "type": "statement", "rank": "normal"}


def time_snak(pid, iso):
    return {"snaktype": "value", "property": pid, "datatype": "time",
            "datavalue": {"value": {"time": f"+{iso}T00:00:00Z", "timezone": 0, "before": 0, "after": 0,
                                    "precision": 11, "calendarmodel": "http://www.wikidata.org/entity/Q1985727"},
                          "type": "time"}}


def entity(qid, labels, claims, aliases=None):
    return {"type": "item", "id": qid,
            "labels": {lang: {"language": lang, "value": v} for lang, v in labels.items()},
            "aliases": {lang: [{"language": lang, "value": v} for v in vs] for lang, vs in (aliases or {}).items()},
            "claims": claims}


def write_dump(path):
    entities = [
        entity("Q184", {"en": "Belarus", "pl": "Białoruś"}, {"P298": [string("P298", "BLR")]}),
        entity("Q2001", {"en": "Prime Minister of Belarus"},
               {"P279": [item("P279", "Q14212")], "P1001": [item("P1001", "Q184")]}),
        entity("Q9001", {"en": "Roman Golovchenko", "pl": "Raman Hałouczanka"},
               {"P31": [item("P31", "Q5")], "P27": [item("P27", "Q184")],
                "P39": [item("P39", "Q2001", {"P580": [time_snak("P580", "2020-06-04")],
                                              "P582": [time_snak("P582", "2025-04-10")]})]},
               aliases={"en": ["Raman Halouchanka"]}),
        entity("Q9002", {"en": "BelTA", "pl": "BiełTA"}, {"P31": [item("P31", "Q192283")], "P17": [item("P17", "Q184")]}),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(e) for e in entities) + "\n]\n")


def test_import_wikidata_writes_kb_records(tmp_path):
    dump = tmp_path / "dump.json.gz"
    write_dump(dump)
    out = tmp_path / "kb"
    result = CliRunner().invoke(app, ["kb", "import-wikidata", str(dump), "--out", str(out), "--languages", "en,pl"])
    assert result.exit_code == 0, result.output
    written = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert "Roman Golovchenko" in written and "BelTA" in written


def test_import_wikidata_missing_dump_is_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["kb", "import-wikidata", str(tmp_path / "none.json.gz")])
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
