"""Find entity mentions (机构, 制度, 清单, 品牌) in the sentences of a report.

The rules live in ``kg.extraction.rules``, one module per family, each a
registered ``Rule`` with an id and the entity types it proposes; ``RULES``
lists them in the order they run. This module is the driver: it runs every
rule on every sentence, drops the candidates that name a kind or a plural
(``_generic``), makes the rest non-overlapping by a named policy
(``kg.extraction.overlaps``) and adds the other occurrences of the names found
(``_repeats``). A ``trace`` callback hears of each step (``kg.extraction.trace``).

Guarantees: every mention's ``text`` is ``doc.text[start:end]``; mentions do
not overlap; the result depends only on the document (deterministic).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from kg.data import lexicon
from kg.extraction.overlaps import OnDrop, resolve_overlaps
from kg.extraction.places import is_navigation
from kg.extraction.rules import RULES
from kg.extraction.rules.base import (
    CJK,
    INST,
    LEVEL,
    NUM,
    SYS,
    Candidate,
    DocContext,
    SentenceView,
    strip_marks,
)
from kg.extraction.trace import Overlapped, Proposed, Rejected, Repeated, Trace
from kg.model import Document, Mention, ReportInfo, Sentence

POLICY = "longest_first"

_COUNT_BEFORE = re.compile(rf"[{NUM}]+[个家所支间名]$")
_COUNT_AFTER = re.compile(rf"^[{NUM}]+[个家所支]")
_EACH_BEFORE = re.compile(rf"各[级类个地]?$|(?:^|[、，,])[{LEVEL}]、$")
_CLAUSE_END = re.compile(r"[，。；,;]")


@cache
def _place_prefixed() -> re.Pattern[str]:
    """A name that carries its own place, level or national scope."""
    return re.compile(
        rf"^(?:中共)?[{CJK}]{{0,8}}?[省市县区州镇乡]|^街道|^(?:{lexicon.alternation('national_prefixes')})"
    )


@cache
def _each_in_clause() -> re.Pattern[str]:
    """各 before a level word or a kind of unit (generic_each_units.txt): every unit of a kind."""
    return re.compile(rf"各[{LEVEL}]|各(?:{lexicon.alternation('generic_each_units')})")


# Two numeral characters in a row: a name may not start between them.
_NUMERAL = re.compile(r"[〇零一二三四五六七八九十百千万两\d]{2}")


@cache
def _kinds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words that count a kind of thing (kind_counters.txt), ending the text before a name
    and opening a name: either way the name is a kind (一系列重大举措, 若干管理办法)."""
    words = lexicon.alternation("kind_counters")
    return re.compile(f"(?:{words})$"), re.compile(words)


# A level written with the others it stands for in brackets (县(市、区), 乡镇（街道）, 村(社区)):
# the bodies of every such place, a kind, not one body.
_LEVEL_WORD = r"(?:[省市县区旗乡镇村]|乡镇|街道|社区)"
_LEVELS_IN_BRACKETS = re.compile(rf"{_LEVEL_WORD}[(（]{_LEVEL_WORD}(?:[、,，]{_LEVEL_WORD})*[)）]")
_LEVELS_BEFORE = re.compile(_LEVELS_IN_BRACKETS.pattern + "$")


# The members a group is made of, before its name (…各部门负责人为成员的领导小组, 由各科室
# 组成的工作专班): the 各 counts its members, the group is one.
_MEMBERS_BEFORE = re.compile(r"(?:为成员|为组员|组成|参加)的$")


def _generic(c: Candidate, v: SentenceView) -> str | None:
    """Why a candidate is a plural or kind reference (各部门, 1个综合行政执法队, 人民调解委员会24个), or None."""
    name = c.name
    if len(name) < 2:
        return "name shorter than two characters"
    if name.startswith("各"):
        return "starts with 各"
    if _kinds()[0].search(v.text[max(0, c.start - 4) : c.start]) or (
        _kinds()[1].match(name) and not v.text.startswith("《", c.start)
    ):
        return "a kind of thing counted before it (一系列, 一批, 若干)"
    if c.type is INST:
        before = v.text[max(0, c.start - 4) : c.start]
        after = v.text[c.end : c.end + 8]
        if _COUNT_BEFORE.search(before):
            return "count before"
        if _COUNT_AFTER.match(after):
            return "count after"
        if _EACH_BEFORE.search(before):
            return "各 before"
        if name in lexicon.word_set("org_generic"):
            return "generic institution word"
        if _LEVELS_IN_BRACKETS.search(name) or _LEVELS_BEFORE.search(v.text, max(0, c.start - 16), c.start):
            return "bodies of several levels (县(市、区)…, 村(社区)…): a kind"
        if "各" in v.text[: c.start] and not _place_prefixed().match(name):
            clause = _CLAUSE_END.split(v.text[: c.start])[-1]
            if _each_in_clause().search(clause) and not _MEMBERS_BEFORE.search(clause):
                return "各 in clause"
    return None


def _rejection(c: Candidate, v: SentenceView) -> str | None:
    """Why the driver drops a candidate before overlap resolution, or None."""
    if c.end <= c.start:
        return "empty span"
    reason = _generic(c, v)
    if reason is None and not v.text[c.start : c.end].strip():
        return "blank text"
    if reason is None and c.start > 0 and _NUMERAL.match(v.text[c.start - 1 : c.start + 1]):
        return "starts inside a number (二|十国集团)"
    return reason


def find_mentions(
    doc: Document, sentences: list[Sentence], info: ReportInfo, trace: Trace | None = None
) -> list[Mention]:
    """Every entity mention of ``doc``, non-overlapping, in document order.

    Args:
        trace: called with an event for each step (``kg.extraction.trace``); no event is built without it.
    """
    ctx = DocContext.of(doc, info)
    rules = [(r.id, r.func) for r in RULES]
    out: list[Mention] = []
    menus = [s for s in sentences if is_navigation(s.text)]
    menu_lines = {s.index for s in menus}
    for s in sentences:
        v = SentenceView.of(s, ctx.level_words)
        navigation = s.index in menu_lines
        for rule_id, func in rules:
            for c in func(v, ctx):
                reason = "a page's navigation line" if navigation else _rejection(c, v)
                if trace is not None:
                    start, end = s.start + c.start, s.start + c.end
                    trace(Proposed(c, rule_id, s.index, start, end))
                    if reason is not None:
                        trace(Rejected(c, rule_id, s.index, start, end, reason))
                if reason is not None:
                    continue
                text = s.text[c.start : c.end]
                out.append(
                    Mention(
                        doc_id=doc.id,
                        start=s.start + c.start,
                        end=s.start + c.end,
                        sent_index=s.index,
                        text=text,
                        type=c.type,
                        name=c.name or strip_marks(text),
                        rule=c.rule,
                    )
                )
    on_drop = None if trace is None else _overlapped_to(trace)
    found = resolve_overlaps(out, POLICY, on_drop)
    repeats = _repeats(doc, sentences, found, menus)
    if trace is not None:
        for m in repeats:
            trace(Repeated(m))
    return resolve_overlaps(found + repeats, POLICY, on_drop)


def _overlapped_to(trace: Trace) -> OnDrop:
    def report(m: Mention, winner: Mention) -> None:
        trace(Overlapped(m, winner))

    return report


def _borrowed_head(m: Mention) -> bool:
    """法治督察 in 法治督察、风险告知等管理办法: the surface names the 办法 only there.

    Elsewhere the same words name an activity (加强法治督察), so such a
    system is never repeated; a list's items (法定执法事项27项) still are.
    """
    bare = strip_marks(m.text)
    return m.type is SYS and m.name != bare and m.name.startswith(bare)


def _repeats(
    doc: Document,
    sentences: list[Sentence],
    found: list[Mention],
    menus: Sequence[Sentence] = (),
) -> list[Mention]:
    """Other occurrences of names already found (a name is an entity wherever it recurs).

    Only surfaces of three characters or more are repeated, and only where no
    found mention covers the text, so repeats never change which entities a
    report has; they give the graph every sentence that names them.

    A byte per character of the text marks what mentions cover, so testing an
    occurrence costs its length, not the number of mentions (long reports have
    thousands).
    """
    covered = bytearray(len(doc.text))
    for s in menus:  # a page's navigation lines name nothing, not even a repeat
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    for m in found:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    starts = [s.start for s in sentences]
    by_text: dict[str, Mention] = {}
    for m in found:
        if len(m.text) >= 3 and m.text.strip() == m.text and not _borrowed_head(m):
            by_text.setdefault(m.text, m)
    out: list[Mention] = []
    for text, m in sorted(by_text.items()):
        k = doc.text.find(text)
        while k >= 0:
            e = k + len(text)
            if covered.find(1, k, e) < 0:
                idx = bisect_right(starts, k) - 1
                if idx >= 0 and sentences[idx].end >= e:
                    out.append(
                        Mention(
                            doc_id=doc.id,
                            start=k,
                            end=e,
                            sent_index=sentences[idx].index,
                            text=text,
                            type=m.type,
                            name=m.name,
                            rule="repeat",
                        )
                    )
                    covered[k:e] = b"\x01" * (e - k)
            k = doc.text.find(text, k + 1)
    return out
