"""Names written inside a title: the title it cites and the bodies that issue it.

A title may cite another (《吉林省贯彻落实〈关于进一步加强市县法治建设的意见〉重要举措
方案》) and open with its issuers (《市委宣传部、市司法局关于开展法治宣传教育的第八个
五年规划》), or name its owner before the year it plans for (《中共X县委全面依法治县委员会
2024年工作要点》). Overlap resolution keeps the whole title, so these inner names would be
lost; they are mentions of their own, nested inside the title's mention (rules
``title.inner`` and ``org.issuer``). This is the one exception to non-overlapping
mentions: a mention may lie inside a title mention, never cross one. Relation
rules read inner mentions only as what the title says of them (the cited
document is the basis, the issuers formulate it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extraction.author import is_institution_name
from kg.extraction.rules.titles import title_type
from kg.model import EntityType, Mention, ReportInfo

TITLE_INNER = "title.inner"
ISSUER = "org.issuer"
RULES = (TITLE_INNER, ISSUER)

_INNER = re.compile(r"[〈<]([^〈〉<>]{2,80})[〉>]")
_ISSUERS = re.compile(r"^《([^《》〈〉<>“”]{2,60}?)\s*关于")
# 《中共X县委全面依法治县委员会2024年工作要点》: a body's name, then the year of its plan.
_DATED_OWNER = re.compile(r"^《([^《》〈〉<>“”、\s\d]{4,40}?)(?=\d{4}年)")
_SPLIT = re.compile(r"[、\s]+")


def is_nested(m: Mention) -> bool:
    """True for a mention that lies inside a title's mention."""
    return m.rule in RULES


def nested_mentions(mentions: Iterable[Mention], info: ReportInfo) -> list[Mention]:
    """The inner titles and issuers of the title mentions among ``mentions``."""
    out: list[Mention] = []
    for m in mentions:
        if not m.text.startswith("《") or m.type not in (EntityType.SYSTEM, EntityType.LIST):
            continue
        for inner in _INNER.finditer(m.text):
            typ = title_type(inner.group(1))
            if typ is not None:
                start = m.start + inner.start()
                out.append(_inner(m, start, start + len(inner.group()), typ, inner.group(1), TITLE_INNER))
        found = _ISSUERS.match(m.text) or _DATED_OWNER.match(m.text)
        if not found:
            continue
        pos = 1
        parts = []
        for p in _SPLIT.split(found.group(1)):
            if not p:
                continue
            k = m.text.index(p, pos)
            parts.append((k, p))
            pos = k + len(p)
        if parts and all(is_institution_name(p, info.place) for _, p in parts):
            for k, p in parts:
                out.append(_inner(m, m.start + k, m.start + k + len(p), EntityType.INSTITUTION, p, ISSUER))
    return out


def _inner(outer: Mention, start: int, end: int, typ: EntityType, name: str, rule: str) -> Mention:
    text = outer.text[start - outer.start : end - outer.start]
    return Mention(outer.doc_id, start, end, outer.sent_index, text, typ, name, rule)
