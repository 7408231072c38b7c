"""Canonical names, scopes and merging of entities."""

from __future__ import annotations

import pytest

from kg.extraction.normalize import author_key, canonical_institution, link_entities, merge_entities
from kg.extraction.places import region_of
from kg.model import Document, EntityType, Mention, Region, ReportInfo

KAIYANG = region_of("520121")
NINGLING = region_of("411423")


def info(place: Region | None = KAIYANG, author: str = "") -> ReportInfo:
    return ReportInfo(doc_id="d", place=place, author=author)


def mention(name: str, start: int, typ: EntityType = EntityType.INSTITUTION, doc: str = "d") -> Mention:
    return Mention(
        doc_id=doc, start=start, end=start + len(name), sent_index=0, text=name, type=typ, name=name, rule="t"
    )


def test_relative_institutions_take_the_place() -> None:
    i = info()
    assert canonical_institution("县司法局", i) == ("开阳县司法局", "520121")
    assert canonical_institution("县委", i) == ("中共开阳县委员会", "520121")
    assert canonical_institution("中共开阳县委", i) == ("中共开阳县委员会", "520121")
    assert canonical_institution("县政协", i) == ("政协开阳县委员会", "520121")
    assert canonical_institution("市政府", i) == ("贵阳市人民政府", "520100")


@pytest.mark.parametrize(
    ("code", "name", "canonical"),
    [
        ("150000", "自治区政府", ("内蒙古自治区人民政府", "150000")),
        ("150000", "自治区司法厅", ("内蒙古自治区司法厅", "150000")),  # not 内蒙古自治区自治区司法厅
        ("150624", "旗司法局", ("鄂托克旗司法局", "150624")),
        ("150624", "旗委", ("中共鄂托克旗委员会", "150624")),
        ("152500", "盟行署", ("锡林郭勒盟行政公署", "152500")),
        ("652900", "地区司法局", ("阿克苏地区司法局", "652900")),
    ],
)
def test_an_autonomous_region_or_a_banner_stands_for_its_place(
    code: str, name: str, canonical: tuple[str, str]
) -> None:
    assert canonical_institution(name, ReportInfo(doc_id="t", place=region_of(code))) == canonical


def test_national_organs_have_no_scope() -> None:
    assert canonical_institution("国务院", info()) == ("国务院", "")
    assert canonical_institution("中共中央", info()) == ("党中央", "")
    assert canonical_institution("中办", info()) == ("中共中央办公厅", "")


def test_a_central_administration_s_local_office_is_local() -> None:
    assert canonical_institution("国家税务总局县税务局", info()) == ("国家税务总局开阳县税务局", "520121")
    assert canonical_institution("国家税务总局开阳县税务局", info()) == ("国家税务总局开阳县税务局", "520121")
    assert canonical_institution("国家税务总局", info()) == ("国家税务总局", "")


def test_government_variants_merge_in_one_report() -> None:
    ms = [mention("县政府", 0), mention("县人民政府", 10), mention("开阳县人民政府", 20)]
    ents = [e for e in link_entities(Document("d", "", "", ""), info(), ms) if e.mentions]
    assert len(ents) == 1
    e = ents[0]
    assert e.canonical == "开阳县人民政府" and e.scope == "520121"
    assert e.alt_labels == ("县人民政府", "县政府")
    assert [x.start for x in e.mentions] == [0, 10, 20]


def test_same_named_local_bodies_of_two_places_stay_apart() -> None:
    a = link_entities(Document("a", "", "", ""), info(KAIYANG), [mention("县司法局", 0, doc="a")])
    b = link_entities(Document("b", "", "", ""), info(NINGLING), [mention("县司法局", 0, doc="b")])
    merged = merge_entities(a + b)
    assert {e.canonical for e in merged} == {"开阳县司法局", "宁陵县司法局"}


def test_laws_merge_across_reports() -> None:
    a = link_entities(
        Document("a", "", "", ""), info(KAIYANG), [mention("中华人民共和国民法典", 0, EntityType.SYSTEM, "a")]
    )
    b = link_entities(
        Document("b", "", "", ""), info(NINGLING), [mention("民法典", 5, EntityType.SYSTEM, "b")]
    )
    merged = merge_entities(a + b)
    assert len(merged) == 1
    assert merged[0].scope == "" and merged[0].canonical == "民法典"
    assert [m.doc_id for m in merged[0].mentions] == ["a", "b"]
    assert merged[0].alt_labels == ("中华人民共和国民法典",)


def test_lists_and_brands_are_local() -> None:
    ms = [mention("权责清单", 0, EntityType.LIST), mention("宁法通", 9, EntityType.BRAND)]
    ents = link_entities(Document("d", "", "", ""), info(NINGLING), ms)
    assert {e.scope for e in ents} == {"411423"}


def test_author_entity_exists_without_mentions() -> None:
    i = info(author="县司法局")
    assert author_key(i) == ("机构", "开阳县司法局", "520121")
    ents = link_entities(Document("d", "", "", ""), i, [])
    assert [e.key for e in ents] == [author_key(i)]
    assert ents[0].mentions == () and ents[0].alt_labels == ("县司法局",)


def test_no_author_no_key() -> None:
    assert author_key(info(author="")) is None


def test_order_is_by_key_and_deterministic() -> None:
    ms = [mention("县委", 0), mention("国务院", 5), mention("县司法局", 9)]
    ents = link_entities(Document("d", "", "", ""), info(), ms)
    assert [e.key for e in ents] == sorted(e.key for e in ents)
    assert ents == link_entities(Document("d", "", "", ""), info(), list(reversed(ms)))


# ---------------------------------------------------------------- variants within one report

TOWN = Region("清溪镇", "township")
TOWN_B = Region("清溪镇", "township", parent=NINGLING)


def canon(names: list[str], place: Region | None = KAIYANG) -> dict[str, str]:
    """Surface name → canonical name of its entity, for mentions of one report."""
    ms = [mention(n, i * 40) for i, n in enumerate(names)]
    ents = link_entities(Document("d", "", "", ""), info(place), ms)
    return {m.name: e.canonical for e in ents for m in e.mentions}


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("县人社局", "县人力资源和社会保障局"),
        ("县发改委", "县发展和改革委员会"),
        ("县市场监管局", "县市场监督管理局"),
        ("县文广旅体局", "县文化广电旅游体育局"),
    ],
)
def test_a_department_s_abbreviation_joins_its_full_name(short: str, full: str) -> None:
    got = canon([full, short])
    assert got[short] == got[full] == "开阳县" + full[1:]


def test_an_author_named_short_keeps_its_key_and_takes_the_full_name_as_a_label() -> None:
    ms = [mention("开阳县人力资源和社会保障局", 0), mention("开阳县人社局", 40)]
    ents = link_entities(Document("d", "", "", ""), info(author="开阳县人社局"), ms)
    assert [(e.canonical, "开阳县人力资源和社会保障局" in e.alt_labels) for e in ents] == [
        ("开阳县人社局", True)
    ]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("县公安局", "县公安交通管理局"),  # a name of its own: the traffic bureau is another body
        ("县教育局", "县教育体育局"),
        ("县司法局", "县司法局办公室"),  # another head: a unit
    ],
)
def test_a_name_that_opens_a_longer_one_stays_apart(short: str, full: str) -> None:
    got = canon([full, short])
    assert got[short] != got[full]


def test_short_tail_joins_the_one_longer_name() -> None:
    got = canon(["镇党委理论学习中心组", "理论学习中心组"], TOWN)
    assert got["理论学习中心组"] == got["镇党委理论学习中心组"] == "清溪镇党委理论学习中心组"


def test_a_township_s_party_committee_written_short_takes_its_name_once() -> None:
    # 乡党 is a word of jieba's dictionary (fellow villagers): 乡党委 is still the 乡's committee
    township = Region("共和乡", "township")
    for written in ("乡党委", "共和乡党委"):
        assert canonical_institution(written, info(township))[0] == "共和乡党委"
    assert canonical_institution("镇党委", info(TOWN))[0] == "清溪镇党委"


def test_a_municipality_s_organs_written_short_take_its_name() -> None:
    for code in ("110000", "500000", "120101"):  # 北京市, 重庆市, and a district of 天津市
        place = region_of(code)
        city = next(r for r in place.chain() if r.level == "province")
        assert canonical_institution("市委", info(place))[0] == f"中共{city.name}委员会"
        assert canonical_institution("市政府", info(place))[0] == f"{city.name}人民政府"
        assert canonical_institution("市司法局", info(place))[0] == f"{city.name}司法局"


def test_a_standing_meeting_named_without_a_place_is_the_report_s_place_s() -> None:
    assert canonical_institution("政府常务会议", info())[0] == "开阳县人民政府常务会议"
    assert canonical_institution("政府常务会", info())[0] == "开阳县人民政府常务会议"
    assert canonical_institution("党委常委会", info())[0] == "开阳县党委常委会"
    # no place known: as written
    assert canonical_institution("政府常务会议", info(None))[0] == "政府常务会议"


def test_ambiguous_tail_stays_apart() -> None:
    got = canon(["县行政复议委员会", "市行政复议委员会", "行政复议委员会"])
    assert len(set(got.values())) == 3


def test_short_forms_and_moved_offices_merge() -> None:
    got = canon(["县政务服务中心", "原政务服务中心", "新建政务服务中心", "县政府政务中心"])
    assert set(got.values()) == {"开阳县政务服务中心"}
    got = canon(["县政府行政复议办公室", "县政府行政复议室"])
    assert set(got.values()) == {"开阳县人民政府行政复议办公室"}


def test_new_is_not_stripped_from_place_names() -> None:
    assert canonical_institution("新疆维吾尔自治区司法厅", info(None))[0] == "新疆维吾尔自治区司法厅"


def test_new_that_opens_the_report_s_place_is_its_name() -> None:
    # a street called 新市: 新 is no "new" before a 市 to expand
    street = Region(name="新市街道", level="township", parent=region_of("440111"))
    assert canonical_institution("新市街道办事处", info(street))[0] == "新市街道办事处"
    assert canonical_institution("新建政务服务中心", info(street))[0] != "新建政务服务中心"


def test_a_department_named_bare_is_the_place_s_own() -> None:
    assert canonical_institution("司法局", info(KAIYANG))[0] == "开阳县司法局"
    assert canonical_institution("公安局", info(KAIYANG))[0] == "开阳县公安局"
    assert canonical_institution("琼山分局", info(KAIYANG))[0] == "琼山分局"


def test_town_units_take_the_town_as_prefix() -> None:
    assert canonical_institution("综合行政执法大队", info(TOWN))[0] == "清溪镇综合行政执法大队"
    assert canonical_institution("综合行政执法大队", info(KAIYANG))[0] == "开阳县综合行政执法大队"
    # a county report's unprefixed committee is not forced onto the county
    assert canonical_institution("行政复议委员会", info(KAIYANG))[0] == "行政复议委员会"


def test_county_of_a_town_report_that_never_names_it() -> None:
    got = canon(["县委", "县政府", "县人民政府"], TOWN)
    # the name the text gives, never an invented 中共清溪镇所在县委员会
    assert got["县委"] == "县委"
    assert got["县政府"] == got["县人民政府"] == "县人民政府"
    # a town whose county the text names uses it
    assert canonical_institution("县政府", info(TOWN_B))[0] == "宁陵县人民政府"


def test_counties_of_two_towns_stay_apart() -> None:
    a = link_entities(Document("a", "", "", ""), info(TOWN), [mention("县政府", 0, doc="a")])
    b = link_entities(
        Document("b", "", "", ""), info(Region("石门镇", "township")), [mention("县政府", 0, doc="b")]
    )
    assert len(merge_entities(a + b)) == 2


def test_a_bureau_s_own_units_named_by_one_character_are_its_author_s() -> None:
    info = ReportInfo(doc_id="t", place=region_of("430725"), author="桃源县民政局")
    assert canonical_institution("局党组", info) == canonical_institution("桃源县民政局党组", info)
    assert canonical_institution("局务会", info)[0] == "桃源县民政局局务会议"
    # not in a government's report, and not a word that only starts like one
    gov = ReportInfo(doc_id="t", place=region_of("430725"), author="桃源县人民政府")
    assert canonical_institution("局党组", gov)[0] != "桃源县人民政府党组"


@pytest.mark.parametrize(
    ("short", "full"),
    [("县政府常务会", "县政府常务会议"), ("局务会", "局务会议"), ("局长办公会", "局长办公会议")],
)
def test_a_meeting_named_short_has_the_full_name_in_every_report(short: str, full: str) -> None:
    """One body, one IRI across years: 常务会 in one report and 常务会议 in the next."""
    info = ReportInfo(doc_id="t", place=region_of("430725"), author="桃源县民政局")
    assert canonical_institution(short, info) == canonical_institution(full, info)
    assert canonical_institution(short, info)[0].endswith("会议")


@pytest.mark.parametrize("name", ["县委常委会", "县人大常委会", "县妇女联合会", "县总工会"])
def test_other_bodies_ending_in_hui_keep_their_names(name: str) -> None:
    info = ReportInfo(doc_id="t", place=region_of("430725"))
    assert not canonical_institution(name, info)[0].endswith("会议")


HAIYAN = region_of("330424")
CHANGZHI = region_of("140400")


def entities_of(names: list[tuple[str, EntityType]], place: Region | None) -> dict[str, tuple[str, str]]:
    """Surface name → (canonical name, scope) of its entity, for mentions of one report."""
    ms = [mention(n, i * 60, t) for i, (n, t) in enumerate(names)]
    ents = link_entities(Document("d", "", "", ""), info(place), ms)
    return {m.name: (e.canonical, e.scope) for e in ents for m in e.mentions}


def test_a_name_that_merely_starts_with_a_place_character_is_not_place_relative() -> None:
    got = entities_of(
        [
            ("市县法治政府建设示范指标体系", EntityType.SYSTEM),
            ("县乡职责事项对接机制", EntityType.SYSTEM),
            ("市民诉求快速响应机制", EntityType.SYSTEM),
            ("区域协同执法制度", EntityType.SYSTEM),
        ],
        CHANGZHI,
    )
    assert got["市县法治政府建设示范指标体系"] == ("市县法治政府建设示范指标体系", "")
    assert got["县乡职责事项对接机制"][0] == "县乡职责事项对接机制"
    assert got["市民诉求快速响应机制"][0] == "市民诉求快速响应机制"
    assert got["区域协同执法制度"][0] == "区域协同执法制度"
    lists = entities_of([("市场主体柔性执法两张目录清单", EntityType.LIST)], HAIYAN)
    assert lists["市场主体柔性执法两张目录清单"] == ("市场主体柔性执法两张目录清单", "330424")
    assert canonical_institution("县域法治监督改革领导小组", info(HAIYAN))[0] == "县域法治监督改革领导小组"
    assert (
        canonical_institution("市级行政复议专家咨询委员会", info(CHANGZHI))[0] == "市级行政复议专家咨询委员会"
    )


def test_a_place_relative_prefix_is_still_expanded() -> None:
    i = info(HAIYAN)
    assert canonical_institution("县司法局", i) == ("海盐县司法局", "330424")
    assert canonical_institution("市委", i)[0] == "中共嘉兴市委员会"
    assert canonical_institution("县法院", i)[0] == "海盐县法院"
    # 市场监管局 is no 市 + 场监管局; named bare, it is the county's own department
    assert canonical_institution("市场监管局", i)[0] == "海盐县市场监管局"
    got = entities_of([("县行政执法公示制度", EntityType.SYSTEM)], HAIYAN)
    assert got["县行政执法公示制度"] == ("海盐县行政执法公示制度", "330424")


def test_variants_of_one_title_are_one_entity() -> None:
    names = [
        ("海盐法治政府建设实施纲要（2021—2025年）", EntityType.SYSTEM),
        ("海盐县法治政府建设实施纲要(2021-2025年)", EntityType.SYSTEM),
        ("海盐县法治政府建设实施纲要（2021–2025年）", EntityType.SYSTEM),
        ("海盐县法治政府建设实施纲要", EntityType.SYSTEM),
    ]
    ms = [mention(n, i * 60, t) for i, (n, t) in enumerate(names)]
    ents = [e for e in link_entities(Document("d", "", "", ""), info(HAIYAN), ms) if e.mentions]
    assert len(ents) == 1
    e = ents[0]
    assert (e.canonical, e.scope) == ("海盐县法治政府建设实施纲要(2021—2025年)", "330424")
    assert set(e.alt_labels) == {n for n, _ in names} - {e.canonical}


def test_variants_merge_across_reports_by_their_canonical_spelling() -> None:
    a = link_entities(
        Document("a", "", "", ""),
        info(HAIYAN),
        [mention("海盐法治政府建设实施纲要(2021—2025年)", 0, EntityType.SYSTEM, "a")],
    )
    b = link_entities(
        Document("b", "", "", ""),
        info(HAIYAN),
        [mention("海盐县法治政府建设实施纲要（2021-2025年）", 0, EntityType.SYSTEM, "b")],
    )
    assert len(merge_entities(a + b)) == 1


def test_a_bare_title_with_two_dated_forms_stays_apart() -> None:
    got = entities_of(
        [
            ("法治政府建设实施纲要(2015-2020年)", EntityType.SYSTEM),
            ("法治政府建设实施纲要(2021—2025年)", EntityType.SYSTEM),
            ("法治政府建设实施纲要", EntityType.SYSTEM),
        ],
        KAIYANG,
    )
    assert len(set(got.values())) == 3
    assert got["法治政府建设实施纲要(2015-2020年)"][0] == "法治政府建设实施纲要(2015—2020年)"


def test_a_short_place_name_does_not_rename_an_institution_that_is_no_organ() -> None:
    assert canonical_institution("海盐司法局", info(HAIYAN)) == ("海盐县司法局", "330424")
    assert canonical_institution("嘉兴学院", info(HAIYAN)) == ("嘉兴学院", "330400")


def test_bare_organ_words_name_the_report_s_place() -> None:
    assert canonical_institution("政府办", info()) == ("开阳县人民政府办公室", "520121")
    assert canonical_institution("政府办", info(TOWN))[0] == "清溪镇人民政府办公室"
    # a committee of nobody in particular is not the Party's
    assert canonical_institution("委员会", info())[0] == "委员会"


def standing(sentence: str, author: str = "") -> str:
    k = sentence.index("常委会")
    m = mention("常委会", k)
    ents = link_entities(Document("d", "", sentence, ""), info(author=author), [m])
    return next(e.canonical for e in ents if e.mentions)


def test_a_bare_standing_committee_is_the_one_its_sentence_names() -> None:
    assert standing("主要负责人多次在常委会、常务会上专题学习。") == "中共开阳县委员会常务委员会"
    assert standing("县委书记主持召开常委会研究法治工作。") == "中共开阳县委员会常务委员会"
    assert standing("定期向常委会报告工作。", author="开阳县人大常委会") == "开阳县人大常委会"
    # the text does not say whose: the name stays as written
    assert standing("常委会听取了报告。") == "常委会"


def test_a_town_unit_named_by_the_town_without_its_level_word_takes_no_prefix() -> None:
    street = Region(name="新市街道", level="township", parent=region_of("440111"))
    assert canonical_institution("新市街党工委", info(street))[0] == "新市街党工委"
    assert canonical_institution("清溪派出所", info(TOWN))[0] == "清溪派出所"
    # a unit the town's name does not open still takes it
    assert canonical_institution("党工委", info(street))[0] == "新市街道党工委"
    assert canonical_institution("新建综合行政执法大队", info(TOWN))[0] == "清溪镇综合行政执法大队"


def test_a_special_administrative_region_s_government_keeps_its_own_name() -> None:
    assert canonical_institution("香港特别行政区政府", info(None))[0] == "香港特别行政区政府"
    assert canonical_institution("澳门特别行政区政府", info(KAIYANG))[0] == "澳门特别行政区政府"
    # a province's government still takes the mainland form
    assert canonical_institution("贵州省政府", info(None))[0] == "贵州省人民政府"


def test_full_names_of_central_organs_join_their_short_names() -> None:
    assert canonical_institution("中央军事委员会", info()) == ("中央军委", "")
    assert canonical_institution("国家监察委员会", info()) == ("国家监委", "")
