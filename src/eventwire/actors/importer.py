"""`eventwire actors import`: PETRARCH/TABARI dictionaries into a store (table imported_actors), through the
store's single writer. Importing a file again replaces what it imported before, so nothing is doubled."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime

from eventwire.actors.petrarch import DictEntry, read_dictionary
from eventwire.model import DocumentError
from eventwire.store.writer import StoreWriter

BATCH = 5000


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _row(e: DictEntry, now: datetime) -> dict:
    return {
        "names": "|".join(e.names),
        "code": e.code,
        "country": e.country,
        "org": e.org,
        "role": e.role,
        "start_date": _day(e.start),
        "end_date": _day(e.end),
        "kind": e.kind,
        "source": e.source,
        "line": e.line,
        "imported_at": now,
    }


def import_dictionaries(
    files: list[str], db: str, on_error: Callable[[DocumentError], None] | None = None
) -> dict[str, int]:
    counts = {"files": 0, "entries": 0, "persons": 0, "dated": 0, "errors": 0}
    now = datetime.now(UTC).replace(tzinfo=None)
    with StoreWriter(db) as writer:
        for path in files:
            if not os.path.isfile(path):
                counts["errors"] += 1
                if on_error:
                    on_error(DocumentError(path, None, "no such file"))
                continue
            rows: list[dict] | None = []
            for item in read_dictionary(path):
                if isinstance(item, DocumentError):
                    counts["errors"] += 1
                    if on_error:
                        on_error(item)
                    if item.line is None:  # the file itself could not be read
                        rows = None
                        break
                    continue
                assert rows is not None
                rows.append(_row(item, now))
                counts["entries"] += 1
                counts["persons"] += item.kind == "person"
                counts["dated"] += bool(item.start or item.end)
            if rows is None:
                continue
            writer.replace_imported(os.path.basename(path), rows)
            counts["files"] += 1
    return counts
