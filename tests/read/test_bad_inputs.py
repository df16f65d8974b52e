"""A folder of bad inputs is read in one call: no exception, every file accounted for."""
from __future__ import annotations

import gzip
import json

from kronika.model import Article, Failure
from kronika.read import read_path

POLISH = "Zażółć gęślą jaźń. Minister spotkał się z posłami w Sejmie."


def _make_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "invalid_utf8.txt").write_bytes("Prezydent powiedział, że rozmowy trwają.".encode("utf-8")[:20] + b"\xff\xfe\xc3(" + b" reszta tekstu")
    (folder / "legacy_cp1250.txt").write_bytes((" date 2021-03\n" + POLISH).encode("cp1250"))
    (folder / "legacy_iso8859_2.txt").write_bytes(POLISH.encode("iso8859_2"))
    with (folder / "huge.txt").open("wb") as handle:  # sparse: 50 MB without writing 50 MB
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"x")
    whole = gzip.compress(("Rząd przyjął projekt ustawy. " * 200).encode("utf-8"))
    (folder / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "good.txt.gz").write_bytes(gzip.compress(" date 2022-12-19 Rząd przyjął projekt ustawy.".encode("utf-8")))
    lines = [
        json.dumps({"id": "r1", "text": "Pierwszy poprawny rekord.", "language": "pl", "published": "2023-05-01"}),
        '{"id": "r2", "text": "zepsuty',
        json.dumps({"id": "r3"}),
        "",
        json.dumps({"id": "r4", "text": "Second good record.", "title": "A title"}),
    ]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04whatever")
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text("Tekst w podfolderze.", encoding="utf-8")
    return folder


def test_bad_folder_is_read_in_one_call(tmp_path):
    folder = _make_folder(tmp_path)
    results = list(read_path(folder))
    by_source = {}
    for result in results:
        assert isinstance(result, (Article, Failure))
        by_source.setdefault(result.source.rsplit("/", 1)[-1], []).append(result)

    def failure(name):
        (only,) = by_source[name]
        assert isinstance(only, Failure), only
        return only.reason

    assert failure("empty.txt") == "empty file"
    assert "binary file" in failure("picture.txt") and "PNG" in failure("picture.txt")
    assert "50 MB" in failure("huge.txt") and "20 MB limit" in failure("huge.txt")
    assert "truncated gzip" in failure("cut.txt.gz")
    assert "unsupported file type .docx" in failure("notes.docx")

    (cp1250,) = by_source["legacy_cp1250.txt"]
    assert isinstance(cp1250, Article)
    assert cp1250.raw == POLISH and cp1250.declared_published == "2021-03"
    (iso,) = by_source["legacy_iso8859_2.txt"]
    assert isinstance(iso, Article) and iso.raw == POLISH

    (broken,) = by_source["invalid_utf8.txt"]
    assert isinstance(broken, (Article, Failure))  # accounted for, never an exception

    (good,) = by_source["good.txt.gz"]
    assert isinstance(good, Article) and good.id == "good" and good.declared_published == "2022-12-19"
    assert good.raw == "Rząd przyjął projekt ustawy."
    (nested,) = by_source["nested.txt"]
    assert isinstance(nested, Article)

    records = [r for name, rs in by_source.items() if name.startswith("records.jsonl") for r in rs]
    articles = {r.id: r for r in records if isinstance(r, Article)}
    failures = {r.source.rsplit(":", 1)[-1]: r.reason for r in records if isinstance(r, Failure)}
    assert set(articles) == {"r1", "r4"}
    assert articles["r1"].declared_language == "pl" and articles["r1"].declared_published == "2023-05-01"
    assert articles["r4"].title == "A title"
    assert failures["2"].startswith("line 2: not valid JSON")
    assert failures["3"] == "line 3: record has no 'text'"


def test_read_order_is_deterministic(tmp_path):
    folder = _make_folder(tmp_path)
    first = [(r.source, type(r).__name__) for r in read_path(folder)]
    second = [(r.source, type(r).__name__) for r in read_path(folder)]
    assert first == second
    assert [s for s, _ in first if "/sub/" not in s] == sorted(s for s, _ in first if "/sub/" not in s)


def test_gzip_bomb_is_refused_without_inflating_it(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb") as handle:
        chunk = b"a" * (1024 * 1024)
        for _ in range(30):
            handle.write(chunk)
    (result,) = read_path(bomb, max_bytes=5 * 1024 * 1024)
    assert isinstance(result, Failure) and "limit once decompressed" in result.reason


def test_missing_path_is_a_failure(tmp_path):
    (result,) = read_path(tmp_path / "nowhere")
    assert isinstance(result, Failure) and result.reason == "no such file or folder"
