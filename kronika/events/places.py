"""Places: a gazetteer of the region's cities and territories, matched in any inflected form.

The gazetteer is data (``kronika/resources/places.yaml``: English name, country, names per
language); per-language rules (prepositions, Polish endings for names Morfeusz does not
know) live in ``kronika/resources/lang/<lang>/places.yaml``. Inflected forms are generated
once per language at first use: morfeusz2 for Polish, pymorphy3 for Russian and Ukrainian.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from kronika.errors import ResourceError, UnknownLanguageError
from kronika.lang import tokenize
from kronika.model import Place

__all__ = ["find_places", "event_location", "gazetteer_size", "KNOWN_LANGUAGES"]

log = logging.getLogger("kronika")

KNOWN_LANGUAGES = ("pl", "en", "ru", "uk")
_MAX_WORDS = 5


@dataclass(frozen=True)
class _Entry:
    name: str  # what Place.name reports (a landmark reports its city)
    country: str | None
    kind: str


@dataclass
class _Gazetteer:
    forms: dict[str, _Entry]  # surface form (single-spaced) -> entry
    first_words: frozenset[str]
    locative: frozenset[str]
    other: frozenset[str]
    skip: frozenset[str]  # words between a preposition and the name ("at the White House")


def _read_yaml(*parts: str) -> dict:
    path = resources.files("kronika").joinpath("resources", *parts)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}  # libyaml: the same data, parsed ~8x faster
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"cannot read {path}: {exc}; restore it from git") from exc


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


@lru_cache(maxsize=None)
def _records() -> tuple[dict, ...]:
    records = _read_yaml("places.yaml").get("places") or []
    for r in records:
        if not isinstance(r.get("name"), str) or "country" not in r:
            raise ResourceError(f"places.yaml: a record needs a name and a country (null allowed): {r}")
    return tuple(records)


def gazetteer_size() -> int:
    return len(_records())


# --- inflection ----------------------------------------------------------------------------

_PL_CASES = ("nom", "gen", "dat", "acc", "inst", "loc")


def _match_case(original: str, form: str) -> str:
    """Give a generated form the capitals of the name it came from ("москве" -> "Москве")."""
    out = []
    for o, f in zip(original.split("-"), form.split("-")):
        out.append(f[:1].upper() + f[1:] if o[:1].isupper() else f)
    return "-".join(out) if len(out) == len(form.split("-")) else form


@lru_cache(maxsize=1)
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz()


def _tag_parts(tag: str) -> list[set[str]]:
    return [set(p.split(".")) for p in tag.split(":")]


def _pl_generate(lemma: str) -> dict[str, set[str]]:
    """Polish singular forms of one word by case, from morfeusz2; {} when it does not know it."""
    m = _morfeusz()
    by_case: dict[str, set[str]] = {}
    try:
        generated = m.generate(lemma)
    except RuntimeError:
        return {}
    places = [g for g in generated if "nazwa_geograficzna" in (g[3] or [])]
    for form, _, tag, _, _ in places or generated:
        parts = _tag_parts(tag)
        if tag == "ign" or len(parts) < 3 or "sg" not in parts[1]:
            continue
        for case in parts[2] & set(_PL_CASES):
            by_case.setdefault(case, set()).add(form)
    return by_case


def _is_pl_nominative(tag: str) -> bool:
    parts = _tag_parts(tag)
    return parts[0] & {"subst", "adj"} != set() and len(parts) > 3 and "sg" in parts[1] and "nom" in parts[2]


def _suffix_forms(word: str, rules: dict) -> set[str]:
    for ending in sorted(rules, key=len, reverse=True):
        if word.endswith(str(ending)):
            stem = word[: len(word) - len(str(ending))]
            return {stem + str(e) for e in rules[ending]}
    return {word}


def _pl_forms(name: str, rules: dict) -> set[str]:
    words = name.split()
    if len(words) == 1:
        by_case = _pl_generate(name)
        if by_case:
            return {f for fs in by_case.values() for f in fs} | {name}
        return _suffix_forms(name, rules)
    # A multi-word name: decline each nominative noun or adjective in agreement with the
    # first noun's gender; other words (a genitive complement, "Sankt") stay as they are.
    m = _morfeusz()
    readings = []
    head_gender: set[str] = set()
    for word in words:
        nominative = [a[2] for a in m.analyse(word) if _is_pl_nominative(a[2][2])]
        adjectives = [a for a in nominative if a[2].startswith("adj")]
        nouns = [a for a in nominative if a[2].startswith("subst")]
        places = [a for a in nouns if "nazwa_geograficzna" in (a[3] or [])]
        reading = adjectives or places or nouns
        if not adjectives and nouns and not head_gender:
            head_gender = _tag_parts(reading[0][2])[3]
        readings.append(reading)
    forms = {name}
    for case in _PL_CASES[1:]:
        out = []
        for word, nominative in zip(words, readings):
            choice = word
            for a in nominative:
                lemma, pos = a[1], a[2].split(":")[0]
                for form, _, tag, _, _ in _safe_generate(m, lemma):
                    parts = _tag_parts(tag)
                    if tag.split(":")[0] != pos or len(parts) < 4 or "sg" not in parts[1] or case not in parts[2]:
                        continue
                    if pos == "adj" and head_gender and not (parts[3] & head_gender):
                        continue
                    choice = _match_case(word, form)
                    break
                if choice != word:
                    break
            out.append(choice)
        forms.add(" ".join(out))
    return forms


def _safe_generate(m, lemma: str):
    try:
        return m.generate(lemma)
    except RuntimeError:
        return []


@lru_cache(maxsize=2)
def _pymorphy(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


_PM_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _slavic_forms(name: str, lang: str, rules: dict) -> set[str]:
    morph = _pymorphy(lang)
    words = name.split()
    forms = {name}
    if len(words) == 1:
        geo = [p for p in morph.parse(name) if p.is_known and p.tag.case == "nomn" and p.tag.POS == "NOUN"
               and p.normal_form.replace("ё", "е") == name.lower().replace("ё", "е")]
        geo.sort(key=lambda p: "Geox" not in str(p.tag))
        if not geo:  # pymorphy3's guesses for foreign names are unreliable: use the data rules
            return forms | _suffix_forms(name, rules)
        plural = "plur" in str(geo[0].tag)  # Афины, Черкаси: keep the plural paradigm
        return forms | {_match_case(name, f.word) for f in geo[0].lexeme if ("plur" in str(f.tag)) == plural}
    parses = []
    for word in words:
        candidates = [p for p in morph.parse(word) if p.tag.case == "nomn"]
        geo = [p for p in candidates if "Geox" in str(p.tag)]
        parses.append((geo or candidates or [None])[0])
    for case in _PM_CASES:
        out = []
        for word, parse in zip(words, parses):
            fixed = parse is None or "Fixd" in str(parse.tag)
            inflected = None if fixed else parse.inflect({case, "sing"}) or parse.inflect({case})
            out.append(_match_case(word, inflected.word) if inflected else word)
        forms.add(" ".join(out))
    return forms


# --- the gazetteer per language ------------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


@lru_cache(maxsize=None)
def _gazetteer(lang: str) -> _Gazetteer:
    if lang not in KNOWN_LANGUAGES:
        raise UnknownLanguageError(f"no gazetteer for language {lang!r}; known: {', '.join(KNOWN_LANGUAGES)}")
    rules = _read_yaml("lang", lang, "places.yaml")
    forms: dict[str, _Entry] = {}
    by_name = {r["name"]: r for r in _records()}
    for r in _records():
        city = r.get("city")
        target = by_name.get(city, r) if city else r
        entry = _Entry(name=target["name"], country=target.get("country"), kind=r.get("kind", "city"))
        names = _as_list(r.get(lang)) if lang != "en" else _as_list(r.get("en")) or [r["name"]]
        surface: set[str] = set(_as_list(r.get(f"{lang}_forms")))
        for name in names:
            if lang == "pl":
                surface |= _pl_forms(name, rules.get("declension") or {})
            elif lang in ("ru", "uk"):
                surface |= _slavic_forms(name, lang, rules.get("declension") or {})
            else:
                surface |= {name} | {name + s for s in _as_list(rules.get("suffixes"))}
        for form in surface:
            key = _norm(form)
            if key in forms and forms[key].name != entry.name:
                log.debug("place form %r is ambiguous (%s, %s); keeping the first", key, forms[key].name, entry.name)
                continue
            forms[key] = entry
    first = frozenset(_first_word(k) for k in forms)
    log.debug("gazetteer %s: %d places, %d forms", lang, len(_records()), len(forms))
    return _Gazetteer(
        forms=forms,
        first_words=first,
        locative=frozenset(w.lower() for w in _as_list(rules.get("locative"))),
        other=frozenset(w.lower() for w in _as_list(rules.get("other"))),
        skip=frozenset(w.lower() for w in _as_list(rules.get("skip"))),
    )


def _first_word(form: str) -> str:
    tokens = tokenize(form)
    return tokens[0].text if tokens else form


# --- matching ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Hit:
    place: Place
    kind: str
    preposition: str  # the lower-cased word before it, "" at the start


def _hits(text: str, lang: str) -> list[_Hit]:
    g = _gazetteer(lang)
    tokens = tokenize(text)
    hits: list[_Hit] = []
    i = 0
    while i < len(tokens):
        if tokens[i].text not in g.first_words:
            i += 1
            continue
        found = None
        for j in range(min(len(tokens), i + _MAX_WORDS) - 1, i - 1, -1):
            key = _norm(text[tokens[i].start:tokens[j].end])
            entry = g.forms.get(key)
            if entry is not None:
                found = (j, entry)
                break
        if found is None:
            i += 1
            continue
        j, entry = found
        k = i - 1
        while k >= 0 and tokens[k].text.lower() in g.skip:
            k -= 1
        prep = tokens[k].text.lower() if k >= 0 else ""
        # A word glued to the name by a hyphen or a capital before it ("Dynamo Moskwa")
        # makes it part of another name.
        glued = i > 0 and tokens[i - 1].end == tokens[i].start
        if not glued and not (entry.kind == "landmark" and prep not in g.locative):
            place = Place(name=entry.name, country=entry.country, start=tokens[i].start, end=tokens[j].end)
            hits.append(_Hit(place, entry.kind, prep))
        i = j + 1
    return hits


def find_places(text: str, lang: str) -> list[Place]:
    """Every gazetteer place named in ``text``, in order, with its character span.

    A landmark ("na Kremlu", "at the White House") counts only after a locative preposition
    and gives the city it stands in.
    """
    return [replace(place) for place in _cached_places(text, lang)]


@lru_cache(maxsize=32)  # a few sentences: the same one is asked again right away, not across documents
def _cached_places(text: str, lang: str) -> tuple[Place, ...]:
    # the event stage asks once per event of a sentence; callers get copies (Place is mutable)
    return tuple(h.place for h in _hits(text, lang))


def event_location(text: str, lang: str) -> Place | None:
    """The place where the event of ``text`` happened: the first place introduced by a
    locative preposition ("w Duszanbe", "in Minsk", "в Москве"). Places after prepositions
    of movement or origin ("z Baku do Groznego") are not locations; None when none qualifies.
    """
    g = _gazetteer(lang)
    for hit in _hits(text, lang):
        if hit.preposition in g.locative:
            return hit.place
    return None
