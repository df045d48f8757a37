"""Events from one parsed sentence: lexicon patterns matched on verbs and event nouns, their source and
target actors found in the dependency parse, and each event's mode and speaker."""

from __future__ import annotations

from dataclasses import dataclass, replace

from eventwire.actors.resolve import COUNTRY_NOUNS, SentenceActors, actor_code
from eventwire.coding.lexicon import Lexicon, Pattern
from eventwire.coding.modes import (
    CLAIM_VERBS, COMMENTATORS, CONDITION_MARKS, CONDITIONAL_AUX, FUTURE_AUX, INTENT_GOVERNORS,
    NEGATING_GOVERNORS, REPORT_VERBS, STRONG_CLAIM_VERBS, background_words, past_years,
)
from eventwire.model import Actor

SUBJECT_DEPS = ("nsubj", "csubj")
OBJECT_DEPS = ("dobj", "attr", "oprd")
# verbs whose object is the subject of their infinitive: "urged China to press Russia"
OBJECT_CONTROL = frozenset({
    "urge", "ask", "tell", "order", "call", "press", "push", "invite", "encourage", "request", "force", "help",
    "allow", "persuade", "warn", "advise", "compel", "pressure", "instruct", "authorise", "authorize", "lead",
    "demand", "appeal", "implore", "beg", "get", "enable", "permit", "expect",
})
# verbs that carry an event noun: "held talks", "launched an air strike", "imposed sanctions"
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "carry", "launch", "stage", "make", "pay", "impose", "announce", "begin",
    "start", "open", "sign", "host", "mount", "unleash", "order", "approve", "adopt", "introduce", "extend",
    "slap", "level", "issue", "deliver", "give", "provide", "send", "offer", "take", "continue", "resume",
    "step", "intensify", "escalate", "wage", "perform", "undertake", "arrange", "organise", "organize",
    "complete", "conclude", "end", "agree", "reach", "seal", "strike", "ink", "finalise", "finalize",
    "receive", "win", "get", "grant", "lodge", "file", "express", "voice", "set", "place", "put", "see",
})
# verbs whose subject receives what the noun's "from" actor does: "drew criticism from the EU"
RECEIVING_VERBS = frozenset({"draw", "receive", "face", "win", "earn", "get", "attract", "provoke", "spark",
                             "trigger", "prompt", "meet", "suffer", "incur"})
OCCASION_PREPS = frozenset({"during", "at", "after", "in", "on", "amid", "following", "before", "for", "with", "by"})
LOCATION_PREPS = frozenset({"in", "near", "at", "across", "into", "inside", "over", "off", "on", "outside", "to",
                            "around", "throughout", "along"})
ATTACK_ROOTS = frozenset({"18", "19", "20"})
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# events without a target are kept only for these roots (statements, appeals, pledges, mobilisation); a dyadic act
# whose target the parse did not give is left out rather than recorded half
TARGETLESS_ROOTS = frozenset({"01", "02", "03", "15"})
# sources that use unconventional rather than military force: their attacks are 18x, not 19x
NON_MILITARY_ROLES = frozenset({"CVL", "OPP", "EDU", "LAB", "REF", "MED", "BUS", "HRI", "REL", "CRM", "UAF"})
DOMESTIC_ROOTS = frozenset({"14", "15", "17"})
INTENT_CODES = {"04": "036", "05": "030", "06": "031", "07": "033", "08": "035"}
THREAT_CODES = {"16": "131", "17": "130", "18": "138", "19": "138", "20": "138", "15": "138", "14": "133"}


@dataclass
class Found:
    """An event found in a sentence, before it becomes an Event record."""

    cameo: str
    trigger: object  # the spaCy token
    source: Actor | None
    target: Actor | None
    mode: str
    speaker: Actor | None
    confidence: float
    pattern: Pattern | None


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
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    out.extend(conjuncts(obj))
    if not out and nested:
        for child in tok.children:
            if child.dep_ == "prep":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        out.extend(_prep_objects(obj, preps))
    return out


# nouns that hold an event noun: "a package of sanctions", "a wave of air strikes"
CONTAINERS = frozenset({"package", "round", "wave", "series", "set", "batch", "barrage", "volley", "number",
                        "string", "raft", "slew", "spate", "flurry", "tranche", "bundle", "host", "new"})


def effective(noun):
    """(dependency, head) of a noun seen through a container noun: 'imposed a package of sanctions'."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CONTAINERS:
        holder = noun.head.head
        return holder.dep_, holder.head
    return noun.dep_, noun.head


class SentenceCoder:
    def __init__(self, doc, actors: SentenceActors, lexicon: Lexicon, date: str | None) -> None:
        self.doc = doc
        self.actors = actors
        self.lexicon = lexicon
        self.date = date
        self.used_tokens: set[int] = set()

    # -- actors of a list of nominal heads ------------------------------------------------------
    def resolve(self, heads) -> list[Actor]:
        out: list[Actor] = []
        for head in heads:
            found = self.actors.actors(head)
            if not found:
                # "an air strike by the coalition", "inspectors from the IAEA"
                for obj in _prep_objects(head, {"by", "from"}):
                    found = self.actors.actors(obj)
                    if found:
                        break
            for actor in found:
                if actor.code and all(actor.code != a.code or actor.text != a.text for a in out):
                    out.append(actor)
        return out

    # -- subjects and objects ----------------------------------------------------------------------
    def subject_heads(self, verb, depth: int = 0) -> tuple[list, list]:
        """(source heads, passive-subject heads) of a verb, climbing through control and coordination."""
        subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subs:
            return conjuncts(subs[0]), []
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive:
            return _prep_objects(verb, {"by"}), conjuncts(passive[0])
        if depth > 4 or verb.head is verb:
            return [], []
        head, dep = verb.head, verb.dep_
        if dep == "xcomp" or (dep in ("ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            if head.lemma_ in OBJECT_CONTROL:
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")] or _prep_objects(head, {"on", "upon"})
                if objs:
                    return conjuncts(objs[0]), []
            if head.pos_ in ("ADJ", "NOUN"):  # "ready to help", "the decision to ..."
                return self.subject_heads(head.head, depth + 1) if head.dep_ != "ROOT" else ([], [])
            return self.subject_heads(head, depth + 1)
        if dep == "conj":
            return self.subject_heads(head, depth + 1)
        if dep == "advcl" and verb.tag_ in ("VBG", "VBN"):
            return self.subject_heads(head, depth + 1)
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            return [head], []
        if dep == "pcomp" and head.dep_ == "prep":
            gov = head.head
            if gov.lemma_ in ("accuse", "blame", "charge", "suspect", "criticise", "criticize", "condemn", "thank",
                              "praise", "punish", "sanction", "commend", "congratulate", "fault", "credit"):
                objs = [c for c in gov.children if c.dep_ in OBJECT_DEPS]
                if objs:
                    return conjuncts(objs[0]), []
            if gov.pos_ == "VERB":
                return self.subject_heads(gov, depth + 1)
        if dep in ("acomp",):
            return self.subject_heads(head, depth + 1)
        if dep == "ROOT" or depth == 0:
            return self._left_subject(verb), []
        return [], []

    def _left_subject(self, verb) -> list:
        """A subject the parser missed: the nearest actor phrase left of the verb, climbing through
        appositions and conjuncts ("..., China's Defense Minister, Dong Jun, assured ...")."""
        first = verb.left_edge.i if verb.dep_ != "ROOT" else self.doc[0].i
        for tok in reversed(self.doc[first - self.doc[0].i: verb.i - self.doc[0].i]):
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "poss", "amod"):
                continue
            if tok.dep_ in ("pobj",) and tok.head.lower_ not in ("of",):
                return []
            chain = [tok]
            while chain[-1].dep_ in ("conj", "appos") and chain[-1].head is not chain[-1]:
                chain.append(chain[-1].head)
            for head in reversed(chain):
                if self.actors.actors(head):
                    self.actors.learn_from(chain)
                    return [head]
            return []
        return []

    def target_heads(self, verb, pattern: Pattern, passive: list) -> list[Actor]:
        found = self._slot_targets(verb, pattern, passive)
        if found or "none" in pattern.targets:
            return found
        root = pattern.cameo[:2]
        if root in CLAUSE_TARGET_ROOTS:
            # "demanded that Islamabad hunt down ...", "warned that France would respond"
            for clause in verb.children:
                if clause.dep_ == "ccomp":
                    subs = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                    found = self.resolve(subs[:1])
                    if found:
                        return found
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "accused South Korea of ... and warned of retaliation": the first verb's object
            first = verb.head
            first_pattern = self.match_verb(first)
            if first_pattern is not None and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                return self._slot_targets(first, first_pattern, self.subject_heads(first)[1])
        return []

    def _slot_targets(self, verb, pattern: Pattern, passive: list) -> list[Actor]:
        slots = pattern.targets or ("obj",)
        for slot in slots:
            if slot == "none":
                return []
            heads: list = []
            if slot == "obj":
                if passive:
                    heads = passive
                else:
                    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
                    if objs:
                        heads = conjuncts(objs[0])
            elif slot == "dative":
                heads = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                heads = heads or _prep_objects(verb, {"to"})
            else:
                heads = _prep_objects(verb, {slot}, nested=True)
                if not heads:
                    for obj in verb.children:
                        if obj.dep_ in OBJECT_DEPS + ("nsubjpass",):
                            heads = _prep_objects(obj, {slot})
                            if heads:
                                break
                if not heads and slot == "between":
                    heads = []
            actors = self.resolve(heads)
            if actors:
                return actors
            if heads:
                # "revoked military cooperation agreements with France", "gratitude for the support from
                # Russia": the object's own complement
                for head in heads:
                    inner = self.resolve(_prep_objects(head, {"with", "on", "against", "to", "for", "of", "from", "toward", "towards"}))
                    if inner:
                        return inner
        return []

    def location_targets(self, verb, skip: set[int]) -> list[Actor]:
        """Countries where an act took place: 'in Mogadishu', 'across the Gaza Strip', 'near Moscow'."""
        stack = [c for c in verb.children if c.i not in skip and c.dep_ not in SUBJECT_DEPS + ("ccomp",)]
        while stack:
            tok = stack.pop(0)
            if tok.dep_ == "prep" and tok.lower_ in LOCATION_PREPS:
                for obj in tok.children:
                    if obj.dep_ == "pobj":
                        found = [a for a in self.resolve([obj]) if a.country and not a.name]
                        if found:
                            return found[:1]
            stack.extend(c for c in tok.children if c.dep_ not in ("ccomp", "relcl"))
        return []

    # -- patterns ------------------------------------------------------------------------------
    @staticmethod
    def _children_words(tok) -> set[str]:
        return {c.lower_ for c in tok.children} | {c.lemma_.lower() for c in tok.children}

    def match_verb(self, verb) -> Pattern | None:
        candidates = self.lexicon.verbs.get(verb.lemma_.lower()) or self.lexicon.verbs.get(verb.lower_)
        if not candidates:
            return None
        for p in candidates:
            if p.particles:
                preps = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod", "agent", "dative", "acomp")}
                for obj in verb.children:
                    if obj.dep_ in OBJECT_DEPS:
                        preps |= {c.lower_ for c in obj.children if c.dep_ == "prep"}
                if not all(preps & alt for alt in p.particles):
                    continue
            if p.objects:
                objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS + ("nsubjpass",)]
                if not any(o.lemma_.lower() in p.objects or o.lower_ in p.objects for o in objs):
                    continue
            if p.requires and not self._requires(verb, p.requires):
                continue
            return p
        return None

    @staticmethod
    def _requires(tok, words: frozenset[str], depth: int = 3) -> bool:
        stack = [(c, 1) for c in tok.children if c.dep_ not in SUBJECT_DEPS]
        while stack:
            t, d = stack.pop()
            if t.lemma_.lower() in words or t.lower_ in words:
                return True
            if d < depth:
                stack.extend((c, d + 1) for c in t.children if c.dep_ not in ("ccomp", "relcl", "advcl"))
        return False

    def match_noun(self, noun) -> Pattern | None:
        candidates = self.lexicon.nouns.get(noun.lemma_.lower()) or self.lexicon.nouns.get(noun.lower_)
        if not candidates:
            return None
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
        mods |= {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
        # hyphenated modifiers: "cross-border", "missile-defence"
        for c in noun.children:
            if c.dep_ in ("compound", "amod"):
                mods |= {g.lower_ for g in c.children if g.dep_ in ("compound", "amod")}
        dep, gov = effective(noun)
        if dep not in ("dobj", "nsubjpass", "attr", "conj"):
            gov = None
        for p in candidates:
            if p.requires and not (mods & p.requires):
                continue
            if p.governors and (gov is None or gov.lemma_.lower() not in p.governors):
                continue
            return p
        return None

    # -- modes ---------------------------------------------------------------------------------
    def mode_of(self, verb) -> tuple[str, Actor | None, bool, bool]:
        """(mode, speaker, aux_future, drop) of the clause headed by `verb`."""
        mode = "asserted"
        aux_future = False
        children = list(verb.children)
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "neg" for c in children) or any(c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det") for c in children if c.dep_ != "det"):
            return "negated", None, False, False
        if {c.lower_ for c in children if c.dep_ == "mark"} & CONDITION_MARKS:
            mode = "hypothetical"
        elif aux & FUTURE_AUX:
            mode, aux_future = "intended", True
        elif "would" in aux or "'d" in aux:
            mode, aux_future = "intended", True
            gov = verb
            for _ in range(3):
                if any(c.dep_ == "advcl" and {m.lower_ for m in c.children if m.dep_ == "mark"} & CONDITION_MARKS for c in gov.children):
                    mode, aux_future = "hypothetical", False
                    break
                if gov.head is gov:
                    break
                gov = gov.head
        elif aux & CONDITIONAL_AUX:
            mode = "hypothetical"
        speaker = None
        tok = verb
        for _ in range(6):
            if tok.head is tok:
                break
            dep, gov = tok.dep_, tok.head
            lemma = gov.lemma_.lower()
            if dep in ("xcomp",) or (dep in ("acl", "advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
                if any(c.dep_ == "neg" for c in gov.children) or lemma in NEGATING_GOVERNORS:
                    return "negated", None, False, False
                if lemma in INTENT_GOVERNORS and mode == "asserted":
                    mode = "intended"
                if gov.pos_ in ("ADJ",) and lemma in INTENT_GOVERNORS:
                    aux_future = True  # "ready to help"
            elif dep == "pcomp" and gov.dep_ == "prep":
                host = gov.head
                if host.lemma_.lower() in STRONG_CLAIM_VERBS or host.lemma_.lower() in ("threaten", "warn"):
                    subs = self.resolve(self.subject_heads(host)[0])
                    return "claimed", subs[0] if subs else None, False, False
                if host.lemma_.lower() == "short" or host.lower_ == "short":
                    return "negated", None, False, False
            elif dep == "ccomp" and (lemma in REPORT_VERBS or lemma in CLAIM_VERBS):
                subject_heads = self.subject_heads(gov)[0]
                if any(h.lower_ in COMMENTATORS or h.lemma_.lower() in COMMENTATORS for h in subject_heads):
                    return mode, None, aux_future, True
                speakers = self.resolve(subject_heads)
                speaker = speakers[0] if speakers else None
                if lemma in STRONG_CLAIM_VERBS:
                    return "claimed", speaker, False, False
                return (mode if mode != "asserted" else "asserted:report"), speaker, aux_future, False
            elif dep in ("advcl",) and {c.lower_ for c in tok.children if c.dep_ == "mark"} & CONDITION_MARKS:
                return "hypothetical", None, False, False
            if dep not in ("xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep", "acl", "relcl"):
                break
            tok = gov
        return mode, speaker, aux_future, False

    def background(self, verb) -> bool:
        """Whether the clause of `verb` places the act in the past: 'in 2016', 'last September', 'had ...'."""
        tok = verb
        for _ in range(4):
            for child in tok.children:
                if child.dep_ in ("prep", "npadvmod", "advmod", "advcl", "tmod") or child.ent_type_ == "DATE":
                    span = self.doc[child.left_edge.i - self.doc[0].i: child.right_edge.i - self.doc[0].i + 1].text
                    if child.dep_ == "advcl" and child.lower_ not in ("when", "after", "before", "since"):
                        if not any(m.lower_ in ("when", "after", "before", "since") for m in child.children if m.dep_ in ("mark", "advmod")):
                            continue
                    if past_years(span, self.date) or background_words(span):
                        return True
            if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head is tok:
                break
            tok = tok.head
        return False

    # -- events ---------------------------------------------------------------------------------
    def code(self) -> list[Found]:
        found: list[Found] = []
        for tok in self.doc:
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("ROOT", "ccomp", "conj", "xcomp")):
                pattern = self.match_verb(tok)
                if pattern is not None:
                    found.extend(self._verb_events(tok, pattern))
        for tok in self.doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in self.used_tokens:
                pattern = self.match_noun(tok)
                if pattern is not None:
                    found.extend(self._noun_events(tok, pattern))
        return found

    def _emit(self, pattern: Pattern, trigger, sources: list[Actor], targets: list[Actor], mode_info, conf: float,
              source_heads=()) -> list[Found]:
        mode, speaker, aux_future, drop = mode_info
        if drop or not (sources or targets):
            return []
        report = mode == "asserted:report"
        if report:
            mode = "asserted"
        out = []
        cameo = pattern.cameo
        root = cameo[:2]
        pairs: list[tuple[Actor | None, Actor | None]] = []
        if not targets and len(sources) > 1 and root in ("03", "04", "05", "06", "08"):
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        else:
            for s in sources or [None]:
                for t in targets or [None]:
                    if s is not None and t is not None and (
                        s.text == t.text or (s.code == t.code and root in ("03", "04", "05", "06"))
                    ):
                        continue
                    pairs.append((s, t))
        for s, t in pairs:
            if s is not None and t is not None and t.role is None and s.role and "counterpart" in t.text.lower():
                t = replace(t, role=s.role, code=actor_code(t.country, s.role)) if t.country else t
            m, spk = mode, speaker
            if report and spk is not None and s is not None:
                same = (spk.country and spk.country == s.country) or (spk.org and spk.org == s.org)
                if not same and trigger.i > 0 and not self._trailing(trigger):
                    m = "claimed"
            if m == "asserted":
                spk = None
            if t is None and s is not None and root in DOMESTIC_ROOTS and s.country:
                t = Actor(s.country, s.country, s.country)
            if t is None and root not in TARGETLESS_ROOTS and m == "asserted":
                continue
            code = cameo
            if root == "19" and s is not None and s.role in NON_MILITARY_ROLES:
                code = "180"
            out.append(Found(code, trigger, s, t, m, spk, conf, pattern))
            if aux_future and m == "intended" and s is not None and (spk is None or spk.country == s.country):
                alt = INTENT_CODES.get(root) or THREAT_CODES.get(root)
                if alt:
                    out.append(Found(alt, trigger, s, t, "asserted", None, conf - 0.1, pattern))
        return out

    def _trailing(self, trigger) -> bool:
        """'..., NORAD said': the speech verb comes after the event it attributes."""
        tok = trigger
        for _ in range(6):
            if tok.dep_ == "ccomp" and tok.head.i > tok.i:
                return True
            if tok.head is tok:
                return False
            tok = tok.head
        return False

    def _verb_events(self, verb, pattern: Pattern) -> list[Found]:
        if self.background(verb):
            return []
        source_heads, passive = self.subject_heads(verb)
        sources = self.resolve(source_heads)
        targets = self.target_heads(verb, pattern, passive)
        conf = 0.85
        if not targets and (pattern.cameo[:2] in ATTACK_ROOTS or pattern.cameo[:3] in ("042", "043")):
            skip = {t.i for h in source_heads for t in h.subtree}
            targets = self.location_targets(verb, skip)
            conf -= 0.15
        if not sources and pattern.cameo[:2] not in ATTACK_ROOTS:
            return []
        if not sources and not targets:
            return []
        for obj in verb.children:
            if obj.dep_ in OBJECT_DEPS:
                self.used_tokens.add(obj.i)
                self.used_tokens.update(o.i for o in _prep_objects(obj, {"of"}))
        return self._emit(pattern, verb, sources, targets, self.mode_of(verb), conf)

    def _occasion_host(self, dep: str, gov):
        """The verb a noun is the occasion of: 'praised Putin's leadership during a state visit to Moscow'."""
        if dep != "pobj" or gov.dep_ != "prep" or gov.lower_ not in OCCASION_PREPS:
            return None
        host = gov.head
        for _ in range(3):
            if host.pos_ in ("VERB", "AUX"):
                return host
            if host.dep_ in ("dobj", "pobj", "attr", "nsubj", "prep", "conj") and host.head is not host:
                host = host.head
            else:
                return None
        return None

    def _noun_events(self, noun, pattern: Pattern) -> list[Found]:
        if noun.lower_ in COUNTRY_NOUNS:
            return []
        dep, gov = effective(noun)
        sources: list[Actor] = []
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                sources = self.resolve([c])
                if sources:
                    break
        by = self.resolve(_prep_objects(noun, {"by", "from"}))
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
        elif dep in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
            host = gov
        elif dep == "conj":
            return []
        else:
            host = self._occasion_host(dep, gov)
            if host is not None and not sources:
                sources = self.resolve(self.subject_heads(host)[0])
        if host is not None and self.background(host):
            return []
        targets: list[Actor] = receiver
        between = _prep_objects(noun, {"between"})
        if between and not targets:
            parties = self.resolve(between)
            if len(parties) >= 2:
                sources, targets = parties[:1], parties[1:]
            else:
                targets = parties
        elif not targets:
            for slot in pattern.targets or ("on", "against", "with", "to", "at", "into", "for"):
                heads = _prep_objects(noun, {slot})
                if host is not None and not heads and dep != "pobj":
                    heads = _prep_objects(host, {slot})
                targets = [t for t in self.resolve(heads) if t not in sources]
                if targets:
                    break
        if not targets and host is not None and dep == "pobj":
            verb = host
            for _ in range(3):
                objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS + ("dative",)]
                targets = self.resolve(objs[:1])
                if targets or verb.dep_ not in ("pcomp", "prep", "xcomp", "advcl", "conj") or verb.head is verb:
                    break
                verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if not targets and (pattern.cameo[:2] in ATTACK_ROOTS or pattern.cameo[:3] in ("042", "043")):
            targets = self.location_targets(noun, set())
        if not sources and pattern.cameo[:2] not in ATTACK_ROOTS:
            return []
        if not sources and not targets:
            return []
        mode = self.mode_of(host) if host is not None else ("asserted", None, False, False)
        return self._emit(pattern, noun, sources, targets, mode, 0.7)
