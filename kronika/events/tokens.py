"""A sentence as the event stage sees it: tokens with lemmas, clauses, actor groups.

An actor group is one noun phrase that names actors ("prezydent Rosji Władimir Putin" may
be two mentions, one participant); its role comes from the preposition before it and the
case of its first word.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kronika.lang import get_morphology, tokenize
from kronika.model import ActorRef, Mention, Sentence

_NOMINAL = {"noun", "propn", "adj", "ger", "num", "pron"}
_NAME_OF_ACTOR = {"place", "org"}
_PUNCT_BOUNDARY = {",", ";", ":", "(", ")", "–", "—", "-", '"', "„", "”", "“", "«", "»", "?", "!", "…"}


@dataclass
class Tok:
    i: int
    start: int  # offsets in Article.clean
    end: int
    text: str
    lower: str
    keys: frozenset[str]  # lemmas + lower-cased form
    analyses: tuple = ()
    mention: int = -1  # index of the actor group covering it, -1 if none
    is_word: bool = True

    def has_pos(self, pos: str) -> bool:
        wanted = {"noun": {"noun", "ger", "propn"}, "verb": {"verb"}}.get(pos, {pos})
        return any(a.pos in wanted for a in self.analyses) or not self.analyses

    def cases(self) -> set[str]:
        readings = self.analyses
        # "Chiny" the country, not "china"; but a stray person-name reading (uk "НАТО" as the
        # vocative of a forename) must not hide the word's own cases
        if self.text[:1].isupper() and any(a.pos == "propn" and a.name_class in _NAME_OF_ACTOR for a in readings):
            readings = [a for a in readings if a.pos == "propn" and a.name_class in _NAME_OF_ACTOR]
        return {c for a in readings if a.pos in _NOMINAL for c in a.cases}

    def verb_readings(self):
        return [a for a in self.analyses if a.pos == "verb"]


@dataclass
class Group:
    """One participant phrase: a run of mentions with only nominal words between them."""

    first: int  # token index where the phrase begins (title words included)
    last: int  # last token index
    actors: list[ActorRef]
    mentions: list[Mention]
    cases: set[str] = field(default_factory=set)
    prep: str | None = None
    kind: str = ""  # kind of the most specific mention (person > org > ... > place)
    chain: int = -1  # coordination chain id: "X i Y" share one


@dataclass
class SentenceView:
    index: int
    sentence: Sentence
    lang: str
    toks: list[Tok]
    clause_of: list[int]
    groups: list[Group]


@lru_cache(maxsize=200_000)
def _analyse(lang: str, word: str):
    return tuple(get_morphology(lang).analyse(word))


@lru_cache(maxsize=200_000)
def _word(lang: str, text: str) -> tuple[str, bool, tuple, frozenset[str]]:
    """(lower, is_word, analyses, keys) of a token text: the same word recurs in every sentence."""
    lower = text.lower()
    is_word = text[0].isalnum()
    analyses = _analyse(lang, text.replace("’", "'").replace("ʼ", "'") if lang == "uk" else text) if is_word else ()  # uk dictionary spells the apostrophe '
    if is_word and not analyses and text != lower:
        analyses = _analyse(lang, lower)
    # news prose seldom speaks in imperatives: "tłum" is a crowd, not "suppress!"
    plain = tuple(a for a in analyses if a.tense != "imperative")
    analyses = plain or analyses
    keys = {lower} | {a.lemma.lower() for a in analyses}
    keys |= {k.replace("ё", "е") for k in keys if "ё" in k}  # Russian writes ё or е
    return lower, is_word, analyses, frozenset(keys)


def make_tokens(sentence: Sentence, lang: str) -> list[Tok]:
    toks = []
    for n, t in enumerate(tokenize(sentence.text)):
        lower, is_word, analyses, keys = _word(lang, t.text)
        toks.append(Tok(n, sentence.start + t.start, sentence.start + t.end, t.text, lower, keys, analyses, -1, is_word))
    return toks


_RANK = {"person": 0, "org": 1, "group": 2, "title": 3, "country": 4, "unknown": 5, "place": 6}


def _actor(m: Mention) -> ActorRef:
    if m.kind == "place":  # a city as an actor stands for its country ("w Baku zatrzymano")
        return ActorRef(name=None, country=m.country, sector=None, actor_id=None, start=m.start, end=m.end)
    return ActorRef(name=m.name, country=m.country, sector=m.sector, actor_id=m.actor_id, start=m.start, end=m.end)


def build_groups(toks: list[Tok], mentions: list[Mention], lang: str, grammar) -> list[Group]:
    """Merge adjacent mentions into participant phrases and read their preposition and case.
    ``grammar`` is a ``kronika.events.roles.RoleGrammar``."""
    glue, preps, coordinators, dets = grammar.glue, tuple(grammar.preps), list(grammar.coordinators), grammar.determiners
    spans = []
    for m in sorted(mentions, key=lambda m: m.start):
        if not (m.country or m.actor_id):
            continue
        idx = [t.i for t in toks if t.start < m.end and t.end > m.start]
        if idx:
            spans.append((idx[0], idx[-1], m))
    groups: list[Group] = []
    for a, b, m in spans:
        if groups:
            g = groups[-1]
            between = toks[g.last + 1:a]
            apposition = m.kind in ("org", "person") and _adjective_head_apposition(toks, g, between, lang)
            joined = a <= g.last or apposition or (len(between) <= 2 and all(
                _is_glue(t, lang, glue) or (t.is_word and t.text[0].isupper()) for t in between))
            if joined and a > g.last and lang != "en" and not apposition:
                # one phrase only if the next name is in apposition (same case) or a genitive
                # modifier: "premier Armenii Nikol Paszynian", not "agencji Reutera | Chiny"
                head_cases, next_cases = toks[g.first].cases(), toks[a].cases()
                joined = not head_cases or not next_cases or bool(head_cases & next_cases) or "gen" in next_cases
            # two different people are two participants, never one phrase: "z Zełenskim | premier Tusk"
            people = {x.actor_id for x in g.mentions + [m] if x.kind == "person" and x.actor_id}
            if joined and a > g.last and len(people) > 1 and m.kind == "person" and m.actor_id:
                joined = False
            if joined:
                g.last = max(g.last, b)
                g.mentions.append(m)
                continue
        groups.append(Group(first=a, last=b, actors=[], mentions=[m]))
    for gi, g in enumerate(groups):
        # title words right before the first mention belong to the phrase ("z prezydentem Rosji")
        lo = groups[gi - 1].last + 1 if gi else 0
        while g.first - 1 >= lo and g.mentions[0].start - toks[g.first - 1].start < 40 \
                and _is_glue(toks[g.first - 1], lang, glue) and not _prep_at(toks, g.first - 1, preps):
            g.first -= 1
        for t in toks[g.first:g.last + 1]:
            t.mention = gi
        g.mentions.sort(key=lambda m: _RANK.get(m.kind, 5))
        g.kind = g.mentions[0].kind
        by_country: dict = {}
        for m in g.mentions:
            if m.kind == "place" and len(g.mentions) > 1:
                continue
            key = m.country or m.actor_id
            if key in by_country and by_country[key].name:
                continue
            if key in by_country and not m.name:
                continue
            by_country[key] = _actor(m)
        g.actors = list(by_country.values())
        g.prep = _prep_before(toks, g.first, preps, dets)
        g.cases = _group_cases(toks, g, lang)
        # "wsparcie Moskwy": a genitive right after a common noun is its attribute, not a subject
        prev = toks[g.first - 1] if g.first > 0 else None
        if lang != "en" and g.prep is None and "gen" in g.cases and prev is not None and prev.mention < 0 \
                and prev.analyses and not prev.verb_readings() and any(a.pos in ("noun", "ger") for a in prev.analyses) \
                and not (prev.keys & grammar.quantity_words) and not _subject_of_next_verb(toks, g):
            g.cases = {"gen"}
        # "tysiące Gruzinów", "thousands of Georgians": the quantity's case is the phrase's
        q = g.first - (2 if g.prep == "of" else 1)
        if q >= 0 and (toks[q].lower in grammar.quantity_words or toks[q].keys & grammar.quantity_words):
            if g.prep == "of":
                g.prep = None
            g.cases = g.cases | toks[q].cases() | ({"nom"} if lang != "en" and not toks[q].cases() else set())
    _chain(toks, groups, coordinators, dets)
    return groups


def _genders(readings) -> set[str]:
    return {x for a in readings if a.gender for x in a.gender.split(".")}


def _subject_of_next_verb(toks: list[Tok], g: Group) -> bool:
    """"rozmowy Łukaszenka ostrzegł": a nominative reading agreeing in gender with the past
    verb right after the phrase makes it the subject after all ("Wsparcie Moskwy pomogło" does not)."""
    if g.last + 1 >= len(toks):
        return False
    verbs = toks[g.last + 1].verb_readings()
    if verbs and not toks[g.first].analyses:
        return True  # a name the analyser does not know, right before its verb
    nom = _genders([a for a in toks[g.first].analyses if "nom" in a.cases])
    return bool(_genders(verbs) & nom)


def _adjective_head_apposition(toks: list[Tok], g: "Group", between: list[Tok], lang: str) -> bool:
    """"rosyjskiej tuby propagandowej Sputnik", "białoruski opozycjonista X": a nationality
    adjective, the noun it qualifies (with its own adjectives, in the same case) and the
    name of a body or person after it are one participant (a place after it is the noun's
    object: "rosyjskiego ostrzału Chersonia")."""
    if lang == "en" or not between or len(between) > 2 or not all(m.via == "adjective" for m in g.mentions):
        return False
    cases = toks[g.last].cases()
    return bool(cases) and all(t.is_word and t.text[:1].islower() and t.analyses
                               and any(a.pos in ("noun", "adj") and cases & set(a.cases) for a in t.analyses)
                               for t in between) and any(a.pos == "noun" for t in between for a in t.analyses)


def _is_glue(t: Tok, lang: str, glue: frozenset[str]) -> bool:
    """Title and function words that sit inside a participant phrase, never triggers."""
    if not t.is_word:
        return False
    return t.lower in glue or bool(t.keys & glue)


@lru_cache(maxsize=64)
def _preps_by_last_word(preps: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list] = {}
    for p in preps:  # longest first, kept in that order
        out.setdefault(p[-1], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _prep_at(toks: list[Tok], i: int, preps) -> str | None:
    for p in _preps_by_last_word(tuple(preps)).get(toks[i].lower, ()):
        n = len(p)
        if i - n + 1 >= 0 and tuple(t.lower for t in toks[i - n + 1:i + 1]) == p:
            return " ".join(p)
    return None


def _prep_before(toks: list[Tok], first: int, preps, dets: frozenset[str]) -> str | None:
    i = first - 1
    # determiners, numerals and adjectives may stand between ("to the Russian", "w kilku
    # rosyjskich miastach", "na sąsiednią Ukrainę")
    skipped, det_seen = 0, first < len(toks) and toks[first].lower in dets
    head_cases = toks[first].cases() if first < len(toks) else set()
    while i >= 0 and skipped < 3 and toks[i].is_word and not _prep_at(toks, i, preps) and (
            toks[i].lower in dets or (toks[i].analyses and all(a.pos in ("adj", "num", "pron") for a in toks[i].analyses))):
        if head_cases and toks[i].cases() and not head_cases & toks[i].cases():
            return None  # "при этом Украина": the pronoun is the preposition's own object, in its own case
        if toks[i].lower in dets:
            if det_seen:
                return None  # "after that the army": a phrase has one determiner, the first one closed another
            det_seen = True
        i -= 1
        skipped += 1
    return _prep_at(toks, i, preps) if i >= 0 else None


def _group_cases(toks: list[Tok], g: Group, lang: str) -> set[str]:
    """Case of the phrase = case of its first word (Polish phrases are head-first:
    "premierem Armenii" is instrumental); the linker's cases when the word is unknown."""
    if lang == "en":
        return set()
    cases = toks[g.first].cases()
    after = toks[g.last + 1] if g.last + 1 < len(toks) else None
    if cases and after is not None and after.mention < 0 and all(a.pos == "adj" for a in toks[g.last].analyses if a.cases):
        # an adjective names the actor ("na rosyjskich subsydiach"): its noun fixes the case
        noun = {c for a in after.analyses if a.pos in ("noun", "ger") for c in a.cases}
        if noun & cases:
            return noun & cases
    person = next((m for m in g.mentions if m.kind == "person" and m.start == toks[g.first].start), None)
    if cases and person is not None and person.cases:
        # a KB surname the dictionary also reads as a common word ("Токаев": gen. pl. of "токай")
        return cases | set(person.cases)
    if cases:
        return cases
    for m in g.mentions:
        if m.cases:
            return set(m.cases)
    return set()


def _chain(toks: list[Tok], groups: list[Group], coordinators, dets) -> None:
    chain = 0
    for gi, g in enumerate(groups):
        if gi and _coordinated(toks, groups[gi - 1], g, coordinators, dets):
            g.chain = groups[gi - 1].chain
            if g.prep is None:
                g.prep = groups[gi - 1].prep
                if not g.cases & groups[gi - 1].cases:
                    g.cases = set(groups[gi - 1].cases) or g.cases
        else:
            chain += 1
            g.chain = chain


def _coordinated(toks: list[Tok], a: Group, b: Group, coordinators, dets) -> bool:
    between = tuple(t.lower for t in toks[a.last + 1:b.first] if t.lower not in dets)
    if not between:
        return False
    bare_comma = all(w == "," for w in between)
    if between in coordinators and not bare_comma:
        return True
    # "X, Y i Z": a comma chain ending in a coordinator
    if not (len(between) <= 3 and all(w in (",",) or (w,) in coordinators for w in between)):
        return False
    if not bare_comma:
        return True
    # a bare comma: "Według X, Iran ..." sets off a phrase, it does not list; a list member
    # shares the case of the one before or is followed by more of the list
    if a.cases and b.cases and not a.cases & b.cases:
        return False
    if a.prep is not None and b.prep is None or a.prep is None and b.prep is not None:
        nxt = [t.lower for t in toks[b.last + 1:b.last + 3] if t.lower not in dets]
        return bool(nxt) and (nxt[0],) in coordinators
    return True
