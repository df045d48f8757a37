"""Validation of the persons knowledge base (src/eventwire/data/persons.tsv).

`validate` checks a whole file given as text and returns one message per problem, each naming the line(s);
the test runs it on the bundled file (no problem allowed) and on broken samples (each check must fire).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from importlib import resources

import pytest

from eventwire.actors.gazetteer import _article_spellings
from eventwire.data import alternatives, rows

COLUMNS = 7
ROLES = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "IGO"}
OPEN = "9999-12-31"  # an empty end: still held
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Persons who really held two offices of different sectors at once (the gazetteer takes the role started
# last); each entry lists the two offices allowed to overlap, and why.
DUAL_OFFICES: dict[tuple[str, str, str], str] = {
    ("Salman bin Abdulaziz", "Defence Minister", "Crown Prince"): "kept the defence ministry as crown prince",
    ("Mohammed bin Salman", "Defence Minister", "Deputy Crown Prince"): "defence minister as deputy crown prince",
    ("Mohammed bin Salman", "Defence Minister", "Crown Prince"): "kept the defence ministry until he became PM",
    ("Mohamed Hamdan Dagalo", "Commander of the Rapid Support Forces", "Deputy Chairman of the Sovereignty Council"): (
        "RSF commander and deputy head of state until the 2023 war"
    ),
    ("Min Aung Hlaing", "Commander-in-Chief of the Armed Forces", "Chairman of the State Administration Council"): (
        "army chief and junta leader since the 2021 coup"
    ),
    ("Min Aung Hlaing", "Commander-in-Chief of the Armed Forces", "Acting President"): (
        "army chief and acting president since 2024"
    ),
    ("Min Aung Hlaing", "Commander-in-Chief of the Armed Forces", "Prime Minister"): (
        "army chief and prime minister of the junta's caretaker government since 2021"
    ),
    (
        "Mohamed Hussein Tantawi",
        "Defence Minister",
        "Chairman of the Supreme Council of the Armed Forces (head of state)",
    ): "defence minister while the military council ruled Egypt",
    ("Pervez Musharraf", "Chief of Army Staff", "Chief Executive"): "army chief who took power in 1999",
    ("Pervez Musharraf", "Chief of Army Staff", "President"): "army chief and president until 2007",
    ("Li Peng", "Premier", "Chairman of the National People's Congress"): (
        "elected NPC chairman on 1998-03-16, the day before Zhu Rongji succeeded him as premier"
    ),
}

# Name variants shared by two persons whose roles overlap in time: a bare surname is then ambiguous on those
# dates (the gazetteer gives it to the person listed first). Each is kept on purpose, with the reason.
SHARED_VARIANTS: dict[str, str] = {}


def _header_igo_keys(text: str) -> set[str]:
    """The international organisation keys listed in the header comment ("org: ... key (UN, EU, ...)")."""
    header = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    found = re.search(r"international organisation key \(([^)]*)\)", header)
    assert found, "the header no longer lists the IGO keys"
    return {key.strip() for key in found.group(1).split(",")}


def _group_keys() -> set[str]:
    """Keys of non-state armed and political groups in organisations.tsv (kind 'group')."""
    return {key for _, (key, _code, kind, _c, _a) in rows("organisations.tsv", 5) if kind == "group"}


def _igo_org_keys() -> set[str]:
    return {key for _, (key, _code, kind, _c, _a) in rows("organisations.tsv", 5) if kind == "igo"}


def _countries() -> set[str]:
    return {cells[0] for _, cells in rows("countries.tsv", 5)}


def _date(value: str) -> date | None:
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _overlap(a: tuple, b: tuple) -> bool:
    """Do two [start, end) periods overlap (an empty end is open)?"""
    return a[0] < (b[1] or OPEN) and b[0] < (a[1] or OPEN)


def validate(
    text: str,
    countries: set[str],
    igo_keys: set[str],
    group_keys: set[str],
    dual_offices: dict[tuple[str, str, str], str] | None = None,
    shared_variants: dict[str, str] | None = None,
) -> list[str]:
    """Every problem of a persons.tsv text, as messages naming its line numbers."""
    dual = DUAL_OFFICES if dual_offices is None else dual_offices
    shared = SHARED_VARIANTS if shared_variants is None else shared_variants
    problems: list[str] = []
    # canonical name -> [(line, names column, country, org, role, office, start, end)]
    people: dict[str, list[tuple[int, str, str, str, str, str, str, str]]] = defaultdict(list)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"line {number}"
        cells = line.split("\t")
        if len(cells) != COLUMNS:
            problems.append(f"{where}: {len(cells)} tab-separated columns, expected {COLUMNS}")
            continue
        if any(cell != cell.strip() for cell in cells):
            problems.append(f"{where}: a cell has leading or trailing spaces")
        names, country, org, role, office, start, end = (cell.strip() for cell in cells)
        variants = alternatives(names)
        if not variants or len(variants) != len(names.split("|")):
            problems.append(f"{where}: empty name or empty '|'-alternative in {names!r}")
            continue
        if len(set(variants)) != len(variants):
            problems.append(f"{where}: a name variant is repeated in {names!r}")
        if country and country not in countries:
            problems.append(f"{where}: unknown country code {country!r}")
        if org and org not in igo_keys | group_keys:
            problems.append(f"{where}: unknown organisation key {org!r}")
        if not country and not org:
            problems.append(f"{where}: no country and no organisation")
        if not country and org in group_keys:
            problems.append(f"{where}: an armed-group leader needs the group's home country")
        if role not in ROLES:
            problems.append(f"{where}: role {role!r} is not one of {sorted(ROLES)}")
        if (role == "IGO") != (org in igo_keys and not country):
            problems.append(f"{where}: role IGO goes with an IGO key and no country (got {country!r}, {org!r})")
        if not office:
            problems.append(f"{where}: empty office")
        elif re.search(r"\bDefen[cs]e (Minister|Secretary)\b", office) and role != "MIL":
            problems.append(f"{where}: a defence minister is MIL, not {role!r}")
        elif re.search(r"\bForeign (Minister|Secretary)\b|\bSecretary of State\b", office) and role != "GOV":
            problems.append(f"{where}: a foreign minister is GOV, not {role!r}")
        begins, ends = _date(start), _date(end) if end else None
        if begins is None:
            problems.append(f"{where}: start {start!r} is not an ISO date (YYYY-MM-DD)")
        if end and ends is None:
            problems.append(f"{where}: end {end!r} is not an ISO date (YYYY-MM-DD) or empty")
        if begins and ends and not begins < ends:
            problems.append(f"{where}: start {start} is not before end {end}")
        if begins is None or (end and ends is None):
            continue
        people[variants[0]].append((number, names, country, org, role, office, start, end))

    for canonical, lines in people.items():
        columns = {names for _, names, *_ in lines}
        if len(columns) > 1:
            numbers = ", ".join(str(n) for n, *_ in lines)
            problems.append(f"lines {numbers}: {canonical!r} has different names columns")
        for i, a in enumerate(lines):
            for b in lines[i + 1 :]:
                if not _overlap(a[6:8], b[6:8]):
                    continue
                pair = f"lines {a[0]} and {b[0]}: {canonical!r}"
                if a[5] == b[5]:
                    problems.append(f"{pair} holds {a[5]!r} twice over overlapping periods")
                elif a[2:5] != b[2:5] and (canonical, a[5], b[5]) not in dual and (canonical, b[5], a[5]) not in dual:
                    problems.append(
                        f"{pair} overlapping periods with contradictory roles "
                        f"({'/'.join(a[2:5])} {a[5]!r} vs {'/'.join(b[2:5])} {b[5]!r})"
                    )

    owners: dict[str, set[str]] = defaultdict(set)
    for canonical, lines in people.items():
        names = lines[0][1]
        for variant in alternatives(names) + [v for n in alternatives(names) for v in _article_spellings(n)]:
            owners[variant].add(canonical)
    for variant, persons in sorted(owners.items()):
        if len(persons) < 2 or variant in shared:
            continue
        ordered = sorted(persons)
        for i, p in enumerate(ordered):
            for q in ordered[i + 1 :]:
                clash = [(a[0], b[0]) for a in people[p] for b in people[q] if _overlap(a[6:8], b[6:8])]
                if clash:
                    x, y = clash[0]
                    problems.append(
                        f"lines {x} and {y}: the name {variant!r} belongs to both {p!r} and {q!r} "
                        "while both hold a role (ambiguous on those dates)"
                    )
    return problems


def _text() -> str:
    return resources.files("eventwire.data").joinpath("persons.tsv").read_text(encoding="utf-8")


def _validate(text: str, **kwargs) -> list[str]:
    return validate(text, _countries(), _header_igo_keys(_text()), _group_keys(), **kwargs)


def test_persons_tsv_is_valid():
    problems = _validate(_text())
    assert not problems, "persons.tsv:\n" + "\n".join(problems)


def test_header_igo_keys_are_organisations():
    assert _header_igo_keys(_text()) <= _igo_org_keys()


def test_exceptions_are_still_needed():
    """Every listed exception matches lines of the file: an exception that no longer applies is removed."""
    text = _text()
    for key in DUAL_OFFICES:
        assert _validate(text, dual_offices={k: v for k, v in DUAL_OFFICES.items() if k != key}), key
    for variant in SHARED_VARIANTS:
        assert _validate(text, shared_variants={k: v for k, v in SHARED_VARIANTS.items() if k != variant}), variant


GOOD = (
    "# a comment\n"
    "Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01\n"
    "Jane Doe|Doe\tUSA\t\tGOV\tPrime Minister\t2016-06-01\t\n"
    "Jim Roe|Roe\tGBR\t\tMIL\tDefence Minister\t2015-01-01\t2016-01-01\n"
    "Ann Moe\t\tUN\tIGO\tUN Secretary-General\t2017-01-01\t\n"
    "Abu Bakr al-Rebel\tIRQ\tISIS\tREB\tLeader\t2015-01-01\t2019-01-01\n"
)


def test_a_good_sample_passes():
    assert _validate(GOOD) == []


JANE = "Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01"


@pytest.mark.parametrize(
    "bad, message",
    [
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-01-01", "6 tab-separated columns"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01\tx", "8 tab-separated columns"),
        ("Jane Doe|Doe\tUSX\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01", "unknown country code"),
        ("Jane Doe|Doe\t\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01", "no country and no organisation"),
        ("Jane Doe|Doe\tUSA\tFOO\tGOV\tForeign Minister\t2015-01-01\t2017-01-01", "unknown organisation key"),
        ("Jane Doe|Doe\t\tHAMAS\tREB\tLeader\t2015-01-01\t2017-01-01", "needs the group's home country"),
        ("Jane Doe|Doe\tUSA\t\tXYZ\tForeign Minister\t2015-01-01\t2017-01-01", "is not one of"),
        ("Jane Doe|Doe\tUSA\t\tIGO\tForeign Minister\t2015-01-01\t2017-01-01", "role IGO goes with"),
        ("Jane Doe|Doe\t\tUN\tGOV\tEnvoy\t2015-01-01\t2017-01-01", "role IGO goes with"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tDefence Minister\t2015-01-01\t2017-01-01", "a defence minister is MIL"),
        ("Jane Doe|Doe\tUSA\t\tMIL\tForeign Minister\t2015-01-01\t2017-01-01", "a foreign minister is GOV"),
        ("Jane Doe|Doe\tUSA\t\tGOV\t\t2015-01-01\t2017-01-01", "empty office"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-13-01\t2017-01-01", "start '2015-13-01' is not"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-1-1\t2017-01-01", "start '2015-1-1' is not"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-01-01\t2017-02-30", "end '2017-02-30' is not"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2017-01-01\t2017-01-01", "is not before end"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2018-01-01\t2017-01-01", "is not before end"),
        ("Jane Doe||Doe\tUSA\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01", "empty '|'-alternative"),
        ("Jane Doe|Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01", "variant is repeated"),
        ("Jane Doe|Doe \tUSA\t\tGOV\tForeign Minister\t2015-01-01\t2017-01-01", "leading or trailing spaces"),
        ("Jane Doe\tUSA\t\tGOV\tSpeaker\t2019-01-01\t2020-01-01", "different names columns"),
        ("Jane Doe|Doe\tUSA\t\tGOV\tForeign Minister\t2016-01-01\t2018-01-01", "holds 'Foreign Minister' twice"),
        ("Jane Doe|Doe\tUSA\t\tLEG\tSenator\t2016-01-01\t2016-03-01", "contradictory roles"),
        ("Jane Doe|Doe\tCAN\t\tGOV\tEnvoy\t2016-01-01\t2016-03-01", "contradictory roles"),
        ("Jim Doe|Doe\tCAN\t\tGOV\tPrime Minister\t2016-01-01\t2016-03-01", "the name 'Doe' belongs to both"),
        ("Jim Roe|J. Roe\tGBR\t\tMIL\tDefence Minister\t2016-01-01\t2017-01-01", "different names columns"),
        ("Abu Bakr el-Rebel\tSYR\tISIS\tREB\tLeader\t2016-01-01\t2017-01-01", "'Abu Bakr el-Rebel' belongs to"),
    ],
)
def test_a_broken_line_is_caught(bad, message):
    problems = _validate(GOOD + bad + "\n")
    assert any(message in p for p in problems), problems
    number = len(GOOD.splitlines()) + 1
    assert any(f"line {number}" in p or f"and {number}" in p or f", {number}" in p for p in problems), problems


def test_the_same_surname_at_other_times_is_fine():
    earlier = "Jim Doe|Doe\tCAN\t\tGOV\tPrime Minister\t2001-01-01\t2015-01-01\n"
    assert _validate(GOOD + earlier) == []


def test_exceptions_allow_what_they_list():
    dual = "Jane Doe|Doe\tUSA\t\tMIL\tArmy Chief\t2016-01-01\t2016-03-01\n"
    assert _validate(GOOD + dual)
    assert _validate(GOOD + dual, dual_offices={("Jane Doe", "Army Chief", "Foreign Minister"): "both"}) == []
    shared = "Jim Doe|Doe\tCAN\t\tGOV\tPrime Minister\t2016-01-01\t2016-03-01\n"
    assert _validate(GOOD + shared)
    assert _validate(GOOD + shared, shared_variants={"Doe": "two Does"}) == []
