"""Split a document into the sentences a reader sees, with offsets into its raw text.

A sentence ends after 。！？；!?; (closing quotes and brackets that follow stay
with it) or at a line break, except a line break inside a sentence, as PDF
conversion leaves them (``kg.text.reflow``). Leading and trailing white
space, paragraph indentation included, is left out of the span. Sentences
never overlap and appear in document order; ``s.start``/``s.end`` index
``doc.text``, and ``s.text`` is ``doc.text[s.start:s.end]`` with the joined
line breaks (and the white space around them) left out; with none, the two
are equal.
"""

from __future__ import annotations

import re

from kg.model import Document, Sentence
from kg.text.reflow import reflow

_END = re.compile(r"[。！？!?；;]+[”’」』）)\]】》]*|\r\n|\n|\r|\u2028|\u2029")


def split_sentences(doc: Document) -> list[Sentence]:
    """The sentences of ``doc`` in order; blank spans are skipped."""
    flow = reflow(doc.text)
    sentences = _spans(doc.id, flow.text)
    if not flow.changed:
        return sentences
    return [flow.sentence(s) for s in sentences]


def _spans(doc_id: str, text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in _END.finditer(text):
        end = m.end() if not m.group().isspace() and m.group() not in "\r\n\u2028\u2029" else m.start()
        _add(out, doc_id, text, pos, end)
        pos = m.end()
    _add(out, doc_id, text, pos, len(text))
    return out


def _add(out: list[Sentence], doc_id: str, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(doc_id=doc_id, index=len(out), start=start, end=end, text=text[start:end]))
