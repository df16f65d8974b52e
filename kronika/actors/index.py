"""Per-language lookup tables built once per KB: every written form of every actor (with
Polish inflected forms generated from declension paradigms), title phrases, sector nouns.

Matching works on token *keys*: each token of the text gets a small set of keys (its
lower-cased surface, its accent-free form, its lemmas from the morphology, the base forms
of KB names it inflects); each word of a KB form gets the same kind of set. A form matches
where every word's keys meet the token's. One dict lookup per token finds the candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kronika.actors.declension import adjective_forms, form_table
from kronika.actors.kb import KnowledgeBase, fold, norm
from kronika.actors.lexicon import lang_data
from kronika.lang import get_morphology, tokenize

# Form languages tried besides the text's own: English names of organisations and people
# are common in Polish text ("Reuters", "Sputnik"); Cyrillic texts use their own forms.
EXTRA_FORM_LANGS = {"pl": ("en",), "en": (), "ru": (), "uk": ()}


@dataclass(frozen=True)
class Entry:
    """One written form of one actor: the key set of each of its words."""

    actor_id: str
    via: str
    form: str
    lang: str
    words: tuple[frozenset[str], ...]
    person: bool = False


@dataclass(frozen=True)
class Phrase:
    """A title, sector noun or institution phrase from the language data."""

    words: tuple[frozenset[str], ...]
    spec: dict = field(hash=False, compare=False)


@dataclass
class TokenInfo:
    keys: frozenset[str]
    cases: dict[str, tuple[str, ...]]  # key -> cases the token carries in that reading
    name_class: str | None  # forename / surname / place / org / proper, from the morphology
    known_common: bool  # the morphology knows it as an ordinary word
    lemma: str  # best base form
    name_keys: frozenset = frozenset()  # keys a person's name may match: not lemmas of common words
    name_classes: frozenset = frozenset()  # every name class the morphology gives ("forename", "place"...)
    only_common: bool = False  # the morphology knows it, but never as a name ("Kim": kto, "Gram")
    plural: bool = False  # every reading is plural ("ministrowie", "ministers")
    tables: frozenset = frozenset()  # which lookup tables ("kb", "titles", ...) any key starts an entry of


def _possessive_stripped(word: str) -> str | None:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return None


class LangIndex:
    def __init__(self, kb: KnowledgeBase, lang: str):
        self.lang = lang
        self.morph = get_morphology(lang)
        # lower-cased inflected form -> [(base key, cases)], from KB names (Polish)
        self.generated: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self.first: dict[str, list[Entry]] = {}  # key of the first word -> one-word forms
        self.first2: dict[str, dict[str, list[Entry]]] = {}  # first word -> second word -> longer forms
        self.forenames: dict[str, list[str]] = {}  # first-name key -> person ids
        self.given_names: set[str] = set()
        self._token_cache: dict[str, TokenInfo] = {}
        self._build_generated(kb)
        self._build_entries(kb)
        self.titles = self._phrases(lang_data(lang, "titles").get("titles") or [])
        groups = lang_data(lang, "groups")
        self.sectors = self._phrases([{"phrase": k, "sector": v} for k, v in (groups.get("sectors") or {}).items()])
        self.institutions = self._phrases(groups.get("institutions") or [])
        self.demonym_sector = groups.get("demonym_sector")
        self.conjunctions = frozenset(norm(w) for w in groups.get("conjunctions") or ())
        self.occasions = frozenset(norm(w) for w in groups.get("occasion_nouns") or ())
        self.patronymic = [re.compile(p) for p in lang_data(lang, "names").get("patronymic_patterns") or ()]
        self.place_prepositions: dict[str, tuple[str, ...]] = {
            norm(k): tuple(v or ()) for k, v in (groups.get("place_prepositions") or {}).items()}
        self.place_skip = frozenset(norm(w) for w in groups.get("place_skip") or ())
        self.speaker_verbs = frozenset(norm(w) for w in groups.get("speaker_verbs") or ())
        self.speaker_pronouns = frozenset(norm(w) for w in groups.get("speaker_pronouns") or ())
        self.media_nouns = frozenset(norm(w) for w in groups.get("media_nouns") or ())
        self.home_markets = frozenset(groups.get("home_markets") or ())
        names = lang_data(lang, "names")
        self.honorifics = frozenset(norm(w) for w in names.get("honorifics") or ())
        self.common_surnames = frozenset(norm(w) for w in names.get("common_words") or ())
        self.not_common = frozenset(norm(w) for w in names.get("not_common_words") or ())
        self.verbs_after_name = frozenset(norm(w) for w in names.get("verbs_after_name") or ())
        self.locative_before_name = frozenset(norm(w) for w in names.get("locative_prepositions") or ())
        self.calendar_words = _calendar_words(lang_data(lang, "time"))
        self._common_cache: dict[tuple[str, str], bool] = {}

    # -- building ---------------------------------------------------------------------
    def _build_generated(self, kb: KnowledgeBase) -> None:
        if not lang_data(self.lang, "declension").get("paradigms"):
            return
        for a in kb:
            for form, via in a.forms(self.lang):
                for word in form.split():
                    if via == "adjective":
                        table = {}
                        for case, forms in adjective_forms(word, self.lang).items():
                            for f in forms:
                                table.setdefault(f.lower(), set()).add(case)
                        table = {f: tuple(sorted(c)) for f, c in table.items()}
                    elif a.type == "person":
                        table = form_table(word, a.gender, self.lang)
                    else:
                        continue
                    base = norm(word)
                    for f, cases in table.items():
                        for key in {norm(f), fold(f)}:
                            slot = self.generated.setdefault(key, [])
                            if (base, cases) not in slot:
                                slot.append((base, cases))

    def word_keys(self, word: str) -> frozenset[str]:
        """Keys of a word of a KB form: itself, accent-free, and its lemmas (nominative)."""
        keys = {norm(word), fold(word)}
        if self.lang in ("ru", "uk") and _CYRILLIC.search(word):
            for a in self.morph.analyse(word):
                if "nom" in a.cases or not a.cases:
                    keys.add(norm(a.lemma))
        elif self.lang == "pl":
            head, last = _hyphen_split(word)
            for a in self.morph.analyse(last):
                if "nom" in a.cases and a.lemma[:1].lower() == last[:1].lower():
                    keys.add(norm(head + a.lemma))
        return frozenset(keys)

    def _build_entries(self, kb: KnowledgeBase) -> None:
        langs = (self.lang,) + EXTRA_FORM_LANGS.get(self.lang, ())
        seen: set[tuple] = set()
        for a in kb:
            forms: list[tuple[str, str, str]] = []
            for lg in langs:
                for form, via in a.forms(lg):
                    if lg != self.lang and (a.type == "country" or via != "name"):
                        continue
                    forms.append((form, via, lg))
            if a.type != "country":
                forms.append((a.name, "name", "en"))
            for ab in a.abbreviations:
                forms.append((ab, "abbreviation", "*"))
            if a.type == "person" and a.bare_surname:
                # the last word of a full name is used alone too ("Zelensky", "Lukashenka"),
                # but not a regnal number ("John Paul II", "Charles III")
                for form, via, lg in list(forms):
                    parts = form.split()
                    if via == "name" and len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 2 \
                            and not ROMAN_NUMERAL.match(parts[-1]):
                        forms.append((parts[-1], "surname", lg))
            for form, via, lg in forms:
                words = tuple(self.word_keys(w) for w in _split(form))
                if not words:
                    continue
                sig = (a.id, via, tuple(sorted(words[0])), len(words), tuple(norm(w) for w in _split(form)))
                if sig in seen:
                    continue
                seen.add(sig)
                entry = Entry(a.id, via, form, lg, words, a.type == "person")
                for k in words[0]:
                    if len(words) == 1:
                        self.first.setdefault(k, []).append(entry)
                    else:
                        by_second = self.first2.setdefault(k, {})
                        for k2 in words[1]:
                            by_second.setdefault(k2, []).append(entry)
            if a.type == "person":
                surname = norm(a.surname.get(self.lang) or a.surname.get("en") or "")
                for n in a.names.get(self.lang, []) + a.names.get("en", []):
                    parts = _split(n)
                    if len(parts) >= 2:
                        for k in self.word_keys(parts[0]):
                            ids = self.forenames.setdefault(k, [])
                            if a.id not in ids:
                                ids.append(a.id)
                            if k != surname and fold(parts[0]) != fold(surname):
                                self.given_names.add(k)  # "Martin": someone's first name (not a family name put first)

    def _phrases(self, items: list[dict]) -> dict[str, list[Phrase]]:
        out: dict[str, list[Phrase]] = {}
        for spec in items:
            words = tuple(frozenset({norm(w), fold(w)}) for w in _split(str(spec["phrase"])))
            if words:
                for k in words[0]:
                    out.setdefault(k, []).append(Phrase(words, spec))
        return out

    # -- common words ---------------------------------------------------------------
    def is_common_word(self, text: str, base: str) -> bool:
        """Is this capitalised word also an ordinary word of the language ("Hunt", "Kos",
        "Мороз")? Such surnames are shared by many people, so alone they need more evidence.
        ``base`` is the KB surname the word was matched to (nominative)."""
        key = (text, base)
        hit = self._common_cache.get(key)
        if hit is None:
            hit = self._common_cache[key] = self._is_common_word(text, base)
        return hit

    def _is_common_word(self, text: str, base: str) -> bool:
        low = norm(_possessive_stripped(text) or text) if self.lang == "en" else norm(text)
        if low in self.calendar_words or norm(base) in self.calendar_words:
            return True
        if low in self.not_common or norm(base) in self.not_common:
            return False
        if low in self.common_surnames or norm(base) in self.common_surnames:
            return True
        if self.lang == "en":
            import simplemma

            # simplemma also knows proper nouns, but gives them a capitalised lemma ("Austin")
            return simplemma.is_known(low, lang="en") and simplemma.lemmatize(low, lang="en")[:1].islower()
        bases = {norm(base), fold(base)}
        return any(not a.name_class and a.lemma[:1].islower() and a.pos not in ("adj", "propn", "other", "unknown")
                   and (norm(a.lemma) in bases or fold(a.lemma) in bases) for a in self.morph.analyse(text))

    def is_verb(self, text: str) -> bool:
        """A finite verb right after a name ("Austin said", "Kos powiedział")."""
        low = norm(text)
        if low in self.verbs_after_name:
            return True
        if self.lang == "en":
            import simplemma

            return text[:1].islower() and low.endswith("ed") and simplemma.lemmatize(low, lang="en") != low
        return any(a.pos == "verb" for a in self.morph.analyse(text))

    def plural_or_impersonal_verb(self, text: str) -> str | None:
        """The lemma of a plural or impersonal verb form ("заявили", "powiedziano"), else None."""
        for a in self.morph.analyse(text):
            if a.pos == "verb" and (a.number == "pl" or "imps" in a.tag):
                return norm(a.lemma)
        return None

    # -- text side --------------------------------------------------------------------
    def token(self, text: str) -> TokenInfo:
        info = self._token_cache.get(text)
        if info is None:
            info = self._token_info(text)
            info.tables = frozenset(name for name, table in (
                ("kb", self.first), ("kb", self.first2), ("titles", self.titles), ("sectors", self.sectors),
                ("institutions", self.institutions)) if not info.keys.isdisjoint(table))
            if len(self._token_cache) >= 100_000:
                self._token_cache.clear()  # bounded memory on endless streams; frequent words come back fast
            self._token_cache[text] = info
        return info

    def _token_info(self, text: str) -> TokenInfo:
        keys = {norm(text), fold(text)}
        name_keys = set(keys)
        cases: dict[str, tuple[str, ...]] = {}
        name_class = None
        known_common = False
        lemma = text
        from_kb = False
        variants = [text]
        if self.lang == "en":
            stripped = _possessive_stripped(text)
            if stripped:
                variants.append(stripped)
                keys.update({norm(stripped), fold(stripped)})
                name_keys.update({norm(stripped), fold(stripped)})
        for v in variants:
            for base, cs in self.generated.get(norm(v), ()) or self.generated.get(fold(v), ()):
                keys.add(base)
                name_keys.add(base)
                cases[base] = tuple(sorted(set(cases.get(base, ())) | set(cs)))
                if not from_kb:
                    lemma, from_kb = _recase(base, text), True
            head, last = _hyphen_split(v)
            analyses = self.morph.analyse(last)
            for a in analyses:
                k = norm(head + a.lemma)
                keys.add(k)
                keys.add(fold(head + a.lemma))
                if a.name_class or a.lemma[:1].isupper() or self.lang in ("ru", "uk"):
                    name_keys.update({k, fold(head + a.lemma)})
                if a.cases:
                    cases[k] = tuple(sorted(set(cases.get(k, ())) | set(a.cases)))
                if a.name_class and a.name_class != "proper" and name_class is None:
                    name_class = a.name_class
                    if self.lang != "en" and not from_kb:
                        lemma = a.lemma
                if not a.name_class and a.lemma[:1].islower() and a.pos != "unknown":
                    known_common = True
        plural = False
        readings = self.morph.analyse(text) if self.lang != "en" else []
        # an all-capitals abbreviation ("ЗСУ", "СБУ") is a name even where the dictionary knows a word
        only_common = bool(readings) and all(not a.name_class and a.lemma[:1].islower() for a in readings) \
            and not (len(text) > 1 and text.isupper())
        if self.lang == "en":
            import simplemma

            known_common = simplemma.is_known(text.lower(), lang="en")
            lemma = variants[-1]
            low = text.lower()
            plural = low.endswith("s") and not low.endswith("ss") and simplemma.lemmatize(low, lang="en") != low
        else:
            numbers = {a.number for a in self.morph.analyse(text) if a.pos in ("noun", "propn")}
            plural = numbers == {"pl"}
        classes = frozenset(a.name_class for a in readings if a.name_class) if self.lang != "en" else frozenset()
        return TokenInfo(frozenset(keys), cases, name_class, known_common, lemma, frozenset(name_keys), classes,
                         only_common, plural)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")


def _calendar_words(time_data: dict) -> frozenset[str]:
    """One-word month and weekday names of the language's time.yaml: never surnames ("May")."""
    out = set()
    for kind in ("months", "weekdays"):
        for forms in (time_data.get(kind) or {}).values():
            for f in forms or ():
                f = str(f)
                if " " not in f and not f.endswith(".") and len(f) > 2:
                    out.add(norm(f))
    return frozenset(out)


def _hyphen_split(word: str) -> tuple[str, str]:
    """'Al-Kaidy' -> ('Al-', 'Kaidy'): only the last part of a hyphenated word inflects."""
    cut = max(word.rfind("-"), word.rfind("'"), word.rfind("’"))
    return (word[: cut + 1], word[cut + 1:]) if 0 < cut < len(word) - 1 else ("", word)


def _split(form: str) -> list[str]:
    return [t.text for t in tokenize(form)]


def _recase(base_key: str, surface: str) -> str:
    return base_key[:1].upper() + base_key[1:] if surface[:1].isupper() else base_key
