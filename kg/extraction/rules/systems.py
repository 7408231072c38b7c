"""Systems and lists named by their head: 行政执法公示制度, 告知承诺制, 政务服务事项清单.

Modifier words + a head word. Coordinated names share or join heads: a
conjunct without a head of its own borrows the next one (法律顾问和合法性审核
制度 → 法律顾问制度 + 合法性审核制度); some X和Y+head are one name
(行政执法和刑事司法衔接机制).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.data import lexicon
from kg.errors import LexiconError
from kg.extraction.places import is_division_name
from kg.extraction.rules.base import (
    CJK,
    CONJ,
    LEVEL,
    LIST,
    NUM,
    PLURAL,
    QUOTE_GROUP,
    SYS,
    TITLE,
    Candidate,
    DocContext,
    SentenceView,
    after_actor_verb,
    alternation,
    by_length,
    drop_lead_verb,
    ending,
    field_and_generic,
    kind_of_system,
    left_edge,
    rule,
    specific,
    strip_marks,
    trim,
    year_led,
)
from kg.model import EntityType
from kg.text.tokenize import word_tag

# jieba's tags of adverbs (d, ad) and pronouns (r): such a word alone is no modifier of a name
_NOT_NAMING_TAGS = frozenset({"d", "ad", "r"})
# the heads after which a modifier may only name a kind (kind_of_system); not 责任制, 制
_KIND_HEADS = frozenset({"制度", "机制"})


@cache
def _sys_head() -> re.Pattern[str]:
    """A system head, or a bare 制 that ends a word of its own (告知承诺制, not 体制)."""
    heads = "|".join(sorted(lexicon.words("system_heads"), key=len, reverse=True))
    compounds = lexicon.words("system_zhi_compounds")
    if any(len(w) != 2 or not w.endswith("制") for w in compounds):
        raise LexiconError("kg/data/system_zhi_compounds.txt: each entry is a character and 制")
    not_before = "".join(w[0] for w in compounds)
    return re.compile(heads + rf"|(?<=[^{not_before}])制(?=[、，。；,;和及等的]|$)")


# A count of systems right before the head (三项制度)
_COUNT_BEFORE = re.compile(rf"[{NUM}]+项$")
# A name that is a count after at most a short word (三项核心制度, 创新两项机制).
_COUNT_PHRASE = re.compile(rf"[{CJK}]{{0,2}}[{NUM}]+[项个类种条大]")


@cache
def _after_bad() -> re.Pattern[str]:
    return re.compile(f"^(?:{lexicon.alternation('system_head_after_bad')})")


@rule(
    "system.head",
    SYS,
    emits=("system.head", "system.head.joined", "system.head.coordinated", "system.head.conj"),
)
def by_system_head(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """行政执法公示制度, 告知承诺制, 讲法、学法、评法机制 (and the conjuncts that borrow the head)."""
    return _by_head(v, _sys_head(), SYS, "system.head")


@rule("list.head", LIST, emits=("list.head", "list.head.joined", "list.head.conj"))
def by_list_head(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """政务服务事项清单, 重大行政决策事项目录 (and the conjuncts that borrow the head).

    Short coordinated words (讲法、学法、评法机制) join into one name under a system head only.
    """
    return _by_head(v, alternation("list_heads"), LIST, "list.head")


def _by_head(v: SentenceView, rx: re.Pattern[str], typ: EntityType, rule_id: str) -> Iterator[Candidate]:
    """Modifier words + a head matched by ``rx``.

    A conjunct without a head of its own shares the head of the next one
    (法律顾问和合法性审核制度 → 法律顾问制度 + 合法性审核制度).
    """
    heads = list(rx.finditer(v.text))
    if not heads:
        return
    titled = [(m.start(), m.end()) for m in TITLE.finditer(v.text)]
    after_bad, generic = _after_bad(), ending("system_generic_compounds")  # 规章制度, 体制机制
    for h in heads:
        if any(a < h.start() < b for a, b in titled):
            continue
        if _inside_word(v, h):
            continue  # 大飞机制造, 自主研制, 个性化定制: the head's characters end no word here
        after = v.text[h.end() : h.end() + 2]
        if after_bad.match(after) or (typ is LIST and after.startswith("管理")):
            # 推进矛盾纠纷多元化解机制建设: building a named mechanism still names it, and so
            # does one a role is played in (发挥调解在…多元预防调处化解综合机制中的作用)
            if not (after in ("建设", "中的") and _specific_long(v, h.start())):
                continue
        if h.group() == "机制" and v.text[max(0, h.start() - 2) : h.start()] in {"制度", "体制"}:
            continue
        count = _COUNT_BEFORE.search(v.text, 0, h.start()) if typ is SYS else None
        if count and h.group() == "制度":
            # 行政执法三项制度全面落实: a field and the count of its systems name them together
            s2 = trim(v.text, left_edge(v, count.start()), count.start())
            field = v.text[s2 : count.start()]
            own = ending("org_heads").search(field)  # 县司法局三项制度: whose, not which
            if len(field) >= 4 and specific(field) and not kind_of_system(field) and not own:
                yield Candidate(s2, h.end(), typ, strip_marks(v.text[s2 : h.end()]), rule_id)
            continue
        if PLURAL.search(v.text[max(0, h.start() - 8) : left_edge(v, h.start())]):
            continue
        if generic.search(v.text, 0, h.end()):
            # 完善提案办理制度机制, 健全规章制度: rules in general, whatever the modifier
            continue
        edge = h.start()
        tok = v.token_before(h.end()) if h.group() == "制" else None
        if tok and tok[1] < edge and v.text[tok[1] : edge] in lexicon.word_set("name_stops"):
            # 首问负责制: the word 负责制 is whole; its 负责 is no verb that stops the name
            edge = tok[1]
        start = left_edge(v, edge)
        if start == edge < h.start():
            continue  # 负责制 alone names no system
        start = _attributive_adverb(v.text, trim(v.text, start, h.end()))
        start = _drop_own_level(v.text, start, h.start())
        start = _drop_lead_verb(v.text, start, h.start())
        if typ is LIST:
            start = after_actor_verb(v, start, h.start(), lexicon.words("relation_compiles"))
        if _after_deng(v.text, start):
            # 法制审查等依法决策机制: the words after 等 name the kind of the items
            continue
        if _COUNT_PHRASE.match(v.text, start, h.start()):
            # 创新三项核心制度: a count of systems, not one named (行政执法三项制度 is)
            continue
        group = QUOTE_GROUP.fullmatch(v.text, start, h.start())
        if group:
            yield from _quote_group(v, group, h, typ, rule_id)
            continue
        if "”“" in v.text[start : h.start()]:
            # “A”“B”…“C”机制: the name is the part after the last pair of adjacent quotes
            start = v.text.rindex("”“", start, h.start()) + 1
        joined = _join_coordination(v, start, h.start(), typ)
        if joined == start and typ is SYS and v.text[start - 1 : start] == "、":
            joined = _parallel_parties(v, start, h.start())
        elif joined != start:
            joined = _parallel_parties(v, joined, h.start())
        if joined != start:
            # 行政执法和刑事司法衔接机制, 人民调解、行政调解、司法调解联动机制: one name, no conjuncts
            name = strip_marks(v.text[joined : h.end()])
            yield Candidate(joined, h.end(), typ, name, rule_id + ".joined")
            continue
        body = v.text[start : h.start()]
        short = re.search(rf"(?:[{CJK}]{{2,3}}、)+[{CJK}]{{2,3}}$", v.text[max(0, start - 16) : h.start()])
        if short and h.group() in short.group():
            short = None  # 责任机制、监督机制: each item has its head, two names and no joined one
        if (
            typ is SYS
            and len(body) <= 3
            and short
            and v.text[start - 1 : start] == "、"
            and strip_marks(body) not in lexicon.word_set("system_generic")
        ):
            if _after_deng(v.text, h.start() - len(short.group())):
                continue
            # 讲法、学法、评法机制: short coordinated words form one name
            start = h.start() - len(short.group())
            s2 = trim(v.text, left_edge(v, start), h.end())
            marks = [k for k in range(s2, start) if v.text[k] in "“”《》"]
            if marks:
                s2 = marks[-1] + 1  # “甲乙”建立、联动机制: a quoted name before the items is not theirs
            name = strip_marks(v.text[s2 : h.end()])
            yield Candidate(s2, h.end(), typ, name, rule_id + ".coordinated")
            continue
        if not specific(body) or word_tag(strip_marks(body)) in _NOT_NAMING_TAGS:
            # 公开目录, 如此机制: an adverb or a pronoun alone names no list or system
            continue
        # 监测和帮扶机制: a conjunct without a head before it is left to the coordination rules
        conjunct = v.text[start - 1 : start] in {*CONJ, "、"} and not v.text.endswith(h.group(), 0, start - 1)
        if h.group() in _KIND_HEADS and kind_of_system(body) and (not conjunct or _kind_before(v, start)):
            continue  # 决策机制, 政府运行新机制, 考核和激励机制: kinds of mechanism
        if typ is LIST and re.search(r"[两三四五六七八九十\d]张", body):
            continue
        name = strip_marks(v.text[start : h.end()])
        if typ is LIST and (dated := year_led(v.text, start, h.end())):
            yield Candidate(dated[0], h.end(), typ, dated[1], rule_id)
        else:
            yield Candidate(start, h.end(), typ, name, rule_id)
        tail = h.group()
        if typ is LIST and "事项" in body:
            tail = "事项" + tail
        if typ is LIST and _enumerated_among_others(v.text, h.end()):
            continue  # 执法人员、执法程序、抽查事项清单、救济渠道: items of other kinds, no conjuncts
        yield from _conjuncts(v, start, typ, tail, rule_id + ".conj", body=strip_marks(body))


def _inside_word(v: SentenceView, h: re.Match[str]) -> bool:
    """True when the head ends inside a jieba word, or is a bare 制 that ends a two-character word.

    飞机制造 holds 机制 across two words (飞机, 制造); 研制, 定制, 遏制 are verbs
    whose 制 makes no system (告知承诺制 and 河长制 end in a 制 of their own).
    """
    if h.end() < len(v.text) and not v.is_token_start(h.end()):
        return True
    if h.group() != "制":
        return False
    tok = v.token_before(h.end())
    return tok is not None and len(tok[0]) == 2


_NEXT_ITEM = re.compile(r"、([^、，。；,;：:]{1,30})")


def _enumerated_among_others(text: str, end: int) -> bool:
    """True when the list at ``end`` is followed by 、 and an item that is no list.

    Such a list stands in an enumeration of things of other kinds (人员、程序、
    X清单、渠道等信息), so the items before it do not share its head;
    权力、责任清单、负面清单 go on with lists.
    """
    m = _NEXT_ITEM.match(text, end)
    if not m:
        return False
    item = re.sub(r"(?:等|和|及)[^、]*$", "", m.group(1))
    return not item.endswith(tuple(lexicon.words("list_heads")))


def _quote_group(
    v: SentenceView, group: re.Match[str], h: re.Match[str], typ: EntityType, rule_id: str
) -> Iterator[Candidate]:
    """“A”“B”协作机制 → A协作机制 (over “A”) and B协作机制 (over “B”协作机制): a head for each quote."""
    tail = group.group(2) + h.group()
    quotes = list(re.finditer(r"“([^“”]+)”", v.text[: group.end(1)]))
    quotes = [q for q in quotes if q.start() >= group.start(1)]
    for k, q in enumerate(quotes):
        last = k == len(quotes) - 1
        name = q.group(1).strip() + tail
        yield Candidate(
            q.start(), h.end() if last else q.end(), typ, name, rule_id if last else rule_id + ".conj"
        )


_DENG_CHAIN = re.compile(r"等(?:[^，。；,;、等“”]{1,10}、)*$")


def _after_deng(text: str, start: int) -> bool:
    """True when the name starts after 等 (or after short items that follow it): a kind, not a name."""
    return start > 1 and bool(_DENG_CHAIN.search(text, 0, start))


def _attributive_adverb(text: str, start: int) -> int:
    """的定期统计分析工作机制: after 的, an adverb of manner qualifies the name, so keep it."""
    for a in by_length("coord_adverbs"):
        if text.endswith(a, 0, start) and text[start - len(a) - 1 : start - len(a)] == "的":
            return start - len(a)
    return start


def _drop_own_level(text: str, start: int, head_start: int) -> int:
    """我县规范性文件报备管理机制: the level word after 我/本 is the report's place, not the name."""
    if (
        text[start : start + 1] in LEVEL
        and text[start - 1 : start] in {"我", "本"}
        and head_start - start > 3
    ):
        return start + 1
    return start


def _drop_lead_verb(text: str, start: int, head_start: int) -> int:
    """创新矛盾纠纷调处机制: a verb acting on the system (system_lead_verbs.txt), cut as a word
    of its own, opens no name; what it leaves may be a kind (疏通传导机制 -> 传导机制)."""
    verbs = lexicon.words("system_lead_verbs")
    while (after := drop_lead_verb(text, start, head_start, verbs, keep=2)) != start:
        start = after  # 提出废止…制度: one verb may follow another
    return start


def _specific_long(v: SentenceView, head_start: int) -> bool:
    start = trim(v.text, left_edge(v, head_start), head_start)
    return head_start - start >= 4 and specific(v.text[start:head_start])


def _join_coordination(v: SentenceView, start: int, head_start: int, typ: EntityType = SYS) -> int:
    """Where a name starts when 和/与/及 joins parts of one name, else ``start``.

    Three shapes make one name of X和Y+head: Y opens with an adverb of manner
    (违法行政行为预防和及时纠正机制), Y ends with a word that relates two
    parties (行政执法和刑事司法衔接机制), or Y repeats the last word of X
    before its own end (纠错案件和败诉案件过错责任追究机制: X parallels the
    front of Y, not the whole of it), or Y alone would only name a kind
    (法制审查和备案配套制度), or Y is one verb, or X names whom the system
    serves (机关事业单位和企业养老保险制度). Otherwise X is a conjunct of its own
    that borrows the head (法律顾问和合法性审核制度). An actor shared by both
    conjuncts makes no one list of one word and another (部门权力和责任清单:
    权力清单 and 责任清单 are lists of their own).
    """
    t = v.text
    adverbs = by_length("coord_adverbs")
    conj = start - 1
    right = t[start:head_start]
    adv = next((a for a in adverbs if t.endswith(a, 0, start)), None)
    if adv and t[start - len(adv) - 1 : start - len(adv)] in CONJ:
        conj = start - len(adv) - 1
    elif t[conj : conj + 1] not in CONJ or len(right) < 2:
        return start
    left_start = trim(t, left_edge(v, conj, max_len=20), conj, keep=2)
    left = t[left_start:conj]
    if len(left) < 2 or not specific(left) or head_start - left_start > 40:
        return start
    if left.count("“") > 1:
        return start  # “A”“B”和C机制: a group of quotes names several things, not one
    if _own_zhi(left):
        return start  # 林长制和田长制: X ends in a 制 of its own, two names
    if adv is None:
        tail = left[-2:]
        repeats = tail in right[:-1] and not right.endswith(tail)
        # 低保标准确定和调整机制: Y is one verb, so what X says before its verb is Y's too
        own_head = alternation("system_conjunct_heads").search(left[-2:])
        one_verb = len(left) >= 4 and not own_head and word_tag(right) in {"v", "vn"}
        if not (
            repeats
            or one_verb
            or ending("system_served_groups").search(left)
            or ending("coord_relational").search(_NEW_OR_LASTING.sub("", right))
            or field_and_generic(right)
            or (_shared_actor(left, right) and not (typ is LIST and len(right) <= 2))
        ):
            return start
    return left_start


def _parallel_parties(v: SentenceView, start: int, head_start: int) -> int:
    """Where a name starts when the items before it (after 、) are parties it relates, else ``start``.

    人民调解、行政调解、司法调解联动机制: the last conjunct ends in a relating word
    (coord_relational.txt) and every earlier item ends in the same last word as
    the party before it (调解): the items are the parties of one mechanism.
    工作协调、信息共享机制 stays two (协调 and 信息 are no parallel parties).
    """
    t = v.text
    last = _NEW_OR_LASTING.sub("", t[start:head_start])
    for g in by_length("system_field_generic"):
        last = last.removesuffix(g)  # 衔接联动工作机制: 工作 says what kind, the relating word is before it
    rel = ending("coord_relational").search(last)
    if rel is None:
        return start
    while (more := ending("coord_relational").search(last, 0, rel.start())) is not None:
        rel = more  # 衔接联动: two relating words
    if rel.start() < 2:
        return start
    # the word the parties end in: the last party's last two characters (司法调解 → 调解)
    party = last[rel.start() - 2 : rel.start()]
    if t.find("和", start, head_start) >= 0:
        party = t[start : t.find("和", start, head_start)][-2:]  # 行政调解和司法调解联动: X's own end
    first, cur = start, start
    while t[cur - 1 : cur] == "、":
        s0 = trim(t, left_edge(v, cur - 1, max_len=12), cur - 1, keep=2)
        item = strip_marks(t[s0 : cur - 1])
        # 警调、诉调、访调对接机制: two-character parties share their last character
        if len(item) < 2 or not (item.endswith(party) or (len(item) == 2 and item[-1] == party[-1])):
            break
        first = cur = s0
    return first


# 合作新机制, 协作长效机制: a qualifier between the relating word and the head
_NEW_OR_LASTING = re.compile(r"(?:新|长效)$")

# A level said as a phrase before who acts: 省级层面领导干部…, 全市领导干部….
_LEVEL_PHRASE = re.compile(r"(?:[省市县区州]级(?:层面)?|全[省市县区州])")


def _shared_actor(left: str, right: str) -> bool:
    """领导干部年度述法和民主测评机制: X opens with who acts (coord_actors.txt) and Y does not.

    The actor then governs both conjuncts (the cadres' yearly report and their
    appraisal): one name. 法律顾问和合法性审核制度 names no actor before 和.
    """
    actor = alternation("coord_actors")
    m = actor.search(left, 0, 12)
    # the actor may follow the place the name is of (吉林省领导干部…)
    place = left[: m.start()] if m else ""
    if not m or (place and not (place in LEVEL or _LEVEL_PHRASE.fullmatch(place) or is_division_name(place))):
        return False
    if left.endswith((*lexicon.words("list_heads"), *lexicon.words("system_heads"))):
        return False  # 党政机关重大决策事项清单和…清单: X is a name of its own
    return len(left) - m.end() >= 2 and not actor.match(right)


def _conjuncts(
    v: SentenceView, start: int, typ: EntityType, tail: str, rule_id: str, body: str = ""
) -> Iterator[Candidate]:
    """Earlier conjuncts (A、B和C制度) that borrow the head of the last one.

    A conjunct that parallels the front of the last one (养老事业和养老产业政策机制:
    养老事业 ~ 养老产业) borrows what follows that front as well (政策机制).
    """
    cur = start
    for _ in range(4):
        k = cur
        # skip a count that belongs to the next conjunct (224项免于处罚和63项减轻…)
        m = re.search(rf"[{NUM}]+[项个类]$", v.text[:k])
        if m:
            k = m.start()
        sep = v.text[k - 1 : k]
        if sep not in {"、", "和", "及"}:
            return
        end = k - 1
        m = re.search(rf"[{NUM}]+[项个类]$", v.text[:end])
        s0 = left_edge(v, end, max_len=20)
        s0 = trim(v.text, s0, end, keep=2)
        if m and m.end() == end:
            return
        item = v.text[s0:end]
        if m := re.match(rf"[{NUM}]+[项个类]", item):
            s0 += m.end()
            item = item[m.end() :]
        bare = strip_marks(item)
        if (
            len(bare) < 2
            or not specific(bare)
            or alternation("system_conjunct_heads").search(bare)
            or _own_zhi(bare)
            or len(bare) > 16
        ):
            return
        if tail in _KIND_HEADS and kind_of_system(bare):
            cur = s0  # 考核、评价和尽职免责制度: 评价 alone names a kind (评价制度), not a system
            continue
        if "”“" in item:
            # “A”“B”、“C”机制: each quote of the item borrows the head
            for q in re.finditer(r"“([^“”]+)”", item):
                yield Candidate(s0 + q.start(), s0 + q.end(), typ, q.group(1).strip() + tail, rule_id)
        else:
            rest = _parallel_rest(bare, body)
            yield Candidate(s0, end, typ, bare + ("" if tail.startswith(rest) else rest) + tail, rule_id)
        cur = s0


def _own_zhi(item: str) -> bool:
    """True when ``item`` ends in a 制 of its own (首问负责制, 告知承诺制), not in 体制 or 法制."""
    return item.endswith("制") and item[-2:] not in lexicon.word_set("system_zhi_compounds")


def _kind_before(v: SentenceView, start: int) -> bool:
    """True when the conjunct before the one at ``start`` (after 和 or 、) names a kind (考核和激励机制)."""
    end = start - 1
    s0 = trim(v.text, left_edge(v, end, max_len=20), end, keep=2)
    item = strip_marks(v.text[s0:end])
    return len(item) >= 2 and kind_of_system(item)


def _parallel_rest(item: str, last: str) -> str:
    """What the last conjunct adds after the part ``item`` parallels (养老事业 ~ 养老产业政策 → 政策)."""
    if len(item) >= 4 and len(last) > len(item) and last[:2] == item[:2] and last[: len(item)] != item:
        return last[len(item) :]
    return ""


@cache
def _prose_systems() -> re.Pattern[str]:
    """National systems that reports name in prose (national_prose_systems.txt)."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon.words("national_prose_systems")))


@rule("system.national", SYS)
def national_prose(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """重大行政决策程序: a national system named in prose, without 《》 or a head.

    Only as what a verb applies (严格执行重大行政决策程序): as a subject or in a
    heading (重大决策程序保障…) the words speak of decisions, not of the rule.
    """
    applied = lexicon.words("relation_implements")
    for m in _prose_systems().finditer(v.text):
        if v.text[: m.start()].endswith(applied):
            yield Candidate(m.start(), m.end(), SYS, strip_marks(m.group()), "system.national")
