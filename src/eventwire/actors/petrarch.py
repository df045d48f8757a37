"""Read PETRARCH/TABARI actor and agent dictionaries into flat, dated `DictEntry` rows.

Format, as found in the Phoenix and PETRARCH validation dictionaries
=====================================================================

Both kinds of file are line oriented text (UTF-8; a line that is not valid UTF-8 is read as cp1252).
Comments are skipped: ``#`` to the end of a line, TABARI's legacy ``;`` likewise, and XML comments
``<!-- ... -->`` (also spanning lines, and the sloppy ``<! -- ... -->``). Blank lines are skipped. A phrase is
a sequence of words joined by ``_`` (consecutive words) or blanks; a trailing ``_`` only says "whole word".

Actor files (``*.actors.txt``) are a series of entries::

    VLADIMIR_PUTIN_  # comment            <- primary phrase (may carry codes on the same line: FOO_ [AFG])
    +PRESIDENT_PUTIN_                     <- synonyms, one per line, start with '+'
        [RUSELI 700101-990809]            <- code lines (usually tab-indented), several [..] may share a line
        [RUSGOV >080508]
        [RUSELI]                          <- an undated code: the default outside the dated spans

A code is ``[CODE]`` or ``[CODE RESTRICTION]``; the restriction is ``<DATE`` (before), ``>DATE`` (from) or
``DATE-DATE`` (between), blanks after ``<``/``>`` tolerated. DATE is ``YYYYMMDD`` or ``YYMMDD``; a 2-digit year
YY <= 30 is 20YY and otherwise 19YY (the KEDS/TABARI/PETRARCH pivot: 080507 is 2008-05-07, 700101 is
1970-01-01). ``[---]`` is TABARI's null code ("recognised, but not an actor"): it is kept as code ``---``
with no country, role or org. As in PETRARCH, a primary phrase with no code at all (neither on its line nor
below) shares the codes of the next entry: its names are merged into that entry, which keeps the first line.

Agent files (``*.agents.txt``) have one agent a line, ``PHRASE {PLURAL} [~CODE]``:

* ``~CODE`` is appended to the actor it qualifies (``POLICE [~COP]`` -> USA + COP); ``CODE~`` is put before it
  (``[NGO~]``); codes are kept raw, e.g. ``~GOV`` or ``IGO~``.
* ``{PLURAL}`` gives an irregular plural, ``{}`` none; otherwise a regular English plural of the last word is
  added (the files say regular plurals were removed on purpose).
* ``!NAME! = A, B, C`` defines a substitution set; a phrase containing ``!NAME!`` stands for one phrase per
  alternative (``CATTLE!PERSON!`` -> CATTLEMAN, CATTLEMEN, ...), with no further plural formation.

Mapping to eventwire
====================

One `DictEntry` is produced per (entry, code): a person with four dated codes gives four rows sharing `names`.

* ``names``: display forms of the primary phrase, synonyms and (agents) plurals, e.g. ``VLADIMIR_V._PUTIN`` ->
  "Vladimir V. Putin"; words are title-cased, except initials, words of 2-5 letters without vowels (RSFSR, KDP)
  and a short list of well-known acronyms (NATO, UN, ...), which stay upper case; small joining words (of, the,
  and, ...) are lower case inside a name. Duplicates are dropped, order is kept.
* ``code``: the raw code (upper-cased). ``country``: the ISO 3166 alpha-3 code the actor code starts with --
  eventwire's countries.tsv, the ISO codes of dependent territories (BMU, CYM, ...) and a few historical
  CAMEO/ISO codes (USR, SUN, YUG, CSK, DDR, ...). ``role``: the CAMEO sector: the first 3-letter group after the
  country that is a known sector (``GBRIMYELI`` -> GBR, ELI), None for a bare country. Codes that start with an
  international type (IGO, NGO, NGM, MNC, IMG, UIS) get that type as role and the rest as ``org``
  (``IGOUNO`` -> role IGO, org UNO); a code that starts with a sector has that role (``ELI``, ``HINRAD``); any
  other code (a region such as ``MEAREB``, or an unknown code) has its first three letters as ``org`` and a
  following sector as role. Agent codes have no country: their role is the first three letters after ``~``.
* ``start``/``end``: ISO dates; the role holds on ``start <= date < end``. ``<D`` -> end=D, ``>D`` -> start=D,
  ``A-B`` -> start=A, end=B. An undated row (start = end = None) is the default when no dated row of the same
  entry covers the date.
* ``kind``: "agent" for agent files; "person" when an entry has a date-restricted code with a role (an office
  held for a time: ``RUSGOV 991231-080507``; a dated bare country code such as ``KSV >080217`` is a state that
  came or went), an ELI ("elites": individuals) code, or phrases that look like a personal name (a one-letter
  initial such as ``W.``, or a synonym that is a title plus words of the primary phrase: ``PRESIDENT_PUTIN_``);
  otherwise "actor". This is a heuristic: undated, non-ELI persons (``ABU_MOHAMMAD_AL_JAWLANI [SYRREBMUS]``) are
  "actor".
* ``source``: the file's base name; ``line``: the line of the (first) primary phrase (the agent line for agents).

Problems never raise: each malformed line (a code line before any phrase, an unreadable code or date, a range
that ends before it starts, a stray ``]``, text after the codes, an agent without a code, an undefined
substitution set, ...) is yielded as a `DocumentError` naming the line, and reading goes on: a bad code is
dropped and the rest of its entry kept; a phrase with a stray bracket is dropped. A ``Keyword: value`` line with
no code (``Source: MNC.MLH.actors``) is metadata and skipped silently; ``---STOP---`` ends the dictionary, as in
PETRARCH. An agent code written ``[~ENV}`` is accepted. The file is streamed line by line (the 54k-line Phoenix
country file reads in about a second).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import chain

from eventwire.data import rows
from eventwire.model import DocumentError

__all__ = ["DictEntry", "read_dictionary", "split_code", "display_name"]


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One (phrase set, code) pair of a PETRARCH/TABARI dictionary, with the code's date span."""

    names: tuple[str, ...]
    code: str
    country: str | None
    role: str | None
    org: str | None
    start: str | None
    end: str | None
    kind: str
    source: str
    line: int


# ---------------------------------------------------------------- codes

# ISO 3166 alpha-3 codes of dependent territories, which eventwire's countries.tsv leaves out
_ISO_TERRITORIES = frozenset(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM FLK FRO GGY GIB GLP GRL GUF GUM HMD IMN IOT "
    "JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF".split()
)
# former states with CAMEO or (withdrawn) ISO codes
_HISTORICAL = frozenset("USR SUN YUG CSK DDR SCG FRY TMP KSV ANT ZAR BUR ROM GMW YMD YAR VDR RVN RHO".split())
# CAMEO sectors (domestic roles) and the religion codes used as agent/role codes
_SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY ELI LEG MED EDU BUS CRM CVL LAB AGR REF HLH ENV HRI DEV UAF RAD MOD SEP "
    "INS REL PPL MUS MOS CHR CTH PRO CPT DOX JEW BUD HIN BAH SHI SUN SIK JAN ATH".split()
)
# international actor types: the rest of the code names the organisation
_ORG_TYPES = frozenset("IGO NGO NGM MNC IMG UIS".split())


@cache
def _countries() -> frozenset[str]:
    iso = {cells[0].upper() for _, cells in rows("countries.tsv", 5) if cells[0]}
    return frozenset(iso) | _ISO_TERRITORIES | _HISTORICAL


def _first_sector(rest: str) -> str | None:
    for i in range(0, len(rest) - 2, 3):
        if rest[i : i + 3] in _SECTORS:
            return rest[i : i + 3]
    return None


def split_code(code: str, agent: bool = False) -> tuple[str | None, str | None, str | None]:
    """(country, role, org) of a CAMEO actor code (or of an agent code when `agent`)."""
    body = code.strip("~").upper()
    if not body or not body[0].isalnum():  # '---', the null code
        return None, None, None
    head, rest = body[:3], body[3:]
    if agent:
        return None, head, None
    if head in _countries():
        return head, _first_sector(rest), None
    if head in _ORG_TYPES:
        return None, head, rest or None
    if head in _SECTORS:
        return None, head, None
    return None, _first_sector(rest), head


# ---------------------------------------------------------------- dates

_PIVOT = 30  # YY <= 30 -> 20YY, else 19YY (as KEDS, TABARI and PETRARCH)


def _iso_date(digits: str) -> str | None:
    """ISO date of a YYMMDD or YYYYMMDD string, None when it is not a calendar date."""
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= _PIVOT else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_CODE = re.compile(r"~?[A-Z0-9]+~?|-{3}")
_BEFORE_AFTER = re.compile(r"([<>])\s*(\d+)")
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")


@dataclass(frozen=True, slots=True)
class _Code:
    code: str
    start: str | None
    end: str | None


def _parse_code(inner: str) -> _Code | str:
    """A bracket's content ('RUSGOV 991231-080507') as a _Code, or an error message."""
    text = inner.strip()
    if not text:
        return "empty code []"
    code, _, restriction = text.partition(" ")
    code = code.strip().upper()
    restriction = restriction.strip()
    if not _CODE.fullmatch(code):
        return f"unreadable code [{text}]"
    if not restriction:
        return _Code(code, None, None)
    if m := _BEFORE_AFTER.fullmatch(restriction):
        day = _iso_date(m.group(2))
        if day is None:
            return f"unreadable date {m.group(2)!r} in [{text}] (YYMMDD or YYYYMMDD expected)"
        return _Code(code, None, day) if m.group(1) == "<" else _Code(code, day, None)
    if m := _RANGE.fullmatch(restriction):
        first, last = _iso_date(m.group(1)), _iso_date(m.group(2))
        for raw, day in ((m.group(1), first), (m.group(2), last)):
            if day is None:
                return f"unreadable date {raw!r} in [{text}] (YYMMDD or YYYYMMDD expected)"
        assert first is not None and last is not None
        if last < first:
            return f"date range ends before it starts in [{text}]"
        return _Code(code, first, last)
    return f"unreadable date restriction in [{text}] (<DATE, >DATE or DATE-DATE expected)"


_BRACKET = re.compile(r"\[([^\[\]{}]*)[\]}]")


def _split_codes(text: str) -> tuple[str, list[_Code], list[str]]:
    """Split 'PHRASE [C1] [C2 D]' into the phrase, its codes and error messages."""
    at = text.find("[")
    if at < 0:
        if "]" in text:
            return text, [], ["']' without '['"]
        return text, [], []
    phrase, tail = text[:at], text[at:]
    codes: list[_Code] = []
    errors: list[str] = []
    pos = 0
    for m in _BRACKET.finditer(tail):
        if tail[pos : m.start()].strip():
            errors.append(f"unexpected text {tail[pos : m.start()].strip()!r} between codes")
        pos = m.end()
        parsed = _parse_code(m.group(1))
        if isinstance(parsed, str):
            errors.append(parsed)
        else:
            codes.append(parsed)
    if tail[pos:].strip():
        errors.append(f"unreadable code text {tail[pos:].strip()!r} (missing ']'?)")
    return phrase, codes, errors


# ---------------------------------------------------------------- names

_ACRONYMS = frozenset(
    "UN US USA UK EU NATO UAE USSR OPEC ASEAN IAEA UNICEF UNHCR UNESCO UNDP UNRWA PLO ANC ETA IRA ISIS ISIL "
    "ISI AIDS HIV ANSF NGO IGO ICC ICJ IMF OAS OAU OIC ECOWAS SADC FARC ELN PKK LTTE SPLA SPLM AQIM AQAP CIA FBI "
    "KGB FSB GRU DEA NSA UNITA MONUC MONUSCO UNAMID UNIFIL EULEX OSCE".split()
)
_NOT_ACRONYMS = frozenset("MR MRS MS DR ST JR SR LT MT FT".split())
_LOWER_WORDS = frozenset("of the and for in on to at by de del la le da du des von van der y".split())
_VOWELS = frozenset("AEIOUY")
_WORD_SPLIT = re.compile(r"[_\s]+")


def _case_part(part: str) -> str:
    """Case one hyphen-free piece of a word."""
    letters = "".join(c for c in part if c.isalpha())
    if not letters:
        return part
    upper = letters.upper()
    if upper in _ACRONYMS:
        return part.upper()
    if "." in part and all(len(seg) <= 1 for seg in part.split(".")):
        return part.upper()  # initials: V. U.S.
    if part.startswith("(") and part.endswith(")") and len(letters) <= 6:
        return part.upper()  # an abbreviation in brackets: (EPLA)
    if 2 <= len(letters) <= 5 and upper.isascii() and not (_VOWELS & set(upper)) and upper not in _NOT_ACRONYMS:
        return part.upper()
    lowered = part.lower()
    out = []
    capital_next = True
    for i, c in enumerate(lowered):
        if c.isalpha():
            out.append(c.upper() if capital_next else c)
            capital_next = False
        else:
            out.append(c)
            # D'IVOIRE, O'NEILL: capitalise after a one-letter prefix and an apostrophe; WOMEN'S stays lower
            if c in "'’" and i == 1:
                capital_next = True
            elif c in '("':
                capital_next = True
    return "".join(out)


def display_name(phrase: str) -> str:
    """'VLADIMIR_V._PUTIN_' -> 'Vladimir V. Putin' (see the module docstring for the casing rules)."""
    words = [w for w in _WORD_SPLIT.split(phrase.strip()) if w]
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _LOWER_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(_case_part(p) for p in word.split("-")))
    return " ".join(out)


# ---------------------------------------------------------------- persons

_INITIAL = re.compile(r"[A-Z]\.")  # a whole word: GEORGE_W._BUSH (but not U.N.)
_TITLES = (
    "PRESIDENT",
    "PRIME_MINISTER",
    "PREMIER",
    "VICE_PRESIDENT",
    "CHANCELLOR",
    "KING",
    "QUEEN",
    "PRINCE",
    "EMIR",
    "SHEIKH",
    "SHEIK",
    "SULTAN",
    "GENERAL",
    "GEN.",
    "COLONEL",
    "MINISTER",
    "FOREIGN_MINISTER",
    "SENATOR",
    "AYATOLLAH",
    "MR.",
    "MRS.",
    "DR.",
    "MR",
    "MRS",
    "DR",
)
_TITLE_PREFIX = re.compile(r"(?:[A-Z]+_)?(?:" + "|".join(re.escape(t) for t in _TITLES) + r")[_\s]+(.+)")


def _words(phrase: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(phrase.upper()) if w]


def _looks_personal(primary: list[str], synonyms: list[str]) -> bool:
    """An initial in a phrase (GEORGE_W._BUSH), or a synonym 'TITLE <words of a primary phrase>' (PRESIDENT_PUTIN_)."""
    for phrase in primary + synonyms:
        words = _words(phrase)
        if any(_INITIAL.fullmatch(w) for w in words) and any(len(w) > 2 and "." not in w for w in words):
            return True
    primary_words = {w for p in primary for w in _words(p)}
    for syn in synonyms:
        m = _TITLE_PREFIX.fullmatch(syn.strip().upper())
        if m and _words(m.group(1)) and set(_words(m.group(1))) <= primary_words:
            return True
    return False


# ---------------------------------------------------------------- lines


def _raw_lines(path: str) -> Iterator[tuple[int, str]]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
            yield number, text.rstrip("\r\n").lstrip("\ufeff")


def _logical_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(number, text) without comments; `text` keeps its leading whitespace; blank results are skipped."""
    in_xml = False
    for number, text in lines:
        if in_xml:
            end = text.find("-->")
            if end < 0:
                continue
            text = text[end + 3 :]
            in_xml = False
        while True:
            start = text.find("<!")
            if start < 0:
                break
            end = text.find("-->", start)
            if end < 0:
                text = text[:start]
                in_xml = True
                break
            text = text[:start] + " " + text[end + 3 :]
        for mark in ("#", ";"):
            cut = text.find(mark)
            if cut >= 0:
                text = text[:cut]
        if text.strip():
            yield number, text.rstrip()


_MACRO_DEF = re.compile(r"\s*!([^!\s=]+)!\s*=\s*(.*)")


def _is_agent_code(inner: str) -> bool:
    code = inner.strip().partition(" ")[0]
    return code.startswith("~") or code.endswith("~")


# ---------------------------------------------------------------- actors


# 'Source: MNC.MLH.actors' -- a keyword, a colon and a blank (phrases join words with '_', as in 'UNOG:_NGO')
_DIRECTIVE = re.compile(r"[A-Za-z][\w.-]*:\s")


@dataclass(slots=True)
class _Pending:
    line: int
    primary: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    codes: list[_Code] = field(default_factory=list)


def _names(phrases: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for phrase in phrases:
        name = display_name(phrase)
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def _emit(entry: _Pending, source: str) -> Iterator[DictEntry]:
    names = _names(entry.primary + entry.synonyms)
    # a dated role (RUSGOV 991231-080507) is an office held for a time; a dated bare country code
    # (KSV >080217, SCG 920428-060605) is a state that came or went, not a person
    # (ELI, "elites", codes individuals: former officials, public figures)
    roles = [(split_code(c.code)[1], bool(c.start or c.end)) for c in entry.codes]
    personal = any(role and (dated or role == "ELI") for role, dated in roles)
    kind = "person" if personal or _looks_personal(entry.primary, entry.synonyms) else "actor"
    for c in entry.codes:
        country, role, org = split_code(c.code)
        yield DictEntry(names, c.code, country, role, org, c.start, c.end, kind, source, entry.line)


def _read_actors(path: str, lines: Iterable[tuple[int, str]]) -> Iterator[DictEntry | DocumentError]:
    source = os.path.basename(path)
    entry: _Pending | None = None
    for number, text in lines:
        stripped = text.strip()
        if stripped == "---STOP---":  # PETRARCH's end-of-dictionary marker
            break
        if stripped.startswith("["):  # code line(s)
            _, codes, errors = _split_codes(stripped)
            for message in errors:
                yield DocumentError(path, number, message)
            if entry is None:
                if codes:
                    yield DocumentError(path, number, "code line before any actor phrase")
                continue
            entry.codes.extend(codes)
        elif stripped.startswith("+"):  # synonym, possibly with codes
            phrase, codes, errors = _split_codes(stripped[1:])
            for message in errors:
                yield DocumentError(path, number, message)
            if "]" in phrase:  # '+FOO]_': a stray bracket, the line is skipped
                continue
            if entry is None:
                yield DocumentError(path, number, "synonym before any actor phrase")
                continue
            if not phrase.strip():
                yield DocumentError(path, number, "empty synonym")
            else:
                entry.synonyms.append(phrase.strip())
            entry.codes.extend(codes)
        else:  # a primary phrase starts a new entry
            phrase, codes, errors = _split_codes(stripped)
            if not codes and _DIRECTIVE.match(stripped):  # 'Source: MNC.MLH.actors': not an entry
                continue
            for message in errors:
                yield DocumentError(path, number, message)
            if "]" in phrase:
                continue
            if not any(c.isalnum() for c in phrase):
                yield DocumentError(path, number, f"not an actor phrase: {stripped!r}")
                continue
            if entry is not None and entry.codes:
                yield from _emit(entry, source)
                entry = None
            if entry is None:
                entry = _Pending(number)
            # an entry without codes shares the codes of the next one (PETRARCH), so keep accumulating
            entry.primary.append(phrase.strip())
            entry.codes.extend(codes)
    if entry is not None:
        if entry.codes:
            yield from _emit(entry, source)
        else:
            yield DocumentError(path, entry.line, f"actor phrase without a code: {entry.primary[0]!r}")


# ---------------------------------------------------------------- agents

_MACRO_USE = re.compile(r"!([^!\s]+)!")
_PLURAL = re.compile(r"([^{}]*)\{([^{}]*)\}\s*")


def _plural(phrase: str) -> str:
    """Regular English plural of the phrase's last word (FARMER -> FARMERS, ARMY -> ARMIES)."""
    base = phrase.rstrip("_ ")
    words = _words(base)
    if not words or words[-1].lower() in _LOWER_WORDS:  # OBSERVERS_IN: no plural of a preposition
        return ""
    upper = base.upper()
    if upper.endswith("Y") and len(upper) > 1 and upper[-2] not in "AEIOU":
        return base[:-1] + "IES"
    if upper.endswith(("S", "SH", "CH", "X", "Z")):
        return base + "ES"
    return base + "S"


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str] | str:
    """All phrases a phrase with !MACRO! markers stands for, or an error message."""
    forms = [phrase]
    while True:
        m = _MACRO_USE.search(forms[0])
        if m is None:
            return forms
        name = m.group(1).upper()
        if name not in macros:
            return f"substitution set !{m.group(1)}! is not defined"
        forms = [f[: m.start()] + alt + f[m.end() :] for f in forms for alt in macros[name]]


def _read_agents(path: str, lines: Iterable[tuple[int, str]]) -> Iterator[DictEntry | DocumentError]:
    source = os.path.basename(path)
    macros: dict[str, list[str]] = {}
    for number, text in lines:
        stripped = text.strip()
        if m := _MACRO_DEF.fullmatch(stripped):
            values = [v.strip() for v in m.group(2).split(",") if v.strip()]
            if not values:
                yield DocumentError(path, number, f"substitution set !{m.group(1)}! has no values")
            else:
                macros[m.group(1).upper()] = values
            continue
        phrase, codes, errors = _split_codes(stripped)
        for message in errors:
            yield DocumentError(path, number, message)
        if not codes:
            if not errors:
                yield DocumentError(path, number, f"agent without a code: {stripped!r}")
            continue
        plural: str | None = None
        if "{" in phrase or "}" in phrase:
            m2 = _PLURAL.fullmatch(phrase)
            if m2 is None:
                yield DocumentError(path, number, "unbalanced '{...}' plural")
                continue
            phrase, plural = m2.group(1), m2.group(2).strip()
        phrase = phrase.strip()
        if not any(c.isalnum() for c in phrase.replace("!", "")):
            yield DocumentError(path, number, f"agent code without a phrase: {stripped!r}")
            continue
        if "!" in phrase:
            forms = _expand(phrase, macros)
            if isinstance(forms, str):
                yield DocumentError(path, number, forms)
                continue
            if plural:
                forms.append(plural)
        else:
            forms = [phrase]
            if plural is None:
                forms.append(_plural(phrase))
            elif plural:
                forms.append(plural)
        names = _names(forms)
        for c in codes:
            if c.start or c.end:
                yield DocumentError(path, number, f"date restriction on an agent code [{c.code}] ignored")
            country, role, org = split_code(c.code, agent=True)
            yield DictEntry(names, c.code, country, role, org, None, None, "agent", source, number)


# ---------------------------------------------------------------- entry point


def read_dictionary(path: str) -> Iterator[DictEntry | DocumentError]:
    """Stream the entries of a PETRARCH/TABARI actor or agent dictionary, and its problems as DocumentErrors.

    The kind of file is found from its content: macro definitions (``!X! = ...``) or codes written ``[~XXX]`` /
    ``[XXX~]`` make an agent file, any other code an actor file. Never raises on bad input.
    """
    try:
        lines = _logical_lines(_raw_lines(path))
        head: list[tuple[int, str]] = []
        agent = False
        for number, text in lines:
            head.append((number, text))
            if _MACRO_DEF.fullmatch(text.strip()):
                agent = True
                break
            m = _BRACKET.search(text)
            if m:
                agent = _is_agent_code(m.group(1))
                break
        rest = chain(head, lines)
        yield from (_read_agents(path, rest) if agent else _read_actors(path, rest))
    except OSError as exc:
        yield DocumentError(path, None, f"cannot read the dictionary: {exc.strerror or exc}")
