"""Every PLOVER type, per language, end to end: clean -> real linker -> extractor.

Sentences are written for these tests (none comes from the seeds). Each row: text, the
type that must be found, and the countries that must be on its source / target side
(None: not checked)."""
from __future__ import annotations

import pytest

from kronika.model import Article




def _countries(refs) -> set[str]:
    return {r.country for r in refs if r.country}


PL = [
    # CONSULT
    ("Premier Węgier spotkał się we wtorek z kanclerzem Niemiec.", "CONSULT", "HUN", "DEU"),
    ("Prezydent Francji rozmawiał telefonicznie z prezydentem Ukrainy.", "CONSULT", "FRA", "UKR"),
    ("Szef dyplomacji Litwy złożył wizytę w Polsce.", "CONSULT", "LTU", "POL"),
    ("Prezydent Turcji zadzwonił do prezydenta Rosji.", "CONSULT", "TUR", "RUS"),
    ("Delegacje Armenii i Azerbejdżanu prowadziły rozmowy w Waszyngtonie.", "CONSULT", "ARM", None),
    # AGREE
    ("Japonia obiecała Ukrainie nowy pakiet pomocy.", "AGREE", "JPN", "UKR"),
    ("Niemcy zobowiązały się wobec Litwy do stałej obecności brygady.", "AGREE", "DEU", "LTU"),
    ("Francja zaproponowała Polsce wspólne zakupy uzbrojenia.", "AGREE", "FRA", "POL"),
    ("Kazachstan zgodził się z Chinami na budowę nowego gazociągu.", "AGREE", "KAZ", "CHN"),
    ("Szwecja zadeklarowała, że przekaże Ukrainie samoloty rozpoznawcze.", "AGREE", "SWE", "UKR"),
    # SUPPORT
    ("Prezydent Litwy podziękował Polsce za wsparcie.", "SUPPORT", "LTU", "POL"),
    ("Kanada poparła starania Ukrainy o członkostwo w NATO.", "SUPPORT", "CAN", "UKR"),
    ("Premier Czech pogratulował prezydentowi Słowacji zwycięstwa w wyborach.", "SUPPORT", "CZE", "SVK"),
    ("Armenia podpisała z Francją umowę o współpracy obronnej.", "SUPPORT", "ARM", "FRA"),
    ("Estonia pochwaliła Finlandię za zdecydowaną postawę.", "SUPPORT", "EST", "FIN"),
    # CONCEDE
    ("Premier Japonii przeprosił Koreę Południową za dawne krzywdy.", "CONCEDE", "JPN", "KOR"),
    ("Rosja ogłosiła rozejm z Ukrainą na czas świąt.", "CONCEDE", "RUS", "UKR"),
    ("Turcja wyraziła ubolewanie Grecji z powodu incydentu na morzu.", "CONCEDE", "TUR", "GRC"),
    ("Chiny zniosły sankcje wobec Australii.", "CONCEDE", "CHN", "AUS"),
    ("Rząd Serbii przyjął odpowiedzialność za incydent na granicy z Kosowem.", "CONCEDE", "SRB", None),
    # COOPERATE
    ("Polska i Litwa przeprowadziły wspólne ćwiczenia wojskowe.", "COOPERATE", "POL", "LTU"),
    ("Wojsko Ukrainy szkoli żołnierzy Mołdawii.", "COOPERATE", "UKR", "MDA"),
    ("Łotwa współpracuje z Estonią w dziedzinie wymiany informacji wywiadowczych i wspólnej obrony.", "COOPERATE", "LVA", "EST"),
    ("Niemcy i Francja uruchomiły wspólną produkcję czołgów.", "COOPERATE", "DEU", "FRA"),
    ("Norwegia prowadzi wspólne patrole z Finlandią na Morzu Bałtyckim.", "COOPERATE", "NOR", "FIN"),
    # AID
    ("Polska przekazała Ukrainie kolejne czołgi.", "AID", "POL", "UKR"),
    ("Stany Zjednoczone dostarczyły Izraelowi amunicję artyleryjską.", "AID", "USA", "ISR"),
    ("Mołdawia otrzymała od Rumunii pomoc energetyczną.", "AID", "ROU", "MDA"),
    ("Japonia udzieliła Ukrainie pożyczki na odbudowę.", "AID", "JPN", "UKR"),
    ("Kanada wysłała Ukrainie nowe systemy obrony powietrznej.", "AID", "CAN", "UKR"),
    # a decimal comma is no clause boundary
    ("Norwegia przekazała Ukrainie 1,5 mld koron.", "AID", "NOR", "UKR"),
    # RETREAT
    ("Rosja uwolniła dwóch obywateli Ukrainy.", "RETREAT", "RUS", None),
    ("Armenia wycofała swoich żołnierzy z granicy z Azerbejdżanem.", "RETREAT", "ARM", None),
    ("Premier Słowacji podał się do dymisji.", "RETREAT", "SVK", None),
    ("Izrael wycofał wojska z północnej części Strefy Gazy.", "RETREAT", "ISR", None),
    ("Iran uwolnił zatrzymanych marynarzy z Wielkiej Brytanii.", "RETREAT", "IRN", None),
    # REQUEST
    ("Węgry zażądały od Ukrainy zmiany ustawy o mniejszościach.", "REQUEST", "HUN", "UKR"),
    ("NATO wezwało Rosję do wycofania wojsk.", "REQUEST", "IGO", "RUS"),
    ("Polska zaapelowała do Niemiec o szybsze dostawy broni.", "REQUEST", "POL", "DEU"),
    ("Litwa poprosiła Stany Zjednoczone o dodatkowe baterie Patriot.", "REQUEST", "LTU", "USA"),
    ("Gruzja domaga się od Rosji zwrotu okupowanych terytoriów.", "REQUEST", "GEO", "RUS"),
    # ACCUSE
    ("Ukraina oskarżyła Rosję o ostrzał elektrowni.", "ACCUSE", "UKR", "RUS"),
    ("Francja potępiła Iran za represje wobec kobiet.", "ACCUSE", "FRA", "IRN"),
    ("Premier Polski skrytykował Niemcy za politykę energetyczną.", "ACCUSE", "POL", "DEU"),
    ("Azerbejdżan zarzucił Armenii łamanie porozumień.", "ACCUSE", "AZE", "ARM"),
    ("Estonia obarczyła winą Rosję za zakłócenia sygnału GPS.", "ACCUSE", "EST", "RUS"),
    # REJECT
    ("Rosja odrzuciła propozycję Ukrainy.", "REJECT", "RUS", None),
    ("Węgry zawetowały pakiet pomocy dla Ukrainy.", "REJECT", "HUN", None),
    ("Chiny zaprzeczyły doniesieniom o dostawach broni dla Rosji.", "REJECT", "CHN", None),
    ("Turcja odmówiła Szwecji poparcia jej kandydatury.", "REJECT", "TUR", "SWE"),
    ("Serbia zdementowała informacje o przerzucie wojsk.", "REJECT", "SRB", None),
    # THREATEN
    ("Chiny zagroziły Tajwanowi blokadą morską.", "THREATEN", "CHN", "TWN"),
    ("Korea Północna ostrzegła Japonię przed konsekwencjami.", "THREATEN", "PRK", "JPN"),
    ("Rosja grozi Mołdawii odcięciem dostaw gazu.", "THREATEN", "RUS", "MDA"),
    ("Iran zagroził Izraelowi odwetem.", "THREATEN", "IRN", "ISR"),
    ("Białoruś ostrzegła Litwę, że zamknie granicę.", "THREATEN", "BLR", "LTU"),
    ("Kreml ostrzegł Szwecję przed wstąpieniem do NATO.", "THREATEN", "RUS", "SWE"),
    # PROTEST
    ("Tysiące Gruzinów protestowały przeciwko rządowi w Tbilisi.", "PROTEST", "GEO", None),
    ("Polscy rolnicy zablokowali drogi w proteście przeciwko importowi zboża z Ukrainy.", "PROTEST", "POL", None),
    ("Serbscy studenci demonstrowali przed parlamentem w Belgradzie.", "PROTEST", "SRB", None),
    ("Francuscy kolejarze rozpoczęli strajk.", "PROTEST", "FRA", None),
    ("Słowacka opozycja zorganizowała manifestację przeciwko rządowi.", "PROTEST", "SVK", None),
    # SANCTION
    ("Unia Europejska nałożyła nowe sankcje na Rosję.", "SANCTION", "IGO", "RUS"),
    ("Litwa wydaliła dwóch rosyjskich dyplomatów.", "SANCTION", "LTU", "RUS"),
    ("Stany Zjednoczone wprowadziły sankcje wobec Iranu.", "SANCTION", "USA", "IRN"),
    ("Kanada zamroziła aktywa Białorusi.", "SANCTION", "CAN", "BLR"),
    ("Mołdawia zerwała stosunki dyplomatyczne z Rosją.", "SANCTION", "MDA", "RUS"),
    # MOBILIZE
    ("Rosja rozmieściła nowe rakiety w obwodzie królewieckim.", "MOBILIZE", "RUS", None),
    ("Armenia ogłosiła mobilizację rezerwistów.", "MOBILIZE", "ARM", None),
    ("Chiny przerzuciły wojska w pobliże granicy z Indiami.", "MOBILIZE", "CHN", None),
    ("Białoruś postawiła armię w stan gotowości bojowej.", "MOBILIZE", "BLR", None),
    ("Korea Północna przeprowadziła próbę rakiety balistycznej.", "MOBILIZE", "PRK", None),
    ("Według wywiadu Rosja przygotowuje nową ofensywę na Zaporoże.", "MOBILIZE", "RUS", None),
    # COERCE
    ("Białoruska policja zatrzymała kilkunastu działaczy opozycji.", "COERCE", "BLR", None),
    ("Rosyjskie służby aresztowały amerykańskiego dziennikarza.", "COERCE", "RUS", "USA"),
    ("Irańskie władze skonfiskowały majątek opozycjonistów.", "COERCE", "IRN", None),
    ("Gruzińska policja rozpędziła demonstrantów w Tbilisi.", "COERCE", "GEO", None),
    ("Władze Chin deportowały kilku obywateli Japonii.", "COERCE", "CHN", "JPN"),
    # ASSAULT
    ("Rosyjskie wojsko ostrzelało w nocy Charków.", "ASSAULT", "RUS", "UKR"),
    ("Izrael zbombardował cele w Libanie.", "ASSAULT", "ISR", "LBN"),
    ("Ukraińskie drony zaatakowały rafinerię w Rosji.", "ASSAULT", "UKR", "RUS"),
    ("Azerbejdżan zaatakował pozycje Armenii.", "ASSAULT", "AZE", "ARM"),
    ("Turcja zestrzeliła rosyjski samolot wojskowy.", "ASSAULT", "TUR", "RUS"),
]

EN = [
    # CONSULT
    ("The German chancellor met the Polish prime minister in Warsaw on Monday.", "CONSULT", "DEU", "POL"),
    ("France held talks with India on defence cooperation.", "CONSULT", "FRA", "IND"),
    ("The Turkish president spoke by phone with the Ukrainian president.", "CONSULT", "TUR", "UKR"),
    ("The Lithuanian foreign minister visited Kyiv on Tuesday.", "CONSULT", "LTU", "UKR"),
    ("Japan hosted a delegation from Australia.", "CONSULT", "JPN", "AUS"),
    # AGREE
    ("Japan promised Ukraine a new aid package.", "AGREE", "JPN", "UKR"),
    ("Germany pledged to support Lithuania with a permanent brigade.", "AGREE", "DEU", "LTU"),
    ("Kazakhstan agreed with China to build a new pipeline.", "AGREE", "KAZ", "CHN"),
    ("Sweden offered Finland help with air defence.", "AGREE", "SWE", "FIN"),
    ("Canada will send more instructors to Latvia.", "AGREE", "CAN", "LVA"),
    # SUPPORT
    ("Lithuania thanked Poland for its support.", "SUPPORT", "LTU", "POL"),
    ("Canada praised Estonia for its reforms.", "SUPPORT", "CAN", "EST"),
    ("Armenia signed a defence agreement with France.", "SUPPORT", "ARM", "FRA"),
    ("The Czech president congratulated Slovakia on its election.", "SUPPORT", "CZE", "SVK"),
    ("Britain endorsed Ukraine's bid for membership.", "SUPPORT", "GBR", "UKR"),
    # CONCEDE
    ("Japan apologized to South Korea for wartime abuses.", "CONCEDE", "JPN", "KOR"),
    ("Russia declared a ceasefire with Ukraine for the holidays.", "CONCEDE", "RUS", "UKR"),
    ("China lifted sanctions on Australia.", "CONCEDE", "CHN", "AUS"),
    ("Turkey expressed regret to Greece over the incident.", "CONCEDE", "TUR", "GRC"),
    ("Serbia took responsibility for the border incident with Kosovo.", "CONCEDE", "SRB", None),
    # COOPERATE
    ("Poland and Lithuania held joint military exercises.", "COOPERATE", "POL", "LTU"),
    ("Ukrainian instructors trained soldiers from Moldova.", "COOPERATE", "UKR", "MDA"),
    ("Latvia shared intelligence with Estonia.", "COOPERATE", "LVA", "EST"),
    ("Norway and Finland began joint patrols in the Baltic Sea.", "COOPERATE", "NOR", "FIN"),
    ("Germany extradited a suspect to Poland.", "COOPERATE", "DEU", "POL"),
    # AID
    ("Poland delivered tanks to Ukraine.", "AID", "POL", "UKR"),
    ("The United States supplied Israel with artillery shells.", "AID", "USA", "ISR"),
    ("Moldova received energy aid from Romania.", "AID", "ROU", "MDA"),
    ("Japan provided Ukraine with a loan for reconstruction.", "AID", "JPN", "UKR"),
    ("Canada sent air defence systems to Ukraine.", "AID", "CAN", "UKR"),
    # RETREAT
    ("Russia released two Ukrainian prisoners.", "RETREAT", "RUS", None),
    ("Armenia withdrew its troops from the border with Azerbaijan.", "RETREAT", "ARM", None),
    ("The Slovak prime minister resigned on Friday.", "RETREAT", "SVK", None),
    ("Israel pulled out its forces from northern Gaza.", "RETREAT", "ISR", None),
    ("Iran freed the detained British sailors.", "RETREAT", "IRN", None),
    # REQUEST
    ("Hungary demanded that Ukraine change its minority law.", "REQUEST", "HUN", "UKR"),
    ("NATO urged Russia to withdraw its troops.", "REQUEST", "IGO", "RUS"),
    ("Poland called on Germany to speed up weapons deliveries.", "REQUEST", "POL", "DEU"),
    ("Lithuania asked the United States for more Patriot batteries.", "REQUEST", "LTU", "USA"),
    ("Georgia appealed to France for help.", "REQUEST", "GEO", "FRA"),
    # ACCUSE
    ("Ukraine accused Russia of shelling a power plant.", "ACCUSE", "UKR", "RUS"),
    ("France condemned Iran for the crackdown on women.", "ACCUSE", "FRA", "IRN"),
    ("Poland criticized Germany over its energy policy.", "ACCUSE", "POL", "DEU"),
    ("Azerbaijan blamed Armenia for the escalation.", "ACCUSE", "AZE", "ARM"),
    ("Estonia denounced Russia for jamming GPS signals.", "ACCUSE", "EST", "RUS"),
    # REJECT
    ("Russia rejected the proposal from Ukraine.", "REJECT", "RUS", None),
    ("Hungary vetoed the aid package for Ukraine.", "REJECT", "HUN", None),
    ("China denied reports of arms deliveries to Russia.", "REJECT", "CHN", None),
    ("Turkey refused to back Sweden's application.", "REJECT", "TUR", None),
    ("Serbia dismissed the claims as false.", "REJECT", "SRB", None),
    # THREATEN
    ("China threatened Taiwan with a naval blockade.", "THREATEN", "CHN", "TWN"),
    ("North Korea warned Japan of serious consequences.", "THREATEN", "PRK", "JPN"),
    ("Russia threatened Moldova with a gas cut-off.", "THREATEN", "RUS", "MDA"),
    ("Iran threatened Israel with retaliation.", "THREATEN", "IRN", "ISR"),
    ("Belarus warned Lithuania that it would close the border.", "THREATEN", "BLR", "LTU"),
    # PROTEST
    ("Thousands of Georgians protested against the government in Tbilisi.", "PROTEST", "GEO", None),
    ("Polish farmers blocked roads in protest against grain imports.", "PROTEST", "POL", None),
    ("Serbian students demonstrated outside parliament in Belgrade.", "PROTEST", "SRB", None),
    ("French railway workers went on strike.", "PROTEST", "FRA", None),
    ("Slovak opposition supporters held a rally against the government.", "PROTEST", "SVK", None),
    # SANCTION
    ("The European Union imposed new sanctions on Russia.", "SANCTION", "IGO", "RUS"),
    ("Lithuania expelled two Russian diplomats.", "SANCTION", "LTU", "RUS"),
    ("The United States sanctioned Iran over its drone program.", "SANCTION", "USA", "IRN"),
    ("Canada froze the assets of Belarus.", "SANCTION", "CAN", "BLR"),
    ("Moldova severed diplomatic ties with Russia.", "SANCTION", "MDA", "RUS"),
    # MOBILIZE
    ("Russia deployed new missiles in Kaliningrad.", "MOBILIZE", "RUS", None),
    ("Armenia announced the mobilization of reservists.", "MOBILIZE", "ARM", None),
    ("China massed troops near the border with India.", "MOBILIZE", "CHN", None),
    ("Belarus put its army on high alert.", "MOBILIZE", "BLR", None),
    ("North Korea tested a ballistic missile.", "MOBILIZE", "PRK", None),
    # COERCE
    ("Belarusian police detained dozens of opposition activists.", "COERCE", "BLR", None),
    ("Russian security services arrested an American journalist.", "COERCE", "RUS", "USA"),
    ("Iranian authorities seized the property of dissidents.", "COERCE", "IRN", None),
    ("Georgian police raided the offices of an opposition party.", "COERCE", "GEO", None),
    ("China deported several Japanese citizens.", "COERCE", "CHN", "JPN"),
    # ASSAULT
    ("Russian forces shelled Kharkiv overnight.", "ASSAULT", "RUS", "UKR"),
    ("Israel bombed targets in Lebanon.", "ASSAULT", "ISR", "LBN"),
    ("Ukrainian drones attacked a refinery in Russia.", "ASSAULT", "UKR", "RUS"),
    ("Azerbaijan attacked Armenian positions.", "ASSAULT", "AZE", "ARM"),
    ("Turkey shot down a Russian military plane.", "ASSAULT", "TUR", "RUS"),
]


def _check(article: Article, type_: str, source: str | None, target: str | None) -> None:
    found = [e for e in article.events if e.type == type_]
    got = [(e.type, sorted(_countries(e.source)), sorted(_countries(e.target))) for e in article.events]
    assert found, f"no {type_} event; got {got}"
    ok = [e for e in found
          if (source is None or source in _countries(e.source) | _countries(e.target) and source in _countries(e.source)
              or (type_ in ("CONSULT", "AGREE", "COOPERATE") and source in _countries(e.source) | _countries(e.target)))
          and (target is None or target in _countries(e.target)
               or (type_ in ("CONSULT", "AGREE", "COOPERATE") and target in _countries(e.source) | _countries(e.target)))]
    assert ok, f"{type_} found but not {source} -> {target}; got {got}"
    e = ok[0]
    assert e.evidence == article.clean[e.evidence_start:e.evidence_end]
    assert article.clean[e.trigger_start:e.trigger_end] == e.trigger


@pytest.mark.parametrize("text,type_,source,target", PL, ids=[f"pl-{r[1]}-{i % 5}" for i, r in enumerate(PL)])
def test_polish_types(run_text, text, type_, source, target):
    _check(run_text(text, "pl"), type_, source, target)


@pytest.mark.parametrize("text,type_,source,target", EN, ids=[f"en-{r[1]}-{i % 5}" for i, r in enumerate(EN)])
def test_english_types(run_text, text, type_, source, target):
    _check(run_text(text, "en"), type_, source, target)


def test_every_type_has_five_sentences_per_language():
    from kronika.events.triggers import PLOVER_TYPES

    for table in (PL, EN):
        counts = {t: sum(1 for r in table if r[1] == t) for t in PLOVER_TYPES}
        assert all(n >= 5 for n in counts.values()), counts
