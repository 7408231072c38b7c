"""kg explain: the library (kg.extraction.explain) and the command, on reports written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.extraction.explain import explain, render
from kg.model import Document

REPORT = (
    "桃源县民政局关于2023年度法治政府建设情况的报告\n"
    "2023年，我局坚持依法行政，局党组理论学习中心组专题学法4次。\n"
    "制定《桃源县民政局行政执法公示办法》，建立“民政e家”服务平台。\n"
    "开展《民法典》宣传。各乡镇民政办建立台账。\n"
)


def _doc(text: str = REPORT) -> Document:
    return Document(id="taoyuan-mz", path="taoyuan-mz.txt", text=text, sha256="0" * 64)


def test_report_facts_and_the_author_s_reason() -> None:
    out = render(explain(_doc()))
    assert "author: 桃源县民政局 — found by: title" in out
    assert "place: 桃源县 (430725)" in out


def test_the_offices_that_sign_with_the_author_are_named() -> None:
    notice = "经县委、县政府同意，制定《桃源县乡镇履职事项清单》，现印发给你们。\n中共桃源县委办公室\n桃源县人民政府办公室\n2024年5月6日\n"
    out = render(explain(_doc(notice)))
    assert "signed with: " in out and "桃源县" in out.split("signed with: ")[1].splitlines()[0]


def test_a_name_s_story_rules_canonical_entity_and_relations() -> None:
    out = render(explain(_doc()), name="桃源县民政局行政执法公示办法")
    assert "proposed 制度 “桃源县民政局行政执法公示办法”" in out
    assert "kept → canonical “桃源县民政局行政执法公示办法”" in out
    # formulated by the author, who is named nowhere else in the sentence
    assert "桃源县民政局 —formulates→ 桃源县民政局行政执法公示办法" in out
    assert "actor: the report's author" in out


def test_a_reference_and_a_part_are_explained() -> None:
    out = render(explain(_doc()), name="我局")
    assert "“我局” refers to “桃源县民政局”" in out
    out = render(explain(_doc()), name="局党组")
    assert "—partOf→ 桃源县民政局" in out


def test_a_bare_standing_committee_says_whose_its_sentence_makes_it() -> None:
    text = "桃源县人民政府关于2023年度法治政府建设情况的报告\n主要负责人在常委会、常务会上专题学法。\n"
    out = render(explain(_doc(text)), name="常委会")
    assert "its sentence says whose standing committee: “中共桃源县委员会常务委员会”" in out


def test_what_was_dropped_says_why() -> None:
    ex = explain(_doc())
    out = render(ex, sentence="开展《民法典》宣传")
    assert "only the topic of an activity" in out  # no implements from a campaign about a law
    out = render(ex, name="桃源县")
    assert "name “桃源县”" in out


def test_a_name_no_rule_proposed_shows_how_jieba_cut_it() -> None:
    out = render(explain(_doc()), name="依法行政")
    assert "no rule proposed a name here; jieba cuts the text around it as" in out
    assert "no entity of the report has this name" in out


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    p = tmp_path / "taoyuan-mz.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


def test_cli_explain_prints_the_story(report_file: Path) -> None:
    result = CliRunner().invoke(app, ["explain", str(report_file), "--name", "民政e家"])
    assert result.exit_code == 0, result.output
    assert "proposed 品牌 “民政e家”" in result.output
    assert "rule" in result.output


def test_cli_explain_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(app, ["explain", str(tmp_path / "nosuch.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output
