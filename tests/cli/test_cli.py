"""The CLI over a store filled with hand-made Articles (no stage runs)."""
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.cli import app
from kronika.model import Failure
from kronika.store import Store

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path, make_article):
    path = tmp_path / "k.db"
    with Store(path) as store:
        store.write(make_article("a", published="2023-06-16"))
        store.write(make_article("b", clean="Lukashenko met Putin in Sochi. Russia sent troops.", published="2021-09-09",
                                 language="pl"))
        store.write(make_article("c", clean="Nothing happened here.", published=None))
        store.write_failure(Failure(source="/in/broken.txt", reason="invalid UTF-8 and no legacy encoding fits",
                                    doc_id="broken"))
    return str(path)


def cli(*args):
    result = runner.invoke(app, [str(a) for a in args])
    return result


@pytest.mark.parametrize("command", [
    [], ["ingest"], ["docs"], ["stats"], ["show"], ["failures"], ["actors"], ["events"], ["timeline"], ["export"], ["eval"],
    ["kb"], ["kb", "import-wikidata"],
])
def test_every_command_has_help(command):
    result = cli(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    if command and command != ["kb"]:
        assert "--db" in result.output


def test_docs_lists_and_filters(db):
    result = cli("docs", "--db", db)
    assert result.exit_code == 0 and all(doc in result.output for doc in ("a", "b", "c"))
    only_pl = json.loads(cli("docs", "--db", db, "--language", "pl", "--json").stdout)
    assert [d["id"] for d in only_pl] == ["b"]
    since = json.loads(cli("docs", "--db", db, "--since", "2022", "--json").stdout)
    assert [d["id"] for d in since] == ["a"]


def test_show_prints_clean_text_and_what_was_removed(db):
    result = cli("show", "a", "--db", db)
    assert result.exit_code == 0
    assert "Putin met Lukashenko in Minsk." in result.stdout
    assert "[share_prompt] Share this!" in result.stdout


def test_show_marks_mentions_inline(db):
    result = cli("show", "a", "--mentions", "--db", db)
    assert "[Putin|Vladimir Putin] met [Lukashenko|Alexander Lukashenko] in Minsk." in result.stdout
    assert "[Russia|RUS] sent troops." in result.stdout


def test_show_unknown_document_is_one_line_error(db):
    result = cli("show", "nope", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "kronika docs" in result.stderr


def test_failures_are_listed(db):
    rows = json.loads(cli("failures", "--db", db, "--json").stdout)
    assert [(r["source"], r["stage"]) for r in rows] == [("/in/broken.txt", "read")]
    assert "invalid UTF-8" in cli("failures", "--db", db).stdout


def test_actors_with_counts_and_filters(db):
    rows = json.loads(cli("actors", "--db", db, "--json").stdout)
    assert {r["name"]: r["mentions"] for r in rows if r["name"]} == {"Vladimir Putin": 2, "Alexander Lukashenko": 2}
    rows = json.loads(cli("actors", "--db", db, "--country", "BLR", "--json").stdout)
    assert [r["name"] for r in rows] == ["Alexander Lukashenko"]


@pytest.mark.parametrize("args, count", [
    ([], 4), (["--dyad", "RUS-BLR"], 2), (["--type", "MOBILIZE"], 2), (["--quad", "verbal_cooperation"], 2),
    (["--modality", "claimed"], 2), (["--actor", "Alexander Lukashenko"], 2), (["--country", "BLR", "--since", "2022"], 1),
    (["--until", "2021"], 2), (["--limit", "1"], 1),
])
def test_events_filters(db, args, count):
    result = cli("events", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == count


def test_events_table(db):
    result = cli("events", "--db", db, "--type", "CONSULT")
    assert result.exit_code == 0 and "CONSULT" in result.stdout and "Minsk" in result.stdout


def test_timeline_in_date_order(db):
    rows = json.loads(cli("timeline", "Vladimir Putin", "--db", db, "--format", "json").stdout)
    assert [r["date"] for r in rows] == ["2021-09-09", "2023-06-16"]


@pytest.mark.parametrize("args, message", [
    (["events", "--quad", "friendly"], "verbal_cooperation"),
    (["events", "--format", "xml"], "table or json"),
    (["events", "--since", "June"], "YYYY-MM-DD"),
    (["export", "--format", "xml"], "eval-jsonl"),
])
def test_bad_options_are_one_line_errors(db, args, message):
    result = cli(*args, "--db", db)
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_database_is_one_line_error(tmp_path):
    result = cli("docs", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "kronika ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


# -- the real process: no traceback reaches the user -------------------------------------------
def run_kronika(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("KRONIKA_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "kronika.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=60)


@pytest.mark.parametrize("args", [
    ["docs", "--db", "/nonexistent/folder/k.db"],
    ["ingest", "x.txt", "--db", "/nonexistent/folder/k.db"],
    ["events", "--db", "NOTADB", "--quad", "1"],
    ["ingest", "x.txt", "--languages", "pl,de"],
    ["eval", "missing-gold.jsonl", "x.txt"],
])
def test_errors_in_a_real_process_are_one_line_and_nonzero(tmp_path, args):
    (tmp_path / "NOTADB").write_text("plain text, not a database\n" * 50)
    result = run_kronika(*args, cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kronika: error: "), result.stderr


def test_languages_error_names_the_allowed_values(tmp_path):
    result = run_kronika("ingest", "x.txt", "--languages", "pl,de", cwd=tmp_path)
    assert "'de'" in result.stderr and "pl, en, ru, uk" in result.stderr


# -- export ----------------------------------------------------------------------------------
EVAL_KEYS = ["doc_id", "language", "published", "actors", "events"]
EVENT_KEYS = ["type", "mode", "source", "target", "date", "location", "modality", "evidence"]
ACTOR_KEYS = ["name", "country", "sector"]


def check_actor(a):
    assert list(a) == ACTOR_KEYS
    assert a["name"] is None or isinstance(a["name"], str)
    assert a["country"] is None or (isinstance(a["country"], str) and len(a["country"]) == 3)
    assert a["sector"] is None or isinstance(a["sector"], str)


def test_eval_jsonl_is_exactly_the_eval_format(db, tmp_path):
    out = tmp_path / "p.jsonl"
    result = cli("export", "--db", db, "--format", "eval-jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == ["a", "b", "c"]
    for r in records:
        assert list(r) == EVAL_KEYS
        assert r["language"] in ("pl", "en", "ru", "uk")
        assert r["published"] is None or len(r["published"]) in (4, 7, 10)
        for a in r["actors"]:
            check_actor(a)
        for e in r["events"]:
            assert list(e) == EVENT_KEYS
            assert e["modality"] in ("asserted", "claimed", "planned", "denied")
            for a in e["source"] + e["target"]:
                check_actor(a)
            assert e["location"] is None or list(e["location"]) == ["name", "country"]
    a = records[0]
    assert a["events"][0] == {
        "type": "CONSULT", "mode": "visit",
        "source": [{"name": "Vladimir Putin", "country": "RUS", "sector": "GOV"}],
        "target": [{"name": "Alexander Lukashenko", "country": "BLR", "sector": "GOV"}],
        "date": "2023-06-16", "location": {"name": "Minsk", "country": "BLR"}, "modality": "asserted",
        "evidence": "Putin met Lukashenko in Minsk.",
    }
    assert records[2] == {"doc_id": "c", "language": "en", "published": None, "actors": [], "events": []}


def test_eval_jsonl_evidence_is_a_substring_of_the_clean_text(db, tmp_path):
    out = tmp_path / "p.jsonl"
    cli("export", "--db", db, "-o", out)
    full = tmp_path / "full.jsonl"
    cli("export", "--db", db, "--format", "jsonl", "-o", full)
    clean = {d["id"]: d["clean"] for d in map(json.loads, full.read_text(encoding="utf-8").splitlines())}
    for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()):
        for e in r["events"]:
            assert e["evidence"] in clean[r["doc_id"]]


def test_jsonl_export_keeps_spans_and_removed_lines(db, tmp_path):
    out = tmp_path / "full.jsonl"
    assert cli("export", "--db", db, "--format", "jsonl", "-o", out).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert doc["removed"][0]["rule"] == "share_prompt"
    assert doc["events"][0]["trigger"] == "met" and doc["events"][0]["quad"] == "verbal_cooperation"
    assert doc["mentions"][0]["start"] == 0


def test_csv_export_one_row_per_event(db, tmp_path):
    out = tmp_path / "events.csv"
    assert cli("export", "--db", db, "--format", "csv", "-o", out).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 4
    consult = next(r for r in rows if r["type"] == "CONSULT" and r["doc_id"] == "a")
    assert (consult["source_countries"], consult["target_names"]) == ("RUS", "Alexander Lukashenko")


def test_export_to_stdout(db):
    result = cli("export", "--db", db)
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3


def test_stats_summary(db):
    counts = json.loads(cli("stats", "--db", db, "--json").stdout)
    assert (counts["documents"], counts["events"], counts["failures"]) == (3, 4, 1)
    assert "documents" in cli("stats", "--db", db).stdout
