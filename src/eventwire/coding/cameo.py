"""The CAMEO table: names, Goldstein scores, QuadClass and PLOVER categories (data/cameo.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventwire.data import rows


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@cache
def table() -> dict[str, CameoCode]:
    out = {}
    for _, (code, name, goldstein, quad, plover) in rows("cameo.tsv", 5):
        out[code] = CameoCode(code, name, float(goldstein), int(quad), plover or None)
    return out


def lookup(code: str) -> CameoCode:
    """The entry for a code; an unknown code raises KeyError naming it."""
    try:
        return table()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None
