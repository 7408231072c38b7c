"""Kinds of systems and lists, derived from names by rule; one node for the variants of a national name."""

from __future__ import annotations

import pytest

from kg.extraction.concepts import canonical_years, concept_of, without_years
from kg.extraction.document import extract_document
from kg.model import Document, EntityType

S, L = EntityType.SYSTEM, EntityType.LIST


@pytest.mark.parametrize(
    ("etype", "name", "scope", "kind"),
    [
        (S, "海盐县法治政府建设实施纲要(2021—2025年)", "330424", "法治政府建设实施纲要"),
        (S, "海盐法治政府建设实施纲要(2021-2025年)", "330424", "法治政府建设实施纲要"),
        (S, "开阳县法治政府建设实施纲要", "520121", "法治政府建设实施纲要"),
        (S, "法治政府建设实施纲要(2021—2025年)", "", "法治政府建设实施纲要"),
        (S, "开阳县行政执法公示制度", "520121", "行政执法公示制度"),
        (S, "博湖县行政执法公示制度", "652829", "行政执法公示制度"),
        (S, "行政执法公示制度", "", "行政执法公示制度"),
        (S, "嘉兴市秀洲区行政执法公示制度", "330411", "行政执法公示制度"),
        (S, "开阳县人民政府重大事项科学民主决策制度", "520121", "重大事项科学民主决策制度"),
        (S, "开阳县政府合同审查制度", "520121", "政府合同审查制度"),
        (L, "桃源县权责清单", "430725", "权责清单"),
        (L, "行政许可事项清单", "430725", "行政许可事项清单"),
        (L, "2023年度嘉兴市重大行政决策事项目录", "330400", "重大行政决策事项目录"),
        (L, "省政府2022年度重大行政决策事项目录", "430000", "省政府重大行政决策事项目录"),
        (L, "省政府2021年重大行政决策事项目录", "430000", "省政府重大行政决策事项目录"),
        (L, "嘉兴市场主体柔性执法目录清单", "330400", "市场主体柔性执法目录清单"),
        (L, "海盐县级普法责任单位普法责任清单", "330424", "县级普法责任单位普法责任清单"),
    ],
)
def test_a_local_or_dated_name_is_an_instance_of_its_kind(
    etype: EntityType, name: str, scope: str, kind: str
) -> None:
    assert concept_of(etype, name, scope) == kind


@pytest.mark.parametrize(
    ("etype", "name", "scope"),
    [
        (S, "关于开展民法典涉及政府规章清理工作方案", ""),  # a document's own title
        (S, "枫桥经验", ""),  # no head of a kind
        (S, "开阳县法治", "520121"),
        (EntityType.INSTITUTION, "开阳县司法局", "520121"),
        (EntityType.BRAND, "桃花源调解", "430725"),
    ],
)
def test_names_of_no_common_kind_have_none(etype: EntityType, name: str, scope: str) -> None:
    assert concept_of(etype, name, scope) is None


def test_a_short_place_word_is_cut_only_from_a_local_name() -> None:
    assert concept_of(S, "海盐法治政府建设实施纲要", "") == "海盐法治政府建设实施纲要"


@pytest.mark.parametrize(
    "variant",
    [
        "(2021-2025年)",
        "（2021—2025年）",
        "(2021–2025)",
        "（2021－2025年）",
        "(2021年至2025年)",
        "(2021~2025年)",
        "(20212025年)",  # the dash lost on the way (a real report)
    ],
)
def test_year_ranges_are_written_one_way(variant: str) -> None:
    assert canonical_years("法治政府建设实施纲要" + variant) == "法治政府建设实施纲要(2021—2025年)"
    assert without_years("法治政府建设实施纲要" + variant) == "法治政府建设实施纲要"


def _entities(text: str) -> dict[str, list[str]]:
    ents = extract_document(Document(id="x-2023", path="", text=text, sha256="")).entities
    return {e.canonical: sorted({m.text for m in e.mentions}) for e in ents if e.type is S}


def test_a_report_that_names_the_period_means_it_when_it_leaves_it_out() -> None:
    got = _entities(
        "2023年，我县认真落实《法治政府建设实施纲要（2021-2025年）》。"
        "对照法治政府建设实施纲要，全面推行行政执法公示制度。\n"
    )
    assert "法治政府建设实施纲要" not in got
    assert len(got["法治政府建设实施纲要(2021—2025年)"]) == 2


def test_with_two_periods_the_bare_name_stays_apart() -> None:
    got = _entities(
        "我县总结《法治政府建设实施纲要（2015—2020年）》落实情况，贯彻《法治政府建设实施纲要（2021—2025年）》，"
        "对照法治政府建设实施纲要，全面推行行政执法公示制度。\n"
    )
    assert {"法治政府建设实施纲要(2015—2020年)", "法治政府建设实施纲要(2021—2025年)"} <= set(got)


@pytest.mark.parametrize(
    ("year", "name"),
    [
        (2023, "法治政府建设实施纲要(2021—2025年)"),
        (2021, "法治政府建设实施纲要(2021—2025年)"),
        (2018, "法治政府建设实施纲要(2015—2020年)"),
        (2014, "法治政府建设实施纲要"),
        (None, "法治政府建设实施纲要"),
    ],
)
def test_a_national_document_without_its_period_is_the_one_of_the_reports_year(
    year: int | None, name: str
) -> None:
    text = (
        f"{year}年，我县对照法治政府建设实施纲要，全面推行行政执法公示制度。\n"
        if year
        else ("我县对照法治政府建设实施纲要，全面推行行政执法公示制度。\n")
    )
    assert name in _entities(text)


def test_a_report_that_only_writes_the_bare_name_meets_the_others_on_one_node() -> None:
    a = _entities("2023年，我县认真落实《法治政府建设实施纲要（2021-2025年）》。\n")
    b = _entities("2023年，我市深入贯彻法治政府建设实施纲要，推进依法行政。\n")
    assert "法治政府建设实施纲要(2021—2025年)" in a and "法治政府建设实施纲要(2021—2025年)" in b
