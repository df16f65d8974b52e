"""Russian and Ukrainian linking through pymorphy3 lemmas and the ru/uk declension data."""
import pytest

from actor_helpers import link, mention_for


@pytest.mark.parametrize("lang,text,surface,actor_id", [
    ("ru", "Слова Путина повторили.", "Путина", "vladimir-putin"),
    ("ru", "Встреча с Путиным закончилась.", "Путиным", "vladimir-putin"),
    ("ru", "Владимир Путин прилетел.", "Владимир Путин", "vladimir-putin"),
    ("ru", "Письмо Лукашенко получили.", "Лукашенко", "alexander-lukashenko"),
    ("ru", "Поддержка Зеленского выросла.", "Зеленского", "volodymyr-zelenskyy"),
    ("ru", "Разговор с Зеленским был долгим.", "Зеленским", "volodymyr-zelenskyy"),
    ("ru", "Слова Медведева процитировали.", "Медведева", "dmitry-medvedev"),
    ("uk", "Слова Путіна повторили.", "Путіна", "vladimir-putin"),
    ("uk", "Зустріч з Лукашенком завершилася.", "Лукашенком", "alexander-lukashenko"),
    ("uk", "Підтримка Зеленського зросла.", "Зеленського", "volodymyr-zelenskyy"),
    ("uk", "Розмова із Зеленським була довгою.", "Зеленським", "volodymyr-zelenskyy"),
])
def test_inflected_names(linker, lang, text, surface, actor_id):
    m = mention_for(link(linker, text, lang=lang), surface)
    assert (m.actor_id, m.text) == (actor_id, surface)


@pytest.mark.parametrize("lang,text,surface,actor_id", [
    ("ru", "Пресс-секретарь Кремля заявил об этом.", "Пресс-секретарь Кремля", "dmitry-peskov"),
    ("ru", "Президент Белоруссии выступил.", "Президент Белоруссии", "alexander-lukashenko"),
    ("ru", "Российский лидер выступил.", "Российский лидер", "vladimir-putin"),
    ("uk", "Речник Кремля заявив про це.", "Речник Кремля", "dmitry-peskov"),
    ("uk", "Президент України виступив.", "Президент України", "volodymyr-zelenskyy"),
])
def test_titles(linker, lang, text, surface, actor_id):
    m = mention_for(link(linker, text, lang=lang), surface)
    assert (m.actor_id, m.text) == (actor_id, surface)


@pytest.mark.parametrize("lang,text,surface,country,kind,sector", [
    ("ru", "Российская полиция задержала его.", "Российская полиция", "RUS", "group", "COP"),
    ("ru", "Задержали россиян.", "россиян", "RUS", "group", None),
    ("ru", "Позиция Кремля известна.", "Кремля", "RUS", "country", "GOV"),
    ("ru", "Санкции против России.", "России", "RUS", "country", None),
    ("ru", "Встреча прошла в Минске.", "Минске", "BLR", "place", None),
    ("uk", "Російська поліція затримала його.", "Російська поліція", "RUS", "group", "COP"),
    ("uk", "Санкції проти Росії.", "Росії", "RUS", "country", None),
    ("uk", "Зустріч відбулася у Мінську.", "Мінську", "BLR", "place", None),
])
def test_countries_and_groups(linker, lang, text, surface, country, kind, sector):
    m = mention_for(link(linker, text, lang=lang), surface)
    assert (m.country, m.kind, m.sector) == (country, kind, sector)
