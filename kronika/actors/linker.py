"""Mention finding and linking (work in progress: contract first)."""
from __future__ import annotations

from kronika.actors.kb import KnowledgeBase, load_kb
from kronika.model import Article


class Linker:
    def __init__(self, kb: KnowledgeBase | None = None, languages=("pl", "en", "ru", "uk")):
        self.kb = kb
        self.languages = tuple(languages)

    def __call__(self, article: Article) -> Article:
        if self.kb is None:
            self.kb = load_kb()
        article.mentions = []
        return article


def make_linker(kb: KnowledgeBase | None = None, languages=("pl", "en", "ru", "uk")) -> Linker:
    return Linker(kb, languages)


def document_actors(article: Article) -> list[dict]:
    return []
