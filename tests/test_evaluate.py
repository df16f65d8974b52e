"""kronika.evaluate gives the same figures as shared/eval/score.py."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kronika.evaluate import date_matches, format_summary, match_level, score_documents, score_files, sides_overlap
from kronika.errors import InputError

HERE = Path(__file__).resolve()
SCORER = next((p for p in (Path("/work/shared/eval/score.py"), HERE.parents[1].parent / "shared/eval/score.py")
               if p.exists()), None)


def actor(name, country, sector="GOV"):
    return {"name": name, "country": country, "sector": sector}


def country(code):
    return {"name": None, "country": code, "sector": None}


def event(type_, source, target, date=None, modality="asserted", evidence="x"):
    return {"type": type_, "mode": None, "source": source, "target": target, "date": date, "location": None,
            "modality": modality, "evidence": evidence}


PUTIN, LUKA, ALIYEV = actor("Vladimir Putin", "RUS"), actor("Alexander Lukashenko", "BLR"), actor("Ilham Aliyev", "AZE")
CAVUSOGLU, CAVUSOGLU_PLAIN = actor("Mevlüt Çavuşoğlu", "TUR"), actor("mevlut cavusoglu", "TUR")

GOLD = [
    {"doc_id": "d1", "language": "pl", "published": "2023-06-16",
     "actors": [PUTIN, LUKA, country("RUS"), country("BLR"), country("UKR")],
     "events": [
         event("CONSULT", [PUTIN], [LUKA], "2023-06-16"),
         event("AID", [country("RUS")], [country("BLR")], "2023-06"),
         event("ACCUSE", [LUKA], [country("POL")], None, "claimed"),
         event("ASSAULT", [], [country("UKR")], "2023"),
     ]},
    {"doc_id": "d2", "language": "en", "published": "2020-11",
     "actors": [ALIYEV, CAVUSOGLU, country("AZE"), country("ARM")],
     "events": [
         event("AGREE", [ALIYEV, actor("Nikol Pashinyan", "ARM")], [], "2020-11-10"),
         event("CONCEDE", [country("ARM")], [country("AZE")], "2020-11-10"),
         event("SUPPORT", [CAVUSOGLU], [ALIYEV], "2020-11-09"),
     ]},
    {"doc_id": "d3", "language": "en", "published": None, "actors": [country("GEO")],
     "events": [event("PROTEST", [country("GEO")], [], None)]},
    {"doc_id": "d4", "language": "uk", "published": "2022", "actors": [], "events": [
        event("COERCE", [country("RUS")], [country("UKR")], "2022-03")]},
]
PRED = [
    {"doc_id": "d1", "language": "pl", "published": "2023-06-16",
     "actors": [PUTIN, actor("Alexander Lukashenko", "BLR", "MIL"), country("RUS"), country("BLR"), country("LTU")],
     "events": [
         event("CONSULT", [LUKA], [PUTIN], "2023-06-16"),  # swapped: still a match for CONSULT
         event("AID", [country("RUS")], [country("BLR")], "2023-06-15"),
         event("ACCUSE", [LUKA], [country("POL")], "2023-06-16", "asserted"),  # modality differs
         event("ASSAULT", [country("RUS")], [country("UKR"), country("POL"), country("LTU")], "2023-06"),
         event("REJECT", [country("BLR")], [country("RUS")], "2023-06-16"),
     ]},
    {"doc_id": "d2", "language": "pl", "published": "2020-11-10",
     "actors": [actor("ilham aliyev", "AZE"), CAVUSOGLU_PLAIN, country("AZE"), country("TUR")],
     "events": [
         event("AGREE", [ALIYEV], [actor("Nikol Pashinyan", "ARM")], "2020-11-10"),  # parties split over sides
         event("CONCEDE", [country("AZE")], [country("ARM")], "2020-11-10"),  # not symmetric: no match
         event("SUPPORT", [CAVUSOGLU_PLAIN], [ALIYEV], "2020-11"),  # less precise than gold
     ]},
    {"doc_id": "d3", "language": "en", "published": "2024-01-01", "actors": [], "events": []},
]


@pytest.fixture
def files(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in GOLD), encoding="utf-8")
    pred.write_text("\n".join(json.dumps(d) for d in PRED) + "\n\n", encoding="utf-8")
    return gold, pred


@pytest.mark.skipif(SCORER is None, reason="shared/eval/score.py not found beside the repository")
def test_same_figures_as_score_py(files):
    gold, pred = files
    theirs = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json"],
                            capture_output=True, text=True, check=True)
    ours = score_files(gold, pred).summary()
    assert json.loads(json.dumps(ours)) == json.loads(theirs.stdout)


@pytest.mark.skipif(SCORER is None, reason="shared/eval/score.py not found beside the repository")
def test_same_text_and_misses_as_score_py(files):
    from kronika.evaluate import format_miss

    gold, pred = files
    theirs = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--show-misses"],
                            capture_output=True, text=True, check=True).stdout
    scores = score_files(gold, pred)
    ours = format_summary(scores.summary()) + "\n" + "".join(format_miss(d, e) + "\n" for d, e in scores.missed)
    assert ours == theirs


def test_figures_by_hand(files):
    """The same case worked out without any scorer, so a shared bug would not hide."""
    s = score_files(*files).summary()
    assert s["docs"] == 4
    assert s["published_acc"] == round(2 / 3, 3)  # d3 undated: not counted; d2 "2020-11-10" fits "2020-11"
    assert s["language_acc"] == 0.5
    # events: gold 9, predicted 8; dyad hits: d1 CONSULT, AID, ACCUSE; d2 AGREE, SUPPORT = 5
    assert s["events_dyad_prf"] == (0.625, 0.556, 0.588)
    assert s["events_dated_prf"] == (0.5, 0.444, 0.471)  # SUPPORT less precise than gold
    assert s["events_full_prf"] == (0.375, 0.333, 0.353)  # ACCUSE modality differs


@pytest.mark.parametrize("gold, pred, expected", [
    (None, None, True), ("2022", None, False), ("2022-12", "2022-12-19", True), ("2022-12-19", "2022-12", False),
    ("2022-12", "2022-11-30", False),
])
def test_date_matches(gold, pred, expected):
    assert date_matches(gold, pred) is expected


@pytest.mark.parametrize("pred, gold, expected", [
    (set(), set(), True), ({"RUS"}, set(), True), (set(), {"RUS"}, False), ({"RUS", "BLR"}, {"RUS"}, True),
    ({"RUS", "BLR", "UKR"}, {"RUS"}, False),
])
def test_sides_overlap(pred, gold, expected):
    assert sides_overlap(pred, gold) is expected


def test_all_parties_on_one_side_match_a_meeting():
    gold = event("CONSULT", [PUTIN, LUKA], [])
    assert match_level(gold, event("CONSULT", [PUTIN], [LUKA])) == 3
    assert match_level(event("AID", [PUTIN, LUKA], [country("UKR")]), event("AID", [PUTIN], [LUKA])) == 0


def test_missing_prediction_counts_every_gold_event_missed():
    s = score_documents({"d": GOLD[0]}, {})
    assert s.events["dyad"].fn == 4 and len(s.missed) == 4


def test_a_broken_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:2"):
        score_files(bad, bad)


# -- the quality gate: the whole system on the seeds ---------------------------------------------
SHARED = next((p for p in (Path("/work/shared"), HERE.parents[1].parent / "shared") if (p / "seeds").is_dir()), None)
# Floors on the seeds. Raise them as the system improves; never lower one without saying why
# in the commit message. (Targets: countries F1 >= 0.95 and named F1 >= 0.90 (actors issue);
# dyad >= 0.80, dated >= 0.70, full >= 0.50 (events issue).)
FLOORS = {
    "published_acc": 1.0,
    "language_acc": 1.0,
    "countries_prf": 0.95,
    "named_prf": 0.90,
    "events_dyad_prf": 0.82,
    "events_dated_prf": 0.82,
    "events_full_prf": 0.75,
}


@pytest.mark.skipif(SHARED is None or SCORER is None, reason="shared/ (seeds, gold, score.py) not found")
def test_kronika_eval_on_the_seeds_holds_the_floors_and_agrees_with_score_py(tmp_path):
    from typer.testing import CliRunner

    from kronika.cli import app

    kept = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["eval", str(SHARED / "gold/seeds.jsonl"), str(SHARED / "seeds"), "--json",
                                      "--keep", str(kept)])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)
    theirs = subprocess.run([sys.executable, str(SCORER), str(SHARED / "gold/seeds.jsonl"), str(kept), "--json"],
                            capture_output=True, text=True, check=True)
    assert ours == json.loads(theirs.stdout)
    low = {k: ours[k] for k, floor in FLOORS.items()
           if (ours[k][2] if isinstance(ours[k], list) else ours[k]) < floor}
    assert not low, f"below the pinned floors {FLOORS}: {low}"
