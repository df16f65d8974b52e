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
# Single-byte Latin encodings a detector may return for Central European text.
_LATIN_FAMILY = {
    "cp1250", "iso8859_2", "cp1252", "latin_1", "iso8859_15", "cp1257", "iso8859_13",
    "iso8859_16", "mac_latin2", "cp852", "iso8859_4", "iso8859_10", "mac_roman",
}
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


def _polish_score(text: str) -> int:
    return sum(ch in _POLISH_LETTERS for ch in text) - 3 * sum(ch in _MOJIBAKE for ch in text)


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
    if encoding in _LATIN_FAMILY:
        candidates = {encoding, "cp1250", "iso8859_2"}
        scored = []
        for candidate in sorted(candidates):
            try:
                scored.append((_polish_score(data.decode(candidate)), candidate == encoding, candidate))
            except UnicodeDecodeError:
                continue
        if scored:
            encoding = max(scored)[2]
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
