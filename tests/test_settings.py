from pathlib import Path

import pytest

from kronika.errors import ConfigError
from kronika.settings import SETTINGS, STAGE_ORDER, Settings, describe


def test_defaults_are_valid_and_match_the_declarations():
    s = Settings.load(environ={})
    for setting in SETTINGS:
        assert getattr(s, setting.name) == setting.default
    assert s == Settings()


def test_environment_then_overrides():
    env = {"KRONIKA_DB": "env.db", "KRONIKA_LANGUAGES": "pl, en", "KRONIKA_WORKERS": "3", "KRONIKA_FORCE": "yes"}
    s = Settings.load(environ=env)
    assert (s.db, s.languages, s.workers, s.force) == (Path("env.db"), ("pl", "en"), 3, True)
    s = Settings.load(environ=env, db="cli.db", workers=None)
    assert (s.db, s.workers) == (Path("cli.db"), 3)  # None means "not given"


def test_stages_run_in_pipeline_order_whatever_the_order_typed():
    assert Settings.load(environ={}, stages="events,clean").stages == ("clean", "events")


@pytest.mark.parametrize("overrides, message", [
    ({"languages": "pl,de"}, "allowed: pl, en, ru, uk"),
    ({"languages": ""}, "at least one of"),
    ({"stages": "clean,translate"}, "allowed: " + ", ".join(STAGE_ORDER)),
    ({"workers": "many"}, "not a whole number"),
    ({"workers": 0}, "below the minimum 1"),
    ({"max_bytes": -5}, "below the minimum"),
    ({"force": "perhaps"}, "yes/no"),
    ({"colour": "red"}, "unknown setting colour"),
])
def test_bad_values_name_what_is_allowed(overrides, message):
    with pytest.raises(ConfigError, match=message):
        Settings.load(environ={}, **overrides)


def test_bad_environment_value_is_reported_too():
    with pytest.raises(ConfigError, match="workers"):
        Settings.load(environ={"KRONIKA_WORKERS": "x"})


def test_with_validates_changes():
    s = Settings().with_(languages="en")
    assert s.languages == ("en",)
    with pytest.raises(ConfigError):
        s.with_(languages="xx")


def test_every_setting_has_help_and_an_env_var():
    for row in describe():
        assert row["help"] and row["env"] == "KRONIKA_" + row["name"].upper()
