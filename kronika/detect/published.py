"""The document's publication date: header > page metadata > dateline > "Updated:" line > None.

Precision is kept (an ISO string's length is its precision). Dates mentioned in the story
itself are never used, and there is no fallback to today's date.
"""
from __future__ import annotations

from kronika.model import Article

__all__ = ["detect_published"]

# Declared sources in order of trust; a JSONL record's own field counts as a header.
_DECLARED_RANK = {"header": 0, "record": 0, "metadata": 1}
_EVIDENCE_ORDER = ("dateline", "updated")


def detect_published(article: Article) -> Article:
    if article.declared_published:
        article.published = article.declared_published
        article.published_source = article.declared_published_source or "header"
        return article
    for source in _EVIDENCE_ORDER:
        for evidence in article.date_evidence:
            if evidence.source == source and evidence.value:
                article.published = evidence.value
                article.published_source = source
                return article
    article.published = None
    article.published_source = None
    return article
