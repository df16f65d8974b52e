"""Actors: the knowledge base, mention finding and linking, titles resolved at a date.

    load_kb(extra_dirs=()) -> KnowledgeBase      kb.get / kb.candidates / kb.holders
    make_linker(kb=None, languages=...) -> Linker   Article -> Article, fills article.mentions
    document_actors(article) -> list[dict]        the eval format's ``actors`` list
"""
from kronika.actors.kb import Actor, Candidate, KnowledgeBase, Position, load_kb
from kronika.actors.linker import Linker, document_actors, make_linker

__all__ = ["Actor", "Candidate", "KnowledgeBase", "Position", "load_kb", "Linker", "make_linker",
           "document_actors"]
