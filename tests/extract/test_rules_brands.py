"""Brands: quoted named rooms and online services, counted goals, roles and their
programmes, generic channels before an app word (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import EntityType
from tests.extract.conftest import extract_names

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
