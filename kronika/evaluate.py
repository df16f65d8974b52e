"""Score predicted documents against gold ones, as shared/spec/EVAL-FORMAT.md describes.

Kronika's own implementation of the algorithm of shared/eval/score.py (a test pins that
both give the same figures): documents paired by doc_id; events matched one-to-one, greedily,
best level first, at three levels (dyad, dated, full); published and language accuracy;
precision/recall/F1 of each document's countries and named actors.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from kronika.errors import InputError

# Meetings, agreements and joint action have no direction: either way round matches.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
LEVELS = ("dyad", "dated", "full")


def load_jsonl(path: str | Path) -> dict[str, dict]:
    """{doc_id: record} from an eval-format file; a bad line is an InputError naming it."""
    docs: dict[str, dict] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{n}: not JSON ({e}); fix or remove that line") from None
                if not isinstance(record, dict) or "doc_id" not in record:
                    raise InputError(f"{path}:{n}: a record needs a doc_id")
                docs[record["doc_id"]] = record
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    return docs


def fold_name(name: str) -> str:
    """Case- and accent-insensitive key for a name ('Mevlüt Çavuşoğlu' -> 'mevlut cavusoglu')."""
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(ascii_only.lower().split())


def country_set(actors: Iterable[dict] | None) -> set[str]:
    return {a["country"] for a in actors or () if a.get("country")}


def name_set(actors: Iterable[dict] | None) -> set[str]:
    return {fold_name(a["name"]) for a in actors or () if a.get("name")}


def date_matches(gold: str | None, predicted: str | None) -> bool:
    """A prediction must be at least as precise as gold and agree to gold's precision."""
    if not gold:
        return True
    return bool(predicted) and predicted.startswith(gold)


def sides_overlap(predicted: set, gold: set) -> bool:
    """Gold naming nobody matches anything; else Jaccard >= 0.5."""
    if not gold:
        return True
    union = predicted | gold
    return bool(predicted) and 2 * len(predicted & gold) >= len(union)


def dyad_matches(gold: dict, pred: dict) -> bool:
    if gold.get("type") != pred.get("type"):
        return False
    g_src, g_tgt = country_set(gold.get("source")), country_set(gold.get("target"))
    p_src, p_tgt = country_set(pred.get("source")), country_set(pred.get("target"))
    if sides_overlap(p_src, g_src) and sides_overlap(p_tgt, g_tgt):
        return True
    if gold["type"] in SYMMETRIC_TYPES:
        swapped = sides_overlap(p_src, g_tgt) and sides_overlap(p_tgt, g_src)
        return swapped or sides_overlap(p_src | p_tgt, g_src | g_tgt)
    return False


def match_level(gold: dict, pred: dict) -> int:
    """0 none, 1 dyad, 2 dated, 3 full."""
    if not dyad_matches(gold, pred):
        return 0
    if not date_matches(gold.get("date"), pred.get("date")):
        return 1
    same_modality = gold.get("modality", "asserted") == pred.get("modality", "asserted")
    gold_people = name_set(gold.get("source")) | name_set(gold.get("target"))
    pred_people = name_set(pred.get("source")) | name_set(pred.get("target"))
    return 3 if same_modality and sides_overlap(pred_people, gold_people) else 2


def pair_events(gold: list[dict], pred: list[dict]) -> list[tuple[int, int, int]]:
    """Greedy one-to-one pairing, best level first (ties: gold order, then prediction order)."""
    candidates = [(match_level(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)]
    candidates = [c for c in candidates if c[0]]
    candidates.sort(key=lambda c: -c[0])  # stable: keeps (gold, pred) order within a level
    taken_gold, taken_pred, pairs = set(), set(), []
    for lvl, gi, pi in candidates:
        if gi not in taken_gold and pi not in taken_pred:
            taken_gold.add(gi)
            taken_pred.add(pi)
            pairs.append((gi, pi, lvl))
    return pairs


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_sets(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return round(precision, 3), round(recall, 3), round(f1, 3)


@dataclass
class Scores:
    docs: int = 0
    published_right: int = 0
    published_counted: int = 0
    language_right: int = 0
    countries: Counts = field(default_factory=Counts)
    named: Counts = field(default_factory=Counts)
    events: dict[str, Counts] = field(default_factory=lambda: {lvl: Counts() for lvl in LEVELS})
    missed: list[tuple[str, dict]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The figures, with the keys and rounding score.py prints."""
        return {
            "docs": self.docs,
            "published_acc": round(self.published_right / self.published_counted, 3) if self.published_counted else 0,
            "language_acc": round(self.language_right / self.docs, 3) if self.docs else 0,
            "countries_prf": self.countries.prf(),
            "named_prf": self.named.prf(),
            **{f"events_{lvl}_prf": self.events[lvl].prf() for lvl in LEVELS},
        }


def score_documents(gold_docs: dict[str, dict], pred_docs: dict[str, dict]) -> Scores:
    scores = Scores()
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id, {})
        scores.docs += 1
        if gold.get("published"):  # undated gold documents are not counted
            scores.published_counted += 1
            scores.published_right += date_matches(gold["published"], pred.get("published"))
        scores.language_right += gold.get("language") == pred.get("language")
        scores.countries.add_sets(country_set(gold.get("actors")), country_set(pred.get("actors")))
        scores.named.add_sets(name_set(gold.get("actors")), name_set(pred.get("actors")))
        gold_events, pred_events = gold.get("events", []), pred.get("events", [])
        pairs = pair_events(gold_events, pred_events)
        for k, lvl in enumerate(LEVELS, 1):
            hits = sum(1 for _, _, got in pairs if got >= k)
            c = scores.events[lvl]
            c.tp += hits
            c.fp += len(pred_events) - hits
            c.fn += len(gold_events) - hits
        found = {gi for gi, _, _ in pairs}
        scores.missed += [(doc_id, e) for gi, e in enumerate(gold_events) if gi not in found]
    return scores


def score_files(gold_path: str | Path, pred_path: str | Path) -> Scores:
    return score_documents(load_jsonl(gold_path), load_jsonl(pred_path))


def format_summary(summary: dict[str, Any]) -> str:
    """The text score.py prints: one 'key value' line per figure, keys padded to 20."""
    return "\n".join(f"{k:20} {v}" for k, v in summary.items())


def format_miss(doc_id: str, event: dict) -> str:
    src = "+".join(sorted(country_set(event.get("source")))) or "?"
    tgt = "+".join(sorted(country_set(event.get("target")))) or "?"
    return f"MISS {doc_id} {event['type']} {src}->{tgt} {event.get('date')} :: {event.get('evidence', '')[:90]}"
