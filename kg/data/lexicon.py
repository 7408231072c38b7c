"""Lexicons and patterns kept as data files in ``kg/data/``.

Word lists are UTF-8 text, one entry per line; ``#`` starts a comment. They
are read once, checked (no empty or duplicate entries) and cached. Rules in
``kg/extraction`` name the list they use, so a list can be extended without
touching code. No list may name entities of a particular report: lists
describe the domain (heads, prefixes, cue words, generic words to reject).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from kg.errors import LexiconError

_PACKAGE = "kg.data"


def _read(name: str) -> str:
    try:
        return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"kg/data/{name}: lexicon file missing from the package") from None


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of ``kg/data/{name}.txt`` in file order."""
    out: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(_read(f"{name}.txt").splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if entry in seen:
            raise LexiconError(f"kg/data/{name}.txt:{n}: duplicate entry {entry!r}")
        seen.add(entry)
        out.append(entry)
    return tuple(out)


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(words(name))


@cache
def characters(name: str) -> frozenset[str]:
    """The entries of ``kg/data/{name}.txt``, each a single character."""
    long = [w for w in words(name) if len(w) != 1]
    if long:
        raise LexiconError(f"kg/data/{name}.txt: entries must be single characters, not {long[0]!r}")
    return frozenset(words(name))


@cache
def ending(name: str) -> re.Pattern[str]:
    """Any word of a list at the end of the text searched (``search(text)``: a suffix test)."""
    return re.compile(f"(?:{alternation(name)})$")


@cache
def alternation(name: str) -> str:
    """A regex that matches any entry of ``kg/data/{name}.txt``: escaped, longest first.

    Longest first (ties in code-point order), so where one word begins another
    (制定, 制定了) the regex takes the longer one.
    """
    return "|".join(re.escape(w) for w in sorted(words(name), key=lambda w: (-len(w), w)))


@cache
def records(name: str) -> tuple[dict[str, Any], ...]:
    """The objects of ``kg/data/{name}.jsonl``; each must have a unique ``id``."""
    out: list[dict[str, Any]] = []
    ids: set[str] = set()
    for n, line in enumerate(_read(f"{name}.jsonl").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise LexiconError(f"kg/data/{name}.jsonl:{n}: {e.msg}") from None
        rid = rec.get("id")
        if not rid or rid in ids:
            raise LexiconError(f"kg/data/{name}.jsonl:{n}: missing or duplicate id {rid!r}")
        ids.add(rid)
        out.append(rec)
    return tuple(out)
