"""The bundled KB's country adjectives and demonyms, the oblast-level places and a few
aliases, through the real linker and gazetteer (sentences written for these tests)."""
import pytest

from kronika.actors import load_kb, make_linker
from kronika.events.places import find_places
from kronika.model import Article


@pytest.fixture(scope="module")
def linker():
    return make_linker(load_kb())


def _mentions(linker, text: str, lang: str):
    article = Article(id="t", source="test", raw=text, clean=text, language=lang, published="2024-03-01")
    return linker(article).mentions


def _covering(mentions, text: str, surface: str):
    start = text.index(surface)
    hits = [m for m in mentions if m.start <= start < m.end]
    assert hits, f"no mention covers {surface!r}: {[(m.text, m.country) for m in mentions]}"
    return hits[0]


@pytest.mark.parametrize("lang,text,surface,country", [
    ("en", "A Zambian delegation arrived on Monday.", "Zambian", "ZMB"),
    ("en", "Nepalese officials denied the report.", "Nepalese", "NPL"),
    ("en", "The Sierra Leonean envoy left early.", "Sierra Leonean", "SLE"),
    ("en", "Cambodians voted in large numbers.", "Cambodians", "KHM"),
    ("en", "Togolese troops joined the mission.", "Togolese", "TGO"),
    ("en", "The Equatorial Guinean minister spoke.", "Equatorial Guinean", "GNQ"),
    ("en", "Guineans crossed the border.", "Guineans", "GIN"),
    ("en", "Protests spread across Northern Ireland.", "Northern Ireland", "GBR"),
    ("pl", "Burundyjski rząd odrzucił zarzuty.", "Burundyjski", "BDI"),
    ("pl", "Delegacja spotkała się z Nepalczykami.", "Nepalczykami", "NPL"),
    ("pl", "Laotańscy urzędnicy milczeli.", "Laotańscy", "LAO"),
    ("pl", "Ambasador rozmawiał z namibijskim ministrem.", "namibijskim", "NAM"),
    ("pl", "Protesty w Irlandii Północnej trwają.", "Irlandii Północnej", "GBR"),
    ("ru", "Бурундийский министр прибыл в столицу.", "Бурундийский", "BDI"),
    ("ru", "Делегация встретилась с либерийскими дипломатами.", "либерийскими", "LBR"),
    ("ru", "Камбоджийцы вышли на улицы.", "Камбоджийцы", "KHM"),
    ("ru", "Полиция Северной Ирландии начала расследование.", "Северной Ирландии", "GBR"),
    ("uk", "Замбійський уряд ухвалив рішення.", "Замбійський", "ZMB"),
    ("uk", "Міністр зустрівся з непальцями.", "непальцями", "NPL"),
    ("uk", "Гвінейські військові захопили владу.", "Гвінейські", "GIN"),
])
def test_adjectives_and_demonyms_link_their_country(linker, lang, text, surface, country):
    assert _covering(_mentions(linker, text, lang), text, surface).country == country


@pytest.mark.parametrize("lang,text,surface,actor_id", [
    ("ru", "Эммануэль Макрон выступил в парламенте.", "Эммануэль Макрон", "emmanuel-macron"),
    ("ru", "Мухаммед бен Зайед принял делегацию.", "Мухаммед бен Зайед", "mohamed-bin-zayed-al-nahyan"),
    ("uk", "Мохаммед бін Заїд прийняв делегацію.", "Мохаммед бін Заїд", "mohamed-bin-zayed-al-nahyan"),
])
def test_person_aliases(linker, lang, text, surface, actor_id):
    assert _covering(_mentions(linker, text, lang), text, surface).actor_id == actor_id


# (lang, text, English names of the places found, in order)
PLACES = [
    ("en", "Drones struck the Sumy region and Krasnodar Krai overnight.", ["Sumy Oblast", "Krasnodar Krai"]),
    ("en", "Shelling was reported in the Gomel region.", ["Gomel Oblast"]),
    ("pl", "Ostrzał w obwodzie sumskim i na Wołyniu trwał do rana.", ["Sumy Oblast", "Volyn Oblast"]),
    ("pl", "Wybuchy słychać było w obwodzie briańskim.", ["Bryansk Oblast"]),
    ("pl", "Alarm ogłoszono na Zakarpaciu.", ["Zakarpattia Oblast"]),
    ("ru", "Обстрелы в Брянской области и на Сумщине продолжаются.", ["Bryansk Oblast", "Sumy Oblast"]),
    ("ru", "Учения прошли в Гродненской области.", ["Grodno Oblast"]),
    ("ru", "Беспилотник упал в Республике Крым.", ["Crimea"]),
    ("uk", "На Харківщині та Полтавщині оголошено тривогу.", ["Kharkiv Oblast", "Poltava Oblast"]),
    ("uk", "Вибухи пролунали в Житомирській області.", ["Zhytomyr Oblast"]),
    ("uk", "Обстріл Донеччини не припинявся.", ["Donetsk Oblast"]),
    ("uk", "На Закарпатті спокійно.", ["Zakarpattia Oblast"]),
]


@pytest.mark.parametrize("lang,text,names", PLACES)
def test_oblasts_and_regions(lang, text, names):
    found = find_places(text, lang)
    assert [p.name for p in found] == names
    assert all(p.country in {"UKR", "RUS", "BLR"} for p in found)
