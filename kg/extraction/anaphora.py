"""What 我局, 该局 and 本方案 stand for: the report's author, the institution named
just before, the document the text itself is.

A report speaks of its author as 我局/本局/我厅 (the bureau that writes it), of an
institution it has just named as 该局/该所, and of itself, when it is a plan or a
measure, as 本方案/本办法 (the document its title names: 关于印发《X》的通知, or a
title that is X). Such a mention takes the name of what it refers to, so it joins
that entity; it keeps its own text (我局) as the surface. One that refers to
nothing the report names (我局 in a report whose author is a government, 该所 with
no 所 before it, 本方案 in a text whose title names no document) is dropped; so
is 我局 when only the folder's manifest names the author: a mention's name is
one the text writes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.data import lexicon
from kg.extraction.author import MANIFEST, ends_with_head
from kg.model import EntityType, Mention, ReportInfo

RULE = "org.anaphor"
OWN_DOCUMENT = "sys.anaphor"
_TITLED = re.compile(r"《([^《》]{4,80})》")
_YEARS = re.compile(r"[(（][^()（）]{0,20}[)）]$")


@cache
def _document_end() -> re.Pattern[str]:
    """A document that may call itself 本方案 … (own_document_heads.txt), years after it."""
    return re.compile(rf"(?:{lexicon.alternation('own_document_heads')})(?:[(（][^()（）]{{0,20}}[)）])?$")


def own_document(info: ReportInfo) -> str:
    """The document a text is, by its title: 关于印发《X》的通知 → X, or a title that is one."""
    m = _TITLED.search(info.title)
    if m and _document_end().search(m.group(1)):
        return m.group(1)
    title = info.title.strip()
    return title if _document_end().search(title) and "关于" not in title else ""


def _partner(text: str, start: int) -> bool:
    """True when the institution at ``start`` follows a word that makes it a partner (联合, 会同)."""
    return text[max(0, start - 2) : start].endswith(lexicon.words("anaphor_partner_words"))


def resolve_anaphora(mentions: list[Mention], info: ReportInfo, text: str = "") -> list[Mention]:
    """``mentions`` with each 我局/该局 renamed after its referent, or removed.

    With the report's ``text``, an institution named as a partner (该局联合市教育局…)
    is not what a later 该局 refers to: the article goes on about its subject.
    """
    out: list[Mention] = []
    last: list[Mention] = []  # named institutions so far, in text order
    document = own_document(info)
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.rule == OWN_DOCUMENT:
            if document and _YEARS.sub("", document).endswith(m.text[-2:]):
                out.append(replace(m, name=document))
            continue
        if m.rule != RULE:
            if m.type is EntityType.INSTITUTION and not _partner(text, m.start):
                last.append(m)
            out.append(m)
            continue
        head = m.text[1:]
        if m.text[0] in "我本":
            named = info.author_reason != MANIFEST
            # 我委 is the 委员会 that writes, 我办 its 办公室
            name = info.author if named and ends_with_head(info.author, head) else ""
        else:
            # 该委 is a 委员会 named before, 该办 an 办公室
            name = next((x.name for x in reversed(last) if ends_with_head(x.name, head)), "")
        if name:
            out.append(replace(m, name=name))
    return out
