"""Brands named without a brand word: 法治“六进” (a counted campaign), 三晋通 App."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.data import lexicon
from kg.extraction.rules.base import (
    BRAND,
    CJK,
    Candidate,
    DocContext,
    SentenceView,
    alternation,
    ending,
    left_edge,
    rule,
    strip_marks,
    trim,
)
from kg.text.tokenize import word_tag

_COUNTED_VISITS = re.compile(rf"([{CJK}]{{2}})“([一二三四五六七八九十]进)”")


@rule("brand.counted_visits", BRAND)
def counted_visits(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """法治“六进”, 习近平法治思想“八进”: a campaign named by where it goes, with its field.

    The field is the noun phrase before the quote (法治, 习近平法治思想); after a
    verb (学习宣传“八进”) there is none, and the quote alone is the name (quote.brand).
    """
    if "进”" not in v.text:
        return
    for m in _COUNTED_VISITS.finditer(v.text):
        if strip_marks(m.group(1)) in lexicon.word_set("name_stops"):
            continue
        tok = v.token_before(m.start(2) - 1)
        if tok is None or (word_tag(tok[0]) or "").startswith("v"):
            continue
        start = trim(v.text, left_edge(v, m.start(2) - 1, max_len=8), m.start(2) - 1, keep=2)
        field = v.text[start : m.start(2) - 1]
        if len(field) < 2:
            continue
        yield Candidate(start, m.end(), BRAND, field + m.group(2), "brand.counted_visits")


@cache
def _app() -> re.Pattern[str]:
    """A short coined name before an app word (brand_app_words.txt)."""
    return re.compile(rf"([{CJK}]{{2,6}})\s?(?:{lexicon.alternation('brand_app_words')})")


@rule("brand.app", BRAND)
def apps(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """三晋通 App, 渝快政 App: a short coined name before App."""
    if not alternation("brand_app_words").search(v.text):
        return
    for m in _app().finditer(v.text):
        start = trim(v.text, left_edge(v, m.end(1), max_len=6), m.end(1), keep=2)
        name = v.text[start : m.end(1)]
        if len(name) >= 2 and not ending("brand_generic_media").search(name):
            # 微信公众号, 政务App: a kind of channel, not a coined name
            yield Candidate(start, m.end(1), BRAND, name, "brand.app")


@cache
def _column() -> re.Pattern[str]:
    """《X》 and a column word at most eight characters on (brand_column_words.txt)."""
    return re.compile(
        rf"《([^《》\n]{{2,16}})》((?:(?![的之])[{CJK}]){{0,8}}?(?:{lexicon.alternation('brand_column_words')}))"
    )


@rule("brand.column", BRAND)
def columns(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """《法在X》电视法治专栏, 《X说法》栏目: a named column or programme of a medium.

    A title that names a document or a law (《民法典》学习专栏, 《…条例》解读专栏)
    is what the column is about, not its name.
    """
    if "》" not in v.text:
        return
    for m in _column().finditer(v.text):
        name = strip_marks(m.group(1))
        if len(name) < 2 or name in lexicon.word_set("named_laws") or ending("doc_heads").search(name):
            continue
        yield Candidate(m.start(), m.end(1) + 1, BRAND, name, "brand.column")
