"""Reading documents for `eventwire code`: good ones come through, bad ones become DocumentError."""

from __future__ import annotations

from eventwire.ingest.documents import read_path
from eventwire.model import Document, DocumentError


def test_txt_is_one_document_named_after_the_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Iran launched drones at Israel.", encoding="utf-8")
    [doc] = list(read_path(str(p)))
    assert isinstance(doc, Document) and doc.id == "story.txt" and doc.date is None


def test_jsonl_good_lines_around_a_bad_one(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        '{"id": "a", "text": "x", "published": "2024-01-02"}\n{oops\n\n{"id": "b", "text": "y"}\n', encoding="utf-8"
    )
    items = list(read_path(str(p)))
    assert [type(i).__name__ for i in items] == ["Document", "DocumentError", "Document"]
    assert items[0].date == "2024-01-02"
    assert items[1].line == 2 and str(p) in str(items[1])


def test_jsonl_without_text(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "a"}\n[1, 2]\n{"id": "c", "text": "t", "date": 5}\n', encoding="utf-8")
    errors = list(read_path(str(p)))
    assert all(isinstance(e, DocumentError) for e in errors)
    assert [e.line for e in errors] == [1, 2, 3]


def test_missing_binary_latin1_and_empty(tmp_path):
    [missing] = list(read_path(str(tmp_path / "nope.txt")))
    assert isinstance(missing, DocumentError) and "no such file" in missing.message
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    [err] = list(read_path(str(binary)))
    assert isinstance(err, DocumentError) and "binary" in err.message
    latin = tmp_path / "l.txt"
    latin.write_bytes("first line\ncaf\xe9".encode("latin-1"))
    [err] = list(read_path(str(latin)))
    assert isinstance(err, DocumentError) and "line 2" in err.message and "UTF-8" in err.message
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert list(read_path(str(empty))) == []
