"""The pairwise rule: which two reports are one real-world event, and why."""
import dataclasses

import pytest

from kronika.stories.merge import Report, compare, compare_dates, make_side, settings_from_dict, load_settings
from kronika.errors import ResourceError

from story_helpers import event


def report(eid: str, e) -> Report:
    return Report(id=eid, doc_id=eid.split("#")[0], type=e.type, date=e.date,
                  place=e.location.name if e.location else None, source=make_side(e.source),
                  target=make_side(e.target), modality=e.modality, mode=e.mode)


def decide(e1, e2):
    return compare(report("a#0", e1), report("b#0", e2))


@pytest.mark.parametrize("a, b, expected", [
    ("2022-12-19", "2022-12-19", "day"),
    ("2022-12-19", "2022-12-20", "near"),      # tolerance of one day (merge.yaml)
    ("2022-12-19", "2022-12-21", "conflict"),
    ("2022-12-31", "2023-01-01", "near"),      # across New Year
    ("2022-12", "2022-12-19", "month"),
    ("2022", "2022-12-19", "year"),
    ("2022-11", "2022-12-19", "conflict"),
    ("2021", "2022-12", "conflict"),
    (None, "2022-12-19", None),
    ("garbage", "2022-12", None),
])
def test_dates_compare_at_their_precision(a, b, expected):
    assert compare_dates(a, b, tolerance_days=1) == expected
    assert compare_dates(b, a, tolerance_days=1) == expected


@pytest.mark.parametrize("name, e1, e2, linked, veto", [
    ("same meeting, same day, sides swapped (symmetric type)",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", "Moscow"),
     event("CONSULT", ["lukashenko"], ["putin"], "2023-04-05", "Moscow"), True, None),
    ("same meeting, one report knows only the month and the country",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", "Moscow"),
     event("CONSULT", ["putin"], ["BLR"], "2023-04"), True, None),
    ("same two men, dates two days apart: two meetings",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05"),
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-07"), False, "date"),
    ("same two men, different months",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04"),
     event("CONSULT", ["putin"], ["lukashenko"], "2023-06"), False, "date"),
    ("same day, different cities",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", "Moscow"),
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", "Minsk"), False, "place"),
    ("different partner",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05"),
     event("CONSULT", ["putin"], ["aliyev"], "2023-04-05"), False, "actors"),
    ("different person of the same country",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05"),
     event("CONSULT", ["lavrov"], ["lukashenko"], "2023-04-05"), False, "actors"),
    ("phone call and visit",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", mode="phone"),
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", mode="visit"), False, "mode"),
    ("other type",
     event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05"),
     event("AGREE", ["putin"], ["lukashenko"], "2023-04-05"), False, "type"),
    ("accusation reversed is another accusation (not symmetric)",
     event("ACCUSE", ["tusk"], ["putin"], "2023-04-05"),
     event("ACCUSE", ["putin"], ["tusk"], "2023-04-05"), False, "actors"),
    ("countries only, same day: too little",
     event("ASSAULT", ["RUS"], ["UKR"], "2023-04-05"),
     event("ASSAULT", ["RUS"], ["UKR"], "2023-04-05"), False, None),
    ("countries only, same day, same place and mode",
     event("ASSAULT", ["RUS"], ["UKR"], "2023-04-05", "Kyiv", mode="aerial"),
     event("ASSAULT", ["RUS"], ["UKR"], "2023-04-05", "Kyiv", mode="aerial"), True, None),
    ("undated, named both sides, same place",
     event("CONSULT", ["putin"], ["lukashenko"], None, "Sochi"),
     event("CONSULT", ["putin"], ["lukashenko"], "2023-09-15", "Sochi"), True, None),
    ("undated, named both sides, no place: the same two men meet often",
     event("CONSULT", ["putin"], ["lukashenko"], None),
     event("CONSULT", ["putin"], ["lukashenko"], "2023-09-15", "Sochi"), False, None),
    ("undated, a country on one side",
     event("CONSULT", ["putin"], ["BLR"], None, "Sochi"),
     event("CONSULT", ["putin"], ["lukashenko"], "2023-09-15", "Sochi"), False, None),
    ("same speaker, same day, no target in one",
     event("THREATEN", ["lukashenko"], [], "2023-04-05"),
     event("THREATEN", ["lukashenko"], ["POL"], "2023-04-05"), True, None),
    ("same speaker, same month only, no target",
     event("THREATEN", ["lukashenko"], [], "2023-04"),
     event("THREATEN", ["lukashenko"], [], "2023-04-05"), False, None),
    ("no actor in common at all",
     event("PROTEST", [], ["POL"], "2023-04-05", "Warsaw"),
     event("PROTEST", ["BLR"], [], "2023-04-05", "Warsaw"), False, None),
])
def test_pairwise_rule(name, e1, e2, linked, veto):
    forward, backward = decide(e1, e2), decide(e2, e1)
    assert forward.linked is linked, (name, forward)
    assert forward.veto == veto, (name, forward)
    assert (backward.linked, backward.score, backward.veto) == (forward.linked, forward.score, forward.veto)


def test_decision_says_what_agreed():
    d = decide(event("CONSULT", ["putin"], ["lukashenko"], "2023-04-05", "Moscow", mode="visit"),
               event("CONSULT", ["lukashenko"], ["putin"], "2023-04-05", "Moscow", mode="visit"))
    assert d.agreed == {"type": "CONSULT", "source": "named", "target": "named", "orientation": "swapped",
                        "date": "day", "place": "Moscow", "mode": "visit"}
    w = load_settings().weights
    assert d.score == pytest.approx(2 * w["named"] + w["date_day"] + w["place"] + w["mode"])


def test_one_sided_pairs_can_be_asked_for_more():
    strict = dataclasses.replace(load_settings(), one_sided_threshold=5.0)
    a = report("a#0", event("THREATEN", ["lukashenko"], [], "2023-04-05"))
    b = report("b#0", event("THREATEN", ["lukashenko"], ["POL"], "2023-04-05"))
    assert not compare(a, b, strict).linked
    a = report("a#0", event("THREATEN", ["lukashenko"], [], "2023-04-05", "Minsk", mode="violence"))
    b = report("b#0", event("THREATEN", ["lukashenko"], [], "2023-04-05", "Minsk", mode="violence"))
    assert compare(a, b, strict).linked


def test_settings_name_what_is_wrong():
    with pytest.raises(ResourceError, match="unknown veto"):
        settings_from_dict({"weights": {k: 1 for k in ("named", "country", "date_day", "date_near", "date_month",
                                                       "date_year", "place", "mode")},
                            "threshold": 1, "vetoes": ["colour"]})
    with pytest.raises(ResourceError, match="missing or malformed"):
        settings_from_dict({"threshold": 1})
