"""Publication date: header > page metadata > dateline > "Updated:" line > None; never today."""
from __future__ import annotations

import pytest

from kronika.clean import clean_article
from kronika.detect.published import detect_published
from kronika.model import Article

BODY = "The talks ended on Friday without an agreement, officials said after the meeting."


def run(raw: str, **kw) -> Article:
    return detect_published(clean_article(Article(id="t", source="test", raw=raw, **kw)))


@pytest.mark.parametrize(
    "raw, declared, source, expected, expected_source",
    [
        (BODY, "2022-12", "header", "2022-12", "header"),
        ("Warsaw, 3 May 2021\n\n" + BODY, "2022-12-19", "header", "2022-12-19", "header"),
        ("Warsaw, 3 May 2021\n\n" + BODY, "2020-01-02", "metadata", "2020-01-02", "metadata"),
        (BODY, "2023-05-01", "record", "2023-05-01", "record"),
        ("Updated: Jun 1, 2021\n\nWarsaw, 3 May 2021\n\n" + BODY, None, None, "2021-05-03", "dateline"),
        ("Aktualizacja: 01.06.2021 12:30\n\n" + BODY, None, None, "2021-06-01", "updated"),
        ("Opublikowano: 14 lutego 2022\n\n" + BODY, None, None, "2022-02-14", "dateline"),
        ("Обновлено: 5 октября 2020\n\n" + BODY, None, None, "2020-10-05", "updated"),
        ("Опубліковано: 5 жовтня 2021\n\n" + BODY, None, None, "2021-10-05", "dateline"),
        ("The protests after the August 2020 election were crushed. On 12 October 2020 talks failed.", None, None, None, None),
        (BODY, None, None, None, None),
        ("Updated 10:30 GMT, Dec 11 2020\n\n" + BODY, None, None, "2020-12-11", "updated"),
        ("Publikacja raportu 3 marca 2022 wywołała burzę.\n\n" + BODY, None, None, None, None),
        ("Updated on March 3, 2023 to add the minister's comments and a response from the embassy.\n\n" + BODY, None, None, None, None),
    ],
)
def test_priority_and_precision(raw, declared, source, expected, expected_source):
    article = run(raw, declared_published=declared, declared_published_source=source)
    assert article.published == expected
    assert article.published_source == expected_source
