"""One web page to a Document: the article text without boilerplate, and its title, author, site and date.

Extraction is trafilatura's, run once per page with its metadata; nothing here touches the network (the page
is parsed from the bytes given, never fetched). Paragraphs are separated by a blank line, so the sentence
splitter never runs a heading or a byline into the first sentence; the title and byline lines trafilatura
leaves at the top of the text are dropped (they are in `title` and `author`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from trafilatura import bare_extraction

from eventwire.model import Document, DocumentError

# htmldate: the publication date rather than the last update; no scan of the running text for date-like
# strings (slow on long pages, and it picks up dates the article merely mentions)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# how far into the text a title, byline or dateline line is looked for
_HEAD_LINES = 5
# a byline or dateline line is short
_HEAD_MAX_WORDS = 12
# a page is an article if one of its paragraphs has this many words
MIN_PARAGRAPH_WORDS = 5
_DATELINE_WORDS = {"published", "updated", "posted", "modified", "last"}


@dataclass(frozen=True, slots=True)
class Page:
    """A web page read but not yet extracted, so that extraction (the slow part) can run in a worker process."""

    html: str | bytes
    path: str
    record: int | None = None
    url: str | None = None
    fallback_date: str | None = None

    def document(self) -> Document | DocumentError:
        return document_from_html(
            self.html, path=self.path, record=self.record, url=self.url, fallback_date=self.fallback_date
        )


def document_from_html(
    html: str | bytes,
    *,
    path: str,
    record: int | None = None,
    url: str | None = None,
    fallback_date: str | None = None,
) -> Document | DocumentError:
    """The article in a web page, or a DocumentError if the page has none."""
    try:
        result = _extract(html, url)
    except Exception as e:  # trafilatura's heuristics on arbitrary markup: one bad page must not stop a batch
        return DocumentError(path, record, f"cannot extract the article ({type(e).__name__}: {e})")
    if result is None:
        return DocumentError(path, record, "no article text found")
    title = _clean(result.title)
    author = _clean(result.author)
    paragraphs = _drop_head_lines(_paragraphs(result.text or ""), title, author)
    if paragraphs:
        paragraphs[0] = _strip_glued_head(paragraphs[0], title, author)
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in paragraphs):
        return DocumentError(path, record, "no article text found")
    page_url = url or _clean(result.url)
    return Document(
        id=page_url or _fallback_id(path, record),
        text="\n\n".join(paragraphs),
        date=_clean(result.date) or fallback_date,
        url=page_url,
        title=title,
        source=_clean(result.sitename) or _host(page_url),
        author=author,
        path=path,
        record=record,
    )


def _extract(html: str | bytes, url: str | None) -> Any:
    """trafilatura's text and metadata of a page in one pass (None if it finds nothing)."""
    return bare_extraction(
        html,
        url=url,
        fast=True,  # no second opinion from readability/justext: a third faster, rarely different text
        include_comments=False,  # readers' comments are not the article
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=True,
        date_extraction_params=dict(_DATE_PARAMS),
    )


def _paragraphs(text: str) -> list[str]:
    """trafilatura's text, one line a paragraph, with its white space normalised."""
    paragraphs = (" ".join(line.split()) for line in text.splitlines())
    return [p for p in paragraphs if p]


def _drop_head_lines(paragraphs: list[str], title: str | None, author: str | None) -> list[str]:
    """The paragraphs without the title, byline and dateline lines at the top of the page."""
    head = [p for p in paragraphs[:_HEAD_LINES] if not _is_head_line(p, title, author)]
    return head + paragraphs[_HEAD_LINES:]


def _is_head_line(paragraph: str, title: str | None, author: str | None) -> bool:
    key = _key(paragraph)
    if title and key == _key(title):
        return True
    if author and key == _key(author):
        return True
    words = paragraph.split()
    if len(words) > _HEAD_MAX_WORDS or paragraph.endswith((".", "!", "?")):
        return False
    first = words[0].casefold().rstrip(":")
    return first == "by" or first in _DATELINE_WORDS


def _strip_glued_head(paragraph: str, title: str | None, author: str | None) -> str:
    """The first paragraph without a title and byline run into it. On a short page trafilatura falls back to
    the whole article element as one paragraph: "Title By A Writer, 2024-04-16 The first sentence ...".
    The title is only taken off when a byline follows it: a first sentence may well begin with the title's words.
    """
    if not author:
        return paragraph
    byline = re.compile(
        r"(?i:by\s+)?" + re.escape(author) + r"(?:\s*[,|]\s*[\w ,:.+-]*?\d{4}(?:-\d\d-\d\d)?)?\s+(?=[A-Z\"“'(])"
    )
    starts = [0]
    if title and paragraph[: len(title)].casefold() == title.casefold():
        starts.insert(0, len(title))
    for start in starts:
        rest = paragraph[start:].lstrip(" .:|-–—")
        m = byline.match(rest)
        if m and (start or m.group(0)[:3].lower() == "by "):
            rest = rest[m.end() :]
            if len(rest.split()) >= MIN_PARAGRAPH_WORDS:
                return rest
    return paragraph


def _key(text: str) -> str:
    """A line as compared with the title: case, spacing and closing punctuation don't count."""
    return " ".join(text.casefold().split()).rstrip(" .:!?")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _host(url: str | None) -> str | None:
    """The host of a URL without a leading www."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed address, e.g. an unclosed IPv6 bracket
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _fallback_id(path: str, record: int | None) -> str:
    name = os.path.basename(path)
    return f"{name}:{record}" if record is not None else name
