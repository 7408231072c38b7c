"""What a report says about itself: its place, year, author, title and kind.

The place is read from the text only (title, 发布机构 line, addressee,
opening sentence, signature), matched against the national gazetteer of
administrative divisions shipped by the ``cpca`` package (GB/T 2260 codes).
The gazetteer file is read directly: importing ``cpca`` would pull in pandas,
which costs seconds. Towns and streets are not in the gazetteer; they are
recognised by their suffix (镇, 乡, 街道) where the report names itself, and
attached to the county the text names as their superior.

Everything here is deterministic and depends on the document text alone.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.data import lexicon
from kg.model import Document, Region, Sentence
from kg.text.tokenize import tokenize

NATIONAL = Region(name="全国", level="national")

# Suffixes that end a division's full name, longest first.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "县", "区", "盟", "旗")
# Gazetteer rows that only group divisions (a municipality's 市辖区 and the like).
_GROUPING = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_LEVEL_CHAR = {"province": "省", "prefecture": "市", "county": "县", "township": "镇"}


@dataclass(frozen=True, slots=True)
class Division:
    """One gazetteer row: a name with its 6-digit code and level."""

    code: str
    name: str
    level: str


def _cpca_resources() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca is not installed (pip install cpca): kg reads its gazetteer")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


@cache
def gazetteer() -> dict[str, Division]:
    """Divisions by 6-digit code, from cpca's adcodes.csv."""
    out: dict[str, Division] = {}
    with (_cpca_resources() / "adcodes.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"][:6], row["name"].strip()
            if not name or name in _GROUPING or not code.isdigit():
                continue
            if code.endswith("0000"):
                level = "province"
            elif code.endswith("00"):
                level = "prefecture"
            else:
                level = "county"
            out[code] = Division(code, name, level)
    return out


@cache
def _nations() -> tuple[str, ...]:
    names: list[str] = []
    with (_cpca_resources() / "56_nations.csv").open(encoding="utf-8") as f:
        for line in f:
            n = line.strip()
            if n:
                names.append(n)
                if n.endswith("族") and len(n) > 2:
                    names.append(n[:-1])
    return tuple(sorted(set(names), key=len, reverse=True))


# Words that stand for a place of their kind when its name ends with them, as 县 stands
# for a county: 自治区政府 in a report of 内蒙古自治区, 州委 of an autonomous prefecture,
# 旗司法局 of a banner, 盟行署 of a league, 地区司法局 of a prefecture-level area. Longest first.
_RELATIVE_LEVEL_WORDS = ("自治区", "自治州", "自治县", "自治旗", "地区", "旗", "盟")


def relative_level_words(place: Region) -> tuple[str, ...]:
    """The words beyond 省市县区州镇乡 that stand for one of ``place``'s regions (自治区, 旗, 盟)."""
    out: list[str] = []
    for r in place.chain():
        for w in _RELATIVE_LEVEL_WORDS:
            if r.name.endswith(w) and len(r.name) > len(w) and w not in out:
                out.append(w)
                if w == "自治旗":
                    out.append("旗")
                break
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def region_for_level_word(word: str, place: Region | None) -> Region | None:
    """The region of ``place``'s chain that a relative level word stands for (自治区 → 内蒙古自治区)."""
    if place is None or word not in _RELATIVE_LEVEL_WORDS:
        return None
    return next((r for r in place.chain() if r.name.endswith(word) and len(r.name) > len(word)), None)


@lru_cache(maxsize=65536)
def short_name(full: str) -> str:
    """The name without its level suffix and ethnic qualifier (新疆维吾尔自治区 → 新疆).

    Cached: entity linking asks it of the same few places for every name of a report.
    """
    s = full
    for suf in _SUFFIXES:
        if s.endswith(suf) and len(s) > len(suf):
            s = s[: -len(suf)]
            break
    changed = True
    while changed:
        changed = False
        for n in _nations():
            if s.endswith(n) and len(s) - len(n) >= 2:
                s = s[: -len(n)]
                changed = True
                break
    return s


# An autonomous division is usually written with its level word after the short
# name: 肃南县 for 肃南裕固族自治县, 楚雄州 for 楚雄彝族自治州, 鄂伦春旗 for 鄂伦春自治旗.
_AUTONOMOUS_LEVEL = {"自治县": "县", "自治州": "州", "自治旗": "旗"}


@cache
def _names() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Codes by full name and by short name (short names of two or more characters).

    Full names include the usual written form of autonomous divisions (肃南县),
    unless another division has that name, so 南县 is not read inside 肃南县.
    """
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    for code, d in sorted(gazetteer().items()):
        full.setdefault(d.name, []).append(code)
        s = short_name(d.name)
        if len(s) >= 2 and s != d.name:
            short.setdefault(s, []).append(code)
        level = next((v for k, v in _AUTONOMOUS_LEVEL.items() if d.name.endswith(k)), None)
        if level and len(s) >= 2 and not s.endswith("族"):
            aliases.setdefault(s + level, []).append(code)
        if level == "州" and len(s) >= 4:
            # a transliterated name of four characters or more goes by its first one:
            # 巴州 for 巴音郭楞蒙古自治州, 博州 for 博尔塔拉蒙古自治州
            aliases.setdefault(s[0] + level, []).append(code)
    for name, codes in aliases.items():
        if name not in full:
            full[name] = codes
    return ({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in short.items()})


def parent_code(code: str) -> str | None:
    """The code of the division that contains ``code``, skipping grouping rows."""
    g = gazetteer()
    candidates = []
    if not code.endswith("00"):
        candidates.append(code[:4] + "00")
    if not code.endswith("0000"):
        candidates.append(code[:2] + "0000")
    for c in candidates:
        if c in g and c != code:
            return c
    return None


def region_of(code: str) -> Region:
    """The Region chain for a gazetteer code."""
    d = gazetteer()[code]
    p = parent_code(code)
    return Region(name=d.name, level=d.level, code=code, parent=region_of(p) if p else None)


def ancestor_codes(code: str) -> set[str]:
    """The codes of every division that contains the one of ``code``."""
    out: set[str] = set()
    p = parent_code(code)
    while p:
        out.add(p)
        p = parent_code(p)
    return out


_MAX_NAME = 12


_END_CHARS = re.compile("[省市县区州盟旗]")


@cache
def _short_of_code() -> dict[str, str]:
    return {c: n for n, codes in _names()[1].items() for c in codes}


@cache
def _all_short_names() -> list[tuple[str, tuple[str, ...]]]:
    return sorted(_names()[1].items())


def _short_names(allowed: frozenset[str] | None) -> list[tuple[str, tuple[str, ...]]]:
    """(short name, codes) pairs, all of them or those of ``allowed`` codes."""
    if allowed is None:
        return _all_short_names()
    by_name: dict[str, list[str]] = {}
    for c in sorted(allowed):
        n = _short_of_code().get(c)
        if n:
            by_name.setdefault(n, []).append(c)
    return [(n, tuple(cs)) for n, cs in sorted(by_name.items())]


def find_divisions(text: str, short: bool | frozenset[str] = True) -> list[tuple[int, int, str]]:
    """(start, end, code) of every gazetteer name in ``text``, longest match first.

    Full names (开阳县) are found wherever they end with a level character.
    Short names (海盐 for 海盐县) are matched only when ``short`` is set (True,
    or the set of codes whose short names may match), and only when not
    followed by the suffix of a smaller place or by a level character.
    Ambiguous names yield one entry per code.
    """
    if len(text) <= _SHORT_TEXT:
        return list(_find_divisions_in_name(text, short))
    return list(_find_divisions_in_text(text, short))


#: Names and heads of names are short; reports are long. Each has a cache of its own, so the
#: many names of a report do not push its text out of the small cache of texts.
_SHORT_TEXT = 64


@lru_cache(maxsize=32)  # a report's text is searched by place, author and mention stages alike
def _find_divisions_in_text(text: str, short: bool | frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    return _find_divisions(text, short)


@lru_cache(maxsize=16384)  # linking asks it of the same names again and again
def _find_divisions_in_name(text: str, short: bool | frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    return _find_divisions(text, short)


def _find_divisions(text: str, short: bool | frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    full, shorts = _names()
    hits: dict[int, tuple[int, tuple[str, ...]]] = {}
    for m in _END_CHARS.finditer(text):
        end = m.end()
        for length in range(min(_MAX_NAME, end), 1, -1):
            w = text[end - length : end]
            if w in full:
                start = end - length
                if start not in hits or hits[start][0] < length:
                    hits[start] = (length, full[w])
                break
    if short:
        smaller = lexicon.words("smaller_place_suffixes")  # 吉水镇 is a town, not 吉水县
        for sname, codes in _short_names(None if short is True else short):
            k = text.find(sname)
            while k >= 0:
                rest = text[k + len(sname) : k + len(sname) + 2]
                if not (rest.startswith(smaller) or rest[:1] in "省市县区州盟旗") and k not in hits:
                    hits[k] = (len(sname), codes)
                k = text.find(sname, k + 1)
    out: list[tuple[int, int, str]] = []
    covered = -1
    for start in sorted(hits):
        length, codes = hits[start]
        if start < covered:
            continue
        out.extend((start, start + length, c) for c in codes)
        covered = start + length
    return tuple(out)


@cache
def _town() -> re.Pattern[str]:
    """A town or street naming itself: its name, then an organ, a date, a verb of the opening."""
    verbs = "|".join(
        map(re.escape, sorted(lexicon.words("author_opening_verbs"), key=lambda w: (-len(w), w)))
    )
    return re.compile(
        r"([\u4e00-\u9fff]{2,6}?)(街道办事处|街道|镇|乡)"
        rf"(?=人民政府|党委|党工委|政府|办事处|始终|[0-9０-９]{{4}}|法治|关于|{verbs}|，|,|:|：|\s|$)"
    )


# Level characters that end a county, city, district or province name inside a stem.
_TOWN_PREFIX_END = "县市区省"


def _generic_town(stem: str, suf: str) -> bool:
    """True for a stem+suffix that speaks of towns in general rather than naming one."""
    name = stem + suf
    function = lexicon.characters("town_function_chars")
    if (
        name in lexicon.word_set("town_generic_names")
        or name.endswith("乡镇")
        or stem.startswith(lexicon.words("town_generic_starts"))
    ):
        return True
    if stem[-1] in _TOWN_PREFIX_END and (stem[-2] in "省市县区州乡镇" or stem[-2] in function):
        return True  # 全省县乡, 市县乡: levels listed together (新市镇 and 旧县镇 are towns)
    return stem[0] in function and stem[1] in lexicon.characters("town_generic_next_chars")


@cache
def is_town_word(word: str) -> bool:
    """One word that names a town (城关镇, 张弓乡, as jieba keeps them whole): a stem of two
    to four characters and 镇 or 乡, not a word for towns in general (乡镇, 全乡镇, 特色小镇)."""
    if not 3 <= len(word) <= 5 or word[-1] not in "镇乡":
        return False
    generic = lexicon.word_set("town_generic_names")
    return not any(word.endswith(g) for g in generic) and not _generic_town(word[:-1], word[-1])


def _town_part(stem: str) -> int:
    """Where the town's own name starts in ``stem``, after any division named before it.

    黎平县龙泉 → 3 (龙泉), 番禺区市桥 → 3 (市桥), 德清县新市 → 3 (新市). A gazetteer name
    is trusted first; otherwise a level character (the stem may begin mid-name, as in
    族自治县龙泉) ends the prefix. At least two characters stay for the town.
    """
    cuts = [e for _, e, _ in find_divisions(stem, short=False) if len(stem) - e >= 2]
    if not cuts:
        cuts = [k + 1 for k, ch in enumerate(stem) if ch in _TOWN_PREFIX_END and k >= 1 and len(stem) - k > 2]
    return max(cuts, default=0)


def town_names(text: str) -> list[tuple[int, str, str]]:
    """(position, name, suffix) of self-named towns and streets in ``text``.

    The name is the town's own (龙泉镇 in 黎平县龙泉镇), so a report that names its
    town with its county and one that does not give the same place.
    """
    out = []
    for m in _town().finditer(text):
        stem, suf = m.group(1), m.group(2)
        if suf == "街道办事处":
            suf = "街道"
        k = _town_part(stem)
        stem = stem[k:]
        if _generic_town(stem, suf):
            continue
        out.append((m.start() + k, stem + suf, suf))
    return out


_ISSUER = re.compile(r"发布机构[ \t]*[:：|]?[ \t]*[|｜]?[ \t]*([\u4e00-\u9fff（）()]{2,30})")


@cache
def _meta_line() -> re.Pattern[str]:
    labels = "|".join(r"\s*".join(map(re.escape, w)) for w in lexicon.words("meta_line_labels"))
    return re.compile(rf"^[\s\-•·*|]*(?:{labels}|第[一二三四五六七八九十\d]+版)")


def is_meta_line(line: str) -> bool:
    """A metadata line of a page or document (索引号, 发文日期, 来源, 第3版 …), not prose."""
    return bool(_meta_line().match(line))


def text_lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        s = line.strip()
        if s:
            out.append((pos + line.index(s[0]), s))
        pos += len(line)
    return out


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")


_BREADCRUMB = re.compile(r"^\s*[>＞]|\s[>＞»]\s|[>＞»]{2}")
_NAVIGATION = re.compile(r"(?:当前|所在|现在的)位置\s*[:：]|首页\s*[>＞/»]")


def is_navigation(line: str) -> bool:
    """A web page's navigation line (当前位置:首页>…, > 资讯中心 > 通知公告): its names are menu entries."""
    return bool(_BREADCRUMB.search(line) or _NAVIGATION.search(line))


def report_title(lines: list[tuple[int, str]]) -> str:
    for _, line in lines[:12]:
        if is_meta_line(line) or _HEADING.match(line) or len(line) < 6 or len(line) > 90:
            continue
        if _BREADCRUMB.search(line):
            continue  # 首页 > 政务公开 > 法治政府建设: the site's path, not the title
        if line.endswith(("。", "；", ":", "：")) or "，" in line or "," in line:
            continue
        if any(w in line for w in lexicon.words("title_line_words")):
            return line.strip(" |")
    return ""


def _starts_a_word(text: str, start: int) -> bool:
    """False where a division's name begins inside a word (兴城市 in 新兴城市建设)."""
    if start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff":
        return True
    window = text[max(0, start - 3) : start + 4]
    offset = start - max(0, start - 3)
    return any(s == offset for _, s, _ in tokenize(window))


def joining_word(text: str, start: int, end: int, after_body: bool = True) -> int:
    """The length of a conjunction or verb that opens the division name ``text[start:end]``
    when the name is that word and a level character after a body (县民政局和县信访局,
    县司法局会同县财政局: 和 + 县, 会同 + 县, not 和县 or 会同县), else 0; with
    ``after_body`` False, wherever it stands."""
    word = text[start : end - 1]
    if text[end - 1 : end] in "省市县区州镇乡" and word in lexicon.word_set("name_stops"):
        if not after_body or lexicon.ending("org_heads").search(text, max(0, start - 12), start):
            return len(word)
    return 0


def _score_divisions(text: str, lines: list[tuple[int, str]], title: str) -> Counter[str]:
    """Votes for each gazetteer code: named in the title, issuer, signature and body.

    A short name (海盐) counts only for a division whose full name (海盐县) the
    text also uses, since short names are often ordinary words (振兴, 共和).
    """
    votes: Counter[str] = Counter()
    generic = lexicon.word_set("generic_division_names")
    full_codes = frozenset(
        code
        for s, e, code in find_divisions(text, short=False)
        if _starts_a_word(text, s) and text[s:e] not in generic and not joining_word(text, s, e)
    )
    weighted: list[tuple[str, float]] = [(title, 6.0)]
    for _, line in lines[:8]:
        weighted.append((line, 2.0))
    for _, line in lines[-4:]:
        weighted.append((line, 3.0))
    m = _ISSUER.search(text[:1500])
    if m:
        weighted.append((m.group(1), 8.0))
    weighted.append((text, 1.0))
    for chunk, w in weighted:
        for s, e, code in find_divisions(chunk, short=full_codes):
            if code in full_codes and not joining_word(chunk, s, e):
                votes[code] += w
    return votes


_TITLE_LEVEL = {"省": "province", "市": "prefecture", "州": "prefecture", "县": "county", "区": "county"}


def _title_level(title: str) -> str | None:
    """The level a title names relatively (市水务局2025年度…报告 is a city's), or None."""
    if title[:1] in _TITLE_LEVEL and not find_divisions(title[:8], short=False):
        return _TITLE_LEVEL[title[0]]
    return None


def _best_division(votes: Counter[str], level: str | None = None) -> str | None:
    """The division with most votes; ancestors lend their support to named descendants.

    When the title names a level relatively (市水务局…), a division of that level wins
    over one merely quoted (湖北省 in a 武汉市 bureau's report).
    """
    if level is not None and any(gazetteer()[c].level == level for c in votes):
        votes = Counter({c: v for c, v in votes.items() if gazetteer()[c].level == level})
    if not votes:
        return None
    total: Counter[str] = Counter()
    for code, v in votes.items():
        total[code] += v
        for anc in ancestor_codes(code):
            if anc in votes:
                total[code] += 0.5 * votes[anc]
    first = {c: k for k, c in enumerate(votes)}  # ties go to the division named first (title, header)
    return min(total, key=lambda c: (-total[c], first[c], c))


_LEAD_YEAR = re.compile(r"20\d\d年度?[，,]?")


def _leads(chunk: str, pos: int) -> bool:
    """True when the town at ``pos`` opens ``chunk``, after a year and its divisions at most.

    2023年，石桥镇… and 黎平县龙泉镇… open their lines; 推进石桥镇… does not.
    """
    head = chunk[:pos]
    m = _LEAD_YEAR.match(head)
    if m:
        head = head[m.end() :]
    covered = 0
    for start, end, _ in find_divisions(head, short=False):
        if start > covered:
            return False
        covered = max(covered, end)
    return covered == len(head)


def detect_place(doc: Document, sentences: list[Sentence], title: str = "") -> Region | None:
    """The innermost region the report is about, from its own text."""
    text = doc.text
    lines = text_lines(text)
    votes = _score_divisions(text, lines, title)
    # Towns and streets that name themselves in the title, issuer line or opening.
    head_chunks = [title]
    m = _ISSUER.search(text[:1500])
    if m:
        head_chunks.append(m.group(1))
    body_lines = [line for _, line in lines if not is_meta_line(line)]
    head_chunks.extend(body_lines[:4])
    head_chunks.extend(line for _, line in lines[-3:])
    towns: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for k, chunk in enumerate(head_chunks):
        for pos, name, _ in town_names(chunk):
            if k <= 1 or _leads(chunk, pos):
                towns[name] += 2
            else:
                towns[name] += 1
            first_seen.setdefault(name, k)
    town = None
    if towns:
        name = min(towns, key=lambda n: (-towns[n], first_seen[n], n))
        if towns[name] >= 2:
            town = name
    best = _best_division(votes, _title_level(title))
    if town:
        parent = None
        if best:
            # The town's county: the most specific division the text names.
            counties = [c for c in votes if gazetteer()[c].level == "county"]
            pick = min(counties, key=lambda c: (-votes[c], c)) if counties else best
            parent = region_of(pick)
        return Region(name=town, level="township", parent=parent)
    if best:
        return region_of(best)
    province = _province_by_short_name(text)
    if province is not None:
        return province
    # Only a text that opens as a central organ is national; quoting 党中央 is not.
    if re.search(r"(?:^|\n)\s*(?:中华人民共和国)?(?:司法部|国务院)", text[:300]):
        return NATIONAL
    return None


def region_in_name(name: str) -> Region | None:
    """The innermost region a place's or a department's name spells out, or None.

    将乐县古镛镇 → 古镛镇 (in 将乐县), 重庆市荣昌区司法局 → 荣昌区. A division
    whose name several places share (永定区) is taken only when an outer
    division of the name contains exactly one of them (龙岩市永定区).
    """
    found = find_divisions(name, short=False)
    if not found:
        return None
    end = max(e for _, e, _ in found)
    inner = [c for _, e, c in found if e == end]
    outer = {c for _, e, c in found if e != end}
    if len(inner) > 1:
        inner = [c for c in inner if ancestor_codes(c) & outer]
    if len(inner) != 1:
        return None
    region = region_of(inner[0])
    towns = [(pos, town) for pos, town, _ in town_names(name) if pos == end]
    if towns:
        return Region(name=towns[0][1], level="township", parent=region)
    return region


_PROVINCE_VOICE = re.compile(r"全省|我省|省委|省政府|省人民政府")


def _province_by_short_name(text: str) -> Region | None:
    """A province the text names only by its short name (江苏工作), when it speaks as one.

    A text about a province may never write its full name; it still says 全省, 省委,
    省政府. A province's short name (江苏, 河南) is no ordinary word, so then the one
    it names most often is its place.
    """
    if not _PROVINCE_VOICE.search(text):
        return None
    provinces = frozenset(c for c, d in gazetteer().items() if d.level == "province")
    counts = Counter(code for _, _, code in find_divisions(text, short=provinces))
    if not counts:
        return None
    best = min(counts, key=lambda c: (-counts[c], c))
    return region_of(best)


def place_prefixes(place: Region | None) -> tuple[str, ...]:
    names: list[str] = ["中共", "中华人民共和国", "国务院", "司法部"]
    for r in place.chain() if place else []:
        names.append(r.name)
        s = short_name(r.name)
        if len(s) >= 2:
            names.append(s)
        names.append(_LEVEL_CHAR.get(r.level, "") or r.name[-1])
    if place and place.name.endswith("街道"):
        names.append("街道")
    return tuple(n for n in names if n)


# 市县…, 省市县…, 县乡…: a name about several levels at once belongs to none of them
# (《市县法治政府建设示范指标体系》 is national), so it is never given a place.
_MULTI_LEVEL = re.compile(r"^(?:省市县?|市县乡?|县乡|县区|区县|市州|州县|市区县)")


def expand_relative(name: str, place: Region | None) -> str:
    """县司法局 → 开阳县司法局: prefix a name that starts with a level word with the place."""
    if place is None or _MULTI_LEVEL.match(name):
        return name
    for r in place.chain():
        ch = _LEVEL_CHAR.get(r.level, "")
        if r.level in ("prefecture", "county") and r.name[-1:] in "州区旗盟":
            ch = r.name[-1]  # 州司法局 of 大理白族自治州, 区司法局 of 未央区
        if r.level == "province" and r.name.endswith("市"):
            ch = "市"  # 市司法局 of 天津市: a municipality is a province named 市
        if r.level == "township" and r.name.endswith("街道") and name.startswith("街道"):
            return r.name + name[2:]
        if ch and name.startswith(ch) and not name.startswith(r.name):
            if r.level == "township" and not r.name.endswith(("镇", "乡")):
                continue
            # 市级行政复议专家咨询委员会 is the city's own: 长治市行政复议专家咨询委员会.
            rest = name[2:] if name[1:2] == "级" else name[1:]
            return r.name + rest
    return name


_LEVEL_OF_WORD = {"省": "province", "市": "prefecture", "州": "prefecture", "县": "county", "区": "county"}


def region_at(place: Region, word: str) -> Region:
    """The region of ``place``'s chain that a level word (我省, 省政府) speaks of, else ``place``."""
    level = _LEVEL_OF_WORD.get(word[:1])
    if level is None or (len(word) > 1 and word[1] in "场县域乡级"):
        return place
    chain = [r for r in place.chain() if r.level != "township"]
    # 我市 in a county-level city (乳山市) is that city; else the region of that level
    named = next((r for r in chain if r.name.endswith(word[0])), None)
    return named or next((r for r in chain if r.level == level), place)


def government_of(place: Region) -> str:
    """The name of a place's government (开阳县 → 开阳县人民政府, 银杏大街街道 → …办事处,
    阿克苏地区 → 阿克苏地区行政公署: a prefecture-level area or a league has an office, not
    a people's government)."""
    if place.level == "national":
        return "国务院"
    if place.name.endswith("街道"):
        return place.name + "办事处"
    if place.name.endswith(("地区", "盟")):
        return place.name + "行政公署"
    return place.name + "人民政府"


def is_division_name(word: str) -> bool:
    """True when ``word`` is the full name of a division in the gazetteer."""
    return word in _names()[0]


# The level characters of county-level divisions: a county becomes a city or a district (库车县 →
# 库车市), so a county's short name may take any of them.
COUNTY_LEVELS = "县市区旗"


def opens_with_renamed_county(name: str) -> bool:
    """True when ``name`` opens with a county's short name and a county-level character the
    gazetteer does not give it (库车市 for the gazetteer's 库车县: counties become cities or
    districts), so the place is there though no full name is found."""
    shorts = _names()[1]
    return any(name[:k] in shorts and name[k : k + 1] in COUNTY_LEVELS for k in range(2, min(len(name), 6)))
