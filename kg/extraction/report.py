"""What a report says about itself: title, place, year, kind and author.

Everything is read from the text alone and is deterministic: the place from the
gazetteer (``kg.extraction.places``), the author from the title, header, opening and
signature (``kg.extraction.author``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kg.data import lexicon
from kg.extraction.author import MANIFEST, SELF_REPORT, Author, detect_author, is_central_organ
from kg.extraction.concepts import without_years
from kg.extraction.places import (
    NATIONAL,
    detect_place,
    is_meta_line,
    region_at,
    region_in_name,
    report_title,
    text_lines,
)
from kg.model import Document, Region, ReportInfo, Sentence

_YEAR_IN_TITLE = re.compile(r"(20\d\d|19\d\d)\s*年")


# A reply answers a named deputy or member (张三代表：), says it has received the
# proposal (收悉, 现答复如下), or speaks of proposals (…提案的答复) without saying it
# is a report (a report may speak of the proposals it handled: 办理人大代表建议);
# 各位代表： opens a speech.
@cache
def _reply() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("kind_reply_markers"))


_REPLY_BODY = re.compile(r"(?<!各位)委员[:：]|(?<!各位)代表[:：]|收悉|[答函]复如下")
_SAYS_REPORT = re.compile(r"现将[^。]{0,30}报告如下|(?:年度|工作|情况)报告")


# Signs of a news article: a reporter, a dateline, a newspaper as source, an
# agency's 讯/电, or an institution referred to in the third person (该局).
_NEWS = re.compile(
    r"本报记者|记者\s*[\u4e00-\u9fff]{2,3}|通讯员|要闻|第[一二三四五六七八九十\d]+版|"
    r"(?:网|社|台|报|媒体中心)[\u4e00-\u9fff]{0,4}[（(]?[\u4e00-\u9fff]{0,6}(?:讯|电)|"
    r"来源[:：]\s*[\u4e00-\u9fff]{2,8}(?:报|网|电视台)|该(?:局|所|院|县|市|区|镇|乡|中心)"
)


def _kind(text: str, title: str) -> str:
    head = title + text[:300]
    if _REPLY_BODY.search(head) or (_reply().search(head) and not _SAYS_REPORT.search(head)):
        return "reply"
    if _NEWS.search(text) and not SELF_REPORT.search(title + text[:2000]):
        return "news"
    return "report"


def _year(text: str, title: str) -> int | None:
    """The year reported on: the title's, the opening sentence's, else the commonest."""
    m = _YEAR_IN_TITLE.search(title)
    if m:
        return int(m.group(1))
    for _, line in text_lines(text[:3000]):
        if is_meta_line(line):
            continue
        m = re.match(r"(20\d\d)\s*年(?:度)?[，,以]", line)
        if m:
            return int(m.group(1))
    years = Counter(int(m.group(1)) for m in re.finditer(r"(?<![—\-－~～至到0-9])(20\d\d)\s*年(?!\))", text))
    if years:
        return min(years, key=lambda y: (-years[y], y))
    m = re.search(r"(20\d\d)", without_years(text))  # not the start of a period: (2021—2025年)
    return int(m.group(1)) if m else None


def _at_author_level(place: Region | None, author: str) -> Region | None:
    """The place at the level the author's name speaks of (省政府 in a report that also names
    a district: the province), when the detected place is below it."""
    if place is None or not author or place.name in author:
        return place
    chain = place.chain()
    named = [r for r in chain if r.level != "township" and author.startswith(r.name)]
    if named:
        return named[0]  # 陕西省政府 in a report that also names 莲湖区: 陕西省
    return region_at(place, author)


def detect_report_info(doc: Document, sentences: list[Sentence]) -> ReportInfo:
    """Title, place, year, kind and author of a report, from its text.

    Where the text names no author, no place or no year, the facts its folder's
    manifest gives fill them (``Document.given``; the author with the reason
    ``manifest``).
    """
    lines = text_lines(doc.text)
    title = report_title(lines)
    place = detect_place(doc, sentences, title)
    kind = _kind(doc.text, title)
    author = detect_author(doc.text, [line for _, line in lines], title, place, kind)
    given = doc.given
    if not author.name and given is not None and given.department:
        author = Author(given.department, MANIFEST)  # 我局… in a text that never names itself
    names = (given.department,) if given and _short_for(author.name, given.department) else ()
    place = _at_author_level(place, author.name)
    if author.name and is_central_organ(author.name):
        # 国务院, 自然资源部 reporting on their own work: the report is national,
        # whatever places it names (香港特别行政区 in a 政府工作报告)
        place = NATIONAL
    year = _year(doc.text, title)
    if given is not None:
        # what the text leaves open, the collector's manifest may know: a place the
        # text does not name, or the part of it the report is of (荣昌区 of 重庆市)
        named = region_in_name(given.place)
        if named is not None and (place is None or place.key in {r.key for r in named.chain()[1:]}):
            place = named
        year = year or given.year
    return ReportInfo(
        doc_id=doc.id,
        title=title,
        place=place,
        year=year,
        author=author.name,
        kind=kind,
        author_reason=author.reason,
        author_alias=author.alias,
        coauthors=author.also,
        author_names=names,
    )


def _short_for(short: str, full: str) -> bool:
    """True when ``short`` may be a shorter name of ``full``: its characters in order, the same head.

    肃南县林草局 of 肃南裕固族自治县林业和草原局, 广东省国资委 of 广东省人民政府国有资产监督管理委员会,
    区司法局 of 重庆市荣昌区司法局; not 县司法局 of 县公安局.
    """
    if not short or not full or short == full or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(c in rest for c in short)
