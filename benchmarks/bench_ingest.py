"""`make bench`: throughput and peak memory of `eventwire ingest` (extraction, coding, dedup, storage) over ~400 of
the project's own wire-style articles of ~500 words (benchmarks/ingest_corpus.py: HTML pages, CC-NEWS-style WARC
files and JSONL, about a third each, plus one syndicated copy), in one process (`--workers 1`) side by side with a
pool of two forked workers (`--workers 2`), in the same run, each into a fresh store. Each command runs as its own
process, three times each in turn; wall time is the best and the median of the three, memory the peak resident set
of the largest process (workers included) over the three. The 2-worker store must then hold every article and
exactly one duplicate (the syndicated copy), or the benchmark fails."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_corpus import write  # noqa: E402

RUNS = 3
WORKERS = (1, 2)
TIMEOUT = 600  # seconds a run may take before the benchmark gives up

# runs a command; prints its wall seconds, the peak resident set (kB) of its largest process (workers included)
# and its exit status, and passes its stderr on
RUNNER = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
sys.stderr.write(done.stderr)
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
"""
SUMMARY = re.compile(r"eventwire: (\d+) new articles \((\d+) duplicates")


def ingest(corpus: Path, db: Path, workers: int) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB of the largest process, the one-line summary) of one ingest into a new store."""
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", "--db", str(db), "--workers", str(workers), str(corpus)]
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, *cmd], capture_output=True, text=True, timeout=TIMEOUT, check=True
    )
    wall, peak_kb, status = done.stdout.split()
    summary = next((line for line in done.stderr.splitlines() if SUMMARY.search(line)), "")
    if status != "0":
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"bench_ingest: `{' '.join(cmd[2:])}` failed with exit status {status}")
    return float(wall), int(peak_kb) / 1024, summary


def stats(db: Path) -> dict:
    cmd = [sys.executable, "-m", "eventwire.cli", "stats", "--db", str(db), "--format", "json"]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        corpus = write(root)
        times: dict[int, list[float]] = {w: [] for w in WORKERS}
        peaks: dict[int, float] = dict.fromkeys(WORKERS, 0.0)
        summaries: dict[int, str] = {}
        for run in range(RUNS):
            for w in WORKERS:  # in turn, so that a slow spell of the machine does not favour one
                db = Path(tmp) / f"w{w}-{run}.duckdb"
                t, peak, summaries[w] = ingest(root, db, w)
                times[w].append(t)
                peaks[w] = max(peaks[w], peak)
        stored = {w: stats(Path(tmp) / f"w{w}-{RUNS - 1}.duckdb") for w in WORKERS}

    n, words = corpus.total, corpus.mean_words
    files = ", ".join(f"{k} {v}" for k, v in corpus.files.items())
    docs = ", ".join(f"{k} {v}" for k, v in corpus.documents.items())
    print(f"corpus: {n} articles in {sum(corpus.files.values())} files ({files}); documents: {docs}")
    print(f"        {words:.0f} words per article (mean), {corpus.duplicates} syndicated copy (ingest_corpus.py)")
    head = ("articles", "words/art", "best s", "median s", "art/s", "peak MB")
    print(f"{'command':30s} " + " ".join(f"{h:>9s}" for h in head))
    for w in WORKERS:
        best, median = min(times[w]), statistics.median(times[w])
        name = f"eventwire ingest --workers {w}"
        print(f"{name:30s} {n:9d} {words:9.0f} {best:9.2f} {median:9.2f} {n / best:9.1f} {peaks[w]:9.0f}")
    best_up = min(times[1]) / min(times[2])
    median_up = statistics.median(times[1]) / statistics.median(times[2])
    print(
        f"speed-up (1-worker time / 2-worker time): best {best_up:.2f}, median {median_up:.2f} ({os.cpu_count()} cores)"
    )
    for w in WORKERS:
        print(f"last run, {w} worker{'s' if w > 1 else ''}: {summaries[w]}")
    print(f"stats of the 2-worker store: {json.dumps(stored[2])}")
    print(
        json.dumps(
            {
                "articles_per_s": {str(w): round(n / min(times[w]), 1) for w in WORKERS},
                "speedup": round(best_up, 3),
                "peak_mb": {str(w): round(peaks[w]) for w in WORKERS},
            }
        )
    )
    failures = []
    if stored[2]["articles"] != n:
        failures.append(f"the 2-worker store holds {stored[2]['articles']} articles, not {n}")
    if stored[2]["duplicates"] != corpus.duplicates:
        failures.append(f"the 2-worker store holds {stored[2]['duplicates']} duplicates, not {corpus.duplicates}")
    keys = ("articles", "duplicates", "events", "mentions")
    if any(stored[1][k] != stored[2][k] for k in keys):
        failures.append(f"the 1-worker store differs: {json.dumps({k: stored[1][k] for k in keys})}")
    for failure in failures:
        print(f"bench_ingest: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
