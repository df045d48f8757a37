"""`make eval`: code every gold file in ../shared/eval with the installed `eventwire code` and score it with
the shared scorer; with --check, fail when a score falls below the floors pinned in eval_floors.json."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = ROOT / "eval_floors.json"
SETS = ("dev_news", "dev_news_more", "dev_articles", "seed_gold", "plover_gsr_gold")


def score(name: str, workdir: Path) -> dict[str, float]:
    gold = EVAL / f"{name}.jsonl"
    docs = workdir / f"{name}.docs.jsonl"
    pred = workdir / f"{name}.pred.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.write(json.dumps({"id": row["id"], "text": row["text"], "date": row.get("date")}) + "\n")
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run(
            [sys.executable, "-m", "eventwire.cli", "code", "--format", "jsonl", str(docs)], stdout=out, check=True
        )
    args = [sys.executable, str(EVAL / "score_events.py"), str(gold), str(pred)]
    if "--show" in sys.argv:
        args.append("--show")
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    figures: dict[str, float] = {}
    for line in result.stdout.splitlines():
        for part in line.split():
            key, _, value = part.partition("=")
            if key in ("precision", "recall", "f1", "tp", "fp", "fn"):
                figures[key] = float(value)
    if "--show" in sys.argv:
        print(result.stdout)
    return figures


def main() -> int:
    if not EVAL.is_dir():
        print(f"eval: no evaluation sets at {EVAL}", file=sys.stderr)
        return 2
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS:
            if only and name not in only:
                continue
            f = score(name, Path(tmp))
            line = (
                f"{name:16s} precision={f['precision']:.3f} recall={f['recall']:.3f} f1={f['f1']:.3f} "
                f"(tp={f['tp']:.0f} fp={f['fp']:.0f} fn={f['fn']:.0f})"
            )
            for metric, floor in floors.get(name, {}).items():
                if f[metric] + 1e-9 < floor:
                    failed.append(f"{name} {metric} {f[metric]:.3f} < floor {floor:.3f}")
            print(line)
    if "--check" in sys.argv and failed:
        for f in failed:
            print(f"eval: below floor: {f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
