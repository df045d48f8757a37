"""WARC files (.warc, .warc.gz, e.g. Common Crawl's CC-NEWS), read as a stream, one record at a time.

Each `response` record with HTTP status 200 and an HTML body is an article (see html.py); every other record
is skipped. A corrupt record or a truncated file ends the file with one DocumentError naming the record, after
the articles before it. Gzip (of the file, and of a page's Content-Encoding) is undone here, not by warcio,
whose reader takes a truncated file for its end and writes data errors to stderr (and gzip.GzipFile's EOFError
on a truncated file is what warcio takes for the end).
"""

from __future__ import annotations

import io
import logging
import os
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from typing import IO, Any

from warcio.archiveiterator import WARCIterator
from warcio.bufferedreaders import ChunkedDataReader

from eventwire.ingest.html import Page
from eventwire.model import Document, DocumentError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# a page body larger than this is not an article (CC-NEWS bodies are cut at 1 MiB anyway)
MAX_PAGE_BYTES = 20_000_000
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16  # compressed bytes decompressed at a time
_ZLIB_WINDOWS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}

# warcio logs odd records (a space in a URI) through `logging`: without a handler of the application's, Python
# would print them to stderr
logging.getLogger("warcio").addHandler(logging.NullHandler())


class WarcError(Exception):
    """A record that cannot be read; reading the file stops there."""


class _LengthError(WarcError):
    """Found after a record: the bytes after it are not the blank lines that end a record."""


class _StrictWarcIterator(WARCIterator):
    """warcio's WARC iterator, raising WarcError where warcio would end quietly (the file ends inside a record's
    headers) or write to stderr and read on (a record not followed by its blank lines: a wrong Content-Length)."""

    def _next_record(self, next_line: bytes | None) -> Any:
        try:
            return super()._next_record(next_line)
        except EOFError:
            # warcio's sign of a clean end, but also what it raises when the file ends inside a record's headers:
            # that is when the record's first line was read already, or (first record) any byte of the file
            if next_line or (self.record is None and self.reader and self.reader.num_read):
                raise WarcError("the file ends inside this record's headers (truncated)") from None
            raise

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        first = True
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if line.strip():
                if first:
                    raise _LengthError("the record does not end where its Content-Length says")
                return line, empty_size
            empty_size += len(line)
            first = False


def read_warc(path: str) -> Iterator[Document | DocumentError]:
    """The articles of a WARC file, in file order (record numbers count every record from 1)."""
    for item in iter_warc_pages(path):
        yield item.document() if isinstance(item, Page) else item


def iter_warc_pages(path: str) -> Iterator[Page | DocumentError]:
    """The article pages of a WARC file, not yet extracted (see read_warc)."""
    number = 0
    try:
        with ExitStack() as stack:
            records = _StrictWarcIterator(_open(path, stack))
            while True:
                number += 1
                record = next(records, None)
                if record is None:
                    break
                if not _has_length(record):  # warcio reads on without one
                    raise WarcError("no valid Content-Length (the record's header is damaged or cut short)")
                item = _article(record, path, number)
                _drain(record)  # the blank lines after it are read with the next record, and their errors its
                if _truncated(record):
                    raise WarcError("the file ends inside this record (truncated)")
                if item is not None:
                    yield item
        if number == 1 and os.path.getsize(path) > 0:
            yield DocumentError(path, None, "not a WARC file: no record in it")
    except Exception as e:  # warcio, gzip and zlib raise many kinds on damaged input
        if isinstance(e, _LengthError):
            number -= 1
        if number == 0:
            yield DocumentError(path, None, "no such file" if isinstance(e, FileNotFoundError) else _describe(e))
        else:
            yield DocumentError(path, number, f"cannot read WARC record {number}, stopped: {_describe(e)}")


def _open(path: str, stack: ExitStack) -> IO[bytes] | _Gunzip:
    """The file's WARC bytes, decompressed as they are read if the file is gzip (whatever its suffix)."""
    raw = stack.enter_context(open(path, "rb"))
    magic = raw.read(2)
    raw.seek(0)
    if magic == _GZIP_MAGIC:
        return _Gunzip(raw)  # holds nothing to close but `raw`
    return raw


class _Gunzip(io.RawIOBase):
    """A stream of gzip members (one a record in WARC files) decompressed as read. Damaged or truncated data
    raises WarcError, but only once every byte decompressed before it has been read."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._member: Any = None  # the decompressor of the member being read, None between members
        self._pending = b""
        self._problem: str | None = None
        self._at_end = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            if self._problem:
                raise WarcError(self._problem)
            if self._at_end:
                return 0
            self._pending = self._decompress(self._raw.read(_CHUNK))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _decompress(self, data: bytes) -> bytes:
        if not data:
            self._at_end = True
            if self._member is not None:
                self._problem = "the file ends inside a gzip member (truncated)"
            return b""
        out = []
        try:
            while data:
                if self._member is None:
                    self._member = zlib.decompressobj(16 + zlib.MAX_WBITS)
                out.append(self._member.decompress(data))
                data = b""
                if self._member.eof:
                    data = self._member.unused_data
                    self._member = None
        except zlib.error as e:
            self._problem = f"corrupt gzip data ({e})"
        return b"".join(out)


def _article(record: Any, path: str, number: int) -> Page | DocumentError | None:
    """The page in a record, or None if the record is not an HTML page served with status 200."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    body = _body(record)
    if body is None:
        return DocumentError(path, number, "cannot decompress the page (damaged Content-Encoding data)")
    if len(body) > MAX_PAGE_BYTES:
        return DocumentError(path, number, f"page larger than {MAX_PAGE_BYTES} bytes, skipped")
    headers = record.rec_headers
    url = (headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    return Page(_decode(body, content_type), path, number, url, _day(headers.get_header("WARC-Date")))


def _body(record: Any) -> bytes | None:
    """The page's bytes, de-chunked and inflated (warcio's own inflating writes its errors to stderr);
    None if the compressed data is damaged. An encoding other than gzip or deflate is left to trafilatura."""
    headers = record.http_headers
    stream = record.raw_stream
    if (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        stream = ChunkedDataReader(stream)
    body: bytes = stream.read(MAX_PAGE_BYTES + 1)
    window = _ZLIB_WINDOWS.get((headers.get_header("Content-Encoding") or "").strip().lower())
    if window is None or not body:
        return body
    try:
        return zlib.decompressobj(window).decompress(body, MAX_PAGE_BYTES + 1)
    except zlib.error:
        if window != zlib.MAX_WBITS:
            return None
    try:  # "deflate" is often raw deflate data, without the zlib header
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, MAX_PAGE_BYTES + 1)
    except zlib.error:
        return None


def _has_length(record: Any) -> bool:
    value = record.rec_headers.get_header("Content-Length")
    return isinstance(value, str) and value.strip().isdigit()


def _drain(record: Any) -> None:
    """Read the rest of a record's own bytes."""
    while record.raw_stream.read(_CHUNK):
        pass


def _truncated(record: Any) -> bool:
    """Whether the file ended before the record's Content-Length was read."""
    return bool(getattr(record.raw_stream, "limit", 0))


def _decode(body: bytes, content_type: str) -> str | bytes:
    """The page as text: UTF-8, else the charset the server named; else the bytes, for trafilatura to guess."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            try:
                return body.decode(value.strip().strip("\"'"))
            except (LookupError, UnicodeDecodeError):
                break
    return body


def _day(warc_date: str | None) -> str | None:
    """YYYY-MM-DD of a WARC-Date (2024-03-05T12:00:00Z), if it is one."""
    if not warc_date:
        return None
    try:
        return date.fromisoformat(warc_date.strip()[:10]).isoformat()
    except ValueError:
        return None


def _describe(error: Exception) -> str:
    """A short, printable account of an error (warcio's messages can quote kilobytes of binary data)."""
    message = "".join(c if c.isprintable() else " " for c in str(error))
    message = " ".join(message.split())
    if len(message) > 120:
        message = message[:117] + "..."
    if isinstance(error, WarcError):
        return message
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
