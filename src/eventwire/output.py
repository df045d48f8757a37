"""Writing events: JSONL (the contract), CSV (flat columns) and a table for the terminal."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from eventwire.model import Actor, Event

ACTOR_FIELDS = ("code", "country", "org", "role", "name", "text")
CSV_COLUMNS = (
    ["event_id", "doc_id", "date"]
    + [f"source_{f}" for f in ACTOR_FIELDS]
    + [f"target_{f}" for f in ACTOR_FIELDS]
    + [
        "cameo",
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "mode",
        "speaker_code",
        "sentence_index",
        "char_start",
        "char_end",
        "trigger",
        "confidence",
        "sentence",
    ]
)


def _actor_cells(prefix: str, actor: Actor | None) -> dict[str, object]:
    return {f"{prefix}_{f}": (getattr(actor, f) if actor else None) for f in ACTOR_FIELDS}


def csv_row(event: Event) -> dict[str, object]:
    row: dict[str, object] = {k: v for k, v in event.as_dict().items() if k in CSV_COLUMNS}
    row.update(_actor_cells("source", event.source))
    row.update(_actor_cells("target", event.target))
    row["speaker_code"] = event.speaker.code if event.speaker else None
    return row


class Writer:
    def __init__(self, fmt: str, stream: IO[str]) -> None:
        self.fmt = fmt
        self.stream = stream
        self.rows: list[Event] = []
        self._csv: csv.DictWriter | None = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            if self.fmt == "jsonl":
                self.stream.write(json.dumps(event.as_dict(), ensure_ascii=False) + "\n")
            elif self._csv is not None:
                self._csv.writerow(csv_row(event))
            else:
                self.rows.append(event)

    def close(self) -> None:
        if self.fmt == "table":
            from rich.console import Console
            from rich.table import Table

            from eventwire.coding.cameo import lookup

            console = Console(file=self.stream, width=None if self.stream.isatty() else 200)
            table = Table(show_lines=False, pad_edge=False)
            for name, width in (
                ("doc", 14),
                ("date", 10),
                ("source", 10),
                ("target", 10),
                ("cameo", 5),
                ("event", 26),
                ("mode", 12),
                ("conf", 4),
            ):
                table.add_column(name, min_width=width, max_width=width, no_wrap=True, overflow="ellipsis")
            table.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=80)
            for e in self.rows:
                table.add_row(
                    e.doc_id,
                    e.date or "",
                    e.source.code if e.source else "-",
                    e.target.code if e.target else "-",
                    e.cameo,
                    lookup(e.cameo).name,
                    e.mode,
                    f"{e.confidence:.2f}",
                    _evidence(e),
                )
            console.print(table)
            console.print(f"{len(self.rows)} events")
        self.stream.flush()


def _evidence(e: Event, width: int = 90) -> str:
    s = e.sentence
    if len(s) <= width:
        return s
    pos = max(0, e.trigger_start - e.char_start - width // 2)
    return ("…" if pos else "") + s[pos : pos + width] + "…"


def write_rows(
    rows: list[dict], fmt: str, stream: IO[str], columns: list[str] | None = None, title: str | None = None
) -> None:
    """Query results as jsonl (every field), csv (every field) or a table of `columns` for the terminal."""
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        names = list(rows[0]) if rows else (columns or [])
        writer = csv.DictWriter(stream, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=stream, width=None if stream.isatty() else 200)
        shown = columns or (list(rows[0]) if rows else [])
        table = Table(title=title, pad_edge=False)
        for name in shown:
            table.add_column(name, overflow="fold" if name == "sentence" else "ellipsis")
        for row in rows:
            table.add_row(*("" if row.get(n) is None else str(row.get(n)) for n in shown))
        console.print(table)
    stream.flush()
