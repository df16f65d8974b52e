"""Polish trigger and role data added from the misses of the Polish check corpus
(tests/data/pl_news): sanctions packages, closed consulates, scrambled jets, announced
retaliation, reports by officials, and detainees who are no arrest. Sentences are our own."""
from __future__ import annotations

import pytest
from event_helpers import countries, matching

FOUND = [
    # (sentence, type, source country, target country)
    ("Rada UE przyjęła w poniedziałek nowy pakiet sankcji wobec Białorusi.", "SANCTION", None, "BLR"),
    ("Kraje Unii Europejskiej zatwierdziły kolejny pakiet sankcji przeciwko Iranowi.", "SANCTION", None, "IRN"),
    ("Litwa ogłosiła zamknięcie konsulatu Rosji w Kłajpedzie.", "SANCTION", "LTU", "RUS"),
    ("Rumuńskie dowództwo poinformowało, że poderwano myśliwce po naruszeniu przestrzeni powietrznej.", "MOBILIZE", "ROU", None),
    ("Rzecznik Kremla zapowiedział, że Rosja odpowie na nowe sankcje Londynu.", "THREATEN", "RUS", None),
    ("Gruzińska policja zatrzymała w sobotę trzech dziennikarzy.", "COERCE", "GEO", None),
    ("W Mińsku został zatrzymany obywatel Litwy.", "COERCE", None, "LTU"),
    ("Białoruskie służby poinformowały o zatrzymaniu dwóch obywateli Łotwy.", "COERCE", "BLR", "LVA"),
    ("Dwaj obywatele Estonii zostali aresztowani przez rosyjskie FSB.", "COERCE", "RUS", "EST"),
    ("Ukraińska armia podała, że zestrzeliła rosyjski samolot nad Morzem Czarnym.", "ASSAULT", "UKR", "RUS"),
]


@pytest.mark.parametrize("text,type_,source,target", FOUND)
def test_pl_event_is_found(run_text, text, type_, source, target):
    matching(run_text(text, "pl", "2025-10-20"), type_, source, target)


NOT_AN_ARREST = [
    "Litewska dyplomacja zażądała dostępu konsularnego do zatrzymanego.",
    "Komisja Europejska wezwała władze Gruzji do uwolnienia aresztowanych.",
    "Rząd Łotwy zaapelował o uwolnienie zatrzymanych dziennikarzy.",
]


@pytest.mark.parametrize("text", NOT_AN_ARREST)
def test_pl_detainee_is_no_arrest(run_text, text):
    article = run_text(text, "pl", "2025-10-20")
    assert not [e for e in article.events if e.type == "COERCE"], [(e.type, countries(e.source), countries(e.target)) for e in article.events]


def test_pl_adverbial_in_connection_with_is_no_attack(run_text):
    article = run_text("Polskie dowództwo poinformowało, że w związku z atakiem poderwano myśliwce.", "pl", "2025-10-20")
    assert not [e for e in article.events if e.type == "ASSAULT"]


NIGHTS = [
    # (sentence, published, date): a night "z X na Y" is dated by the day it ends in
    ("Rosja zaatakowała Charków w nocy z soboty na niedzielę.", "2025-10-20", "2025-10-19"),
    ("W nocy ze środy na czwartek drony uderzyły w Odessę.", "2025-10-24", "2025-10-23"),
    ("Do ataku doszło w nocy z poniedziałku na wtorek.", "2025-10-21", "2025-10-21"),
]


@pytest.mark.parametrize("text,published,date", NIGHTS)
def test_pl_night_from_one_day_to_the_next(text, published, date):
    from kronika.events.time import find_time_expressions, resolve_time

    found = find_time_expressions(text, "pl")
    assert [resolve_time(e, published) for e in found] == [date]
