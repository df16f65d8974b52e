"""Kronika: multilingual news to a dated, source-grounded record of political events."""
import logging

from kronika.model import ActorRef, Article, Event, Failure, Mention, Place, Sentence

logging.getLogger("kronika").addHandler(logging.NullHandler())

__all__ = ["Article", "ActorRef", "Event", "Failure", "Mention", "Place", "Sentence"]
__version__ = "0.1.0"
