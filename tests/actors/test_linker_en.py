"""English linking: names, possessives, demonyms, titles, groups, unknown names."""
import pytest

from actor_helpers import link, mention_for


@pytest.mark.parametrize("text,surface,actor_id", [
    ("Vladimir Putin arrived late.", "Vladimir Putin", "vladimir-putin"),
    ("Talks with Putin stalled.", "Putin", "vladimir-putin"),
    ("Putin's spokesman was silent.", "Putin's", "vladimir-putin"),
    ("Lukashenko's regime responded.", "Lukashenko's", "alexander-lukashenko"),
    ("The words of Alyaksandr Lukashenka were quoted.", "Alyaksandr Lukashenka", "alexander-lukashenko"),
    ("Sergei Lavrov said so.", "Sergei Lavrov", "sergey-lavrov"),
    ("A statement by Mevlut Cavusoglu followed.", "Mevlut Cavusoglu", "mevlut-cavusoglu"),
    ("Zelensky spoke to reporters.", "Zelensky", "volodymyr-zelenskyy"),
    ("NATO said it was watching.", "NATO", "nato"),
    ("Reuters reported the move.", "Reuters", "reuters"),
])
def test_names(linker, text, surface, actor_id):
    m = mention_for(link(linker, text, lang="en", date="2020-10-12"), surface)
    assert m.actor_id == actor_id and m.text == surface


def test_abbreviation_needs_its_exact_spelling(linker):
    a = link(linker, "The nato of old times.", lang="en")
    assert all(m.actor_id != "nato" for m in a.mentions)


@pytest.mark.parametrize("text,surface,country,kind", [
    ("Russia denied it.", "Russia", "RUS", "country"),
    ("Azerbaijan's ally spoke.", "Azerbaijan's", "AZE", "country"),
    ("The Kremlin denied it.", "Kremlin", "RUS", "country"),
    ("A Russian drone fell.", "Russian", "RUS", "country"),
    ("The Armenians left.", "Armenians", "ARM", "group"),
    ("Russians queued at the border.", "Russians", "RUS", "group"),
])
def test_countries(linker, text, surface, country, kind):
    m = mention_for(link(linker, text, lang="en"), surface)
    assert (m.country, m.kind, m.name) == (country, kind, None)


def test_capital_in_place_use(linker):
    m = mention_for(link(linker, "The talks were held in Moscow.", lang="en"), "Moscow")
    assert m.kind == "place" and m.country == "RUS"


@pytest.mark.parametrize("text,surface,actor_id,date", [
    ("The Russian foreign minister arrived.", "Russian foreign minister", "sergey-lavrov", "2020-10-12"),
    ("The Kremlin spokesman denied it.", "Kremlin spokesman", "dmitry-peskov", "2020-10-12"),
    ("The Azerbaijani President spoke.", "Azerbaijani President", "ilham-aliyev", "2020-10-12"),
    ("The President of Belarus spoke.", "President of Belarus", "alexander-lukashenko", "2020-10-12"),
    ("The Russian defence minister inspected troops.", "Russian defence minister", "sergei-shoigu", "2020-10-12"),
    ("The Polish prime minister resigned.", "Polish prime minister", "mateusz-morawiecki", "2019-05-01"),
    ("The Polish prime minister resigned.", "Polish prime minister", "donald-tusk", "2024-05-01"),
])
def test_titles_at_date(linker, text, surface, actor_id, date):
    m = mention_for(link(linker, text, lang="en", date=date), surface)
    assert (m.actor_id, m.text) == (actor_id, surface)


def test_title_and_name_are_one_mention(linker):
    a = link(linker, "Azerbaijani President Ilham Aliyev and Turkish foreign Minister Mevlüt Çavuşoğlu spoke.",
             lang="en", date="2020-10-12")
    people = [(m.text, m.actor_id) for m in a.mentions if m.kind == "person"]
    assert people == [("Azerbaijani President Ilham Aliyev", "ilham-aliyev"),
                      ("Turkish foreign Minister Mevlüt Çavuşoğlu", "mevlut-cavusoglu")]


def test_counterpart(linker):
    a = link(linker, "President Putin and his Belarusian counterpart met on Friday.", lang="en")
    m = mention_for(a, "Belarusian counterpart")
    assert (m.actor_id, m.via) == ("alexander-lukashenko", "counterpart")


def test_coordination(linker):
    a = link(linker, "Putin and Lukashenko met.", lang="en")
    assert [m.actor_id for m in a.mentions] == ["vladimir-putin", "alexander-lukashenko"]


@pytest.mark.parametrize("text,surface,country,sector", [
    ("The Azerbaijani army advanced.", "Azerbaijani army", "AZE", "MIL"),
    ("Armenian forces withdrew.", "Armenian forces", "ARM", "MIL"),
    ("It fought the Turkish army.", "Turkish army", "TUR", "MIL"),
    ("Russian paratroopers landed.", "Russian paratroopers", "RUS", "MIL"),
    ("Russian special forces fired first.", "Russian special forces", "RUS", "MIL"),
    ("Belarusian police detained him.", "Belarusian police", "BLR", "COP"),
    ("The government of Armenia resigned.", "government of Armenia", "ARM", "GOV"),
    ("The Russian opposition protested.", "Russian opposition", "RUS", "OPP"),
])
def test_groups(linker, text, surface, country, sector):
    m = mention_for(link(linker, text, lang="en"), surface)
    assert (m.kind, m.country, m.sector) == ("group", country, sector)


@pytest.mark.parametrize("text,surface", [
    ("Officials said that John Quenton Smithers left.", "John Quenton Smithers"),
    ("The deal was signed by Zork Blatherwick yesterday.", "Zork Blatherwick"),
])
def test_unknown_names_kept(linker, text, surface):
    m = mention_for(link(linker, text, lang="en"), surface)
    assert m.actor_id is None and m.text == surface


def test_sentence_initial_common_word_is_not_a_name(linker):
    a = link(linker, "However, the talks failed.", lang="en")
    assert a.mentions == []


def test_plural_title(linker):
    a = link(linker, "The foreign ministers of Azerbaijan and Armenia met.", lang="en")
    m = mention_for(a, "foreign ministers of Azerbaijan")
    assert m.actor_id is None and m.country == "AZE"


@pytest.mark.parametrize("text,surface,country", [
    ("The US-led coalition struck.", "US-led", "USA"),
    ("Kremlin-backed separatists fired.", "Kremlin-backed", "RUS"),
    ("A pro-Russian party won.", "pro-Russian", "RUS"),
])
def test_hyphenated_compounds(linker, kb_dir, tmp_path, text, surface, country):
    m = mention_for(link(linker, text, lang="en"), surface)
    assert (m.kind, m.country) == ("country", country)


def test_unknown_person_with_a_title_is_named(linker):
    from kronika.actors import document_actors

    a = link(linker, "The Armenian prime minister Vazgen Qwertyan resigned.", lang="en", date="1999-01-01")
    m = mention_for(a, "Vazgen Qwertyan")
    assert m.actor_id is None and m.country == "ARM"
    assert {"name": "Vazgen Qwertyan", "country": "ARM", "sector": "GOV"} in document_actors(a)
