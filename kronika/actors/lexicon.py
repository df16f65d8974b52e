"""Language data files of the actor stage, loaded lazily once per language and cached."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from kronika.errors import ResourceError, UnknownLanguageError

LANG_DIR = Path(__file__).resolve().parent.parent / "resources" / "lang"
KNOWN = ("pl", "en", "ru", "uk")


@lru_cache(maxsize=None)
def lang_data(lang: str, kind: str) -> dict:
    """``resources/lang/<lang>/<kind>.yaml`` as a dict; {} when the language has no such file."""
    if lang not in KNOWN:
        raise UnknownLanguageError(f"no actor data for language {lang!r}; known: {', '.join(KNOWN)}")
    path = LANG_DIR / lang / f"{kind}.yaml"
    if not path.exists():
        return {}
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=yaml.CSafeLoader) or {}
    except yaml.YAMLError as e:
        raise ResourceError(f"{path} is not valid YAML ({e}); fix the file") from e
