"""The eval-format actor list, and the linker as a pipeline stage (picklable, language-aware)."""
import pickle

from actor_helpers import link

from kronika.actors import document_actors
from kronika.model import Article


def test_named_once_and_countries_once(linker):
    a = link(linker, "Putin spotkał się z Łukaszenką w Mińsku. Putin i Rosja, Rosjanie oraz NATO. "
                     "Spotkanie odbyło się w Duszanbe.")
    actors = document_actors(a)
    named = [x["name"] for x in actors if x["name"]]
    assert named == ["Vladimir Putin", "Alexander Lukashenko", "NATO"]
    bare = [x["country"] for x in actors if x["name"] is None]
    assert bare == ["RUS"]  # Mińsk and Duszanbe are places here; IGO is not a country
    assert {"name": "Vladimir Putin", "country": "RUS", "sector": "GOV"} in actors


def test_title_country_is_a_mentioned_country(linker):
    a = link(linker, "Spotkał się z prezydentem Azerbejdżanu.")
    actors = document_actors(a)
    assert {"name": "Ilham Aliyev", "country": "AZE", "sector": "GOV"} in actors
    assert {"name": None, "country": "AZE", "sector": None} in actors


def test_unknown_people_are_not_listed(linker):
    a = link(linker, "Wczoraj Grzegorz Brzęczyszczykiewicz złożył rezygnację.")
    assert a.mentions and document_actors(a) == []


def test_linker_pickles_and_still_links(linker):
    again = pickle.loads(pickle.dumps(linker))
    a = link(again, "Putin przemawiał.")
    assert a.mentions[0].actor_id == "vladimir-putin"


def test_unconfigured_language_gives_no_mentions(kb):
    from kronika.actors import make_linker

    only_en = make_linker(kb, languages=("en",))
    a = Article(id="x", source="x", raw="Putin", clean="Putin", language="pl")
    assert only_en(a).mentions == []


def test_sentence_index(linker):
    a = link(linker, "Putin przemawiał. Łukaszenka słuchał", sentences=True)
    assert [m.sentence for m in a.mentions] == [0, 1]


def test_empty_article(linker):
    a = Article(id="x", source="x", raw="", clean="", language="pl")
    assert linker(a).mentions == [] and document_actors(a) == []
