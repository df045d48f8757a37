"""The knowledge base beyond the curated data: dictionaries imported into a store, and persons learned from the
articles it holds. Curated entries come first; then imported ones (with their dictionary's dates); then
learned roles, each valid for a year either side of the articles that attest it ("attested near the date").
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import duckdb

from eventwire.actors.gazetteer import Gazetteer, PersonRecord, PersonRole
from eventwire.coding.coder import Coder

LEARNED_MARGIN = timedelta(days=365)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def learned_persons(con: duckdb.DuckDBPyConnection) -> list[PersonRecord]:
    """Persons the store's articles introduced with an office: the full name and, when no other learned person
    shares it, the surname; one role per (country, organisation, role) over the dates that attest it."""
    rows = con.execute(
        """SELECT name, country, org, role, min(date), max(date), count(*) FROM person_observations
           GROUP BY ALL ORDER BY name, min(date) NULLS FIRST"""
    ).fetchall()
    roles: dict[str, list[PersonRole]] = defaultdict(list)
    for name, country, org, role, first, last, n in rows:
        start = _iso(first - LEARNED_MARGIN) if first else ""
        end = _iso(last + LEARNED_MARGIN + timedelta(days=1)) if last else ""
        office = f"learned from {n} article{'s' if n != 1 else ''}"
        roles[name].append(PersonRole(country, org, role, office, start, end, "learned"))
    surnames: dict[str, set[str]] = defaultdict(set)
    for name in roles:
        surnames[name.split()[-1]].add(name)
    out: list[PersonRecord] = []
    for name, held in roles.items():
        last = name.split()[-1]
        names = (name, last) if len(surnames[last]) == 1 and len(last) > 2 else (name,)
        out.append((names, tuple(held)))
    return out


def imported_persons(con: duckdb.DuckDBPyConnection) -> list[PersonRecord]:
    """Dated person entries of imported dictionaries (country and role known)."""
    rows = con.execute(
        """SELECT names, country, org, role, start_date, end_date, source FROM imported_actors
           WHERE kind = 'person' AND (country IS NOT NULL OR org IS NOT NULL) ORDER BY names, start_date NULLS FIRST"""
    ).fetchall()
    roles: dict[str, list[PersonRole]] = defaultdict(list)
    for names, country, org, role, start, end, source in rows:
        roles[names].append(
            PersonRole(country, org, role, f"imported from {source}", _iso(start), _iso(end), "imported")
        )
    return [(tuple(names.split("|")), tuple(held)) for names, held in roles.items()]


def store_gazetteer(con: duckdb.DuckDBPyConnection) -> Gazetteer | None:
    """The gazetteer with the store's imported and learned persons, or None when the store has neither."""
    extra = imported_persons(con) + learned_persons(con)
    return Gazetteer(extra) if extra else None


def coder_for_store(con: duckdb.DuckDBPyConnection, coder: Coder) -> Coder:
    """`coder`, or a copy of it that also knows the store's imported and learned persons."""
    gazetteer = store_gazetteer(con)
    if gazetteer is None:
        return coder
    return Coder(
        pipeline=coder.pipeline_name, gazetteer=gazetteer, lexicon=coder.lexicon, min_confidence=coder.min_confidence
    )


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", name.casefold())


def _matches(candidate: str, wanted: list[str]) -> bool:
    """A name matches the full name asked for, or its surname ("Banda-Okello" for "Tiyamike Banda-Okello")."""
    words = _words(candidate)
    return bool(wanted) and (words == wanted or words[-len(wanted) :] == wanted)


def show(con: duckdb.DuckDBPyConnection | None, name: str, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """Every role known for a person, over time, with its origin: curated, imported (the dictionary and line) or
    learned (each observation with its article, date and sentence). `name` is any spelling or the surname."""
    from eventwire.actors import gazetteer as gazetteer_module

    curated = gazetteer or gazetteer_module.default()
    wanted = _words(name)
    out: list[dict[str, Any]] = []
    entry = next((e for n, e in curated.persons.items() if _words(n) == wanted), None)
    entry = entry or next((e for n, e in curated.persons.items() if _matches(n, wanted)), None)
    if entry is not None:
        for r in entry.roles:
            out.append(_role_row(entry.name or name, r, "curated", None))
    if con is not None:
        like = f"%{wanted[-1]}%" if wanted else ""
        for names, code, country, org, role, start, end, source, line in con.execute(
            """SELECT names, code, country, org, role, start_date, end_date, source, line FROM imported_actors
               WHERE lower(names) LIKE ? ORDER BY start_date NULLS FIRST""",
            [like],
        ).fetchall():
            if any(_matches(n, wanted) for n in names.split("|")):
                out.append(
                    {"name": names.split("|")[0], "country": country, "org": org, "role": role, "code": code,
                     "start": _iso(start), "end": _iso(end), "origin": "imported", "evidence": f"{source}:{line}"}
                )  # fmt: skip
        for obs_name, country, org, role, day, article_id, sentence in con.execute(
            """SELECT name, country, org, role, date, article_id, sentence FROM person_observations
               WHERE lower(name) LIKE ? ORDER BY date NULLS FIRST""",
            [like],
        ).fetchall():
            if not _matches(obs_name, wanted):
                continue
            out.append(
                {"name": obs_name, "country": country, "org": org, "role": role, "code": None,
                 "start": _iso(day), "end": "", "origin": "learned", "evidence": f"{article_id}: {sentence}"}
            )  # fmt: skip
    return out


def _role_row(name: str, r: PersonRole, origin: str, evidence: str | None) -> dict[str, Any]:
    return {
        "name": name,
        "country": r.country,
        "org": r.org,
        "role": r.role,
        "code": None,
        "start": r.start,
        "end": r.end,
        "origin": origin,
        "evidence": evidence or r.office,
    }
