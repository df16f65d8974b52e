"""Loaders for the cleaning stage's language data (read once, cached).

Every language is a folder under ``kronika/resources/lang/``; adding a folder with
``boilerplate.yaml``, ``abbreviations.txt`` or ``datelines.yaml`` adds the language here,
without touching Python.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from kronika.errors import ResourceError, UnknownLanguageError

log = logging.getLogger("kronika")

LANG_DIR = Path(__file__).resolve().parent.parent / "resources" / "lang"
COMMON = "common"  # language-neutral rules
ABBREVIATION_CLASSES = ("title", "inner", "final", "year")
DEFAULT_MAX_WORDS = 12  # a boilerplate rule never drops a longer line unless it says so


@dataclass(frozen=True)
class LineRule:
    name: str
    pattern: regex.Pattern
    max_words: int = DEFAULT_MAX_WORDS
    near_top: int | None = None
    language: str = COMMON


def data_languages(filename: str) -> tuple[str, ...]:
    """Languages (folder names) that ship ``filename``, sorted; the common folder first."""
    found = sorted(p.parent.name for p in LANG_DIR.glob(f"*/{filename}"))
    return tuple(sorted(found, key=lambda name: name != COMMON))


def _load_yaml(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"cannot load {path}: {exc}; fix or restore the file") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{path} must hold a mapping at the top level")
    return data


@lru_cache(maxsize=None)
def boilerplate_rules() -> tuple[LineRule, ...]:
    """All languages' boilerplate rules: clean runs before the language is known, and the rules are anchored lines."""
    rules: list[LineRule] = []
    for lang in data_languages("boilerplate.yaml"):
        path = LANG_DIR / lang / "boilerplate.yaml"
        for i, item in enumerate(_load_yaml(path).get("rules") or []):
            try:
                rules.append(LineRule(
                    name=str(item["name"]),
                    pattern=regex.compile(item["pattern"]),
                    max_words=int(item.get("max_words") or DEFAULT_MAX_WORDS),
                    near_top=item.get("near_top"),
                    language=lang,
                ))
            except (KeyError, TypeError, regex.error) as exc:
                raise ResourceError(f"{path}: rule {i + 1} is malformed ({exc}); each rule needs a name and a valid pattern") from exc
    return tuple(rules)


@lru_cache(maxsize=None)
def _word_limits() -> tuple[int, ...]:
    return tuple(sorted({rule.max_words for rule in boilerplate_rules()}))


@lru_cache(maxsize=None)
def _matcher_for_limit(limit: int) -> regex.Pattern | None:
    branches = [f"(?P<r{i}>{rule.pattern.pattern})" for i, rule in enumerate(boilerplate_rules()) if rule.max_words >= limit]
    return regex.compile("|".join(branches)) if branches else None


def boilerplate_matcher(words: int) -> regex.Pattern | None:
    """The rules that may drop a line of ``words`` words, in one alternation (group ``r<i>`` is rule i).

    One match per line instead of one per rule; long prose lines meet only the few rules allowed that long.
    """
    for limit in _word_limits():
        if limit >= words:
            return _matcher_for_limit(limit)
    return None


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> dict[str, str]:
    """``{"gen.": "title", ...}`` for ``lang``; lowercase entries also answer for their capitalised form."""
    if not (LANG_DIR / lang).is_dir() or lang == COMMON:
        known = ", ".join(l for l in data_languages("abbreviations.txt"))
        raise UnknownLanguageError(f"no language data for {lang!r}; known: {known}")
    path = LANG_DIR / lang / "abbreviations.txt"
    if not path.exists():
        log.warning("no abbreviations.txt for %s; sentences split on every dot", lang)
        return {}
    table: dict[str, str] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, cls = line.rpartition(" ")
        if not word or cls not in ABBREVIATION_CLASSES:
            raise ResourceError(f"{path}:{lineno}: expected 'ABBREVIATION CLASS' with CLASS one of {', '.join(ABBREVIATION_CLASSES)}")
        table.setdefault(word, cls)
        if word[0].islower():
            table.setdefault(word[0].upper() + word[1:], cls)
    return table


@dataclass(frozen=True)
class DateVocabulary:
    months: dict[str, int]  # lowercase name without a final dot -> month number
    weekdays: frozenset[str]
    updated: tuple[str, ...]
    published: tuple[str, ...]


@lru_cache(maxsize=None)
def date_vocabulary() -> DateVocabulary:
    """Month and weekday names of every language with a datelines.yaml (CLDR via babel) plus its prefixes."""
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    weekdays: set[str] = set()
    updated: list[str] = []
    published: list[str] = []
    for lang in data_languages("datelines.yaml"):
        data = _load_yaml(LANG_DIR / lang / "datelines.yaml")
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context=context, locale=lang).items():
                    months.setdefault(name.lower().rstrip("."), number)
                for name in get_day_names(width, context=context, locale=lang).values():
                    weekdays.add(name.lower().rstrip("."))
        for name, number in (data.get("months") or {}).items():
            months.setdefault(str(name).lower().rstrip("."), int(number))
        updated += [str(p).lower() for p in data.get("updated") or []]
        published += [str(p).lower() for p in data.get("published") or []]
    return DateVocabulary(months, frozenset(w for w in weekdays if len(w) > 1), tuple(updated), tuple(published))
