"""Past one machine: the ingest shard by shard into Parquet parts, on local processes or a Dask cluster, and the
parts merged into the store.

A shard is one input file. `run_shard` is the ingest core over it (eventwire.ingest.pipeline.shard_articles):
its articles, with their coded mentions and MinHash signatures, go to a Parquet part in `PARTS/<key>/`, where
<key> names the file, its size and its modification time. The part is complete when `_done.json` is there
(written last, after the Parquet file is in place), so a rerun skips complete shards and redoes the others.
The spaCy pipeline is loaded once per worker process, on its first shard, and never shipped from the driver.

`merge` loads the parts into the store through the single writer, in the order of the input files, so that
syndicated copies are found across shards and mentions are counted into events exactly as a local ingest
counts them: the same files give the same store either way.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import socket
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire import dedup
from eventwire.coding.coder import Coder
from eventwire.errors import EventwireError
from eventwire.ingest import sources
from eventwire.ingest.pipeline import IngestStats, shard_articles
from eventwire.model import Actor, Article, DocumentError, Event, Observation
from eventwire.nlp import DEFAULT_PIPELINE, load_pipeline
from eventwire.store.writer import FileDone, StoreWriter

PART_FORMAT = 2
ROW_GROUP_ARTICLES = 256
DONE = "_done.json"

_ACTOR = pa.struct([(name, pa.string()) for name in ("text", "code", "country", "org", "role", "name")])
_EVENT = pa.struct(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("date", pa.string()),
        ("source", _ACTOR),
        ("target", _ACTOR),
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover", pa.string()),
        ("mode", pa.string()),
        ("speaker", _ACTOR),
        ("sentence_index", pa.int32()),
        ("sentence", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("trigger", pa.string()),
        ("trigger_start", pa.int64()),
        ("trigger_end", pa.int64()),
        ("confidence", pa.float64()),
    ]
)
PART_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("text", pa.string()),
        ("published", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("author", pa.string()),
        ("path", pa.string()),
        ("record", pa.int64()),
        ("signature", pa.binary()),
        ("mentions", pa.list_(_EVENT)),
        (
            "observations",
            pa.list_(
                pa.struct(
                    [
                        ("name", pa.string()),
                        ("country", pa.string()),
                        ("org", pa.string()),
                        ("role", pa.string()),
                        ("sentence_index", pa.int32()),
                        ("sentence", pa.string()),
                    ]
                )
            ),
        ),
    ]
)


class ClusterError(EventwireError):
    """The cluster or the parts folder cannot be used."""


@dataclass(frozen=True, slots=True)
class Shard:
    """One input file to ingest, with its place in the order of the inputs."""

    path: str
    order: int
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        return dedup.article_id(None, f"{self.path}|{self.size}|{self.mtime_ns}")


@dataclass(slots=True)
class ShardReport:
    """What one shard gave: read from its part's `_done.json` when it was complete already."""

    path: str
    order: int
    key: str
    size: int
    mtime_ns: int
    articles: int = 0
    mentions: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: bool = False
    worker: str = ""
    peak_mb: float = 0.0  # the worker process's peak resident memory after this shard
    finished_at: float = 0.0
    format: int = PART_FORMAT


def _fs(parts: str) -> tuple[Any, str]:
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(parts)
    except (ValueError, ImportError) as e:
        raise ClusterError(f"{parts}: cannot use this parts folder: {e}") from e
    return fs, root.rstrip("/")


# -- one shard, in a worker ---------------------------------------------------------------------------
_CODERS: dict[tuple[str, float], Coder] = {}


def worker_coder(pipeline: str = DEFAULT_PIPELINE, min_confidence: float = 0.0) -> Coder:
    """This process's coder: made and loaded on the first shard, reused for every later one."""
    key = (pipeline, min_confidence)
    if key not in _CODERS:
        coder = Coder(pipeline=pipeline, min_confidence=min_confidence)
        load_pipeline(pipeline)
        _CODERS[key] = coder
    return _CODERS[key]


def _actor_row(actor: Actor | None) -> dict | None:
    return actor.as_dict() if actor else None


def article_row(a: Article) -> dict[str, Any]:
    row: dict[str, Any] = {
        name: getattr(a, name) for name in PART_SCHEMA.names if name not in ("mentions", "observations")
    }
    row["mentions"] = [e.as_dict() for e in a.events]
    row["observations"] = [asdict(o) for o in a.observations]
    return row


def _actor(value: dict | None) -> Actor | None:
    return Actor(**value) if value else None


def article_from_row(row: dict[str, Any]) -> Article:
    events = tuple(
        Event(**{**e, "source": _actor(e["source"]), "target": _actor(e["target"]), "speaker": _actor(e["speaker"])})
        for e in row["mentions"] or ()
    )
    fields = {name: row[name] for name in PART_SCHEMA.names if name not in ("mentions", "observations")}
    seen = tuple(Observation(**o) for o in row.get("observations") or ())
    return Article(**fields, events=events, observations=seen)


def _report(shard: Shard, **kw: Any) -> ShardReport:
    return ShardReport(shard.path, shard.order, shard.key, shard.size, shard.mtime_ns, **kw)


def _read_manifest(fs: Any, path: str) -> dict | None:
    try:
        with fs.open(path, "r") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == PART_FORMAT else None


def run_shard(shard: Shard, parts: str, pipeline: str = DEFAULT_PIPELINE, min_confidence: float = 0.0) -> ShardReport:
    """Ingest one shard into its Parquet part (skipped if the part is complete). Runs in any worker process."""
    fs, root = _fs(parts)
    base = f"{root}/{shard.key}"
    done = _read_manifest(fs, f"{base}/{DONE}")
    if done is not None:
        done.update(skipped=True)
        return ShardReport(**{k: v for k, v in done.items() if k in ShardReport.__slots__})  # type: ignore[attr-defined]
    started = time.perf_counter()
    coder = worker_coder(pipeline, min_confidence)
    fs.makedirs(base, exist_ok=True)
    tmp = f"{base}/articles.parquet.{uuid.uuid4().hex}.tmp"
    report = _report(shard)
    rows: list[dict] = []
    with fs.open(tmp, "wb") as handle, pq.ParquetWriter(handle, PART_SCHEMA) as writer:

        def flush() -> None:
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=PART_SCHEMA))
                rows.clear()

        for item in shard_articles(shard.path, coder):
            if isinstance(item, DocumentError):
                report.errors.append(str(item))
                continue
            rows.append(article_row(item))
            report.articles += 1
            report.mentions += len(item.events)
            if len(rows) >= ROW_GROUP_ARTICLES:
                flush()
        flush()
    fs.mv(tmp, f"{base}/articles.parquet")
    report.seconds = round(time.perf_counter() - started, 3)
    report.worker = f"{socket.gethostname()}:{os.getpid()}"
    report.peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report.finished_at = time.time()
    manifest_tmp = f"{base}/{DONE}.{uuid.uuid4().hex}.tmp"
    with fs.open(manifest_tmp, "w") as f:
        json.dump(asdict(report), f)
    fs.mv(manifest_tmp, f"{base}/{DONE}")
    return report


# -- the driver ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class ShardRun:
    shards: int = 0
    done: list[ShardReport] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    input_errors: int = 0
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return sum(r.articles for r in self.done if not r.skipped)

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.done if r.skipped)

    def timings(self) -> dict[str, float]:
        times = [r.seconds for r in self.done if not r.skipped]
        if not times:
            return {}
        return {"min": min(times), "median": statistics.median(times), "max": max(times)}


def plan(paths: list[str], on_error: Callable[[DocumentError], None] | None = None) -> list[Shard]:
    """The shards of the inputs: one a file, in the order `eventwire ingest` reads them."""
    shards: list[Shard] = []
    for item in sources.iter_files(paths):
        if isinstance(item, DocumentError):
            if on_error:
                on_error(item)
            continue
        try:
            st = os.stat(item)
        except OSError as e:
            if on_error:
                on_error(DocumentError(item, None, f"cannot read: {e.strerror or e}"))
            continue
        shards.append(Shard(os.path.abspath(item), len(shards), st.st_size, st.st_mtime_ns))
    return shards


_LOCAL: tuple[str, str, float] | None = None


def _local_reports(shards: list[Shard], parts: str, pipeline: str, min_confidence: float, workers: int, retries: int):  # type: ignore[no-untyped-def]
    global _LOCAL
    _LOCAL = (parts, pipeline, min_confidence)
    if workers <= 1:
        for shard in shards:
            yield _tried(shard, retries)
        return
    worker_coder(pipeline, min_confidence)  # loaded before forking: the workers share it
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        tasks = [(shard, retries) for shard in shards]
        yield from pool.imap(_tried_in_worker, tasks)


def _tried(shard: Shard, retries: int) -> tuple[Shard, ShardReport | None, str | None]:
    """A shard run in this process, tried `retries` more times if it raises."""
    assert _LOCAL is not None
    failure = ""
    for _ in range(retries + 1):
        try:
            return shard, run_shard(shard, *_LOCAL), None
        except Exception as e:  # a failed shard is reported by name; the others go on
            failure = f"{type(e).__name__}: {e}"
    return shard, None, failure


def _tried_in_worker(task: tuple[Shard, int]) -> tuple[Shard, ShardReport | None, str | None]:
    return _tried(*task)


def _dask_reports(shards: list[Shard], parts: str, pipeline: str, min_confidence: float, client: Any, retries: int):  # type: ignore[no-untyped-def]
    from distributed import as_completed

    futures = {
        client.submit(
            run_shard, shard, parts, pipeline, min_confidence, key=f"eventwire-shard-{shard.key}", retries=retries
        ): shard
        for shard in shards
    }
    for future in as_completed(futures):
        shard = futures[future]
        try:
            yield shard, future.result(), None
        except Exception as e:  # the worker died or the shard raised: report it, go on with the others
            yield shard, None, f"{type(e).__name__}: {e}".strip()


def run_shards(
    paths: list[str],
    parts: str,
    *,
    workers: int = 1,
    dask: str | None = None,
    dask_local: int | None = None,
    pipeline: str = DEFAULT_PIPELINE,
    min_confidence: float = 0.0,
    retries: int = 2,
    on_report: Callable[[ShardRun, ShardReport | None], None] | None = None,
    on_error: Callable[[DocumentError], None] | None = None,
) -> ShardRun:
    """Every shard of `paths` into `parts`: on local processes, a LocalCluster (`dask_local` workers) or the
    Dask scheduler at `dask`. A shard that fails `retries` + 1 times is reported by name; the others go on."""
    started = time.perf_counter()
    run = ShardRun()

    def count_error(error: DocumentError) -> None:
        run.input_errors += 1
        if on_error:
            on_error(error)

    shards = plan(paths, count_error)
    run.shards = len(shards)
    fs, root = _fs(parts)
    fs.makedirs(root, exist_ok=True)
    with _client(dask, dask_local) as client:
        if client is None:
            reports = _local_reports(shards, parts, pipeline, min_confidence, workers, retries)
        else:
            reports = _dask_reports(shards, parts, pipeline, min_confidence, client, retries)
        for shard, report, failure in reports:
            if report is None:
                run.failed.append((shard.path, failure or "failed"))
            else:
                run.done.append(report)
                for line in report.errors if not report.skipped else ():
                    count_error(DocumentError(*_split_error(line)))
            run.seconds = time.perf_counter() - started
            if on_report:
                on_report(run, report)
    run.seconds = time.perf_counter() - started
    return run


def _split_error(line: str) -> tuple[str, int | None, str]:
    """A DocumentError back from its one-line form ("path:line: message")."""
    head, _, message = line.partition(": ")
    path, _, number = head.rpartition(":")
    if path and number.isdigit():
        return path, int(number), message
    return head, None, message


class _client:
    """A context giving a Dask client for `dask` (an address) or `dask_local` (a LocalCluster), or None."""

    def __init__(self, address: str | None, local: int | None) -> None:
        self.address, self.local = address, local
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        if not self.address and not self.local:
            return None
        import logging

        from distributed import Client, LocalCluster

        logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            if self.address:
                self.client = Client(self.address, timeout="30s")
            else:
                self.cluster = LocalCluster(
                    n_workers=self.local, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as e:
            raise ClusterError(f"cannot reach the Dask scheduler {self.address or 'LocalCluster'}: {e}") from e
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# -- merge --------------------------------------------------------------------------------------------
def complete_parts(parts: str) -> list[tuple[dict, str]]:
    """(manifest, Parquet path) of every complete part, in the order of the inputs."""
    fs, root = _fs(parts)
    if not fs.exists(root):
        raise ClusterError(f"{parts}: no such parts folder")
    found = []
    for done in fs.glob(f"{root}/*/{DONE}"):
        manifest = _read_manifest(fs, done)
        if manifest is not None:
            found.append((manifest, done.rsplit("/", 1)[0] + "/articles.parquet"))
    found.sort(key=lambda item: (item[0]["order"], item[0]["path"]))
    return found


def _part_articles(fs: Any, path: str) -> Iterator[list[Article]]:
    with fs.open(path, "rb") as handle:
        for batch in pq.ParquetFile(handle).iter_batches(batch_size=ROW_GROUP_ARTICLES):
            yield [article_from_row(row) for row in batch.to_pylist()]


def merge(parts: str, db: str, on_progress: Callable[[IngestStats], None] | None = None) -> IngestStats:
    """Load every complete part into the store at `db`, with the same dedup and event counting as an ingest."""
    fs, _ = _fs(parts)
    stats = IngestStats()
    started = time.perf_counter()
    found = complete_parts(parts)
    stats.files = len(found)
    pending: list[Article] = []
    done: list[FileDone] = []
    with StoreWriter(db) as writer:

        def write() -> None:
            stats.count(writer.write(pending, done))
            pending.clear()
            done.clear()
            stats.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(stats)

        for manifest, path in found:  # batches span parts: many small parts are not many transactions
            for batch in _part_articles(fs, path):
                pending.extend(batch)
                stats.coded += len(batch)
                if len(pending) >= ROW_GROUP_ARTICLES:
                    write()
            done.append(
                FileDone(
                    manifest["path"], manifest["size"], manifest["mtime_ns"], manifest["articles"],
                    len(manifest["errors"]),
                )
            )  # fmt: skip
            stats.errors += len(manifest["errors"])
        if pending or done:
            write()
    stats.seconds = time.perf_counter() - started
    return stats
