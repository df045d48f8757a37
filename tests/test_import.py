"""`eventwire actors import`: PETRARCH/TABARI dictionaries into a store, used on their dates by later ingests."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from eventwire.actors import gazetteer
from eventwire.actors.petrarch import read_dictionary
from eventwire.ingest.pipeline import ingest
from tests.conftest import SHARED

PHOENIX = SHARED / "peers" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"

# a small dictionary of the same format, with invented people
SMALL = """# test dictionary
ODALRIC_VANTERPOOL_  # an invented head of government
+VANTERPOOL_
+PRIME_MINISTER_VANTERPOOL_
\t[NORMIL 700101-150630]
\t[NORGOV >150630]
BROKEN_LINE [NOR 20201]
MIRELLA_OSTASZEWSKA_
\t[POLMIL 200101-221231]
"""


def run(*args):
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=600)


def source_of(db, text, date, coder, tmp_path, name):
    path = tmp_path / f"{name}.jsonl"
    path.write_text(json.dumps({"id": name, "text": text, "date": date}) + "\n", encoding="utf-8")
    ingest([str(path)], db, coder)
    with duckdb.connect(db, read_only=True) as con:
        rows = con.execute(
            "SELECT m.source_code FROM mentions m JOIN articles a USING (article_id) WHERE a.path = ?", [str(path)]
        ).fetchall()
    return [r[0] for r in rows]


def test_an_imported_dictionary_resolves_on_its_dates(tmp_path, coder):
    dictionary = tmp_path / "small.actors.txt"
    dictionary.write_text(SMALL, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    r = run("actors", "import", "--db", db, str(dictionary))
    assert r.returncode == 0, r.stderr
    assert "small.actors.txt:7:" in r.stderr and "(skipped)" in r.stderr  # the broken line, named
    assert "imported 3 entries" in r.stderr
    assert source_of(db, "Vanterpool condemned Sweden.", "2016-03-01", coder, tmp_path, "a") == ["NORGOV"]
    assert source_of(db, "Vanterpool criticised Denmark.", "2010-03-01", coder, tmp_path, "b") == ["NORMIL"]
    r = run("actors", "show", "Vanterpool", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {(x["role"], x["start"], x["end"], x["origin"]) for x in rows} == {
        ("MIL", "1970-01-01", "2015-06-30", "imported"),
        ("GOV", "2015-06-30", "", "imported"),
    }
    assert all(x["evidence"] == "small.actors.txt:2" for x in rows)
    # importing the file again replaces its rows
    assert run("actors", "import", "--db", db, str(dictionary)).returncode == 0
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM imported_actors").fetchall() == [(3,)]


def test_a_missing_dictionary_is_a_one_line_error(tmp_path):
    r = run("actors", "import", "--db", str(tmp_path / "s.duckdb"), str(tmp_path / "none.txt"))
    assert r.returncode == 1 and "none.txt: no such file" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(not PHOENIX.exists(), reason="the Phoenix dictionaries are in ../shared only")
def test_the_phoenix_dictionary_imports_and_its_dated_entries_resolve_on_their_dates(tmp_path, coder):
    db = str(tmp_path / "phoenix.duckdb")
    r = run("actors", "import", "--db", db, str(PHOENIX))
    assert r.returncode == 0, r.stderr
    assert "imported" in r.stderr and "Traceback" not in r.stderr
    # a person the curated data does not know, with a dated government role: resolved inside it, not after it
    curated = gazetteer.default().persons
    chosen = None
    for e in read_dictionary(str(PHOENIX)):
        if (
            getattr(e, "kind", "") == "person"
            and e.role == "GOV"
            and e.country
            and e.start
            and e.end
            and e.start >= "1990-01-01"
            and len(e.names[0].split()) == 2
            and not any(n in curated or n.split()[-1] in curated for n in e.names)
        ):
            chosen = e
            break
    assert chosen is not None
    inside = chosen.start[:8] + "15"
    codes = source_of(db, f"{chosen.names[0]} criticised Sweden.", inside, coder, tmp_path, "inside")
    assert codes and codes[0].startswith(chosen.country), (chosen, codes)
