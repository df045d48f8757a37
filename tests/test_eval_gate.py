"""The evaluation gate: the coder's scores on the shared evaluation sets stay at or above the floors pinned in
eval_floors.json (raised, never lowered). The sets live in ../shared/eval, beside the checkout, as in CI; a
machine without them (a user's) has nothing to score."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

FLOORS = json.loads((ROOT / "eval_floors.json").read_text())


def test_floors_cover_every_set():
    assert set(FLOORS) == {"dev_news", "dev_news_more", "dev_articles", "seed_gold", "plover_gsr_gold"}
    for name, floors in FLOORS.items():
        assert floors and all(0 < v <= 1 for v in floors.values()), name


@pytest.mark.skipif(not (SHARED / "eval" / "score_events.py").exists(), reason="no ../shared/eval beside the checkout")
def test_scores_hold_their_floors():
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval.py"), "--check"], capture_output=True, text=True, timeout=900
    )
    assert r.returncode == 0, r.stdout + r.stderr
