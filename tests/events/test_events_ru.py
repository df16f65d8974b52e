"""Every PLOVER type in Russian, end to end: clean -> real linker -> extractor, plus modality.

Checks the data in kronika/resources/lang/ru/{triggers,roles,modality}.yaml. Sentences are
written for these tests in news style (none comes from the seeds). Each row: text, the type
that must be found, and the countries that must be on its source / target side (None: not
checked); modality rows add the modality the event must carry. Rows marked xfail fail for a
reason in code, not data (named in the mark)."""
from __future__ import annotations

import pytest

from event_helpers import countries, matching, values

# Code limits (kronika/events/tokens.py `_coordinated` and extract.py `_clauses`): a comma alone
# chains two actor phrases, so the subject after "По словам X," inherits the attribution's preposition.

LANG = "ru"


@pytest.fixture(scope="module")
def run_text(run_text):  # the session runner from conftest.py, bound to this file's language
    return lambda text, published="2024-03-15": run_text(text, LANG, published)


RU = [
    # CONSULT
    ('Премьер-министр Венгрии встретился во вторник с канцлером Германии.', 'CONSULT', 'HUN', 'DEU'),
    ('Президент Франции провёл телефонный разговор с президентом Украины.', 'CONSULT', 'FRA', 'UKR'),
    ('Глава МИД Литвы посетил Польшу с официальным визитом.', 'CONSULT', 'LTU', 'POL'),
    ('Президент Турции позвонил президенту России.', 'CONSULT', 'TUR', 'RUS'),
    ('Делегации Армении и Азербайджана провели переговоры в Вашингтоне.', 'CONSULT', 'ARM', 'AZE'),
    ('Министр иностранных дел Китая обсудил с коллегой из Бразилии ситуацию в регионе.', 'CONSULT', 'CHN', 'BRA'),
    ('Во вторник состоялась встреча министров обороны Индии и Китая.', 'CONSULT', 'IND', 'CHN'),
    ('Канцлер Германии прибыл в Киев с необъявленным визитом.', 'CONSULT', 'DEU', 'UKR'),
    ('Премьер Грузии принял в Тбилиси делегацию Армении.', 'CONSULT', 'GEO', 'ARM'),
    # AGREE
    ('Япония пообещала Украине новый пакет помощи.', 'AGREE', 'JPN', 'UKR'),
    ('Казахстан договорился с Китаем о строительстве нового газопровода.', 'AGREE', 'KAZ', 'CHN'),
    ('Франция предложила Польше совместные закупки вооружений.', 'AGREE', 'FRA', 'POL'),
    ('Германия взяла на себя обязательство перед Литвой разместить бригаду.', 'AGREE', 'DEU', 'LTU'),
    ('Индия согласилась с Россией продлить соглашение о поставках нефти.', 'AGREE', 'IND', 'RUS'),
    ('Армения и Азербайджан достигли соглашения о делимитации границы.', 'AGREE', 'ARM', 'AZE'),
    ('Сербия заявила о готовности расширить сотрудничество с Китаем.', 'AGREE', 'SRB', 'CHN'),
    ('Франция и Индия договорились о совместном производстве двигателей.', 'AGREE', 'FRA', 'IND'),
    # SUPPORT
    ('Президент Литвы поблагодарил Польшу за поддержку.', 'SUPPORT', 'LTU', 'POL'),
    ('Канада поддержала стремление Украины вступить в НАТО.', 'SUPPORT', 'CAN', 'UKR'),
    ('Премьер Чехии поздравил президента Словакии с победой на выборах.', 'SUPPORT', 'CZE', 'SVK'),
    ('Армения подписала с Францией соглашение об оборонном сотрудничестве.', 'SUPPORT', 'ARM', 'FRA'),
    ('Эстония похвалила Финляндию за решительную позицию.', 'SUPPORT', 'EST', 'FIN'),
    ('Польша выразила поддержку территориальной целостности Украины.', 'SUPPORT', 'POL', 'UKR'),
    ('Президент Молдавии поблагодарила Румынию за помощь в энергетическом кризисе.', 'SUPPORT', 'MDA', 'ROU'),
    # CONCEDE
    ('Премьер-министр Японии извинился перед Южной Кореей за преступления прошлого.', 'CONCEDE', 'JPN', 'KOR'),
    ('Россия объявила перемирие с Украиной на время праздников.', 'CONCEDE', 'RUS', 'UKR'),
    ('Китай отменил санкции против Австралии.', 'CONCEDE', 'CHN', 'AUS'),
    ('Турция выразила сожаление Греции в связи с инцидентом в море.', 'CONCEDE', 'TUR', 'GRC'),
    ('Правительство Сербии взяло на себя ответственность за инцидент на границе.', 'CONCEDE', 'SRB', None),
    ('Германия принесла извинения Намибии за колониальные преступления.', 'CONCEDE', 'DEU', 'NAM'),
    ('США смягчили санкции в отношении Венесуэлы.', 'CONCEDE', 'USA', 'VEN'),
    # COOPERATE
    ('Польша и Литва провели совместные военные учения.', 'COOPERATE', 'POL', 'LTU'),
    ('Военные инструкторы Украины обучают солдат Молдавии.', 'COOPERATE', 'UKR', 'MDA'),
    ('Латвия обменивается разведданными с Эстонией.', 'COOPERATE', 'LVA', 'EST'),
    ('Германия и Франция начали совместное производство танков.', 'COOPERATE', 'DEU', 'FRA'),
    ('Германия экстрадировала Польше подозреваемого в шпионаже.', 'COOPERATE', 'DEU', 'POL'),
    ('США и Южная Корея начали совместные учения у побережья полуострова.', 'COOPERATE', 'USA', 'KOR'),
    # AID
    ('Польша передала Украине новые танки.', 'AID', 'POL', 'UKR'),
    ('США поставили Израилю артиллерийские снаряды.', 'AID', 'USA', 'ISR'),
    ('Молдавия получила от Румынии энергетическую помощь.', 'AID', 'ROU', 'MDA'),
    ('Япония предоставила Украине кредит на восстановление.', 'AID', 'JPN', 'UKR'),
    ('Канада отправила Украине системы противовоздушной обороны.', 'AID', 'CAN', 'UKR'),
    ('Великобритания выделила Украине гуманитарную помощь на сумму 50 миллионов фунтов.', 'AID', 'GBR', 'UKR'),
    ('Германия направила Молдавии генераторы и гуманитарные грузы.', 'AID', 'DEU', 'MDA'),
    # RETREAT
    ('Россия освободила двух граждан Украины.', 'RETREAT', 'RUS', None),
    ('Армения отвела свои войска от границы с Азербайджаном.', 'RETREAT', 'ARM', None),
    ('Премьер-министр Словакии ушёл в отставку.', 'RETREAT', 'SVK', None),
    ('Израиль вывел войска из северной части сектора Газа.', 'RETREAT', 'ISR', None),
    ('Иран освободил задержанных британских моряков.', 'RETREAT', 'IRN', None),
    ('Азербайджан вернул Армении пленных военнослужащих.', 'RETREAT', 'AZE', 'ARM'),
    ('Российские войска отступили из Херсона.', 'RETREAT', 'RUS', None),
    ('Министр обороны Киргизии подал в отставку.', 'RETREAT', 'KGZ', None),
    # REQUEST
    ('Венгрия потребовала от Украины изменить закон о нацменьшинствах.', 'REQUEST', 'HUN', 'UKR'),
    ('НАТО призвало Россию вывести войска.', 'REQUEST', 'IGO', 'RUS'),
    ('Польша обратилась к Германии с просьбой ускорить поставки оружия.', 'REQUEST', 'POL', 'DEU'),
    ('Литва попросила США о дополнительных батареях Patriot.', 'REQUEST', 'LTU', 'USA'),
    ('Грузия требует от России вернуть оккупированные территории.', 'REQUEST', 'GEO', 'RUS'),
    ('Украина призвала НАТО ускорить поставки систем ПВО.', 'REQUEST', 'UKR', 'IGO'),
    ('Финляндия потребовала от России объяснений в связи с нарушением воздушного пространства.', 'REQUEST', 'FIN', 'RUS'),
    # ACCUSE
    ('Украина обвинила Россию в обстреле электростанции.', 'ACCUSE', 'UKR', 'RUS'),
    ('Франция осудила Иран за репрессии против женщин.', 'ACCUSE', 'FRA', 'IRN'),
    ('Премьер Польши раскритиковал Германию за энергетическую политику.', 'ACCUSE', 'POL', 'DEU'),
    ('Азербайджан обвинил Армению в нарушении договорённостей.', 'ACCUSE', 'AZE', 'ARM'),
    ('Эстония возложила на Россию ответственность за сбои сигнала GPS.', 'ACCUSE', 'EST', 'RUS'),
    ('Молдавия обвиняет Россию во вмешательстве в выборы.', 'ACCUSE', 'MDA', 'RUS'),
    ('МИД Польши выразил протест Белоруссии в связи с нарушением границы.', 'ACCUSE', 'POL', 'BLR'),
    ('Генпрокуратура Украины возбудила уголовное дело против российских командиров.', 'ACCUSE', 'UKR', 'RUS'),
    # REJECT
    ('Россия отвергла предложение Украины.', 'REJECT', 'RUS', None),
    ('Венгрия заблокировала пакет помощи Украине.', 'REJECT', 'HUN', None),
    ('Китай опроверг сообщения о поставках оружия России.', 'REJECT', 'CHN', None),
    ('Турция отказала Швеции в поддержке её заявки.', 'REJECT', 'TUR', 'SWE'),
    ('Сербия отрицает информацию о переброске войск.', 'REJECT', 'SRB', None),
    ('Белоруссия отвергла обвинения Литвы.', 'REJECT', 'BLR', None),
    ('Иран отказался от переговоров с МАГАТЭ.', 'REJECT', 'IRN', 'IGO'),
    # THREATEN
    ('Китай пригрозил Тайваню морской блокадой.', 'THREATEN', 'CHN', 'TWN'),
    ('Северная Корея предупредила Японию о серьёзных последствиях.', 'THREATEN', 'PRK', 'JPN'),
    ('Россия угрожает Молдавии прекращением поставок газа.', 'THREATEN', 'RUS', 'MDA'),
    ('Иран пригрозил Израилю ответным ударом.', 'THREATEN', 'IRN', 'ISR'),
    ('Белоруссия предупредила Литву, что закроет границу.', 'THREATEN', 'BLR', 'LTU'),
    ('Россия пригрозила Финляндии ответными мерами.', 'THREATEN', 'RUS', 'FIN'),
    ('Северная Корея угрожает Южной Корее применением ядерного оружия.', 'THREATEN', 'PRK', 'KOR'),
    # PROTEST
    ('Тысячи грузин протестовали против правительства в Тбилиси.', 'PROTEST', 'GEO', None),
    ('Польские фермеры перекрыли дороги в знак протеста против импорта зерна.', 'PROTEST', 'POL', None),
    ('Сербские студенты провели демонстрацию у здания парламента в Белграде.', 'PROTEST', 'SRB', None),
    ('Французские железнодорожники начали забастовку.', 'PROTEST', 'FRA', None),
    ('Словацкая оппозиция организовала митинг против правительства.', 'PROTEST', 'SVK', None),
    ('Жители Еревана вышли на улицы с протестом против соглашения.', 'PROTEST', 'ARM', None),
    ('Тысячи грузинских граждан провели митинг против закона об иностранных агентах.', 'PROTEST', 'GEO', None),
    # SANCTION
    ('Европейский союз ввёл новые санкции против России.', 'SANCTION', 'IGO', 'RUS'),
    ('Литва выслала двух российских дипломатов.', 'SANCTION', 'LTU', 'RUS'),
    ('США ввели санкции в отношении Ирана.', 'SANCTION', 'USA', 'IRN'),
    ('Канада заморозила активы Белоруссии.', 'SANCTION', 'CAN', 'BLR'),
    ('Молдавия разорвала дипломатические отношения с Россией.', 'SANCTION', 'MDA', 'RUS'),
    ('Великобритания ввела санкции против российских банков.', 'SANCTION', 'GBR', 'RUS'),
    ('Эстония объявила российского дипломата персоной нон грата.', 'SANCTION', 'EST', 'RUS'),
    ('Евросоюз закрыл воздушное пространство для белорусских самолётов.', 'SANCTION', 'IGO', 'BLR'),
    # MOBILIZE
    ('Россия разместила новые ракеты в Калининградской области.', 'MOBILIZE', 'RUS', None),
    ('Армения объявила мобилизацию резервистов.', 'MOBILIZE', 'ARM', None),
    ('Китай перебросил войска к границе с Индией.', 'MOBILIZE', 'CHN', None),
    ('Белоруссия привела армию в полную боевую готовность.', 'MOBILIZE', 'BLR', None),
    ('Северная Корея провела испытание баллистической ракеты.', 'MOBILIZE', 'PRK', None),
    ('Россия стянула войска к границе с Украиной.', 'MOBILIZE', 'RUS', None),
    ('Китай провёл военные учения вокруг Тайваня.', 'MOBILIZE', 'CHN', None),
    # COERCE
    ('Белорусская милиция задержала несколько десятков активистов оппозиции.', 'COERCE', 'BLR', None),
    ('Российские спецслужбы арестовали американского журналиста.', 'COERCE', 'RUS', 'USA'),
    ('Иранские власти конфисковали имущество оппозиционеров.', 'COERCE', 'IRN', None),
    ('Грузинская полиция разогнала демонстрантов в Тбилиси.', 'COERCE', 'GEO', None),
    ('Власти Китая депортировали нескольких граждан Японии.', 'COERCE', 'CHN', 'JPN'),
    ('Российская полиция задержала участников акции в Москве.', 'COERCE', 'RUS', None),
    ('В Минске задержали нескольких журналистов.', 'COERCE', 'BLR', None),
    ('Власти Азербайджана провели обыски в редакции оппозиционного издания.', 'COERCE', 'AZE', None),
    # ASSAULT
    ('Российские войска ночью обстреляли Харьков.', 'ASSAULT', 'RUS', 'UKR'),
    ('Израиль нанёс удары по целям в Ливане.', 'ASSAULT', 'ISR', 'LBN'),
    ('Украинские беспилотники атаковали нефтеперерабатывающий завод в России.', 'ASSAULT', 'UKR', 'RUS'),
    ('Азербайджан атаковал позиции Армении.', 'ASSAULT', 'AZE', 'ARM'),
    ('Турция сбила российский военный самолёт.', 'ASSAULT', 'TUR', 'RUS'),
    ('Российская армия нанесла ракетный удар по Киеву.', 'ASSAULT', 'RUS', 'UKR'),
    ('Вооружённые силы Украины сбили российский вертолёт.', 'ASSAULT', 'UKR', 'RUS'),
    ('Азербайджанские военные открыли огонь по армянским позициям.', 'ASSAULT', 'AZE', 'ARM'),
    ('Израиль нанёс авиаудар по объектам в Иране.', 'ASSAULT', 'ISR', 'IRN'),
    ('Россия ночью атаковала Одессу беспилотниками.', 'ASSAULT', 'RUS', 'UKR'),
    # news-style sentences: named people, reported speech, event nouns, places as targets
    ('Министр иностранных дел России Сергей Лавров провёл в среду переговоры с турецким коллегой Хаканом Фиданом в Анкаре.', 'CONSULT', 'RUS', 'TUR'),
    ('Лавров заявил, что Москва готова продолжить диалог с Анкарой по ситуации в Сирии.', 'AGREE', 'RUS', 'TUR'),
    ('Зеленский поблагодарил Байдена за новый пакет военной помощи.', 'SUPPORT', 'UKR', 'USA'),
    ('Москва выслала трёх эстонских дипломатов в ответ на аналогичные действия Таллина.', 'SANCTION', 'RUS', 'EST'),
    ('Президент Азербайджана Ильхам Алиев обвинил Францию во вмешательстве во внутренние дела страны.', 'ACCUSE', 'AZE', 'FRA'),
    ('Пашинян и Алиев договорились продолжить переговоры о мирном договоре.', 'AGREE', 'ARM', 'AZE'),
    ('Белоруссия передала России 30 танков Т-72.', 'AID', 'BLR', 'RUS'),
    ('Украина и Россия провели обмен пленными при посредничестве ОАЭ.', 'RETREAT', 'UKR', 'RUS'),
    ('Турция сбила российский военный самолет.', 'ASSAULT', 'TUR', 'RUS'),
    # passives: the subject is the target; the instrumental agent is not read (no preposition)
    ('Российский журналист был задержан в Варшаве.', 'COERCE', None, 'RUS'),
    ('Два украинских беспилотника были сбиты над Курской областью.', 'ASSAULT', None, 'UKR'),
    ('Американский гражданин был арестован в Москве.', 'COERCE', None, 'USA'),
    # reported speech: the speaker is the source; the one who 'must' is the target
    ('Министр иностранных дел России заявил, что Украина должна вывести войска из Курской области.', 'REQUEST', 'RUS', 'UKR'),
    ('Песков заявил, что Россия продолжит наступление на Харьков.', 'THREATEN', 'RUS', None),
    ('Израильская армия начала наземную операцию в Ливане.', 'ASSAULT', 'ISR', 'LBN'),
    ('Турецкие военные провели операцию против курдских боевиков в Ираке.', 'ASSAULT', 'TUR', 'IRQ'),
]

RU_MODALITY = [
    ('По данным украинской разведки Россия якобы атаковала Одессу крылатыми ракетами.', 'ASSAULT', 'RUS', 'UKR', 'claimed'),
    ('Азербайджан, как утверждается, обстрелял армянские позиции.', 'ASSAULT', 'AZE', 'ARM', 'claimed'),
    pytest.param('По словам американских чиновников, Иран передал России баллистические ракеты.', 'AID', 'IRN', 'RUS', 'claimed'),
    ('Северная Корея предположительно поставила России артиллерийские снаряды.', 'AID', 'PRK', 'RUS', 'claimed'),
    ('Украинские дроны якобы атаковали нефтебазу в Белгородской области.', 'ASSAULT', 'UKR', 'RUS', 'claimed'),
    ('Президент Китая не встретился с госсекретарём США.', 'CONSULT', 'CHN', 'USA', 'denied'),
    ('Германия не передала Украине ракеты Taurus.', 'AID', 'DEU', 'UKR', 'denied'),
    ('Российская армия не обстреливала Запорожье.', 'ASSAULT', 'RUS', 'UKR', 'denied'),
    ('Венгрия не поддержала кандидатуру Нидерландов.', 'SUPPORT', 'HUN', 'NLD', 'denied'),
    ('Китай никогда не угрожал Тайваню войной.', 'THREATEN', 'CHN', 'TWN', 'denied'),
    ('Германия передаст Украине новые системы ПВО.', 'AGREE', 'DEU', 'UKR', 'asserted'),
    ('Президент Франции встретится с президентом Польши в следующем месяце.', 'AGREE', 'FRA', 'POL', 'asserted'),
    ('Россия планирует разместить ядерное оружие в Белоруссии.', 'MOBILIZE', 'RUS', None, 'planned'),
    ('Европейский союз намерен ввести новые санкции против Ирана.', 'THREATEN', 'IGO', 'IRN', 'asserted'),
    ('США введут пошлины на товары из Китая.', 'THREATEN', 'USA', 'CHN', 'asserted'),
    ('Израиль собирается нанести удар по Ливану.', 'THREATEN', 'ISR', 'LBN', 'asserted'),
    ('США пообещали Украине передать новые ракеты ATACMS.', 'AGREE', 'USA', 'UKR', 'asserted'),
    ('Канада будет поставлять Латвии беспилотники.', 'AGREE', 'CAN', 'LVA', 'asserted'),
    ('Литва намерена потребовать от России компенсации.', 'REQUEST', 'LTU', 'RUS', 'planned'),
    ('Армения планирует вывести войска из приграничных сёл.', 'CONCEDE', 'ARM', None, 'asserted'),
    ('Белоруссия собирается перебросить войска к границе с Польшей.', 'MOBILIZE', 'BLR', None, 'planned'),
    ('По информации СМИ Молдавия обвинила Россию в кибератаках.', 'ACCUSE', 'MDA', 'RUS', 'claimed'),
    ('Белорусские власти не задерживали иностранных журналистов.', 'COERCE', 'BLR', None, 'denied'),
]


@pytest.mark.parametrize("text,type_,source,target", RU, ids=[f"ru-{values(r)[1]}-{i}" for i, r in enumerate(RU)])
def test_types(run_text, text, type_, source, target):
    matching(run_text(text), type_, source, target)


@pytest.mark.parametrize("text,type_,source,target,modality", RU_MODALITY,
                         ids=[f"ru-{values(r)[4]}-{values(r)[1]}-{i}" for i, r in enumerate(RU_MODALITY)])
def test_modality(run_text, text, type_, source, target, modality):
    ok = matching(run_text(text), type_, source, target)
    assert modality in {e.modality for e in ok}, [(e.type, e.modality) for e in ok]


def test_every_type_has_at_least_three_sentences():
    from kronika.events.triggers import PLOVER_TYPES

    counts = {t: sum(1 for r in RU if values(r)[1] == t) for t in PLOVER_TYPES}
    assert all(n >= 3 for n in counts.values()), counts


def test_lexicon_covers_all_types_with_hundreds_of_entries():
    from kronika.events.triggers import PLOVER_TYPES, load_triggers

    lexicon = load_triggers(LANG)
    assert {e.type for e in lexicon.entries} == set(PLOVER_TYPES)
    assert len(lexicon.entries) >= 400


@pytest.mark.parametrize("text,wrong_source", [
    ("Российский журналист был задержан в Варшаве.", "RUS"),
    ("Два украинских беспилотника были сбиты над Курской областью.", "UKR"),
    ("Американский гражданин был арестован в Москве.", "USA"),
])
def test_passive_subject_is_never_the_source(run_text, text, wrong_source):
    assert not [e for e in run_text(text).events if wrong_source in countries(e.source)]


@pytest.mark.parametrize("text,type_", [
    ("Турция сбила российский военный самолет.", "ASSAULT"),  # е written for ё
    ("Стороны договорились о прекращении огня.", None),  # no actors: no event
])
def test_spelling_and_actorless(run_text, text, type_):
    events = run_text(text).events
    assert [e.type for e in events] == ([type_] if type_ else [])


@pytest.mark.parametrize("text,type_,date", [
    ("В декабре 2023 года Россия ввела санкции против Японии.", "SANCTION", "2023-12"),
    ("Премьер-министр Венгрии встретился во вторник с канцлером Германии.", "CONSULT", "2024-03-12"),
    ("Вчера Китай провёл военные учения у Тайваня.", "MOBILIZE", "2024-03-14"),
])
def test_dates_resolve_against_the_document_date(run_text, text, type_, date):
    """The document is dated Friday 2024-03-15: weekdays go back, months keep their precision."""
    assert date in {e.date for e in run_text(text).events if e.type == type_}


@pytest.mark.parametrize("text,type_,source,other", [
    ("Россия и Украина продолжают обвинять друг друга в срыве переговоров.", "ACCUSE", "RUS", "UKR"),
    ("Премьер Польши заявил, что Польша не будет отправлять войска на Украину.", "MOBILIZE", "POL", "denied"),
])
def test_reciprocal_and_negated(run_text, text, type_, source, other):
    """Reciprocal pronouns split coordinated parties; a negated plan is denied."""
    events = [e for e in run_text(text).events if e.type == type_ and source in countries(e.source)]
    assert events
    assert other in countries(events[0].target) or other == events[0].modality


def test_trigger_words_are_dictionary_lemmas():
    """Triggers match lemmas: a word the dictionary knows must be listed in its base form (an
    inflected form would match only itself). Words it does not know are listed as forms on
    purpose; a few fixed forms ("войска", "нон грата") are allowed."""
    from kronika.events.triggers import load_triggers
    from kronika.lang import get_morphology

    morph = get_morphology(LANG)
    words = {w for e in load_triggers(LANG).entries for alts in e.words for w in alts}
    not_lemmas = sorted(w for w in words if morph.analyse(w)
                        and not any(a.lemma.lower().replace("ё", "е") == w for a in morph.analyse(w)))
    assert len(not_lemmas) <= 0.02 * len(words), not_lemmas


@pytest.mark.parametrize("text,type_", [
    ("Президент Польши принял закон о поддержке Украины.", "CONSULT"),
    ("Лавров ответит на вопросы журналистов из Китая.", "THREATEN"),
    ("Экономика Германии в прошлом году сократилась на 0,3 процента.", None),
    ("Если Россия нападёт на Литву, НАТО ответит.", "ASSAULT"),
    ("Турция может заблокировать вступление Швеции в НАТО.", "REJECT"),
    ("Россия и Украина продолжают обвинять друг друга в срыве переговоров.", "CONSULT"),
])
def test_no_event(run_text, text, type_):
    """Conditionals, possibilities, background facts and lookalike words code nothing (of that type)."""
    events = run_text(text).events
    assert not [e for e in events if type_ is None or e.type == type_], [(e.type, e.trigger) for e in events]


# News phrasing found missing on the hand-coded corpus (tests/data/ru_uk_news); sentences
# written for these tests. xfail rows need a change in code, named in the mark.
_CODE = "code: "
RU_NEWS = [
    ('Премьер-министр Венгрии снял вето на пакет помощи Украине.', 'CONCEDE', 'HUN', None),
    ('Захарова пообещала ответить на высылку российских дипломатов из Латвии.', 'THREATEN', 'RUS', None),
    ('Президент Литвы осудил российский удар по Одессе.', 'ACCUSE', 'LTU', 'RUS'),
    ('Канцлер Германии осудил нападение России на Грузию.', 'ACCUSE', 'DEU', 'RUS'),
    ('Финляндия подняла в воздух истребители из-за российских самолётов у границы.', 'MOBILIZE', 'FIN', None),
    ('Посольство Грузии потребовало от властей Турции освободить задержанных моряков.', 'REQUEST', 'GEO', 'TUR'),
    ('ФСБ разоблачила шпионскую сеть украинской разведки в Брянской области.', 'ACCUSE', 'RUS', 'UKR'),
    ('Главное управление разведки Украины отвергло обвинения Москвы.', 'REJECT', 'UKR', None),
    ('Российские военные перехватили три украинских беспилотника над Брянском.', 'ASSAULT', 'RUS', 'UKR'),
    ('Посол Украины заявил о новых атаках со стороны России на Херсон.', 'ASSAULT', 'RUS', 'UKR'),
    ('Путин принял в Кремле премьер-министра Индии.', 'CONSULT', 'RUS', 'IND'),
    ('Пашинян заявил, что Армения заморозила участие в ОДКБ.', 'SANCTION', 'ARM', 'IGO'),
    ('Российская армия выпустила по Украине 150 беспилотников.', 'ASSAULT', 'RUS', 'UKR'),
    ('Украинские войска продвинулись в Курской области.', 'ASSAULT', 'UKR', 'RUS'),
    ('ФСБ предотвратила теракт украинских спецслужб в Москве.', 'ACCUSE', 'RUS', 'UKR'),
    ('При этом Украина обвинила Россию в затягивании обмена.', 'ACCUSE', 'UKR', 'RUS'),
    ('Токаев поздравил президента Узбекистана с победой на выборах.', 'SUPPORT', 'KAZ', 'UZB'),
    ('В Кремле отвергли обвинения Киева.', 'REJECT', 'RUS', None),
    ('Глава МИД Литвы призвал союзников усилить давление на Минск.', 'REQUEST', 'LTU', None),
]


@pytest.mark.parametrize("text,type_,source,target", RU_NEWS, ids=[f"ru-news-{values(r)[1]}-{i}" for i, r in enumerate(RU_NEWS)])
def test_news_phrasing(run_text, text, type_, source, target):
    matching(run_text(text), type_, source, target)


@pytest.mark.parametrize("text,wrong_type", [
    ('Президент Польши осудил российский удар по Одессе.', 'ASSAULT'),  # the condemned attack is no event here
    ('Тихановская приветствовала освобождение политзаключённых.', 'RETREAT'),
    ('На время учений Литва закрыла границу с Белоруссией.', 'COOPERATE'),  # 'на время': when, not what
    ('Президент принял в Кремле закон о санкциях против НАТО.', 'CONSULT'),  # a law received is no visit
    ('Северная Корея запустила баллистическую ракету.', 'ASSAULT'),  # a test launch aims at no one
])
def test_news_no_event(run_text, text, wrong_type):
    assert wrong_type not in {e.type for e in run_text(text).events}


def test_retaliation_idiom_is_a_threat(run_text):
    events = run_text('Ответ Москвы не заставит себя ждать, заявила Захарова.').events
    assert [(e.type, e.modality) for e in events if e.type == 'THREATEN'] == [('THREATEN', 'asserted')], events


def test_during_the_talks_takes_the_talks_date(run_text):
    """'во время встречи' points back at the meeting told before: its date, not the document's."""
    text = 'Во вторник Лавров встретился с Фиданом в Анкаре. Во время встречи министр поблагодарил Турцию за поддержку.'
    events = [e for e in run_text(text).events if e.type == 'SUPPORT']
    assert events and events[0].date == '2024-03-12', [(e.type, e.date) for e in run_text(text).events]


@pytest.mark.parametrize("text,person", [
    ('Помощник президента России встретился в Москве с послом Турции.', 'Yuri Ushakov'),  # not the president
    ('Спикер Госдумы встретился с председателем парламента Сербии.', 'Vyacheslav Volodin'),
    ('Директор ФСБ провёл переговоры с главой КГБ Белоруссии.', 'Alexander Bortnikov'),
    ('Омбудсмен Украины провёл переговоры с российской коллегой об обмене пленными.', 'Dmytro Lubinets'),
])
def test_office_titles_name_their_holder(run_text, text, person):
    names = {a.name for e in run_text(text).events for a in e.source + e.target}
    assert person in names, [(e.type, [a.name for a in e.source], [a.name for a in e.target]) for e in run_text(text).events]


@pytest.mark.parametrize("text,type_,date", [
    ('Накануне Песков отверг обвинения Киева.', 'REJECT', '2024-03-14'),  # 'накануне' alone: the day before the report
    ('В прошлую среду Турция выслала двух российских дипломатов.', 'SANCTION', '2024-03-13'),
])
def test_news_dates(run_text, text, type_, date):
    assert date in {e.date for e in run_text(text).events if e.type == type_}, [(e.type, e.date) for e in run_text(text).events]


@pytest.mark.parametrize("text,type_,source,target,modality", [
    ('Москва утверждает, что украинские дроны атаковали Белгород.', 'ASSAULT', 'UKR', 'RUS', 'claimed'),  # 'claims that'
])
def test_news_modality(run_text, text, type_, source, target, modality):
    assert modality in {e.modality for e in matching(run_text(text), type_, source, target)}
