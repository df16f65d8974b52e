"""English: no inflection worth a full analyser; simplemma gives lemmas."""
from __future__ import annotations

from functools import lru_cache

from kronika.lang.base import Analysis


class EnglishMorphology:
    lang = "en"

    def __init__(self) -> None:
        self._cache = lru_cache(maxsize=200_000)(self._analyse)

    def __reduce__(self):
        return (EnglishMorphology, ())

    def analyse(self, word: str) -> list[Analysis]:
        return self._cache(word)

    def lemmas(self, word: str) -> list[str]:
        return [a.lemma for a in self.analyse(word)] or [word]

    def _analyse(self, word: str) -> list[Analysis]:
        import simplemma

        lemma = simplemma.lemmatize(word, lang="en")
        return [Analysis(lemma=lemma, pos="other", tag="simplemma")]
