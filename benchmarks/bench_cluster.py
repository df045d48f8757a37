"""`make bench` (cluster part): `eventwire ingest --dask-local N --parts DIR` over a few thousand of the project's
own articles (benchmarks/ingest_corpus.py: HTML pages, WARC and JSONL files, one shard a file) with a Dask
LocalCluster of 1 and of 2 workers, side by side in the same run; then both part folders merged, and the stores
compared (they must hold the same articles, duplicates, events and mentions). Memory: each worker's peak resident
set after each of its shards, read from the parts' manifests: flat means it stops growing after the first shards.

    python benchmarks/bench_cluster.py [ARTICLES]   (default 2000; one run of each, about 5 minutes on 2 cores)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_corpus import write  # noqa: E402

TIMEOUT = 3600


def eventwire(*args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=TIMEOUT
    )
    if done.returncode != 0:
        sys.exit(f"eventwire {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start, done.stderr.strip().splitlines()[-1]


def worker_memory(parts: Path) -> dict[str, list[float]]:
    """Each worker's peak MB after each of its shards, in the order they finished."""
    by_worker: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for done in parts.glob("*/_done.json"):
        m = json.loads(done.read_text())
        by_worker[m["worker"]].append((m["finished_at"], m["peak_mb"]))
    return {w: [mb for _, mb in sorted(v)] for w, v in sorted(by_worker.items())}


def main() -> int:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = write(root / "corpus", articles=articles)
        n = sum(corpus.documents.values())
        print(f"corpus: {n} articles in {sum(corpus.files.values())} shards {corpus.files}")
        rows, stats = [], {}
        for workers in (1, 2):
            parts = root / f"parts{workers}"
            seconds, summary = eventwire(
                "ingest", "--dask-local", str(workers), "--parts", str(parts), str(root / "corpus")
            )
            memory = worker_memory(parts)
            rows.append((workers, seconds, n / seconds, memory))
            print(f"  {workers} worker(s): {summary}")
            merge_s, _ = eventwire("merge", "--parts", str(parts), "--db", str(root / f"m{workers}.duckdb"))
            print(f"  merge of the {workers}-worker parts: {merge_s:.1f} s ({n / merge_s:.0f} articles/s)")
            db = str(root / f"m{workers}.duckdb")
            cmd = [sys.executable, "-m", "eventwire.cli", "stats", "--db", db, "--format", "json"]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            stats[workers] = {
                k: v for k, v in json.loads(out).items() if k in ("articles", "duplicates", "events", "mentions")
            }
        print(f"{'Dask LocalCluster':<22}{'wall s':>9}{'articles/s':>12}")
        for workers, seconds, rate, memory in rows:
            print(f"{workers} worker(s){'':<12}{seconds:>9.1f}{rate:>12.1f}")
            for worker, peaks in memory.items():
                marks = [peaks[max(0, round(len(peaks) * f) - 1)] for f in (0.0, 0.1, 0.25, 0.5, 0.75, 1.0)]
                curve = " -> ".join(f"{mb:.0f}" for mb in marks)
                print(f"    worker {worker}: peak MB after its first shard, 10%, 25%, 50%, 75%, all: {curve}")
        speedup = rows[0][1] / rows[1][1]
        print(f"speed-up (1-worker time / 2-worker time): {speedup:.2f}")
        print(f"merged stores: {stats[1]} / {stats[2]}")
        print(
            json.dumps({"articles_per_s": {str(w): round(r, 1) for w, _, r, _ in rows}, "speedup": round(speedup, 3)})
        )
        if stats[1] != stats[2] or stats[1]["articles"] != n:
            print("the two stores differ, or articles are missing", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
