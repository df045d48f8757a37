"""From a parsed sentence to actors: gazetteer mentions mapped onto tokens, noun phrases resolved to
Actor objects on the document's date, persons introduced in the article remembered, and pronouns and
definite descriptions ("he", "the minister", "the alliance") resolved to earlier actors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from eventwire.actors.gazetteer import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY,
    GROUP,
    METONYM,
    ORG,
    PERSON,
    REGION,
    Entry,
    Gazetteer,
    Mention,
    person_role,
)
from eventwire.model import Actor

# roles that say more about an actor than a generic government word ("military spokesman" is MIL)
SPECIFIC_ROLES = {"MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "INS", "SEP", "MED", "BUS", "CVL", "HLH", "REF"}
NP_LEFT_DEPS = {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "npadvmod", "quantmod", "punct"}
RELATIVE = {"which", "who", "that", "whom", "whose"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
PLURAL_PRONOUNS = {"they", "them", "their"}
THING_PRONOUNS = {"it", "its"}
REPORTING = {
    "say",
    "tell",
    "announce",
    "state",
    "add",
    "confirm",
    "declare",
    "insist",
    "report",
    "write",
    "warn",
    "acknowledge",
    "admit",
    "concede",
    "argue",
    "believe",
    "hope",
    "expect",
    "fear",
    "reiterate",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "claim",
    "deny",
    "note",
    "stress",
    "signal",
    "indicate",
}
# what a country's (or group's) "its ..." fields in a fight: "its forces", "its air defences", "their drones"
ARMED_NOUNS = {
    "force",
    "troop",
    "unit",
    "defence",
    "defense",
    "army",
    "military",
    "navy",
    "soldier",
    "warplane",
    "jet",
    "aircraft",
    "drone",
    "artillery",
    "warship",
    "fighter",
    "militant",
    "guerrilla",
}
PARTITIVES = {
    "one",
    "some",
    "two",
    "three",
    "four",
    "five",
    "several",
    "many",
    "all",
    "most",
    "part",
    "members",
    "elements",
    "units",
    "dozens",
    "hundreds",
    "thousands",
    "none",
    "each",
    "both",
    "any",
}
TOPIC_NOUNS = {
    "issue",
    "question",
    "matter",
    "situation",
    "crisis",
    "problem",
    "file",
    "topic",
    "peninsula",
    "dispute",
    "case",
    "affair",
    "affairs",
    "economy",
    "market",
    "language",
    "culture",
    "history",
}
PAIR_NOUNS = {
    "countries",
    "nations",
    "sides",
    "governments",
    "neighbours",
    "neighbors",
    "states",
    "capitals",
    "leaders",
    "parties",
    "rivals",
    "powers",
    "men",
}
COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic", "island", "state", "government", "emirate"}
ORG_NOUNS = {"alliance", "bloc", "organisation", "organization", "body", "union", "group", "agency", "court"}


def actor_code(country: str | None, role: str | None, code: str | None = None) -> str:
    if code:
        return code
    if country:
        return country + (role or "") if role not in ("IGO",) else country
    return role or ""


@dataclass
class DocContext:
    """What a document has established so far: introduced persons and recent actors."""

    date: str | None
    persons: dict[str, Actor] = field(default_factory=dict)  # name or surname -> actor
    recent: list[tuple[int, Actor]] = field(default_factory=list)  # (sentence index, actor), newest last
    mentions: Counter = field(default_factory=Counter)  # country -> times an actor of it was resolved
    subject: Actor | None = None  # the main subject of the last sentence, when it was an actor
    last_targets: dict[str, Actor] = field(default_factory=dict)  # CAMEO root -> target of its latest event
    observations: list[tuple[str, Actor, int]] = field(default_factory=list)  # (full name, actor, sentence index)

    def remember(self, sentence_index: int, actor: Actor) -> None:
        self.recent.append((sentence_index, actor))
        if actor.country:
            self.mentions[actor.country] += 2 if sentence_index == 0 else 1  # the lead names the story's focus
        if len(self.recent) > 40:
            del self.recent[:-40]

    def last_other(self, sentence_index: int, exclude: set) -> Actor | None:
        """The country the story is about, other than `exclude`: the one the document has named most so far
        (the lead counts double), the most recently named among equals."""
        seen: dict[str, Actor] = {}
        for _, actor in self.recent:
            if actor.country and actor.country not in exclude and not actor.org:
                seen[actor.country] = actor
        if not seen:
            return None
        order = {a.country: i for i, (_, a) in enumerate(self.recent) if a.country in seen}
        country = max(seen, key=lambda c: (self.mentions[c], order[c]))
        return Actor(country, country, country)

    def last_pair(self, sentence_index: int, want: str = "any") -> list[Actor]:
        """'both countries', 'the two sides', 'the two men': the two most recent actors of different countries
        (persons for `want` 'person', countries for 'country')."""
        out: list[Actor] = []
        for index, actor in reversed(self.recent):
            if sentence_index - index > 3:
                break
            if want == "person" and not actor.name or want == "country" and (actor.org or not actor.country):
                continue
            key = actor.country or actor.org
            if key and all((a.country or a.org) != key for a in out):
                out.append(
                    actor
                    if not actor.name
                    else Actor(actor.text, actor.country or actor.code, actor.country, actor.org, None, None)
                )
            if len(out) == 2:
                return out
        return []

    def last(self, sentence_index: int, want: str) -> Actor | None:
        """The nearest earlier actor of a kind: 'person', 'country', 'org' or a role code."""
        for index, actor in reversed(self.recent):
            if sentence_index - index > 3:
                break
            if want == "person" and actor.name:
                return actor
            if want == "country" and actor.country and not actor.name and not actor.org:
                return actor
            if want == "org" and actor.org:
                return actor
            if want == "any" and (actor.country or actor.org):
                return actor
            if want == actor.role and (actor.country or actor.org):
                return actor
        return None


class SentenceActors:
    """Actors of one parsed sentence (a spaCy Doc or Span)."""

    def __init__(
        self,
        doc,
        offset: int,
        names: list[Mention],
        roles: list[Mention],
        gazetteer: Gazetteer,
        ctx: DocContext,
        index: int,
    ) -> None:
        self.doc = doc
        self.ctx = ctx
        self.index = index
        self.gazetteer = gazetteer
        self.name_at: dict[int, Mention] = {}
        self.role_at: dict[int, Mention] = {}
        for mentions, table in ((names, self.name_at), (roles, self.role_at)):
            for m in mentions:
                for tok in doc:
                    t0 = tok.idx - offset
                    if t0 >= m.start and t0 < m.end:
                        table[tok.i] = m
        self._cache: dict[int, list[Actor]] = {}

    # -- noun phrases ----------------------------------------------------------------------
    def np_tokens(self, head) -> list:
        """The head, its left modifiers (recursively), appositions and 'of' complements."""
        out = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                dep = child.dep_
                if dep in NP_LEFT_DEPS or dep == "appos" or (dep == "prep" and child.lower_ == "of"):
                    out.append(child)
                    stack.append(child)
                elif dep == "pobj" and tok.dep_ == "prep" and tok.lower_ == "of":
                    out.append(child)
                    stack.append(child)
                elif dep == "conj" and tok.dep_ in ("amod", "compound", "nmod"):
                    out.append(child)  # "US and Canadian fighter jets": handled as several countries
                    stack.append(child)
        return sorted(set(out), key=lambda t: t.i)

    def actors(self, head) -> list[Actor]:
        """The actors a nominal head stands for (several for "US and Canadian jets"); [] for none."""
        if head.i in self._cache:
            return self._cache[head.i]
        result = self._resolve(head)
        self._cache[head.i] = result
        for actor in result:
            self.ctx.remember(self.index, actor)
        return result

    def _resolve(self, head) -> list[Actor]:
        lower = head.lower_
        if lower in RELATIVE and head.head.dep_ == "relcl":
            # "the RSF, which claimed ...", "a tanker that the Guards seized": the noun the clause hangs on
            return self.actors(head.head.head)
        if lower in PARTITIVES:
            # "one of its warships", "some of the protesters": the whole the part belongs to
            whole = [
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if whole:
                return self.actors(whole[0])
        if head.pos_ == "PRON":
            return self._pronoun(head)
        tokens = self.np_tokens(head)
        names = []
        seen = set()
        for tok in tokens:
            m = self.name_at.get(tok.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                names.append((tok, m))
        roles = [(tok, self.role_at[tok.i]) for tok in tokens if tok.i in self.role_at]
        role = self._role(head, roles)
        text = self.doc[tokens[0].i - self.doc[0].i : tokens[-1].i - self.doc[0].i + 1].text if tokens else head.text
        # a person named in the NP: known from the gazetteer or introduced in this article
        person_tokens = [t for t in tokens if t.pos_ == "PROPN" and t.i not in self.name_at and t.i not in self.role_at]
        countries = [m.entry for _, m in names if m.entry.kind in (COUNTRY, ADJECTIVE, CAPITAL, METONYM)]
        orgs = [m.entry for _, m in names if m.entry.kind in (ORG, GROUP, REGION)]
        persons = [m.entry for _, m in names if m.entry.kind == PERSON]
        introduced = self._introduced(person_tokens)
        for _, m in names:
            if m.entry.kind == PERSON:  # "Dong Jun" makes "Dong" and "Jun" known for the rest of the article
                actor = self._person_actor(m.entry, m.text, None)
                if actor.country or actor.org:
                    for part in m.text.split():
                        if len(part) > 2:
                            self.ctx.persons.setdefault(part, actor)
        if persons and not countries and not orgs:
            return [self._person_actor(persons[0], text, role)]
        if introduced is not None and not countries and not orgs:
            return [replace(introduced, text=text)]
        if orgs and not countries:
            # the possessor owns the rest ("the African Union's Peace and Security Council", "the IMF's board");
            # otherwise the organisation the head names, otherwise the first
            poss = {id(self.name_at[t.i]) for t in tokens if t.dep_ == "poss" and t.i in self.name_at}
            owners = [m.entry for _, m in names if id(m) in poss and m.entry in orgs]
            if owners:
                e = owners[0]
            elif head.i in self.name_at and self.name_at[head.i].entry in orgs:
                e = self.name_at[head.i].entry
            else:
                e = orgs[0]
            actor = self._entity_actor(e, text, role)
            self._learn(person_tokens, actor)
            return [actor]
        if (
            countries
            and lower in TOPIC_NOUNS
            and all(
                m.entry.kind == ADJECTIVE for t, m in names if m.entry.kind in (COUNTRY, ADJECTIVE, CAPITAL, METONYM)
            )
            and not any(t.dep_ == "poss" for t, _ in names)
        ):
            return []  # "the Ukrainian issue", "the Korean peninsula": a topic, not an actor
        if countries and any(t.lower_ == "ethnic" for t in tokens):
            # "ethnic Albanians in south Serbia", "the ethnic Turks of Bulgaria": people of the place they live in
            place = self._place_of(head)
            if place is not None:
                return [Actor(text, actor_code(place, role), place, None, role, None)]
        if countries:
            ordered = self._country_order(head, names)
            if len(ordered) > 1 and self._coordinated(names):
                return [self._country_actor(e, text, role, persons) for e in ordered]
            e = ordered[0]
            if orgs and any(o.kind == GROUP for o in orgs):
                actor = self._entity_actor([o for o in orgs if o.kind == GROUP][0], text, role)
            elif orgs and head.i in self.name_at and self.name_at[head.i].entry in orgs:
                actor = self._entity_actor(self.name_at[head.i].entry, text, role)
            else:
                actor = self._country_actor(e, text, role, persons)
            self._learn(person_tokens, actor)
            return [actor]
        if persons:
            return [self._person_actor(persons[0], text, role)]
        if introduced is not None:
            return [replace(introduced, text=text)]
        titled = [t for t, m in roles if m.entry.person_title]
        if titled and person_tokens:
            # "President Francois Mitterand": a known person, misspelt
            for tok in reversed(person_tokens):
                near = self.gazetteer.similar_person(tok.text)
                if near is not None:
                    return [self._person_actor(near, text, role)]
            # "Ousted President Askar Akayev agreed to resign without returning to Kyrgyzstan": a titled person
            # the gazetteer does not know, of the one country the sentence names
            countries_named = {
                m.entry.country
                for i, m in self.name_at.items()
                if m.entry.kind in (COUNTRY, CAPITAL, ADJECTIVE) and m.entry.country and not self._aimed_at(i)
            }
            if len(countries_named) == 1:
                country = countries_named.pop()
                actor = Actor(text, actor_code(country, role), country, None, role, None)
                self._learn(person_tokens, actor)
                return [actor]
        # only a role word: "the minister", "the alliance", "the country" -> an earlier actor
        det = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "nummod", "predet")}
        if lower in PAIR_NOUNS and det & {"both", "two"}:
            want = (
                "person"
                if lower in ("men", "leaders", "women")
                else "country"
                if lower in ("countries", "nations", "states", "governments", "capitals", "neighbours", "neighbors")
                else "any"
            )
            pair = self.ctx.last_pair(self.index, want)
            return [replace(a, text=text) for a in pair]
        if lower in COUNTRY_NOUNS and det & {"the", "this", "its", "their", "his", "her"}:
            # "held hostage in Mali ... one of the country's politicians": a country named before, in this
            # sentence first
            subjects = {
                t.i for a in head.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
            }  # "Biden threatened sanctions on the country": not Biden's own
            for tok in reversed(self.doc[: head.i - self.doc[0].i]):
                m = self.name_at.get(tok.i)
                if m is not None and m.entry.kind in (COUNTRY, CAPITAL) and m.entry.country and tok.i not in subjects:
                    return [Actor(text, m.entry.country, m.entry.country)]
            prev = self.ctx.last(self.index, "country")
            return [replace(prev, text=text)] if prev else []
        if lower in ORG_NOUNS and det & {"the", "this"}:
            prev = self.ctx.last(self.index, "org")
            return [replace(prev, text=text)] if prev else []
        owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in THING_PRONOUNS | PLURAL_PRONOUNS]
        if owners and head.lemma_.lower() in ARMED_NOUNS:
            # "Poland's army said its air defences shot down ...": the armed forces of whoever "its" is
            found = self._pronoun(owners[0])
            if found and found[0].country and not found[0].org:
                owner = found[0]
                return [Actor(text, actor_code(owner.country, "MIL"), owner.country, None, "MIL", None)]
            if found:
                return [replace(found[0], text=text)]
        if role and det & {"the", "his", "her", "its", "their"}:
            prev = self.ctx.last(self.index, role)
            if prev is not None and prev.country:
                return [Actor(text, actor_code(prev.country, role), prev.country, None, role, None)]
        if role and owners:
            prev = self.ctx.last(self.index, "any")
            if prev is not None and prev.country:
                return [Actor(text, actor_code(prev.country, role), prev.country, None, role, None)]
        return []

    def _place_of(self, head) -> str | None:
        """The country named in an 'in'/'of' phrase on the head, or on the verb it is the subject of."""
        holders = [head] + ([head.head] if head.dep_ in ("nsubj", "nsubjpass") else [])
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "inside", "from"):
                    for obj in prep.children:
                        for tok in obj.subtree:
                            m = self.name_at.get(tok.i)
                            if m is not None and m.entry.kind in (COUNTRY, CAPITAL) and m.entry.country:
                                return m.entry.country
        return None

    def _aimed_at(self, i: int) -> bool:
        """Whether token i stands in a phrase an act is aimed at ("further action against Russia")."""
        tok = self.doc[i - self.doc[0].i]
        return any(a.dep_ == "prep" and a.lower_ in ("against", "on", "at", "into") for a in tok.ancestors)

    def _pronoun(self, head) -> list[Actor]:
        lower = head.lower_
        if lower not in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            return []
        # "Britain said it was deploying ...", "the US said one of its warships ...": the speaker
        clause, top = head.head, head
        while top.dep_ in ("poss", "pobj", "prep") and clause.head.i != clause.i:
            top, clause = clause, clause.head
        if top.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and clause.head.lemma_ in REPORTING:
            speakers = [c for c in clause.head.children if c.dep_ == "nsubj"]
            if speakers and speakers[0].pos_ != "PRON":
                found = self.actors(speakers[0])
                if found and (lower not in PERSON_PRONOUNS or found[0].name):
                    return [replace(a, text=head.text) for a in found]
        if lower in PERSON_PRONOUNS:
            # "Trump reversed ... when he recognised ...": a person named earlier in the same sentence first
            for tok in reversed(self.doc[: head.i - self.doc[0].i]):
                m = self.name_at.get(tok.i)
                if m is not None and m.entry.kind == PERSON:
                    return [replace(self._person_actor(m.entry, m.text, None), text=head.text)]
                if tok.pos_ == "PROPN" and tok.text in self.ctx.persons:
                    return [replace(self.ctx.persons[tok.text], text=head.text)]
            # "Hunt spoke by telephone with Zarif. He said afterwards ...": the last sentence's subject first
            prev = self.ctx.subject if self.ctx.subject is not None and self.ctx.subject.name else None
            prev = prev or self.ctx.last(self.index, "person")
            return [replace(prev, text=head.text)] if prev else []
        if lower in ("its", "their"):
            # "severed ties with Israel over its offensive": the nearest actor named before it
            for tok in reversed(self.doc[: head.i - self.doc[0].i]):
                m = self.name_at.get(tok.i)
                if m is not None and (m.entry.country or m.entry.org) and m.entry.kind != PERSON:
                    return self.actors(tok) or []
        if lower == "it" and head.dep_ == "nsubj":
            # "the United States deported Venezuelans it accused of ...": the subject of the clause around it
            for verb in head.ancestors:
                subjects = [
                    c
                    for c in verb.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    and c.pos_ != "PRON"
                    and c.i != head.i
                    and not any(a.i == c.i for a in head.ancestors)
                ]
                if subjects and verb.pos_ in ("VERB", "AUX"):
                    found = [a for a in self.actors(subjects[0]) if (a.country or a.org) and not a.name]
                    if found:
                        return [replace(a, text=head.text) for a in found[:1]]
                    break
        if lower in THING_PRONOUNS:
            prev = self.ctx.last(self.index, "country") or self.ctx.last(self.index, "org")
            return [replace(prev, text=head.text)] if prev else []
        return []

    def _coordinated(self, names) -> bool:
        """Several countries side by side: "US and Canadian jets", "Russian-Chinese relations"."""
        toks = [t for t, _ in names]
        if any(t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children) for t in toks):
            return True
        doc0 = self.doc[0].i
        for a, b in zip(toks, toks[1:], strict=False):
            between = self.doc[a.i - doc0 + 1 : b.i - doc0]
            if len(between) == 1 and between[0].text in ("-", "–", "/"):
                return True
        return False

    def _country_order(self, head, names) -> list[Entry]:
        """Countries of an NP, the most telling first: possessor, then the head, then modifiers nearest it."""
        scored = []
        for tok, m in names:
            if m.entry.kind not in (COUNTRY, ADJECTIVE, CAPITAL, METONYM):
                continue
            score = abs(head.i - tok.i)
            if tok.dep_ == "poss" and tok.head.i == head.i:
                score -= 100
            if tok.i == head.i:
                # a demonym head after a nationality ("Bosnian Serbs", "Iraqi Kurds") is an ethnicity
                score += 50 if m.entry.kind == ADJECTIVE and len(names) > 1 else -50
            if tok.dep_ == "pobj":  # "minister of Japan"
                score -= 20
            scored.append((score, m.entry))
        scored.sort(key=lambda x: x[0])
        out: list[Entry] = []
        for _, e in scored:
            if e.country not in [o.country for o in out]:
                out.append(e)
        return out

    def _role(self, head, roles) -> str | None:
        if not roles:
            return None
        head_role = self.role_at.get(head.i)
        specific = [m.entry.role for _, m in roles if m.entry.role in SPECIFIC_ROLES]
        if head_role is not None:
            if head_role.entry.role not in SPECIFIC_ROLES and specific:
                return specific[0]
            return head_role.entry.role
        return specific[0] if specific else roles[-1][1].entry.role

    def _country_actor(self, e: Entry, text: str, role: str | None, persons: list[Entry]) -> Actor:
        name = persons[0].name if persons else None
        if role is None and e.kind == METONYM:
            role = e.role
        if role is None and persons:
            pr = person_role(persons[0], self.ctx.date)
            if pr is not None and pr.country == e.country and pr.holds_on(self.ctx.date):
                role = pr.role
        return Actor(text, actor_code(e.country, role), e.country, None, role, name)

    def _entity_actor(self, e: Entry, text: str, role: str | None) -> Actor:
        if e.kind == ORG:
            return Actor(text, e.code or e.org or "", None, e.org, e.role or "IGO")
        if e.kind == REGION:
            return Actor(text, e.code or "", None, None, role)
        return Actor(text, e.code or actor_code(e.country, e.role), e.country, e.group, e.role)

    def _person_actor(self, e: Entry, text: str, role_hint: str | None) -> Actor:
        pr = person_role(e, self.ctx.date)
        if pr is None:
            return Actor(text, "", None, None, None, e.name)
        holds = pr.holds_on(self.ctx.date)
        role = pr.role if holds else None
        if pr.org and not pr.country:
            return Actor(text, _org_code(self.gazetteer, pr.org), None, pr.org, "IGO", e.name)
        if pr.org:  # leader of an armed group
            return Actor(text, actor_code(pr.country, pr.role), pr.country, pr.org, pr.role, e.name)
        return Actor(text, actor_code(pr.country, role), pr.country, None, role, e.name)

    def remember_subject(self) -> None:
        """Keep the main clause's subject for the pronouns of the next sentence."""
        roots = [t for t in self.doc if t.dep_ == "ROOT"]
        subjects = [c for r in roots for c in r.children if c.dep_ in ("nsubj", "nsubjpass")]
        found = self.actors(subjects[0]) if subjects else []
        self.ctx.subject = found[0] if found else None

    def remember_names(self) -> None:
        """Resolve every named phrase of the sentence, so that persons it introduces are known later on
        ("'...,' Foreign Secretary Jeremy Hunt said." makes "Hunt" known to the next sentences)."""
        heads = set()
        for i in sorted(self.name_at):
            tok = self.doc[i - self.doc[0].i]
            while tok.dep_ in ("compound", "amod", "flat") and tok.head.i != tok.i:
                tok = tok.head
            heads.add(tok.i)
        for i in sorted(heads):
            self.actors(self.doc[i - self.doc[0].i])

    # -- persons introduced in the article ---------------------------------------------------
    def learn_from(self, chain) -> None:
        """Learn a name from a chain of apposed phrases whose one part names the actor."""
        actor = next((a for tok in chain for a in self.actors(tok)), None)
        if actor is None:
            return
        for tok in chain:
            toks = self.np_tokens(tok)
            names = [t for t in toks if t.pos_ == "PROPN" and t.i not in self.name_at and t.i not in self.role_at]
            if names and not self.actors(tok):
                self._learn(names, actor)

    def _introduced(self, person_tokens) -> Actor | None:
        for tok in person_tokens:
            actor = self.ctx.persons.get(tok.text)
            if actor is not None:
                return actor
        return None

    def _learn(self, person_tokens, actor: Actor) -> None:
        """'Russia's defence minister Sergei Shoigu': remember the name (and surname) as this actor."""
        if not person_tokens or not (actor.country or actor.org):
            return
        names = [t for t in person_tokens if t.text[:1].isupper() and t.text.isalpha() or "-" in t.text]
        if not names or len(names) > 4:
            return
        full = " ".join(t.text for t in names)
        person = replace(actor, name=full)
        if full not in self.ctx.persons and len(names) >= 2:
            self.ctx.observations.append((full, person, self.index))
        self.ctx.persons[full] = person
        for tok in names:  # "Shoigu" and, for names written family name first, "Dong" of "Dong Jun"
            if len(tok.text) > 2:
                self.ctx.persons.setdefault(tok.text, person)
        self.ctx.persons[names[-1].text] = person
        self.ctx.remember(self.index, person)


def _org_code(gazetteer: Gazetteer, org: str) -> str:
    return gazetteer.org_codes.get(org, "IGO" + org)
