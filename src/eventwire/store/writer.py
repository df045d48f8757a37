"""The single writer: every write to the store goes through StoreWriter.write, one transaction a batch.

A batch is stored whole or not at all, so an ingest killed at any moment leaves the store as it was after its
last committed batch; a rerun skips the articles already stored (by id) and the files already completed.
Within a batch, articles are taken in order: a near-copy of an earlier article is stored `dup_of` it, and every
coded sentence becomes a mention counted towards an event (same source, target, CAMEO base code and kind of
mode, date within a day); a syndicated copy's mention only joins an existing event, it never starts one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import duckdb
import pyarrow as pa

from eventwire import dedup
from eventwire.dates import parse_date
from eventwire.errors import StoreError
from eventwire.model import Actor, Article, Event
from eventwire.store.schema import connect, one

FACT_MODES = ("asserted", "claimed")
ACTOR_COLUMNS = ("code", "country", "org", "role", "name")
# the lead sentences: an event first mentioned there is a "root event" (GDELT's IsRootEvent)
ROOT_SENTENCES = 2


def mode_group(mode: str) -> str:
    return "fact" if mode in FACT_MODES else mode


@dataclass(frozen=True, slots=True)
class FileDone:
    """A file read to its end: recorded so that a rerun can skip it while it is unchanged."""

    path: str
    size: int
    mtime_ns: int
    articles: int
    errors: int


@dataclass(slots=True)
class BatchResult:
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    mentions: int = 0
    new_events: int = 0
    touched: set[int] = field(default_factory=set)
    touched_dates: list[date | None] = field(default_factory=list)


def _date(value: str | None) -> date | None:
    parsed = parse_date(value) if value else None
    return parsed if isinstance(parsed, date) else None


def _actor(prefix: str, actor: Actor | None) -> dict[str, str | None]:
    return {f"{prefix}_{c}": (getattr(actor, c) if actor else None) for c in ACTOR_COLUMNS}


def _mention_id(article_id: str, event: Event) -> str:
    return hashlib.sha1(f"{article_id}|{event.event_id}".encode()).hexdigest()[:16]


EventKey = tuple[str, str, str, str]


def _window(dates: Iterable[Iterable[date | None]]) -> list:
    """[first, last, any undated] over groups of dates: a constant range lets DuckDB skip row groups."""
    flat = [d for group in dates for d in group]
    known = [d for d in flat if d is not None]
    return [min(known, default=None), max(known, default=None), any(d is None for d in flat)]


def _key(event: Event) -> EventKey:
    return (
        event.source.code if event.source else "",
        event.target.code if event.target else "",
        event.cameo[:3],
        mode_group(event.mode),
    )


class StoreWriter:
    """Opens (and migrates) a store for writing. Use as a context manager; one writer per store at a time."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.con = connect(path)
        self._seq = int(one(self.con, "SELECT coalesce(max(seq), 0) FROM articles")[0])
        self._next_event = int(one(self.con, "SELECT coalesce(max(event_id), 0) FROM events")[0]) + 1
        self.copies = dedup.CopyIndex()
        for article_id, blob in self.con.execute(
            "SELECT article_id, minhash FROM articles WHERE dup_of IS NULL AND minhash IS NOT NULL ORDER BY seq"
        ).fetchall():
            self.copies.add(article_id, dedup.from_bytes(blob))

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- what is there already ------------------------------------------------------------------------
    def known_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def completed_files(self) -> dict[str, tuple[int, int]]:
        return {p: (s, m) for p, s, m in self.con.execute("SELECT path, size, mtime_ns FROM files").fetchall()}

    # -- one batch, one transaction ------------------------------------------------------------------
    def write(self, articles: list[Article], files: list[FileDone] | None = None) -> BatchResult:
        result = BatchResult()
        now = datetime.now(UTC).replace(tzinfo=None)
        try:
            self.con.execute("BEGIN TRANSACTION")
            fresh = self._fresh(articles, result)
            article_rows, mention_rows, event_rows, seen_rows = self._assign(fresh, now, result)
            self._insert("articles", article_rows)
            self._insert("mentions", mention_rows)
            self._insert("events", event_rows)
            self._insert("person_observations", seen_rows)
            self._recount(result.touched, result.touched_dates)
            for f in files or ():
                self.con.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                    [f.path, f.size, f.mtime_ns, f.articles, f.errors, now],
                )
            self.con.execute("COMMIT")
        except duckdb.Error as e:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: writing a batch failed: {str(e).splitlines()[0]}") from e
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return result

    def replace_imported(self, source: str, rows: list[dict]) -> None:
        """What one dictionary file imports, in place of what it imported before: one transaction."""
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute("DELETE FROM imported_actors WHERE source = ?", [source])
            self._insert("imported_actors", rows)
            self.con.execute("COMMIT")
        except duckdb.Error as e:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: importing {source} failed: {str(e).splitlines()[0]}") from e

    def _fresh(self, articles: list[Article], result: BatchResult) -> list[Article]:
        """The batch without articles already stored (by id) or repeated within it."""
        ids = list({a.id for a in articles})
        stored: set[str] = set()
        if ids:
            rows = self.con.execute("SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [ids])
            stored = {r[0] for r in rows.fetchall()}
        out = []
        for a in articles:
            if a.id in stored:
                result.skipped += 1
                continue
            stored.add(a.id)
            out.append(a)
        return out

    def _existing_events(self, keys: dict[EventKey, list[date | None]]) -> dict[EventKey, list[tuple]]:
        """Stored events that mentions with these keys could join: key -> [(date, event_id)]."""
        found: dict[EventKey, list[tuple]] = defaultdict(list)
        if not keys:
            return found
        table = pa.table(
            {
                "s": [k[0] for k in keys],
                "t": [k[1] for k in keys],
                "b": [k[2] for k in keys],
                "g": [k[3] for k in keys],
                "lo": pa.array([min((d for d in ds if d), default=None) for ds in keys.values()], pa.date32()),
                "hi": pa.array([max((d for d in ds if d), default=None) for ds in keys.values()], pa.date32()),
                "undated": [any(d is None for d in ds) for ds in keys.values()],
            }
        )
        self.con.register("batch_keys", table)
        try:
            rows = self.con.execute(
                """SELECT k.s, k.t, k.b, k.g, e.date, e.event_id FROM events e JOIN batch_keys k
                   ON coalesce(e.source_code, '') = k.s AND coalesce(e.target_code, '') = k.t
                   AND e.base_code = k.b AND e.mode_group = k.g
                   AND ((e.date BETWEEN k.lo - INTERVAL 1 DAY AND k.hi + INTERVAL 1 DAY) OR (e.date IS NULL AND k.undated))
                   WHERE (e.date BETWEEN ?::DATE - INTERVAL 1 DAY AND ?::DATE + INTERVAL 1 DAY) OR (e.date IS NULL AND ?)""",
                _window(keys.values()),
            ).fetchall()
        finally:
            self.con.unregister("batch_keys")
        for s, t, b, g, d, event_id in rows:
            found[(s, t, b, g)].append((d, event_id))
        return found

    def _assign(self, articles: list[Article], now: datetime, result: BatchResult) -> tuple[list, list, list, list]:
        """Rows of articles, mentions, new events and person observations for a batch, in order."""
        keys: dict[EventKey, list[date | None]] = defaultdict(list)
        for a in articles:
            for e in a.events:
                keys[_key(e)].append(_date(e.date))
        events_by_key = self._existing_events(keys)
        article_rows, mention_rows, event_rows, seen_rows = [], [], [], []
        for a in articles:
            sig = dedup.from_bytes(a.signature)
            copy = self.copies.find(sig)
            self._seq += 1
            if copy is None:
                self.copies.add(a.id, sig)
                result.stored += 1
            else:
                result.duplicates += 1
            article_rows.append(
                {
                    "article_id": a.id,
                    "seq": self._seq,
                    "url": a.url,
                    "title": a.title,
                    "source": a.source,
                    "author": a.author,
                    "published": _date(a.published),
                    "text": a.text,
                    "path": a.path,
                    "record": a.record,
                    "dup_of": copy[0] if copy else None,
                    "similarity": copy[1] if copy else None,
                    "minhash": a.signature,
                    "n_mentions": len(a.events),
                    "ingested_at": now,
                }
            )
            for o in a.observations:
                seen_rows.append(
                    {
                        "article_id": a.id,
                        "name": o.name,
                        "country": o.country,
                        "org": o.org,
                        "role": o.role,
                        "date": _date(a.published),
                        "sentence_index": o.sentence_index,
                        "sentence": o.sentence,
                    }
                )
            for e in a.events:
                key = _key(e)
                when = _date(e.date)
                event_id = self._match(events_by_key[key], when)
                if event_id is None and copy is None:
                    event_id = self._next_event
                    self._next_event += 1
                    events_by_key[key].append((when, event_id))
                    event_rows.append(self._event_row(event_id, a, e, key, when, now))
                    result.new_events += 1
                if event_id is not None:
                    result.touched.add(event_id)
                    result.touched_dates.append(when)
                mention_rows.append(self._mention_row(a, e, event_id, when, copy is not None))
                result.mentions += 1
        return article_rows, mention_rows, event_rows, seen_rows

    @staticmethod
    def _match(candidates: list[tuple], when: date | None) -> int | None:
        """The event (nearest in date, then oldest) a mention on `when` joins, or None."""
        best: tuple[int, int] | None = None
        for d, event_id in candidates:
            if d is None or when is None:
                if d is None and when is None and (best is None or (0, event_id) < best):
                    best = (0, event_id)
                continue
            gap = abs((d - when).days)
            if gap <= 1 and (best is None or (gap, event_id) < best):
                best = (gap, event_id)
        return best[1] if best else None

    @staticmethod
    def _mention_row(a: Article, e: Event, event_id: int | None, when: date | None, in_dup: bool) -> dict:
        row: dict = {"mention_id": _mention_id(a.id, e), "article_id": a.id, "event_id": event_id, "date": when}
        row.update(_actor("source", e.source))
        row["source_text"] = e.source.text if e.source else None
        row.update(_actor("target", e.target))
        row["target_text"] = e.target.text if e.target else None
        for name in ("cameo", "root", "quad_class", "goldstein", "plover", "mode"):
            row[name] = getattr(e, name)
        row["speaker_code"] = e.speaker.code if e.speaker else None
        for name in ("sentence_index", "sentence", "char_start", "char_end", "trigger", "trigger_start"):
            row[name] = getattr(e, name)
        row["trigger_end"] = e.trigger_end
        row["confidence"] = e.confidence
        row["in_duplicate"] = in_dup
        row["outlet"] = a.source or a.id
        return row

    @staticmethod
    def _event_row(event_id: int, a: Article, e: Event, key: EventKey, when: date | None, now: datetime) -> dict:
        row: dict = {"event_id": event_id, "date": when}
        row.update(_actor("source", e.source))
        row.update(_actor("target", e.target))
        row.update(
            {
                "cameo": e.cameo,
                "base_code": key[2],
                "root": e.root,
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "plover": e.plover,
                "mode": e.mode,
                "mode_group": key[3],
                "num_mentions": 1,
                "num_sources": 1,
                "num_articles": 1,
                "confidence": e.confidence,
                "first_seen": now,
                "first_mention_id": _mention_id(a.id, e),
                "is_root_event": e.sentence_index < ROOT_SENTENCES,
                "source_url": a.url,
            }
        )
        return row

    def _insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows)
        self.con.register("batch_rows", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch_rows")
        finally:
            self.con.unregister("batch_rows")

    def _recount(self, touched: set[int], dates: list[date | None] | None = None) -> None:
        """Counts, mean confidence and mode of the events this batch added mentions to. Their mentions are dated
        within a day of the mentions just added (`dates`), which bounds the scan of the mentions table."""
        if not touched:
            return
        first, last, undated = _window([dates]) if dates else [None, None, True]
        if first is None:
            first = last = date(1, 1, 2)
        self.con.execute(
            """UPDATE events SET num_mentions = c.n, num_articles = c.a, num_sources = c.s, confidence = c.conf,
                   mode = CASE WHEN events.mode_group = 'fact' THEN c.fact_mode ELSE events.mode_group END
               FROM (SELECT m.event_id, count(*) AS n, count(DISTINCT m.article_id) AS a,
                            count(DISTINCT m.outlet) AS s,
                            round(avg(m.confidence), 3) AS conf,
                            CASE WHEN bool_or(m.mode = 'asserted') THEN 'asserted' ELSE 'claimed' END AS fact_mode
                     FROM mentions m
                     WHERE m.event_id IN (SELECT unnest(?))
                       AND ((m.date BETWEEN ?::DATE - INTERVAL 2 DAY AND ?::DATE + INTERVAL 2 DAY)
                            OR (m.date IS NULL AND ?))
                     GROUP BY m.event_id) c
               WHERE events.event_id = c.event_id""",
            [sorted(touched), first, last, undated or dates is None],
        )
