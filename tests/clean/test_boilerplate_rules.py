"""Boilerplate rules drop chrome and keep prose, per language (lines written for these tests)."""
from __future__ import annotations

import pytest

from kronika.clean import clean_article
from kronika.model import Article

PROSE = "The minister said the talks would continue next week in Brussels, officials confirmed."


def removed_rule(line: str, position: int = 0) -> str | None:
    """The rule that drops ``line`` when it stands at ``position`` among prose paragraphs."""
    lines = [PROSE] * position + [line] + [PROSE]
    article = clean_article(Article(id="t", source="test", raw="\n\n".join(lines)))
    rules = [r.rule for r in article.removed if r.text == line.strip()]
    return rules[0] if rules else None


@pytest.mark.parametrize(
    "line, rule",
    [
        # language-neutral shapes
        ("• Anna Kowalczyk", "byline_bullet"),
        ("- John Peters", "byline_bullet"),
        ("* * *", "punctuation_only"),
        ("https://example.org/news/123", "url_only"),
        ("1 234", "number_only"),
        ("#Ukraine #NATO", "hashtags_only"),
        ("© 2024 Example Media Group", "copyright"),
        ("1.2k views 14 comments", "view_counter"),
    ],
)
def test_neutral_rules(line, rule):
    assert removed_rule(line) == rule


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Top of page", "site_chrome"),
        ("Skip to main content", "site_chrome"),
        ("ADVERTISEMENT", "site_chrome"),
        ("12 comments", "counter"),
        ("4 min read", "reading_time"),
        ("Sign up for our free morning briefing and get the news in your inbox", "newsletter"),
        ("Get our weekly politics newsletter", "newsletter"),
        ("Share on Facebook", "share_prompt"),
        ("Twitter | Facebook | Email", "share_prompt"),
        ("Read more: Baltic states tighten border checks", "read_more"),
        ("See also", "read_more"),
        ("By Maria Gonzalez and Tom Baker, Reuters", "byline"),
        ("Reporting by Anna Nowak; Editing by Peter Smith", "byline"),
        ("Photo: Getty Images", "photo_credit"),
        ("Sergei Ivanov/AFP via Getty Images", "photo_credit"),
        ("We use cookies to give you the best experience on our website.", "cookie_notice"),
        ("Tags: Poland, NATO, defence", "tags_line"),
        ("All rights reserved.", "all_rights_reserved"),
    ],
)
def test_english_rules(line, rule):
    assert removed_rule(line) == rule


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Początek strony", "site_chrome"),
        ("REKLAMA", "site_chrome"),
        ("Dalsza część artykułu pod materiałem wideo", "site_chrome"),
        ("128 wyświetleń", "counter"),
        ("Komentarze (5)", "comments_section"),
        ("Zapisz się do naszego newslettera i otrzymuj najważniejsze wiadomości na skrzynkę", "newsletter"),
        ("Otrzymuj codziennie poranny e-mail z przeglądem prasy", "newsletter"),
        ("Udostępnij na Facebooku", "share_prompt"),
        ("Czytaj więcej: Sejm przyjął ustawę o obronie", "read_more"),
        ("ZOBACZ TEŻ: Nowe sankcje wobec Białorusi", "read_more"),
        ("Autor: Katarzyna Wiśniewska", "byline"),
        ("Oprac. Jan Malinowski", "byline"),
        ("Fot. PAP/Tomasz Gzell", "photo_credit"),
        ("Ta strona używa plików cookies, aby ułatwić korzystanie z serwisu.", "cookie_notice"),
        ("Wszelkie prawa zastrzeżone", "all_rights_reserved"),
    ],
)
def test_polish_rules(line, rule):
    assert removed_rule(line) == rule


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Читайте также: Москва ответила на санкции", "read_more"),
        ("Подписывайтесь на наш канал в Telegram", "subscribe_prompt"),
        ("Фото: ТАСС", "photo_credit"),
        ("Читайте також: Київ отримав нову допомогу", "read_more"),
        ("Підписуйтесь на наш Telegram-канал", "subscribe_prompt"),
        ("1520 переглядів", "counter"),
    ],
)
def test_russian_and_ukrainian_rules(line, rule):
    assert removed_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the day, the government had agreed to resume talks with the unions.",
        "Share prices fell sharply after the central bank raised interest rates on Thursday.",
        "Read the full statement, the spokesman told reporters, and you will see the difference.",
        "Autorzy raportu ostrzegają, że sytuacja na granicy może się pogorszyć w ciągu kilku tygodni.",
        "Zapisz to sobie: rząd obiecał, że ustawa wejdzie w życie jeszcze w tym roku.",
        "Czytaj, co mówią eksperci, zanim ocenisz decyzję rządu w sprawie podatków.",
        "Фото украденных документов опубликовали журналисты, сообщил источник агентства.",
        "Cookies and other tracking tools are now regulated by a new EU law, the commission said.",
        "- Nie zgadzamy się na takie warunki - powiedział minister po spotkaniu w Brukseli.",
    ],
)
def test_prose_is_kept(line):
    assert removed_rule(line) is None


def test_bullet_byline_only_near_the_top():
    assert removed_rule("• Anna Kowalczyk", position=0) == "byline_bullet"
    assert removed_rule("• Anna Kowalczyk", position=10) is None
