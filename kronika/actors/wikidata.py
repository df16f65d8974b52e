"""Import people and organisations from a Wikidata JSON dump into a user KB folder.

    import_wikidata("latest-all.json.gz", "my-kb/") -> {"people": ..., "organisations": ...}

The dump is one entity a line inside a top-level ``[ ]``, each line ending with ``,``
(https://www.wikidata.org/wiki/Wikidata:Database_download#JSON_dumps_(recommended)).
It is read twice, streaming: the first pass learns countries (P298, ISO alpha-3) and
position items (what role a position is: its own id, P279 subclass-of or P31 instance-of
among ``role_classes``; whose: P1001 applies-to-jurisdiction or P17 country); the second
writes people (P31 human, P39 positions held with P580/P582 start/end qualifiers, P27
citizenship) and organisations (P31 among ``org_classes``, P17 country). Output records
follow kronika/resources/kb/README.md, so ``load_kb(extra_dirs=[out_dir])`` merges them;
ids are slugs of the English name, so a person already in the bundled KB is extended, not
duplicated.
"""
from __future__ import annotations

import gzip
import json
import logging
import re
import unicodedata
from pathlib import Path
from typing import Iterator

import yaml

from kronika.errors import InputError

log = logging.getLogger("kronika")

HUMAN = "Q5"
MALE, FEMALE = "Q6581097", "Q6581072"

# Wikidata classes of positions -> KB roles. Generic classes; a specific position
# ("President of Russia", Q218295) is found through its P279/P31 links to these.
ROLE_CLASSES: dict[str, str] = {
    "Q48352": "head_of_state",
    "Q30461": "head_of_state",  # president
    "Q2285706": "head_of_government",
    "Q14212": "head_of_government",  # prime minister
    "Q7330070": "foreign_minister",
    "Q1553195": "defence_minister",
}

# Wikidata classes of organisations -> (KB kind, sector).
ORG_CLASSES: dict[str, tuple[str, str]] = {
    "Q484652": ("igo", "IGO"),  # international organization
    "Q192283": ("media", "MED"),  # news agency
    "Q11032": ("media", "MED"),  # newspaper
    "Q1616075": ("media", "MED"),  # television station
    "Q7278": ("party", "GOV"),  # political party
    "Q783794": ("company", "BUS"),
    "Q4830453": ("company", "BUS"),  # business
    "Q176799": ("military", "MIL"),  # military unit
}


def iter_entities(path: str | Path) -> Iterator[dict]:
    """Entities of a dump, one at a time (gzip or plain)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip().rstrip(",")
                if not line or line in ("[", "]"):
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{n}: not a Wikidata JSON dump line ({e}); "
                                     "expected one entity per line inside [ ]") from e
    except (OSError, EOFError) as e:
        raise InputError(f"cannot read Wikidata dump {path}: {e}") from e


def _item_values(entity: dict, prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        if claim.get("rank") == "deprecated":
            continue
        v = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(v, dict) and "id" in v:
            out.append(v["id"])
    return out


def _string_values(entity: dict, prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        v = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(v, str):
            out.append(v)
    return out


def _time(snak: dict) -> str | None:
    v = snak.get("datavalue", {}).get("value")
    if not isinstance(v, dict) or "time" not in v:
        return None
    m = re.match(r"[+-]?(\d{4,})-(\d\d)-(\d\d)", v["time"])
    if not m:
        return None
    year, month, day = m.groups()
    precision = v.get("precision", 11)
    if precision >= 11 and day != "00":
        return f"{year}-{month}-{day}"
    if precision >= 10 and month != "00":
        return f"{year}-{month}"
    return year


def _qualifier_time(claim: dict, prop: str) -> str | None:
    for snak in claim.get("qualifiers", {}).get(prop, []):
        t = _time(snak)
        if t:
            return t
    return None


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


def _names(entity: dict, languages) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang in languages:
        vals = []
        label = entity.get("labels", {}).get(lang, {}).get("value")
        if label:
            vals.append(label)
        for alias in entity.get("aliases", {}).get(lang, []):
            if alias.get("value") and alias["value"] not in vals:
                vals.append(alias["value"])
        if vals:
            out[lang] = vals
    return out


def _canonical(entity: dict) -> str | None:
    title = entity.get("sitelinks", {}).get("enwiki", {}).get("title")
    return title or entity.get("labels", {}).get("en", {}).get("value")


def import_wikidata(dump_path: str | Path, out_dir: str | Path, languages=("en", "pl", "ru", "uk"),
                    role_classes: dict[str, str] | None = None,
                    org_classes: dict[str, tuple[str, str]] | None = None) -> dict:
    """Write ``people.yaml`` and ``organisations.yaml`` into ``out_dir``; return counts."""
    role_classes = dict(ROLE_CLASSES if role_classes is None else role_classes)
    org_classes = dict(ORG_CLASSES if org_classes is None else org_classes)
    languages = tuple(languages)

    # pass 1: countries and position items
    alpha3: dict[str, str] = {}
    positions: dict[str, tuple[str, list[str]]] = {}  # position qid -> (role, jurisdiction qids)
    for e in iter_entities(dump_path):
        qid = e.get("id", "")
        codes = _string_values(e, "P298")
        if codes:
            alpha3[qid] = codes[0]
        role = role_classes.get(qid)
        if role is None:
            for parent in _item_values(e, "P279") + _item_values(e, "P31"):
                if parent in role_classes:
                    role = role_classes[parent]
                    break
        if role:
            positions[qid] = (role, _item_values(e, "P1001") + _item_values(e, "P17"))

    # pass 2: people and organisations
    people, orgs = [], []
    for e in iter_entities(dump_path):
        kinds = _item_values(e, "P31")
        name = _canonical(e)
        if not name:
            continue
        if HUMAN in kinds:
            rec = _person(e, name, languages, alpha3, positions)
            if rec:
                people.append(rec)
            continue
        for k in kinds:
            if k in org_classes:
                kind, sector = org_classes[k]
                country = "IGO" if sector == "IGO" else next((alpha3[c] for c in _item_values(e, "P17") if c in alpha3), None)
                if not country:
                    break
                orgs.append({"id": slug(name), "name": name, "type": "org", "country": country, "sector": sector,
                             "kind": kind, "wikidata": e["id"], "names": _names(e, languages) or {"en": [name]}})
                break

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    header = (f"# Imported from the Wikidata dump {Path(dump_path).name} by kronika.actors.wikidata "
              f"(labels and aliases in {', '.join(languages)}); Wikidata is CC0.\n")
    for fname, records in (("people.yaml", people), ("organisations.yaml", orgs)):
        with (out / fname).open("w", encoding="utf-8") as f:
            f.write(header)
            yaml.safe_dump(records, f, allow_unicode=True, sort_keys=False)
    stats = {"people": len(people), "organisations": len(orgs), "countries": len(alpha3), "positions": len(positions)}
    log.info("wikidata import: %s", stats)
    return stats


def _person(e: dict, name: str, languages, alpha3: dict, positions: dict) -> dict | None:
    held = []
    for claim in e.get("claims", {}).get("P39", []):
        if claim.get("rank") == "deprecated":
            continue
        v = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        pos = positions.get(v.get("id")) if isinstance(v, dict) else None
        if not pos:
            continue
        role, where = pos
        of = next((alpha3[c] for c in where if c in alpha3), None)
        if not of:
            continue
        held.append({"role": role, "of": of, "sector": "GOV",
                     "start": _qualifier_time(claim, "P580"), "end": _qualifier_time(claim, "P582")})
    if not held:
        return None
    citizenship = [alpha3[c] for c in _item_values(e, "P27") if c in alpha3]
    country = citizenship[-1] if citizenship else held[0]["of"]
    gender = {MALE: "m", FEMALE: "f"}.get(next(iter(_item_values(e, "P21")), ""), None)
    names = _names(e, languages) or {"en": [name]}
    rec = {"id": slug(name), "name": name, "type": "person", "country": country, "sector": "GOV"}
    if gender:
        rec["gender"] = gender
    rec["names"] = names
    rec["surname"] = {lang: vals[0].split()[-1] for lang, vals in names.items() if len(vals[0].split()) > 1}
    rec["positions"] = sorted(held, key=lambda p: p["start"] or "")
    rec["wikidata"] = e["id"]
    return rec
