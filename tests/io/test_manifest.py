"""kg.io.manifest: a folder's table of its reports gives their place, level, year and author."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.io.manifest import given_facts, is_manifest, parse_manifest
from kg.io.read import find_inputs, read_document
from kg.model import GivenFacts

TSV = "file\tplace\tlevel\tyear\tkind\tchars\na.txt\t将乐县古镛镇\t镇\t2024\treport\t751\nb.txt\t重庆市荣昌区司法局\t部门\t2023\tdept-report\t702\n"


def test_each_listed_file_gets_its_row() -> None:
    rows = parse_manifest(TSV)
    assert rows["a.txt"] == GivenFacts(place="将乐县古镛镇", level="镇", year=2024, kind="report")
    assert rows["b.txt"].department == "重庆市荣昌区司法局"
    assert rows["a.txt"].department == ""  # a town's report: the manifest names no writer


def test_an_author_column_names_the_writer_whatever_the_level() -> None:
    rows = parse_manifest("file,place,author\nc.txt,开阳县,开阳县司法局\n", delimiter=",")
    assert rows["c.txt"].department == "开阳县司法局" and rows["c.txt"].year is None


def test_missing_cells_and_other_columns_are_left_alone() -> None:
    rows = parse_manifest("File\tYear\tsource\nd.txt\t\thttp-less note\ne.txt\n\n")
    assert rows == {"d.txt": GivenFacts(), "e.txt": GivenFacts()}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("place\tyear\n开阳县\t2021\n", "needs a header row with a 'file' column"),
        ("", "needs a header row with a 'file' column"),
        ("file\tyear\na.txt\t二〇二一\n", "line 2: year '二〇二一' is not a year"),
        ("file\tyear\na.txt\t21\n", "line 2: year '21' is not a year"),
        ("file\nx.txt\nx.txt\n", "line 3: x.txt is listed twice"),
    ],
)
def test_a_manifest_kg_cannot_use_names_itself_and_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as e:
        parse_manifest(text, "in/manifest.tsv")
    assert str(e.value).startswith("in/manifest.tsv")


@given(st.text(max_size=200))
def test_any_text_parses_or_is_refused_clearly(text: str) -> None:
    try:
        rows = parse_manifest(text)
    except InputError as e:
        assert str(e).startswith("manifest.tsv")
    else:
        assert all(
            isinstance(f, GivenFacts) and f.year is None or 1000 <= f.year <= 9999 for f in rows.values()
        )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("2024年，镇党委坚持依法行政。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("2023年，我局坚持依法行政。\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("2022年，县政府坚持依法行政。\n", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text(TSV, encoding="utf-8")
    return tmp_path


def test_a_report_read_from_the_folder_carries_its_row(folder: Path) -> None:
    assert read_document(folder / "a.txt").given == GivenFacts("将乐县古镛镇", "镇", 2024, "report")
    assert read_document(folder / "c.txt").given is None  # not listed


def test_a_report_in_a_folder_without_a_manifest_has_no_given_facts(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("县政府坚持依法行政。\n", encoding="utf-8")
    assert given_facts(tmp_path / "a.txt") is None


def test_a_changed_manifest_is_read_again(folder: Path) -> None:
    assert given_facts(folder / "a.txt").year == 2024
    (folder / "manifest.tsv").write_text("file\tyear\na.txt\t2025\n", encoding="utf-8")
    assert given_facts(folder / "a.txt").year == 2025


def test_a_manifest_in_gbk_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("县政府坚持依法行政。\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes("file,place\na.txt,开阳县\n".encode("gbk"))
    assert given_facts(tmp_path / "a.txt") == GivenFacts(place="开阳县")


def test_a_manifest_is_neither_a_report_nor_skipped(folder: Path) -> None:
    skipped: list[Path] = []
    files = find_inputs([folder], on_skip=skipped.append)
    assert [f.name for f in files] == ["a.txt", "b.txt", "c.txt"] and skipped == []
    assert is_manifest(folder / "Manifest.TSV") and not is_manifest(folder / "manifest.txt")
