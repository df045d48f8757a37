"""The store: the single writer, syndication marks, mentions counted once as events, migrations, queries and
exports. Built from hand-made articles so that each count is known."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest

from eventwire import dedup
from eventwire.errors import QueryError, StoreError
from eventwire.export import GDELT_COLUMNS, export
from eventwire.model import Actor, Article, Event
from eventwire.store import queries, schema
from eventwire.store.queries import EventFilter
from eventwire.store.writer import FileDone, StoreWriter

CHN = Actor("China", "CHN", "CHN", None, None)
RUS = Actor("Russia", "RUS", "RUS", None, None)
USA = Actor("Washington", "USAGOV", "USA", None, "GOV")
NATO = Actor("NATO", "IGONATO", None, "NATO", "IGO")


def event(source, target, cameo="042", date="2024-03-01", mode="asserted", index=0, confidence=0.8) -> Event:
    sentence = f"{source.text if source else 'Someone'} acted towards {target.text if target else 'someone'}."
    return Event(
        event_id=f"{cameo}-{index}-{mode}-{source.code if source else ''}-{target.code if target else ''}",
        doc_id="d",
        date=date,
        source=source,
        target=target,
        cameo=cameo,
        root=cameo[:2],
        quad_class={"04": 1, "05": 1, "06": 2, "11": 3, "19": 4}.get(cameo[:2], 1),
        goldstein={"04": 1.0, "05": 3.0, "11": -2.0, "19": -10.0}.get(cameo[:2], 0.0),
        plover=None,
        mode=mode,
        speaker=None,
        sentence_index=index,
        sentence=sentence,
        char_start=0,
        char_end=len(sentence),
        trigger="acted",
        trigger_start=sentence.index("acted"),
        trigger_end=sentence.index("acted") + 5,
        confidence=confidence,
    )


STORY = (
    "Chinese and Russian diplomats held a long round of talks in Beijing on Friday about trade, energy supplies, "
    "border crossings and the war in Ukraine, according to officials from both governments who attended."
)


def article(text: str = STORY, *events: Event, url: str | None = None, source: str | None = "Wire") -> Article:
    return Article(
        id=dedup.article_id(url, text),
        text=text,
        published="2024-03-01",
        url=url,
        title=None,
        source=source,
        author=None,
        path="x.jsonl",
        record=1,
        signature=dedup.to_bytes(dedup.signature(text)),
        events=tuple(events),
    )


def other(n: int) -> str:
    """A text unlike every other: distinct words, so no MinHash match."""
    return " ".join(f"word{n}x{i}" for i in range(40))


@pytest.fixture
def store(tmp_path):
    return str(tmp_path / "s.duckdb")


def counts(path: str) -> dict:
    with schema.connect(path, read_only=True) as con:
        return queries.stats(con)


def all_events(path: str) -> list[tuple]:
    with schema.connect(path, read_only=True) as con:
        return con.execute(
            "SELECT source_code, target_code, base_code, mode, date::VARCHAR, num_mentions, num_articles, "
            "num_sources, confidence FROM events ORDER BY event_id"
        ).fetchall()


# -- counting mentions once -------------------------------------------------------------------------------
def test_mentions_within_a_day_are_one_event(store):
    with StoreWriter(store) as w:
        w.write([article(other(1), event(CHN, RUS, date="2024-03-01", confidence=0.6), source="A")])
        w.write([article(other(2), event(CHN, RUS, cameo="0421", date="2024-03-02", confidence=1.0), source="B")])
    assert all_events(store) == [("CHN", "RUS", "042", "asserted", "2024-03-01", 2, 2, 2, pytest.approx(0.8))]
    assert counts(store)["mentions"] == 2


def test_a_gap_of_two_days_or_another_base_code_or_dyad_is_another_event(store):
    with StoreWriter(store) as w:
        w.write(
            [
                article(other(1), event(CHN, RUS, date="2024-03-01")),
                article(other(2), event(CHN, RUS, date="2024-03-03")),
                article(other(3), event(CHN, RUS, cameo="043")),
                article(other(4), event(RUS, CHN)),
            ]
        )
    assert counts(store)["events"] == 4


def test_mentions_in_one_article_count_one_article_and_one_source(store):
    with StoreWriter(store) as w:
        w.write([article(other(1), event(CHN, RUS, index=0), event(CHN, RUS, index=3))])
    assert all_events(store)[0][5:8] == (2, 1, 1)


def test_claims_join_facts_but_negations_stand_apart(store):
    with StoreWriter(store) as w:
        w.write([article(other(1), event(CHN, RUS, mode="claimed"))])
    assert all_events(store)[0][3] == "claimed"
    with StoreWriter(store) as w:
        w.write([article(other(2), event(CHN, RUS, mode="asserted"), event(CHN, RUS, mode="negated", index=1))])
    rows = all_events(store)
    assert [(r[3], r[5]) for r in rows] == [("asserted", 2), ("negated", 1)]


# -- syndication ------------------------------------------------------------------------------------------
def test_a_syndicated_copy_is_marked_and_makes_no_new_event(store):
    original = article(STORY, event(CHN, RUS), url="https://a.example/story", source="A")
    copy_text = "(WIRE SERVICE) -- " + STORY
    copy = article(copy_text, event(CHN, RUS), event(CHN, USA, index=1), url="https://b.example/x", source="B")
    with StoreWriter(store) as w:
        w.write([original])
        result = w.write([copy])
    assert result.duplicates == 1
    with schema.connect(store, read_only=True) as con:
        assert con.execute("SELECT dup_of FROM articles WHERE article_id = ?", [copy.id]).fetchone() == (original.id,)
        unmatched = con.execute("SELECT target_code FROM mentions WHERE event_id IS NULL").fetchall()
    assert unmatched == [("USAGOV",)]  # the copy's own event has no original to join: not a new event
    stats = counts(store)
    assert (stats["articles"], stats["duplicates"], stats["events"], stats["mentions"]) == (2, 1, 1, 3)
    assert all_events(store)[0][5:8] == (2, 2, 2)


def test_different_stories_are_not_duplicates(store):
    with StoreWriter(store) as w:
        w.write([article(other(1)), article(other(2)), article(STORY)])
    assert counts(store)["duplicates"] == 0


def test_the_copy_index_is_rebuilt_when_the_store_is_opened_again(store):
    with StoreWriter(store) as w:
        w.write([article(STORY)])
    with StoreWriter(store) as w:
        assert w.write([article("Updated: " + STORY)]).duplicates == 1


def test_article_ids_come_from_normalised_urls_or_text():
    a = dedup.article_id("https://www.example.com/world/story/?utm_source=x#top", "one text")
    b = dedup.article_id("http://example.com/world/story", "another text")
    assert a == b
    assert dedup.article_id(None, "Same  words,\nsame TEXT.") == dedup.article_id(None, "same words same text")
    assert dedup.article_id(None, "one text") != dedup.article_id(None, "two text")


# -- idempotence and transactions ----------------------------------------------------------------------
def test_writing_the_same_articles_again_changes_nothing(store):
    batch = [article(other(1), event(CHN, RUS)), article(STORY, event(RUS, CHN))]
    with StoreWriter(store) as w:
        w.write(batch)
    before = counts(store), all_events(store)
    with StoreWriter(store) as w:
        assert w.write(batch).skipped == 2
    assert (counts(store), all_events(store)) == before


def test_a_failed_batch_leaves_no_trace(store, monkeypatch):
    with StoreWriter(store) as w:
        w.write([article(other(1), event(CHN, RUS))], [FileDone("/a", 1, 1, 1, 0)])
    before = counts(store)
    with StoreWriter(store) as w:

        def broken(touched, dates=None):
            raise duckdb.IOException("disk full")

        monkeypatch.setattr(w, "_recount", broken)
        with pytest.raises(StoreError, match="writing a batch failed: disk full"):
            w.write([article(other(2), event(CHN, RUS))], [FileDone("/b", 1, 1, 1, 0)])
    assert counts(store) == before


# -- schema and migrations ----------------------------------------------------------------------------
def test_a_new_store_is_at_the_latest_schema_version(store):
    with schema.connect(store) as con:
        assert schema.schema_version(con) == schema.SCHEMA_VERSION >= 1


def test_an_old_store_is_migrated_in_place_keeping_its_rows(store):
    first = schema.migrations()[:1]
    with duckdb.connect(store) as con:
        schema.migrate(con, first)
        con.execute("INSERT INTO files VALUES ('/kept', 1, 2, 3, 0, now())")
    extra = (first[0][0] + 1, "0002_test.sql", "ALTER TABLE files ADD COLUMN note VARCHAR DEFAULT 'new';")
    with duckdb.connect(store) as con:
        assert schema.migrate(con, [*first, extra]) == first[0][0] + 1
        assert con.execute("SELECT path, note FROM files").fetchall() == [("/kept", "new")]
        assert schema.migrate(con, [*first, extra]) == first[0][0] + 1  # nothing left to apply


def test_a_store_from_a_newer_eventwire_is_refused(store):
    with duckdb.connect(store) as con:
        schema.migrate(con)
        con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        schema.connect(store)
    with pytest.raises(StoreError, match="newer"):
        schema.connect(store, read_only=True)


def test_reading_a_missing_or_foreign_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        schema.connect(str(tmp_path / "none.duckdb"), read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open the store"):
        schema.connect(str(junk), read_only=True)


# -- queries --------------------------------------------------------------------------------------------
@pytest.fixture
def filled(store):
    with StoreWriter(store) as w:
        w.write(
            [
                article(other(1), event(CHN, RUS, date="2024-01-10"), source="A"),
                article(other(2), event(CHN, RUS, cameo="111", date="2024-01-20"), source="B"),
                article(other(3), event(CHN, RUS, cameo="190", date="2024-02-05", mode="claimed"), source="C"),
                article(other(4), event(USA, NATO, cameo="057", date="2024-02-06"), source="D"),
                article(other(5), event(NATO, RUS, cameo="112", date="2024-02-07", confidence=0.3), source="E"),
            ]
        )
    return store


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({}, 5),
        ({"source": "CHN"}, 3),
        ({"actor": "NATO"}, 2),
        ({"actor": "usa"}, 1),
        ({"target": "RUS", "root": "11"}, 2),
        ({"cameo": "19"}, 1),
        ({"quad": "4"}, 1),
        ({"mode": "claimed"}, 1),
        ({"since": "2024-02-01"}, 3),
        ({"until": "2024-01-31"}, 2),
        ({"min_confidence": "0.5"}, 4),
        ({"source": "USAGOV"}, 1),
    ],
)
def test_event_filters(filled, flt, expected):
    with schema.connect(filled, read_only=True) as con:
        parsed = EventFilter.parse(**flt)
        rows = queries.events(con, parsed, limit=100)
        assert len(rows) == queries.count_events(con, parsed) == expected


def test_events_carry_their_evidence(filled):
    with schema.connect(filled, read_only=True) as con:
        row = queries.events(con, EventFilter.parse(source="USA"))[0]
    assert row["sentence"] == "Washington acted towards NATO."
    assert row["sentence"][row["trigger_offset"] : row["trigger_offset"] + len(row["trigger"])] == "acted"
    assert row["date"] == "2024-02-06" and row["outlet"] == "D"


@pytest.mark.parametrize(
    ("flt", "message"),
    [
        ({"since": "2024-13-01"}, "since must be a date"),
        ({"until": "yesterday"}, "until must be a date"),
        ({"root": "21"}, "root must be"),
        ({"quad": "5"}, "quad must be"),
        ({"mode": "rumoured"}, "mode must be one of"),
        ({"min_confidence": "2"}, "min_confidence must be"),
        ({"source": "C;DROP"}, "source must be an actor code"),
        ({"colour": "red"}, "unknown filter 'colour'"),
        ({"since": "2024-03-01", "until": "2024-02-01"}, "is after"),
    ],
)
def test_bad_filters_say_what_is_allowed(flt, message):
    with pytest.raises(QueryError, match=message):
        EventFilter.parse(**flt)


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (1, -1), ("x", 0), (10**9, 0)])
def test_bad_limits(limit, offset):
    with pytest.raises(QueryError):
        queries.check_limit(limit, offset)


def test_dyads_by_month_count_each_quad_class(filled):
    with schema.connect(filled, read_only=True) as con:
        rows = queries.dyads(con, EventFilter.parse(source="CHN", target="RUS"), by="month")
    assert [(r["period"], r["events"], r["verbal_cooperation"], r["verbal_conflict"]) for r in rows] == [
        ("2024-01-01", 2, 1, 1),
        ("2024-02-01", 1, 0, 0),
    ]
    assert rows[0]["goldstein"] == pytest.approx(-0.5)


def test_top_dyads_and_actors(filled):
    with schema.connect(filled, read_only=True) as con:
        dyads = queries.dyads(con, EventFilter(), top=2)
        actors = queries.actors(con, EventFilter(), top=3)
    assert (dyads[0]["source"], dyads[0]["target"], dyads[0]["events"]) == ("CHN", "RUS", 3)
    assert len(dyads) == 2
    assert [(a["actor"], a["events"]) for a in actors] == [("RUS", 4), ("CHN", 3), ("NATO", 2)]


# -- exports --------------------------------------------------------------------------------------------
def test_gdelt_export_has_61_columns_in_gdelt_order(filled, tmp_path):
    out = tmp_path / "events.tsv"
    with schema.connect(filled, read_only=True) as con:
        assert export(con, "gdelt", str(out)) == 5
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert len(rows) == 5 and {len(r) for r in rows} == {61}
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    first = rows[0]
    assert first[col["SQLDATE"]] == "20240110" and first[col["MonthYear"]] == "202401"
    assert first[col["Actor1Code"]] == "CHN" and first[col["Actor1Name"]] == "CHINA"
    assert first[col["EventCode"]] == "042" and first[col["EventRootCode"]] == "04"
    assert first[col["QuadClass"]] == "1" and first[col["NumMentions"]] == "1"
    nato = next(r for r in rows if r[col["Actor2Code"]] == "IGONATO")
    assert nato[col["Actor2KnownGroupCode"]] == "NATO" and nato[col["Actor2Type1Code"]] == "IGO"
    assert nato[col["Actor1CountryCode"]] == "USA" and nato[col["Actor1Type1Code"]] == "GOV"
    assert len(first[col["DATEADDED"]]) == 14


def test_parquet_csv_and_jsonl_exports_read_back(filled, tmp_path):
    with schema.connect(filled, read_only=True) as con:
        for fmt in ("parquet", "csv", "jsonl"):
            assert export(con, fmt, str(tmp_path / f"e.{fmt}"), EventFilter.parse(source="CHN")) == 3
    parquet = duckdb.execute(
        "SELECT cameo, sentence FROM read_parquet(?) ORDER BY event_id", [str(tmp_path / "e.parquet")]
    )
    assert [r[0] for r in parquet.fetchall()] == ["042", "111", "190"]
    with open(tmp_path / "e.csv", newline="") as f:
        assert [r["cameo"] for r in csv.DictReader(f)] == ["042", "111", "190"]
    lines = (tmp_path / "e.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["date"] == "2024-01-10"


def test_an_empty_parquet_export_still_has_the_schema(store, tmp_path):
    with StoreWriter(store):
        pass
    with schema.connect(store, read_only=True) as con:
        assert export(con, "parquet", str(tmp_path / "e.parquet")) == 0
    assert "cameo" in [
        r[0] for r in duckdb.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(tmp_path / "e.parquet")]).fetchall()
    ]
