"""How surely an event is reported: asserted, claimed, planned, denied (or hypothetical).

Cue words live in resources/lang/<lang>/modality.yaml. Scope, kept simple on purpose:
negation must stand right before the trigger; hedges, plans and promises count when they
come before the trigger in its own clause or in a clause that governs it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika.events.tokens import SentenceView
from kronika.events.triggers import load_yaml

NEG_REACH = 3  # negation reaches this many words ahead ("nie wziął", "did not ever meet")


def _phrases(items) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(x).lower().split()) for x in items or ())


@dataclass(frozen=True)
class ModalityCues:
    claimed: tuple[tuple[str, ...], ...]
    reportative_verbs: frozenset[str]
    negation: frozenset[str]
    negation_breakers: frozenset[str]
    denial_verbs: frozenset[str]
    planned: tuple[tuple[str, ...], ...]
    promise: tuple[tuple[str, ...], ...]
    hypothetical: tuple[tuple[str, ...], ...]
    future_auxiliaries: frozenset[str]
    complementizers: frozenset[str] = frozenset()
    attribution: tuple[tuple[str, ...], ...] = ()
    subjunctive: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def load_modality(lang: str) -> ModalityCues:
    d = load_yaml(lang, "modality")
    return ModalityCues(
        claimed=_phrases(d.get("claimed")),
        reportative_verbs=frozenset(str(x).lower() for x in d.get("reportative_verbs") or ()),
        negation=frozenset(str(x).lower() for x in d.get("negation") or ()),
        negation_breakers=frozenset(str(x).lower() for x in d.get("negation_breakers") or ()),
        denial_verbs=frozenset(str(x).lower() for x in d.get("denial_verbs") or ()),
        planned=_phrases(d.get("planned")),
        promise=_phrases(d.get("promise")),
        hypothetical=_phrases(d.get("hypothetical")),
        future_auxiliaries=frozenset(str(x).lower() for x in d.get("future_auxiliaries") or ()),
        complementizers=frozenset(str(x).lower() for x in d.get("complementizers") or ()),
        attribution=_phrases(d.get("attribution")),
        subjunctive=frozenset(str(x).lower() for x in d.get("subjunctive") or ()),
    )


@dataclass
class ModalityReading:
    modality: str  # asserted | claimed | planned | denied | hypothetical
    promised: bool = False  # a promise/commitment word governs the act


@lru_cache(maxsize=256)
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list] = {}
    for ph in phrases:
        out.setdefault(ph[0], []).append(ph)
    return {k: tuple(v) for k, v in out.items()}


def _find(view: SentenceView, lo: int, hi: int, phrases) -> int | None:
    """Index of the first token in [lo, hi) where one of the phrases starts (lemma or form)."""
    toks = view.toks
    index = _by_first_word(phrases)
    for i in range(max(0, lo), min(hi, len(toks))):
        for key in toks[i].keys & index.keys():
            for ph in index[key]:
                if i + len(ph) <= len(toks) and all(ph[k] in toks[i + k].keys for k in range(1, len(ph))):
                    return i
    return None


def read_modality(view: SentenceView, head: int, match_tokens: tuple[int, ...], cues: ModalityCues) -> ModalityReading:
    toks = view.toks
    clause = view.clause_of[head]
    clause_start = min(i for i, c in enumerate(view.clause_of) if c == clause)
    first = min(match_tokens)
    # negation right before the trigger (or before the words of a multi-word trigger)
    negated = False
    for j in range(first - 1, max(-1, first - 1 - NEG_REACH), -1):
        w = toks[j]
        if not w.is_word or w.keys & cues.negation_breakers:
            break
        if w.lower in cues.negation or w.lower.endswith("n't"):
            negated = True
            break
    if not negated and any(a.negated for a in toks[head].analyses) and all(a.negated for a in toks[head].analyses if a.pos == "verb"):
        negated = True
    if not negated:
        # "zaprzeczył, że ...", "denied that ...": the governed clause is denied
        for j in range(0, clause_start):
            if toks[j].keys & cues.denial_verbs and view.clause_of[j] < clause:
                negated = True
                break
    if negated:
        return ModalityReading("denied")
    if _find(view, 0, head, cues.hypothetical) is not None or _conditional(view, clause_start, head) \
            or _question(view) or _subjunctive(view, clause_start, head, cues):
        return ModalityReading("hypothetical")
    promised = _find(view, 0, first, cues.promise) is not None
    # hedges and plans reach over the trigger's own clause and the one that introduces it;
    # attributions ("według", "according to") over the whole sentence before it
    first_word = next((t for t in toks[clause_start:] if t.is_word), None)
    governed = first_word is not None and first_word.lower in cues.complementizers
    governing_start = min((i for i, c in enumerate(view.clause_of) if c >= clause - 1), default=0) if governed else clause_start
    if _find(view, governing_start, first, cues.claimed) is not None or _find(view, 0, first, cues.attribution) is not None \
            or _reportative(view, head, cues):
        return ModalityReading("claimed", promised)
    if _future(view, head, clause_start, cues) or _find(view, governing_start, first, cues.planned) is not None:
        return ModalityReading("planned", promised)
    return ModalityReading("asserted", promised)


def _subjunctive(view: SentenceView, clause_start: int, head: int, cues: ModalityCues) -> bool:
    """"chce, by Białoruś uderzyła", "чтобы Россия ввела": a past form after a subjunctive
    conjunction in its clause is wished or intended, not reported."""
    if not cues.subjunctive or not any(a.tense == "past" for a in view.toks[head].verb_readings()):
        return False
    return any(t.lower in cues.subjunctive for t in view.toks[clause_start:head])


def _question(view: SentenceView) -> bool:
    """A sentence that ends in a question mark asks whether something happens; it reports nothing."""
    words = [t for t in view.toks if t.text not in ('"', "”", "“", "«", "»", "'", ")")]
    return bool(words) and words[-1].text == "?"


def _conditional(view: SentenceView, clause_start: int, head: int) -> bool:
    """Polish conditional mood: a past form fused with "by" ("zbliżyłoby", "mógłby")."""
    clause = view.clause_of[head]
    for t in view.toks[clause_start:]:
        if view.clause_of[t.i] != clause:
            break
        if any(a.lemma == "by" for a in t.analyses) and any(a.tense == "past" for a in t.analyses):
            return True
    return False


def _reportative(view: SentenceView, head: int, cues: ModalityCues) -> bool:
    # Polish "miał zaatakować": a past form of "mieć" right before an infinitive trigger
    if head == 0 or not cues.reportative_verbs:
        return False
    prev = view.toks[head - 1]
    inf = any(a.tense == "inf" for a in view.toks[head].analyses)
    return inf and bool(prev.keys & cues.reportative_verbs) and any(a.tense == "past" for a in prev.analyses)


def _future(view: SentenceView, head: int, clause_start: int, cues: ModalityCues) -> bool:
    toks = view.toks
    verbs = toks[head].verb_readings()
    # Polish perfective present is future ("wypłaci"); "będzie" + infinitive
    if verbs and all(a.tense in ("future",) or (a.tense == "present" and a.aspect == "perf") for a in verbs):
        return True
    for j in range(max(clause_start, head - 3), head):
        w = toks[j]
        if w.lower in cues.future_auxiliaries:
            return True
        if any(a.tense == "future" for a in w.analyses):
            return True
    return False
