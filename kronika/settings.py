"""Every setting Kronika reads, declared once: name, type, default, help.

Values come from, in rising priority: the defaults below, ``KRONIKA_<NAME>`` environment
variables (``KRONIKA_DB=news.db``, ``KRONIKA_LANGUAGES=pl,en``), and explicit overrides
(the CLI's options). Each value is validated here, and a bad one raises ``ConfigError``
naming the allowed values.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from kronika.errors import ConfigError

KNOWN_LANGUAGES = ("pl", "en", "ru", "uk")
# The order the stages run in; a pipeline may use any subsequence of it.
STAGE_ORDER = ("clean", "language", "published", "actors", "events")


@dataclass(frozen=True)
class Setting:
    name: str
    type: str  # "path" | "int" | "bool" | "list" | "dask" (an address or local:N)
    default: Any
    help: str
    choices: tuple[str, ...] = ()  # for "list": the allowed items
    minimum: int | None = None  # for "int"

    @property
    def env_var(self) -> str:
        return "KRONIKA_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "path", Path("kronika.db"), "SQLite database file the store reads and writes."),
    Setting("languages", "list", KNOWN_LANGUAGES, "Languages the detector may choose from (comma-separated).",
            choices=KNOWN_LANGUAGES),
    Setting("max_bytes", "int", 20 * 1024 * 1024, "Inputs larger than this many bytes are refused as failures.", minimum=1),
    Setting("workers", "int", 1, "Processes that run the stages (1 = in this process).", minimum=1),
    Setting("stages", "list", STAGE_ORDER, "Stages to run, in pipeline order (comma-separated).", choices=STAGE_ORDER),
    Setting("force", "bool", False, "Reprocess documents even when their text is unchanged."),
    Setting("kb_dirs", "list", (), "Extra folders of actor KB records (comma-separated), added to the bundled KB."),
    Setting("dask", "dask", "", "Run the stages on a Dask cluster: a scheduler address (tcp://host:8786), "
            "or local:N to start N worker processes here; empty = in this process."),
)
_BY_NAME = {s.name: s for s in SETTINGS}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
# "local:N", or a scheduler address with an optional protocol and port (distributed's own forms).
_DASK_ADDRESS = re.compile(r"^(local:[1-9]\d*|(?!local:)([a-z]+://)?([^\s/:\[\]]+|\[[0-9a-fA-F:.]+\])(:\d+)?)$")


def _convert(setting: Setting, value: Any) -> Any:
    """Turn a raw value (a string from the environment, or a Python value) into the setting's type."""
    kind = setting.type
    if kind == "path":
        if value in (None, ""):
            raise ConfigError(f"{setting.name}: a file path is required")
        return Path(value)
    if kind == "int":
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{setting.name}: {value!r} is not a whole number") from None
        if setting.minimum is not None and number < setting.minimum:
            raise ConfigError(f"{setting.name}: {number} is below the minimum {setting.minimum}")
        return number
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ConfigError(f"{setting.name}: {value!r} is not a yes/no value; use one of: 1, 0, true, false, yes, no")
    if kind == "list":
        items = value.split(",") if isinstance(value, str) else list(value)
        items = tuple(str(i).strip() for i in items if str(i).strip())
        if setting.choices:
            bad = [i for i in items if i not in setting.choices]
            if bad:
                raise ConfigError(
                    f"{setting.name}: unknown value {', '.join(map(repr, bad))}; allowed: {', '.join(setting.choices)}"
                )
            if not items:
                raise ConfigError(f"{setting.name}: give at least one of: {', '.join(setting.choices)}")
        return items
    if kind == "dask":
        text = "" if value is None else str(value).strip()
        if text and not _DASK_ADDRESS.match(text):
            raise ConfigError(f"{setting.name}: {text!r} is not a Dask address; use tcp://HOST:PORT, HOST:PORT "
                              "or local:N (N worker processes started here)")
        return text
    raise ConfigError(f"{setting.name}: unknown setting type {kind!r}")  # a bug in SETTINGS


@dataclass(frozen=True)
class Settings:
    """Resolved, validated settings. Build with ``Settings.load(...)``; the defaults are valid."""

    db: Path = Path("kronika.db")
    languages: tuple[str, ...] = KNOWN_LANGUAGES
    max_bytes: int = 20 * 1024 * 1024
    workers: int = 1
    stages: tuple[str, ...] = STAGE_ORDER
    force: bool = False
    kb_dirs: tuple[str, ...] = field(default=())
    dask: str = ""

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then ``KRONIKA_*`` variables, then overrides whose value is not None."""
        environ = os.environ if environ is None else environ
        unknown = set(overrides) - set(_BY_NAME)
        if unknown:
            raise ConfigError(f"unknown setting {', '.join(sorted(unknown))}; known: {', '.join(_BY_NAME)}")
        values = {}
        for setting in SETTINGS:
            raw = overrides.get(setting.name)
            if raw is None:
                raw = environ.get(setting.env_var)
            values[setting.name] = _convert(setting, setting.default if raw is None else raw)
        values["stages"] = tuple(s for s in STAGE_ORDER if s in values["stages"])  # pipeline order, whatever was typed
        return cls(**values)

    def with_(self, **changes: Any) -> "Settings":
        """A copy with some settings changed, each validated."""
        checked = {k: _convert(_BY_NAME[k], v) for k, v in changes.items() if k in _BY_NAME}
        if set(changes) - set(checked):
            raise ConfigError(f"unknown setting {', '.join(sorted(set(changes) - set(checked)))}")
        return replace(self, **checked)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def describe() -> list[dict[str, Any]]:
    """The settings table, for help texts and docs."""
    return [
        {"name": s.name, "env": s.env_var, "type": s.type, "default": s.default, "help": s.help, "choices": s.choices}
        for s in SETTINGS
    ]


__all__ = ["SETTINGS", "Setting", "Settings", "KNOWN_LANGUAGES", "STAGE_ORDER", "describe"]
