"""The project's own tables and lexicons, read from the TSV files beside this module."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


def rows(name: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) of a bundled TSV file, skipping comments and blank lines.

    Every row must have exactly `columns` cells; a malformed row is a packaging bug and raises.
    """
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < columns:
            cells += [""] * (columns - len(cells))
        if len(cells) != columns:
            raise ValueError(f"{name}:{number}: expected {columns} tab-separated columns, got {len(cells)}")
        yield number, cells


def alternatives(cell: str) -> list[str]:
    """The '|'-separated alternatives of a cell, without empty ones."""
    return [part.strip() for part in cell.split("|") if part.strip()]
