"""Sentence splitting per language: abbreviations from data, initials, numbers, quotes, dashes."""
from __future__ import annotations

import pytest

from kronika.clean.sentences import split_sentences
from kronika.errors import UnknownLanguageError
from kronika.model import Span

CASES = {
    "pl": [
        ("Wczoraj gen. Jan Nowak przyjechał do Gdańska. Spotkał się z wojewodą.",
         ["Wczoraj gen. Jan Nowak przyjechał do Gdańska.", "Spotkał się z wojewodą."]),
        ("Na wiec przyszło ok. 300 osób, m.in. posłowie i tzw. Komitet Obrony. Policja nie interweniowała.",
         ["Na wiec przyszło ok. 300 osób, m.in. posłowie i tzw. Komitet Obrony.", "Policja nie interweniowała."]),
        ("Rozmowy ws. Iranu prowadził prof. Adam Lis z ul. Długiej. Potrwają do piątku.",
         ["Rozmowy ws. Iranu prowadził prof. Adam Lis z ul. Długiej.", "Potrwają do piątku."]),
        ("Ustawa weszła w życie w maju 2021 r.. Sejm ją poprawił.",
         ["Ustawa weszła w życie w maju 2021 r..", "Sejm ją poprawił."]),
        ("W 2019 r. Polska kupiła czołgi. Dostawy opóźniły się o rok.",
         ["W 2019 r. Polska kupiła czołgi.", "Dostawy opóźniły się o rok."]),
        ("Ostatnie czołgi dotarły do jednostek pod Olsztynem w grudniu 2019 r. Dowództwo było zadowolone.",
         ["Ostatnie czołgi dotarły do jednostek pod Olsztynem w grudniu 2019 r.", "Dowództwo było zadowolone."]),
        ("Świętował 60. urodziny 11.12.2020 w Krakowie. Goście przyjechali z daleka.",
         ["Świętował 60. urodziny 11.12.2020 w Krakowie.", "Goście przyjechali z daleka."]),
        ("Kurs wzrósł o 2.5 proc. w ciągu dnia. To dużo.",
         ["Kurs wzrósł o 2.5 proc. w ciągu dnia.", "To dużo."]),
        ("Spotkanie prowadził J. Kowalski. - Nie zgadzamy się - powiedział. \"Co dalej?\" - pytali dziennikarze.",
         ["Spotkanie prowadził J. Kowalski.", "- Nie zgadzamy się - powiedział.", "\"Co dalej?\" - pytali dziennikarze."]),
        ("Premier powiedział: „Nie ustąpimy”. Opozycja zapowiedziała protest.",
         ["Premier powiedział: „Nie ustąpimy”.", "Opozycja zapowiedziała protest."]),
        ("Czy to koniec? Nie wiadomo… Rząd milczy!",
         ["Czy to koniec?", "Nie wiadomo…", "Rząd milczy!"]),
    ],
    "en": [
        ("Mr. Smith met Gen. Jones in the U.S. Senate on Jan. 5. The talks lasted 3.5 hours.",
         ["Mr. Smith met Gen. Jones in the U.S. Senate on Jan. 5.", "The talks lasted 3.5 hours."]),
        ("Acme Inc. said profits rose. Acme Inc. The board agreed.",
         ["Acme Inc. said profits rose.", "Acme Inc.", "The board agreed."]),
        ("The report, e.g. its annex, was leaked by J. R. Miller. He denied it.",
         ["The report, e.g. its annex, was leaked by J. R. Miller.", "He denied it."]),
        ("\"We agree,\" he said. \"Then we go.\" They left at 5 p.m. on Friday.",
         ["\"We agree,\" he said.", "\"Then we go.\"", "They left at 5 p.m. on Friday."]),
        ("Prices rose in 2020. In 2021 they fell.",
         ["Prices rose in 2020.", "In 2021 they fell."]),
    ],
    "ru": [
        ("В 2022 г. Россия начала войну. Санкции ввели многие страны.",
         ["В 2022 г. Россия начала войну.", "Санкции ввели многие страны."]),
        ("Встреча прошла на ул. Тверской, т.е. в центре. В. Путин выступил с речью.",
         ["Встреча прошла на ул. Тверской, т.е. в центре.", "В. Путин выступил с речью."]),
        ("Собрались около 5 тыс. человек. Полиция задержала десятки.",
         ["Собрались около 5 тыс. человек.", "Полиция задержала десятки."]),
    ],
    "uk": [
        ("У 2014 р. Росія анексувала Крим. Україна не визнала анексію.",
         ["У 2014 р. Росія анексувала Крим.", "Україна не визнала анексію."]),
        ("Мітинг пройшов на вул. Хрещатик. Прийшли близько 2 тис. людей.",
         ["Мітинг пройшов на вул. Хрещатик.", "Прийшли близько 2 тис. людей."]),
    ],
}


@pytest.mark.parametrize("lang, text, expected", [(lang, t, e) for lang, cases in CASES.items() for t, e in cases])
def test_split(lang, text, expected):
    sentences = split_sentences(text, lang)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_line_breaks_and_headings_are_boundaries():
    text = "Rząd zbiera się w piątek\n\nMinister zapowiedział zmiany. Opozycja protestuje\nKolejny akapit bez kropki"
    heading = Span(0, len("Rząd zbiera się w piątek"), "Rząd zbiera się w piątek")
    sentences = split_sentences(text, "pl", headings=[heading])
    assert [(s.text, s.is_heading, s.paragraph) for s in sentences] == [
        ("Rząd zbiera się w piątek", True, 0),
        ("Minister zapowiedział zmiany.", False, 1),
        ("Opozycja protestuje", False, 1),
        ("Kolejny akapit bez kropki", False, 2),
    ]


def test_lowercase_entry_matches_capitalised_form():
    assert [s.text for s in split_sentences("Gen. Nowak przyjechał. Tzw. Grupa odjechała.", "pl")] == [
        "Gen. Nowak przyjechał.",
        "Tzw. Grupa odjechała.",
    ]


def test_unknown_language_fails_loudly():
    with pytest.raises(UnknownLanguageError, match="known: "):
        split_sentences("Text.", "xx")
