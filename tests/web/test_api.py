"""The JSON API over a hand-filled store: every route, its filters, and the one error shape."""
from __future__ import annotations

import pytest

ERROR_KEYS = {"status", "code", "message", "param"}
HOSTILE = "hostile<script>#0"  # the hostile article's one event (conftest.py)


def assert_error(response, status: int, code: str, param: str | None):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == ERROR_KEYS, body
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["param"] == param
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


# -- the error shape, pinned -----------------------------------------------------------------
@pytest.mark.parametrize("url, param", [
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=abc", "limit"),
    ("/api/events?offset=-1", "offset"),
    ("/api/events?since=2021-3", "since"),
    ("/api/events?until=yesterday", "until"),
    ("/api/events?type=HUG", "type"),
    ("/api/events?quad=friendly", "quad"),
    ("/api/events?modality=maybe", "modality"),
    ("/api/events?dyad=RUS", "dyad"),
    ("/api/events?country=RU", "country"),
    ("/api/events?since=2023&until=2021", "since"),
    ("/api/timeline?interval=hour", "interval"),
    ("/api/dyad", "dyad"),
    ("/api/network?quad=9", "quad"),
    ("/api/network?max_edges=0", "max_edges"),
    ("/api/search", "q"),
    ("/api/search?q=", "q"),
    ("/api/search?q=%2C%2C%2C", "q"),
    ("/api/documents?language=polish", "language"),
])
def test_bad_parameters_are_422_naming_the_parameter(client, url, param):
    error = assert_error(client.get(url), 422, "invalid_parameter", param)
    assert param in error["message"] or error["message"]


@pytest.mark.parametrize("url, param", [
    ("/api/documents/no-such-doc", "doc_id"),
    ("/api/events/no-such%23event", "event_id"),
    ("/api/actors/nobody-at-all", "actor_id"),
])
def test_missing_things_are_404_in_the_same_shape(client, url, param):
    assert_error(client.get(url), 404, "not_found", param)


def test_unknown_route_and_method_use_the_same_shape(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found", None)
    assert_error(client.post("/api/events"), 405, "method_not_allowed", None)


def test_no_write_endpoints(client):
    """The API is read-only: no route accepts anything but GET (and HEAD)."""
    for route in client.app.routes:
        methods = getattr(route, "methods", None) or set()
        assert methods <= {"GET", "HEAD"}, (route.path, methods)


# -- documents -------------------------------------------------------------------------------
def test_documents_list_and_filters(client):
    docs = client.get("/api/documents").json()["documents"]
    assert {d["id"] for d in docs} >= {"pl-one", "en-two", "en-three", "en-undated"}
    pl = client.get("/api/documents?language=pl").json()["documents"]
    assert [d["id"] for d in pl] == ["pl-one"]
    in_2021 = client.get("/api/documents?since=2021&until=2021").json()["documents"]
    assert {d["id"] for d in in_2021} == {"pl-one", "en-two"}


def test_one_document_has_clean_text_mentions_events_and_removed(client):
    doc = client.get("/api/documents/pl-one").json()
    assert doc["clean"].startswith("Władimir Putin spotkał się")
    assert "raw" not in doc
    assert [m["actor_id"] for m in doc["mentions"]] == ["vladimir-putin", "alexander-lukashenko"]
    assert [e["type"] for e in doc["events"]] == ["CONSULT", "AID"]
    assert doc["removed"] == [{"raw_start": 0, "raw_end": 14, "text": "Subscribe now!", "rule": "subscribe_prompt"}]
    assert len(doc["sentences"]) == 2


# -- actors ----------------------------------------------------------------------------------
def test_actors_list_counts_events(client):
    actors = {a["id"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["vladimir-putin"]["events"] == 2
    assert actors["vladimir-putin"]["as_source"] == 2
    assert actors["alexander-lukashenko"]["as_target"] == 2
    assert actors["BLR"]["events"] >= 3  # the state as actor, by its country code


def test_one_actor_with_its_events(client):
    body = client.get("/api/actors/alexander-lukashenko").json()
    actor = body["actor"]
    assert actor["label"] == "Alexander Lukashenko"
    assert actor["events"] == 2 and actor["mentions"] == 2 and actor["documents"] == 2
    assert [p["id"] for p in actor["partners"]] == ["vladimir-putin"]
    assert {e["id"] for e in body["events"]} == {"pl-one#0", "en-two#0"} and body["more"] is False


# -- events ----------------------------------------------------------------------------------
@pytest.mark.parametrize("query, expected", [
    ("", {"pl-one#0", "pl-one#1", "en-two#0", "en-two#1", "en-three#0", "en-three#1", "en-undated#0", HOSTILE}),
    ("actor=vladimir-putin", {"pl-one#0", "en-two#0"}),
    ("actor=Alexander%20Lukashenko", {"pl-one#0", "en-two#0"}),
    ("country=UKR", {"en-three#0", "en-three#1"}),
    ("dyad=RUS-UKR", {"en-three#0"}),
    ("dyad=vladimir-putin%3Ealexander-lukashenko", {"pl-one#0", "en-two#0"}),
    ("type=ASSAULT", {"en-three#0", "en-three#1"}),
    ("type=consult,accuse", {"pl-one#0", "en-two#0", "en-two#1", HOSTILE}),
    ("quad=material_conflict", {"en-three#0", "en-three#1"}),
    ("quad=1", {"pl-one#0", "en-two#0", "en-undated#0"}),
    ("modality=denied", {"en-three#1"}),
    ("modality=planned", {"pl-one#1"}),
    ("since=2022", {"en-three#0", "en-three#1", HOSTILE}),
    ("since=2021-03-03&until=2022-10-09", {"en-two#1", "en-three#1"}),
    ("until=2021-03", {"pl-one#0", "pl-one#1", "en-two#0", "en-two#1"}),
])
def test_event_filters(client, query, expected):
    body = client.get(f"/api/events?{query}&limit=100").json()
    assert {e["id"] for e in body["events"]} == expected


def test_events_are_paged_newest_first_with_undated_last(client):
    first = client.get("/api/events?limit=3").json()
    assert first["more"] is True and len(first["events"]) == 3
    dates = [e["date"] for e in first["events"]]
    assert dates == sorted(dates, reverse=True)
    every, offset = [], 0
    while True:
        page = client.get(f"/api/events?limit=3&offset={offset}").json()
        every += page["events"]
        offset += 3
        if not page["more"]:
            break
    assert len(every) == len({e["id"] for e in every}) == 8
    assert every[-1]["date"] is None


def test_one_event_with_actors_and_related_reports(client):
    e = client.get("/api/events/pl-one%230").json()
    assert e["type"] == "CONSULT" and e["quad"] == "verbal_cooperation"
    assert e["source"][0]["actor_id"] == "vladimir-putin" and e["target"][0]["label"] == "Alexander Lukashenko"
    assert e["evidence"] == "Władimir Putin spotkał się z Aleksandrem Łukaszenką w Soczi."
    assert e["trigger"] == "spotkał"
    assert [r["id"] for r in e["related"]["events"]] == ["en-two#0"]  # same type and sides, another document


# -- charts ----------------------------------------------------------------------------------
def test_timeline_per_month_per_quad(client):
    body = client.get("/api/timeline?interval=month&until=2022").json()
    by = {b["bucket"]: b for b in body["buckets"]}
    assert by["2021-03"]["verbal_cooperation"] == 2 and by["2021-03"]["material_cooperation"] == 1
    assert by["2021-03"]["verbal_conflict"] == 1 and by["2021-03"]["total"] == 4
    assert by["2022-10"]["material_conflict"] == 2
    assert body["imprecise"] == 0  # a date range leaves undated events out


@pytest.mark.parametrize("interval, buckets, imprecise", [
    ("day", ["2021-03-02", "2021-03-03"], 1),   # the month-only AID cannot be placed on a day
    ("week", ["2021-03-01"], 1),                  # ISO weeks start on Monday
    ("year", ["2021"], 0),
])
def test_timeline_intervals_for_an_actor(client, interval, buckets, imprecise):
    body = client.get(f"/api/timeline?interval={interval}&country=BLR&until=2021").json()
    assert [b["bucket"] for b in body["buckets"]] == buckets
    assert body["imprecise"] == imprecise


def test_timeline_for_a_dyad_counts_both_directions(client):
    body = client.get("/api/timeline?dyad=RUS-UKR&interval=day").json()
    assert {b["bucket"]: b["material_conflict"] for b in body["buckets"]} == {"2022-10-08": 1, "2022-10-10": 1}


def test_dyad_balance(client):
    body = client.get("/api/dyad?dyad=RUS-BLR&interval=year").json()
    assert body["labels"] == ["Russia", "Belarus"]
    # A country side takes in every actor of that country: Putin -> Lukashenko counts for RUS-BLR.
    assert [(b["bucket"], b["cooperation"], b["conflict"]) for b in body["buckets"]] == [("2021", 3, 0), ("2024", 0, 1)]
    assert body["buckets"][0]["score"] > 0


def test_network_nodes_and_weighted_edges(client):
    body = client.get("/api/network?until=2022").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("vladimir-putin", "alexander-lukashenko")]["weight"] == 2
    assert edges[("vladimir-putin", "alexander-lukashenko")]["balance"] == 1.0
    assert edges[("RUS", "UKR")]["material_conflict"] == 1
    nodes = {n["id"]: n for n in body["nodes"]}
    assert nodes["vladimir-putin"]["label"] == "Vladimir Putin" and nodes["vladimir-putin"]["weight"] == 2
    narrowed = client.get("/api/network?since=2022-10&until=2022-10").json()
    assert {(e["source"], e["target"]) for e in narrowed["edges"]} == {("RUS", "UKR"), ("UKR", "RUS")}
    ego = client.get("/api/network?actor=POL").json()
    assert {(e["source"], e["target"]) for e in ego["edges"]} == {("POL", "BLR")}


def test_stats(client):
    body = client.get("/api/stats").json()
    assert body["counts"]["documents"] == 5
    assert sum(body["quads"].values()) == 8
    assert body["top_dyads"][0]["source"] == "vladimir-putin"


# -- search ----------------------------------------------------------------------------------
def test_search_endpoint(client):
    body = client.get("/api/search?q=Łukaszenka").json()
    assert {r["doc_id"] for r in body["results"]} >= {"pl-one"}
    assert body["total"] == len(body["results"])
    hit = next(r for r in body["results"] if r["doc_id"] == "pl-one")
    marked = [s["text"][a:b] for s in hit["snippets"] for a, b in s["marks"]]
    assert "Aleksandrem Łukaszenką" in marked or "Łukaszenką" in marked


def test_openapi_documents_every_api_route(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/actors", "/api/events", "/api/timeline", "/api/dyad", "/api/network",
                 "/api/search", "/api/stats"):
        assert path in spec["paths"], path
    shape = spec["components"]["schemas"]["ErrorDetail"]["properties"]
    assert set(shape) == ERROR_KEYS
    assert spec["paths"]["/api/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorResponse"}
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower() and "http" not in page.text.split("<body>")[1]
