"""One event per occasion across sentences, and judgements in reported words. Sentences are
written for these tests."""
from __future__ import annotations

import pytest


def _c(refs) -> set[str]:
    return {r.country for r in refs if r.country}


def _of(article, type_):
    return [e for e in article.events if e.type == type_]


@pytest.mark.parametrize("lang,text", [
    ("pl", "Prezydent Litwy spotkał się w poniedziałek z prezydentem Łotwy. Po spotkaniu prezydent Litwy powiedział, "
           "że rozmawiał z prezydentem Łotwy o granicy. Wizyta prezydenta Litwy na Łotwie trwała dwa dni."),
    ("en", "The president of Lithuania met the president of Latvia on Monday. After the meeting the president of "
           "Lithuania said he had talked with the president of Latvia about the border. The visit of the president "
           "of Lithuania to Latvia lasted two days."),
])
def test_a_meeting_retold_in_later_sentences_is_one_event(run_text, lang, text):
    a = run_text(text, lang, "2024-03-15")
    consults = _of(a, "CONSULT")
    assert len(consults) == 1, [(e.trigger, e.date) for e in consults]
    assert _c(consults[0].source) | _c(consults[0].target) == {"LTU", "LVA"}
    assert consults[0].date == "2024-03-11"


@pytest.mark.parametrize("lang,text", [
    ("pl", "Prezydent Litwy spotkał się w poniedziałek z prezydentem Łotwy. "
           "Prezydent Litwy spotkał się w środę z prezydentem Łotwy."),
    ("en", "The president of Lithuania met the president of Latvia on Monday. "
           "The president of Lithuania met the president of Latvia on Wednesday."),
])
def test_meetings_on_two_days_stay_two(run_text, lang, text):
    a = run_text(text, lang, "2024-03-15")
    assert sorted(e.date for e in _of(a, "CONSULT")) == ["2024-03-11", "2024-03-13"]


@pytest.mark.parametrize("lang,text", [
    ("pl", "Rosja zaatakowała w piątek Ukrainę. Rosja zaatakowała w piątek Gruzję."),
    ("en", "Russia attacked Ukraine on Friday. Russia attacked Georgia on Friday."),
])
def test_acts_against_different_parties_stay_apart(run_text, lang, text):
    a = run_text(text, lang, "2024-03-15")
    assert sorted(next(iter(_c(e.target))) for e in _of(a, "ASSAULT")) == ["GEO", "UKR"]


@pytest.mark.parametrize("lang,text", [
    ("pl", "Rosja zapowiedziała, że rozmieści rakiety na Białorusi. Budowa magazynów rakiet na Białorusi zakończy się latem."),
])
def test_a_later_noun_for_the_same_plan_is_the_same_event(run_text, lang, text):
    a = run_text(text, lang, "2024-03-15")
    assert len([e for e in a.events if e.type in ("MOBILIZE", "THREATEN")]) == 1, [(e.type, e.trigger) for e in a.events]


def test_two_verbs_of_one_type_in_two_sentences_stay_two(run_text):
    """Only meetings fold by day: two reported arrests are two acts, as verbs say."""
    a = run_text("Białoruska milicja zatrzymała w piątek kilku Polaków. Białoruska milicja zatrzymała w piątek "
                 "kilku Litwinów.", "pl", "2024-03-15")
    assert len(_of(a, "COERCE")) == 2, [(e.trigger, _c(e.target)) for e in a.events]


@pytest.mark.parametrize("lang,text,source_name,target", [
    ("pl", "Pieskow powiedział dziennikarzom, że Węgry są sojusznikiem Rosji.", "Dmitry Peskov", {"HUN"}),
    ("pl", "Jak podała agencja Reutera, Pieskow powiedział, że Serbia pozostaje sojusznikiem Rosji.", "Dmitry Peskov", {"SRB"}),
    ("en", "Lavrov said Serbia was a close ally of Russia.", "Sergey Lavrov", {"SRB"}),
])
def test_a_judgement_in_reported_words_is_the_speakers(run_text, lang, text, source_name, target):
    a = run_text(text, lang, "2024-03-15")
    support = _of(a, "SUPPORT")
    assert support, [(e.type, e.trigger) for e in a.events]
    assert [s.name for s in support[0].source] == [source_name]
    assert _c(support[0].target) == target


@pytest.mark.parametrize("lang,text", [
    ("pl", "Węgry, sojusznik Rosji, zablokowały sankcje."),
    ("en", "Hungary's ally Serbia signed a treaty with Bosnia."),
])
def test_an_ally_named_without_a_copula_is_no_support(run_text, lang, text):
    a = run_text(text, lang, "2024-03-15")
    assert not [e for e in _of(a, "SUPPORT") if e.trigger.lower().startswith(("sojusz", "all"))], \
        [(e.type, e.trigger) for e in a.events]


@pytest.mark.parametrize("lang,text", [
    ("pl", "Po spotkaniu z prezydentem Łotwy prezydent Litwy zapowiedział wspólne ćwiczenia."),
    ("en", "After talks with the president of Latvia, the president of Lithuania announced joint exercises."),
])
def test_a_meeting_named_in_an_adverbial_with_its_partner_is_coded(run_text, lang, text):
    consults = _of(run_text(text, lang, "2024-03-15"), "CONSULT")
    assert consults and _c(consults[0].source) | _c(consults[0].target) == {"LTU", "LVA"}, consults


def test_two_people_side_by_side_are_two_participants(run_text):
    a = run_text("Po spotkaniu z Zełenskim premier Donald Tusk powiedział, że Polska pomoże Ukrainie.", "pl")
    consult = _of(a, "CONSULT")[0]
    assert [s.name for s in consult.source] == ["Donald Tusk"]
    assert [t.name for t in consult.target] == ["Volodymyr Zelenskyy"]


@pytest.mark.parametrize("lang,text,type_,source,target", [
    # an attack named in a phrase of cause, in a clause that counts the dead, happened
    ("ru", "В результате ракетного удара по Одессе погибли восемь человек.", "ASSAULT", set(), {"UKR"}),
    ("uk", "Внаслідок ракетного удару по Одесі загинули вісім людей.", "ASSAULT", set(), {"UKR"}),
    # a meeting named in an adverbial with its partner
    ("ru", "После встречи с президентом Латвии президент Литвы заявил о новых учениях.", "CONSULT", {"LTU"}, {"LVA"}),
    ("uk", "Після зустрічі з президентом Латвії президент Литви заявив про нові навчання.", "CONSULT", {"LTU"}, {"LVA"}),
])
def test_ru_uk_casualties_and_adverbial_meetings(run_text, lang, text, type_, source, target):
    found = _of(run_text(text, lang, "2024-03-15"), type_)
    assert found and (_c(found[0].source), _c(found[0].target)) == (source, target), found
