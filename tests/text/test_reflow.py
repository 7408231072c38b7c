"""Line breaks inside sentences (PDF conversions): joined for the reader, offsets still raw."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdf_like import wrap_like_pdf

from kg.extraction.document import extract_document
from kg.io.read import read_document
from kg.model import Document, DocumentExtraction
from kg.text.reflow import reflow, reflow_document, soft_breaks
from kg.text.segment import split_sentences

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"
PdfLike = Callable[..., str]


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Each seed report's text, by id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def pdf_like() -> Callable[..., str]:
    """``wrap_like_pdf``: a text cut into lines as a PDF page cuts it."""
    return wrap_like_pdf


def doc(text: str, doc_id: str = "d") -> Document:
    return Document(id=doc_id, path="", text=text, sha256="0" * 64)


def extract_as_read(d: Document) -> DocumentExtraction:
    """What ``kg.extraction.document.extract_document`` must do: extract the reflowed text, report raw offsets."""
    view = reflow_document(d)
    return view.restore(extract_document(view.document))


# A wrapped page, 24 characters a line: a name cut in two, a title cut in two,
# a heading, an indented paragraph start, a list item, a sentence ending at a cut.
PAGE = (
    "\u3000\u3000一是加强组织领导。县委全面依法治县委员会办公室\n"
    "组织召开会议，县司法局印发《开阳县行政执法公示\n"
    "办法》，推行行政执法公示制度，全面落实行政执法三\n"
    "项制度要求，各项工作取得明显成效，受到群众好评。\n"
    "二、存在的问题\n"
    "\u3000\u3000一是法治意识有待提高，部分干部运用法治思维\n"
    "1.学习不够深入，理解不够透彻，有待加强学习提高\n"
    "\u3000\u3000二是队伍建设有待加强，执法人员专业素质有待\n"
    "提高。\n"
)


def test_breaks_inside_sentences_are_joined_and_the_others_kept() -> None:
    flow = reflow(PAGE)
    assert flow.text.splitlines() == [
        "\u3000\u3000一是加强组织领导。县委全面依法治县委员会办公室组织召开会议，县司法局印发《开阳县行政执法公示"
        "办法》，推行行政执法公示制度，全面落实行政执法三项制度要求，各项工作取得明显成效，受到群众好评。",
        "二、存在的问题",
        "\u3000\u3000一是法治意识有待提高，部分干部运用法治思维",
        "1.学习不够深入，理解不够透彻，有待加强学习提高",
        "\u3000\u3000二是队伍建设有待加强，执法人员专业素质有待提高。",
    ]


def test_sentences_are_what_a_reader_sees_and_their_offsets_index_the_raw_text() -> None:
    d = doc(PAGE)
    sents = split_sentences(d)
    assert [s.text for s in sents][:3] == [
        "一是加强组织领导。",
        "县委全面依法治县委员会办公室组织召开会议，县司法局印发《开阳县行政执法公示办法》，"
        "推行行政执法公示制度，全面落实行政执法三项制度要求，各项工作取得明显成效，受到群众好评。",
        "二、存在的问题",
    ]
    second = sents[1]
    assert PAGE[second.start : second.end].startswith("县委全面")
    assert PAGE[second.start : second.end].endswith("受到群众好评。")
    assert PAGE[second.start : second.end].count("\n") == 3


def test_a_wrapped_english_word_pair_keeps_its_space() -> None:
    lines = ["\u3000\u3000" + "甲" * 20 + "App", "Store" + "乙" * 20 + "丙丙。", "丁" * 23 + "。", "戊" * 24]
    flow = reflow("\n".join(lines) + "\n")
    assert "App Store" in flow.text
    i = flow.text.index(" Store")
    assert flow.raw[flow.raw_start(i) : flow.raw_end(i + 1)] == "\n"


def test_the_margin_of_pdftotext_layout_is_not_an_indent() -> None:
    body = [
        "    " + "甲" * 22,
        "    " + "乙" * 22,
        "    " + "丙" * 10 + "。",
        "      " + "丁" * 21,
        "    " + "戊" * 5,
    ]
    flow = reflow("\n".join(body))
    assert flow.text.splitlines() == [
        "    " + "甲" * 22 + "乙" * 22 + "丙" * 10 + "。",
        "      " + "丁" * 21 + "戊" * 5,
    ]


def test_joining_repeats_until_no_soft_break_is_left() -> None:
    """Joined lines can look wrapped in turn (here: paragraphs without a full stop)."""
    para = "甲" * 24 + "\n" + "乙" * 24 + "\n" + "丙" * 24 + "\n" + "丁" * 12 + "\n"
    flow = reflow(para * 4)
    assert flow.text == (para * 4).replace("\n", "") + "\n"
    assert soft_breaks(flow.text) == []
    assert reflow(flow.text).text == flow.text


def test_unwrapped_reports_are_left_as_they_are(seed_texts: dict[str, str]) -> None:
    texts = dict(seed_texts)
    texts.update({p.name: read_document(p).text for p in sorted(HELDOUT.glob("*.*")) if p.suffix != ".jsonl"})
    assert {name: soft_breaks(t) for name, t in texts.items() if soft_breaks(t)} == {}


def test_word_export_indentation_leaves_the_sentences_alone(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        indented = "".join("\u3000\u3000" + line.strip() + "\n" for line in text.splitlines())
        assert [s.text for s in split_sentences(doc(indented))] == [
            s.text for s in split_sentences(doc(text))
        ]


@pytest.mark.parametrize("width", [28, 35])
def test_pdf_like_seeds_give_the_seed_s_sentences(
    seed_texts: dict[str, str], pdf_like: PdfLike, width: int
) -> None:
    for name, text in seed_texts.items():
        wrapped = pdf_like(text, width)
        assert reflow(wrapped).changed, name
        got = [_squeeze(s.text) for s in split_sentences(doc(wrapped))]
        assert got == [_squeeze(s.text) for s in split_sentences(doc(text))], name


def _squeeze(s: str) -> str:
    """Without white space: a space at a cut is lost in a PDF too."""
    return "".join(s.split())


def test_extraction_on_pdf_like_seeds_keeps_offsets_raw_and_finds_the_same_entities(
    seed_texts: dict[str, str], pdf_like: PdfLike
) -> None:
    spanning = 0
    for name, text in seed_texts.items():
        wrapped = doc(pdf_like(text), name)
        got = extract_as_read(wrapped)
        assert got.document is wrapped
        for m in got.mentions:
            assert wrapped.text[m.start : m.end] == m.text
            spanning += "\n" in m.text
        for e in got.entities:
            assert all(wrapped.text[m.start : m.end] == m.text for m in e.mentions)
        for r in got.relations:
            s = got.sentences[r.sent_index]
            assert s.start <= r.start < r.end <= s.end
        plain = extract_document(doc(text, name))
        assert {(e.type, e.canonical) for e in got.entities} == {
            (e.type, e.canonical) for e in plain.entities
        }
        assert {(r.predicate, r.subject, r.object) for r in got.relations} == {
            (r.predicate, r.subject, r.object) for r in plain.relations
        }
    assert spanning > 20  # names cut by a line break were found whole


def test_restoring_a_text_without_soft_breaks_changes_nothing(seed_texts: dict[str, str]) -> None:
    d = doc(seed_texts["xinglong-2024"])
    view = reflow_document(d)
    assert view.document is d
    ex = extract_document(d)
    assert view.restore(ex) is ex


# ------------------------------------------------------------------ properties

# Pieces of report text: words (a name cut by a line is then likely), punctuation,
# numbers, English, quotes and brackets, a heading or list marker now and then.
PIECE = st.sampled_from(
    "县司法局 人民政府 依法行政 法治政府建设 制度 清单 工作 推进 全面 落实 开展 "
    "，，， 。 。 ； 、 “ ” 《 》 （ ） 2021 714 App Store 一、 （一） 1. 　 ".split(" ")
)
PARAGRAPH = st.lists(PIECE, min_size=15, max_size=90).map("".join)
# Paragraphs long enough to fill several lines of a page 20 to 40 characters wide.
WRAPPED = st.tuples(st.lists(PARAGRAPH, min_size=1, max_size=5), st.integers(20, 40)).map(
    lambda a: wrap_like_pdf("\n".join(a[0]), a[1])
)


@given(WRAPPED)
def test_the_map_finds_every_joined_character_in_the_raw_text(raw: str) -> None:
    flow = reflow(raw)
    edited = {i for c0, c1, _, _ in flow.edits for i in range(c0, c1)}
    for i, c in enumerate(flow.text):
        if i not in edited:
            assert raw[flow.raw_start(i)] == c
    starts = [flow.raw_start(i) for i in range(len(flow.text) + 1)]
    assert starts == sorted(starts) and starts[-1] == len(raw)


@given(WRAPPED, st.data())
def test_a_joined_span_maps_to_the_raw_span_with_the_same_text_but_white_space(
    raw: str, data: st.DataObject
) -> None:
    flow = reflow(raw)
    a = data.draw(st.integers(0, len(flow.text)))
    b = data.draw(st.integers(a, len(flow.text)))
    start, end = flow.raw_start(a), flow.raw_end(b)
    assert 0 <= start <= len(raw) and 0 <= end <= len(raw)
    if a < b:
        assert "".join(raw[start:end].split()) == "".join(flow.text[a:b].split())


@given(st.one_of(WRAPPED, st.text(st.sampled_from("县委制度。；\n\r\u3000 “”！a《》"), max_size=200)))
def test_sentences_cover_the_text_in_order_with_valid_offsets(raw: str) -> None:
    sents = split_sentences(doc(raw))
    pos = 0
    for i, s in enumerate(sents):
        assert s.index == i
        assert pos <= s.start < s.end <= len(raw)
        assert s.text and s.text == s.text.strip() and "\n" not in s.text and "\r" not in s.text
        assert "".join(raw[s.start : s.end].split()) == "".join(s.text.split())
        assert raw[pos : s.start].strip() == ""
        pos = s.end
    assert raw[pos:].strip() == ""


@given(WRAPPED)
def test_reflowing_twice_changes_nothing_more(raw: str) -> None:
    once = reflow(raw).text
    assert reflow(once).text == once
