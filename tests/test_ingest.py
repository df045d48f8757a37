"""`eventwire ingest` end to end: every input format into one store, syndicated copies, reruns, a crash
(SIGKILL) and its recovery, and the query and export commands over the result."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.ingest.pipeline import ingest
from eventwire.store import queries, schema

STORIES = {
    "txt": (
        None,
        "Poland's army said its air defences shot down two Russian drones near the border on Sunday. "
        "Russian forces also shelled the Ukrainian city of Kherson overnight, regional officials said. The strikes cut power to "
        "thousands of homes in the city. Engineers restored most of the lines by the evening. Schools in the "
        "region moved their lessons online for the rest of the week.",
    ),
    "html": (
        "2024-06-14",
        "French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris on Friday. "
        "Macron invited India to join talks on a ceasefire in Ukraine.",
    ),
    "jsonl1": ("2023-11-02", "Egypt condemned the Israeli strikes on Gaza in a statement on Thursday."),
    "jsonl2": ("2024-02-20", "Brazil recalled its ambassador from Israel after a row over comments on Gaza."),
    "rss1": ("2024-04-22", "Japan and the Philippines signed a defence pact in Manila on Monday."),
    "rss2": ("2024-03-05", "Iran accused the United States of backing attacks on its oil tankers."),
    "warc1": ("2024-05-16", "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing."),
    "warc2": ("2024-01-29", "Jordan condemned the drone attack that killed three US soldiers."),
}
PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body><nav><a href="/">Front page</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<article><h1>{title}</h1><p class="byline">By A Correspondent</p><p>{body}</p>
<p>Both governments released statements after the meeting on their official websites.</p></article>
<footer>All rights reserved. Sign up for our morning briefing.</footer></body></html>"""


def page(key: str) -> str:
    date, body = STORIES[key]
    return PAGE.format(title=f"Story {key}", date=date, body=body)


def warc_record(url: str, date: str, html: str) -> bytes:
    payload = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}".encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{abs(hash(url)) % 10**12:012d}>\r\n"
        f"WARC-Date: {date}T10:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + payload + b"\r\n\r\n")


def write_corpus(folder: Path) -> Path:
    """Eight stories in every format, and a syndicated copy of the .txt story under another header."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.txt").write_text(STORIES["txt"][1] + "\n", encoding="utf-8")
    (folder / "copies").mkdir()
    (folder / "copies" / "story-wire.txt").write_text("(WIRE) -- " + STORIES["txt"][1] + "\n", encoding="utf-8")
    (folder / "page.html").write_text(page("html"), encoding="utf-8")
    with open(folder / "items.jsonl", "w", encoding="utf-8") as f:
        for key in ("jsonl1", "jsonl2"):
            date, text = STORIES[key]
            f.write(json.dumps({"id": key, "text": text, "date": date, "url": f"https://news.example/{key}"}) + "\n")
    items = "".join(
        f"<item><title>{key}</title><link>https://feed.example/{key}</link>"
        f"<pubDate>{'Mon, 22 Apr 2024' if key == 'rss1' else 'Tue, 05 Mar 2024'} 07:00:00 GMT</pubDate>"
        f"<description>{STORIES[key][1]}</description></item>"
        for key in ("rss1", "rss2")
    )
    (folder / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    with open(folder / "crawl.warc.gz", "wb") as f:
        for key in ("warc1", "warc2"):
            f.write(warc_record(f"https://crawl.example/{key}", STORIES[key][0], page(key)))
    (folder / "notes.md").write_text("not an input format: skipped inside a folder\n", encoding="utf-8")
    return folder


def run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=timeout
    )


def stats(db: Path) -> dict:
    r = run("stats", "--db", str(db), "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The mixed corpus ingested once through the command line, with 2 workers."""
    root = tmp_path_factory.mktemp("ingest")
    corpus = write_corpus(root / "corpus")
    db = root / "events.duckdb"
    r = run("ingest", "--db", str(db), "--workers", "2", str(corpus))
    assert r.returncode == 0, r.stderr
    return corpus, db, r


def test_every_format_is_ingested_and_the_copy_is_marked(ingested):
    corpus, db, r = ingested
    s = stats(db)
    assert (s["articles"], s["duplicates"]) == (9, 1)
    assert "9 new articles (1 duplicates" in r.stderr and "Traceback" not in r.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT a.path, a.record, a.url, a.published::VARCHAR, a.dup_of IS NOT NULL, count(m.mention_id) "
            "FROM articles a LEFT JOIN mentions m USING (article_id) GROUP BY ALL ORDER BY min(a.seq)"
        ).fetchall()
    names = [(Path(p).name, rec) for p, rec, *_ in rows]
    assert names == [
        ("story-wire.txt", None),  # folders in sorted order: copies/ before the files beside it
        ("crawl.warc.gz", 1),
        ("crawl.warc.gz", 2),
        ("feed.xml", 1),
        ("feed.xml", 2),
        ("items.jsonl", 1),
        ("items.jsonl", 2),
        ("page.html", None),
        ("story.txt", None),
    ]
    by_name = {(Path(p).name, rec): (url, date, dup, n) for p, rec, url, date, dup, n in rows}
    assert by_name[("story.txt", None)][2] is True  # the later copy is the duplicate
    assert by_name[("crawl.warc.gz", 1)][:2] == ("https://crawl.example/warc1", "2024-05-16")
    assert by_name[("feed.xml", 1)][:2] == ("https://feed.example/rss1", "2024-04-22")
    assert by_name[("page.html", None)][1] == "2024-06-14"
    assert all(n > 0 for *_, n in by_name.values()), "every story gives at least one mention"


def test_events_are_counted_once_across_the_copy(ingested):
    _, db, _ = ingested
    with schema.connect(str(db), read_only=True) as con:
        s = queries.stats(con)
        shelling = con.execute(
            "SELECT num_mentions, num_articles FROM events WHERE source_country = 'RUS' AND target_country = 'UKR'"
        ).fetchall()
    assert s["events"] >= 8 and s["mentions"] > s["events"]
    assert shelling == [(2, 2)], "the wire copy's mention joins the original's event"


def test_a_second_ingest_changes_nothing(ingested, tmp_path):
    corpus, db, _ = ingested
    before = stats(db)
    r = run("ingest", "--db", str(db), str(corpus))
    assert r.returncode == 0, r.stderr
    assert "0 new articles" in r.stderr and "(6 unchanged)" in r.stderr
    assert stats(db) == before
    # touched files are read again, and their articles found already stored
    os.utime(corpus / "items.jsonl")
    r = run("ingest", "--db", str(db), str(corpus / "items.jsonl"))
    assert "0 new articles (0 duplicates, 2 already stored)" in r.stderr
    assert stats(db) == before


def test_gdelt_and_parquet_exports(ingested, tmp_path):
    _, db, _ = ingested
    n = stats(db)["events"]
    r = run("export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "e.tsv"))
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n and {len(row) for row in rows} == {61}
    assert all(row[26].isdigit() and row[28] == row[26][:2] and row[29] in "1234" for row in rows)
    r = run("export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "e.parquet"))
    assert r.returncode == 0, r.stderr
    got = duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "e.parquet")]).fetchall()
    assert got == [(n,)]


def test_query_commands(ingested):
    _, db, _ = ingested
    r = run("events", "--db", str(db), "--actor", "FRA", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all("FRA" in (row["source_country"], row["target_country"]) for row in rows)
    assert any("Macron" in row["sentence"] for row in rows)
    r = run("dyads", "--db", str(db), "--format", "csv", "--top", "3")
    assert r.returncode == 0 and r.stdout.splitlines()[0].startswith("source,target,events")
    assert len(r.stdout.splitlines()) == 4
    r = run("dyads", "--db", str(db), "--source", "RUS", "--target", "CHN", "--by", "week", "--format", "jsonl")
    assert [json.loads(line)["period"] for line in r.stdout.splitlines()] == ["2024-05-13"]
    r = run("actors", "--db", str(db), "--top", "2", "--format", "jsonl")
    assert len(r.stdout.splitlines()) == 2
    r = run("events", "--db", str(db), "--limit", "3")
    assert r.returncode == 0 and "3 of" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--since", "2024-02-30"], "since must be a date"),
        (["events", "--limit", "-1"], "limit must be"),
        (["dyads", "--root", "44"], "root must be"),
        (["stats", "--db", "missing.duckdb"], "no such store"),
        (["ingest", "--db", "x.duckdb", "--batch", "0", "."], "--batch must be"),
    ],
)
def test_bad_query_arguments_are_one_line(ingested, args, message):
    _, db, _ = ingested
    if "--db" not in args:
        args = [*args, "--db", str(db)]
    r = run(*args)
    assert r.returncode == 2 and message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_bad_files_are_reported_and_the_good_ones_stored(tmp_path):
    (tmp_path / "good.jsonl").write_text(
        json.dumps({"id": "g", "text": STORIES["jsonl1"][1], "date": "2023-11-02"}) + "\n" + "{not json\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    r = run("ingest", "--db", str(db), str(tmp_path), str(tmp_path / "missing.txt"))
    assert r.returncode == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("eventwire: ") and "new articles" not in line]
    assert any(f"{tmp_path / 'good.jsonl'}:2:" in line for line in errors), r.stderr
    assert any("broken.warc.gz" in line for line in errors) and any("missing.txt" in line for line in errors)
    assert any("empty.html" in line for line in errors)
    assert "Traceback" not in r.stderr
    assert stats(db)["articles"] == 1


def bulk(folder: Path, n: int) -> Path:
    folder.mkdir()
    path = folder / "bulk.jsonl"
    countries = ["France", "Germany", "Japan", "India", "Brazil", "Kenya", "Mexico", "Canada", "Egypt", "Peru"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            a, b = countries[i % 10], countries[(i // 10) % 10]
            text = f"Item {i}: {a} and {b} signed trade agreement number {i * 7919 % 10007} in the capital."
            f.write(json.dumps({"id": f"b{i}", "text": text, "date": f"2024-0{1 + i % 9}-1{i % 10}"}) + "\n")
    return path


def test_an_ingest_killed_with_sigkill_resumes_with_every_article_once(tmp_path):
    corpus = bulk(tmp_path / "bulk", 400)
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    assert run("ingest", "--db", str(clean), "--workers", "1", str(corpus)).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "ingest", "--db", str(crashed), "--batch", "20", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wal = Path(str(crashed) + ".wal")
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:  # kill it once some batches are committed
        if wal.exists() and wal.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = stats(crashed)
    assert 0 < partial["articles"] < 400, partial
    r = run("ingest", "--db", str(crashed), str(corpus))
    assert r.returncode == 0, r.stderr
    assert f"{partial['articles']} already stored" in r.stderr
    assert stats(crashed) == stats(clean)


def test_the_ingest_core_as_a_library(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    seen = []
    result = ingest([str(corpus)], str(tmp_path / "lib.duckdb"), on_progress=lambda s: seen.append(s.articles))
    assert (result.articles, result.duplicates, result.errors, result.files) == (9, 1, 0, 6)
    assert seen and seen[-1] == 9


def test_the_bundled_samples_ingest_cleanly(tmp_path):
    """`make run`'s corpus: every format, no errors, the syndicated page marked as a copy."""
    from tests.conftest import ROOT

    stats_ = ingest([str(ROOT / "samples")], str(tmp_path / "samples.duckdb"))
    assert stats_.errors == 0
    assert stats_.files == 11 and stats_.duplicates == 1
    assert stats_.articles >= 25 and stats_.new_events >= stats_.articles


def test_a_store_held_by_another_process_is_a_one_line_error(tmp_path):
    db = tmp_path / "busy.duckdb"
    with duckdb.connect(str(db)):  # this process holds the write lock, as a running ingest would
        r = run("stats", "--db", str(db))
    assert r.returncode == 2
    assert "open in another process" in r.stderr and len(r.stderr.strip().splitlines()) == 1
