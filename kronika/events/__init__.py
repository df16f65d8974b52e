"""Events: PLOVER event extraction (triggers as data, roles from grammar, modality, evidence).

``make_extractor()`` builds the stage, a picklable callable ``Article -> Article`` that
fills ``article.events``. Dates come from ``kronika.events.time``, places from
``kronika.events.places``.
"""
from kronika.events.extract import Extractor, extract_events, make_extractor

__all__ = ["Extractor", "extract_events", "make_extractor"]
