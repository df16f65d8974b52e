"""Time expressions: find them with a per-language grammar (data), resolve them to ISO dates.

The grammar lives in ``kronika/resources/lang/<lang>/time.yaml``: word lists (months in all
cases, weekdays, units, number words...) and templates that combine them. Each language is
compiled once into regexes and cached. Dates are ISO strings whose length is their precision
("2022", "2022-12", "2022-12-19"), the convention of ``kronika.model``.

Why a grammar of our own: dateparser's ``search_dates`` reads "się" as August and "nie" as
Sunday, and its ``parse`` knows nothing of "we wtorek", "do 1 lipca" or "pół roku temu".
Month and weekday names are normalised by the same tables, so no second parser is needed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from kronika.errors import ResourceError, UnknownLanguageError

__all__ = ["TimeExpression", "find_time_expressions", "resolve_time", "resolve_sentence_date", "KNOWN_LANGUAGES"]

log = logging.getLogger("kronika")

KNOWN_LANGUAGES = ("pl", "en", "ru", "uk")

Kind = str  # "date" | "weekday" | "ago" | "later" | "calendar" | "fixed" | "deadline" | "since" | "duration" | "anaphoric"


@dataclass(frozen=True)
class TimeExpression:
    """A span of text that names a time, with what it says, before resolution.

    ``kind`` tells how to resolve it: a ``date`` carries its own year/month/day (a missing
    year comes from the anchor); ``weekday`` goes back from the anchor; ``ago``/``later``/
    ``calendar``/``fixed`` are offsets from the anchor (``unit``, ``amount``); ``deadline``
    and ``since`` are dates that bound an event rather than date it; ``duration`` and
    ``anaphoric`` ("tego dnia") never resolve to a date.
    """

    start: int
    end: int
    text: str
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    unit: str | None = None  # minute, hour, day, week, month, year
    amount: float | None = None  # signed offset in units; negative = before the anchor
    extra: tuple[tuple[str, float], ...] = ()  # more (unit, amount) parts: "2 lata, 3 miesiące temu"
    year_offset: int | None = None  # "w grudniu ubiegłego roku" -> -1
    qualifier: str | None = None  # early, mid, late
    vague: bool = False  # "kilka dni temu": precision drops one step
    preposition: str | None = None  # the word before it that widened the span ("w", "do")

    @property
    def needs_anchor(self) -> bool:
        """Whether resolution needs the document date (what it resolves from)."""
        return self.year is None


# --- grammar -------------------------------------------------------------------------------

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUMBER_DIGITS = r"\d{1,4}(?:[.,]5)?"
_DAYS_AHEAD = 31  # how far after the document date a year-less "10 October" may lie
_UNIT_RANK = {"second": 3, "decade": 1, "minute": 3, "hour": 3, "day": 3, "week": 3, "month": 2, "halfyear": 2, "year": 1}


def _form_regex(form: str) -> str:
    form = str(form)
    star = form.endswith("*")
    body = re.escape(form.rstrip("*")).replace(r"\ ", " ").replace(" ", r"\s+")
    return body + (r"\w*" if star else "")


def _alternation(forms, exact_case: set[str] = frozenset()) -> str:
    """One regex for a word list, as a character trie: Python's re tries alternatives one
    by one, so a trie keeps a list of hundreds of forms fast."""
    forms = {str(f) for f in forms or ()}
    exact = sorted((f for f in forms if f in exact_case), key=len, reverse=True)
    folded = sorted({f.lower() for f in forms if f not in exact_case})
    parts = [f"(?-i:{_form_regex(f)})" for f in exact]
    if folded:
        parts.append(_trie_regex(folded))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        star = word.endswith("*")
        for ch in word.rstrip("*") if star else word:
            node = node.setdefault(ch, {})
        node["*" if star else ""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    ends = [k for k in ("", "*") if k in node]
    branches = []
    for ch in sorted(k for k in node if k not in ("", "*")):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _emit(node[ch]))
    if "*" in node:
        branches.append(r"\w*")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word may end here: the rest is optional
        return "(?:" + body + ")?"
    return body


def _lookup(table) -> tuple[dict, list]:
    """(exact lower-cased form -> value, [(regex, value)] for forms ending in "*").

    ``table`` maps a value to its forms, or is a list of (value, forms) pairs."""
    exact: dict = {}
    patterns = []
    for value, forms in table.items() if isinstance(table, dict) else table:
        for f in forms:
            f = str(f)
            if f.endswith("*"):
                patterns.append((re.compile(_form_regex(f), re.I), value))
            else:
                exact.setdefault(re.sub(r"\s+", " ", f.lower()), value)
    return exact, patterns


@dataclass
class _Grammar:
    lang: str
    templates: list[tuple[str, re.Pattern, bool, frozenset[str]]]  # kind, regex, needs_prep, word classes it needs
    keywords: re.Pattern  # every word of every list, one trie: a sentence's first, cheap pass
    word_classes: dict[str, set[str]]  # lower-cased word -> the lists it belongs to
    star_classes: list[tuple[re.Pattern, str]]
    months: list
    month_adjectives: list
    weekdays: list
    weekday_adjectives: list
    numbers: list
    vague: list
    units: list
    fixed: list
    rel_year: list
    qualifiers: list
    calendar_words: list
    pair: re.Pattern
    prefix: re.Pattern
    prep_kind: dict[str, str]


def _value(lookup, text: str):
    exact, patterns = lookup
    text = re.sub(r"\s+", " ", text.strip())
    value = exact.get(text.lower())
    if value is not None:
        return value
    for regex, value in patterns:
        if regex.fullmatch(text):
            return value
    return None


def _load_yaml(lang: str) -> dict:
    if lang not in KNOWN_LANGUAGES:
        raise UnknownLanguageError(f"no time grammar for language {lang!r}; known: {', '.join(KNOWN_LANGUAGES)}")
    path = resources.files("kronika") / "resources" / "lang" / lang / "time.yaml"
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # libyaml: the same data, parsed ~8x faster
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"cannot read the time grammar {path}: {exc}; restore it from git") from exc


def _expand_adjectives(data: dict) -> dict:
    """Write out every "stem+" form as the stem with each of ``adjective_endings``."""
    endings = [str(e) for e in data.get("adjective_endings") or []]

    def expand(forms):
        out = []
        for f in forms:
            f = str(f)
            out.extend(f[:-1] + e for e in endings) if f.endswith("+") else out.append(f)
        return out

    result = {}
    for key, value in data.items():
        if key == "templates" or key == "adjective_endings":
            result[key] = value
        elif isinstance(value, list):
            result[key] = expand(value)
        elif isinstance(value, dict) and key == "calendar_words":
            result[key] = {form: v for k, v in value.items() for form in expand([k])}
        elif isinstance(value, dict):
            result[key] = {k: expand(v) if isinstance(v, list) else v for k, v in value.items()}
        else:
            result[key] = value
    return result


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    data = _expand_adjectives(_load_yaml(lang))

    def forms(key: str) -> list[str]:
        return [f for fs in (data.get(key) or {}).values() for f in fs]

    for key, value in data.items():
        lists = value.values() if isinstance(value, dict) else [value] if isinstance(value, list) else []
        for forms_ in lists:
            bad = [f for f in forms_ if isinstance(f, bool)] if isinstance(forms_, list) else []
            if bad:
                raise ResourceError(f"time.yaml ({lang}): a bare on/off/yes/no under {key!r} reads as a boolean; quote it")
    global_case = set(str(f) for f in data.get("case_sensitive") or ())

    numbers = data.get("numbers") or {}
    vague = data.get("vague_numbers") or {}
    qualifiers = data.get("qualifiers") or {}
    macros = {
        "day": _DAY,
        "month_num": _MONTH_NUM,
        "year": _YEAR,
        "month": _alternation(forms("months"), global_case),
        "month_adj": _alternation(forms("month_adjectives")),
        "weekday": _alternation(forms("weekdays"), global_case),
        "weekday_adj": _alternation(forms("weekday_adjectives")),
        "year_word": _alternation(data.get("year_words")),
        "number": "(?:" + _NUMBER_DIGITS + "|" + _alternation(forms("numbers")) + ")",
        "vague": _alternation(forms("vague_numbers")),
        "unit": _alternation(forms("units")),
        "last": _alternation(data.get("last")),
        "this": _alternation(data.get("this")),
        "next": _alternation(data.get("next")),
        "rel_year": _alternation(forms("rel_year")),
        "fixed": _alternation(forms("fixed")),
        "calendar_word": _alternation(list(data.get("calendar_words") or {})),
        "qual": _alternation([q for qs in qualifiers.values() for q in qs]),
    }
    number_or_vague = "(?:" + macros["number"] + "|" + macros["vague"] + ")"
    separator = r"(?:\s*,\s*|\s+" + _alternation(data.get("and_words")) + r"\s+|\s+)"
    macros["amounts"] = (f"(?:{number_or_vague}\\s+)?{macros['unit']}"
                         f"(?:{separator}{macros['number']}\\s+{macros['unit']})*")
    pair = re.compile(f"(?<!\\w)(?:(?P<n>{number_or_vague})\\s+)?(?P<u>{macros['unit']})(?!\\w)", re.I)
    macros["month_any"] = _alternation(forms("months"))
    templates = []
    for spec in data.get("templates") or []:
        pattern = spec["pattern"].replace(" ", r"\s+")

        def named(m: re.Match) -> str:
            name = m.group(1)
            if name not in macros:
                raise ResourceError(f"time.yaml ({lang}): unknown macro {{{name}}} in {spec['pattern']!r}")
            return f"(?P<{name}>{macros[name]})"

        pattern = re.sub(r"\{(\w+)\}", named, pattern)
        try:
            regex = re.compile(r"(?<!\w)" + pattern + r"(?!\w)", re.I)
        except re.error as exc:
            raise ResourceError(f"time.yaml ({lang}): bad template {spec['pattern']!r}: {exc}") from exc
        templates.append((spec["kind"], regex, bool(spec.get("needs_prep")), _required_classes(spec["pattern"])))

    # The first pass: which word lists occur in a sentence at all. A template runs only when
    # every list it cannot do without is there (most sentences name no time at all).
    class_forms = {
        "month": forms("months"), "month_adj": forms("month_adjectives"), "weekday": forms("weekdays"),
        "weekday_adj": forms("weekday_adjectives"), "year_word": data.get("year_words") or [],
        "number": forms("numbers"), "vague": forms("vague_numbers"), "unit": forms("units"),
        "last": data.get("last") or [], "this": data.get("this") or [], "next": data.get("next") or [],
        "rel_year": forms("rel_year"), "fixed": forms("fixed"), "calendar_word": list(data.get("calendar_words") or {}),
        "qual": [q for qs in qualifiers.values() for q in qs],
    }
    word_classes: dict[str, set[str]] = {}
    star_classes = []
    for cls, fs in class_forms.items():
        for f in map(str, fs):
            if f.endswith("*"):
                star_classes.append((re.compile(_form_regex(f), re.I), cls))
            else:
                word_classes.setdefault(re.sub(r"\s+", " ", f.lower()), set()).add(cls)
    every_form = [str(f) for fs in class_forms.values() for f in fs]
    keywords = re.compile(r"(?<!\w)" + _alternation(every_form) + r"(?!\w)", re.I)

    preps = data.get("prepositions") or {}
    prep_kind = {re.sub(r"\s+", " ", str(p).lower()): kind for kind, ps in preps.items() for p in ps}
    # The words just before a match: an optional preposition, then an optional qualifier.
    prefix = re.compile(
        r"(?<!\w)(?:(?P<prep>" + _alternation(prep_kind) + r")\s+)?"
        r"(?:(?P<qual>" + macros["qual"] + r")(?:\s+|-))?$",
        re.I,
    )
    return _Grammar(
        lang=lang,
        templates=templates,
        keywords=keywords,
        word_classes=word_classes,
        star_classes=star_classes,
        months=_lookup(data.get("months") or {}),
        month_adjectives=_lookup(data.get("month_adjectives") or {}),
        weekdays=_lookup(data.get("weekdays") or {}),
        weekday_adjectives=_lookup(data.get("weekday_adjectives") or {}),
        numbers=_lookup(numbers),
        vague=_lookup(vague),
        units=_lookup(data.get("units") or {}),
        fixed=_lookup(data.get("fixed") or {}),
        rel_year=_lookup(data.get("rel_year") or {}),
        qualifiers=_lookup(qualifiers),
        pair=pair,
        calendar_words=_lookup([(tuple(v), [k]) for k, v in (data.get("calendar_words") or {}).items()]),
        prefix=prefix,
        prep_kind=prep_kind,
    )


# --- finding -------------------------------------------------------------------------------

def _number(g: _Grammar, text: str | None) -> tuple[float | None, bool]:
    if not text:
        return None, False
    text = text.strip()
    if re.fullmatch(_NUMBER_DIGITS, text):
        return float(text.replace(",", ".")), False
    value = _value(g.numbers, text)
    if value is not None:
        return float(value), False
    value = _value(g.vague, text)
    return (float(value), True) if value is not None else (None, False)


def _normal_unit(unit: str, amount: float) -> tuple[str, float]:
    """Units the resolver knows: half-years and odd years become months, decades years."""
    if unit == "halfyear":
        return "month", amount * 6
    if unit == "decade":
        return "year", amount * 10
    if unit == "year" and amount != int(amount):
        return "month", amount * 12
    return unit, amount


def _build(g: _Grammar, kind: str, m: re.Match) -> dict | None:
    """Fields of a TimeExpression from one template match, or None when it says nothing."""
    gd = {k: v for k, v in m.groupdict().items() if v}
    f: dict = {}
    if kind == "date":
        if "year" in gd:
            f["year"] = int(gd["year"])
        if "month" in gd or "month_any" in gd:
            f["month"] = _value(g.months, gd.get("month") or gd["month_any"])
        elif "month_num" in gd:
            f["month"] = int(gd["month_num"])
        elif "month_adj" in gd:
            f["month"] = _value(g.month_adjectives, gd["month_adj"])
        if "day" in gd:
            f["day"] = int(gd["day"])
        if "rel_year" in gd:
            f["year_offset"] = int(_value(g.rel_year, gd["rel_year"]))
        if f.get("month") is None and "year" not in f:
            return None
        if f.get("day") and f.get("month") and f["day"] > 31:
            return None
        return f
    if kind == "weekday":
        wd = _value(g.weekdays, gd["weekday"]) if "weekday" in gd else _value(g.weekday_adjectives, gd.get("weekday_adj", ""))
        return None if wd is None else {"weekday": int(wd)}
    if kind == "fixed":
        value = _value(g.fixed, gd.get("fixed", ""))
        return None if value is None else {"unit": "day", "amount": float(value)}
    if "calendar_word" in gd:
        value = _value(g.calendar_words, gd["calendar_word"])
        return None if value is None else {"unit": value[0], "amount": float(value[1])}
    if "amounts" in gd:
        parts = []
        vague = False
        for pm in g.pair.finditer(gd["amounts"]):
            unit = _value(g.units, pm.group("u"))
            amount, is_vague = _number(g, pm.group("n"))
            vague = vague or is_vague
            if unit is not None:
                parts.append(_normal_unit(unit, 1.0 if amount is None else amount))
        if not parts:
            return None
        sign = -1 if kind == "ago" else 1
        (unit, amount), extra = parts[0], tuple((u, sign * a) for u, a in parts[1:])
        return {"unit": unit, "amount": sign * amount, "extra": extra, "vague": vague}
    unit = _value(g.units, gd.get("unit", ""))
    if unit is None:
        return None
    amount, vague = _number(g, gd.get("number") or gd.get("vague"))
    if kind in ("ago", "later", "duration"):
        unit, amount = _normal_unit(unit, 1.0 if amount is None else amount)
        return {"unit": unit, "amount": -amount if kind == "ago" else amount, "vague": vague}
    if kind == "calendar":
        if "last" in gd:
            amount = -1.0
        elif "next" in gd:
            amount = 1.0
        else:
            amount = 0.0
        unit, amount = _normal_unit(unit, amount) if unit == "decade" else (unit, amount)
        f = {"unit": unit, "amount": amount}
        if "qual" in gd:
            f["qualifier"] = _value(g.qualifiers, gd["qual"])
        if unit in ("day", "hour", "minute"):  # "tego dnia", "następnego dnia": a day the text named before
            f["kind"] = "anaphoric"
        return f
    return None


_DIGIT_CLASSES = frozenset({"day", "month_num", "year"})
_CLASS_OF_MACRO = {"amounts": "unit", "month_any": "month"}


def _required_classes(pattern: str) -> frozenset[str]:
    """The word lists a template cannot match without: its {macros} outside any group."""
    required = set()
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a character class: skip to its end
            i = pattern.index("]", i + 2) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "{" and depth == 0:
            m = re.match(r"\{(\w+)\}", pattern[i:])
            if m:
                required.add(_CLASS_OF_MACRO.get(m.group(1), m.group(1)))
        i += 1
    return frozenset(required)


def _classes_present(g: _Grammar, text: str) -> set[str]:
    present = {"day", "month_num", "year"} if any(ch.isdigit() for ch in text) else set()
    if present:
        present.add("number")
    for m in g.keywords.finditer(text):
        words = m.group().lower().split()
        for i in range(len(words)):  # every sub-phrase: "last year" holds "last" and "year"
            for j in range(i + 1, len(words) + 1):
                present |= g.word_classes.get(" ".join(words[i:j]), set())
        for regex, cls in g.star_classes:
            if regex.fullmatch(m.group()):
                present.add(cls)
    return present


def _find(g: _Grammar, text: str) -> list[TimeExpression]:
    candidates = []
    present = _classes_present(g, text)
    for order, (kind, regex, needs_prep, required) in enumerate(g.templates):
        if not required <= present:
            continue
        for m in regex.finditer(text):
            fields = _build(g, kind, m)
            if fields is None:
                continue
            start, end = m.start(), m.end()
            pm = g.prefix.search(text, max(0, start - 40), start)
            prep = (pm.group("prep") or "") if pm else ""
            qual = (pm.group("qual") or "") if pm else ""
            if needs_prep and not (prep or qual):
                continue
            fields.setdefault("kind", kind)
            if qual and "qualifier" not in fields:
                fields["qualifier"] = _value(g.qualifiers, qual)
            if pm and (prep or qual):
                start = pm.start()
                if prep:
                    fields["preposition"] = re.sub(r"\s+", " ", prep.lower())
            candidates.append((start, end, order, fields))
    # Longest span wins an overlap; on a tie the template listed first.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, dict]] = []
    for start, end, _, fields in candidates:
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, fields))
    chosen.sort(key=lambda c: c[0])
    chosen = _merge_weekday_dates(text, chosen)
    out = []
    for start, end, fields in chosen:
        kind = fields.pop("kind")
        prep_kind = g.prep_kind.get(fields.get("preposition") or "", "at")
        if prep_kind in ("deadline", "since") and kind not in ("duration", "anaphoric", "ago", "later"):
            kind = prep_kind
        out.append(TimeExpression(start=start, end=end, text=text[start:end], kind=kind, **fields))
    return out


def _merge_weekday_dates(text: str, chosen: list) -> list:
    """"w czwartek, 9 października" is one day: fold the weekday into the date after it."""
    out: list = []
    for start, end, fields in chosen:
        if out:
            p_start, p_end, p_fields = out[-1]
            if ("weekday" in p_fields and fields.get("kind") == "date" and fields.get("day")
                    and re.fullmatch(r"[\s,]{0,3}", text[p_end:start])):
                out[-1] = (p_start, end, {**fields, "weekday": p_fields["weekday"]})
                continue
        out.append((start, end, fields))
    return out


def find_time_expressions(text: str, lang: str) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, non-overlapping, with character spans."""
    return list(_cached_find(text, lang))


@lru_cache(maxsize=32)  # a few sentences: the same one is asked again right away, not across documents
def _cached_find(text: str, lang: str) -> tuple[TimeExpression, ...]:
    # the event stage asks once per event of a sentence; expressions are immutable
    return tuple(_find(_grammar(lang), text))


# --- resolving -----------------------------------------------------------------------------

def _parse_anchor(anchor: str | None) -> tuple[int, int | None, int | None] | None:
    if not anchor:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", anchor)
    if not m:
        return None
    y, mo, d = m.groups()
    return int(y), int(mo) if mo else None, int(d) if d else None


def _iso(y: int, m: int | None = None, d: int | None = None, rank: int = 3) -> str:
    if rank <= 1 or m is None:
        return f"{y:04d}"
    if rank == 2 or d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def _shift(day: dt.date, unit: str, amount: float) -> dt.date:
    if unit in ("second", "minute", "hour"):
        hours = amount * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}[unit]
        return day + dt.timedelta(days=int(hours / 24))
    if unit == "day":
        return day + dt.timedelta(days=int(amount))
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    months = round(amount * (12 if unit == "year" else 1))
    y, m = _add_months(day.year, day.month, months)
    return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def resolve_time(expr: TimeExpression, anchor: str | None) -> str | None:
    """The ISO date ``expr`` names, read against the document date ``anchor``.

    Precision never exceeds what the text gives nor what the anchor gives for relative
    phrases ("w czwartek" against "2022-12" is "2022-12"). Weekdays and year-less months
    go back to the most recent such day or month on or before the anchor; a year-less
    deadline ("do 1 lipca") goes forward. Durations and anaphoric phrases give None, and
    so does every relative phrase when the anchor is unknown.
    """
    if expr.kind in ("duration", "anaphoric"):
        return None
    a = _parse_anchor(anchor)
    if expr.year is not None:
        rank = 3 if expr.day else 2 if expr.month else 1
        if expr.day and expr.month and expr.day > calendar.monthrange(expr.year, expr.month)[1]:
            return None
        return _iso(expr.year, expr.month, expr.day, rank)
    if a is None:
        return None
    ay, am, ad = a
    anchor_rank = 3 if ad else 2 if am else 1
    # A coarse anchor stands for the middle of its period.
    base = dt.date(ay, am or 7, ad or (15 if am else 1))

    if expr.month is not None:  # a month or a day of a month without its year
        rank = 3 if expr.day else 2
        if expr.year_offset is not None:
            year = ay + expr.year_offset
        else:
            key, anchor_key = (expr.month, expr.day or 0), (am or 12, ad or 31)
            if expr.kind == "deadline":
                year = ay if key >= (am or 1, ad or 0) else ay + 1
            elif expr.day and ad:  # a full day may lie a little ahead (an announced date)
                soon = base + dt.timedelta(days=_DAYS_AHEAD)
                year = ay if key <= (soon.month, soon.day) or soon.year > ay else ay - 1
            else:
                year = ay if key <= anchor_key else ay - 1
        if expr.day and expr.day > calendar.monthrange(year, expr.month)[1]:
            return None
        return _iso(year, expr.month, expr.day, rank)

    if expr.weekday is not None:
        if anchor_rank < 3:
            return _iso(ay, am, None, anchor_rank)
        if expr.kind == "deadline":  # "do piątku": the coming one
            day = base + dt.timedelta(days=(expr.weekday - base.weekday()) % 7)
            return _iso(day.year, day.month, day.day, 3)
        day = base - dt.timedelta(days=(base.weekday() - expr.weekday) % 7)
        return _iso(day.year, day.month, day.day, 3)

    if expr.unit is None or expr.amount is None:
        return None
    if expr.kind == "calendar":
        if expr.unit == "week":  # a week is no ISO precision: give its month
            day = base + dt.timedelta(weeks=expr.amount)
            if expr.qualifier == "early":
                day -= dt.timedelta(days=day.weekday())
            day = min(day, base) if expr.amount <= 0 else day
            return _iso(day.year, day.month, None, min(2, anchor_rank))
        if expr.unit in ("month", "halfyear"):
            y, m = _add_months(ay, am or 7, int(expr.amount))
            return _iso(y, m, None, min(2, anchor_rank))
        if expr.unit == "year":
            return _iso(ay + int(expr.amount))
        return None
    day = _shift(base, expr.unit, expr.amount)
    for unit, amount in expr.extra:
        day = _shift(day, unit, amount)
    finest = max(_UNIT_RANK.get(u, 3) for u in (expr.unit, *(u for u, _ in expr.extra)))
    rank = min(finest - (1 if expr.vague else 0), anchor_rank)
    if rank < 1:
        return None
    return _iso(day.year, day.month, day.day, rank)


_MAIN_KINDS = ("date", "weekday", "ago", "calendar", "fixed", "later")


def resolve_sentence_date(
    text: str, lang: str, anchor: str | None, near: int | None = None, allow_future: bool = False
) -> tuple[str | None, TimeExpression | None]:
    """The date of a sentence's main event and the expression that gave it.

    The expression that dates a point (absolute or relative) wins: the first one, or, when
    ``near`` (a character offset in ``text``, e.g. the event trigger) is given, the closest
    to it. Deadlines ("do 1 lipca") and "since" bounds count only when nothing else is
    there; durations ("od prawie 29 lat") never do. Dates after the anchor ("w przyszłym
    tygodniu", "do 1 lipca" ahead) are skipped unless ``allow_future``: they date a plan,
    not the report of it.
    Returns (None, None) when nothing resolves.
    """
    exprs = find_time_expressions(text, lang)

    def distance(expr: TimeExpression) -> int:
        if near is None:
            return 0
        return 0 if expr.start <= near < expr.end else min(abs(expr.start - near), abs(expr.end - near))

    for allowed in (_MAIN_KINDS, ("deadline", "since")):
        candidates = sorted((e for e in exprs if e.kind in allowed), key=lambda e: (distance(e), e.start))
        for expr in candidates:
            value = resolve_time(expr, anchor)
            if value and (allow_future or not (_after(value, anchor) or _points_ahead(expr))):
                return value, expr
    return None, None


def _points_ahead(expr: TimeExpression) -> bool:
    """"za tydzień", "w przyszłym tygodniu", "jutro": ahead of the document date by wording."""
    return expr.kind in ("later", "calendar", "fixed") and (expr.amount or 0) > 0


def _after(value: str, anchor: str | None) -> bool:
    """Whether ``value`` lies after the document date: a reported event cannot, and a
    planned one is dated by the day it was announced (EVAL-FORMAT), not by its plan."""
    if not anchor:
        return False
    n = min(len(value), len(anchor[:10]))
    return value[:n] > anchor[:n]
