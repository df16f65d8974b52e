"""Time expressions: finding spans per language and resolving them against a frozen anchor."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.events.time import find_time_expressions, resolve_sentence_date, resolve_time

# (lang, sentence, anchor, expected date of the sentence's main event)
CASES = [
    # Polish: weekdays go back to the most recent such day on or before the anchor
    ("pl", "Ministrowie rozmawiali w czwartek w stolicy.", "2025-10-09", "2025-10-09"),
    ("pl", "Delegacja przyleciała we wtorek.", "2025-10-09", "2025-10-07"),
    ("pl", "Premier zadzwonił w środę do kanclerza.", "2025-10-09", "2025-10-08"),
    ("pl", "W piątek ambasador złożył protest.", "2025-10-09", "2025-10-03"),
    ("pl", "W niedzielę odbyły się wybory.", "2025-10-09", "2025-10-05"),
    ("pl", "Czwartkowe rozmowy trwały pięć godzin.", "2025-10-09", "2025-10-09"),
    ("pl", "Środowe spotkanie odbyło się bez mediów.", "2025-10-09", "2025-10-08"),
    ("pl", "W poniedziałek podpisano umowę.", "2025-10-09", "2025-10-06"),
    ("pl", "Rozmowy odbyły się w czwartek.", "2022-12", "2022-12"),
    ("pl", "Na początku tygodnia doszło do rozmów przywódców.", "2022-12", "2022-12"),
    ("pl", "W tym tygodniu parlament przyjął ustawę.", "2024-03-14", "2024-03"),
    ("pl", "W ubiegłym tygodniu wojsko zatrzymało trzech żołnierzy.", "2024-03-14", "2024-03"),
    # Polish: months, years, relative months and years
    ("pl", "Katastrofa wydarzyła się w grudniu 2024 r. nad morzem.", "2025-10-09", "2024-12"),
    ("pl", "W grudniu doszło do incydentu.", "2025-10", "2024-12"),
    ("pl", "W październiku rząd ogłosił sankcje.", "2025-10-20", "2025-10"),
    ("pl", "Czerwcowa wizyta kanclerza była krótka.", "2022-12", "2022-06"),
    ("pl", "Podczas czerwcowej wizyty podpisano porozumienie.", "2022-12", "2022-06"),
    ("pl", "W zeszłym miesiącu minister złożył dymisję.", "2023-05-25", "2023-04"),
    ("pl", "W ubiegłym miesiącu podpisano kontrakt.", "2023-01-10", "2022-12"),
    ("pl", "Pół roku temu prezydenci spotkali się w stolicy.", "2022-12", "2022-06"),
    ("pl", "Dwa lata temu wojska przekroczyły granicę.", "2022-12-19", "2020"),
    ("pl", "Trzy dni temu ogłoszono mobilizację.", "2022-12-19", "2022-12-16"),
    ("pl", "Wczoraj prezydent podpisał dekret.", "2024-03-01", "2024-02-29"),
    ("pl", "Przedwczoraj doszło do ataku.", "2024-03-01", "2024-02-28"),
    ("pl", "Dziś premier spotka się z opozycją.", "2024-03-01", "2024-03-01"),
    ("pl", "Dzisiaj ogłoszono wyniki.", "2024-03", "2024-03"),
    ("pl", "W ubiegłym roku obroty wzrosły.", "2024-03-01", "2023"),
    ("pl", "Porozumienie podpisano 9 października 2025 w stolicy.", None, "2025-10-09"),
    ("pl", "Umowę zawarto 9.10.2025 po długich negocjacjach.", None, "2025-10-09"),
    ("pl", "Według raportu z sierpnia 2020 r. sytuacja się pogorszyła.", None, "2020-08"),
    ("pl", "W sierpniu 2020 r. doszło do protestów.", None, "2020-08"),
    ("pl", "W 2022 r. sąd skazał dziennikarza.", "2025-10-09", "2022"),
    ("pl", "Pod koniec września 2022 r. ogłoszono aneksję.", "2025-10-09", "2022-09"),
    ("pl", "W grudniu ubiegłego roku zawieszono rozmowy.", "2025-10-09", "2024-12"),
    ("pl", "Na początku marca wojsko rozpoczęło ćwiczenia.", "2025-10-09", "2025-03"),
    ("pl", "Rosja i Chiny podpisały umowę 3 lipca.", "2025-10-09", "2025-07-03"),
    # Polish: deadlines and durations do not date the main event unless nothing else
    ("pl", "Rząd dał czas do 1 lipca 2025 r. na odpowiedź.", "2025-08-10", "2025-07-01"),
    ("pl", "Rząd dał czas do 1 lipca na odpowiedź.", "2025-03-10", None),  # a plan's date is not the event's
    ("pl", "W przyszłym tygodniu ministrowie spotkają się ponownie.", "2025-03-10", None),
    ("pl", "W czwartek rząd dał czas do 1 lipca.", "2025-03-13", "2025-03-13"),
    ("pl", "Dyktator rządzi krajem od prawie 29 lat.", "2023-05-01", None),
    ("pl", "Od 2014 roku trwa konflikt, a w marcu wojsko zaatakowało.", "2023-05-01", "2023-03"),
    ("pl", "Spotkanie nie miało miejsca.", "2023-05-01", None),
    # Polish: words that dateparser misreads are not dates
    ("pl", "Nie spotkali się, bo nie było porozumienia.", "2023-05-01", None),
    # English
    ("en", "The two leaders met on Thursday in the capital.", "2025-10-09", "2025-10-09"),
    ("en", "The foreign ministers spoke on Tuesday.", "2025-10-09", "2025-10-07"),
    ("en", "Troops crossed the border on Sunday.", "2025-10-09", "2025-10-05"),
    ("en", "The minister resigned last month.", "2023-05-25", "2023-04"),
    ("en", "Police detained the activists last week.", "2024-03-14", "2024-03"),
    ("en", "Protests broke out yesterday.", "2024-03-01", "2024-02-29"),
    ("en", "The deal was signed two days ago.", "2022-12-19", "2022-12-17"),
    ("en", "Six months ago the talks collapsed.", "2022-12", "2022-06"),
    ("en", "Earlier this month the army withdrew.", "2022-12-19", "2022-12"),
    ("en", "Earlier this week the envoy arrived.", "2022-12", "2022-12"),
    ("en", "The summit took place on October 10.", "2025-10-20", "2025-10-10"),
    ("en", "The summit took place on October 10, 2022.", None, "2022-10-10"),
    ("en", "Russia invaded Georgia in August 2008.", None, "2008-08"),
    ("en", "Fighting resumed in late September.", "2020-10-12", "2020-09"),
    ("en", "Russia annexed the peninsula in 2014.", "2022-12", "2014"),
    ("en", "The sanctions were imposed in December.", "2025-10", "2024-12"),
    ("en", "Parliament had to decide by July 1, 2024.", "2025-03-10", "2024-07-01"),
    ("en", "Parliament must decide by July 1.", "2025-03-10", None),
    ("en", "The country has been at war since 2014, and in March it lost a town.", "2023-05-01", "2023-03"),
    ("en", "He has ruled for two decades and for five years more.", "2023-05-01", None),
    ("en", "May the talks succeed, the minister said.", "2023-05-01", None),
    ("en", "Thursday's talks ended without a deal.", "2025-10-09", "2025-10-09"),
    ("en", "The ceasefire was agreed last December.", "2025-10-09", "2024-12"),
    # Russian
    ("ru", "Президенты встретились в четверг в столице.", "2025-10-09", "2025-10-09"),
    ("ru", "Во вторник министр провёл переговоры.", "2025-10-09", "2025-10-07"),
    ("ru", "Соглашение подписали 10 октября 2022 года.", None, "2022-10-10"),
    ("ru", "В прошлом месяце армия отступила.", "2023-05-25", "2023-04"),
    ("ru", "Полгода назад переговоры сорвались.", "2022-12", "2022-06"),
    ("ru", "Два года назад начались протесты.", "2022-12-19", "2020"),
    ("ru", "В декабре состоялся саммит.", "2025-10", "2024-12"),
    ("ru", "В августе 2020 года начались протесты.", None, "2020-08"),
    ("ru", "Вчера власти задержали журналиста.", "2024-03-01", "2024-02-29"),
    ("ru", "На прошлой неделе прошли учения.", "2024-03-14", "2024-03"),
    ("ru", "Это угрожает окружающей среде.", "2024-03-14", None),
    ("ru", "В среду стороны обменялись пленными.", "2025-10-09", "2025-10-08"),
    # Ukrainian
    ("uk", "Президенти зустрілися у четвер у столиці.", "2025-10-09", "2025-10-09"),
    ("uk", "У вівторок міністр провів переговори.", "2025-10-09", "2025-10-07"),
    ("uk", "Минулого тижня тривали навчання.", "2024-03-14", "2024-03"),
    ("uk", "Минулого місяця уряд ухвалив рішення.", "2023-05-25", "2023-04"),
    ("uk", "Угоду підписали 10 жовтня 2022 року.", None, "2022-10-10"),
    ("uk", "У серпні 2020 року почалися протести.", None, "2020-08"),
    ("uk", "Півроку тому переговори зірвалися.", "2022-12", "2022-06"),
    ("uk", "Вчора окупанти обстріляли місто.", "2024-03-01", "2024-02-29"),
    ("uk", "Торік уряд підписав угоду.", "2024-03-01", "2023"),
]


@pytest.mark.parametrize("lang,sentence,anchor,expected", CASES)
def test_sentence_date(lang, sentence, anchor, expected):
    value, expr = resolve_sentence_date(sentence, lang, anchor)
    assert value == expected, (sentence, expr)
    if expected is not None:
        assert sentence[expr.start:expr.end] == expr.text


SPANS = [
    ("pl", "Prezydent spotkał się w czwartek z premierem.", ["w czwartek"]),
    ("pl", "Samolot zestrzelono w grudniu 2024 r., a rozmowy trwały do 1 lipca.", ["w grudniu 2024 r.", "do 1 lipca"]),
    ("pl", "Pół roku temu i we wtorek", ["Pół roku temu", "we wtorek"]),
    ("en", "They met on October 10 and again last week.", ["on October 10", "last week"]),
    ("en", "since 2014, and by July 1", ["since 2014", "by July 1"]),
    ("ru", "С 2014 года, а 10 октября 2022 года", ["С 2014 года", "10 октября 2022 года"]),
    ("uk", "З 2014 року, а у четвер", ["З 2014 року", "у четвер"]),
]


@pytest.mark.parametrize("lang,text,spans", SPANS)
def test_spans(lang, text, spans):
    assert [e.text for e in find_time_expressions(text, lang)] == spans


KINDS = [
    ("pl", "do 1 lipca", "deadline"),
    ("pl", "od 2014 roku", "since"),
    ("pl", "od prawie 29 lat", "duration"),
    ("pl", "tego dnia", "anaphoric"),
    ("en", "by July 1", "deadline"),
    ("en", "for two years", "duration"),
    ("ru", "до 1 июля", "deadline"),
    ("uk", "до 1 липня", "deadline"),
]


@pytest.mark.parametrize("lang,text,kind", KINDS)
def test_kinds(lang, text, kind):
    (expr,) = find_time_expressions(text, lang)
    assert expr.kind == kind


@pytest.mark.parametrize("lang,text,anchor,expected", [
    ("pl", "w czwartek", None, None),
    ("pl", "w zeszłym miesiącu", None, None),
    ("pl", "w grudniu 2024 r.", None, "2024-12"),
    ("pl", "w czwartek", "2025", "2025"),
    ("pl", "do 1 lipca", "2025-10-09", "2026-07-01"),
    ("pl", "do piątku", "2025-10-09", "2025-10-10"),
    ("pl", "do końca roku", "2025-10-09", "2025"),
    ("pl", "w roku 2022", None, "2022"),
    ("pl", "w ub. tygodniu", "2025-10-09", "2025-10"),
    ("pl", "31 lutego 2023", None, None),
    ("en", "a week ago", "2025-10-09", "2025-10-02"),
    ("pl", "kilka dni temu", "2025-10-09", "2025-10"),
])
def test_resolve_precision(lang, text, anchor, expected):
    (expr,) = find_time_expressions(text, lang)
    assert resolve_time(expr, anchor) == expected


def test_unknown_language_fails_loudly():
    from kronika.errors import UnknownLanguageError

    with pytest.raises(UnknownLanguageError, match="known: pl, en, ru, uk"):
        find_time_expressions("w czwartek", "de")


# dateparser's own test cases (third-party, BSD-3): the ones we pass stay passing.
_SHARED = next((d for d in (Path(__file__).resolve().parents[3] / "shared", Path("/work/shared")) if d.is_dir()), Path("../shared"))
PEER = _SHARED / "peers/dateparser-cases/dateparser_pl_ru_uk_en_cases.jsonl"
PASSING_PEER_CASES = {  # source_file:line of the dateparser cases Kronika reads right (scripts/eval_dateparser_cases.py)
    "test_freshness_date_parser.py:1144", "test_freshness_date_parser.py:1145", "test_freshness_date_parser.py:1146", "test_freshness_date_parser.py:1147",
    "test_freshness_date_parser.py:1148", "test_freshness_date_parser.py:1149", "test_freshness_date_parser.py:1150", "test_freshness_date_parser.py:1151",
    "test_freshness_date_parser.py:1159", "test_freshness_date_parser.py:1329", "test_freshness_date_parser.py:1330", "test_freshness_date_parser.py:1333",
    "test_freshness_date_parser.py:1346", "test_freshness_date_parser.py:1347", "test_freshness_date_parser.py:1744", "test_freshness_date_parser.py:1749",
    "test_freshness_date_parser.py:1750", "test_freshness_date_parser.py:1751", "test_freshness_date_parser.py:1752", "test_freshness_date_parser.py:1922",
    "test_freshness_date_parser.py:1923", "test_freshness_date_parser.py:1924", "test_freshness_date_parser.py:1937", "test_freshness_date_parser.py:1938",
    "test_freshness_date_parser.py:2246", "test_freshness_date_parser.py:2247", "test_freshness_date_parser.py:292", "test_freshness_date_parser.py:293",
    "test_freshness_date_parser.py:294", "test_freshness_date_parser.py:295", "test_freshness_date_parser.py:296", "test_freshness_date_parser.py:297",
    "test_freshness_date_parser.py:298", "test_freshness_date_parser.py:299", "test_freshness_date_parser.py:307", "test_freshness_date_parser.py:324",
    "test_freshness_date_parser.py:42", "test_freshness_date_parser.py:494", "test_freshness_date_parser.py:495", "test_freshness_date_parser.py:498",
    "test_freshness_date_parser.py:511", "test_freshness_date_parser.py:512", "test_freshness_date_parser.py:68", "test_freshness_date_parser.py:69",
    "test_freshness_date_parser.py:944", "test_freshness_date_parser.py:945", "test_freshness_date_parser.py:947", "test_freshness_date_parser.py:948",
    "test_freshness_date_parser.py:950", "test_freshness_date_parser.py:952", "test_freshness_date_parser.py:953", "test_freshness_date_parser.py:954",
    "test_freshness_date_parser.py:955", "test_freshness_date_parser.py:956", "test_freshness_date_parser.py:957", "test_freshness_date_parser.py:971",
    "test_freshness_date_parser.py:972", "test_freshness_date_parser.py:975", "test_freshness_date_parser.py:981", "test_languages.py:1106",
    "test_languages.py:1107", "test_languages.py:1108", "test_languages.py:1109", "test_languages.py:1110",
    "test_languages.py:114", "test_languages.py:1162", "test_languages.py:1164", "test_languages.py:1165",
    "test_languages.py:1166", "test_languages.py:1167", "test_languages.py:1168", "test_languages.py:1169",
    "test_languages.py:1170", "test_languages.py:1171", "test_languages.py:1172", "test_languages.py:1173",
    "test_languages.py:1175", "test_languages.py:1176", "test_languages.py:1177", "test_languages.py:1178",
    "test_languages.py:1180", "test_languages.py:1182", "test_languages.py:1183", "test_languages.py:1184",
    "test_languages.py:1185", "test_languages.py:1186", "test_languages.py:1187", "test_languages.py:1188",
    "test_languages.py:1253", "test_languages.py:1270", "test_languages.py:1271", "test_languages.py:1272",
    "test_languages.py:1273", "test_languages.py:1274", "test_languages.py:1275", "test_languages.py:1276",
    "test_languages.py:130", "test_languages.py:131", "test_languages.py:135", "test_languages.py:136",
    "test_languages.py:137", "test_languages.py:138", "test_languages.py:143", "test_languages.py:1918",
    "test_languages.py:1919", "test_languages.py:192", "test_languages.py:193", "test_languages.py:1932",
    "test_languages.py:1933", "test_languages.py:1934", "test_languages.py:194", "test_languages.py:2038",
    "test_languages.py:2039", "test_languages.py:2040", "test_languages.py:2041", "test_languages.py:2042",
    "test_languages.py:2043", "test_languages.py:2044", "test_languages.py:61", "test_languages.py:62",
    "test_search.py:1355", "test_search.py:1362", "test_search.py:1374", "test_search.py:1388",
    "test_search.py:278", "test_search.py:284", "test_search.py:290", "test_search.py:305",
    "test_search.py:337", "test_search.py:458", "test_search.py:485", "test_search.py:537",
    "test_search.py:572", "test_search.py:662", "test_search.py:671", "test_search.py:677",
    "test_search.py:688", "test_search.py:734", "test_search.py:752", "test_search.py:760",
    "test_search.py:768",
}


def _peer_cases():
    if not PEER.exists():
        return []
    wanted = PASSING_PEER_CASES
    records = [json.loads(line) for line in PEER.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if f"{r['source_file']}:{r['line']}" in wanted]


@pytest.mark.skipif(not PEER.exists(), reason="peer data shared/peers/dateparser-cases is absent")
@pytest.mark.parametrize("record", _peer_cases(), ids=lambda r: f"{r['lang']}:{r['line']}")
def test_dateparser_peer_case(record):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from eval_dateparser_cases import check

    ok, detail = check(record)
    assert ok, detail


def test_future_dates_kept_on_request():
    assert resolve_sentence_date("Jutro", "pl", "2025-10-09") == (None, None)
    assert resolve_sentence_date("Jutro", "pl", "2025-10-09", allow_future=True)[0] == "2025-10-10"


def test_closest_expression_to_the_trigger():
    text = "W zeszłym miesiącu ogłoszono plan, a we wtorek ministrowie spotkali się w stolicy."
    near = text.index("spotkali")
    assert resolve_sentence_date(text, "pl", "2025-10-09")[0] == "2025-09"
    assert resolve_sentence_date(text, "pl", "2025-10-09", near=near)[0] == "2025-10-07"


@pytest.mark.parametrize("lang,text,anchor,expected", [
    ("pl", "W dniach 5-6 października 2022 r. odbył się szczyt.", None, "2022-10-05"),
    ("pl", "Ubiegłoroczny szczyt zakończył się fiaskiem.", "2025-10-09", "2024"),
    ("pl", "W czwartek, 9 października 2025 r., podpisano umowę.", None, "2025-10-09"),
    ("en", "The talks on October 5-6, 2022 failed.", None, "2022-10-05"),
    ("en", "On Thursday, October 9, the envoys met.", "2025-10-20", "2025-10-09"),
    ("ru", "Прошлогодний саммит провалился.", "2025-10-09", "2024"),
    ("uk", "Минулорічний саміт провалився.", "2025-10-09", "2024"),
    ("pl", "Wydano książkę pt. Wojna.", "2025-10-09", None),
])
def test_ranges_and_calendar_adjectives(lang, text, anchor, expected):
    assert resolve_sentence_date(text, lang, anchor)[0] == expected


@pytest.mark.parametrize("lang,text", [
    ("pl", "Ochrona środowiska to priorytet rządu."),  # "środow-" is not Wednesday here
    ("pl", "Lutowanie płytek trwało długo."),
    ("pl", "Maja Kowalska została ministrem."),
    ("pl", "Wydano książkę pt. Wojna."),
    ("en", "Officials may march to the capital."),
    ("ru", "Это угрожает окружающей среде."),
])
def test_words_that_are_not_dates(lang, text):
    assert find_time_expressions(text, lang) == []


@pytest.mark.parametrize("lang,text,spans", [
    ("uk", "Лютий ворог напав у лютому 2022 року.", ["у лютому 2022 року"]),  # "лютий" = fierce
    ("ru", "Марта Иванова приехала в марте.", ["в марте"]),  # Марта, a first name
    ("pl", "Grudzień był trudny, a na przełomie września i października doszło do rozmów.", ["na przełomie września"]),
])
def test_bare_months_need_a_preposition(lang, text, spans):
    assert [e.text for e in find_time_expressions(text, lang)] == spans
