"""Names by reference: 我局, 本局, 我厅 (the report's author), 该局, 该所 (the last
institution of that kind the text named), 本方案 (the document the text is).

The rule only marks the words; ``kg.extract.anaphora`` decides what they stand
for once every name of the report is known, and drops those it cannot resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.rules.base import INST, SYS, Candidate, DocContext, SentenceView, rule

# 我局/本局 …: the writer's own office; 该局/该所 …: one named just before.
# Not 本部门 (any department), 我局长, 该局面, 本院校: a longer word goes on.
_ANAPHOR = re.compile(r"(?:[我本该](?:分局|局|厅|委|办|院|所|中心))(?![长面内外级属部里员校])")


@rule("org.anaphor", INST)
def anaphors(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """我局坚持…, 该局联合…: a mention whose name is resolved later."""
    for m in _ANAPHOR.finditer(v.text):
        yield Candidate(m.start(), m.end(), INST, m.group(), "org.anaphor")


# 本方案, 本实施方案, 本办法 …: the document the text itself is (or issues).
_OWN_DOCUMENT = re.compile(r"本(?:实施)?(?:方案|规划|意见|办法|细则|规定|措施|要点|计划|纲要)")


@rule("sys.anaphor", SYS)
def own_document(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """制定本方案: the plan the report is, named by its title (resolved later)."""
    for m in _OWN_DOCUMENT.finditer(v.text):
        yield Candidate(m.start(), m.end(), SYS, m.group(), "sys.anaphor")
