"""Kronika's exceptions, one tree; every message says what to do next.

    KronikaError
    ├── ConfigError            a setting or option has a value Kronika cannot use
    │   └── UnknownLanguageError
    ├── InputError             an input file cannot be read (becomes a Failure record)
    ├── ResourceError          a bundled data file is missing or malformed
    └── StoreError             the database cannot be opened or written
"""


class KronikaError(Exception):
    """Root of every error Kronika raises on purpose."""


class ConfigError(KronikaError):
    pass


class UnknownLanguageError(ConfigError):
    pass


class InputError(KronikaError):
    pass


class ResourceError(KronikaError):
    pass


class StoreError(KronikaError):
    pass
