"""Events from one parsed sentence: lexicon patterns matched on verbs and event nouns, their source and
target actors found in the dependency parse, and each event's mode and speaker."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from eventwire.actors.resolve import COUNTRY_NOUNS, SentenceActors, actor_code
from eventwire.coding.lexicon import Lexicon, Pattern, parse_pattern
from eventwire.coding.modes import (
    APPEAL_GOVERNORS,
    CLAIM_VERBS,
    COMMENTATORS,
    CONDITION_MARKS,
    CONDITIONAL_AUX,
    DECISION_GOVERNORS,
    FUTURE_AUX,
    INTENT_GOVERNORS,
    NEGATING_GOVERNORS,
    ORDER_VERBS,
    OWN_FORCES,
    REPORT_VERBS,
    STRONG_CLAIM_VERBS,
    background_words,
    earlier_date,
    past_years,
)
from eventwire.model import Actor

SUBJECT_DEPS = ("nsubj", "csubj")
OBJECT_DEPS = ("dobj", "attr", "oprd")
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my"})
# verbs whose object is the subject of their infinitive: "urged China to press Russia"
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "tell",
        "order",
        "call",
        "press",
        "push",
        "invite",
        "encourage",
        "request",
        "force",
        "help",
        "allow",
        "persuade",
        "warn",
        "advise",
        "compel",
        "pressure",
        "instruct",
        "authorise",
        "authorize",
        "lead",
        "demand",
        "appeal",
        "implore",
        "beg",
        "get",
        "enable",
        "permit",
        "expect",
    }
)
# verbs that carry an event noun: "held talks", "launched an air strike", "imposed sanctions"
LIGHT_VERBS = frozenset(
    {
        "hold",
        "have",
        "conduct",
        "carry",
        "launch",
        "stage",
        "make",
        "pay",
        "impose",
        "announce",
        "begin",
        "start",
        "open",
        "sign",
        "host",
        "mount",
        "unleash",
        "order",
        "approve",
        "adopt",
        "introduce",
        "extend",
        "slap",
        "level",
        "issue",
        "deliver",
        "give",
        "provide",
        "send",
        "offer",
        "take",
        "continue",
        "resume",
        "step",
        "intensify",
        "escalate",
        "wage",
        "perform",
        "undertake",
        "arrange",
        "organise",
        "organize",
        "complete",
        "conclude",
        "end",
        "agree",
        "reach",
        "seal",
        "strike",
        "ink",
        "finalise",
        "finalize",
        "grant",
        "lodge",
        "file",
        "express",
        "voice",
        "set",
        "place",
        "see",
        "renew",
        "expand",
        "tighten",
        "widen",
        "unveil",
        "declare",
        "engage",
        "participate",
        "involve",
    }
)
# verbs whose subject receives what the noun's "from" actor does: "drew criticism from the EU"
RECEIVING_VERBS = frozenset(
    {
        "draw",
        "receive",
        "face",
        "win",
        "earn",
        "get",
        "attract",
        "provoke",
        "spark",
        "trigger",
        "prompt",
        "meet",
        "suffer",
        "incur",
    }
)
OCCASION_PREPS = frozenset({"during", "at", "after", "in", "on", "amid", "following", "before", "for", "with", "by"})
LOCATION_PREPS = frozenset(
    {
        "in",
        "near",
        "at",
        "across",
        "into",
        "inside",
        "over",
        "off",
        "on",
        "outside",
        "to",
        "around",
        "throughout",
        "along",
    }
)
INNER_PREPS = frozenset(
    {"with", "on", "against", "to", "for", "of", "from", "toward", "towards", "over", "among", "between"}
)
# determiners that make an event noun generic or unreal: "any attack", "no talks"
UNREAL_DETERMINERS = frozenset({"any", "no", "every", "each", "future", "possible", "potential", "further"})
ATTACK_ROOTS = frozenset({"18", "19", "20"})
CLAUSE_TARGET_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06"})
# time adjuncts whose definite object is an event the story has told already: "after the meeting", "during the
# visit", "ahead of the talks", "following the attack"
TIME_PREPOSITIONS = frozenset({"after", "before", "during", "following", "since", "ahead", "amid", "throughout"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


def _referenced_event(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether an event noun names an event already told, in a time adjunct: "after the meeting"."""
    if noun.dep_ != "pobj" or not any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in noun.children):
        return False
    prep = noun.head
    word = prep.lower_
    if word == "of" and prep.head.lower_ == "ahead":  # "ahead of the talks"
        word = "ahead"
    return word in TIME_PREPOSITIONS


DOMESTIC_ROOTS = frozenset({"14", "15", "17"})
# concessions made at home (administrative easing, easing dissent, reform, releases); easing sanctions, letting
# others in and de-escalating are done to someone else
HOME_YIELDS = frozenset({"080", "081", "082", "083", "084"})
# events without a target are kept only for these roots (statements, mobilisation); a dyadic
# act whose target the parse did not give is left out rather than recorded half
TARGETLESS_ROOTS = frozenset({"01", "15"})
# sources that use unconventional rather than military force: their attacks are 18x, not 19x
NON_MILITARY_ROLES = frozenset({"CVL", "OPP", "EDU", "LAB", "REF", "MED", "BUS", "HRI", "REL", "CRM", "UAF"})
# who makes an official visit; doctors, troops or fans arriving somewhere do not
VISITOR_ROLES = frozenset({None, "GOV", "IGO", "LEG", "ELI"})
# a cooperative act refused or not done: "would not meet the demands" (124), "failed to reach agreement" (120)
# (not for material acts: "would not supply weapons" is a negated supply, not a refusal of a request)
REFUSALS = {"03": "120", "04": "125", "05": "120", "08": "124"}
INTENT_CODES = {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035"}
THREAT_CODES = {"16": "131", "17": "130", "18": "138", "19": "138", "20": "138", "15": "138", "14": "133"}
# subjects that are no one's act: "the earthquake struck", "floods killed"
NATURAL_CAUSES = frozenset(
    {
        "earthquake",
        "quake",
        "tremor",
        "aftershock",
        "storm",
        "flood",
        "flooding",
        "fire",
        "wildfire",
        "blaze",
        "hurricane",
        "cyclone",
        "typhoon",
        "tornado",
        "landslide",
        "avalanche",
        "drought",
        "heatwave",
        "accident",
        "crash",
        "disease",
        "virus",
        "outbreak",
        "pandemic",
        "epidemic",
        "tsunami",
        "eruption",
        "rain",
        "rains",
        "snow",
        "lightning",
        "heat",
        "cold",
        "famine",
        "collapse",
        "derailment",
    }
)
# verbs whose joint subjects act on each other: "Thailand and Cambodia exchanged fire"
RECIPROCAL_VERBS = frozenset(
    {"clash", "exchange", "fight", "battle", "skirmish", "spar", "trade", "feud", "quarrel", "dispute", "wrangle"}
)
CIVILIAN_NOUNS = frozenset(
    {
        "people",
        "person",
        "civilian",
        "villager",
        "resident",
        "worshipper",
        "child",
        "woman",
        "student",
        "passenger",
        "pilgrim",
        "tourist",
        "shopper",
        "mourner",
        "bystander",
        "family",
        "farmer",
        "fisherman",
        "journalist",
        "aid worker",
    }
)
DECISION_NOUNS = frozenset({"resolution", "vote", "decision", "ruling", "verdict", "motion", "measure"})
# nouns whose clause is their author's act: "issued statements backing Riyadh", "set up a mission to
# investigate Iran's crackdown"
STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "declaration",
        "communique",
        "letter",
        "message",
        "note",
        "resolution",
        "decree",
        "order",
        "mission",
        "team",
        "panel",
        "commission",
        "committee",
        "inquiry",
        "delegation",
        "force",
        "task",
    }
)
GATHERINGS = frozenset(
    {
        "talk",
        "talks",
        "meeting",
        "summit",
        "conference",
        "delegation",
        "visit",
        "negotiation",
        "ceremony",
        "forum",
        "round",
        "dialogue",
        "faction",
        "leader",
        "official",
        "minister",
    }
)
# prepositions that give a reason or a topic, not a time ("apologised for colonial-era killings")
# (and "after/following/amid X", which date the cause, not the act: "strengthened its forces following the discovery
# of rockets last week")
NON_TEMPORAL = frozenset(
    {
        "for",
        "over",
        "about",
        "against",
        "with",
        "of",
        "to",
        "into",
        "from",
        "at",
        "after",
        "following",
        "amid",
        "despite",
        "because",
        "since",
    }
)
PSYCH_VERBS = frozenset(
    {
        "disappoint",
        "anger",
        "concern",
        "alarm",
        "dismay",
        "outrage",
        "frustrate",
        "upset",
        "trouble",
        "worry",
        "shock",
        "appal",
        "appall",
        "infuriate",
        "enrage",
        "offend",
        "please",
        "encourage",
        "satisfy",
        "delight",
        "reassure",
        "hearten",
    }
)
STATE_PASSIVES = frozenset(
    {
        "engage",
        "involve",
        "commit",
        "oppose",
        "prepare",
        "determine",
        "dedicate",
        "resolve",
        "devote",
        "disappoint",
        "concern",
        "satisfy",
        "convince",
        "poise",
        "set",
    }
)
PEOPLE_NOUNS = frozenset(
    {
        "people",
        "thousands",
        "hundreds",
        "prisoners",
        "fundamentalists",
        "islamists",
        "nationalists",
        "villagers",
        "residents",
        "inhabitants",
        "youths",
        "farmers",
        "workers",
    }
)
ADMISSION_VERBS = frozenset({"acknowledge", "admit", "concede", "confess", "recall", "recognise", "recognize"})
PRONOUN_WORDS = frozenset({"it", "its", "they", "their", "he", "she", "his", "her", "them"})
BLOCKING_VERBS = frozenset(
    {
        "block",
        "prevent",
        "stop",
        "veto",
        "reject",
        "oppose",
        "halt",
        "freeze",
        "delay",
        "cancel",
        "scrap",
        "deny",
        "refuse",
        "obstruct",
        "thwart",
        "foil",
    }
)
READY_WORDS = frozenset({"ready", "willing", "prepared", "determined"})
# occasions whose host verb's object is the event's partner: "assured X ... during a video call"
OCCASION_PARTNER_PREPS = frozenset({"during", "in", "on", "at", "with"})
# verbs of which an event noun as subject is an event taking place: "talks were held", "a strike hit"
OCCURRENCE_VERBS = frozenset(
    {
        "hold",
        "take",
        "begin",
        "start",
        "open",
        "resume",
        "continue",
        "conclude",
        "end",
        "happen",
        "occur",
        "kill",
        "hit",
        "destroy",
        "damage",
        "wound",
        "target",
        "strike",
        "injure",
        "leave",
        "go",
        "get",
        "break",
        "erupt",
        "come",
    }
)
# "criticised the United States for encouraging the war": the reason is the critic's claim
BLAMING_VERBS = frozenset(
    {
        "criticise",
        "criticize",
        "condemn",
        "punish",
        "sanction",
        "fault",
        "denounce",
        "slam",
        "blast",
        "rebuke",
        "censure",
        "reprimand",
        "attack",
    }
)
ACCUSING_VERBS = frozenset(
    {
        "accuse",
        "blame",
        "charge",
        "suspect",
        "criticise",
        "criticize",
        "condemn",
        "thank",
        "praise",
        "punish",
        "sanction",
        "commend",
        "congratulate",
        "fault",
        "credit",
    }
)


# where a line without ">" looks for its target: the object, then the usual prepositions
DEFAULT_SLOTS = ("obj", "with", "against", "on", "at", "into", "from")
# where the target of a verb without a lexicon line is looked for
DEFAULT_TARGETS = parse_pattern("verb", "do >obj|to|with|on|against|at|into|for", "010")


# "X said Y must ...": a demand; "... should ...": an appeal
OBLIGATION = {code: parse_pattern("verb", "say", code) for code in ("100", "020")}


@dataclass
class Found:
    """An event found in a sentence, before it becomes an Event record."""

    cameo: str
    trigger: Any  # the spaCy token
    source: Actor | None
    target: Actor | None
    mode: str
    speaker: Actor | None
    confidence: float
    pattern: Pattern | None


@dataclass
class Mode:
    mode: str = "asserted"
    speaker: Actor | None = None
    future: bool = False  # "will", "would", "ready to": an announced act, coded also as intent (03) or threat (13)
    report: bool = False  # told by a speaker ("X said ...") rather than by the outlet
    conditional: str = ""  # "would ... if/unless ...": the condition's word, for a conditional act
    drop: bool = False  # commentary: no event at all


def conjuncts(tok) -> list:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def _prep_objects(tok, preps: set[str] | frozenset[str], nested: bool = False) -> list:
    """Objects of the prepositions `preps` on `tok`; with `nested`, also on the objects of its other
    prepositions ("spoke by telephone with X")."""
    out = []
    children = list(tok.children)
    # "walked out of the talks", "backed away from the deal": the preposition hangs on the particle
    children += [g for c in children if c.dep_ in ("prt", "advmod") for g in c.children if g.dep_ == "prep"]
    for child in children:
        if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ in preps:
            objs = [obj for obj in child.children if obj.dep_ in ("pobj", "pcomp")]
            for obj in objs:
                out.extend(conjuncts(obj))
            if not objs and child.dep_ != "prt":
                out.extend(_dangling(child))
    if not out and nested:
        # down a chain of prepositional phrases: "agreed to a cessation of hostilities with the TPLF"
        level = [obj for child in tok.children if child.dep_ == "prep" for obj in child.children if obj.dep_ == "pobj"]
        for _ in range(3):
            out = [o for obj in level for o in _prep_objects(obj, preps)]
            if out:
                break
            level = [
                g for obj in level for c in obj.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
            ]
    return out


def _dangling(prep) -> list:
    """The noun phrase after a preposition the parser left without an object ("granted asylum to five
    Panamanian army officers holed up ..." parsed with "officers" as a subject): its head noun."""
    doc = prep.doc
    for tok in doc[prep.i + 1 : min(len(doc), prep.i + 12)]:
        if tok.pos_ in ("VERB", "AUX", "ADP", "SCONJ") or tok.text in ",;:":
            return []
        if tok.pos_ in ("NOUN", "PROPN") and (
            tok.head.i <= prep.i or tok.head.i > tok.i and tok.head.pos_ in ("VERB", "AUX") or tok.head.i == tok.i
        ):
            return [tok]
    return []


# verbs through which an actor does what the noun after "in" names
ENGAGING_VERBS = frozenset({"engage", "participate", "involve", "take", "join", "enter"})
# nouns that hold an event noun: "a package of sanctions", "a wave of air strikes"
CONTAINERS = frozenset(
    {
        "part",
        "portion",
        "half",
        "rest",
        "package",
        "round",
        "wave",
        "series",
        "set",
        "batch",
        "barrage",
        "volley",
        "number",
        "string",
        "raft",
        "slew",
        "spate",
        "flurry",
        "tranche",
        "bundle",
        "host",
    }
)


def effective(noun):
    """(dependency, head) of a noun seen through a container noun: 'imposed a package of sanctions'."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CONTAINERS:
        holder = noun.head.head
        return holder.dep_, holder.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into") and noun.head.head.lemma_.lower() in ENGAGING_VERBS:
        return "dobj", noun.head.head  # "were engaged in ethnic cleansing", "took part in the protests"
    return noun.dep_, noun.head


RELATIONAL_NOUNS = frozenset(
    {
        "counterpart",
        "counterparts",
        "host",
        "hosts",
        "guest",
        "guests",
        "opponent",
        "opponents",
        "rival",
        "rivals",
        "neighbour",
        "neighbours",
        "neighbor",
        "neighbors",
        "ally",
        "allies",
        "enemy",
        "enemies",
        "partner",
        "partners",
        "adversary",
    }
)


def _time_words(tok) -> str:
    """The words of a modifier that can date an act, without the clauses and adjectives inside it ("in West
    Darfur State that was imposed six months ago" dates the state, not the act; "a previously unannounced
    visit" is not a past visit)."""
    keep = []
    stack = [tok]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(
            c
            for c in t.children
            if c.dep_ not in ("relcl", "acl", "appos", "ccomp")
            and not (t.dep_ == "amod" and c.dep_ == "advmod")
            or t.i == tok.i
            and tok.dep_ == "advcl"
        )
    return " ".join(t.text for t in sorted(keep, key=lambda t: t.i))


def _own(tok) -> bool:
    """'its ambassador', 'their troops': a phrase owned by the clause's own subject
    (not 'his Russian counterpart', 'its neighbour')."""
    if tok.lower_ in RELATIONAL_NOUNS:
        return False
    return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children)


class SentenceCoder:
    def __init__(
        self, doc, actors: SentenceActors, lexicon: Lexicon, date: str | None, in_article: bool = True
    ) -> None:
        self.doc = doc
        self.actors = actors
        self.lexicon = lexicon
        self.date = date
        # background ("in 2016", "last year") is an article's context; a one- or two-sentence item reports
        # the act it names, whenever it happened
        self.in_article = in_article
        self.used_tokens: set[int] = set()

    # -- actors of a list of nominal heads ------------------------------------------------------
    def resolve(self, heads) -> list[Actor]:
        out: list[Actor] = []
        for head in heads:
            found = self.actors.actors(head)
            if found and all(not a.country and not a.org for a in found):
                # "African leaders led by South Africa's Ramaphosa": the leader's country over the region
                led = [a for obj in self._led_by(head) for a in self.actors.actors(obj)]
                found = led or found
            if not found:
                # "an air strike by the coalition", "inspectors from the IAEA", "leaders led by Ramaphosa",
                # "thousands of students throughout Indonesia"
                chain = [head] + _prep_objects(head, {"of"})
                candidates = [o for t in chain for o in _prep_objects(t, {"by", "from"})] + self._led_by(head)
                if any(t.i in self.actors.role_at for t in chain):
                    candidates += [o for t in chain for o in _prep_objects(t, {"in", "throughout", "across", "inside"})]
                for obj in candidates:
                    # "teams from Spain, Britain, Qatar and the UAE": every conjunct
                    found = [a for o in conjuncts(obj) for a in self.actors.actors(o) if not a.name]
                    if found:
                        role = next(
                            (self.actors.role_at[t.i].entry.role for t in chain if t.i in self.actors.role_at), None
                        )
                        if role and all(a.country and not a.org for a in found):
                            found = [
                                replace(a, role=role, code=actor_code(a.country, role), text=head.text) for a in found
                            ]
                        break
            for actor in found:
                if actor.code and all(actor.code != a.code or actor.text != a.text for a in out):
                    out.append(actor)
        return out

    @staticmethod
    def _led_by(head) -> list:
        out = []
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_ in ("lead", "head", "command"):
                out.extend(_prep_objects(child, {"by"}))
        return out

    def state_actor(self, heads) -> list[Actor]:
        """'police', 'the army', 'the opposition' with no country: the country the sentence is about."""
        for head in heads:
            role = self.actors.role_at.get(head.i)
            if role is None or role.entry.role not in ("MIL", "COP", "GOV", "JUD", "LEG", "OPP"):
                continue
            prev = self.actors.ctx.last(self.actors.index, "any")
            if prev is not None and prev.country:
                r = role.entry.role
                return [Actor(head.text, actor_code(prev.country, r), prev.country, None, r, None)]
        return []

    # -- subjects and objects ----------------------------------------------------------------------
    def subject_heads(self, verb, depth: int = 0) -> tuple[list, list]:
        """(source heads, passive-subject heads) of a verb, climbing through control and coordination."""
        subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subs:
            # "Macron and Merkel hosted": conjuncts, and second subjects the parser did not conjoin
            return [h for sub in subs for h in conjuncts(sub)], []
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive and verb.lemma_.lower() in PSYCH_VERBS:
            # "Biden was disappointed by OPEC's decision": the one disappointed reacts to the agent
            return conjuncts(passive[0]), _prep_objects(verb, {"by", "at", "with", "over"})
        if passive and verb.lemma_.lower() in STATE_PASSIVES and not _prep_objects(verb, {"by"}):
            # "Vietnam is committed to opening up", "Israel is opposed to French mediation": a state, not a passive
            return conjuncts(passive[0]), []
        if passive:
            return _prep_objects(verb, {"by"}), conjuncts(passive[0])
        if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
            # "Putin landed in Pyongyang and was met at the airport by Kim": the shared subject is the target
            return _prep_objects(verb, {"by"}), self.subject_heads(verb.head, depth + 1)[0]
        if verb.head.i == verb.i:
            return self._left_subject(verb), []
        if depth > 4:
            return [], []
        head, dep = verb.head, verb.dep_
        if dep == "xcomp" or (
            dep in ("ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            if head.lemma_ in OBJECT_CONTROL:
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")] or _prep_objects(head, {"on", "upon"})
                if objs and self.resolve(objs[:1]):
                    return conjuncts(objs[0]), []
                if objs and head.lemma_ in ORDER_VERBS and objs[0].lemma_.lower() in OWN_FORCES:
                    return self.subject_heads(head, depth + 1)  # "Shoigu ordered troops to withdraw": Russia's
            if head.pos_ in ("ADJ", "NOUN"):  # "ready to help", "the decision to ..."
                return self.subject_heads(head.head, depth + 1) if head.dep_ != "ROOT" else ([], [])
            return self.subject_heads(head, depth + 1)
        if dep == "conj":
            subjects, passive_subjects = self.subject_heads(head, depth + 1)
            if passive_subjects:
                # "was indicted by the court and will resign": the one indicted resigns
                return passive_subjects, []
            return subjects, passive_subjects
        if dep == "advcl" and verb.tag_ in ("VBG", "VBN"):
            return self.subject_heads(head, depth + 1)
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            if (
                dep == "acl"
                and head.dep_ in OBJECT_DEPS
                and (
                    head.lemma_.lower() in STATEMENT_NOUNS
                    or head.i in self.actors.role_at
                    and not self.actors.actors(head)
                )
            ):
                # "Bahrain issued statements backing Riyadh", "France has troops deployed across the Sahel"
                # "Bahrain issued statements backing Riyadh": the statements' author backs
                return self.subject_heads(head.head, depth + 1)
            return [head], []
        if dep == "pcomp" and head.dep_ == "prep":
            gov = head.head
            if gov.lemma_ in ACCUSING_VERBS:
                objs = [c for c in gov.children if c.dep_ in OBJECT_DEPS]
                if objs:
                    return conjuncts(objs[0]), []
            if gov.pos_ in ("VERB", "AUX"):
                return self.subject_heads(gov, depth + 1)
        if dep == "acomp":
            return self.subject_heads(head, depth + 1)
        if depth == 0:
            return self._left_subject(verb), []
        return [], []

    def _left_subject(self, verb) -> list:
        """A subject the parser missed: the nearest actor phrase left of the verb, climbing through
        appositions and conjuncts ("..., China's Defense Minister, Dong Jun, assured ...")."""
        first = verb.left_edge.i if verb.dep_ != "ROOT" else self.doc[0].i
        for tok in reversed(self.doc[first - self.doc[0].i : verb.i - self.doc[0].i]):
            named = tok.i in self.actors.name_at  # "Baerbock held talks": a known name the tagger took for an adverb
            if (tok.pos_ not in ("NOUN", "PROPN") and not named) or tok.dep_ in ("compound", "poss", "amod"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ != "of":
                return []
            chain = [tok]
            while chain[-1].dep_ in ("conj", "appos") and chain[-1].head.i != chain[-1].i:
                chain.append(chain[-1].head)
            for head in reversed(chain):
                if self.actors.actors(head):
                    self.actors.learn_from(chain)
                    return [head]
            return []
        return []

    def target_heads(self, verb, pattern: Pattern, passive: list, sources: list[Actor]) -> list[Actor]:
        found = self._slot_targets(verb, pattern, passive, sources)
        if found or "none" in pattern.targets:
            return found
        root = pattern.cameo[:2]
        source_countries = {s.country for s in sources if s.country}
        if root in CLAUSE_TARGET_ROOTS:
            # "demanded that Islamabad hunt down ...": the clause's subject, unless it is the source itself
            # ("warned that France would respond to ...": then the clause's own target)
            for clause in verb.children:
                if clause.dep_ != "ccomp":
                    continue
                subs = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subs and clause.pos_ == "NOUN":  # "demanded that Islamabad hunt down ...", mis-tagged
                    subs = [c for c in clause.children if c.dep_ in ("compound", "npadvmod") and c.pos_ == "PROPN"]
                source_roles = {s.role for s in sources}
                found = [
                    a
                    for a in self.resolve(subs[:1])
                    if a.country not in source_countries
                    or not a.country
                    or (a.role is not None and a.role not in source_roles)
                ]
                if found:
                    return found
                found = self._complement_targets(clause, sources=sources)
                if found:
                    return found
        for child in verb.children:
            # "threatened to annex the region of Guyana", "agreed to normalise relations with Israel", "opened
            # the bridge to allow the delivery of grain to Afghanistan"
            purpose = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            if (child.dep_ == "xcomp" or purpose) and child.pos_ in ("VERB", "AUX"):
                found = self._complement_targets(child, sources=sources)
                if found:
                    return found
                if root == "13":
                    # "threatened to stop negotiations if the United States goes ahead": the one who must yield
                    for cond in self._conditions(child):
                        found = self.resolve([c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")][:1])
                        if found:
                            return found
                    # "threatened to resume attacks in Israel": where the threatened act would be
                    found = self.location_targets(child, set())  # at home too: "to impose a curfew in Algiers"
                    if found:
                        return found
                inner = self.match_verb(child)
                if inner is not None and (inner.cameo[:2] in DOMESTIC_ROOTS or inner.cameo[:3] in HOME_YIELDS):
                    # "threatened to institute a curfew in Algiers": a threat at home
                    return [Actor(s.country, s.country, s.country) for s in sources[:1] if s.country]
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            first = verb.head
            first_pattern = self.match_verb(first)
            own_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            if first_pattern is not None and not own_subject:
                # "accused South Korea of ... and warned of retaliation": the first verb's object
                return self._slot_targets(first, first_pattern, self.subject_heads(first)[1], sources)
            if own_subject:
                # "A US jet shot down a Chinese balloon, and Beijing protested": a reaction to the first act
                first_targets = self._complement_targets(first)
                if source_countries & {t.country for t in first_targets}:
                    return [a for a in self.resolve(self.subject_heads(first)[0]) if a.country not in source_countries]
        for child in verb.children:
            # "fired on and seized three Ukrainian vessels": the object the conjuncts share
            if (
                child.dep_ == "conj"
                and child.pos_ == "VERB"
                and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
            ):
                objs = [c for c in child.children if c.dep_ in OBJECT_DEPS]
                found = self.resolve(objs[:1])
                if found:
                    return found
        return []

    def _complement_targets(self, verb, depth: int = 0, sources: list[Actor] | None = None) -> list[Actor]:
        """Targets of a complement clause ("promised to continue military aid to Mozambique", "willing to send
        material to help defend Saudi Arabia"): its own pattern's, else its object's or a preposition's."""
        pattern = self.match_verb(verb) or DEFAULT_TARGETS
        found = self._slot_targets(verb, pattern, self.subject_heads(verb)[1], sources)
        if found or depth >= 2:
            return found
        for child in verb.children:
            if (
                child.dep_ in ("xcomp", "advcl")
                and child.pos_ in ("VERB", "AUX")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                or child.dep_ == "xcomp"
            ):
                found = self._complement_targets(child, depth + 1, sources)
                if found:
                    return found
        return []

    def _slot_targets(self, verb, pattern: Pattern, passive: list, sources: list[Actor] | None = None) -> list[Actor]:
        slots = pattern.targets or (DEFAULT_SLOTS + (("to",) if "03" <= pattern.cameo[:2] <= "08" else ()))
        if "obj" not in slots and "none" not in slots:
            slots = slots + ("obj",)  # the direct object when the pattern's own slots are empty
        sources = sources or []
        inner_preps = INNER_PREPS | ({"in"} if pattern.cameo[:2] in CLAUSE_TARGET_ROOTS | {"03", "07"} else set())
        own = {a.country for a in sources if a.country} | {a.org for a in sources if a.org}
        own_roles = {a.role for a in sources}

        def others(actors: list[Actor]) -> list[Actor]:
            # "pledged North Korea's full support for Russia": the source's own thing is not the target; but
            # "Bolsonaro's supporters stormed Brazil's Congress" acts on another part of the same country
            return [
                a
                for a in actors
                if not ({a.country, a.org} & own)
                or (a.org and a.org not in own)
                or (a.role is not None and a.role not in own_roles)
                # "French farmers would blockade Paris": non-state actors act on their own state
                or (a.role is None and bool(own_roles & NON_MILITARY_ROLES))
                # "demanded support from the Montenegro Assembly": a named institution of the same state
                or self._named_body(a)
            ]

        for slot in slots:
            if slot == "none":
                return []
            heads: list = []
            if slot == "obj":
                if passive:
                    heads = passive
                else:
                    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
                    if objs and _own(objs[0]):
                        # "recalled its ambassador to Ethiopia": the owner is the source, the target is elsewhere;
                        # "after a Chinese plane violated its airspace": "its" is an earlier actor of the sentence
                        found = self.resolve(
                            _prep_objects(objs[0], {"to", "from", "in"}) or _prep_objects(verb, {"to", "from", "in"})
                        )
                        if found:
                            return found
                        owner = self._antecedent(verb, own)
                        if owner is not None:
                            return [owner]
                        inner = others(self.resolve(_prep_objects(objs[0], inner_preps, nested=True)))
                        if inner:
                            return inner  # "lifted its visa ban on Pakistan"
                        continue
                    free = self._free_relative_object(verb)
                    if free and (not objs or not others(self.resolve(objs[:1]))):
                        objs = free  # "struck what New Delhi said was the largest camp of ..."
                    if objs:
                        heads = conjuncts(objs[0])
                        for clause in objs[0].children:
                            # "expressed disappointment that Iran had behaved ...": the clause's subject
                            if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                                c.lower_ == "that" and c.dep_ in ("mark", "nsubj") for c in clause.children
                            ):
                                subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.lower_ != "that"]
                                found = others(self.resolve(subjects[:1]))
                                if found:
                                    return found
                    elif verb.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                        heads = [verb.head]  # "the tanker that Iran's Revolutionary Guards seized"
            elif slot == "dative":
                heads = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                heads = heads or _prep_objects(verb, {"to"})
            else:
                heads = _prep_objects(verb, {slot}, nested=True)
                if not heads:
                    for obj in verb.children:
                        if obj.dep_ in OBJECT_DEPS + ("nsubjpass",):
                            # on the object, or on what a container object holds ("a package of sanctions on")
                            for holder in [obj] + [o for o in _prep_objects(obj, {"of"}) if obj.lemma_ in CONTAINERS]:
                                heads = _prep_objects(holder, {slot})
                                if heads:
                                    break
                            if heads:
                                break
            actors = others(self.resolve(heads))
            if not actors and heads and heads[0].lower_ not in OWN_FORCES:
                # "accusing the opposition of anti-state activities": the sentence's country's opposition (not
                # "mobilised army reservists": the forces an actor moves are its own)
                actors = [a for a in self.state_actor(heads[:1]) if a.role not in own_roles | {"MIL", "COP"}]
            if actors:
                return actors
            if (
                slot == "obj"
                and heads
                and heads[0].lemma_.lower() in DECISION_NOUNS
                and any(c.lower_ in ("the", "this", "that") for c in heads[0].children)
            ):
                # "rejects this preposterous resolution": the body that passed it, named before
                prev = self.actors.ctx.last(self.actors.index, "org")
                if prev is not None and prev.org not in own:
                    return [prev]
            if heads:
                # "revoked military cooperation agreements with France", "gratitude for the support from
                # Russia", "a package of sanctions on Russia": the object's own complement
                for head in heads:
                    holders = [head] + [o for o in _prep_objects(head, {"of"}) if head.lemma_.lower() in CONTAINERS]
                    for holder in holders:
                        inner = others(self.resolve(_prep_objects(holder, inner_preps)))
                        if not inner:  # "called for an end to violence in his country"
                            inner = others(self.resolve(_prep_objects(holder, inner_preps, nested=True)))
                        if inner:
                            return inner
        return []

    def _sentence_place(self, exclude: set) -> list[Actor]:
        """The first country or capital named in the sentence that is not in `exclude`."""
        for i in sorted(self.actors.name_at):
            m = self.actors.name_at[i]
            if m.entry.kind in ("country", "capital") and m.entry.country and m.entry.country not in exclude:
                return [Actor(m.text, m.entry.country, m.entry.country)]
        return []

    @staticmethod
    def _free_relative_object(verb) -> list:
        """'struck what New Delhi said was the largest camp of Jaish-e-Mohammed': the camp."""
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            level = [clause]
            for _ in range(3):
                if any(c.lower_ == "what" and c.dep_ in ("nsubj", "dobj") for t in level for c in t.children):
                    for t in level:
                        for c in t.subtree:
                            if c.dep_ in ("attr", "dobj") and c.lower_ != "what" and c.pos_ in ("NOUN", "PROPN"):
                                return [c]
                level = [c for t in level for c in t.children if c.dep_ == "ccomp"]
        return []

    def _named_body(self, actor: Actor) -> bool:
        """Whether an actor's phrase names a body of its state ("the Montenegro Assembly"), not the state."""
        words = actor.text.split()
        if len(words) < 2 or not words[-1][:1].isupper() or words[-1].endswith("'s"):
            return False
        return not self.actors.gazetteer.names(words[-1]) and words[-1].lower() not in PRONOUN_WORDS

    def _antecedent(self, verb, own: set) -> Actor | None:
        """The nearest country named before `verb` in this sentence that is not the source's."""
        for tok in reversed(self.doc[: verb.i - self.doc[0].i]):
            m = self.actors.name_at.get(tok.i)
            if m is not None and m.entry.country and m.entry.country not in own and not m.entry.org:
                return Actor(m.text, m.entry.country, m.entry.country)
        return None

    def location_targets(self, verb, skip: set[int]) -> list[Actor]:
        """Countries where an act took place: 'in Mogadishu', 'across the Gaza Strip', 'near Moscow'."""
        stack = [c for c in verb.children if c.i not in skip and c.dep_ not in SUBJECT_DEPS + ("ccomp",)]
        while stack:
            tok = stack.pop(0)
            located = tok.dep_ == "prep" and (
                tok.lower_ in LOCATION_PREPS or tok.lower_ == "of" and tok.head.lower_ in ("outside", "out")
            )  # "outside of the Iraqi city of Basra"
            if located:
                for obj in tok.children:
                    if obj.dep_ == "pobj":
                        # "near Moscow"; "near the border with Ukraine", "on the outskirts of Kyiv"
                        if obj.lemma_.lower() in ("border", "frontier", "boundary") and not _prep_objects(
                            obj, {"with", "of"}
                        ):
                            continue  # "a stronghold on the Thai border" is not in Thailand
                        for place in [obj] + _prep_objects(obj, {"with", "of"}):
                            found = [a for a in self.resolve([place]) if a.country and not a.name]
                            if found:
                                return found[:1]
            stack.extend(c for c in tok.children if c.dep_ not in ("ccomp", "relcl"))
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
            # "stormed into southern Israel ..., killing hundreds": where the main act took place
            return self.location_targets(verb.head, skip | {verb.i})
        return []

    # -- patterns ------------------------------------------------------------------------------
    def match_verb(self, verb) -> Pattern | None:
        """The most specific lexicon line that matches the verb; among equals, the first in the file."""
        return next(self.match_verbs(verb), None)

    def match_verbs(self, verb) -> Iterator[Pattern]:
        """Every lexicon line that matches the verb, the most specific first."""
        candidates = self.lexicon.verbs.get(verb.lemma_.lower()) or self.lexicon.verbs.get(verb.lower_)
        if not candidates:
            return
        for p in candidates:
            if p.particles:
                preps = {
                    c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod", "agent", "dative", "acomp")
                }
                for obj in verb.children:
                    if obj.dep_ in OBJECT_DEPS:
                        preps |= {c.lower_ for c in obj.children if c.dep_ == "prep"}
                    elif obj.dep_ == "prep" and obj.lower_ in ("by", "via", "over", "on"):  # "spoke by telephone with"
                        for pobj in obj.children:
                            preps |= {c.lower_ for c in pobj.children if c.dep_ == "prep"}
                if not all(preps & alt for alt in p.particles):
                    continue
            if p.objects:
                objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS + ("nsubjpass",)]
                words = set()
                for o in objs:
                    words |= {o.lemma_.lower(), o.lower_}
                    words |= {c.lemma_.lower() for c in o.children if c.dep_ in ("compound", "amod")}
                    for inner in _prep_objects(o, {"of"}):  # "a package of sanctions", "thousands of police officers"
                        words.add(inner.lemma_.lower())
                        words |= {c.lemma_.lower() for c in inner.children if c.dep_ in ("compound", "amod")}
                if not words & p.objects:
                    continue
            if p.requires and not self._requires(verb, p.requires):
                continue
            yield p

    @staticmethod
    def _requires(tok, words: frozenset[str], depth: int = 3) -> int:
        """The depth (1..depth) at which one of `words` stands below the verb, outside clauses; 0 if none."""
        clauses = ("relcl", "advcl", "conj", "acl")

        def inside(c) -> bool:  # not another clause ("held Iran responsible" keeps its adjective)
            return c.dep_ not in SUBJECT_DEPS and (c.dep_ not in clauses or c.pos_ in ("ADJ", "NOUN", "PROPN"))

        level = [c for c in tok.children if inside(c)]
        for d in range(1, depth + 1):
            if any(t.lemma_.lower() in words or t.lower_ in words for t in level):
                return d
            level = [c for t in level for c in t.children if inside(c)]
        return 0

    def match_noun(self, noun) -> Pattern | None:
        candidates = self.lexicon.nouns.get(noun.lemma_.lower()) or self.lexicon.nouns.get(noun.lower_)
        if not candidates:
            return None
        mods: set[str] = set()
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                mods |= {c.lemma_.lower(), c.lower_}
                # hyphenated modifiers: "cross-border", "missile-defence"
                mods |= {g.lower_ for g in c.children if g.dep_ in ("compound", "amod")}
        dep, gov = effective(noun)
        if dep not in ("dobj", "nsubjpass", "attr", "conj"):
            gov = None
        # "drew criticism from the EU": any such noun received from someone is an act of theirs
        received = gov is not None and gov.lemma_.lower() in RECEIVING_VERBS and _prep_objects(noun, {"from", "by"})
        # a modifier that names one sense ("hunger strike") rules out the senses without it ("strikes on")
        sense_words = set().union(*(p.requires for p in candidates))
        named_sense = bool(mods & sense_words)
        for p in candidates:
            if p.requires and not (mods & p.requires):
                continue
            if not p.requires and named_sense:
                continue
            if p.governors and not received and (gov is None or gov.lemma_.lower() not in p.governors):
                continue
            return p
        return None

    # -- modes ---------------------------------------------------------------------------------
    def mode_of(self, verb, depth: int = 0) -> Mode:
        """The mode of the clause headed by `verb`, and who tells it."""
        out = Mode()
        children = list(verb.children)
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "neg" for c in children) or any(c.lower_ == "never" and c.dep_ == "advmod" for c in children):
            return Mode("negated")
        if any(
            c.dep_ in ("dobj", "nsubjpass") and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)
            for c in children
        ):
            return Mode("negated")  # "gave no timeline for membership"
        if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("than", "instead") for c in verb.head.children):
            return Mode("negated")  # "abstained rather than vetoing the resolution"
        if {c.lower_ for c in children if c.dep_ == "mark"} & CONDITION_MARKS:
            out.mode = "hypothetical"
        elif aux & FUTURE_AUX:
            out.mode, out.future = "intended", True
            if any(
                c.dep_ == "advcl" and any(m.lower_ == "unless" and m.dep_ == "mark" for m in c.children)
                for c in children
            ):
                out.mode, out.future, out.conditional = "hypothetical", False, "unless"  # "will withdraw unless ..."
        elif "would" in aux or "'d" in aux:
            out.mode, out.future = "intended", True
            gov = verb
            for _ in range(3):
                marks = {m.lower_ for c in gov.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
                if marks & CONDITION_MARKS:
                    out.mode, out.future = "hypothetical", False
                    out.conditional = "unless" if "unless" in marks else "if"
                    break
                if gov.head.i == gov.i:
                    break
                gov = gov.head
        elif aux & CONDITIONAL_AUX:
            out.mode = "hypothetical"
            marks = {m.lower_ for c in children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
            if marks & CONDITION_MARKS:  # "may halt its mediation if cooperation founders"
                out.conditional = "unless" if "unless" in marks else "if"
        tok = verb
        for _ in range(6):
            if tok.head.i == tok.i:
                break
            dep, gov = tok.dep_, tok.head
            lemma = gov.lemma_.lower()
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            if dep == "xcomp" or (dep in ("acl", "advcl", "ccomp") and infinitive):
                if any(c.dep_ == "neg" for c in gov.children) or lemma in NEGATING_GOVERNORS:
                    return Mode("negated")
                ordered_own = lemma in ORDER_VERBS and any(
                    c.dep_ in ("dobj", "dative") and c.lemma_.lower() in OWN_FORCES for c in gov.children
                )
                if ordered_own:
                    pass  # "Shoigu ordered troops to withdraw": reported as done
                elif lemma in APPEAL_GOVERNORS and out.mode == "asserted":
                    out.mode = "hypothetical"  # what X urged Y to do has not happened
                elif (
                    lemma in INTENT_GOVERNORS
                    and lemma not in DECISION_GOVERNORS | ORDER_VERBS
                    and out.mode == "asserted"
                ):
                    out.mode = "intended"
                if gov.pos_ == "ADJ" and lemma in READY_WORDS:
                    out.future = True  # "ready to help": an offer, coded as intent
                if dep == "acl" and gov.pos_ in ("NOUN", "PROPN") and out.mode == "asserted":
                    out.mode = "intended"  # "signed a deal to reopen the ports": what the deal is for
            elif dep == "ccomp" and lemma in APPEAL_GOVERNORS and lemma not in REPORT_VERBS:
                out.mode = "hypothetical"  # "demanded that the UN withdraw its mission"
            elif (
                dep == "pcomp"
                and gov.lower_ in ("than", "of", "without")
                and (
                    gov.lower_ == "without"
                    or any(c.lower_ in ("rather", "instead") for c in gov.head.children)
                    or gov.head.lower_ in ("rather", "instead")
                )
            ):
                return Mode("negated")  # "abstained rather than vetoing", "instead of signing", "without saying"
            elif dep == "pcomp" and gov.dep_ == "prep":
                host = gov.head
                if host.lemma_.lower() in STRONG_CLAIM_VERBS | BLAMING_VERBS or host.lemma_.lower() in (
                    "threaten",
                    "warn",
                ):
                    subs = self.resolve(self.subject_heads(host)[0])
                    return Mode("claimed", subs[0] if subs else None)
                if host.lower_ == "short":
                    return Mode("negated")
            elif dep == "ccomp" and (lemma in REPORT_VERBS or lemma in CLAIM_VERBS):
                subject_heads = self.subject_heads(gov)[0]
                if any(h.lower_ in COMMENTATORS or h.lemma_.lower() in COMMENTATORS for h in subject_heads):
                    return Mode(drop=True)
                speakers = self.resolve(subject_heads)
                out.speaker = speakers[0] if speakers else None
                if lemma in STRONG_CLAIM_VERBS or lemma in ADMISSION_VERBS:
                    # "acknowledged that it committed genocide": the admission is the event, not the old act
                    return Mode("claimed", out.speaker)
                if depth < 2:
                    above = self.mode_of(gov, depth + 1)  # "stopped short of saying ...", "did not say ..."
                    if above.drop:
                        return above
                    if above.mode in ("negated", "hypothetical"):
                        return Mode(above.mode)
                out.report = out.mode == "asserted"
                return out
            elif dep == "advcl" and {c.lower_ for c in tok.children if c.dep_ == "mark"} & CONDITION_MARKS:
                return Mode("hypothetical")
            if dep not in ("xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep", "acl", "relcl"):
                break
            tok = gov
        return out

    def background(self, verb) -> bool:
        """Whether the clause of `verb` places the act in the past: 'in 2016', 'last September'."""
        if not self.in_article:
            return False
        tok = verb
        for _ in range(4):
            for child in tok.children:
                if child.dep_ in ("prep", "npadvmod", "advmod", "advcl", "tmod") and child.lower_ not in NON_TEMPORAL:
                    span = _time_words(child)
                    if child.dep_ == "advcl" and not any(
                        m.lower_ in ("when", "before") for m in child.children if m.dep_ in ("mark", "advmod")
                    ):
                        continue
                    if past_years(span, self.date) or background_words(span) or earlier_date(span, self.date):
                        return True
            if tok.dep_ in ("relcl", "acl"):
                # "... at the request of the United States, which charged her ...": the main clause's time
                up = tok.head
                while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                    up = up.head
                if up.pos_ in ("VERB", "AUX") and up.i != tok.i:
                    tok = up
                    continue
            if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head.i == tok.i:
                break
            tok = tok.head
        return False

    # -- events ---------------------------------------------------------------------------------
    def code(self) -> list[Found]:
        found: list[Found] = []
        for tok in self.doc:
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("ROOT", "ccomp", "conj", "xcomp")):
                patterns = list(self.match_verbs(tok))
                for pattern in [p for k, p in enumerate(patterns[:3]) if k == 0 or "none" not in p.targets]:
                    # the most specific line that codes something: "agree +with" whose "with" names no one gives
                    # way to "agree"
                    events = self._verb_events(tok, pattern)
                    if events:
                        found.extend(events)
                        break
                if not patterns and tok.lemma_.lower() in REPORT_VERBS:
                    found.extend(self._obligation_events(tok))
        for tok in self.doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in self.used_tokens:
                noun_pattern = self.match_noun(tok)
                if noun_pattern is not None:
                    found.extend(self._noun_events(tok, noun_pattern))
        return found

    def _emit(
        self,
        pattern: Pattern,
        trigger,
        sources: list[Actor],
        targets: list[Actor],
        mode: Mode,
        conf: float,
    ) -> list[Found]:
        if mode.drop or not (sources or targets):
            return []
        out = []
        cameo = pattern.cameo
        root = cameo[:2]
        pairs: list[tuple[Actor | None, Actor | None]] = []
        reciprocal = trigger.lemma_.lower() in RECIPROCAL_VERBS
        if not targets and len(sources) > 1 and (root in COOPERATION_ROOTS | {"08"} or reciprocal):
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        else:
            source_options: list[Actor | None] = list(sources) or [None]
            target_options: list[Actor | None] = list(targets) or [None]
            for src in source_options:
                for tgt in target_options:
                    if (
                        src is not None
                        and tgt is not None
                        and (
                            (src.text == tgt.text and src.code == tgt.code)
                            or (root in COOPERATION_ROOTS and src.country == tgt.country and src.org == tgt.org)
                        )
                    ):
                        continue
                    pairs.append((src, tgt))
        for s, t in pairs:
            visitor: Actor | None
            if cameo[:3] in ("042", "043"):
                visitor = s if cameo[:3] == "042" else t
                if visitor is not None and visitor.role not in VISITOR_ROLES and not visitor.name:
                    continue
                if cameo[:3] == "043" and trigger.pos_ in ("VERB", "AUX") and not self._hosts_someone(trigger):
                    continue  # "it would receive its just punishment" hosts no one
            if s is not None and t is not None and t.role is None and s.role and "counterpart" in t.text.lower():
                t = replace(t, role=s.role, code=actor_code(t.country, s.role)) if t.country else t
            m, spk = mode.mode, mode.speaker
            if mode.report and spk is not None and s is not None:
                same = (spk.country and spk.country == s.country) or (spk.org and spk.org == s.org)
                if not same and not self._trailing(trigger):
                    m = "claimed"
            if m == "asserted":
                spk = None
            if t is None and s is not None and s.country and (root in DOMESTIC_ROOTS or cameo[:3] in HOME_YIELDS):
                # "imposed a curfew", "freed political prisoners": done at home; but not to a named person the
                # coder does not know ("detained Kovrig")
                objs = [o for o in trigger.children if o.dep_ in OBJECT_DEPS + ("nsubjpass",)]
                if not any(o.pos_ == "PROPN" for o in objs):
                    t = Actor(s.country, s.country, s.country)
            if (
                t is None
                and m == "asserted"
                and not (
                    root in TARGETLESS_ROOTS
                    or "none" in pattern.targets
                    or (root == "02" and any("for" in alt for alt in pattern.particles))
                )
            ):
                continue  # appeals "for" something ("called for calm") may have no addressee
            code = cameo
            if (
                root == "15"
                and t is not None
                and s is not None
                and t.country != s.country
                and any(
                    c.dep_ in ("advcl", "xcomp")
                    and c.lemma_.lower() in ("help", "assist", "support", "protect", "secure")
                    for c in list(trigger.children) + (list(trigger.head.children) if trigger.dep_ == "xcomp" else [])
                )
            ):
                code = "074"  # "deployed soldiers to Mozambique to help fight insurgents": protection abroad
            unknown = s is None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
            if cameo == "190" and (
                unknown
                or s is not None
                and (s.role in NON_MILITARY_ROLES or s.org and self._against_civilians(trigger))
            ):
                code = "180"  # violence by unknown or non-military hands, or by armed groups on civilians
            out.append(Found(code, trigger, s, t, m, spk, conf, pattern))
            if t is not None and t.country:
                self.actors.ctx.last_targets[root] = t
            own_voice = s is not None and t is not None and (spk is None or spk.country == s.country)
            if m == "negated" and s is not None and trigger.lemma_.lower() == "tolerate":
                out.append(Found(cameo, trigger, s, t, "asserted", None, conf - 0.1, pattern))  # "will not tolerate"
            elif m == "negated" and own_voice and root in REFUSALS and trigger.pos_ in ("VERB", "AUX"):
                # "would not meet the hostage-takers' demands", "failed to reach agreement": a refusal
                out.append(Found(REFUSALS[root], trigger, s, t, "asserted", None, conf - 0.15, pattern))
            if mode.future and m == "intended" and own_voice:
                alt = INTENT_CODES.get(root) or THREAT_CODES.get(root)
                if alt:
                    out.append(Found(alt, trigger, s, t, "asserted", None, conf - 0.1, pattern))
            elif m == "hypothetical" and mode.conditional == "unless" and s is not None and t is None:
                # "will boycott the elections unless the president agrees": a threat to the one named
                for cond in self._conditions(trigger):
                    subject = self.resolve([c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")][:1])
                    if subject and subject[0].code != s.code:
                        out.append(Found("130", trigger, s, subject[0], "asserted", None, conf - 0.15, pattern))
                        break
            elif (
                m == "hypothetical"
                and mode.conditional
                and own_voice
                and (root in THREAT_CODES or mode.conditional == "unless")
            ):
                # "would impose a tariff unless Mexico stopped ...", "would destroy North Korea if forced": a threat
                out.append(Found(THREAT_CODES.get(root, "130"), trigger, s, t, "asserted", None, conf - 0.1, pattern))
        return out

    @staticmethod
    def _conditions(verb) -> list:
        """The 'if'/'unless' clauses on a verb or the verbs above it."""
        out: list = []
        tok = verb
        for _ in range(3):
            out += [
                c
                for c in tok.children
                if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") and m.dep_ == "mark" for m in c.children)
            ]
            if out or tok.head.i == tok.i:
                break
            tok = tok.head
        return out

    def _hosts_someone(self, verb) -> bool:
        """Whether a hosting verb's object is a person, an office or a named actor (not 'punishment')."""
        for obj in verb.children:
            if obj.dep_ in OBJECT_DEPS:
                return (
                    obj.pos_ == "PROPN"
                    or obj.i in self.actors.role_at
                    or obj.lemma_.lower() in GATHERINGS
                    or bool(self.resolve([obj]))
                )
        return True

    @staticmethod
    def _against_civilians(trigger) -> bool:
        """'killing hundreds of people', 'shot dead three villagers'."""
        for obj in trigger.children:
            if obj.dep_ in OBJECT_DEPS + ("nsubjpass",):
                words = {obj.lemma_.lower()} | {o.lemma_.lower() for o in _prep_objects(obj, {"of"})}
                if words & CIVILIAN_NOUNS:
                    return True
        return False

    def _trailing(self, trigger) -> bool:
        """'..., NORAD said': the speech verb comes after the event it attributes."""
        tok = trigger
        for _ in range(6):
            if tok.dep_ == "ccomp" and tok.head.i > tok.i:
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _verb_events(self, verb, pattern: Pattern) -> list[Found]:
        if self.background(verb):
            return []
        source_heads, passive = self.subject_heads(verb)
        sources = self.resolve(source_heads) or self.state_actor(source_heads)
        targets = self.target_heads(verb, pattern, passive, sources)
        root = pattern.cameo[:2]
        conf = 0.85
        if not sources and root in ("10", "11", "14"):
            # "people blocked streets in Hong Kong", "fundamentalists demanded the resignation of Algeria's
            # president": protesters of the place, or of the country they make demands of
            sources = self._people_of(source_heads, verb, targets)
            conf -= 0.2
        skip = {t.i for h in source_heads for t in h.subtree}
        if not targets and (root in ATTACK_ROOTS | {"09", "16"} or pattern.cameo[:3] in ("042", "043")):
            # "struck targets in Gaza", "dispatched inspectors to a site in central Iran", "suspended aid
            # deliveries in Baghdad"
            # (a visit, an inquiry or a sanction at home has no target there; violence at home does)
            home = {s.country for s in sources if not s.org} if root not in ATTACK_ROOTS else set()
            targets = [a for a in self.location_targets(verb, skip) if a.country not in home]
            conf -= 0.15
        aimed = any(
            c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "against", "toward", "towards") for c in verb.children
        )
        if not targets and root in ATTACK_ROOTS and sources and aimed:
            # "fired shells at targets in Jericho, ... in the West Bank city": a place named in the sentence
            targets = self._sentence_place({s.country for s in sources if s.country})
            conf -= 0.15
        if not targets and (root == "07" or pattern.cameo in ("033", "015")) and sources:
            # "France stood ready to help": the country the story is about, named in this or the last sentence
            exclude = {s.country for s in sources if s.country}
            # the recipient of the last aid the article told of, else the country the story is about
            previous = self.actors.ctx.last_targets.get(root)
            other = previous if previous is not None and previous.country not in exclude else None
            other = other or self.actors.ctx.last_other(self.actors.index, exclude)
            targets = [other] if other is not None else self._sentence_place(exclude)
            conf -= 0.25
        if not targets and root in DOMESTIC_ROOTS:
            located = self.location_targets(verb, skip)
            if located and not {a.country for a in located} & {s.country for s in sources}:
                targets = located
        if not sources and root in ATTACK_ROOTS and targets:
            # "a roadside bombing near Samarra killed a US soldier": unknown hands, coded by the place
            skip_targets = {t.i for h in (passive or []) for t in h.subtree}
            place = [
                a
                for a in self.location_targets(verb, skip | skip_targets)
                if a.country not in {t.country for t in targets}
            ]
            if place:
                sources = place
                conf -= 0.2
        if not sources and passive and not source_heads and root == "17":
            # "Duterte was arrested at Manila airport": the authorities of the place
            sources = self.location_targets(verb, {t.i for h in passive for t in h.subtree})
            conf -= 0.2
        unknown_hand = bool(passive) and targets and root in ("08", "17", "18", "19", "20")
        if not sources and root not in ATTACK_ROOTS and not unknown_hand:
            return []  # "hostages were freed by their captors": the act stands, its author is unknown
        if not sources and (not targets or any(h.lemma_.lower() in NATURAL_CAUSES for h in source_heads)):
            return []  # "The earthquake struck Japan": no one acted
        for obj in verb.children:
            if obj.dep_ in OBJECT_DEPS:
                self.used_tokens.add(obj.i)
                self.used_tokens.update(o.i for o in _prep_objects(obj, {"of"}))
        return self._emit(pattern, verb, sources, targets, self.mode_of(verb), conf)

    def _obligation_events(self, verb) -> list[Found]:
        """'Russia said Sudan must return the helicopter': a demand (or, with 'should', an appeal) on the
        subject of the reported clause."""
        if self.background(verb):
            return []
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
                continue
            modal = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
            code = "100" if "must" in modal else "020" if modal & {"should", "ought"} else None
            if code is None:
                continue
            sources = self.resolve(self.subject_heads(verb)[0])
            targets = self.resolve([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")][:1])
            targets = [
                t for t in targets if not sources or t.country != sources[0].country or t.role != sources[0].role
            ]
            if sources and targets:
                return self._emit(OBLIGATION[code], verb, sources, targets, self.mode_of(verb), 0.7)
        return []

    def _people_of(self, heads, verb, targets: list[Actor]) -> list[Actor]:
        """Unnamed people (protesters, workers, fundamentalists) coded by where they act, or by the country
        their demand is addressed to."""
        chain = [t for h in heads for t in [h] + _prep_objects(h, {"of"})]
        roles = [self.actors.role_at[t.i].entry.role for t in chain if t.i in self.actors.role_at]
        if not chain or not (roles or any(t.lemma_.lower() in PEOPLE_NOUNS for t in chain)):
            return []
        role = roles[0] if roles else "CVL"
        places = self.location_targets(verb, {t.i for h in heads for t in h.subtree})
        country = places[0].country if places else targets[0].country if targets else None
        if country is None:
            return []
        return [Actor(" ".join(h.text for h in heads), actor_code(country, role), country, None, role, None)]

    def _occasion_host(self, dep: str, gov):
        """The verb a noun is the occasion of: 'praised Putin's leadership during a state visit to Moscow'."""
        if dep != "pobj" or gov.dep_ != "prep" or gov.lower_ not in OCCASION_PREPS:
            return None
        host = gov.head
        for _ in range(3):
            if host.pos_ in ("VERB", "AUX"):
                return host
            if host.dep_ in ("dobj", "pobj", "attr", "nsubj", "prep", "conj") and host.head.i != host.i:
                host = host.head
            else:
                return None
        return None

    def _host_targets(self, host) -> list[Actor]:
        """Targets of the verb an event noun hangs on ('apologised to Aliyev in a phone call')."""
        verb = host
        for _ in range(3):
            pattern = self.match_verb(verb)
            found = (
                self._slot_targets(verb, pattern, self.subject_heads(verb)[1])
                if pattern is not None
                else self._complement_targets(verb)
            )
            if found or verb.dep_ not in ("pcomp", "prep", "xcomp", "advcl", "conj") or verb.head.i == verb.i:
                return found
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
        return []

    def _noun_events(self, noun, pattern: Pattern) -> list[Found]:
        if noun.lower_ in COUNTRY_NOUNS:
            return []
        if _referenced_event(noun):
            return []  # "statements after the meeting": a meeting already reported, not a new one
        if any(c.dep_ in ("det", "amod") and c.lower_ in UNREAL_DETERMINERS for c in noun.children):
            return []
        dep, gov = effective(noun)
        sources: list[Actor] = []
        if pattern.cameo[:2] in COOPERATION_ROOTS and any(
            c.dep_ == "poss" and c.lower_ == "their" for c in noun.children
        ):
            # "hosted Putin and Zelenskiy for their first talks": the two just named, with each other
            index = self.actors.index
            sources = self.actors.ctx.last_pair(index, "person") or self.actors.ctx.last_pair(index, "country")
        for c in noun.children:
            if sources:
                break
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                sources = self.resolve([c])
        # "an attack by", "criticism from"; but "a withdrawal from Armenia" has its target there
        by = self.resolve(_prep_objects(noun, {"by"} | ({"from"} - set(pattern.targets))))
        if by:
            sources = by
        host = None
        receiver: list[Actor] = []
        if dep in ("dobj", "nsubjpass", "attr") and gov.pos_ in ("VERB", "AUX"):
            lemma = gov.lemma_.lower()
            if by and lemma in RECEIVING_VERBS:
                # "drew criticism from the EU": the EU criticises whoever drew it
                host = gov
                receiver = self.resolve(self.subject_heads(gov)[0])
            elif lemma in LIGHT_VERBS or pattern.governors:
                host = gov
                if not sources:
                    sources = self.resolve(self.subject_heads(gov)[0])
            elif not sources:
                return []
            elif lemma in BLOCKING_VERBS:
                return []  # "has blocked several EU aid packages for Kyiv": the aid did not happen
            else:
                # "condemned Israel's strikes on Gaza": the strikes' own event, dated and moded by the verb
                if self.background(gov):
                    return []
        elif dep in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
            if gov.lemma_.lower() not in OCCURRENCE_VERBS and pattern.cameo[:2] not in ATTACK_ROOTS:
                return []  # "the sanctions should be revised": a reference to earlier acts, not a new one
            host = gov
        elif dep == "conj":
            return []
        else:
            host = self._occasion_host(dep, gov)
            if host is not None and not sources:
                sources = self.resolve(self.subject_heads(host)[0])
        if host is None and not sources:
            return []
        if host is not None and self.background(host):
            return []
        targets: list[Actor] = receiver
        between = _prep_objects(noun, {"between"})
        if not between and host is not None and dep in ("nsubj", "nsubjpass", "dobj"):
            between = _prep_objects(host, {"between"})  # "fighting broke out in Khartoum between A and B"
        if between and not targets:
            parties = self.resolve(between)
            if len(parties) >= 2 and not sources:
                sources, targets = parties[:1], parties[1:]
            else:
                targets = [p for p in parties if p not in sources]  # "Qatar launched a mediation effort between ..."
        elif not targets:
            for slot in pattern.targets or ("on", "against", "with", "to", "at", "into", "for"):
                heads = _prep_objects(noun, {slot})
                if host is not None and not heads and dep != "pobj":
                    heads = _prep_objects(host, {slot})
                targets = [t for t in self.resolve(heads) if t not in sources]
                if targets:
                    break
        if not targets:
            # "reiterated its demand that Israel withdraw": the subject of the noun's clause
            for clause in noun.children:
                if (
                    clause.dep_ in ("acl", "ccomp", "relcl")
                    and clause.pos_ in ("VERB", "AUX")
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                ):
                    targets = [
                        t
                        for t in self.resolve([c for c in clause.children if c.dep_ == "nsubj"][:1])
                        if t not in sources
                    ]
                    if targets:
                        break
        if not targets and host is not None and dep == "pobj" and gov.lower_ in OCCASION_PARTNER_PREPS:
            targets = [t for t in self._host_targets(host) if t not in sources]
        if not targets and (pattern.cameo[:2] in ATTACK_ROOTS or pattern.cameo[:3] in ("042", "043")):
            targets = self.location_targets(noun, set())
        if not sources and pattern.cameo[:2] not in ATTACK_ROOTS:
            return []
        if not sources and not targets:
            return []
        mode = self.mode_of(host) if host is not None else Mode()
        if host is not None and dep == "pobj" and gov.lower_ == "for" and mode.mode == "asserted":
            host_pattern = self.match_verb(host)
            if host.lemma_.lower() in APPEAL_GOVERNORS or (host_pattern and host_pattern.cameo[:2] in ("02", "10")):
                mode = Mode("hypothetical")  # "called for talks between Armenia and Azerbaijan": not held yet
        return self._emit(pattern, noun, sources, targets, mode, 0.7)
