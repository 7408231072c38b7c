"""Report info: gazetteer, place, year, author and kind from the text alone."""

from __future__ import annotations

import pytest

from kg.extraction.normalize import canonical_institution
from kg.extraction.places import (
    NATIONAL,
    expand_relative,
    find_divisions,
    gazetteer,
    government_of,
    parent_code,
    region_for_level_word,
    region_in_name,
    region_of,
    relative_level_words,
    short_name,
)
from kg.extraction.report import detect_report_info
from kg.model import Document
from kg.text.segment import split_sentences


def info_of(text: str, doc_id: str = "t"):
    doc = Document(id=doc_id, path="", text=text, sha256="")
    return detect_report_info(doc, split_sentences(doc))


def test_gazetteer_has_counties_with_codes() -> None:
    g = gazetteer()
    assert g["520121"].name == "开阳县"
    assert g["520121"].level == "county"
    assert g["520100"].level == "prefecture"
    assert g["520000"].level == "province"


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("520121", "520100"),  # county → prefecture
        ("520100", "520000"),  # prefecture → province
        ("110105", "110000"),  # a district of a municipality skips 市辖区
        ("429004", "420000"),  # a county-level city directly under the province
        ("520000", None),
    ],
)
def test_parent_code(code: str, parent: str | None) -> None:
    assert parent_code(code) == parent


def test_region_chain() -> None:
    r = region_of("520121")
    assert [x.name for x in r.chain()] == ["开阳县", "贵阳市", "贵州省"]
    assert r.key == "520121"


@pytest.mark.parametrize(
    ("full", "short"), [("新疆维吾尔自治区", "新疆"), ("海盐县", "海盐"), ("长治市", "长治")]
)
def test_short_name(full: str, short: str) -> None:
    assert short_name(full) == short


def test_find_divisions_full_and_short() -> None:
    text = "海盐县司法局推进海盐法治建设"
    codes = {c for _, _, c in find_divisions(text)}
    assert "330424" in codes
    spans = [(s, e) for s, e, c in find_divisions(text) if c == "330424"]
    assert (0, 3) in spans and (8, 10) in spans


def test_find_divisions_does_not_read_a_town_as_a_county() -> None:
    # 吉水 is the short name of 吉水县, but 吉水镇 is a town elsewhere
    assert find_divisions("吉水镇2024年法治政府建设年度报告", short=True) == []


def test_short_names_only_for_allowed_codes() -> None:
    assert find_divisions("乡村振兴", short=frozenset()) == []


def test_county_report_from_title() -> None:
    text = "宁陵县人民政府关于2022年度法治政府建设情况的报告\n2022年，我县坚持依法行政。县司法局牵头推进。\n"
    info = info_of(text)
    assert info.place is not None and info.place.name == "宁陵县"
    assert info.place.code == "411423"
    assert info.year == 2022
    assert info.author == "宁陵县人民政府"
    assert info.kind == "report"


def test_town_report_attached_to_the_named_county() -> None:
    text = (
        "中共宁陵县委员会，宁陵县人民政府：\n"
        "2023年，石桥镇在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：\n"
        "石桥镇党委高度重视。\n"
    )
    info = info_of(text)
    assert info.place is not None
    assert info.place.name == "石桥镇" and info.place.level == "township"
    assert info.place.parent is not None and info.place.parent.name == "宁陵县"
    assert info.author == "石桥镇人民政府"


def test_reply_author_from_issuer_line_is_expanded() -> None:
    text = "发布机构: 县司法局\n关于县政协第5号提案的答复函\n委员：您提出的建议收悉。我县推进海盐县域治理。海盐县司法局\n"
    info = info_of(text)
    assert info.kind == "reply"
    assert info.place is not None and info.place.name == "海盐县"
    assert info.author == "海盐县司法局"
    # a place the gazetteer does not know leaves the issuer as written
    unknown = info_of(text.replace("海盐", "平湖"))
    assert unknown.place is None and unknown.author == "县司法局"


def test_issuer_expansion() -> None:
    assert expand_relative("县司法局", region_of("330424")) == "海盐县司法局"
    assert expand_relative("开阳县司法局", region_of("520121")) == "开阳县司法局"
    assert expand_relative("司法局", None) == "司法局"


def test_a_municipality_is_the_city_its_level_word_names() -> None:
    # 天津市 is a province named 市: 市司法局 in its report, or in one of its districts', is its own
    assert expand_relative("市司法局", region_of("120000")) == "天津市司法局"
    assert expand_relative("市委依法治市委", region_of("120101")) == "天津市委依法治市委"
    assert expand_relative("区司法局", region_of("120101")) == "和平区司法局"
    assert expand_relative("省司法厅", region_of("120000")) == "省司法厅"


def test_level_words_name_the_place_but_several_levels_name_none() -> None:
    city = region_of("140400")
    assert expand_relative("市级行政复议专家咨询委员会", city) == "长治市行政复议专家咨询委员会"
    assert expand_relative("市市场监管局", city) == "长治市市场监管局"
    for generic in ("市县法治政府建设示范指标体系", "省市县三级联动机制", "县乡两级权责清单"):
        assert expand_relative(generic, city) == generic


def test_provincial_department_we() -> None:
    text = (
        "现将我厅2021年提案办理工作情况报告如下：\n我厅成立工作专班。四川省司法厅关于办理提案的通知已印发。\n"
    )
    info = info_of(text)
    assert info.place is not None and info.place.name == "四川省"
    assert info.author == "四川省司法厅"


def test_national_reply() -> None:
    info = info_of("司法部关于政协提案答复的函\n党中央、国务院高度重视公共法律服务。\n")
    assert info.place == NATIONAL
    assert info.author == "司法部"


def test_common_words_are_not_places() -> None:
    # 振兴 and 共和 are short names of divisions but ordinary words here
    info = info_of("推进乡村振兴，学习中华人民共和国宪法。\n")
    assert info.place is None


TOWN_REPORT = (
    "{title}人民政府关于2023年度法治政府建设情况的报告\n"
    "黎平县人民政府：\n"
    "2023年，{town}在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：\n"
    "{town}党委高度重视法治建设。\n"
)


@pytest.mark.parametrize("title", ["黎平县龙泉镇", "贵州省黔东南苗族侗族自治州黎平县龙泉镇", "龙泉镇"])
def test_a_town_named_with_its_county_is_the_same_town(title: str) -> None:
    # only the title names the town, so its name is the title's
    info = info_of(TOWN_REPORT.format(title=title, town="我镇"))
    assert info.place is not None
    assert info.place.name == "龙泉镇" and info.place.level == "township"
    assert info.place.key == "522631-龙泉镇"


def test_the_town_s_organs_are_one_entity_with_or_without_the_county() -> None:
    info = info_of(TOWN_REPORT.format(title="黎平县龙泉镇", town="我镇"))
    named = {canonical_institution(n, info) for n in ("黎平县龙泉镇人民政府", "龙泉镇人民政府", "镇政府")}
    assert named == {("龙泉镇人民政府", "522631-龙泉镇")}
    assert canonical_institution("黎平县龙泉镇党委", info) == canonical_institution("龙泉镇党委", info)
    assert canonical_institution("黎平县人民政府", info) == ("黎平县人民政府", "522631")


def test_a_line_opened_by_county_and_town_votes_for_the_town() -> None:
    # the county's name before the town does not stop the line from naming its own town
    text = (
        "2023年度法治政府建设情况的报告\n"
        "黎平县龙泉镇2023年扎实推进法治政府建设。\n"
        "一、加强组织领导\n二、规范行政执法\n三、下一步工作\n"
    )
    info = info_of(text)
    assert info.place is not None and info.place.name == "龙泉镇"


@pytest.mark.parametrize(
    ("chunk", "town"),
    [
        ("黎平县龙泉镇人民政府关于", "龙泉镇"),
        ("三都水族自治县龙泉镇人民政府关于", "龙泉镇"),  # the stem starts inside the county's name
        ("番禺区市桥街道办事处关于", "市桥街道"),  # a level character inside the town's name
        ("德清县新市镇人民政府关于", "新市镇"),
        ("旧县镇人民政府关于", "旧县镇"),
        ("在将乐县古镛镇党委的领导下", "古镛镇"),
        ("我县龙泉镇坚持", "龙泉镇"),
        ("城关镇人民政府关于", "城关镇"),
        ("城北街道党工委", "城北街道"),
        ("2023年，和平镇坚持依法行政", "和平镇"),
        ("向阳街道办事处关于", "向阳街道"),
        ("全州镇人民政府关于", "全州镇"),
        ("村前镇人民政府关于", "村前镇"),
    ],
)
def test_a_report_opened_by_its_town_is_the_town_s(chunk: str, town: str) -> None:
    info = info_of(f"{chunk}\n镇党委高度重视法治建设。\n")
    assert info.place is not None
    assert (info.place.name, info.place.level) == (town, "township")


@pytest.mark.parametrize(
    "chunk",
    [
        "指导各乡镇，",
        "和乡镇，",
        "各部门和乡镇，",
        "县直部门和乡镇人民政府",
        "城市社区和乡镇，",
        "全县乡镇，",
        "各街道，",
        "各镇街，",
        "本乡镇，",
        "对乡镇政府",
        "向乡镇党委",
        "全镇坚持",
        "推进城乡统筹，城镇，",
        "被评为全省县乡法治政府建设项目",
        "省市县乡，",
        "乡村振兴，",
    ],
)
def test_phrases_about_towns_in_general_are_not_towns(chunk: str) -> None:
    info = info_of(f"开阳县人民政府关于2023年度法治政府建设情况的报告\n{chunk}\n{chunk}依法行政。\n")
    assert info.place is not None and info.place.name == "开阳县"


@pytest.mark.parametrize("town", ["城关镇", "和平镇", "向阳街道"])
def test_town_report_of_a_town_whose_name_starts_with_a_common_word(town: str) -> None:
    info = info_of(TOWN_REPORT.format(title=town, town=town))
    assert info.place is not None
    assert info.place.name == town and info.place.level == "township"
    assert info.place.parent is not None and info.place.parent.name == "黎平县"


@pytest.mark.parametrize(
    ("name", "place", "parent"),
    [
        ("重庆市荣昌区司法局", "荣昌区", "重庆市"),
        ("将乐县古镛镇", "古镛镇", "将乐县"),
        ("龙岩市永定区卫生健康局", "永定区", "龙岩市"),  # 永定区 of 龙岩市, not of 张家界市
        ("海南省", "海南省", None),
    ],
)
def test_the_region_a_manifest_s_place_names(name: str, place: str, parent: str | None) -> None:
    region = region_in_name(name)
    assert region is not None and region.name == place
    assert (region.parent.name if region.parent else None) == parent


@pytest.mark.parametrize("name", ["自然资源部", "永定区", "朝阳区", ""])
def test_a_name_without_one_region_gives_none(name: str) -> None:
    assert region_in_name(name) is None


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("150000", ("自治区",)),
        ("150624", ("自治区", "旗")),
        ("152500", ("自治区", "盟")),
        ("652900", ("自治区", "地区")),
        ("411423", ()),
    ],
)
def test_relative_level_words_of_a_place(code: str, words: tuple[str, ...]) -> None:
    assert relative_level_words(region_of(code)) == words


def test_a_relative_level_word_stands_for_the_region_it_ends() -> None:
    banner = region_of("150624")
    assert region_for_level_word("旗", banner) == banner
    assert region_for_level_word("自治区", banner) == region_of("150000")
    assert region_for_level_word("自治州", banner) is None


@pytest.mark.parametrize(
    ("code", "government"),
    [
        ("411423", "宁陵县人民政府"),
        ("652900", "阿克苏地区行政公署"),  # a prefecture-level area has an office
        ("152500", "锡林郭勒盟行政公署"),
        ("150624", "鄂托克旗人民政府"),
    ],
)
def test_government_of_a_place(code: str, government: str) -> None:
    assert government_of(region_of(code)) == government


def test_a_long_transliterated_prefecture_goes_by_its_first_character() -> None:
    # 巴州 is 巴音郭楞蒙古自治州, 博州 博尔塔拉蒙古自治州; 巴州区 is a district of its own
    assert [c for _, _, c in find_divisions("巴州党委、政府坚持依法行政", short=False)] == ["652800"]
    assert [c for _, _, c in find_divisions("博州司法局", short=False)] == ["652700"]
    assert find_divisions("巴州区司法局", short=False)[0][2] != "652800"
    # a two-character short name has no such form: 楚雄州, never 楚州 for 楚雄彝族自治州
    assert "532300" not in {c for _, _, c in find_divisions("楚州党委", short=False)}
    # the report of 巴州 that opens on 巴州党委、政府 is its government's
    info = info_of("2023年，巴州党委、政府坚持依法行政，扎实推进法治政府建设。\n")
    assert info.place is not None and info.place.code == "652800"
    assert canonical_institution("巴州党委", info)[0] == "巴音郭楞蒙古自治州党委"
    assert canonical_institution(info.author, info)[0] == "巴音郭楞蒙古自治州人民政府"


def test_a_county_renamed_a_city_still_opens_a_name() -> None:
    # the gazetteer's 库车县 is 库车市 now: a unit of its bureau has that bureau as parent
    from kg.extraction.places import opens_with_renamed_county

    assert opens_with_renamed_county("库车市司法局")
    assert not opens_with_renamed_county("市场监管局")
    info = info_of("阿克苏地区2024年法治政府建设情况报告\n库车市司法局行政执法协调监督办公室负责人介绍。\n")
    assert canonical_institution("库车市司法局", info)[0] == "库车市司法局"
