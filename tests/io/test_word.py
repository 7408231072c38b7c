"""Word .docx reports: the body's paragraphs and tables, read with python-docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from kg.errors import InputError
from kg.extraction.document import extract_document
from kg.io.read import read_document
from kg.model import Document


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Each seed report's text, by id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture
def seed_docx(seed_texts: dict[str, str], tmp_path: Path) -> tuple[Path, str]:
    """The kaiyang seed as a Word export: paragraphs indented with full-width spaces,
    a page header and footer, and a table of counts after the text."""
    text = seed_texts["kaiyang-2021"]
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "开阳县人民政府办公室文件"
    section.footer.paragraphs[0].text = "第 1 页"
    for line in text.splitlines():
        document.add_paragraph("\u3000\u3000" + line.strip() if line.strip() else "")
    table = document.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate(
        [("事项", "数量"), ("政务服务事项清单", "714项"), ("行政许可事项清单", "238项")]
    ):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    path = tmp_path / "kaiyang-2021.docx"
    document.save(str(path))
    return path, text


def test_a_docx_gives_its_paragraphs_then_its_table_rows(seed_docx: tuple[Path, str]) -> None:
    path, text = seed_docx
    doc = read_document(path)
    assert doc.encoding == "docx"
    lines = doc.text.splitlines()
    assert [ln.strip("\u3000") for ln in lines[:-3]] == [ln.strip() for ln in text.splitlines()]
    assert lines[-3:] == ["事项 数量", "政务服务事项清单 714项", "行政许可事项清单 238项"]
    assert "第 1 页" not in doc.text and "办公室文件" not in doc.text


def test_extraction_on_the_docx_finds_the_seed_s_entities_and_the_table_s(
    seed_docx: tuple[Path, str],
) -> None:
    path, text = seed_docx
    got = extract_document(read_document(path))
    plain = extract_document(Document("kaiyang-2021", "plain.txt", text, "0" * 64))
    names = {(e.type.value, e.canonical) for e in got.entities}
    assert {(e.type.value, e.canonical) for e in plain.entities} <= names
    assert ("清单", "政务服务事项清单") in names
    assert all(got.document.text[m.start : m.end] == m.text for m in got.mentions)


def test_a_merged_cell_is_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("表一")
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "县司法局"
    table.cell(0, 2).text = "12项"
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert read_document(path).text == "表一\n县司法局 12项\n"


def test_a_body_that_would_unpack_past_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", " " * 5_000_000)
    assert path.stat().st_size < 100_000
    with pytest.raises(
        InputError, match=r"bomb\.docx \(word/document\.xml unpacked\): too large \(5,000,000 bytes"
    ):
        read_document(path, max_bytes=1_000_000)


def test_a_damaged_docx_is_refused_in_one_line(seed_docx: tuple[Path, str], tmp_path: Path) -> None:
    data = seed_docx[0].read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        read_document(cut)
    assert str(err.value).startswith(f"{cut}: not a readable Word .docx file (")
    assert "\n" not in str(err.value)
