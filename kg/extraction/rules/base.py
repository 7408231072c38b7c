"""What every mention rule works with: the sentence view, the document context,
the candidate record, the ``@rule`` declaration, and the helpers that find a
name's left edge and decide whether its modifier names anything.

A rule is a generator ``(view, ctx) → Candidate`` declared with ``@rule(id,
*types, emits=…)``: ``id`` names the rule, ``types`` are the entity types it
may propose and ``emits`` the exact rule ids its candidates carry (``id`` or
``id.`` + a sub-id). Candidate offsets are relative to the sentence; the
driver (``kg.extraction.mentions``) makes them document offsets.
"""

from __future__ import annotations

import inspect
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from kg.data import lexicon
from kg.extraction.places import find_divisions, gazetteer, is_division_name, relative_level_words, short_name
from kg.model import Document, EntityType, ReportInfo, Sentence
from kg.text.tokenize import tokenize, word_blocks, word_tag

INST, SYS, LIST, BRAND = EntityType.INSTITUTION, EntityType.SYSTEM, EntityType.LIST, EntityType.BRAND

CJK = r"\u4e00-\u9fff"
_OPEN_CLOSE = {"“": "”", "‘": "’", "「": "」", "『": "』", "(": ")", "（": "）", "〈": "〉"}
_CLOSE_OPEN = {v: k for k, v in _OPEN_CLOSE.items()}
PUNCT = set("，。、；：！？,.;:!?…—《》【】[]|/\\\n\r\t ")
NUM = "0-9０-９一二三四五六七八九十百千两几多N"
LEVEL = "省市县区州镇乡"
CONJ = "和与及"


# ---------------------------------------------------------------- lexicons


@cache
def count_re() -> re.Pattern[str]:
    """A count word (三张, 12项): names never start with one."""
    return re.compile(rf"^[{NUM}]+[{''.join(lexicon.words('count_words'))}]?$")


@cache
def alternation(name: str) -> re.Pattern[str]:
    """Any word of a list, longest first (``kg.lexicon.alternation``)."""
    return re.compile(lexicon.alternation(name))


# Any word of a list at the end of the text searched (``search(text)``: a suffix test).
ending = lexicon.ending


@cache
def by_length(name: str) -> tuple[str, ...]:
    """A word list longest first, for greedy prefix and suffix matching."""
    return tuple(sorted(lexicon.words(name), key=len, reverse=True))


# ---------------------------------------------------------------- records


class SentenceView:
    """A sentence with its jieba tokens (offsets relative to the sentence), cut on first use.

    jieba cuts each run of word characters (its ``re_han`` blocks) on its own and
    every other character is a token by itself, so a block is cut only when a rule
    asks about a position inside it: the tokens are those of cutting the whole
    sentence, for a fraction of the work.
    """

    def __init__(self, s: Sentence, level_words: tuple[str, ...] = ()) -> None:
        self.sent = s
        self.text = s.text
        # the report's words beyond 省市县区州镇乡 that stand for a place (DocContext.level_words)
        self.level_words = level_words
        self._blocks: list[tuple[int, int]] | None = None
        self._block_starts: list[int] = []
        self._cut: dict[int, tuple[list[str], list[int]]] = {}

    @classmethod
    def of(cls, s: Sentence, level_words: tuple[str, ...] = ()) -> SentenceView:
        return cls(s, level_words)

    def _block_at(self, i: int) -> tuple[int, int] | None:
        """The word block that holds character ``i``, or None for a character outside blocks."""
        if self._blocks is None:
            self._blocks = word_blocks(self.text)
            self._block_starts = [a for a, _ in self._blocks]
        k = bisect_right(self._block_starts, i) - 1
        if k >= 0 and i < self._blocks[k][1]:
            return self._blocks[k]
        return None

    def _tokens_of(self, a: int, b: int) -> tuple[list[str], list[int]]:
        got = self._cut.get(a)
        if got is None:
            toks = tokenize(self.text[a:b], offset=a, hmm=False)
            got = self._cut[a] = ([w for w, _, _ in toks], [st for _, st, _ in toks])
        return got

    def token_before(self, pos: int) -> tuple[str, int] | None:
        """The token that contains ``pos - 1``, clipped at ``pos``: (word, start)."""
        if pos <= 0 or pos > len(self.text):
            return None
        i = pos - 1
        block = self._block_at(i)
        if block is None:
            if self.text[i] == "\n" and self.text[i - 1 : i] == "\r":
                return self.text[i - 1 : pos], i - 1  # jieba keeps \r\n together
            return self.text[i], i
        words, starts = self._tokens_of(*block)
        k = bisect_right(starts, i) - 1
        return words[k][: pos - starts[k]], starts[k]

    def is_token_start(self, pos: int) -> bool:
        if pos == 0:
            return True
        if pos >= len(self.text):
            return False
        block = self._block_at(pos)
        if block is None:
            return not (self.text[pos] == "\n" and self.text[pos - 1] == "\r")
        if pos == block[0]:
            return True
        _, starts = self._tokens_of(*block)
        k = bisect_right(starts, pos) - 1
        return starts[k] == pos


@dataclass(frozen=True)
class DocContext:
    """Per-document facts the rules use: the report's places.

    ``place_names`` are the report's places (full and short names, longest
    first) and the divisions its text names; ``town_names`` the townships of
    the report's place, if it lies in one; ``level_words`` the words beyond
    省/市/县/区/州/镇/乡 that stand for one of the report's places
    (``kg.extraction.places.relative_level_words``: 自治区 in a report of
    内蒙古自治区, 旗 in one of a banner).
    """

    doc: Document
    info: ReportInfo
    place_names: tuple[str, ...]
    town_names: tuple[str, ...]
    level_words: tuple[str, ...] = ()

    @classmethod
    def of(cls, doc: Document, info: ReportInfo) -> DocContext:
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
        towns = tuple(r.name for r in info.place.chain() if r.level == "township") if info.place else ()
        levels = relative_level_words(info.place) if info.place else ()
        return cls(doc, info, tuple(sorted(names, key=lambda n: (-len(n), n))), towns, levels)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name a rule proposes; ``rule`` is the id of the rule (or its sub-id)."""

    start: int  # relative to the sentence
    end: int
    type: EntityType
    name: str
    rule: str


RuleFunc = Callable[[SentenceView, DocContext], Iterator[Candidate]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered mention rule.

    Attributes:
        id: the rule's id; every id in ``emits`` is it or starts with it and ``.``.
        types: the entity types its candidates may have.
        func: the generator ``(view, ctx) → Candidate``.
        doc: what it finds (the function's docstring).
        emits: the exact rule ids its candidates may carry.
    """

    id: str
    types: frozenset[EntityType]
    func: RuleFunc
    doc: str
    emits: tuple[str, ...]

    def __call__(self, view: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
        return self.func(view, ctx)


def rule(rule_id: str, *types: EntityType, emits: tuple[str, ...] = ()) -> Callable[[RuleFunc], Rule]:
    """Declare a rule function as a ``Rule`` with an id, its types and the ids it emits.

    Raises:
        ValueError: when no type is given or an emitted id does not belong to ``rule_id``.
    """
    emitted = emits or (rule_id,)
    stray = [e for e in emitted if e != rule_id and not e.startswith(rule_id + ".")]
    if not types or stray:
        raise ValueError(f"rule {rule_id!r}: needs a type, and emitted ids under its own id: {stray}")

    def declare(func: RuleFunc) -> Rule:
        return Rule(rule_id, frozenset(types), func, inspect.getdoc(func) or "", emitted)

    return declare


# ---------------------------------------------------------------- left boundary


_RANK = re.compile(rf"[{NUM}]+级")
_ORDINAL = re.compile(rf"第[{NUM}]+[届次批]?")
_NUMBER = re.compile(r"\d+(\.\d+)?[%％]?")


def left_edge(
    v: SentenceView,
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
    stops, count = lexicon.word_set("name_stops"), count_re()
    cur = pos
    while cur > 0 and pos - cur < max_len:
        ch = v.text[cur - 1]
        if ch in _CLOSE_OPEN and (quotes or ch in ")）"):
            o = v.text.rfind(_CLOSE_OPEN[ch], max(0, cur - 20), cur - 1)
            if o < 0 or any(c in "，。；,;" for c in v.text[o:cur]):
                break
            cur = o
            continue
        if ch in PUNCT or ch in _OPEN_CLOSE or ch in "”’』」":
            break
        tok = v.token_before(cur)
        if tok is None:
            break
        word, start = tok
        if word in stops or count.match(word) or _RANK.fullmatch(word) or _adverb_and_stop(word):
            break
        if word in lexicon.word_set("verb_complements") and _stop_before(v, start, stops):
            break  # 建立起…机制: 起 completes the verb, it opens no name
        if ordinals and _ORDINAL.fullmatch(word):
            break
        if _NUMBER.fullmatch(word):
            break
        cur = start
        if level_stop and (word in _LEVEL_WORDS or is_division_name(word)):
            break
    return cur


@cache
def _adverb_and_stop(word: str) -> bool:
    """A word jieba keeps whole that is an adverb glued to a stop verb: 充分利用, 认真开展.

    Such a word opens no name, like its verb (``name_stops``).
    """
    if len(word) < 4:
        return False
    stops, adverbs = lexicon.word_set("name_stops"), lexicon.word_set("lead_adverbs")
    return any(word[:i] in adverbs and word[i:] in stops for i in range(2, len(word) - 1))


def _stop_before(v: SentenceView, pos: int, stops: frozenset[str]) -> bool:
    tok = v.token_before(pos)
    return tok is not None and tok[0] in stops


_LEVEL_WORDS = frozenset([*LEVEL, "街道"])
# 全面依法治县委员会 and 规范性文件 are names: 全面 and 规范 are dropped from the front of
# a name like the adverbs of lead_adverbs.txt, except before these words.
_NAME_OPENER = "依法治"


@cache
def _lead_junk() -> re.Pattern[str]:
    """Adverbs glued to a name (lead_adverbs.txt), 一是…十是, and 全面/规范 not opening a name."""
    adverbs = lexicon.alternation("lead_adverbs")
    return re.compile(rf"(?:全面(?!{_NAME_OPENER})|{adverbs}|[一二三四五六七八九十]是|规范(?!性|化))+")


@cache
def _multi_stops() -> re.Pattern[str]:
    words = sorted((w for w in lexicon.words("name_stops") if len(w) >= 2), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


@cache
def _trim_lists() -> tuple[
    re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str], re.Pattern[str], tuple[str, ...]
]:
    """What trim drops, in the order it tries: adverbs, a counted classifier, a particle,
    stop and lead words, a verb cut as a word of its own."""
    return (
        _lead_junk(),
        lexicon.characters("count_classifiers"),
        lexicon.characters("lead_particles"),
        _multi_stops(),
        alternation("lead_words"),
        lexicon.words("lead_verbs"),
    )


def trim(text: str, start: int, end: int, keep: int = 3) -> int:
    """Drop what jieba glued to the front of a name: adverbs, verbs, counts, 一是."""
    lead, classifiers, particles, stops, lead_words, lead_verbs = _trim_lists()
    complements = lexicon.characters("verb_complements")
    changed = True
    while changed and end - start > keep:
        changed = False
        m = lead.match(text, start, end)
        if m and m.end() > start and end - m.end() >= keep:
            start, changed = m.end(), True
            continue
        ch = text[start]
        if ch in classifiers and re.search(rf"[{NUM}]\s?$", text[max(0, start - 2) : start]):
            # 570项 and 570 项: the classifier of a count before the name
            start, changed = start + 1, True
            continue
        if (ch in particles and not _opens_word(text, start, end)) or (
            ch in complements
            and ending("name_stops").search(text, 0, start)
            and len(_first_word(text[start:end])) == 1  # 出资人 is a word: no complement
        ):
            # 的…, 建立起…: a particle, or the complement of the verb before the name
            # (并购重组制度, 和解机制: the character opens a word, no particle)
            start, changed = start + 1, True
            continue
        m = (
            stops.match(text, start, end)
            or lead_words.match(text, start, end)
            or _VERSION.match(text, start, end)
        )
        if m and end - m.end() >= keep and not text.startswith(_NAME_OPENER, m.end()):
            start, changed = m.end(), True
            continue
        after_verb = drop_lead_verb(text, start, end, lead_verbs, keep)
        if after_verb != start:
            # 建设县级公共法律服务中心: jieba cuts 建设 as a word of its own, a verb
            # (建设工程交易中心 keeps it: 建设工程 is one word)
            start, changed = after_verb, True
            continue
        m = _PRONOUN.match(text, start, end)
        if (
            m
            and end - m.end() >= keep
            and word_tag(m.group()) == "r"
            and _first_word(text[start:end]) == m.group()
        ):
            # 此次, 我国, 如何: a pronoun opens no name (jieba's dictionary tag r)
            start, changed = m.end(), True
    return start


def drop_lead_verb(text: str, start: int, end: int, verbs: Iterable[str], keep: int) -> int:
    """Past a verb of ``verbs`` that opens ``text[start:end]`` as a jieba word of its own,
    when ``keep`` characters stay; else ``start`` (建设工程… keeps 建设: one word)."""
    verbs = tuple(verbs)
    first = _first_word(text[start:end]) if text.startswith(verbs, start) else ""
    return start + len(first) if first in verbs and end - start - len(first) >= keep else start


# An institution's head, a bracket that glosses it (县委编办（…）), at the end of a text.
@cache
def _actor_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon.alternation('org_heads')})(?:[(（][^()（）]{{2,20}}[)）])?$")


def after_actor_verb(v: SentenceView, start: int, end: int, verbs: Iterable[str]) -> int:
    """Past an institution and a verb of ``verbs`` inside ``v.text[start:end]``, else ``start``.

    县委机构编制委员会办公室调整权责清单: the walk to the left ran over the verb
    (调整 stops no name: 动态调整机制), but an institution right before it is the
    one who acts, and the name begins after the verb.
    """
    verbs = tuple(verbs)
    text, out = v.text, start
    for k in range(start + 1, end):
        if not text.startswith(verbs, k) or not v.is_token_start(k):
            continue
        word = next((w for w in sorted(verbs, key=len, reverse=True) if text.startswith(w, k)), "")
        if not v.is_token_start(k + len(word)) or not _actor_end().search(text, start, k):
            continue
        out = k + len(word)
    return out


# A year or 年度 before a name written without 《》 (2024年度重大行政决策事项目录)
_YEAR_LEAD = re.compile(r"(?:\d{4}\s?年度?|年度)")


def year_led(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The span's start and the name when a year opens the name ``text[start:end]``, else None.

    A year belongs to a name only when a title has it (spec): 编制2024年度重大
    行政决策事项目录 names the 重大行政决策事项目录 of that year; the span keeps
    the year (the walk to the left may have stopped inside it, at 年).
    """
    s = start
    while s > 0 and text[s - 1].isdigit() and start - s < 4:
        s -= 1
    m = _YEAR_LEAD.match(text, s, end)
    if not m or end - m.end() < 4:
        return None
    return s, strip_marks(text[m.end() : end])


def _opens_word(text: str, start: int, end: int) -> bool:
    """True when the character at ``start`` opens a longer jieba word of the name (并购, 和解, 均衡)."""
    return len(_first_word(text[start:end])) > 1


def _first_word(text: str) -> str:
    """The first jieba word of ``text`` (HMM off, as the rules cut)."""
    toks = tokenize(text, hmm=False)
    return toks[0][0] if toks else ""


# 2.0版, 3.0 版: the version of a document, before its name
_VERSION = re.compile(r"\d+(?:\.\d+)*\s?版")
# two characters at the front, looked up as a pronoun (此次, 我国, 如何, 该项)
_PRONOUN = re.compile(rf"[{CJK}]{{2}}")


_MARKS = str.maketrans("", "", '“”‘’「」『』《》〈〉"')


def strip_marks(s: str) -> str:
    """``s`` without quote and title marks (called for every candidate: a table, no regex)."""
    return s.translate(_MARKS).strip()


# ---------------------------------------------------------------- modifiers


def specific(body: str) -> bool:
    """A modifier that names something (not empty, generic or a count)."""
    b = strip_marks(body)
    if len(b) < 2 or b in lexicon.word_set("system_generic"):
        return False
    if count_re().match(b) or re.fullmatch(rf"[{NUM}]+[张个项种类条][{CJK}]{{0,2}}", b):
        return False
    if only_generic(b) or field_and_generic(b):
        return False
    return not re.fullmatch(r"[\W\d]+", b)


def kind_of_system(body: str) -> bool:
    """决策机制, 学习机制, 政府运行新机制, 依法治县工作机制: a kind of system, not a named one.

    The modifier before 制度/机制 names no particular system when it is one
    common word of two characters (jieba's dictionary knows it), when it ends
    with 新 (a new mechanism of something), or when it is a field of work
    (system_fields.txt), after a scope word (乡村, 基层), followed only by
    generic words (system_field_generic.txt: 工作, 推进, 运行).
    """
    b = strip_marks(body)
    if len(b) <= 2 and word_tag(b) is not None:
        return True
    if b.endswith("新") and tokenize(b, hmm=False)[-1][0] == "新":
        return True  # 运行新机制, not 创新机制
    if b.endswith(("性", "化")) and len(tokenize(b, hmm=False)) == 1:
        return True  # 基础性制度, 市场化机制: a quality, no name
    rest = b
    tails = by_length("system_field_generic")
    stripped = True
    while stripped:
        stripped = False
        for g in tails:
            if rest.endswith(g) and len(rest) > len(g):
                rest, stripped = rest[: -len(g)], True
                break
    scope = alternation("system_field_scopes").match(rest)
    if scope and scope.end() < len(rest):
        rest = rest[scope.end() :]
    return rest in lexicon.word_set("system_fields")


def field_and_generic(body: str) -> bool:
    """执法配套, 监督管理: a two-character field followed by generic words names a kind, not a system."""
    generic = by_length("system_kind_words")
    rest = body
    stripped = False
    while True:
        g = next((g for g in generic if rest.endswith(g) and len(rest) > len(g)), None)
        if g is None:
            break
        rest, stripped = rest[: -len(g)], True
    return stripped and len(rest) <= 2


def only_generic(body: str) -> bool:
    """True when the modifier is made of generic words only (配套改革工作)."""
    generic = by_length("system_generic")
    rest = body
    while rest:
        for g in generic:
            if rest.startswith(g):
                rest = rest[len(g) :]
                break
        else:
            return False
    return True


# ---------------------------------------------------------------- shared by several families


# A 《》 title: the head rules leave the words inside it to the title rule.
TITLE = re.compile(r"《([^《》\n]{1,100})》")
# A count of several (三张, 5个) right before a head: a number of things, not a name.
PLURAL = re.compile(r"(?:[二三四五六七八九十两几多2-9]|\d\d+)[个张项类种]“?$")
# Two or more quoted names sharing the words after them (“A”“B”协作机制, “A”、“B”工作法):
# group 1 the quotes, group 2 the shared words before the head.
QUOTE_GROUP = re.compile(rf"((?:“[^“”，。；]{{1,20}}”、?){{2,}})([{CJK}]{{0,6}})")
