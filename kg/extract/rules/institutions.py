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
    left_edge,
    rule,
    strip_marks,
    trim,
)
from kg.model import Region
from kg.places import is_division_name

# ---------------------------------------------------------------- central organs


@cache
def _national_re() -> re.Pattern[str]:
    words = sorted(lexicon.words("org_national"), key=lambda w: (-len(w), w))
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")(?![门署分长])")


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


def _local_re(ctx: DocContext) -> re.Pattern[str]:
    return _local_re_cached(ctx.place_names, _town_names(ctx.info.place))


def _town_names(place: Region | None) -> tuple[str, ...]:
    return tuple(r.name for r in place.chain() if r.level == "township") if place else ()


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


_ORGAN_AFTER_BAD = re.compile(r"^(?:员|托|派|屈|婉|办[理事好]|部门|书记|委员(?!会)|常委(?!会)|代表|主任)")


@rule("org.local", INST)
def local(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """县委, 县人大常委会, 中共开阳县委, 市政府办公室, 政协海盐县委员会, 镇党委."""
    for m in _local_re(ctx).finditer(v.text):
        p = m.group("place") or m.group("p2") or ""
        start = m.start()
        if len(p) <= 2 and p in LEVEL + "街道" and not m.group().startswith("中共"):
            prev = v.text[start - 1 : start]
            if (
                prev
                and re.match(rf"[{CJK}]", prev)
                and not v.is_token_start(start)
                and prev not in "在和与及向对由将把为是的了并同等"
            ):
                continue
            if prev in {"全", "各", "本", "乡", "省", "市", "县"} and prev + p not in {"省市", "市县"}:
                continue
        if _ORGAN_AFTER_BAD.match(v.text[m.end() : m.end() + 3]):
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
def _org_head_re() -> re.Pattern[str]:
    heads = sorted(lexicon.words("org_heads"), key=lambda w: (-len(w), w))
    return re.compile("(?:" + "|".join(re.escape(h) for h in heads) + ")")


_HEAD_AFTER_BAD = {
    "局": re.compile(r"^[面势限长]"),
    "部": re.compile(r"^[门署分位队长件委]"),
    "厅": re.compile(r"^(?:长|领导|级)"),
    "执法队": re.compile(r"^伍"),
    "大队": re.compile(r"^伍"),
    "服务团": re.compile(r"^队"),
    "顾问团": re.compile(r"^队"),
    "宣讲团": re.compile(r"^队"),
    "中队": re.compile(r"^伍"),
    "支队": re.compile(r"^伍"),
    "商会": re.compile(r"^[审议]"),
    "室": re.compile(r"^[内外]"),
    "委": re.compile(r"^[员托派屈婉]"),
    "中心": re.compile(r"^(?:工作|任务|城区|环节|内容|位置|主任|思想)"),
    "科": re.compile(r"^[学技普研室长]"),
    "基地": re.compile(r"^$"),
    "公司": re.compile(r"^$"),
}
_HEAD_BEFORE_BAD: dict[str, tuple[str, ...]] = {
    "局": tuple("格 大 全 布 结 开 时 政 当 残 骗 棋".split()),
    "部": tuple("全 内 外 干 局 细 东 西 南 北 中 底 头 腹 俱乐 基层 支".split()),
    "厅": tuple("大 展 客 餐 门 前".split()),
    "委": tuple("常 纪 党 村 居 监 编".split()),
    "中心": tuple("重 点 镇中 市中".split()),
    "科": tuple("学 专 本 文 理 工 医 外 内".split()),
    "集团": tuple("犯罪 利益".split()),
    "室": tuple("科 处 教 会议 阅览 活动 调解 档案 实验 工作 办公 值班 接待 病 卧".split()),
}


@rule("org.head", INST)
def by_head(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """法治政府建设工作领导小组, 民商事案件调解中心, 县司法局: modifier words + head."""
    for h in _org_head_re().finditer(v.text):
        head = h.group()
        bad_after = _HEAD_AFTER_BAD.get(head)
        rest = v.text[h.end() : h.end() + 4]
        if bad_after and bad_after.pattern != "^$" and bad_after.match(rest):
            continue
        before = v.text[: h.start()]
        if before.endswith(_HEAD_BEFORE_BAD.get(head, ())):
            continue
        if head == "委" and not before.endswith(
            ("政法", "宣传", "组织", "发展改革", "卫生健康", "教育", "外事", "网信", "农业")
        ):
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
