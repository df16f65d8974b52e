"""Event triggers as data: resources/lang/<lang>/triggers.yaml -> PLOVER type and mode.

A trigger entry names one or more lemmas that must occur close together in one clause
(any order), the event type, and optional constraints: target frames, the role of a
genitive after a noun trigger, context words, whether it governs the content of a demand
or promise, and whether a target must be found. Matching is on lemmas (morphology
adapters) and on lower-cased word forms, so data can list irregular forms too.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from kronika.errors import ResourceError

log = logging.getLogger("kronika")

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "lang"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# The scorer and PLOVER treat these as reciprocal: all parties may sit on one side.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# PLOVER marks these as needing a recipient.
RECIPIENT_REQUIRED = frozenset({"COOPERATE", "AID", "SANCTION"})
# Match window: the other words of a multi-word entry lie this many tokens from the head.
WINDOW = 5


@dataclass(frozen=True)
class TriggerEntry:
    type: str
    words: tuple[frozenset[str], ...]  # first = head
    mode: str | None = None
    target: tuple[str, ...] = ()
    gen: str | None = None
    symmetric: bool = False
    governs: bool = False
    governs_topic: bool = False  # governs only content after a topic preposition ("talks about")
    needs_actor: str | None = None  # "source" | "target"
    only_with: str | None = None
    pos: str | None = None
    receive: bool = False  # "X otrzymał od Y": the giver (od+gen / from) is the source
    subject_is_target: bool = False  # "(X said) Y must ...": Y is asked, the speaker asks
    judgement: bool = False  # "(X said) Y is an ally": in reported words the speaker judges Y
    order: int = 0
    derived: bool = False  # from a generated triggers_*.yaml: hand-written entries win

    @property
    def size(self) -> int:
        return len(self.words)


@dataclass
class TriggerLexicon:
    lang: str
    entries: list[TriggerEntry]
    contexts: dict[str, frozenset[str]] = field(default_factory=dict)
    by_head: dict[str, list[TriggerEntry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for e in self.entries:
            for w in e.words[0]:
                self.by_head.setdefault(w, []).append(e)


@dataclass
class TriggerMatch:
    head: int  # token index in the sentence
    tokens: tuple[int, ...]  # all token indexes of the match
    entry: TriggerEntry


def _words(match: str) -> tuple[frozenset[str], ...]:
    # Russian texts write ё or е: data and text both fold to е
    return tuple(frozenset(alt.strip().lower().replace("ё", "е") for alt in part.split("|") if alt.strip())
                 for part in match.split())


def _expand(raw) -> list:
    """An entry whose match is a list of phrases stands for one entry per phrase."""
    if isinstance(raw, dict) and isinstance(raw.get("match"), list):
        return [{**raw, "match": phrase} for phrase in raw["match"]]
    return [raw]


def _flag(value) -> bool:
    return str(value).lower() in ("true", "yes", "1")


def _entry(type_: str, raw, order: int) -> TriggerEntry:
    if isinstance(raw, str):
        return TriggerEntry(type=type_, words=_words(raw), order=order)
    if not isinstance(raw, dict) or "match" not in raw:
        raise ResourceError(f"trigger entry under {type_} must be a string or a map with 'match': {raw!r}")
    type_ = raw.get("type", type_)
    if type_ not in PLOVER_TYPES:
        raise ResourceError(f"unknown PLOVER type {type_!r} in trigger {raw!r}; known: {', '.join(PLOVER_TYPES)}")
    target = raw.get("target") or ()
    if isinstance(target, str):
        target = (target,)
    return TriggerEntry(
        type=type_,
        words=_words(str(raw["match"])),
        mode=raw.get("mode") if raw.get("mode") not in ("null", "~", "") else None,
        target=tuple(target),
        gen=raw.get("gen"),
        symmetric=_flag(raw.get("symmetric")),
        governs=_flag(raw.get("governs")) or str(raw.get("governs")).lower() == "topic",
        governs_topic=str(raw.get("governs")).lower() == "topic",
        needs_actor=raw.get("needs_actor"),
        only_with=raw.get("only_with"),
        pos=raw.get("pos"),
        receive=_flag(raw.get("receive")),
        subject_is_target=_flag(raw.get("subject_is_target")),
        judgement=_flag(raw.get("judgement")),
        order=order,
    )


def load_yaml(lang: str, kind: str) -> dict:
    path = RESOURCES / lang / f"{kind}.yaml"
    if not path.exists():
        known = sorted(p.parent.name for p in RESOURCES.glob(f"*/{kind}.yaml"))
        from kronika.errors import UnknownLanguageError

        raise UnknownLanguageError(f"no {kind}.yaml for language {lang!r}; known: {', '.join(known)}")
    try:
        # BaseLoader keeps every scalar a string: "no", "on", "yes" are words here, not booleans
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader) or {}
    except yaml.YAMLError as e:
        raise ResourceError(f"{path} is not valid YAML ({e}); fix the file") from e
    return data


@lru_cache(maxsize=None)
def load_triggers(lang: str) -> TriggerLexicon:
    # the hand-written file first (it wins), then derived files (triggers_*.yaml, made by scripts)
    sources = [(load_yaml(lang, "triggers"), False)]
    for extra in sorted((RESOURCES / lang).glob("triggers_*.yaml")):
        sources.append((load_yaml(lang, extra.stem), True))
    contexts: dict[str, frozenset[str]] = {}
    entries: list[TriggerEntry] = []
    for data, derived in sources:
        for k, v in (data.pop("contexts", None) or {}).items():
            contexts[k] = contexts.get(k, frozenset()) | frozenset(str(w).lower() for w in v)
        for type_, items in data.items():
            if type_ not in PLOVER_TYPES:
                raise ResourceError(f"{lang}/triggers.yaml: unknown section {type_!r}; known: {', '.join(PLOVER_TYPES)}")
            for raw in items or ():
                for one in _expand(raw):
                    entry = _entry(type_, one, len(entries))
                    entries.append(replace(entry, derived=True) if derived else entry)
    for e in entries:
        if e.only_with and e.only_with != "future" and e.only_with not in contexts:
            raise ResourceError(f"{lang}/triggers.yaml: only_with {e.only_with!r} has no list under 'contexts'")
    log.debug("loaded %d %s trigger entries", len(entries), lang)
    return TriggerLexicon(lang=lang, entries=entries, contexts=contexts)


def find_triggers(tokens, lexicon: TriggerLexicon, clause_of: list[int]) -> list[list[TriggerMatch]]:
    """Candidate matches grouped per head token, most specific first.

    ``tokens`` are ``kronika.events.extract.Tok``; tokens inside actor mentions never trigger.
    ``clause_of[i]`` is the clause index of token i: all words of a match share one clause.
    """
    out: list[list[TriggerMatch]] = []
    for i, tok in enumerate(tokens):
        if tok.mention >= 0 or not tok.is_word:
            continue
        if _name_like(tokens, i):
            continue
        cands: list[TriggerMatch] = []
        seen: set[int] = set()
        for key in tok.keys:
            for entry in lexicon.by_head.get(key, ()):
                if entry.order in seen:
                    continue
                seen.add(entry.order)
                if entry.pos and not tok.has_pos(entry.pos) and (entry.derived or not _untagged(tok)):
                    continue
                idxs = _rest(tokens, i, entry, clause_of)
                if idxs is not None:
                    cands.append(TriggerMatch(head=i, tokens=(i, *idxs), entry=entry))
        if cands:
            cands.sort(key=_rank)
            out.append(cands)
    # a word claimed by a better match of another head is not free for this one
    # ("launched missile attacks": the "missile attack" match wins over "launch missile")
    flat = [m for cands in out for m in cands]
    pruned = []
    for cands in out:
        keep = [m for m in cands
                if not any(o.head != m.head and _rank(o) < _rank(m) and set(o.tokens) & set(m.tokens) for o in flat)]
        if keep:
            pruned.append(keep)
    return pruned


def _untagged(tok) -> bool:
    """The analyser gives no part of speech (simplemma: "other"): a hand-written entry's pos is
    then checked by the grammar (extract._predicative); derived verb-only entries stay off,
    as measured on the PLOVER records they cost more precision than they add recall."""
    return bool(tok.analyses) and all(a.pos == "other" for a in tok.analyses)


def _name_like(tokens, i: int) -> bool:
    """A capitalised word inside a sentence, after another word, is part of a name or a
    month ("in March", "Free Tibet banners"), not an event word."""
    tok = tokens[i]
    return i > 0 and tok.text[:1].isupper() and tok.text[1:].islower() and tokens[i - 1].is_word


def _rank(m: TriggerMatch) -> tuple:
    """Hand-written before derived, more words first, then the tighter span, then file order."""
    return (m.entry.derived, -m.entry.size, max(m.tokens) - min(m.tokens), m.entry.order)


def _rest(tokens, head: int, entry: TriggerEntry, clause_of: list[int]) -> list[int] | None:
    found: list[int] = []
    lo, hi = max(0, head - WINDOW), min(len(tokens), head + WINDOW + 1)
    for alts in entry.words[1:]:
        hit = None
        for j in sorted(range(lo, hi), key=lambda j: abs(j - head)):
            if j == head or j in found or clause_of[j] != clause_of[head]:
                continue
            if tokens[j].keys & alts:
                hit = j
                break
        if hit is None:
            return None
        found.append(hit)
    return found
