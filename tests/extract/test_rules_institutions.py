"""Institution rules (kg.extract.rules.institutions): families of names with positive and
negative examples written for these tests, in the style of rule-of-law reports of a county
none of the seeds is about."""

from __future__ import annotations

import pytest

from kg.extract.mentions import find_mentions
from kg.model import Document, EntityType, ReportInfo
from kg.places import region_of
from kg.text.segment import split_sentences

INST, SYS = EntityType.INSTITUTION, EntityType.SYSTEM
NINGLING = "411423"  # 宁陵县


def found(text: str, code: str | None = NINGLING) -> set[tuple[str, EntityType]]:
    doc = Document(id="t", path="", text=text, sha256="")
    info = ReportInfo(doc_id="t", place=region_of(code) if code else None)
    return {(m.name, m.type) for m in find_mentions(doc, split_sentences(doc), info)}


def insts(text: str, code: str | None = NINGLING) -> set[str]:
    return {n for n, t in found(text, code) if t is INST}


# ---------------------------------------------------------------- issuers inside a nested title


@pytest.mark.parametrize("inner", ["〈{}〉", "<{}>"])
def test_issuers_of_a_notice_that_issues_a_nested_title_are_institutions(inner: str) -> None:
    doc = inner.format("宁陵县行政执法监督办法(2023-2025年)")
    got = found(f"根据《中共中央、国务院关于印发{doc}的通知》精神，制定本方案。")
    assert {("中共中央", INST), ("国务院", INST), ("宁陵县行政执法监督办法(2023-2025年)", SYS)} <= got


def test_a_title_that_is_not_an_issuing_notice_keeps_its_issuer_inside() -> None:
    got = found("执行《国务院关于加强行政执法监督的意见》。")
    assert ("国务院关于加强行政执法监督的意见", SYS) in got
    assert insts("执行《国务院关于加强行政执法监督的意见》。") == set()
