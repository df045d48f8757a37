"""The coder: documents in, events out. Sentences are split and filtered by the gazetteer before
anything is parsed; the parse is batched across documents; the work can be spread over processes."""

from __future__ import annotations

import hashlib
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from datetime import timedelta
from itertools import islice

from eventwire.actors import gazetteer as gazetteer_module
from eventwire.actors.gazetteer import Gazetteer
from eventwire.actors.resolve import DocContext, SentenceActors
from eventwire.coding import lexicon as lexicon_module
from eventwire.coding.cameo import lookup
from eventwire.coding.extract import Found, SentenceCoder
from eventwire.coding.lexicon import Lexicon
from eventwire.dates import parse_date
from eventwire.model import Document, Event, Observation
from eventwire.nlp import DEFAULT_PIPELINE, Sentence, load_pipeline, split_sentences

# "PYONGYANG, June 19 — ", "(MENAFN) ", "NEW DELHI/ISLAMABAD (Reuters) - "
_DATELINE = re.compile(
    r"^\s*(?:\([A-Za-z .]{2,20}\)\s*)?(?:[A-Z][A-Z .'/-]{2,60}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
    r"(?:\s*\([A-Za-z .]{2,20}\))?\s*[—–-]{1,2}\s+)?"
)
_PRONOUN_START = re.compile(
    r"\b(?:He|She|They|It|His|Her|Their|Its|The (?:minister|president|ministry|alliance|"
    r"country|kingdom|group|government|leader|leaders|two))\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CHUNK_DOCUMENTS = 48
# documents of this many sentences or more are articles, whose background sentences give no events
ARTICLE_SENTENCES = 3


def _event_id(doc_id: str, found: Found, sentence_index: int) -> str:
    s = found.source.code if found.source else ""
    t = found.target.code if found.target else ""
    key = f"{doc_id}|{sentence_index}|{found.trigger.idx}|{found.cameo}|{s}|{t}|{found.mode}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _event_date(doc_date: str | None, trigger) -> str | None:
    """The publication date, or the weekday the clause names ("on Thursday") before it."""
    published = parse_date(doc_date)
    if published is None:
        return doc_date
    for child in trigger.children:
        words = [t.lower_ for t in child.subtree] if child.dep_ in ("prep", "npadvmod") else []
        for word in words:
            if word in _WEEKDAYS:
                back = (published.weekday() - _WEEKDAYS.index(word)) % 7
                return (published - timedelta(days=back)).isoformat()
    return published.isoformat()


class Coder:
    """Codes documents into events. One instance per process; the spaCy pipeline is loaded lazily."""

    def __init__(
        self,
        pipeline: str = DEFAULT_PIPELINE,
        gazetteer: Gazetteer | None = None,
        lexicon: Lexicon | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        self.pipeline_name = pipeline
        self.gazetteer = gazetteer or gazetteer_module.default()
        self.lexicon = lexicon or lexicon_module.default()
        self.min_confidence = min_confidence

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        return load_pipeline(self.pipeline_name)

    # -- one chunk of documents, in this process ---------------------------------------------------
    def _prepare(self, doc: Document) -> list[tuple[Sentence, int, bool]]:
        """Sentences of a document with the offset of their text to parse and whether to parse them."""
        out = []
        for sent in split_sentences(doc.text):
            skip = 0
            if sent.index == 0:
                m = _DATELINE.match(sent.text)
                if m and m.end() < len(sent.text):
                    skip = m.end()
            text = sent.text[skip:]
            wanted = self.gazetteer.has_actor(text) or bool(_PRONOUN_START.search(text))
            out.append((sent, skip, wanted))
        return out

    def code_chunk(self, docs: list[Document]) -> list[list[Event]]:
        return [events for events, _ in self.code_chunk_observed(docs)]

    def code_chunk_observed(self, docs: list[Document]) -> list[tuple[list[Event], list[Observation]]]:
        """Events of each document, and the persons it introduced with an office (what the ingest learns)."""
        prepared = [self._prepare(d) for d in docs]
        texts = [s.text[skip:] for sents in prepared for s, skip, wanted in sents if wanted]
        parsed = iter(self.nlp.pipe(texts, batch_size=128))
        results = []
        for doc, sents in zip(docs, prepared, strict=True):
            ctx = DocContext(doc.date)
            events: list[Event] = []
            in_article = len(sents) >= ARTICLE_SENTENCES
            for sent, skip, wanted in sents:
                if not wanted:
                    continue
                parsed_sentence = next(parsed)
                events.extend(self._code_sentence(doc, ctx, sent, skip, parsed_sentence, in_article))
            texts_by_index = {s.index: s.text for s, _, _ in sents}
            seen = [
                Observation(name, a.country, a.org, a.role, index, texts_by_index.get(index, ""))
                for name, a, index in ctx.observations
            ]
            results.append((events, seen))
        return results

    def _code_sentence(
        self, doc: Document, ctx: DocContext, sent: Sentence, skip: int, parsed, in_article: bool = True
    ) -> list[Event]:
        text = sent.text[skip:]
        names = self.gazetteer.names(text)
        roles = self.gazetteer.roles(text)
        actors = SentenceActors(parsed, 0, names, roles, self.gazetteer, ctx, sent.index)
        coder = SentenceCoder(parsed, actors, self.lexicon, doc.date, in_article=in_article)
        out: list[Event] = []
        seen: set[tuple] = set()
        found_events = coder.code()
        actors.remember_names()
        actors.remember_subject()
        for found in found_events:
            key = (
                found.source.code if found.source else "",
                found.target.code if found.target else "",
                found.cameo,
                found.trigger.i,
                found.mode,
            )
            if key in seen or found.confidence < self.min_confidence:
                continue
            seen.add(key)
            out.append(self._event(doc, sent, skip, found))
        return out

    def _event(self, doc: Document, sent: Sentence, skip: int, found: Found) -> Event:
        entry = lookup(found.cameo)
        start = sent.start + skip + found.trigger.idx
        return Event(
            event_id=_event_id(doc.id, found, sent.index),
            doc_id=doc.id,
            date=_event_date(doc.date, found.trigger),
            source=found.source,
            target=found.target,
            cameo=entry.code,
            root=entry.root,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=entry.plover,
            mode=found.mode,
            speaker=found.speaker,
            sentence_index=sent.index,
            sentence=sent.text,
            char_start=sent.start,
            char_end=sent.end,
            trigger=found.trigger.text,
            trigger_start=start,
            trigger_end=start + len(found.trigger.text),
            confidence=round(max(0.05, min(0.99, found.confidence)), 2),
        )

    # -- public ----------------------------------------------------------------------------------
    def code_document(self, doc: Document) -> list[Event]:
        return self.code_chunk([doc])[0]

    def code_documents(self, docs: Iterable[Document], workers: int = 1) -> Iterator[tuple[Document, list[Event]]]:
        """(document, events) in input order; `workers` > 1 spreads chunks over forked processes."""
        chunks = _chunks(iter(docs), CHUNK_DOCUMENTS)
        if workers <= 1:
            for chunk in chunks:
                yield from zip(chunk, self.code_chunk(chunk), strict=True)
            return
        load_pipeline(self.pipeline_name)  # before forking, so that every worker shares the loaded pipeline
        global _WORKER_CODER
        _WORKER_CODER = self
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(workers) as pool:
            for chunk, results in pool.imap(_code_chunk_in_worker, chunks):
                yield from zip(chunk, results, strict=True)


_WORKER_CODER: Coder | None = None


def _code_chunk_in_worker(chunk: list[Document]) -> tuple[list[Document], list[list[Event]]]:
    assert _WORKER_CODER is not None
    return chunk, _WORKER_CODER.code_chunk(chunk)


def _chunks(it: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def code_text(text: str, date: str | None = None, doc_id: str = "text", coder: Coder | None = None) -> list[Event]:
    """Code one text: the simplest way in."""
    return (coder or Coder()).code_document(Document(doc_id, text, date))
