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
from functools import cache
from pathlib import Path

from kg.model import Document, Region, ReportInfo, Sentence

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


def short_name(full: str) -> str:
    """The name without its level suffix and ethnic qualifier (新疆维吾尔自治区 → 新疆)."""
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


@cache
def _names() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Codes by full name and by short name (short names of two or more characters)."""
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    for code, d in sorted(gazetteer().items()):
        full.setdefault(d.name, []).append(code)
        s = short_name(d.name)
        if len(s) >= 2 and s != d.name:
            short.setdefault(s, []).append(code)
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


def _ancestors(code: str) -> set[str]:
    out: set[str] = set()
    p = parent_code(code)
    while p:
        out.add(p)
        p = parent_code(p)
    return out


# A name followed by one of these is a smaller place (吉水镇 is not 吉水县).
_SMALLER = ("镇", "乡", "街道", "村", "社区", "路", "大街", "街")
_MAX_NAME = 12


_END_CHARS = re.compile("[省市县区州盟旗]")


@cache
def _short_of_code() -> dict[str, str]:
    return {c: n for n, codes in _names()[1].items() for c in codes}


def _short_names(allowed: frozenset[str] | None) -> list[tuple[str, tuple[str, ...]]]:
    """(short name, codes) pairs, all of them or those of ``allowed`` codes."""
    if allowed is None:
        return sorted(_names()[1].items())
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
        for sname, codes in _short_names(None if short is True else short):
            k = text.find(sname)
            while k >= 0:
                rest = text[k + len(sname) : k + len(sname) + 2]
                if not (rest.startswith(_SMALLER) or rest[:1] in "省市县区州盟旗") and k not in hits:
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
    return out


_TOWN = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(街道办事处|街道|镇|乡)(?=人民政府|党委|党工委|政府|办事处|在|坚持|始终|[0-9０-９]{4}|法治|关于|深入|认真|以|围绕|紧紧|，|,|:|：|\s|$)"
)
# A stem that starts with a function word followed by a level or collective word is a
# phrase about towns in general (和乡镇, 各街道, 全县乡镇, 向镇党委), not a town's name;
# the same words start real names when another word follows (和平镇, 向阳街道, 全州镇).
_TOWN_FUNCTION_START = frozenset("各全本我该等和及对在向与")
_TOWN_GENERIC_NEXT = frozenset("乡镇街村社县市区省城各全本")
# Stems that begin with a generic place word: 城乡…, 城市社区和乡…, 乡村…, 村级….
_TOWN_GENERIC_START = ("城乡", "城镇", "城市", "乡镇", "乡村", "乡级", "村镇", "村级", "村居", "村社")
_TOWN_BAD = {
    "城镇",
    "乡镇",
    "村镇",
    "集镇",
    "重镇",
    "小镇",
    "城乡",
    "下乡",
    "家乡",
    "故乡",
    "老乡",
    "返乡",
    "专业镇",
}
_TOWN_LEVELS_AND_FUNCTION = frozenset("省市县区州乡镇") | _TOWN_FUNCTION_START
# Level characters that end a county, city, district or province name inside a stem.
_TOWN_PREFIX_END = "县市区省"


def _generic_town(stem: str, suf: str) -> bool:
    """True for a stem+suffix that speaks of towns in general rather than naming one."""
    name = stem + suf
    if name in _TOWN_BAD or name.endswith("乡镇") or stem.startswith(_TOWN_GENERIC_START):
        return True
    if stem[-1] in _TOWN_PREFIX_END and stem[-2] in _TOWN_LEVELS_AND_FUNCTION:
        return True  # 全省县乡, 市县乡: levels listed together (新市镇 and 旧县镇 are towns)
    return stem[0] in _TOWN_FUNCTION_START and stem[1] in _TOWN_GENERIC_NEXT


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


def _town_names(text: str) -> list[tuple[int, str, str]]:
    """(position, name, suffix) of self-named towns and streets in ``text``.

    The name is the town's own (龙泉镇 in 黎平县龙泉镇), so a report that names its
    town with its county and one that does not give the same place.
    """
    out = []
    for m in _TOWN.finditer(text):
        stem, suf = m.group(1), m.group(2)
        if suf == "街道办事处":
            suf = "街道"
        k = _town_part(stem)
        stem = stem[k:]
        if _generic_town(stem, suf):
            continue
        out.append((m.start() + k, stem + suf, suf))
    return out


_YEAR_IN_TITLE = re.compile(r"(20\d\d|19\d\d)\s*年")
_ISSUER = re.compile(r"发布机构[ \t]*[:：|]?[ \t]*[|｜]?[ \t]*([\u4e00-\u9fff（）()]{2,30})")
_ADDRESSEE = re.compile(r"^([\u4e00-\u9fff、，,（）() ]{2,60})[:：]\s*")
_OWN = re.compile(r"我(省|市|州|县|区|镇|乡|街道|局|厅|委|部|办)")
_AUTHOR_HEAD = re.compile(
    r"([\u4e00-\u9fff]{1,30}?(?:人民政府办公室|人民政府办公厅|人民政府|街道办事处|办事处|司法局|司法厅|司法部|"
    r"[\u4e00-\u9fff]{1,8}局|[\u4e00-\u9fff]{1,8}厅|[\u4e00-\u9fff]{1,6}部|委员会|政府))"
)
_TITLE_WORDS = ("报告", "答复", "复函", "的函", "情况", "总结", "解读", "要闻", "举措", "建设")
_META_LINE = re.compile(
    r"^[\s\-•·*|]*(索\s*引\s*号|备注|文号|公文生成|发文日期|成文日期|主题|题裁|名称|文件编号|字号|来源|您现在的位置|作者|第[一二三四五六七八九十\d]+版)"
)


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        s = line.strip()
        if s:
            out.append((pos + line.index(s[0]), s))
        pos += len(line)
    return out


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")


def _title(lines: list[tuple[int, str]]) -> str:
    for _, line in lines[:12]:
        if _META_LINE.match(line) or _HEADING.match(line) or len(line) < 6 or len(line) > 90:
            continue
        if line.endswith(("。", "；", ":", "：")) or "，" in line or "," in line:
            continue
        if any(w in line for w in _TITLE_WORDS):
            return line.strip(" |")
    return ""


def _kind(text: str, title: str) -> str:
    head = title + text[:300]
    if re.search(r"答复|复函|提案|建议的|建议办理|代表建议|委员[:：]|代表[:：]", head):
        return "reply"
    if re.search(r"本报记者|记者\s*[\u4e00-\u9fff]{2,3}|要闻|第[一二三四五六七八九十\d]+版", text):
        return "news"
    return "report"


def _year(text: str, title: str) -> int | None:
    """The year reported on: the title's, the opening sentence's, else the commonest."""
    m = _YEAR_IN_TITLE.search(title)
    if m:
        return int(m.group(1))
    for _, line in _lines(text[:3000]):
        if _META_LINE.match(line):
            continue
        m = re.match(r"(20\d\d)\s*年(?:度)?[，,以]", line)
        if m:
            return int(m.group(1))
    years = Counter(int(m.group(1)) for m in re.finditer(r"(?<![—\-－~～至到0-9])(20\d\d)\s*年(?!\))", text))
    if years:
        return min(years, key=lambda y: (-years[y], y))
    m = re.search(r"(20\d\d)", text)
    return int(m.group(1)) if m else None


def _score_divisions(text: str, lines: list[tuple[int, str]], title: str) -> Counter[str]:
    """Votes for each gazetteer code: named in the title, issuer, signature and body.

    A short name (海盐) counts only for a division whose full name (海盐县) the
    text also uses, since short names are often ordinary words (振兴, 共和).
    """
    votes: Counter[str] = Counter()
    full_codes = frozenset(code for _, _, code in find_divisions(text, short=False))
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
        for _, _, code in find_divisions(chunk, short=full_codes):
            if code in full_codes:
                votes[code] += w
    return votes


def _best_division(votes: Counter[str]) -> str | None:
    """The division with most votes; ancestors lend their support to named descendants."""
    if not votes:
        return None
    total: Counter[str] = Counter()
    for code, v in votes.items():
        total[code] += v
        for anc in _ancestors(code):
            if anc in votes:
                total[code] += 0.5 * votes[anc]
    return min(total, key=lambda c: (-total[c], c))


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
    lines = _lines(text)
    votes = _score_divisions(text, lines, title)
    # Towns and streets that name themselves in the title, issuer line or opening.
    head_chunks = [title]
    m = _ISSUER.search(text[:1500])
    if m:
        head_chunks.append(m.group(1))
    body_lines = [line for _, line in lines if not _META_LINE.match(line)]
    head_chunks.extend(body_lines[:4])
    head_chunks.extend(line for _, line in lines[-3:])
    towns: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for k, chunk in enumerate(head_chunks):
        for pos, name, _ in _town_names(chunk):
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
    best = _best_division(votes)
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
    if re.search(r"(?:^|\n)\s*(?:中华人民共和国)?(?:司法部|国务院)|党中央|全国", text[:300]):
        return NATIONAL
    return None


def _issuer(text: str) -> str:
    m = _ISSUER.search(text[:1500])
    return m.group(1).strip() if m else ""


_ORG_END = re.compile(
    r"(人民政府办公室|人民政府办公厅|政府办公室|人民政府|政府办|街道办事处|办事处|党工委|党委|委员会|"
    r"[\u4e00-\u9fff]{1,8}(?:局|厅|部|办))$"
)


def _place_prefixes(place: Region | None) -> tuple[str, ...]:
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


def _is_org(cand: str, place: Region | None) -> bool:
    """An institution name that starts with the report's place (or a level word)."""
    return bool(4 <= len(cand) + 2 and len(cand) <= 30 and _ORG_END.search(cand)) and (
        cand.startswith(_place_prefixes(place)) or cand in {"司法部", "国务院"}
    )


# 市县…, 省市县…, 县乡…: a name about several levels at once belongs to none of them
# (《市县法治政府建设示范指标体系》 is national), so it is never given a place.
_MULTI_LEVEL = re.compile(r"^(?:省市县?|市县乡?|县乡|县区|区县|市州|州县|市区县)")


def expand_relative(name: str, place: Region | None) -> str:
    """县司法局 → 开阳县司法局: prefix a name that starts with a level word with the place."""
    if place is None or _MULTI_LEVEL.match(name):
        return name
    for r in place.chain():
        ch = _LEVEL_CHAR.get(r.level, "")
        if r.level == "township" and r.name.endswith("街道") and name.startswith("街道"):
            return r.name + name[2:]
        if ch and name.startswith(ch) and not name.startswith(r.name):
            if r.level == "township" and not r.name.endswith(("镇", "乡")):
                continue
            # 市级行政复议专家咨询委员会 is the city's own: 长治市行政复议专家咨询委员会.
            rest = name[2:] if name[1:2] == "级" else name[1:]
            return r.name + rest
    return name


def _author(doc: Document, lines: list[tuple[int, str]], title: str, place: Region | None) -> str:
    """The reporting institution: issuer line, title, signature, opening, 我厅/我县…"""
    text = doc.text
    issuer = _issuer(text)
    if issuer and _ORG_END.search(issuer):
        return expand_relative(issuer, place)
    for src in (title, *(line for _, line in lines[:6])):
        m = re.match(r"^(?:【[^】]{0,8}】)?(?:关于)?《?([\u4e00-\u9fff]{2,30}?)关于", src)
        if m and _is_org(m.group(1), place):
            return m.group(1)
    for _, line in reversed(lines[-6:]):
        cand = re.sub(r"\s*\d{4}\s*年.*$", "", line).strip(" |")
        parts = cand.split()
        cand = parts[-1] if parts else cand
        if _is_org(cand, place):
            return expand_relative(cand, place)
    opening = [line for _, line in lines if not _META_LINE.match(line) and not _ADDRESSEE.match(line)]
    body = "\n".join(opening[:2])[:800]
    prose = [line for line in opening if "，" in line or "," in line]
    first = prose[0][:400] if prose else ""
    m = re.search(r"现将([\u4e00-\u9fff]{2,20}?)(?:20\d\d|年度|全年|一年来|工作|法治|有关|具体)", body)
    cands = [m.group(1)] if m else []
    for m in re.finditer(
        r"(?:^|[，,。\n])\s*(?:20\d\d年[度]?[，,]?)?([\u4e00-\u9fff]{2,20}?)(?:坚持|始终|认真|深入|全面|高度|在)",
        first,
    ):
        cands.append(m.group(1))
    for cand in cands:
        if cand.startswith("我") and place is not None:
            resolved = _own_institution(text, cand[1:], place)
            if resolved:
                return resolved
        elif _is_org(cand, place):
            return expand_relative(cand, place)
    own = Counter(m.group(1) for m in _OWN.finditer(text))
    if place is not None:
        for word, _ in own.most_common():
            resolved = _own_institution(text, word, place)
            if resolved:
                return resolved
        return government_of(place)
    return ""


def _own_institution(text: str, word: str, place: Region) -> str:
    """What 我厅/我局/我县 stands for in a report of ``place``."""
    if word in {"厅", "局", "部", "委", "办"}:
        prefixes = "|".join(re.escape(p) for p in _place_prefixes(place) if len(p) >= 1)
        found = Counter(
            m.group(1)
            for m in re.finditer(rf"((?:{prefixes})[\u4e00-\u9fff]{{1,8}}?{word})", text)
            if _is_org(m.group(1), place)
        )
        if not found:
            return ""
        best = max(found.values())
        first = next(n for n in found if found[n] == best)
        return expand_relative(first, place)
    if word in {"省", "市", "州", "县", "区", "镇", "乡", "街道"}:
        return government_of(place)
    return ""


def government_of(place: Region) -> str:
    """The name of a place's government (开阳县 → 开阳县人民政府, 银杏大街街道 → …办事处)."""
    if place.level == "national":
        return "国务院"
    if place.name.endswith("街道"):
        return place.name + "办事处"
    return place.name + "人民政府"


def detect_report_info(doc: Document, sentences: list[Sentence]) -> ReportInfo:
    """Title, place, year, author and kind of a report, from its text."""
    lines = _lines(doc.text)
    title = _title(lines)
    place = detect_place(doc, sentences, title)
    author = _author(doc, lines, title, place)
    return ReportInfo(
        doc_id=doc.id,
        title=title,
        place=place,
        year=_year(doc.text, title),
        author=author,
        kind=_kind(doc.text, title),
    )


def is_division_name(word: str) -> bool:
    """True when ``word`` is the full name of a division in the gazetteer."""
    return word in _names()[0]
