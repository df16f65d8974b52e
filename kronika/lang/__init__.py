"""One small morphology adapter per language, all behind one interface.

``get_morphology("pl")`` returns a cached adapter; an unknown language fails loudly
with the list of known ones.
"""
from __future__ import annotations

from functools import lru_cache

from kronika.lang.base import Analysis, Morphology, Token, tokenize

__all__ = ["Analysis", "Morphology", "Token", "tokenize", "get_morphology", "KNOWN_LANGUAGES"]

KNOWN_LANGUAGES = ("pl", "en", "ru", "uk")


@lru_cache(maxsize=None)
def get_morphology(lang: str) -> Morphology:
    if lang == "pl":
        from kronika.lang.pl import PolishMorphology

        return PolishMorphology()
    if lang == "en":
        from kronika.lang.en import EnglishMorphology

        return EnglishMorphology()
    if lang in ("ru", "uk"):
        from kronika.lang.slavic import PymorphyMorphology

        return PymorphyMorphology(lang)
    from kronika.errors import UnknownLanguageError

    raise UnknownLanguageError(f"no morphology for language {lang!r}; known: {', '.join(KNOWN_LANGUAGES)}")
