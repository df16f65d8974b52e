"""The web UI in a real browser: Debian's Chromium driven by Playwright, over a store filled
through the real pipeline (demo articles plus a hostile one). Screenshots go to
test-output/screenshots/. Never downloads a browser: without /usr/bin/chromium these skip."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from urllib.parse import unquote

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install -y chromium; .ci/run does it)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(demo_db):
    import uvicorn

    from kronika.web.app import create_app, warm_up

    warm_up(demo_db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page that records console errors, uncaught errors and dialogs (an XSS would open one)."""

    def __init__(self, page):
        self.page, self.errors, self.dialogs = page, [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    yield watched
    context.close()
    assert watched.dialogs == [], f"a dialog opened: {watched.dialogs}"
    assert watched.errors == [], f"console errors (a CSP violation shows here): {watched.errors}"


@pytest.mark.parametrize("name, path, expect", [
    ("overview", "/", "Top dyads"),
    ("timeline", "/timeline", "Events per month"),
    ("network", "/network", "Actor network"),
    ("actors", "/actors", "In events"),
    ("documents", "/documents", "Documents"),
    ("search", "/search?q=%C5%81ukaszenka", "documents"),
])
def test_each_page_opens(page, base_url, name, path, expect):
    response = page.page.goto(base_url + path)
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert expect in page.page.inner_text("main")
    page.shot(name)


def test_filter_the_timeline(page, base_url):
    p = page.page
    p.goto(base_url + "/timeline")
    types = [t.strip() for t in p.locator("table.events td:nth-child(2) strong").all_inner_texts()]
    assert len(set(types)) > 1
    chosen = types[0]
    with p.expect_navigation():
        p.select_option("select[name=type]", chosen)  # app.js submits on change
    assert f"type={chosen}" in p.url
    shown = {t.strip() for t in p.locator("table.events td:nth-child(2) strong").all_inner_texts()}
    assert shown == {chosen}
    p.fill("input[name=dyad]", "RUS-BLR")
    p.fill("input[name=since]", "2020")
    with p.expect_navigation():
        p.click("#timeline-filters button[type=submit]")
    assert "dyad=RUS-BLR" in p.url and "since=2020" in p.url
    assert p.locator("svg.chart").count() >= 1
    page.shot("timeline-filtered")


def test_cooperation_versus_conflict_chart_for_a_dyad(page, base_url):
    p = page.page
    p.goto(base_url + "/timeline?dyad=RUS-BLR&interval=month")
    section = p.locator("#dyad-balance")
    assert "Russia" in section.inner_text() and "Belarus" in section.inner_text()
    assert section.locator("svg rect").count() >= 1
    page.shot("timeline-dyad")


def test_click_a_network_node(page, base_url):
    p = page.page
    p.goto(base_url + "/network")
    nodes = p.locator("svg.network a.node")
    assert nodes.count() >= 3
    assert p.locator("svg.network line.edge").count() >= 2
    target = nodes.first
    node_id = target.get_attribute("data-id")
    target.hover()
    assert "focus" in (p.locator("svg.network").get_attribute("class") or "")  # app.js lights its edges
    with p.expect_navigation():
        target.click()
    assert "actor=" in p.url and unquote(p.url.split("actor=")[1].split("&")[0]) == node_id
    assert p.locator(f'svg.network a.node.selected[data-id="{node_id}"]').count() == 1
    for edge in p.locator("svg.network line.edge").all():
        assert node_id in (edge.get_attribute("data-source"), edge.get_attribute("data-target"))
    assert p.locator("#actor-events table.events tbody tr").count() >= 1
    page.shot("network-node")


def test_open_an_event_and_see_its_evidence(page, base_url):
    p = page.page
    p.goto(base_url + "/timeline")
    with p.expect_navigation():
        p.locator("a.event-link").first.click()
    assert "/events/" in p.url
    quote = p.inner_text("blockquote.evidence-quote").strip()
    assert quote
    highlighted = p.locator("#doc-text .evidence")
    assert highlighted.count() >= 1
    assert " ".join(t for t in highlighted.all_inner_texts()).replace("\n", " ").split() == quote.split()
    assert p.locator("#doc-text .trigger").count() >= 1
    assert p.locator("#evidence").is_visible()
    assert "Other reports of this event" in p.inner_text("#related")
    page.shot("event")


def test_document_page_marks_mentions_and_shows_removed(page, base_url, demo_db):
    from kronika.store import connect

    conn = connect(demo_db, readonly=True)
    busiest = conn.execute("SELECT doc_id FROM events GROUP BY doc_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    conn.close()
    p = page.page
    p.goto(base_url + "/documents/" + busiest)
    assert p.locator("#doc-text .mention").count() >= 3
    assert p.locator("#doc-text .trigger").count() >= 1
    assert "What cleaning removed" in p.inner_text("main")
    page.shot("document")


def test_api_docs_page_runs_from_vendored_files(page, base_url):
    p = page.page
    p.goto(base_url + "/docs")
    p.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert "/api/events" in p.inner_text("body")
    page.shot("api-docs")


def test_hostile_article_runs_nothing(page, base_url, demo_db):
    """Scripts, event handlers and javascript: links in an article show as text and never run:
    no dialog opens and no injected script sets its window flag, on every page that shows it."""
    from kronika.store import connect

    conn = connect(demo_db, readonly=True)
    docs = [r[0] for r in conn.execute("SELECT id FROM documents WHERE id LIKE '%hostile%'")]
    events = [r[0] for r in conn.execute("SELECT id FROM events WHERE doc_id LIKE '%hostile%'")]
    conn.close()
    assert len(docs) == 3 and events  # the .txt and .html files, and the hand-made article with an event
    from urllib.parse import quote

    p = page.page
    paths = [f"/documents/{quote(d, safe='')}" for d in docs] + [f"/events/{quote(e, safe='')}" for e in events]
    paths += ["/search?q=script", "/search?q=minister", "/", "/timeline", "/documents",
              "/search?q=%3Cscript%3Ealert(7)%3C%2Fscript%3E", "/timeline?actor=%3Cimg%20src%3Dx%20onerror%3Dalert(8)%3E"]
    for path in paths:
        p.goto(base_url + path)
        assert p.evaluate("typeof window.__xss") == "undefined", path
        assert p.evaluate("Array.from(document.querySelectorAll('a[href]'))"
                          ".filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length") == 0, path
    p.goto(base_url + paths[0])
    text = p.inner_text("#doc-text")
    assert "<script>" in text and "onerror=" in text  # shown as text
    assert p.locator("#doc-text script, #doc-text img, #doc-text iframe, #doc-text svg, #doc-text style").count() == 0
    page.shot("hostile-document")
