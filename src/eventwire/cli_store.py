"""The store's commands: ingest, events, dyads, actors, stats, export. Each is one library call."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from eventwire.errors import SettingError
from eventwire.settings import validate

DEFAULT_DB = "events.duckdb"
QUERY_FORMATS = ("table", "csv", "jsonl")

INGEST_EXAMPLE = """examples:
  eventwire ingest --db events.duckdb news/                 # every supported file under news/
  eventwire ingest --db events.duckdb CC-NEWS-20240101.warc.gz feed.xml articles.jsonl.gz
supported: .txt .html .htm .jsonl .jsonl.gz .ndjson (documents of `eventwire code`), .xml .rss .atom (feeds),
.warc .warc.gz (HTML responses, e.g. Common Crawl CC-NEWS). Rerunning on the same files changes nothing.
"""
MERGE_EXAMPLE = """examples:
  eventwire ingest --dask-local 2 --parts parts/ crawl/          # shards to Parquet parts on a LocalCluster
  eventwire merge --parts parts/ --db events.duckdb             # then into the store, counted once
"""
SERVE_EXAMPLE = """examples:
  eventwire serve --db events.duckdb                         # http://127.0.0.1:8000/v1/events
  curl 'http://127.0.0.1:8000/v1/events?actor=IRN&limit=5'
the API is described by its OpenAPI document at /v1/openapi.json.
"""
EVENTS_EXAMPLE = """examples:
  eventwire events --actor IRN --since 2024-04-01 --mode asserted
  eventwire events --source CHN --target RUS --root 04 --format csv > chn-rus.csv
actors match by country (CHN), organisation or group (NATO, HAMAS) or full code (CHNMIL).
"""
DYADS_EXAMPLE = """examples:
  eventwire dyads --top 10                                  # the dyads with most events
  eventwire dyads --source CHN --target RUS --by month      # a time series per QuadClass
"""
ACTORS_EXAMPLE = """examples:
  eventwire actors --top 20 --since 2024-01-01               # the actors in most events
  eventwire actors show Shoigu --db events.duckdb            # roles over time: curated, imported, learned
  eventwire actors import --db events.duckdb Phoenix.Countries.actors.txt
imported and learned persons are used by the next `eventwire ingest` into that store.
"""
EXPORT_EXAMPLE = """examples:
  eventwire export --format gdelt --out events.tsv          # GDELT 2.0 event table, 61 columns, no header
  eventwire export --format parquet --out events.parquet --since 2024-01-01
"""


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the store (default: {DEFAULT_DB})")


def _filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--source", metavar="ACTOR", help="source actor: country, organisation or full code")
    group.add_argument("--target", metavar="ACTOR", help="target actor")
    group.add_argument("--actor", metavar="ACTOR", help="either side")
    group.add_argument("--root", help="CAMEO root code, 01 to 20")
    group.add_argument("--cameo", help="CAMEO code or its prefix, e.g. 042 or 19")
    group.add_argument("--quad", help="QuadClass: 1 verbal cooperation ... 4 material conflict")
    group.add_argument("--mode", help="asserted, claimed, negated, intended or hypothetical")
    group.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this date")
    group.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this date")
    group.add_argument("--min-confidence", dest="min_confidence", help="events of at least this confidence")


def _format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", default="table", choices=QUERY_FORMATS, help="output format (default: table)")


def add_commands(sub: Any, add_settings: Any) -> None:
    raw = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser(
        "ingest", help="ingest articles into the event store", epilog=INGEST_EXAMPLE, formatter_class=raw
    )
    p.add_argument(
        "--db", metavar="PATH", help=f"the store (default: {DEFAULT_DB}; with --parts, merge into it only if given)"
    )
    shards = p.add_argument_group("shards (one input file each) to Parquet parts, then `eventwire merge`")
    shards.add_argument("--parts", metavar="DIR", help="write a Parquet part a shard here (a folder or fsspec URL)")
    shards.add_argument("--dask", metavar="ADDRESS", help="run the shards on this Dask scheduler (tcp://host:8786)")
    shards.add_argument(
        "--dask-local", type=int, metavar="N", help="run the shards on a Dask LocalCluster of N workers"
    )
    shards.add_argument("--retries", type=int, default=2, help="tries again a failed shard this often (default: 2)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--batch", type=int, default=256, metavar="N", help="articles a transaction commits (default: 256)")
    add_settings(p, ("pipeline", "workers", "min_confidence"))

    p = sub.add_parser("merge", help="load Parquet parts into the store", epilog=MERGE_EXAMPLE, formatter_class=raw)
    _db(p)
    p.add_argument("--parts", required=True, metavar="DIR", help="the parts folder of `eventwire ingest --parts`")

    p = sub.add_parser(
        "serve", help="serve the JSON API over a store (read-only)", epilog=SERVE_EXAMPLE, formatter_class=raw
    )
    _db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    p = sub.add_parser("events", help="list events with their evidence", epilog=EVENTS_EXAMPLE, formatter_class=raw)
    _db(p)
    _filters(p)
    p.add_argument("--limit", default="50", help="at most this many events (default: 50)")
    p.add_argument("--offset", default="0", help="skip this many first (default: 0)")
    _format(p)

    p = sub.add_parser(
        "dyads", help="events per dyad, or per dyad and period", epilog=DYADS_EXAMPLE, formatter_class=raw
    )
    _db(p)
    _filters(p)
    p.add_argument("--by", choices=("day", "week", "month", "year"), help="one row per dyad and period")
    p.add_argument(
        "--level",
        default="country",
        choices=("country", "code"),
        help="group actors by country (or organisation) or by full code (default: country)",
    )
    p.add_argument("--top", default=20, type=int, help="without --by, the dyads with most events (default: 20)")
    _format(p)

    p = sub.add_parser(
        "actors", help="the actors in most events; `actors show NAME`, `actors import FILE`", epilog=ACTORS_EXAMPLE,
        formatter_class=raw,
    )  # fmt: skip
    _db(p)
    _filters(p)
    p.add_argument("--top", default=20, type=int, help="how many (default: 20)")
    p.add_argument("--level", default="country", choices=("country", "code"), help="country or full code")
    _format(p)
    actors = p.add_subparsers(dest="actors_command", metavar="{show,import}")
    show = actors.add_parser("show", help="a person's roles over time, with their origin and evidence")
    show.add_argument("name", help="a name, spelling or surname: Shoigu, Sergei Shoigu, Zelenskiy")
    show.add_argument("--db", default=None, metavar="PATH", help="also show what this store imported and learned")
    show.add_argument("--format", default="table", choices=QUERY_FORMATS, help="output format (default: table)")
    imp = actors.add_parser("import", help="import PETRARCH/TABARI actor or agent dictionaries into a store")
    imp.add_argument("files", nargs="+", metavar="FILE", help="dictionary files (Phoenix.Countries.actors.txt ...)")
    imp.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the store (default: {DEFAULT_DB})")

    p = sub.add_parser("stats", help="counts of articles, duplicates, mentions and events")
    _db(p)
    p.add_argument("--format", default="table", choices=("table", "json"), help="output format (default: table)")

    p = sub.add_parser(
        "export", help="export events: GDELT, Parquet, CSV, JSONL", epilog=EXPORT_EXAMPLE, formatter_class=raw
    )
    _db(p)
    _filters(p)
    p.add_argument("--format", required=True, choices=("gdelt", "parquet", "csv", "jsonl"))
    p.add_argument("--out", required=True, metavar="PATH", help="the file to write")


def _filter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from eventwire.store.queries import EventFilter

    return EventFilter.parse(**{n: getattr(args, n) for n in EventFilter.names()})


def _reader(db: str):  # type: ignore[no-untyped-def]
    from eventwire.store.schema import connect

    return connect(db, read_only=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    from eventwire.coding.coder import Coder
    from eventwire.ingest.pipeline import ingest
    from eventwire.progress import IngestProgress

    workers = validate("workers", args.workers)
    if args.batch < 1:
        raise SettingError(f"--batch must be 1 or more, not {args.batch}")
    coder = Coder(pipeline=args.pipeline, min_confidence=validate("min_confidence", args.min_confidence))
    if args.parts or args.dask or args.dask_local:
        return _ingest_shards(args, workers)
    with IngestProgress(sys.stderr) as progress:
        stats = ingest(
            args.paths,
            args.db or DEFAULT_DB,
            coder,
            workers,
            on_progress=progress.update,
            on_error=progress.error,
            batch_articles=args.batch,
        )
    print(
        f"eventwire: {stats.articles} new articles ({stats.duplicates} duplicates, {stats.known} already stored) "
        f"from {stats.files} files ({stats.files_skipped} unchanged), {stats.mentions} mentions, "
        f"{stats.new_events} new events, {stats.errors} errors in {stats.seconds:.1f} s "
        f"({stats.rate:.1f} articles/s) into {args.db or DEFAULT_DB}",
        file=sys.stderr,
    )
    return 1 if stats.errors else 0


def _ingest_shards(args: argparse.Namespace, workers: int) -> int:
    from eventwire.cluster import merge, run_shards
    from eventwire.progress import ShardProgress

    if not args.parts:
        raise SettingError("--dask and --dask-local write Parquet parts: give --parts DIR (and then `eventwire merge`)")
    if args.dask and args.dask_local:
        raise SettingError("give --dask ADDRESS or --dask-local N, not both")
    if args.dask_local is not None and args.dask_local < 1:
        raise SettingError(f"--dask-local must be 1 or more, not {args.dask_local}")
    if args.retries < 0:
        raise SettingError(f"--retries must be 0 or more, not {args.retries}")
    with ShardProgress(sys.stderr) as progress:
        run = run_shards(
            args.paths,
            args.parts,
            workers=workers,
            dask=args.dask,
            dask_local=args.dask_local,
            pipeline=args.pipeline,
            min_confidence=validate("min_confidence", args.min_confidence),
            retries=args.retries,
            on_report=progress.update,
            on_error=progress.error,
        )
    for path, why in run.failed:
        print(f"eventwire: {path}: shard failed after {args.retries + 1} tries: {why}", file=sys.stderr)
    t = run.timings()
    per_shard = f"; per shard min {t['min']:.1f} s, median {t['median']:.1f} s, max {t['max']:.1f} s" if t else ""
    print(
        f"eventwire: {run.shards} shards: {len(run.done) - run.skipped} done, {run.skipped} complete already, "
        f"{len(run.failed)} failed; {run.articles} articles, {run.input_errors} errors in {run.seconds:.1f} s"
        f"{per_shard}; parts in {args.parts}",
        file=sys.stderr,
    )
    status = 1 if run.failed or run.input_errors else 0
    if args.db:
        stats = merge(args.parts, args.db)
        _merged(stats, args.db)
    return status


def _merged(stats, db: str) -> None:  # type: ignore[no-untyped-def]
    print(
        f"eventwire: merged {stats.files} parts: {stats.articles} new articles ({stats.duplicates} duplicates, "
        f"{stats.known} already stored), {stats.mentions} mentions, {stats.new_events} new events "
        f"in {stats.seconds:.1f} s into {db}",
        file=sys.stderr,
    )


def cmd_merge(args: argparse.Namespace) -> int:
    from eventwire.cluster import merge

    stats = merge(args.parts, args.db)
    _merged(stats, args.db)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from eventwire.output import write_rows
    from eventwire.store import queries

    flt = _filter(args)
    limit, offset = queries.check_limit(args.limit, args.offset)
    with _reader(args.db) as con:
        rows = queries.events(con, flt, limit, offset)
        total = queries.count_events(con, flt)
    columns = ["event_id", "date", "source_code", "target_code", "cameo", "mode", "confidence", "num_mentions"]
    if args.format == "table":
        for row in rows:
            row["sentence"] = _highlight(row)
    write_rows(rows, args.format, sys.stdout, columns + ["sentence"], title=f"{len(rows)} of {total} events")
    return 0


def _highlight(row: dict) -> str:
    from rich.markup import escape

    s, start, trigger = row["sentence"], row["trigger_offset"], row["trigger"]
    if not (0 <= start <= len(s)):
        return escape(s)
    end = start + len(trigger)
    return escape(s[:start]) + "[bold reverse]" + escape(s[start:end]) + "[/]" + escape(s[end:])


def cmd_dyads(args: argparse.Namespace) -> int:
    from eventwire.output import write_rows
    from eventwire.store import queries

    flt = _filter(args)
    with _reader(args.db) as con:
        rows = queries.dyads(con, flt, by=args.by, level=args.level, top=args.top)
    write_rows(rows, args.format, sys.stdout)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    from eventwire.output import write_rows
    from eventwire.store import queries

    if args.actors_command == "show":
        return _actors_show(args)
    if args.actors_command == "import":
        return _actors_import(args)

    flt = _filter(args)
    with _reader(args.db) as con:
        rows = queries.actors(con, flt, top=args.top, level=args.level)
    write_rows(rows, args.format, sys.stdout)
    return 0


def _actors_show(args: argparse.Namespace) -> int:
    from eventwire.actors.knowledge import show
    from eventwire.output import write_rows

    if args.db:
        with _reader(args.db) as con:
            rows = show(con, args.name)
    else:
        rows = show(None, args.name)
    if not rows:
        print(f"eventwire: no person known as {args.name!r}", file=sys.stderr)
        return 1
    columns = ["name", "country", "org", "role", "start", "end", "origin", "evidence"]
    write_rows(rows, args.format, sys.stdout, columns, title=f"{args.name}: {len(rows)} roles and observations")
    return 0


def _actors_import(args: argparse.Namespace) -> int:
    from eventwire.actors.importer import import_dictionaries

    def report(error) -> None:  # type: ignore[no-untyped-def]
        what = "skipped" if error.line else "not imported"
        print(f"eventwire: {error} ({what})", file=sys.stderr)

    counts = import_dictionaries(args.files, args.db, on_error=report)
    print(
        f"eventwire: imported {counts['entries']} entries ({counts['persons']} persons, {counts['dated']} dated) "
        f"from {counts['files']} of {len(args.files)} files into {args.db}; {counts['errors']} lines skipped",
        file=sys.stderr,
    )
    # a dictionary with a few malformed lines is imported without them; a file that cannot be read is a failure
    return 0 if counts["files"] == len(args.files) else 1


def cmd_stats(args: argparse.Namespace) -> int:
    from eventwire.output import write_rows
    from eventwire.store import queries

    with _reader(args.db) as con:
        stats = queries.stats(con)
    if args.format == "json":
        print(json.dumps(stats))
    else:
        write_rows([{"what": k, "count": v} for k, v in stats.items()], "table", sys.stdout)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from eventwire.export import export

    flt = _filter(args)
    with _reader(args.db) as con:
        n = export(con, args.format, args.out, flt)
    print(f"eventwire: {n} events written to {args.out} ({args.format})", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from eventwire.web.app import create_app

    if not 0 < args.port < 65536:
        raise SettingError(f"--port must be from 1 to 65535, not {args.port}")
    app = create_app(args.db)
    print(f"eventwire: serving {args.db} on http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


COMMANDS = {
    "ingest": cmd_ingest,
    "merge": cmd_merge,
    "serve": cmd_serve,
    "events": cmd_events,
    "dyads": cmd_dyads,
    "actors": cmd_actors,
    "stats": cmd_stats,
    "export": cmd_export,
}
