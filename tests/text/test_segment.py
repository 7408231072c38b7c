"""Sentences: offsets into the raw text, in order, never overlapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.model import Document
from kg.text.segment import split_sentences


def doc(text: str) -> Document:
    return Document(id="d", path="", text=text, sha256="")


def test_split_at_end_marks_and_lines() -> None:
    text = "一、总体情况\n我县成立领导小组。制定《办法》；推行“双随机、一公开”！完成"
    got = [s.text for s in split_sentences(doc(text))]
    assert got == ["一、总体情况", "我县成立领导小组。", "制定《办法》；", "推行“双随机、一公开”！", "完成"]


def test_closing_marks_stay_with_the_sentence() -> None:
    got = [s.text for s in split_sentences(doc("他说：“已经完成。”然后离开。"))]
    assert got[0] == "他说：“已经完成。”"


PIECES = st.lists(
    st.sampled_from(["县委", "制度", "。", "；", "\n", "\r\n", " ", "“", "”", "！", "a", "《", "》"]),
    max_size=40,
)


@given(PIECES.map("".join))
def test_sentences_tile_the_document_in_order(text: str) -> None:
    sents = split_sentences(doc(text))
    pos = 0
    for i, s in enumerate(sents):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        assert s.start >= pos and s.text.strip() == s.text and s.text
        pos = s.end
    rest = "".join(
        text[a:b]
        for a, b in zip([0] + [s.end for s in sents], [s.start for s in sents] + [len(text)], strict=True)
    )
    assert rest.strip() == "" or not rest.strip(" \n\r\t\u3000")
