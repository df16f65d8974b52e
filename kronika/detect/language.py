"""Language of a document and of each paragraph, with lingua restricted to a configurable set.

One detector per language set, built lazily and cached. Each paragraph of three or more words
is judged on its first ``SAMPLE_CHARS`` characters (enough for lingua on news prose, and it
keeps the stage fast); the document's language is the one with the most paragraph text.
Shorter paragraphs inherit the document's language. A declared language (JSONL ``language``)
wins for the document when it is in the set.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from kronika.errors import UnknownLanguageError
from kronika.model import Article

__all__ = ["detect_language", "DEFAULT_LANGUAGES", "SAMPLE_CHARS"]

log = logging.getLogger("kronika")

DEFAULT_LANGUAGES = ("pl", "en", "ru", "uk")
SAMPLE_CHARS = 80  # lingua's cost grows with length; 80 chars decide pl/en/ru/uk on news prose
_MIN_WORDS = 3
_LINE = re.compile(r"[^\n]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = []
    for code in languages:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is None:
            raise UnknownLanguageError(f"language {code!r} is not an ISO 639-1 code lingua knows; use e.g. {', '.join(DEFAULT_LANGUAGES)}")
        chosen.append(Language.from_iso_code_639_1(iso))
    if len(chosen) == 1:
        return None  # one language: nothing to decide
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, SAMPLE_CHARS)
    return text[: cut if cut > SAMPLE_CHARS // 2 else SAMPLE_CHARS]


def _detect(detector, languages: tuple[str, ...], text: str) -> str | None:
    if detector is None:
        return languages[0]
    found = detector.detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found is not None else None


def detect_language(article: Article, *, languages: Sequence[str] = DEFAULT_LANGUAGES) -> Article:
    languages = tuple(code.lower() for code in languages)
    if not languages:
        raise UnknownLanguageError("the language set is empty; give at least one of " + ", ".join(DEFAULT_LANGUAGES))
    if article.language and article.paragraph_languages and all(
        lang in languages for _, _, lang in article.paragraph_languages
    ) and article.language in languages:
        return article  # already detected on this clean text (clean_article does it to split sentences)
    detector = _detector(languages)
    text = article.clean or article.raw or ""
    paragraphs = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    judged: dict[int, str] = {}
    weight: Counter[str] = Counter()
    for i, (start, end, para) in enumerate(paragraphs):
        if len(para.split()) < _MIN_WORDS or not _HAS_LETTER.search(para):
            continue
        lang = _detect(detector, languages, _sample(para))
        if lang:
            judged[i] = lang
            weight[lang] += end - start
    declared = (article.declared_language or "").lower() or None
    if declared and declared in languages:
        doc_lang = declared
    elif weight:
        doc_lang = weight.most_common(1)[0][0]
    elif _HAS_LETTER.search(text):
        doc_lang = _detect(detector, languages, text[:1000])
    else:
        doc_lang = None
    if declared and declared not in languages:
        log.info("%s: declared language %r is outside %s; detected %s", article.id, declared, languages, doc_lang)
    article.language = doc_lang
    article.paragraph_languages = [
        (start, end, judged.get(i, doc_lang)) for i, (start, end, _) in enumerate(paragraphs) if judged.get(i, doc_lang)
    ]
    return article
