"""PDF reports: pypdf takes the text out, kg.text.reflow joins the lines the page cut."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from kg.errors import InputError
from kg.extraction.document import extract_document
from kg.io.read import read_document
from kg.model import Document
from kg.text.reflow import reflow_document

LINE = 35  # characters a line, as on an A4 page in a 12 pt font


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Each seed report's text, by id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # Debian fonts-wqy-microhei


@pytest.fixture(scope="session")
def cjk_font() -> Path:
    """The CJK TrueType font reportlab embeds; scripts/test installs it. Under CI it must be there."""
    if not CJK_FONT.exists():
        message = f"{CJK_FONT} is missing: install the Debian package fonts-wqy-microhei (scripts/test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CJK_FONT


def draw_pdf(path: Path, text: str, font: Path, password: str | None = None) -> Path:
    """``text`` on A4 pages in the embedded CJK font, each paragraph indented by two
    full-width spaces and cut every ``LINE`` characters, as Word lays a report out."""
    if "wqy" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("wqy", str(font), subfontIndex=0))
    c = canvas.Canvas(str(path), encrypt=password)
    y = 800
    for para in text.splitlines():
        para = para.strip()
        if not para:
            continue
        body = "\u3000\u3000" + para
        for i in range(0, len(body), LINE):
            c.setFont("wqy", 12)
            c.drawString(40, y, body[i : i + LINE])
            y -= 18
            if y < 50:
                c.showPage()
                y = 800
    c.save()
    return path


def names(ex: object) -> set[tuple[str, str]]:
    return {(e.type.value, e.canonical) for e in ex.entities}  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", ["kaiyang-2021", "xinglong-2024"])
def test_a_pdf_s_text_gives_the_seed_s_entities(
    seed: str, seed_texts: dict[str, str], cjk_font: Path, tmp_path: Path
) -> None:
    text = seed_texts[seed]
    doc = read_document(draw_pdf(tmp_path / f"{seed}.pdf", text, cjk_font))
    assert doc.encoding == "pdf"
    assert "".join(doc.text.split()) == "".join(text.split())  # every character, in order
    view = reflow_document(doc)
    assert view.flow.changed  # the page's line breaks inside sentences were found
    got = view.restore(extract_document(view.document))
    plain = extract_document(Document(seed, "plain.txt", text, "0" * 64))
    assert names(got) == names(plain)
    assert all(doc.text[m.start : m.end] == m.text for m in got.mentions)


def test_a_pdf_without_text_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 200, 200, fill=1)  # a page with a picture and no text, as a scan
    c.save()
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF holds no text \(scanned pages\?\); run OCR"):
        read_document(path)


def test_a_password_protected_pdf_is_refused_with_what_to_do(
    seed_texts: dict[str, str], cjk_font: Path, tmp_path: Path
) -> None:
    path = draw_pdf(tmp_path / "locked.pdf", seed_texts["xinglong-2024"][:200], cjk_font, password="secret")
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value).startswith(
        f"{path}: the PDF is protected by a password; give kg a copy saved without it"
    )


def test_a_pdf_whose_fonts_do_not_map_to_characters_is_refused_with_how_to_convert(
    seed_texts: dict[str, str], cjk_font: Path, tmp_path: Path
) -> None:
    """Without a font's ToUnicode map, the text comes out as glyph numbers: refuse, do not guess."""
    reader = PdfReader(draw_pdf(tmp_path / "whole.pdf", seed_texts["xinglong-2024"], cjk_font))
    writer = PdfWriter()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for key in fonts:
            font = fonts[key].get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
        writer.add_page(page)
    path = tmp_path / "nomap.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value) == (
        f"{path}: cannot take the text out of this PDF (its fonts do not say which characters they draw); "
        "convert it with `pdftotext -layout FILE.pdf` and give kg the .txt"
    )
