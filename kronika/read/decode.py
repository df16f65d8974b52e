"""Bytes to text: binary sniffing, UTF-8 first, legacy encodings detected by charset-normalizer.

Polish cp1250 and ISO-8859-2 differ only in a few letters (ą ś ź Ą Ś Ź), which a generic
detector often confuses; within that family the candidate that yields more Polish letters
and fewer stray symbols wins.
"""
from __future__ import annotations

import logging

from charset_normalizer import from_bytes

from kronika.errors import InputError

log = logging.getLogger("kronika")

# File signatures, so a binary file fails with a name a person recognises.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip data without a .gz extension"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "old Microsoft Office document"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Encodings for Cyrillic text: the Polish check below must not override them (cp1251's
# "ж к с у" are cp1250's "ć ę ń ó").
_CYRILLIC = {"cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866", "cp855", "ptcp154"}
_POLISH_CANDIDATES = ("cp1250", "iso8859_2")
_POLISH_SHARE = 0.6  # share of non-ASCII letters that must be Polish letters
_POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# What Polish text turns into when read with the wrong member of the family.
_MOJIBAKE = frozenset("±¶¼¡¦¬¹¿¥Ľľ\x8c\x8f\x9c\x9f")


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format of ``data``, or None when it looks like text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if any(head.startswith(bom) for bom, enc in _BOMS if enc.startswith("utf-16")):
        return None
    if b"\x00" in head:
        return "unknown binary data (contains NUL bytes)"
    return None


def _polish_share(text: str) -> float:
    """Share of the non-ASCII characters that are Polish letters (1.0 for clean Polish text)."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    polish = sum(ch in _POLISH_LETTERS for ch in non_ascii)
    return (polish - sum(ch in _MOJIBAKE for ch in non_ascii)) / len(non_ascii)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; return (text, encoding). Raises InputError when no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"file starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data[:200_000]).best()
    if guess is None:
        raise InputError("not valid UTF-8, and no known text encoding fits (is it a text file?)")
    encoding = guess.encoding
    if encoding not in _CYRILLIC:
        # Generic detectors mix up the Central European single-byte encodings; Polish letters decide.
        scored = []
        for candidate in (encoding, *_POLISH_CANDIDATES):
            try:
                scored.append((_polish_share(data.decode(candidate)), candidate == encoding, candidate))
            except UnicodeDecodeError:
                continue
        best = max(scored) if scored else None
        if best and best[2] != encoding and best[0] >= _POLISH_SHARE:
            encoding = best[2]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8, and not valid {encoding} either ({exc.reason})") from exc
    log.info("decoded as %s (not UTF-8)", encoding)
    return text, encoding


def looks_like_text(text: str) -> bool:
    """False when decoded text is mostly control characters (binary that slipped through)."""
    sample = text[:20_000]
    if not sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / len(sample) < 0.05
