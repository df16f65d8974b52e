"""The morphology interface every language adapter implements."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Protocol

# Words keep inner hyphens and apostrophes ("Iskander-M", "O'Brien"); digits group; any
# other non-space character is a token of its own.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)  # "4,5", "1.250": one number


class Token(NamedTuple):  # a tuple: made for every word of every sentence, several times
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Analysis:
    """One reading of a word form."""

    lemma: str
    pos: str  # coarse: noun, propn, verb, adj, adv, prep, conj, part, num, pron, ger, other
    cases: tuple[str, ...] = ()  # nom gen dat acc inst loc voc
    number: str | None = None  # sg, pl
    gender: str | None = None  # m1 m2 m3 f n (pl) / masc fem neut
    person: str | None = None
    tense: str | None = None  # past, present, future, inf, imperative, cond
    aspect: str | None = None  # perf, imperf
    negated: bool = False
    name_class: str | None = None  # "person", "surname", "forename", "place", "org", ...
    tag: str = ""  # the analyser's raw tag, for debugging


class Morphology(Protocol):
    lang: str

    def analyse(self, word: str) -> list[Analysis]:
        """All readings of one word form; [] when the word is unknown."""

    def lemmas(self, word: str) -> list[str]:
        """Distinct lemmas of a word form, best first; [word] when unknown."""


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
