"""Institutions: central organs (国务院), a place's organs (县委, 政协X委员会), the
report's own organs written bare (常委会, 政府办), and names ending in an
institution head (…领导小组, …调解中心, 县司法局)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from kg import lexicon
from kg.extract.rules.base import (
    CJK,
    INST,
    LEVEL,
    Candidate,
    DocContext,
    SentenceView,
    alternation,
    left_edge,
    rule,
    strip_marks,
    trim,
)
from kg.places import is_division_name

# ---------------------------------------------------------------- central organs


@cache
def _national_re() -> re.Pattern[str]:
    return re.compile(f"(?:{lexicon.alternation('org_national')})(?![门署分长])")


@cache
def _national_by_last() -> dict[str, tuple[str, ...]]:
    """Central organ names by their last character, in file order (a cheap suffix test)."""
    out: dict[str, list[str]] = {}
    for w in lexicon.words("org_national"):
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


@rule("org.national", INST)
def national(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """党中央, 国务院, 司法部: central organs, named without a place."""
    for m in _national_re().finditer(v.text):
        yield Candidate(m.start(), m.end(), INST, m.group(), "org.national")


# ---------------------------------------------------------------- a place's organs


@lru_cache(maxsize=64)  # one pattern per place: bounded, so a corpus of many places does not grow memory
def _local_re_cached(places: tuple[str, ...], towns: tuple[str, ...]) -> re.Pattern[str]:
    names = sorted({*places, *towns}, key=lambda n: (-len(n), n))
    organs = sorted(lexicon.words("org_local"), key=lambda w: (-len(w), w))
    place = "|".join(re.escape(n) for n in names)
    level = "[省市县区州镇乡]|街道"
    organ = "|".join(re.escape(o) for o in organs)
    pat = rf"(?:中共)?(?P<place>{place + '|' if place else ''}{level})(?P<organ>{organ})"
    pat += rf"|政协(?P<p2>{place + '|' if place else ''}{level})委员会"
    return re.compile(pat)


@cache
def _organ_after_bad() -> re.Pattern[str]:
    """What makes a place's organ part of a longer word (org_after_bad.txt); 委员会 and 常委会 do not."""
    return re.compile(f"^(?:{lexicon.alternation('org_after_bad')}|委员(?!会)|常委(?!会))")


@rule("org.local", INST)
def local(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """县委, 县人大常委会, 中共开阳县委, 市政府办公室, 政协海盐县委员会, 镇党委."""
    for m in _local_re_cached(ctx.place_names, ctx.town_names).finditer(v.text):
        p = m.group("place") or m.group("p2") or ""
        start = m.start()
        if len(p) <= 2 and p in LEVEL + "街道" and not m.group().startswith("中共"):
            prev = v.text[start - 1 : start]
            if (
                prev
                and re.match(rf"[{CJK}]", prev)
                and not v.is_token_start(start)
                and prev not in lexicon.characters("org_level_open_after")
            ):
                continue
            if prev in lexicon.characters("org_level_not_after") and prev + p not in {"省市", "市县"}:
                continue
        if _organ_after_bad().match(v.text[m.end() : m.end() + 3]):
            # 县委书记 is a person, 县委员 a member; 县委 itself is fine before 书记
            if v.text[m.end() : m.end() + 2] in {"书记"} and m.group("organ") in {"委", "党委", "党工委"}:
                pass
            elif m.group("organ") == "委" and v.text[m.end() : m.end() + 1] == "员":
                continue
            else:
                continue
        yield Candidate(start, m.end(), INST, m.group(), "org.local")


_BARE_LOCAL = re.compile(
    r"(?<![\u4e00-\u9fff])(?:常委会|政府办(?:公室)?)(?=[、，。；,;和及]|会议|上|$)|(?<=[、和及在])(?:常委会|政府办)(?![\u4e00-\u9fff]{0,1}[员])"
)


@rule("org.bare_local", INST)
def bare_local(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """常委会, 政府办 written without a place: the report's own organs."""
    for m in _BARE_LOCAL.finditer(v.text):
        yield Candidate(m.start(), m.end(), INST, m.group(), "org.bare_local")


# ---------------------------------------------------------------- names by head


@cache
def _head_context() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Head → (what may not follow it, what may not stand before it), from org_head_context.jsonl."""
    return {
        r["id"]: (tuple(r.get("not_after", ())), tuple(r.get("not_before", ())))
        for r in lexicon.records("org_head_context")
    }


@rule("org.head", INST)
def by_head(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """法治政府建设工作领导小组, 民商事案件调解中心, 县司法局: modifier words + head."""
    for h in alternation("org_heads").finditer(v.text):
        head = h.group()
        not_after, not_before = _head_context().get(head, ((), ()))
        if v.text.startswith(not_after, h.end()):
            continue
        before = v.text[: h.start()]
        if before.endswith(not_before):
            continue
        if head == "委" and not before.endswith(tuple(lexicon.words("org_committee_fields"))):
            continue
        start = left_edge(v, h.start(), max_len=24, ordinals=True, level_stop=True)
        start = trim(v.text, start, h.end(), keep=len(head) + 1)
        name = v.text[start : h.end()]
        body = v.text[start : h.start()]
        if len(strip_marks(body)) < 2 and not (body in "厅局部委院" and head in {"办公室", "党组", "党委"}):
            if not (len(body) == 1 and body in LEVEL and len(head) >= 2):
                continue
        for w in _national_by_last().get(name[-1:], ()):
            if name.endswith(w) and name != w and not is_division_name(name[: -len(w)]):
                # 地被国家信访局: a central organ does not take a modifier
                start, name = h.end() - len(w), w
                break
        if strip_marks(name) in lexicon.word_set("org_generic") or body in lexicon.word_set("system_generic"):
            continue
        if re.search(r"[，。；,;]", name):
            continue
        yield Candidate(start, h.end(), INST, strip_marks(name), "org.head")
