"""End to end through the command line: formats, exit codes and bad input (one line, no traceback)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from eventwire.cli import main

GOOD = {"id": "ok1", "text": "Russian troops invaded Ukraine on Thursday.", "date": "2022-02-24"}


def run(args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_jsonl_contract(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    r = run(["code", "--format", "jsonl", str(p)])
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    assert events, "the invasion should be coded"
    e = events[0]
    for key in (
        "event_id",
        "doc_id",
        "date",
        "source",
        "target",
        "cameo",
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "mode",
        "speaker",
        "sentence_index",
        "sentence",
        "char_start",
        "char_end",
        "confidence",
    ):
        assert key in e, key
    assert e["doc_id"] == "ok1" and e["root"] == "19" and e["mode"] == "asserted"
    assert e["source"]["country"] == "RUS" and e["target"]["country"] == "UKR"
    assert GOOD["text"][e["char_start"] : e["char_end"]] == e["sentence"]
    assert e["date"] == "2022-02-24"  # "on Thursday": the Thursday of the publication date's week
    assert 0 < e["confidence"] <= 1


def test_csv_and_table(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("The European Union imposed sanctions on Russia.", encoding="utf-8")
    r = run(["code", "--format", "csv", str(p)])
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert (
        rows
        and rows[0]["source_org"] == "EU"
        and rows[0]["target_country"] == "RUS"
        and rows[0]["doc_id"] == "story.txt"
    )
    r = run(["code", "--format", "table", str(p)])
    assert r.returncode == 0 and "163" in r.stdout


def test_stdin_jsonl():
    r = run(["code", "--format", "jsonl", "-"], stdin=json.dumps(GOOD) + "\n")
    assert r.returncode == 0 and '"ok1"' in r.stdout


def test_malformed_line_names_file_and_line_and_good_lines_are_coded(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(json.dumps(GOOD) + "\n{not json\n" + json.dumps({**GOOD, "id": "ok2"}) + "\n", encoding="utf-8")
    r = run(["code", "--format", "jsonl", str(p)])
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    [line] = r.stderr.strip().splitlines()
    assert f"{p}:2:" in line
    assert '"ok1"' in r.stdout and '"ok2"' in r.stdout


@pytest.mark.parametrize("content", [b"\x00\x01binary\xff" * 100, b"caf\xe9 in Paris: France protested to Italy."])
def test_binary_and_non_utf8(tmp_path, content):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Iran launched drones at Israel.", encoding="utf-8")
    r = run(["code", "--format", "jsonl", str(p), str(good)])
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert str(p) in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert '"good.txt"' in r.stdout


def test_missing_path(tmp_path):
    r = run(["code", str(tmp_path / "nope.txt")])
    assert r.returncode == 1 and "Traceback" not in r.stderr and "no such file" in r.stderr


def test_empty_file_is_not_an_error(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = run(["code", "--format", "jsonl", str(p)])
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""


def test_huge_text_without_sentence_end(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("word " * 1_000_000, encoding="utf-8")  # 5 MB, no sentence end, no actor
    r = run(["code", "--format", "jsonl", str(p)])
    assert r.returncode == 0 and "Traceback" not in r.stderr


def test_bad_setting_is_one_line(capsys):
    assert main(["code", "--min-confidence", "2", "-"]) == 2
    err = capsys.readouterr().err
    assert "--min-confidence" in err and "Traceback" not in err


def test_unknown_pipeline_is_one_line(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("Iran launched drones at Israel.", encoding="utf-8")
    assert main(["code", "--pipeline", "no_such_pipeline", str(p)]) == 2
    err = capsys.readouterr().err
    assert "no_such_pipeline" in err and "installed pipelines" in err
