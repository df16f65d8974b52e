"""The document type that carries everything between stages, and its parts.

Plain dataclasses, picklable, so a distributed engine can ship them to workers.
Dates are ISO strings whose length is their precision: "2022", "2022-12", "2022-12-19"
(the eval format's own convention, so nothing is lost in translation).
Character offsets (start, end) always index ``Article.clean`` unless a name says ``raw``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Modality = Literal["asserted", "claimed", "planned", "denied"]
MentionKind = Literal["person", "org", "country", "group", "title", "place", "unknown"]


@dataclass
class Removed:
    """A line that cleaning dropped, with the rule that dropped it (cleaning is inspectable)."""

    raw_start: int
    raw_end: int
    text: str
    rule: str


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class DateEvidence:
    """A date found in the text or page: where it came from and what it says."""

    value: str  # ISO string, precision by length
    source: Literal["header", "metadata", "dateline", "updated", "text"]
    text: str = ""


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    is_heading: bool = False
    paragraph: int = 0


@dataclass
class Mention:
    """A span that names or describes an actor, linked to the KB or left unlinked."""

    start: int
    end: int
    text: str
    kind: MentionKind
    lemma: str = ""  # base form ("Łukaszenka" for "Łukaszenką")
    actor_id: str | None = None  # KB id; None when unlinked
    name: str | None = None  # English canonical name for people/orgs; None for bare countries
    country: str | None = None  # ISO 3166-1 alpha-3 or "IGO"
    sector: str | None = None  # GOV, MIL, COP, ... (EVAL-FORMAT.md)
    cases: tuple[str, ...] = ()  # grammatical cases the head may carry: nom, gen, dat, acc, inst, loc, voc
    sentence: int = -1  # index into Article.sentences
    via: str = ""  # how it was linked: "name", "alias", "title", "demonym", "coref", ...


@dataclass
class ActorRef:
    """One participant of an event, as the eval format shows it, plus its evidence span."""

    name: str | None
    country: str | None
    sector: str | None
    actor_id: str | None = None
    start: int = -1
    end: int = -1

    def as_eval(self) -> dict:
        return {"name": self.name, "country": self.country, "sector": self.sector}


@dataclass
class Place:
    name: str  # English name ("Minsk")
    country: str | None  # ISO alpha-3
    start: int = -1
    end: int = -1


@dataclass
class Event:
    type: str  # one of the 16 PLOVER types
    source: list[ActorRef]
    target: list[ActorRef]
    modality: Modality = "asserted"
    mode: str | None = None
    date: str | None = None  # when it happened, precision by length
    location: Place | None = None
    sentence: int = -1
    evidence: str = ""  # exact substring of Article.clean
    evidence_start: int = -1
    evidence_end: int = -1
    trigger: str = ""
    trigger_start: int = -1
    trigger_end: int = -1
    confidence: float = 1.0

    def as_eval(self) -> dict:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": [a.as_eval() for a in self.source],
            "target": [a.as_eval() for a in self.target],
            "date": self.date,
            "location": {"name": self.location.name, "country": self.location.country} if self.location else None,
            "modality": self.modality,
            "evidence": self.evidence,
        }


@dataclass
class Article:
    """Everything known about one document, filled stage by stage."""

    id: str
    source: str  # path (and line, for JSONL) it was read from
    raw: str
    title: str | None = None
    url: str | None = None
    declared_published: str | None = None  # from a header line or page metadata
    declared_published_source: str | None = None  # "header" | "metadata" | "record"
    declared_language: str | None = None
    # clean
    clean: str = ""
    offsets: list[int] = field(default_factory=list)  # clean index -> raw index (len == len(clean))
    removed: list[Removed] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    date_evidence: list[DateEvidence] = field(default_factory=list)
    # detect
    language: str | None = None
    paragraph_languages: list[tuple[int, int, str]] = field(default_factory=list)
    published: str | None = None
    published_source: str | None = None
    # actors, events
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class Failure:
    """An input that could not be ingested, and why, in words a person can act on."""

    source: str
    reason: str
    doc_id: str | None = None
    stage: str = "read"
