"""Split a document into sentences with offsets into its raw text.

A sentence ends after 。！？；!?; (closing quotes and brackets that follow stay
with it) or at a line break. Leading and trailing white space is left out of
the span, so ``doc.text[s.start:s.end] == s.text`` and sentences never
overlap and appear in document order.
"""

from __future__ import annotations

import re

from kg.model import Document, Sentence

_END = re.compile(r"[。！？!?；;]+[”’」』）)\]】》]*|\r\n|\n|\r|\u2028|\u2029")


def split_sentences(doc: Document) -> list[Sentence]:
    """The sentences of ``doc`` in order; blank spans are skipped."""
    return list(_spans(doc.id, doc.text))


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
