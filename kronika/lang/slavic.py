"""Russian and Ukrainian morphology through pymorphy3 and its dictionary packages."""
from __future__ import annotations

from functools import lru_cache

from kronika.lang.base import Analysis

_CASES = {"nomn": "nom", "gent": "gen", "datv": "dat", "accs": "acc", "ablt": "inst", "loct": "loc",
          "voct": "voc", "gen2": "gen", "loc2": "loc", "acc2": "acc"}
_POS = {"NOUN": "noun", "ADJF": "adj", "ADJS": "adj", "VERB": "verb", "INFN": "verb", "PRTF": "adj",
        "PRTS": "adj", "GRND": "verb", "NUMR": "num", "ADVB": "adv", "NPRO": "pron", "PREP": "prep",
        "CONJ": "conj", "PRCL": "part"}
_NAME = {"Name": "forename", "Surn": "surname", "Patr": "patronymic", "Geox": "place", "Orgn": "org"}


class PymorphyMorphology:
    def __init__(self, lang: str) -> None:
        import pymorphy3

        self.lang = lang
        self._morph = pymorphy3.MorphAnalyzer(lang=lang)
        self._cache = lru_cache(maxsize=200_000)(self._analyse)

    def __reduce__(self):
        return (PymorphyMorphology, (self.lang,))

    def analyse(self, word: str) -> list[Analysis]:
        return self._cache(word)

    def lemmas(self, word: str) -> list[str]:
        out: list[str] = []
        for a in self.analyse(word):
            if a.lemma not in out:
                out.append(a.lemma)
        return out or [word]

    def _participle_verb(self, participle: str) -> str | None:
        """The infinitive of a passive participle the dictionary lemmatises to itself (the
        Ukrainian one does: "затриманий", "збитий"), so triggers written as verbs match
        "був затриманий". Suffix rules with consonant alternations, kept only when the
        dictionary knows the infinitive: pymorphy3 has no participle-to-verb link here."""
        for candidate in _infinitive_candidates(participle):
            if any(p.is_known and (str(p.tag.POS) == "INFN" or "infn" in p.tag.grammemes) for p in self._morph.parse(candidate)):
                return candidate
        return None

    def _analyse(self, word: str) -> list[Analysis]:
        out = []
        for p in self._morph.parse(word):
            if not p.is_known:
                continue
            tag = p.tag
            grammemes = tag.grammemes  # set membership: `in tag` raises on grammemes unknown to the language
            name_class = next((v for k, v in _NAME.items() if k in grammemes), None)
            pos = _POS.get(str(tag.POS), "other")
            if pos == "noun" and name_class:
                pos = "propn"
            tense = {"past": "past", "pres": "present", "futr": "future"}.get(str(tag.tense)) if tag.tense else None
            if str(tag.POS) == "INFN":
                tense = "inf"
            lemma = p.normal_form
            if str(tag.POS) == "ADJF" and "pssv" in grammemes:
                lemma = self._participle_verb(lemma) or lemma
            out.append(Analysis(
                lemma=lemma, pos=pos, cases=(_CASES[str(tag.case)],) if str(tag.case) in _CASES else (),
                number={"sing": "sg", "plur": "pl"}.get(str(tag.number)), gender=str(tag.gender) if tag.gender else None,
                tense=tense, aspect={"perf": "perf", "impf": "imperf"}.get(str(tag.aspect)),
                name_class=name_class, tag=str(tag),
            ))
        return out


# stem-final consonants of -ений participles and those of their infinitives ("звинувачений" <-
# "звинуватити", "затверджений" <- "затвердити", "заблокований" <- "заблокувати")
_ALTERNATIONS = (("жд", ("зд",)), ("дж", ("д",)), ("ч", ("т", "к")), ("ж", ("з", "г", "д")), ("ш", ("с", "х")),
                 ("щ", ("ст", "ск")), ("бл", ("б",)), ("пл", ("п",)), ("вл", ("в",)), ("мл", ("м",)), ("фл", ("ф",)))


def _infinitive_candidates(participle: str) -> list[str]:
    out: list[str] = []
    for suffix, endings in (("ований", ("увати",)), ("йований", ("ювати",)), ("ьований", ("ювати",)),
                            ("аний", ("ати",)), ("яний", ("яти",)), ("тий", ("ти",)), ("ений", ("ити", "іти")),
                            ("єний", ("їти",))):
        if participle.endswith(suffix):
            stem = participle[: -len(suffix)]
            for ending in endings:
                out.append(stem + ending)
                if suffix == "ений":
                    for tail, originals in _ALTERNATIONS:
                        if stem.endswith(tail):
                            out += [stem[: -len(tail)] + o + ending for o in originals]
    return out
