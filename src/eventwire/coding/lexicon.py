"""Verb and noun lexicons (data/verbs.tsv, data/nouns.tsv): each line a pattern, a CAMEO code, an example
sentence and the actors the example must give. See data/LEXICON.md for the pattern grammar."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from eventwire.coding.cameo import table
from eventwire.data import alternatives, rows


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon line, parsed."""

    kind: str  # "verb" or "noun"
    lemmas: frozenset[str]
    cameo: str
    particles: tuple[frozenset[str], ...] = ()  # +w: each set must be matched by a particle/preposition child
    objects: frozenset[str] = frozenset()  # obj=: the direct object's lemma
    requires: frozenset[str] = frozenset()  # ~: a lemma among the dependents (verbs) or modifiers (nouns)
    targets: tuple[str, ...] = ()  # >: where the target comes from: "obj", "dative" or a preposition
    governors: frozenset[str] = frozenset()  # ^: nouns only, the verbs that may govern the noun
    example: str = ""
    expect: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        return 2 * len(self.particles) + 3 * bool(self.objects) + 2 * bool(self.requires) + bool(self.governors)


def parse_pattern(kind: str, text: str, cameo: str, example: str = "", expect: str = "", line: int = 0) -> Pattern:
    words = text.split()
    if not words:
        raise ValueError("empty pattern")
    lemmas = frozenset(alternatives(words[0].lower()))
    particles: list[frozenset[str]] = []
    objects: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    targets: tuple[str, ...] = ()
    governors: frozenset[str] = frozenset()
    for word in words[1:]:
        value = word.split("=", 1)[1] if "=" in word else word[1:]
        if not alternatives(value):
            raise ValueError(f"empty pattern item {word!r}")
        if word.startswith("+"):
            particles.append(frozenset(alternatives(word[1:].lower())))
        elif word.startswith("obj="):
            objects = frozenset(alternatives(word[4:].lower()))
        elif word.startswith("~"):
            requires = frozenset(alternatives(word[1:].lower()))
        elif word.startswith(">"):
            targets = tuple(alternatives(word[1:].lower()))
        elif word.startswith("^"):
            governors = frozenset(alternatives(word[1:].lower()))
        else:
            raise ValueError(f"unknown pattern item {word!r} (allowed: +particle obj=lemma ~lemma >target ^verb)")
    if cameo not in table():
        raise ValueError(f"unknown CAMEO code {cameo!r}")
    return Pattern(kind, lemmas, cameo, tuple(particles), objects, requires, targets, governors, example, expect, line)


class Lexicon:
    def __init__(self) -> None:
        self.verbs: dict[str, list[Pattern]] = defaultdict(list)
        self.nouns: dict[str, list[Pattern]] = defaultdict(list)
        self.all: list[Pattern] = []
        for kind, name, index in (("verb", "verbs.tsv", self.verbs), ("noun", "nouns.tsv", self.nouns)):
            for number, (pattern, cameo, example, expect) in rows(name, 4):
                try:
                    p = parse_pattern(kind, pattern, cameo, example, expect, number)
                except ValueError as e:
                    raise ValueError(f"{name}:{number}: {e}") from None
                self.all.append(p)
                for lemma in p.lemmas:
                    index[lemma].append(p)
        for index in (self.verbs, self.nouns):
            for plist in index.values():
                plist.sort(key=lambda p: -p.specificity)


@cache
def default() -> Lexicon:
    return Lexicon()
