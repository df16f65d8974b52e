"""Polish morphology through morfeusz2 (its SGJP dictionary ships with the package)."""
from __future__ import annotations

from functools import lru_cache

from kronika.lang.base import Analysis

_CASES = {"nom", "gen", "dat", "acc", "inst", "loc", "voc"}
_POS = {
    "subst": "noun", "depr": "noun", "ger": "ger", "adj": "adj", "adja": "adj", "adjp": "adj",
    "adjc": "adj", "adv": "adv", "prep": "prep", "conj": "conj", "comp": "conj", "qub": "part",
    "num": "num", "numcomp": "num", "ppron12": "pron", "ppron3": "pron", "siebie": "pron",
    "fin": "verb", "bedzie": "verb", "praet": "verb", "impt": "verb", "imps": "verb", "inf": "verb",
    "pcon": "verb", "pant": "verb", "pact": "adj", "ppas": "adj", "winien": "verb", "pred": "verb",
    "aglt": "verb", "brev": "other", "interp": "other", "ign": "unknown",
}
_TENSE = {"fin": "present", "bedzie": "future", "praet": "past", "impt": "imperative", "inf": "inf", "imps": "past"}
_NAME_CLASS = {
    "imię": "forename", "nazwisko": "surname", "nazwa_geograficzna": "place",
    "nazwa_organizacji": "org", "nazwa_własna": "proper", "nazwa_pospolita": None,
}


class PolishMorphology:
    lang = "pl"

    def __init__(self) -> None:
        import morfeusz2

        # morfeusz2 holds a C++ object; it is rebuilt on unpickling (see __reduce__).
        self._morf = morfeusz2.Morfeusz(expand_tags=False)
        self._cache = lru_cache(maxsize=200_000)(self._analyse)

    def __reduce__(self):
        return (PolishMorphology, ())

    def analyse(self, word: str) -> list[Analysis]:
        return self._cache(word)

    def lemmas(self, word: str) -> list[str]:
        out: list[str] = []
        for a in self.analyse(word):
            if a.lemma not in out:
                out.append(a.lemma)
        return out or [word]

    def _analyse(self, word: str) -> list[Analysis]:
        out = []
        for _s, _e, (orth, lemma, tag, classes, _quals) in self._morf.analyse(word):
            if tag == "ign":
                continue
            parts = tag.split(":")
            flex = parts[0]
            cases: list[str] = []
            number = gender = person = aspect = None
            negated = False
            for p in parts[1:]:
                vals = p.split(".")
                if set(vals) <= _CASES:
                    cases.extend(vals)
                elif p in ("sg", "pl"):
                    number = p
                elif set(vals) <= {"m1", "m2", "m3", "f", "n"}:
                    gender = p
                elif p in ("pri", "sec", "ter"):
                    person = p
                elif p in ("perf", "imperf") or p == "imperf.perf":
                    aspect = p
                elif p == "neg":
                    negated = True
            name_class = None
            for c in classes:
                if c in _NAME_CLASS:
                    name_class = _NAME_CLASS[c] or name_class
            pos = _POS.get(flex, "other")
            if pos == "noun" and name_class:
                pos = "propn"
            out.append(
                Analysis(
                    lemma=lemma.split(":")[0], pos=pos, cases=tuple(cases), number=number, gender=gender,
                    person=person, tense=_TENSE.get(flex), aspect=aspect, negated=negated,
                    name_class=name_class, tag=tag,
                )
            )
        return out
