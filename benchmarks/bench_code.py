"""`make bench`: throughput and peak memory of `eventwire code` over ~1,300 sentences of the project's own
articles, side by side with one plain spaCy pass (the full installed pipeline, nlp.pipe) over the same texts,
in the same run. Each command runs as its own process, best of three; memory is the peak resident set of the
largest process (workers included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write  # noqa: E402

BASELINE = """
import json, sys, spacy
name = spacy.util.get_installed_models()[0]
nlp = spacy.load(name)
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
print(sum(1 for _ in nlp.pipe(texts, batch_size=64)))
"""


# runs a command and prints the peak resident set (kB) of its largest process, workers included
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """(best wall seconds of three runs, peak RSS in MB of the largest process of one run)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    peak = subprocess.run([sys.executable, "-c", PEAK, *cmd], check=True, capture_output=True, text=True)
    return best, int(peak.stdout.split()[-1]) / 1024


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        sentences = write(corpus)
        docs = sum(1 for _ in corpus.open())
        script = Path(tmp) / "baseline.py"
        script.write_text(BASELINE)
        t_base, mem_base = timed([sys.executable, str(script), str(corpus)])
        eventwire = [sys.executable, "-m", "eventwire.cli", "code", "--format", "jsonl", str(corpus)]
        t_ew, mem_ew = timed(eventwire)
        out = subprocess.run(eventwire, check=True, capture_output=True, text=True).stdout
        events = len(out.splitlines())
    rows = [
        ("spaCy pass (full pipeline, 1 process)", t_base, mem_base),
        (f"eventwire code ({os.cpu_count()} cores available)", t_ew, mem_ew),
    ]
    print(f"corpus: {docs} documents, {sentences} sentences (benchmarks/corpus.py); {events} events coded")
    print(f"{'command':42s} {'wall s':>7s} {'sent/s':>8s} {'docs/s':>8s} {'peak MB':>8s}")
    for name, t, mem in rows:
        print(f"{name:42s} {t:7.2f} {sentences / t:8.0f} {docs / t:8.1f} {mem:8.0f}")
    print(f"ratio eventwire / spaCy pass: {t_ew / t_base:.2f} (<= 1.0 is the goal)")
    print(json.dumps({"sentences_per_s": round(sentences / t_ew), "ratio": round(t_ew / t_base, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
