"""Repeated names: the covered-text index gives what the plain overlap scan gives.

``_repeats`` once tested each occurrence against every mention found (quadratic
on long reports); the reference below is that scan, kept as the specification.
"""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from kg.extraction.mentions import _borrowed_head, _repeats
from kg.model import Document, EntityType, Mention, Sentence
from kg.text.segment import split_sentences


def reference_repeats(doc: Document, sentences: list[Sentence], found: list[Mention]) -> list[Mention]:
    """The straightforward scan: an occurrence is free when no span taken so far overlaps it."""
    taken = [(m.start, m.end) for m in found]
    starts = [s.start for s in sentences]
    by_text: dict[str, Mention] = {}
    for m in found:
        if len(m.text) >= 3 and m.text.strip() == m.text and not _borrowed_head(m):
            by_text.setdefault(m.text, m)
    out: list[Mention] = []
    for text, m in sorted(by_text.items()):
        k = doc.text.find(text)
        while k >= 0:
            e = k + len(text)
            if not any(k < b and a < e for a, b in taken):
                idx = bisect_right(starts, k) - 1
                if idx >= 0 and sentences[idx].end >= e:
                    out.append(Mention(doc.id, k, e, sentences[idx].index, text, m.type, m.name, "repeat"))
                    taken.append((k, e))
            k = doc.text.find(text, k + 1)
    return out


# Two syllables, so names recur and overlap, with sentence ends and marks between them.
TEXTS = st.lists(
    st.sampled_from(["甲", "乙", "甲乙", "乙甲", "甲甲", "。", "\n", " ", "《"]), min_size=1, max_size=60
).map("".join)


@st.composite
def documents(draw: st.DrawFn) -> tuple[Document, list[Mention]]:
    """A text and mentions on it: non-empty spans, overlapping or not, some with borrowed heads."""
    text = draw(TEXTS)
    doc = Document(id="h", path="", text=text, sha256="")
    found = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 5)))
        surface = text[start:end]
        typ = draw(st.sampled_from(list(EntityType)))
        name = draw(st.sampled_from([surface, surface + "办法"]))
        found.append(Mention(doc.id, start, end, 0, surface, typ, name, "rule"))
    return doc, found


@given(documents())
def test_repeats_match_the_plain_overlap_scan(case: tuple[Document, list[Mention]]) -> None:
    doc, found = case
    sentences = split_sentences(doc)
    assert _repeats(doc, sentences, found) == reference_repeats(doc, sentences, found)


def test_a_name_recurs_only_where_the_text_is_free() -> None:
    text = "甲乙丙。甲乙丙丁。乙丙丁甲乙丙。"
    doc = Document(id="h", path="", text=text, sha256="")
    found = [
        Mention("h", 0, 3, 0, "甲乙丙", EntityType.SYSTEM, "甲乙丙", "rule"),
        Mention("h", 9, 12, 2, "乙丙丁", EntityType.LIST, "乙丙丁", "rule"),
    ]
    got = [(m.start, m.end, m.text) for m in _repeats(doc, split_sentences(doc), found)]
    # 乙丙丁 (tried first) recurs at 5; 甲乙丙 at 4 then overlaps that repeat, and recurs at 12
    assert got == [(5, 8, "乙丙丁"), (12, 15, "甲乙丙")]
