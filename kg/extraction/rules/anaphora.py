"""Names by reference: 我局, 本局, 我厅 (the report's author), 该局, 该所 (the last
institution of that kind the text named), 本方案 (the document the text is).

The rule only marks the words; ``kg.extraction.anaphora`` decides what they stand
for once every name of the report is known, and drops those it cannot resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.data import lexicon
from kg.extraction.rules.base import INST, SYS, Candidate, DocContext, SentenceView, rule


# 我局/本局 …: the writer's own office; 该局/该所 …: one named just before.
# Not 本部门 (any department), 我局长, 该局面, 本院校: a longer word goes on.
@cache
def _anaphor() -> re.Pattern[str]:
    return re.compile(rf"(?:[我本该](?:{lexicon.alternation('anaphor_heads')}))(?![长面内外级属部里员校])")


@rule("org.anaphor", INST)
def anaphors(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """我局坚持…, 该局联合…: a mention whose name is resolved later."""
    for m in _anaphor().finditer(v.text):
        yield Candidate(m.start(), m.end(), INST, m.group(), "org.anaphor")


# 本方案, 本实施方案, 本办法 …: the document the text itself is (or issues); so is the
# head alone before 如下 (制定细则如下: the rules that follow).
@cache
def _own_document() -> re.Pattern[str]:
    heads = lexicon.alternation("own_document_heads")
    return re.compile(rf"本(?:实施)?(?:{heads})|(?<=[定订])(?:{heads})(?=如下)")


@rule("sys.anaphor", SYS)
def own_document(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """制定本方案, 制定细则如下: the plan the report is, named by its title (resolved later)."""
    for m in _own_document().finditer(v.text):
        yield Candidate(m.start(), m.end(), SYS, m.group(), "sys.anaphor")
