"""Dates of documents: ISO strings ('2024-06-19' or a longer timestamp) to dates."""

from __future__ import annotations

from datetime import date


def parse_date(value: str | None) -> date | None:
    """The date an ISO date or timestamp string starts with, or None when there is none."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
