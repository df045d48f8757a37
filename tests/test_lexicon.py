"""Every lexicon line tests itself: its example sentence must give the line's CAMEO code with the
expected actors (data/LEXICON.md)."""

from __future__ import annotations

import pytest

from eventwire.coding import lexicon
from eventwire.coding.lexicon import parse_pattern
from eventwire.model import Document
from tests.conftest import actor_keys

ENTRIES = lexicon.default().all


def _expect(expect: str) -> tuple[str | None, str | None]:
    if not expect or expect == "-":
        return None, None
    src, _, tgt = expect.partition(">")
    return (src if src and src != "-" else None), (tgt if tgt and tgt != "-" else None)


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{p.kind}s.tsv:{p.line}" for p in ENTRIES])
def test_entry_codes_its_example(coder, entry):
    assert entry.example, "every lexicon line needs an example sentence"
    events = coder.code_document(Document("example", entry.example, "2024-06-01"))
    src, tgt = _expect(entry.expect)
    hits = [
        e
        for e in events
        if e.cameo == entry.cameo
        and (src is None or src in actor_keys(e.source))
        and (tgt is None or tgt in actor_keys(e.target))
    ]
    got = [(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo, e.mode) for e in events]
    assert hits, f"{entry.example!r} should give {entry.cameo} {entry.expect}; got {got}"


@pytest.mark.parametrize(
    "pattern, message",
    [("meet +", "empty"), ("meet >", "empty"), ("meet ?with", "unknown pattern item")],
)
def test_bad_patterns_are_refused(pattern, message):
    with pytest.raises(ValueError):
        parse_pattern("verb", pattern, "040")


def test_unknown_code_is_refused():
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        parse_pattern("verb", "meet", "999")


def test_more_specific_lines_come_first():
    for plist in lexicon.default().verbs.values():
        specs = [p.specificity for p in plist]
        assert specs == sorted(specs, reverse=True)
