"""Stories: documents grouped by shared merged events, and by shared named actors in time."""
import pytest

from kronika.store import Store
from kronika.stories.stories import days_apart, find_stories

from story_helpers import article, event


@pytest.mark.parametrize("a, b, days", [
    ("2023-04-05", "2023-04-05", 0),
    ("2023-04-05", "2023-04-12", 7),
    ("2023-04", "2023-04-20", 0),     # inside the month
    ("2023-04", "2023-05-03", 3),     # from the month's last day
    ("2023", "2024-01-02", 2),
    (None, "2023-04-05", None),
])
def test_days_apart_at_precision(a, b, days):
    assert days_apart(a, b) == days == days_apart(b, a)


@pytest.fixture
def store(tmp_path):
    docs = [
        # one meeting reported in two languages: one merged event
        article("en-meeting", event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", "Moscow"),
                published="2023-04-05"),
        article("pl-meeting", event("CONSULT", ["lukashenko"], ["putin"], "2023-04-05", "Moscow"),
                published="2023-04-06", language="pl"),
        # the same two men in other events three days later: same story by shared actors
        article("ru-followup", event("AGREE", ["putin"], ["lukashenko"], "2023-04-09"),
                published="2023-04-09", language="ru"),
        # the same two men a month later: another story
        article("uk-later", event("REQUEST", ["lukashenko"], ["putin"], "2023-05-20"),
                published="2023-05-20", language="uk"),
        article("uk-later2", event("REJECT", ["putin"], ["lukashenko"], "2023-05-21"),
                published="2023-05-22", language="uk"),
        # one shared actor only: not enough
        article("other", event("CONSULT", ["putin"], ["aliyev"], "2023-04-07"), published="2023-04-07"),
    ]
    with Store(tmp_path / "k.db") as s:
        for d in docs:
            s.write(d)
        yield s


def test_stories_group_by_events_and_actors(store):
    stories = find_stories(store.conn)
    groups = [[d["id"] for d in s["documents"]] for s in stories]
    assert groups == [["en-meeting", "pl-meeting", "ru-followup"], ["uk-later", "uk-later2"]]
    first = stories[0]
    assert (first["first"], first["last"], first["shared_events"]) == ("2023-04-05", "2023-04-09", 1)
    assert first["languages"] == ["en", "pl", "ru"]
    assert {a["id"] for a in first["actors"]} == {"vladimir-putin", "alexander-lukashenko"}


def test_story_filters(store):
    assert [s["id"] for s in find_stories(store.conn, since="2023-05")] == ["uk-later"]
    assert [s["id"] for s in find_stories(store.conn, until="2023-04")] == ["en-meeting"]
    assert find_stories(store.conn, actor="Ilham Aliyev") == []
    assert len(find_stories(store.conn, min_documents=1)) == 3
