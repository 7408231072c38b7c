"""我局, 本局, 该局: mentions renamed after what they refer to (kg.extraction.anaphora)."""

from __future__ import annotations

import pytest

from kg.extraction.anaphora import resolve_anaphora
from kg.model import EntityType, Mention, ReportInfo
from tests.extraction.conftest import extract_text

INST = EntityType.INSTITUTION


def _m(text: str, start: int, rule: str = "org.head", name: str | None = None) -> Mention:
    return Mention("t", start, start + len(text), 0, text, INST, name or text, rule)


def test_we_are_the_author_and_that_is_the_last_one_named() -> None:
    info = ReportInfo(doc_id="t", author="桃源县民政局")
    found = resolve_anaphora(
        [_m("我局", 0, "org.anaphor"), _m("桃源县司法局", 10), _m("该局", 20, "org.anaphor")], info
    )
    assert [(m.text, m.name) for m in found] == [
        ("我局", "桃源县民政局"),
        ("桃源县司法局", "桃源县司法局"),
        ("该局", "桃源县司法局"),
    ]


def test_references_to_nothing_named_are_dropped() -> None:
    # a government's report has no 局 of its own; no 所 was named before 该所
    info = ReportInfo(doc_id="t", author="桃源县人民政府")
    found = resolve_anaphora(
        [_m("我局", 0, "org.anaphor"), _m("桃源县司法局", 10), _m("该所", 20, "org.anaphor")], info
    )
    assert [m.text for m in found] == ["桃源县司法局"]


def test_we_of_a_commission_or_an_office_is_its_full_name() -> None:
    # 我委 is the 委员会 that writes, 我办 the 办公室; 我局 is neither
    for author, we in (("宁陵县发展和改革委员会", "我委"), ("宁陵县人民政府办公室", "我办")):
        found = resolve_anaphora([_m(we, 0, "org.anaphor")], ReportInfo(doc_id="t", author=author))
        assert [m.name for m in found] == [author]
    found = resolve_anaphora(
        [_m("我局", 0, "org.anaphor")], ReportInfo(doc_id="t", author="宁陵县发展和改革委员会")
    )
    assert found == []


def test_end_to_end_a_commission_s_we_states_what_it_issued() -> None:
    text = (
        "关于县政协第4号提案的答复\n王委员：\n您提出的提案收悉，现答复如下：\n"
        "我委牵头出台《宁陵县社会信用体系建设实施方案》。\n宁陵县发展和改革委员会\n2024年6月5日\n"
    )
    got = {(r.subject[1], r.predicate.value, r.object[1], r.implicit) for r in extract_text(text).relations}
    assert ("宁陵县发展和改革委员会", "formulates", "宁陵县社会信用体系建设实施方案", False) in got


def test_end_to_end_a_bureau_s_we_joins_the_author() -> None:
    text = "桃源县民政局关于2023年度法治政府建设情况的报告\n2023年，我局坚持依法行政。本局领导班子带头学法。我局长期坚持。\n"
    d = extract_text(text)
    author = next(e for e in d.entities if e.canonical == "桃源县民政局")
    assert {m.text for m in author.mentions} >= {"我局", "本局"}
    assert all(d.document.text[m.start : m.end] == m.text for m in author.mentions)
    # 我局长 is no reference to the bureau
    assert not any(m.text == "我局" and text[m.end : m.end + 1] == "长" for m in author.mentions)


def test_this_plan_is_the_document_the_title_issues() -> None:
    text = (
        "中共桃源县委 桃源县人民政府 关于印发《桃源县法治政府建设实施方案(2022-2025年)》的通知\n"
        "根据《湖南省法治政府建设实施方案》和《法治社会建设实施纲要》(中发〔2020〕11号)精神，"
        "结合我县实际，制定本实施方案。\n"
    )
    d = extract_text(text)
    own = [m for m in d.mentions if m.text == "本实施方案"]
    assert [m.name for m in own] == ["桃源县法治政府建设实施方案(2022-2025年)"]
    based = {r.object[1] for r in d.relations if r.predicate.value == "basedOn"}
    # the national 纲要 named without its period is the one of the text's year (2020—2025)
    assert based == {"湖南省法治政府建设实施方案", "法治社会建设实施纲要(2020—2025年)"}


@pytest.mark.parametrize(
    ("title", "preamble", "own"),
    [
        # the head alone before 如下: the rules that follow are the document
        ("关于印发《宁陵县涉企行政检查工作细则》的通知", "制定细则如下。", "宁陵县涉企行政检查工作细则"),
        # a rule the text is calls itself 本制度
        ("关于印发《宁陵县行政执法公示制度(试行)》的通知", "制定本制度。", "宁陵县行政执法公示制度(试行)"),
    ],
)
def test_a_document_speaks_of_itself_by_its_head(title: str, preamble: str, own: str) -> None:
    d = extract_text(f"{title}\n根据《河南省行政执法公示办法》等规定，结合实际，{preamble}\n")
    based = {(r.subject[1], r.object[1]) for r in d.relations if r.predicate.value == "basedOn"}
    assert based == {(own, "河南省行政执法公示办法")}


def test_a_head_before_as_follows_that_no_verb_makes_is_no_document() -> None:
    # 情况如下, 方案如下 after no verb of making: no reference to the text itself
    d = extract_text("宁陵县司法局2023年法治政府建设工作报告\n现将有关方案如下说明。\n")
    assert not any(m.rule == "sys.anaphor" for m in d.mentions)


def test_this_plan_in_a_text_whose_title_names_no_document_is_dropped() -> None:
    info = ReportInfo(doc_id="t", title="桃源县2023年法治政府建设工作报告")
    m = Mention("t", 0, 3, 0, "本方案", EntityType.SYSTEM, "本方案", "sys.anaphor")
    assert resolve_anaphora([m], info) == []


def test_a_partner_is_not_what_a_later_this_bureau_refers_to() -> None:
    # 该局联合县教育局…: the article goes on about its subject, not its partner
    text = "近日，桃源县司法局开展普法活动。该局联合县教育局走进校园。该局还举办了讲座。"
    d = extract_text(text)
    refs = [(m.text, m.name) for m in d.mentions if m.text == "该局"]
    assert refs == [("该局", "桃源县司法局"), ("该局", "桃源县司法局")]


def test_without_a_partner_word_the_nearest_bureau_is_meant() -> None:
    text = "桃源县司法局开展普法活动。桃源县教育局举办讲座。该局还组织了竞赛。"
    d = extract_text(text)
    assert [m.name for m in d.mentions if m.text == "该局"] == ["桃源县教育局"]


def test_a_pronoun_is_no_label_of_its_entity() -> None:
    text = "桃源县民政局关于2023年度法治政府建设情况的报告\n2023年，我局坚持依法行政。\n"
    d = extract_text(text)
    author = next(e for e in d.entities if e.canonical == "桃源县民政局")
    assert "我局" in {m.text for m in author.mentions}
    assert "我局" not in author.alt_labels


def test_this_commission_is_a_committee_named_in_full() -> None:
    info = ReportInfo(doc_id="t", author="")
    found = resolve_anaphora(
        [_m("宁陵县卫生健康委员会", 0), _m("该委", 12, "org.anaphor"), _m("该办", 20, "org.anaphor")], info
    )
    # 该办 has no 办公室 before it: dropped
    assert [(m.text, m.name) for m in found] == [
        ("宁陵县卫生健康委员会", "宁陵县卫生健康委员会"),
        ("该委", "宁陵县卫生健康委员会"),
    ]


def test_we_the_office_is_an_author_office_named_in_full() -> None:
    info = ReportInfo(doc_id="t", author="宁陵县人民政府办公室")
    found = resolve_anaphora([_m("我办", 0, "org.anaphor"), _m("我局", 5, "org.anaphor")], info)
    assert [(m.text, m.name) for m in found] == [("我办", "宁陵县人民政府办公室")]
