"""Which institution a body belongs to, read from its own name.

A name made of an institution's name and a unit's head names a part of that
institution: 县委理论学习中心组 is the 县委's study group, 县政府常务会议 the
government's standing meeting, 澄迈县公安局福山派出所 a station of 澄迈县公安局,
and 局党组 or 部常务会 belong to the bureau or ministry that writes the report.
The parent need not be mentioned on its own: a name that contains it is
evidence enough, so ``with_parents`` adds it as an entity of the report (with
no mention of its own), and ``parents_of`` gives each body its parent.

The longest parent wins (海口市公安局琼山分局云龙派出所 → 海口市公安局琼山分局,
which in turn → 海口市公安局), so a chain of units becomes a chain of partOf.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.data import lexicon
from kg.extraction.normalize import STANDING, canonical_institution, relative_prefix
from kg.extraction.places import find_divisions, opens_with_renamed_county
from kg.model import Entity, EntityType, ReportInfo

Key = tuple[str, str, str]
INST = EntityType.INSTITUTION

# A parent written with its place, level word or Party prefix (县委, 中共X县委, 街道工委).
_PLACED = re.compile(r"^(?:中共|[省市县区州镇乡旗盟]|街道)")

# A unit named by one character of its parent's kind, in a report of that kind
# (局党组 in a bureau's report, 部常务会 in a ministry's): the author's own.
_OWN = "局厅部委办院所"


@cache
def _parent_heads() -> tuple[str, ...]:
    return tuple(lexicon.words("org_parent_heads"))


@cache
def _unit_heads() -> tuple[str, ...]:
    return tuple(lexicon.words("org_unit_tails"))


# 政府 after a place (县政府, 城关镇政府) or as 人民政府 is a government; after a quality it
# is a goal (县法治政府建设领导小组: 法治政府, 数字政府, 服务型政府), no parent.
_GOVERNMENT_AFTER_PLACE = re.compile(r"(?:^|人民|[省市县区州镇乡旗盟]|街道)政府$")


def _no_government(parent: str) -> bool:
    return parent.endswith("政府") and _GOVERNMENT_AFTER_PLACE.search(parent) is None


# 驻 or 派驻 after a body and before its host (县司法局驻县信访局工作站): the station is the
# first body's, not the host's.
_STATIONED = re.compile(r"(?<=[\u4e00-\u9fff]{2})派?驻(?=[\u4e00-\u9fff])")


def split_parent(name: str) -> tuple[str, str] | None:
    """(parent, unit) when ``name`` is a parent institution's name followed by a unit.

    The parent ends with an institution head (委, 政府, 局, 党组, 领导小组 …) and the
    unit with a unit head (理论学习中心组, 常务会议, 办公室, 派出所, 科 …); the
    longest such parent wins. ``None`` when the name is not composed so.
    """
    units, parents = _unit_heads(), _parent_heads()
    if not name.endswith(units) or name.startswith("政协"):
        return None  # 政协X委员会 is one body, not a committee of 政协
    stationed = _STATIONED.search(name)
    if stationed is not None:
        parent = name[: stationed.start()]  # the body that keeps the station, not its host
        return (parent, name[stationed.start() :]) if parent.endswith(parents) else None
    for cut in range(len(name) - 1, 0, -1):
        parent, unit = name[:cut], name[cut:]
        if not parent.endswith(parents) or not unit.endswith(units):
            continue
        if len(unit) < 2 and not (unit == "办" and parent.endswith(("政府", "委"))):
            continue
        if len(parent) == 1 and parent not in _OWN:
            continue
        if _no_government(parent):
            continue
        return parent, unit
    return None


def _resolve(
    parent: str, info: ReportInfo, author: Key | None, known: dict[str, Key]
) -> tuple[Key, str] | None:
    """The key of the institution ``parent`` names in this report, and its name as written."""
    own = author is not None and author[1].endswith(tuple(_OWN))
    if len(parent) == 1:
        # 局党组, 部常务会 in a bureau's or ministry's report: the author's own
        return (author, parent) if own and author is not None and author[1].endswith(parent) else None
    if own and author is not None:
        if parent in {"党组", "党委"}:
            parent = author[1] + parent  # 党组理论学习中心组 of a bureau's report
        elif parent[0] in _OWN and parent[1:] in {"党组", "党委"} and author[1].endswith(parent[0]):
            parent = author[1] + parent[1:]  # 委党委理论学习中心组 of a committee's report
    if parent in known:
        return known[parent], parent
    if parent in lexicon.word_set("org_bare_parents"):
        # 政府办, 党委理论学习中心组: the organ of the report's own place
        if info.place is None or info.place.level == "national":
            return None
        name, scope = canonical_institution(info.place.name + parent, info)
    elif (
        _PLACED.match(parent) or find_divisions(parent[:12], short=False) or opens_with_renamed_county(parent)
    ):
        name, scope = canonical_institution(parent, info)
    else:
        return None  # 法治政府 in 法治政府建设工作领导小组 names no institution
    return known.get(name, (INST.value, name, scope)), parent


def _names(e: Entity) -> list[str]:
    """The canonical name first, then the names the report writes (deterministic order).

    A body the report names only as 常委会 was told from its sentence, not
    from its name (``normalize.STANDING``): its name implies no parent.
    """
    written = sorted({m.name for m in e.mentions} | set(e.alt_labels))
    if e.mentions and all(m.name in STANDING for m in e.mentions):
        return written
    return [e.canonical, *(n for n in written if n != e.canonical)]


def parents_of(
    entities: Sequence[Entity], info: ReportInfo, author: Key | None
) -> dict[Key, tuple[Key, str]]:
    """Each institution's parent key and the parent's name as the child's name writes it.

    A parent that is an entity of the report is preferred over a new one.
    """
    insts = [e for e in entities if e.type is INST]
    known: dict[str, Key] = {}
    for e in insts:
        for n in _names(e):
            known.setdefault(n, e.key)
    out: dict[Key, tuple[Key, str]] = {}
    national = info.place is not None and info.place.level == "national"
    for e in insts:
        if not e.scope and info.place is not None and not national:
            continue  # the centre's organs in a local report: not the report's structure
        options: list[tuple[Key, str]] = []
        for n in _names(e):
            split = split_parent(n)
            if split is None:
                continue
            found = _resolve(split[0], info, author, known)
            if found is not None and found[0] != e.key:
                options.append(found)
        existing = [o for o in options if o[0] in {x.key for x in insts}]
        if existing or options:
            out[e.key] = (existing or options)[0]
    return out


def with_parents(entities: list[Entity], info: ReportInfo, author: Key | None) -> list[Entity]:
    """``entities`` plus the parents their names imply and the report does not name alone.

    A new parent has no mention of its own (its evidence is the child's mention);
    its own parent, if its name has one, is added too.
    """
    out = list(entities)
    for _ in range(4):  # chains of units are short: 分局 → 派出所
        keys = {e.key for e in out}
        new: dict[Key, str] = {}
        for key, written in parents_of(out, info, author).values():
            if key not in keys:
                new.setdefault(key, written)
        if not new:
            break
        for key, written in sorted(new.items()):
            alt = () if written == key[1] else (written,)
            out.append(Entity(type=INST, canonical=key[1], scope=key[2], mentions=(), alt_labels=alt))
    return sorted(out, key=lambda e: e.key)


_UNPREFIXED_UNIT = re.compile(r"^[\u4e00-\u9fff]{2,16}(?:科|股|处)$")


def own_units(entities: Sequence[Entity], author: Key | None) -> dict[Key, Key]:
    """Internal divisions named without a parent (市场管理和电子商务科) in a department's report.

    A 科, 股 or 处 named bare in a bureau's own report is one of its divisions.
    """
    if author is None or not author[1].endswith(("局", "厅", "委", "办")):
        return {}
    return {
        e.key: author
        for e in entities
        if e.type is INST
        and e.key != author
        and _UNPREFIXED_UNIT.match(e.canonical)
        and e.mentions
        and not any(relative_prefix(m.name) or _opens_with_place(m.name) for m in e.mentions)
    }


def _opens_with_place(name: str) -> bool:
    """哈尔滨国信公证处, 开阳县行政审批处: a name that opens with a place, short or full, is
    that place's body, not a division the report's bureau names bare."""
    return any(start == 0 for start, _, _ in find_divisions(name[:12], short=True))
