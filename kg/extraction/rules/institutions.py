"""Institutions: central organs (国务院), a place's organs (县委, 政协X委员会), the
report's own organs written bare (常委会, 政府办), and names ending in an
institution head (…领导小组, …调解中心, 县司法局)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from kg.data import lexicon
from kg.extraction.places import (
    COUNTY_LEVELS,
    ancestor_codes,
    find_divisions,
    gazetteer,
    is_division_name,
    is_town_word,
    joining_word,
    short_name,
)
from kg.extraction.rules.base import (
    CJK,
    INST,
    LEVEL,
    NUM,
    Candidate,
    DocContext,
    SentenceView,
    alternation,
    ending,
    left_edge,
    rule,
    strip_marks,
    trim,
)
from kg.text.tokenize import tagged, word_tag

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


def _opens_title(text: str, start: int, end: int) -> bool:
    """A central organ's name that opens a 《》 title it does not issue (《中国共产党章程》,
    《中国共产党党章》): an issuer's title goes on with 关于 (《国务院关于…》, 《中共中央、
    国务院关于…》) or is a notice (《…印发…的通知》)."""
    if not text[:start].endswith("《"):
        return False
    close = text.find("》", end)
    title = text[end : close if close >= 0 else len(text)]
    return "关于" not in title and "印发" not in title


@rule("org.national", INST)
def national(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """党中央, 国务院, 司法部: central organs, named without a place."""
    for m in _national_re().finditer(v.text):
        if not _opens_title(v.text, m.start(), m.end()):
            yield Candidate(m.start(), m.end(), INST, m.group(), "org.national")


# ---------------------------------------------------------------- a place's organs


@lru_cache(maxsize=64)  # one pattern per place: bounded, so a corpus of many places does not grow memory
def _local_re_cached(
    places: tuple[str, ...], towns: tuple[str, ...], levels: tuple[str, ...] = ()
) -> re.Pattern[str]:
    names = sorted({*places, *towns}, key=lambda n: (-len(n), n))
    organs = sorted(lexicon.words("org_local"), key=lambda w: (-len(w), w))
    place = "|".join(re.escape(n) for n in names)
    level = "".join(f"{re.escape(w)}|" for w in levels) + "[省市县区州镇乡]|街道"
    organ = "|".join(re.escape(o) for o in organs)
    pat = rf"(?:中共)?(?P<place>{place + '|' if place else ''}{level})(?P<organ>{organ})"
    pat += rf"|政协(?P<p2>{place + '|' if place else ''}{level})委员会"
    pat += rf"|(?:共青)?团(?P<p3>{place + '|' if place else ''}[省市县区州])委(?!员)"  # 团区委: the Youth League's
    pat += rf"|共青团(?P<p4>{place + '|' if place else ''}[省市县区州])委员会"  # 共青团宁陵县委员会
    return re.compile(pat)


@cache
def _organ_after_bad() -> re.Pattern[str]:
    """What makes a place's organ part of a longer word (org_after_bad.txt); 委员会 and 常委会 do not."""
    return re.compile(f"^(?:{lexicon.alternation('org_after_bad')}|委员(?!会)|常委(?!会))")


# Words that open with 办 after a place's 委 (县委办理, 县委办好): a verb, not the office 委办.
_BAN_WORDS = frozenset({"办理", "办事", "办好", "办法", "办学", "办案", "办结", "办件", "办实"})


def _verb_not_place(v: SentenceView, ctx: DocContext, start: int) -> int:
    """The length of a verb or conjunction that, with the level character after it, writes a
    division's name far from the report's own place (会同县财政局 in a report of 宁陵县:
    会同 + 县财政局, not 会同县's bureau), else 0. A report of that division or of a place
    within it or around it keeps the division."""
    place = ctx.info.place
    if place is None or not place.code:
        return 0
    tok = v.token_before(start)
    if (
        tok is not None
        and re.fullmatch(rf"[{CJK}]+", tok[0])
        and (tok[0] in tagged("v") or not _stops_a_name(tok[0]))
    ):
        return 0  # 学习借鉴会同县…: a verb's object, the county itself
    for s, e, code in find_divisions(v.text[start : start + 8], short=False):
        if s != 0 or not (k := joining_word(v.text[start:], 0, e, after_body=False)):
            continue
        own = {r.code for r in place.chain()}
        if code in own or place.code in ancestor_codes(code):
            return 0
        return k
    return 0


@rule("org.local", INST)
def local(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """县委, 县人大常委会, 中共开阳县委, 市政府办公室, 政协海盐县委员会, 镇党委."""
    for m in _local_re_cached(ctx.place_names, ctx.town_names, ctx.level_words).finditer(v.text):
        p = m.group("place") or m.group("p2") or m.group("p3") or m.group("p4") or ""
        start = m.start()
        town = None
        if p in _TOWN_LEVELS and m.group("organ"):
            town = _town_start(v, start, left_edge(v, start, max_len=12))  # 城关镇政府, 阳驿乡政府
        if town is not None:
            start = _place_start(v, town, m.start() + len(p))
        elif p.endswith(_TOWN_LEVELS) and len(p) >= 3:
            start = _level_before_town(v, start)  # 县城关镇人民政府
        elif (len(p) <= 2 and p in LEVEL + "街道" or p in ctx.level_words) and not m.group().startswith(
            ("中共", "团", "共青团")
        ):
            prev = v.text[start - 1 : start]
            if (
                prev
                and re.match(rf"[{CJK}]", prev)
                and not v.is_token_start(start)
                and prev not in lexicon.characters("org_level_open_after")
            ):
                continue
            if prev in lexicon.characters("org_level_not_after"):
                continue  # 全县政府, 各县委; 市县政府, 省市政府: the governments of two levels, all of them
            if prev and re.match(rf"[{NUM}]", prev):
                continue  # 十六区政府: a count of governments
        g = next((g for g in ("place", "p2", "p3") if m.group(g)), None)
        if g is not None and joining_word(v.text, m.start(g), m.end(g)):
            continue  # 县委政法委会同县法院: 会同 + 县法院 (found again from 县), not 会同县
        if g is not None and start == m.start(g) and (k := _verb_not_place(v, ctx, start)):
            start += k  # 会同县政府 in a report of 宁陵县: 会同 + 县政府
        end = m.end()
        organ = m.group("organ") or ""
        if organ.endswith("办") and v.text[end - 1 : end + 1] in _BAN_WORDS:
            if organ[:-1] not in lexicon.word_set("org_local"):
                continue
            end -= 1  # 县委办理: 县委 and the verb 办理, no 县委办
        if v.text.startswith("网", end) and organ.endswith(("政府", "人大", "政协")):
            continue  # 湖北政府网: a website
        if _organ_after_bad().match(v.text[end : end + 3]) and not v.text.startswith("派驻", end):
            # 县委书记 is a person, 县委员 a member; 县委 itself is fine before 书记
            if v.text[end : end + 2] in {"书记"} and organ[: len(organ) - (m.end() - end)] in {
                "委",
                "党委",
                "党工委",
            }:
                pass
            elif organ in ("委", "") and v.text[end : end + 1] == "员":
                continue
            else:
                continue
        yield Candidate(start, end, INST, v.text[start:end], "org.local")


_BARE_LOCAL = re.compile(
    r"(?<![\u4e00-\u9fff])(?:常委会|政府办(?:公室)?|地委|行署)(?=[、，。；,;和及]|会议|上|$)"
    r"|(?<=[、和及在])(?:常委会|政府办|地委|行署)(?![\u4e00-\u9fff]{0,1}[员])"
)


@rule("org.bare_local", INST)
def bare_local(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """常委会, 政府办, 地委/行署 written without a place: the report's own organs."""
    for m in _BARE_LOCAL.finditer(v.text):
        yield Candidate(m.start(), m.end(), INST, m.group(), "org.bare_local")


# ---------------------------------------------------------------- the left edge of a name by head

_CLOSE_OPEN = {")": "(", "）": "（", "”": "“", "’": "‘", "』": "『", "」": "「"}
# A count or an occasion before a head (一次党委会议, 新一轮部法律顾问): no name starts there.
_COUNTED = re.compile(r"^[新上下本首每]?[一二两三四五六七八九十百几多数]+[次轮批个项类种家所支名件场]$")
_DATE_UNITS = "年月日"
# An ordinal of a meeting or a batch (第三次, 第二批) is no part of a name; one of a term is
# (郑州市第十五届人民代表大会常务委员会, 省十三届人大常委会).
_ORDINAL = re.compile(rf"第?[{NUM}]+[次批]")
_TERM = re.compile(rf"第[{NUM}]+届")
_TERMS = ("届", "期")
# What follows an ordinal that counts (第一次, 第二批, 第三轮 …), not a unit's number.
_COUNT_AFTER_ORDINAL = frozenset("次批轮届期个项条款章节号家名位年季")


@cache
def _prose_words() -> frozenset[str]:
    """Verbs, adverbs, idioms, conjunctions, prepositions and pronouns of report prose (jieba's
    tags, two characters or more) less the words of names (org_name_words.txt), and the words
    of org_prose_words.txt that jieba tags otherwise."""
    words = tagged("v") | tagged("d") | tagged("ad") | tagged("i") | tagged("c") | tagged("p") | tagged("r")
    tagged_prose = frozenset(w for w in words if len(w) >= 2) - lexicon.word_set("org_name_words")
    return tagged_prose | lexicon.word_set("org_prose_words")


@cache
def _local_organ_words() -> frozenset[str]:
    return lexicon.word_set("org_local")


_TOWN_LEVELS = ("镇", "乡", "街道")


# Words that join two parties and that jieba tags as nouns (县妇联协同县法院, 携手县总工会):
# before a level character they end a name, as the verbs 联合 and 配合 do.
_JOINING_VERBS = frozenset({"协同", "携手", "联手"})
# 驻 and 派驻 before a place: the host of a body's station (县法律援助中心驻县法院工作站).
_STATIONED = ("派驻", "驻")


def _is_place_word(v: SentenceView, word: str, start: int) -> bool:
    """A level word (县, 街道), a division name (开阳县) or a place's organ word (县委) at ``start``.

    A level word after 治 belongs to 依法治县, 依法治镇: it is part of the name, no place;
    so does a level character that ends a zone's name (集聚区, 园区): one is a place
    only where it ends a division name or follows a word no name runs over (联合区…).
    """
    if word in v.level_words:
        return not v.text[:start].endswith("治")  # 旗司法局 in a banner's report; 依法治旗 is a task
    if word in LEVEL or word == "街道":
        if v.text[:start].endswith("治"):
            return False
        if v.text[:start].endswith("示范") and v.text.startswith(("工作", "创建"), start + len(word)):
            return False  # 示范县工作领导小组: the title a group works for, no place
        if word == "区" and _zone_before(v.text, start + 1) is not None:
            return False
        if word in "县区市" and _division_before(v, start + 1, start) == start:
            tok = v.token_before(start)
            return tok is None or _stops_a_name(tok[0]) or tok[0] in _JOINING_VERBS or tok[0] in _STATIONED
        return True
    if is_division_name(word) or (is_town_word(word) and word not in _prose_words()):
        return True
    return len(word) >= 2 and word[0] in LEVEL and word[1:] in _local_organ_words()


def _opens_inside_prose(v: SentenceView, start: int) -> bool:
    """A division name at ``start`` that begins inside a word of the prose: 成县 in 建成县,
    全面完成县 (建成, 完成 and a level character), no place."""
    if v.is_token_start(start):
        return False
    tok = v.token_before(start + 1)
    if tok is None:
        return False
    end = start + 1
    while end < len(v.text) and not v.is_token_start(end):
        end += 1
    # the word or a tail of it that holds the division's first character (完成 of 全面完成)
    words = (v.text[k:end] for k in range(tok[1], start))
    return any(w in _prose_words() or w in tagged("v") for w in words)


def _division_before(v: SentenceView, end: int, limit: int) -> int:
    """The earliest start before ``limit`` of a division name ending at ``end`` (开阳县, or a
    short name and its level character: 肃南 + 县), else ``limit``; not one a joining word
    opens after a body (县民政局和县信访局), nor one that begins inside a verb (建成县)."""
    text = v.text
    lo = max(0, end - 12)
    best = limit
    for s, e, _ in find_divisions(text[lo:end], short=False):
        if (
            lo + e == end
            and lo + s < best
            and not joining_word(text, lo + s, end)
            and not _opens_inside_prose(v, lo + s)
        ):
            best = lo + s
    if text[end - 1 : end] in LEVEL:
        shorts = _short_names()
        for k in range(max(0, end - 9), min(limit, end - 2)):
            if (
                _takes_level(shorts.get(text[k : end - 1], ""), text[end - 1])
                and not joining_word(text, k, end)
                and not _opens_inside_prose(v, k)
            ):
                return min(best, k)
    return best


def _place_start(v: SentenceView, start: int, end: int) -> int:
    """The start of the places that end with the place word at ``start:end``.

    The word may be the tail of a longer division name (南县 in 肃南县) or a
    level character may end one (宁陵县委 cut as 宁陵/县委: ``end`` is after 县);
    the places written before it belong to the name (海口市秀英区…), and so
    does 中共 before them.
    """
    text = v.text
    best = _division_before(v, end, start)
    while best > 0:
        k = _division_before(v, best, best)
        if k == best:
            break
        best = k
    if text[best:end].endswith(_TOWN_LEVELS):
        best = _level_before_town(v, best)
    if text[:best].endswith("中共"):
        best -= 2
    return best


def _level_before_town(v: SentenceView, start: int) -> int:
    """县 in 县城关镇人民政府: a county's level character written alone before a town's name
    (a token of its own after a boundary, not 全县, 各县) belongs to the name; else ``start``."""
    k = start - 1
    if k < 0 or v.text[k] not in "县区市旗" or not v.is_token_start(k):
        return start
    tok = v.token_before(k)
    if tok is None or (tok[0] not in lexicon.characters("org_level_not_after") and _stops_a_name(tok[0])):
        return k
    return start


def _zone_before(text: str, end: int) -> int | None:
    """The start of a zone word (集聚区, 开发区: org_zone_words.txt) ending at ``end``, or None."""
    for w in lexicon.words("org_zone_words"):
        if text.endswith(w, 0, end):
            return end - len(w)
    return None


def _stops_a_name(word: str) -> bool:
    """A word no name runs over, by its tag alone: a stop word, a verb (联合, even where
    it names a body's work), an adverb, idiom, conjunction, preposition, pronoun, numeral,
    time or locative word (上半年, 以来), or an adverb glued to a verb (积极争取)."""
    if word in lexicon.word_set("name_stops") or not re.fullmatch(rf"[{CJK}]+", word):
        return True
    if len(word) >= 4 and word[-2:] in tagged("v") and word[:-2] in lexicon.word_set("lead_adverbs"):
        return True
    return len(word) >= 2 and any(word in tagged(t) for t in _STOP_TAGS)


# jieba's tags of the words no name runs over (``_stops_a_name``).
_STOP_TAGS = ("v", "d", "ad", "i", "c", "p", "r", "m", "t", "f")


def _boundary(v: SentenceView, word: str, start: int) -> bool:
    """A word no town name runs over: a stop word, a prose word, a count, a place or no CJK."""
    return (
        word in lexicon.word_set("name_stops")
        or word in _prose_words()
        or word in tagged("m")
        or _is_place_word(v, word, start)
        or not re.fullmatch(rf"[{CJK}]+", word)
    )


def _town_start(v: SentenceView, level_start: int, floor: int) -> int | None:
    """The start of a town's name before its level word (海秀 of 海秀镇): two to four
    characters of name words after a boundary, or None when there is none."""
    cur = level_start
    while cur > floor and level_start - cur < 4:
        tok = v.token_before(cur)
        if tok is None or tok[1] < floor or _boundary(v, *tok):
            break
        if level_start - tok[1] > 4 and len(tok[0]) == 2 and tok[0][0] in "县区市" and tok[1] >= floor:
            cur = tok[1] + 1  # 县城|关|回族|镇: jieba joins the county's 县 to the town's first character
            break
        cur = tok[1]
    if not 2 <= level_start - cur <= 4 or v.text[cur] in "各全本我该":
        return None
    if cur > 0 and v.text[cur - 1].isdigit():
        return None  # 2023年度乡理论学习中心组: a date, no town (年度乡)
    if cur > floor:
        tok = v.token_before(cur)
        if tok is None or not _boundary(v, *tok):
            return None
    return cur


@cache
def _short_names() -> dict[str, str]:
    """Short names of the gazetteer's divisions (肃南 for 肃南裕固族自治县), two characters or
    more, with the level characters their full names end in: 肃南 + 县 is a place, 会同 + 省
    (会同省公安厅: the verb before a province's body) is not."""
    out: dict[str, set[str]] = {}
    for d in gazetteer().values():
        if len(n := short_name(d.name)) >= 2 and n != d.name:
            out.setdefault(n, set()).add(d.name[-1])
    return {n: "".join(sorted(levels)) for n, levels in out.items()}


def _takes_level(levels: str, char: str) -> bool:
    """Whether a short name whose divisions end in ``levels`` may be followed by ``char``."""
    # the gazetteer may hold a county's older level (库车县 is 库车市 now)
    return char in levels or (char in COUNTY_LEVELS and any(c in COUNTY_LEVELS for c in levels))


_NUMBERED = re.compile(rf"第[{NUM}]+")


def _numbered_unit(v: SentenceView, word: str, start: int, after: int) -> bool:
    """第一 in 县人民检察院第一检察部, 县第一人民法庭, 县公安局第二派出所: the number of a unit
    after its place or its parent body is part of its name (not 第一次, 第二批, 第三届)."""
    if not _NUMBERED.fullmatch(word) or v.text[after : after + 1] in _COUNT_AFTER_ORDINAL:
        return False
    tok = v.token_before(start)
    return tok is not None and (_is_place_word(v, *tok) or _ends_institution(tok[0]))


def _name_start(v: SentenceView, head_start: int) -> tuple[int, bool]:
    """Where the name ending in a head at ``head_start`` begins, and whether a place begins it.

    The walk goes left over jieba words within the reach of ``left_edge`` (which
    stops at punctuation, stop words and counts) and ends:

    - at a place (县, 开阳县, 县委, 海秀镇), taken whole with the places before it
      (肃南县, not 南县; 中共宁陵县委; 秀英区海秀镇);
    - after a verb or adverb of the prose, by jieba's dictionary tags (紧盯, 提请,
      开通, 聚焦), unless it names a body's work (调解, 执法: org_name_words.txt);
    - after a count or a date (一次党委会议, 新一轮, 5日), not after a term (十三届);
    - after 暨 when what precedes it is no institution (…工作会议暨执法协调小组);
    - at a word that starts with 各 (各级党委…): a plural, which the driver drops.
    """
    floor = left_edge(v, head_start, max_len=24)
    text = v.text
    cur = head_start
    while cur > floor:
        ch = text[cur - 1]
        if ch in _CLOSE_OPEN:
            o = text.rfind(_CLOSE_OPEN[ch], floor, cur - 1)
            if o < 0:
                return cur, False
            cur = o
            continue
        tok = v.token_before(cur)
        if tok is None or tok[1] < floor:
            break
        word, st = tok
        zone = _zone_before(text, st + len(word)) if word == "区" else None
        if zone is not None:
            cur = max(zone, floor)
            continue
        if word in _TOWN_LEVELS and not text[:st].endswith("治"):
            town = _town_start(v, st, floor)
            if town is not None:
                return _place_start(v, town, st + len(word)), True
        if is_town_word(word) and word not in _prose_words():
            return _place_start(v, st, st + len(word)), True  # 城关镇 as one word
        if len(word) == 2 and word[0] == "驻" and word[1] in LEVEL:
            return _place_start(v, st + 1, st + 2), True  # 驻县 as one word: 县 is the host's place
        if is_division_name(word) and (k := joining_word(text, st, st + len(word))):
            return _place_start(v, st + k, st + len(word)), True
        if _is_place_word(v, word, st):
            end = st + 1 if word[0] in LEVEL and not is_division_name(word) else st + len(word)
            return _place_start(v, st, end), True
        if cur == head_start and len(word) >= 2 and word[0] in "省县区市州" and not v.is_token_start(cur):
            # 联合县公安局, 联合省公安厅: jieba's one word 县公安局 holds the head; its level
            # character is a place
            if not text[:st].endswith("治"):
                return _place_start(v, st, st + 1), True
        if word in _prose_words() or _COUNTED.match(word) or _ORDINAL.fullmatch(word):
            return cur, False
        if word.startswith("第") and not _TERM.match(text, st):
            if not _numbered_unit(v, word, st, cur):
                return cur, False
            cur = st
            continue
        if (
            word in tagged("m")
            and not word.endswith(_TERMS)
            and word not in lexicon.word_set("org_name_words")
        ):
            return cur, False  # a count, not 少年 (jieba's numeral tag) of 少年法庭
        if word in _DATE_UNITS and st > 0 and re.match(r"[0-9０-９一二三四五六七八九十]", text[st - 1]):
            return cur, False
        if word == "暨" and not ending("org_heads").search(text[floor:st]):
            return cur, False
        if word.startswith("各") and len(word) > 1:
            return st, False
        cur = st
    return floor, False


# ---------------------------------------------------------------- names by head


@cache
def _head_context() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """Head → (what may not follow it, what may not stand before it, the fields that may
    all the same), from org_head_context.jsonl."""
    return {
        r["id"]: (
            tuple(r.get("not_after", ())),
            tuple(r.get("not_before", ())),
            tuple(r.get("but_after", ())),
        )
        for r in lexicon.records("org_head_context")
    }


@cache
def _field_heads() -> dict[str, tuple[str, ...]]:
    """Heads that end a name only after a field: 委 (政法委, 国资委), 办 (信访办, 外办)."""
    return {"委": lexicon.words("org_committee_fields"), "办": lexicon.words("org_office_fields")}


# Heads that must end a jieba word (办 not in 办理, 科 not in 科创) and, for 处, end a word of
# three characters or more, or follow one of two, that is no prose (依法行政指导处, 法规处;
# not 查处, 实处, 联处, 和平共处).
_WORD_END_HEADS = frozenset("办处科股")
# Heads of rooms: a quoted coined name before them makes a brand (“鲜花”警务室), no institution.
_ROOM_HEADS = frozenset({"室", "工作室"})
# Heads of internal divisions, whose names may join two fields with 和 (市场管理和电子商务科).
_DIVISION_HEADS = frozenset("科处股")
# A 党委 or 党组 before 会 (党委会, 党组会) is a meeting: of a body when an organ or a place
# precedes it (局党组会, 镇党委会), of nothing nameable after a topic (专题党委会).
_PARTY_GROUPS = frozenset({"党委", "党组"})


def _organ_before(body: str) -> bool:
    return bool(body) and (body[-1] in LEVEL + "局厅部委院办府" or body.endswith("街道"))


_QUOTES = re.compile(r"[“”\"「」『』]")
_BRACKETED = re.compile(r"[(（]([^()（）]{1,4})[)）]")


def _alternatives(body: str) -> bool:
    """X(Y) of two levels or kinds in the modifier (县(区), 党委(党组)): every body of those kinds."""
    kinds = lexicon.word_set("org_alternative_kinds")
    for m in _BRACKETED.finditer(body):
        if m.group(1) in kinds and any(body[: m.start()].endswith(k) for k in kinds):
            return True
    return False


# 一处, 二处 …: the number of a division within its field (公法一处, 立法二处).
_NUMBERED_DIVISION = re.compile(r"[一二三四五六七八九十]处")


def _head_fits(v: SentenceView, h: re.Match[str]) -> bool:
    """The head's own context: what may follow and precede it, its field, its word."""
    head, text = h.group(), v.text
    not_after, not_before, but_after = _head_context().get(head, ((), (), ()))
    before = text[: h.start()]
    if text.startswith(not_after, h.end()) or (
        before.endswith(not_before) and not before.endswith(but_after)
    ):
        return False  # 局面, 格局, 政局; not 民政局
    fields = _field_heads().get(head)
    if fields is not None and not text[: h.start()].endswith(fields):
        return False
    if head in lexicon.word_set("org_placed_heads") and not (
        v.is_token_start(h.start()) and (h.end() == len(text) or v.is_token_start(h.end()))
    ):
        return False  # 集中学习, 中小学, 公立医院, 政务服务站点: no school, hospital or station
    if head in _WORD_END_HEADS:
        if not (h.end() == len(text) or v.is_token_start(h.end())):
            return False
        if head == "处":
            # the word that ends in 处 (法规处, or 处 after 法规), and what stands before 处 in it
            word, st = v.token_before(h.end()) or ("", 0)
            if word == "处" or _NUMBERED_DIVISION.fullmatch(word):
                # 法规|处, 立法|一处 (a division numbered within its field): the field before it
                numbered = word != "处"
                prev, st = v.token_before(st) or ("", 0)
                if numbered and (len(prev) < 2 or prev in tagged("v") or prev in tagged("p")):
                    return False  # 心往一处想, 拧成一处: a place, no division
                word = prev + word
            if len(word) < 3 or any(w in _prose_words() or w in tagged("a") for w in (word, word[:-1])):
                return False
    return True


def _department_field(v: SentenceView, h: re.Match[str], start: int) -> tuple[int, bool]:
    """县住房和城乡建设局, 县医疗保障局: a name ending in a department's field and head starts
    at the field at least, and at the place before it (the prose walk stops at 和, 保障)."""
    suffix = next((d for d in _DEPARTMENT_HEADS if h.group().endswith(d)), None)
    if suffix is None:
        return start, False
    end = h.end() - len(suffix)  # 执法局 is a head too: the field may hold its first characters
    m = ending("org_department_fields").search(v.text, max(0, end - 12), end)
    if m is None or m.start() >= start:
        return start, False
    place, placed = _name_start(v, m.start())
    if not placed and (body := _placed_department_before(v, m.start())) is not None:
        return body, True  # 县人力资源和社会保障局劳动保障监察大队: a unit of the department
    return (place, True) if placed else (m.start(), False)


def _placed_department_before(v: SentenceView, end: int) -> int | None:
    """The start of a department a place opens whose field and head end at ``end``
    (县人力资源和社会保障局 before 劳动保障监察大队), or None."""
    text = v.text
    for suffix in _DEPARTMENT_HEADS:
        if text.endswith(suffix, 0, end):
            head = end - len(suffix)
            m = ending("org_department_fields").search(text, max(0, head - 12), head)
            if m is not None:
                place, placed = _name_start(v, m.start())
                return place if placed else None
    return None


def _joined_department(v: SentenceView, h: re.Match[str], start: int) -> tuple[int, bool]:
    """县行政审批和政务信息管理局, 县科技和工业信息化局: a department whose full name joins
    two fields with 和 or 与 starts at the place before the first field (the prose walk
    stops at 和), unless the first part is a body of its own (县司法局和县公安局) or holds
    a word of the prose."""
    text = v.text
    if (
        not h.group().endswith(_DEPARTMENT_HEADS)
        or h.start() - start < 2
        or text[start - 1 : start] not in "和与"
    ):
        return start, False
    place, placed = _name_start(v, start - 1)
    if not placed:
        return start, False
    cur, own = _own_words(v, place, start - 1, strict=True)
    field = text[cur : start - 1]
    if not own or not 2 <= len(field) <= 8 or _ends_institution(field):
        return start, False
    if any(w in _prose_words() or w in tagged("a") or not re.fullmatch(rf"[{CJK}]+", w) for w in own):
        return start, False
    return place, True


# Heads of groups named by their task, which may open with a verb (县优化营商环境工作领导小组,
# 县创建全国文明城市指挥部办公室, 县防范和处置非法集资工作领导小组).
_TASK_HEADS = frozenset({"领导小组", "工作小组", "协调小组", "专项小组", "指挥部", "办公室"})


# Words a group's task crosses besides its verbs: 和/与, and the scope of a title the task
# seeks (县创建全国文明城市指挥部, 市争创全省法治政府建设示范市工作领导小组).
_TASK_SCOPES = frozenset({"全国", "全省", "全市"})
_TASK_JOINERS = frozenset({"和", "与", "全面"}) | _TASK_SCOPES  # 全面推行河长制


# jieba's tags of function words (preposition, conjunction, pronoun, adverb, numeral, time,
# locative, particle): no stop word with one of these is a task's verb.
_FUNCTION_TAGS = frozenset({"p", "c", "r", "d", "ad", "m", "t", "f", "u", "ul", "uj", "uz", "ug", "uv", "ud"})


def _untagged_task_verb(word: str) -> bool:
    """A stop word that names an action though jieba tags it otherwise (深化 j, 落实 a,
    全面推行 n): a task's verb in a group's name (县深化“放管服”改革…领导小组)."""
    return word in lexicon.word_set("name_stops") and word_tag(word) not in _FUNCTION_TAGS


def _task_place(v: SentenceView, start: int) -> int | None:
    """The start of a place just before a group's task where the walk stopped at the task's
    verb (县 in 县优化营商环境工作领导小组): a level character or a division name after a
    boundary (a stop word, a prose word, punctuation or the sentence's start), at most four
    words and twelve characters before ``start``, none of them a stop word but a verb or
    和/与; else None."""
    text = v.text
    cur, crossed = start, 0
    while cur > 0 and start - cur <= 12 and crossed <= 4:
        if text[cur - 1] == "”" and (o := text.rfind("“", max(0, cur - 10), cur - 1)) >= 0:
            cur, crossed = o, crossed + 1  # 县深化“放管服”改革…领导小组: a quoted term of the task
            continue
        tok = v.token_before(cur)
        if tok is None:
            return None
        word, st = tok
        if not re.fullmatch(rf"[{CJK}]+", word) or _ends_institution(word) or word in tagged("m"):
            return None  # 县司法局调整…, 市县两级…: a body or a count before the task
        verb = len(word) >= 2 and (word in tagged("v") or word in tagged("vn") or _untagged_task_verb(word))
        if word in LEVEL or is_division_name(word):
            if text[st - 1 : st] in lexicon.characters("org_level_not_after"):
                return None  # 全县, 各县: every place
            before = v.token_before(st)
            if before is None or _stops_a_name(before[0]):
                return _place_start(v, st, st + len(word))
            return None
        if not verb and word not in _TASK_JOINERS and (len(word) < 2 or _stops_a_name(word)):
            return None  # 的, 在, 暨: the task's verb is crossed, no other stop word
        if word in lexicon.word_set("org_group_acts") or word in lexicon.word_set("org_setup_verbs"):
            return None  # 县召开…领导小组会议: the place acts on the group
        crossed += 1
        cur = st
    return None


def _task_verb_after_setup(v: SentenceView, start: int) -> int:
    """The start of the task's verb where the walk stopped at it right after a verb that
    sets up a body (优化 in 成立优化营商环境工作领导小组: org_setup_verbs.txt), else ``start``;
    the verb may seek a title of a scope (成立创建全国文明城市指挥部)."""
    tok = v.token_before(start)
    if tok is not None and tok[0] in _TASK_SCOPES:
        tok = v.token_before(tok[1])
    if tok is None or len(tok[0]) < 2 or not (tok[0] in tagged("v") or tok[0] in tagged("vn")):
        return start
    setup = v.token_before(tok[1])
    acts = lexicon.word_set("org_setup_verbs") | lexicon.word_set("org_group_acts")
    if tok[0] in acts:
        return start  # 主持召开执法协调小组工作推进会: two acts, no task
    return tok[1] if setup is not None and setup[0] in acts else start


# The number of a government service hotline (12345, 12348, 12315: the national 123xx range)
# opens the name of the centre that answers it (12345政务服务便民热线中心).
_HOTLINE = re.compile(r"(?<![0-9０-９])(?:123|１２３)[0-9０-９]{2}$")


def _ends_institution(word: str) -> bool:
    return bool(ending("org_heads").search(word))


def _own_words(v: SentenceView, start: int, head_start: int, strict: bool = False) -> tuple[int, list[str]]:
    """The words of a modifier after its last place or institution (福山 in 澄迈县公安局福山派出所),
    right to left, and where they start. ``strict``: an institution is a word of three
    characters or more that ends in a head, or a head itself (not 调处, a verb ending in 处)."""
    text = v.text
    cur = head_start
    own: list[str] = []
    while cur > start:
        tok = v.token_before(cur)
        if tok is None:
            break
        word, st = tok
        if st < start:
            word, st = text[start:cur], start
        body = _ends_institution(word) and (
            not strict or len(word) >= 3 or word in lexicon.word_set("org_heads")
        )
        if _is_place_word(v, word, st) or body:
            break
        own.append(word)
        cur = st
    return cur, own


# Heads of a government's working departments (县民政局, 省住房和城乡建设厅, 发展和改革委员会).
_DEPARTMENT_HEADS = ("委员会", "局", "厅", "委", "大队", "中心")

# Heads of centres and bases, which a kind word makes a kind when no place or body names
# them: 基层综治中心, 乡镇调解中心, “双创”示范基地 (not 县综治中心, 县司法局示范基地).
_KIND_NAMED_HEADS = frozenset({"中心", "基地"})


def _kind_of_unit(v: SentenceView, start: int, head_start: int) -> bool:
    """A centre or base whose own modifier has a kind word (org_unit_kinds.txt): a kind; not
    one inside a department's field (县农业农村事业发展中心: 农村 of 农业农村)."""
    cur, _ = _own_words(v, start, head_start, strict=True)
    name = alternation("org_department_fields").sub("", v.text[cur:head_start])
    return any(k in name for k in lexicon.word_set("org_unit_kinds"))


def _named_unit(v: SentenceView, start: int, head_start: int) -> bool:
    """A unit every place has (司法所, 派出所, 村委会) named by a proper name or a place.

    The words after the last place or institution of the modifier (福山 in
    澄迈县公安局福山派出所) must be a name: not a kind (基层, 辖区: org_unit_kinds.txt),
    no prose word or adjective, no quote; a modifier that is a place only names the
    unit when the place is (兴隆镇司法所, not 镇司法所).
    """
    text = v.text
    if _QUOTES.search(text[start:head_start]):
        return False
    kinds = lexicon.word_set("org_unit_kinds")
    cur, own = _own_words(v, start, head_start)
    if not own:
        return head_start - start >= 2 and text[start:head_start] not in kinds
    name = text[cur:head_start]
    if any(k in name for k in kinds):
        return False
    if any(len(w) >= 2 and (w in _prose_words() or w in tagged("a")) for w in own):
        return False
    return 2 <= len(name) <= 6


def _joined_division(v: SentenceView, start: int) -> int:
    """Extend a division's name over 和 joining two fields (市场管理和电子商务科), unless
    what precedes 和 is an institution of its own (商贸科和法规科: two names)."""
    text = v.text
    if not text[:start].endswith(("和", "与")):
        return start
    k = left_edge(v, start - 1, max_len=12)
    left = text[k : start - 1]
    if len(left) < 2 or _ends_institution(left) or not re.fullmatch(rf"[{CJK}]+", left):
        return start
    return trim(text, k, start - 1, keep=2)


# 管委会 written bare after a coordinated 党工委 shares its name: 高新区党工委、管委会 is the
# zone's 管委会 (the zone named by two characters or more). (区人大及其常委会 names the 人大
# only: the walk stops at 及其, and 常委会 alone names nothing.)
_AFTER_WORKING_COMMITTEE = re.compile(r"党工委[、和及与]$")


def _elliptic_name(v: SentenceView, h: re.Match[str]) -> str | None:
    """The full name of a 管委会 written bare after its zone's 党工委, or None."""
    m = _AFTER_WORKING_COMMITTEE.search(v.text[: h.start()])
    if h.group() != "管委会" or m is None:
        return None
    start, _ = _name_start(v, m.start())
    body = v.text[start : m.start()]
    return body + "管委会" if len(body) >= 2 else None


_CONJUNCT_ORDINAL = re.compile(rf"(?:、|和|及|与)(第[{NUM}]+)([{CJK}]{{0,4}})$")


def _conjunct_numbered_unit(v: SentenceView, h: re.Match[str]) -> tuple[int, str] | None:
    """(start, full name) of a numbered unit written after 、 or 和 without its body, when
    the conjuncts before it are the same body's units of the same kind (县检察院第二检察部、
    第三检察部 → 县检察院第三检察部); else None."""
    t = v.text
    if "第" not in t[max(0, h.start() - 8) : h.start()]:
        return None
    m = _CONJUNCT_ORDINAL.search(t, max(0, h.start() - 12), h.start())
    if m is None:
        return None
    unit = m.group(2) + h.group()  # 检察部
    # the same unit before it, with the joiner before it when it is a conjunct too
    earlier = re.compile(rf"([、和及与])?第[{NUM}]+{re.escape(unit)}$")
    end = m.start()
    while (prev := earlier.search(t, 0, end)) is not None and prev.group(1):
        end = prev.start()  # 第一检察部、第二检察部和第三检察部: back to the first conjunct
    if prev is None:
        return None
    start, _ = _name_start(v, end - len(h.group()))
    body = t[start : prev.start()]
    if len(body) < 2:
        return None
    return m.start(1), body + t[m.start(1) : h.end()]


# Units a bureau, department or committee names with one character of its own
# (局党组, 局务会, 部常务会, 委主任办公会): the writer's own, found by kg.extraction.hierarchy.
_OWN_UNIT_HEADS = frozenset({"办公室", "党组", "党委", "务会", "务会议", "常务会", "常务会议", "主任办公会"})


@cache
def _shorter_heads() -> dict[str, tuple[str, ...]]:
    """Each head that opens with shorter heads of two characters or more (中心组: 中心),
    longest first."""
    heads = lexicon.word_set("org_heads")
    out = {h: tuple(h[:k] for k in range(len(h) - 1, 1, -1) if h[:k] in heads) for h in heads}
    return {h: p for h, p in out.items() if p}


def _word_end_head(v: SentenceView, h: re.Match[str]) -> re.Match[str]:
    """The head at ``h``, or a shorter head it opens when ``h`` ends inside a word
    (县机关事务服务中心组织培训: 中心, not 中心组 across 组织)."""
    shorter = _shorter_heads().get(h.group())
    if not shorter or h.end() >= len(v.text) or v.is_token_start(h.end()):
        return h
    for head in shorter:
        if v.is_token_start(h.start() + len(head)):
            return re.compile(re.escape(head)).match(v.text, h.start()) or h
    return h


def _verb_alone(body: str) -> bool:
    """True when ``body`` is one verb by jieba's dictionary (联合, 配合, 协助)."""
    return word_tag(body) in {"v", "vd"}


def _bare_department(text: str, h: re.Match[str]) -> bool:
    """司法局 written alone: not 全国司法厅局长 (a role after it, all of them before it)."""
    return not text.startswith(("长", "局", "厅"), h.end()) and not text[: h.start()].endswith(
        ("全国", "各", "级")
    )


# Courts and procuratorates written bare: the place's own only in a list after a placed body
# (县法院、检察院), else any court (依法向人民法院提起诉讼).
_COURT_HEADS = frozenset({"法院", "检察院", "人民法院", "人民检察院"})


def _listed_after_body(v: SentenceView, start: int) -> bool:
    """A head at ``start`` written bare after 、 (or 和, 及) and a body whose name a place
    opens, or another such head (检察院 in 县法院、检察院, 法院 in 县公安局、检察院、法院): the
    same place's body."""
    text = v.text
    if start < 1 or text[start - 1] not in "、和及":
        return False
    k = left_edge(v, start - 1, max_len=16)
    prev = text[k : start - 1]
    if prev in _COURT_HEADS:
        return _listed_after_body(v, k)  # 县公安局、检察院、法院
    if len(prev) < 3 or not _ends_institution(prev):
        return False
    _, placed = _name_start(v, start - 1 - len(ending("org_heads").search(prev).group()))
    return placed


# The heads of courts and procuratorates, whose units are named by their work, verbs too
# (县法院执行指挥中心, 县人民法院诉调对接中心, 县检察院刑事执行检察部).
_COURT_BODY = re.compile("(?:法院|检察院)$")
_NOT_IN_UNIT_TAGS = ("p", "c", "r", "d")


def _court_unit(v: SentenceView, start: int) -> int | None:
    """The start of a court or procuratorate a place opens whose unit's name the walk cut at
    a verb or a numeral-like word of the unit's work (执行, 对接, 繁简, 多元, 少年), or None.
    Up to twelve characters are crossed; not a verb that sets up a body
    (县法院设立诉调对接中心), a stop word other than a body's work, a preposition,
    conjunction, pronoun or adverb."""
    text = v.text
    cur = start
    while True:
        if cur < start and (m := _COURT_BODY.search(text, 0, cur)) is not None:
            if text[cur : cur + 1] in "与和":
                return None  # 县检察院与县公安局…, 县法院和…: two parties
            court, placed = _name_start(v, m.start())
            return court if placed else None
        if start - cur >= 12:
            return None
        tok = v.token_before(cur)
        if tok is None or not re.fullmatch(rf"[{CJK}]+", tok[0]):
            return None
        word = tok[0]
        if word in ("与", "和"):  # two fields: 侦查监督与协作配合办公室
            cur = tok[1]
            continue
        if word in lexicon.word_set("name_stops") and word not in lexicon.word_set("org_name_words"):
            return None
        if word in lexicon.word_set("org_setup_verbs") or any(word in tagged(t) for t in _NOT_IN_UNIT_TAGS):
            return None
        cur = tok[1]


# Party committees of a kind of organisations (县“两新”组织党工委, 县社会组织综合党委).
_PARTY_COMMITTEES = frozenset({"党委", "党工委", "工委", "党支部"})


def _organisations_field(v: SentenceView, start: int) -> int | None:
    """The start of the place before a kind of organisations that a Party committee works in,
    where the walk stopped at 组织 (县“两新”组织党工委, 县社会组织综合党委): the words between
    the place and 组织 name the kind, no body (not 县司法局组织…); else None."""
    text = v.text
    k = start
    tok = v.token_before(k)
    while tok is not None and tok[0] != "组织" and start - tok[1] <= 4 and re.fullmatch(rf"[{CJK}]+", tok[0]):
        k = tok[1]  # 综合 of 社会组织综合党委
        tok = v.token_before(k)
    if tok is None or tok[0] != "组织":
        return None
    place, placed = _name_start(v, tok[1])
    while not placed and text[place - 1 : place] in ("和", "、") and text.endswith("组织", 0, place - 1):
        # 县新经济组织和新社会组织党委: two kinds of organisations, one committee
        place, placed = _name_start(v, place - 3)
    kind = text[place : tok[1]]
    if not placed or len(strip_marks(kind)) < 3 or alternation("org_heads").search(kind):
        return None
    return place


def _stationing_body(v: SentenceView, start: int, head_start: int) -> int:
    """The start of the body that keeps a station (…工作站, …调解室, …纪检监察组) at a host
    body or town after 驻 or 派驻 (县法律援助中心驻县法院工作站, 县纪委监委派驻县司法局纪检监察组,
    县人民检察院驻城关镇检察室): the station's name holds both; else ``start``. The host
    alone (县司法局驻县信访局) is no station."""
    text = v.text
    lead = next((w for w in _STATIONED if text.endswith(w, 0, start)), None)
    if lead is None:
        return start
    e = start + 1
    while e < head_start and not v.is_token_start(e):
        e += 1
    host = text[start:e]  # 城关镇 of 驻城关镇检察室
    at_town = (
        e < head_start
        and (is_town_word(host) or is_division_name(host))
        and not text.startswith(lexicon.words("org_parent_heads"), e)
    )  # 县人民检察院驻城关镇检察室; not 驻城关镇人民政府, the host itself
    if not at_town and alternation("org_heads").search(text, start, head_start) is None:
        return start
    end = start - len(lead)
    m = ending("org_heads").search(text, max(0, end - 8), end)
    if m is None:
        return start
    body, placed = _name_start(v, m.start())
    return body if placed and _ends_institution(text[body:end]) else start


def _central_opener(v: SentenceView, start: int) -> int:
    """The start of a central administration (…总局, opened by 国家) written right before the
    place of one of its local offices (国家税务总局宁陵县税务局, 国家金融监督管理总局商丘监管分局):
    the office's name holds it; else ``start``."""
    k = left_edge(v, start, max_len=14)
    body = v.text[k:start]
    if body.endswith("总局") and body.startswith(lexicon.words("org_national_openers")) and len(body) >= 4:
        return k
    if body.endswith("银行") and body.startswith("中国") and len(body) >= 4:
        return k  # 中国人民银行宁陵县支行, 中国农业银行宁陵县支行: a bank's branch
    return start


@rule("org.head", INST)
def by_head(v: SentenceView, ctx: DocContext) -> Iterator[Candidate]:
    """法治政府建设工作领导小组, 民商事案件调解中心, 县司法局: modifier words + head."""
    for h in (_word_end_head(v, m) for m in alternation("org_heads").finditer(v.text)):
        head = h.group()
        if not _head_fits(v, h):
            continue
        elliptic = _elliptic_name(v, h)
        if elliptic is not None:
            yield Candidate(h.start(), h.end(), INST, elliptic, "org.head")
            continue
        numbered = _conjunct_numbered_unit(v, h)
        if numbered is not None:
            yield Candidate(numbered[0], h.end(), INST, numbered[1], "org.head")
            continue
        numbered_division = _NUMBERED_DIVISION.fullmatch(v.text, h.start() - 1, h.end())
        start, placed = _name_start(v, h.start() - (1 if numbered_division else 0))
        if not placed:
            start = trim(v.text, start, h.end(), keep=len(head) + 1)
            start, placed = _department_field(v, h, start)
            if not placed:
                start, placed = _joined_department(v, h, start)
            if not placed and head in _TASK_HEADS and (task := _task_place(v, start)) is not None:
                start, placed = task, True  # 县优化营商环境工作领导小组: the walk stopped at 优化
            elif not placed and head in _TASK_HEADS:
                start = _task_verb_after_setup(v, start)  # 成立优化营商环境工作领导小组
            if (
                not placed
                and head in _PARTY_COMMITTEES
                and (field := _organisations_field(v, start)) is not None
            ):
                start, placed = field, True  # 县“两新”组织党工委: the walk stopped at 组织
            if not placed and (court := _court_unit(v, start)) is not None:
                start, placed = court, True  # 县法院执行指挥中心: the walk stopped at 执行
            if not placed and (hotline := _HOTLINE.search(v.text, 0, start)) is not None:
                start, placed = _name_start(v, hotline.start())  # 县12345政务服务便民热线中心
                if not placed:
                    start = hotline.start()
        if placed:
            start += _verb_not_place(v, ctx, start)  # 会同县财政局 in a report of 宁陵县
            start = _central_opener(v, start)  # 国家税务总局宁陵县税务局
            start = _stationing_body(v, start, h.start())  # 县法律援助中心驻县法院工作站
        if head in _DIVISION_HEADS and h.start() - start >= 2:
            start = _joined_division(v, start)
        if (
            not placed
            and head in lexicon.word_set("org_whole_heads")
            and _verb_alone(v.text[start : h.start()])
        ):
            start = h.start()  # 联合司法局开展…: the verb acts with the body, it names none of it
        name = v.text[start : h.end()]
        body = v.text[start : h.start()]
        if len(strip_marks(body)) < 2 and not (
            len(body) == 1 and body in "厅局部委院" and head in _OWN_UNIT_HEADS
        ):
            if (
                not (len(body) == 1 and (body in LEVEL or body in v.level_words) and len(head) >= 2)
                and not (
                    not body and head in lexicon.word_set("org_whole_heads") and _bare_department(v.text, h)
                )
                and not (not body and head in _COURT_HEADS and _listed_after_body(v, start))
            ):
                continue
        if head in lexicon.word_set("org_owned_heads") and not (
            placed
            or v.text.startswith("县城", start)
            or _own_words(v, start, h.start(), strict=True)[0] > start
        ):  # 县 opens 县城投公司 though jieba cuts 县城 (the county town)
            continue  # 运营公司, 债转股: a kind of firm or share
        if head in lexicon.word_set("org_placed_heads") and not (
            placed or _own_words(v, start, h.start(), strict=True)[0] > start
        ):
            continue  # 人民医院, 定点医院, 法律服务站: a school, hospital or station is named by its place
        if head in lexicon.word_set("org_named_unit_heads") and not _named_unit(v, start, h.start()):
            continue
        if head in _KIND_NAMED_HEADS and _kind_of_unit(v, start, h.start()):
            continue
        if head in _PARTY_GROUPS and v.text.startswith("会", h.end()) and not _organ_before(body):
            continue  # 法治建设专题党委会: a meeting on a topic, no body
        if head in _ROOM_HEADS and (_QUOTES.search(body) or v.text[start - 1 : start] == "“"):
            continue
        if _alternatives(body):
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
