"""Documents for `eventwire code`: .txt files (one document each, its id the file name) and JSONL
(one document a line: {"id", "text", "date" or "published", optional "url", "title", "source", "author"}),
plain or gzip-compressed (.jsonl.gz, read as a stream). Other formats (HTML, feeds, WARC) are read by
eventwire.ingest.sources. Problems are yielded as DocumentError records beside the good documents, never raised."""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.model import Document, DocumentError

MAX_TEXT_BYTES = 20_000_000
_BINARY_SAMPLE = 4096


def _decode(data: bytes, label: str) -> tuple[str | None, str | None]:
    """Text of a file's bytes, or an error message. Binary data is refused; invalid UTF-8 is an error."""
    if b"\x00" in data[:_BINARY_SAMPLE]:
        return None, "binary data (a NUL byte), not text; give UTF-8 text or JSONL"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return (
            None,
            f"line {line}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert the file to UTF-8",
        )


def _from_json(obj: object, label: str, line: int) -> Document | DocumentError:
    if not isinstance(obj, dict):
        return DocumentError(label, line, 'a JSONL document must be a JSON object with "id" and "text"')
    text = obj.get("text")
    if not isinstance(text, str):
        return DocumentError(label, line, 'no "text" string in the document')
    doc_id = obj.get("id")
    if doc_id is None or doc_id == "":
        doc_id = f"{Path(label).name}:{line}"
    date = obj.get("date") or obj.get("published")
    if date is not None and not isinstance(date, str):
        return DocumentError(label, line, f'"date" must be a string like 2024-01-31, not {date!r}')

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) and value else None

    return Document(
        str(doc_id),
        text,
        date or None,
        opt("url"),
        opt("title"),
        opt("source"),
        opt("author"),
        path=label,
        record=line,
    )


def _parse_line(line: str, label: str, number: int) -> Document | DocumentError | None:
    """The document on one JSONL line (None for a blank line)."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return DocumentError(label, number, f"not valid JSON ({e.msg} at column {e.colno})")
    return _from_json(obj, label, number)


def read_jsonl_lines(lines: Iterable[str], label: str) -> Iterator[Document | DocumentError]:
    for number, line in enumerate(lines, start=1):
        item = _parse_line(line, label, number)
        if item is not None:
            yield item


def read_jsonl_gz(path: str) -> Iterator[Document | DocumentError]:
    """Documents of a gzip-compressed JSONL file, decompressed line by line (never the whole file at once).
    A line that is not UTF-8 is an error for that line; damaged gzip data ends the file with one error."""
    return read_jsonl_stream(path, compressed=True)


def read_jsonl_stream(path: str, compressed: bool = False) -> Iterator[Document | DocumentError]:
    """Documents of a JSONL file read line by line, so that a file of any size is read in little memory (the
    ingest reads .jsonl this way; `eventwire code` reads a whole .jsonl file at once, see read_path)."""
    number = 0
    try:
        with gzip.open(path, "rb") if compressed else open(path, "rb") as lines:
            for number, raw in enumerate(lines, start=1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as e:
                    yield DocumentError(
                        path, number, f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})"
                    )
                    continue
                item = _parse_line(line, path, number)
                if item is not None:
                    yield item
    except FileNotFoundError:
        yield DocumentError(path, None, "no such file")
    except (OSError, EOFError, zlib.error) as e:
        where = number + 1 if number else None
        what = "the gzip data" if compressed else "the file"
        yield DocumentError(path, where, f"cannot read {what}, stopped: {e}")


def read_path(path: str) -> Iterator[Document | DocumentError]:
    """Documents of one path ('-' is standard input, JSONL if it looks like JSON, else one text).
    HTML, feeds, WARC and .jsonl.gz files go to eventwire.ingest.sources."""
    if path != "-" and _is_other_format(path) and not Path(path).is_dir():
        from eventwire.ingest.sources import read_source

        yield from read_source(path)
        return
    if path == "-":
        data = sys.stdin.buffer.read()
        label = "<stdin>"
    else:
        label = path
        p = Path(path)
        if not p.exists():
            yield DocumentError(label, None, "no such file")
            return
        if p.is_dir():
            yield DocumentError(label, None, "is a folder; give .txt or .jsonl files (or use `eventwire ingest`)")
            return
        try:
            size = p.stat().st_size
            if size > MAX_TEXT_BYTES and not path.lower().endswith((".jsonl", ".ndjson")):
                yield DocumentError(label, None, f"{size} bytes is more than the {MAX_TEXT_BYTES} a text may have")
                return
            data = p.read_bytes()
        except OSError as e:
            yield DocumentError(label, None, f"cannot read: {e.strerror or e}")
            return
    yield from _documents_of(data, path, label)


def _is_other_format(path: str) -> bool:
    """Whether eventwire.ingest.sources reads this file (HTML, a feed, WARC or .jsonl.gz)."""
    return path.lower().endswith((".html", ".htm", ".xml", ".rss", ".atom", ".warc", ".warc.gz", ".jsonl.gz"))


def _documents_of(data: bytes, path: str, label: str) -> Iterator[Document | DocumentError]:
    """Documents of a .txt or JSONL file's bytes."""
    if not data.strip():
        return  # an empty file is not an error: it has no documents
    text, error = _decode(data, label)
    if text is None:
        yield DocumentError(label, None, error or "unreadable")
        return
    is_jsonl = path.lower().endswith((".jsonl", ".ndjson")) or (path == "-" and text.lstrip().startswith("{"))
    if is_jsonl:
        yield from read_jsonl_lines(iter(text.splitlines()), label)
    else:
        doc_id = "stdin" if path == "-" else os.path.basename(path)
        yield Document(doc_id, text, path=label)


def read_paths(paths: list[str]) -> Iterator[Document | DocumentError]:
    for path in paths:
        yield from read_path(path)
