"""Polish linking: inflected names, countries, metonyms, titles at a date, groups, unknowns."""
import pytest

from actor_helpers import link, mention_for

# Forms named in the actor issue: surnames through the declension paradigms.
ISSUE_FORMS = [
    ("vladimir-putin", ["Putin", "Putina", "Putinowi", "Putinem", "Putinie"]),
    ("dmitry-peskov", ["Pieskow", "Pieskowa", "Pieskowowi", "Pieskowem", "Pieskowie"]),
    ("volodymyr-zelenskyy", ["Zełenski", "Zełenskiego", "Zełenskiemu", "Zełenskim"]),
    ("alexander-lukashenko", ["Łukaszenka", "Łukaszenki", "Łukaszence", "Łukaszenkę", "Łukaszenką"]),
    ("vitali-klitschko", ["Kliczko", "Kliczki", "Kliczce", "Kliczkę", "Kliczką"]),
    ("sergei-shoigu", ["Szojgu"]),
    ("sviatlana-tsikhanouskaya", ["Cichanouska", "Cichanouskiej", "Cichanouską"]),
    ("maria-zakharova", ["Zacharowa", "Zacharowej", "Zacharową"]),
    ("emmanuel-macron", ["Macron", "Macrona", "Macronem"]),
    ("recep-tayyip-erdogan", ["Erdoğan", "Erdoğanem", "Erdogana"]),
    ("ilham-aliyev", ["Alijew", "Alijewa", "Alijewem"]),
    ("nikol-pashinyan", ["Paszynian", "Paszyniana", "Paszynianem"]),
]


@pytest.mark.parametrize("actor_id,form", [(a, f) for a, forms in ISSUE_FORMS for f in forms])
def test_issue_surname_forms(linker, actor_id, form):
    a = link(linker, f"W środę {form} nie skomentował sprawy.")
    m = mention_for(a, form)
    assert m.actor_id == actor_id
    assert m.kind == "person"


# 20+ other people of the KB, three cases each, in sentences written for these tests.
OTHER_PEOPLE = [
    ("dmitry-medvedev", "Miedwiediewa", "Miedwiediewowi", "Miedwiediewem"),
    ("ilham-aliyev", "Alijewa", "Alijewowi", "Alijewem"),
    ("nikol-pashinyan", "Paszyniana", "Paszynianowi", "Paszynianem"),
    ("dmitry-peskov", "Pieskowa", "Pieskowowi", "Pieskowem"),
    ("sergey-lavrov", "Ławrowa", "Ławrowowi", "Ławrowem"),
    ("sergei-shoigu", "Szojgu", "Szojgu", "Szojgu"),
    ("mevlut-cavusoglu", "Çavuşoğlu", "Çavuşoğlu", "Çavuşoğlu"),
    ("volodymyr-zelenskyy", "Zełenskiego", "Zełenskiemu", "Zełenskim"),
    ("vitali-klitschko", "Kliczki", "Kliczce", "Kliczką"),
    ("sviatlana-tsikhanouskaya", "Cichanouskiej", "Cichanouskiej", "Cichanouską"),
    ("maria-zakharova", "Zacharowej", "Zacharowej", "Zacharową"),
    ("mateusz-morawiecki", "Morawieckiego", "Morawieckiemu", "Morawieckim"),
    ("donald-tusk", "Tuska", "Tuskowi", "Tuskiem"),
    ("andrzej-duda", "Dudy", "Dudzie", "Dudą"),
    ("recep-tayyip-erdogan", "Erdoğana", "Erdoğanowi", "Erdoğanem"),
    ("emmanuel-macron", "Macrona", "Macronowi", "Macronem"),
    ("donald-trump", "Trumpa", "Trumpowi", "Trumpem"),
    ("angela-merkel", "Merkel", "Merkel", "Merkel"),
    ("kaja-kallas", "Kallas", "Kallas", "Kallas"),
    ("dmytro-kuleba", "Kułeby", "Kułebie", "Kułebą"),
    ("olaf-scholz", "Scholza", "Scholzowi", "Scholzem"),
    ("radoslaw-sikorski", "Sikorskiego", "Sikorskiemu", "Sikorskim"),
    ("alexei-navalny", "Nawalnego", "Nawalnemu", "Nawalnym"),
]
TEMPLATES = {
    "gen": "Wizyta {} w stolicy zakończyła się wczoraj.",
    "dat": "Dziennikarze zadali pytania {} po konferencji.",
    "inst": "Delegacja rozmawiała z {} o współpracy.",
}


@pytest.mark.parametrize("actor_id,case,form", [
    (row[0], case, form) for row in OTHER_PEOPLE for case, form in zip(("gen", "dat", "inst"), row[1:])])
def test_other_people_in_three_cases(linker, actor_id, case, form):
    a = link(linker, TEMPLATES[case].format(form), date="2021-06-01")
    m = mention_for(a, form)
    assert m.actor_id == actor_id, (form, m)


@pytest.mark.parametrize("text,surface,actor_id,case", [
    ("Spotkanie z Władimirem Putinem trwało godzinę.", "Władimirem Putinem", "vladimir-putin", "inst"),
    ("Słowa Władimira Putina powtórzono.", "Władimira Putina", "vladimir-putin", "gen"),
    ("Wczoraj Ilham Alijew przyleciał.", "Ilham Alijew", "ilham-aliyev", "nom"),
    ("Rozmowa z Ilhamem Alijewem trwała długo.", "Ilhamem Alijewem", "ilham-aliyev", "inst"),
    ("List od Ilhama Alijewa dotarł.", "Ilhama Alijewa", "ilham-aliyev", "gen"),
    ("Wypowiedź Siergieja Ławrowa zaskoczyła.", "Siergieja Ławrowa", "sergey-lavrov", "gen"),
    ("Głos zabrał Dmitrij Pieskow.", "Dmitrij Pieskow", "dmitry-peskov", "nom"),
    ("Słowa Dmitrija Pieskowa zacytowano.", "Dmitrija Pieskowa", "dmitry-peskov", "gen"),
    ("Spotkanie Alaksandra Łukaszenki z ministrami.", "Alaksandra Łukaszenki", "alexander-lukashenko", "gen"),
    ("Rozmowy z Aleksandrem Łukaszenką trwały.", "Aleksandrem Łukaszenką", "alexander-lukashenko", "inst"),
])
def test_full_names_inflected(linker, text, surface, actor_id, case):
    m = mention_for(link(linker, text), surface)
    assert (m.actor_id, m.text) == (actor_id, surface)
    assert case in m.cases


@pytest.mark.parametrize("text,surface,actor_id,first", [
    ("Władimir Putin przyjechał. Później Władimir mówił długo.", "Władimir mówił", "vladimir-putin", "Władimir"),
    ("Ilham Alijew przyleciał. Gospodarz powitał Ilhama na lotnisku.", "Ilhama", "ilham-aliyev", "Ilhama"),
    ("Siergiej Ławrow odpowiedział. Potem Siergieja zapytano o szczegóły.", "Siergieja", "sergey-lavrov", "Siergieja"),
    ("Dmitrij Pieskow zabrał głos. Dziennikarze pytali Dmitrija o sankcje.", "Dmitrija", "dmitry-peskov", "Dmitrija"),
])
def test_first_name_after_full_mention(linker, text, surface, actor_id, first):
    a = link(linker, text)
    start = a.clean.rindex(first)
    m = next(m for m in a.mentions if m.start == start)
    assert m.actor_id == actor_id and m.via == "coref"


def test_first_name_alone_is_not_linked_without_full_mention(linker):
    a = link(linker, "Władimir przyszedł do sklepu.")
    assert all(m.actor_id is None for m in a.mentions)


def test_surname_resolved_by_date(linker):
    assert mention_for(link(linker, "Alijew przemawiał.", date="2020-01-01"), "Alijew").actor_id == "ilham-aliyev"
    assert mention_for(link(linker, "Alijew przemawiał.", date="2001-01-01"), "Alijew").actor_id == "heydar-aliyev"


def test_coordinated_mentions(linker):
    a = link(linker, "Putin i Łukaszenka rozmawiali o obronności, a Pieskow z Zacharową milczeli.")
    ids = [m.actor_id for m in a.mentions if m.kind == "person"]
    assert ids == ["vladimir-putin", "alexander-lukashenko", "dmitry-peskov", "maria-zakharova"]


@pytest.mark.parametrize("text,surface,country,kind,sector", [
    ("Rosja odpowiedziała.", "Rosja", "RUS", "country", None),
    ("Nie ufają Rosji.", "Rosji", "RUS", "country", None),
    ("Spór z Rosją narasta.", "Rosją", "RUS", "country", None),
    ("Rozmawiano o Moskwie jako partnerze.", "Moskwie", "RUS", "country", "GOV"),
    ("Odpowiedź Moskwy była ostra.", "Moskwy", "RUS", "country", "GOV"),
    ("Stanowisko Kremla jest znane.", "Kremla", "RUS", "country", "GOV"),
    ("Kreml zaprzeczył.", "Kreml", "RUS", "country", "GOV"),
    ("Wojska stacjonują na Białorusi.", "Białorusi", "BLR", "country", None),
    ("Mińsk odpowiedział stanowczo.", "Mińsk", "BLR", "country", "GOV"),
    ("Delegacja Azerbejdżanu przyjechała.", "Azerbejdżanu", "AZE", "group", "GOV"),
    ("Federacja Rosyjska odpowiedziała.", "Federacja Rosyjska", "RUS", "country", None),
    ("Broń dostarczono Federacji Rosyjskiej.", "Federacji Rosyjskiej", "RUS", "country", None),
    ("Drony ukraińskie zestrzelono.", "ukraińskie", "UKR", "country", None),
])
def test_countries_and_metonyms(linker, text, surface, country, kind, sector):
    m = mention_for(link(linker, text), surface)
    assert (m.country, m.kind, m.sector) == (country, kind, sector)
    assert m.name is None


@pytest.mark.parametrize("text,surface", [
    ("Szczyt odbył się w Moskwie.", "Moskwie"),
    ("Putin poleciał do Mińska.", "Mińska"),
    ("Rozmowy odbyły się na Kremlu.", "Kremlu"),
    ("Spotkali się w Mińsku.", "Mińsku"),
    ("Spotkanie w Duszanbe zakończono.", "Duszanbe"),
])
def test_capitals_after_place_prepositions_are_places(linker, text, surface):
    m = mention_for(link(linker, text), surface)
    assert m.kind == "place" and m.actor_id is None and m.country


@pytest.mark.parametrize("text,surface,actor_id,country,date", [
    ("Spotkał się z prezydentem Azerbejdżanu.", "prezydentem Azerbejdżanu", "ilham-aliyev", "AZE", "2022-12-19"),
    ("Premier Armenii zabrał głos.", "Premier Armenii", "nikol-pashinyan", "ARM", "2022-12-19"),
    ("Rzecznik Kremla zaprzeczył.", "Rzecznik Kremla", "dmitry-peskov", "RUS", "2022-12-19"),
    ("Oświadczenie złożył rzecznik prasowy prezydenta Rosji.", "rzecznik prasowy prezydenta Rosji", "dmitry-peskov", "RUS", "2022-12-19"),
    ("Szef MSZ Rosji przyleciał.", "Szef MSZ Rosji", "sergey-lavrov", "RUS", "2022-12-19"),
    ("Minister spraw zagranicznych Turcji odpowiedział.", "Minister spraw zagranicznych Turcji", "mevlut-cavusoglu", "TUR", "2020-10-12"),
    ("Rosyjski przywódca przemawiał.", "Rosyjski przywódca", "vladimir-putin", "RUS", "2022-12-19"),
    ("Białoruski przywódca odpowiedział.", "Białoruski przywódca", "alexander-lukashenko", "BLR", "2022-12-19"),
    ("Rosyjski dyktator zagroził.", "Rosyjski dyktator", "vladimir-putin", "RUS", "2022-12-19"),
    ("Słowa rosyjskiego przywódcy zacytowano.", "rosyjskiego przywódcy", "vladimir-putin", "RUS", "2022-12-19"),
    ("Ministrem obrony Rosji był wtedy ktoś inny.", "Ministrem obrony Rosji", "sergei-shoigu", "RUS", "2020-01-01"),
])
def test_titles_resolve_to_holder_at_date(linker, text, surface, actor_id, country, date):
    m = mention_for(link(linker, text, date=date), surface)
    assert (m.actor_id, m.country, m.text) == (actor_id, country, surface)
    assert m.via == "title"


def test_title_with_name_is_one_mention_and_the_name_decides(linker):
    a = link(linker, "Prezydent Rosji Władimir Putin przyjechał. Prezydent Rosji Dmitrij Miedwiediew?", date="2022-12-19")
    first = mention_for(a, "Prezydent Rosji Władimir Putin")
    assert first.text == "Prezydent Rosji Władimir Putin" and first.actor_id == "vladimir-putin"
    second = [m for m in a.mentions if m.start > first.end]
    assert second and second[0].actor_id == "dmitry-medvedev"  # the name, not the 2022 holder


def test_title_at_date_two_dates_two_holders(linker):
    text = "Premier Polski zapowiedział zmiany."
    assert mention_for(link(linker, text, date="2019-03-01"), "Premier Polski").actor_id == "mateusz-morawiecki"
    assert mention_for(link(linker, text, date="2024-03-01"), "Premier Polski").actor_id == "donald-tusk"


def test_title_without_date_takes_latest_holder_and_says_so(linker):
    m = mention_for(link(linker, "Premier Polski zapowiedział zmiany.", date=None), "Premier Polski")
    assert m.actor_id == "donald-tusk" and m.via == "title@latest"


def test_title_without_country_stays_an_unlinked_title(linker):
    m = mention_for(link(linker, "Prezydent zapowiedział zmiany."), "Prezydent")
    assert m.kind == "title" and m.actor_id is None


def test_counterpart(linker):
    a = link(linker, "Prezydent Rosji Władimir Putin i jego białoruski odpowiednik rozmawiali w czwartek.")
    m = mention_for(a, "białoruski odpowiednik")
    assert (m.actor_id, m.via, m.country) == ("alexander-lukashenko", "counterpart", "BLR")


@pytest.mark.parametrize("text,surface,country,sector", [
    ("Rosjanie protestowali.", "Rosjanie", "RUS", None),
    ("Samolot zestrzelony przez Rosjan spadł.", "Rosjan", "RUS", None),
    ("Zatrzymano przedstawicieli azerskiej diaspory.", "azerskiej diaspory", "AZE", "CVL"),
    ("Azerska diaspora protestuje.", "Azerska diaspora", "AZE", "CVL"),
    ("Doszło do starć z rosyjską policją.", "rosyjską policją", "RUS", "COP"),
    ("Białoruska armia ćwiczy.", "Białoruska armia", "BLR", "MIL"),
    ("Rosyjskie służby zatrzymały mężczyznę.", "Rosyjskie służby", "RUS", "COP"),
    ("Białoruscy żołnierze szkolą się.", "Białoruscy żołnierze", "BLR", "MIL"),
    ("Władze Białorusi milczą.", "Władze Białorusi", "BLR", "GOV"),
    ("Armia Rosji wycofała się.", "Armia Rosji", "RUS", "MIL"),
    ("Rosyjska opozycja protestuje.", "Rosyjska opozycja", "RUS", "OPP"),
    ("Azerska telewizja rządowa nadała materiał.", "Azerska telewizja", "AZE", "MED"),
])
def test_groups_by_nationality(linker, text, surface, country, sector):
    m = mention_for(link(linker, text), surface)
    assert (m.kind, m.country, m.sector) == ("group", country, sector)


def test_institution_with_country_is_a_named_org(linker):
    m = mention_for(link(linker, "Brytyjski MON opublikował raport."), "Brytyjski MON")
    assert (m.kind, m.name, m.country) == ("org", "Ministry of Defence", "GBR")


@pytest.mark.parametrize("text,surface,kind", [
    ("Rzecznik firmy Jan Kowalczyk odmówił komentarza.", "Jan Kowalczyk", "person"),
    ("Wczoraj Grzegorz Brzęczyszczykiewicz złożył rezygnację.", "Grzegorz Brzęczyszczykiewicz", "person"),
    ("Analitycy z Zzyxor Quantex ocenili ryzyko.", "Zzyxor Quantex", "unknown"),
])
def test_unknown_names_are_kept(linker, text, surface, kind):
    m = mention_for(link(linker, text), surface)
    assert m.actor_id is None and m.kind == kind and m.text == surface and m.lemma


def test_unknown_name_after_title_gets_the_titles_country(linker):
    m = mention_for(link(linker, "Premier Armenii Wazgen Sarkisjanow przemawiał.", date="2022-01-01"), "Wazgen Sarkisjanow")
    assert m.actor_id is None and m.country == "ARM" and m.kind == "person"


def test_spans_index_the_clean_text(linker):
    a = link(linker, "Wczoraj Putin spotkał się z Łukaszenką w Mińsku, a Rosjanie milczeli.")
    for m in a.mentions:
        assert a.clean[m.start:m.end] == m.text
    m = mention_for(a, "Łukaszenką")
    assert m.lemma == "Łukaszenka" and "inst" in m.cases


def test_plural_title_is_not_one_holder(linker):
    a = link(linker, "Przywódcy Rosji i Białorusi rozmawiali.")
    m = mention_for(a, "Przywódcy Rosji")
    assert m.actor_id is None and m.kind == "group" and m.country == "RUS"


def test_host_of_a_meeting_is_the_occasion(linker):
    from kronika.actors import document_actors

    a = link(linker, "Podczas szczytu NATO przywódcy rozmawiali. Później NATO wydało komunikat.")
    first = mention_for(a, "NATO")
    assert first.actor_id == "nato" and first.via == "occasion"
    assert {"name": "NATO", "country": "IGO", "sector": "IGO"} in document_actors(a)  # named again as a party


def test_host_only_is_not_listed(linker):
    from kronika.actors import document_actors

    a = link(linker, "Rozmawiali podczas szczytu NATO.")
    assert all(x["name"] != "NATO" for x in document_actors(a))


def test_role_of_an_organisation(kb_dir, tmp_path):
    import yaml

    from kronika.actors import make_linker
    from kronika.actors.kb import KnowledgeBase, read_kb_dirs

    extra = [{"id": "jens-stoltenberg", "name": "Jens Stoltenberg", "type": "person", "country": "NOR", "sector": "IGO",
              "gender": "m", "names": {"pl": ["Jens Stoltenberg"]}, "surname": {"pl": "Stoltenberg"},
              "positions": [{"role": "secretary_general", "of": "nato", "sector": "IGO", "start": "2014-10-01",
                             "end": "2024-10-01"}]}]
    (tmp_path / "x.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True), encoding="utf-8")
    linker = make_linker(KnowledgeBase(read_kb_dirs([kb_dir, tmp_path])))
    m = mention_for(link(linker, "Sekretarz generalny NATO ostrzegł Rosję.", date="2020-01-01"), "Sekretarz generalny NATO")
    assert m.actor_id == "jens-stoltenberg"


def test_country_name_that_is_also_a_demonym(kb_dir, tmp_path):
    import yaml

    from kronika.actors import make_linker
    from kronika.actors.kb import KnowledgeBase, read_kb_dirs

    extra = [{"id": "DEU", "name": "Germany", "type": "country", "country": "DEU", "names": {"pl": ["Niemcy"]},
              "demonyms": {"pl": ["Niemiec", "Niemcy"]}, "adjectives": {"pl": ["niemiecki"]}}]
    (tmp_path / "x.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True), encoding="utf-8")
    linker = make_linker(KnowledgeBase(read_kb_dirs([kb_dir, tmp_path])))
    m = mention_for(link(linker, "Rozmowy prowadziły Niemcy."), "Niemcy")
    assert (m.kind, m.country) == ("country", "DEU")
    m = mention_for(link(linker, "Spotkano wielu Niemców."), "Niemców")
    assert (m.kind, m.country) == ("group", "DEU")


def test_sentence_initial_function_word_is_not_a_surname(kb_dir, tmp_path):
    import yaml

    from kronika.actors import make_linker
    from kronika.actors.kb import KnowledgeBase, read_kb_dirs

    extra = [{"id": "kim-jong-un", "name": "Kim Jong Un", "type": "person", "country": "PRK", "gender": "m",
              "names": {"pl": ["Kim Dzong Un"]}, "surname": {"pl": "Kim"},
              "positions": [{"role": "head_of_state", "of": "PRK", "start": "2011-12-17", "end": None}]}]
    (tmp_path / "x.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True), encoding="utf-8")
    linker = make_linker(KnowledgeBase(read_kb_dirs([kb_dir, tmp_path])))
    assert all(m.actor_id != "kim-jong-un" for m in link(linker, "Kim jest ten człowiek?").mentions)
    assert mention_for(link(linker, "Przywódca Korei Północnej Kim przemawiał."), "Kim").actor_id == "kim-jong-un"
    a = link(linker, "Kim Dzong Un przemawiał. Kim zapowiedział testy.")
    assert [m.actor_id for m in a.mentions if m.kind == "person"] == ["kim-jong-un", "kim-jong-un"]


@pytest.mark.parametrize("text,surface,actor_id,date", [
    ("Rozmawiał z kanclerzem Niemiec Olafem Scholzem.", "kanclerzem Niemiec Olafem Scholzem", "olaf-scholz", "2023-01-01"),
    ("Kanclerz Niemiec zapowiedział pomoc.", "Kanclerz Niemiec", "olaf-scholz", "2023-01-01"),
    ("Kanclerz Niemiec zapowiedział pomoc.", "Kanclerz Niemiec", "angela-merkel", "2015-01-01"),
])
def test_title_with_a_country_name_that_is_also_a_demonym(linker, text, surface, actor_id, date):
    m = mention_for(link(linker, text, date=date), surface)
    assert (m.actor_id, m.text) == (actor_id, surface)


def test_capitalised_country_genitive_mid_sentence_is_the_country(linker):
    m = mention_for(link(linker, "Wezwano ambasadora Polski do ministerstwa."), "Polski")
    assert (m.kind, m.via, m.country) == ("country", "name", "POL")
    m = mention_for(link(linker, "Wezwano polskiego ambasadora."), "polskiego")
    assert (m.kind, m.via, m.country) == ("country", "adjective", "POL")


def test_common_word_lemma_does_not_reach_a_surname(kb_dir, tmp_path):
    import yaml

    from kronika.actors import make_linker
    from kronika.actors.kb import KnowledgeBase, read_kb_dirs

    # morfeusz lemmatises "największą" to "duży"; a KB surname "Duży" must not match it
    extra = [{"id": "jan-duzy", "name": "Jan Duży", "type": "person", "country": "POL", "gender": "m",
              "names": {"pl": ["Jan Duży"]}, "surname": {"pl": "Duży"},
              "positions": [{"role": "mayor", "of": "POL", "start": "2010-01-01", "end": None}]}]
    (tmp_path / "x.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True), encoding="utf-8")
    linker = make_linker(KnowledgeBase(read_kb_dirs([kb_dir, tmp_path])))
    assert all(m.actor_id != "jan-duzy" for m in link(linker, "Największą zaletą jest cena.").mentions)
    assert mention_for(link(linker, "Wczoraj Duży przemawiał."), "Duży").actor_id == "jan-duzy"


def test_same_surname_with_another_first_name_is_another_person(linker):
    a = link(linker, "Trener Piotr Tusk pochwalił drużynę. Tusk był zadowolony.")
    m = mention_for(a, "Piotr Tusk")
    assert m.actor_id is None and m.kind == "person" and m.text == "Piotr Tusk"
    assert all(x.actor_id != "donald-tusk" for x in a.mentions)


def test_first_name_followed_by_another_surname_is_not_coref(linker):
    a = link(linker, "Siergiej Ławrow przyleciał. Siergiej Iwanowski też przyleciał.")
    assert [m.actor_id for m in a.mentions if m.kind == "person"][:1] == ["sergey-lavrov"]
    assert mention_for(a, "Siergiej Iwanowski").actor_id is None


def test_patronymic_after_first_name(linker):
    a = link(linker, "Władimir Putin słuchał. Dziękuję ci, Władimirze Władimirowiczu, za pomoc.")
    m = mention_for(a, "Władimirze Władimirowiczu")
    assert (m.actor_id, m.text) == ("vladimir-putin", "Władimirze Władimirowiczu")


def test_acronym_after_a_title_is_not_a_person(linker):
    a = link(linker, "Jego brytyjski odpowiednik NIK skontrolował urząd.")
    assert all(m.kind != "person" or m.actor_id for m in a.mentions if "NIK" in m.text)


def test_womans_name_is_not_a_country(kb_dir, tmp_path):
    import yaml

    from kronika.actors import make_linker
    from kronika.actors.kb import KnowledgeBase, read_kb_dirs

    extra = [{"id": "DMA", "name": "Dominica", "type": "country", "country": "DMA", "names": {"pl": ["Dominika"]}}]
    (tmp_path / "x.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True), encoding="utf-8")
    linker = make_linker(KnowledgeBase(read_kb_dirs([kb_dir, tmp_path])))
    assert all(m.country != "DMA" for m in link(linker, "Wczoraj Dominika poszła do pracy.").mentions)


@pytest.mark.parametrize("text,surface,name", [
    ("Spotkał się z premierem Armenii Wazgenem Sarkisjanem.", "Wazgenem Sarkisjanem", "Wazgen Sarkisjan"),
    ("Słowa premiera Armenii Wazgena Sarkisjana zacytowano.", "Wazgena Sarkisjana", "Wazgen Sarkisjan"),
    ("Premier Armenii Wazgen Sarkisjan przemawiał.", "Wazgen Sarkisjan", "Wazgen Sarkisjan"),
])
def test_unknown_person_after_title_gets_a_base_form(linker, text, surface, name):
    from kronika.actors import document_actors

    a = link(linker, text, date="2022-01-01")
    assert mention_for(a, surface).lemma == name
    assert {"name": name, "country": "ARM", "sector": "GOV"} in document_actors(a)


@pytest.mark.parametrize("word,cases,base", [
    ("Viktorem", ("inst",), "Viktor"), ("Orbána", ("gen",), "Orbán"), ("Kułebą", ("inst",), "Kułeba"),
    ("Kowalskiego", ("gen",), "Kowalski"), ("Nowakowej", ("gen",), "Nowakowa"), ("Sandu", ("inst",), "Sandu"),
    ("Putin", ("nom",), "Putin"),
])
def test_guess_base(word, cases, base):
    from kronika.actors.declension import guess_base

    assert guess_base(word, cases) == base
