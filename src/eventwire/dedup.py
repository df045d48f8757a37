"""Article identity and syndication: ids from URLs or text, MinHash signatures, and an LSH index of first copies.

An article's id is the sha1 of its normalised URL (scheme, "www.", fragment, tracking parameters and a trailing
slash dropped), or without a URL of its normalised text, so the same article read twice gets the same id.
Near-duplicates (a wire story under another header or on another site) are found with MinHash over word
5-grams and LSH (datasketch); a candidate counts as a copy when its estimated Jaccard similarity is at least
`THRESHOLD`.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5
THRESHOLD = 0.7
SEED = 20240101

_WORD = re.compile(r"\w+", re.UNICODE)
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|ocid|cmpid|ref|src|smid|mc_cid|mc_eid)$")
_BASE = MinHash(num_perm=NUM_PERM, seed=SEED)
_PERMUTATIONS, _SCHEME = _BASE.permutations, _BASE.scheme


def normalise_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, ""))


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def article_id(url: str | None, text: str) -> str:
    key = "url:" + normalise_url(url) if url else "text:" + " ".join(words(text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of a text's word 5-grams."""
    tokens = words(text)
    if len(tokens) <= SHINGLE:
        shingles = [" ".join(tokens).encode("utf-8")]
    else:
        shingles = [" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)]
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=_SCHEME)
    m.update_batch(shingles)
    return np.asarray(m.hashvalues, dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class CopyIndex:
    """First copies by their signatures: `find` names the copy a new article repeats, `add` records one."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def _minhash(self, sig: np.ndarray) -> MinHash:
        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=sig, permutations=_PERMUTATIONS, scheme=_SCHEME)

    def find(self, sig: np.ndarray) -> tuple[str, float] | None:
        """(id, similarity) of the most similar first copy at or above the threshold; ties go to the earliest."""
        best: tuple[float, int, str] | None = None
        for key in self._lsh.query(self._minhash(sig)):
            score = similarity(sig, self._signatures[key])
            candidate = (-score, self._order[key], key)
            if score >= THRESHOLD and (best is None or candidate < best):
                best = candidate
        return (best[2], -best[0]) if best else None

    def add(self, key: str, sig: np.ndarray) -> None:
        if key not in self._signatures:
            self._signatures[key] = sig
            self._order[key] = len(self._order)
            self._lsh.insert(key, self._minhash(sig))
