"""The JSON API: every endpoint, its errors (one JSON shape, 4xx for bad parameters, 413 for big bodies)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.ingest.pipeline import ingest
from eventwire.web.app import MAX_BODY, create_app
from tests.test_ingest import write_corpus


@pytest.fixture(scope="module")
def client(tmp_path_factory, coder):
    root = tmp_path_factory.mktemp("api")
    db = root / "events.duckdb"
    ingest([str(write_corpus(root / "corpus"))], str(db), coder)
    with TestClient(create_app(str(db), coder)) as c:
        yield c


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["articles"] == 9


def test_events_page_through_the_store(client):
    first = client.get("/v1/events", params={"limit": 3}).json()
    assert len(first["events"]) == 3 and first["total"] > 3 and first["next_offset"] == 3
    second = client.get("/v1/events", params={"limit": 3, "offset": 3}).json()
    ids = {e["event_id"] for e in first["events"]} | {e["event_id"] for e in second["events"]}
    assert len(ids) == 6
    event = first["events"][0]
    assert event["sentence"][event["trigger_offset"] :].startswith(event["trigger"])


def test_event_filters_match_the_cli_filters(client):
    r = client.get("/v1/events", params={"actor": "FRA", "since": "2024-06-01", "until": "2024-06-30"}).json()
    assert r["events"] and all("FRA" in (e["source_country"], e["target_country"]) for e in r["events"])
    assert client.get("/v1/events", params={"root": "19", "actor": "FRA"}).json()["total"] == 0


def test_events_as_csv(client):
    r = client.get("/v1/events", params={"format": "csv", "limit": 2})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[0].startswith("event_id,date,") and len(r.text.splitlines()) == 3


def test_dyads_and_actors(client):
    top = client.get("/v1/dyads", params={"top": 2}).json()["dyads"]
    assert len(top) == 2 and top[0]["events"] >= top[1]["events"]
    series = client.get("/v1/dyads", params={"source": "RUS", "target": "CHN", "by": "month"}).json()["dyads"]
    assert [row["period"] for row in series] == ["2024-05-01"]
    actors = client.get("/v1/actors", params={"top": 3}).json()["actors"]
    assert len(actors) == 3 and {"actor", "events", "as_source", "as_target"} <= set(actors[0])


def test_an_article_with_its_spans(client):
    event = client.get("/v1/events", params={"actor": "FRA", "limit": 1}).json()["events"][0]
    article = client.get(f"/v1/articles/{event['article_id']}").json()
    assert article["mentions"] and article["title"]
    for m in article["mentions"]:
        assert article["text"][m["trigger_start"] : m["trigger_end"]] == m["trigger"]


def test_code_a_text_without_storing_it(client):
    before = client.get("/healthz").json()["articles"]
    r = client.post("/v1/code", json={"text": "Russian troops invaded Ukraine on Thursday.", "date": "2022-02-24"})
    assert r.status_code == 200
    events = r.json()["events"]
    assert events[0]["source"]["country"] == "RUS" and events[0]["target"]["country"] == "UKR"
    assert client.get("/healthz").json()["articles"] == before


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status", "message"),
    [
        ("get", "/v1/events", {"params": {"since": "not-a-date"}}, 400, "since must be a date"),
        ("get", "/v1/events", {"params": {"limit": "-1"}}, 400, "limit must be"),
        ("get", "/v1/events", {"params": {"limit": "ten"}}, 400, "whole numbers"),
        ("get", "/v1/events", {"params": {"colour": "red"}}, 400, "unknown parameter 'colour'"),
        ("get", "/v1/events", {"params": {"format": "xml"}}, 400, "format must be one of"),
        ("get", "/v1/events", {"params": {"root": "99"}}, 400, "root must be"),
        ("get", "/v1/dyads", {"params": {"by": "fortnight"}}, 400, "by must be one of"),
        ("get", "/v1/actors", {"params": {"level": "planet"}}, 400, "level must be one of"),
        ("get", "/v1/articles/nope", {}, 404, "no article 'nope'"),
        ("get", "/v1/nothing", {}, 404, "Not Found"),
        ("post", "/v1/code", {"json": {"text": "x", "colour": 1}}, 422, "colour"),
        ("post", "/v1/code", {"json": {"date": "2024-01-01"}}, 422, "text"),
        ("post", "/v1/code", {"json": {"text": "Iran fired missiles.", "date": "soon"}}, 400, "date must be"),
        ("post", "/v1/code", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, ""),
        ("delete", "/v1/events", {}, 405, "Method Not Allowed"),
    ],
)
def test_errors_are_json_with_one_shape(client, method, url, kwargs, status, message):
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == status
    error = r.json()["error"]
    assert error["status"] == status and message in error["message"]


def test_a_body_over_a_megabyte_is_413(client):
    r = client.post("/v1/code", json={"text": "word " * (MAX_BODY // 4)})
    assert r.status_code == 413 and r.json()["error"]["status"] == 413


def test_a_streamed_body_over_a_megabyte_is_413(client):
    def chunks():
        for _ in range(12):
            yield b"x" * 100_000

    r = client.post("/v1/code", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_the_api_is_described_by_openapi_and_loads_nothing_from_other_hosts(client):
    spec = client.get("/v1/openapi.json").json()
    assert {"/healthz", "/v1/events", "/v1/dyads", "/v1/actors", "/v1/articles/{article_id}", "/v1/code"} <= set(
        spec["paths"]
    )
    assert client.get("/docs").status_code == 404  # the interactive docs would load scripts from a CDN


def test_the_load_script_runs_a_short_bounded_load(tmp_path, coder):
    """scripts/load_api.py (the README's latency figures) against a real server: a short run, no failures."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    db = tmp_path / "load.duckdb"
    ingest([str(write_corpus(tmp_path / "corpus"))], str(db), coder)
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "load_api.py"), "--db", str(db), "--clients", "3", "--seconds", "1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3 clients" in r.stdout and "0 failed" in r.stdout and "p95" in r.stdout


@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("/", 'id="events"'),
        ("/events?actor=FRA", "Macron"),
        ("/dyad?source=RUS&target=CHN&by=week", 'id="dyad-chart"'),
        ("/network", 'id="network-chart"'),
        ("/map", 'id="map-chart"'),
    ],
)
def test_dashboard_pages_render_from_the_store(client, url, marker):
    import re

    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert marker in r.text
    outside = [u for u in re.findall(r'(?:src|href)="(https?://[^"]+)"', r.text) if "127.0.0.1" not in u]
    assert outside == [] or all("example" in u for u in outside), outside  # only articles' own links


def test_the_dyad_page_links_each_period_to_its_events(client):
    r = client.get("/dyad", params={"source": "RUS", "target": "CHN", "by": "month"})
    assert (
        'class="period-link" href="/events?source=RUS&amp;target=CHN&amp;since=2024-05-01&amp;until=2024-05-31"'
        in r.text
    )


def test_an_article_page_marks_every_mention(client):
    event = client.get("/v1/events", params={"actor": "FRA", "limit": 1}).json()["events"][0]
    article = client.get(f"/v1/articles/{event['article_id']}").json()
    page = client.get(f"/articles/{event['article_id']}").text
    spans = {(m["trigger_start"], m["trigger_end"]) for m in article["mentions"]}
    assert page.count('<mark class="trigger"') == len(spans) > 0


def test_a_bad_filter_on_a_page_is_said_on_the_page(client):
    r = client.get("/events", params={"since": "2024-02-30"})
    assert r.status_code == 200 and 'id="error"' in r.text and "since must be a date" in r.text


def test_the_dashboard_serves_its_own_scripts_and_map_shapes(client):
    assert client.get("/static/plotly.min.js").text.startswith("/**\n* plotly.js")
    shapes = client.get("/static/topojson/world_110m.json").json()
    assert shapes["type"] == "Topology"
    assert client.get("/static/topojson/nowhere.json").status_code == 404
    assert "function map()" in client.get("/static/app/dashboard.js").text


def test_the_dyad_page_says_how_many_events_have_no_date(client):
    # the .txt story has no date: its Russia -> Ukraine shelling is in no period
    r = client.get("/dyad", params={"source": "RUS", "target": "UKR"})
    assert 'id="undated"' in r.text and "events without a date" in r.text
