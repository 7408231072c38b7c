"""partOf read from names (kg.extraction.hierarchy), with names written for these tests."""

from __future__ import annotations

import pytest

from kg.extraction.hierarchy import own_units, parents_of, split_parent, with_parents
from kg.extraction.places import region_of
from kg.model import Entity, EntityType, Mention, ReportInfo
from tests.extraction.conftest import extract_text

INST = EntityType.INSTITUTION
TAOYUAN = region_of("430725")  # 桃源县


@pytest.mark.parametrize(
    ("name", "parent", "unit"),
    [
        ("县委理论学习中心组", "县委", "理论学习中心组"),
        ("市政府常务会议", "市政府", "常务会议"),
        ("县人大常委会", "县人大", "常委会"),
        ("县委全面依法治县委员会", "县委", "全面依法治县委员会"),
        ("桃源县公安局漳江派出所", "桃源县公安局", "漳江派出所"),
        ("常德市公安局鼎城分局石门桥派出所", "常德市公安局鼎城分局", "石门桥派出所"),
        ("常德市公安局鼎城分局", "常德市公安局", "鼎城分局"),
        ("局党组", "局", "党组"),
        ("部常务会", "部", "常务会"),
        ("政府办", "政府", "办"),
        ("法治建设工作领导小组办公室", "法治建设工作领导小组", "办公室"),
        ("国务院办公厅", "国务院", "办公厅"),
        ("镇政府办公室", "镇政府", "办公室"),
        ("宁陵县政府办公室", "宁陵县政府", "办公室"),
        ("县数字政府建设领导小组办公室", "县数字政府建设领导小组", "办公室"),
        ("县司法局驻县信访局法律服务工作室", "县司法局", "驻县信访局法律服务工作室"),
        ("县检察院派驻看守所检察室", "县检察院", "派驻看守所检察室"),
    ],
)
def test_a_unit_after_an_institution_s_name(name: str, parent: str, unit: str) -> None:
    assert split_parent(name) == (parent, unit)


@pytest.mark.parametrize(
    "name",
    [
        "县司法局",
        "桃源县人民政府",
        "中共桃源县委员会",
        "县人民法院",
        "镇党委",
        "政协桃源县委员会",
        "团县委",
        "行政复议办公室",
        "县法治政府建设领导小组",
        "市数字政府建设工作专班",
        "县服务型政府建设工作领导小组",
        "县总工会驻县法院调解工作室",
    ],
)
def test_a_whole_name_has_no_parent(name: str) -> None:
    assert split_parent(name) is None


def _entity(name: str, scope: str = "430725", mentioned: bool = True) -> Entity:
    ms = (Mention("t", 0, len(name), 0, name, INST, name, "test"),) if mentioned else ()
    return Entity(INST, name, scope, ms, ())


def _info(place=TAOYUAN) -> ReportInfo:
    return ReportInfo(doc_id="t", place=place, author="桃源县人民政府")


def test_a_parent_named_only_inside_its_unit_becomes_an_entity() -> None:
    info = _info()
    ents = [_entity("桃源县公安局漳江派出所"), _entity("桃源县人民政府")]
    out = with_parents(ents, info, None)
    assert {e.canonical for e in out} == {"桃源县公安局漳江派出所", "桃源县人民政府", "桃源县公安局"}
    added = next(e for e in out if e.canonical == "桃源县公安局")
    assert added.mentions == ()
    parents = parents_of(out, info, None)
    assert parents[(INST.value, "桃源县公安局漳江派出所", "430725")][0] == (
        INST.value,
        "桃源县公安局",
        "430725",
    )


def test_an_existing_parent_is_preferred_and_bare_organs_are_the_place_s() -> None:
    info = _info()
    gov = _entity("桃源县人民政府")
    office = Entity(
        INST, "桃源县人民政府办公室", "430725", (Mention("t", 0, 3, 0, "政府办", INST, "政府办", "test"),), ()
    )
    parents = parents_of([gov, office], info, None)
    assert parents[office.key][0] == gov.key


def test_own_units_belong_to_the_author_of_a_bureau_s_report() -> None:
    info = ReportInfo(doc_id="t", place=TAOYUAN, author="桃源县商务局")
    author = (INST.value, "桃源县商务局", "430725")
    group = _entity("局党组")
    parents = parents_of([_entity("桃源县商务局"), group], info, author)
    assert parents[group.key][0] == author
    division = _entity("市场运行调节科")
    assert own_units([division], author) == {division.key: author}
    # 市政 is a word, no place: the bureau's own division; 县…科 is the county's
    city_works = _entity("市政设施管理科")
    assert own_units([city_works], author) == {city_works.key: author}
    assert own_units([_entity("县财政局预算科")], author) == {}
    # a name that opens with a place written short is that place's body (a notary office)
    assert own_units([_entity("哈尔滨国信公证处")], author) == {}
    assert own_units([_entity("政策法规处")], author) == {_entity("政策法规处").key: author}
    # a government's report has no such divisions
    assert own_units([division], (INST.value, "桃源县人民政府", "430725")) == {}


def test_words_that_only_look_like_a_parent_are_not_one() -> None:
    info = _info()
    group = _entity("法治政府建设工作领导小组")  # 法治政府 is no institution
    assert parents_of([group], info, None) == {}
    national = _entity("中央全面依法治国委员会办公室", scope="")
    assert parents_of([national], info, None) == {}


def test_documents_with_units_give_part_of_relations_end_to_end() -> None:
    text = "桃源县人民政府关于2023年度法治政府建设情况的报告\n县委理论学习中心组开展专题学法4次。县政府常务会议研究行政规范性文件。\n"
    d = extract_text(text)
    pairs = {(r.subject[1], r.object[1]) for r in d.relations if r.predicate.value == "partOf"}
    assert ("中共桃源县委员会理论学习中心组", "中共桃源县委员会") in pairs or any(
        s.endswith("理论学习中心组") and o == "中共桃源县委员会" for s, o in pairs
    )


def test_a_standing_committee_told_from_its_sentence_has_no_parent_from_its_name() -> None:
    # 常委会 read as 中共桃源县委员会常务委员会 from its sentence: the text never says 县委's
    ms = (Mention("t", 0, 3, 0, "常委会", INST, "常委会", "test"),)
    bare = Entity(INST, "中共桃源县委员会常务委员会", "430725", ms, ("常委会",))
    assert parents_of([bare], _info(), None) == {}
    assert parents_of([_entity("中共桃源县委员会常务委员会")], _info(), None) != {}


def test_a_goal_before_a_group_is_no_government() -> None:
    """县法治政府建设领导小组办公室: the group's office is the group's, 法治政府 is a goal."""
    ex = extract_text("宁陵县2023年法治政府建设情况报告\n县法治政府建设领导小组办公室印发《工作要点》。")
    names = {e.canonical for e in ex.entities if e.type is INST}
    assert "宁陵县法治政府建设领导小组" in names
    assert not any(n.endswith("法治政府") for n in names)


def test_a_unit_of_a_bureau_of_a_renamed_county_has_that_bureau_as_parent() -> None:
    ex = extract_text(
        "阿克苏地区2024年法治政府建设情况报告\n新疆库车市司法局行政执法协调监督办公室负责人介绍。\n"
    )
    got = {(r.subject[1], r.object[1]) for r in ex.relations if r.predicate.value == "partOf"}
    assert got == {("库车市司法局行政执法协调监督办公室", "库车市司法局")}
