"""Who did it and to whom: roles from grammar, read from resources/lang/<lang>/roles.yaml.

Polish: case and preposition tell the role (nominative = source, z+inst = partner,
dative = recipient, accusative = target, przez+acc = agent of a passive or a noun).
English: word order (subject before the verb), passive "by", and "with"/"to"/"against".
When a clause has no subject of its own, the subject of the clause that governs it stands
in (a speaker of reported speech, the subject of coordinated verbs, a quote's speaker).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kronika.events.tokens import Group, SentenceView
from kronika.events.triggers import TriggerEntry, load_yaml

# PLOVER's material types: done to someone, so a place can be their target ("shelled Kharkiv")
MATERIAL = frozenset({"AID", "COOPERATE", "ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "SANCTION", "PROTEST"})

_PREP_VARIANTS = {"ze": "z", "we": "w", "ode": "od", "przeze": "przez", "pode": "pod", "nade": "nad", "przede": "przed"}


@dataclass(frozen=True)
class RoleGrammar:
    lang: str
    source_frames: tuple[tuple[str | None, str | None], ...]
    target_frames: tuple[tuple[str | None, str | None], ...]
    locative_frames: tuple[tuple[str | None, str | None], ...]
    ignore_preps: frozenset[str]
    genitive_role: dict
    coordinators: tuple[tuple[str, ...], ...]
    speech_verbs: frozenset[str]
    clause_openers: frozenset[str]
    glue: frozenset[str]
    preps: tuple[tuple[str, ...], ...]  # every preposition the frames know, longest first
    be_forms: frozenset[str] = frozenset()
    possessive: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    topic_preps: tuple[tuple[str, ...], ...] = ()
    relative_openers: frozenset[str] = frozenset()
    adverbial_preps: tuple[tuple[str, ...], ...] = ()
    object_modifier_preps: frozenset[str] = frozenset()
    quantity_words: frozenset[str] = frozenset()
    noun_suffixes: tuple[str, ...] = ()
    anaphoric_preps: frozenset[str] = frozenset()
    anaphoric_nouns: frozenset[str] = frozenset()
    noun_after_preps: frozenset[str] = frozenset()
    adjective_openers: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    occurrence_preps: frozenset[str] = frozenset()
    casualty_verbs: frozenset[str] = frozenset()
    subject_pronouns: frozenset[str] = frozenset()
    partner_preps: frozenset[str] = frozenset()
    first_person_pronouns: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    casualty_preps: tuple[tuple[str, ...], ...] = ()
    agent_preps: frozenset[str] = frozenset()
    giver_preps: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()


def parse_frame(frame: str) -> tuple[str | None, str | None]:
    """'z+inst' -> ('z', 'inst'); 'acc' -> (None, 'acc'); 'with' -> ('with', None); 'obj' -> (None, 'obj')."""
    frame = frame.strip().lower()
    if "+" in frame:
        prep, case = frame.rsplit("+", 1)
        return prep.strip(), case.strip()
    if frame in ("nom", "gen", "dat", "acc", "inst", "loc", "voc", "obj", "subj"):
        return None, frame
    return frame, None


def _nationality_adjectives(lang: str) -> frozenset[str]:
    """Every country's adjective in the bundled KB ("rosyjski", "білоруський"): they sit
    inside a participant phrase ("rosyjski minister X") like the title words of roles.yaml."""
    if lang == "en":
        return frozenset()  # English phrases take no glue before a title: "Russian" is its own mention
    from kronika.actors.kb import load_kb

    return frozenset(adj.lower() for a in load_kb() if a.type == "country" for adj in a.adjectives.get(lang, ()))


@lru_cache(maxsize=None)
def load_role_grammar(lang: str) -> RoleGrammar:
    d = load_yaml(lang, "roles")

    def frames(key):
        return tuple(parse_frame(f) for f in d.get(key) or ())

    src, tgt, loc = frames("source_frames"), frames("target_frames"), frames("locative_frames")
    prep_words = {p for p, _ in src + tgt + loc if p} | {str(p).lower() for p in d.get("ignore_preps") or ()}
    prep_words |= set(_PREP_VARIANTS)
    prep_words |= {str(p).lower() for p in d.get("extra_preps") or ()}
    preps = tuple(sorted({tuple(p.split()) for p in prep_words}, key=len, reverse=True))
    return RoleGrammar(
        lang=lang,
        source_frames=src,
        target_frames=tgt,
        locative_frames=loc,
        ignore_preps=frozenset(str(p).lower() for p in d.get("ignore_preps") or ()),
        genitive_role=dict(d.get("genitive_role") or {}),
        coordinators=tuple(tuple(str(c).lower().split()) or (str(c),) for c in d.get("coordinators") or ()),
        speech_verbs=frozenset(str(v).lower() for v in d.get("speech_verbs") or ()),
        clause_openers=frozenset(str(v).lower() for v in d.get("clause_openers") or ()),
        glue=frozenset(str(v).lower() for v in d.get("phrase_glue") or ()) | _nationality_adjectives(lang),
        preps=preps,
        be_forms=frozenset(str(v).lower() for v in d.get("be_forms") or ()),
        possessive=frozenset(str(v).lower() for v in d.get("possessive") or ()),
        determiners=frozenset(str(v).lower() for v in d.get("determiners") or ()),
        topic_preps=tuple(tuple(str(v).lower().split()) for v in d.get("topic_preps") or ()),
        relative_openers=frozenset(str(v).lower() for v in d.get("relative_openers") or ()),
        adverbial_preps=tuple(tuple(str(v).lower().split()) for v in d.get("adverbial_preps") or ()),
        object_modifier_preps=frozenset(str(v).lower() for v in d.get("object_modifier_preps") or ()),
        quantity_words=frozenset(str(v).lower() for v in d.get("quantity_words") or ()),
        noun_suffixes=tuple(str(v).lower() for v in d.get("noun_suffixes") or ()),
        anaphoric_preps=frozenset(str(v).lower() for v in d.get("anaphoric_preps") or ()),
        anaphoric_nouns=frozenset(str(v).lower() for v in d.get("anaphoric_nouns") or ()),
        noun_after_preps=frozenset(str(v).lower() for v in d.get("noun_after_preps") or ()),
        adjective_openers=frozenset(str(v).lower() for v in d.get("adjective_openers") or ()),
        occurrence_verbs=frozenset(str(v).lower() for v in d.get("occurrence_verbs") or ()),
        occurrence_preps=frozenset(str(v).lower() for v in d.get("occurrence_preps") or ()),
        casualty_verbs=frozenset(str(v).lower() for v in d.get("casualty_verbs") or ()),
        subject_pronouns=frozenset(str(v).lower() for v in d.get("subject_pronouns") or ()),
        partner_preps=frozenset(str(v).lower() for v in d.get("partner_preps") or ()),
        first_person_pronouns=frozenset(str(v).lower() for v in d.get("first_person_pronouns") or ()),
        infinitive_markers=frozenset(str(v).lower() for v in d.get("infinitive_markers") or ()),
        casualty_preps=tuple(tuple(str(v).lower().split()) for v in d.get("casualty_preps") or ()),
        agent_preps=frozenset(str(v).lower() for v in d.get("agent_preps") or ()),
        giver_preps=frozenset(str(v).lower() for v in d.get("giver_preps") or ()),
        passive_auxiliaries=frozenset(str(v).lower() for v in d.get("passive_auxiliaries") or ()),
    )


def norm_prep(p: str | None) -> str | None:
    return _PREP_VARIANTS.get(p, p) if p else p


def _matches(g: Group, frame: tuple[str | None, str | None], after: bool, lang: str) -> bool:
    prep, case = frame
    gp = norm_prep(g.prep)
    if prep is None:
        if gp is not None:
            return False
        if case == "obj":
            return after
        if case == "subj":
            return not after
        if lang == "en" or not g.cases:
            return case in ("acc", "dat") and after if lang != "en" else after
        return case in g.cases
    if gp != prep:
        return False
    return case is None or not g.cases or case in g.cases or lang == "en"


@dataclass
class Roles:
    source: list[Group]
    target: list[Group]
    source_from: str = ""  # how the source was found: "clause", "agent", "carried", "speaker", "locative", "previous"
    target_refs: list = field(default_factory=list)  # a target taken over from a coordinated predicate
    open_object: bool = False  # the trigger's own frame holds an ordinary noun ("wezwał strony do ...")


def chain_of(view: SentenceView, g: Group) -> list[Group]:
    return [h for h in view.groups if h.chain == g.chain]


def assign_roles(view: SentenceView, head: int, entry: TriggerEntry, grammar: RoleGrammar,
                 previous_subject: list[Group] | None = None) -> Roles:
    toks, lang = view.toks, view.lang
    clause = view.clause_of[head]
    in_clause = [g for g in view.groups if view.clause_of[g.first] == clause or view.clause_of[g.last] == clause]
    head_tok = toks[head]
    # unknown words are mostly nouns; a participle ("задержан", "zatrzymany") is a verb form
    is_noun = lang != "en" and not head_tok.verb_readings() and not _participle(head_tok)
    if lang == "en":
        is_noun = not _en_verbish(view, head, grammar)
    passive = lang == "en" and _en_passive(view, head, grammar) or (lang != "en" and _pl_passive(head_tok))
    sources: list[Group] = []
    targets: list[Group] = []
    how = ""

    def add(lst, g):
        for h in chain_of(view, g):
            if h not in lst and h not in sources and h not in targets:
                lst.append(h)

    # 1. explicit agents: "przez Rosjan", "by Russia", "ze strony NATO"; a giver after "od"/"from"
    impersonal = any(a.tag.startswith("imps") for a in head_tok.analyses)
    for g in in_clause:
        p = norm_prep(g.prep)
        participle = lang == "en" and (head_tok.lower.endswith(("ed", "en")) or head_tok.lower in grammar.possessive)
        # an -ed form takes a by-agent only right after it ("attacked by rebels"); further on,
        # "by" belongs to a noun ("rejected calls by Belarus")
        participle = participle and g.first - head <= 3
        near_agent = p in grammar.agent_preps and (is_noun or passive or impersonal or participle) and 0 < g.first - head <= 8
        if near_agent or (entry.receive and p in grammar.giver_preps):
            add(sources, g)
            how = "agent"
    # 2. the complement of a noun trigger: "spotkanie Putina", "arrest of X", "X's visit"
    if is_noun:
        nxt = _group_starting_near(view, head + 1, clause, grammar)
        if nxt is not None and (lang == "en" and norm_prep(nxt.prep) == "of" or lang != "en" and nxt.prep is None and (
                not nxt.cases or "gen" in nxt.cases)):
            role = entry.gen or grammar.genitive_role.get(entry.type, "target")
            if role == "source" and not sources:
                add(sources, nxt)
                how = how or "complement"
            elif role == "target":
                add(targets, nxt)
        prev = _group_ending_near(view, head - 1, clause)
        # "na rosyjskich subsydiach", "after the Russian attack": an adjective right before the
        # noun is its agent whatever preposition governs the whole phrase
        adjective = prev is not None and prev.last == head - 1 and all(m.via == "adjective" for m in prev.mentions)
        if prev is not None and (prev.prep is None or adjective) and not sources and prev not in targets:
            if lang == "en" or _pl_modifier(view, prev, head):
                add(sources, prev)
                how = how or "modifier"
    # 3. the subject: nominative (pl) or the phrase before the verb (en)
    subject: list[Group] = []
    if lang == "en":
        before = [g for g in in_clause if g.last < head and g.prep is None and g not in targets]
        if before:
            subject = chain_of(view, before[-1])
            between = view.toks[before[-1].last + 1:head]
            if len(before) > 1 and any((t.lower,) in grammar.coordinators for t in between):
                # "Putin phoned Aliyev and apologised": the second verb shares the first's subject
                subject = chain_of(view, before[0])
    else:
        # no known case ("ВСУ", an abbreviation the analyser lacks) may be any case
        noms = [g for g in in_clause if g.prep is None and (not g.cases or "nom" in g.cases) and g not in targets and g not in sources]
        if impersonal:
            noms = []  # "zatrzymano kilkunastu Rosjan": an impersonal verb has no subject
        before = [g for g in noms if g.last < head]
        # an inverted subject ("zaprzeczył rzecznik Kremla X"); a phrase the analyser reads in
        # every case is a name it does not know, so it may be one too
        after = [g for g in noms if g.first > head and ("acc" not in g.cases or len(g.cases) >= 4)]
        if before:
            subject = chain_of(view, before[-1])
        elif after and not is_noun:
            subject = chain_of(view, after[0])
    if entry.subject_is_target:
        # "Russia said that Sudan must return ...": the one who must is the target, the
        # speaker of the governing clause the source
        asked = subject or [g for g in in_clause if g.prep is None and g.last < head][-1:]
        speaker, _how = _borrow_subject(view, head, clause, grammar, None, False)
        return Roles(source=[g for g in speaker if g not in asked], target=list(asked), source_from="speaker")
    if passive and subject:
        for g in subject:
            if g not in targets:
                targets.append(g)
        subject = []
    if subject and is_noun and _prep_word(view, head, grammar):
        subject = []  # "wspomniał o ataku": the subject of the clause did not attack
    if subject and not sources:
        for g in subject:
            add(sources, g)
        how = "clause"
    # 4. the target: the entry's own frames first, then the language's defaults
    own_frames = [parse_frame(x) for x in entry.target]
    object_is_common = lang != "en" and _common_noun_object(view, head, entry, clause)
    if not targets and not object_is_common:
        frames = list(own_frames)
        if not (entry.symmetric and len({a.country for g in sources for a in g.actors}) > 1):
            # parties named together ("X wraz z Y zawarli pokój") are each other's partners:
            # a place or a host further on is not the other side
            frames += list(grammar.target_frames)
        # "killed in Russian shelling": the agent of another act is no victim of this one (a
        # condemnation's target is that agent, so only for material acts)
        cands = [g for g in in_clause if g not in sources and not (entry.type in MATERIAL and _agent_of_event_noun(view, g))]
        if entry.type not in MATERIAL:  # "zaapelowała w Brukseli": where it was said, not to whom
            cands = [g for g in cands if not (_where_it_happened(g, grammar, lang) and not _after_noun(view, g, head))]
        if entry.receive:
            cands = [g for g in cands if norm_prep(g.prep) not in grammar.giver_preps]
        for frame in frames:
            hits = [g for g in cands if _matches(g, frame, g.first > head, lang)]
            if frame[0] is None and frame[1] in ("acc", "dat", "obj"):
                hits = [g for g in hits if "nom" not in g.cases or g.first > head or lang == "en"]
            if hits:
                hits.sort(key=lambda g: (g.first < head, abs(g.first - head)))
                add(targets, hits[0])
                break
    if not targets and not object_is_common:
        # the actor qualifies the object: "zbombardował cele w Libanie", "the assets of Belarus",
        # "a delegation from Australia"
        for g in in_clause:
            if g in sources or g.first <= head or g.first - head > 6:
                continue
            if entry.symmetric and g.kind == "place":
                continue  # "met in Geneva": where parties meet is not one of them
            if entry.type not in MATERIAL and _where_it_happened(g, grammar, lang) and not _after_noun(view, g, head):
                continue  # "zaapelowała w Brukseli": where it was said; "an embassy in Tehran" stays
            p = norm_prep(g.prep)
            if entry.type in MATERIAL and _agent_of_event_noun(view, g):
                continue  # "killed in Russian shelling": Russia shells, it is not the one killed
            if (p in grammar.object_modifier_preps and not (entry.receive and p in grammar.giver_preps)) or (
                    lang != "en" and p is None and "gen" in g.cases):
                add(targets, g)
                break
    if not targets and is_noun and lang != "en":
        # "atak drona, który uszkodził rosyjski samolot": the relative clause on an event noun
        # tells what it hit; its object is the target
        rel = [t for t in toks[head + 1:head + 5] if view.clause_of[t.i] == clause + 1 and t.is_word]
        if rel and rel[0].lower in grammar.relative_openers:
            for g in view.groups:
                if view.clause_of[g.first] == clause + 1 and g.first > rel[0].i and g not in sources and (
                        # "który" is the subject there, so an accusative reading is the object
                        (g.prep is None and "acc" in g.cases) or norm_prep(g.prep) in ("w", "na")
                        and "acc" in g.cases):
                    add(targets, g)
                    break
    if not targets and lang != "en":
        # "dyplomaci Węgier, których Polska oskarżyła": an object relative pronoun is the target
        first = next((t for t in view.toks if view.clause_of[t.i] == clause and t.is_word), None)
        if first is not None and first.lower in grammar.relative_openers and first.i < head \
                and first.cases() and "nom" not in first.cases():
            for g in _antecedent(view, first.i):
                if g not in sources:
                    targets.append(g)
    if not targets and entry.governs:
        # "demanded that Ukraine change ...", "zażądał, aby Rosja ...": the one asked or warned
        nxt = [g for g in view.groups if view.clause_of[g.first] == clause + 1 and g.prep is None and g not in sources]
        if nxt:
            add(targets, nxt[0])
    if entry.receive and sources and not targets and subject:
        targets = list(subject)
    if not sources and is_noun and entry.type == "CONSULT" and _prep_word(view, head, grammar) \
            and any(norm_prep(g.prep) in grammar.partner_preps and 0 < g.first - head <= 3 for g in targets):
        # "Po spotkaniu z Zełenskim Tusk powiedział": the meeting named in an adverbial took
        # place between its partner and the one the clause is about
        host = [g for g in in_clause if g.prep is None and g not in targets and (lang == "en" or not g.cases or "nom" in g.cases)]
        if host:
            sources, how = chain_of(view, host[0]), "clause"
        elif previous_subject:
            sources, how = [g for g in previous_subject if g not in targets], "previous"
    # 5. no subject in the clause: borrow one
    if not sources:
        carried, how2 = _borrow_subject(view, head, clause, grammar, previous_subject, is_noun,
                                        material=entry.type in MATERIAL)
        for g in carried:
            if g not in targets:
                sources.append(g)
        how = how2 if sources else how
    # "В Кремле отвергли ...", "Na Kremlu odrzucono ...": an impersonal or subjectless plural verb
    # speaks for the seat of power named before it, for statements too
    they_said = lang != "en" and not is_noun and bool(head_tok.verb_readings()) and (impersonal or all(
        a.number == "pl" for a in head_tok.verb_readings()))
    if not sources and (not is_noun_agentless(entry) or they_said) and not (is_noun and _prep_word(view, head, grammar)):
        # "w Baku zatrzymano ...": the place named before an agentless act stands for its state
        loc = [g for g in in_clause if (norm_prep(g.prep), None) in {(p, None) for p, _ in grammar.locative_frames}
               and g not in targets and g.last < head]
        if loc:
            sources = chain_of(view, loc[0])
            how = "locative"
    if entry.symmetric and sources and not targets:
        # "X i Y zawarli pokój": one side each, so a directed type still names both
        countries = []
        for g in sources:
            for a in g.actors:
                if a.country not in countries:
                    countries.append(a.country)
        if len(countries) > 1 and len(sources) > 1:
            sources, targets = sources[:1], sources[1:]
    # the first frame is the addressee ("zaapelował do Zachodu"); a later one may be the content
    # ("wezwał do pokoju")
    open_object = object_is_common and _common_noun_object(view, head, entry, clause, first_only=True) \
        or lang == "en" and not targets and _en_asked_to(view, head, clause)
    return Roles(source=sources, target=[g for g in targets if g not in sources], source_from=how,
                 open_object=open_object)


def _where_it_happened(g: Group, grammar: RoleGrammar, lang: str) -> bool:
    """A town or region after a locative preposition ("w Genewie", "in Brussels") is where a
    verbal act took place; only material acts (strikes, aid) are done to a place."""
    return g.kind == "place" and any(_matches(g, f, True, lang) for f in grammar.locative_frames)


def _after_noun(view: SentenceView, g: Group, head: int) -> bool:
    """The word before the phrase's preposition is a noun after the trigger: the place
    qualifies that object ("an embassy in Tehran"). English words carry no part of speech
    here, so any word after the trigger counts."""
    i = g.first - 2
    if i <= head:
        return False
    return view.lang == "en" or any(a.pos in ("noun", "ger") for a in view.toks[i].analyses)


def is_noun_agentless(entry: TriggerEntry) -> bool:
    # Meetings and verbal acts are not done by "the country where it happened".
    return entry.type in ("CONSULT", "AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "AID", "COOPERATE")


def _group_starting_near(view: SentenceView, i: int, clause: int, grammar: RoleGrammar) -> Group | None:
    """The actor phrase that complements a noun trigger: right after it, or after an
    adjective, a title noun or a dash ("spotkania dyktatorów - Putina i Łukaszenki")."""
    for g in view.groups:
        if i <= g.first <= i + 3 and view.clause_of[g.first] in (clause, clause + 1):
            between = view.toks[i:g.first]
            if all(t.text in ("-", "–", "—") or t.lower in ("the", "of") or t.lower in grammar.glue
                   or (t.is_word and (not t.analyses or all(a.pos in ("adj", "noun") for a in t.analyses)))
                   for t in between):
                return g
    return None


def _common_noun_object(view: SentenceView, head: int, entry: TriggerEntry, clause: int, first_only: bool = False) -> bool:
    """"rozprawiając się z opozycją", "pociągnie do odpowiedzialności winnych": the trigger's own
    frame, right after it, holds an ordinary noun, not an actor; an actor further on ("na
    rosyjskich subsydiach") is then no target of it. A name right after that noun qualifies it
    ("z przedstawicielami Rosji") and is left to the target rules. Inflected languages only:
    the case shows that the noun fills the frame."""
    toks = view.toks
    frames = [parse_frame(x) for x in entry.target][:1 if first_only else None]
    preps = {p: c for p, c in frames if p}
    cases = {c for p, c in frames if p is None and c in ("acc", "gen", "dat", "inst")}
    trigger_words = frozenset().union(*entry.words)
    j = head + 1
    while j < len(toks) and j <= head + 4 and toks[j].is_word and toks[j].mention < 0 and toks[j].lower not in preps and (
            toks[j].keys & trigger_words or any(a.pos in ("pron", "qub", "adv", "other") for a in toks[j].analyses)):
        j += 1  # the rest of the trigger ("do odpowiedzialności"), "się", an adverb
    if j >= len(toks) or view.clause_of[j] != clause or toks[j].mention >= 0:
        return False
    if toks[j].lower in preps:
        wanted, j = {preps[toks[j].lower]} - {None} or None, j + 1
    elif cases and (toks[j].lower,) not in load_role_grammar(view.lang).preps:
        wanted = cases  # ("do" is a preposition here, whatever else the dictionary says it is)
    else:
        return False
    for k in range(j, min(len(toks), j + 3)):
        t = toks[k]
        if t.mention >= 0 or not t.is_word:
            return False
        noun = any(a.pos == "noun" and (wanted is None or wanted & set(a.cases)) for a in t.analyses)
        # an adjective with no noun after it stands for one ("winnych")
        lone_adj = any(a.pos == "adj" and (wanted is None or wanted & set(a.cases)) for a in t.analyses) and (
            k + 1 >= len(toks) or not toks[k + 1].is_word)
        if noun or lone_adj:
            return not _qualified_by_name(view, k, clause)
        if not any(a.pos in ("adj", "num") for a in t.analyses):
            return False
    return False


@lru_cache(maxsize=None)
def _single_word_heads(lang: str) -> frozenset[str]:
    """Words that are an event on their own ("shelling", "atak"), not the first word of a
    longer trigger ("drone attack" does not make "drone" an event)."""
    from kronika.events.triggers import load_triggers

    return frozenset(w for e in load_triggers(lang).entries if e.size == 1 for w in e.words[0])


def _adjective_group(view: SentenceView, g: Group) -> bool:
    return bool(g.mentions) and all(m.via == "adjective" for m in g.mentions)


def _agent_of_event_noun(view: SentenceView, g: Group) -> bool:
    """The phrase is a nationality adjective before an event noun of the lexicon, at most one
    modifier between ("Russian shelling", "Israeli tank shelling", "rosyjskiego ataku"), or a
    group right before one ("Russian artillery shelling"): it names that event's agent."""
    from kronika.events.triggers import load_triggers

    adjective = _adjective_group(view, g)
    if not adjective and g.kind != "group":
        return False
    heads = _single_word_heads(view.lang)
    for k in (g.last + 1, g.last + 2) if adjective else (g.last + 1,):  # "Russian artillery shelling"
        if k >= len(view.toks) or not view.toks[k].is_word or view.toks[k].mention >= 0:
            return False
        if view.toks[k].keys & heads:
            return True
    return False


def _en_asked_to(view: SentenceView, head: int, clause: int) -> bool:
    """"urged Western allies to ...", "asked the parties to ...": the one asked, no actor,
    stands between the verb and "to"."""
    words = []
    for t in view.toks[head + 1:head + 6]:
        if view.clause_of[t.i] != clause or t.mention >= 0 or not t.is_word:
            return False
        if t.lower in load_role_grammar(view.lang).infinitive_markers:
            return bool(words)
        words.append(t)
    return False


def _qualified_by_name(view: SentenceView, k: int, clause: int) -> bool:
    """A name follows the noun at ``k`` as its attribute ("obywateli Polski", "cele w Libanie",
    "atak na Izrael"), before any verb, coordinator or punctuation ends the phrase."""
    grammar = load_role_grammar(view.lang)
    for t in view.toks[k + 1:k + 4]:
        if t.mention >= 0:
            return view.clause_of[t.i] == clause
        if not t.is_word or (t.lower,) in grammar.coordinators or t.verb_readings():
            return False
    return False


def _group_ending_near(view: SentenceView, i: int, clause: int) -> Group | None:
    for g in view.groups:
        if i - 1 <= g.last <= i and view.clause_of[g.last] == clause:
            if g.last == i or view.toks[g.last + 1].lower in ("'s", "’s", "s", "'"):
                return g
    return None


def _pl_modifier(view: SentenceView, g: Group, head: int) -> bool:
    """An adjective or noun phrase right before a noun trigger names its agent ("rosyjski atak")."""
    if g.last != head - 1:
        return False
    head_cases = view.toks[head].cases()
    return not g.cases or not head_cases or bool(g.cases & head_cases) and g.kind in ("country", "group", "org", "unknown", "title")


def _participle(tok) -> bool:
    return bool(tok.analyses) and any(a.tag.startswith(("ppas", "pact", "PRTF", "PRTS")) or
                                      a.tag.startswith("ADJF") and "pssv" in a.tag for a in tok.analyses)


def _pl_passive(tok) -> bool:
    # ppas participles ("zestrzelony") lemmatise to the verb as adjectives; impersonal -no/-to;
    # pymorphy3: ru "сбит" (PRTS), uk "затриманий" (ADJF,pssv)
    return any(a.tag.startswith("ppas") or a.tag.startswith(("PRTS,", "ADJF,")) and "pssv" in a.tag for a in tok.analyses)


def _en_verbish(view: SentenceView, head: int, grammar: RoleGrammar) -> bool:
    """English has no case: a word after a determiner or before "of" is read as a noun."""
    prev = view.toks[head - 1].lower if head else ""
    nxt = view.toks[head + 1].lower if head + 1 < len(view.toks) else ""
    if view.toks[head].lower.endswith(grammar.noun_suffixes):
        return False  # "occupation", "deployment"
    if prev in ("the", "a", "an", "'s", "’s", "s", "of", "its", "their", "his", "her", "new", "joint", "further", "recent"):
        return False
    if prev.endswith(("'s", "’s")):
        return False  # "Russia's attack": a possessive (one token with its name) opens a noun phrase
    if head and view.toks[head - 1].mention >= 0 and _adjective_group(view, view.groups[view.toks[head - 1].mention]):
        return False  # "a Russian attack", "Russian missile attack": a nationality adjective opens a noun phrase
    return nxt != "of"


def _en_passive(view: SentenceView, head: int, grammar: RoleGrammar) -> bool:
    w = view.toks[head].lower
    if not (w.endswith(("ed", "en", "wn")) or w in grammar.possessive):
        return False
    for j in (head - 1, head - 2):
        if j >= 0 and view.toks[j].lower in grammar.be_forms:
            return True
    return False


def _prep_word(view: SentenceView, head: int, grammar: RoleGrammar) -> bool:
    """The noun trigger heads an adverbial phrase ("w czasie walk", "after the talks")."""
    for j in (head - 1, head - 2):
        if j >= 0 and any(view.toks[j].lower == p[-1] and tuple(t.lower for t in view.toks[j - len(p) + 1:j + 1]) == p
                          for p in grammar.adverbial_preps):
            return j == head - 1 or bool(view.toks[head - 1].analyses) and all(a.pos == "adj" for a in view.toks[head - 1].analyses) \
                or view.toks[head - 1].lower in grammar.determiners
    return False


def _borrow_subject(view: SentenceView, head: int, clause: int, grammar: RoleGrammar,
                    previous_subject, is_noun: bool, material: bool = False) -> tuple[list[Group], str]:
    lang = view.lang
    clause_toks = [t for t in view.toks if view.clause_of[t.i] == clause and t.is_word]
    head_tok = view.toks[head]
    # "zatrzymano": an impersonal form has no subject to inherit, except from a speaker who
    # reports it ("Putin mówił, że osiągnięto porozumienie")
    impersonal = any(a.tag.startswith("imps") for a in head_tok.analyses)
    if is_noun and head > 0 and _prep_word(view, head, grammar):
        return [], ""  # "w czasie walk", "po spotkaniu": an event noun in an adverbial phrase
    if clause_toks and clause_toks[0].lower in grammar.relative_openers:
        # "Rosja, która zaatakowała Ukrainę": a subject relative pronoun stands for the actor
        # it follows; "atak, który uszkodził samolot": after no actor, nobody is named
        rel = clause_toks[0]
        antecedent = _antecedent(view, rel.i)
        subject_relative = lang == "en" or "nom" in rel.cases()
        if antecedent and subject_relative:
            return antecedent, "relative"
        if subject_relative or not antecedent:
            return [], ""
        # "dyplomatów Węgier, których Polska oskarżyła": an object relative keeps the subject
        # of the clause it hangs on, told below
    if lang != "en" and any(t.mention < 0 and t.i < head and any(a.pos in ("noun", "propn") and "nom" in a.cases for a in t.analyses)
                            and t.text[:1].isupper() for t in clause_toks):
        return [], ""  # an explicit subject the linker did not know ("Prezydent X ...")
    # a subject earlier in the sentence governs this clause ("Putin spotkał się ... i przeprosił",
    # "Pieskow powiedział, że ...")
    earlier = [g for g in view.groups if g.last < head and view.clause_of[g.last] < clause and g.prep is None
               and (lang == "en" or not g.cases or "nom" in g.cases)]
    if impersonal:
        earlier = [g for g in earlier if any(t.keys & grammar.speech_verbs for t in view.toks
                                             if view.clause_of[t.i] == view.clause_of[g.last])]
        if not earlier:
            return [], ""
    if lang == "en":
        # "Pakistan, a key U.S. ally, has refused": an apposition (a comma, then a determiner)
        # describes the subject before it and is not the subject itself
        earlier = [g for g in earlier if not _en_apposition(view, g)] or earlier
    # media that report ("jak podała agencja X") are attributions, not the actors
    earlier = [g for g in earlier if not all(a.sector == "MED" for a in g.actors)] or earlier
    if earlier and lang == "en":
        # no case to tell subject from object: "Putin phoned Aliyev and apologised" continues
        # the subject of the nearest main clause, its first phrase (not "who met Aliyev")
        main = [g for g in earlier if not _in_relative_clause(view, g, grammar)] or earlier
        last_clause = max(view.clause_of[g.last] for g in main)
        return chain_of(view, next(g for g in main if view.clause_of[g.last] == last_clause)), "carried"
    if earlier:
        return chain_of(view, earlier[-1]), "carried"
    if previous_subject and lang == "en" and any(t.lower in grammar.subject_pronouns for t in clause_toks if t.i < head):
        return list(previous_subject), "previous"  # "He spoke by phone with Putin, the Kremlin said"
    # a quote's speaker after it: "... - powiedział Łukaszenka", "..., he said"; a material
    # act is the speaker's only in the first person ("przekażemy ...", "we will send ..."):
    # "insurgents shelled Aleppo, Syrian state media said" is not Syria's shelling
    speaker_acts = not material or _first_person(view, head, clause, grammar)
    for g in view.groups if speaker_acts else ():
        if g.first > head and g.prep is None and (lang == "en" or not g.cases or "nom" in g.cases):
            window = view.toks[max(0, g.first - 3):g.last + 4]
            if any(t.keys & grammar.speech_verbs for t in window):
                return chain_of(view, g), "speaker"
    # Polish drops subject pronouns: a personal verb form continues the last sentence's subject
    if previous_subject and not is_noun and lang != "en":
        verbs = view.toks[head].verb_readings()
        # a dropped subject is a person or a country; a neuter verb ("zginęło") has none of those
        if verbs and any(a.tense in ("past", "present", "future") and a.gender != "n" for a in verbs):
            return list(previous_subject), "previous"
    if previous_subject and lang == "en":
        pron = [t for t in view.toks[:head] if t.lower in grammar.subject_pronouns]
        if pron:
            return list(previous_subject), "previous"
    return [], ""


def _first_person(view: SentenceView, head: int, clause: int, grammar: RoleGrammar) -> bool:
    if view.lang == "en":
        return any(t.lower in grammar.first_person_pronouns for t in view.toks[:head] if view.clause_of[t.i] == clause)
    return any(a.person in ("pri", "1") or "1per" in (a.tag or "") for a in view.toks[head].analyses)


def _antecedent(view: SentenceView, rel: int) -> list[Group]:
    """The actor phrase a relative pronoun at ``rel`` follows ("Rosja, która", "diplomats
    of Hungary, whom"): the phrase ending right before its comma."""
    j = rel - 1
    if j >= 0 and not view.toks[j].is_word:
        j -= 1
    for g in view.groups:
        if g.last == j:
            return chain_of(view, g)
    return []


def _in_relative_clause(view: SentenceView, g: Group, grammar: RoleGrammar) -> bool:
    clause = view.clause_of[g.last]
    first = next((t for t in view.toks if view.clause_of[t.i] == clause and t.is_word), None)
    return first is not None and first.lower in grammar.relative_openers


def _en_apposition(view: SentenceView, g: Group) -> bool:
    """The group stands in a comma-opened phrase that begins with an article ("X, a close ally
    of Y, ...") and has no verb of its own before the next comma."""
    toks = view.toks
    start = g.first
    while start > 0 and toks[start - 1].text != "," and toks[start - 1].is_word and g.first - start < 4:
        start -= 1
    if start == 0 or toks[start - 1].text != "," or toks[start].lower not in ("a", "an", "the"):
        return False
    return any(t.text == "," for t in toks[g.last + 1:g.last + 8])
