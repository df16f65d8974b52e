"""Shared fixtures: hand-made Articles (no stage runs, every field set by hand) for store, CLI and web tests."""
import pytest

from kronika.model import ActorRef, Article, Event, Mention, Place, Removed, Sentence


def build_article(doc_id="doc1", clean="Putin met Lukashenko in Minsk. Russia sent troops.", *, published="2023-06-16",
                  language="en", source=None, with_events=True) -> Article:
    a = Article(id=doc_id, source=source or f"/corpus/{doc_id}.txt", raw="Share this!\n" + clean, clean=clean,
                language=language, published=published, published_source="header", title="A test article")
    a.removed = [Removed(raw_start=0, raw_end=11, text="Share this!", rule="share_prompt")]
    first_end = clean.find(".") + 1 if "." in clean else len(clean)
    a.sentences = [Sentence(0, first_end, clean[:first_end])]
    if first_end < len(clean):
        a.sentences.append(Sentence(first_end + 1, len(clean), clean[first_end + 1:]))
    putin, luka = clean.find("Putin"), clean.find("Lukashenko")
    if putin >= 0 and luka >= 0:
        a.mentions = [
            Mention(putin, putin + 5, "Putin", "person", "Putin", "Q7747", "Vladimir Putin", "RUS", "GOV", sentence=0, via="name"),
            Mention(luka, luka + 10, "Lukashenko", "person", "Lukashenko", "Q14101", "Alexander Lukashenko", "BLR", "GOV",
                    sentence=0, via="name"),
        ]
        rus = clean.find("Russia")
        if rus >= 0:
            a.mentions.append(Mention(rus, rus + 6, "Russia", "country", "Russia", "RUS", None, "RUS", None, sentence=1))
        if with_events:
            a.events = [
                Event("CONSULT", [ActorRef("Vladimir Putin", "RUS", "GOV", "Q7747", putin, putin + 5)],
                      [ActorRef("Alexander Lukashenko", "BLR", "GOV", "Q14101", luka, luka + 10)],
                      mode="visit", date=published, location=Place("Minsk", "BLR"), sentence=0,
                      evidence=a.sentences[0].text, evidence_start=0, evidence_end=first_end, trigger="met",
                      trigger_start=clean.find("met"), trigger_end=clean.find("met") + 3),
                Event("MOBILIZE", [ActorRef(None, "RUS", None, "RUS")], [], mode="troops", date=published[:7] if published else None,
                      modality="claimed", sentence=1, evidence=a.sentences[-1].text),
            ]
    return a


@pytest.fixture
def make_article():
    return build_article
