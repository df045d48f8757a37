"""Records that cross stage boundaries. Immutable: a stage makes new ones."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: an article, a news item or a text file.

    `source` is the outlet or site that published it ("Reuters", "apnews.com"); `path` the file it was read
    from and `record` its line or record number there (for error messages and provenance).
    """

    id: str
    text: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    author: str | None = None
    path: str | None = None
    record: int | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted upon.

    `code` is CAMEO-style (country + role, e.g. ``CHNMIL``, or an organisation's code, e.g. ``IGOUNO``);
    `country` is ISO 3166-1 alpha-3; `org` the key of an international organisation (``UN``, ``NATO``) or of a
    non-state group (``HAMAS``, ``ISIS``) as listed in the README; `role` a CAMEO sector (``GOV``, ``MIL``,
    ``IGO`` ...); `name` a person's canonical name.
    """

    text: str
    code: str
    country: str | None = None
    org: str | None = None
    role: str | None = None
    name: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


MODES = ("asserted", "claimed", "negated", "intended", "hypothetical")


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event with its evidence. The JSON contract is `as_dict()` (see README)."""

    event_id: str
    doc_id: str
    date: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    mode: str
    speaker: Actor | None
    sentence_index: int
    sentence: str
    char_start: int
    char_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            out[name] = value.as_dict() if isinstance(value, Actor) else value
        return out


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A per-document problem: reported, never raised through a batch."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Observation:
    """A person introduced with an office in an article ("Russia's defence minister Andrei Belousov"): evidence
    the knowledge base learns from."""

    name: str
    country: str | None
    org: str | None
    role: str | None
    sentence_index: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Article:
    """A document ready for the store: its id (from the URL or the text), MinHash signature and coded events."""

    id: str
    text: str
    published: str | None
    url: str | None
    title: str | None
    source: str | None
    author: str | None
    path: str | None
    record: int | None
    signature: bytes
    events: tuple[Event, ...]
    observations: tuple[Observation, ...] = ()
