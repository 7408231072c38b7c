"""Titles and named documents: nested titles in ASCII brackets, resolutions, numbered
documents and five-year plans (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import EntityType
from tests.extraction.conftest import extract_names

SYS = EntityType.SYSTEM
Names = Callable[[str, EntityType], set[str]]


@pytest.mark.parametrize(("o", "c"), [("〈", "〉"), ("<", ">")])
def test_issuing_notice_names_the_inner_document_in_either_bracket(names: Names, o: str, c: str) -> None:
    text = f"学习《省委、省政府关于印发{o}宁陵县营商环境优化行动方案(2024-2026年){c}的通知》。"
    got = names(text, SYS)
    assert "宁陵县营商环境优化行动方案(2024-2026年)" in got
    assert not any(n.endswith("通知") for n in got)


def test_resolution_about_a_matter_is_a_system(names: Names) -> None:
    assert "关于加强基层法律服务工作的决议" in names(
        "县人大常委会通过《关于加强基层法律服务工作的决议》。", SYS
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "县人大常委会通过《县人大常委会关于加强法治宣传教育的决议》。",
            "县人大常委会关于加强法治宣传教育的决议",
        ),
        (
            "审议通过《宁陵县人民代表大会常务委员会关于加强行政执法监督的决议》。",
            "宁陵县人民代表大会常务委员会关于加强行政执法监督的决议",
        ),
    ],
)
def test_resolution_with_its_congress_before_about_is_a_system(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


@pytest.mark.parametrize(
    "text",
    [
        "学习《十届三中全会决议》精神。",
        "收到《关于设立调解中心的建议》。",
        # a bureau issues no resolution: 决议 after another issuer stays a non-rule
        "收到《县司法局关于加强法治宣传的决议》。",
    ],
)
def test_resolution_or_proposal_without_about_is_not_a_system(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("认真落实中央一号文件部署。", "中央一号文件"),
        ("贯彻省委1号文件精神。", "省委1号文件"),
        ("将普法任务纳入县“十四五”规划。", "县十四五规划"),
        ("编制“十五五”法治政府建设规划。", "十五五法治政府建设规划"),
    ],
)
def test_numbered_documents_and_five_year_plans(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


@pytest.mark.parametrize(
    "text",
    ["“十四五”时期经济发展规划有序推进。", "收到群众来信一号文件夹。", "召开第十五次规划会议。"],
)
def test_periods_and_look_alikes_are_not_plans(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@given(st.text(alphabet="中央省县委一二三号文件“”十四五规划的和，。", max_size=40))
def test_named_documents_are_slices_of_the_text(text: str) -> None:
    for name in extract_names(text, SYS):
        assert name.replace("“", "").replace("”", "") in text.replace("“", "").replace("”", "")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "县司法局下发《关于开展全县社区矫正对象走访工作的通知》。",
            "关于开展全县社区矫正对象走访工作的通知",
        ),
        ("印发《关于进一步加强乡镇法律顾问管理的通知》。", "关于进一步加强乡镇法律顾问管理的通知"),
    ],
)
def test_notice_that_assigns_work_is_a_system(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


@pytest.mark.parametrize(
    "text",
    ["收到《关于召开全县推进依法行政工作会议的通知》。", "按照《关于报送2024年度工作总结的通知》要求。"],
)
def test_notice_of_a_meeting_or_a_report_to_send_is_not_a_system(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县司法局制定了《宁陵县人民调解工作规程》，规范调解流程。", "宁陵县人民调解工作规程"),
        ("印发《行政执法案卷评查操作规程》，统一评查标准。", "行政执法案卷评查操作规程"),
        ("制定《行政复议案件受理流程》。", "行政复议案件受理流程"),
    ],
)
def test_a_titled_procedure_is_a_system(names: Names, text: str, name: str) -> None:
    assert names(text, SYS) == {name}


@pytest.mark.parametrize(
    "text",
    ["严格遵守安全生产操作规程。", "优化审批流程，压缩办理时限。", "绘制《行政执法流程图》并公示。"],
)
def test_a_procedure_in_general_or_a_chart_is_no_system(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


def test_a_titled_discretion_benchmark_is_a_system(names: Names) -> None:
    assert names("制定《宁陵县行政处罚裁量权基准》。", SYS) == {"宁陵县行政处罚裁量权基准"}


def test_a_benchmark_in_general_is_no_system(names: Names) -> None:
    assert names("进一步细化行政处罚裁量基准。", SYS) == set()
