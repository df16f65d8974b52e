"""Language per document and per paragraph, restricted to a configurable set."""
from __future__ import annotations

import pytest

from kronika.clean import clean_article
from kronika.detect.language import detect_language
from kronika.errors import UnknownLanguageError
from kronika.model import Article

PARAGRAPHS = {
    "pl": "Minister spraw zagranicznych zapowiedział, że rząd nie zgodzi się na żadne ustępstwa wobec Moskwy.",
    "en": "The foreign minister said the government would not agree to any concessions to Moscow this year.",
    "ru": "Министр иностранных дел заявил, что правительство не пойдет ни на какие уступки Москве.",
    "uk": "Міністр закордонних справ заявив, що уряд не піде на жодні поступки Москві цього року.",
}


def make(raw: str, **kw) -> Article:
    return Article(id="t", source="test", raw=raw, **kw)


@pytest.mark.parametrize("lang, text", PARAGRAPHS.items())
def test_document_language(lang, text):
    article = detect_language(clean_article(make(text + "\n\n" + text)))
    assert article.language == lang
    assert {p[2] for p in article.paragraph_languages} == {lang}


def test_mixed_page_gets_paragraph_languages_and_majority_document_language():
    raw = "\n\n".join([PARAGRAPHS["pl"], PARAGRAPHS["pl"], PARAGRAPHS["en"], "Tak.", PARAGRAPHS["pl"]])
    article = detect_language(clean_article(make(raw)))
    assert article.language == "pl"
    langs = [lang for _, _, lang in article.paragraph_languages]
    assert langs == ["pl", "pl", "en", "pl", "pl"]  # the one-word paragraph inherits the document's
    for start, end, _ in article.paragraph_languages:
        assert article.clean[start:end].strip() == article.clean[start:end]


def test_declared_language_wins_when_in_the_set():
    article = detect_language(make(PARAGRAPHS["en"], declared_language="pl"))
    assert article.language == "pl"


def test_declared_language_outside_the_set_is_ignored():
    article = detect_language(make(PARAGRAPHS["en"], declared_language="de"))
    assert article.language == "en"


def test_restricted_set():
    article = detect_language(make(PARAGRAPHS["uk"]), languages=("pl", "en", "ru"))
    assert article.language == "ru"


def test_unknown_code_fails_loudly():
    with pytest.raises(UnknownLanguageError):
        detect_language(make(PARAGRAPHS["en"]), languages=("en", "zz"))


def test_no_letters_no_language():
    article = detect_language(make("12 345 678"))
    assert article.language is None and article.paragraph_languages == []


def test_second_call_after_clean_is_a_no_op_but_a_narrower_set_redoes_it():
    article = clean_article(make(PARAGRAPHS["uk"]))
    assert article.language == "uk"
    assert detect_language(article).language == "uk"
    assert detect_language(article, languages=("ru", "pl")).language == "ru"


def test_clean_passes_the_language_set_on():
    article = clean_article(make(PARAGRAPHS["uk"]), languages=("pl", "ru"))
    assert article.language == "ru"
