"""Modes and attribution: asserted, claimed (told by a speaker), negated, intended, hypothetical;
and the sentences that carry no new event (background, commentary)."""

from __future__ import annotations

import re
from datetime import date as _date

from eventwire.dates import parse_date

# verbs that attribute what follows to a speaker without doubting it ("X said", "X announced")
REPORT_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "announce",
        "state",
        "report",
        "confirm",
        "note",
        "write",
        "tweet",
        "declare",
        "insist",
        "explain",
        "reply",
        "respond",
        "comment",
        "assert",
        "argue",
        "post",
        "stress",
        "warn",
        "reiterate",
        "emphasise",
        "emphasize",
        "indicate",
        "recall",
        "suggest",
        "believe",
        "think",
        "hope",
        "expect",
        "predict",
        "estimate",
        "fear",
        "acknowledge",
        "admit",
        "concede",
        "disclose",
        "reveal",
        "signal",
        "affirm",
        "maintain",
        "underline",
        "underscore",
        "remark",
        "describe",
        "call",
        "show",
    }
)
# verbs whose content is someone's claim, not the outlet's fact
CLAIM_VERBS = frozenset(
    {
        "claim",
        "allege",
        "accuse",
        "blame",
        "charge",
        "suspect",
        "contend",
        "deny",
        "dispute",
        "assert",
        "insist",
        "say",
        "tell",
    }
)
STRONG_CLAIM_VERBS = frozenset({"claim", "allege", "accuse", "blame", "charge", "suspect", "contend", "deny"})
# speakers whose words are commentary, not events
COMMENTATORS = frozenset(
    {
        "analyst",
        "analysts",
        "expert",
        "experts",
        "critic",
        "critics",
        "observer",
        "observers",
        "commentator",
        "commentators",
        "economist",
        "economists",
        "scholar",
        "scholars",
        "researcher",
        "researchers",
        "some",
        "others",
        "many",
        "several",
        "few",
        "forecasters",
        "scientists",
        "historians",
        "pundits",
        "editorial",
        "columnist",
        "columnists",
    }
)
# governors that make their complement a plan rather than a fact
INTENT_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "want",
        "seek",
        "prepare",
        "pledge",
        "promise",
        "vow",
        "offer",
        "agree",
        "decide",
        "hope",
        "expect",
        "propose",
        "threaten",
        "vote",
        "move",
        "try",
        "attempt",
        "wish",
        "resolve",
        "undertake",
        "commit",
        "consider",
        "mull",
        "weigh",
        "schedule",
        "set",
        "due",
        "ready",
        "willing",
        "prepared",
        "determined",
        "poised",
        "likely",
        "going",
        "able",
        "bound",
        "urge",
        "ask",
        "call",
        "demand",
        "order",
        "tell",
        "press",
        "push",
        "invite",
        "encourage",
        "request",
        "appeal",
        "warn",
        "need",
        "must",
    }
)
# governors whose complement is what someone else is asked to do: not a fact ("ordered Israel to take
# measures"; but an order to one's own forces is carried out: see ORDER_VERBS)
APPEAL_GOVERNORS = frozenset(
    {
        "urge",
        "ask",
        "call",
        "demand",
        "press",
        "push",
        "request",
        "appeal",
        "invite",
        "order",
        "instruct",
        "tell",
        "encourage",
        "implore",
        "beg",
        "insist",
        "pressure",
    }
)
# governors whose complement is decided, and so reported as done: "decided to expel the envoy"
# ("agreed to X" stays an intent: CAMEO codes the agreement itself, 03)
DECISION_GOVERNORS = frozenset({"decide", "vote", "move", "resolve"})
ORDER_VERBS = frozenset({"order", "instruct", "command", "direct", "tell"})
# objects of an order that are the orderer's own: "ordered troops to withdraw" is reported as done
OWN_FORCES = frozenset(
    {
        "troops",
        "troop",
        "forces",
        "force",
        "army",
        "military",
        "soldiers",
        "police",
        "navy",
        "units",
        "unit",
        "officials",
        "ministry",
        "government",
        "ships",
        "warships",
        "jets",
    }
)
NEGATING_GOVERNORS = frozenset(
    {
        "refuse",
        "fail",
        "decline",
        "reject",
        "deny",
        "avoid",
        "stop",
        "halt",
        "cease",
        "abandon",
        "rule",
        "unable",
        "unwilling",
        "reluctant",
        "short",
    }
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "'d"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_BACKGROUND = re.compile(
    r"\b(last (?:year|month|autumn|spring|summer|winter|decade|century|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)|(?:years|decades|months|weeks) ago|last week|in the past|previously|"
    r"earlier this (?:year|month)|a year earlier|the previous (?:year|month)|since then|at the time|"
    r"had been|once again|history|historically|decades of|for (?:years|decades)|colonial[- ]era|colonial rule|colonial times)\b",
    re.IGNORECASE,
)


def past_years(text: str, date: str | None) -> bool:
    """Whether a text places something in a year before the document's year ("in 2016", "July 2000");
    "the first since 1985" measures a gap and does not count."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return False
    year = int(date[:4])
    for m in _YEAR.finditer(text):
        before = text[: m.start()].split()[-1:]
        if before and before[0].lower() in ("since", "until", "till", "by", "before"):
            continue
        if int(m.group(1)) < year:
            return True
    return False


_MONTHS = {
    m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}
_DAY_MONTH = re.compile(r"\b(?:(\d{1,2})\s+([A-Z][a-z]{2,8})\.?|([A-Z][a-z]{2,8})\.?\s+(\d{1,2}))\b(?!,?\s*\d{4})")


def earlier_date(text: str, date: str | None, days: int = 7) -> bool:
    """Whether a text names a day of the document's year more than `days` before its date ("on Dec. 6" in a
    story of Dec. 21, "on July 4" in one of July 20)."""
    published = parse_date(date)
    if published is None:
        return False
    for m in _DAY_MONTH.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        number = _MONTHS.get(month[:3].lower())
        if number is None:
            continue
        try:
            named = _date(published.year, number, int(day))
        except ValueError:
            continue
        if named > published:
            named = named.replace(year=published.year - 1)
        if (published - named).days > days:
            return True
    return False


def background_words(text: str) -> bool:
    return bool(_BACKGROUND.search(text))
