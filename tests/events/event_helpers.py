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
