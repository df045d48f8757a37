"""The knowledge base beyond the curated data: persons learned from articles (with evidence) resolve in later
ingests; `eventwire actors show` shows every role with its origin; imported dictionaries resolve on their dates."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb

from eventwire.ingest.pipeline import ingest

# an invented minister: no curated entry can know this name
INTRO = {
    "id": "a1",
    "date": "2024-03-04",
    "text": "Malawi's foreign minister Tiyamike Banda-Okello visited Zambia on Monday. "
    "Banda-Okello met Zambia's president in Lusaka.",
}
LATER = {"id": "b1", "date": "2024-05-20", "text": "Banda-Okello criticised Mozambique over the border closure."}


def write(path, *docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return str(path)


def sources(db, doc_id):
    with duckdb.connect(db, read_only=True) as con:
        return con.execute(
            "SELECT m.source_code, m.source_name FROM mentions m JOIN articles a USING (article_id) "
            "WHERE a.record = 1 AND a.path LIKE ?",
            [f"%{doc_id}%"],
        ).fetchall()


def test_a_learned_person_resolves_by_surname_in_a_later_ingest(tmp_path, coder):
    db = str(tmp_path / "s.duckdb")
    alone = str(tmp_path / "alone.duckdb")
    ingest([write(tmp_path / "later-alone.jsonl", LATER)], alone, coder)
    assert sources(alone, "later-alone") in ([], [(None, None)]), "without the first article the name is unknown"
    ingest([write(tmp_path / "intro.jsonl", INTRO)], db, coder)
    with duckdb.connect(db, read_only=True) as con:
        seen = con.execute("SELECT name, country, role, date::VARCHAR FROM person_observations").fetchall()
    assert [(n.replace("-", " "), c, r, d) for n, c, r, d in seen] == [
        ("Tiyamike Banda Okello", "MWI", "GOV", "2024-03-04")
    ]
    ingest([write(tmp_path / "later.jsonl", LATER)], db, coder)
    assert [code for code, _ in sources(db, "later")] == ["MWIGOV"]


def test_a_learned_role_holds_only_near_its_evidence(tmp_path, coder):
    db = str(tmp_path / "s.duckdb")
    ingest([write(tmp_path / "intro.jsonl", INTRO)], db, coder)
    years_later = {**LATER, "id": "c1", "date": "2027-06-01"}
    ingest([write(tmp_path / "much-later.jsonl", years_later)], db, coder)
    assert "MWIGOV" not in [code for code, _ in sources(db, "much-later")]


def run(*args):
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=300)


def test_actors_show_gives_roles_over_time_with_their_origin(tmp_path, coder):
    r = run("actors", "show", "Shoigu", "--format", "jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["country"], x["role"], x["origin"]) for x in rows] == [
        ("RUS", "MIL", "curated"),
        ("RUS", "GOV", "curated"),
    ]
    db = str(tmp_path / "s.duckdb")
    ingest([write(tmp_path / "intro.jsonl", INTRO)], db, coder)
    r = run("actors", "show", "Banda-Okello", "--db", db, "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    [learned] = [json.loads(line) for line in r.stdout.splitlines()]
    assert learned["origin"] == "learned" and learned["country"] == "MWI" and learned["start"] == "2024-03-04"
    assert "Malawi's foreign minister Tiyamike Banda-Okello visited Zambia" in learned["evidence"]
    r = run("actors", "show", "Nobody Atall")
    assert r.returncode == 1 and "no person known" in r.stderr


def test_actors_top_still_lists_the_actors(tmp_path, coder):
    db = str(tmp_path / "s.duckdb")
    ingest([write(tmp_path / "intro.jsonl", INTRO)], db, coder)
    r = run("actors", "--db", db, "--top", "2", "--format", "jsonl")
    assert r.returncode == 0 and json.loads(r.stdout.splitlines()[0])["actor"] == "MWI"
