"""Hand-made reports for merging tests (actors and dates invented for the tests)."""
from __future__ import annotations

from kronika.model import ActorRef, Article, Event, Place

PEOPLE = {
    "putin": ("vladimir-putin", "Vladimir Putin", "RUS"),
    "lukashenko": ("alexander-lukashenko", "Alexander Lukashenko", "BLR"),
    "aliyev": ("ilham-aliyev", "Ilham Aliyev", "AZE"),
    "lavrov": ("sergey-lavrov", "Sergey Lavrov", "RUS"),
    "tusk": ("donald-tusk", "Donald Tusk", "POL"),
    "zelensky": ("volodymyr-zelensky", "Volodymyr Zelensky", "UKR"),
}
CITIES = {"Minsk": "BLR", "Moscow": "RUS", "Sochi": "RUS", "Warsaw": "POL", "Kyiv": "UKR"}


def ref(who: str) -> ActorRef:
    """A person by short key, or a bare country by ISO code."""
    if who in PEOPLE:
        actor_id, name, country = PEOPLE[who]
        return ActorRef(name=name, country=country, sector="GOV", actor_id=actor_id)
    return ActorRef(name=None, country=who, sector=None)


def event(type_: str, source: list[str], target: list[str], date: str | None = None, place: str | None = None,
          modality: str = "asserted", mode: str | None = None, sentence: int = 0) -> Event:
    return Event(type=type_, source=[ref(s) for s in source], target=[ref(t) for t in target], date=date,
                 location=Place(place, CITIES.get(place)) if place else None, modality=modality, mode=mode,
                 sentence=sentence, evidence="...", trigger="met")


def article(doc_id: str, *events: Event, published: str | None = None, language: str = "en") -> Article:
    a = Article(id=doc_id, source=f"{doc_id}.txt", raw=doc_id, clean=f"text of {doc_id}", language=language,
                published=published)
    a.events = list(events)
    return a
