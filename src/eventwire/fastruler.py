"""Faster attribute ruler and lemmatizer for the English pipeline, with the same results.

spaCy's AttributeRuler finds its ~180 rules with the general token Matcher, which costs more than the parser on
short sentences. Its rules here are all runs of simple token tests (TAG, LOWER, DEP, IS_SPACE: a value, IN,
NOT_IN or REGEX, no operators), so each token is tested only against the rules indexed by its own tag or lower
form (plus the few that name neither), and the ruler's own `set_annotations` applies the matches in the ruler's
order. `accelerate` leaves the ruler alone if any rule is outside that subset, and gives the rule lemmatizer a
full cache (MemoLemmas). tests/test_nlp.py compares
every token attribute with the original's over a few thousand sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_EQ, _IN, _NOT_IN, _REGEX = range(4)
Test = tuple[int, int, Any]  # (column, operation, argument)


def _test(key: str, value: Any, strings: Any) -> Test | None:
    """One key of a token spec as a test over the token columns (string values as their hashes, as
    `Doc.to_array` gives them), or None if the spec is not supported."""
    if key not in _KEYS:
        return None
    column = _KEYS.index(key)

    def h(v: Any) -> Any:
        return v if isinstance(v, bool) else strings.add(v)

    if isinstance(value, str | bool):
        return (column, _EQ, h(value))
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            return (column, _IN, frozenset(h(v) for v in arg))
        if op == "NOT_IN":
            return (column, _NOT_IN, frozenset(h(v) for v in arg))
        if op == "REGEX" and key != "IS_SPACE":
            return (column, _REGEX, (re.compile(arg), strings))
    return None


def _passes(columns: list[list], position: int, tests: list[list[Test]]) -> bool:
    for offset, token_tests in enumerate(tests):
        for column, op, arg in token_tests:
            value = columns[column][position + offset]
            if op == _EQ:
                ok = value == arg
            elif op == _IN:
                ok = value in arg
            elif op == _NOT_IN:
                ok = value not in arg
            else:
                pattern, strings = arg
                ok = pattern.search(strings[value]) is not None
            if not ok:
                return False
    return True


class FastMatch:
    """Replaces `AttributeRuler.match` on one ruler instance."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        self._attrs = [TAG, LOWER, DEP, IS_SPACE]  # in the order of _KEYS
        self.by_tag: dict[int, list] = defaultdict(list)
        self.by_lower: dict[int, list] = defaultdict(list)
        self.other: list = []
        for i in range(len(ruler.attrs)):
            key = str(i)
            match_id = ruler.vocab.strings.add(key)
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                tests: list[list[Test]] = []
                for spec in pattern:
                    token_tests = [_test(k, v, ruler.vocab.strings) for k, v in spec.items()]
                    if not spec or any(t is None for t in token_tests):
                        raise ValueError(f"unsupported attribute ruler pattern {pattern!r}")
                    tests.append([t for t in token_tests if t is not None])
                entry = (i, match_id, tests)
                first = pattern[0]
                strings = ruler.vocab.strings
                if isinstance(first.get("LOWER"), str):  # the most selective index first
                    self.by_lower[strings.add(first["LOWER"])].append(entry)
                elif isinstance(first.get("LOWER"), dict) and "IN" in first["LOWER"]:
                    for lower in first["LOWER"]["IN"]:
                        self.by_lower[strings.add(lower)].append(entry)
                elif isinstance(first.get("TAG"), str):
                    self.by_tag[strings.add(first["TAG"])].append(entry)
                elif isinstance(first.get("TAG"), dict) and "IN" in first["TAG"]:
                    for tag in first["TAG"]["IN"]:
                        self.by_tag[strings.add(tag)].append(entry)
                else:
                    self.other.append(entry)

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        array = doc.to_array(self._attrs)  # one pass in C instead of a Python loop a column
        columns = [array[:, k].tolist() for k in range(len(self._attrs))] if len(doc) else [[], [], [], []]
        tags, lowers = columns[0], columns[1]
        found: set[tuple[int, int, int, int]] = set()
        n = len(tags)
        for start in range(n):
            for rules in (self.by_tag.get(tags[start]), self.by_lower.get(lowers[start]), self.other):
                if not rules:
                    continue
                for i, match_id, tests in rules:
                    end = start + len(tests)
                    if end <= n and _passes(columns, start, tests):
                        found.add((i, match_id, start, end))
        return sorted(found)


class MemoLemmas:
    """Replaces `Lemmatizer.lemmatize` on one lemmatizer: every answer is kept by (form, POS, morphology), of
    which it is a function (spaCy's own cache skips the base forms, the most frequent case). Bounded."""

    MAX_ENTRIES = 500_000

    def __init__(self, lemmatize: Any) -> None:
        self.lemmatize = lemmatize
        self.cache: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= self.MAX_ENTRIES:
                self.cache.clear()
            found = self.cache[key] = self.lemmatize(token)
        return found


def accelerate(nlp: Any) -> bool:
    """Give the pipeline's attribute ruler the faster matcher and its rule lemmatizer a full cache; False for a
    component left as it was (a rule outside the supported subset, or a lemmatizer in another mode)."""
    done = True
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        try:
            ruler.match = FastMatch(ruler)
        except ValueError:
            done = False
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule" and not isinstance(lemmatizer.lemmatize, MemoLemmas):
            lemmatizer.lemmatize = MemoLemmas(lemmatizer.lemmatize)
        else:
            done = False
    return done
