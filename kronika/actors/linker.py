"""Mention finding and linking: Article -> Article, filling ``article.mentions``.

Passes over the tokens of the clean text, each one reading the language data:
  1. KB forms (names, surnames, abbreviations, country names, adjectives, demonyms,
     seat-of-power metonyms) through token keys (index.py);
  2. titles at the article's date (titles.py): "prezydent Rosji", "the Russian foreign
     minister", "jego białoruski odpowiednik"; a name right after a title decides;
  3. groups: country adjective + sector noun ("rosyjska policja"), sector noun + country
     ("armia Rosji"), demonyms ("Rosjanie"), institutions ("brytyjski MON");
  4. capitals after a place preposition ("w Moskwie") become places, unless the seat of
     power speaks ("в Кремле заявили"); gazetteer places ("w Kownie") carry their country;
  5. surnames alone are kept only with evidence (_bare_surnames);
  6. first names of people already named, then unknown capitalised names, kept unlinked.
"""
from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from functools import lru_cache

from kronika.actors.index import ROMAN_NUMERAL, Entry, LangIndex, Phrase
from kronika.actors.kb import Actor, KnowledgeBase, fold, load_kb, norm
from kronika.errors import KronikaError
from kronika.lang import tokenize
from kronika.lang.base import _TOKEN  # the same tokens as kronika.lang.tokenize, without Token objects
from kronika.model import Article, Mention

log = logging.getLogger("kronika")

PERSON_VIAS = ("name", "surname", "abbreviation")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    keys: frozenset
    info: object
    word: bool
    cap: bool


@dataclass
class _Span:
    """A mention under construction: token range [i, j) and what it links to."""

    i: int
    j: int
    kind: str
    via: str
    actor: Actor | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    lemma: str = ""
    cases: tuple = ()
    title_country: str | None = None  # a country the span names itself (counted as bare)
    bare: bool = False  # a surname alone: linked only with evidence (_bare_surnames)


class Linker:
    """Picklable callable; its per-language indexes are built on first use."""

    def __init__(self, kb: KnowledgeBase | None = None, languages=("pl", "en", "ru", "uk")):
        self._kb = kb
        self.languages = tuple(languages)
        self._indexes: dict[str, LangIndex] = {}

    def __reduce__(self):
        return (Linker, (self._kb, self.languages))

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb()
        return self._kb

    def index(self, lang: str) -> LangIndex:
        idx = self._indexes.get(lang)
        if idx is None:
            idx = self._indexes[lang] = LangIndex(self.kb, lang)
        return idx

    def __call__(self, article: Article) -> Article:
        lang = article.language or article.declared_language
        if lang not in self.languages:
            log.info("%s: no actor linking for language %r", article.id, lang)
            article.mentions = []
            return article
        article.mentions = _Run(self, self.index(lang), article).mentions()
        return article


def make_linker(kb: KnowledgeBase | None = None, languages=("pl", "en", "ru", "uk")) -> Linker:
    return Linker(kb, languages)


class _Run:
    """Linking of one article."""

    def __init__(self, linker: Linker, idx: LangIndex, article: Article):
        self.kb = linker.kb
        self.idx = idx
        self.lang = idx.lang
        self.article = article
        self.text = article.clean
        self.date = article.published
        self.toks: list[_Tok] = []
        token = idx.token
        for m in _TOKEN.finditer(self.text):
            word = m.group()
            info = token(word)
            self.toks.append(_Tok(m.start(), m.end(), word, info.keys, info, word[0].isalnum(), word[0].isupper()))
        self.sent_starts = [s.start for s in article.sentences] or [0]
        self.tok_sent = []
        sent = 0
        for t in self.toks:
            while sent + 1 < len(self.sent_starts) and self.sent_starts[sent + 1] <= t.start:
                sent += 1
            self.tok_sent.append(sent if article.sentences else 0)
        self.seen_actors: dict[str, int] = {}  # actor id -> times linked so far
        self._named_early: set[str] = set()  # actors matched unambiguously so far by the KB pass
        self.city_ranges: set[tuple[int, int]] = set()  # token ranges of gazetteer places (cities, regions)

    def _sentence_of(self, offset: int) -> int:
        if not self.article.sentences:
            return 0
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    # -- helpers ----------------------------------------------------------------------
    def _adjacent(self, a: int, b: int) -> bool:
        """Tokens a and b follow each other with only spaces (or a hyphen) between."""
        gap = self.text[self.toks[a].end:self.toks[b].start]
        return len(gap) <= 2 and "\n" not in gap and all(c in " \u00a0-" for c in gap)

    def _match_words(self, i: int, words: tuple) -> bool:
        if i + len(words) > len(self.toks):
            return False
        for m, keys in enumerate(words):
            tok = self.toks[i + m]
            if not (tok.keys & keys):
                return False
            if m and not self._adjacent(i + m - 1, i + m):
                return False
        return True

    def _phrase_at(self, table: dict[str, list[Phrase]], i: int, name: str = "") -> tuple[int, Phrase] | None:
        if name and name not in self.toks[i].info.tables:
            return None
        best = None
        for k in self.toks[i].keys:
            for ph in table.get(k, ()):
                if self._match_words(i, ph.words) and (best is None or len(ph.words) > best[0]):
                    best = (len(ph.words), ph)
        return (i + best[0], best[1]) if best else None

    def _cases(self, i: int, j: int) -> tuple:
        tok = self.toks[j - 1]
        out: set = set()
        for cs in tok.info.cases.values():
            out |= set(cs)
        return tuple(c for c in ("nom", "gen", "dat", "acc", "inst", "loc", "voc") if c in out)

    def _sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        if self.article.sentences and self.tok_sent[i] != self.tok_sent[i - 1]:
            return True
        prev = self.text[self.toks[i - 1].end:self.toks[i].start]
        return "\n" in prev or self.toks[i - 1].text in (".", "!", "?", "„", "\"", "“", "«", "-", "–", "—", ":")

    # -- pass 1: KB forms -------------------------------------------------------------
    def _kb_matches(self) -> list[tuple[int, int, list[Entry]]]:
        out = []
        i, n = 0, len(self.toks)
        while i < n:
            tok = self.toks[i]
            if not tok.word or "kb" not in tok.info.tables:
                i += 1
                continue
            found: dict[int, list[Entry]] = {}
            nxt = self.toks[i + 1] if i + 1 < n else None
            for k in tok.keys:
                candidates = list(self.idx.first.get(k, ()))
                by_second = self.idx.first2.get(k)
                if by_second and nxt is not None:
                    seen_entries = set()
                    for k2 in nxt.keys:
                        for e in by_second.get(k2, ()):
                            if id(e) not in seen_entries:
                                seen_entries.add(id(e))
                                candidates.append(e)
                for e in candidates:
                    if e.person and k not in tok.info.name_keys:
                        continue  # "Największą" lemmatises to a common word, not to a surname
                    if len(e.words) > 1 and not self._match_words(i, e.words):
                        continue
                    if e.form[:1].isupper() and not tok.cap and not (
                            len(e.words) > 1 and self.toks[i + len(e.words) - 1].cap and self._generic_head(tok.text)):
                        continue  # "agencja Reutera": a generic first noun may be lower case, "numer jeden Rosji" is not "Jedna Rosja"
                    if (e.via == "abbreviation" or _acronym(e.form)) and not self._exact(i, e.form):
                        continue
                    if len(e.words) == 1 and not self._home_acronym(i, e):
                        continue
                    if len(e.words) > 1 and not self._acronyms_agree(i, e.form):
                        continue
                    if self.lang == "en" and len(e.words) > 1 and not e.person and not self._inner_caps_agree(i, e.form):
                        continue  # "Russian armed forces" is the group pass's adjective + sector noun
                    found.setdefault(i + len(e.words), []).append(e)
            if found:
                j = max(found)
                out.append((i, j, found[j]))
                if len(found[j]) == 1:
                    self._named_early.add(found[j][0].actor_id)
                i = j
            else:
                i += 1
        return out

    def _generic_head(self, text: str) -> bool:
        """A word that is only ever a noun ("agencja", "ministerstwo"), not an adjective or a
        numeral that a name capitalises ("Jedna", "Sprawiedliwa")."""
        if self.lang == "en":
            return True
        pos = {a.pos for a in self.idx.morph.analyse(text)}
        return "noun" in pos and not pos & {"adj", "num"}

    def _inner_caps_agree(self, i: int, form: str) -> bool:
        """English names of bodies capitalise their words ("Just Russia", "Right Sector");
        written in lower case the same words are ordinary phrases ("a just Russia")."""
        for m, word in enumerate(_form_tokens(form)):
            if word[:1].isupper() and i + m < len(self.toks) and not self.toks[i + m].cap:
                return False
        return True

    def _acronyms_agree(self, i: int, form: str) -> bool:
        """Inside a longer form, an acronym is not another inflected acronym ("agencja AP"
        is not "agencja APA", whose genitive plural the morphology spells "AP")."""
        for m, word in enumerate(_form_tokens(form)):
            if i + m >= len(self.toks):
                return False
            text = self.toks[i + m].text
            if len(word) > 1 and word.isupper() and len(text) > 1 and text.isupper() and text != word:
                return False
        return True

    def _home_acronym(self, i: int, e: Entry) -> bool:
        """A short acronym of a foreign outlet ("ABC", "DW" in Polish text) is too often
        something else: it needs a media noun before it ("agencja AP") unless the outlet is
        of this language's market or the KB lists the acronym among this language's names."""
        if self.lang == "en" or not (e.via == "abbreviation" or _acronym(e.form)):
            return True
        if sum(c.isalpha() for c in e.form) > 3:
            return True
        a = self.kb.get(e.actor_id)
        if a is None or a.kind != "media" or a.country in self.idx.home_markets or a.id in self._named_early \
                or e.form in a.names.get(self.lang, ()):
            return True
        return i > 0 and not self.toks[i - 1].keys.isdisjoint(self.idx.media_nouns)

    def _compound_countries(self, spans: list[_Span]) -> list[_Span]:
        """"US-led", "Kremlin-backed", "pro-Russian", "polsko-białoruski": a country inside a
        hyphenated word makes the word a country mention."""
        covered = _covered(spans)
        out = list(spans)
        for i, tok in enumerate(self.toks):
            if i in covered or "-" not in tok.text or not tok.word:
                continue
            for part in tok.text.split("-"):
                if len(part) < 2:
                    continue
                info = self.idx.token(part)
                hit = None
                for k in info.keys:
                    for e in self.idx.first.get(k, ()):
                        a = self.kb.get(e.actor_id)
                        if len(e.words) == 1 and a.type == "country" and (
                                part[:1].isupper() or not e.form[:1].isupper()) and (
                                not _acronym(e.form) or part == e.form):
                            hit = (a, e.via)
                            break
                    if hit:
                        break
                if hit:
                    a, via = hit
                    sector = "GOV" if via == "metonym" else None
                    out.append(_Span(i, i + 1, "country", "compound", country=a.id, sector=sector,
                                     lemma=tok.text, title_country=a.id))
                    break
        return out

    def _exact(self, i: int, form: str) -> bool:
        """Case-sensitive match of an acronym ("PO" is not "Po", "US" is not "us")."""
        parts = _form_tokens(form)
        return all(i + m < len(self.toks) and self.toks[i + m].text == p for m, p in enumerate(parts))

    def _score(self, e: Entry, a: Actor) -> float:
        s = 0.0
        if a.id in self.seen_actors:
            s += 3
        if a.positions and a.positions_at(self.date):
            s += 2
        if e.via in ("name", "abbreviation"):
            s += 1
        if e.lang == self.lang:
            s += 0.5
        return s

    def _span_from_entries(self, i: int, j: int, entries: list[Entry]) -> _Span | None:
        by_actor: dict[str, list[Entry]] = {}
        for e in entries:
            by_actor.setdefault(e.actor_id, []).append(e)
        people_orgs, countries = [], []
        for aid, es in by_actor.items():
            a = self.kb.get(aid)
            (countries if a.type == "country" else people_orgs).append((es, a))
        surface = norm(self.text[self.toks[i].start:self.toks[j - 1].end])
        lemma = " ".join(self.toks[m].info.lemma for m in range(i, j) if self.toks[m].word)
        cases = self._cases(i, j)
        if people_orgs and (not countries or any(e.via in ("name", "abbreviation") for es, _ in people_orgs for e in es)):
            ranked = sorted(((max(self._score(e, a) for e in es), _best_entry(es), a) for es, a in people_orgs),
                            key=lambda t: -t[0])
            _, e, a = ranked[0]
            if j - i == 1 and self.toks[i].info.only_common and self._sentence_start(i) \
                    and a.id not in self.seen_actors and not (self.lang in ("ru", "uk") and e.form == self.toks[i].text):
                return None  # "Kim jest...": a capitalised pronoun, not Kim Jong Un
            if j - i == 1 and e.via == "surname" and a.id not in self.seen_actors \
                    and not self.toks[i].info.name_keys.isdisjoint(self.idx.given_names):
                return None  # "Martin", "Aleksandra": first names too; alone they need an earlier full mention
            if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
                kind = "person" if ranked[0][2].type == "person" else "org"
                return _Span(i, j, kind, "ambiguous", lemma=lemma, cases=cases)
            sp = self._actor_span(i, j, a, e.via, lemma, cases)
            sp.bare = e.via == "surname" and a.type == "person"
            return sp
        if not countries:
            return None
        if j - i == 1 and "forename" in self.toks[i].info.name_classes and "place" not in self.toks[i].info.name_classes:
            return None  # "Dominika" is a woman's name before it is Dominica
        es, a = countries[0]
        # forms the tokens carry as themselves or as their own lemma, not through a lemma of the KB form
        exact = {e.via for e in es if norm(e.form) == surface} or {
            e.via for e in es if all(norm(w) in self.toks[i + m].keys for m, w in enumerate(_form_tokens(e.form)) if i + m < j)}
        vias = exact or {e.via for e in es}
        if {"name", "adjective"} <= {e.via for e in es} and self.toks[i].cap and not self._sentence_start(i):
            vias = {"name"}  # "ambasador Polski": capitalised mid-sentence, so the country, not "polski"
        if "demonym" in vias and "name" not in vias and ("adjective" not in vias or exact == {"demonym"}):
            return _Span(i, j, "group", "demonym", country=a.id, sector=self.idx.demonym_sector, lemma=lemma,
                         cases=cases, title_country=a.id)
        if vias == {"capital"}:
            return _Span(i, j, "place", "capital", country=a.id, lemma=lemma, cases=cases)
        if "name" in vias and "adjective" in vias:
            # "Polski": the country's genitive or an adjective; Polish adjectives are lower case
            via = "name" if self.toks[i].cap and not self._sentence_start(i) else "adjective"
        elif "adjective" in vias or "demonym" in vias:
            via = "adjective"
        elif "name" in vias:
            via = "name"
        else:
            via = "metonym" if "metonym" in vias else es[0].via
        sector = "GOV" if via == "metonym" else None
        return _Span(i, j, "country", via, country=a.id, sector=sector, lemma=lemma, cases=cases, title_country=a.id)

    def _actor_span(self, i, j, a: Actor, via: str, lemma: str, cases: tuple) -> _Span:
        kind = "person" if a.type == "person" else "org"
        return _Span(i, j, kind, via, actor=a, country=a.country, sector=a.sector_at(self.date), name=a.name,
                     lemma=lemma, cases=cases)

    # -- the run ----------------------------------------------------------------------
    def mentions(self) -> list[Mention]:
        spans: list[_Span] = []
        for i, j, entries in self._kb_matches():
            sp = self._span_from_entries(i, j, entries)
            if sp:
                spans.append(sp)
                if sp.actor:
                    self.seen_actors[sp.actor.id] = self.seen_actors.get(sp.actor.id, 0) + 1
        spans = self._compound_countries(spans)
        spans = self._places(spans)
        spans = self._gazetteer_places(spans)
        self._occasions(spans)
        from kronika.actors.titles import apply_titles

        spans = apply_titles(self, spans)
        spans = self._bare_surnames(spans)
        spans = self._groups(spans)
        spans = self._first_names(spans)
        spans = self._unknown_names(spans)
        spans.sort(key=lambda s: s.i)
        return [self._mention(s) for s in spans]

    def _mention(self, s: _Span) -> Mention:
        start, end = self.toks[s.i].start, self.toks[s.j - 1].end
        text = self.text[start:end]
        return Mention(start=start, end=end, text=text, kind=s.kind, lemma=s.lemma or text,
                       actor_id=s.actor.id if s.actor else None, name=s.name, country=s.country,
                       sector=s.sector, cases=s.cases, sentence=self._sentence_of(start), via=s.via)

    # -- pass: bare surnames ----------------------------------------------------------
    def _bare_surnames(self, spans: list[_Span]) -> list[_Span]:
        """A surname alone names a KB person only with evidence: the person was named in full
        or by title earlier in the document, or leads a state or government at the article's
        date, or the word is no ordinary word of the language ("Hunt", "Kos"), no month, and
        stands where a name can ("in Austin" is a place; a sentence's first word needs a verb
        after it). The KB's `surname: {}` and regnal numbers never link. Otherwise the span
        is dropped and the unknown-name pass keeps the word as an unlinked candidate if it
        looks like a name."""
        first_full: dict[str, int] = {}
        for s in spans:
            if s.actor is not None and not s.bare:
                first_full[s.actor.id] = min(first_full.get(s.actor.id, s.i), s.i)
        out = []
        for s in sorted(spans, key=lambda s: s.i):
            if not s.bare:
                out.append(s)
                continue
            a = s.actor
            if a.id in first_full and (first_full[a.id] < s.i or self._in_heading(s.i)):
                out.append(s)  # coreference with an earlier (or, in a headline, later) full mention
                continue
            if self._surname_evidence(s, a):
                first_full.setdefault(a.id, s.i)
                out.append(s)
                continue
            log.debug("bare surname %r not linked to %s", self.toks[s.i].text, a.id)
        return out

    def _in_heading(self, i: int) -> bool:
        start = self.toks[i].start
        return any(h.start <= start < h.end for h in self.article.headings)

    def _surname_evidence(self, s: _Span, a: Actor) -> bool:
        tok = self.toks[s.i]
        one_word = s.j - s.i == 1
        if one_word and (ROMAN_NUMERAL.match(tok.text) or not a.bare_surname):
            return False
        if one_word and (norm(tok.text) in self.idx.calendar_words or tok.info.lemma.lower() in self.idx.calendar_words):
            return False  # "May", "Maj": a month before a surname
        if s.i > 0 and self._adjacent(s.i - 1, s.i) and self.toks[s.i - 1].cap \
                and self._forename_fits(a, self.toks[s.i - 1]):
            return True  # a first name spelt differently from the KB's: a full-name mention
        heads = ("head_of_state", "head_of_government")
        if any(p.role in heads for p in a.positions_at(self.date)):
            return True
        # Any office held at any date, or none recorded (the KB lists people who matter but
        # not every role: "Kadyrov", "Stalin"): figures of the past are named alone too
        # ("Ribbentrop"); the checks below keep out ordinary words, months and places.
        if one_word and self.idx.is_common_word(tok.text, self._surname_base(s, a)):
            return False
        if self._sentence_start(s.i) and not (s.j < len(self.toks) and self._adjacent(s.j - 1, s.j)
                                               and self.idx.is_verb(self.toks[s.j].text)):
            return False  # a capitalised first word is weak evidence of a name, unless a verb follows
        if s.i > 0 and norm(self.toks[s.i - 1].text) in self.idx.locative_before_name \
                and (self.lang == "en" and not tok.text.endswith(("'s", "’s")) or "loc" in s.cases):
            return False  # "in Austin", "w Kownie": a place before it is a person
        return True

    def _surname_base(self, s: _Span, a: Actor) -> str:
        base = a.surname.get(self.lang) or a.surname.get("en")
        if base:
            return base
        names = a.names.get(self.lang) or a.names.get("en") or [a.name]
        return names[0].split()[-1]

    # -- pass: occasions ------------------------------------------------------------
    def _occasions(self, spans: list[_Span]) -> None:
        """An organisation named as the host of a meeting ("szczyt X") is its occasion, not a party."""
        if not self.idx.occasions:
            return
        for s in spans:
            if s.kind == "org" and s.i > 0 and self._adjacent(s.i - 1, s.i) \
                    and not self.toks[s.i - 1].keys.isdisjoint(self.idx.occasions):
                s.via = "occasion"

    # -- pass: places -----------------------------------------------------------------
    def _places(self, spans: list[_Span]) -> list[_Span]:
        preps = self.idx.place_prepositions
        for s in spans:
            if s.kind != "country" or s.via != "metonym" or s.i == 0:
                continue
            p = s.i - 1
            while p > 0 and norm(self.toks[p].text) in self.idx.place_skip and self._adjacent(p, p + 1):
                p -= 1  # "in the Kremlin"
            want = preps.get(norm(self.toks[p].text))
            if want is None or not self._adjacent(p, p + 1):
                continue
            if p < s.i - 1 and norm(self.toks[p].text) not in self.idx.locative_before_name:
                continue  # "a letter to the Kremlin", "word from the White House": the government
            if not want or not s.cases or set(want) & set(s.cases):
                if self._seat_speaks(p, s, spans):
                    continue  # "в Кремле заявили": the government speaking, not a place
                s.kind, s.sector, s.via, s.title_country = "place", None, "place", None
        return spans

    def _gazetteer_places(self, spans: list[_Span]) -> list[_Span]:
        """Cities and regions of the gazetteer (kronika/events/places.py) become place mentions
        with their country, and a place is never also a person: "in Kaunas", "w Charkowie".
        A seat of power or capital standing for its government stays a country mention."""
        from kronika.events.places import find_places

        try:
            hits = find_places(self.text, self.lang)
        except KronikaError as e:
            log.warning("%s: no gazetteer places (%s)", self.article.id, e)
            return spans
        if not hits:
            return spans
        first_tok = {t.start: k for k, t in enumerate(self.toks)}
        last_tok = {t.end: k for k, t in enumerate(self.toks)}
        out = list(spans)
        n = len(self.toks)
        for place in hits:
            i, last = first_tok.get(place.start), last_tok.get(place.end)
            if i is None or last is None:
                continue
            j = last + 1
            self.city_ranges.add((i, j))
            if j < n and self.toks[j].cap and self.toks[j].word and self._adjacent(j - 1, j) \
                    and not self._sentence_start(j):
                continue  # part of a longer name: "Kyiv Post", "Sofia Nowak"
            if i > 0 and self.toks[i - 1].cap and self.toks[i - 1].word and self._adjacent(i - 1, i) \
                    and not self._sentence_start(i - 1):
                continue  # "Dynamo Kyiv"
            overlap = [s for s in out if s.i < j and i < s.j]
            if any(not (s.bare or s.kind == "place" or (s.actor is None and s.kind in ("person", "unknown")))
                   for s in overlap):
                continue  # a country, organisation, group or full name
            out = [s for s in out if not (s.i < j and i < s.j)]
            lemma = " ".join(self.toks[m].info.lemma for m in range(i, j) if self.toks[m].word)
            out.append(_Span(i, j, "place", "place", country=place.country, name=place.name, lemma=lemma,
                             cases=self._cases(i, j)))
        return out

    def _speaker_verb(self, k: int) -> bool:
        tok = self.toks[k]
        if self.lang == "en":
            return norm(tok.text) in self.idx.speaker_verbs
        lemma = self.idx.plural_or_impersonal_verb(tok.text)  # "заявили", "powiedziano": no other subject
        return lemma is not None and lemma in self.idx.speaker_verbs

    def _seat_speaks(self, prep: int, s: _Span, spans: list[_Span]) -> bool:
        """A seat of power after a place preposition, as the source of a verb of saying:
        "в Кремле заявили", "заявили в Кремле", "in the Kremlin they said"."""
        if not self.idx.speaker_verbs:
            return False
        covered = _covered(spans)
        sent = self.tok_sent[s.i]
        k, between = s.j, 0
        while k < len(self.toks) and between <= 2 and self.tok_sent[k] == sent:
            tok = self.toks[k]
            if self._speaker_verb(k):
                return True
            if k in covered or (tok.word and tok.cap and norm(tok.text) not in self.idx.speaker_pronouns) \
                    or (not tok.word and tok.text != ","):
                break  # another subject, or the clause ends
            between += tok.word
            k += 1
        if self.lang != "en":
            for k in (prep - 1, prep - 2):
                if k < 0 or self.tok_sent[k] != sent or not self.toks[k].word:
                    break
                if self._speaker_verb(k):
                    return True
                if self.toks[k].cap or k in covered:
                    break
        return False

    # -- pass: groups -----------------------------------------------------------------
    def _groups(self, spans: list[_Span]) -> list[_Span]:
        by_start = {s.i: s for s in spans}
        by_end = {s.j: s for s in spans}
        covered = _covered(spans)
        out: list[_Span] = []
        drop: set[int] = set()
        for s in spans:
            if id(s) in drop:
                continue
            possessive = self.lang == "en" and s.kind == "country" and s.via in ("name", "metonym") \
                and self.toks[s.j - 1].text.endswith(("'s", "’s"))
            if s.kind == "country" and (s.via == "adjective" or possessive):
                # adjective (or "Russia's") + (one modifier) + sector noun or institution
                for skip in (0, 1):
                    k = s.j + skip
                    if k >= len(self.toks) or (skip and (k - 1 in covered or not self.toks[k - 1].word)):
                        continue
                    if skip and not self._adjacent(s.j - 1, s.j):
                        continue
                    if not self._adjacent(k - 1, k):
                        continue
                    other = by_start.get(k) if k in covered else None
                    if k in covered and not (other is not None and other.kind == "org" and other.country != s.country):
                        continue
                    hit = self._group_phrase(k)
                    if hit and other is not None and not hit[2]:
                        continue
                    if hit:
                        end, spec, is_inst = hit
                        if other is not None:
                            # "brytyjski MON": the adjective says whose ministry it is
                            drop.add(id(other))
                            out = [x for x in out if x is not other]
                            end = max(end, other.j)
                        out.append(self._group_span(s.i, end, s.country, spec, is_inst))
                        covered.update(range(s.i, end))
                        break
                else:
                    out.append(s)
                continue
            out.append(s)
        out = [x for x in out if id(x) not in drop]
        # sector noun or institution + country name ("armia Rosji", "government of Russia")
        result = list(out)
        starts = {s.i: s for s in out}
        for k in range(len(self.toks)):
            if k in covered or not self.toks[k].word or self.toks[k].info.tables.isdisjoint(("sectors", "institutions")):
                continue
            hit = self._group_phrase(k)
            if not hit:
                continue
            end, spec, is_inst = hit
            nxt = end
            if nxt < len(self.toks) and norm(self.toks[nxt].text) in ("of", "the") and self.lang == "en":
                nxt += 1
                if nxt < len(self.toks) and norm(self.toks[nxt].text) == "the":
                    nxt += 1
            c = starts.get(nxt)
            if c is None or c.kind != "country" or c.via not in ("name", "metonym") or not self._adjacent(nxt - 1, nxt):
                continue
            if self.lang != "en" and c.cases and "gen" not in c.cases:
                continue
            result.remove(c)
            result.append(self._group_span(k, c.j, c.country, spec, is_inst))
            covered.update(range(k, c.j))
        del by_start, by_end
        return result

    def _group_phrase(self, k: int) -> tuple[int, dict, bool] | None:
        inst = self._phrase_at(self.idx.institutions, k, "institutions")
        sect = self._phrase_at(self.idx.sectors, k, "sectors")
        if inst and (not sect or inst[0] >= sect[0]):
            return inst[0], inst[1].spec, True
        if sect:
            return sect[0], sect[1].spec, False
        return None

    def _group_span(self, i: int, j: int, country: str, spec: dict, is_inst: bool) -> _Span:
        lemma = " ".join(self.toks[m].info.lemma for m in range(i, j) if self.toks[m].word)
        if is_inst:
            return _Span(i, j, "org", "institution", country=country, sector=spec.get("sector"),
                         name=spec.get("name"), lemma=lemma, cases=self._cases(i, j), title_country=country)
        return _Span(i, j, "group", "group", country=country, sector=spec.get("sector"), lemma=lemma,
                     cases=self._cases(i, j), title_country=country)

    # -- pass: first names after a full mention ---------------------------------------
    def _first_names(self, spans: list[_Span]) -> list[_Span]:
        covered = _covered(spans)
        people_seen: list[str] = []
        events = sorted(((s.i, s) for s in spans if s.actor is not None and s.actor.type == "person"), key=lambda t: t[0])
        ptr = 0
        out = list(spans)
        for k, tok in enumerate(self.toks):
            while ptr < len(events) and events[ptr][0] < k:
                aid = events[ptr][1].actor.id
                if aid not in people_seen:
                    people_seen.append(aid)
                ptr += 1
            if k in covered or not tok.cap or not tok.word:
                continue
            ids = {aid for key in tok.keys for aid in self.idx.forenames.get(key, ())}
            hits = [aid for aid in people_seen if aid in ids]
            if len(hits) != 1:
                continue
            a = self.kb.get(hits[0])
            j = k + 1
            # a patronymic right after the first name belongs to it; any other capitalised
            # word makes it another person's full name ("Siergiej Fiedotow")
            if j < len(self.toks) and j not in covered and self.toks[j].cap and self.toks[j].word \
                    and self._adjacent(j - 1, j):
                if not any(p.search(self.toks[j].text.lower()) for p in self.idx.patronymic):
                    continue
                j += 1
            out.append(self._actor_span(k, j, a, "coref", self.toks[k].info.lemma, self._cases(k, k + 1)))
            covered.update(range(k, j))
        return out

    # -- pass: unknown names ----------------------------------------------------------
    def _unknown_names(self, spans: list[_Span]) -> list[_Span]:
        covered = _covered(spans)
        headings = [(h.start, h.end) for h in self.article.headings]
        person_at = {s.i: s for s in spans if s.kind == "person" and s.actor is not None}
        other_bearers: set[str] = set()
        out = list(spans)
        k, n = 0, len(self.toks)
        while k < n:
            tok = self.toks[k]
            if k in covered or not tok.word or not tok.cap or not tok.text[0].isalpha():
                k += 1
                continue
            j = k + 1
            while j < n and j not in covered and self.toks[j].cap and self.toks[j].word \
                    and self.toks[j].text[0].isalpha() and self._adjacent(j - 1, j):
                j += 1
            seq = list(range(k, j))
            if self._sentence_start(k) and self.toks[k].info.known_common and not (
                    j == k + 1 and "surname" in tok.info.name_classes and j < n and self.idx.is_verb(self.toks[j].text)):
                seq = seq[1:]  # a capitalised ordinary word, unless a surname before its verb ("Kos powiedział")
            if self.lang == "en" and any(a <= tok.start < b for a, b in headings):
                seq = []
            if self.lang == "en" and len(seq) == 1 and self.toks[seq[0]].info.known_common \
                    and not (seq[0] > 0 and norm(self.toks[seq[0] - 1].text.rstrip(".")) in self.idx.honorifics):
                seq = []  # "August", "General": capitalised ordinary words, not names
            nxt = person_at.get(j)
            if seq and nxt is not None and nxt.via in ("surname", "coref") and self._adjacent(j - 1, j) and len(seq) <= 2:
                first = self.toks[seq[0]]
                if self._forename_fits(nxt.actor, first):
                    nxt.i = seq[0]  # a first name spelt differently from the KB's ("Aleksander Łukaszenka")
                    nxt.via = "name"
                else:  # another person with the same surname ("Piotr Protasiewicz")
                    other_bearers.add(nxt.actor.id)
                    nxt.i, nxt.actor, nxt.name, nxt.country, nxt.sector = seq[0], None, None, None, None
                    nxt.kind, nxt.via = "person", "unknown"
                    nxt.lemma = " ".join(self.toks[m].info.lemma for m in range(nxt.i, nxt.j))
                seq = []
            honorific = False
            if seq and norm(self.toks[seq[0]].text.rstrip(".")) in self.idx.honorifics:
                seq, honorific = seq[1:], True  # "Mr Price": the title says a person follows
            elif seq and seq[0] > 0 and norm(self.toks[seq[0] - 1].text) in self.idx.honorifics:
                honorific = True  # "pan Kos"
            if len(seq) == 1 and norm(self.toks[seq[0]].text) in self.idx.calendar_words:
                seq = []  # "Maj", "May": a month, not a name
            if seq:
                infos = [self.toks[m].info for m in seq]
                classes = {x.name_class for x in infos}
                if honorific:
                    kind = "person"
                elif all(self.toks[m].text.isupper() and len(self.toks[m].text) > 1 for m in seq):
                    kind = "org"  # an acronym ("NIK", "GUS") names an institution
                elif classes & {"forename", "surname"}:
                    kind = "person"
                elif "org" in classes:
                    kind = "org"
                elif "place" in classes and len(seq) == 1:
                    kind = "place"
                else:
                    kind = "unknown"
                lemma = " ".join(x.lemma for x in infos)
                out.append(_Span(seq[0], seq[-1] + 1, kind, "unknown", lemma=lemma,
                                 cases=self._cases(seq[0], seq[-1] + 1)))
            k = j
        if other_bearers:
            named_fully = {s.actor.id for s in out if s.actor is not None and s.via in ("name", "title+name") and s.j - s.i > 1}
            for s in out:
                if s.actor is not None and s.actor.id in other_bearers - named_fully and s.via in ("surname", "coref"):
                    s.actor, s.name, s.country, s.sector, s.via = None, None, None, None, "unknown"
        return out

    def _forename_fits(self, actor: Actor, tok: _Tok) -> bool:
        """Is this word one of the actor's first names, maybe spelt or inflected differently?"""
        from rapidfuzz.fuzz import ratio

        candidates = {fold(n.split()[0]) for names in actor.names.values() for n in names if len(n.split()) > 1}
        words = {fold(tok.text)} | {k for k in tok.keys}
        return any(w == c or ratio(w, c) >= 75 for w in words for c in candidates)


@lru_cache(maxsize=50_000)
def _form_tokens(form: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(form))


@lru_cache(maxsize=50_000)
def _acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and len(form) <= 8 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def _best_entry(entries: list[Entry]) -> Entry:
    order = {"name": 0, "abbreviation": 1, "surname": 2}
    return min(entries, key=lambda e: order.get(e.via, 3))


def _covered(spans: list[_Span]) -> set[int]:
    out: set[int] = set()
    for s in spans:
        out.update(range(s.i, s.j))
    return out


def document_actors(article: Article) -> list[dict]:
    """The eval format's ``actors``: each named person or organisation once, then every
    country the text names directly (by name, adjective, demonym, seat of power, or inside
    a title or group) once, as ``{name: null, country, sector: null}``. Places do not count.
    """
    named: dict[tuple, dict] = {}
    countries: dict[str, dict] = {}
    for m in article.mentions:
        if m.kind in ("person", "org") and m.name and (m.actor_id or m.country) and m.via != "occasion":
            key = (m.actor_id or m.name.lower(), m.country)
            named.setdefault(key, {"name": m.name, "country": m.country, "sector": m.sector})
        bare = None
        if m.kind in ("country", "group"):
            bare = m.country
        elif m.via in ("title", "title+name", "title+unknown", "counterpart", "institution"):
            bare = m.country
        if bare and bare != "IGO":
            countries.setdefault(bare, {"name": None, "country": bare, "sector": None})
    return list(named.values()) + list(countries.values())
