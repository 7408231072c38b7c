"""IRIs come from the entity itself and never hold characters stores reject."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kg.model import EntityType
from kg.rdf.ids import entity_iri, iri_key, mention_iri

FORBIDDEN = re.compile(r"[\s%\"<>{}|\\^`]")


def test_local_entities_are_scoped_by_region() -> None:
    a = entity_iri(EntityType.INSTITUTION, "司法局", "520121")
    b = entity_iri(EntityType.INSTITUTION, "司法局", "652829")
    assert a != b
    assert str(a).endswith("/inst/520121-司法局")


def test_national_entities_have_one_iri_and_type_separates() -> None:
    assert entity_iri(EntityType.SYSTEM, "民法典") == entity_iri("制度", "民法典")
    assert entity_iri(EntityType.SYSTEM, "一网通办") != entity_iri(EntityType.BRAND, "一网通办")


def test_marks_and_width_variants_give_one_key() -> None:
    assert iri_key("《民法典》") == iri_key("民法典")
    assert iri_key("法治政府建设实施纲要（2021—2025年）") == iri_key("法治政府建设实施纲要(2021—2025年)")
    assert iri_key("行政执法“三项制度”") == "行政执法三项制度"


def test_unsafe_characters_are_replaced() -> None:
    key = iri_key('覆盖率100% <a href="x">{|}^`\\')
    assert not FORBIDDEN.search(key)
    assert key.startswith("覆盖率100-ahref-x")


def test_characters_rfc3987_leaves_out_are_replaced() -> None:
    # U+FFFD (what a lone surrogate becomes), specials, noncharacters, tags,
    # private use, bidi controls and a zero-width space: none is an IRI character.
    for ch in "\ufffd\ufff0\ufdd0\U000e0041\U000f0000\ue000\u202e\u200b\ud800":
        assert iri_key(f"甲{ch}乙") == "甲-乙", repr(ch)
    assert iri_key("甲\U00020000乙") == "甲\U00020000乙"  # CJK Extension B is ucschar


def test_long_names_are_shortened_deterministically() -> None:
    name = "关于" + "进一步加强法治政府建设" * 12 + "的通知"
    assert len(iri_key(name)) <= 80
    assert iri_key(name) == iri_key(name)
    assert iri_key(name) != iri_key(name + "补充")


def test_mentions_are_keyed_by_report_and_offsets() -> None:
    assert str(mention_iri("kaiyang-2021", 3, 9)).endswith("/mention/kaiyang-2021/3-9")


@given(st.text(min_size=1, max_size=120))
def test_any_name_gives_a_valid_iri(name: str) -> None:
    iri = entity_iri(EntityType.BRAND, name, "520121")
    local = str(iri).rsplit("/", 1)[1]
    assert local and not FORBIDDEN.search(local)
    g = Graph()
    g.add((URIRef(iri), URIRef("http://example.org/p"), Literal(1)))
    assert len(Graph().parse(data=g.serialize(format="nt"), format="nt")) == 1


@pytest.mark.parametrize("name", ["\ud800", "\udfff\ud800", "县" + "\ud800" * 90])
def test_a_name_holding_lone_surrogates_still_gets_a_key(name: str) -> None:
    # an Entity built in memory may hold what no file can (hypothesis found \ud800 alone)
    key = iri_key(name)
    assert key and "\ud800" not in key and "\udfff" not in key
    assert iri_key(name) == key
