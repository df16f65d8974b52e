"""Polish declension paradigms (resources/lang/pl/declension.yaml) on the name types the
actor issue lists; forms written out by hand."""
import pytest

from kronika.actors.declension import adjective_forms, inflect


@pytest.mark.parametrize("word,gender,case,form", [
    ("Putin", "m", "gen", "Putina"), ("Putin", "m", "dat", "Putinowi"), ("Putin", "m", "inst", "Putinem"),
    ("Putin", "m", "loc", "Putinie"),
    ("Pieskow", "m", "gen", "Pieskowa"), ("Pieskow", "m", "dat", "Pieskowowi"), ("Pieskow", "m", "inst", "Pieskowem"),
    ("Pieskow", "m", "loc", "Pieskowie"),
    ("Zełenski", "m", "gen", "Zełenskiego"), ("Zełenski", "m", "dat", "Zełenskiemu"), ("Zełenski", "m", "inst", "Zełenskim"),
    ("Łukaszenka", "m", "gen", "Łukaszenki"), ("Łukaszenka", "m", "dat", "Łukaszence"), ("Łukaszenka", "m", "acc", "Łukaszenkę"),
    ("Łukaszenka", "m", "inst", "Łukaszenką"),
    ("Kliczko", "m", "gen", "Kliczki"), ("Kliczko", "m", "dat", "Kliczce"), ("Kliczko", "m", "acc", "Kliczkę"),
    ("Kliczko", "m", "inst", "Kliczką"),
    ("Szojgu", "m", "gen", "Szojgu"), ("Szojgu", "m", "inst", "Szojgu"),
    ("Macron", "m", "gen", "Macrona"), ("Erdogan", "m", "inst", "Erdoganem"),
    ("Cichanouska", "f", "gen", "Cichanouskiej"), ("Cichanouska", "f", "inst", "Cichanouską"),
    ("Zacharowa", "f", "gen", "Zacharowej"), ("Zacharowa", "f", "inst", "Zacharową"),
    ("Merkel", "f", "gen", "Merkel"),
    ("Władimir", "m", "gen", "Władimira"), ("Władimir", "m", "inst", "Władimirem"), ("Władimir", "m", "voc", "Władimirze"),
    ("Ilham", "m", "gen", "Ilhama"), ("Ilham", "m", "inst", "Ilhamem"),
    ("Siergiej", "m", "gen", "Siergieja"), ("Siergiej", "m", "inst", "Siergiejem"),
    ("Dmitrij", "m", "gen", "Dmitrija"), ("Dmitrij", "m", "dat", "Dmitrijowi"),
    ("Mevlüt", "m", "gen", "Mevlüta"), ("Tusk", "m", "inst", "Tuskiem"), ("Duda", "m", "dat", "Dudzie"),
    ("Nawalny", "m", "gen", "Nawalnego"),
])
def test_paradigms(word, gender, case, form):
    assert form in inflect(word, gender)[case]


@pytest.mark.parametrize("adjective,forms", [
    ("rosyjski", ["rosyjska", "rosyjskiej", "rosyjską", "rosyjscy", "rosyjskich", "rosyjskimi"]),
    ("białoruski", ["białoruska", "białoruscy", "białoruskiego"]),
    ("azerski", ["azerskiej", "azerska"]),
])
def test_adjective_forms(adjective, forms):
    generated = {f for fs in adjective_forms(adjective).values() for f in fs}
    assert set(forms) <= generated


def test_unknown_language_data_is_a_plain_base_form():
    assert inflect("Putin", "m", lang="en") == {"nom": ["Putin"]}
