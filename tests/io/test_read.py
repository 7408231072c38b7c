"""Reading reports: encodings, saved web pages, and input kg must refuse."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.io.read import decode_bytes, find_inputs, html_to_text, read_document, read_documents

TEXT = "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n县司法局制定《开阳县行政执法公示办法》。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decodes_the_encodings_reports_come_in(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data)
    assert text == TEXT
    assert used == encoding


def test_saved_web_page_is_read_as_its_visible_text() -> None:
    page = (
        '<!DOCTYPE html><html><head><meta charset="gbk"><title>开阳县报告</title>'
        "<style>p{color:red}</style><script>var x = '县司法局';</script></head>"
        "<body><p>县司法局制定《办法》。</p><div>梳理清单&amp;目录714项</div></body></html>"
    )
    text, used = decode_bytes(page.encode("gbk"))
    assert used == "html/gb18030"
    assert "县司法局制定《办法》。" in text
    assert "梳理清单&目录714项" in text
    assert "color:red" not in text and "var x" not in text
    assert text.splitlines()[0] == "开阳县报告"


def test_html_entities_are_decoded_once() -> None:
    assert "&lt;" in html_to_text("<html><body><p>&amp;lt;</p></body></html>")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "binary"),
        (b"<html><body>   </body></html>", "empty"),
    ],
)
def test_refuses_input_without_text(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "bad.txt")


def test_undecodable_bytes_name_the_file() -> None:
    data = "报告".encode() + b"\xff\xfe\xfa" * 200 + "测试".encode()
    with pytest.raises(InputError, match=r"bad\.txt"):
        decode_bytes(data, "bad.txt")


def test_document_id_is_the_file_stem(tmp_path: Path) -> None:
    f = tmp_path / "kaiyang-2021.txt"
    f.write_text(TEXT, encoding="utf-8")
    doc = read_document(f)
    assert doc.id == "kaiyang-2021"
    assert doc.text == TEXT
    assert len(doc.sha256) == 64


def test_folders_give_every_txt_below_them(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "y.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [p.name for p in find_inputs([tmp_path])] == ["x.txt", "y.txt"]


def test_missing_path_and_empty_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        find_inputs([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="no \\*.txt reports"):
        find_inputs([tmp_path])


def test_two_reports_with_one_id_are_refused(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match="share the id 'same'"):
        read_documents([tmp_path])


@given(st.text(min_size=1))
def test_decoding_utf8_text_round_trips_or_raises_input_error(s: str) -> None:
    try:
        text, _ = decode_bytes(s.encode("utf-8"))
    except InputError:
        return
    if not text.startswith("\n"):
        assert text.strip()


@given(st.binary(max_size=2048))
def test_reading_any_bytes_raises_nothing_but_input_error(data: bytes) -> None:
    try:
        decode_bytes(data)
    except InputError:
        pass
