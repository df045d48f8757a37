"""Questions to the store. One module serves the CLI, the HTTP API and the dashboard.

Every function takes an open connection and validated arguments and returns plain rows (lists of dicts),
built with parameterised SQL only. `EventFilter.parse` turns user strings into a filter or raises QueryError
with a message that says what is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import duckdb

from eventwire.dates import parse_date
from eventwire.errors import QueryError
from eventwire.model import MODES
from eventwire.store.schema import one

PERIODS = ("day", "week", "month", "year")
LEVELS = ("country", "code")
MAX_LIMIT = 100_000
_ACTOR = re.compile(r"^[A-Z0-9]{2,15}$")
_CAMEO = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class EventFilter:
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    root: str | None = None
    cameo: str | None = None
    quad: int | None = None
    mode: str | None = None
    since: date | None = None
    until: date | None = None
    min_confidence: float | None = None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The filters' names, as the CLI options, API parameters and dashboard form use them."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def parse(cls, **raw: Any) -> EventFilter:
        """A filter from user values (strings or numbers, None for no filter); unknown names are refused."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - names)
        if unknown:
            raise QueryError(f"unknown filter {unknown[0]!r}; the filters are {', '.join(sorted(names))}")
        values: dict[str, Any] = {}
        for name, value in raw.items():
            if value is None or value == "":
                continue
            values[name] = _check(name, value)
        if values.get("since") and values.get("until") and values["since"] > values["until"]:
            raise QueryError(f"since {values['since']} is after until {values['until']}")
        return cls(**values)

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """The SQL condition over the events table `alias` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def side(prefix: str, value: str) -> str:
            params.extend([value, value, value])
            return f"({alias}.{prefix}_country = ? OR {alias}.{prefix}_org = ? OR {alias}.{prefix}_code = ?)"

        if self.source:
            clauses.append(side("source", self.source))
        if self.target:
            clauses.append(side("target", self.target))
        if self.actor:
            clauses.append(f"({side('source', self.actor)} OR {side('target', self.actor)})")
        if self.root:
            clauses.append(f"{alias}.root = ?")
            params.append(self.root)
        if self.cameo:
            clauses.append(f"starts_with({alias}.cameo, ?)")
            params.append(self.cameo)
        if self.quad:
            clauses.append(f"{alias}.quad_class = ?")
            params.append(self.quad)
        if self.mode:
            clauses.append(f"{alias}.mode = ?")
            params.append(self.mode)
        if self.since:
            clauses.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date <= ?")
            params.append(self.until)
        if self.min_confidence is not None:
            clauses.append(f"{alias}.confidence >= ?")
            params.append(self.min_confidence)
        return (" AND ".join(clauses) or "TRUE"), params


def _check(name: str, value: Any) -> Any:
    text = str(value).strip()
    if name in ("source", "target", "actor"):
        code = text.upper()
        if not _ACTOR.match(code):
            raise QueryError(f"{name} must be an actor code such as USA, NATO or CHNMIL, not {text!r}")
        return code
    if name == "root":
        if not (text.isdigit() and 1 <= int(text) <= 20):
            raise QueryError(f"root must be a CAMEO root code 01 to 20, not {text!r}")
        return f"{int(text):02d}"
    if name == "cameo":
        if not _CAMEO.match(text):
            raise QueryError(f"cameo must be a CAMEO code of 2 to 4 digits such as 042 or 1831, not {text!r}")
        return text
    if name == "quad":
        if text not in ("1", "2", "3", "4"):
            raise QueryError(f"quad must be a QuadClass 1 to 4, not {text!r}")
        return int(text)
    if name == "mode":
        if text not in MODES:
            raise QueryError(f"mode must be one of {', '.join(MODES)}, not {text!r}")
        return text
    if name in ("since", "until"):
        day = parse_date(text) if len(text) == 10 else None
        if day is None:
            raise QueryError(f"{name} must be a date as YYYY-MM-DD, not {text!r}")
        return day
    if name == "min_confidence":
        try:
            number = float(text)
        except ValueError:
            number = -1.0
        if not 0.0 <= number <= 1.0:
            raise QueryError(f"min_confidence must be a number from 0 to 1, not {text!r}")
        return number
    raise QueryError(f"unknown filter {name!r}")


def check_limit(limit: Any, offset: Any = 0) -> tuple[int, int]:
    try:
        lim, off = int(limit), int(offset)
    except (TypeError, ValueError):
        raise QueryError(f"limit and offset must be whole numbers, not {limit!r} and {offset!r}") from None
    if not 0 <= lim <= MAX_LIMIT:
        raise QueryError(f"limit must be from 0 to {MAX_LIMIT}, not {lim}")
    if off < 0:
        raise QueryError(f"offset must be 0 or more, not {off}")
    return lim, off


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise QueryError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or ()]
    out = []
    for row in cursor.fetchall():
        item = {}
        for name, value in zip(names, row, strict=True):
            item[name] = value.isoformat() if isinstance(value, date) else value
        out.append(item)
    return out


EVENT_COLUMNS = """e.event_id, e.date, e.source_code, e.source_country, e.source_org, e.source_role, e.source_name,
    e.target_code, e.target_country, e.target_org, e.target_role, e.target_name, e.cameo, e.base_code, e.root,
    e.quad_class, e.goldstein, e.plover, e.mode, e.num_mentions, e.num_sources, e.num_articles, e.confidence,
    e.is_root_event, e.first_seen, e.source_url"""


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Events matching the filter, newest first, each with its evidence: the first mention's sentence,
    the trigger's offsets within it, and the article it came from."""
    where, params = flt.where("e")
    sql = f"""SELECT {EVENT_COLUMNS},
            m.sentence, m.trigger, m.trigger_start - m.char_start AS trigger_offset,
            m.source_text, m.target_text, m.speaker_code, m.article_id, a.title, a.url, a.source AS outlet
        FROM events e JOIN mentions m ON m.mention_id = e.first_mention_id
        JOIN articles a ON a.article_id = m.article_id
        WHERE {where} ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ? OFFSET ?"""
    return _rows(con.execute(sql, [*params, limit, offset]))


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    where, params = flt.where("e")
    return int(one(con, f"SELECT count(*) FROM events e WHERE {where}", params)[0])


def _side(prefix: str, level: str) -> str:
    if level == "code":
        return f"coalesce(e.{prefix}_code, '')"
    return f"coalesce(e.{prefix}_country, e.{prefix}_org, e.{prefix}_code, '')"


def dyads(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    by: str | None = None,
    level: str = "country",
    top: int = 20,
) -> list[dict[str, Any]]:
    """Events per dyad (source -> target), or per dyad and period with `by`: counts per QuadClass and mean
    Goldstein. Without `by`, the `top` dyads by events; with it, every period of every matching dyad."""
    where, params = flt.where("e")
    period = f"date_trunc('{by}', e.date)::DATE" if by else "NULL"
    sql = f"""SELECT {_side("source", level)} AS source, {_side("target", level)} AS target,
            {period} AS period, count(*) AS events, sum(e.num_mentions) AS mentions,
            count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
            count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
            count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
            count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
            round(avg(e.goldstein), 2) AS goldstein
        FROM events e WHERE {where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
        GROUP BY 1, 2, 3"""
    if by:
        sql += " ORDER BY 1, 2, 3 NULLS LAST"
        rows = _rows(con.execute(sql, params))
    else:
        sql += " ORDER BY events DESC, mentions DESC, 1, 2 LIMIT ?"
        rows = _rows(con.execute(sql, [*params, top]))
        for row in rows:
            del row["period"]
    return rows


def actors(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, top: int = 20, level: str = "country"
) -> list[dict[str, Any]]:
    """The actors in most events (as source or target), with their counts on each side and mean Goldstein."""
    where, params = flt.where("e")
    sql = f"""WITH sides AS (
            SELECT {_side("source", level)} AS actor, 1 AS as_source, 0 AS as_target, e.goldstein, e.date
            FROM events e WHERE {where} AND e.source_code IS NOT NULL
            UNION ALL
            SELECT {_side("target", level)}, 0, 1, e.goldstein, e.date
            FROM events e WHERE {where} AND e.target_code IS NOT NULL)
        SELECT actor, count(*) AS events, sum(as_source) AS as_source, sum(as_target) AS as_target,
            round(avg(goldstein), 2) AS goldstein, min(date) AS first_date, max(date) AS last_date
        FROM sides GROUP BY actor ORDER BY events DESC, actor LIMIT ?"""
    return _rows(con.execute(sql, [*params, *params, top]))


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts of what the store holds: articles (duplicates included), duplicates, events, mentions ..."""
    articles, duplicates = one(con, "SELECT count(*), count(dup_of) FROM articles") or (0, 0)
    events_, first, last = one(con, "SELECT count(*), min(date), max(date) FROM events") or (0, None, None)
    mentions_, unmatched = one(con, "SELECT count(*), count(*) FILTER (WHERE event_id IS NULL) FROM mentions") or (0, 0)
    files = one(con, "SELECT count(*) FROM files")[0]
    version = one(con, "SELECT value FROM meta WHERE key = 'schema_version'")[0]
    return {
        "articles": articles,
        "duplicates": duplicates,
        "events": events_,
        "mentions": mentions_,
        "mentions_without_event": unmatched,
        "files": files,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "schema_version": int(version),
    }


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article with its text and the spans of its mentions (sentence and trigger offsets into the text)."""
    rows = _rows(
        con.execute(
            """SELECT article_id, url, title, source, author, published, path, record, dup_of, similarity, text
               FROM articles WHERE article_id = ?""",
            [article_id],
        )
    )
    if not rows:
        return None
    found = rows[0]
    found["mentions"] = _rows(
        con.execute(
            """SELECT mention_id, event_id, date, source_code, target_code, cameo, root, quad_class, goldstein,
                      mode, speaker_code, confidence, sentence_index, char_start, char_end, trigger,
                      trigger_start, trigger_end
               FROM mentions WHERE article_id = ? ORDER BY char_start, trigger_start""",
            [article_id],
        )
    )
    return found
