"""Canonical names and merging: from mentions to entities.

Within a report, surface variants of one thing become one entity: 县政府,
县人民政府 and 开阳县人民政府 in a report of 开阳县 are all 开阳县人民政府.
Names relative to the report's place are expanded with it (县司法局 →
开阳县司法局, 县委 → 中共开阳县委员会). An entity's key is (type, canonical
name, scope): the scope is the ``Region.key`` of the place a local entity
belongs to, and "" for national organs, laws and systems that are not tied
to a place, so those merge across reports while the 司法局 of two counties
stay apart. Output order is by key, so it is deterministic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from kg.data import lexicon
from kg.errors import LexiconError
from kg.extraction.anaphora import RULE as ANAPHOR
from kg.extraction.concepts import canonical_years, dated_name
from kg.extraction.places import (
    find_divisions,
    gazetteer,
    opens_with_renamed_county,
    region_for_level_word,
    region_of,
    relative_level_words,
    short_name,
)
from kg.extraction.variants import name_key, plain, tidy, year_range
from kg.model import Document, Entity, EntityType, Mention, Region, ReportInfo
from kg.text.tokenize import tokenize, word_tag

_LEVEL_OF_CHAR = {"省": "province", "市": "prefecture", "州": "prefecture", "县": "county", "区": "county"}
_TOWN_CHARS = ("镇", "乡", "街道")


@cache
def _organ_forms() -> dict[str, str]:
    """Organ word after a place → its canonical form, ``{p}`` the place (org_canonical_forms.jsonl)."""
    forms = {r["id"]: r.get("canonical", "") for r in lexicon.records("org_canonical_forms")}
    bad = [o for o, f in forms.items() if "{p}" not in f]
    if bad:
        raise LexiconError(f"kg/data/org_canonical_forms.jsonl: {bad[0]!r} needs a canonical form with {{p}}")
    return forms


@cache
def _national_aliases() -> dict[str, str]:
    """Alias → canonical name of central organs (kg/data/org_aliases.jsonl)."""
    return {r["id"]: r["canonical"] for r in lexicon.records("org_aliases")}


_clean = tidy  # typography only (kg.extraction.variants): the canonical spelling of a name

_PLACE_CHARS = "省市县区州镇乡"
# A special administrative region's organs keep the names its Basic Law gives them
# (香港特别行政区政府, 澳门特别行政区立法会): the mainland forms (人民政府, 中共…委员会) are not theirs.
_SPECIAL_REGION = "特别行政区"


@cache
def _organ_word(rest: str) -> bool:
    """Whether ``rest`` (after a one-character place word) begins an organ: 委, 政府, 法院, 公安局 …"""
    if not rest or rest[0] in _PLACE_CHARS:
        return False
    return (
        rest.startswith(tuple(_organ_forms()))
        or rest.endswith(tuple(lexicon.words("org_heads")))
        or word_tag(rest) == "nt"
    )


@cache
def relative_prefix(name: str) -> bool:
    """Whether the place character that opens ``name`` stands for the report's place (县司法局, 市委).

    Not when it begins a word of jieba's dictionary that is no organ (市场, 市县,
    县域, 县乡, 市民, 市级, 区域): the first dictionary word of the name is the
    character alone (县|司法局), or an organ word (市委, 县政府, 县法院) none of
    whose shorter beginnings is a word that names no organ (市场 in 市场部).
    """
    if name[:1] not in _PLACE_CHARS:
        return False
    first = tokenize(name, hmm=False)[0][0]
    if first == name[0]:
        return True
    if not _organ_word(first[1:]):
        return False
    forms = tuple(_organ_forms())
    return not any(
        word_tag(first[:k]) is not None and not any(f.startswith(first[1:k]) for f in forms)
        for k in range(2, len(first))
    )


def _place_for(prefix: str, place: Region | None) -> Region | None:
    """The region a place word stands for: a level word (县) or a name (开阳县, 开阳)."""
    if place is None:
        return None
    chain = place.chain()
    if prefix in _TOWN_CHARS or prefix == "街道":
        for r in chain:
            if r.level == "township" and (
                r.name.endswith(prefix) or prefix == "镇" and r.name.endswith("乡")
            ):
                return r
        return None
    if prefix in _LEVEL_OF_CHAR:
        lvl = _LEVEL_OF_CHAR[prefix]
        for r in chain:
            if (
                r.level == lvl
                and (prefix != "区" or r.name.endswith("区"))
                and (prefix != "县" or not r.name.endswith("区"))
            ):
                return r
        for r in chain:
            if r.level == lvl:
                return r
        if prefix == "市":
            # 市司法局 in a report of 天津市 or of one of its districts: the municipality
            return next((r for r in chain if r.level == "province" and r.name.endswith("市")), None)
        return None
    for r in chain:
        if r.name == prefix or (len(prefix) >= 2 and r.name.startswith(prefix) and r.level != "township"):
            return r
    return None


def _region_named(name: str, place: Region | None) -> Region | None:
    """A Region for a place name written in an entity name (湛江市委 → 湛江市)."""
    r = _place_for(name, place)
    if r is not None:
        return r
    hits = [code for s, _, code in find_divisions(name, short=False) if s == 0]
    if not hits:
        return None
    if place is not None:
        near = {x.code for x in place.chain() if x.code}
        for code in hits:
            if code[:2] in {c[:2] for c in near}:
                return region_of(code)
    return region_of(sorted(hits)[0])


def _split_place(name: str, place: Region | None) -> tuple[str, Region | None, str]:
    """(place word, its region, rest) for a name that starts with a place."""
    s = name[2:] if name.startswith("中共") else name
    if s.startswith("政协") and s.endswith("委员会") and len(s) > 5:
        word = s[2:-3]
        return word, _region_named(word, place), "政协"
    if place is not None:
        town = place if place.level == "township" else None
        for r in place.chain():
            if r.level == "national":
                continue
            if s.startswith(r.name):
                if town is not None and r is not town and s.startswith(town.name, len(r.name)):
                    # 黎平县龙泉镇人民政府 in 龙泉镇's report: the town, named with its county
                    k = len(r.name) + len(town.name)
                    return s[:k], town, s[k:]
                return r.name, r, s[len(r.name) :]
        short = _short_form(s, place)
        if short is not None:
            return short[0], short[1], s[len(short[0]) :]
        for word in relative_level_words(place):
            if s.startswith(word) and _organ_word(s[len(word) :]):
                # 自治区政府 in a report of 内蒙古自治区, 旗司法局 in one of a banner
                return word, region_for_level_word(word, place), s[len(word) :]
    full = [(e, code) for st, e, code in find_divisions(s, short=False) if st == 0]
    if full:
        e = max(x[0] for x in full)
        word = s[:e]
        return word, _region_named(word, place), s[e:]
    if s.startswith("街道"):
        return "街道", _place_for("街道", place), s[2:]
    if relative_prefix(s):
        return s[:1], _place_for(s[:1], place), s[1:]
    return "", None, s


def _is_short_form(word: str, region: Region) -> bool:
    return len(word) >= 2 and word != region.name and region.name.startswith(word)


def _short_form(name: str, place: Region) -> tuple[str, Region] | None:
    """(short form, region) when ``name`` opens with the short form of a place of the report (海盐 of 海盐县).

    Not when a level character or a smaller place's suffix follows (海盐县 is
    the full name, 海盐镇 another place).
    """
    for r in place.chain():
        if r.level not in ("county", "prefecture", "province"):
            continue
        word = short_name(r.name)
        if len(word) < 2 or word == r.name or not name.startswith(word):
            continue
        after = name[len(word) : len(word) + 2]
        if after[:1] in "省市县区州盟旗" or after.startswith(lexicon.words("smaller_place_suffixes")):
            continue
        return word, r
    return None


_LEVEL_RANK = {"township": 0, "county": 1, "prefecture": 2, "province": 3, "national": 4}


@cache
def _temporal() -> re.Pattern[str]:
    """原政务服务中心, 新建政务服务中心: the same body before and after a move (not 新疆…, 新区…)."""
    return re.compile(
        f"^(?:{lexicon.alternation('org_temporal_prefixes')})(?![疆区城乡华港会闻时])(?=.{{4,}})"
    )


def _superior(word: str, place: Region | None) -> Region | None:
    """The unnamed county (or city) above a town whose report never names it.

    In a town report, 县委 and 县政府 are the county's organs; the county is
    known only as "the county of 清溪镇", which is what the Region's key says
    (its name is never shown: the organs keep the name the text gives, 县委,
    县人民政府), so 县政府 and 县人民政府 still merge and two towns' counties
    stay apart.
    """
    level = _LEVEL_OF_CHAR.get(word)
    if place is None or level is None or _LEVEL_RANK[level] <= _LEVEL_RANK.get(place.level, 4):
        return None
    return Region(name=f"{place.name}所在{word}", level=level, parent=None)


@cache
def _bare_organs() -> frozenset[str]:
    """Organ words that name the report's own place's organ without a place: 政府办, 人大常委会.

    Not the Party's (委, 委员会: any committee) nor 政府 alone (government in general).
    """
    return frozenset(o for o in _organ_forms() if len(o) >= 3 and not o.startswith("委") and o != "委员会")


def _unit_heads() -> tuple[str, ...]:
    return lexicon.words("org_unit_heads")


def _place_name_at_start(name: str, place: Region | None) -> bool:
    """True when ``name`` opens with the report's place or a division's name (新市街道…, 新和县…)."""
    if place is not None and name.startswith(place.name[:2]) and len(place.name) > 2:
        return True
    return any(start == 0 for start, _, _ in find_divisions(name[:12], short=False))


# A meeting named without its last character (县政府常务会, 局务会, 主任办公会): the
# canonical name spells it out, so one body gets one IRI across reports and years.
_SHORT_MEETING = re.compile(r"(?:常务|[局厅部委]务|办公)会$")


def canonical_institution(name: str, info: ReportInfo) -> tuple[str, str]:
    """(canonical name, scope) of an institution named ``name`` in a report.

    Place-relative names are expanded with the report's place (县司法局 →
    开阳县司法局); a grassroots unit named without a place (综合行政执法大队)
    takes the report's place as prefix, and in a town or street report every
    unprefixed local unit does, since it can only be the town's own. A standing
    meeting is named in full (县政府常务会 → 开阳县人民政府常务会议).
    """
    name, scope = _canonical_institution(name, info)
    return (name + "议" if _SHORT_MEETING.search(name) else name), scope


# A central administration (…总局) before the name of one of its local offices, which a place
# or a level character opens (国家税务总局县税务局, 国家金融监督管理总局商丘监管分局).
_CENTRAL_OFFICE = re.compile(r"^([\u4e00-\u9fff]{2,10}?总局)(?=[\u4e00-\u9fff]{3})")


def _canonical_institution(name: str, info: ReportInfo) -> tuple[str, str]:
    name = _clean(name)
    if _temporal().match(name) and not _place_name_at_start(name, info.place):
        name = _temporal().sub("", name)  # 新市街道办事处: 新市 is the place, no "new"
    own = _own_unit(name, info.author)
    if own:
        return canonical_institution(own, info)
    central = _CENTRAL_OFFICE.match(name)
    if central is not None and central.group(1).startswith(tuple(lexicon.words("org_national_openers"))):
        # 国家税务总局宁陵县税务局: a local office of a central administration is local
        office, scope = _canonical_institution(name[central.end() :], info)
        return central.group(1) + office, scope
    national = _national_aliases()
    if name in national:
        return national[name], ""
    if name in lexicon.word_set("org_national"):
        return name, ""
    word, region, rest = _split_place(name, info.place)
    if (
        region is not None
        and _is_short_form(word, region)
        and not (rest in _organ_forms() or rest.endswith("局"))
    ):
        return name, region.key  # 长治学院 keeps its name; 海盐司法局 is 海盐县司法局
    if region is None and word and rest:
        region = _superior(word, info.place)
        if region is not None:
            # the county of a town report that never names it: the name the text gives
            form = _organ_forms().get(rest, "")
            return (form.format(p=word) if form.startswith("{p}") else word + rest), region.key
    if region is None:
        place = info.place
        scope = place.key if place is not None and place.level != "national" else ""
        if name.startswith(tuple(lexicon.words("org_national_openers"))):
            scope = ""
        elif place is not None and scope and not word and name in _bare_organs():
            return _organ_forms()[name].format(p=place.name), scope  # 政府办 → 开阳县人民政府办公室
        elif place is not None and scope and not word and (meeting := _BARE_MEETING.match(name)):
            # 政府常务会, 党委常委会 written without a place: the report's place's
            organ = "人民政府" if meeting.group(1) == "政府" else "党委"
            return f"{place.name}{organ}{name[len(meeting.group(1)) :]}", scope
        elif opens_with_renamed_county(name):
            return name, scope  # 库车市司法局: a place the gazetteer knows as 库车县, named already
        elif place is not None and scope and not word and _is_local_unit(name, place):
            if _opens_with_town_stem(name, place):
                return name, scope  # 新市街党工委 in 新市街道's report: the town is named already
            return place.name + name, scope
        return name, scope
    pname = region.name
    if word == "政协" or rest == "政协":
        return f"政协{pname}委员会", region.key
    if pname.endswith(_SPECIAL_REGION):
        return pname + rest, region.key  # 澳门特别行政区政府: no 人民政府, no Party committee
    form = _organ_forms().get(rest)
    if form is not None:
        if region.level == "township" and rest in {"委", "委员会"}:
            return f"{pname}党委", region.key
        return form.format(p=pname), region.key
    if rest.startswith("政府") and len(rest) > 4 and not rest.startswith(("政府办", "政府党组")):
        # 县政府行政复议办公室: the government's office, named in full
        return f"{pname}人民政府{rest[2:]}", region.key
    if rest.startswith("委") and len(rest) > 1 and rest not in {"委员会"}:
        # 县委依法治县办, 县委常委会 …: the Party committee's organ
        return f"{pname}委{rest[1:]}", region.key
    return pname + rest, region.key


# Units a bureau, department or committee names with one character of itself
# (局党组, 局务会, 部常务会, 委主任办公会, 局办公室).
_OWN_UNITS = ("党组", "党委", "务会", "常务会", "主任办公会", "办公室", "理论学习中心组")


def _own_unit(name: str, author: str) -> str:
    """局党组 in a bureau's report is its author's party group: the author's name plus the unit.

    局务会 keeps its 局 (武汉市水务局局务会); 局党组 and 部常务会 replace it. "" otherwise.
    """
    if len(name) < 3 or name[0] not in "局厅部委办" or not author.endswith(name[0]):
        return ""
    rest = name[1:]
    if not rest.startswith(_OWN_UNITS):
        return ""
    return author + (name if rest.startswith("务会") else rest)


# A department named by its field alone: 司法局, 公安局, 生态环境局, 司法厅.
_BARE_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,8}[局厅]")


# A government's or Party committee's standing meeting named without a place.
_BARE_MEETING = re.compile(r"^(政府|党委)(?:常务会议?|常委会(?:会议)?)$")


def _is_local_unit(name: str, place: Region) -> bool:
    """An unprefixed unit that can only be the report's place's own (综合行政执法大队 in a town)."""
    if place.level == "township":
        return name.endswith(_unit_heads()) or name.endswith(tuple(lexicon.words("org_township_unit_heads")))
    if _BARE_DEPARTMENT.fullmatch(name) and not name.endswith("分局"):
        return True  # 配合司法局…: a department named bare is the place's own
    return name.endswith(tuple(lexicon.words("org_team_heads")))


_TOWN_LEVEL_WORDS = ("街道", "镇", "乡")


def _opens_with_town_stem(name: str, place: Region) -> bool:
    """A town's unit named by the town without its level word (新市街党工委, 兴隆派出所 in a
    report of 新市街道 or 兴隆镇): the name has its place, which a prefix would repeat."""
    if place.level != "township":
        return False
    for level in _TOWN_LEVEL_WORDS:
        if place.name.endswith(level):
            stem = place.name[: -len(level)]
            return len(stem) >= 2 and name.startswith(stem)
    return False


def _scope_of_name(name: str, typ: EntityType, info: ReportInfo) -> str:
    """Scope of a system, list or brand: local when it names the place or is a list or brand."""
    place = info.place
    if place is None or place.level == "national":
        return ""
    if typ in (EntityType.LIST, EntityType.BRAND):
        return place.key
    word, region, _ = _split_place(name, place)
    if region is not None and word and len(word) >= 2:
        return region.key
    if name[:1] in "县市镇区乡" and relative_prefix(name) and len(name) > 4:
        return place.key
    return ""


def canonical(m: Mention, info: ReportInfo) -> tuple[str, str]:
    """(canonical name, scope) of a mention."""
    if m.type is EntityType.INSTITUTION:
        return canonical_institution(m.name, info)
    name = canonical_years(_clean(m.name))
    if m.type is EntityType.SYSTEM:
        name = dated_name(re.sub(r"^中华人民共和国(?=.+法(?:典)?$)", "", name), info.year)
    if info.place is not None and m.type is not EntityType.BRAND:
        word, region, rest = _split_place(name, info.place)
        if region is not None and rest and (len(word) == 1 or _is_short_form(word, region)):
            name = region.name + rest  # 县行政执法公示制度, 海盐法治政府建设实施纲要: the place in full
    return name, _scope_of_name(name, m.type, info)


def author_key(info: ReportInfo) -> tuple[str, str, str] | None:
    """Key of the reporting institution's entity, or None when the author is unknown."""
    if not info.author:
        return None
    name, scope = canonical_institution(info.author, info)
    return (EntityType.INSTITUTION.value, name, scope)


def coauthor_keys(info: ReportInfo) -> tuple[tuple[str, str, str], ...]:
    """Keys of the institutions that sign the report with its author."""
    keys = (canonical_institution(n, info) for n in info.coauthors)
    return tuple(dict.fromkeys((EntityType.INSTITUTION.value, name, scope) for name, scope in keys))


def link_entities(doc: Document, info: ReportInfo, mentions: list[Mention]) -> list[Entity]:
    """Merge the mentions of one report into entities, plus the reporting institution."""
    groups: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    types: dict[tuple[str, str, str], EntityType] = {}
    for m in mentions:
        name, scope = canonical(m, info)
        if m.type is EntityType.INSTITUTION and name in STANDING:
            name, scope = _standing_committee(doc.text, m, info) or (name, scope)
        key = (m.type.value, name, scope)
        groups[key].append(m)
        types[key] = m.type
    ak = author_key(info)
    for src, dst in sorted({**_variant_targets(groups, ak), **_dated_targets(groups)}.items()):
        groups[dst].extend(groups.pop(src))
    for src, dst in sorted(_dated_targets(groups).items()):
        groups[dst].extend(groups.pop(src))
    for key in (ak, *coauthor_keys(info)):  # co-authors come only with an author
        if key is not None and key not in groups:
            groups[key] = []
            types[key] = EntityType.INSTITUTION
    out: list[Entity] = []
    for key in sorted(groups):
        ms = sorted(groups[key], key=lambda m: (m.doc_id, m.start, m.end))
        # 我局, 该局 are pronouns, not names: they join the entity but label nothing
        written = ((m.name,) if m.rule == ANAPHOR else (m.name, m.text) for m in ms)
        labels = {plain(x) for forms in written for x in forms} - {key[1], ""}
        if key == ak and info.author and plain(info.author) != key[1]:
            labels.add(plain(info.author))
        if key == ak:
            labels.update(plain(n) for n in info.author_names if plain(n) != key[1])
        out.append(
            Entity(
                type=types[key],
                canonical=key[1],
                scope=key[2],
                mentions=tuple(ms),
                alt_labels=tuple(sorted(labels)),
            )
        )
    return out


#: Bare names of a standing committee, whose owner only the sentence tells.
STANDING = ("常委会", "常委会会议")
_SENTENCE_ENDS = "。！？!?；;\n"


def _standing_committee(text: str, m: Mention, info: ReportInfo) -> tuple[str, str] | None:
    """(name, scope) of a bare 常委会 when its sentence says whose it is, else None.

    常委会 alone is the Party committee's (县委常委会) or the people's
    congress's (县人大常委会). Named beside the government's 常务会 or a
    书记, it is the Party's; in a 人大 report or beside 人大, the congress's;
    with both or neither, the text does not say and the name stays as written.
    """
    place = info.place
    if place is None or place.level not in ("county", "prefecture", "province"):
        return None
    left = max(text.rfind(c, 0, m.start) for c in _SENTENCE_ENDS) + 1
    right = min((i for c in _SENTENCE_ENDS if (i := text.find(c, m.end)) >= 0), default=len(text))
    around = text[left : m.start] + " " + text[m.end : right]
    party = "常务会" in around or "书记" in around
    congress = "人大" in around or "人大" in info.author
    if party == congress:
        return None
    form = _organ_forms()["委常委会" if party else "人大常委会"]
    return form.format(p=place.name), place.key


@cache
def _elidable() -> re.Pattern[str]:
    """Words a short form may leave out (org_elidable.jsonl): 县政府政务中心 = 县政务服务中心."""
    alts = []
    for r in lexicon.records("org_elidable"):
        alt = re.escape(r["id"])
        if r.get("not_before"):
            alt += f"(?!{'|'.join(map(re.escape, r['not_before']))})"
        if r.get("only_before"):
            alt += f"(?={'|'.join(map(re.escape, r['only_before']))})"
        alts.append(alt)
    return re.compile("|".join(alts))


def _fullness(name: str) -> int:
    """How much of the full form a name spells out (服务中心 over 中心, no 政府 inserted)."""
    return name.count("服务中心") + name.count("办公室") + name.endswith("会议") - name.count("政府")


def _variant_targets(
    groups: dict[tuple[str, str, str], list[Mention]], keep: tuple[str, str, str] | None
) -> dict[tuple[str, str, str], tuple[str, str, str]]:
    """Institution keys of one report that name the same body as another key.

    Two rules, both within one scope: short forms that leave out an elidable
    word (政务中心 for 政务服务中心, 常务会 for 常务会议) join the fuller form, and an unprefixed
    name that is the tail of exactly one longer institution name of the
    report (理论学习中心组 of 兴隆镇党委理论学习中心组) joins it. A tail shared
    by two longer names is ambiguous and stays apart.
    """
    inst = sorted(k for k in groups if k[0] == EntityType.INSTITUTION.value)
    out: dict[tuple[str, str, str], tuple[str, str, str]] = {}

    def elided(k: tuple[str, str, str]) -> str:
        if k[1].endswith("会议"):
            return k[1][:-1]  # 县政府常务会议 = 县政府常务会, 局务会议 = 局务会
        return _elidable().sub("", k[1]) if k[1].endswith(("中心", "室")) else k[1]

    by_short: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for k in inst:
        by_short[(elided(k), k[2])].append(k)
    for ks in by_short.values():
        if len(ks) > 1:
            best = min(ks, key=lambda k: (k != keep, -_fullness(k[1]), -len(groups[k]), -len(k[1]), k))
            out.update({k: best for k in ks if k != best})

    def raw_names(k: tuple[str, str, str]) -> set[str]:
        return {_temporal().sub("", _clean(m.name)) for m in groups[k]}

    for k in inst:
        if k in out or k == keep:
            continue
        tails = raw_names(k)
        if not tails or any(len(t) < 4 or _split_place(t, None)[0] for t in tails):
            continue
        targets = {
            out.get(o, o)
            for o in inst
            if o != k and any(n != t and n.endswith(t) for t in tails for n in raw_names(o) | {o[1]})
        }
        targets.discard(k)
        if len(targets) == 1 and next(iter(targets))[2] == k[2]:
            out[k] = targets.pop()

    # 宁陵县人社局 and 宁陵县人力资源和社会保障局: a department's abbreviation joins its one full name
    for k in inst:
        if k in out:
            continue
        fulls = {out.get(o, o) for o in inst if o[2] == k[2] and abbreviates(k[1], o[1])} - {k}
        if len(fulls) != 1:
            continue
        full = fulls.pop()
        if k != keep:
            out[k] = full
        elif full not in out:
            out[full] = k  # the author keeps its key; its full name becomes a label
    return out


_PLACE_END = re.compile(r"^.*?[省市县区州旗盟镇乡]")


def abbreviates(short: str, full: str) -> bool:
    """True when ``short`` is the usual abbreviation of department ``full`` of the same place:
    both open with the place, end with the same head (局, 厅, 委 for 委员会), and the short
    body's characters stand in order in the full one from its first (人社局 of 人力资源和社会
    保障局, 发改委 of 发展和改革委员会, 市场监管局 of 市场监督管理局), without being its
    opening words."""
    place = _PLACE_END.match(short)
    if place is None or not full.startswith(place.group()):
        return False
    a, b = short[place.end() :], full[place.end() :]
    b = b[:-2] if b.endswith("委员会") else b  # 发展和改革委员会 → 发展和改革委
    if len(a) < 3 or len(b) < len(a) + 2 or a[-1] != b[-1] or a[-1] not in "局厅委" or a[0] != b[0]:
        return False
    if b.startswith(a[:-1]):
        return (
            False  # 公安局 and 公安交通管理局, 教育局 and 教育体育局: a name of its own, perhaps another body
        )
    rest = iter(b)
    return all(c in rest for c in a)


def _dated_targets(
    groups: dict[tuple[str, str, str], list[Mention]],
) -> dict[tuple[str, str, str], tuple[str, str, str]]:
    """Keys of one report that name a title without its year range → the one dated form of it.

    海盐县法治政府建设实施纲要 joins 海盐县法治政府建设实施纲要(2021—2025年) when
    that is the only dated form of the title in the same type and scope; with
    two year ranges in sight, the bare name could be either and stays apart.
    """
    dated: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for k in groups:
        if k[0] != EntityType.INSTITUTION.value and year_range(k[1]):
            dated[(k[0], name_key(k[1]), k[2])].append(k)
    out = {}
    for k in groups:
        if k[0] == EntityType.INSTITUTION.value or year_range(k[1]):
            continue
        targets = dated.get((k[0], name_key(k[1]), k[2]), [])
        if len(targets) == 1:
            out[k] = targets[0]
    return out


def merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """Merge entities with the same key across documents; sorted by key."""
    groups: dict[tuple[str, str, str], list[Entity]] = defaultdict(list)
    for e in entities:
        groups[e.key].append(e)
    out: list[Entity] = []
    for key in sorted(groups):
        es = groups[key]
        mentions = sorted(
            {m for e in es for m in e.mentions}, key=lambda m: (m.doc_id, m.start, m.end, m.rule)
        )
        labels = sorted({a for e in es for a in e.alt_labels} - {key[1]})
        out.append(
            Entity(
                type=es[0].type,
                canonical=key[1],
                scope=key[2],
                mentions=tuple(mentions),
                alt_labels=tuple(labels),
            )
        )
    return out


__all__ = ["author_key", "canonical", "canonical_institution", "gazetteer", "link_entities", "merge_entities"]
