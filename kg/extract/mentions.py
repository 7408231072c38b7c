"""Find entity mentions (机构, 制度, 清单, 品牌) in the sentences of a report.

Each rule family is a function ``(sentence, context) → candidates`` tagged
with a rule id; the candidates of all rules are filtered for generic words
and then made non-overlapping by a named policy (``kg.extract.overlaps``).
The rules describe the domain, never particular reports: title marks and
their head words, institution heads and place prefixes, system and list
heads with the words that may not start a name, quoted names with the
context words that make them brands or systems, and enumerations that share
one head (A、B等制度).

Guarantees: every mention's ``text`` is ``doc.text[start:end]``; mentions do
not overlap; the result depends only on the document (deterministic).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import lexicon
from kg.extract.overlaps import resolve_overlaps
from kg.model import Document, EntityType, Mention, Region, ReportInfo, Sentence
from kg.places import find_divisions, gazetteer, is_division_name, short_name
from kg.text.tokenize import tokenize

INST, SYS, LIST, BRAND = EntityType.INSTITUTION, EntityType.SYSTEM, EntityType.LIST, EntityType.BRAND

POLICY = "longest_first"

_CJK = r"\u4e00-\u9fff"
_OPEN_CLOSE = {"“": "”", "‘": "’", "「": "」", "『": "』", "(": ")", "（": "）", "〈": "〉"}
_CLOSE_OPEN = {v: k for k, v in _OPEN_CLOSE.items()}
_PUNCT = set("，。、；：！？,.;:!?…—《》【】[]|/\\\n\r\t ")
_NUM = "0-9０-９一二三四五六七八九十百千两几多N"
_LEVEL = "省市县区州镇乡"


# ---------------------------------------------------------------- lexicons


@cache
def _count_re() -> re.Pattern[str]:
    """A count word (三张, 12项): names never start with one."""
    return re.compile(rf"^[{_NUM}]+[{''.join(lexicon.words('count_words'))}]?$")


@cache
def _alternation(name: str) -> re.Pattern[str]:
    words = sorted(lexicon.words(name), key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words))


@cache
def _by_length(name: str) -> tuple[str, ...]:
    """A word list longest first, for greedy prefix and suffix matching."""
    return tuple(sorted(lexicon.words(name), key=len, reverse=True))


def _set(name: str) -> frozenset[str]:
    return lexicon.word_set(name)


# ---------------------------------------------------------------- sentence view


class _Sent:
    """A sentence with its jieba tokens (offsets relative to the sentence), cut on first use."""

    def __init__(self, s: Sentence) -> None:
        self.sent = s
        self.text = s.text
        self._tokens: list[tuple[str, int, int]] | None = None
        self._starts: list[int] = []
        self._start_set: frozenset[int] = frozenset()

    @classmethod
    def of(cls, s: Sentence) -> _Sent:
        return cls(s)

    @property
    def tokens(self) -> list[tuple[str, int, int]]:
        if self._tokens is None:
            self._tokens = tokenize(self.text, hmm=False)
            self._starts = [st for _, st, _ in self._tokens]
            self._start_set = frozenset(self._starts)
        return self._tokens

    def token_before(self, pos: int) -> tuple[str, int] | None:
        """The token that contains ``pos - 1``, clipped at ``pos``: (word, start)."""
        if pos <= 0 or pos > len(self.text):
            return None
        tokens = self.tokens
        w, st, _ = tokens[bisect_right(self._starts, pos - 1) - 1]
        return w[: pos - st], st

    def is_token_start(self, pos: int) -> bool:
        _ = self.tokens
        return pos in self._start_set or pos == 0


@dataclass(frozen=True)
class _Ctx:
    """Per-document facts the rules use: the report's places."""

    doc: Document
    info: ReportInfo
    place_names: tuple[str, ...]

    @classmethod
    def of(cls, doc: Document, info: ReportInfo) -> _Ctx:
        names: set[str] = set()
        for r in info.place.chain() if info.place else []:
            if r.level != "national":
                names.add(r.name)
                s = short_name(r.name)
                if len(s) >= 2:
                    names.add(s)
        for _, _, code in find_divisions(doc.text, short=False):
            name = gazetteer()[code].name
            if len(name) >= 3:
                names.add(name)
        return cls(doc=doc, info=info, place_names=tuple(sorted(names, key=lambda n: (-len(n), n))))


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int  # relative to the sentence
    end: int
    type: EntityType
    name: str
    rule: str


# ---------------------------------------------------------------- left boundary


_RANK = re.compile(rf"[{_NUM}]+级")
_ORDINAL = re.compile(rf"第[{_NUM}]+[届次批]?")
_NUMBER = re.compile(r"\d+(\.\d+)?[%％]?")


def _left_edge(
    v: _Sent,
    pos: int,
    max_len: int = 30,
    quotes: bool = True,
    ordinals: bool = False,
    level_stop: bool = False,
) -> int:
    """Walk left from ``pos`` over name words; stop at a stop word, punctuation or count.

    Quoted segments and short bracketed segments (“三统一”, (社区)) are taken
    whole. Returns the start of the name.
    """
    stops = _set("name_stops")
    cur = pos
    while cur > 0 and pos - cur < max_len:
        ch = v.text[cur - 1]
        if ch in _CLOSE_OPEN and (quotes or ch in ")）"):
            o = v.text.rfind(_CLOSE_OPEN[ch], max(0, cur - 20), cur - 1)
            if o < 0 or any(c in "，。；,;" for c in v.text[o:cur]):
                break
            cur = o
            continue
        if ch in _PUNCT or ch in _OPEN_CLOSE or ch in "”’』」":
            break
        tok = v.token_before(cur)
        if tok is None:
            break
        word, start = tok
        if word in stops or _count_re().match(word) or _RANK.fullmatch(word):
            break
        if ordinals and _ORDINAL.fullmatch(word):
            break
        if _NUMBER.fullmatch(word):
            break
        cur = start
        if level_stop and (
            word in {"省", "市", "县", "区", "州", "镇", "乡", "街道"} or is_division_name(word)
        ):
            break
    return cur


_LEAD_JUNK = re.compile(
    r"(?:全面(?!依法治)|深入|持续|严格|进一步|不断|认真|积极|加快|大力|着力|切实|努力|扎实|稳步|继续|逐步|及时|率先|"
    r"首次|共同|全力|主动|自觉|有效|[一二三四五六七八九十]是|其中|同时|此外|统一规范|规范建设|规范(?!性|化))+"
)
_SAFE_SINGLE = set("的和与及将把被并了或均都也还又以")
_CLASSIFIERS = set("个项次间名件家条份张批届场期级种类所")


@cache
def _multi_stops() -> re.Pattern[str]:
    words = sorted((w for w in lexicon.words("name_stops") if len(w) >= 2), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


@cache
def _lead_words() -> re.Pattern[str]:
    words = sorted(lexicon.words("lead_words"), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


def _trim(text: str, start: int, end: int, keep: int = 3) -> int:
    """Drop what jieba glued to the front of a name: adverbs, verbs, counts, 一是."""
    changed = True
    while changed and end - start > keep:
        changed = False
        m = _LEAD_JUNK.match(text, start, end)
        if m and m.end() > start and end - m.end() >= keep:
            start, changed = m.end(), True
            continue
        ch = text[start]
        if ch in _CLASSIFIERS and start > 0 and re.match(rf"[{_NUM}]", text[start - 1]):
            start, changed = start + 1, True
            continue
        if ch in _SAFE_SINGLE:
            start, changed = start + 1, True
            continue
        m = _multi_stops().match(text, start, end) or _lead_words().match(text, start, end)
        if m and end - m.end() >= keep and not text.startswith("依法治", m.end()):
            start, changed = m.end(), True
    return start


def _strip_marks(s: str) -> str:
    return re.sub(r"[“”‘’「」『』《》〈〉\"]", "", s).strip()


# ---------------------------------------------------------------- titles 《》


_TITLE = re.compile(r"《([^《》\n]{1,100})》")
_INNER = re.compile(r"〈([^〈〉]{2,80})〉")
_YEARS = re.compile(r"[(（][^()（）]{0,20}[)）]$")
_BAD_LAW_END = ("方法", "做法", "说法", "想法", "看法", "手法", "用法", "写法", "办法")


def _title_type(t: str) -> EntityType | None:
    """The type of a 《》 title by its head word, or None when it sets no rule."""
    core = _YEARS.sub("", t).strip()
    core = re.sub(r"[(（]?(?:试行|暂行|修订|草案|征求意见稿)[)）]?$", "", core) or core
    for ex in lexicon.words("doc_excluded"):
        if core.endswith(ex):
            return None
    if core.endswith(tuple(lexicon.words("list_heads"))):
        return LIST
    if core.endswith("通知"):
        return (
            SYS
            if re.search(r"制度|办法|规定|方案|意见|条例|规则|细则|标准|审查|清理|规范|纲要", core)
            else None
        )
    if core.endswith(_BAD_LAW_END) and not core.endswith("管理办法") and len(core) <= 3:
        return None
    for h in lexicon.words("doc_heads"):
        if core.endswith(h):
            return SYS
    return None


def _titles(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    for m in _TITLE.finditer(v.text):
        inner = m.group(1).strip()
        nested = _INNER.search(inner)
        if nested and re.search(r"(?:印发|转发|发布|颁布)〈", inner) and inner.endswith("通知"):
            # the notice only issues the document: name the document, leave the issuers free
            s0, e0 = m.start(1) + nested.start(), m.start(1) + nested.end()
            typ = _title_type(nested.group(1))
            if typ is not None:
                yield _Cand(s0, e0, typ, nested.group(1), "title.nested")
            continue
        typ = _title_type(_strip_marks(inner))
        if typ is None and nested:
            typ = _title_type(nested.group(1))
            if typ is not None:
                yield _Cand(
                    m.start(1) + nested.start(),
                    m.start(1) + nested.end(),
                    typ,
                    nested.group(1),
                    "title.nested",
                )
            continue
        if typ is None:
            continue
        yield _Cand(m.start(), m.end(), typ, _strip_marks(inner), "title")
    # a title cut off by the end of the text: 《岳阳县法治政府建设实施方案(20
    m = re.search(r"《([^《》]{4,60})$", v.text)
    if m:
        core = re.sub(r"[(（][^)）]*$", "", m.group(1))
        if _title_type(core) is SYS and not re.search(r"[^宪]法$", core):
            yield _Cand(m.start(), len(v.text), SYS, core, "title.truncated")


# ---------------------------------------------------------------- documents after a verb


_DOC_TRIGGER = re.compile(
    r"(?:研究制定|制定了|制定|出台了|出台|印发了|印发|修订完善|修订|编制|编印|严格执行|执行|严格落实|落实|"
    r"贯彻落实|贯彻|遵守|根据|依据|按照|实施|建立健全|建立了|建立|健全|完善|推行|实行|对照|梳理|公布|发布)"
)
_SPAN_CHARS = re.compile(
    rf"(?:[{_CJK}0-9A-Za-z+·•\-—]|“[^“”，。；,;]{{1,20}}”|[(（][^()（），。,]{{1,16}}[)）])+"
)


@cache
def _doc_head_re() -> re.Pattern[str]:
    heads = sorted(
        {*lexicon.words("doc_heads"), *lexicon.words("list_heads"), "责任制"}
        - {"法", "体系", "法典", "标准"},
        key=lambda w: (-len(w), w),
    )
    return re.compile("(?:" + "|".join(re.escape(h) for h in heads) + ")$")


def _after_trigger(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """制定《》-less documents: 出台加强产权司法保护2023年行动计划 → …行动计划.

    The words after the verb up to punctuation are split at 和/及/等; each part
    that ends with a document head is a document.
    """
    for t in _DOC_TRIGGER.finditer(v.text):
        m = _SPAN_CHARS.match(v.text, t.end())
        if not m or len(m.group()) > 60:
            continue
        nxt = v.text[m.end() : m.end() + 1]
        if nxt and nxt not in _PUNCT:
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


_INNER_VERB = re.compile(r"纳入|列入|列为|作为|印发|出台|制定|修改|贯彻|学习|带头|营造|提供|开展")


def _one_name(left: str, right: str) -> bool:
    """X和Y+head is one name when X has no head of its own and Y repeats X's last word.

    行政复议纠错案件和行政诉讼败诉案件过错责任追究机制: the cases of both kinds
    share one mechanism; 法律顾问和合法性审核制度 stays two names.
    """
    head = _doc_head_re().search(right)
    if _doc_head_re().search(left) or not head or len(left) < 4:
        return False
    right, tail = right[: head.start()], left[-2:]
    return tail in right[:-1] and not right.endswith(tail) and bool(re.fullmatch(rf"[{_CJK}]+", left))


def _doc_part(v: _Sent, start: int, end: int) -> Iterator[_Cand]:
    span = v.text[start:end]
    if _INNER_VERB.search(span):
        return
    k = span.rfind("的")
    if k >= 0 and "关于" not in span[:k]:
        start += k + 1
        span = span[k + 1 :]
    head = _doc_head_re().search(span)
    if not head or len(span) > 45:
        return
    body = _strip_marks(span[: head.start()])
    if len(body) < 2 or body in _set("system_generic") or _only_generic(body):
        return
    if head.group() in {"制度", "机制"}:
        trimmed = _trim(v.text, start, end)
        if _GENERIC_COMPOUND.search(span) or not _specific(v.text[trimmed : end - len(head.group())]):
            return
    if head.group() in {"举措", "措施"} and len(body) < 4:
        return
    typ = LIST if head.group() in _set("list_heads") else SYS
    start = _trim(v.text, start, end)
    name = _strip_marks(v.text[start:end])
    if re.match(rf"[{_NUM}]+[张个项类种]", name):
        return
    yield _Cand(start, end, typ, name, "doc.after_verb")


# ---------------------------------------------------------------- documents listed together


_DOC_END = re.compile(r"(?:法典|法|条例|办法|规定|细则|计划|方案|意见|规划|要点|纲要|举措|准则|规则)$")


def _listed(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """宪法、民法典、监察法、优化营商环境条例: an enumeration of laws or documents."""
    for clause in re.finditer(r"[^，。；：:,;]+", v.text):
        text = clause.group()
        if "、" not in text:
            continue
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
                    left[-1:] in _LEVEL
                    and (len(left) < 2 or left[-2:] in {"全国"} or left[-2:-1] in "、")
                    or (right[:1] in _LEVEL and right[1:2] in "、")
                ):
                    continue
                parts.append((last, i))
                last = i + 1
        parts.append((last, len(text)))
        if len(parts) < 2:
            continue
        ends = [
            re.sub(r"(?:等|和|及).*$", "", text[a:b]) if k == len(parts) - 1 else text[a:b]
            for k, (a, b) in enumerate(parts)
        ]
        if sum(1 for e in ends if _DOC_END.search(e)) < 2:
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
                s0 = _left_edge(v, off, max_len=30)
                s0 = _trim(v.text, s0, off)
                a = s0 - clause.start()
                seg = text[a:b]
            if seg.startswith("《") or not _DOC_END.search(seg) or _INNER_VERB.search(seg):
                continue
            if _NOT_LAW_END.search(seg) and not (seg.endswith("办法") and len(seg) >= 4):
                continue
            items.append((clause.start() + a, clause.start() + b))
        if len(items) < 2:
            continue
        for a, b in items:
            name = _strip_marks(v.text[a:b])
            if len(name) < 2 or re.search(r"[\d一二三四五六七八九十]+[件部项个]$", name):
                continue
            yield _Cand(a, b, SYS, name, "doc.listed")


# ---------------------------------------------------------------- systems and lists by head


@cache
def _sys_head() -> re.Pattern[str]:
    heads = "|".join(sorted(lexicon.words("system_heads"), key=len, reverse=True))
    return re.compile(heads + r"|(?<=[^体机法编控限抵强建专压管税学兼])制(?=[、，。；,;和及等的]|$)")


_LIST_HEAD = re.compile(r"清单|目录|名录")
_AFTER_BAD = re.compile(r"^(?:化|建设|改革|创新|体系|性|上|内|外|中|库|机制)")
_PLURAL = re.compile(r"(?:[二三四五六七八九十两几多2-9]|\d\d+)[个张项类种]“?$")


def _by_head(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """行政执法公示制度, 告知承诺制, 政务服务事项清单: modifier words + head.

    A conjunct without a head of its own shares the head of the next one
    (法律顾问和合法性审核制度 → 法律顾问制度 + 合法性审核制度).
    """
    titled = [(m.start(), m.end()) for m in _TITLE.finditer(v.text)]
    for rx, typ, rule in ((_sys_head(), SYS, "system.head"), (_LIST_HEAD, LIST, "list.head")):
        for h in rx.finditer(v.text):
            if any(a < h.start() < b for a, b in titled):
                continue
            after = v.text[h.end() : h.end() + 2]
            if _AFTER_BAD.match(after) or (typ is LIST and after.startswith("管理")):
                # 推进矛盾纠纷多元化解机制建设: building a named mechanism still names it
                if not (after == "建设" and _specific_long(v, h.start())):
                    continue
            if h.group() == "机制" and v.text[max(0, h.start() - 2) : h.start()] in {"制度", "体制"}:
                continue
            if _PLURAL.search(v.text[max(0, h.start() - 8) : _left_edge(v, h.start())]):
                continue
            if _GENERIC_COMPOUND.search(v.text, 0, h.end()):
                continue
            start = _left_edge(v, h.start())
            start = _attributive_adverb(v.text, _trim(v.text, start, h.end()))
            start = _drop_own_level(v.text, start, h.start())
            if _after_deng(v.text, start):
                # 法制审查等依法决策机制: the words after 等 name the kind of the items
                continue
            joined = _join_coordination(v, start, h.start())
            if joined != start:
                # 行政执法和刑事司法衔接机制: one name across 和, no conjuncts
                name = _strip_marks(v.text[joined : h.end()])
                yield _Cand(joined, h.end(), typ, name, rule + ".joined")
                continue
            body = v.text[start : h.start()]
            short = re.search(
                rf"(?:[{_CJK}]{{2,3}}、)+[{_CJK}]{{2,3}}$", v.text[max(0, start - 16) : h.start()]
            )
            if typ is SYS and len(body) <= 3 and short and v.text[start - 1 : start] == "、":
                if _after_deng(v.text, h.start() - len(short.group())):
                    continue
                # 讲法、学法、评法机制: short coordinated words form one name
                start = h.start() - len(short.group())
                s2 = _trim(v.text, _left_edge(v, start), h.end())
                name = _strip_marks(v.text[s2 : h.end()])
                yield _Cand(s2, h.end(), typ, name, rule + ".coordinated")
                continue
            if not _specific(body):
                continue
            if typ is LIST and re.search(r"[两三四五六七八九十\d]张", body):
                continue
            name = _strip_marks(v.text[start : h.end()])
            yield _Cand(start, h.end(), typ, name, rule)
            tail = h.group()
            if typ is LIST and "事项" in body:
                tail = "事项" + tail
            yield from _conjuncts(v, start, typ, tail, rule + ".conj")


# Compounds that mean "rules and systems" in general (完善提案办理制度机制,
# 健全规章制度): never a name, whatever the modifier.
_GENERIC_COMPOUND = re.compile(r"(?:制度机制|体制机制|法规制度|规章制度|政策制度)$")


_DENG_CHAIN = re.compile(r"等(?:[^，。；,;、等“”]{1,10}、)*$")


def _after_deng(text: str, start: int) -> bool:
    """True when the name starts after 等 (or after short items that follow it): a kind, not a name."""
    return start > 1 and bool(_DENG_CHAIN.search(text, 0, start))


def _attributive_adverb(text: str, start: int) -> int:
    """的定期统计分析工作机制: after 的, an adverb of manner qualifies the name, so keep it."""
    for a in _by_length("coord_adverbs"):
        if text.endswith(a, 0, start) and text[start - len(a) - 1 : start - len(a)] == "的":
            return start - len(a)
    return start


def _drop_own_level(text: str, start: int, head_start: int) -> int:
    """我县规范性文件报备管理机制: the level word after 我/本 is the report's place, not the name."""
    if (
        text[start : start + 1] in _LEVEL
        and text[start - 1 : start] in {"我", "本"}
        and head_start - start > 3
    ):
        return start + 1
    return start


def _specific_long(v: _Sent, head_start: int) -> bool:
    start = _trim(v.text, _left_edge(v, head_start), head_start)
    return head_start - start >= 4 and _specific(v.text[start:head_start])


_CONJ = "和与及"


@cache
def _relational_end() -> re.Pattern[str]:
    words = sorted(lexicon.words("coord_relational"), key=lambda w: (-len(w), w))
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")$")


def _join_coordination(v: _Sent, start: int, head_start: int) -> int:
    """Where a name starts when 和/与/及 joins parts of one name, else ``start``.

    Three shapes make one name of X和Y+head: Y opens with an adverb of manner
    (违法行政行为预防和及时纠正机制), Y ends with a word that relates two
    parties (行政执法和刑事司法衔接机制), or Y repeats the last word of X
    before its own end (纠错案件和败诉案件过错责任追究机制: X parallels the
    front of Y, not the whole of it), or Y alone would only name a kind
    (法制审查和备案配套制度). Otherwise X is a conjunct of its own
    that borrows the head (法律顾问和合法性审核制度).
    """
    t = v.text
    adverbs = _by_length("coord_adverbs")
    conj = start - 1
    right = t[start:head_start]
    adv = next((a for a in adverbs if t.endswith(a, 0, start)), None)
    if adv and t[start - len(adv) - 1 : start - len(adv)] in _CONJ:
        conj = start - len(adv) - 1
    elif t[conj : conj + 1] not in _CONJ or len(right) < 2:
        return start
    left_start = _trim(t, _left_edge(v, conj, max_len=20), conj, keep=2)
    left = t[left_start:conj]
    if len(left) < 2 or not _specific(left) or head_start - left_start > 40:
        return start
    if adv is None:
        tail = left[-2:]
        repeats = tail in right[:-1] and not right.endswith(tail)
        if not (repeats or _relational_end().search(right) or _field_and_generic(right)):
            return start
    return left_start


def _conjuncts(v: _Sent, start: int, typ: EntityType, tail: str, rule: str) -> Iterator[_Cand]:
    """Earlier conjuncts (A、B和C制度) that borrow the head of the last one."""
    cur = start
    for _ in range(4):
        k = cur
        # skip a count that belongs to the next conjunct (224项免于处罚和63项减轻…)
        m = re.search(rf"[{_NUM}]+[项个类]$", v.text[:k])
        if m:
            k = m.start()
        sep = v.text[k - 1 : k]
        if sep not in {"、", "和", "及"}:
            return
        end = k - 1
        m = re.search(rf"[{_NUM}]+[项个类]$", v.text[:end])
        s0 = _left_edge(v, end, max_len=20)
        s0 = _trim(v.text, s0, end, keep=2)
        if m and m.end() == end:
            return
        item = v.text[s0:end]
        if m := re.match(rf"[{_NUM}]+[项个类]", item):
            s0 += m.end()
            item = item[m.end() :]
        bare = _strip_marks(item)
        if (
            len(bare) < 2
            or not _specific(bare)
            or re.search(r"制度|机制|清单|目录|办法|规定|方案", bare)
            or len(bare) > 16
        ):
            return
        yield _Cand(s0, end, typ, bare + tail, rule)
        cur = s0


def _specific(body: str) -> bool:
    """A modifier that names something (not empty, generic or a count)."""
    b = _strip_marks(body)
    if len(b) < 2 or b in _set("system_generic"):
        return False
    if _count_re().match(b) or re.fullmatch(rf"[{_NUM}]+[张个项种类条][{_CJK}]{{0,2}}", b):
        return False
    if _only_generic(b) or _field_and_generic(b):
        return False
    return not re.fullmatch(r"[\W\d]+", b)


def _field_and_generic(body: str) -> bool:
    """执法配套, 监督管理: a two-character field followed by generic words names a kind, not a system."""
    generic = _by_length("system_kind_words")
    rest = body
    stripped = False
    while True:
        g = next((g for g in generic if rest.endswith(g) and len(rest) > len(g)), None)
        if g is None:
            break
        rest, stripped = rest[: -len(g)], True
    return stripped and len(rest) <= 2


def _only_generic(body: str) -> bool:
    """True when the modifier is made of generic words only (配套改革工作)."""
    generic = _by_length("system_generic")
    rest = body
    while rest:
        for g in generic:
            if rest.startswith(g):
                rest = rest[len(g) :]
                break
        else:
            return False
    return True


# ---------------------------------------------------------------- enumerations sharing a head


_TRAILER = re.compile(
    rf"(等)?“?((?:[{_NUM}]+[个项种类张条])?)([“]?)((?:[{_CJK}A-Za-z]{{0,6}}?))"
    r"(制度|机制|管理办法|办法|清单|目录|系统|平台|应用|专项行动|行动|工程)(”?)(?=[，。；,;、和及为的等]|$)"
)


def _enumerations(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """A、B和C等制度 → A制度, B制度, C制度 (each item is a mention of its own)."""
    for sep in re.finditer(rf"等|(?<!等)(?=“?[{_NUM}]+[个项种类张条])", v.text):
        m = _TRAILER.match(v.text, sep.start())
        if not m or not (m.group(1) or m.group(2)):
            continue
        if (m.group(3) or v.text[sep.start() : sep.start() + 2].lstrip("等").startswith("“")) and not m.group(
            6
        ):
            continue
        head = m.group(5)
        typ = {"清单": LIST, "目录": LIST}.get(head, SYS)
        if head in {"系统", "平台", "应用", "专项行动", "行动", "工程"}:
            typ = BRAND
        items = _items_before(v, sep.start())
        if len(items) < 2:
            continue
        for s, e in items:
            if v.text[s] in _PREPOSITIONS:
                continue  # 与高校合作培养人才: an action, not a name
            if v.text[s - 1 : s] != "、":
                s = _trim(v.text, s, e, keep=2)
            item = v.text[s:e]
            bare = _strip_marks(item)
            quoted = item.startswith("“") and item.endswith("”")
            if typ is BRAND:
                if not quoted and not (
                    m.group(2) and re.fullmatch(rf"[{_CJK}]{{2,5}}|[A-Za-z]{{2,10}}", bare)
                ):
                    continue
                if bare in _set("national_reforms") or "、" in bare:
                    continue
                if quoted:
                    s, e = s + 1, e - 1
                yield _Cand(s, e, typ, bare, "enum.brand")
                continue
            if bare.endswith(head) or (typ is LIST and bare.endswith(("清单", "目录"))):
                continue
            if not _specific(bare):
                continue
            hd = "清单" if head == "目录" and "清单" in m.group(4) else head
            name = bare + (
                "事项" + hd if typ is LIST and not bare.endswith("事项") and "事项" in m.group(4) else hd
            )
            yield _Cand(s, e, typ, name, "enum.shared_head")


def _item_start(text: str, s: int, max_extra: int = 4) -> int:
    """Widen an item to the 、 before it: 督促化解 in 风险告知、督促化解等 is a whole item.

    The leftward walk stops at verbs such as 督促, but between two 、 of one
    enumeration a short verb belongs to the item. Conjunctions, counts and
    punctuation still end it.
    """
    if text[s - 1 : s] in _CONJ:
        # 、与高校合作…: an item that opens with a preposition is kept whole (and later dropped)
        return s - 1 if text[s - 2 : s - 1] == "、" else s
    k = s - 1
    while k >= 0 and s - k <= max_extra + 1:
        ch = text[k]
        if ch == "、":
            return k + 1 if k + 1 < s else s
        if ch in _PUNCT or ch in _CONJ or ch in "“”（）()" or re.match(rf"[{_NUM}]", ch):
            return s
        k -= 1
    return s


_PREPOSITIONS = set("与和及对向在为由按从")


def _over_final_verb(v: _Sent, pos: int) -> int:
    """Start of an item that ends in a verb-like word (数字素养能力提升 in …提升等机制).

    Before 等+head the last word names what the mechanism does, so it belongs
    to the item; the walk goes on from the word before it. Items shorter
    than four characters stay unnamed.
    """
    tok = v.token_before(pos)
    if tok is None or not re.fullmatch(rf"[{_CJK}]{{2,4}}", tok[0]):
        return pos
    s = _left_edge(v, tok[1], max_len=36)
    return s if s < tok[1] and pos - s >= 4 else pos


def _items_before(v: _Sent, pos: int) -> list[tuple[int, int]]:
    """The items of the enumeration that ends at ``pos``, separated by 、.

    The last item may itself be ``A和B`` (公示、记录和审核等制度); 和 inside an
    earlier item belongs to that item.
    """
    items: list[tuple[int, int]] = []
    cur = pos
    for n in range(12):
        s = _left_edge(v, cur, max_len=40)
        if s >= cur:
            s = _over_final_verb(v, cur)
        if s >= cur:
            break
        # _left_edge stops at 和/及; extend over it except in the last item
        while s > 1 and v.text[s - 1] in "和及与" and n > 0:
            s2 = _left_edge(v, s - 1, max_len=40)
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


# ---------------------------------------------------------------- quoted names


_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,24})[”\"]")
_HONOUR_END = re.compile(r"(?:村|县|市|区|镇|乡|单位|集体|个人|城市|窗口|称号|社区|案例|基地)$")
_HONOUR_BEFORE = re.compile(r"(?:评为|获评|入选|荣获|命名|授予|称号|创建为|成为|获得)[^，。；,;]{0,20}$")
_CAMPAIGN_AFTER = re.compile(r"(?:专项)?(?:行动|活动)|工程|项目|品牌|创建")
_IMPLEMENT_BEFORE = re.compile(r"(?:推行|实行|推动落实|全面落实|落实)$")
# A verb of carrying out a national reform, with at most a short field word
# between it and the quoted name (推进政务服务“一网通办”, 落实行政审批“两集中、两到位”).
_REFORM_VERB = re.compile(rf"(?:推进|推行|推广|落实|深化|实行|实施|试行|做好|抓好|按照|执行)[{_CJK}]{{0,4}}$")
# What follows a group of quoted reform names (“A”“B”等重点改革工作, “C”试点).
_REFORM_TAIL = re.compile(r"^等?(?:重点|各项)?(?:改革|试点)")
_REFORM_SOFT_TAIL = re.compile(r"^等?(?:重点|各项)?(?:措施|工作|要求|模式)")
# The shape of a reform name: counted parts (一规划两纲要, 两集中、两到位) or …通办.
_REFORM_SHAPE = re.compile(r"[一二两三四五六七八九十百千万]|通办$")
# A count of things (一张图, 四个意识) is a slogan or a target, not a reform.
_COUNTED_THING = re.compile(r"^[一二两三四五六七八九十]+[张个]")
_PUFA = re.compile(r"[“\"]([六七八九十]五)[”\"]普法")


def _reform_groups(v: _Sent, groups: list[list[re.Match[str]]], brand_ctx: set[int]) -> dict[int, bool]:
    """Quoted names carried out as national reforms: start → True when every member counts.

    A group of quotes is a reform group when an implementing verb governs it
    (推进“一网通办”“跨省通办”) or 改革/试点 follows it (“A”“B”等重点改革工作).
    With 改革/试点 after the group every member is a reform; with only a verb
    before, a member must look like one (counted parts, …通办, a listed name).
    """
    out: dict[int, bool] = {}
    for g in groups:
        if any(q.start() in brand_ctx for q in g):
            continue
        clause = re.split(r"[，。；：,;:]", v.text[: g[0].start()])[-1]
        tail = v.text[g[-1].end() : g[-1].end() + 8]
        strong = bool(_REFORM_TAIL.match(tail))
        if tail.startswith("等") and not strong and not _REFORM_SOFT_TAIL.match(tail):
            continue  # “A”“B”等办好…事项清单: examples of the items of something else
        if strong or _REFORM_VERB.search(clause) or _REFORM_SOFT_TAIL.match(tail):
            for q in g:
                out[q.start()] = strong
    return out


def _reform_name(bare: str, strong: bool) -> bool:
    """A quoted name that can be a national reform (not a slogan such as “一把手”)."""
    if bare in _set("slogans") or _COUNTED_THING.match(bare) or len(bare) > 16 or bare.endswith("式"):
        return False
    return strong or bare in _set("national_reforms") or bool(_REFORM_SHAPE.search(bare))


def _quoted(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """“盐和”调解品牌 (brand), “三项制度” (system), “负面清单” (list), slogans (nothing)."""
    after_alt = _alternation("brand_after").pattern
    sys_after = _by_length("system_after")
    reforms = _set("national_reforms")
    quotes = list(_QUOTE.finditer(v.text))
    # quotes in one enumeration (“A”“B”、“C”专项行动、“D”) share brand context
    groups: list[list[re.Match[str]]] = []
    for q in quotes:
        gap = v.text[groups[-1][-1].end() : q.start()] if groups else None
        if gap is not None and re.fullmatch(rf"(?:{after_alt})?[、和及与]?", gap):
            groups[-1].append(q)
        else:
            groups.append([q])
    brand_ctx: set[int] = set()
    for g in groups:
        hit = False
        for q in g:
            after = v.text[q.end() : q.end() + 12]
            after = re.sub(r"^等(?:[多几\d一二三四五六七八九十]+[个项种类])?", "", after)
            mod = re.match(rf"[{_CJK}A-Za-z·+]{{0,10}}?(?:{after_alt})", after)
            if mod and not re.match(r"[一二三四五六七八九十两\d]+[个项张种类条批]", after):
                hit = True
        if hit:
            brand_ctx.update(q.start() for q in g)
    reform_ctx = _reform_groups(v, groups, brand_ctx)
    for m in _PUFA.finditer(v.text):
        # “八五”普法: the national five-year programme of legal education
        yield _Cand(m.start(), m.end(), SYS, m.group(1) + "普法", "quote.reform")
    for q in quotes:
        inner = q.group(1).strip()
        bare = _strip_marks(inner)
        if len(bare) < 2:
            continue
        after = v.text[q.end() : q.end() + 12]
        before = v.text[max(0, q.start() - 6) : q.start()]
        if inner.endswith(("清单", "目录", "名录")):
            if _PLURAL.search(before) or re.fullmatch(rf"[{_NUM}]*[张个项]?(清单|目录|名录)", bare):
                continue
            yield _Cand(q.start(), q.end(), LIST, bare, "quote.list")
            continue
        head = next((h for h in sys_after if after.startswith(h)), None)
        if head == "制度" and after.startswith("制度机制"):
            continue
        if re.fullmatch(rf"[{_NUM}]+项制度", bare):
            yield _Cand(q.start(), q.end(), SYS, bare, "quote.system")
            continue
        if inner.endswith("经验"):
            yield _Cand(q.start(), q.end(), SYS, bare, "quote.system")
            continue
        if inner.endswith(("制度", "机制", "责任制")) or head:
            end = q.end() + len(head or "")
            start = q.start()
            if head in {"制度", "机制", "责任制", "体系"} or not head:
                start = _left_edge(v, q.start(), max_len=12)
                start = _trim(v.text, start, end)
            name = _strip_marks(v.text[start:end])
            if head in {"监管", "抽查", "检查", "责任"}:
                name = bare
            yield _Cand(start, end, SYS, name, "quote.system")
            continue
        if q.start() in reform_ctx and _reform_name(bare, reform_ctx[q.start()]):
            yield _Cand(q.start(), q.end(), SYS, bare, "quote.reform")
            continue
        if bare in reforms or bare.startswith(("八五", "七五", "六五")):
            continue
        clause = re.split(r"[，。；,;]", v.text[: q.start()])[-1]
        if _IMPLEMENT_BEFORE.search(clause) and re.search(r"一.+一", bare) and "、" not in bare:
            yield _Cand(q.start(), q.end(), SYS, bare, "quote.system.implemented")
            continue
        is_brand = q.start() in brand_ctx or bool(re.search(rf"[{_CJK}]{{2}}[·•・][{_CJK}]", bare))
        if not is_brand:
            pre = re.search(r"(?:" + _alternation("brand_before").pattern + r")$", before)
            is_brand = bool(pre) and not re.search(r"(问题|难题|目标|要求|精神)", after[:4])
        if not is_brand:
            is_brand = _brand_by_own_head(bare) or _built_programme(clause, after)
        if not is_brand or "、" in bare or _HONOUR_BEFORE.search(clause):
            continue
        if _HONOUR_END.search(bare) and not _CAMPAIGN_AFTER.match(after):
            # “民主法治示范村” is an honour; “律师进村”专项行动 a campaign
            continue
        yield _Cand(q.start() + 1, q.end() - 1, BRAND, bare, "quote.brand")


_SERVICE_HEAD = re.compile(r"(?:通道|专窗|平台|热线|驿站|服务站|小程序|公众号|App|APP)$")
_BUILD_BEFORE = re.compile(r"(?:推进|推动|打造|完成|深化|加快|加强)[^，。；,;“”]{0,6}$")


def _brand_by_own_head(bare: str) -> bool:
    """“企业投资绿色通道”, “法润民生”热线: a quoted coined name of a service channel or platform."""
    m = _SERVICE_HEAD.search(bare)
    return bool(m) and len(bare) - len(m.group()) >= 2


def _built_programme(clause: str, after: str) -> bool:
    """推进“诚信政府”建设, 完成…“全国一张网”建设: a quoted programme that is being built."""
    return after.startswith("建设") and bool(_BUILD_BEFORE.search(clause))


_COUNTED_VISITS = re.compile(rf"([{_CJK}]{{2}})“([一二三四五六七八九十]进)”")


def _counted_visits(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """法治“六进”, 普法“八进”: a campaign named by where it goes, with its field word."""
    if "进”" not in v.text:
        return
    for m in _COUNTED_VISITS.finditer(v.text):
        if _strip_marks(m.group(1)) in _set("name_stops"):
            continue
        yield _Cand(m.start(), m.end(), BRAND, m.group(1) + m.group(2), "brand.counted_visits")


# ---------------------------------------------------------------- unquoted brands


_APP_WORD = re.compile(r"App|APP|app|小程序|公众号")
_APP = re.compile(rf"([{_CJK}]{{2,6}})\s?(?:App|APP|app|小程序|公众号)")


def _apps(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """三晋通 App, 渝快政 App: a short coined name before App."""
    if not _APP_WORD.search(v.text):
        return
    for m in _APP.finditer(v.text):
        start = _left_edge(v, m.end(1), max_len=6)
        if m.end(1) - start >= 2:
            yield _Cand(start, m.end(1), BRAND, v.text[start : m.end(1)], "brand.app")


# ---------------------------------------------------------------- institutions


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


def _national(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    for m in _national_re().finditer(v.text):
        yield _Cand(m.start(), m.end(), INST, m.group(), "org.national")


def _local_re(ctx: _Ctx) -> re.Pattern[str]:
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


def _local(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """县委, 县人大常委会, 中共开阳县委, 市政府办公室, 政协海盐县委员会, 镇党委."""
    for m in _local_re(ctx).finditer(v.text):
        p = m.group("place") or m.group("p2") or ""
        start = m.start()
        if len(p) <= 2 and p in _LEVEL + "街道" and not m.group().startswith("中共"):
            prev = v.text[start - 1 : start]
            if (
                prev
                and re.match(rf"[{_CJK}]", prev)
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
        yield _Cand(start, m.end(), INST, m.group(), "org.local")


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


_BARE_LOCAL = re.compile(
    r"(?<![\u4e00-\u9fff])(?:常委会|政府办(?:公室)?)(?=[、，。；,;和及]|会议|上|$)|(?<=[、和及在])(?:常委会|政府办)(?![\u4e00-\u9fff]{0,1}[员])"
)


def _bare_local(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """常委会, 政府办 written without a place: the report's own organs."""
    for m in _BARE_LOCAL.finditer(v.text):
        yield _Cand(m.start(), m.end(), INST, m.group(), "org.bare_local")


def _org_by_head(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
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
        start = _left_edge(v, h.start(), max_len=24, ordinals=True, level_stop=True)
        start = _trim(v.text, start, h.end(), keep=len(head) + 1)
        name = v.text[start : h.end()]
        body = v.text[start : h.start()]
        if len(_strip_marks(body)) < 2 and not (body in "厅局部委院" and head in {"办公室", "党组", "党委"}):
            if not (len(body) == 1 and body in _LEVEL and len(head) >= 2):
                continue
        for w in _national_by_last().get(name[-1:], ()):
            if name.endswith(w) and name != w and not is_division_name(name[: -len(w)]):
                # 地被国家信访局: a central organ does not take a modifier
                start, name = h.end() - len(w), w
                break
        if _strip_marks(name) in _set("org_generic") or body in _set("system_generic"):
            continue
        if re.search(r"[，。；,;]", name):
            continue
        yield _Cand(start, h.end(), INST, _strip_marks(name), "org.head")


# ---------------------------------------------------------------- laws without 《》


_LAW = re.compile(rf"(?:中华人民共和国)?[{_CJK}]{{2,14}}?(?:法典|法)(?=[、，。；,;和及等”]|$)")
_NOT_LAW_END = re.compile(
    r"(?:尊法|执法|普法|立法|司法|守法|违法|依法|学法|用法|方法|办法|做法|说法|想法|合法|非法|不法|无法|手法|书法|算法|讲法|述法|评法|找法|靠法|护法|知法|懂法|释法|送法)$"
)


def _laws(v: _Sent, ctx: _Ctx) -> Iterator[_Cand]:
    """宪法、民法典、监察法 in a list of laws (without 《》)."""
    if not re.search(r"宪法|法典|党章|章程|法律|法规|[、，,]\S{2,10}法[、，,]", v.text):
        return
    for m in _alternation("named_laws").finditer(v.text):
        if v.text[m.start() - 1 : m.start()] == "《":
            continue
        nxt = v.text[m.end() : m.end() + 2]
        if (
            nxt.startswith(("宣", "学", "法律宣", "精神", "日", "周", "月", "意识", "实施", "相伴"))
            and "宪法" in m.group()
        ):
            # 宪法宣传周 is an event; 宪法宣誓 a ceremony
            if not nxt.startswith("实施"):
                continue
        yield _Cand(m.start(), m.end(), SYS, m.group(), "law.named")
    for m in _LAW.finditer(v.text):
        w = m.group()
        if "宪法" in w or "民法典" in w:
            continue
        s = _left_edge(v, m.end(), max_len=16)
        if s >= m.end() - 2:
            continue
        w = v.text[s : m.end()]
        if _NOT_LAW_END.search(w) or len(w) < 3:
            continue
        prev = v.text[s - 1 : s]
        nxt = v.text[m.end() : m.end() + 1]
        if prev not in "、，：:," and nxt != "、":
            continue
        yield _Cand(s, m.end(), SYS, w, "law.listed")


# ---------------------------------------------------------------- driver


_RULES = (
    _titles,
    _after_trigger,
    _listed,
    _by_head,
    _enumerations,
    _quoted,
    _counted_visits,
    _apps,
    _national,
    _local,
    _bare_local,
    _org_by_head,
    _laws,
)


_PLACE_PREFIXED = re.compile(rf"^(?:中共)?[{_CJK}]{{0,8}}?[省市县区州镇乡]|^街道|^中央|^国家|^全国")
_COUNT_BEFORE = re.compile(rf"[{_NUM}]+[个家所支间名]$")
_COUNT_AFTER = re.compile(rf"^[{_NUM}]+[个家所支]")
_EACH_BEFORE = re.compile(rf"各[级类个地]?$|(?:^|[、，,])[{_LEVEL}]、$")
_EACH_IN_CLAUSE = re.compile(rf"各[{_LEVEL}]|各(?:部门|单位|地|社区|村|街道|机关)")
_CLAUSE_END = re.compile(r"[，。；,;]")


def _generic(c: _Cand, v: _Sent) -> bool:
    """Plural or kind references (各部门, 1个综合行政执法队, 人民调解委员会24个)."""
    name = c.name
    if len(name) < 2 or name.startswith("各"):
        return True
    if c.type is INST:
        before = v.text[max(0, c.start - 4) : c.start]
        after = v.text[c.end : c.end + 3]
        if _COUNT_BEFORE.search(before) or _COUNT_AFTER.match(after) or _EACH_BEFORE.search(before):
            return True
        if name in _set("org_generic"):
            return True
        if "各" in v.text[: c.start] and not _PLACE_PREFIXED.match(name):
            clause = _CLAUSE_END.split(v.text[: c.start])[-1]
            if _EACH_IN_CLAUSE.search(clause):
                return True
    return False


def find_mentions(doc: Document, sentences: list[Sentence], info: ReportInfo) -> list[Mention]:
    """Every entity mention of ``doc``, non-overlapping, in document order."""
    ctx = _Ctx.of(doc, info)
    out: list[Mention] = []
    for s in sentences:
        v = _Sent.of(s)
        for rule in _RULES:
            for c in rule(v, ctx):
                if c.end <= c.start or _generic(c, v):
                    continue
                text = s.text[c.start : c.end]
                if not text.strip():
                    continue
                out.append(
                    Mention(
                        doc_id=doc.id,
                        start=s.start + c.start,
                        end=s.start + c.end,
                        sent_index=s.index,
                        text=text,
                        type=c.type,
                        name=c.name or _strip_marks(text),
                        rule=c.rule,
                    )
                )
    found = resolve_overlaps(out, POLICY)
    return resolve_overlaps(found + _repeats(doc, sentences, found), POLICY)


def _borrowed_head(m: Mention) -> bool:
    """法治督察 in 法治督察、风险告知等管理办法: the surface names the 办法 only there.

    Elsewhere the same words name an activity (加强法治督察), so such a
    system is never repeated; a list's items (法定执法事项27项) still are.
    """
    bare = _strip_marks(m.text)
    return m.type is SYS and m.name != bare and m.name.startswith(bare)


def _repeats(doc: Document, sentences: list[Sentence], found: list[Mention]) -> list[Mention]:
    """Other occurrences of names already found (a name is an entity wherever it recurs).

    Only surfaces of three characters or more are repeated, and only where no
    found mention covers the text, so repeats never change which entities a
    report has; they give the graph every sentence that names them.

    A byte per character of the text marks what mentions cover, so testing an
    occurrence costs its length, not the number of mentions (long reports have
    thousands).
    """
    covered = bytearray(len(doc.text))
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
