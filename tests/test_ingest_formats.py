"""Readers for real news input: web pages, RSS/Atom feeds, WARC archives, gzip JSONL, and the file walk that
feeds them. Every input is written here, by hand, into tmp_path; the network is blocked for the whole module."""

from __future__ import annotations

import gzip
import json
import pickle
import socket
from pathlib import Path

import pytest

from eventwire.ingest import sources
from eventwire.ingest.documents import read_path
from eventwire.ingest.feeds import read_feed
from eventwire.ingest.html import Page, document_from_html
from eventwire.ingest.sources import SUFFIXES, iter_files, iter_units, read_source, to_document
from eventwire.ingest.warc import read_warc
from eventwire.model import Document, DocumentError
from eventwire.nlp import split_sentences

PARAGRAPHS = [
    "Kenyan and Ethiopian negotiators signed a water-sharing accord in Nairobi on Friday after two years of talks.",
    "The accord sets how much water may be drawn from the river each dry season, a ministry spokeswoman said.",
    "Egypt said it had not been consulted and asked the African Union to review the terms before they take effect.",
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every attempt to open a connection is refused and remembered; the test fails if there was one."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    yield
    assert attempts == [], "something tried to reach the network"


def news_page(
    title: str = "Water accord signed in Nairobi",
    paragraphs: list[str] = PARAGRAPHS,
    *,
    meta: bool = True,
    subhead: str | None = None,
) -> str:
    """A news page with the usual boilerplate around the article."""
    head = f"<title>{title} | The Rift Courier</title>"
    if meta:
        head += (
            f'<meta property="og:title" content="{title}">'
            '<meta property="og:site_name" content="The Rift Courier">'
            '<meta name="author" content="Amina Odhiambo">'
            '<meta property="article:published_time" content="2024-02-29T08:15:00+03:00">'
        )
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:2])
    if subhead:
        body += f"<h2>{subhead}</h2>"
    body += "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>
<header><nav><ul><li><a href="/">Front page</a></li><li><a href="/africa">Africa</a></li>
<li><a href="/subscribe">Subscribe for one euro a week</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p>By Amina Odhiambo</p>{body}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Marathon champion opens a running school</a></li>
<li><a href="/b">Ten recipes for the rainy season</a></li></ul></aside>
<footer><p>Copyright 2024 The Rift Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


# -- HTML ------------------------------------------------------------------------------------------------------


def test_html_article_text_and_metadata_without_boilerplate():
    url = "https://www.riftcourier.example/africa/water-accord"
    doc = document_from_html(news_page().encode(), path="/data/accord.html", url=url)
    assert isinstance(doc, Document)
    assert doc.text.split("\n\n") == PARAGRAPHS
    assert (doc.id, doc.url, doc.title) == (url, url, "Water accord signed in Nairobi")
    assert (doc.author, doc.source, doc.date) == ("Amina Odhiambo", "The Rift Courier", "2024-02-29")
    assert (doc.path, doc.record) == ("/data/accord.html", None)
    for boilerplate in ("Subscribe", "Front page", "Marathon champion", "Copyright", "Privacy", "By Amina"):
        assert boilerplate not in doc.text


def test_title_byline_and_subheads_are_not_glued_into_sentences():
    doc = document_from_html(news_page(subhead="Cairo objects"), path="p.html")
    assert isinstance(doc, Document)
    assert "Water accord signed" not in doc.text
    sentences = [s.text for s in split_sentences(doc.text)]
    assert sentences[0] == PARAGRAPHS[0]
    assert "Cairo objects" in sentences  # a heading stays a sentence of its own
    assert sentences[-1] == PARAGRAPHS[2]


def test_page_without_metadata_takes_host_and_fallback_date():
    html = news_page(meta=False)
    doc = document_from_html(
        html, path="p.html", url="https://www.riftcourier.example/water", fallback_date="2024-03-01"
    )
    assert isinstance(doc, Document)
    assert (doc.source, doc.date, doc.author) == ("riftcourier.example", "2024-03-01", None)
    assert doc.title == "Water accord signed in Nairobi"
    assert document_from_html(html, path="/in/p.html", record=7).id == "p.html:7"
    unnamed = document_from_html(html, path="/in/p.html")
    assert isinstance(unnamed, Document) and (unnamed.id, unnamed.url, unnamed.source) == ("p.html", None, None)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>Contact</footer></body></html>",
        b"",
        "https://www.riftcourier.example/africa/water-accord",  # looks like a URL: must not be fetched
    ],
)
def test_page_without_article_text_is_an_error(html, capfd):
    error = document_from_html(html, path="empty.html", record=4)
    assert error == DocumentError("empty.html", 4, "no article text found")
    assert capfd.readouterr().err == ""  # trafilatura's log lines do not reach stderr


# -- feeds -----------------------------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Lakeside Wire</title><link>https://wire.example/</link><description>News</description>
<item><title>Port strike spreads</title><link>https://wire.example/port-strike</link>
<pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate><dc:creator>Tomas Berg</dc:creator>
<description>&lt;p&gt;A short teaser.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Dock workers in <b>three</b> ports walked out on Tuesday.</p>
<script>track()</script><p>The union &amp; the port authority will meet again on Friday.</p>]]></content:encoded></item>
<item><title>Photo gallery</title><link>https://wire.example/photos</link></item>
<item><title>Ministers meet</title><description>Finance ministers met in Oslo &amp; agreed on a fund.</description>
<author>desk@wire.example (Ines Holm)</author></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Dispatch</title><id>urn:feed</id>
<updated>2024-04-02T00:00:00Z</updated>
<entry><title>Ferry talks resume</title><link href="https://dispatch.example/ferry"/><id>urn:1</id>
<published>2024-04-01T23:50:00-07:00</published><updated>2024-04-03T10:00:00Z</updated>
<author><name>Lena Dahl</name><email>lena@dispatch.example</email></author>
<summary>Summary text.</summary>
<content type="html">&lt;p&gt;Negotiators returned to the table.&lt;/p&gt;&lt;p&gt;No deal yet.&lt;/p&gt;</content></entry>
<entry><title>Bridge closed</title><link href="https://dispatch.example/bridge"/><id>urn:2</id>
<updated>2024-04-02T06:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The bridge is shut <em>for repairs</em>.</p></div></content>
</entry>
<entry><title>Plain</title><id>urn:3</id><updated>2024-04-02T07:00:00Z</updated>
<summary type="text">Police said the road would reopen.

Drivers should expect delays.</summary></entry>
</feed>"""


def test_rss_entries_with_content_dates_authors_and_an_empty_entry():
    items = list(read_feed(RSS, "/feeds/wire.rss"))
    first, empty, third = items
    assert isinstance(first, Document) and isinstance(third, Document)
    assert first.text == (
        "Dock workers in three ports walked out on Tuesday.\n\nThe union & the port authority will meet again on Friday."
    )
    assert (first.id, first.url, first.title) == ("https://wire.example/port-strike",) * 2 + ("Port strike spreads",)
    assert (first.date, first.author, first.source) == (
        "2024-03-05",
        "Tomas Berg",
        "Lakeside Wire",
    )  # the date as written
    assert (first.path, first.record) == ("/feeds/wire.rss", 1)
    assert empty == DocumentError("/feeds/wire.rss", 2, "entry 2 has no text (no content, summary or description)")
    assert third.text == "Finance ministers met in Oslo & agreed on a fund."
    assert (third.id, third.author, third.date, third.record) == ("wire.rss:3", "Ines Holm", None, 3)


def test_atom_entries_html_xhtml_and_text():
    first, second, third = read_feed(ATOM, "dispatch.atom")
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(third, Document)
    assert first.text == "Negotiators returned to the table.\n\nNo deal yet."
    assert (first.date, first.author, first.source) == ("2024-04-01", "Lena Dahl", "Harbour Dispatch")
    assert (second.text, second.date, second.url) == (
        "The bridge is shut for repairs.",
        "2024-04-02",
        "https://dispatch.example/bridge",
    )
    assert third.text == "Police said the road would reopen.\n\nDrivers should expect delays."
    assert (third.id, third.url) == ("urn:3", None)


@pytest.mark.parametrize("data", [b"<html><body><p>Not a feed.</p></body></html>", b"plain words, no markup"])
def test_a_file_that_is_not_a_feed_is_one_error(data):
    [error] = read_feed(data, "odd.xml")
    assert isinstance(error, DocumentError) and error.line is None
    assert error.message.startswith("not an RSS or Atom feed")


def test_a_feed_without_entries_has_no_documents():
    assert list(read_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "q.rss")) == []


# -- WARC ------------------------------------------------------------------------------------------------------


def warc_record(kind: str, uri: str | None, payload: bytes, date: str = "2024-03-05T12:00:00Z") -> bytes:
    lines = ["WARC/1.0", f"WARC-Type: {kind}", f"WARC-Date: {date}", f"WARC-Record-ID: <urn:uuid:{kind}-{uri}>"]
    if uri:
        lines.append(f"WARC-Target-URI: {uri}")
    lines.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


def http_response(status: str, content_type: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


FIRST_URL = "https://www.riftcourier.example/africa/water-accord"
SECOND_URL = "https://kiosk.example/town-hall"
SECOND_TEXT = "Le maire de Saint-Étienne a démissionné après un vote de défiance du conseil municipal."


def crawl() -> list[bytes]:
    """A small crawl: two articles among records that are not articles (record numbers 3 and 8)."""
    second = f"<html><body><article><p>{SECOND_TEXT}</p></article></body></html>".encode("latin-1")
    return [
        warc_record("warcinfo", None, b"software: handmade\r\n"),
        warc_record("request", FIRST_URL, b"GET /africa/water-accord HTTP/1.1\r\nHost: riftcourier.example\r\n\r\n"),
        warc_record("response", FIRST_URL, http_response("200 OK", "text/html; charset=utf-8", news_page().encode())),
        warc_record("response", "https://kiosk.example/gone", http_response("404 Not Found", "text/html", b"<p>x</p>")),
        warc_record("response", "https://kiosk.example/logo.png", http_response("200 OK", "image/png", b"\x89PNG")),
        warc_record("metadata", FIRST_URL, b"fetchTimeMs: 120\r\n"),
        warc_record("revisit", FIRST_URL, b""),
        warc_record("response", SECOND_URL, http_response("200 OK", "text/html; charset=iso-8859-1", second)),
    ]


def write_warc(path: Path, records: list[bytes], gz: bool) -> str:
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    return str(path)


@pytest.mark.parametrize("gz", [True, False])
def test_warc_articles_only_from_html_responses_with_status_200(tmp_path, gz):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), crawl(), gz)
    first, second = read_warc(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.record, first.path, first.title) == (FIRST_URL, 3, path, "Water accord signed in Nairobi")
    assert first.date == "2024-02-29"  # the page's own date beats the crawl date
    assert (second.id, second.record, second.source) == (SECOND_URL, 8, "kiosk.example")
    assert (second.text, second.date) == (SECOND_TEXT, "2024-03-05")  # declared charset; the WARC-Date's day


def test_truncated_warc_gz_keeps_the_articles_before_the_cut(tmp_path, capfd):
    records = crawl()
    data = b"".join(gzip.compress(r) for r in records)
    cut = len(data) - len(gzip.compress(records[-1])) // 2
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:cut])
    first, error = read_warc(str(path))
    assert isinstance(first, Document) and first.id == FIRST_URL
    assert isinstance(error, DocumentError) and error.line == 8 and "truncated" in error.message
    assert capfd.readouterr().err == ""


def test_truncated_plain_warc_does_not_give_half_an_article(tmp_path):
    data = b"".join(crawl())
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 60])  # inside the last article's body
    first, error = read_warc(str(path))
    assert isinstance(first, Document) and first.id == FIRST_URL
    assert isinstance(error, DocumentError) and error.line == 8 and "truncated" in error.message


def test_corrupt_records_stop_the_file_with_one_error(tmp_path, capfd):
    records = crawl()
    # a Content-Length that ends the record early: the bytes after it are not a record's end
    lying = records[3].replace(b"Content-Length: ", b"Content-Length: 1", 1)
    path = write_warc(tmp_path / "lying.warc", [*records[:3], lying, *records[4:]], gz=False)
    items = list(read_warc(path))
    assert [type(i).__name__ for i in items] == ["Document", "DocumentError"]
    assert items[1].line == 4 and "Content-Length" in items[1].message

    members = [gzip.compress(r) for r in records]
    damaged = bytearray(members[4])
    damaged[len(damaged) // 2 : len(damaged) // 2 + 8] = b"\x00" * 8
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(b"".join([*members[:4], bytes(damaged), *members[5:]]))
    items = list(read_warc(str(path)))
    assert [type(i).__name__ for i in items] == ["Document", "DocumentError"]
    assert items[1].line == 5 and "gzip" in items[1].message
    assert capfd.readouterr().err == ""  # warcio's own reports on stderr are kept out


def test_a_file_that_is_not_warc(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not a web archive\n", encoding="utf-8")
    [error] = read_warc(str(path))
    assert isinstance(error, DocumentError) and error.line == 1 and "ArchiveLoadFailed" in error.message


# -- JSONL.gz --------------------------------------------------------------------------------------------------


def test_jsonl_gz_is_read_line_by_line_with_path_record_and_author(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    lines = [
        json.dumps({"id": "w1", "text": "Troops withdrew.", "date": "2024-01-02", "author": "Eva Lind"}),
        "",
        "{broken",
        json.dumps({"text": "Talks began.", "source": "Wire"}),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    first, error, last = read_source(str(path))
    assert isinstance(first, Document) and isinstance(last, Document)
    assert (first.id, first.author, first.date, first.path, first.record) == (
        "w1",
        "Eva Lind",
        "2024-01-02",
        str(path),
        1,
    )
    assert isinstance(error, DocumentError) and error.line == 3
    assert (last.id, last.source, last.record) == ("wire.jsonl.gz:4", "Wire", 4)


def test_damaged_jsonl_gz_keeps_the_lines_before(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress("".join(json.dumps({"id": f"d{i}", "text": "x" * 300}) + "\n" for i in range(200)).encode())
    path.write_bytes(data[: len(data) // 2])
    items = list(read_source(str(path)))
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 2
    assert [i.id for i in items[:-1]] == [f"d{i}" for i in range(len(items) - 1)]
    assert isinstance(items[-1], DocumentError) and items[-1].line == len(items)


def test_jsonl_documents_know_their_file_and_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('\n{"id": "x", "text": "Rain.", "author": "Ola Nordmann"}\n', encoding="utf-8")
    [doc] = read_path(str(path))
    assert isinstance(doc, Document) and (doc.path, doc.record, doc.author) == (str(path), 2, "Ola Nordmann")


# -- files and dispatch ----------------------------------------------------------------------------------------


def test_folders_are_walked_in_name_order_skipping_hidden_and_other_files(tmp_path):
    root = tmp_path / "in"
    for name in ["b.txt", "a/z.jsonl", "a/readme.md", ".hidden/x.txt", ".draft.txt", "c/d/e.WARC.GZ", "c/a.rss"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    single = tmp_path / "single.html"
    single.write_text("<p>x</p>", encoding="utf-8")
    found = list(iter_files([str(single), str(root)]))
    assert found == [str(single)] + [str(root / n) for n in ["a/z.jsonl", "b.txt", "c/a.rss", "c/d/e.WARC.GZ"]]


def test_unsupported_or_missing_paths_are_errors(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("x", encoding="utf-8")
    unsupported, missing = iter_files([str(notes), str(tmp_path / "gone.txt")])
    assert isinstance(unsupported, DocumentError) and isinstance(missing, DocumentError)
    assert all(suffix in unsupported.message for suffix in SUFFIXES)
    assert missing.message == "no such file or folder"
    [error] = read_source(str(notes))
    assert isinstance(error, DocumentError) and "unsupported" in error.message


def test_read_source_dispatches_on_the_suffix(tmp_path):
    files = {
        "story.txt": "Police arrested two protesters.",
        "page.htm": news_page(),
        "wire.rss": RSS.decode(),
        "dispatch.atom": ATOM.decode(),
        "lines.ndjson": json.dumps({"id": "n1", "text": "Rain."}) + "\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz", crawl(), gz=True)
    read = {path.name: list(read_source(str(path))) for path in sorted(tmp_path.iterdir())}
    assert [d.id for d in read["story.txt"]] == ["story.txt"]
    assert [d.title for d in read["page.htm"]] == ["Water accord signed in Nairobi"]
    assert [type(d).__name__ for d in read["wire.rss"]] == ["Document", "DocumentError", "Document"]
    assert [d.source for d in read["dispatch.atom"]] == ["Harbour Dispatch"] * 3
    assert [d.id for d in read["lines.ndjson"]] == ["n1"]
    assert [d.id for d in read["crawl.warc.gz"]] == [FIRST_URL, SECOND_URL]


def test_eventwire_code_reads_html_through_read_path(tmp_path):
    page = tmp_path / "accord.html"
    page.write_text(news_page(), encoding="utf-8")
    [doc] = read_path(str(page))
    assert isinstance(doc, Document) and doc.text.split("\n\n") == PARAGRAPHS and doc.id == "accord.html"


def test_a_reader_failing_midway_keeps_what_it_gave(tmp_path, monkeypatch):
    def flaky(path):
        yield Document("kept", "Something happened.", path=path)
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(sources, "iter_warc_pages", flaky)
    path = str(tmp_path / "x.warc")
    kept, error = read_source(path)
    assert isinstance(kept, Document) and kept.id == "kept"
    assert isinstance(error, DocumentError) and error.path == path and "RuntimeError: parser exploded" in error.message


def test_web_pages_can_be_extracted_later_in_another_process(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", crawl(), gz=True)
    units = list(iter_units(path))
    assert all(isinstance(u, Page) for u in units) and len(units) == 2
    assert [(u.url, u.record, u.fallback_date) for u in units] == [
        (FIRST_URL, 3, "2024-03-05"),
        (SECOND_URL, 8, "2024-03-05"),
    ]
    shipped = pickle.loads(pickle.dumps(units))  # as sent to a worker
    assert [to_document(u) for u in shipped] == list(read_source(path))
    text = tmp_path / "note.txt"
    text.write_text("Rain fell.", encoding="utf-8")
    [doc] = iter_units(str(text))
    assert isinstance(doc, Document) and to_document(doc) is doc


def test_a_short_page_keeps_its_title_and_byline_out_of_the_first_sentence():
    """Regression: on a short page trafilatura returns the whole article element as one paragraph."""
    page = (
        "<html><head><title>Talks in Rome</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<h1>Talks in Rome</h1><p class='byline'>By Desk Editor, 2024-05-02</p>"
        "<p>Italy's foreign minister met his Greek counterpart in Rome on Thursday.</p></article></body></html>"
    )
    doc = document_from_html(page, path="rome.html")
    assert isinstance(doc, Document)
    assert doc.text == "Italy's foreign minister met his Greek counterpart in Rome on Thursday."
    assert (doc.title, doc.author) == ("Talks in Rome", "Desk Editor")


def test_a_first_sentence_that_begins_like_the_title_is_kept_whole():
    page = (
        "<html><head><title>Putin meets Xi</title></head><body><article><h1>Putin meets Xi</h1>"
        "<p>Putin meets Xi Jinping in Beijing for talks on trade and energy, the Kremlin said.</p>"
        "</article></body></html>"
    )
    doc = document_from_html(page, path="p.html")
    assert isinstance(doc, Document)
    assert "Putin meets Xi Jinping in Beijing" in doc.text
