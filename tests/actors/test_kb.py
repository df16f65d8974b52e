"""The KB loader and its interface: get, candidates, holders, merging user folders."""
import pickle

import pytest
import yaml

from kronika.actors import load_kb
from kronika.actors.kb import KnowledgeBase, read_kb_dirs
from kronika.errors import ResourceError


def test_get_and_iterate(kb):
    assert kb.get("vladimir-putin").name == "Vladimir Putin"
    assert kb.get("nobody") is None
    assert len(list(kb)) == len(kb) > 30


@pytest.mark.parametrize("form,lang,date,expected", [
    ("Putin", "en", "2022-01-01", "vladimir-putin"),
    ("Władimir Putin", "pl", None, "vladimir-putin"),
    ("Путин", "ru", None, "vladimir-putin"),
    ("NATO", "pl", None, "nato"),
    ("Rosja", "pl", None, "RUS"),
    ("Kreml", "pl", None, "RUS"),
    ("Cavusoglu", "en", None, "mevlut-cavusoglu"),  # accent-free spelling
])
def test_candidates(kb, form, lang, date, expected):
    cands = kb.candidates(form, lang, date)
    assert cands and cands[0].actor.id == expected


def test_candidates_prefer_the_holder_at_the_date(kb):
    assert kb.candidates("Alijew", "pl", "2020-01-01")[0].actor.id == "ilham-aliyev"
    assert kb.candidates("Alijew", "pl", "2000-01-01")[0].actor.id == "heydar-aliyev"


@pytest.mark.parametrize("role,of,date,expected", [
    ("head_of_government", "POL", "2019-01-01", ["mateusz-morawiecki"]),
    ("head_of_government", "POL", "2024-01-01", ["donald-tusk"]),
    ("head_of_government", "POL", "2010-05", ["donald-tusk"]),
    ("head_of_state", "RUS", "2010", ["dmitry-medvedev"]),
    ("head_of_state", "RUS", "2022-12-19", ["vladimir-putin"]),
    ("head_of_state", "RUS", None, ["vladimir-putin"]),
    ("defence_minister", "RUS", None, ["sergei-shoigu"]),  # no open-ended holder: the latest one
    ("defence_minister", "RUS", "2030-01-01", []),
])
def test_holders(kb, role, of, date, expected):
    assert [a.id for a in kb.holders(role, of, date)] == expected


def test_user_folder_adds_and_overrides(kb_dir, tmp_path):
    extra = [{"id": "vladimir-putin", "name": "Vladimir Putin", "type": "person", "country": "RUS",
              "names": {"pl": ["Wowa Putin"]}},
             {"id": "new-person", "name": "New Person", "type": "person", "country": "POL", "names": {"en": ["New Person"]}}]
    (tmp_path / "mine.yaml").write_text(yaml.safe_dump(extra, allow_unicode=True), encoding="utf-8")
    kb = KnowledgeBase(read_kb_dirs([kb_dir, tmp_path]))
    assert "Wowa Putin" in kb.get("vladimir-putin").names["pl"]
    assert "Władimir Putin" in kb.get("vladimir-putin").names["pl"]
    assert kb.get("vladimir-putin").positions  # kept from the first folder
    assert kb.get("new-person") is not None


def test_bad_file_is_a_resource_error(tmp_path):
    (tmp_path / "bad.yaml").write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        read_kb_dirs([tmp_path])
    with pytest.raises(ResourceError):
        read_kb_dirs([tmp_path / "missing"])


def test_kb_pickles(kb):
    again = pickle.loads(pickle.dumps(kb))
    assert again.get("vladimir-putin").name == "Vladimir Putin"
    assert [a.id for a in again.holders("head_of_state", "RUS", "2022")] == ["vladimir-putin"]


def test_bundled_kb_loads_fast_and_is_cached(tmp_path, monkeypatch):
    from kronika.actors import kb as kb_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kb_module._load.cache_clear()
    first = load_kb()  # parses the YAML, writes the parsed-KB cache
    assert list(tmp_path.glob("kronika/kb-*.pickle"))
    kb_module._load.cache_clear()

    def no_yaml(_dirs):
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(kb_module, "read_kb_dirs", no_yaml)
    kb = load_kb()  # from the cache file (bench/entities.py prints how long a load takes)
    assert load_kb() is kb and len(kb) == len(first)
    assert kb.country("RUS") is not None
    kb_module._load.cache_clear()
