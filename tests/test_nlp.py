"""The sentence splitter: offsets, abbreviations, paragraphs and runs with no sentence end."""

from __future__ import annotations

import json

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


def test_the_faster_attribute_ruler_gives_the_same_tokens_as_spacys():
    """Every tag, POS, morphology and lemma as the original AttributeRuler sets them, over the samples."""
    import spacy

    from eventwire.fastruler import accelerate
    from eventwire.nlp import DEFAULT_PIPELINE, UNUSED_COMPONENTS
    from tests.conftest import ROOT

    texts = [s.text for path in sorted((ROOT / "samples").glob("*.txt")) for s in split_sentences(path.read_text())]
    texts += [json.loads(line)["text"] for line in (ROOT / "samples" / "news.jsonl").read_text().splitlines()]
    texts += ["I ain't gonna do it.", "They're gon na win", "  two   spaces ", "He said ``no'' -- twice."]
    plain = spacy.load(DEFAULT_PIPELINE, exclude=list(UNUSED_COMPONENTS))
    fast = spacy.load(DEFAULT_PIPELINE, exclude=list(UNUSED_COMPONENTS))
    assert accelerate(fast)
    assert type(fast.get_pipe("attribute_ruler").match).__name__ == "FastMatch"
    assert type(fast.get_pipe("lemmatizer").lemmatize).__name__ == "MemoLemmas"

    def attrs(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]

    assert len(texts) > 30
    for a, b in zip(plain.pipe(texts), fast.pipe(texts), strict=True):
        assert attrs(a) == attrs(b)
