"""clean_article: offsets back to the raw text, headings, date lines, soft wraps, sentences."""
from __future__ import annotations

import pickle

import pytest

from kronika.clean import clean_article
from kronika.model import Article

RAW = """Top of page
  • Maria Lis

Updated: Mar 3, 2023

Vilnius / February 24, 2023

Baltic leaders meet in Vilnius

The presidents of Lithuania, Latvia and Estonia met in Vilnius on Friday. They discussed air defence and the protection of undersea cables.

Talks on support for Ukraine

The leaders agreed to send more ammunition. "We will not stop," one of them said.

12 views0 comments
bottom of page
"""


def make(raw: str, **kw) -> Article:
    return clean_article(Article(id="t", source="test", raw=raw, **kw))


def test_offsets_map_clean_back_to_raw():
    article = make(RAW)
    assert len(article.offsets) == len(article.clean)
    for i, ch in enumerate(article.clean):
        if not ch.isspace():
            assert article.raw[article.offsets[i]] == ch


def test_removed_lines_carry_rules_and_raw_spans():
    article = make(RAW)
    rules = [r.rule for r in article.removed]
    assert rules == ["site_chrome", "byline_bullet", "updated_line", "dateline", "view_counter", "site_chrome"]
    for removed in article.removed:
        assert article.raw[removed.raw_start:removed.raw_end] == removed.text
        assert removed.text not in article.clean


def test_date_lines_become_evidence():
    article = make(RAW)
    assert [(e.source, e.value) for e in article.date_evidence] == [("updated", "2023-03-03"), ("dateline", "2023-02-24")]


def test_headings_are_marked_and_are_their_own_sentences():
    article = make(RAW)
    assert [h.text for h in article.headings] == ["Baltic leaders meet in Vilnius", "Talks on support for Ukraine"]
    headings = [s.text for s in article.sentences if s.is_heading]
    assert headings == ["Baltic leaders meet in Vilnius", "Talks on support for Ukraine"]
    for sentence in article.sentences:
        assert article.clean[sentence.start:sentence.end] == sentence.text


def test_sentences_and_paragraph_numbers():
    article = make(RAW)
    body = [(s.paragraph, s.text) for s in article.sentences if not s.is_heading]
    assert body == [
        (1, "The presidents of Lithuania, Latvia and Estonia met in Vilnius on Friday."),
        (1, "They discussed air defence and the protection of undersea cables."),
        (3, "The leaders agreed to send more ammunition."),
        (3, '"We will not stop," one of them said.'),
    ]


def test_inline_dateline_is_evidence_and_text_is_kept():
    article = make("KYIV, March 3, 2023 (Reuters) - Ukraine said on Friday it had repelled an attack near the city.")
    assert [(e.source, e.value) for e in article.date_evidence] == [("dateline", "2023-03-03")]
    assert article.clean.startswith("KYIV, March 3, 2023 (Reuters) - Ukraine said")


def test_soft_wrapped_lines_are_joined():
    raw = "The minister said that the negotiations with the\nunions would continue until an agreement is reached.\nA second paragraph follows here."
    article = make(raw)
    assert article.clean.split("\n\n")[0] == "The minister said that the negotiations with the unions would continue until an agreement is reached."
    assert article.raw[article.offsets[len("The minister said that the negotiations with the")]] == "\n"


def test_title_line_is_a_heading_even_with_punctuation():
    article = make("Talks end. What next?\n\nThe talks ended on Friday without a deal.", title="Talks end. What next?")
    assert [h.text for h in article.headings] == ["Talks end. What next?"]


@pytest.mark.parametrize(
    "line",
    [
        "Warszawa, 12 października 2020",
        "Warszawa, 12.10.2020 r.",
        "Москва, 5 октября 2020 г.",
        "Київ, 5 жовтня 2021 року",
        "Thursday, October 12, 2023 10:30 am EST",
    ],
)
def test_dateline_only_lines_are_removed(line):
    article = make(line + "\n\nThe story begins here and goes on for a while.")
    assert [r.rule for r in article.removed] == ["dateline"]
    assert article.date_evidence[0].source == "dateline"


def test_dates_inside_prose_are_not_evidence():
    article = make("Protesty po wyborach z sierpnia 2020 r. trwały miesiącami.\n\nOn 12 October 2020 the talks failed.")
    assert article.date_evidence == []
    assert article.removed == []


def test_cleaned_article_pickles():
    article = make(RAW)
    again = pickle.loads(pickle.dumps(article))
    assert again.clean == article.clean and again.sentences == article.sentences
