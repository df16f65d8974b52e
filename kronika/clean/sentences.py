"""Sentence splitter for news text that knows each language's abbreviations (from data).

Hand-written because the common splitters (spaCy's sentencizer, pysbd) break after Polish
"gen." and "tzw." and cannot be fed abbreviation lists per language; this one decides each
dot by the next word's case and the abbreviation's class (see abbreviations.txt).
Line breaks always end a sentence: cleaning puts headings and paragraphs on their own lines.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from kronika.clean.resources import abbreviations
from kronika.model import Sentence, Span

__all__ = ["split_sentences", "split_paragraph"]

_LINE = regex.compile(r"[^\n]+")
# A run of terminators, then closing quotes or brackets, then whitespace.
_END = regex.compile(r"(?P<term>[.!?…]+)[\"”»’'\)\]]*(?=\s)")
_OPENERS = "\"“„«‘'([¿¡"
_DASHES = "-–—"
_BULLETS = "•·▪●■*"
_TOKEN_STOP = set(" \t\n" + _OPENERS)
_DOTTED_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}")
_OPENING_PHRASE_WORDS = 4  # "W grudniu 2024 r." opens a sentence, it does not end one


def _starts_sentence(text: str, k: int) -> bool:
    """True when the text at ``k`` can begin a sentence: a capital, a digit, or a quote/dash before one."""
    n = len(text)
    while k < n and text[k] in _OPENERS:
        k += 1
    if k < n and text[k] in _DASHES + _BULLETS:
        k += 1
        while k < n and text[k] == " ":
            k += 1
        while k < n and text[k] in _OPENERS:
            k += 1
    if k >= n:
        return False
    ch = text[k]
    return ch.isupper() or ch.isdigit()


def _token_before(text: str, dot: int) -> tuple[str, int]:
    """The word that the dot at ``dot`` ends, dot included, and where it starts."""
    t = dot
    while t > 0 and text[t - 1] not in _TOKEN_STOP:
        t -= 1
    return text[t:dot + 1], t


def _is_boundary(text: str, match: regex.Match, next_start: int, sentence_start: int, table: dict[str, str]) -> bool:
    if not _starts_sentence(text, next_start):
        return False
    term = match.group("term")
    if term != ".":
        return True  # "?", "!", "…", "..." and "r.." (an abbreviation's dot, then the sentence's)
    token, token_start = _token_before(text, match.start("term"))
    cls = table.get(token)
    if cls in ("title", "inner"):
        return False
    if cls == "year":
        return len(text[sentence_start:token_start].split()) >= _OPENING_PHRASE_WORDS
    if cls == "final":
        return True
    word = token[:-1]
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if "." in word and _DOTTED_INITIALS.fullmatch(word):
        return False  # dotted initials not in the list: "J.R.R. Tolkien"
    return True


def split_paragraph(text: str, lang: str | None, *, offset: int = 0, paragraph: int = 0) -> list[Sentence]:
    """Sentences of one line of text; spans are shifted by ``offset``."""
    table = abbreviations(lang) if lang else {}
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        next_start = match.end()
        while next_start < len(text) and text[next_start].isspace():
            next_start += 1
        if _is_boundary(text, match, next_start, start, table):
            _append(sentences, text, start, match.end(), offset, paragraph)
            start = next_start
    _append(sentences, text, start, len(text), offset, paragraph)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, offset: int, paragraph: int, heading: bool = False) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(offset + start, offset + end, text[start:end], is_heading=heading, paragraph=paragraph))


def _heading_ranges(headings: Iterable[Span | tuple[int, int]]) -> set[tuple[int, int]]:
    ranges = set()
    for h in headings:
        start, end = (h.start, h.end) if isinstance(h, Span) else (h[0], h[1])
        ranges.add((start, end))
    return ranges


def split_sentences(
    text: str,
    lang: str | None,
    headings: Sequence[Span | tuple[int, int]] = (),
    paragraph_languages: Sequence[tuple[int, int, str]] = (),
) -> list[Sentence]:
    """Split ``text`` into sentences; every line is a paragraph, every heading one sentence.

    ``paragraph_languages`` (start, end, lang) overrides ``lang`` for the lines it covers.
    """
    heading_ranges = _heading_ranges(headings)
    by_start = {start: lang_ for start, _, lang_ in paragraph_languages}
    sentences: list[Sentence] = []
    for index, line in enumerate(_LINE.finditer(text)):
        left = line.start() + (len(line.group()) - len(line.group().lstrip()))
        right = line.end() - (len(line.group()) - len(line.group().rstrip()))
        if left >= right:
            continue
        if (left, right) in heading_ranges or (line.start(), line.end()) in heading_ranges:
            _append(sentences, text, left, right, 0, index, heading=True)
            continue
        line_lang = by_start.get(line.start(), by_start.get(left, lang))
        sentences.extend(split_paragraph(line.group(), line_lang, offset=line.start(), paragraph=index))
    return sentences
