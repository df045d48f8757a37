"""The gazetteer: names of countries, capitals, seats of power, organisations, groups, regions,
persons and role words, found in raw text with Aho-Corasick automata (one case-sensitive for names,
one lower-case for role words), on word boundaries, longest match first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick
from rapidfuzz import fuzz, process

from eventwire.data import alternatives, rows

# kinds of name entries
COUNTRY, ADJECTIVE, CAPITAL, METONYM, ORG, GROUP, REGION, PERSON, ROLE = (
    "country",
    "adjective",
    "capital",
    "metonym",
    "org",
    "group",
    "region",
    "person",
    "role",
)


_ARTICLE = re.compile(r"\b(?:al|el|Al|El)[- ](?=[A-Z])")


def _article_spellings(name: str) -> list[str]:
    """The ways news copy writes an Arabic article: "Omar al-Bashir", "Omar el-Bashir", "Omar El Bashir"."""
    if not _ARTICLE.search(name):
        return []
    forms = ("al-", "el-", "Al-", "El-", "al ", "el ", "Al ", "El ")
    return [v for v in {_ARTICLE.sub(f, name) for f in forms} if v != name]


_LONG_CAPITALISED = re.compile(r"\b[A-Z][a-z]{5,}\b")
# a name after these prefixes is a stance: "anti-Syria", "pro-Western"
_STANCE = re.compile(r"\b(?:anti|pro|non)-$", re.IGNORECASE)
# a name glued to these words describes a patron, not the actor: "Iran-backed", "Western-funded"
_PATRON = re.compile(r"-(?:backed|supported|funded|allied|aligned|sponsored|friendly|leaning|armed|trained)\b")


@dataclass(frozen=True, slots=True)
class PersonRole:
    country: str | None
    org: str | None
    role: str | None
    office: str
    start: str
    end: str
    origin: str = "curated"  # curated (persons.tsv), imported (a dictionary) or learned (from articles)

    def holds_on(self, date: str | None) -> bool:
        if not date:
            return not self.end
        return (not self.start or self.start <= date) and (not self.end or date < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the gazetteer stands for."""

    kind: str
    country: str | None = None
    org: str | None = None  # an international organisation's key
    group: str | None = None  # a non-state group's key
    code: str | None = None  # the actor code where it is not country+role
    role: str | None = None
    name: str | None = None  # a person's canonical name
    person_title: bool = False  # a role word that can introduce a named person
    roles: tuple[PersonRole, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    entry: Entry


PersonRecord = tuple[tuple[str, ...], tuple["PersonRole", ...]]


class Gazetteer:
    def __init__(self, extra_persons: Iterable[PersonRecord] = ()) -> None:
        """The project's data; `extra_persons` (imported or learned: names, roles) come after the curated ones,
        so a name the curated data knows keeps its curated meaning."""
        self._extra_persons = list(extra_persons)
        self._names = ahocorasick.Automaton()
        self._roles = ahocorasick.Automaton()
        self.persons: dict[str, Entry] = {}
        self._surnames: list[str] | None = None
        self.org_codes: dict[str, str] = {}
        self._load()
        self._names.make_automaton()
        self._roles.make_automaton()
        # one-word country names and adjectives, for misspellings
        self._country_entries = {
            word: entry
            for word, entry in (v for v in self._names.values())
            if entry.kind in (COUNTRY, ADJECTIVE) and " " not in word and len(word) >= 6
        }
        self._country_words = sorted(self._country_entries)

    # -- loading ---------------------------------------------------------------------------
    def _add(self, text: str, entry: Entry) -> None:
        if text and text not in self._names:
            self._names.add_word(text, (text, entry))

    def _load(self) -> None:
        for _, (iso3, names, adjectives, capitals, metonyms) in rows("countries.tsv", 5):
            for name in alternatives(names):
                self._add(name, Entry(COUNTRY, country=iso3))
            for adj in alternatives(adjectives):
                self._add(adj, Entry(ADJECTIVE, country=iso3))
            for cap in alternatives(capitals):
                self._add(cap, Entry(CAPITAL, country=iso3, role="GOV"))
            for item in alternatives(metonyms):
                name, _, role = item.partition("=")
                self._add(name.strip(), Entry(METONYM, country=iso3, role=role.strip() or "GOV"))
        for _, (key, code, kind, country, aliases) in rows("organisations.tsv", 5):
            if kind in ("igo", "ngo"):
                self.org_codes.setdefault(key, code)
                entry = Entry(ORG, org=key, code=code, role=kind.upper())
            else:
                group_role: str | None = code[3:] if country and code.startswith(country) else None
                entry = Entry(GROUP, country=country or None, group=key, code=code, role=group_role)
            for alias in alternatives(aliases):
                self._add(alias, entry)
        for _, (code, aliases, _note) in rows("regions.tsv", 3):
            for alias in alternatives(aliases):
                self._add(alias, Entry(REGION, code=code))
        for _, (names, iso3, _what) in rows("places.tsv", 3):  # a place stands for its country, not its government
            for name in alternatives(names):
                self._add(name, Entry(COUNTRY, country=iso3))
        people: dict[str, list[PersonRole]] = {}
        for _, (names, country, org, role, office, start, end) in rows("persons.tsv", 7):
            people.setdefault(names, []).append(
                PersonRole(country or None, org or None, role or None, office, start, end)
            )
        for names, roles in people.items():
            variants = alternatives(names)
            entry = Entry(PERSON, name=variants[0], roles=tuple(sorted(roles, key=lambda r: r.start)))
            for variant in variants + [v for name in variants for v in _article_spellings(name)]:
                self._add(variant, entry)
                self.persons.setdefault(variant, entry)
        for variants_, extra_roles in self._extra_persons:
            variants = [v for v in variants_ if v]
            if not variants or not extra_roles:
                continue
            entry = Entry(PERSON, name=variants[0], roles=tuple(sorted(extra_roles, key=lambda r: r.start)))
            for variant in variants:
                if variant not in self.persons:
                    self._add(variant, entry)
                    self.persons[variant] = entry
        for _, (phrases, role, person) in rows("roles.tsv", 3):
            entry = Entry(ROLE, role=role, person_title=person.lower() in ("yes", "y", "1", "true"))
            for phrase in alternatives(phrases):
                phrase = phrase.lower()
                if phrase not in self._roles:
                    self._roles.add_word(phrase, (phrase, entry))

    # -- matching --------------------------------------------------------------------------
    @staticmethod
    def _select(text: str, automaton: ahocorasick.Automaton, haystack: str) -> list[Mention]:
        found = []
        for end, (word, entry) in automaton.iter(haystack):
            start = end - len(word) + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'"):
                if text[start - 1] != "-":
                    continue
                if _STANCE.search(text, 0, start):
                    continue  # "anti-Syria journalist", "pro-Russian separatists": a stance, not the country
            after = end + 1
            if after < len(text) and text[after].isalnum():
                continue
            if _PATRON.match(text, after):
                continue  # "the Iran-backed group" is not Iran
            found.append(Mention(start, after, text[start:after], entry))
        # longest first, then leftmost; no overlaps
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: list[Mention] = []
        for m in found:
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
        taken.sort(key=lambda m: m.start)
        return taken

    def names(self, text: str) -> list[Mention]:
        """Names of actors (countries, capitals, organisations, groups, regions, known persons), and country
        names misspelt in the copy ("Afganistan", "Phillippines")."""
        found = self._select(text, self._names, text)
        taken = [(m.start, m.end) for m in found]
        extra = []
        for word in _LONG_CAPITALISED.finditer(text):
            if any(s <= word.start() < e for s, e in taken):
                continue
            best = process.extractOne(word.group(), self._country_words, scorer=fuzz.ratio, score_cutoff=92)
            # a prefix is another word ("Romani" is not "Romania"), not a misspelling
            if best is not None and not best[0].startswith(word.group()) and not word.group().startswith(best[0]):
                entry = self._country_entries[best[0]]
                extra.append(Mention(word.start(), word.end(), word.group(), entry))
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def roles(self, text: str) -> list[Mention]:
        """Role words (minister, troops, police, protesters ...), matched case-insensitively."""
        return self._select(text, self._roles, text.lower())

    def similar_person(self, word: str) -> Entry | None:
        """A known person whose one-word name is spelt almost like `word` ("Mitterand", "Bouteflicka"):
        news copy misspells names; only close, long enough words count."""
        if len(word) < 5 or not word[:1].isupper():
            return None
        if self._surnames is None:
            self._surnames = sorted({v for v in self.persons if " " not in v and len(v) >= 5})
        best = process.extractOne(word, self._surnames, scorer=fuzz.ratio, score_cutoff=90)
        return self.persons[best[0]] if best else None

    def has_actor(self, text: str) -> bool:
        return bool(self.names(text) or self.roles(text))


@cache
def default() -> Gazetteer:
    return Gazetteer()


def person_role(entry: Entry, date: str | None) -> PersonRole | None:
    """The role a person holds on `date`; without one, the closest earlier (or else later) role."""
    if not entry.roles:
        return None
    for role in reversed(entry.roles):
        if role.holds_on(date):
            return role
    if date:
        earlier = [r for r in entry.roles if r.start and r.start <= date]
        if earlier:
            return earlier[-1]
    return entry.roles[0] if date else entry.roles[-1]
