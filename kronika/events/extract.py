"""The event stage: sentences with linked actors -> PLOVER events with evidence.

``make_extractor()`` returns a picklable callable ``Article -> Article`` that fills
``article.events``. Per sentence: find triggers (data), give each its source and target
from grammar, read its modality, date it against the document date, and keep the sentence
and character spans as evidence.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from kronika.errors import UnknownLanguageError
from kronika.events.modality import load_modality, read_modality
from kronika.events.roles import MATERIAL, Roles, _participle, assign_roles, chain_of, load_role_grammar, norm_prep
from kronika.events.tokens import _PUNCT_BOUNDARY, Group, SentenceView, build_groups, make_tokens
from kronika.events.triggers import SYMMETRIC_TYPES, TriggerMatch, find_triggers, load_triggers
from kronika.model import ActorRef, Article, Event, Mention, Place

log = logging.getLogger("kronika")

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# How far a demand, promise or refusal reaches over the act it names ("zażądał przeprosin").
GOVERN_REACH = 6
# News records what happens now: an event the text dates this many years before publication
# is history it recalls, better told by sources of its own time.
HISTORY_YEARS = 5
TOPIC_REACH = 25  # "rozmawiali o X, Y i Z, w tym o W": topics of talks run on
_UNDATED_KINDS = ("duration", "anaphoric", "deadline", "since")
# Types whose recipient the news often leaves unnamed (a deployment, a threat, an arrest of
# unnamed people, a refusal, a resignation, a demonstration).
TARGET_OPTIONAL = frozenset({"MOBILIZE", "THREATEN", "COERCE", "REJECT", "RETREAT", "PROTEST", "CONCEDE"})
SOURCE_OPTIONAL = frozenset({"ASSAULT", "COERCE"})
# Acts a state's own organs report about themselves ("poinformowało o zatrzymaniu", "reported
# the downing of"): the reporter is the agent when the noun names none.
# (type, mode); mode None = any. Only acts whose noun takes its patient in the genitive
# ("zestrzelenie dronów", "aresztowanie mężczyzny"); "atak dronów" names the attacker.
REPORTED_BY_ITS_AGENT = frozenset({("COERCE", None), ("ASSAULT", "aerial")})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
# Verbal acts whose addressee may be an ordinary noun ("the parties", "the West"): coded
# with no target when the trigger's own frame holds one.
ADDRESSEE_OPEN = frozenset({"REQUEST"})
DOMESTIC_TARGET = frozenset({"PROTEST", "COERCE"})
# Conflict acts announced for the future are threats; the mode names what is threatened.
THREAT_CONTENT = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations", "PROTEST": "restrict"}


class Extractor:
    """Callable stage; holds only names, so it pickles and rebuilds its caches on a worker."""

    name = "events"
    reads = ("sentences", "language", "published", "mentions", "clean")
    writes = ("events",)

    def __init__(self, languages: tuple[str, ...] = ("pl", "en", "ru", "uk")) -> None:
        self.languages = tuple(languages)

    def __call__(self, article: Article) -> Article:
        lang = article.language or article.declared_language
        if lang not in self.languages or not _has_data(lang):
            log.info("events: no trigger data for language %r in %s; no events", lang, article.id)
            article.events = []
            return article
        article.events = extract_events(article, lang)
        return article


def make_extractor(languages: tuple[str, ...] = ("pl", "en", "ru", "uk")) -> Extractor:
    return Extractor(languages)


@lru_cache(maxsize=None)
def _has_data(lang: str) -> bool:
    try:
        load_triggers(lang)
        load_role_grammar(lang)
        load_modality(lang)
    except UnknownLanguageError:
        return False
    return True


# --- per sentence ----------------------------------------------------------------------

def sentence_view(article: Article, index: int, lang: str, mentions: list[Mention]) -> SentenceView:
    grammar = load_role_grammar(lang)
    sent = article.sentences[index]
    toks = make_tokens(sent, lang)
    groups = build_groups(toks, mentions, lang, grammar)
    return SentenceView(index, sent, lang, toks, _clauses(toks, grammar, groups), groups)


def _clauses(toks, grammar, groups=()) -> list[int]:
    """Clause index per token; a boundary token opens the clause it belongs to, and a run of
    boundaries (", że", ": „") opens one clause, not several."""
    clause, out, prev_boundary = 0, [], False
    for i, t in enumerate(toks):
        boundary = False
        if t.text in _PUNCT_BOUNDARY:
            # a comma inside a list of actors ("Łotwą, Litwą i Polską") does not end a clause
            inside_list = t.text == "," and 0 < i < len(toks) - 1 and toks[i - 1].mention >= 0 and (
                toks[i + 1].mention >= 0
                # "the US, Russia, and Switzerland": a serial comma before the last coordinator
                or i + 2 < len(toks) and (toks[i + 1].lower,) in grammar.coordinators and toks[i + 2].mention >= 0)
            if inside_list and groups and toks[i + 1].mention >= 0:
                # "Według X, Iran ...": only a comma between members of one list is inside it
                left, right = groups[toks[i - 1].mention], groups[toks[i + 1].mention]
                inside_list = left is right or left.chain == right.chain
            boundary = not inside_list
        elif t.lower in grammar.clause_openers and i > 0:
            boundary = True
        if boundary and i > 0 and not prev_boundary:
            clause += 1
        prev_boundary = boundary
        out.append(clause)
    return out


def _mentions_by_sentence(article: Article) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = {}
    for m in article.mentions:
        si = m.sentence
        if si < 0:
            si = next((k for k, s in enumerate(article.sentences) if s.start <= m.start < s.end), -1)
        if si >= 0:
            out.setdefault(si, []).append(m)
    return out


def extract_events(article: Article, lang: str) -> list[Event]:
    lexicon = load_triggers(lang)
    grammar = load_role_grammar(lang)
    cues = load_modality(lang)
    by_sentence = _mentions_by_sentence(article)
    events: list[tuple[Event, bool]] = []
    previous_subject: list[Group] | None = None
    paragraph = None
    context: dict = {}  # what earlier sentences established: "dated" = last explicitly dated past event
    has_body = any(not s.is_heading for s in article.sentences)
    for si, sent in enumerate(article.sentences):
        if sent.paragraph != paragraph:
            previous_subject, paragraph = None, sent.paragraph
        mentions = by_sentence.get(si, [])
        if sent.is_heading and has_body:
            continue  # headlines repeat the body's events in telegraphic form (a text of one line is all headline)
        view = sentence_view(article, si, lang, mentions)
        # "Dziękuję ci, Władimirze": who is spoken to is the subject of later second-person verbs
        # (found before this sentence's events: the vocative may open the same quote)
        addressed = [g for g in view.groups if g.prep is None and "voc" in g.cases and g.kind == "person"]
        if addressed:
            context["addressee"] = addressed
        found = _sentence_events(article, view, lexicon, grammar, cues, previous_subject, context)
        after_history = context.get("history") == sent.paragraph and not _has_time_expression(view)
        found, history = _without_history(found, article.published, after_history)
        context["history"] = sent.paragraph if history else None
        events.extend(found)
        subj = _main_subject(view)
        if subj:
            previous_subject = subj
    return _one_event_per_occasion(_dedupe(events), article.published, context.get("told_by_verb", set()))


def _without_history(found: list[tuple[Event, bool]], published: str | None,
                     after_history: bool) -> tuple[list[tuple[Event, bool]], bool]:
    """Drop history the article recalls ("the aggression began in August 2008" in 2020): an
    event dated more than HISTORY_YEARS before publication, and, right after such a sentence
    in one paragraph, undated ones ("It began with ..."), which the narrative still places
    there. Returns the kept events and whether this sentence told history."""
    if not published or not found:
        return found, False
    limit = int(published[:4]) - HISTORY_YEARS
    old = [e.date is not None and int(e.date[:4]) < limit or after_history for e, _ in found]
    if any(old):
        log.debug("events: %d recalled as history before %d", sum(old), limit)
    kept = [pair for pair, is_old in zip(found, old) if not is_old]
    return kept, any(old) and not kept


def _relative_clause(view: SentenceView, clause: int) -> bool:
    first = next((t for t in view.toks if view.clause_of[t.i] == clause and t.is_word), None)
    return first is not None and first.lower in load_role_grammar(view.lang).relative_openers


def _has_time_expression(view: SentenceView) -> bool:
    tm = _time_module()
    try:
        return tm is not None and bool(tm.find_time_expressions(view.sentence.text, view.lang))
    except Exception:  # a grammar error must not lose the event
        log.warning("events: time expressions failed in sentence %d", view.index, exc_info=True)
        return False


def _main_subject(view: SentenceView) -> list[Group] | None:
    for g in view.groups:
        if g.prep is None and g.kind in ("person", "country", "org", "group", "title") and (view.lang == "en" or "nom" in g.cases):
            return [h for h in view.groups if h.chain == g.chain]
    return None


def _context_ok(view: SentenceView, match: TriggerMatch, lexicon) -> bool:
    name = match.entry.only_with
    if not name or name == "future":
        return True
    words = lexicon.contexts.get(name, frozenset())
    clause = view.clause_of[match.head]
    lo, hi = max(0, match.head - 8), min(len(view.toks), match.head + 9)
    lo = min(lo, next((j for j in range(len(view.toks)) if view.clause_of[j] >= clause - 1), lo))
    return any(view.toks[j].keys & words for j in range(lo, hi)
               if view.clause_of[j] in (clause, clause - 1) or abs(j - match.head) <= 3)


def _sentence_events(article, view, lexicon, grammar, cues, previous_subject, context=None) -> list[tuple[Event, bool]]:
    out: list[tuple[Event, bool]] = []
    consumed: set[int] = set()
    governors: list[tuple] = []  # (head, clause, event, topic only) of demands, promises, refusals, talks
    verb_heads: list[int] = []  # heads of event verbs seen so far in the sentence
    for cands in find_triggers(view.toks, lexicon, view.clause_of):
        head = cands[0].head
        if head in consumed:
            continue
        gov = _governor(view, head, governors, grammar)
        for match in cands:
            if any(i in consumed for i in match.tokens):
                continue
            entry = match.entry
            if not _context_ok(view, match, lexicon):
                continue
            if not _predicative(view, head, entry):
                continue
            if entry.type in MATERIAL and _reporting_verb(view, head, grammar):
                continue  # "... – przekazał gubernator": a speech verb after a quote reports, it hands nothing over
            if _finite_verb(view, head) and head not in verb_heads:
                verb_heads.append(head)  # an event verb, coded or not, takes the nouns after it as objects
            reading = read_modality(view, head, match.tokens, cues)
            if entry.only_with == "future" and reading.modality != "planned":
                continue
            if reading.modality == "hypothetical" and entry.type != "THREATEN":
                consumed.update(match.tokens)
                break
            roles = assign_roles(view, head, entry, grammar, previous_subject)
            if (entry.type, entry.mode) in REPORTED_BY_ITS_AGENT or (entry.type, None) in REPORTED_BY_ITS_AGENT:
                if not roles.source and not _verbal(view, head):
                    reporter = _reporter_of(view, head, grammar)
                    if reporter:
                        # "MON Rosji poinformowało o zestrzeleniu dronów": a state organ reports its own act
                        roles.source, roles.source_from = reporter, "speaker"
                        roles.target = [g for g in roles.target if g not in reporter]
            if entry.type == "PROTEST" and not roles.source:
                # "thousands blocked streets in Hong Kong": unnamed protesters are the place's people
                where = {p for p, _ in grammar.locative_frames}
                roles.source = [g for g in view.groups if view.clause_of[g.first] == view.clause_of[head] and (
                    g.kind == "place" or g.kind == "country" and norm_prep(g.prep) in where)][:1]
                roles.target = [g for g in roles.target if g not in roles.source]  # a protest in a town is not against it
                roles.source_from = "locative" if roles.source else roles.source_from
            if context and context.get("addressee") and _second_person(view, head) \
                    and roles.source_from not in ("clause", "agent"):
                # "przekazaliście Białorusi": "you" is the one addressed, not the last subject
                roles.source, roles.source_from = list(context["addressee"]), "addressee"
                roles.target = [g for g in roles.target if g not in roles.source]
            if entry.governs and not (roles.source and _sides_ok(entry.type, roles)):
                # a demand or threat nobody is named for still makes its content no event
                governors.append((head, view.clause_of[head], _NO_EVENT, entry.governs_topic))
            if not roles.source and not roles.target:
                continue
            if entry.needs_actor == "target" and not roles.target:
                continue
            if entry.needs_actor == "source" and not roles.source:
                continue
            type_, modality, mode = entry.type, reading.modality, entry.mode
            if modality == "hypothetical":
                modality = "asserted"
            if modality == "planned" or (type_ in COOPERATIVE and reading.promised):
                _speaker_as_source(view, head, roles, grammar)
            if entry.judgement:
                _speaker_judges(view, head, roles, grammar)
            if type_ in COOPERATIVE and (modality == "planned" or (reading.promised and _infinitive(view, head))):
                type_, modality = "AGREE", "asserted"  # PLOVER: a promise of cooperation is an AGREE
            elif type_ == "RETREAT" and modality == "planned":
                type_, modality = "CONCEDE", "asserted"  # PLOVER: announced retreats are CONCEDE
            elif type_ == "THREATEN" and modality == "planned":
                modality = "asserted"  # a threat is made when it is uttered ("Moskwa odpowie na sankcje")
            elif type_ in THREAT_CONTENT and modality == "planned":
                # PLOVER: a conflict act announced for the future is a threat of it
                type_, modality, mode = "THREATEN", "asserted", THREAT_CONTENT[type_]
            if not roles.target and roles.source_from == "carried" and out:
                # "X obarczył winą Rosję, zażądał przeprosin": coordinated predicates share the object
                prev = out[-1][0]
                if prev.target and {a.country for a in prev.source} == {a.country for g in roles.source for a in g.actors}:
                    roles.target_refs = prev.target
            if roles.source_from in ("clause", "carried") and _object_of_verb_trigger(view, head, roles, verb_heads):
                roles.source, roles.source_from = [], ""  # "Francja potępiła atak": the attack is not France's
            if (type_ == "ASSAULT" or (type_ == "CONSULT" and mode == "visit")) and roles.source \
                    and not roles.target and not roles.target_refs:
                roles.target_refs = _place_target(view, match, roles)  # attacked town, visited city
            if not _sides_ok(type_, roles, _verbal(view, head) or _reported_subject(view, head)):
                if entry.governs and roles.source:
                    governors.append((head, view.clause_of[head], _NO_EVENT, entry.governs_topic))
                continue
            if gov is not None and not (view.lang != "en" and _adverbial(view, head, grammar)):
                # the content of a demand, promise or refusal is not an event of its own
                # ("podczas wizyty" after a promise is when it was made, not what was promised)
                if gov is not _NO_EVENT and not gov.target and roles.target:
                    gov.target = _refs(roles.target)
                # a demand or promise has one act as its content; talks may have many topics
                governors[:] = [g for g in governors if g[2] is not gov or g[3]]
                consumed.update(match.tokens)
                break
            # a promise made an AGREE is dated when it was made, not by its deadline ("do końca roku")
            dating = "planned" if reading.modality == "planned" and modality != "planned" else modality
            event = _event(article, view, match, type_, modality, roles, mode, context, dating)
            if not event.source and not event.target:
                continue
            out.append((event, _finite_verb(view, head)))
            if context is not None and _verbal(view, head):
                context.setdefault("told_by_verb", set()).add(id(event))  # a verb form tells an act anew
            if context is not None and event.date:
                context.setdefault("told", []).append((event.type, event.date))  # for "after the meeting" later on
            consumed.update(match.tokens)
            if entry.governs:
                governors.append((head, view.clause_of[head], event, entry.governs_topic))
            break
    return out


# A governor that was not coded itself (no recipient named) still absorbs its content.
_NO_EVENT = Event(type="", source=[], target=[])


_QUOTE_ENDS = frozenset({"–", "—", "-", ",", "”", "\"", "»", ":"})


def _reporting_verb(view: SentenceView, head: int, grammar) -> bool:
    """A speech verb right after a dash, comma or closing quote ("..." – przekazał X), or
    right before "że" ("przekazał, że ...") introduces or closes a report."""
    tok = view.toks[head]
    if not tok.keys & grammar.speech_verbs:
        return False
    before = view.toks[head - 1].text if head >= 2 else ""  # a dash opening the sentence opens a quote
    after = [t.lower for t in view.toks[head + 1:head + 3]]
    return before in _QUOTE_ENDS or bool(set(after) & (grammar.clause_openers - grammar.relative_openers))


def _object_of_verb_trigger(view: SentenceView, head: int, roles: Roles, verb_heads: list[int]) -> bool:
    """A noun trigger after another event verb is that verb's object, so the verb's subject
    is not its agent ("Serbia condemned the attack"), whether or not the verb was coded."""
    if _finite_verb(view, head) or not roles.source:
        return False
    subject_end = max(g.last for g in roles.source)
    return any(subject_end < t < head and view.clause_of[t] == view.clause_of[head] for t in verb_heads)


def _reporter_of(view: SentenceView, head: int, grammar) -> list[Group]:
    """The state organ or official whose report names the event noun at ``head``: "X
    poinformował o zestrzeleniu", "X wspomniał o aresztowaniu", "X reported the arrest"."""
    toks, j = view.toks, head - 1
    while j >= 0 and head - j <= 3 and (toks[j].lower in grammar.determiners or toks[j].analyses
                                        and all(a.pos in ("adj", "num") for a in toks[j].analyses)):
        j -= 1
    if j >= 0 and (toks[j].lower,) in grammar.topic_preps:
        j -= 1
    if j < 0 or not toks[j].keys & grammar.speech_verbs:
        return []
    clause = view.clause_of[j]
    for g in reversed(view.groups):
        if g.last < j and view.clause_of[g.last] == clause and g.prep is None and g.actors \
                and (view.lang == "en" or not g.cases or "nom" in g.cases):
            if all(a.sector in _STATE_SECTORS or a.sector is None for a in g.actors):
                return chain_of(view, g)
            return []
    return []


def _place_target(view: SentenceView, match: TriggerMatch, roles: Roles) -> list[ActorRef]:
    """An attack on a town is an attack on its country: "shelled Kharkiv", "ataki na Gandżę"."""
    pm = _places_module()
    if pm is None:
        return []
    own = {a.country for g in roles.source for a in g.actors}
    end = view.toks[max(match.tokens)].end - view.sentence.start
    for p in pm.find_places(view.sentence.text, view.lang):
        if p.start >= end and p.country and p.country not in own:
            return [ActorRef(name=None, country=p.country, sector=None, start=view.sentence.start + p.start,
                             end=view.sentence.start + p.end)]
    return []


def _sides_ok(type_: str, roles: Roles, verbal: bool = True) -> bool:
    """Precision rules from PLOVER's recipients: most types are directed at someone, and an
    event nobody did is coded only for violence and repression reported by a verb ("został
    zatrzymany", "were shelled"); a bare noun with no agent ("the occupation") is background."""
    if not roles.source:
        return type_ in SOURCE_OPTIONAL and bool(roles.target) and verbal
    if roles.target or roles.target_refs or type_ in TARGET_OPTIONAL:
        return True
    if type_ in ADDRESSEE_OPEN and roles.open_object:
        return True  # "wezwał strony do rozejmu": asked someone no actor names
    # a meeting or agreement among several parties named together
    return type_ in SYMMETRIC_TYPES and len({a.country for g in roles.source for a in g.actors}) > 1


def _governor(view: SentenceView, head: int, governors, grammar) -> Event | None:
    for g_head, g_clause, event, topic_only in reversed(governors):
        reach = TOPIC_REACH if topic_only else GOVERN_REACH
        if g_head < head <= g_head + reach and view.clause_of[head] in (g_clause, g_clause + 1):
            if view.clause_of[head] == g_clause and not _verbal(view, g_head) and _verbal(view, head):
                continue  # "эти обвинения отвергли": the noun is the verb's object, not its governor
            if view.clause_of[head] == g_clause and _finite_verb(view, g_head) and _finite_verb(view, head) \
                    and any((t.lower,) in grammar.coordinators for t in view.toks[g_head + 1:head]):
                continue  # "odrzucił żądanie i oskarżył Warszawę": a second predicate, not the content
            if topic_only and not _after_topic_prep(view, g_head, head, grammar):
                continue
            return event
    return None


def _after_topic_prep(view: SentenceView, g_head: int, head: int, grammar) -> bool:
    words = [t.lower for t in view.toks[g_head + 1:head]]
    return any(tuple(words[k:k + len(p)]) == p for p in grammar.topic_preps for k in range(len(words)))


def _verbal(view: SentenceView, head: int) -> bool:
    """The trigger is a verb form (finite, participle or infinitive), not a noun."""
    if view.lang == "en":
        from kronika.events.roles import _en_verbish

        return _en_verbish(view, head, load_role_grammar("en"))
    tok = view.toks[head]
    return bool(tok.verb_readings()) or _participle(tok)


def _reported_subject(view: SentenceView, head: int) -> bool:
    """"Atak drona uszkodził samolot": an event noun that is the subject of its clause (first
    nominal, nominative, a finite verb after it) is reported as having happened, even with no
    agent named; a noun elsewhere ("po ataku", "potępił atak") is not."""
    if view.lang == "en":
        return False
    toks, clause = view.toks, view.clause_of[head]
    grammar = load_role_grammar(view.lang)
    if head >= 2 and toks[head - 1].lower in grammar.occurrence_preps and toks[head - 2].keys & grammar.occurrence_verbs:
        return True  # "doszło do ataku": the attack took place
    if _casualties_of(view, head, grammar):
        return True  # "w ataku na Kijów zginęło 12 osób": the attack took place
    if "nom" not in toks[head].cases():
        return False
    for t in toks[:head]:
        if view.clause_of[t.i] != clause or not t.is_word:
            continue
        if not t.analyses or not all(a.pos in ("adj", "pron", "num") for a in t.analyses):
            return False  # a noun, verb or preposition before it: not the clause's subject
    return any(view.clause_of[t.i] == clause and any(a.tense in ("past", "present", "future") for a in t.verb_readings())
               for t in toks[head + 1:])


def _casualties_of(view: SentenceView, head: int, grammar) -> bool:
    """The event noun sits in a phrase of cause ("w ataku", "w wyniku ostrzału") and its clause
    counts the dead or the damage ("zginęło", "zostało rannych"): it happened."""
    if not grammar.casualty_preps or not grammar.casualty_verbs:
        return False
    toks, i = view.toks, head - 1
    while i >= 0 and head - i <= 2 and toks[i].analyses and all(a.pos == "adj" for a in toks[i].analyses):
        i -= 1  # "w zmasowanym rosyjskim ataku"
    words = [t.lower for t in toks[max(0, i - 2):i + 1]]
    if not any(tuple(words[len(words) - len(p):]) == p for p in grammar.casualty_preps if len(p) <= len(words)):
        return False
    clause = view.clause_of[head]
    return any(view.clause_of[t.i] in (clause, clause + 1) and t.keys & grammar.casualty_verbs for t in toks)


def _finite_verb(view: SentenceView, head: int) -> bool:
    if view.lang == "en":
        from kronika.events.roles import _en_verbish

        return _en_verbish(view, head, load_role_grammar("en"))
    return any(a.tense in ("past", "present", "future") for a in view.toks[head].verb_readings())


def _predicative(view: SentenceView, head: int, entry) -> bool:
    """A participle used as an adjective ("zmobilizowany personel") describes, it does not
    report an act; it counts only after an auxiliary ("został zatrzymany"). English entries
    marked pos: verb must not stand where a noun does ("the strike")."""
    tok = view.toks[head]
    if view.lang == "en":
        from kronika.events.roles import _en_verbish

        grammar = load_role_grammar("en")
        prev = view.toks[head - 1].lower if head else ""
        if tok.lower.endswith("ed") and prev in grammar.adjective_openers:
            return False  # "the occupied territories", "an alleged plot": adjectives
        nxt = view.toks[head + 1].lower if head + 1 < len(view.toks) else ""
        if entry.mode == "territory" and tok.lower.endswith("ed") and nxt in grammar.agent_preps \
                and prev not in grammar.be_forms and view.toks[head - 1].is_word:
            return False  # "the territories occupied by Armenia": a state the noun is in, not an act
        if entry.pos == "verb":
            return prev not in grammar.noun_after_preps and _en_verbish(view, head, grammar)
        return True
    # full participles (pl ppas/pact, ru PRTF, uk ADJF,pssv); a ru short one ("задержан") is a predicate
    if tok.analyses and all(a.tag.startswith(("ppas", "pact", "PRTF")) or a.tag.startswith("ADJF") and "pssv" in a.tag
                            for a in tok.analyses):
        aux = load_role_grammar(view.lang).passive_auxiliaries
        return any(view.toks[j].keys & aux for j in range(max(0, head - 3), head))
    return True


def _speaker_judges(view: SentenceView, head: int, roles: Roles, grammar) -> None:
    """"Pieskow powiedział, że Białoruś jest sojusznikiem": a judgement in someone's words is
    the speaker's act about its subject; with no speaker the subject's own relation stands."""
    clause = view.clause_of[head]
    for g in reversed(view.groups):  # the nearest speaker: "jak podała agencja X, Pieskow powiedział, że"
        if g.last >= head or view.clause_of[g.last] > clause or g.prep is not None or g in roles.source:
            continue
        if g.actors and all(a.sector == "MED" for a in g.actors):
            continue  # media that pass the words on are not their speaker
        if g.kind not in ("person", "org", "country") or view.lang != "en" and "nom" not in g.cases:
            continue
        # the speech verb follows the speaker in its clause ("Lavrov said Serbia was ...")
        if any(t.keys & grammar.speech_verbs for t in view.toks[g.last + 1:head]
               if view.clause_of[t.i] == view.clause_of[g.last]):
            judged = roles.source or roles.target[:1]
            roles.source, roles.target, roles.source_from = [g], [h for h in judged if h is not g], "speaker"
            return


def _speaker_as_source(view: SentenceView, head: int, roles: Roles, grammar) -> None:
    """"Putin zadeklarował, że Moskwa wypłaci ...": who announces a plan or promise is its
    source when the plan names his own country."""
    clause = view.clause_of[head]
    own = {a.country for g in roles.source for a in g.actors}
    for g in view.groups:
        if g.last >= head or view.clause_of[g.last] >= clause or g.prep is not None or g.kind != "person":
            continue
        if view.lang != "en" and "nom" not in g.cases:
            continue
        said = any(t.keys & grammar.speech_verbs for t in view.toks if view.clause_of[t.i] == view.clause_of[g.last])
        if said and (not own or own & {a.country for a in g.actors}):
            roles.source, roles.source_from = [g], "speaker"
            return


def _second_person(view: SentenceView, head: int) -> bool:
    """The trigger verb is in the second person ("przekazaliście", "передали вы" is not marked)."""
    return view.lang != "en" and any(a.person in ("sec", "2", "2per") or "2per" in (a.tag or "")
                                     for a in view.toks[head].analyses)


def _adverbial(view: SentenceView, head: int, grammar) -> bool:
    from kronika.events.roles import _prep_word

    return _prep_word(view, head, grammar)


def _infinitive(view: SentenceView, head: int) -> bool:
    tok = view.toks[head]
    if view.lang == "en":
        return head > 0 and view.toks[head - 1].lower in load_role_grammar("en").infinitive_markers
    return any(a.tense == "inf" for a in tok.analyses)


def _refs(groups: list[Group]) -> list[ActorRef]:
    out: list[ActorRef] = []
    seen = set()
    for g in groups:
        for a in g.actors:
            key = (a.name, a.country, a.actor_id)
            if key not in seen:
                seen.add(key)
                out.append(a)
    return out


def _event(article: Article, view: SentenceView, match: TriggerMatch, type_: str, modality: str, roles: Roles,
           mode: str | None, context: dict | None = None, dating: str | None = None) -> Event:
    sent = view.sentence
    toks = view.toks
    trig = [toks[i] for i in sorted(match.tokens)]
    text = article.clean[sent.start:sent.end] if article.clean else sent.text
    source, target = _refs(roles.source), _refs(roles.target) or list(roles.target_refs)
    if roles.source_from == "locative":
        source = [ActorRef(name=None, country=a.country, sector=None, actor_id=None, start=a.start, end=a.end) for a in source]
    # one actor on both sides says nothing: keep it as the source ("Georgian demonstrators"
    # against "the Georgian government" are two sides of one country: sectors tell them apart)
    target = [a for a in target if (a.name, a.country, a.sector) not in {(s.name, s.country, s.sector) for s in source}
              or not a.country]
    if not target and type_ in DOMESTIC_TARGET:
        # PLOVER: a protest or a crackdown with no one named is aimed at the source's own country
        target = [ActorRef(name=None, country=c, sector=None) for c in dict.fromkeys(a.country for a in source) if c]
    confidence = {"clause": 0.9, "agent": 0.9, "complement": 0.8, "modifier": 0.7, "carried": 0.7,
                  "speaker": 0.6, "previous": 0.5, "locative": 0.5}.get(roles.source_from, 0.6)
    return Event(
        type=type_,
        source=source,
        target=target,
        modality=modality,
        mode=mode,
        date=_date(article, view, match, dating or modality, context),
        location=_location(article, view, match),
        sentence=view.index,
        evidence=text,
        evidence_start=sent.start,
        evidence_end=sent.end,
        trigger=article.clean[trig[0].start:trig[-1].end] if article.clean else " ".join(t.text for t in trig),
        trigger_start=trig[0].start,
        trigger_end=trig[-1].end,
        confidence=confidence,
    )


# --- date and place -----------------------------------------------------------------------

def _time_module():
    try:
        from kronika.events import time as time_mod
    except ImportError:
        return None
    return time_mod


def _anaphoric(view: SentenceView, head: int):
    """"po katastrofie", "after the attack": the noun of a phrase before the trigger in its
    clause that points back at an event told earlier, else None."""
    grammar = load_role_grammar(view.lang)
    clause = view.clause_of[head]
    toks = view.toks
    for j in range(1, head):
        if view.clause_of[j] != clause and view.clause_of[j] != clause - 1:
            continue
        if toks[j - 1].lower in grammar.anaphoric_preps and toks[j].keys & grammar.anaphoric_nouns:
            return toks[j]
        if j >= 2 and toks[j - 2].lower in grammar.anaphoric_preps and toks[j - 1].lower in grammar.determiners \
                and toks[j].keys & grammar.anaphoric_nouns:
            return toks[j]
    return None


def _date_referred_to(view: SentenceView, head: int, context: dict) -> str | None:
    """The date of the event an anaphoric phrase names: "po spotkaniu" is the last meeting
    told, whenever it was; a noun of no event type ("po katastrofie") takes the last event the
    text dated in the past."""
    noun = _anaphoric(view, head)
    if noun is None:
        return None
    lexicon = load_triggers(view.lang)
    types = {e.type for k in noun.keys for e in lexicon.by_head.get(k, ())}
    if types:
        return next((date for type_, date in reversed(context.get("told", [])) if type_ in types), None)
    return context.get("dated")


def _date(article: Article, view: SentenceView, match: TriggerMatch, modality: str, context: dict | None = None) -> str | None:
    """A time expression in the trigger's clause (else its sentence), resolved against the
    document date; with none, the document date for reported acts and the day a plan was
    stated; None for habitual or background states (imperfective past of a material act)."""
    anchor = article.published
    tm = _time_module()
    head_tok = view.toks[match.head]
    if tm is not None:
        try:
            exprs = tm.find_time_expressions(view.sentence.text, view.lang)
        except Exception:  # a grammar error must not lose the event
            log.warning("events: time expressions failed in %s sentence %d", article.id, view.index, exc_info=True)
            exprs = []
        clause = view.clause_of[match.head]
        best = None
        for e in exprs:
            if e.kind in _UNDATED_KINDS and modality != "asserted":
                continue
            if e.kind in ("duration", "anaphoric"):
                continue
            abs_start = view.sentence.start + e.start
            idx = next((t.i for t in view.toks if t.start >= abs_start), len(view.toks) - 1)
            same = view.clause_of[min(idx, len(view.toks) - 1)] == clause
            if not same and _relative_clause(view, view.clause_of[min(idx, len(view.toks) - 1)]):
                continue  # "Rosja, która w 2022 r. zaatakowała Ukrainę, grozi ...": that date is the relative's
            rank = (not same, e.kind in ("deadline", "since"), abs(idx - match.head))
            if best is None or rank < best[0]:
                best = (rank, e)
        if best is not None and modality != "planned":
            value = tm.resolve_time(best[1], anchor)
            if value:
                if context is not None and anchor and not anchor.startswith(value) and value < anchor:
                    context["dated"] = value  # a past event dated in the text, for later back-references
                return value
        elif best is not None and modality == "planned" and best[1].kind not in ("deadline", "later") and best[0][0] is False:
            value = tm.resolve_time(best[1], anchor)
            if value and (not anchor or value <= anchor):
                return value
    referred = _date_referred_to(view, match.head, context) if context is not None else None
    if referred:
        return referred  # "po katastrofie": the date of the event it refers back to
    if context is not None and context.get("dated") and _says_any(view, "then"):
        return context["dated"]  # "wówczas", "at the time": the time the text last named
    if not anchor:
        return None
    if match.entry.type in MATERIAL and _habitual(view, match.head, exprs if tm is not None else []):
        return None  # "przez lata zaopatrywał", "used to supply": a habit, not a dated act
    return anchor


def _habitual(view: SentenceView, head: int, exprs) -> bool:
    """A habit or a lasting state: a habitual adverb ("regularnie", "for years") in the
    sentence, or an imperfective past verb with a span of time ("przez lata", "od 2014 r.").
    An imperfective past alone is often a single act in news ("protestowali w Tbilisi")."""
    if _says_any(view, "habitual"):
        return True
    verbs = view.toks[head].verb_readings()
    imperfective_past = bool(verbs) and all(a.tense == "past" and a.aspect == "imperf" for a in verbs)
    return imperfective_past and any(e.kind in ("duration", "since") for e in exprs)


@lru_cache(maxsize=None)
def _time_phrases(lang: str, key: str) -> tuple[tuple[str, ...], ...]:
    """A list of words and phrases from time.yaml ("habitual", "then"), each as its words."""
    from kronika.events.triggers import load_yaml

    return tuple(tuple(str(w).lower().split()) for w in load_yaml(lang, "time").get(key) or ())


def _says_any(view: SentenceView, key: str) -> bool:
    words = [t.lower for t in view.toks]
    return any(tuple(words[k:k + len(p)]) == p for p in _time_phrases(view.lang, key) for k in range(len(words) - len(p) + 1))


def _places_module():
    try:
        from kronika.events import places as places_mod
    except ImportError:
        return None
    return places_mod


def _location(article: Article, view: SentenceView, match: TriggerMatch) -> Place | None:
    clause = view.clause_of[match.head]
    pm = _places_module()
    candidates: list[tuple[int, Place]] = []
    if pm is not None:
        try:
            found = pm.find_places(view.sentence.text, view.lang)
        except Exception:
            log.warning("events: place lookup failed in %s sentence %d", article.id, view.index, exc_info=True)
            found = []
        for p in found:
            start = view.sentence.start + p.start if p.start >= 0 else -1
            idx = next((t.i for t in view.toks if t.start >= start), None) if start >= 0 else None
            if idx is None:
                continue
            candidates.append((abs(idx - match.head) + (0 if view.clause_of[idx] == clause else 50),
                               Place(name=p.name, country=p.country, start=start, end=view.sentence.start + p.end)))
    for g in view.groups:
        if g.kind == "place" and norm_prep(g.prep) in ("w", "in", "na", "at", "в", "у") and g.mentions:
            m = g.mentions[0]
            candidates.append((abs(g.first - match.head) + (0 if view.clause_of[g.first] == clause else 50),
                               Place(name=m.name or m.lemma or m.text, country=m.country, start=m.start, end=m.end)))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1] if candidates[0][0] < 50 else None


# --- one event per fact ---------------------------------------------------------------------

def _key(refs: list[ActorRef]) -> set:
    return {a.country or a.actor_id for a in refs}


def _less_said(e: Event, o: Event) -> bool:
    """``e`` names no side that ``o`` does not, and leaves a side open that ``o`` fills."""
    es, et, os_, ot = _key(e.source), _key(e.target), _key(o.source), _key(o.target)
    return es <= os_ and et <= ot and (es, et) != (os_, ot) and (not es or not et)


def _dedupe(found: list[tuple[Event, bool]]) -> list[tuple[Event, bool]]:
    """One event per fact: a noun and a verb for the same meeting in one sentence are one
    event (the verb's reading is kept); two finite verbs ("pomogła ... oraz przekazała") or
    two modes ("raided ... and arrested") are two acts. ``found`` pairs each event with
    whether its trigger is a finite verb."""
    out: list[tuple[Event, bool]] = []
    for e, verb in found:
        dup = None
        for k, (o, o_verb) in enumerate(out):
            if o.sentence != e.sentence or o.type != e.type:
                continue
            if _less_said(e, o) or _less_said(o, e):
                dup = k  # "killed ... in an attack": a second mention with a side left open is the same act
                if _less_said(o, e):
                    out[k] = (e, verb or o_verb)
                break
            same_sides = _key(o.source) == _key(e.source) and _key(o.target) == _key(e.target)
            # "held talks during a visit": a noun of another mode with the very same sides is the same fact
            if (o.mode and e.mode and o.mode != e.mode and not same_sides) or (verb and o_verb):
                continue
            if not _key(o.source) or not _key(e.source) or _key(o.source) & _key(e.source) \
                    or _key(o.target) & _key(e.target):
                dup = k
                break
        if dup is None:
            out.append((e, verb))
        elif verb and not out[dup][1] and not _less_said(e, out[dup][0]):
            out[dup] = (e, verb)
    return out


# --- one event per occasion, across sentences ---------------------------------------------

# A meeting of the same parties on one day is one meeting however many sentences retell it
# ("met on Thursday ... after the talks ... during the visit"), whatever each says of it.
ONE_PER_DAY = frozenset({"CONSULT"})


def _countries(refs: list[ActorRef]) -> frozenset:
    return frozenset(a.country for a in refs if a.country)


def _same_parties(o: Event, e: Event) -> bool:
    """``e`` names no party outside ``o``'s (or the other way round), sides compared as
    countries; meetings and agreements have no direction."""
    if o.type in SYMMETRIC_TYPES:
        a, b = _countries(o.source) | _countries(o.target), _countries(e.source) | _countries(e.target)
        return bool(a & b) and (a <= b or b <= a)
    os_, es = _countries(o.source), _countries(e.source)
    ot, et = _countries(o.target), _countries(e.target)
    return bool(os_) and os_ == es and (ot <= et or et <= ot)


def _retells(o: Event, e: Event, e_is_verb: bool, published: str | None) -> bool:
    """Is ``e`` (later in the document) another mention of ``o``? Any mention of a meeting of
    the same parties on the same day is; so is a later noun ("the visit", "budowa") of the
    same day, or with no date of its own (the publication date stands in for none)."""
    if o.type != e.type or not _same_parties(o, e):
        return False
    if o.mode and e.mode and o.mode != e.mode:
        return False  # a phone call and a visit are two acts
    if o.type in ONE_PER_DAY and o.date and o.date == e.date:
        return True
    if e_is_verb or not (o.modality == e.modality or o.type in ONE_PER_DAY):
        return False
    return o.date == e.date or e.date is None or e.date == published


def _persons(e: Event) -> int:
    return sum(1 for a in e.source + e.target if a.name)


def _one_event_per_occasion(found: list[tuple[Event, bool]], published: str | None, by_verb: set[int]) -> list[Event]:
    """Event coreference inside one document: later mentions of an act already coded fold
    into it. The kept mention is the one reported as fact, naming the most people, and
    first; it keeps the first mention's place in the list."""
    groups: list[list[Event]] = []
    for e, _finite in found:
        home = next((g for g in groups if _retells(g[0], e, id(e) in by_verb, published)), None)
        if home is None:
            groups.append([e])
        else:
            home.append(e)
    return [min(g, key=lambda x: (x.modality != "asserted", -_persons(x), g.index(x))) for g in groups]
