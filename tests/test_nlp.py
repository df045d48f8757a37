"""The sentence splitter: offsets, abbreviations, paragraphs and runs with no sentence end."""

from __future__ import annotations

import pytest

from eventwire.nlp import MAX_SENTENCE_CHARS, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran launched drones. Israel shot them down.", ["Iran launched drones.", "Israel shot them down."]),
        ("Mr. Blinken met U.S. allies in Brussels. He left.", ["Mr. Blinken met U.S. allies in Brussels.", "He left."]),
        ('He said: "We will respond." Then he left.', ['He said: "We will respond."', "Then he left."]),
        ("First paragraph without a stop\n\nSecond one.", ["First paragraph without a stop", "Second one."]),
        ("Gen. Ali met Sen. Smith on Jan. 5 in Kabul.", ["Gen. Ali met Sen. Smith on Jan. 5 in Kabul."]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text():
    text = "  Russia attacked.\n\n  Ukraine responded!  Then what?"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_run_without_sentence_end_is_cut():
    text = "word " * 2000
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
