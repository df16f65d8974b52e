"""Places: gazetteer size, inflected forms per language, prepositions, spans."""
from __future__ import annotations

import pickle

import pytest

from kronika.events.places import event_location, find_places, gazetteer_size
from kronika.model import Place


def test_gazetteer_is_broad():
    assert gazetteer_size() >= 250


# (lang, text, English name, country) of the first place found
FORMS = [
    ("pl", "Rozmowy odbyły się w Mińsku.", "Minsk", "BLR"),
    ("pl", "Delegacja wyjechała do Mińska.", "Minsk", "BLR"),
    ("pl", "Szczyt zorganizowano w Duszanbe.", "Dushanbe", "TJK"),
    ("pl", "Ambasador został wezwany w Moskwie.", "Moscow", "RUS"),
    ("pl", "Forum gospodarcze w Petersburgu zakończono.", "Saint Petersburg", "RUS"),
    ("pl", "Wybuchy słychać było w Kijowie.", "Kyiv", "UKR"),
    ("pl", "Protest zorganizowano we Lwowie.", "Lviv", "UKR"),
    ("pl", "Samolot wystartował z Baku.", "Baku", "AZE"),
    ("pl", "Walki toczą się w Pokrowsku.", "Pokrovsk", "UKR"),
    ("pl", "Obrońcy wycofali się z Awdijiwki.", "Avdiivka", "UKR"),
    ("pl", "Rosjanie ostrzelali Bachmut.", "Bakhmut", "UKR"),
    ("pl", "Sytuacja w Chersoniu jest trudna.", "Kherson", "UKR"),
    ("pl", "W Zaporożu ogłoszono alarm.", "Zaporizhzhia", "UKR"),
    ("pl", "Wojska weszły do Stepanakertu.", "Khankendi", "AZE"),
    ("pl", "Uroczystość odbyła się w Szuszy.", "Shusha", "AZE"),
    ("pl", "Napięcie w Górskim Karabachu rośnie.", "Nagorno-Karabakh", "AZE"),
    ("pl", "Rosja wzmacnia wpływy na Kaukazie Południowym.", "South Caucasus", None),
    ("pl", "Okupacja Krymu trwa od lat.", "Crimea", "UKR"),
    ("pl", "Walki w Donbasie nasiliły się.", "Donbas", "UKR"),
    ("pl", "Negocjacje w Genewie przerwano.", "Geneva", "CHE"),
    ("pl", "Szczyt NATO w Wilnie zakończył się.", "Vilnius", "LTU"),
    ("pl", "Prezydenci spotkali się w Stambule.", "Istanbul", "TUR"),
    ("pl", "Spotkanie w Helsinkach trwało dwie godziny.", "Helsinki", "FIN"),
    ("pl", "Przywódcy rozmawiali w Soczi.", "Sochi", "RUS"),
    ("pl", "Rozmowy w Astanie zakończyły się.", "Astana", "KAZ"),
    ("pl", "Rozmowy na Kremlu trwały trzy godziny.", "Moscow", "RUS"),
    ("pl", "Prezydent przyjął gościa w Białym Domu.", "Washington, D.C.", "USA"),
    ("pl", "Spotkanie w Erywaniu odwołano.", "Yerevan", "ARM"),
    ("pl", "Delegacja przyleciała do Tbilisi.", "Tbilisi", "GEO"),
    ("pl", "Ćwiczenia odbyły się w Nowym Jorku.", "New York", "USA"),
    ("en", "The leaders met in Minsk on Friday.", "Minsk", "BLR"),
    ("en", "Talks in Dushanbe ended.", "Dushanbe", "TJK"),
    ("en", "Fighting around Bakhmut intensified.", "Bakhmut", "UKR"),
    ("en", "The summit in Anchorage was short.", "Anchorage", "USA"),
    ("en", "Officials at the Kremlin declined to comment.", "Moscow", "RUS"),
    ("en", "Kyiv's mayor spoke.", "Kyiv", "UKR"),
    ("en", "Shelling hit Kiev overnight.", "Kyiv", "UKR"),
    ("en", "Azerbaijan retook Shushi.", "Shusha", "AZE"),
    ("en", "The blockade of Nagorno-Karabakh ended.", "Nagorno-Karabakh", "AZE"),
    ("ru", "Переговоры прошли в Минске.", "Minsk", "BLR"),
    ("ru", "Встреча в Душанбе завершилась.", "Dushanbe", "TJK"),
    ("ru", "Бои идут под Авдеевкой.", "Avdiivka", "UKR"),
    ("ru", "Форум в Санкт-Петербурге открылся.", "Saint Petersburg", "RUS"),
    ("ru", "Учения прошли в Нижнем Новгороде.", "Nizhny Novgorod", "RUS"),
    ("ru", "Президент выступил в Кремле.", "Moscow", "RUS"),
    ("uk", "Зустріч відбулася у Мінську.", "Minsk", "BLR"),
    ("uk", "Вибухи пролунали в Києві.", "Kyiv", "UKR"),
    ("uk", "Бої тривають у Покровську.", "Pokrovsk", "UKR"),
    ("uk", "Ворог обстріляв Запоріжжя.", "Zaporizhzhia", "UKR"),
    ("uk", "Окупація Криму триває.", "Crimea", "UKR"),
    ("ru", "Бои шли в Гадруте.", "Hadrut", "AZE"),  # unknown to pymorphy3: data endings
    ("ru", "Делегация прибыла в Сухум.", "Sukhumi", "GEO"),
    ("ru", "Переговоры в Афинах завершились.", "Athens", "GRC"),
    ("uk", "Бої точилися у Гадруті.", "Hadrut", "AZE"),
    ("uk", "Вибухи пролунали в Черкасах.", "Cherkasy", "UKR"),
    ("pl", "Alarm ogłoszono w Kropywnickim.", "Kropyvnytskyi", "UKR"),
]


@pytest.mark.parametrize("lang,text,name,country", FORMS)
def test_inflected_forms(lang, text, name, country):
    places = find_places(text, lang)
    assert places, text
    first = places[0]
    assert (first.name, first.country) == (name, country)
    assert 0 <= first.start < first.end <= len(text)


LOCATIONS = [
    # the event location is the place after a locative preposition, not an origin or goal
    ("pl", "Prezydent spotkał się w Duszanbe z premierem, który przyleciał z Baku.", "Dushanbe"),
    ("pl", "Samolot leciał z Baku do Groznego.", None),
    ("pl", "Po rozmowach w Mińsku delegacja wróciła do Moskwy.", "Minsk"),
    ("pl", "Kreml ogłosił nowe sankcje.", None),
    ("en", "The plane flew from Baku to Grozny.", None),
    ("en", "Envoys from Moscow met in Geneva.", "Geneva"),
    ("ru", "Делегация из Баку прибыла в Москву и провела переговоры в Кремле.", "Moscow"),
    ("uk", "Делегація з Баку провела переговори у Мінську.", "Minsk"),
]


@pytest.mark.parametrize("lang,text,name", LOCATIONS)
def test_event_location(lang, text, name):
    place = event_location(text, lang)
    assert (place.name if place else None) == name


@pytest.mark.parametrize("lang,text", [
    ("pl", "Kreml oświadczył, że rozmowy będą kontynuowane."),  # the Kremlin as an actor, not a place
    ("pl", "Ta suma nie wystarczy."),  # common words stay words
    ("en", "The White House said the talks were useful."),
    ("en", "Officials may meet in the spring."),
    ("ru", "Охрана окружающей среды."),
])
def test_no_place(lang, text):
    assert find_places(text, lang) == []


def test_span_covers_the_inflected_form():
    text = "Rozmowy w Górskim Karabachu i w Strefie Gazy."
    places = find_places(text, "pl")
    assert [text[p.start:p.end] for p in places] == ["Górskim Karabachu", "Strefie Gazy"]
    assert [p.name for p in places] == ["Nagorno-Karabakh", "Gaza Strip"]


def test_places_pickle():
    place = find_places("w Mińsku", "pl")[0]
    assert pickle.loads(pickle.dumps(place)) == place
    assert isinstance(place, Place)


def test_unknown_language_fails_loudly():
    from kronika.errors import UnknownLanguageError

    with pytest.raises(UnknownLanguageError, match="known: pl, en, ru, uk"):
        find_places("Berlin", "de")
