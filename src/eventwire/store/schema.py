"""Opening a store and bringing its schema up to date.

The schema is the sequence of SQL files in migrations/ (0001_initial.sql, 0002_...). `meta.schema_version` is
the number of the last one applied; opening a store for writing applies the missing ones in order, each in one
transaction, so an old store is migrated in place, never rebuilt. A store written by a newer eventwire is refused.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb

from eventwire.errors import StoreError

_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration, in order."""
    folder = resources.files("eventwire.store") / "migrations"
    out = []
    for entry in folder.iterdir():
        m = _MIGRATION.match(entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    out.sort()
    return out


SCHEMA_VERSION = migrations()[-1][0]


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple:
    """The first row of a query (the result is read to its end, as DuckDB wants before the next query)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else ()


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The version of an open store (0 for an empty database)."""
    has_meta = one(
        con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'"
    )
    if not has_meta[0]:
        return 0
    row = one(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, steps: list[tuple[int, str, str]] | None = None) -> int:
    """Apply the migrations the store lacks; returns the version it is at."""
    steps = migrations() if steps is None else steps
    current = schema_version(con)
    latest = steps[-1][0] if steps else 0
    if current > latest:
        raise StoreError(
            f"the store is at schema version {current}, newer than this eventwire's {latest}; upgrade eventwire"
        )
    for version, name, sql in steps:
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                [str(version)],
            )
            con.execute("COMMIT")
        except duckdb.Error as e:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {name} failed: {e}") from e
        current = version
    return current


def _describe(e: duckdb.Error) -> str:
    return str(e).splitlines()[0]


def connect(path: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `path`. Writers migrate it; readers need an existing, current store."""
    if read_only and not Path(path).exists():
        raise StoreError(f"{path}: no such store; create it with `eventwire ingest --db {path} FILES`")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as e:
        holder = re.search(r"\(PID (\d+)\)", str(e))
        if "lock" in str(e).lower() and holder:
            raise StoreError(
                f"{path}: the store is open in another process (PID {holder.group(1)}, an ingest or a server?); "
                "DuckDB lets one process write a store at a time: try again when it has finished"
            ) from e
        raise StoreError(f"{path}: cannot open the store: {_describe(e)}") from e
    if read_only:
        version = schema_version(con)
        if version != SCHEMA_VERSION:
            con.close()
            if version < SCHEMA_VERSION:
                raise StoreError(
                    f"{path}: schema version {version}, this eventwire reads {SCHEMA_VERSION}; "
                    "run `eventwire ingest` (or `eventwire migrate`) on it to upgrade it in place"
                )
            raise StoreError(f"{path}: schema version {version} is newer than this eventwire's; upgrade eventwire")
        return con
    migrate(con)
    return con
