"""Lemmatised full-text search: inflected forms meet, actor names cross languages, the index
follows the store (write, replace, delete, rebuild). Sentences are written for these tests."""
from __future__ import annotations

import pytest

from kronika.errors import ConfigError
from kronika.model import Article, Mention, Sentence
from kronika.search import index_is_stale, parse_query, rebuild_index, search
from kronika.store import Store


def _article(doc_id: str, lang: str, text: str, mentions: list[tuple[str, str | None, str | None, str]] = ()) -> Article:
    a = Article(id=doc_id, source=f"/t/{doc_id}", raw=text, clean=text, language=lang, title=None,
                published="2022-05-01")
    a.sentences = [Sentence(0, len(text), text)]
    for surface, actor_id, name, kind in mentions:
        i = text.index(surface)
        a.mentions.append(Mention(i, i + len(surface), surface, kind, surface, actor_id, name,
                                  "BLR" if actor_id else None, sentence=0))
    return a


DOCS = [
    _article("pl-inst", "pl", "Delegacja rozmawiała wczoraj z Łukaszenką o sankcjach."),
    _article("pl-dat", "pl", "Opozycja przekazała Łukaszence petycję w sprawie więźniów."),
    _article("pl-linked", "pl", "Białoruski przywódca zapowiedział nowe ćwiczenia wojskowe.",
             [("Białoruski przywódca", "alexander-lukashenko", "Alexander Lukashenko", "person")]),
    _article("en-plural", "en", "The ministers discussed new sanctions against the airline."),
    _article("ru-inst", "ru", "Министры обсудили ситуацию с новыми санкциями."),
    _article("uk-inst", "uk", "Уряд погодився з новими санкціями проти компанії."),
    _article("pl-other", "pl", "Rolnicy protestowali przeciwko cenom nawozów."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "s.db"
    with Store(path) as s:
        for a in DOCS:
            s.write(a)
        yield s


def found(store, q, **kw) -> set[str]:
    return {r["doc_id"] for r in search(store.conn, q, limit=50, **kw)["results"]}


@pytest.mark.parametrize("lang, query, must_find", [
    # A base form finds inflected ones (the index holds lemmas).
    ("pl", "Łukaszenka", {"pl-inst", "pl-dat"}),
    ("pl", "Łukaszence", {"pl-inst", "pl-dat"}),
    ("pl", "sankcja", {"pl-inst"}),
    ("pl", "petycja", {"pl-dat"}),
    ("en", "sanction", {"en-plural"}),
    ("en", "minister", {"en-plural"}),
    ("ru", "санкция", {"ru-inst"}),
    ("ru", "министр", {"ru-inst"}),
    ("uk", "санкція", {"uk-inst"}),
    ("uk", "компанія", {"uk-inst"}),
])
def test_inflected_forms_meet(store, lang, query, must_find):
    got = found(store, query)
    assert must_find <= got, (query, got)
    assert "pl-other" not in got


def test_an_english_name_finds_polish_articles_about_the_actor(store):
    got = found(store, "Lukashenko")
    # Inflected surname forms, and a mention linked to the actor without his name in it.
    assert {"pl-inst", "pl-dat", "pl-linked"} <= got
    assert "pl-other" not in got


def test_case_and_diacritics_fold(store):
    assert {"pl-inst", "pl-dat"} <= found(store, "lukaszenka")


def test_every_word_must_match(store):
    assert found(store, "Łukaszenka sankcje") == {"pl-inst"}


def test_language_filter(store):
    assert found(store, "sanction", language="en") == {"en-plural"}


def test_snippets_mark_the_matching_words(store):
    hit = next(r for r in search(store.conn, "sankcja")["results"] if r["doc_id"] == "pl-inst")
    (snippet,) = hit["snippets"]
    assert [snippet["text"][a:b] for a, b in snippet["marks"]] == ["sankcjach"]


@pytest.mark.parametrize("query", ['NEAR(a b)', "a OR", "Łukaszenka AND", 'x" OR "y', "kid_x", "title:x", "-x ^y"])
def test_query_syntax_is_never_passed_through(store, query):
    search(store.conn, query)  # no sqlite3.OperationalError: every word is quoted


@pytest.mark.parametrize("query", ["", "   ", ",.;!?", '"', "*"])
def test_a_query_without_words_is_refused_with_advice(query):
    with pytest.raises(ConfigError, match="no words"):
        parse_query(query)


def test_index_follows_replace_and_delete(tmp_path):
    with Store(tmp_path / "r.db") as s:
        s.write(_article("doc", "pl", "Negocjacje w sprawie zboża trwały długo."))
        assert found(s, "negocjacja") == {"doc"}
        s.write(_article("doc", "pl", "Rozmowy o węglu zakończyły się porozumieniem."))
        assert found(s, "negocjacja") == set()
        assert found(s, "węgiel") == {"doc"}
        s.delete("doc")
        assert found(s, "węgiel") == set()
        assert s.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 0


def test_rebuild_restores_a_missing_index(tmp_path):
    with Store(tmp_path / "b.db") as s:
        for a in DOCS[:3]:
            s.write(a)
        with s.transaction() as db:
            db.execute("DELETE FROM search_index")
            db.execute("DELETE FROM search_docs")
        assert index_is_stale(s.conn)
        with s.transaction() as db:
            assert rebuild_index(db) == 3
        assert not index_is_stale(s.conn)
        assert found(s, "Łukaszenka") == {"pl-inst", "pl-dat", "pl-linked"}


@pytest.mark.parametrize("lang, text", [
    ("pl", "Minister O'Briena rozmawiał z dowódcą Iskander-M: „Nie”, powiedział — 12-3 dla nas."),
    ("en", "O’Brien's talks (part 2) ended; the ministers' follow-up starts on 5-6 May."),
    ("ru", "Министр встретился с послом — переговоры продолжатся в Санкт-Петербурге."),
    ("uk", "Міністр зустрівся з послом у Києві; розмова тривала 2 години."),
    (None, "_x_ a-b-c ''quoted'' ą-ę"),
])
def test_index_terms_are_the_tokenizer_words_with_their_lemmas(lang, text):
    from kronika.lang import tokenize
    from kronika.search import _morphology, _word_terms, text_terms

    morph = _morphology(lang)
    expected = [t for tok in tokenize(text) if tok.text[0].isalnum() or tok.text[0] == "_"
                for t in _word_terms(tok.text, morph)]
    assert text_terms(text, lang).split(" ") == expected
    assert text_terms(text, lang) == text_terms(text, lang)  # the cached forms give the same again
