"""What 我局, 本局 and 该局 stand for: the report's author, or the institution named just before.

A report speaks of its author as 我局/本局/我厅 (the bureau that writes it) and of
an institution it has just named as 该局/该所. Such a mention takes the name of
what it refers to, so it joins that entity; it keeps its own text (我局) as the
surface. One that refers to nothing the report names (我局 in a report whose
author is a government, 该所 with no 所 before it) is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import EntityType, Mention, ReportInfo

RULE = "org.anaphor"


def resolve_anaphora(mentions: list[Mention], info: ReportInfo) -> list[Mention]:
    """``mentions`` with each 我局/该局 renamed after its referent, or removed."""
    out: list[Mention] = []
    last: list[Mention] = []  # named institutions so far, in text order
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.rule != RULE:
            if m.type is EntityType.INSTITUTION:
                last.append(m)
            out.append(m)
            continue
        head = m.text[1:]
        if m.text[0] in "我本":
            name = info.author if info.author.endswith(head) else ""
        else:
            name = next((x.name for x in reversed(last) if x.name.endswith(head)), "")
        if name:
            out.append(replace(m, name=name))
    return out
