"""Checks shared by the per-language event tests (ru, uk)."""
from __future__ import annotations

from kronika.model import Article


def values(row) -> tuple:
    return tuple(row.values) if hasattr(row, "values") else row


def countries(refs) -> set[str]:
    return {r.country for r in refs if r.country}


def matching(article: Article, type_: str, source: str | None, target: str | None) -> list:
    sym = type_ in ("CONSULT", "AGREE", "COOPERATE")  # reciprocal: either side will do
    found = [e for e in article.events if e.type == type_]
    got = [(e.type, sorted(countries(e.source)), sorted(countries(e.target)), e.modality) for e in article.events]
    assert found, f"no {type_} event; got {got}"
    ok = [e for e in found
          if (source is None or source in countries(e.source) or sym and source in countries(e.target))
          and (target is None or target in countries(e.target) or sym and target in countries(e.source))]
    assert ok, f"{type_} found but not {source} -> {target}; got {got}"
    for e in ok:
        assert e.evidence == article.clean[e.evidence_start:e.evidence_end]
        assert article.clean[e.trigger_start:e.trigger_end] == e.trigger
    return ok


def eval_script(name: str):
    """A scoring script of scripts/ (eval_pl, eval_ru_uk) imported as a module."""
    import importlib
    import sys
    from pathlib import Path

    scripts = str(Path(__file__).resolve().parents[2] / "scripts")
    sys.path.insert(0, scripts)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(scripts)


def check_corpus_whole(corpus, languages: set[str]) -> None:
    """Every article of a check corpus has a gold record in one of ``languages``, its id starts
    with its language, and every gold evidence is a substring of its article."""
    import json

    gold = [json.loads(line) for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}
    assert {d["doc_id"] for d in gold} == set(texts)
    assert {d["language"] for d in gold} == languages
    for d in gold:
        assert d["doc_id"].startswith(d["language"] + "_")
        for e in d["events"]:
            assert e["evidence"] in texts[d["doc_id"]], (d["doc_id"], e["evidence"])
