"""Cleaning: drop boilerplate lines, mark headings, collect date lines, split sentences.

Entry point: ``clean_article(article) -> Article``. Fills ``clean`` (paragraphs one per line,
separated by a blank line), ``offsets`` (clean index -> raw index), ``removed`` (every dropped
line with its rule), ``headings``, ``date_evidence`` and ``sentences``. Sentence splitting
needs the language, so when ``article.language`` is unset this calls
``kronika.detect.language.detect_language`` on the clean text (a later call is then a no-op).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from kronika.clean.dates import dateline_date, inline_dateline_date, prefixed_date
from kronika.clean.resources import boilerplate_matcher, boilerplate_rules
from kronika.clean.sentences import split_sentences
from kronika.model import Article, DateEvidence, Removed, Span

__all__ = ["clean_article", "split_sentences"]

log = logging.getLogger("kronika")

_FINAL_PUNCT = set(".,;:!?…")
_CLOSERS = "\"”»’'«“„)]"
_HEADING_MAX_WORDS = 16
_HEADING_MAX_CHARS = 150
_DATELINE_NEAR_TOP = 8  # datelines sit above the story, not in related-article lists below it
_DATELINE_MAX_WORDS = 14
_SOFT_WRAP_MIN_CHARS = 40


@dataclass
class _Line:
    start: int  # raw offsets of the stripped line
    end: int
    text: str
    blank_before: bool
    index: int  # among non-empty lines


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    blank = True
    position = 0
    for text in raw.split("\n"):
        stripped = text.strip()
        if stripped:
            start = position + len(text) - len(text.lstrip())
            out.append(_Line(start, start + len(stripped), stripped, blank, len(out)))
            blank = False
        else:
            blank = True
        position += len(text) + 1
    return out


def _boilerplate_rule(line: _Line, words: int) -> str | None:
    matcher = boilerplate_matcher(words)
    match = matcher.match(line.text) if matcher is not None else None
    if match is None:
        return None
    name = match.lastgroup or next(k for k, v in match.groupdict().items() if v is not None)
    rule = boilerplate_rules()[int(name[1:])]
    if _rule_applies(rule, line, words):
        return rule.name
    for rule in boilerplate_rules():  # the first matching rule's limits said no; try the others one by one
        if not _rule_applies(rule, line, words):
            continue
        if rule.pattern.match(line.text):
            return rule.name
    return None


def _rule_applies(rule, line: _Line, words: int) -> bool:
    return words <= rule.max_words and (rule.near_top is None or line.index < rule.near_top)


def _looks_like_heading(text: str, title: str | None) -> bool:
    if title and text == title.strip():
        return True
    if len(text) > _HEADING_MAX_CHARS or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    first = text.lstrip(_CLOSERS)[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] not in _FINAL_PUNCT and any(ch.isalpha() for ch in core)


def clean_article(article: Article, *, languages: Sequence[str] | None = None) -> Article:
    """Clean ``article`` in place and return it; ``languages`` restricts language detection (see module doc)."""
    raw = article.raw or ""
    removed: list[Removed] = []
    evidence: list[DateEvidence] = []
    kept: list[tuple[_Line, bool]] = []  # (line, joined to the previous line)
    previous_kept_adjacent = False
    for line in _lines(raw):
        text = line.text
        words = len(text.split())
        rule = None
        if words <= _DATELINE_MAX_WORDS:
            if (value := prefixed_date(text, "updated")):
                evidence.append(DateEvidence(value, "updated", text))
                rule = "updated_line"
            elif (value := prefixed_date(text, "published")):
                evidence.append(DateEvidence(value, "dateline", text))
                rule = "published_line"
            elif line.index < _DATELINE_NEAR_TOP and (value := dateline_date(text)):
                evidence.append(DateEvidence(value, "dateline", text))
                rule = "dateline"
        if rule is None:
            rule = _boilerplate_rule(line, words)
        if rule is not None:
            removed.append(Removed(line.start, line.end, text, rule))
            previous_kept_adjacent = False
            continue
        if line.index < _DATELINE_NEAR_TOP and (inline := inline_dateline_date(text)):
            evidence.append(DateEvidence(inline[0], "dateline", text[:inline[1]].strip()))
        joined = False
        if kept and previous_kept_adjacent and not line.blank_before:
            prev = kept[-1][0]
            joined = (
                len(prev.text) >= _SOFT_WRAP_MIN_CHARS
                and prev.text[-1] not in _FINAL_PUNCT
                and prev.text[-1] not in _CLOSERS
                and text[0].islower()
            )
        kept.append((line, joined))
        previous_kept_adjacent = True

    # Build the clean text: one paragraph per line, a blank line between paragraphs.
    pieces: list[str] = []
    offsets: list[int] = []
    paragraphs: list[tuple[int, int]] = []  # clean spans
    for line, joined in kept:
        if pieces:
            sep = " " if joined else "\n\n"
            pieces.append(sep)
            offsets.extend([line.start - 1] * len(sep))  # separators point at the line break before
        begin = len(offsets)
        pieces.append(line.text)
        offsets.extend(range(line.start, line.end))
        if joined:
            paragraphs[-1] = (paragraphs[-1][0], len(offsets))
        else:
            paragraphs.append((begin, len(offsets)))
    clean = "".join(pieces)

    headings = [
        Span(start, end, clean[start:end])
        for start, end in paragraphs
        if _looks_like_heading(clean[start:end], article.title)
    ]
    article.clean = clean
    article.offsets = offsets
    article.removed = removed
    article.headings = headings
    article.date_evidence = evidence
    if article.language is None:
        from kronika.detect.language import detect_language  # clean needs the language to split sentences

        if languages is None:
            detect_language(article)
        else:
            detect_language(article, languages=languages)
    article.sentences = split_sentences(clean, article.language, headings, article.paragraph_languages)
    return article
