"""RSS 2.0 and Atom feeds: each entry is a document, its text the entry's content or else its summary,
as plain text (HTML parsed with lxml, one paragraph a block element, paragraphs separated by a blank line)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import datetime
from email.utils import parseaddr, parsedate_to_datetime
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from eventwire.model import Document, DocumentError

# elements whose start and end break a paragraph
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main ol p pre section table td th tr ul".split()
)
_DROPPED = ("script", "style", "noscript", "template")
_BREAK = "\ue000"  # a paragraph break while the text is put together (a private-use character)
# C0 control characters (but tab, newline, carriage return) make lxml refuse a string; _BREAK is taken
_UNWANTED = {**{c: " " for c in range(32) if chr(c) not in "\t\n\r"}, ord(_BREAK): " "}


def read_feed(data: bytes, path: str) -> Iterator[Document | DocumentError]:
    """The entries of an RSS or Atom feed; an entry without text is a DocumentError naming its number."""
    parsed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never takes it for a URL or a path
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") or not parsed.get("version"):
            yield DocumentError(path, None, f"not an RSS or Atom feed ({_why(parsed)})")
        return  # a feed without entries has no documents
    source = _plain(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        yield _document(entry, path, number, source)


def _document(entry: Any, path: str, number: int, source: str | None) -> Document | DocumentError:
    text = _entry_text(entry)
    if not text:
        return DocumentError(path, number, f"entry {number} has no text (no content, summary or description)")
    url = _web_address(entry.get("link"))
    return Document(
        id=url or _plain(entry.get("id")) or f"{os.path.basename(path)}:{number}",
        text=text,
        date=_entry_date(entry),
        url=url,
        title=_plain(entry.get("title")),
        source=source,
        author=_entry_author(entry),
        path=path,
        record=number,
    )


def _entry_text(entry: Any) -> str:
    """The longest of the entry's contents, else its summary, as plain text."""
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        text = _as_text(best["value"], best.get("type"))
        if text:
            return text
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary") or "", detail.get("type"))


def _as_text(value: str, media_type: str | None) -> str:
    if media_type and "html" not in media_type:
        return _plain_text(value)
    return html_to_text(value)


def _plain_text(text: str) -> str:
    """Plain text with its white space normalised; blank lines still separate paragraphs."""
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            lines.append(line)
        elif lines:
            paragraphs.append(" ".join(" ".join(lines).split()))
            lines = []
    return "\n\n".join(paragraphs)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: scripts and styles dropped, one paragraph a block, blank lines between."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment.translate(_UNWANTED), create_parent="div")
    except lxml.etree.ParserError:  # nothing but comments or white space
        return ""
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    for element in root.iter():
        if element.tag in _BLOCKS:
            element.text = _BREAK + (element.text or "")
            element.tail = _BREAK + (element.tail or "")
    paragraphs = (" ".join(part.split()) for part in root.text_content().split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) date as YYYY-MM-DD, in the feed's own time zone."""
    for key in ("published", "updated", "created"):
        # `in` first: feedparser's lookup of a missing "updated" warns and answers with "published"
        raw = entry[key] if key in entry else None
        parsed = entry[f"{key}_parsed"] if f"{key}_parsed" in entry else None
        date = _iso_date(raw, parsed)
        if date:
            return date
    return None


def _iso_date(raw: object, parsed: object) -> str | None:
    """The date of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp as written, else feedparser's (in UTC)."""
    if isinstance(raw, str) and raw.strip():
        for parse in (parsedate_to_datetime, datetime.fromisoformat):
            try:
                return parse(raw.strip()).date().isoformat()
            except (TypeError, ValueError, IndexError):
                continue
    year, month, day = (getattr(parsed, name, None) for name in ("tm_year", "tm_mon", "tm_mday"))
    if isinstance(year, int) and isinstance(month, int) and isinstance(day, int):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _entry_author(entry: Any) -> str | None:
    """The author's name. RSS's <author> is "email (Name)", which feedparser splits wrongly when the domain
    ends in a suffix longer than four letters (.example, .media): such a value is split here instead."""
    raw = _plain(entry.get("author"))
    name = _plain((entry.get("author_detail") or {}).get("name"))
    if name and raw and (raw == name or raw.startswith(f"{name} (")):
        return name  # feedparser's own "name (email)" from a structured author (Atom, dc:creator)
    if raw and "@" in raw:
        return _plain(parseaddr(raw)[0]) if "(" in raw or "<" in raw else None  # a bare address is no name
    return raw


def _web_address(value: object) -> str | None:
    """An http(s) address (feedparser also gives an entry's id, such as urn:uuid:..., as its link)."""
    address = _plain(value)
    return address if address and address.lower().startswith(("http://", "https://")) else None


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _why(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    if error is None:
        return "no channel, feed or entries in it"
    message = " ".join(str(error).split())[:120]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
