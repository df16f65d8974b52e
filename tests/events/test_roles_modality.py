"""Roles from grammar, modality, dates and evidence, end to end through the real linker.

Sentences are written for these tests (none comes from the seeds)."""
from __future__ import annotations

import pickle

import pytest

from kronika.model import Article, Mention, Sentence




def _c(refs) -> set[str]:
    return {r.country for r in refs if r.country}


def _one(article: Article, type_: str):
    found = [e for e in article.events if e.type == type_]
    assert found, f"no {type_}; got {[(e.type, _c(e.source), _c(e.target)) for e in article.events]}"
    return found[0]


# --- roles ----------------------------------------------------------------------------------
ROLES = [
    # nominative source, z + instrumental partner
    ("pl", "Prezydent Litwy spotkał się z premierem Łotwy.", "CONSULT", {"LTU"}, {"LVA"}),
    # dative recipient of a transfer
    ("pl", "Norwegia przekazała Litwie nowe systemy artyleryjskie.", "AID", {"NOR"}, {"LTU"}),
    # accusative target
    ("pl", "Estonia oskarżyła Rosję o cyberataki.", "ACCUSE", {"EST"}, {"RUS"}),
    # przez + accusative: the agent of a nominalisation
    ("pl", "Doszło do zestrzelenia ukraińskiego drona przez Białoruś.", "ASSAULT", {"BLR"}, {"UKR"}),
    # do + genitive for calls
    ("pl", "Kanclerz Niemiec zadzwonił do prezydenta Francji.", "CONSULT", {"DEU"}, {"FRA"}),
    # od + genitive: the giver of what is received
    ("pl", "Gruzja otrzymała od Japonii pomoc humanitarną.", "AID", {"JPN"}, {"GEO"}),
    # genitive complement of an event noun names the parties
    ("pl", "W Wilnie zakończyło się spotkanie prezydentów Litwy i Polski.", "CONSULT", {"LTU", "POL"}, set()),
    # coordinated subjects are both sources
    ("pl", "Litwa i Łotwa zaatakowały Rosję w sieci.", "ASSAULT", {"LTU", "LVA"}, {"RUS"}),
    # a reported-speech verb makes its speaker the source of the clause it introduces
    ("pl", "Estonia oświadczyła, że rozmawiała z Finlandią o obronie.", "CONSULT", {"EST"}, {"FIN"}),
    # English: subject before the verb, object after it
    ("en", "Estonia accused Russia of cyberattacks.", "ACCUSE", {"EST"}, {"RUS"}),
    # English passive with "by"
    ("en", "Ukraine was attacked by Russia on Friday.", "ASSAULT", {"RUS"}, {"UKR"}),
    # English "with" partner and coordination
    ("en", "Latvia and Lithuania signed an agreement with Poland.", "SUPPORT", {"LVA", "LTU"}, {"POL"}),
    # English recipient after "to"
    ("en", "Norway delivered artillery systems to Lithuania.", "AID", {"NOR"}, {"LTU"}),
    # English giver after "from"
    ("en", "Georgia received humanitarian aid from Japan.", "AID", {"JPN"}, {"GEO"}),
    # Russian and Ukrainian: case frames as data
    ("ru", "Эстония обвинила Россию в кибератаках.", "ACCUSE", {"EST"}, {"RUS"}),
    ("uk", "Норвегія передала Литві нові артилерійські системи.", "AID", {"NOR"}, {"LTU"}),
]


@pytest.mark.parametrize("lang,text,type_,source,target", ROLES, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROLES)])
def test_roles(run_text, lang, text, type_, source, target):
    e = _one(run_text(text, lang), type_)
    if type_ in ("CONSULT", "AGREE", "COOPERATE") and not target:
        assert _c(e.source) | _c(e.target) == source
    else:
        assert _c(e.source) == source
        assert _c(e.target) == target


def test_the_object_of_an_accusation_is_not_the_accusers_act(run_text):
    a = run_text("Francja potępiła atak na Izrael.", "pl")
    assert _c(_one(a, "ACCUSE").source) == {"FRA"}
    # the attack is not France's, and a bare noun with no agent is not coded on its own
    assert not [e for e in a.events if e.type == "ASSAULT" and "FRA" in _c(e.source)]


def test_no_event_without_an_actor(run_text):
    assert run_text("Wczoraj doszło do ataku na miasto.", "pl").events == []
    assert run_text("Talks were held yesterday.", "en").events == []


# --- modality -------------------------------------------------------------------------------
MODALITY = [
    ("pl", "Polska przekazała Ukrainie czołgi.", "AID", "asserted"),
    ("pl", "Rosja rzekomo zaatakowała Mołdawię.", "ASSAULT", "claimed"),
    ("pl", "Według agencji Reutera Chiny dostarczyły Rosji amunicję.", "AID", "claimed"),
    ("pl", "Premier Węgier nie spotkał się z prezydentem Ukrainy.", "CONSULT", "denied"),
    ("pl", "Niemcy planują rozmieścić brygadę na Litwie.", "MOBILIZE", "planned"),
    ("pl", "Rosja zapowiedziała, że rozmieści rakiety na Białorusi.", "MOBILIZE", "planned"),
    ("en", "Poland delivered tanks to Ukraine.", "AID", "asserted"),
    ("en", "Russia reportedly attacked Moldova.", "ASSAULT", "claimed"),
    ("en", "According to the media, China supplied Russia with ammunition.", "AID", "claimed"),
    ("en", "The Hungarian prime minister did not meet the Ukrainian president.", "CONSULT", "denied"),
    ("en", "Germany plans to deploy a brigade in Lithuania.", "MOBILIZE", "planned"),
    ("en", "Russia will deploy missiles in Belarus.", "MOBILIZE", "planned"),
    ("ru", "Россия якобы атаковала Молдавию.", "ASSAULT", "claimed"),
    ("uk", "Польща не передала Україні танки.", "AID", "denied"),
]


@pytest.mark.parametrize("lang,text,type_,modality", MODALITY, ids=[f"{r[0]}-{r[3]}-{i}" for i, r in enumerate(MODALITY)])
def test_modality(run_text, lang, text, type_, modality):
    assert _one(run_text(text, lang), type_).modality == modality


PROMISES = [
    # a promise of aid or cooperation is itself an AGREE, asserted (PLOVER)
    ("pl", "Kanada zadeklarowała, że przekaże Ukrainie nowe drony."),
    ("pl", "Japonia obiecała przekazać Ukrainie generatory."),
    ("en", "Canada promised to deliver drones to Ukraine."),
    ("en", "Japan will provide Ukraine with generators."),
]


@pytest.mark.parametrize("lang,text", PROMISES, ids=[f"{r[0]}-{i}" for i, r in enumerate(PROMISES)])
def test_promise_of_aid_is_an_asserted_agree(run_text, lang, text):
    a = run_text(text, lang)
    agree = _one(a, "AGREE")
    assert agree.modality == "asserted"
    assert _c(agree.target) == {"UKR"}
    assert not [e for e in a.events if e.type == "AID"], "the promised act is not coded until it happens"


def test_conditional_and_speculation_are_not_coded(run_text):
    assert not run_text("Gdyby Rosja zaatakowała Litwę, NATO by odpowiedziało.", "pl").events
    assert not run_text("If Russia attacked Lithuania, NATO would respond.", "en").events


# --- dates and evidence ---------------------------------------------------------------------
DATES = [
    ("pl", "Premier Litwy spotkał się we wtorek z prezydentem Polski.", "2024-03-15", "CONSULT", "2024-03-12"),
    ("pl", "Rosja zaatakowała Ukrainę w lutym 2022 r.", "2024-03-15", "ASSAULT", "2022-02"),
    ("pl", "Polska przekazała Ukrainie czołgi.", "2024-03-15", "AID", "2024-03-15"),
    ("en", "Lithuania expelled two Russian diplomats last month.", "2024-03-15", "SANCTION", "2024-02"),
    ("en", "On October 10, Armenia attacked Azerbaijan.", "2020-10-12", "ASSAULT", "2020-10-10"),
]


@pytest.mark.parametrize("lang,text,published,type_,date", DATES, ids=[f"{r[0]}-{i}" for i, r in enumerate(DATES)])
def test_event_dates(run_text, lang, text, published, type_, date):
    assert _one(run_text(text, lang, published), type_).date == date


@pytest.mark.parametrize("lang,text,type_", [
    ("pl", "Białoruś przez lata zaopatrywała Rosję w amunicję.", "AID"),
    ("pl", "Do tej pory Białoruś użyczała Rosji swoich lotnisk.", "AID"),
    ("en", "Belarus has repeatedly supplied Russia with ammunition.", "AID"),
])
def test_habitual_past_is_undated(run_text, lang, text, type_):
    assert _one(run_text(text, lang), type_).date is None


def test_an_imperfective_past_alone_is_a_dated_act(run_text):
    """Polish news tells single acts in the imperfective too ("protestowali w Tbilisi")."""
    assert _one(run_text("Tysiące Gruzinów protestowały w Tbilisi przeciwko rządowi.", "pl", "2024-03-15"),
                "PROTEST").date == "2024-03-15"


def test_evidence_and_spans(run_text):
    text = "Wstęp bez zdarzeń. Litwa wydaliła rosyjskiego dyplomatę. Koniec."
    a = run_text(text, "pl")
    e = _one(a, "SANCTION")
    assert e.evidence == a.clean[e.evidence_start:e.evidence_end]
    assert "wydaliła" in e.evidence and "Wstęp" not in e.evidence
    assert a.clean[e.trigger_start:e.trigger_end] == e.trigger == "wydaliła"
    assert e.sentence == 1
    for ref in e.source + e.target:
        assert 0 <= ref.start < ref.end <= len(a.clean)


# --- hand-made mentions, no linker ----------------------------------------------------------
def _article(text: str, lang: str, mentions) -> Article:
    a = Article(id="h", source="hand", raw=text, clean=text, language=lang, published="2024-03-15",
                sentences=[Sentence(0, len(text), text)])
    for surface, country, kind, cases in mentions:
        i = text.index(surface)
        a.mentions.append(Mention(i, i + len(surface), surface, kind, country=country, cases=tuple(cases), sentence=0))
    return a


def test_hand_made_mentions_use_their_cases():
    from kronika.events import make_extractor

    a = _article("Kraj A zaatakował kraj B.", "pl", [("Kraj A", "AAA", "country", ["nom"]), ("kraj B", "BBB", "country", ["acc"])])
    a = make_extractor()(a)
    e = _one(a, "ASSAULT")
    assert _c(e.source) == {"AAA"} and _c(e.target) == {"BBB"}


def test_extractor_pickles_and_skips_unknown_languages():
    from kronika.events import make_extractor

    x = pickle.loads(pickle.dumps(make_extractor()))
    a = _article("Polska przekazała Ukrainie czołgi.", "xx", [("Polska", "POL", "country", ["nom"])])
    assert x(a).events == []


@pytest.mark.parametrize("lang,text", [
    ("pl", "Rosja zaatakowała Ukrainę w lutym 2022 r. Po ataku Francja potępiła Rosję."),
    ("en", "Russia attacked Ukraine in February 2022. After the attack, France condemned Russia."),
])
def test_a_back_reference_takes_the_date_of_the_event_it_names(run_text, lang, text):
    a = run_text(text, lang, "2024-03-15")
    assert _one(a, "ASSAULT").date == "2022-02"
    assert _one(a, "ACCUSE").date == "2022-02"


@pytest.mark.parametrize("lang,text", [
    ("pl", "Rosja zaatakowała Gruzję w sierpniu 2008 r. Zaczęło się od ostrzału, a Rosja oskarżyła Gruzję. "
           "Polska potępiła Rosję w piątek."),
    ("en", "Russia attacked Georgia in August 2008. It began with shelling, and Russia blamed Georgia. "
           "Poland condemned Russia on Friday."),
])
def test_history_the_article_recalls_is_not_coded(run_text, lang, text):
    """An event dated years before publication, and the undated sentence that goes on telling
    it, are recalled history; the news of the week in the next sentence is kept."""
    a = run_text(text, lang, "2024-03-15")
    assert [(e.type, e.date) for e in a.events] == [("ACCUSE", "2024-03-15")]


@pytest.mark.parametrize("lang,text", [
    ("pl", "W marcu 2021 r. Rosja zaatakowała Ukrainę. Polska potępiła wówczas Rosję."),
    ("en", "Russia attacked Ukraine in March 2021. At the time, Poland condemned Russia."),
])
def test_then_takes_the_time_last_named(run_text, lang, text):
    assert _one(run_text(text, lang, "2024-03-15"), "ACCUSE").date == "2021-03"


@pytest.mark.parametrize("lang,text", [
    ("pl", "Japonia zapowiedziała, że do końca roku przekaże Ukrainie 4,5 mld dolarów."),
    ("en", "Japan said it would give Ukraine 4.5 billion dollars by the end of the year."),
])
def test_a_promise_made_an_agree_is_dated_when_made(run_text, lang, text):
    assert _one(run_text(text, lang, "2024-03-15"), "AGREE").date == "2024-03-15"
