"""Cost of merging while storing: synthetic documents (random actors, types, dates) written
one by one into a fresh store; prints documents/s and the time per document at N/4, N/2, N.

    python bench/merge.py [N] [COPIES]   (default 2000 documents of 5 events, each once)

COPIES > 1 writes each synthetic document that many times under distinct ids, the way
syndicated news or a repeated corpus arrives: the cost per document must stay flat in N.
"""
from __future__ import annotations

import copy
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kronika.model import ActorRef, Article, Event, Place  # noqa: E402
from kronika.store import Store  # noqa: E402
from kronika.stories.queries import count_merged  # noqa: E402

TYPES = ["CONSULT", "AGREE", "ACCUSE", "ASSAULT", "AID", "REQUEST", "THREATEN", "COOPERATE"]
COUNTRIES = ["RUS", "BLR", "UKR", "POL", "USA", "DEU", "FRA", "AZE", "ARM", "GEO"]
PLACES = ["Minsk", "Moscow", "Kyiv", "Warsaw", "Berlin", None, None, None]


def synthetic(n: int, rng: random.Random) -> Article:
    events = []
    for _ in range(5):
        def side():
            c = rng.choice(COUNTRIES)
            if rng.random() < 0.5:
                k = rng.randrange(5)
                return [ActorRef(f"Person {c} {k}", c, "GOV", f"p-{c.lower()}-{k}")]
            return [ActorRef(None, c, None)]
        day = rng.randrange(730)
        date = f"{2022 + day // 365}-{(day % 365) // 31 + 1:02d}-{(day % 31) + 1:02d}"[: rng.choice([10, 10, 7])]
        if date.endswith(("-29", "-30", "-31")):
            date = date[:8] + "28"
        place = rng.choice(PLACES)
        events.append(Event(rng.choice(TYPES), side(), side(), date=date,
                            location=Place(place, None) if place else None))
    a = Article(id=f"doc{n:06d}", source="synthetic", raw=str(n), clean=f"document {n}")
    a.events = events
    return a


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    copies = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(7)
    distinct = [synthetic(i, rng) for i in range(max(1, total // copies))]
    docs = []
    for i in range(total):
        doc = copy.copy(distinct[i % len(distinct)])
        doc.id = f"doc{i:06d}"
        docs.append(doc)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        started = last = time.perf_counter()
        for i, doc in enumerate(docs, 1):
            with store.batch():
                store.write(doc)
            if i in (total // 4, total // 2, total):
                now = time.perf_counter()
                print(f"{i:6d} documents: {i / (now - started):7.1f} docs/s overall, "
                      f"{1000 * (now - last) / (i - (total // 4 if i == total // 2 else total // 2 if i == total else 0)):6.2f} ms/doc lately")
                last = now
        print(count_merged(store.conn))


if __name__ == "__main__":
    main()
