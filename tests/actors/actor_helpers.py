from kronika.model import Article, Sentence


def article(text: str, lang: str = "pl", date: str | None = "2022-12-19", sentences: bool = False) -> Article:
    a = Article(id="t", source="test", raw=text, clean=text, language=lang, published=date)
    if sentences:
        start = 0
        for part in text.split(". "):
            end = start + len(part) + (1 if start + len(part) < len(text) else 0)
            a.sentences.append(Sentence(start, end, text[start:end]))
            start = end + 1
    return a


def link(linker, text: str, lang: str = "pl", date: str | None = "2022-12-19", sentences: bool = False):
    a = article(text, lang, date, sentences)
    linker(a)
    return a


def mention_for(a, surface: str):
    """The mention whose span covers the first occurrence of ``surface``."""
    start = a.clean.index(surface)
    end = start + len(surface)
    for m in a.mentions:
        if m.start <= start and end <= m.end:
            return m
    raise AssertionError(f"no mention covers {surface!r}; mentions: {[(m.text, m.kind, m.actor_id) for m in a.mentions]}")
