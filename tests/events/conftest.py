"""The end-to-end runner every event test uses (clean -> real linker -> extractor), built once
per session, and the folder on sys.path so event_helpers imports under any import mode."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kronika.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def run_text():
    from kronika.actors import make_linker
    from kronika.clean import clean_article
    from kronika.events import make_extractor

    linker, extractor = make_linker(), make_extractor()

    def run(text: str, lang: str, published: str | None = "2024-03-15") -> Article:
        a = Article(id="t", source="test", raw=text, declared_language=lang, declared_published=published)
        a = clean_article(a)
        a.language, a.published = lang, published
        return extractor(linker(a))

    return run
