"""Documents and laws named without 《》: after a verb (出台…行动计划), listed together
(宪法、民法典、监察法、…条例), and fundamental laws written bare (宪法, 民法典)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.data import lexicon
from kg.extraction.places import is_division_name
from kg.extraction.rules.base import (
    CJK,
    LEVEL,
    LIST,
    NUM,
    PUNCT,
    QUOTE_GROUP,
    SYS,
    Candidate,
    DocContext,
    SentenceView,
    after_actor_verb,
    alternation,
    drop_lead_verb,
    ending,
    kind_of_system,
    left_edge,
    only_generic,
    rule,
    specific,
    strip_marks,
    trim,
    year_led,
)

# ---------------------------------------------------------------- documents after a verb


_SPAN_CHARS = re.compile(
    rf"(?:[{CJK}0-9A-Za-z+·•\-—]|“[^“”，。；,;]{{1,20}}”|[(（][^()（），。,]{{1,16}}[)）])+"
)


@cache
def _doc_head_re() -> re.Pattern[str]:
    """A document, list or system head that names a document without 《》, at the end."""
    heads = sorted(
        {*lexicon.words("doc_heads"), *lexicon.words("list_heads"), *lexicon.words("system_heads")}
        - lexicon.word_set("doc_heads_titled_only"),
        key=lambda w: (-len(w), w),
    )
    return re.compile("(?:" + "|".join(re.escape(h) for h in heads) + ")$")


@rule("doc.after_verb", SYS, LIST)
def after_verb(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """制定《》-less documents: 出台加强产权司法保护2023年行动计划 → …行动计划.

    The words after the verb up to punctuation are split at 和/及/等; each part
    that ends with a document head is a document.
    """
    for t in alternation("doc_triggers").finditer(v.text):
        m = _SPAN_CHARS.match(v.text, t.end())
        if not m or len(m.group()) > 60:
            continue
        nxt = v.text[m.end() : m.end() + 1]
        if nxt and nxt not in PUNCT:
            continue
        pos = t.end()
        parts = re.split(r"(和|及|等)", m.group())
        for k, part in enumerate(parts):
            p_start, pos = pos, pos + len(part)
            if part in {"和", "及", "等"} or not part:
                continue
            if k + 2 < len(parts) and parts[k + 1] in {"和", "及"} and _one_name(part, parts[k + 2]):
                # 纠错案件和败诉案件过错责任追究机制: one name across 和
                yield from _doc_part(v, p_start, pos + 1 + len(parts[k + 2]))
                break
            yield from _doc_part(v, p_start, pos)


def _one_name(left: str, right: str) -> bool:
    """X和Y+head is one name when X has no head of its own and Y repeats X's last word.

    行政复议纠错案件和行政诉讼败诉案件过错责任追究机制: the cases of both kinds
    share one mechanism; 法律顾问和合法性审核制度 stays two names.
    """
    head = _doc_head_re().search(right)
    if _doc_head_re().search(left) or not head or len(left) < 4:
        return False
    right, tail = right[: head.start()], left[-2:]
    return tail in right[:-1] and not right.endswith(tail) and bool(re.fullmatch(rf"[{CJK}]+", left))


# Words of quantity that make the documents after them several, none named (各项帮扶措施,
# 一批改革创新举措); 若干措施 is the title of one.
_SEVERAL = re.compile(r"各项|一批|一系列|多项|各类|相关|有关")


def _doc_part(v: SentenceView, start: int, end: int) -> Iterator[Candidate]:
    span = v.text[start:end]
    if alternation("doc_inner_verbs").search(span) or QUOTE_GROUP.match(span) or "”“" in span:
        # quotes sharing a head (联动“A”“B”机制) are split by the system and list heads
        return
    k = span.rfind("的")
    if k >= 0 and "关于" not in span[:k]:
        start += k + 1
        span = span[k + 1 :]
    head = _doc_head_re().search(span)
    if not head or len(span) > 45:
        return
    body = strip_marks(span[: head.start()])
    if len(body) < 2 or body in lexicon.word_set("system_generic") or only_generic(body):
        return
    if head.group() in {"制度", "机制"}:
        trimmed = trim(v.text, start, end)
        body = v.text[trimmed : end - len(head.group())]
        if ending("system_generic_compounds").search(span) or not specific(body) or kind_of_system(body):
            return
    if head.group() in {"举措", "措施"} and len(body) < 4:
        return
    if head.group() in lexicon.word_set("doc_kind_heads") and (kind_of_system(body) or _SEVERAL.search(span)):
        return  # 完善监管规则, 制定实施细则, 落实各项帮扶措施: a kind of document, none named
    if head.group() == "意见" and ending("doc_opinion_holders").search(body):
        return  # 多听市场主体意见: the views of people, not a document
    typ = LIST if head.group() in lexicon.word_set("list_heads") else SYS
    if typ is LIST:
        start = after_actor_verb(v, start, end - len(head.group()), lexicon.words("relation_compiles"))
    start = trim(v.text, start, end)
    name = strip_marks(v.text[start:end])
    if re.match(rf"[{NUM}]+[张个项类种]", name):
        return
    if typ is LIST and (dated := year_led(v.text, start, end)):
        start, name = dated
    yield Candidate(start, end, typ, name, "doc.after_verb")


# ---------------------------------------------------------------- documents listed together


@rule("doc.listed", SYS)
def listed(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """宪法、民法典、监察法、优化营商环境条例: an enumeration of laws or documents."""
    for clause in re.finditer(r"[^，。；：:,;]+", v.text):
        text = clause.group()
        if "、" not in text or not alternation("doc_listed_ends").search(text):
            continue  # no list, or none of its items can end as a document
        # split at 、 (not inside quotes or brackets, not between level words 全国、省、州)
        parts: list[tuple[int, int]] = []
        depth, last = 0, 0
        for i, ch in enumerate(text):
            if ch in "“(（《〈":
                depth += 1
            elif ch in "”)）》〉":
                depth = max(0, depth - 1)
            elif ch == "、" and depth == 0:
                left, right = text[last:i], text[i + 1 : i + 3]
                if (
                    left[-1:] in LEVEL
                    and (len(left) < 2 or left[-2:] in {"全国"} or left[-2:-1] in "、")
                    or (right[:1] in LEVEL and right[1:2] in "、")
                ):
                    continue
                parts.append((last, i))
                last = i + 1
        parts.append((last, len(text)))
        parts = _closed(text, parts)
        if len(parts) < 2:
            continue
        parts = [*parts[:-1], *_last_conjuncts(text, *parts[-1])]
        ends = [
            re.sub(r"(?:等|和|及).*$", "", text[a:b]) if k == len(parts) - 1 else text[a:b]
            for k, (a, b) in enumerate(parts)
        ]
        doc_end = ending("doc_listed_ends")
        if sum(1 for e in ends if doc_end.search(e)) < 2:
            continue  # cheap test first: the walk over jieba words is only needed for real lists
        items: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(parts):
            seg = text[a:b]
            if k == len(parts) - 1:
                cut = re.search(r"等|和|及", seg)
                if cut:
                    b = a + cut.start()
                    seg = text[a:b]
            if k == 0:
                off = clause.start() + b
                s0 = left_edge(v, off, max_len=30)
                s0 = trim(v.text, s0, off)
                a = s0 - clause.start()
                seg = text[a:b]
                a = _after_activity(text, a, b)
                seg = text[a:b]  # 围绕培训行政许可法、…: the law, not the training on it
                law = ending("named_laws").search(seg)  # a fundamental law that ends the item
                if law and law.start() > 0:
                    a += law.start()  # 图文展示宪法、民法典: the law, not what is done with it
                    seg = text[a:b]
            if seg.startswith("《") or not doc_end.search(seg) or alternation("doc_inner_verbs").search(seg):
                continue
            if ending("law_not_ends").search(seg) and not (seg.endswith("办法") and len(seg) >= 4):
                continue
            items.append((clause.start() + a, clause.start() + b))
        if len(items) < 2:
            continue
        for a, b in items:
            name = strip_marks(v.text[a:b])
            if len(name) < 2 or re.search(r"[\d一二三四五六七八九十]+[件部项个]$", name):
                continue
            yield Candidate(a, b, SYS, name, "doc.listed")


#: 等 closing an enumeration (A、B、C等法律法规), not inside a word (平等, 同等, 等级).
_CLOSING_DENG = re.compile(r"(?<![平同对均初高])等(?![级次同])")


_LAST_JOIN = re.compile(r"以及|和|及")


def _last_conjuncts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The last part of a list split where 和/及 joins one more item (A、《B》和C等文件).

    Only a join outside quotes and titles, before any 等, that leaves two items of
    two characters or more; otherwise the part stays whole (the caller cuts it at
    its first 等/和/及 as before).
    """
    seg = text[a:b]
    deng = seg.find("等")
    stop = deng if deng >= 0 else len(seg)
    masked = re.sub(r"“[^”]*”|《[^》]*》|[（(][^)）]*[)）]", lambda m: "_" * len(m.group()), seg[:stop])
    j = _LAST_JOIN.search(masked)
    if j is None or j.start() < 2 or stop - j.end() < 2 or _LAST_JOIN.search(masked, j.end()):
        return [(a, b)]
    item = seg[j.end() : stop]
    head = ending("doc_listed_ends").search(item)
    if head is None or not specific(item[: head.start()]):
        return [(a, b)]  # 和相关配套方案: a kind of document, no name
    return [(a, a + j.start()), (a + j.end(), b)]


def _closed(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts up to the one that 等 closes: A、B、C等法律法规的征求意见、专题调研 lists A, B and C.

    What follows 等 is another enumeration, of other things.
    """
    for k, (a, b) in enumerate(parts[:-1]):
        if _CLOSING_DENG.search(re.sub(r"“[^”]*”|《[^》]*》", "", text[a:b])):
            return parts[: k + 1]
    return parts


# ---------------------------------------------------------------- laws without 《》


_LAW = re.compile(rf"(?:中华人民共和国)?[{CJK}]{{2,14}}?(?:法典|法)(?=[、，。；,;和及等”]|$)")


@cache
def _law_cue() -> re.Pattern[str]:
    return re.compile(rf"{lexicon.alternation('law_cues')}|[、，,]\S{{2,10}}法[、，,]")


def _after_activity(text: str, start: int, end: int) -> int:
    """Past the last activity done on laws (doc_lead_activities.txt: 培训, 宣讲 …) that stands
    as a jieba word of its own in ``text[start:end]`` with a law's name of three characters or
    more after it (重点宣讲行政许可法 → 行政许可法), else ``start``."""
    out = start
    for w in lexicon.words("doc_lead_activities"):
        k = text.find(w, start, end)
        while k >= 0:
            if end - (k + len(w)) >= 3 and drop_lead_verb(text, k, end, (w,), keep=3) == k + len(w):
                out = max(out, k + len(w))
            k = text.find(w, k + 1, end)
    return out


@rule("law", SYS, emits=("law.named", "law.listed"))
def laws(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """宪法、民法典、监察法 in a list of laws (without 《》)."""
    if not _law_cue().search(v.text):
        return
    for m in alternation("named_laws").finditer(v.text):
        if v.text[m.start() - 1 : m.start()] == "《":
            continue
        nxt = v.text[m.end() : m.end() + 2]
        if "宪法" in m.group() and nxt.startswith(tuple(lexicon.words("law_constitution_events"))):
            # 宪法宣传周 is an event; 宪法宣誓 a ceremony
            continue
        yield Candidate(m.start(), m.end(), SYS, m.group(), "law.named")
    for m in _LAW.finditer(v.text):
        w = m.group()
        if "宪法" in w or "民法典" in w:
            continue
        s = left_edge(v, m.end(), max_len=16)
        s = _after_activity(v.text, s, m.end())
        if s >= m.end() - 2:
            continue
        w = v.text[s : m.end()]
        if ending("law_not_ends").search(w) or len(w) < 3:  # 执法, 办法: no law
            continue
        prev = v.text[s - 1 : s]
        nxt = v.text[m.end() : m.end() + 1]
        if prev not in "、，：:," and nxt != "、":
            continue
        yield Candidate(s, m.end(), SYS, w, "law.listed")


# ---------------------------------------------------------------- documents named by number or period


# 中央一号文件, 省委1号文件: a committee's numbered document of the year
_NUMBERED = re.compile(rf"(?:中央|[{LEVEL}]委)(?:[一二三四五六七八九十]|\d{{1,2}})号文件")
# “十四五”规划, “十四五”法治政府建设规划: the plan of a five-year period
_FIVE_YEAR = re.compile(rf"“?十[一二三四五六七八九]五”?(?:[{CJK}]{{0,12}}?)规划")


@rule("doc.named", SYS, emits=("doc.named.numbered", "doc.named.five_year"))
def named_documents(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """中央一号文件 (a numbered document), 市“十四五”规划 (the plan of a five-year period)."""
    if "号文件" in v.text:
        for m in _NUMBERED.finditer(v.text):
            yield Candidate(m.start(), m.end(), SYS, m.group(), "doc.named.numbered")
    if "五" not in v.text:
        return
    for m in _FIVE_YEAR.finditer(v.text):
        if "时期" in m.group() or v.text[m.start() - 1 : m.start()] == "《":
            continue
        # the plan's place (纳入市“十四五”规划, 宁陵县“十四五”规划), not other words before it
        start = trim(v.text, left_edge(v, m.start(), max_len=8), m.end())
        place = v.text[start : m.start()]
        if not (place in LEVEL or place in ctx.place_names or is_division_name(place)):
            start = m.start()
        yield Candidate(start, m.end(), SYS, strip_marks(v.text[start : m.end()]), "doc.named.five_year")
