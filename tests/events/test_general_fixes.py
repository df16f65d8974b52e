"""General event-stage fixes: attribution commas, proper-noun readings, unknown cases, meeting
places. Sentences are written for these tests (none comes from the seeds)."""
from __future__ import annotations

import pytest

from kronika.model import Article




def _c(refs) -> set[str]:
    return {r.country for r in refs if r.country}


def _events(article: Article, type_: str) -> list:
    found = [e for e in article.events if e.type == type_]
    assert found, f"no {type_}; got {[(e.type, _c(e.source), _c(e.target)) for e in article.events]}"
    return found


# An attribution phrase set off by a comma is not the first member of a list with the subject.
@pytest.mark.parametrize("lang,text", [
    ("pl", "Według brytyjskich mediów, Iran wysłał Rosji rakiety balistyczne."),
    ("en", "According to British officials, Iran sent Russia ballistic missiles."),
    ("ru", "По мнению британских экспертов, Иран передал России баллистические ракеты."),
    ("uk", "За словами британських посадовців, Іран передав Росії балістичні ракети."),
])
def test_attribution_comma_keeps_the_subject(run_text, lang, text):
    events = _events(run_text(text, lang), "AID")
    assert any(_c(e.source) == {"IRN"} and _c(e.target) == {"RUS"} and e.modality == "claimed" for e in events), \
        [(_c(e.source), _c(e.target), e.modality) for e in events]


# A comma inside a real list still chains its members (same preposition, same case).
@pytest.mark.parametrize("lang,text,chained", [
    ("pl", "Premier rozmawiał z Łotwą, Litwą i Estonią.", ("LVA", "LTU", "EST")),
    ("en", "The minister spoke with Latvia, Lithuania, and Estonia.", ("LVA", "LTU", "EST")),
    ("ru", "Министр говорил с Латвией, Литвой и Эстонией.", ("LVA", "LTU", "EST")),
])
def test_comma_list_still_chains(run_text, lang, text, chained):
    from kronika.events.extract import _mentions_by_sentence, sentence_view

    article = run_text(text, lang)
    mentions = _mentions_by_sentence(article)[0]
    view = sentence_view(article, 0, lang, mentions)
    by_country = {a.country: g for g in view.groups for a in g.actors}
    assert len({by_country[c].chain for c in chained}) == 1
    assert len({view.clause_of[by_country[c].first] for c in chained}) == 1


# A stray person-name reading ("НАТО" as a forename's vocative) does not decide the case.
@pytest.mark.parametrize("lang,word,case", [
    ("uk", "НАТО", "nom"),
    ("uk", "Білорусі", "gen"),
    ("pl", "Chiny", "nom"),
])
def test_proper_noun_reading_keeps_real_cases(lang, word, case):
    from kronika.events.tokens import _word, Tok

    lower, is_word, analyses, keys = _word(lang, word)
    assert case in Tok(0, 0, len(word), word, lower, keys, analyses).cases()


def test_place_reading_still_wins_over_common_noun():
    from kronika.events.tokens import _word, Tok

    lower, is_word, analyses, keys = _word("pl", "Chiny")
    assert "gen" not in Tok(0, 0, 5, "Chiny", lower, keys, analyses).cases()  # not "china"


@pytest.mark.parametrize("lang,text,type_,source,target", [
    ("uk", "НАТО закликало Росію припинити обстріли.", "REQUEST", "IGO", "RUS"),
    ("uk", "Литва заморозила рахунки Білорусі.", "SANCTION", "LTU", "BLR"),
])
def test_proper_noun_reading_roles(run_text, lang, text, type_, source, target):
    events = _events(run_text(text, lang), type_)
    assert any(source in _c(e.source) and target in _c(e.target) for e in events), \
        [(_c(e.source), _c(e.target)) for e in events]


# An abbreviation the analyser does not know has no case: it may still be the subject.
@pytest.mark.parametrize("lang,text,type_,source,target", [
    ("ru", "ВСУ атаковали Белгород.", "ASSAULT", "UKR", "RUS"),
    ("ru", "Министр заявил, что ВСУ обстреляли Курскую область.", "ASSAULT", "UKR", "RUS"),
])
def test_group_without_case_may_be_subject(run_text, lang, text, type_, source, target):
    events = _events(run_text(text, lang), type_)
    assert any(_c(e.source) == {source} and target in _c(e.target) for e in events), \
        [(_c(e.source), _c(e.target)) for e in events]


# Where a verbal act took place is not whom it was addressed to; a material act may hit a place,
# and a place that qualifies an object noun ("an embassy in Tehran") still counts.
@pytest.mark.parametrize("lang,text,place", [
    ("pl", "Ukraina zaapelowała w Brukseli o pomoc.", "BEL"),
    ("en", "Ukraine appealed in Brussels for more help.", "BEL"),
    ("ru", "Украина призвала в Брюсселе к помощи.", "BEL"),
    ("uk", "Україна закликала у Брюсселі до допомоги.", "BEL"),
])
def test_place_of_a_verbal_act_is_not_its_target(run_text, lang, text, place):
    article = run_text(text, lang)
    assert not any(place in _c(e.target) for e in article.events), \
        [(e.type, _c(e.source), _c(e.target)) for e in article.events]


@pytest.mark.parametrize("lang,text,type_,source,target", [
    ("pl", "Rosja zbombardowała cele w Charkowie.", "ASSAULT", "RUS", "UKR"),
    ("en", "Russia shelled targets in Kharkiv.", "ASSAULT", "RUS", "UKR"),
    ("en", "Sri Lanka opened an embassy in Tehran.", "SUPPORT", "LKA", "IRN"),
])
def test_place_stays_target_where_it_is_one(run_text, lang, text, type_, source, target):
    events = _events(run_text(text, lang), type_)
    assert any(source in _c(e.source) and target in _c(e.target) for e in events), \
        [(_c(e.source), _c(e.target)) for e in events]
