"""The CLI and export over merged events and stories (hand-made reports, no stage runs)."""
import json

import pytest
from typer.testing import CliRunner

from kronika.cli import app
from kronika.store import Store

from test_incremental import DOCS

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        for doc in DOCS:
            store.write(doc)
    return str(path)


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_events_merged_json(db):
    result = cli("events", "--merged", "--min-sources", "2", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    meeting = next(r for r in rows if r["type"] == "CONSULT" and r["sources"] == 4)
    assert meeting["date"] == "2023-04-05" and meeting["location"]["name"] == "Moscow"
    assert meeting["modalities"] == {"asserted": 3, "denied": 1}  # the denial stays visible
    assert {r["doc_id"] for r in meeting["reports"]} == {"d1", "d2", "d4", "d5"}
    assert all({"doc_id", "sentence", "modality"} <= set(r) for r in meeting["reports"])
    assert all(r["sources"] >= 2 for r in rows)


def test_events_merged_table_and_refusals(db):
    result = cli("events", "--merged", "--db", db)
    assert result.exit_code == 0 and "merged events" in result.output
    result = cli("events", "--merged", "--quad", "1", "--db", db)
    assert result.exit_code == 1 and "--quad cannot be used with --merged" in result.output


def test_stories_command(db):
    result = cli("stories", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    stories = json.loads(result.output)
    assert {d["id"] for d in stories[0]["documents"]} >= {"d1", "d2", "d5"}
    assert cli("stories", "--db", db).exit_code == 0


def test_export_merged_and_eval_stays_per_document(db, tmp_path):
    out = tmp_path / "m.jsonl"
    result = cli("export", "--format", "events-merged-jsonl", "-o", out, "--db", db)
    assert result.exit_code == 0, result.output
    merged = [json.loads(line) for line in out.read_text().splitlines()]
    assert sum(m["report_count"] for m in merged) == sum(len(d.events) for d in DOCS)
    assert len(merged) == 6
    evals = tmp_path / "e.jsonl"
    assert cli("export", "--format", "eval-jsonl", "-o", evals, "--db", db).exit_code == 0
    assert len(evals.read_text().splitlines()) == len(DOCS)


def test_merge_rebuilds(db):
    result = cli("merge", "--db", db)
    assert result.exit_code == 0, result.output
    assert "11 events -> 6 merged events (3 reported by several documents)" in result.output
