"""A small fixture KB in the real record format (kronika/resources/kb/README.md), so the
actor tests do not depend on the size or exact content of the bundled KB."""
from __future__ import annotations

import pytest
import yaml

from kronika.actors.kb import KnowledgeBase, read_kb_dirs

COUNTRIES = [
    {"id": "RUS", "name": "Russia", "type": "country", "country": "RUS",
     "names": {"en": ["Russia", "Russian Federation"], "pl": ["Rosja", "Federacja Rosyjska"], "ru": ["Россия"], "uk": ["Росія"]},
     "adjectives": {"en": ["Russian"], "pl": ["rosyjski"], "ru": ["российский", "русский"], "uk": ["російський"]},
     "demonyms": {"en": ["Russian", "Russians"], "pl": ["Rosjanin", "Rosjanie"], "ru": ["россиянин"], "uk": ["росіянин"]},
     "metonyms": {"en": ["Moscow", "Kremlin"], "pl": ["Moskwa", "Kreml"], "ru": ["Москва", "Кремль"], "uk": ["Москва", "Кремль"]},
     "capital": "Moscow"},
    {"id": "BLR", "name": "Belarus", "type": "country", "country": "BLR",
     "names": {"en": ["Belarus"], "pl": ["Białoruś"], "ru": ["Белоруссия", "Беларусь"], "uk": ["Білорусь"]},
     "adjectives": {"en": ["Belarusian"], "pl": ["białoruski"], "ru": ["белорусский"], "uk": ["білоруський"]},
     "demonyms": {"en": ["Belarusian", "Belarusians"], "pl": ["Białorusin", "Białorusini"]},
     "metonyms": {"en": ["Minsk"], "pl": ["Mińsk"], "ru": ["Минск"], "uk": ["Мінськ"]}, "capital": "Minsk"},
    {"id": "AZE", "name": "Azerbaijan", "type": "country", "country": "AZE",
     "names": {"en": ["Azerbaijan"], "pl": ["Azerbejdżan"], "ru": ["Азербайджан"], "uk": ["Азербайджан"]},
     "adjectives": {"en": ["Azerbaijani", "Azeri"], "pl": ["azerski", "azerbejdżański"]},
     "demonyms": {"en": ["Azerbaijanis", "Azeris"], "pl": ["Azer", "Azerowie"]},
     "metonyms": {"en": ["Baku"], "pl": ["Baku"]}, "capital": "Baku"},
    {"id": "ARM", "name": "Armenia", "type": "country", "country": "ARM",
     "names": {"en": ["Armenia"], "pl": ["Armenia"]},
     "adjectives": {"en": ["Armenian"], "pl": ["armeński", "ormiański"]},
     "demonyms": {"en": ["Armenians"], "pl": ["Ormianin", "Ormianie"]},
     "metonyms": {"en": ["Yerevan"], "pl": ["Erywań"]}, "capital": "Yerevan"},
    {"id": "POL", "name": "Poland", "type": "country", "country": "POL",
     "names": {"en": ["Poland"], "pl": ["Polska"]}, "adjectives": {"en": ["Polish"], "pl": ["polski"]},
     "demonyms": {"en": ["Poles"], "pl": ["Polak", "Polacy"]}, "metonyms": {"en": ["Warsaw"], "pl": ["Warszawa"]}},
    {"id": "UKR", "name": "Ukraine", "type": "country", "country": "UKR",
     "names": {"en": ["Ukraine"], "pl": ["Ukraina"], "ru": ["Украина"], "uk": ["Україна"]},
     "adjectives": {"en": ["Ukrainian"], "pl": ["ukraiński"]}, "metonyms": {"en": ["Kyiv", "Kiev"], "pl": ["Kijów"]}},
    {"id": "TUR", "name": "Turkey", "type": "country", "country": "TUR",
     "names": {"en": ["Turkey", "Türkiye"], "pl": ["Turcja"]}, "adjectives": {"en": ["Turkish"], "pl": ["turecki"]},
     "metonyms": {"en": ["Ankara"], "pl": ["Ankara"]}},
    {"id": "GBR", "name": "United Kingdom", "type": "country", "country": "GBR",
     "names": {"en": ["United Kingdom", "Britain"], "pl": ["Wielka Brytania"]},
     "adjectives": {"en": ["British"], "pl": ["brytyjski"]}, "metonyms": {"en": ["London", "Downing Street"], "pl": ["Londyn"]}},
    {"id": "USA", "name": "United States", "type": "country", "country": "USA",
     "names": {"en": ["United States", "US"], "pl": ["Stany Zjednoczone"]}, "adjectives": {"en": ["American"], "pl": ["amerykański"]},
     "metonyms": {"en": ["Washington", "White House"], "pl": ["Waszyngton", "Biały Dom"]}},
    {"id": "DEU", "name": "Germany", "type": "country", "country": "DEU",
     "names": {"en": ["Germany"], "pl": ["Niemcy"]}, "adjectives": {"en": ["German"], "pl": ["niemiecki"]},
     "demonyms": {"en": ["German", "Germans"], "pl": ["Niemiec", "Niemcy"]}, "metonyms": {"en": ["Berlin"], "pl": ["Berlin"]}},
    {"id": "TJK", "name": "Tajikistan", "type": "country", "country": "TJK",
     "names": {"en": ["Tajikistan"], "pl": ["Tadżykistan"]}, "metonyms": {"en": ["Dushanbe"], "pl": ["Duszanbe"]}},
]


def person(pid, name, country, gender, names, surname, positions, sector="GOV"):
    return {"id": pid, "name": name, "type": "person", "country": country, "sector": sector, "gender": gender,
            "names": names, "surname": surname, "positions": positions}


def pos(role, of, start, end=None, sector="GOV"):
    return {"role": role, "of": of, "sector": sector, "start": start, "end": end}


PEOPLE = [
    person("vladimir-putin", "Vladimir Putin", "RUS", "m",
           {"en": ["Vladimir Putin"], "pl": ["Władimir Putin"], "ru": ["Владимир Путин"], "uk": ["Володимир Путін"]},
           {"en": "Putin", "pl": "Putin", "ru": "Путин", "uk": "Путін"},
           [pos("head_of_state", "RUS", "2000-05-07", "2008-05-07"), pos("head_of_government", "RUS", "2008-05-08", "2012-05-07"),
            pos("head_of_state", "RUS", "2012-05-07")]),
    person("dmitry-medvedev", "Dmitry Medvedev", "RUS", "m",
           {"en": ["Dmitry Medvedev"], "pl": ["Dmitrij Miedwiediew"], "ru": ["Дмитрий Медведев"]},
           {"en": "Medvedev", "pl": "Miedwiediew", "ru": "Медведев"},
           [pos("head_of_state", "RUS", "2008-05-07", "2012-05-07"), pos("head_of_government", "RUS", "2012-05-08", "2020-01-16")]),
    person("alexander-lukashenko", "Alexander Lukashenko", "BLR", "m",
           {"en": ["Alexander Lukashenko", "Alyaksandr Lukashenka"], "pl": ["Alaksandr Łukaszenka", "Aleksander Łukaszenka"],
            "ru": ["Александр Лукашенко"], "uk": ["Олександр Лукашенко"]},
           {"en": "Lukashenko", "pl": "Łukaszenka", "ru": "Лукашенко", "uk": "Лукашенко"},
           [pos("head_of_state", "BLR", "1994-07-20")]),
    person("ilham-aliyev", "Ilham Aliyev", "AZE", "m", {"en": ["Ilham Aliyev"], "pl": ["Ilham Alijew"]},
           {"en": "Aliyev", "pl": "Alijew"}, [pos("head_of_state", "AZE", "2003-10-31")]),
    person("heydar-aliyev", "Heydar Aliyev", "AZE", "m", {"en": ["Heydar Aliyev"], "pl": ["Hejdar Alijew"]},
           {"en": "Aliyev", "pl": "Alijew"}, [pos("head_of_state", "AZE", "1993-06-15", "2003-10-31")]),
    person("nikol-pashinyan", "Nikol Pashinyan", "ARM", "m", {"en": ["Nikol Pashinyan"], "pl": ["Nikol Paszynian"]},
           {"en": "Pashinyan", "pl": "Paszynian"}, [pos("head_of_government", "ARM", "2018-05-08")]),
    person("dmitry-peskov", "Dmitry Peskov", "RUS", "m", {"en": ["Dmitry Peskov"], "pl": ["Dmitrij Pieskow"]},
           {"en": "Peskov", "pl": "Pieskow"}, [pos("spokesperson_head_of_state", "RUS", "2012-05-22")]),
    person("sergey-lavrov", "Sergey Lavrov", "RUS", "m", {"en": ["Sergey Lavrov", "Sergei Lavrov"], "pl": ["Siergiej Ławrow"]},
           {"en": "Lavrov", "pl": "Ławrow"}, [pos("foreign_minister", "RUS", "2004-03-09")]),
    person("sergei-shoigu", "Sergei Shoigu", "RUS", "m", {"en": ["Sergei Shoigu"], "pl": ["Siergiej Szojgu"]},
           {"en": "Shoigu", "pl": "Szojgu"}, [pos("defence_minister", "RUS", "2012-11-06", "2024-05-12"),
                                             pos("security_council_secretary", "RUS", "2024-05-12")]),
    person("mevlut-cavusoglu", "Mevlüt Çavuşoğlu", "TUR", "m", {"en": ["Mevlüt Çavuşoğlu"], "pl": ["Mevlüt Çavuşoğlu"]},
           {"en": "Çavuşoğlu", "pl": "Çavuşoğlu"}, [pos("foreign_minister", "TUR", "2015-11-24", "2023-06-04")]),
    person("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "UKR", "m",
           {"en": ["Volodymyr Zelenskyy", "Volodymyr Zelensky"], "pl": ["Wołodymyr Zełenski"], "ru": ["Владимир Зеленский"], "uk": ["Володимир Зеленський"]},
           {"en": "Zelenskyy", "pl": "Zełenski", "ru": "Зеленский", "uk": "Зеленський"}, [pos("head_of_state", "UKR", "2019-05-20")]),
    person("vitali-klitschko", "Vitali Klitschko", "UKR", "m", {"en": ["Vitali Klitschko"], "pl": ["Witalij Kliczko"]},
           {"en": "Klitschko", "pl": "Kliczko"}, [pos("mayor", "UKR", "2014-06-05")]),
    person("sviatlana-tsikhanouskaya", "Sviatlana Tsikhanouskaya", "BLR", "f",
           {"en": ["Sviatlana Tsikhanouskaya"], "pl": ["Swiatłana Cichanouska"]}, {"en": "Tsikhanouskaya", "pl": "Cichanouska"},
           [pos("opposition_leader", "BLR", "2020-08-10", sector="OPP")], sector="OPP"),
    person("maria-zakharova", "Maria Zakharova", "RUS", "f", {"en": ["Maria Zakharova"], "pl": ["Maria Zacharowa"]},
           {"en": "Zakharova", "pl": "Zacharowa"}, [pos("spokesperson_foreign_ministry", "RUS", "2015-08-10")]),
    person("mateusz-morawiecki", "Mateusz Morawiecki", "POL", "m", {"en": ["Mateusz Morawiecki"], "pl": ["Mateusz Morawiecki"]},
           {"en": "Morawiecki", "pl": "Morawiecki"}, [pos("head_of_government", "POL", "2017-12-11", "2023-12-13")]),
    person("donald-tusk", "Donald Tusk", "POL", "m", {"en": ["Donald Tusk"], "pl": ["Donald Tusk"]},
           {"en": "Tusk", "pl": "Tusk"}, [pos("head_of_government", "POL", "2007-11-16", "2014-09-22"),
                                         pos("head_of_government", "POL", "2023-12-13")]),
    person("andrzej-duda", "Andrzej Duda", "POL", "m", {"en": ["Andrzej Duda"], "pl": ["Andrzej Duda"]},
           {"en": "Duda", "pl": "Duda"}, [pos("head_of_state", "POL", "2015-08-06", "2025-08-06")]),
    person("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "TUR", "m",
           {"en": ["Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"], "pl": ["Recep Tayyip Erdoğan"]},
           {"en": "Erdoğan", "pl": "Erdoğan"}, [pos("head_of_state", "TUR", "2014-08-28")]),
    person("emmanuel-macron", "Emmanuel Macron", "FRA", "m", {"en": ["Emmanuel Macron"], "pl": ["Emmanuel Macron"]},
           {"en": "Macron", "pl": "Macron"}, [pos("head_of_state", "FRA", "2017-05-14")]),
    person("donald-trump", "Donald Trump", "USA", "m", {"en": ["Donald Trump"], "pl": ["Donald Trump"]},
           {"en": "Trump", "pl": "Trump"}, [pos("head_of_state", "USA", "2017-01-20", "2021-01-20"), pos("head_of_state", "USA", "2025-01-20")]),
    person("angela-merkel", "Angela Merkel", "DEU", "f", {"en": ["Angela Merkel"], "pl": ["Angela Merkel"]},
           {"en": "Merkel", "pl": "Merkel"}, [pos("head_of_government", "DEU", "2005-11-22", "2021-12-08")]),
    person("kaja-kallas", "Kaja Kallas", "EST", "f", {"en": ["Kaja Kallas"], "pl": ["Kaja Kallas"]},
           {"en": "Kallas", "pl": "Kallas"}, [pos("head_of_government", "EST", "2021-01-26", "2024-07-23")]),
    person("dmytro-kuleba", "Dmytro Kuleba", "UKR", "m", {"en": ["Dmytro Kuleba"], "pl": ["Dmytro Kułeba"]},
           {"en": "Kuleba", "pl": "Kułeba"}, [pos("foreign_minister", "UKR", "2020-03-04", "2024-09-05")]),
    person("olaf-scholz", "Olaf Scholz", "DEU", "m", {"en": ["Olaf Scholz"], "pl": ["Olaf Scholz"]},
           {"en": "Scholz", "pl": "Scholz"}, [pos("head_of_government", "DEU", "2021-12-08", "2025-05-06")]),
    person("radoslaw-sikorski", "Radosław Sikorski", "POL", "m", {"en": ["Radosław Sikorski"], "pl": ["Radosław Sikorski"]},
           {"en": "Sikorski", "pl": "Sikorski"}, [pos("foreign_minister", "POL", "2023-12-13")]),
    person("alexei-navalny", "Alexei Navalny", "RUS", "m", {"en": ["Alexei Navalny"], "pl": ["Aleksiej Nawalny"]},
           {"en": "Navalny", "pl": "Nawalny"}, [pos("opposition_leader", "RUS", "2011-01-01", "2024-02-16", sector="OPP")], sector="OPP"),
]

ORGS = [
    {"id": "nato", "name": "NATO", "type": "org", "country": "IGO", "sector": "IGO", "kind": "igo",
     "names": {"en": ["NATO", "North Atlantic Treaty Organization"], "pl": ["NATO", "Sojusz Północnoatlantycki"]},
     "abbreviations": ["NATO"]},
    {"id": "reuters", "name": "Reuters", "type": "org", "country": "GBR", "sector": "MED", "kind": "media",
     "names": {"en": ["Reuters"], "pl": ["Reuters", "Agencja Reutera"]}},
    {"id": "csto", "name": "CSTO", "type": "org", "country": "IGO", "sector": "IGO", "kind": "igo",
     "names": {"en": ["Collective Security Treaty Organization"], "pl": ["Organizacja Układu o Bezpieczeństwie Zbiorowym"]},
     "abbreviations": ["CSTO", "ODKB"]},
]


@pytest.fixture(scope="session")
def kb_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("kb")
    (d / "people").mkdir()
    (d / "countries.yaml").write_text("# fixture\n" + yaml.safe_dump(COUNTRIES, allow_unicode=True), encoding="utf-8")
    (d / "organisations.yaml").write_text("# fixture\n" + yaml.safe_dump(ORGS, allow_unicode=True), encoding="utf-8")
    (d / "people" / "fixture.yaml").write_text("# fixture\n" + yaml.safe_dump(PEOPLE, allow_unicode=True), encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def kb(kb_dir) -> KnowledgeBase:
    return KnowledgeBase(read_kb_dirs([kb_dir]))


@pytest.fixture(scope="session")
def linker(kb):
    from kronika.actors import make_linker

    return make_linker(kb)
