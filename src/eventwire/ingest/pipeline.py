"""The ingest: files in, articles, mentions and events in the store.

`shard_articles(path, coder)` is the core over one input file (a shard): every unit the file holds becomes an
Article (text, id, MinHash signature, coded events) or a DocumentError. `ingest` runs it over many files,
spreading chunks of units over worker processes (the spaCy pipeline is loaded once, before forking, and never
shipped), and hands the results in input order to the single store writer, one transaction a batch.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from eventwire import dedup
from eventwire.actors.knowledge import coder_for_store
from eventwire.coding.coder import Coder
from eventwire.dates import parse_date
from eventwire.ingest import sources
from eventwire.model import Article, Document, DocumentError
from eventwire.nlp import load_pipeline
from eventwire.store.schema import connect
from eventwire.store.writer import BatchResult, FileDone, StoreWriter

CHUNK_UNITS = 8  # units a worker codes at a time
BATCH_ARTICLES = 256  # articles a transaction commits at most
BATCH_SECONDS = 5.0  # ... and at least this often while articles arrive
PROGRESS_SECONDS = 0.25  # how often the progress callback hears between commits


@dataclass(frozen=True, slots=True)
class FileEnd:
    """Marks the end of one file's units in the stream."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Known:
    """An article already in the store: not coded again."""

    id: str


Unit = sources.Unit | FileEnd
Result = Article | DocumentError | FileEnd | Known


@dataclass(slots=True)
class IngestStats:
    files: int = 0
    files_skipped: int = 0
    coded: int = 0  # articles read and coded so far, committed or not
    articles: int = 0  # new articles stored, duplicates included
    duplicates: int = 0
    known: int = 0  # already in the store
    mentions: int = 0
    new_events: int = 0
    errors: int = 0
    seconds: float = 0.0
    errors_by_file: dict[str, int] = field(default_factory=dict)

    def count(self, result: BatchResult) -> None:
        """Add what one committed batch stored."""
        self.articles += result.stored + result.duplicates
        self.duplicates += result.duplicates
        self.known += result.skipped
        self.mentions += result.mentions
        self.new_events += result.new_events

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def coding_rate(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0


def make_article(
    doc: Document, events: Iterable, article_id: str | None = None, observations: Iterable = ()
) -> Article:
    return Article(
        id=article_id or dedup.article_id(doc.url, doc.text),
        text=doc.text,
        published=(d.isoformat() if (d := parse_date(doc.date)) else None),
        url=doc.url,
        title=doc.title,
        source=doc.source,
        author=doc.author,
        path=doc.path,
        record=doc.record,
        signature=dedup.to_bytes(dedup.signature(doc.text)),
        events=tuple(events),
        observations=tuple(observations),
    )


def code_units(units: list[Unit], coder: Coder, known: frozenset[str] | set[str] = frozenset()) -> list[Result]:
    """Extract, identify and code one chunk of units; in input order, one result a unit."""
    slots: list[Result | None] = []
    docs: list[tuple[int, Document, str]] = []
    for unit in units:
        if isinstance(unit, FileEnd):
            slots.append(unit)
            continue
        doc = sources.to_document(unit)
        if isinstance(doc, DocumentError):
            slots.append(doc)
            continue
        article_id = dedup.article_id(doc.url, doc.text)
        if article_id in known:
            slots.append(Known(article_id))
            continue
        docs.append((len(slots), doc, article_id))
        slots.append(None)
    if docs:
        coded = coder.code_chunk_observed([d for _, d, _ in docs])
        for (slot, doc, article_id), (events, seen) in zip(docs, coded, strict=True):
            slots[slot] = make_article(doc, events, article_id, seen)
    return [s for s in slots if s is not None]


def shard_articles(path: str, coder: Coder) -> Iterator[Article | DocumentError]:
    """The ingest core over one input file, in this process: its articles (coded) and its errors, in order."""
    for chunk in _chunks(sources.iter_units(path), CHUNK_UNITS):
        for result in code_units(chunk, coder):
            if isinstance(result, Article | DocumentError):
                yield result


def _chunks(it: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(it, size)):
        yield chunk


# -- processes ----------------------------------------------------------------------------------------
_WORKER: tuple[Coder, frozenset[str]] | None = None


def _work(chunk: list[Unit]) -> list[Result]:
    assert _WORKER is not None
    return code_units(chunk, *_WORKER)


def _results(units: Iterator[Unit], coder: Coder, known: frozenset[str], workers: int) -> Iterator[Result]:
    """Results of all units in input order, from this process or a pool with a bounded queue."""
    chunks = _chunks(units, CHUNK_UNITS)
    if workers <= 1:
        for chunk in chunks:
            yield from code_units(chunk, coder, known)
        return
    global _WORKER
    load_pipeline(coder.pipeline_name)  # before forking: the workers share the loaded pipeline
    _WORKER = (coder, known)
    ctx = multiprocessing.get_context("fork")
    pending: deque = deque()
    with ctx.Pool(workers) as pool:
        for chunk in chunks:
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) > 2 * workers + 1:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    _WORKER = None


def _units(files: list[str], completed: dict[str, tuple[int, int]], stats: IngestStats) -> Iterator[Unit]:
    for path in files:
        try:
            st = os.stat(path)
        except OSError as e:
            yield DocumentError(path, None, f"cannot read: {e.strerror or e}")  # type: ignore[misc]
            continue
        key = os.path.abspath(path)
        if completed.get(key) == (st.st_size, st.st_mtime_ns):
            stats.files_skipped += 1
            continue
        yield from sources.iter_units(path)
        yield FileEnd(key, st.st_size, st.st_mtime_ns)


def ingest(
    paths: list[str],
    db: str,
    coder: Coder | None = None,
    workers: int = 1,
    on_progress: Callable[[IngestStats], None] | None = None,
    on_error: Callable[[DocumentError], None] | None = None,
    batch_articles: int = BATCH_ARTICLES,
) -> IngestStats:
    """Ingest files and folders into the store at `db`; per-document errors are reported and skipped."""
    coder = coder or Coder()
    stats = IngestStats()
    started = time.perf_counter()
    files: list[str] = []
    for item in sources.iter_files(paths):
        if isinstance(item, DocumentError):
            _error(item, stats, on_error)
        else:
            files.append(item)
    stats.files = len(files)
    con = connect(db)  # migrated and read before the workers fork, then closed: the writer opens it again
    try:
        known = frozenset(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall())
        coder = coder_for_store(con, coder)  # with the persons the store imported or learned
        completed = {p: (s, m) for p, s, m in con.execute("SELECT path, size, mtime_ns FROM files").fetchall()}
    finally:
        con.close()
    batch: list = []
    done: list[FileDone] = []
    errors_in_file: dict[str, int] = {}
    articles_in_file: dict[str | None, int] = {}
    last_commit = last_shown = time.perf_counter()
    results = _results(_units(files, completed, stats), coder, known, workers)
    with StoreWriter(db) as writer:

        def commit() -> None:
            nonlocal batch, done, last_commit
            if batch or done:
                stats.count(writer.write(batch, done))
            batch, done, last_commit = [], [], time.perf_counter()
            stats.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(stats)

        for result in results:
            if isinstance(result, Article):
                batch.append(result)
                stats.coded += 1
                where = os.path.abspath(result.path) if result.path else None
                articles_in_file[where] = articles_in_file.get(where, 0) + 1
            elif isinstance(result, Known):
                stats.known += 1
            elif isinstance(result, DocumentError):
                errors_in_file[os.path.abspath(result.path)] = errors_in_file.get(os.path.abspath(result.path), 0) + 1
                _error(result, stats, on_error)
            elif isinstance(result, FileEnd):
                done.append(
                    FileDone(
                        result.path,
                        result.size,
                        result.mtime_ns,
                        articles_in_file.get(result.path, 0),
                        errors_in_file.get(result.path, 0),
                    )
                )
            now = time.perf_counter()
            if len(batch) >= batch_articles or (batch and now - last_commit >= BATCH_SECONDS):
                commit()
            elif on_progress and now - last_shown >= PROGRESS_SECONDS:
                stats.seconds = now - started
                on_progress(stats)
                last_shown = now
        commit()
    stats.seconds = time.perf_counter() - started
    return stats


def _error(error: DocumentError, stats: IngestStats, on_error: Callable[[DocumentError], None] | None) -> None:
    stats.errors += 1
    stats.errors_by_file[error.path] = stats.errors_by_file.get(error.path, 0) + 1
    if on_error:
        on_error(error)
