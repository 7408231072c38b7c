"""Quoted names typed by their context: “盐和”调解品牌 (brand), “三项制度” (system),
“负面清单” (list), 推进“一网通办” (a national reform carried out); slogans and
honours give nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from kg.data import lexicon
from kg.extraction.places import find_divisions
from kg.extraction.rules.base import (
    BRAND,
    CJK,
    LIST,
    NUM,
    PLURAL,
    SYS,
    Candidate,
    DocContext,
    SentenceView,
    alternation,
    by_length,
    ending,
    left_edge,
    rule,
    strip_marks,
    trim,
)
from kg.model import Predicate
from kg.text.tokenize import word_tag

_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,24})[”\"]")


class _Context(NamedTuple):
    """The patterns of the words around a quoted name, built from their word lists."""

    honour_end: re.Pattern[str]
    honour_before: re.Pattern[str]
    campaign_after: re.Pattern[str]
    implement_before: re.Pattern[str]
    reform_verb: re.Pattern[str]
    reform_tail: re.Pattern[str]
    reform_soft_tail: re.Pattern[str]
    not_brand_after: re.Pattern[str]
    service_head: re.Pattern[str]
    programme_head: re.Pattern[str]
    build_before: re.Pattern[str]
    bare_list: re.Pattern[str]
    oppose_before: re.Pattern[str]
    brand_modifier: re.Pattern[str]


@cache
def _context() -> _Context:
    alt = lexicon.alternation
    return _Context(
        honour_end=ending("quote_honour_ends"),
        honour_before=re.compile(f"(?:{alt('quote_honour_verbs')})[^，。；,;]{{0,20}}$"),
        campaign_after=re.compile(alt("quote_campaign_after")),
        implement_before=ending("quote_implement_verbs"),
        # a verb of carrying out a national reform, with at most a short field word between
        # it and the quoted name (推进政务服务“一网通办”, 落实行政审批“两集中、两到位”)
        reform_verb=re.compile(f"(?:{alt('quote_reform_verbs')})[{CJK}]{{0,4}}$"),
        # what follows a group of quoted reform names (“A”“B”等重点改革工作, “C”试点)
        reform_tail=re.compile(f"^等?(?:重点|各项)?(?:{alt('quote_reform_tails')})"),
        reform_soft_tail=re.compile(f"^等?(?:重点|各项)?(?:{alt('quote_reform_soft_tails')})"),
        not_brand_after=re.compile(alt("quote_not_brand_after")),
        service_head=ending("brand_service_heads"),
        programme_head=ending("brand_programme_heads"),
        build_before=re.compile(f"(?:{alt('brand_build_verbs')})[^，。；,;“”]{{0,6}}$"),
        # a list head alone or counted (“清单”, “三张清单”): no name (fullmatch)
        bare_list=re.compile(f"[{NUM}]*[张个项]?(?:{alt('list_heads')})"),
        # a verb of fighting or avoiding in the clause before the quote: 反对“台独”, 杜绝“一刀切”
        oppose_before=re.compile(f"(?:{alt('quote_oppose_verbs')})[^，。；,;“”]{{0,10}}$"),
        # a short modifier and a brand word after a quoted name (“护蕾行动”主题教育): no 的
        # between them (“…”的行动力), and the brand word is a word of its own (行动力, 平台化)
        brand_modifier=re.compile(
            f"(?:(?![的之])[{CJK}A-Za-z·+]){{0,10}}?(?:{alt('brand_after')})(?![力化性师])"
        ),
    )


# The shape of a reform name: counted parts (一规划两纲要, 两集中、两到位) or …通办.
_REFORM_SHAPE = re.compile(r"[一二两三四五六七八九十百千万]|通办$")
# A count of systems inside a quote: “三项核心制度”, “两个机制”.
_COUNTED_SYSTEMS = re.compile(rf"[一二两三四五六七八九十\d]+[项个类种条大][{CJK}]{{0,4}}(?:制度|机制|体系)$")
# A count and one character (“三农”, “六稳”): a field of policy named by its count, no reform.
_COUNT_AND_FIELD = re.compile(rf"[一二两三四五六七八九十双]+[{CJK}]")
# A count of things (一张图, 四个意识) is a slogan or a target, not a reform.
_COUNTED_THING = re.compile(r"^[一二两三四五六七八九十]+[张个]")
_PUFA = re.compile(r"[“\"]([六七八九十]五)[”\"]普法")


# Between two groups of quoted reforms: a reform word and a conjunction (“A”改革和“B”)
_JOINED_REFORM = re.compile(r"(?:改革|试点)?[和及与、]")


def _reform_groups(
    v: SentenceView, groups: list[list[re.Match[str]]], brand_ctx: dict[int, bool], p: _Context
) -> dict[int, bool]:
    """Quoted names carried out as national reforms: start → True when every member counts.

    A group of quotes is a reform group when an implementing verb governs it
    (推进“一网通办”“跨省通办”) or 改革/试点 follows it (“A”“B”等重点改革工作).
    With 改革/试点 after the group every member is a reform; with only a verb
    before, a member must look like one (counted parts, …通办, a listed name).
    """
    out: dict[int, bool] = {}
    prev_end, prev_clause = -1, ""  # the end of the last reform group, the clause before it
    for g in groups:
        if any(q.start() in brand_ctx for q in g):
            continue
        clause = re.split(r"[，。；：,;:]", v.text[: g[0].start()])[-1]
        if prev_end >= 0 and _JOINED_REFORM.fullmatch(v.text, prev_end, g[0].start()):
            # 推进“放管服”改革和“互联网+政务服务”: the verb of the group before governs this one
            clause = prev_clause
        tail = v.text[g[-1].end() : g[-1].end() + 8]
        strong = bool(p.reform_tail.match(tail))
        if tail.startswith("等") and not strong and not p.reform_soft_tail.match(tail):
            continue  # “A”“B”等办好…事项清单: examples of the items of something else
        if strong or p.reform_verb.search(clause) or p.reform_soft_tail.match(tail):
            for q in g:
                out[q.start()] = strong
            prev_end, prev_clause = g[-1].end(), clause
    return out


@cache
def _field_head() -> re.Pattern[str]:
    """A field of work and a system head after a quote (quote_system_fields.txt + 制度/机制/体系/工作法)."""
    return re.compile(rf"(?:{alternation('quote_system_fields').pattern})(?:制度|机制|体系|工作法)(?![化建])")


def _reform_name(bare: str, strong: bool) -> bool:
    """A quoted name that can be a national reform (not a slogan such as “一把手”)."""
    if (
        bare in lexicon.word_set("slogans")
        or _COUNTED_THING.match(bare)
        or _COUNT_AND_FIELD.fullmatch(bare)
        or len(bare) > 16
        or bare.endswith("式")
    ):
        return False
    return strong or bare in lexicon.word_set("national_reforms") or bool(_REFORM_SHAPE.search(bare))


@rule(
    "quote",
    SYS,
    LIST,
    BRAND,
    emits=("quote.reform", "quote.list", "quote.system", "quote.system.implemented", "quote.brand"),
)
def quoted(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """“盐和”调解品牌 (brand), “三项制度” (system), “负面清单” (list), slogans (nothing)."""
    after_alt = alternation("brand_after").pattern
    sys_after = by_length("system_after")
    reforms = lexicon.word_set("national_reforms")
    p = _context()
    quotes = list(_QUOTE.finditer(v.text))
    # quotes in one enumeration (“A”“B”、“C”专项行动、“D”) share brand context
    groups: list[list[re.Match[str]]] = []
    for q in quotes:
        gap = v.text[groups[-1][-1].end() : q.start()] if groups else None
        if gap is not None and re.fullmatch(rf"(?:{after_alt})?[、和及与]?", gap):
            groups[-1].append(q)
        else:
            groups.append([q])
    # start of a quote in a brand context → whether that context is a campaign word
    # (“法律进社区”“法律进乡村”等普法活动: campaigns, though 社区 and 村 end honours)
    brand_ctx: dict[int, bool] = {}
    # starts of quotes called a brand by the word right after them (“A、B”调解品牌): such a
    # name may hold 、 like a slogan and still be the brand's name
    called_brand: set[int] = set()
    for g in groups:
        hit = campaign = False
        for q in g:
            after = v.text[q.end() : q.end() + 12]
            after = re.sub(r"^等(?:[多几\d一二三四五六七八九十]+[个项种类])?", "", after)
            counted = _GROUP_COUNT.match(after)
            head = p.brand_modifier.match(after, counted.end()) if counted else None
            if head and head.group().endswith("品牌"):
                # “A”“B”两个调解品牌: the count of the group, and the brand head after it
                after = after[counted.end() :]
            mod = p.brand_modifier.match(after)
            if mod and not re.match(r"[一二三四五六七八九十两\d]+[个项张种类条批]", after):
                hit = True
                campaign = campaign or bool(p.campaign_after.search(mod.group()))
                if mod.group().endswith("品牌") and len(g) == 1:
                    called_brand.add(q.start())
        if hit:
            brand_ctx.update((q.start(), campaign) for q in g)
    reform_ctx = _reform_groups(v, groups, brand_ctx, p)
    # start of a quote → start of its enumeration's first quote, end of its last
    span_of = {q.start(): (g[0].start(), g[-1].end()) for g in groups for q in g}
    for m in _PUFA.finditer(v.text):
        # “八五”普法: the national five-year programme of legal education
        yield Candidate(m.start(), m.end(), SYS, m.group(1) + "普法", "quote.reform")
    for q in quotes:
        inner = q.group(1).strip()
        bare = strip_marks(inner)
        if len(bare) < 2:
            continue
        after = v.text[q.end() : q.end() + 12]
        before = v.text[max(0, q.start() - 6) : q.start()]
        verb = _leading_cue(bare)
        if verb and bare.endswith((*lexicon.words("list_heads"), *lexicon.words("system_heads"))):
            # “建立行政执法人员持证上岗制度”: a quoted task (a proposal's, a plan's words); the
            # system or list is what the verb acts on, and the head rules find it
            continue
        if inner.endswith(tuple(lexicon.words("list_heads"))):
            if PLURAL.search(before) or p.bare_list.fullmatch(bare) or before.endswith("简称"):
                continue
            yield Candidate(q.start(), q.end(), LIST, bare, "quote.list")
            continue
        head = next((h for h in sys_after if after.startswith(h)), None)
        if head is None and (field := _field_head().match(after)):
            head = field.group()  # “A、B、C”工作机制, “互联网+监管”执法体系
        if head == "制度" and after.startswith("制度机制"):
            continue
        if re.fullmatch(rf"[{NUM}]+项制度", bare):
            yield Candidate(q.start(), q.end(), SYS, bare, "quote.system")
            continue
        if inner.endswith("经验") or (inner.endswith("工作法") and len(bare) > 3):
            # “枫桥经验”, “老马工作法”: a local way of working, institutionalised
            yield Candidate(q.start(), q.end(), SYS, bare, "quote.system")
            continue
        if _SINGLE_ITEMS.match(bare):
            continue  # “人、财、物和机制”: single-character items, a phrase and no name
        if _COUNTED_SYSTEMS.match(bare):
            continue  # “三项核心制度”: a count of systems (“三项制度” was taken above)
        if inner.endswith(tuple(lexicon.words("system_heads"))) or head:
            end = q.end() + len(head or "")
            start = q.start()
            if head in lexicon.word_set("system_after_extend") or not head:
                start = left_edge(v, q.start(), max_len=12)
                start = trim(v.text, start, end)
                if "”" in v.text[start : q.start()]:
                    start = q.start()  # “A”“B”机制: each quote has the head (system.head splits them)
            name = strip_marks(v.text[start:end])
            if head in lexicon.word_set("system_after_quote_only"):
                name = bare
            yield Candidate(start, end, SYS, name, "quote.system")
            continue
        if q.start() in reform_ctx and _reform_name(bare, reform_ctx[q.start()]):
            yield Candidate(q.start(), q.end(), SYS, bare, "quote.reform")
            continue
        if bare in reforms or bare.startswith(("八五", "七五", "六五")):
            continue
        clause = re.split(r"[，。；,;]", v.text[: q.start()])[-1]
        if p.implement_before.search(clause) and re.search(r"一.+一", bare) and "、" not in bare:
            yield Candidate(q.start(), q.end(), SYS, bare, "quote.system.implemented")
            continue
        is_brand = q.start() in brand_ctx or bool(re.search(rf"[{CJK}]{{2}}[·•・][{CJK}]", bare))
        if not is_brand:
            # a brand verb before the enumeration's first quote governs every member
            # (推出“A”“B”和“C”); what follows its last quote may undo it (打造“A”“B”目标)
            first, last = span_of[q.start()]
            pre = re.search(
                r"(?:" + alternation("brand_before").pattern + r")$", v.text[max(0, first - 6) : first]
            )
            is_brand = bool(pre) and not p.not_brand_after.search(v.text[last : last + 4])
        own_head = _brand_by_own_head(bare)
        if not is_brand:
            is_brand = own_head or _built_programme(clause, after) or _place_brand(v.text, q)
        if (
            not is_brand
            or ("、" in bare and q.start() not in called_brand)
            or p.honour_before.search(clause)
            or p.oppose_before.search(clause)
            or _counted_things(bare)
            or bare.endswith("式")
            or _DATE.fullmatch(bare)
            or _NATIONAL.match(bare)
            or _kind_before().search(before)
        ):
            # “一站式”服务平台, “枫桥式”司法所: a manner or an honour's style, no coined name;
            # “12·4”宣传周: a date; “全国…”, “中国…”: national, no locality coined it;
            # 一批“…”项目: a kind of project
            continue
        if _honour(bare) and not (p.campaign_after.match(after) or brand_ctx.get(q.start())):
            # “民主法治示范村” is an honour; “律师进村”专项行动 a campaign
            continue
        if bare.startswith(lexicon.words("quote_honour_openers")):
            continue  # “最佳实践”项目, “十佳…”: a grade given, not a coined name
        if ending("brand_role_ends").search(bare):
            # “法律明白人” is a role; “法律明白人”培养工程 a programme
            prog = _ROLE_PROGRAMME().match(after)
            if prog:
                end = q.end() + prog.end()
                yield Candidate(q.start(), end, BRAND, bare + prog.group(), "quote.brand")
            continue
        if own_head:
            # “鲜花警务室”: the quoted room is the brand, not an institution named by its head
            yield Candidate(q.start(), q.end(), BRAND, bare, "quote.brand")
            continue
        yield Candidate(q.start() + 1, q.end() - 1, BRAND, bare, "quote.brand")


@cache
def _cue_verbs() -> tuple[str, ...]:
    """The verbs that make, carry out or draw up a rule or a list (their predicates' cue lists)."""
    words = {
        w
        for p in (Predicate.FORMULATES, Predicate.IMPLEMENTS, Predicate.COMPILES)
        for w in lexicon.words(p.cues)
        if len(w) == 2
    }
    return tuple(sorted(words))


def _leading_cue(bare: str) -> str:
    """The cue verb a quoted phrase opens with (建立…制度, 推行…清单), when a name follows it."""
    verb = next((w for w in _cue_verbs() if bare.startswith(w)), "")
    return verb if len(bare) - len(verb) >= 4 else ""


# The count of a group of quoted names (两个, 3项) before what they are.
_GROUP_COUNT = re.compile(r"[一二两三四五六七八九十\d]+[个项种类]")


# A name with a national scope (“全国一张网”, “中国制造”, “投资中国”, “美丽中国”): no
# locality coined it.
_NATIONAL = re.compile(r"中国|全国|国家|中央|.*中国$")


# A count or a batch before the quote (一批“…”项目, 多个“…”): a kind of thing, not one name.
@cache
def _kind_before() -> re.Pattern[str]:
    """A count or a batch before the quote (kind_counters.txt, or a count and a classifier)."""
    return re.compile(
        rf"(?:{lexicon.alternation('kind_counters')}|[二三四五六七八九十两几多2-9][个项批类种])$"
    )


# A month and a day: “12·4”, “3.15”
_DATE = re.compile(r"\d{1,2}[·•・.]\d{1,2}")

# 人、财、物…: single characters enumerated (a phrase of the report, not a name)
_SINGLE_ITEMS = re.compile(rf"[{CJK}](?:[、和][{CJK}])+(?:[、和]|$)")

# A count and what it counts: 三大主题, 两个中心 (a classifier), 五城, 五减 (one character).
_COUNTED = re.compile(rf"[一二两三四五六七八九十]+(?:([大个项张条类种])[{CJK}]{{1,2}}|([{CJK}]))")


# A count with a classifier before a last word: 碳达峰十大行动, 法治惠民六项工程.
_COUNTED_HEAD = re.compile(rf"[一二两三四五六七八九十]+[大项个类种][{CJK}]{{1,2}}$")


def _honour(bare: str) -> bool:
    """“民主法治示范村”, “文明单位”: a name ending like an honour title (quote_honour_ends.txt).

    市 and 村 end an honour only as a unit (示范市, 示范村): where the last two
    characters are a word of the dictionary other than a place (超市, 夜市, 进村),
    they are a market or an action, and the name is no honour.
    """
    m = _context().honour_end.search(bare)
    if not m:
        return False
    if m.group() in _MARKET_OR_VILLAGE:
        tag = word_tag(bare[-2:])
        return tag is None or tag.startswith("ns")
    return True


# the one-character honour ends that also end common words (超市, 集市, 进村)
_MARKET_OR_VILLAGE = frozenset("市村")


def _counted_things(bare: str) -> bool:
    """“五城”, “三大主题”: a count of things is a goal or a slogan, not a coined name.

    A count of actions (“五减”, “八进”: the counted character is a verb in
    jieba's dictionary) names a campaign; “三晋通” is no count of one character.
    """
    if _COUNTED_HEAD.search(bare):
        return True
    m = _COUNTED.fullmatch(bare)
    if not m:
        return False
    return bool(m.group(1)) or not (word_tag(m.group(2)) or "").startswith("v")


@cache
def _ROLE_PROGRAMME() -> re.Pattern[str]:  # noqa: N802 - a cached pattern, named like a constant
    """A short verb and a programme word after a quoted role (“法律明白人”培养工程)."""
    return re.compile(rf"[{CJK}]{{0,4}}?(?:{lexicon.alternation('quote_campaign_after')})")


def _brand_by_own_head(bare: str) -> bool:
    """“企业投资绿色通道”, “鲜花警务室”, “领雁工程”: a quoted coined name of a service or programme."""
    p = _context()
    m = p.service_head.search(bare)
    if m:
        return len(bare) - len(m.group()) >= 2
    # “领雁工程”; “民心工程”, “系统工程”: one common word before the head is an idiom
    m = p.programme_head.search(bare)
    return bool(m) and m.start() >= 2 and word_tag(bare[: m.start()]) is None


# “法治四川行”, “法治阳城”, “阳城司法”: 法治 and a place (a tour of it: 行), or a place and its
# 法治/司法; group 1 the place
_PLACE_BRAND = re.compile(rf"法治([{CJK}]{{2,8}}?)行?|([{CJK}]{{2,8}}?)(?:法治|司法)")


def _place_brand(text: str, q: re.Match[str]) -> bool:
    """“法治四川行”, “阳城司法”: a quoted name made of 法治 or 司法 and a place is a local brand.

    The place must be a whole name of the gazetteer (full or short) filling
    the rest of the quote: “法治政府”, “司法公正” name no place.
    """
    inner = q.group(1).strip()
    m = _PLACE_BRAND.fullmatch(inner)
    if not m:
        return False
    place = m.group(1) or m.group(2)
    at = q.start(1) + inner.index(place)
    # the text after the place (行, the closing quote) ends a short name there
    hits = find_divisions(text[at : at + len(place) + 1])
    return any(s == 0 and e == len(place) for s, e, _ in hits)


def _built_programme(clause: str, after: str) -> bool:
    """推进“诚信政府”建设, 完成…“全国一张网”建设: a quoted programme that is being built."""
    return after.startswith("建设") and bool(_context().build_before.search(clause))
