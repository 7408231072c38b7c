"""Lists and coordinated names: short names after 简称, heads alone, labels, counts before a
list, and X和Y + head as one name or two (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.model import EntityType
from tests.extraction.conftest import extract_names

SYS, LIST = EntityType.SYSTEM, EntityType.LIST
Names = Callable[[str, EntityType], set[str]]


def test_short_name_after_jiancheng_is_not_a_new_list(names: Names) -> None:
    text = "印发《宁陵县村级小微权力清单(试行)》(以下简称《清单》)。《清单》和《目录》每年调整。"
    assert names(text, LIST) == {"宁陵县村级小微权力清单(试行)"}


@pytest.mark.parametrize("text", ["《目录》共分五类。", "对照“清单”逐项落实。", "公开目录: | 财政预决算 |"])
def test_a_head_alone_or_a_label_is_no_list(names: Names, text: str) -> None:
    assert names(text, LIST) == set()


@pytest.mark.parametrize("count", ["312项", "312 项", "三百项"])
def test_a_count_before_a_list_is_not_part_of_its_name(names: Names, count: str) -> None:
    assert names(f"梳理公布{count}容缺受理事项清单。", LIST) == {"容缺受理事项清单"}


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("印发领导干部应知应会党纪法规和行业法律清单。", "领导干部应知应会党纪法规和行业法律清单", LIST),
        ("建立行政机关合法性审查和集体讨论决定机制。", "行政机关合法性审查和集体讨论决定机制", SYS),
        ("落实领导干部年度述职和群众测评机制。", "领导干部年度述职和群众测评机制", SYS),
        (
            "制定河南省公职人员应知应会党内法规和国家法律学习清单。",
            "河南省公职人员应知应会党内法规和国家法律学习清单",
            LIST,
        ),
        # the level said as a phrase before who acts
        (
            "制定县级层面领导干部应知应会党内法规和国家法律清单。",
            "县级层面领导干部应知应会党内法规和国家法律清单",
            LIST,
        ),
        ("编制全县公职人员应知应会党纪法规和行业法律清单。", "公职人员应知应会党纪法规和行业法律清单", LIST),
    ],
)
def test_an_actor_before_and_shares_one_name(names: Names, text: str, name: str, typ: EntityType) -> None:
    assert names(text, typ) == {name}


@pytest.mark.parametrize(
    ("text", "expected", "typ"),
    [
        ("推行法律顾问和合法性审核制度。", {"法律顾问制度", "合法性审核制度"}, SYS),
        ("编制行政机关权力清单和执法人员责任清单。", {"行政机关权力清单", "执法人员责任清单"}, LIST),
        ("公布行政许可和行政给付事项清单。", {"行政许可事项清单", "行政给付事项清单"}, LIST),
        # an actor before one word and another: two lists (权力清单, 责任清单), not one
        ("公布县级政府部门权力和责任清单。", {"县级政府部门权力清单", "责任清单"}, LIST),
        ("梳理乡镇领导干部权力和责任清单。", {"乡镇领导干部权力清单", "责任清单"}, LIST),
    ],
)
def test_two_names_stay_two(names: Names, text: str, expected: set[str], typ: EntityType) -> None:
    assert names(text, typ) == expected


def test_quotes_sharing_a_head_give_one_name_each(names: Names) -> None:
    got = names("建立“警长+村长”“法官+网格员”联动机制。", SYS)
    assert got == {"警长+村长联动机制", "法官+网格员联动机制"}


def test_one_quote_before_a_head_stays_one_name(names: Names) -> None:
    assert names("建立“警长+村长”联动机制。", SYS) == {"警长+村长联动机制"}


@given(
    st.lists(st.sampled_from(["“甲乙”", "“丙丁”", "、", "联动", "机制", "清单", "和", "建立"]), max_size=10)
)
@example(
    ["机制", "“丙丁”", "“甲乙”", "“甲乙”", "建立", "、", "联动", "机制", "联动"]
)  # 建立、联动机制 after quotes
def test_quote_groups_never_glue_two_quotes_into_one_name(parts: list[str]) -> None:
    text = "".join(parts) + "。"
    for typ in (SYS, LIST):
        for name in extract_names(text, typ):
            assert "甲乙丙丁" not in name and "丙丁甲乙" not in name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二是全面厘清街道履行职责事项清单。", {"街道履行职责事项清单"}),
        ("持续缩减外商准入负面清单。", {"外商准入负面清单"}),
        ("大幅压缩市场准入负面清单。", {"市场准入负面清单"}),
        ("扩大鼓励社会投资产业目录。", {"鼓励社会投资产业目录"}),
        ("摸清底数,列出清单,挂图作战。", set()),
    ],
)
def test_a_verb_acting_on_a_list_is_not_part_of_its_name(names: Names, text: str, expected: set[str]) -> None:
    assert names(text, LIST) == expected


def test_a_list_among_items_of_other_kinds_lends_them_no_head(names: Names) -> None:
    text = "公开执法主体、执法依据、执法流程、行政检查事项清单、投诉渠道等信息。"
    assert names(text, LIST) == {"行政检查事项清单"}


@pytest.mark.parametrize(
    "text",
    ["公布权力、责任清单、公共服务事项清单等。", "公布权力、责任清单。", "公布权力、责任清单和负面清单等。"],
)
def test_conjuncts_before_a_list_followed_by_lists_share_its_head(names: Names, text: str) -> None:
    assert {"权力清单", "责任清单"} <= names(text, LIST)


def test_a_complement_that_begins_a_word_stays_in_the_name(names: Names) -> None:
    # 制定/出资人: jieba reads 出资人 as a word, so 出 is no complement of 制定
    assert names("制定出资人监管权责清单。", LIST) == {"出资人监管权责清单"}
    assert names("制定出台权责清单。", LIST) == {"权责清单"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公开权力清单、责任清单和负面清单。", {"权力清单", "责任清单", "负面清单"}),
        ("及时调整权责清单。", {"权责清单"}),
        ("动态更新政务服务事项目录。", {"政务服务事项目录"}),
        ("建立政府信息主动公开全清单。", {"政府信息主动公开全清单"}),
    ],
)
def test_a_verb_that_publishes_or_revises_a_list_opens_no_name(
    names: Names, text: str, expected: set[str]
) -> None:
    assert names(text, LIST) == expected


def test_a_system_that_opens_with_gongkai_keeps_it(names: Names) -> None:
    assert names("推行公开承诺制。", SYS) == {"公开承诺制"}


@pytest.mark.parametrize(
    ("text", "org", "lists"),
    [
        (
            "县委机构编制委员会办公室调整权责清单，动态更新事项2000余项。",
            "县委机构编制委员会办公室",
            {"权责清单"},
        ),
        ("县委编办调整权责清单1200项。", "县委编办", {"权责清单"}),
        ("县委编办（县委机构编制委员会办公室）调整清单事项12项。", "县委编办", set()),
        ("县数据局更新政务服务事项目录，新增事项35项。", "县数据局", {"政务服务事项目录"}),
    ],
)
def test_an_institution_and_its_verb_open_no_list(names: Names, text: str, org: str, lists: set[str]) -> None:
    assert names(text, LIST) == lists
    assert org in names(text, EntityType.INSTITUTION)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("建立权责清单动态调整机制。", "权责清单动态调整机制"),
        ("全面推行行政执法主体动态调整目录。", "行政执法主体动态调整目录"),
    ],
)
def test_a_verb_inside_a_name_without_an_institution_stays(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS) | names(text, LIST)


@pytest.mark.parametrize(
    "text",
    [
        "县司法局编制公布2024年度重大行政决策事项目录。",
        "县政府公布2024年重大行政决策事项目录5项。",
        "各乡镇均公布了年度重大行政决策事项目录。",
    ],
)
def test_a_year_before_a_list_written_bare_is_not_its_name(names: Names, text: str) -> None:
    assert names(text, LIST) == {"重大行政决策事项目录"}


def test_a_titled_list_keeps_its_year(names: Names) -> None:
    text = "编制《宁陵县2024年度重大行政决策事项目录》。"
    assert names(text, LIST) == {"宁陵县2024年度重大行政决策事项目录"}
