"""Read files and folders into Articles; every input ends as an Article or a Failure.

Entry point: ``read_path(path, max_bytes=20 MB)``. Formats: ``.txt`` (optional first-line
header `` date YYYY[-MM[-DD]]``), ``.html``/``.htm`` (trafilatura + htmldate), ``.jsonl``
(one record a line); each may be gzip-compressed (``.gz``). Hidden files and folders
(names starting with ".") are skipped.
"""
from __future__ import annotations

import gzip
import logging
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from kronika.errors import InputError
from kronika.model import Article, Failure
from kronika.read.formats import SUPPORTED, read_html, read_jsonl_lines, read_txt

__all__ = ["read_path", "read_file", "DEFAULT_MAX_BYTES", "SUPPORTED"]

log = logging.getLogger("kronika")

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_SUPPORTED_TEXT = "supported: .txt, .html, .htm, .jsonl, optionally .gz"


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every input under ``path`` (file or folder), in sorted order."""
    path = Path(path)
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield from read_file(Path(root) / name, max_bytes=max_bytes)
    elif path.exists():
        yield from read_file(path, max_bytes=max_bytes)
    else:
        yield Failure(source=str(path), reason="no such file or folder")


def split_name(path: Path) -> tuple[str, str, bool]:
    """(document id, format extension, gzipped) for a file name: ``a.txt.gz`` -> ("a", ".txt", True)."""
    name = path.name
    gzipped = name.lower().endswith(".gz")
    if gzipped:
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return name, "", gzipped
    return stem, "." + ext.lower(), gzipped


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _read_bytes(path: Path, gzipped: bool, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if not gzipped:
        if size > max_bytes:
            raise InputError(f"file is {_size_text(size)}, over the {_size_text(max_bytes)} limit")
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)  # never inflate more than the limit (gzip bombs)
    except EOFError as exc:
        raise InputError("truncated gzip stream (the file was cut off; re-download or re-compress it)") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"not a valid gzip file ({exc})") from exc
    if len(data) > max_bytes:
        raise InputError(f"file is over the {_size_text(max_bytes)} limit once decompressed")
    return data


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Yield the Article(s) or Failure(s) of one file."""
    path = Path(path)
    source = str(path)
    doc_id, ext, gzipped = split_name(path)
    if ext not in SUPPORTED:
        shown = ext or "(no extension)"
        yield Failure(source=source, reason=f"unsupported file type {shown} ({_SUPPORTED_TEXT})", doc_id=doc_id)
        return
    if ext == ".jsonl":
        yield from read_jsonl_lines(path, gzipped=gzipped, max_bytes=max_bytes)
        return
    try:
        data = _read_bytes(path, gzipped, max_bytes)
        if not data.strip():
            raise InputError("empty file" if not data else "file has no text (only whitespace)")
        reader = read_txt if ext == ".txt" else read_html
        yield reader(data, doc_id=doc_id, source=source)
    except InputError as exc:
        yield Failure(source=source, reason=str(exc), doc_id=doc_id)
    except OSError as exc:
        yield Failure(source=source, reason=f"cannot read the file: {exc.strerror or exc}", doc_id=doc_id)
    except Exception as exc:  # a batch never dies on one file; the reason is kept
        log.exception("unexpected error reading %s", source)
        yield Failure(source=source, reason=f"unexpected error while reading: {type(exc).__name__}: {exc}", doc_id=doc_id)
