"""Titles between 《》, typed by their head word (条例, 办法, 方案 → 制度; 清单 → 清单)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.data import lexicon
from kg.extraction.rules.base import (
    LIST,
    SYS,
    TITLE,
    Candidate,
    DocContext,
    SentenceView,
    alternation,
    rule,
    strip_marks,
)
from kg.model import EntityType

# the inner title of a nested one: 〈X〉, or <X> where a report types ASCII angle brackets
_INNER = re.compile(r"[〈<]([^〈〉<>]{2,80})[〉>]")
_YEARS = re.compile(r"[(（][^()（）]{0,20}[)）]$")


@cache
def _status() -> re.Pattern[str]:
    return re.compile(f"[(（]?(?:{lexicon.alternation('title_status')})[)）]?$")


@cache
def _issued() -> re.Pattern[str]:
    return re.compile(f"(?:{lexicon.alternation('title_issue_verbs')})[〈<]")


@cache
def _notice_task() -> re.Pattern[str]:
    """关于 + a verb that assigns work (关于开展…, 关于进一步加强…): a notice that sets a programme."""
    return re.compile(f"关于(?:进一步)?(?:{lexicon.alternation('title_notice_task_verbs')})")


@cache
def _bare_heads() -> frozenset[str]:
    """A document or list head standing alone (《清单》, 《办法》): a short name, not a title."""
    return frozenset({*lexicon.words("list_heads"), *lexicon.words("doc_heads")})


def _about(core: str) -> bool:
    """True for 关于… and for 关于… after a congress that issues it (县人大常委会关于…)."""
    at = core.find("关于")
    return at == 0 or (at > 0 and core[:at].endswith(lexicon.words("title_congress_issuers")))


def title_type(t: str) -> EntityType | None:
    """The type of a 《》 title by its head word, or None when it sets no rule."""
    core = _YEARS.sub("", t).strip()
    core = _status().sub("", core) or core
    if _about(core) and core.endswith(lexicon.words("title_about_heads")):
        # 《关于…的决议》, 《县人大常委会关于…的决议》: a resolution of a congress sets a rule
        return SYS
    for ex in lexicon.words("doc_excluded"):
        if core.endswith(ex):
            return None
    if core.endswith(tuple(lexicon.words("list_heads"))):
        return LIST
    if core.endswith("通知"):
        sets_rule = alternation("title_notice_rule_words").search(core) or _notice_task().search(core)
        return SYS if sets_rule else None
    if core.endswith(tuple(lexicon.words("title_method_words"))) and len(core) <= 3:
        return None
    for h in lexicon.words("doc_heads"):
        if core.endswith(h):
            return SYS
    return None


# (以下简称《清单》): the short name a document gives a title it has just named
_SHORT_FOR = re.compile(r"(?:简称|称为|简称为)$")


@rule("title", SYS, LIST, emits=("title", "title.nested", "title.truncated"))
def titles(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """《X条例》, 《X清单》; 《关于印发〈X〉的通知》 names X; a title cut off by the end of the text.

    A head alone (《清单》, 《目录》) and a short name given after 简称 are not
    new documents.
    """
    for m in TITLE.finditer(v.text):
        inner = m.group(1).strip()
        if _SHORT_FOR.search(v.text, 0, m.start()) or strip_marks(inner) in _bare_heads():
            continue
        nested = _INNER.search(inner)
        if nested and _issued().search(inner) and inner.endswith("通知"):
            # the notice only issues the document: name the document, leave the issuers free
            s0, e0 = m.start(1) + nested.start(), m.start(1) + nested.end()
            typ = title_type(nested.group(1))
            if typ is not None:
                yield Candidate(s0, e0, typ, nested.group(1), "title.nested")
            continue
        typ = title_type(strip_marks(inner))
        if typ is None and nested:
            typ = title_type(nested.group(1))
            if typ is not None:
                yield Candidate(
                    m.start(1) + nested.start(),
                    m.start(1) + nested.end(),
                    typ,
                    nested.group(1),
                    "title.nested",
                )
            continue
        if typ is None:
            continue
        yield Candidate(m.start(), m.end(), typ, strip_marks(inner), "title")
    # a title cut off by the end of the text: 《岳阳县法治政府建设实施方案(20
    m = re.search(r"《([^《》]{4,60})$", v.text)
    if m:
        core = re.sub(r"[(（][^)）]*$", "", m.group(1))
        if title_type(core) is SYS and not re.search(r"[^宪]法$", core):
            yield Candidate(m.start(), len(v.text), SYS, core, "title.truncated")
