"""Written variants of one name: the canonical spelling and the key that merges variants.

A report writes the same title in several ways: full-width or ASCII
brackets, a hyphen, an en dash or an em dash in a year range, with or
without the year range. ``tidy`` gives the one spelling kg keeps as the
canonical name (ASCII brackets and an em dash between years, as the spec
writes 法治政府建设实施纲要(2021—2025年)); the other spellings stay
``skos:altLabel``. ``name_key`` goes further and drops a trailing year
range, so a name and its dated form meet: ``link_entities`` merges them
within one scope when only one dated form is in sight. Both depend on the
name alone, so two reports give the same canonical name without seeing
each other. Place names are not handled here (``normalize`` expands a
place's short form, 海盐 → 海盐县, with the report's place).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Quote and title marks and white space are typography, not part of a name.
_MARKS = re.compile(r"[“”‘’「」『』《》〈〉\"\s]")
# A dash between two years: hyphen, the Unicode dashes, full-width hyphen, tildes (2021-2025, 2021～25).
_RANGE_DASH = re.compile(r"(?<=(?:19|20)\d\d)\s*[-‐‑‒–—―－~～〜]\s*(?=(?:19|20)?\d\d(?!\d))")
# A bracketed year or year range at the end of a title: (2021—2025年), (2021—2025), (2024年).
_YEARS = re.compile(r"\((?:19|20)\d\d(?:年)?(?:—(?:19|20)?\d\d(?:年)?)?(?:年度)?\)$")


@lru_cache(maxsize=65536)
def plain(name: str) -> str:
    """The name as written, without typography: NFC, no quote or title marks, no white space.

    These functions are pure and asked of the same names many times while a report is linked: cached.
    """
    return _MARKS.sub("", unicodedata.normalize("NFC", name))


@lru_cache(maxsize=65536)
def tidy(name: str) -> str:
    """The canonical spelling: ``plain``, ASCII brackets and an em dash between years."""
    s = plain(name).replace("（", "(").replace("）", ")")
    return _RANGE_DASH.sub("—", s)


@lru_cache(maxsize=65536)
def year_range(name: str) -> str:
    """The bracketed year or year range that ends ``name`` (tidied), or ""."""
    m = _YEARS.search(tidy(name))
    return m.group(0) if m else ""


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """What variants of one title share: its tidy spelling without a final year range.

    海盐县法治政府建设实施纲要（2021-2025年） and 海盐县法治政府建设实施纲要 have
    the same key; a different year range is a different document, so callers
    merge a bare name into a dated one only when the dated form is unique.
    """
    s = tidy(name)
    y = year_range(s)
    return s[: len(s) - len(y)] if y else s


__all__ = ["name_key", "plain", "tidy", "year_range"]
