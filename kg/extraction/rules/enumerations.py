"""Enumerations that share one head: A、B和C等制度 → A制度, B制度, C制度."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.data import lexicon
from kg.errors import LexiconError
from kg.extraction.rules.base import (
    BRAND,
    CJK,
    CONJ,
    LIST,
    NUM,
    PUNCT,
    SYS,
    Candidate,
    DocContext,
    SentenceView,
    left_edge,
    rule,
    specific,
    strip_marks,
    trim,
)
from kg.model import EntityType


@cache
def _heads() -> dict[str, EntityType]:
    """The heads an enumeration's items share and the type each gives (enum_heads.jsonl), in file order."""
    try:
        return {r["id"]: EntityType(r["type"]) for r in lexicon.records("enum_heads")}
    except (KeyError, ValueError) as e:
        raise LexiconError(
            f"kg/data/enum_heads.jsonl: a type of 制度, 清单 or 品牌 for each head ({e})"
        ) from None


@cache
def _trailer() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, _heads()))
    return re.compile(
        rf"(等)?“?((?:[{NUM}]+[个项种类张条])?)([“]?)((?:[{CJK}A-Za-z]{{0,6}}?))"
        rf"({heads})(”?)(?=[，。；,;、和及为的等]|$)"
    )


# Words after 等 that make the items fields of the head, not its names (等方面, 等领域).
_FIELDS = re.compile(r"方面|领域")


@rule("enum", SYS, LIST, BRAND, emits=("enum.brand", "enum.shared_head"))
def enumerations(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """A、B和C等制度 → A制度, B制度, C制度 (each item is a mention of its own)."""
    for sep in re.finditer(rf"等|(?<!等)(?=“?[{NUM}]+[个项种类张条])", v.text):
        m = _trailer().match(v.text, sep.start())
        if not m or not (m.group(1) or m.group(2)):
            continue
        if (m.group(3) or v.text[sep.start() : sep.start() + 2].lstrip("等").startswith("“")) and not m.group(
            6
        ):
            continue
        head = m.group(5)
        if head == "办法" and not (m.group(2) or m.group(4)):
            continue  # 采取联合办公、容缺受理等办法: 等办法 says "such ways", no rules named
        if _FIELDS.match(m.group(4)):
            continue  # 审议主业培育、资金支持等方面重要制度: the items are fields the rules are about
        typ = _heads()[head]
        items = _items_before(v, sep.start())
        if len(items) < 2:
            continue
        prepositions = lexicon.characters("enum_prepositions")
        for s, e in items:
            if v.text[s] in prepositions:
                continue  # 与高校合作培养人才: an action, not a name
            if v.text[s - 1 : s] != "、":
                s = trim(v.text, s, e, keep=2)
            item = v.text[s:e]
            bare = strip_marks(item)
            quoted = item.startswith("“") and item.endswith("”")
            if typ is BRAND:
                if not quoted and not (
                    m.group(2) and re.fullmatch(rf"[{CJK}]{{2,5}}|[A-Za-z]{{2,10}}", bare)
                ):
                    continue
                if bare in lexicon.word_set("national_reforms") or "、" in bare:
                    continue
                if quoted:
                    s, e = s + 1, e - 1
                yield Candidate(s, e, typ, bare, "enum.brand")
                continue
            if bare.endswith(head) or (typ is LIST and bare.endswith(_list_heads())):
                continue
            if not specific(bare):
                continue
            hd = "清单" if head == "目录" and "清单" in m.group(4) else head
            name = bare + (
                "事项" + hd if typ is LIST and not bare.endswith("事项") and "事项" in m.group(4) else hd
            )
            yield Candidate(s, e, typ, name, "enum.shared_head")


@cache
def _list_heads() -> tuple[str, ...]:
    return tuple(h for h, t in _heads().items() if t is LIST)


def _item_start(text: str, s: int, max_extra: int = 4) -> int:
    """Widen an item to the 、 before it: 督促化解 in 风险告知、督促化解等 is a whole item.

    The leftward walk stops at verbs such as 督促, but between two 、 of one
    enumeration a short verb belongs to the item. Conjunctions, counts and
    punctuation still end it.
    """
    if text[s - 1 : s] in CONJ:
        # 、与高校合作…: an item that opens with a preposition is kept whole (and later dropped)
        return s - 1 if text[s - 2 : s - 1] == "、" else s
    k = s - 1
    while k >= 0 and s - k <= max_extra + 1:
        ch = text[k]
        if ch == "、":
            return k + 1 if k + 1 < s else s
        if ch in PUNCT or ch in CONJ or ch in "“”（）()" or re.match(rf"[{NUM}]", ch):
            return s
        k -= 1
    return s


def _over_final_verb(v: SentenceView, pos: int) -> int:
    """Start of an item that ends in a verb-like word (数字素养能力提升 in …提升等机制).

    Before 等+head the last word names what the mechanism does, so it belongs
    to the item; the walk goes on from the word before it. Items shorter
    than four characters stay unnamed.
    """
    tok = v.token_before(pos)
    if tok is None or not re.fullmatch(rf"[{CJK}]{{2,4}}", tok[0]):
        return pos
    s = left_edge(v, tok[1], max_len=36)
    return s if s < tok[1] and pos - s >= 4 else pos


def _items_before(v: SentenceView, pos: int) -> list[tuple[int, int]]:
    """The items of the enumeration that ends at ``pos``, separated by 、.

    The last item may itself be ``A和B`` (公示、记录和审核等制度); 和 inside an
    earlier item belongs to that item.
    """
    items: list[tuple[int, int]] = []
    cur = pos
    for n in range(12):
        s = left_edge(v, cur, max_len=40)
        if s >= cur:
            s = _over_final_verb(v, cur)
        if s >= cur:
            break
        # left_edge stops at 和/及; extend over it except in the last item
        while s > 1 and v.text[s - 1] in "和及与" and n > 0:
            s2 = left_edge(v, s - 1, max_len=40)
            if s2 >= s - 1:
                break
            s = s2
        s = _item_start(v.text, s)
        items.append((s, cur))
        if s == 0:
            break
        sep = v.text[s - 1]
        if sep == "、" or (n == 0 and sep in "和及"):
            cur = s - 1
            continue
        if v.text[s - 1] == "”" and v.text[s : s + 1] == "“":
            cur = s
            continue
        break
    return items[::-1]
