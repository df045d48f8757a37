"""Build src/eventwire/data/cameo.tsv from the reference tables in ../shared/reference.

A developer tool, run once when the reference changes; the product reads only the TSV it writes.
Facts taken: each CAMEO code's name and Goldstein score (ICEWS codebook) and its PLOVER category.
CAMEO 01 (statements) has no PLOVER category and keeps an empty one.
QuadClass follows from the root (01-05 verbal cooperation, 06-08 material cooperation,
09-13 verbal conflict, 14-20 material conflict).
"""

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference"


def quad_class(root: int) -> int:
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def main() -> int:
    plover: dict[str, str] = {}
    for line in (REF / "cameo-to-plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if m:
            plover[m.group(1)] = m.group(2)
    raw = (REF / "cameo-codebook-icews" / "cameo-codes.csv").read_bytes().decode("cp1252", errors="replace")
    rows = list(csv.DictReader(raw.splitlines()))
    out = ["# code\tname\tgoldstein\tquad_class\tplover"]
    for row in sorted(rows, key=lambda r: r["code"]):
        code = row["code"].strip()
        if not code.isdigit():
            continue
        root = int(code[:2])
        pl = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]) or ""
        if not pl and code.startswith("02"):
            pl = "REQUEST"  # PLOVER folds CAMEO's appeals into REQUEST; its table lists only 10x
        name = " ".join(row["name"].split())
        out.append(f"{code}\t{name}\t{float(row['goldstein']):g}\t{quad_class(root)}\t{pl}")
    target = ROOT / "src" / "eventwire" / "data" / "cameo.tsv"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(out) - 1} codes to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
