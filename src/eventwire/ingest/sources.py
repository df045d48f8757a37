"""The input files of an ingest and their documents, whatever the format: the one entry point for reading.

`iter_files` turns the paths given (files and folders) into the files to read; `read_source` reads one file
with the reader for its suffix. None of these raises on bad input: problems come out as DocumentError records.
`iter_units` is `read_source` with web pages (.html files, WARC records) left as unextracted `Page` units, for
a caller that extracts them in worker processes with `to_document`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from eventwire.ingest.documents import MAX_TEXT_BYTES, read_jsonl_gz, read_jsonl_stream, read_path
from eventwire.ingest.feeds import read_feed
from eventwire.ingest.html import Page
from eventwire.ingest.warc import iter_warc_pages
from eventwire.model import Document, DocumentError

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".ndjson", ".xml", ".rss", ".atom", ".warc", ".warc.gz")
_SUPPORTED = ", ".join(SUFFIXES)

Unit = Document | DocumentError | Page
Reader = Callable[[str], Iterator[Unit]]


def suffix_of(path: str) -> str | None:
    """The supported suffix a file name ends with (case does not matter), or None."""
    name = os.path.basename(path).lower()
    matches = [suffix for suffix in SUFFIXES if name.endswith(suffix)]
    return max(matches, key=len) if matches else None


def iter_files(paths: list[str]) -> Iterator[str | DocumentError]:
    """The files to read: files in the order given, folders walked depth first in name order.

    In a folder, hidden entries and files of other types are skipped silently; a file named explicitly with an
    unsupported suffix, or a path that does not exist, is a DocumentError.
    """
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path, set())
        elif not os.path.exists(path):
            yield DocumentError(path, None, "no such file or folder")
        elif suffix_of(path) is None:
            yield DocumentError(path, None, f"unsupported file type; supported: {_SUPPORTED}")
        else:
            yield path


def _walk(folder: str, seen: set[str]) -> Iterator[str | DocumentError]:
    real = os.path.realpath(folder)
    if real in seen:  # a symbolic link back to a folder already walked
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield DocumentError(folder, None, f"cannot read the folder: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry.path, seen)
        elif entry.is_file() and suffix_of(entry.name):
            yield entry.path


def read_source(path: str) -> Iterator[Document | DocumentError]:
    """The documents of one file, read by the reader for its suffix.

    An unexpected failure inside a reader ends that file with a DocumentError; what it yielded before stands.
    """
    for unit in iter_units(path):
        yield to_document(unit)


def iter_units(path: str) -> Iterator[Unit]:
    """What read_source yields, but with each web page as a Page still to extract (see to_document)."""
    suffix = suffix_of(path)
    if suffix is None:
        yield DocumentError(path, None, f"unsupported file type; supported: {_SUPPORTED}")
        return
    try:
        yield from _reader(suffix)(path)
    except Exception as e:  # a reader's bug or a library's on odd input must not stop the ingest
        yield DocumentError(path, None, f"reading stopped by an unexpected error ({type(e).__name__}: {e})")


def to_document(unit: Unit) -> Document | DocumentError:
    """A unit's document: a Page is extracted now; a Document or DocumentError is itself."""
    return unit.document() if isinstance(unit, Page) else unit


def _reader(suffix: str) -> Reader:
    if suffix in (".html", ".htm"):
        return _read_html
    if suffix in (".xml", ".rss", ".atom"):
        return _read_feed
    if suffix in (".warc", ".warc.gz"):
        return iter_warc_pages
    if suffix == ".jsonl.gz":
        return read_jsonl_gz
    if suffix in (".jsonl", ".ndjson"):
        return read_jsonl_stream
    return read_path  # .txt


def _read_html(path: str) -> Iterator[Page | DocumentError]:
    data = _read_bytes(path)
    if isinstance(data, DocumentError):
        yield data
    elif data.strip():  # an empty file has no documents
        yield Page(data, path)


def _read_feed(path: str) -> Iterator[Document | DocumentError]:
    data = _read_bytes(path)
    if isinstance(data, DocumentError):
        yield data
    elif data.strip():
        yield from read_feed(data, path)


def _read_bytes(path: str) -> bytes | DocumentError:
    """A whole file's bytes (HTML pages and feeds are small), or why they can't be had."""
    try:
        size = os.path.getsize(path)
        if size > MAX_TEXT_BYTES:
            return DocumentError(
                path, None, f"{size} bytes is more than the {MAX_TEXT_BYTES} a file of this type may have"
            )
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return DocumentError(path, None, "no such file")
    except OSError as e:
        return DocumentError(path, None, f"cannot read: {e.strerror or e}")
