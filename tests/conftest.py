"""Shared fixtures: one Coder (and so one spaCy pipeline) for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.coding.coder import Coder

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


def actor_keys(actor) -> set[str]:
    """The keys by which an actor dict or Actor matches an expected code (as the shared scorer does)."""
    if actor is None:
        return set()
    get = actor.get if isinstance(actor, dict) else (lambda k: getattr(actor, k))
    keys = {v for v in (get("country"), get("org")) if v}
    code = get("code")
    if code:
        keys |= {code, code[:3]}
    return keys
