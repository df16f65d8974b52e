"""Server-rendered pages over the hand-filled store: each renders, escapes untrusted text,
and carries the security headers. (tests/web/test_browser.py runs them in Chromium.)"""
from __future__ import annotations

import re

import pytest

PAGES = [
    "/", "/timeline", "/timeline?dyad=RUS-UKR&interval=day", "/timeline?actor=vladimir-putin&type=CONSULT",
    "/timeline?interval=week&country=BLR", "/network", "/network?actor=vladimir-putin", "/actors",
    "/actors/vladimir-putin", "/actors/BLR", "/documents", "/documents?language=pl", "/documents/pl-one",
    "/events/pl-one%230", "/search?q=%C5%81ukaszenka", "/search", "/docs",
    "/documents/hostile%3Cscript%3E", "/events/hostile%3Cscript%3E%230", "/search?q=script",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_with_security_headers(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # Nothing is loaded from elsewhere: every src and href is local.
    for ref in re.findall(r'(?:src|href)="([^"]*)"', r.text):
        assert not re.match(r"(?i)\s*(https?:|//|javascript:)", ref), (url, ref)


@pytest.mark.parametrize("url", ["/documents/hostile%3Cscript%3E", "/events/hostile%3Cscript%3E%230",
                                 "/search?q=script", "/", "/timeline", "/actors"])
def test_untrusted_text_is_escaped(client, url):
    html = client.get(url).text
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script src="/static/app.js" defer>'], scripts  # ours only, no inline script
    for raw in ("<img src=x", "<svg onload", "<iframe", "<style>", "<b onmouseover", 'href="javascript:'):
        assert raw not in html, (url, raw)
    # No element carries an event handler (escaped text has no raw '<', so a match is a real tag).
    assert re.search(r"<[a-zA-Z][^>]*\son\w+\s*=", html) is None


def test_hostile_text_is_shown_as_text(client):
    html = client.get("/documents/hostile%3Cscript%3E").text
    assert "&lt;script&gt;window.__xss = &#39;script&#39;; alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    assert "{{ 7*7 }}" in html  # template syntax in article text stays text


def test_pages_have_one_error_page_shape(client):
    r = client.get("/events/nothing%23here")
    assert r.status_code == 404 and "not found" in r.text and "event_id" in r.text
    r = client.get("/timeline?since=notadate")
    assert r.status_code == 422 and "since" in r.text


def test_static_files_are_served(client):
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
