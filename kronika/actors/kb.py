"""The actor knowledge base: data files of countries, organisations and people, behind a
small interface (``get``, ``candidates``, ``holders``, iteration).

The linker depends on this interface, not on the YAML layout (kronika/resources/kb/README.md).
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from kronika.errors import ResourceError

log = logging.getLogger("kronika")

KB_DIR = Path(__file__).resolve().parent.parent / "resources" / "kb"

# Which record fields hold names, and how a match through each is labelled.
NAME_FIELDS = ("names", "abbreviations", "surname", "adjectives", "demonyms", "metonyms")


def norm(text: str) -> str:
    """Lookup key: NFC, case-folded, one kind of apostrophe, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("ʼ", "'")
    return " ".join(text.casefold().split())


def fold(text: str) -> str:
    """Accent-free key ('Çavuşoğlu' -> 'cavusoglu'), for texts that drop diacritics."""
    plain = unicodedata.normalize("NFKD", norm(text))
    return "".join(c for c in plain if not unicodedata.combining(c)).replace("ł", "l").replace("ı", "i")


@dataclass(frozen=True)
class Position:
    role: str
    of: str
    sector: str | None = None
    start: str | None = None
    end: str | None = None

    def covers(self, date: str | None) -> bool:
        """True when the position was held on ``date`` (ISO, any precision)."""
        if date is None:
            return self.end is None
        n = len(date)
        if self.start and self.start[:n] > date:
            return False
        if self.end and self.end[:n] < date:
            return False
        return True


@dataclass
class Actor:
    id: str
    name: str
    type: str  # person | org | country
    country: str
    sector: str | None = None
    gender: str | None = None
    kind: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)
    abbreviations: list[str] = field(default_factory=list)
    surname: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    metonyms: dict[str, list[str]] = field(default_factory=dict)
    capital_names: dict[str, list[str]] = field(default_factory=dict)  # where not a metonym too
    capital: str | None = None
    positions: tuple[Position, ...] = ()
    bare_surname: bool = True  # False where the record says `surname: {}`: the last word alone is never this person

    def positions_at(self, date: str | None) -> list[Position]:
        return [p for p in self.positions if p.covers(date)]

    def sector_at(self, date: str | None) -> str | None:
        held = self.positions_at(date)
        for p in held:
            if p.sector:
                return p.sector
        return self.sector

    def forms(self, lang: str) -> Iterator[tuple[str, str]]:
        """(form, via) for every way this actor is written in ``lang``."""
        for n in self.names.get(lang, ()):
            yield n, "name"
        if self.surname.get(lang):
            yield self.surname[lang], "surname"
        for a in self.adjectives.get(lang, ()):
            yield a, "adjective"
        for d in self.demonyms.get(lang, ()):
            yield d, "demonym"
        for m in self.metonyms.get(lang, ()):
            yield m, "metonym"
        for c in self.capital_names.get(lang, ()):
            if c not in self.metonyms.get(lang, ()):
                yield c, "capital"


@dataclass(frozen=True)
class Candidate:
    """A KB actor that a text form may refer to, and through which of its forms."""

    actor: Actor
    via: str  # name | surname | abbreviation | adjective | demonym | metonym
    form: str
    lang: str
    score: float = 0.0


def _position(raw: dict) -> Position:
    def iso(v):
        return None if v is None else str(v)

    return Position(role=raw["role"], of=str(raw["of"]), sector=raw.get("sector"),
                    start=iso(raw.get("start")), end=iso(raw.get("end")))


def actor_from_record(rec: dict) -> Actor:
    def per_lang(key) -> dict[str, list[str]]:
        value = rec.get(key) or {}
        return {lang: [str(x) for x in (v if isinstance(v, list) else [v])] for lang, v in value.items()}

    bare_surname = not ("surname" in rec and rec["surname"] == {})
    surname = rec.get("surname") or {}
    if isinstance(surname, str):
        surname = {"en": surname}
    return Actor(
        id=str(rec["id"]), name=str(rec["name"]), type=rec["type"], country=str(rec["country"]),
        sector=rec.get("sector"), gender=rec.get("gender"), kind=rec.get("kind"),
        names=per_lang("names"), abbreviations=[str(a) for a in rec.get("abbreviations") or []],
        surname={k: str(v) for k, v in surname.items()}, adjectives=per_lang("adjectives"),
        demonyms=per_lang("demonyms"), metonyms=per_lang("metonyms"), capital=rec.get("capital"),
        capital_names=per_lang("capital_names"),
        positions=tuple(_position(p) for p in rec.get("positions") or []),
        bare_surname=bare_surname,
    )


class KnowledgeBase:
    """Actors by id, an index of their written forms, and who held which role when."""

    def __init__(self, actors: Iterable[Actor]):
        self._actors: dict[str, Actor] = {}
        for a in actors:
            self._actors[a.id] = a
        self._by_key: dict[str, list[tuple[str, str, str, str]]] = {}  # key -> (id, via, form, lang)
        self._roles: dict[tuple[str, str], list[tuple[Position, str]]] = {}
        for a in self._actors.values():
            self._index(a)

    def __reduce__(self):
        return (KnowledgeBase, (list(self._actors.values()),))

    def _index(self, a: Actor) -> None:
        seen = set()
        for lang in set(a.names) | set(a.surname) | set(a.adjectives) | set(a.demonyms) | set(a.metonyms) | set(a.capital_names):
            for form, via in a.forms(lang):
                for key in {norm(form), fold(form)}:
                    if (key, via, lang) not in seen:
                        seen.add((key, via, lang))
                        self._by_key.setdefault(key, []).append((a.id, via, form, lang))
        for ab in a.abbreviations:
            self._by_key.setdefault(norm(ab), []).append((a.id, "abbreviation", ab, "*"))
        if norm(a.name) not in {k for k, _v, _l in seen}:
            self._by_key.setdefault(norm(a.name), []).append((a.id, "name", a.name, "en"))
        for p in a.positions:
            self._roles.setdefault((p.role, p.of), []).append((p, a.id))

    # -- the interface ------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self._actors

    def countries(self) -> list[Actor]:
        return [a for a in self._actors.values() if a.type == "country"]

    def candidates(self, surface_or_lemma: str, lang: str, date: str | None = None) -> list[Candidate]:
        """Actors a form (surface or base form, one or more words) may name, best first.

        Best: written in ``lang``; then holding a position at ``date``; abbreviations match
        their exact spelling only.
        """
        out = []
        for key in dict.fromkeys((norm(surface_or_lemma), fold(surface_or_lemma))):
            for actor_id, via, form, form_lang in self._by_key.get(key, ()):
                if via == "abbreviation" and form != surface_or_lemma.strip():
                    continue
                a = self._actors[actor_id]
                score = (2.0 if form_lang in (lang, "*") else 0.5) + (1.0 if a.positions_at(date) else 0.0)
                out.append(Candidate(a, via, form, form_lang, score))
        best: dict[str, Candidate] = {}
        for c in out:
            if c.actor.id not in best or c.score > best[c.actor.id].score:
                best[c.actor.id] = c
        return sorted(best.values(), key=lambda c: -c.score)

    def holders(self, role: str, of: str, date: str | None = None) -> list[Actor]:
        """Who held ``role`` of ``of`` (a country code or org id) on ``date``.

        With no date: the current holders (open-ended positions), else the latest one.
        """
        held = self._roles.get((role, of), [])
        hits = [self._actors[i] for p, i in held if p.covers(date)]
        if hits or date is not None or not held:
            return hits
        latest = max(held, key=lambda t: t[0].start or "")
        return [self._actors[latest[1]]]

    def roles_of(self, actor_id: str, date: str | None) -> list[Position]:
        a = self._actors.get(actor_id)
        return a.positions_at(date) if a else []

    def country(self, code: str) -> Actor | None:
        a = self._actors.get(code)
        return a if a and a.type == "country" else None


def _read_records(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8") as f:
            data = yaml.load(f, Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as e:
        raise ResourceError(f"cannot read KB file {path}: {e}; fix or remove the file") from e
    if data is None:
        return []
    if not isinstance(data, list):
        raise ResourceError(f"KB file {path} must hold a list of records (kronika/resources/kb/README.md)")
    return data


def _merge(base: dict, extra: dict) -> dict:
    """A later record with the same id adds names and positions to an earlier one."""
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            merged = dict(out[k])
            for lang, vals in v.items():
                if isinstance(vals, list) and isinstance(merged.get(lang), list):
                    merged[lang] = merged[lang] + [x for x in vals if x not in merged[lang]]
                else:
                    merged[lang] = vals
            out[k] = merged
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        elif v is not None:
            out[k] = v
    return out


def kb_files(directory: Path) -> list[Path]:
    """Record files of a KB folder; ``*_extra.yaml`` are inputs of a build script, not records."""
    return sorted(p for p in directory.rglob("*.yaml") if p.is_file() and not p.stem.endswith("_extra"))


def read_kb_dirs(dirs: Iterable[Path]) -> list[Actor]:
    records: dict[str, dict] = {}
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise ResourceError(f"KB folder {d} does not exist; pass a folder of KB YAML files")
        for path in kb_files(d):
            for rec in _read_records(path):
                if not isinstance(rec, dict) or "id" not in rec:
                    raise ResourceError(f"{path}: a record without an id; every record needs id, name, type, country, names")
                rid = str(rec["id"])
                records[rid] = _merge(records[rid], rec) if rid in records else rec
    actors = []
    for rec in records.values():
        try:
            actors.append(actor_from_record(rec))
        except (KeyError, TypeError, ValueError) as e:
            raise ResourceError(f"KB record {rec.get('id')!r} is malformed ({e!r}); see kronika/resources/kb/README.md") from e
    return actors


_CACHE_FORMAT = "actor-v2"  # bump when Actor's fields change, so old pickles are not read


def _cache_path(dirs: tuple[str, ...]) -> Path | None:
    """A parsed-KB cache file named by the files' paths, sizes and times (YAML parsing is slow)."""
    h = hashlib.sha1(_CACHE_FORMAT.encode())
    try:
        for d in dirs:
            for p in kb_files(Path(d)):
                st = p.stat()
                h.update(f"{p}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kronika"
    return base / f"kb-{h.hexdigest()[:20]}.pickle"


def _cached_actors(dirs: tuple[str, ...]) -> list[Actor]:
    path = _cache_path(dirs)
    if path is not None and path.exists():
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except Exception as e:  # a stale or broken cache is only slower, never wrong
            log.debug("KB cache %s unusable (%s); reading the YAML", path, e)
    actors = read_kb_dirs(Path(d) for d in dirs)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(actors, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for old in path.parent.glob("kb-*.pickle"):
                if old != path and old.stat().st_mtime < path.stat().st_mtime - 3600:
                    old.unlink(missing_ok=True)  # caches of KB versions edited away an hour ago
        except OSError as e:
            log.debug("KB cache not written (%s)", e)
    return actors


@lru_cache(maxsize=8)
def _load(dirs: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase(_cached_actors(dirs))
    log.info("loaded %d actors from %s", len(kb), ", ".join(dirs))
    return kb


def load_kb(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The bundled KB plus user folders (later folders add to or override earlier ones); cached."""
    dirs = (str(KB_DIR),) + tuple(str(Path(d).resolve()) for d in extra_dirs)
    return _load(dirs)
