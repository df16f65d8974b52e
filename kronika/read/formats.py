"""One reader per input format: bytes (or a JSONL stream) to Article."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import re
import zlib
from pathlib import Path
from typing import Iterator

from kronika.errors import InputError
from kronika.model import Article, Failure
from kronika.read.decode import decode_bytes, looks_like_text, sniff_binary

log = logging.getLogger("kronika")

SUPPORTED = (".txt", ".html", ".htm", ".jsonl")
_MIN_HTML_WORDS = 5  # less is navigation left over, not an article

# The seeds' header: " date 2022-12 W Mińsku ..." -- the text goes on after the token.
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|\Z)[ \t]*(?:\r?\n)?")
_ISO_PREFIX = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_iso_date(value: str) -> str | None:
    """'2022-12-19T10:00Z' -> '2022-12-19', '2022-12' -> '2022-12'; None when not a valid ISO date."""
    match = _ISO_PREFIX.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return match.group(0)


def _text_of(data: bytes) -> str:
    binary = sniff_binary(data)
    if binary:
        raise InputError(f"binary file (looks like {binary})")
    text, _ = decode_bytes(data)
    if not looks_like_text(text):
        raise InputError("binary file (mostly control characters once decoded)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(data: bytes, *, doc_id: str, source: str) -> Article:
    text = _text_of(data)
    declared = None
    match = _HEADER.match(text)
    if match:
        declared = normalise_iso_date(match.group(1))
        if declared is None:
            log.warning("%s: ignoring an impossible date header %r", source, match.group(1))
        text = text[match.end():]
    if not text.strip():
        raise InputError("file has a date header but no article text")
    return Article(
        id=doc_id,
        source=source,
        raw=text,
        declared_published=declared,
        declared_published_source="header" if declared else None,
    )


def read_html(data: bytes, *, doc_id: str, source: str, url: str | None = None) -> Article:
    import trafilatura  # heavy import, only when HTML is read

    html = _text_of(data)
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        # htmldate through trafilatura: the first publication date, fast search
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.split()) < _MIN_HTML_WORDS:
        raise InputError("no article text found in the HTML page (an index page, or one that needs JavaScript?)")
    page_date = getattr(document, "date", None)
    if not page_date:
        # No date in the page's metadata: let htmldate search the whole page (slower, so only now).
        from htmldate import find_date

        page_date = find_date(html, extensive_search=True, original_date=True, url=url or document.url or None)
    declared = normalise_iso_date(page_date) if page_date else None
    return Article(
        id=doc_id,
        source=source,
        raw=text,
        title=document.title or None,
        url=url or document.url or None,
        declared_published=declared,
        declared_published_source="metadata" if declared else None,
    )


def _record_article(record: object, *, source: str, lineno: int) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"line {lineno}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"line {lineno}: record has no 'text'")
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError(f"line {lineno}: record has no 'id'")
    published = record.get("published")
    declared = normalise_iso_date(str(published)) if published else None
    if published and declared is None:
        log.warning("%s: line %d: ignoring 'published' %r (not an ISO date)", source, lineno, published)
    language = record.get("language")
    return Article(
        id=str(doc_id),
        source=f"{source}:{lineno}",
        raw=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=record.get("title") or None,
        url=record.get("url") or None,
        declared_published=declared,
        declared_published_source="record" if declared else None,
        declared_language=str(language).strip().lower() if language else None,
    )


def read_jsonl_lines(path: Path, *, gzipped: bool, max_bytes: int) -> Iterator[Article | Failure]:
    """One Article per good line, one Failure per broken line; ``max_bytes`` limits each record."""
    source = str(path)
    lineno = 0
    seen_any = False
    try:
        stream = gzip.open(path, "rb") if gzipped else open(path, "rb")
        with stream:
            while True:
                line = stream.readline(max_bytes + 1)
                if not line:
                    break
                lineno += 1
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                        pass  # skip the rest of the oversized line without holding it
                    yield Failure(source=f"{source}:{lineno}", reason=f"line {lineno}: record is over the {max_bytes // (1024 * 1024)} MB limit")
                    continue
                if not line.strip():
                    continue
                seen_any = True
                try:
                    try:
                        record = json.loads(line.decode("utf-8-sig"))
                    except UnicodeDecodeError as exc:
                        raise InputError(f"line {lineno}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
                    except json.JSONDecodeError as exc:
                        raise InputError(f"line {lineno}: not valid JSON: {exc.msg} (column {exc.colno})") from exc
                    yield _record_article(record, source=source, lineno=lineno)
                except InputError as exc:
                    yield Failure(source=f"{source}:{lineno}", reason=str(exc))
    except EOFError:
        yield Failure(source=source, reason=f"truncated gzip stream after line {lineno} (the lines before it were read)")
        return
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield Failure(source=source, reason=f"not a valid gzip file ({exc})")
        return
    except OSError as exc:
        yield Failure(source=source, reason=f"cannot read the file: {exc.strerror or exc}")
        return
    if not seen_any:
        yield Failure(source=source, reason="empty file" if lineno == 0 else "file has no records (only blank lines)")
