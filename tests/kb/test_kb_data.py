"""Integrity of the bundled actor knowledge base (kronika/resources/kb)."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
KB_DIR = REPO / "kronika" / "resources" / "kb"
LANGUAGES = ("en", "pl", "ru", "uk")

# The countries this news is about: each must carry the hand-written extras in all languages.
FOCUS_COUNTRIES = """
RUS BLR UKR POL LTU LVA EST MDA GEO ARM AZE KAZ UZB KGZ TJK TKM TUR IRN CHN USA GBR FRA DEU
ITA ESP NLD BEL SWE FIN NOR DNK CZE SVK HUN ROU BGR SRB HRV GRC ISR SYR IRQ AFG PRK KOR JPN
IND PAK SAU ARE QAT EGY LBY CAN AUT CHE IRL PRT SVN MNE MKD ALB BIH XKX CYP MNG VNM BRA VEN CUB
""".split()


def _kb_files() -> list[Path]:
    files = [KB_DIR / "countries.yaml", *sorted(KB_DIR.glob("organisations*.yaml"))]
    return files + sorted((KB_DIR / "people").glob("*.yaml"))


@cache
def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader) or []


def _records(pattern: str) -> list[dict]:
    return [record for path in _kb_files() if path.match(pattern) for record in _load(path)]


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((KB_DIR / "schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _readme_kinds() -> set[str]:
    # The README is the one place the kind vocabulary is written down; read it from there.
    readme = (KB_DIR / "README.md").read_text(encoding="utf-8")
    listing = readme.split("Organisations add `kind` (", 1)[1].split(";", 1)[0]
    return {kind.strip() for kind in listing.replace("\n", " ").split(",")}


@pytest.mark.parametrize("path", _kb_files(), ids=lambda path: str(path.relative_to(KB_DIR)))
def test_file_validates_against_schema(path):
    errors = sorted(_validator().iter_errors(_load(path)), key=lambda error: list(error.path))
    messages = [f"{list(error.path)}: {error.message}" for error in errors[:10]]
    assert not errors, f"{path.name}: {len(errors)} schema errors, first: {messages}"


@pytest.mark.parametrize("path", _kb_files(), ids=lambda path: str(path.relative_to(KB_DIR)))
def test_file_starts_with_a_source_comment(path):
    assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} lacks its provenance comment"


def test_ids_are_unique_across_all_files():
    seen: dict[str, str] = {}
    duplicates = []
    for path in _kb_files():
        for record in _load(path):
            if record["id"] in seen:
                duplicates.append(f"{record['id']} ({seen[record['id']]} and {path.name})")
            seen[record["id"]] = path.name
    assert not duplicates


def test_every_country_and_position_refers_to_a_known_actor():
    country_ids = {record["id"] for record in _records("countries.yaml")}
    all_ids = {record["id"] for path in _kb_files() for record in _load(path)}
    unknown = []
    for path in _kb_files():
        for record in _load(path):
            if record["country"] not in country_ids | {"IGO"}:
                unknown.append(f"{record['id']}: country {record['country']}")
            for position in record.get("positions") or []:
                if position["of"] not in all_ids | {"IGO"}:
                    unknown.append(f"{record['id']}: position of {position['of']}")
    assert not unknown


def test_record_types_match_their_files():
    for path in _kb_files():
        expected = "country" if path.name == "countries.yaml" else "person" if path.parent.name == "people" else "org"
        wrong = [record["id"] for record in _load(path) if record["type"] != expected]
        assert not wrong, f"{path.name}: not of type {expected}: {wrong}"


def test_minimum_sizes():
    assert len(_records("countries.yaml")) >= 240
    assert len(_records("organisations*.yaml")) >= 150


def test_minimum_people():
    people = _records("people/*.yaml")
    if not people:
        pytest.skip("no people/*.yaml files yet")
    assert len(people) >= 400


def _build_countries_module():
    spec = importlib.util.spec_from_file_location("build_countries", REPO / "scripts" / "build_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_countries_file_is_what_the_script_generates():
    expected = _build_countries_module().render()
    current = (KB_DIR / "countries.yaml").read_text(encoding="utf-8")
    assert current == expected, "countries.yaml is stale: run python scripts/build_countries.py"


@pytest.mark.parametrize("country_id", FOCUS_COUNTRIES)
def test_focus_country_has_full_extras(country_id):
    record = next(record for record in _records("countries.yaml") if record["id"] == country_id)
    assert record["capital"], country_id
    for field in ("names", "adjectives", "demonyms", "capital_names"):
        missing = [lang for lang in LANGUAGES if not record.get(field, {}).get(lang)]
        assert not missing, f"{country_id}: no {field} in {missing}"


@pytest.mark.parametrize(
    "country_id, lang, field, value",
    [
        ("RUS", "pl", "names", "Federacja Rosyjska"),
        ("RUS", "pl", "metonyms", "Kreml"),
        ("RUS", "en", "metonyms", "Kremlin"),
        ("RUS", "ru", "demonyms", "россияне"),
        ("BLR", "pl", "names", "Republika Białorusi"),
        ("BLR", "ru", "names", "Белоруссия"),
        ("UKR", "uk", "metonyms", "Банкова"),
        ("USA", "pl", "metonyms", "Biały Dom"),
        ("GBR", "en", "metonyms", "Downing Street"),
        ("FRA", "pl", "metonyms", "Pałac Elizejski"),
        ("AZE", "pl", "demonyms", "Azerowie"),
        ("AZE", "en", "adjectives", "Azeri"),
        ("ZAF", "pl", "names", "Republika Południowej Afryki"),
        ("BLR", "pl", "names", "Białoruś"),
        ("BLR", "pl", "metonyms", "Mińsk"),
        ("ARM", "pl", "metonyms", "Erywań"),
        ("BEL", "pl", "names", "Królestwo Belgii"),
        ("USA", "ru", "names", "Соединенные Штаты"),
        ("USA", "ru", "names", "Соединённые Штаты Америки"),
        ("RUS", "ru", "names", "Российская Федерация"),
        ("RUS", "ru", "abbreviations", "РФ"),
        ("USA", "en", "abbreviations", "US"),
    ],
)
def test_known_country_forms(country_id, lang, field, value):
    record = next(record for record in _records("countries.yaml") if record["id"] == country_id)
    values = record[field] if field == "abbreviations" else record[field][lang]
    assert value in values


def test_capitals_hosting_international_bodies_are_not_metonyms():
    # "w Brukseli", "in Vienna": mostly the EU, NATO or the OSCE, or just the place.
    countries = {record["id"]: record for record in _records("countries.yaml")}
    assert "Bruksela" not in countries["BEL"].get("metonyms", {}).get("pl", [])
    assert "Vienna" not in countries["AUT"].get("metonyms", {}).get("en", [])
    assert countries["BEL"]["capital_names"]["pl"] == ["Bruksela"]


def test_organisation_metonyms():
    orgs = {record["id"]: record for record in _records("organisations*.yaml")}
    assert "Łubianka" in orgs["fsb"]["metonyms"]["pl"]
    assert "Capitol Hill" in orgs["united-states-congress"]["metonyms"]["en"]


def test_country_names_carry_no_iso_list_forms():
    # "Korea, Republic of" and "Mołdawia - Republika" are ISO list forms, never prose.
    bad = [
        (record["id"], name)
        for record in _records("countries.yaml")
        for names in record["names"].values()
        for name in names[1:]  # the first is CLDR's, kept exactly as CLDR writes it
        if "," in name or " - " in name
    ]
    assert not bad


def test_organisations_have_names_in_every_language_and_a_sector():
    kinds = _readme_kinds()
    problems = []
    for record in _records("organisations*.yaml"):
        missing = [lang for lang in LANGUAGES if not record["names"].get(lang)]
        if missing:
            problems.append(f"{record['id']}: no names in {missing}")
        if not record.get("sector"):
            problems.append(f"{record['id']}: no sector")
        if record.get("kind") not in kinds:
            problems.append(f"{record['id']}: kind {record.get('kind')!r} not in README ({sorted(kinds)})")
    assert not problems


@pytest.mark.parametrize("pattern", ["countries.yaml", "organisations*.yaml"])
def test_short_forms_are_abbreviations_not_names(pattern):
    # Names match in any case; "PO", "US" or "ПАР" in lower case are ordinary words.
    wrong = [
        (record["id"], name)
        for record in _records(pattern)
        for names in record["names"].values()
        for name in names[1:]
        if name != record["name"] and sum(char.isalpha() for char in name) <= 3
    ]
    assert not wrong


def test_polish_names_keep_their_diacritics():
    # iso-codes' Polish translations sometimes lost them ("Krolestwo Belgii"); the build
    # keeps the accented twin only, and stress marks are stripped from Cyrillic only.
    folded = {}
    for record in _records("countries.yaml"):
        for name in record["names"].get("pl", []):
            plain = unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode().casefold()
            folded.setdefault((record["id"], plain), []).append(name)
    assert not {key: names for key, names in folded.items() if len(names) > 1}


@pytest.mark.parametrize("pattern", ["countries.yaml", "organisations*.yaml"])
def test_name_lists_are_clean(pattern):
    problems = []
    for record in _records(pattern):
        for field in ("names", "adjectives", "demonyms", "metonyms"):
            for lang, values in (record.get(field) or {}).items():
                if len(values) != len(set(values)):
                    problems.append(f"{record['id']} {field}.{lang}: duplicates")
                problems += [f"{record['id']} {field}.{lang}: {value!r}" for value in values if value != value.strip()]
    assert not problems


@pytest.mark.parametrize(
    "org_id, name, country, sector",
    [
        ("nato", "NATO", "IGO", "IGO"),
        ("csto", "CSTO", "IGO", "IGO"),
        ("united-nations", "United Nations", "IGO", "IGO"),
        ("fsb", "FSB", "RUS", "COP"),
        ("wagner-group", "Wagner Group", "RUS", "REB"),
        ("gazprom", "Gazprom", "RUS", "BUS"),
        ("belta", "BelTA", "BLR", "MED"),
        ("reuters", "Reuters", "GBR", "MED"),
        ("institute-for-the-study-of-war", "Institute for the Study of War", "USA", "EDU"),
        ("state-duma", "State Duma", "RUS", "LEG"),
    ],
)
def test_canonical_organisations(org_id, name, country, sector):
    record = next(record for record in _records("organisations*.yaml") if record["id"] == org_id)
    assert (record["name"], record["country"], record["sector"]) == (name, country, sector)
