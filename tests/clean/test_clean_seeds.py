"""The seed articles: boilerplate gone, every body sentence kept (checks over the files, no text copied)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kronika.clean import clean_article
from kronika.detect import detect_language, detect_published
from kronika.model import Article
from kronika.read import read_path

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*$")


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {a.id: detect_published(detect_language(clean_article(a))) for a in read_path(SEEDS)}


def test_every_seed_is_read(seeds):
    assert len(seeds) == len(list(SEEDS.iterdir()))


def test_language_and_date_match_gold(seeds):
    if not GOLD.exists():
        pytest.skip("gold not present")
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in gold:
        article = seeds[record["doc_id"]]
        assert article.language == record["language"], article.id
        assert article.published == record.get("published"), article.id


def test_no_prose_is_removed(seeds):
    for article in seeds.values():
        for removed in article.removed:
            letters = sum(ch.isalpha() for ch in removed.text)
            assert letters <= 160, (article.id, removed.rule)
            assert len(removed.text.split()) <= 25, (article.id, removed.rule)


def test_body_paragraphs_survive_verbatim(seeds):
    for article in seeds.values():
        raw_lines = [line.strip() for line in article.raw.split("\n") if line.strip()]
        body = [line for line in raw_lines if len(line.split()) >= 8 and _SENTENCE_END.search(line)]
        assert body, article.id
        for line in body:
            assert line in article.clean, (article.id, line[:40])


def test_what_is_left_is_prose_or_heading(seeds):
    heading_texts = {h.text for s in seeds.values() for h in s.headings}
    for article in seeds.values():
        for paragraph in article.clean.split("\n\n"):
            if paragraph in heading_texts:
                continue
            # a kept paragraph is prose: it ends like a sentence, or is long
            assert _SENTENCE_END.search(paragraph) or len(paragraph.split()) >= 15, (article.id, paragraph[:40])


def test_scraped_seeds_lose_their_chrome(seeds):
    scraped = [a for a in seeds.values() if a.declared_published is None]
    assert scraped
    for article in scraped:
        assert article.removed, article.id


def test_sentences_cover_the_clean_text(seeds):
    for article in seeds.values():
        assert article.sentences
        for sentence in article.sentences:
            assert article.clean[sentence.start:sentence.end] == sentence.text
        inside = [False] * len(article.clean)
        for sentence in article.sentences:
            inside[sentence.start:sentence.end] = [True] * (sentence.end - sentence.start)
        # every visible character of the clean text lies in some sentence
        assert all(inside[i] for i, ch in enumerate(article.clean) if not ch.isspace()), article.id
