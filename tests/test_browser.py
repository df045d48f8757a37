"""The HTML dashboard end to end in real headless Chromium: `eventwire serve` over the bundled samples.

Every page is opened in the browser, its filters used, its charts drawn and its links followed; any request to
another host is refused (and fails the test), as is any console error. Chromium is Debian's (`make browser`
installs it; CI does so through .ci/run); the test fails, rather than skips, without it. With
EVENTWIRE_SCREENSHOTS=DIR each page is also saved as DIR/<page>.png (for the README); otherwise nothing is written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from eventwire.ingest.pipeline import ingest
from tests.conftest import ROOT

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # reported by the `browser` fixture: a failure, not a skip
    sync_playwright = None

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
FILTER_INPUTS = ("actor", "source", "target", "since", "until", "root", "quad", "mode", "min_confidence")
TIMEOUT_MS = 15_000
SHOTS = os.environ.get("EVENTWIRE_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, base: str) -> None:
        self.base = base

    def api(self, path: str, **params) -> dict:
        url = f"{self.base}{path}" + (f"?{urlencode(params)}" if params else "")
        with urllib.request.urlopen(url, timeout=10) as r:
            return json.load(r)


@pytest.fixture(scope="module")
def server(tmp_path_factory, coder):
    """`eventwire serve` (the real command, in its own process) over a store of the bundled samples."""
    root = tmp_path_factory.mktemp("browser")
    db = root / "events.duckdb"
    ingest([str(ROOT / "samples")], str(db), coder)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = root / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "eventwire.cli",
                "serve",
                "--db",
                str(db),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"eventwire serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"eventwire serve did not answer /healthz in 60 s:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield Server(base)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if sync_playwright is None:
        pytest.fail("the Python package playwright is not installed: `make install` (it is a dev dependency)")
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed (no {CHROMIUM}): run `make browser` "
            "(it apt-get installs Debian's chromium; CI does so through .ci/run)"
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Tab:
    """A page whose every request is checked: other hosts are refused and recorded, as are console errors."""

    def __init__(self, browser, server: Server) -> None:
        self.server = server
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.context = browser.new_context(viewport={"width": 1100, "height": 700})
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text} ({m.location})"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))

    def _route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def goto(self, path: str) -> None:
        response = self.page.goto(self.server.base + path)
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"

    def shot(self, name: str) -> None:
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests to other hosts (refused): {self.foreign}"
        assert not self.errors, "console errors:\n" + "\n".join(self.errors)
        assert not self.failed, f"failed requests: {self.failed}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server):
    t = Tab(browser, server)
    try:
        yield t
    finally:
        t.close()


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def _rows(page) -> list[dict]:
    """The events table's rows: their text, whether the evidence marks a trigger, and the article link."""
    page.wait_for_selector("table#events tbody tr")
    return page.eval_on_selector_all(
        "table#events tbody tr",
        """rows => rows.map(r => ({
            text: r.innerText,
            trigger: (r.querySelector('td.evidence mark.trigger') || {}).textContent || null,
            article: (r.querySelector('a.article-link') || {getAttribute: () => null}).getAttribute('href'),
        }))""",
    )


def _check_rows(rows: list[dict]) -> None:
    assert rows, "the events table has no rows"
    for row in rows:
        assert row["trigger"], f"a row without td.evidence mark.trigger: {row['text']!r}"
        assert row["article"] and re.search(r"/articles/[^/?#]+$", row["article"]), f"bad article link: {row}"


def _count(page) -> str:
    text = page.locator("#count").inner_text().strip()
    assert re.search(r"\d+ of \d+ events?", text), f"#count should read like '12 of 74 events', not {text!r}"
    return text


def _plotted(page, selector: str) -> None:
    """A plotly chart drawn in `selector`, with data."""
    page.wait_for_selector(f"{selector} svg.main-svg", state="attached")
    traces = page.eval_on_selector(selector, "el => (el.data || []).length")
    assert traces > 0, f"{selector} has no plotly traces"


def test_events_page_filters_by_actor(tab, server):
    page = tab.page
    tab.goto("/")
    for name in FILTER_INPUTS:
        assert page.locator(f"form#filters [name={name}]").count() == 1, f"form#filters has no input {name!r}"
    assert page.locator("form#filters button#apply").count() == 1
    before = _rows(page)
    _check_rows(before)
    count_before = _count(page)
    tab.shot("events")

    total = server.api("/v1/events", limit=1)["total"]
    actors = server.api("/v1/actors", top=50)["actors"]
    actor = next(a["actor"] for a in actors if re.fullmatch(r"[A-Z]{3}", a["actor"]) and 0 < a["events"] < total)
    expected = server.api("/v1/events", actor=actor, limit=1)["total"]

    page.fill("form#filters [name=actor]", actor)
    page.click("#apply")
    page.wait_for_url(lambda url: _query(url).get("actor") == actor)
    page.wait_for_load_state()
    after = _rows(page)
    _check_rows(after)
    count_after = _count(page)
    assert 0 < len(after) <= expected
    assert str(expected) in re.findall(r"\d+", count_after), f"{count_after!r}: the API has {expected} for {actor}"
    assert count_after != count_before or all(actor in row["text"] for row in after)
    tab.assert_clean()


def test_dyad_chart_leads_to_its_events_and_their_article(tab, server):
    page = tab.page
    # the dyad with most events, all of them dated (so each is in a period of the chart)
    totals: dict[tuple[str, str], int] = {}
    undated = set()
    for r in server.api("/v1/dyads", by="month", top=1000)["dyads"]:
        dyad = (r["source"], r["target"])
        totals[dyad] = totals.get(dyad, 0) + r["events"]
        if r["period"] is None:
            undated.add(dyad)
    source, target = max(set(totals) - undated, key=lambda d: (totals[d], d))
    periods = {r["period"] for r in server.api("/v1/dyads", source=source, target=target, by="month")["dyads"]}

    tab.goto(f"/dyad?source={source}&target={target}&by=month")
    _plotted(page, "#dyad-chart")
    links = page.eval_on_selector_all("a.period-link", "links => links.map(a => a.href)")
    assert len(links) == len(periods), f"{len(links)} a.period-link for the {len(periods)} periods {sorted(periods)}"
    targets = []
    for href in links:
        q = _query(href)
        assert urlsplit(href).path == "/events", href
        assert (q.get("source"), q.get("target")) == (source, target), href
        assert q.get("since") in periods and q.get("until", "") >= q["since"], href
        targets.append(q)
    tab.shot("dyad")

    # a bar is under plotly's drag layer: click where it is drawn, as a user does
    boxes = page.eval_on_selector_all(
        "#dyad-chart .barlayer .point path",
        "ps => ps.map(p => p.getBoundingClientRect()).map(b => ({x: b.x, y: b.y, width: b.width, height: b.height}))",
    )
    assert boxes, "no bar drawn in #dyad-chart"
    box = max(boxes, key=lambda b: b["width"] * b["height"])
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_url(lambda url: urlsplit(url).path == "/events")
    page.wait_for_load_state()
    q = _query(page.url)
    assert {k: q.get(k) for k in ("source", "target", "since", "until")} in [
        {k: t.get(k) for k in ("source", "target", "since", "until")} for t in targets
    ], f"the bar led to {page.url}, not to one of the periods {links}"
    rows = _rows(page)
    _check_rows(rows)
    expected = server.api("/v1/events", source=source, target=target, since=q["since"], until=q["until"], limit=1)
    assert 0 < len(rows) <= expected["total"]

    href = rows[0]["article"]
    article_id = href.rstrip("/").rsplit("/", 1)[-1]
    page.locator("a.article-link").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == f"/articles/{article_id}")
    page.wait_for_selector("#article-text mark.trigger")
    marks = set(page.eval_on_selector_all("#article-text mark.trigger", "ms => ms.map(m => m.textContent)"))
    mentions = {m["trigger"] for m in server.api(f"/v1/articles/{article_id}")["mentions"]}
    assert marks == mentions, f"mark.trigger {sorted(marks)} but the article's mentions have {sorted(mentions)}"
    tab.shot("article")

    # the period links lead to the same pages for those who do not use the chart
    tab.goto(f"/dyad?source={source}&target={target}&by=month")
    page.locator("a.period-link").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/events")
    _check_rows(_rows(page))
    tab.assert_clean()


def test_network_and_map_charts(tab, server):
    page = tab.page
    tab.goto("/network")
    _plotted(page, "#network-chart")
    tab.shot("network")

    topojson: list[int] = []
    page.on("response", lambda r: "/static/topojson/" in r.url and topojson.append(r.status))
    tab.goto("/map")
    _plotted(page, "#map-chart")
    page.wait_for_selector("#map-chart .geolayer path", state="attached")
    assert page.locator("#map-chart .geolayer path").count() > 0, "the map drew no country shapes"
    assert 200 in topojson, f"the country shapes did not come from /static/topojson/ ({topojson})"
    tab.shot("map")
    tab.assert_clean()
