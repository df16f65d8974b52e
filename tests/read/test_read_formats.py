"""Each input format becomes the Article it should: ids, headers, titles, dates, encodings."""
from __future__ import annotations

import gzip
import json

import pytest

from kronika.model import Article, Failure
from kronika.read import read_path
from kronika.read.formats import normalise_iso_date

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Vilnius</title>
<meta property="article:published_time" content="2023-07-11T09:30:00+00:00">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet in Vilnius</h1>
<p>The foreign ministers of the Baltic states met in Vilnius on Tuesday to discuss regional security and the defence of the alliance's eastern flank.</p>
<h2>Talks on air defence</h2>
<p>According to the host, the talks covered joint air defence, the protection of undersea cables and the training of reservists in all three countries.</p>
<p>The ministers agreed to meet again in Riga in the autumn, after the summit of the alliance's leaders in the summer.</p>
</article><footer>Contact us</footer></body></html>"""


@pytest.mark.parametrize(
    "header, text, date",
    [
        (" date 2022-12 ", "W Mińsku trwały rozmowy.", "2022-12"),
        (" date 2025-10-09 ", "Rozmowy trwały w czwartek.", "2025-10-09"),
        (" date 2020\n", "The talks ended in the evening.", "2020"),
        ("", "No header at all.", None),
        (" date 2022-13 ", "An impossible month is ignored.", None),
    ],
)
def test_txt_header_is_stripped_and_kept_as_date(tmp_path, header, text, date):
    path = tmp_path / "doc.txt"
    path.write_text(header + text, encoding="utf-8")
    (article,) = read_path(path)
    assert article.raw == text
    assert article.declared_published == date
    assert article.declared_published_source == ("header" if date else None)


@pytest.mark.parametrize(
    "name, doc_id",
    [("a.txt", "a"), ("a.txt.gz", "a"), ("report.v2.txt", "report.v2"), ("PAGE.HTM", "PAGE")],
)
def test_document_id_is_name_without_extensions(tmp_path, name, doc_id):
    data = (HTML if name.lower().endswith(".htm") else "Tekst artykułu.").encode("utf-8")
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (result,) = read_path(tmp_path / name)
    assert result.id == doc_id


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf date 2021-01-02 Tekst.")
    (article,) = read_path(path)
    assert article.raw == "Tekst." and article.declared_published == "2021-01-02"


def test_html_gives_text_title_and_page_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (article,) = read_path(path)
    assert isinstance(article, Article)
    assert article.title == "Ministers meet in Vilnius"
    assert article.declared_published == "2023-07-11"
    assert article.declared_published_source == "metadata"
    lines = article.raw.splitlines()
    assert "Talks on air defence" in lines  # headings stay separate lines
    assert any(line.startswith("The foreign ministers of the Baltic states") for line in lines)
    assert "Contact us" not in article.raw


def test_html_without_text_is_a_failure(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    (result,) = read_path(path)
    assert isinstance(result, Failure) and "no article text" in result.reason


def test_jsonl_gz_with_truncated_tail_keeps_good_lines(tmp_path):
    lines = "".join(json.dumps({"id": f"d{i}", "text": f"Record number {i} " * 40}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(data[: int(len(data) * 0.7)])
    results = list(read_path(path))
    articles = [r for r in results if isinstance(r, Article)]
    assert articles and articles[0].id == "d0"
    assert isinstance(results[-1], Failure) and "truncated gzip" in results[-1].reason


@pytest.mark.parametrize(
    "value, iso",
    [("2022-12-19T10:00:00Z", "2022-12-19"), ("2022-12", "2022-12"), ("2022", "2022"), ("2022-02-30", None), ("yesterday", None)],
)
def test_normalise_iso_date(value, iso):
    assert normalise_iso_date(value) == iso
