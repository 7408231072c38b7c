"""Concepts: the kind of thing a system or a list is, derived from its canonical name.

Two reports of two counties name 开阳县行政执法公示制度 and 博湖县行政执法公示制度:
two local entities (each scoped to its county), one kind of thing. The kind
is the name without what makes it local or dated: the place that opens it
(开阳县, 海盐, 嘉兴市秀洲区), the year it is for (2023年度, anywhere in the name)
and the period it runs for ((2021—2025年)). What is left must still name a kind: at least four
characters, ending in a head of its type (…制度, …纲要, …清单), and not a
document's own title (关于…). National things have no place, so their kind
is their name without the period: 法治政府建设实施纲要(2021—2025年) is an
instance of 法治政府建设实施纲要, like 海盐县法治政府建设实施纲要(2021—2025年).

The rules hold on reports nobody has read: places come from the gazetteer
(``kg.extraction.places``), heads from the word lists of ``kg/data``; no place
or kind is listed by hand. Institutions and brands get no concept: a brand
is coined by one place, and an institution is compared by its place.

Year ranges are also written one way (``canonical_years``), so that
《法治政府建设实施纲要（2021－2025年）》 and 法治政府建设实施纲要(2021-2025年) are one name, and
a national document issued for a period and named without it is the one of the
report's year (``dated_name``, from the documents in ``national_periods.jsonl``).
"""

from __future__ import annotations

import re
from functools import cache

from kg.data import lexicon
from kg.errors import LexiconError
from kg.extraction.places import find_divisions
from kg.model import EntityType

#: A period in brackets, written with any dash or 至/到 and with or without 年: (2021-2025), （2021—2025年）.
#: A text that lost the dash, (20232025年), is one too.
_RANGE = re.compile(
    r"[(（]\s*((?:19|20)\d\d)\s*年?\s*(?:[-－–—―~～至到]|(?=(?:19|20)\d\d年))\s*((?:19|20)\d\d)\s*年?\s*[)）]"
)
#: A year or a year of reports that opens a name: 2023年, 2023年度; and one anywhere.
_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d年度?")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d年度?")
#: Characters a kind may not start with once the place is cut off (a cut inside a word).
_BAD_START = set("的和及与、，,(（")

#: Types whose entities are instances of a kind.
KIND_TYPES = (EntityType.SYSTEM, EntityType.LIST)


def canonical_years(name: str) -> str:
    """``name`` with each bracketed year range written as ``(2021—2025年)``."""
    return _RANGE.sub(lambda m: f"({m[1]}—{m[2]}年)", name)


def without_years(name: str) -> str:
    """``name`` without its bracketed year ranges: 法治政府建设实施纲要(2021—2025年) → 法治政府建设实施纲要."""
    return _RANGE.sub("", name).strip()


def has_years(name: str) -> bool:
    return _RANGE.search(name) is not None


@cache
def _periods() -> dict[str, tuple[tuple[int, int], ...]]:
    """National documents issued for a period, by name without it (national_periods.jsonl)."""
    out = {}
    for r in lexicon.records("national_periods"):
        spans = tuple(tuple(int(y) for y in p.split("—")) for p in r["periods"])
        if not spans or any(len(s) != 2 or s[0] > s[1] for s in spans):
            raise LexiconError(f"kg/data/national_periods.jsonl: {r['id']!r} needs periods written 2021—2025")
        out[r["id"]] = spans  # type: ignore[assignment]
    return out


def dated_name(name: str, year: int | None) -> str:
    """A national document named without its period, as the one of the report's year.

    法治政府建设实施纲要 in a report on 2023 → 法治政府建设实施纲要(2021—2025年); any other
    name, a year in no period or an unknown year leaves the name as it is.
    """
    if year is None:
        return name
    for start, end in _periods().get(name, ()):
        if start <= year <= end:
            return f"{name}({start}—{end}年)"
    return name


@cache
def _heads(etype: EntityType) -> tuple[str, ...]:
    """The endings that make a name a kind of ``etype``: list heads, or system and document heads."""
    if etype is EntityType.LIST:
        return lexicon.words("list_heads")
    return tuple(dict.fromkeys((*lexicon.words("system_heads"), *lexicon.words("doc_heads"))))


def _strip_places(name: str, short: bool) -> str:
    """``name`` without the places and the government that open it (嘉兴市秀洲区…, 海盐… when ``short``).

    A place's level character that makes a word with what follows (嘉兴市场主体, 海盐县级)
    stays with the kind; 人民政府 after a place is the place's, not the kind's.
    """
    joined = lexicon.characters("kind_level_word_starts")
    while True:
        ends = [end for start, end, _ in find_divisions(name, short=short) if start == 0]
        ends = [e - 1 if name[e : e + 1] in joined else e for e in ends]
        if not ends or max(ends) == 0:
            return name
        name = name[max(ends) :].removeprefix("人民政府")


def concept_of(etype: EntityType, canonical: str, scope: str) -> str | None:
    """The label of the kind an entity is an instance of, or None when it names no common kind.

    Args:
        etype: the entity's type; only systems and lists have kinds.
        canonical: its canonical name (``kg.extraction.normalize.canonical``).
        scope: its scope, "" for a national thing (then only a full place name is cut off).
    """
    if etype not in KIND_TYPES:
        return None
    name = without_years(canonical_years(canonical))
    # A short place name (海盐) is cut only from a local thing: in a national name it may be a word.
    name = _strip_places(_LEADING_YEAR.sub("", name), short=bool(scope))
    # The year of a yearly thing (省政府2022年度重大行政决策事项目录): every year's is one kind.
    name = _YEAR.sub("", name)
    if len(name) < 4 or name[0] in _BAD_START or name.startswith("关于"):
        return None
    if not name.endswith(_heads(etype)):
        return None
    return name


__all__ = ["KIND_TYPES", "canonical_years", "concept_of", "dated_name", "has_years", "without_years"]
