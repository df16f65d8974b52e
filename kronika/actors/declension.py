"""Polish inflected forms of KB names, generated from the paradigms in
resources/lang/pl/declension.yaml.

Hand-written because no packaged library inflects foreign surnames in Polish: morfeusz2
only knows its dictionary's names (not Alijew, Paszynian, Pieskow).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kronika.actors.lexicon import lang_data

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")


@lru_cache(maxsize=None)
def _paradigms(lang: str) -> tuple[list[dict], list[dict]]:
    data = lang_data(lang, "declension")
    def compiled(items):
        out = []
        for p in items or []:
            p = dict(p)
            p["_re"] = re.compile(p["match"])
            p["_unless"] = re.compile(p["unless"]) if p.get("unless") else None
            out.append(p)
        return out
    return compiled(data.get("paradigms")), compiled(data.get("adjective_paradigms"))


def _apply(word: str, p: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"nom": [word]}
    if p.get("indeclinable"):
        return {c: [word] for c in CASES}
    strip = p.get("strip", "")
    stem = word[: len(word) - len(strip)] if strip else word
    for old, new in (p.get("respell") or {}).items():
        if stem.lower().endswith(old):
            stem = stem[: -len(old)] + (new if stem[-1].islower() else new.upper())
            break
    for case, endings in p["endings"].items():
        forms = [stem + e for e in endings]
        out[case] = list(dict.fromkeys(out.get(case, []) + forms))
    return out


@lru_cache(maxsize=100_000)
def inflect(word: str, gender: str | None = None, lang: str = "pl") -> dict[str, list[str]]:
    """Case -> forms of a name word; {"nom": [word]} alone when no paradigm applies."""
    low = word.lower()
    if not low or not low[-1].isalpha():
        return {"nom": [word]}
    names, _ = _paradigms(lang)
    for p in names:
        g = p.get("gender", "any")
        if g != "any" and gender and g != gender:
            continue
        if g != "any" and not gender and g == "f":
            continue  # unknown gender: decline as masculine, the commoner case in the news
        if p["_re"].search(low) and not (p["_unless"] and p["_unless"].search(low)):
            return _apply(word, p)
    return {"nom": [word]}


@lru_cache(maxsize=20_000)
def adjective_forms(adjective: str, lang: str = "pl") -> dict[str, list[str]]:
    """Case -> forms (all genders and numbers) of an adjective such as 'rosyjski'."""
    low = adjective.lower()
    _, adjs = _paradigms(lang)
    for p in adjs:
        if p["_re"].search(low):
            out = _apply(adjective, p)
            stem = adjective[: len(adjective) - len(p.get("strip", ""))]
            for e in p.get("m1_plural") or []:
                out["nom"] = out["nom"] + [stem + e]
            return out
    return {"nom": [adjective]}


def form_table(word: str, gender: str | None = None, lang: str = "pl") -> dict[str, tuple[str, ...]]:
    """Inverse view: lower-cased form -> cases it may carry."""
    table: dict[str, set[str]] = {}
    for case, forms in inflect(word, gender, lang).items():
        for f in forms:
            table.setdefault(f.lower(), set()).add(case)
    return {f: tuple(c for c in CASES if c in cs) for f, cs in table.items()}


def guess_base(word: str, cases: tuple[str, ...], lang: str = "pl") -> str:
    """The nominative of a name the KB and the dictionary lack, from its case ("Viktorem",
    inst -> "Viktor"): the first paradigm whose ending for that case the word carries and
    whose own rule fits the rebuilt base form. The word itself when nothing fits."""
    if not cases or "nom" in cases:
        return word
    names, _ = _paradigms(lang)
    low = word.lower()
    for gender in ("m", "f"):
        for p in names:
            if p.get("indeclinable") or p.get("gender", "any") not in ("any", gender):
                continue
            for case in cases:
                for ending in (p.get("endings") or {}).get(case, ()):
                    if not ending or not low.endswith(ending.lower()) or len(low) <= len(ending) + 1:
                        continue
                    base = word[: len(word) - len(ending)] + p.get("strip", "")
                    if p["_re"].search(base.lower()) and not (p["_unless"] and p["_unless"].search(base.lower())):
                        if case in inflect(base, gender, lang) and word in inflect(base, gender, lang)[case]:
                            return base
    return word
