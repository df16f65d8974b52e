"""Score Kronika's cross-document event merging against MEANTIME (English, 120 Wikinews articles).

    python scripts/eval_meantime.py [../shared/peers/meantime-en] [--json] [--keep DB]

What is scored, and why so:
MEANTIME annotates every event mention (any verb or noun that denotes an event: "say", "rise",
"is"), and links mentions of one real-world event within and across documents (REFERS_TO an
EVENT instance; instances with an ``instance_id`` are the cross-document ones). Kronika finds
only political PLOVER events between actors, so most gold mentions have no Kronika counterpart.
We therefore score the clustering only on the mentions both sides have:

1. Each document's tokens are joined into text (title, dateline, one sentence a paragraph) and
   run through Kronika's real pipeline, with the document creation time as the publication
   date, and stored, so events are merged as in normal ingest.
2. A Kronika event is mapped to the gold event mention whose tokens overlap its trigger span
   (one Kronika event per gold mention: the first in the document).
3. Gold cluster of a mapped mention: its cross-document instance, else its in-document
   coreference target, else itself. System cluster: the Kronika merged event.
4. B-cubed precision, recall and F1 over the mapped mentions (Bagga & Baldwin 1998), beside
   two baselines on the same mentions: every mention alone, and one cluster per PLOVER type.
   Also pairwise precision and recall over cross-document pairs only (the merging this issue is
   about), since B-cubed on mostly singleton items rewards doing nothing.

The figures say how well Kronika merges the events it finds, not how many events it finds.

Because Kronika finds few PLOVER events in this business news (aircraft orders, Apple
products, GM, stock markets), a second figure scores the merging *rule* alone on gold
mentions ("oracle mentions", as in cross-document coreference work on ECB+): every gold
event mention becomes a report whose type is its predicate lemma (PLOVER types do not
exist here), whose sides are its Arg0 and Arg1 participants (entity chains as named actors),
whose place is its Argm-LOC participant, and whose date is the TIMEX3 it is temporally
linked to (SIMULTANEOUS, INCLUDES, IS_INCLUDED), else the document creation time, as Kronika
dates an act with no time expression. kronika.stories.merge then links and clusters them
exactly as in the store. Baselines on the same mentions: all singletons, and one cluster per
predicate lemma across the corpus.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kronika.model import Article  # noqa: E402
from kronika.pipeline import build_pipeline  # noqa: E402
from kronika.settings import Settings  # noqa: E402
from kronika.store import Store  # noqa: E402

DEFAULT = REPO.parent / "shared" / "peers" / "meantime-en"
NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "%", ")", "'s", "'", "n't", "''"}
NO_SPACE_AFTER = {"(", "$", "``"}


@dataclass
class GoldDoc:
    doc_id: str
    path: Path
    text: str = ""
    created: str | None = None
    token_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # t_id -> (start, end) in text
    mentions: dict[str, list[str]] = field(default_factory=dict)  # event mention m_id -> t_ids
    cluster: dict[str, str] = field(default_factory=dict)  # event mention m_id -> gold cluster id


def read_gold(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    doc = GoldDoc(doc_id=f"meantime-{root.get('doc_id')}", path=path)
    sentences: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for t in root.iter("token"):
        sentences[int(t.get("sentence"))].append((t.get("t_id"), t.text or ""))
    parts, at = [], 0
    for n in sorted(sentences):
        line, prev = [], None
        for t_id, word in sentences[n]:
            if line and word not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
                line.append(" ")
            start = at + sum(len(x) for x in line)
            line.append(word)
            doc.token_spans[t_id] = (start, start + len(word))
            prev = word
        text = "".join(line)
        parts.append(text)
        at += len(text) + 2  # paragraphs apart
    doc.text = "\n\n".join(parts)
    markables = root.find("Markables")
    instance: dict[str, str] = {}
    for m in markables:
        if m.tag == "EVENT_MENTION":
            doc.mentions[m.get("m_id")] = [a.get("t_id") for a in m.iter("token_anchor")]
        elif m.tag == "EVENT":
            instance[m.get("m_id")] = m.get("instance_id") or f"{doc.doc_id}:{m.get('m_id')}"
        elif m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
            doc.created = m.get("value")
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None or target.get("m_id") not in instance:
            continue
        for s in rel.iter("source"):
            if s.get("m_id") in doc.mentions:
                doc.cluster[s.get("m_id")] = instance[target.get("m_id")]
    for m_id in doc.mentions:
        doc.cluster.setdefault(m_id, f"{doc.doc_id}:{m_id}")
    return doc


def oracle_reports(path: Path) -> list[tuple[object, str]]:
    """(Report, gold cluster) for every gold event mention of one document (see the docstring)."""
    from kronika.stories.merge import Report, Side

    root = ET.parse(path).getroot()
    doc_id = f"meantime-{root.get('doc_id')}"
    markables = root.find("Markables")
    pred, timex, created, instance, entity_mentions = {}, {}, None, {}, set()
    for m in markables:
        if m.tag == "EVENT_MENTION":
            pred[m.get("m_id")] = (m.get("pred") or "").lower()
        elif m.tag == "ENTITY_MENTION":
            entity_mentions.add(m.get("m_id"))
        elif m.tag == "TIMEX3" and m.get("type") == "DATE":
            timex[m.get("m_id")] = m.get("value") or ""
            if m.get("functionInDocument") == "CREATION_TIME":
                created = m.get("value")
        elif m.tag in ("EVENT", "ENTITY"):
            instance[m.get("m_id")] = m.get("instance_id") or f"{doc_id}:{m.get('m_id')}"
    chain = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is not None and target.get("m_id") in instance:
            for s in rel.iter("source"):
                chain[s.get("m_id")] = instance[target.get("m_id")]
    sides: dict[str, dict[str, set]] = defaultdict(lambda: {"Arg0": set(), "Arg1": set(), "Argm-LOC": set()})
    for rel in root.iter("HAS_PARTICIPANT"):
        src, tgt = rel.find("source").get("m_id"), rel.find("target").get("m_id")
        role = rel.get("sem_role")
        if src in pred and tgt in entity_mentions and role in ("Arg0", "Arg1", "Argm-LOC"):
            sides[src][role].add(chain.get(tgt, f"{doc_id}:{tgt}"))
    dated = {}
    for rel in root.iter("TLINK"):
        if rel.get("reltype") not in ("SIMULTANEOUS", "INCLUDES", "IS_INCLUDED"):
            continue
        ends = {rel.find("source").get("m_id"), rel.find("target").get("m_id")}
        events, times = ends & set(pred), [t for t in ends if t in timex]
        if events and times and re.match(r"^\d{4}", timex[times[0]]):
            dated.setdefault(events.pop(), timex[times[0]])
    out = []
    for m_id, lemma in pred.items():
        s = sides[m_id]
        place = min(s["Argm-LOC"]) if s["Argm-LOC"] else None
        report = Report(id=f"{doc_id}#{m_id}", doc_id=doc_id, type=lemma or f"?{doc_id}#{m_id}", date=dated.get(m_id, created),
                        place=place, source=Side(frozenset(s["Arg0"])), target=Side(frozenset(s["Arg1"])))
        out.append((report, chain.get(m_id, f"{doc_id}:{m_id}")))
    return out


def evaluate_oracle(root: Path) -> dict:
    from kronika.stories.merge import _UnionFind, cluster_component, compare, load_settings

    cfg = load_settings()
    pairs = [p for path in sorted(root.glob("intra_cross-doc_annotation/*/*.xml")) for p in oracle_reports(path)]
    reports = {r.id: r for r, _ in pairs}
    gold = {r.id: g for r, g in pairs}
    by_type = defaultdict(list)
    for r, _ in pairs:
        by_type[r.type].append(r)
    links = []
    for group in by_type.values():
        for a, b in combinations(sorted(group, key=lambda r: r.id), 2):
            decision = compare(a, b, cfg)
            if decision.linked:
                links.append((a.id, b.id, decision.score))
    uf = _UnionFind(reports)
    for a, b, _ in links:
        uf.union(a, b)
    merged = {}
    for root_id, members in uf.groups().items():
        inside = set(members)
        merged.update(cluster_component({m: reports[m] for m in members},
                                        [l for l in links if l[0] in inside], cfg))
    docs = {r.id: r.doc_id for r, _ in pairs}
    return {
        "gold_event_mentions": len(pairs),
        "links": len(links),
        "b_cubed": b_cubed([(gold[i], merged[i]) for i in reports]),
        "baseline_singletons": b_cubed([(gold[i], i) for i in reports]),
        "baseline_same_lemma": b_cubed([(gold[i], reports[i].type) for i in reports]),
        "cross_doc_pairs": cross_doc_pairs([(docs[i], gold[i], merged[i]) for i in reports]),
        "cross_doc_pairs_same_lemma": cross_doc_pairs([(docs[i], gold[i], reports[i].type) for i in reports]),
    }


def b_cubed(items: list[tuple[str, str]]) -> dict[str, float]:
    """items: (gold cluster, system cluster) per mention."""
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    gold, system = Counter(g for g, _ in items), Counter(s for _, s in items)
    both = Counter(items)
    p = sum(both[(g, s)] / system[s] for g, s in items) / len(items)
    r = sum(both[(g, s)] / gold[g] for g, s in items) / len(items)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def cross_doc_pairs(items: list[tuple[str, str, str]]) -> dict[str, float | int]:
    """items: (doc, gold, system); pairwise P/R over pairs of mentions in different documents."""
    gold_pairs = system_pairs = both = 0
    for (d1, g1, s1), (d2, g2, s2) in combinations(items, 2):
        if d1 == d2:
            continue
        gold_pairs += g1 == g2
        system_pairs += s1 == s2
        both += g1 == g2 and s1 == s2
    p = both / system_pairs if system_pairs else 0.0
    r = both / gold_pairs if gold_pairs else 0.0
    return {"gold_pairs": gold_pairs, "system_pairs": system_pairs, "correct_pairs": both,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate(root: Path, db_path: Path) -> dict:
    docs = [read_gold(p) for p in sorted(root.glob("intra_cross-doc_annotation/*/*.xml"))]
    settings = Settings.load(environ={}, db=db_path, languages="en")
    pipeline = build_pipeline(settings)
    articles: dict[str, Article] = {}
    with Store(db_path) as store, store.batch():
        for doc in docs:
            title = doc.text.split("\n\n", 1)[0]
            article = Article(id=doc.doc_id, source=str(doc.path), raw=doc.text, title=title,
                              declared_published=doc.created, declared_published_source="record",
                              declared_language="en")
            result = pipeline.run(article)
            if isinstance(result, Article):
                store.write(result)
                articles[doc.doc_id] = result
    conn = store.reader()
    merged_of = dict(conn.execute("SELECT e.id, coalesce(m.merged_id, e.id) FROM events e"
                                  " LEFT JOIN merged_members m ON m.event_id = e.id"))
    items = []  # (doc, gold cluster, merged id, type)
    for doc in docs:
        article = articles.get(doc.doc_id)
        if article is None:
            continue
        by_token = {t: m for m, ts in doc.mentions.items() for t in ts}
        taken = set()
        for n, e in enumerate(article.events):
            if e.trigger_start < 0 or e.trigger_end <= e.trigger_start:
                continue
            raw_start = article.offsets[e.trigger_start] if article.offsets else e.trigger_start
            raw_end = article.offsets[e.trigger_end - 1] + 1 if article.offsets else e.trigger_end
            hits = [by_token[t] for t, (s, end) in doc.token_spans.items()
                    if t in by_token and s < raw_end and end > raw_start]
            hits = [h for h in dict.fromkeys(hits) if h not in taken]
            if hits:
                taken.add(hits[0])
                items.append((doc.doc_id, doc.cluster[hits[0]], merged_of[f"{doc.doc_id}#{n}"], e.type))
    gold_mentions = sum(len(d.mentions) for d in docs)
    cross_chains = Counter(g for _, g, _, _ in items)
    cross_docs = defaultdict(set)
    for d, g, _, _ in items:
        cross_docs[g].add(d)
    return {
        "metric": "B-cubed over gold event mentions that Kronika detects as events (trigger overlap)",
        "documents": len(docs),
        "gold_event_mentions": gold_mentions,
        "kronika_events": sum(len(a.events) for a in articles.values()),
        "mapped_mentions": len(items),
        "gold_chains_among_mapped": len(cross_chains),
        "gold_cross_doc_chains_among_mapped": sum(1 for g, ds in cross_docs.items() if len(ds) > 1),
        "merged_events_among_mapped": len({s for _, _, s, _ in items}),
        "b_cubed": b_cubed([(g, s) for _, g, s, _ in items]),
        "baseline_singletons": b_cubed([(g, f"{i}") for i, (_, g, _, _) in enumerate(items)]),
        "baseline_one_per_type": b_cubed([(g, t) for _, g, _, t in items]),
        "cross_doc_pairs": cross_doc_pairs([(d, g, s) for d, g, s, _ in items]),
        "cross_doc_pairs_one_per_type": cross_doc_pairs([(d, g, t) for d, g, _, t in items]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT, help="the meantime-en folder")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="keep the Kronika database here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    if not (args.root / "intra_cross-doc_annotation").is_dir():
        sys.exit(f"no MEANTIME corpus at {args.root} (expected intra_cross-doc_annotation/)")
    with tempfile.TemporaryDirectory(prefix="kronika-meantime-") as tmp:
        db = args.keep or Path(tmp) / "meantime.db"
        if db.exists():
            sys.exit(f"{db} exists; give a new file to --keep")
        result = {"end_to_end": evaluate(args.root, db), "oracle_mentions": evaluate_oracle(args.root)}
    if args.json:
        print(json.dumps(result))
        return
    for part, figures in result.items():
        print(f"== {part}")
        for key, value in figures.items():
            print(f"{key:36} {value}")


if __name__ == "__main__":
    main()
