"""What the rule-family tests share: extraction of a sentence written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extraction.document import extract_document
from kg.extraction.mentions import find_mentions
from kg.extraction.places import region_of
from kg.model import Document, DocumentExtraction, EntityType, ReportInfo
from kg.text.segment import split_sentences

NINGLING = "411423"  # 宁陵县, a county none of the seeds is about


def extract_names(text: str, typ: EntityType) -> set[str]:
    """The names of the mentions of type ``typ`` in ``text``, read as a report of 宁陵县."""
    doc = Document(id="t", path="", text=text, sha256="")
    info = ReportInfo(doc_id="t", place=region_of(NINGLING))
    return {m.name for m in find_mentions(doc, split_sentences(doc), info) if m.type is typ}


def extract_text(text: str) -> DocumentExtraction:
    """Every extraction stage on a report written for the tests (id ``t``)."""
    return extract_document(Document(id="t", path="t.txt", text=text, sha256="0" * 64))


@pytest.fixture
def names() -> Callable[[str, EntityType], set[str]]:
    """``names(text, type)``: the names of that type found in a sentence of our own."""
    return extract_names
