"""PETRARCH/TABARI dictionary reader: hand-made dictionaries for each format rule, then the Phoenix files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.actors.petrarch import DictEntry, display_name, read_dictionary, split_code
from eventwire.model import DocumentError

PEERS = Path(__file__).resolve().parents[1].parent / "shared" / "peers" / "petrarch2" / "dictionaries"

ACTORS = """\
# A made-up actor dictionary for the tests
<!-- an XML comment
     spanning two lines [XXX] -->
\t[DEUGOV]

ZEMBLA_  [ZZA]   # not a country code: kept as an org
+ZEMBLAN_
+ONHAVA_

MARLOVIA_ [RUS]
+MARLOVIAN
\t[USR <19911226]

ODILE_K._VARNA_  # a person with dated offices
+PRESIDENT_VARNA_
\t[FRAELI 650301-790515]
\t[FRAGOV 19790515-19840102]
\t[FRAGOV >840102]
\t[FRAELI]

GRIMSBY_HARBOUR_BOARD
\t[GBRGOV 870101-870]
\t[GBRBUS]

BRANDT_ORLOV_WORKS_  [MNCDEU]   <!-- trailing XML comment -->
KESTREL_FRONT
+KESTREL_BRIGADES
\t[IGOUNOKID 020304-090101]
\t[NGM]

UNION_OF_FOGGIA
PARTNERS_OF_FOGGIA_  [ITAOPP]

HOLLOWAY_TRUST_ [GBRBUS 20100101-20090101]
+HOLLOWAY_FOUNDATION_
\t[GBRCVL]

TESSAROLI_MILITIA_ [ITAREB >300101] [ITAREB <310101]\t[---]
"""

AGENTS = """\
<!-- made-up agents -->
!WORKER! = HAND, HANDS, WORKER, WORKERS
!BOARD! = BOARD, COMMITTEE

DOCK!WORKER! [~LAB]
TAX_!BOARD! [~GOVBUS]  # two alternatives, no extra plural
HARBOUR_MASTER [~GOV]
FERRY {} [~BUS]
CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]
ARMY [~MIL]
RELIEF_BODY [NGO~]
STRAY_PHRASE_WITHOUT_CODE
MARSH!GUARD! [~MIL]
ISLAND_COUNCIL [~GOV]
"""


def _line(text: str, needle: str) -> int:
    """The 1-based line of `text` that contains `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def _read(tmp_path: Path, name: str, text: str) -> tuple[list[DictEntry], list[DocumentError]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    items = list(read_dictionary(str(path)))
    entries = [i for i in items if isinstance(i, DictEntry)]
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert len(entries) + len(errors) == len(items)
    return entries, errors


def _by_name(entries: list[DictEntry], name: str) -> list[DictEntry]:
    return [e for e in entries if e.names and e.names[0] == name]


def test_actor_entries_synonyms_and_same_line_codes(tmp_path: Path) -> None:
    entries, _ = _read(tmp_path, "made.actors.txt", ACTORS)
    (zembla,) = _by_name(entries, "Zembla")
    assert zembla.names == ("Zembla", "Zemblan", "Onhava")
    assert (zembla.code, zembla.country, zembla.role, zembla.org) == ("ZZA", None, None, "ZZA")
    assert (zembla.start, zembla.end, zembla.kind) == (None, None, "actor")
    assert zembla.source == "made.actors.txt" and zembla.line == _line(ACTORS, "ZEMBLA_")
    assert not any(e.code in ("XXX", "DEUGOV") for e in entries)  # in a comment / before any phrase

    marlovia = _by_name(entries, "Marlovia")
    assert [(e.code, e.country, e.role, e.start, e.end) for e in marlovia] == [
        ("RUS", "RUS", None, None, None),  # same-line code: the default
        ("USR", "USR", None, None, "1991-12-26"),  # '<' -> end; USR is a historical CAMEO country
    ]
    # a dated bare country code is a state that came or went, not a person
    assert {e.kind for e in marlovia} == {"actor"}


def test_dated_codes_and_default(tmp_path: Path) -> None:
    entries, _ = _read(tmp_path, "made.actors.txt", ACTORS)
    rows = _by_name(entries, "Odile K. Varna")
    assert [(e.code, e.start, e.end) for e in rows] == [
        ("FRAELI", "1965-03-01", "1979-05-15"),  # 6-digit range
        ("FRAGOV", "1979-05-15", "1984-01-02"),  # 8-digit range
        ("FRAGOV", "1984-01-02", None),  # '>' -> start
        ("FRAELI", None, None),  # the default outside the dated spans
    ]
    assert all(e.names == ("Odile K. Varna", "President Varna") for e in rows)
    assert all(e.kind == "person" and e.line == _line(ACTORS, "ODILE_") and e.country == "FRA" for e in rows)
    assert [e.role for e in rows] == ["ELI", "GOV", "GOV", "ELI"]


def test_two_digit_year_pivot_several_codes_on_a_line_and_null_code(tmp_path: Path) -> None:
    entries, _ = _read(tmp_path, "made.actors.txt", ACTORS)
    rows = _by_name(entries, "Tessaroli Militia")
    # YY <= 30 is 20YY, otherwise 19YY (as KEDS/TABARI/PETRARCH)
    assert [(e.code, e.role, e.start, e.end) for e in rows] == [
        ("ITAREB", "REB", "2030-01-01", None),
        ("ITAREB", "REB", None, "1931-01-01"),
        ("---", None, None, None),  # TABARI's null code
    ]
    assert rows[2].country is None and rows[2].org is None


def test_malformed_lines_are_reported_and_reading_goes_on(tmp_path: Path) -> None:
    entries, errors = _read(tmp_path, "made.actors.txt", ACTORS)
    by_line = {e.line: e.message for e in errors}
    bad_date, early, reversed_range = (
        _line(ACTORS, "870101-870"),
        _line(ACTORS, "[DEUGOV]"),
        _line(ACTORS, "HOLLOWAY_T"),
    )
    assert set(by_line) == {bad_date, early, reversed_range}
    assert "'870'" in by_line[bad_date]
    assert "before any actor phrase" in by_line[early]
    assert "ends before it starts" in by_line[reversed_range]
    assert all(e.path.endswith("made.actors.txt") for e in errors)
    # the bad code is dropped, the entry stays
    (board,) = _by_name(entries, "Grimsby Harbour Board")
    assert (board.code, board.country, board.role, board.kind) == ("GBRBUS", "GBR", "BUS", "actor")
    (trust,) = _by_name(entries, "Holloway Trust")
    assert trust.names == ("Holloway Trust", "Holloway Foundation") and trust.code == "GBRCVL"
    # entries after the bad lines still parse
    (works,) = _by_name(entries, "Brandt Orlov Works")
    assert (works.code, works.country, works.role, works.org) == ("MNCDEU", None, "MNC", "DEU")
    kestrel = _by_name(entries, "Kestrel Front")
    assert [(e.code, e.role, e.org, e.start, e.end) for e in kestrel] == [
        ("IGOUNOKID", "IGO", "UNOKID", "2002-03-04", "2009-01-01"),
        ("NGM", "NGM", None, None, None),
    ]
    assert kestrel[0].names == ("Kestrel Front", "Kestrel Brigades")


def test_code_less_phrase_shares_the_next_entry(tmp_path: Path) -> None:
    entries, _ = _read(tmp_path, "made.actors.txt", ACTORS)
    (foggia,) = _by_name(entries, "Union of Foggia")
    assert foggia.names == ("Union of Foggia", "Partners of Foggia")
    assert (foggia.code, foggia.country, foggia.role) == ("ITAOPP", "ITA", "OPP")
    assert foggia.line == _line(ACTORS, "UNION_OF_FOGGIA")


def test_code_less_phrase_at_the_end_is_an_error(tmp_path: Path) -> None:
    entries, errors = _read(tmp_path, "tail.actors.txt", "ALPHA_ [ISR]\nLOOSE_END_\n")
    assert [e.code for e in entries] == ["ISR"]
    assert [(e.line, "without a code" in e.message) for e in errors] == [(2, True)]


def test_agents_with_macros_plurals_and_codes(tmp_path: Path) -> None:
    entries, errors = _read(tmp_path, "made.agents.txt", AGENTS)
    assert all(e.kind == "agent" and e.country is None and e.start is None and e.end is None for e in entries)
    by_first = {e.names[0]: e for e in entries}
    dock = by_first["Dockhand"]
    assert dock.names == ("Dockhand", "Dockhands", "Dockworker", "Dockworkers")  # no plural of a macro form
    assert (dock.code, dock.role, dock.line) == ("~LAB", "LAB", _line(AGENTS, "DOCK!"))
    tax = by_first["Tax Board"]
    assert tax.names == ("Tax Board", "Tax Committee") and (tax.code, tax.role) == ("~GOVBUS", "GOV")
    assert by_first["Harbour Master"].names == ("Harbour Master", "Harbour Masters")
    assert by_first["Harbour Master"].code == "~GOV"
    assert by_first["Ferry"].names == ("Ferry",)  # {}: no plural
    assert by_first["Chief of Staff"].names == ("Chief of Staff", "Chiefs of Staff")
    assert by_first["Army"].names == ("Army", "Armies")
    relief = by_first["Relief Body"]
    assert (relief.code, relief.role, relief.org) == ("NGO~", "NGO", None)
    assert by_first["Island Council"].code == "~GOV"  # reading went on after the errors
    assert [(e.line, e.message) for e in errors] == [
        (_line(AGENTS, "STRAY_"), "agent without a code: 'STRAY_PHRASE_WITHOUT_CODE'"),
        (_line(AGENTS, "MARSH!"), "substitution set !GUARD! is not defined"),
    ]


def test_file_kind_is_found_from_content(tmp_path: Path) -> None:
    entries, errors = _read(tmp_path, "list.txt", "# head\nSENTRY [~MIL]\nHELMSMAN [~BUS]\n")
    assert not errors and [e.kind for e in entries] == ["agent", "agent"]
    entries, errors = _read(tmp_path, "list2.txt", "SENTRY_POST [ISRMIL]\n")
    assert not errors and [e.kind for e in entries] == ["actor"]


def test_never_raises(tmp_path: Path) -> None:
    missing = list(read_dictionary(str(tmp_path / "absent.actors.txt")))
    assert len(missing) == 1 and isinstance(missing[0], DocumentError) and missing[0].line is None
    path = tmp_path / "junk.actors.txt"
    path.write_bytes(b"\xff\xfe[[[\n]]]\nCAF\xe9_ [FRA\n+\n\t[\n[ABC 1-2-3]\nOK_ [USA]\n")
    items = list(read_dictionary(str(path)))
    assert any(isinstance(i, DictEntry) and i.code == "USA" for i in items)
    assert all(isinstance(i, DictEntry | DocumentError) for i in items)
    assert any(isinstance(i, DocumentError) for i in items)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert list(read_dictionary(str(empty))) == []


def test_split_code_and_display_names() -> None:
    assert split_code("RUSGOV") == ("RUS", "GOV", None)
    assert split_code("RUS") == ("RUS", None, None)
    assert split_code("GBRIMYELI") == ("GBR", "ELI", None)  # a territory before the sector
    assert split_code("IGOUNO") == (None, "IGO", "UNO")
    assert split_code("YUGKSV") == ("YUG", None, None)
    assert split_code("BMU") == ("BMU", None, None)  # an ISO territory missing from countries.tsv
    assert split_code("ELI") == (None, "ELI", None)
    assert split_code("MEAREB") == (None, "REB", "MEA")
    assert split_code("---") == (None, None, None)
    assert split_code("~GOVMED", agent=True) == (None, "GOV", None)
    assert display_name("VLADIMIR_PUTIN_") == "Vladimir Putin"
    assert display_name("GEORGE_W._BUSH") == "George W. Bush"
    assert display_name("U.S._STATE_DEPARTMENT") == "U.S. State Department"
    assert display_name("KDP_OF_THE_NORTH") == "KDP of the North"
    assert display_name("NATO_ALLIES") == "NATO Allies"
    assert display_name("COTE_D'IVOIRE_") == "Cote D'Ivoire"


# ---------------------------------------------------------------- the Phoenix dictionaries


def _phoenix(name: str) -> tuple[list[DictEntry], list[DocumentError], float]:
    path = PEERS / name
    if not path.exists():
        pytest.skip(f"{path} is not present")
    t0 = time.perf_counter()
    items = list(read_dictionary(str(path)))
    elapsed = time.perf_counter() - t0
    entries = [i for i in items if isinstance(i, DictEntry)]
    errors = [i for i in items if isinstance(i, DocumentError)]
    print(
        f"{name}: {len(entries)} rows, {len({e.line for e in entries})} entries, "
        f"{sum(e.kind == 'person' for e in entries)} person rows, {sum(bool(e.start or e.end) for e in entries)} dated, "
        f"{len(errors)} errors, {elapsed:.2f}s"
    )
    return entries, errors, elapsed


def test_phoenix_countries() -> None:
    entries, errors, elapsed = _phoenix("Phoenix.Countries.actors.txt")
    assert elapsed < 30  # about 1 s; only a gross regression should fail
    assert len(entries) > 25_000
    # the file's own typos: 7- 9- and 10-digit dates, a date without <, > or -, a reversed range, a stray ']'
    assert len(errors) <= 12, [str(e) for e in errors]
    assert all(("date" in e.message or "']'" in e.message) and e.line for e in errors)

    putin = [e for e in entries if "Vladimir Putin" in e.names]
    assert {e.line for e in putin} == {39559}
    assert "President Vladimir Putin" in putin[0].names and "Putin" in putin[0].names
    assert [(e.code, e.start, e.end) for e in putin] == [
        ("RUSELI", "1970-01-01", "1999-08-09"),
        ("RUSGOV", "1999-12-31", "2008-05-07"),
        ("RUSGOV", "1999-08-09", "2000-05-07"),
        ("RUSGOV", "2008-05-08", None),
        ("RUSELI", None, None),
    ]
    on_2010 = [e for e in putin if (e.start or "") <= "2010-01-01" and (e.end is None or "2010-01-01" < e.end)]
    assert any(e.country == "RUS" and e.role == "GOV" and e.start for e in on_2010)
    assert all(e.kind == "person" for e in putin)

    (afg,) = [e for e in entries if e.names[0] == "Afghanistan"]
    assert (afg.code, afg.country, afg.role, afg.kind) == ("AFG", "AFG", None, "actor")
    zahir = [e for e in entries if e.names[0] == "Mohammad Zahir Shah"]
    assert [(e.role, e.start, e.end) for e in zahir] == [
        ("ELI", "1932-01-01", "1933-11-08"),
        ("GOV", "1933-11-08", "1973-07-17"),
        ("ELI", "1973-07-17", "2007-07-23"),
    ]
    # historical codes are countries; the Soviet Union's individual republics are SUN + the republic
    assert any(e.country == "SUN" and e.code == "SUN" for e in entries)
    assert any(e.country == "YUG" for e in entries)


def test_phoenix_agents() -> None:
    entries, errors, elapsed = _phoenix("Phoenix.agents.txt")
    assert elapsed < 30
    assert len(entries) > 2000
    assert all(e.kind == "agent" for e in entries)
    # the one line of the file without a code
    assert [e.line for e in errors] == [1927]
    by_name = {n: e.code for e in entries for n in e.names}
    assert by_name["Farmer"] == "~AGR" and by_name["Farmers"] == "~AGR"
    assert by_name["Cattlemen"] == "~AGR"  # !PERSON! substitution
    assert by_name["Foreign Minister"] == "~GOV" and by_name["Foreign Ministries"] == "~GOV"  # !MINIST!
    assert by_name["Peacekeeping Troops"] == "IGO~"
    assert by_name["Police"] == "~COP"
    assert by_name["Deparment of Environment"] == "~ENV"  # sic, and closed with '}' in the file: tolerated
