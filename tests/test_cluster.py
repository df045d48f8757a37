"""Shards to Parquet parts and back: the same store from a single-process ingest, from local shard workers and
from a Dask LocalCluster; reruns skip complete shards; a failed shard is named; a killed worker loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire import cluster
from eventwire.cluster import merge, run_shards
from eventwire.ingest.pipeline import ingest
from tests.test_ingest import STORIES, page, warc_record

COUNTRIES = ["France", "Germany", "Japan", "India", "Brazil", "Kenya", "Mexico", "Canada", "Egypt", "Peru"]


def write_shards(folder: Path, n_jsonl: int = 3, per_file: int = 25) -> Path:
    """JSONL shards whose articles repeat across shards (syndicated copies in other shards), and a WARC."""
    folder.mkdir(parents=True)
    for s in range(n_jsonl):
        with open(folder / f"shard{s}.jsonl", "w", encoding="utf-8") as f:
            for i in range(per_file):
                a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
                if a == b:
                    b = "Chile"
                if i % 3 == 0:  # a wire story every shard runs under its own header: copies across shards
                    head = f"(WIRE {s}) "
                    body = (
                        f"{a} condemned the missile test carried out by {b} on Monday. "
                        f"{a} also recalled its ambassador from {b} for consultations, officials said."
                    )
                elif i == 1:  # the very same item in every shard: one article
                    head, body = "", f"{a} and {b} signed a trade agreement in the capital on Friday."
                else:
                    head = f"Shard {s} item {i}. "
                    body = f"{COUNTRIES[(i + s) % 10]} and {b} signed agreement number {s * 1000 + i} on trade."
                record = {"id": f"s{s}-{i}", "text": head + body, "date": f"2024-0{1 + i % 9}-1{i % 10}"}
                f.write(json.dumps(record) + "\n")
    with open(folder / "news.warc.gz", "wb") as f:
        for key in ("warc1", "warc2"):
            f.write(warc_record(f"https://crawl.example/{key}", STORIES[key][0], page(key)))
    return folder


def store_summary(db: Path) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        one = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": one("SELECT article_id, dup_of, seq FROM articles ORDER BY seq"),
            "events": one(
                "SELECT event_id, date, source_code, target_code, cameo, mode, num_mentions, num_articles, "
                "num_sources FROM events ORDER BY event_id"
            ),
            "mentions": one("SELECT mention_id, event_id FROM mentions ORDER BY mention_id"),
            "files": one("SELECT path, articles FROM files ORDER BY path"),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("cluster")
    shards = write_shards(root / "shards")
    reference = root / "local.duckdb"
    stats = ingest([str(shards)], str(reference))
    assert stats.duplicates > 0 and stats.known > 0 and stats.errors == 0
    return shards, store_summary(reference)


def test_local_shard_workers_and_merge_give_the_same_store(corpus, tmp_path):
    shards, expected = corpus
    run = run_shards([str(shards)], str(tmp_path / "parts"), workers=2)
    assert (run.shards, len(run.done), run.failed) == (4, 4, [])
    merge(str(tmp_path / "parts"), str(tmp_path / "merged.duckdb"))
    assert store_summary(tmp_path / "merged.duckdb") == expected


def test_a_dask_local_cluster_gives_the_same_store(corpus, tmp_path):
    shards, expected = corpus
    r = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "ingest", "--dask-local", "2", "--parts", str(tmp_path / "parts"),
         str(shards)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "4 shards: 4 done, 0 complete already, 0 failed" in r.stderr and "per shard min" in r.stderr
    workers = {json.loads(p.read_text())["worker"] for p in (tmp_path / "parts").glob("*/_done.json")}
    assert len(workers) == 2, "both workers took shards"
    r = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "merge", "--parts", str(tmp_path / "parts"), "--db",
         str(tmp_path / "dask.duckdb")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert store_summary(tmp_path / "dask.duckdb") == expected


def test_a_rerun_skips_complete_shards_and_redoes_unfinished_ones(corpus, tmp_path):
    shards, expected = corpus
    parts = tmp_path / "parts"
    first = run_shards([str(shards)], str(parts))
    assert first.skipped == 0 and first.articles > 0
    unfinished = next(parts.glob("*/_done.json"))
    unfinished.unlink()  # as if the worker had died before finishing this part
    second = run_shards([str(shards)], str(parts))
    assert (second.skipped, len(second.done) - second.skipped) == (3, 1)
    merge(str(parts), str(tmp_path / "m.duckdb"))
    merge(str(parts), str(tmp_path / "m.duckdb"))  # a second merge changes nothing
    assert store_summary(tmp_path / "m.duckdb") == expected


def test_a_failing_shard_is_named_and_the_others_go_on(corpus, tmp_path, monkeypatch):
    shards, _ = corpus
    real = cluster.run_shard
    tries = []

    def flaky(shard, *args):
        if shard.path.endswith("shard1.jsonl"):
            tries.append(shard.path)
            raise OSError("disk on fire")
        return real(shard, *args)

    monkeypatch.setattr(cluster, "run_shard", flaky)
    run = run_shards([str(shards)], str(tmp_path / "parts"), retries=2)
    assert [Path(p).name for p, _ in run.failed] == ["shard1.jsonl"]
    assert "disk on fire" in run.failed[0][1] and len(tries) == 3
    assert len(run.done) == 3


def test_merge_of_a_missing_parts_folder_is_a_clear_error(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "merge", "--parts", str(tmp_path / "none"), "--db",
         str(tmp_path / "x.duckdb")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert r.returncode == 2 and "no such parts folder" in r.stderr and "Traceback" not in r.stderr


def test_killing_a_worker_mid_run_loses_and_doubles_nothing(tmp_path):
    import psutil

    shards = write_shards(tmp_path / "shards", n_jsonl=6, per_file=40)
    ingest([str(shards)], str(tmp_path / "local.duckdb"))
    expected = store_summary(tmp_path / "local.duckdb")
    parts = tmp_path / "parts"
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", "--dask-local", "2", "--parts", str(parts), str(shards)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    killed = None
    while proc.poll() is None and time.monotonic() < deadline and killed is None:
        if list(parts.glob("*/_done.json")):  # the workers are at work: kill one of them
            workers = [
                p for p in psutil.Process(proc.pid).children(recursive=True) if "spawn_main" in " ".join(p.cmdline())
            ]
            busy = [w for w in workers if w.children() == [] and w.cpu_percent(0.2) > 5]
            if busy:
                killed = busy[0].pid
                os.kill(killed, signal.SIGKILL)
        time.sleep(0.1)
    _, err = proc.communicate(timeout=600)
    assert killed is not None, "no worker was caught at work"
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    merge(str(parts), str(tmp_path / "merged.duckdb"))
    assert store_summary(tmp_path / "merged.duckdb") == expected
