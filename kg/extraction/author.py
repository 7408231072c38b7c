"""Who speaks in a report: the institution whose work it reports, and why kg thinks so.

Subjectless sentences (建立…制度, 出台《…》) are the author's own statements, so
the author decides who is credited with most of a report's relations. kg reads
it from the text alone, strongest signal first:

1. ``title``: an institution opens the title (X关于…的报告/答复, X2023年度…报告);
   a place that opens it (X县2023年法治政府建设工作报告) stands for its government.
2. ``self-reference``: the body says 我局/本局/我厅/我委 …: the institution of
   that kind that the opening, the header or the signature names (or the one the
   text names most often); 我县/我市 … is the place's government.
3. ``opening``: the subject of the opening sentence (2024年，在…领导下，县交通运输局
   坚持…), an institution or a place.
4. ``publisher``: the header's 发布机构/发文单位/来源 line, or a header line that is
   only an institution's name. A web page's publisher may be another office than
   the author (a 司法局 posts every department's report), so it comes late.
5. ``signature``: an institution on one of the last lines. When the author is one
   line of a signature of several (中共X县委办公室 / X县人民政府办公室), the others
   sign with it: ``Author.also``, each as much the author of what the text says.
6. ``place``: a report of a known place, with no other sign: its government,
   when the text says it reports (现将…报告如下, 我县) or speaks of rule-of-law
   work (法治政府建设, 依法行政): an excerpt may have lost its title and its 我县.

A reply is its signature's, then its page publisher's (a government's site posts
its bureaus' replies).

News articles are written by a newspaper: their actor is the institution that is
the subject of the lead (近日，X司法局…, after a dateline X日报讯（记者…）) or the
one the reporter heard from (记者从X局获悉), when there is one; a lead with no subject
of its own (近日，推行…; 今年以来，该局…) is about the body its headline opens with
(X局：…), else about its publisher (来源：X局; not a paper's 来源：商丘日报); nobody
otherwise (an article about a place is the paper's account of it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from kg.data import lexicon
from kg.extraction.places import (
    expand_relative,
    find_divisions,
    government_of,
    is_meta_line,
    place_prefixes,
    region_at,
    town_names,
)
from kg.model import Predicate, Region

_CJK = r"\u4e00-\u9fff"


@dataclass(frozen=True, slots=True)
class Author:
    """The reporting institution's name, the signal that gave it, and the place
    name the text uses for it when it speaks of its place as the actor (通山县始终…)."""

    name: str
    reason: str
    alias: str = ""
    also: tuple[str, ...] = ()


NOBODY = Author("", "")

#: The reason of an author that only the folder's manifest names (``kg.io.manifest``).
MANIFEST = "manifest"


@cache
def _org_end() -> re.Pattern[str]:
    """An institution's name ends with an organ (author_org_endings.txt, author_org_heads.txt)."""
    endings, heads = lexicon.alternation("author_org_endings"), lexicon.alternation("author_org_heads")
    return re.compile(rf"(?:{endings}|[{_CJK}]{{1,10}}(?:{heads}))$")


# A ministry or other central organ named without a place (自然资源部, 国家林草局).
_CENTRAL = re.compile(rf"^(?:中华人民共和国|国家)?[{_CJK}]{{2,10}}(?:部|总局|署)$")


def is_institution_name(cand: str, place: Region | None) -> bool:
    """A name that can be an author: an organ head, and a place, level word or central organ before it."""
    if not 3 <= len(cand) <= 30 or not _org_end().search(cand):
        return False
    if cand.startswith(place_prefixes(place)) or cand in lexicon.word_set("org_national"):
        return True
    if re.match(r"[省市县区州镇乡](?![场县域乡级])", cand):
        return True  # 区行政审批局, 省政府: a level word names the place (known or not)
    return bool(_CENTRAL.match(cand)) or bool(find_divisions(cand[:12], short=False))


def is_central_organ(name: str) -> bool:
    """A central Party or state organ (国务院, 中华人民共和国国务院, 自然资源部): a national author.

    A name with a place or level word in it (威海市政府各部) is a local one.
    """
    bare = name.removeprefix("中华人民共和国")
    if bare in lexicon.word_set("org_national"):
        return True
    return bool(_CENTRAL.match(name)) and not re.search("[省市县区州镇乡旗盟]", bare)


def _place_of(cand: str, place: Region | None) -> bool:
    """True when ``cand`` names the report's place (开阳县, 下洋镇, 我县, 全县 is not)."""
    if place is None:
        return False
    if re.fullmatch("我(?:省|市|州|县|区|镇|乡|街道|旗|盟)", cand):
        return True
    chain = [r for r in place.chain() if r.level != "national"]
    if cand in {r.name for r in chain} or cand in {name for _, name, _ in town_names(cand)}:
        return True
    if place.level == "township" and cand.endswith(place.name):
        # 枣庄市峄城区底阁镇: the town, written after its county and city
        head = cand[: -len(place.name)]
        covered = "".join(head[s:e] for s, e, _ in find_divisions(head, short=False))
        return covered == head
    # a short name of the report's own place (海盐 for 海盐县)
    own = frozenset(r.code for r in chain if r.code)
    return any(s == 0 and e == len(cand) for s, e, _ in find_divisions(cand, short=own))


# --------------------------------------------------------------- 1. the title

_TITLE_ORG = re.compile(
    rf"^(?:【[^】]{{0,8}}】)?《?(?:(?:19|20)\d\d\s*年度?)?([{_CJK}（）()]{{2,40}}?(?:[ \u3000、]+[{_CJK}（）()]{{2,30}}?)*)\s*"
    rf"(?:关于|(?:19|20)\d\d\s*年|(?:政府)?工作报告|对(?=[^。]{{2,60}}(?:答复|复函)))"
)


def _from_title(title: str, place: Region | None) -> Author:
    m = _TITLE_ORG.match(title)
    if not m:
        return NOBODY
    head = m.group(1)
    # 中共X县委 X县人民政府关于…: several issuers; the first speaks for them
    first = _issuers(head, place)[0]
    if is_institution_name(first, place):
        return Author(expand_relative(first, place), "title")
    if _place_of(head, place) and place is not None:
        return Author(government_of(place), "title names the place", head)
    return NOBODY


def _issuers(head: str, place: Region | None) -> list[str]:
    """The issuers of a title's head: 中共X县委 X县人民政府, or written together
    (中共X县委X县人民政府) when each half is an institution's name."""
    parts = [p for p in re.split(r"[\s、]+", head.strip()) if p]
    if len(parts) == 1:
        for m in re.finditer(r"(?<=委)(?=[^员])", parts[0]):
            left, right = parts[0][: m.start()], parts[0][m.start() :]
            if (
                right.endswith("政府")
                and is_institution_name(left, place)
                and is_institution_name(right, place)
            ):
                return [left, right]
    return parts or [head]


def _same_institution(a: str, b: str) -> bool:
    """The same name, or a government written short (X县政府) and in full (X县人民政府)."""
    return re.sub(r"(?<!人民)政府$", "人民政府", a) == re.sub(r"(?<!人民)政府$", "人民政府", b)


def _issuer_above(title: str, lines: list[str], place: Region | None) -> Author:
    """A notice's issuer written on the line above its title (X办公室 / 关于印发《…》的通知)."""
    if title not in lines:
        return NOBODY
    k = lines.index(title)
    above = re.sub(r"^[\s•·*|\-]+|[\s|]+$", "", lines[k - 1]) if k > 0 else ""
    above, *others = _issuers(above, place) if above else [""]
    if above and is_institution_name(above, place):
        # the other issuers, for the caller to check the opening against
        return Author(expand_relative(above, place), "title's issuer line", also=tuple(others))
    return NOBODY


# --------------------------------------------------------------- 2. 我局, 我县


@cache
def _self_dept() -> re.Pattern[str]:
    """我局, 本厅, 我部 …: the writer's own office (anaphor_heads.txt, and 部); not 本部门, 我局长."""
    heads = sorted({*lexicon.words("anaphor_heads"), "部"}, key=lambda w: (-len(w), w))
    return re.compile(rf"(?:我|本)({'|'.join(heads)})(?![长员级属内外里门])")


_SELF_PLACE = re.compile(r"我(省|市|州|县|区|镇|乡|街道|旗|盟)(?![长委级属])")


def _self_reference(text: str) -> tuple[str, str]:
    """('dept', head) for 我局…, ('place', level) for 我县…, or ('', '')."""
    depts = Counter(m.group(1) for m in _self_dept().finditer(text))
    if depts:
        return "dept", min(depts, key=lambda h: (-depts[h], h))
    places = Counter(m.group(1) for m in _SELF_PLACE.finditer(text))
    if places:
        return "place", min(places, key=lambda h: (-places[h], h))
    return "", ""


# 我委 is a 委员会, 我办 an 办公室: the head written short of the name's ending.
_HEAD_IN_FULL = {"委": "委(?:员会)?", "办": "办(?:公室)?"}


def ends_with_head(name: str, head: str) -> bool:
    """True when ``name`` is an institution that 我/本 + ``head`` can stand for (我委: X委员会)."""
    return bool(re.search(rf"(?:{_HEAD_IN_FULL.get(head, re.escape(head))})$", name))


def _most_named(text: str, head: str, place: Region | None) -> str:
    """The institution ending with ``head`` that the text names most often under its place."""
    prefixes = "|".join(re.escape(p) for p in place_prefixes(place))
    if not prefixes:
        return ""
    full = _HEAD_IN_FULL.get(head, re.escape(head))
    # 我局会同县财政局…: a partner (anaphor_partner_words.txt) is not the writer
    partners = lexicon.words("anaphor_partner_words")
    found = Counter(
        m.group(1)
        for m in re.finditer(rf"((?:{prefixes})[{_CJK}]{{1,10}}?{full})(?!员会|公室)", text)
        if is_institution_name(m.group(1), place)
        and not text[max(0, m.start() - 2) : m.start()].endswith(partners)
    )
    if not found:
        return ""
    best = max(found.values())
    return next(n for n in found if found[n] == best)


# --------------------------------------------------------------- 3. the opening


# A news dateline (商丘日报讯（记者 王某）, （通讯员 李某）, 宁陵县融媒体中心讯): the paper
# that reports, not a subject.
_REPORTER = rf"[{_CJK}]{{0,12}}(?:讯|电)?\s*[（(](?:本报)?(?:记者|通讯员)[^）)]{{0,30}}[）)]"
_DATELINE = rf"{_REPORTER}|[{_CJK}]{{2,12}}讯"
# In any sentence, only a medium's 讯 (商丘网讯, 县融媒体中心讯) or a reporter's bracket
# opens a dateline: 加强通讯保障 does not.
_DATELINE_OPENS = re.compile(
    rf"^(?:{_REPORTER}|[{_CJK}]{{0,12}}(?:报|网|台|社|中心|频道|客户端)(?:讯|电))\s*"
)


def dateline_end(text: str) -> int:
    """The length of the news dateline that opens ``text`` (商丘日报讯（记者 王某）), or 0."""
    m = _DATELINE_OPENS.match(text)
    return m.end() if m else 0


@cache
def _lead() -> re.Pattern[str]:
    """Years and time words before a first sentence's subject (author_lead_words.txt)."""
    words = lexicon.alternation("author_lead_words")
    # a news dateline (商丘日报讯（记者 王某）, （通讯员 李某）) and a date (3月15日，) come first
    dateline = _DATELINE
    date = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日(?:上午|下午|晚)?"
    return re.compile(
        rf"^(?:(?:{dateline})\s*)?(?:(?:(?:19|20)\d\d\s*年度?(?:以来|来|初|底)?|{date}|{words})[，,]?\s*)*"
    )


_FRAME = re.compile(r"^(?:在[^，,。；]{2,80}?(?:下|中)|(?:根据|按照|为了?)[^，,。；]{2,90})[，,]\s*")
# 省委、省政府 and 省委省政府: a Party committee and a government act together.
# 县民政局和县信访局: 和 between a body's head and a level character joins two bodies.
_COORDINATED = re.compile(
    r"、|(?<=委)(?=[省市县区州镇乡]?(?:人民)?政府$)|(?<=[局厅委办院])[和与及](?=[省市县区州])"
)
# A preposition or partner word after a body's head: what follows is another body.
_BEFORE_OTHER = re.compile(rf"(?<=[局厅委办院所部府心队])(?:对|向|给|就|把|将|与|同|联合|会同)(?=[{_CJK}])")
# The party group that leads a bureau speaks for it (区行政审批局党组紧紧围绕…).
_LEADING_GROUP = re.compile(r"(?<=[局厅委办部院])(?:党组|党委)$")


@cache
def _subject() -> re.Pattern[str]:
    """A short name followed by one of the opening verbs (kg/data/author_opening_verbs.txt)."""
    verbs = "|".join(
        map(re.escape, sorted(lexicon.words("author_opening_verbs"), key=lambda w: (-len(w), w)))
    )
    return re.compile(rf"^([{_CJK}（）()、]{{2,40}}?)(?={verbs}|对20)")


@cache
def _news_subject() -> re.Pattern[str]:
    """A news lead's or headline's subject: a name before an opening verb, a relation's cue
    verb (印发, 打造, 编制 …) or a headline's colon, perhaps with a time word between
    (县人社局今年建立…; 县税务局：优化…)."""
    words = {*lexicon.words("author_opening_verbs")}
    for p in (Predicate.FORMULATES, Predicate.IMPLEMENTS, Predicate.COMPILES, Predicate.RUNS):
        words |= set(lexicon.words(p.cues))
    verbs = "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))
    return re.compile(
        rf"^([{_CJK}（）()、]{{2,40}}?)(?=\s*[：:]|\s+|(?:今年|去年|近年来|近日|日前|(?:19|20)\d\d年)?(?:{verbs})|对20)"
    )


def opening_subject(line: str, place: Region | None, news: bool = False) -> Author:
    """The institution (or place) a report's or article's first sentence is about.

    The subject opens a clause of the first sentence, after time words and frames
    (2023年是…开局之年，根据…要求，区行政审批局党组紧紧围绕…). In ``news`` a lead's
    subject may be followed by any verb of what it did (近日，县司法局印发…).
    """
    sentence = re.split(r"[。！？；]", line, maxsplit=1)[0]
    for clause in re.finditer(r"[^，,]+", sentence):
        found = _clause_subject(sentence[clause.start() :], place, _news_subject() if news else None)
        if found.name:
            return found
    return NOBODY


def _past_lead(text: str, frames: int = 2) -> str:
    """``text`` after its time words and up to ``frames`` frames (在…下, 根据…要求), each
    followed by time words of its own: where a clause's subject stands."""
    s = _lead().sub("", text.strip(), count=1)
    for _ in range(frames):
        s = _lead().sub("", _FRAME.sub("", s, count=1), count=1)
    return s


def _clause_subject(text: str, place: Region | None, subject: re.Pattern[str] | None = None) -> Author:
    s = _past_lead(text)
    m = (subject or _subject()).match(s)
    if not m:
        return NOBODY
    # 县司法局对县交通运输局开展…, 县税务局与县法院签订…: the subject ends before the other body
    cand = _BEFORE_OTHER.split(m.group(1).strip("、"), maxsplit=1)[0]
    parts = [_LEADING_GROUP.sub("", p) for p in _COORDINATED.split(cand) if p]
    if len(parts) > 1 and parts[1] in {"政府", "人民政府"}:
        # 巴州党委、政府坚持…: the government reports on its own work
        parts = [parts[0][: -len("党委")] + parts[1] if parts[0].endswith("党委") else parts[1]]
    parts.sort(key=lambda p: not p.endswith("政府"))
    if parts and is_institution_name(parts[0], place):
        return Author(expand_relative(parts[0], place), "opening")
    if _place_of(cand, place) and place is not None:
        return Author(government_of(place), "opening names the place", cand)
    return NOBODY


# --------------------------------------------------------------- 4. the publisher


@cache
def _publisher() -> re.Pattern[str]:
    """A labelled publisher line (author_publisher_labels.txt: 发布机构：…, 来 源：…)."""
    words = sorted(lexicon.words("author_publisher_labels"), key=lambda w: (-len(w), w))
    labels = "|".join(r"\s*".join(map(re.escape, w)) for w in words)
    return re.compile(rf"(?:{labels})\s*[:：|｜]?\s*[|｜]?\s*([{_CJK}（）()]{{2,30}})")


_BARE_LINE = re.compile(rf"^[\s•·*|｜\-]*(?:[\d\-:/ ]+\s*[|｜]\s*)?([{_CJK}（）()]{{3,30}})[\s|｜]*$")


def _publishers(lines: list[str], place: Region | None) -> list[str]:
    """Institution names of the header: labelled publisher lines, then bare name lines."""
    out: list[str] = []
    for line in lines[:15]:
        for m in _publisher().finditer(line):
            name = re.sub(r"(?:信息员|发布时间|发布日期|作者|时间)$", "", m.group(1))
            if is_institution_name(name, place):
                out.append(name)
    for line in lines[:10]:
        m = _BARE_LINE.match(line)
        if m and is_institution_name(m.group(1), place):
            out.append(m.group(1))
    return out


# --------------------------------------------------------------- 5. the signature


def _signature(lines: list[str], place: Region | None) -> list[str]:
    out: list[str] = []
    for line in reversed(lines[-6:]):
        cand = re.sub(r"\s*\d{4}\s*年.*$", "", line).strip(" |")
        # 联系单位：X局, 承办单位：X局 name the signer; 抄送：X does not
        cand = re.sub(r"^(?:联系|承办|办理|答复|主办|发文|责任)(?:单位|机关)\s*[:：]\s*", "", cand)
        parts = cand.split()
        cand = parts[-1] if parts else cand
        if is_institution_name(cand, place) and not re.search("[:：]", cand):
            out.append(cand)
    return out


# --------------------------------------------------------------- together


def _prose(lines: list[str]) -> list[str]:
    """Body lines: not metadata, not headings, with a comma (a sentence, not a label)."""
    return [ln for ln in lines if not is_meta_line(ln) and ("，" in ln or "," in ln)]


# A report speaks in the first person, or says it is one.
SELF_REPORT = re.compile(
    r"现将[^。]{0,30}(?:报告|总结)如下|我(?:局|厅|委|办|县|市|区|镇|乡|省)|工作报告|年度报告|情况报告"
)


@cache
def _work_topic() -> re.Pattern[str]:
    """Words of a report on rule-of-law work (author_work_topics.txt: 法治政府建设, 依法行政 …)."""
    return re.compile(lexicon.alternation("author_work_topics"))


def detect_author(text: str, lines: list[str], title: str, place: Region | None, kind: str) -> Author:
    """The reporting institution, the signal that names it (see the module docstring) and
    the institutions that sign the text with it."""
    found = _detect_author(text, lines, title, place, kind)
    if not found.name or kind == "news":
        return found
    return replace(found, also=co_signers(lines, place, found.name))


_DATE_LINE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日")


def co_signers(lines: list[str], place: Region | None, author: str) -> tuple[str, ...]:
    """The other institutions of a signature that the author's name is one line of.

    A notice of two offices ends with both names (中共X县委办公室 / X县人民政府办公室 /
    date): each issued it, so each states what the text states.
    """
    block: list[str] = []
    for line in reversed(lines[-6:]):
        text = line.strip(" |")
        if not block and _DATE_LINE.fullmatch(text):
            continue  # the date under the names
        if not is_institution_name(text, place):
            break  # 县政府办公室 2024年5月6日印发: the office that printed it, no signer
        block.insert(0, text)
    names = [expand_relative(n, place) for n in block]
    own = expand_relative(author, place)
    # X县政府 in the text is X县人民政府 on the signature
    if len(names) < 2 or not any(_same_institution(n, own) for n in names):
        return ()
    return tuple(dict.fromkeys(n for n in names if not _same_institution(n, own)))


_HEARD_FROM = re.compile(rf"记者(?:近日|日前)?从([{_CJK}（）()]{{3,30}}?)(?:获悉|了解到)")


def _detect_author(text: str, lines: list[str], title: str, place: Region | None, kind: str) -> Author:
    prose = _prose(lines)
    if kind == "news":
        return _news_author(lines, prose, place)
    opening = next((a for a in (opening_subject(p, place) for p in prose[:2]) if a.name), NOBODY)
    which, word = _self_reference(text)
    found = _from_title(title, place) if not title.startswith("关于") else NOBODY
    if not found.name:
        # the name above the title, unless the body says 我局 and it is no 局 (a
        # government's site whose name heads a department's report)
        found = _issuer_above(title, lines, place)
        if found.name and which == "dept" and not ends_with_head(found.name, word):
            found = NOBODY
        elif found.name and kind != "reply":
            # a site's name over a page whose opening names another office (县司法局
            # over 2024年，县交通运输局坚持…) is the site's, not the report's
            issuers = (found.name, *(expand_relative(o, place) for o in found.also))
            if opening.reason == "opening" and not any(_same_institution(opening.name, i) for i in issuers):
                found = NOBODY
        found = replace(found, also=())
    if found.name:
        return found
    publishers = _publishers(lines, place)
    signature = _signature(lines, place)
    if kind == "reply":
        # a reply is signed by the office that answers, whatever place it speaks of;
        # the page that posts it may be another office's (a government's site)
        # (a government's site over a text that says 我局 names no 局: the reply is not its own)
        if which == "dept":
            publishers = [p for p in publishers if ends_with_head(p, word)]
        for name, reason in (*((s, "signature") for s in signature), *((p, "publisher") for p in publishers)):
            return Author(expand_relative(name, place), f"reply: {reason}")
    if which == "dept":
        for name, reason in (
            (opening.name, "opening"),
            *((p, "publisher") for p in publishers),
            *((s, "signature") for s in signature),
        ):
            if name and ends_with_head(name, word):
                return Author(expand_relative(name, place), f"self-reference (我{word}), {reason}")
        name = _most_named(text, word, place)
        if name:
            return Author(expand_relative(name, place), f"self-reference (我{word}), most named")
        # a bureau that never names itself: not its place's government
        return NOBODY
    if opening.reason == "opening":
        return opening  # an institution named as the opening's subject speaks, whatever 我市 says
    if which == "place" and place is not None:
        return Author(government_of(region_at(place, word)), f"self-reference (我{word})")
    if opening.name:
        return opening
    if publishers:
        return Author(expand_relative(publishers[0], place), "publisher")
    if signature:
        return Author(expand_relative(signature[0], place), "signature")
    if kind in {"report", "reply"} and place is not None and place.level != "national":
        # an excerpt may have lost its title and 我县: the work it reports is the sign
        if SELF_REPORT.search(title + text[:2000]) or _work_topic().search(text[:2000]):
            return Author(government_of(place), "place")
    return NOBODY


# A lead that speaks of its subject as 该局/该中心 (今年以来，该局…): the body the headline names.
_LEAD_ANAPHOR = re.compile(r"^该(分局|局|厅|委|办|院|所|中心)")
# A medium names itself on its source line (来源：商丘日报), not the body it reports on.
_MEDIUM = re.compile(r"(?:报|报社|电视台|广播电视台|融媒体中心|新闻中心|网)$")


def _headline(lines: list[str]) -> str:
    """A news article's headline: its first line that is no metadata and no sentence."""
    for line in lines[:6]:
        text = line.strip(" |")
        if is_meta_line(text) or _publisher().search(text) or "，" in text or "," in text:
            continue
        return text if 4 <= len(text) <= 60 and not text.endswith("。") else ""
    return ""


def _news_author(lines: list[str], prose: list[str], place: Region | None) -> Author:
    """The body a news article is about, or nobody (see the module docstring).

    An article about a place (长治市坚持…) is the paper's account, not the
    government's; one about an institution (近日，县司法局…) follows it. A lead
    with no subject of its own (近日，推行…; 今年以来，该局…) is about the body its
    headline opens with (县税务局：…), else the one that published it (发布机构：…).
    """
    for k, line in enumerate(prose[:2]):
        a = opening_subject(line, place, news=True)
        if a.name:
            return Author(a.name, "news: opening") if a.reason == "opening" else NOBODY
        # 近日，记者从县司法局获悉，该局…: the office the reporter heard from
        m = _HEARD_FROM.search(re.split(r"[。！？]", line, maxsplit=1)[0])
        if m and is_institution_name(m.group(1), place):
            return Author(expand_relative(m.group(1), place), "news: source")
        if k == 0:
            lead = _past_lead(line, frames=1)
            anaphor = _LEAD_ANAPHOR.match(lead)
            if anaphor or not lead.startswith(tuple("各全")):
                head = _clause_subject(_headline(lines), place, _news_subject())
                if head.reason == "opening" and (not anaphor or ends_with_head(head.name, anaphor.group(1))):
                    return Author(head.name, "news: headline")
                if head.name:
                    return NOBODY  # a headline about a place (宁陵县：…)
    for name in _publishers(lines, place):
        if not _MEDIUM.search(name):
            return Author(expand_relative(name, place), "news: publisher")
    return NOBODY
