"""Every PLOVER type in Ukrainian, end to end: clean -> real linker -> extractor, plus modality.

Checks the data in kronika/resources/lang/uk/{triggers,roles,modality}.yaml. Sentences are
written for these tests in news style (none comes from the seeds). Each row: text, the type
that must be found, and the countries that must be on its source / target side (None: not
checked); modality rows add the modality the event must carry. Rows marked xfail fail for a
reason in code, not data (named in the mark)."""
from __future__ import annotations

import pytest

from event_helpers import countries, matching, values

# Code limits (kronika/events/tokens.py `Tok.cases`): a capitalised word's proper-noun readings
# win, and the uk dictionary has stray name readings ("НАТО" as the vocative of "Ната",
# "Білорусі" as a locative surname), so the phrase gets the wrong case.

LANG = "uk"


@pytest.fixture(scope="module")
def run_text(run_text):  # the session runner from conftest.py, bound to this file's language
    return lambda text, published="2024-03-15": run_text(text, LANG, published)


UK = [
    # CONSULT
    ("Прем'єр-міністр Угорщини зустрівся у вівторок із канцлером Німеччини.", 'CONSULT', 'HUN', 'DEU'),
    ('Президент Франції провів телефонну розмову з президентом України.', 'CONSULT', 'FRA', 'UKR'),
    ('Міністр закордонних справ Литви відвідав Польщу з офіційним візитом.', 'CONSULT', 'LTU', 'POL'),
    ('Президент Туреччини зателефонував президентові Росії.', 'CONSULT', 'TUR', 'RUS'),
    ('Делегації Вірменії та Азербайджану провели переговори у Вашингтоні.', 'CONSULT', 'ARM', 'AZE'),
    ('Міністр закордонних справ Китаю обговорив із колегою з Бразилії ситуацію в регіоні.', 'CONSULT', 'CHN', 'BRA'),
    # AGREE
    ('Японія пообіцяла Україні новий пакет допомоги.', 'AGREE', 'JPN', 'UKR'),
    ('Казахстан домовився з Китаєм про будівництво нового газопроводу.', 'AGREE', 'KAZ', 'CHN'),
    ('Франція запропонувала Польщі спільні закупівлі озброєння.', 'AGREE', 'FRA', 'POL'),
    ("Німеччина взяла на себе зобов'язання перед Литвою розмістити бригаду.", 'AGREE', 'DEU', 'LTU'),
    ('Індія погодилася з Росією продовжити угоду про постачання нафти.', 'AGREE', 'IND', 'RUS'),
    # SUPPORT
    ('Президент Литви подякував Польщі за підтримку.', 'SUPPORT', 'LTU', 'POL'),
    ('Канада підтримала прагнення України вступити до НАТО.', 'SUPPORT', 'CAN', 'UKR'),
    ("Прем'єр Чехії привітав президента Словаччини з перемогою на виборах.", 'SUPPORT', 'CZE', 'SVK'),
    ('Вірменія підписала з Францією угоду про оборонну співпрацю.', 'SUPPORT', 'ARM', 'FRA'),
    ('Естонія похвалила Фінляндію за рішучу позицію.', 'SUPPORT', 'EST', 'FIN'),
    # CONCEDE
    ("Прем'єр-міністр Японії вибачився перед Південною Кореєю за злочини минулого.", 'CONCEDE', 'JPN', 'KOR'),
    ("Росія оголосила перемир'я з Україною на час свят.", 'CONCEDE', 'RUS', 'UKR'),
    ('Китай скасував санкції проти Австралії.', 'CONCEDE', 'CHN', 'AUS'),
    ("Туреччина висловила жаль Греції у зв'язку з інцидентом у морі.", 'CONCEDE', 'TUR', 'GRC'),
    ('Уряд Сербії взяв на себе відповідальність за інцидент на кордоні.', 'CONCEDE', 'SRB', None),
    # COOPERATE
    ('Польща та Литва провели спільні військові навчання.', 'COOPERATE', 'POL', 'LTU'),
    ('Військові інструктори України навчають солдатів Молдови.', 'COOPERATE', 'UKR', 'MDA'),
    ('Латвія обмінюється розвідданими з Естонією.', 'COOPERATE', 'LVA', 'EST'),
    ('Німеччина та Франція розпочали спільне виробництво танків.', 'COOPERATE', 'DEU', 'FRA'),
    ('Німеччина екстрадувала Польщі підозрюваного у шпигунстві.', 'COOPERATE', 'DEU', 'POL'),
    # AID
    ('Польща передала Україні нові танки.', 'AID', 'POL', 'UKR'),
    ('США поставили Естонії артилерійські снаряди.', 'AID', 'USA', 'EST'),
    ('Молдова отримала від Румунії енергетичну допомогу.', 'AID', 'ROU', 'MDA'),
    ('Японія надала Україні кредит на відновлення.', 'AID', 'JPN', 'UKR'),
    ('Канада відправила Україні системи протиповітряної оборони.', 'AID', 'CAN', 'UKR'),
    # RETREAT
    ('Росія звільнила двох громадян України.', 'RETREAT', 'RUS', None),
    ('Вірменія відвела свої війська від кордону з Азербайджаном.', 'RETREAT', 'ARM', None),
    ("Прем'єр-міністр Словаччини пішов у відставку.", 'RETREAT', 'SVK', None),
    ('Туреччина вивела війська з північної частини Іраку.', 'RETREAT', 'TUR', None),
    ('Іран звільнив затриманих британських моряків.', 'RETREAT', 'IRN', None),
    # REQUEST
    ('Угорщина вимагає від України змінити закон про нацменшини.', 'REQUEST', 'HUN', 'UKR'),
    pytest.param('НАТО закликало Росію вивести війська.', 'REQUEST', 'IGO', 'RUS'),
    ('Польща звернулася до Німеччини з проханням прискорити постачання зброї.', 'REQUEST', 'POL', 'DEU'),
    ('Литва попросила США про додаткові батареї Patriot.', 'REQUEST', 'LTU', 'USA'),
    ('Грузія зажадала від Росії повернути окуповані території.', 'REQUEST', 'GEO', 'RUS'),
    # ACCUSE
    ('Україна звинуватила Росію в обстрілі електростанції.', 'ACCUSE', 'UKR', 'RUS'),
    ('Франція засудила Іран за репресії проти жінок.', 'ACCUSE', 'FRA', 'IRN'),
    ("Прем'єр Польщі розкритикував Німеччину за енергетичну політику.", 'ACCUSE', 'POL', 'DEU'),
    ('Азербайджан звинуватив Вірменію в порушенні домовленостей.', 'ACCUSE', 'AZE', 'ARM'),
    ('Естонія поклала на Росію відповідальність за збої сигналу GPS.', 'ACCUSE', 'EST', 'RUS'),
    # REJECT
    ('Росія відкинула пропозицію України.', 'REJECT', 'RUS', None),
    ('Угорщина заблокувала пакет допомоги Україні.', 'REJECT', 'HUN', None),
    ('Китай спростував повідомлення про постачання зброї Росії.', 'REJECT', 'CHN', None),
    ('Туреччина відмовила Швеції в підтримці її заявки.', 'REJECT', 'TUR', 'SWE'),
    ('Сербія заперечує інформацію про перекидання військ.', 'REJECT', 'SRB', None),
    # THREATEN
    ('Китай пригрозив Тайваню морською блокадою.', 'THREATEN', 'CHN', 'TWN'),
    ('Північна Корея попередила Японію про серйозні наслідки.', 'THREATEN', 'PRK', 'JPN'),
    ('Росія погрожує Молдові припиненням постачання газу.', 'THREATEN', 'RUS', 'MDA'),
    ('Іран пригрозив США відповідним ударом.', 'THREATEN', 'IRN', 'USA'),
    ('Білорусь попередила Литву, що закриє кордон.', 'THREATEN', 'BLR', 'LTU'),
    # PROTEST
    ('Тисячі грузинів протестували проти уряду в Тбілісі.', 'PROTEST', 'GEO', None),
    ('Польські фермери перекрили дороги на знак протесту проти імпорту зерна.', 'PROTEST', 'POL', None),
    ('Сербські студенти провели демонстрацію біля будівлі парламенту в Белграді.', 'PROTEST', 'SRB', None),
    ('Французькі залізничники розпочали страйк.', 'PROTEST', 'FRA', None),
    ('Словацька опозиція організувала мітинг проти уряду.', 'PROTEST', 'SVK', None),
    # SANCTION
    ('Європейський союз запровадив нові санкції проти Росії.', 'SANCTION', 'IGO', 'RUS'),
    ('Литва вислала двох російських дипломатів.', 'SANCTION', 'LTU', 'RUS'),
    ('США запровадили санкції щодо Ірану.', 'SANCTION', 'USA', 'IRN'),
    pytest.param('Канада заморозила активи Білорусі.', 'SANCTION', 'CAN', 'BLR'),
    ('Молдова розірвала дипломатичні відносини з Росією.', 'SANCTION', 'MDA', 'RUS'),
    # MOBILIZE
    ('Росія розмістила нові ракети в Калінінградській області.', 'MOBILIZE', 'RUS', None),
    ('Вірменія оголосила мобілізацію резервістів.', 'MOBILIZE', 'ARM', None),
    ('Китай перекинув війська до кордону з Індією.', 'MOBILIZE', 'CHN', None),
    ('Білорусь привела армію в повну бойову готовність.', 'MOBILIZE', 'BLR', None),
    ('Північна Корея провела випробування балістичної ракети.', 'MOBILIZE', 'PRK', None),
    # COERCE
    ('Білоруська міліція затримала кілька десятків активістів опозиції.', 'COERCE', 'BLR', None),
    ('Російські спецслужби заарештували американського журналіста.', 'COERCE', 'RUS', 'USA'),
    ('Іранська влада конфіскувала майно опозиціонерів.', 'COERCE', 'IRN', None),
    ('Грузинська поліція розігнала демонстрантів у Тбілісі.', 'COERCE', 'GEO', None),
    ('Влада Китаю депортувала кількох громадян Японії.', 'COERCE', 'CHN', 'JPN'),
    # ASSAULT
    ('Російські війська вночі обстріляли Харків.', 'ASSAULT', 'RUS', 'UKR'),
    ('Туреччина завдала ударів по цілях в Іраку.', 'ASSAULT', 'TUR', 'IRQ'),
    ('Українські безпілотники атакували нафтопереробний завод у Росії.', 'ASSAULT', 'UKR', 'RUS'),
    ('Азербайджан атакував позиції Вірменії.', 'ASSAULT', 'AZE', 'ARM'),
    ('Туреччина збила російський військовий літак.', 'ASSAULT', 'TUR', 'RUS'),
    # news-style sentences: named people, reported speech, event nouns, places as targets
    ('У вівторок відбулася зустріч міністрів оборони Індії та Китаю.', 'CONSULT', 'IND', 'CHN'),
    ('Канцлер Німеччини прибув до Києва з неоголошеним візитом.', 'CONSULT', 'DEU', 'UKR'),
    ("Прем'єр Грузії прийняв у Тбілісі делегацію Вірменії.", 'CONSULT', 'GEO', 'ARM'),
    ('Зеленський провів переговори з Ердоганом в Анкарі.', 'CONSULT', 'UKR', 'TUR'),
    ('Вірменія та Азербайджан досягли угоди про делімітацію кордону.', 'AGREE', 'ARM', 'AZE'),
    ('Сербія заявила про готовність розширити співпрацю з Китаєм.', 'AGREE', 'SRB', 'CHN'),
    ('Польща висловила підтримку територіальній цілісності України.', 'SUPPORT', 'POL', 'UKR'),
    ('Президентка Молдови подякувала Румунії за допомогу в енергетичній кризі.', 'SUPPORT', 'MDA', 'ROU'),
    ('Німеччина принесла вибачення Намібії за колоніальні злочини.', 'CONCEDE', 'DEU', 'NAM'),
    ("США пом'якшили санкції щодо Венесуели.", 'CONCEDE', 'USA', 'VEN'),
    ('США та Південна Корея розпочали спільні навчання біля узбережжя півострова.', 'COOPERATE', 'USA', 'KOR'),
    ('Франція та Індія налагодили спільне виробництво двигунів.', 'COOPERATE', 'FRA', 'IND'),
    ('Велика Британія виділила Україні гуманітарну допомогу на суму 50 мільйонів фунтів.', 'AID', 'GBR', 'UKR'),
    ('Німеччина направила Молдові генератори та гуманітарні вантажі.', 'AID', 'DEU', 'MDA'),
    ('Азербайджан повернув Вірменії полонених військовослужбовців.', 'RETREAT', 'AZE', 'ARM'),
    ('Російські війська відступили з Херсона.', 'RETREAT', 'RUS', None),
    ('Міністр оборони Киргизстану подав у відставку.', 'RETREAT', 'KGZ', None),
    pytest.param('Україна закликала НАТО пришвидшити постачання систем ППО.', 'REQUEST', 'UKR', 'IGO'),
    ("Фінляндія вимагала від Росії пояснень у зв'язку з порушенням повітряного простору.", 'REQUEST', 'FIN', 'RUS'),
    ('Молдова звинувачує Росію у втручанні у вибори.', 'ACCUSE', 'MDA', 'RUS'),
    ("МЗС Польщі висловило протест Литві у зв'язку з порушенням кордону.", 'ACCUSE', 'POL', 'LTU'),
    ('Офіс генпрокурора України відкрив кримінальне провадження проти російських командирів.', 'ACCUSE', 'UKR', 'RUS'),
    ('Білорусь відкинула звинувачення Литви.', 'REJECT', 'BLR', None),
    ('Іран відмовився від переговорів з МАГАТЕ.', 'REJECT', 'IRN', 'IGO'),
    ('Росія пригрозила Фінляндії заходами у відповідь.', 'THREATEN', 'RUS', 'FIN'),
    ('Північна Корея погрожує Південній Кореї застосуванням ядерної зброї.', 'THREATEN', 'PRK', 'KOR'),
    ('Мешканці Єревана вийшли на вулиці з протестом проти угоди.', 'PROTEST', 'ARM', None),
    ('Тисячі грузинських громадян провели мітинг проти закону про іноземних агентів.', 'PROTEST', 'GEO', None),
    ('Велика Британія запровадила санкції проти російських банків.', 'SANCTION', 'GBR', 'RUS'),
    ('Естонія оголосила російського дипломата персоною нон грата.', 'SANCTION', 'EST', 'RUS'),
    ('Європейський Союз закрив повітряний простір для білоруських літаків.', 'SANCTION', 'IGO', 'BLR'),
    ('Росія стягнула війська до кордону з Україною.', 'MOBILIZE', 'RUS', None),
    ('Китай провів військові навчання навколо Тайваню.', 'MOBILIZE', 'CHN', None),
    ('Російська поліція затримала учасників акції в Москві.', 'COERCE', 'RUS', None),
    ('У Мінську затримали кількох журналістів.', 'COERCE', 'BLR', None),
    ('Влада Азербайджану провела обшуки в редакції опозиційного видання.', 'COERCE', 'AZE', None),
    ('Російська армія завдала ракетного удару по Києву.', 'ASSAULT', 'RUS', 'UKR'),
    ('Сили оборони України збили російський гелікоптер.', 'ASSAULT', 'UKR', 'RUS'),
    ('Азербайджанські військові відкрили вогонь по вірменських позиціях.', 'ASSAULT', 'AZE', 'ARM'),
    ('Росія вночі атакувала Одесу безпілотниками.', 'ASSAULT', 'RUS', 'UKR'),
    ('Міністр закордонних справ України Андрій Сибіга провів у середу переговори з турецьким колегою Гаканом Фіданом в Анкарі.', 'CONSULT', 'UKR', 'TUR'),
    ('Сибіга заявив, що Київ готовий продовжити діалог з Анкарою щодо безпеки в Чорному морі.', 'AGREE', 'UKR', 'TUR'),
    ('Зеленський подякував Байдену за новий пакет військової допомоги.', 'SUPPORT', 'UKR', 'USA'),
    ('Москва вислала трьох естонських дипломатів у відповідь на аналогічні дії Таллінна.', 'SANCTION', 'RUS', 'EST'),
    ('Президент Азербайджану Ільхам Алієв звинуватив Францію у втручанні у внутрішні справи країни.', 'ACCUSE', 'AZE', 'FRA'),
    ('Пашинян і Алієв домовилися продовжити переговори щодо мирного договору.', 'AGREE', 'ARM', 'AZE'),
    ('Україна та Росія провели обмін полоненими за посередництва ОАЕ.', 'RETREAT', 'UKR', 'RUS'),
    ('Польща зобов’язалася передати Україні ще один пакет допомоги.', 'AGREE', 'POL', 'UKR'),
    ('Росія оголосила перемир’я на Великдень.', 'CONCEDE', 'RUS', None),
    # reported speech: the speaker is the source; the one who 'must' is the target
    ('Міністр закордонних справ України заявив, що Росія повинна вивести війська з Криму.', 'REQUEST', 'UKR', 'RUS'),
    ('Пєсков заявив, що Росія продовжить наступ на Харків.', 'THREATEN', 'RUS', None),
    # impersonal -но/-то forms: the place stands for the state that acted, the object is the target
    ('У Мінську затримано трьох польських журналістів.', 'COERCE', 'BLR', 'POL'),
    ('У Москві заарештовано американського журналіста.', 'COERCE', 'RUS', 'USA'),
    ('За ніч над Україною збито 20 російських дронів.', 'ASSAULT', None, 'RUS'),
    ('Ізраїльська армія розпочала наземну операцію в Лівані.', 'ASSAULT', 'ISR', 'LBN'),
]

UK_MODALITY = [
    ('За даними української розвідки Росія нібито атакувала Одесу крилатими ракетами.', 'ASSAULT', 'RUS', 'UKR', 'claimed'),
    ('Азербайджан, як стверджується, обстріляв вірменські позиції.', 'ASSAULT', 'AZE', 'ARM', 'claimed'),
    ('Північна Корея ймовірно поставила Росії артилерійські снаряди.', 'AID', 'PRK', 'RUS', 'claimed'),
    ('Іран нібито передав Росії балістичні ракети.', 'AID', 'IRN', 'RUS', 'claimed'),
    ('Президент Китаю не зустрівся з держсекретарем США.', 'CONSULT', 'CHN', 'USA', 'denied'),
    ('Німеччина не передала Україні ракети Taurus.', 'AID', 'DEU', 'UKR', 'denied'),
    ('Російська армія не обстрілювала Запоріжжя.', 'ASSAULT', 'RUS', 'UKR', 'denied'),
    ('Китай ніколи не погрожував Тайваню війною.', 'THREATEN', 'CHN', 'TWN', 'denied'),
    ('Німеччина передасть Україні нові системи ППО.', 'AGREE', 'DEU', 'UKR', 'asserted'),
    ('Президент Франції зустрінеться з президентом Польщі наступного місяця.', 'AGREE', 'FRA', 'POL', 'asserted'),
    ('Росія планує розмістити ядерну зброю в Білорусі.', 'MOBILIZE', 'RUS', None, 'planned'),
    ('Білорусь має намір перекинути війська до кордону з Литвою.', 'MOBILIZE', 'BLR', None, 'planned'),
    ('США запровадять мита на товари з Китаю.', 'THREATEN', 'USA', 'CHN', 'asserted'),
    ('США пообіцяли Україні передати нові ракети ATACMS.', 'AGREE', 'USA', 'UKR', 'asserted'),
    ('Канада буде постачати Латвії безпілотники.', 'AGREE', 'CAN', 'LVA', 'asserted'),
]


@pytest.mark.parametrize("text,type_,source,target", UK, ids=[f"uk-{values(r)[1]}-{i}" for i, r in enumerate(UK)])
def test_types(run_text, text, type_, source, target):
    matching(run_text(text), type_, source, target)


@pytest.mark.parametrize("text,type_,source,target,modality", UK_MODALITY,
                         ids=[f"uk-{values(r)[4]}-{values(r)[1]}-{i}" for i, r in enumerate(UK_MODALITY)])
def test_modality(run_text, text, type_, source, target, modality):
    ok = matching(run_text(text), type_, source, target)
    assert modality in {e.modality for e in ok}, [(e.type, e.modality) for e in ok]


def test_every_type_has_at_least_three_sentences():
    from kronika.events.triggers import PLOVER_TYPES

    counts = {t: sum(1 for r in UK if values(r)[1] == t) for t in PLOVER_TYPES}
    assert all(n >= 3 for n in counts.values()), counts


def test_lexicon_covers_all_types_with_hundreds_of_entries():
    from kronika.events.triggers import PLOVER_TYPES, load_triggers

    lexicon = load_triggers(LANG)
    assert {e.type for e in lexicon.entries} == set(PLOVER_TYPES)
    assert len(lexicon.entries) >= 400


@pytest.mark.parametrize("text,type_,date", [
    ("У грудні 2023 року Росія запровадила санкції проти Японії.", "SANCTION", "2023-12"),
    ("Прем’єр-міністр Угорщини зустрівся у вівторок із канцлером Німеччини.", "CONSULT", "2024-03-12"),
    ("Учора Китай провів військові навчання біля Тайваню.", "MOBILIZE", "2024-03-14"),
])
def test_dates_resolve_against_the_document_date(run_text, text, type_, date):
    """The document is dated Friday 2024-03-15: weekdays go back, months keep their precision."""
    assert date in {e.date for e in run_text(text).events if e.type == type_}


@pytest.mark.parametrize("text,type_,source,other", [
    ("Росія та Україна продовжують звинувачувати одна одну у зриві переговорів.", "ACCUSE", "RUS", "UKR"),
    ("Прем’єр-міністр Польщі заявив, що Польща не відправлятиме війська в Україну.", "MOBILIZE", "POL", "denied"),
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
    ("Президент Польщі ухвалив закон про підтримку України.", "CONSULT"),
    ("Економіка Німеччини минулого року скоротилася на 0,3 відсотка.", None),
    ("Якщо Росія нападе на Литву, НАТО відповість.", "ASSAULT"),
    ("Туреччина може заблокувати вступ Швеції до НАТО.", "REJECT"),
    ("Росія та Україна продовжують звинувачувати одна одну у зриві переговорів.", "CONSULT"),
    ("Вибори в Грузії відбудуться в жовтні.", None),
])
def test_no_event(run_text, text, type_):
    """Conditionals, possibilities, background facts and lookalike words code nothing (of that type)."""
    events = run_text(text).events
    assert not [e for e in events if type_ is None or e.type == type_], [(e.type, e.trigger) for e in events]


# News phrasing found missing on the hand-coded corpus (tests/data/ru_uk_news); sentences
# written for these tests. xfail rows need a change in code, named in the mark.
_CODE = "code: "
UK_NEWS = [
    ("Прем'єр Словаччини зняв вето на санкції проти Росії.", 'CONCEDE', 'SVK', None),
    ('Речниця МЗС Росії пообіцяла відповісти на висилку дипломатів із Латвії.', 'THREATEN', 'RUS', None),
    ('Президент Литви засудив російський удар по Одесі.', 'ACCUSE', 'LTU', 'RUS'),
    ('Румунія підняла в повітря винищувачі через російські дрони.', 'MOBILIZE', 'ROU', None),
    ('Посольство Молдови вимагало від влади Росії звільнити затриманих.', 'REQUEST', 'MDA', 'RUS'),
    ('Сили оборони уразили склад боєприпасів у Бєлгороді.', 'ASSAULT', 'UKR', 'RUS'),
    ('Головне управління розвідки України відкинуло звинувачення Москви.', 'REJECT', 'UKR', None),
    ('Служба безпеки України викрила агентурну мережу російської розвідки в Одесі.', 'ACCUSE', 'UKR', 'RUS'),
    ('Президент Польщі ветував закон про підтримку фермерів.', 'REJECT', 'POL', None),
    ('Україна повідомила про нові атаки зі сторони Росії на Одесу.', 'ASSAULT', 'RUS', 'UKR'),
    ('Президент Польщі прийняв у Президентському палаці Володимира Зеленського.', 'CONSULT', 'POL', 'UKR'),
    ('Вірменія заморозила участь в ОДКБ.', 'SANCTION', 'ARM', 'IGO'),
    ('Росія випустила по Україні 150 дронів.', 'ASSAULT', 'RUS', 'UKR'),
    ('Російські війська просунулися в Донецькій області.', 'ASSAULT', 'RUS', 'UKR'),
    ('При цьому Україна звинуватила Росію в затягуванні обміну.', 'ACCUSE', 'UKR', 'RUS'),
    ('ЗСУ знищили російський склад пального.', 'ASSAULT', 'UKR', 'RUS'),
    ('Російський журналіст був затриманий у Варшаві.', 'COERCE', None, 'RUS'),
]


@pytest.mark.parametrize("text,type_,source,target", UK_NEWS, ids=[f"uk-news-{values(r)[1]}-{i}" for i, r in enumerate(UK_NEWS)])
def test_news_phrasing(run_text, text, type_, source, target):
    matching(run_text(text), type_, source, target)


@pytest.mark.parametrize("text,wrong_type", [
    ('Президент Литви засудив російський удар по Одесі.', 'ASSAULT'),  # the condemned attack is no event here
    ('Тихановська привітала звільнення політв\'язнів.', 'RETREAT'),
    ('Польща на час навчань закрила кордон з Білоруссю.', 'COOPERATE'),  # 'на час': when, not what
    ('Верховна Рада прийняла в Києві закон про санкції проти Росії.', 'CONSULT'),  # a law received is no visit
])
def test_news_no_event(run_text, text, wrong_type):
    assert wrong_type not in {e.type for e in run_text(text).events}


def test_a_promise_by_a_deadline_is_dated_when_made(run_text):
    """'до кінця року' bounds the promised act; the AGREE is dated the day it was stated."""
    events = [e for e in run_text('Німеччина передасть Україні нові системи ППО до кінця року.').events if e.type == 'AGREE']
    assert events and events[0].date == '2024-03-15', [(e.type, e.date) for e in events]


def test_retaliation_idiom_is_a_threat(run_text):
    events = run_text('Відповідь Москви не змусить себе чекати, заявила Захарова.').events
    assert [(e.type, e.modality) for e in events if e.type == 'THREATEN'] == [('THREATEN', 'asserted')], events


def test_during_the_talks_takes_the_talks_date(run_text):
    """'під час зустрічі' points back at the meeting told before: its date, not the document's."""
    text = 'У вівторок Сибіга зустрівся із Сікорським у Варшаві. Під час зустрічі Сибіга подякував Польщі за підтримку.'
    events = [e for e in run_text(text).events if e.type == 'SUPPORT']
    assert events and events[0].date == '2024-03-12', [(e.type, e.date) for e in run_text(text).events]


@pytest.mark.parametrize("text,person", [
    ('Помічник президента Росії зустрівся в Москві з послом Туреччини.', 'Yuri Ushakov'),  # not the president
    ('Керівник Офісу президента України провів переговори з радником президента Франції.', 'Andriy Yermak'),
    ('Голова СБУ зустрівся з директором ЦРУ у Вашингтоні.', 'Vasyl Maliuk'),
    ('Речниця МЗС Росії звинуватила Литву в русофобії.', 'Maria Zakharova'),
])
def test_office_titles_name_their_holder(run_text, text, person):
    names = {a.name for e in run_text(text).events for a in e.source + e.target}
    assert person in names, [(e.type, [a.name for a in e.source], [a.name for a in e.target]) for e in run_text(text).events]


@pytest.mark.parametrize("text,type_,date", [
    ('Напередодні Пєсков відкинув звинувачення Києва.', 'REJECT', '2024-03-14'),  # 'напередодні' alone: the day before
    ('Минулої середи Туреччина вислала двох російських дипломатів.', 'SANCTION', '2024-03-13'),
])
def test_news_dates(run_text, text, type_, date):
    assert date in {e.date for e in run_text(text).events if e.type == type_}, [(e.type, e.date) for e in run_text(text).events]


@pytest.mark.parametrize("text,type_,source,target,modality", [
    ('Київ стверджує, що Росія обстріляла Херсон.', 'ASSAULT', 'RUS', 'UKR', 'claimed'),  # 'claims that'
])
def test_news_modality(run_text, text, type_, source, target, modality):
    assert modality in {e.modality for e in matching(run_text(text), type_, source, target)}
