"""Brands: quoted named rooms and online services, counted goals, roles and their
programmes, generic channels before an app word (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import EntityType
from tests.extraction.conftest import extract_names

SYS, BRAND = EntityType.SYSTEM, EntityType.BRAND
Names = Callable[[str, EntityType], set[str]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("该派出所设立“茉莉花警务室”，服务群众。", "茉莉花警务室"),
        ("群众可通过“12348河南法网”申请调解。", "12348河南法网"),
        ("上线“宁陵县法律服务地图”，方便查询。", "宁陵县法律服务地图"),
        ("司法所建成“向日葵”调解室。", "向日葵"),
        ("成立“老李调解工作室”。", "老李调解工作室"),
        ("局里修建“清风法治公园”。", "清风法治公园"),
        ("自主开发“法小督”应用。", "法小督"),
    ],
)
def test_quoted_rooms_and_online_services_are_brands(names: Names, text: str, name: str) -> None:
    assert name in names(text, BRAND)


def test_a_quoted_room_is_a_brand_not_an_institution(names: Names) -> None:
    text = "该所成立“茉莉花警务室”。"
    assert "茉莉花警务室" in names(text, BRAND)
    assert "茉莉花警务室" not in names(text, EntityType.INSTITUTION)


@pytest.mark.parametrize(
    "text",
    [
        "全力打造“六城”目标任务。",
        "“四大行动”活动惠及群众。",
        "围绕“两个中心”开展活动。",
        "用好微信公众号、抖音号等新媒体阵地。",
        "开通政务App。",
    ],
)
def test_counted_goals_and_generic_channels_are_not_brands(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()


@pytest.mark.parametrize(
    ("text", "name"), [("开展“五减”行动。", "五减"), ("开展法治“八进”活动。", "法治八进")]
)
def test_a_count_of_actions_is_a_campaign(names: Names, text: str, name: str) -> None:
    assert name in names(text, BRAND)


def test_a_role_is_no_brand_but_its_programme_is(names: Names) -> None:
    assert names("实施“法治带头人”培养工程。", BRAND) == {"法治带头人培养工程"}
    assert names("组织“法治带头人”深入乡村开展宣讲活动。", BRAND) == set()


@pytest.mark.parametrize("text", ["聚焦“人、财、物和机制”改革。", "理顺“责、权、利”关系。"])
def test_quoted_single_character_items_name_nothing(names: Names, text: str) -> None:
    assert names(text, SYS) == set() and names(text, BRAND) == set()


@given(st.text(alphabet="一二三五城减进大主题“”活动行动开展的，", max_size=30))
def test_counted_quotes_give_only_campaigns_of_actions(text: str) -> None:
    for name in extract_names(text, BRAND):
        assert "城" not in name and "主题" not in name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("开设“板凳说法”普法课堂20期。", "板凳说法"),
        ("举办“法润童心”法治集市。", "法润童心"),
        ("开展“法韵东坡”普法直播30场。", "法韵东坡"),
        ("组建“红枫”宣讲队深入村组。", "红枫"),
        ("举办“法治青年说”论坛。", "法治青年说"),
        ("开展“法润民生”宣传月活动。", "法润民生"),
    ],
)
def test_classes_fairs_live_programmes_and_teams_after_a_quote_are_brands(
    names: Names, text: str, name: str
) -> None:
    assert name in names(text, BRAND)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("实施“法苗成长工程”。", "法苗成长工程"),
        ("开展“清风行动”。", "清风行动"),
        ("打造“田间课堂”。", "田间课堂"),
        ("组建“巾帼志愿队”。", "巾帼志愿队"),
    ],
)
def test_a_quoted_programme_campaign_class_or_team_is_a_brand_by_its_own_head(
    names: Names, text: str, name: str
) -> None:
    assert name in names(text, BRAND)


@pytest.mark.parametrize(
    "text",
    [
        "实施“民心工程”。",  # one common word before 工程: an idiom
        "实施“系统工程”。",
        "部署“七大行动”。",  # counted: a target
        "实施“乡村振兴十大工程”。",
    ],
)
def test_idioms_and_counted_programmes_are_not_brands(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()


@pytest.mark.parametrize(
    "text",
    [
        "增强“事事放心”的行动力。",  # 的 between the quote and the brand word
        "形成“人人参与”的普法平台。",
        "推动管理“标准化”平台化发展。",  # 平台化: a word of its own
        "坚决整治“吃拿卡要”专项行动。",  # a practice to stop
        "杜绝“一刀切”执法行动。",
        "建成“一站式”服务平台。",  # a manner
        "组织开展“12·4”宪法宣传周活动。",  # a date
        "实施一批“小而美”民生项目。",  # a batch: a kind
        "打造“全国一流”服务品牌。",  # national scope
        "持续打造“投资中国”品牌。",  # …中国: a national goal or campaign
        "推进“美丽中国”建设。",
        "深入推进“互联网+”行动。",  # a national programme
        "加强“最佳实践”项目培育。",  # a grade given by an evaluation
        "评选“十佳调解能手”活动。",
    ],
)
def test_slogans_problems_manners_dates_kinds_and_national_programmes_are_not_brands(
    names: Names, text: str
) -> None:
    assert names(text, BRAND) == set()


# coined names: no place or honour ending (村, 乡), no role ending (人), no count
_COINED = st.text(alphabet="法润民心治红枫清风护苗成长青年说", min_size=2, max_size=6)


@given(_COINED)
def test_a_quote_before_de_or_after_a_verb_of_fighting_is_never_a_brand(coined: str) -> None:
    assert extract_names(f"增强“{coined}”的行动力。", BRAND) == set()
    assert extract_names(f"坚决打击“{coined}”违法活动。", BRAND) == set()


@given(_COINED)
def test_a_coined_quote_before_a_live_programme_is_a_brand(coined: str) -> None:
    assert extract_names(f"开展“{coined}”普法直播10场。", BRAND) == {coined}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("开设《法在宁陵》电视法治专栏，播出50期。", "法在宁陵"),
        ("《法治“新”视界》广播节目深受欢迎。", "法治新视界"),
        ("与县电视台合办《说法沙河》栏目。", "说法沙河"),
    ],
)
def test_a_titled_column_or_programme_of_a_medium_is_a_brand(names: Names, text: str, name: str) -> None:
    assert name in names(text, BRAND)


@pytest.mark.parametrize(
    "text",
    [
        "开设《民法典》学习专栏。",  # a law: what the column is about
        "开设《宁陵县优化营商环境条例》解读专栏。",
        "发布《法在宁陵》的专栏文章。",  # 的 between: no column name
        "印发《法治宣传手册》5000册。",  # no column word
    ],
)
def test_titles_of_laws_and_documents_before_a_column_are_not_brands(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()


@given(st.text(alphabet="法在治宁陵说新视界沙河之声", min_size=2, max_size=8))
def test_a_column_name_is_the_title_without_its_marks(title: str) -> None:
    found = extract_names(f"开设《{title}》电视专栏。", BRAND)
    assert found <= {title}
    if not title.endswith("法"):  # …法: the title of a law
        assert found == {title}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("扎实推进习近平法治思想“七进”工作。", "习近平法治思想七进"),
        ("深化宪法“八进”活动。", "宪法八进"),
        ("开展学习宣传“八进”活动。", "八进"),  # after verbs: the quote alone
        ("深入推进宣传贯彻“六进”活动。", "六进"),
    ],
)
def test_a_counted_visit_campaign_is_named_with_its_field_noun_phrase(
    names: Names, text: str, name: str
) -> None:
    found = names(text, BRAND)
    assert name in found
    assert not any(n.startswith(("思想", "宣传", "贯彻")) for n in found)


def test_every_member_of_a_quoted_campaign_group_is_a_brand_though_it_ends_like_an_honour(
    names: Names,
) -> None:
    text = "开展“法律进机关”“法律进社区”“法律进乡村”等普法宣传活动。"
    assert names(text, BRAND) == {"法律进机关", "法律进社区", "法律进乡村"}


@pytest.mark.parametrize(
    "text",
    ["获评“民主法治示范村”“平安社区”等荣誉。", "创建“文明村”“示范社区”等平台。"],
)
def test_a_group_of_honours_stays_honours(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("开设“法治超市”，提供法律咨询。", "法治超市"),
        ("建成“石榴红”法治长廊。", "石榴红"),
        ("组建“银发先锋”，化解邻里纠纷。", "银发先锋"),
        ("搭建“法护企航”，服务企业发展。", "法护企航"),
    ],
)
def test_a_quote_opened_or_built_is_a_brand(names: Names, text: str, name: str) -> None:
    assert name in names(text, BRAND)


@pytest.mark.parametrize(
    "text",
    [
        "培育“专精特新”企业。",  # 培育: a kind of unit grown
        "建成“一中心、八平台”。",  # an enumeration of parts
        "建成“平安社区”。",  # an honour
    ],
)
def test_what_is_built_but_named_no_brand_is_not_one(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("打造“法治夜市”。", True),
        ("开设“法律超市”。", True),
        ("推进“示范村”。", False),
        ("打造“文明城市”。", False),
    ],
)
def test_market_words_end_no_honour_but_units_do(names: Names, text: str, brand: bool) -> None:
    assert bool(names(text, BRAND)) is brand


@pytest.mark.parametrize(
    "text",
    [
        "先后推出“法润民生”“老兵调解”“银发课堂”，深受群众欢迎。",
        "打造“法润民生”、“老兵调解”和“银发课堂”。",
        "依托“法润民生”“老兵调解”“银发课堂”，化解纠纷。",
    ],
)
def test_a_brand_verb_before_an_enumeration_of_quotes_governs_every_member(names: Names, text: str) -> None:
    assert names(text, BRAND) == {"法润民生", "老兵调解", "银发课堂"}


def test_a_goal_after_the_last_quote_undoes_the_brand_verb_for_the_whole_enumeration(names: Names) -> None:
    assert names("全力打造“法润民生”“老兵调解”目标。", BRAND) == set()


@given(st.lists(_COINED, min_size=2, max_size=4, unique=True))
def test_every_quote_launched_together_is_a_brand(coined: list[str]) -> None:
    quotes = "".join(f"“{c}”" for c in coined)
    assert extract_names(f"推出{quotes}，服务群众。", BRAND) == set(coined)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("该镇打造“邻里和睦、事事顺心”调解品牌。", "邻里和睦、事事顺心"),
        ("全县叫响“说理到家、情理兼顾”服务品牌。", "说理到家、情理兼顾"),
    ],
)
def test_a_quote_called_a_brand_is_one_though_it_holds_a_pause(names: Names, text: str, name: str) -> None:
    assert name in names(text, BRAND)


@pytest.mark.parametrize(
    "text",
    [
        "打造“精简高效、便民利民”服务窗口。",
        "坚持“依法办事、公正透明”的品牌理念。",
        "打造“甲村调解、乙村和谐”“丙村服务”品牌。",
    ],
)
def test_a_quote_with_a_pause_not_called_a_brand_is_a_slogan(names: Names, text: str) -> None:
    assert not {n for n in names(text, BRAND) if "、" in n}


def test_a_quoted_mediation_team_is_a_brand(names: Names) -> None:
    assert "热心大姐" in names("该村的“热心大姐”调解团队上门化解纠纷。", BRAND)


@pytest.mark.parametrize("text", ["该村组建调解团队,化解纠纷。", "他说“别着急”的调解团队很耐心。"])
def test_a_mediation_team_without_a_coined_quote_is_no_brand(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全年组织“法治贵州行”一月一讲。", "法治贵州行"),
        ("他们说起“法治遵义”时很自豪。", "法治遵义"),
        ("“遵义司法”越来越响。", "遵义司法"),
    ],
)
def test_a_quoted_place_with_fazhi_or_sifa_is_a_brand(names: Names, text: str, name: str) -> None:
    assert name in names(text, BRAND)


@pytest.mark.parametrize(
    "text",
    [
        "他们说起“法治政府”时很自豪。",
        "“司法公正”越来越响。",
        "全年组织“法治大家行”一月一讲。",
        "落实“法治中国”要求。",
    ],
)
def test_a_quoted_fazhi_or_sifa_phrase_without_a_place_is_no_brand(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()


@pytest.mark.parametrize(
    ("text", "brands"),
    [
        ("“宁法通”“葛天调解”“法润宁陵”三个普法品牌深入人心。", {"宁法通", "葛天调解", "法润宁陵"}),
        ("我县培育了“老兵调解”“乡贤说事”两个调解品牌。", {"老兵调解", "乡贤说事"}),
        ("培育“红石榴”“老娘舅”2个调解品牌，获评省级优秀。", {"红石榴", "老娘舅"}),
    ],
)
def test_a_group_of_quotes_counted_before_a_brand_head_are_brands(
    names: Names, text: str, brands: set[str]
) -> None:
    assert names(text, BRAND) == brands


@pytest.mark.parametrize(
    "text",
    [
        "“三个一”“四个到位”两项工作要求。",
        "“民主法治示范村”“法治文化示范点”两个创建品牌。",
        "“一网通办”“跨省通办”两项改革全面推开。",
    ],
)
def test_a_counted_group_before_no_brand_head_or_of_honours_is_no_brand(names: Names, text: str) -> None:
    assert names(text, BRAND) == set()
