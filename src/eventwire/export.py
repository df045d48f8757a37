"""Exports of the store's events: GDELT 2.0 event table, Parquet (the full event schema), CSV and JSONL.

Rows are streamed in record batches, so an export of a large store runs in bounded memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.data import alternatives, rows
from eventwire.errors import QueryError
from eventwire.store.queries import EventFilter

FORMATS = ("gdelt", "parquet", "csv", "jsonl")
BATCH_ROWS = 10_000

# The GDELT 2.0 event table, in GDELT's column order (61 columns).
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code"]
_ACTOR += ["Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"]
    + ["NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO]
    + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61

FULL_SQL = """SELECT e.*, m.sentence, m.trigger, m.trigger_start - m.char_start AS trigger_offset,
        m.article_id, a.title, a.source AS outlet
    FROM events e JOIN mentions m ON m.mention_id = e.first_mention_id JOIN articles a USING (article_id)
    WHERE {where} ORDER BY e.event_id"""


@cache
def _country_names() -> dict[str, str]:
    return {iso: alternatives(names)[0].upper() for _, (iso, names, *_rest) in rows("countries.tsv", 5) if names}


def _actor_name(row: dict[str, Any], side: str) -> str:
    name = row[f"{side}_name"] or row[f"{side}_org"] or _country_names().get(row[f"{side}_country"] or "", "")
    return str(name).upper()


def _gdelt_row(row: dict[str, Any]) -> list[str]:
    day: date | None = row["date"]
    when = (
        [
            day.strftime("%Y%m%d"),
            day.strftime("%Y%m"),
            str(day.year),
            f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
        ]
        if day
        else ["", "", "", ""]
    )
    cells = [str(row["event_id"]), *when]
    for side in ("source", "target"):
        cells += [
            row[f"{side}_code"] or "",
            _actor_name(row, side) if row[f"{side}_code"] else "",
            row[f"{side}_country"] or "",
            row[f"{side}_org"] or "",
            "",
            "",
            "",
            row[f"{side}_role"] or "",
            "",
            "",
        ]
    cameo = row["cameo"]
    cells += [
        "1" if row["is_root_event"] else "0",
        cameo,
        cameo[:3] if len(cameo) > 3 else cameo,
        cameo[:2],
        str(row["quad_class"]),
        f"{row['goldstein']:g}",
        str(row["num_mentions"]),
        str(row["num_sources"]),
        str(row["num_articles"]),
        "",  # AvgTone: eventwire does not score tone
    ]
    cells += ["0", "", "", "", "", "", "", ""] * 3  # no geocoding yet: Geo_Type 0 is GDELT's "no location"
    added: datetime = row["first_seen"]
    cells += [added.strftime("%Y%m%d%H%M%S"), row["source_url"] or ""]
    return [c.replace("\t", " ").replace("\n", " ") for c in cells]


def _batches(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> Iterator[pa.RecordBatch]:
    where, params = flt.where("e")
    reader: pa.RecordBatchReader = con.sql(FULL_SQL.format(where=where), params=params).to_arrow_reader(BATCH_ROWS)
    yield from reader


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str, flt: EventFilter | None = None) -> int:
    """Write the events matching `flt` to `out` in `fmt`; returns the number of rows written."""
    if fmt not in FORMATS:
        raise QueryError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    flt = flt or EventFilter()
    target = Path(out)
    if target.parent and not target.parent.exists():
        raise QueryError(f"{out}: the folder {target.parent} does not exist")
    count = 0
    if fmt == "parquet":
        writer: pq.ParquetWriter | None = None
        try:
            for batch in _batches(con, flt):
                if writer is None:
                    writer = pq.ParquetWriter(out, batch.schema)
                writer.write_batch(batch)
                count += batch.num_rows
            if writer is None:  # no events: still a readable file with the schema
                where, params = flt.where("e")
                empty = con.sql(FULL_SQL.format(where=where) + " LIMIT 0", params=params).to_arrow_table()
                pq.write_table(empty, out)
        finally:
            if writer is not None:
                writer.close()
        return count
    with open(out, "w", encoding="utf-8", newline="") as stream:
        csv_writer = None
        for batch in _batches(con, flt):
            for row in batch.to_pylist():
                count += 1
                if fmt == "gdelt":
                    stream.write("\t".join(_gdelt_row(row)) + "\n")
                elif fmt == "jsonl":
                    stream.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
                else:
                    if csv_writer is None:
                        csv_writer = csv.DictWriter(stream, fieldnames=list(row))
                        csv_writer.writeheader()
                    csv_writer.writerow(row)
    return count


def _json_default(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
