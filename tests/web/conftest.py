"""Stores for the web tests: one filled by hand (exact, fast), one through the real pipeline."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kronika.model import ActorRef, Article, Event, Mention, Removed, Sentence
from kronika.store import Store

REPO = Path(__file__).resolve().parents[2]
# A few demo articles (both languages) for the pipeline-filled store.
DEMO_FILES = ("pl_ryanair_minsk_2021.txt", "en_belarus_protests_2020.txt", "pl_kryzys_graniczny_2021.txt",
              "en_sochi_loan_2020.txt")

# Article text is untrusted: every trick below must show as text, never run.
HOSTILE_TITLE = "<script>window.__xss = 'title'</script>Alert"
HOSTILE_LINES = [
    "Breaking <script>window.__xss = 'script'; alert(1)</script> news from Minsk.",
    'The minister posted <img src=x onerror="window.__xss=\'img\'; alert(2)"> on social media.',
    'Readers may <a href="javascript:window.__xss=\'href\'">click here</a> for more.',
    "Critics wrote \"><svg onload=alert(3)> and '><iframe src=javascript:alert(4)></iframe> in comments.",
    "A style trick <style>body{display:none}</style> and {{ 7*7 }} and {% raw %} template text.",
]


def _ref(name, country, actor_id=None, start=-1, end=-1, sector="GOV"):
    return ActorRef(name, country, sector, actor_id, start, end)


def _doc(doc_id: str, language: str, published: str, sentences: list[str], events: list[dict],
         mentions: list[tuple[str, str, str | None, str | None, str]] = (), title: str | None = None) -> Article:
    """An Article whose clean text is the sentences joined by spaces; events refer to sentence numbers
    and the trigger word; mentions are (surface, kind, actor_id, name, country)."""
    clean, spans = "", []
    for s in sentences:
        start = len(clean) + (1 if clean else 0)
        clean = f"{clean} {s}" if clean else s
        spans.append((start, start + len(s)))
    a = Article(id=doc_id, source=f"/hand/{doc_id}.txt", raw="Subscribe now!\n" + clean, clean=clean,
                title=title or doc_id, language=language, published=published, published_source="header")
    a.removed = [Removed(0, 14, "Subscribe now!", "subscribe_prompt")]
    a.sentences = [Sentence(s, e, clean[s:e]) for s, e in spans]
    for surface, kind, actor_id, name, country in mentions:
        i = clean.find(surface)
        assert i >= 0, surface
        sent = next(n for n, (s, e) in enumerate(spans) if s <= i < e)
        a.mentions.append(Mention(i, i + len(surface), surface, kind, surface, actor_id, name, country,
                                  "GOV" if kind == "person" else None, sentence=sent, via="name"))
    for ev in events:
        s, e = spans[ev["sentence"]]
        t = clean.find(ev["trigger"], s)
        a.events.append(Event(ev["type"], ev["source"], ev["target"], modality=ev.get("modality", "asserted"),
                              date=ev.get("date"), sentence=ev["sentence"], evidence=clean[s:e], evidence_start=s,
                              evidence_end=e, trigger=ev["trigger"], trigger_start=t, trigger_end=t + len(ev["trigger"])))
    return a


def hand_articles() -> list[Article]:
    putin = _ref("Vladimir Putin", "RUS", "vladimir-putin")
    luka = _ref("Alexander Lukashenko", "BLR", "alexander-lukashenko")
    rus, blr, ukr, pol = (_ref(None, c) for c in ("RUS", "BLR", "UKR", "POL"))
    return [
        _doc("pl-one", "pl", "2021-03-02",
             ["Władimir Putin spotkał się z Aleksandrem Łukaszenką w Soczi.",
              "Rozmawiali o kredycie dla Łukaszence i o wspólnych ćwiczeniach."],
             [dict(type="CONSULT", source=[putin], target=[luka], trigger="spotkał", sentence=0, date="2021-03-02"),
              dict(type="AID", source=[rus], target=[blr], trigger="kredycie", sentence=1, date="2021-03",
                   modality="planned")],
             mentions=[("Władimir Putin", "person", "vladimir-putin", "Vladimir Putin", "RUS"),
                       ("Aleksandrem Łukaszenką", "person", "alexander-lukashenko", "Alexander Lukashenko", "BLR")]),
        _doc("en-two", "en", "2021-03-03",
             ["Vladimir Putin hosted Alexander Lukashenko in Sochi on Tuesday.",
              "Poland condemned the border provocations by Belarus."],
             [dict(type="CONSULT", source=[putin], target=[luka], trigger="hosted", sentence=0, date="2021-03-02"),
              dict(type="ACCUSE", source=[pol], target=[blr], trigger="condemned", sentence=1, date="2021-03-03")],
             mentions=[("Vladimir Putin", "person", "vladimir-putin", "Vladimir Putin", "RUS"),
                       ("Alexander Lukashenko", "person", "alexander-lukashenko", "Alexander Lukashenko", "BLR"),
                       ("Belarus", "country", None, None, "BLR")]),
        _doc("en-three", "en", "2022-10-10",
             ["Russia launched missiles at Ukrainian cities.", "Ukraine denied that it attacked the bridge."],
             [dict(type="ASSAULT", source=[rus], target=[ukr], trigger="launched", sentence=0, date="2022-10-10"),
              dict(type="ASSAULT", source=[ukr], target=[rus], trigger="attacked", sentence=1, date="2022-10-08",
                   modality="denied")]),
        _doc("en-undated", "en", None, ["Belarus and Russia agreed to deepen their union."],
             [dict(type="AGREE", source=[blr], target=[rus], trigger="agreed", sentence=0, date=None)]),
    ]


def hostile_article() -> Article:
    clean = "\n\n".join(HOSTILE_LINES)
    a = _doc("hostile<script>", "en", "2024-01-15", HOSTILE_LINES,
             [dict(type="ACCUSE", source=[_ref("<b onmouseover=alert(5)>Evil</b>", "RUS", "<img src=x onerror=alert(6)>")],
                   target=[_ref(None, "BLR")], trigger="posted", sentence=1, date="2024-01-15")],
             mentions=[("Minsk", "place", None, None, "BLR")], title=HOSTILE_TITLE)
    assert a.clean.startswith(clean.split("\n")[0])
    return a


@pytest.fixture(scope="session")
def hand_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "hand.db"
    with Store(path) as store:
        for a in hand_articles() + [hostile_article()]:
            store.write(a)
    return path


@pytest.fixture(scope="session")
def client(hand_db):
    from fastapi.testclient import TestClient

    from kronika.web.app import create_app

    with TestClient(create_app(hand_db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A store filled through the real pipeline: a few demo articles and a hostile one."""
    from kronika.pipeline import ingest
    from kronika.settings import Settings

    folder = tmp_path_factory.mktemp("demo-corpus")
    for name in DEMO_FILES:
        shutil.copy(REPO / "examples" / name, folder / name)
    (folder / "en_hostile.txt").write_text(" date 2024-01-15\n" + HOSTILE_TITLE + "\n\n" + "\n\n".join(HOSTILE_LINES) + "\n",
                                           encoding="utf-8")
    (folder / "en_hostile_page.html").write_text(
        "<html><head><title>" + HOSTILE_TITLE.replace("<", "&lt;") + "</title></head><body><article><p>"
        + "</p><p>".join(HOSTILE_LINES) + "</p></article></body></html>", encoding="utf-8")
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as store:
        report = ingest([folder], store, Settings.load(db=path))
        store.write(hostile_article())  # hostile actor names and an event page, which the pipeline may not make
    assert report.failed == 0, report.as_dict()
    return path
