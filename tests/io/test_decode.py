"""Encodings: the real bytes of the seed reports in every form they reach users in."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.io.decode import decode_text
from kg.io.read import decode_bytes, read_document

SEED_NAMES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

# (how the bytes are made, the encoding kg must report)
FORMS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8-sig": (lambda t: t.encode("utf-8-sig"), "utf-8"),
    "utf-16": (lambda t: t.encode("utf-16"), "utf-16"),  # with a BOM, as Notepad saves it
    "utf-16-le": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    # GBK lacks a few characters (•): a GBK editor saves them as "?"
    "gbk": (lambda t: t.encode("gbk", errors="replace"), "gb18030"),
    "gb18030": (lambda t: t.encode("gb18030"), "gb18030"),
}


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Each seed report's text, by id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(params=SEED_NAMES)
def seed(request: pytest.FixtureRequest, seed_texts: dict[str, str]) -> tuple[str, str]:
    return request.param, seed_texts[request.param]


@pytest.fixture(params=sorted(FORMS))
def encoded_seed(
    request: pytest.FixtureRequest, seed: tuple[str, str], tmp_path: Path
) -> tuple[Path, str, str]:
    """A seed report written in one encoding: (file, original text, expected encoding)."""
    name, text = seed
    encode, label = FORMS[request.param]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(encode(text))
    if request.param == "gbk":
        text = text.encode("gbk", errors="replace").decode("gbk")
    return path, text, label


def test_every_seed_reads_back_from_every_encoding(encoded_seed: tuple[Path, str, str]) -> None:
    path, text, label = encoded_seed
    doc = read_document(path)
    assert doc.text == text
    assert doc.encoding == label


def test_bytes_are_really_in_the_encoding(encoded_seed: tuple[Path, str, str]) -> None:
    """Guard the fixture: GBK bytes are not UTF-8, UTF-16 bytes hold NULs, BOMs are there."""
    path, _, label = encoded_seed
    data = path.read_bytes()
    if label == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    if label.startswith("utf-16"):
        assert b"\x00" in data
    if label == "utf-16":
        assert data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def test_a_page_declaring_gb2312_is_read_as_gb18030() -> None:
    """Pages often declare GB2312 but use characters only GBK/GB18030 have (镕, 䶮)."""
    page = '<html><head><meta charset="gb2312"></head><body><p>朱镕基 䶮</p></body></html>'
    text, encoding = decode_bytes(page.encode("gb18030"))
    assert text == "朱镕基 䶮\n"
    assert encoding == "html/gb18030"


def test_a_wrong_declared_charset_falls_back_to_what_decodes() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>县司法局</p></body></html>'
    assert decode_bytes(page.encode("gbk"))[0] == "县司法局\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("报告".encode() + b"\xff\xfe\xfa" * 200 + "测试".encode(), "cannot decode"),
        (b"\x00\x01\x02\x03" * 300, "binary data"),
        ("县司法局".encode("utf-16-le") + b"\x00\xd8" * 40, "binary data"),  # NULs but no text
    ],
    ids=["invalid-utf8", "control-bytes", "utf16-then-junk"],
)
def test_undecodable_bytes_are_refused_with_the_file_name(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=rf"^bad\.txt: {message}"):
        decode_text(data, "bad.txt")


# ------------------------------------------------------------------ properties

# Text a report is made of: common Chinese characters, Chinese punctuation,
# ASCII letters and digits, full-width forms, spaces; one or more lines.
REPORT_CHARS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from("，。、；：？！“”‘’（）《》【】—…·　１２３ＡＢ"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E).filter(lambda c: c != "<"),
)
REPORT_LINE = st.text(REPORT_CHARS, min_size=1, max_size=60).filter(lambda s: s.strip())
REPORT_TEXT = st.lists(REPORT_LINE, min_size=1, max_size=8).map(lambda lines: "\n".join(lines) + "\n")


@given(text=REPORT_TEXT)
def test_report_text_decodes_back_from_every_encoding(text: str) -> None:
    for form, (encode, label) in FORMS.items():
        try:
            data = encode(text) if form != "gbk" else text.encode("gbk")
        except UnicodeEncodeError:
            continue  # a character GBK lacks
        if label == "gb18030" and _valid_utf8(data):
            continue  # ambiguous, read as UTF-8: a real report never is (one 报, 法 or 开 is enough)
        assert decode_bytes(data) == (text, label), form


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


ANY_TEXT = st.text(
    st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t"), min_size=1, max_size=200
)


@given(text=ANY_TEXT)
def test_any_text_behind_a_bom_decodes_back(text: str) -> None:
    """Behind a BOM the encoding is certain: any text that is not blank comes back as it was."""
    assume(text.strip() and "<" not in text)
    for form in ("utf-8-sig", "utf-16"):
        encode, label = FORMS[form]
        assert decode_bytes(encode(text)) == (text, label), form


@given(st.binary(max_size=2048))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text, _ = decode_bytes(data, "x.txt")
    except InputError as e:
        assert str(e).startswith("x.txt: ") and "\n" not in str(e)
    else:
        assert text.strip()
