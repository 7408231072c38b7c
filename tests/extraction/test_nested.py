"""Names inside a title: the title it cites and its issuers (kg.extraction.nested)."""

from __future__ import annotations

from kg.extraction.nested import nested_mentions
from kg.extraction.places import region_of
from kg.model import EntityType, Mention, ReportInfo
from tests.extraction.conftest import extract_text

SYS, INST = EntityType.SYSTEM, EntityType.INSTITUTION
TAOYUAN = ReportInfo(doc_id="t", place=region_of("430725"))


def _title(text: str, start: int = 3) -> Mention:
    return Mention("t", start, start + len(text), 0, text, SYS, text.strip("《》"), "title")


def test_a_title_cited_inside_a_title_is_a_mention_of_its_own() -> None:
    outer = _title("《桃源县贯彻落实〈关于加强基层法治建设的意见〉工作方案》")
    (inner,) = nested_mentions([outer], TAOYUAN)
    assert (inner.name, inner.type, inner.rule) == ("关于加强基层法治建设的意见", SYS, "title.inner")
    assert outer.start < inner.start and inner.end < outer.end
    assert outer.text[inner.start - outer.start : inner.end - outer.start] == inner.text


def test_the_issuers_that_open_a_title_are_institutions() -> None:
    outer = _title("《县委宣传部、县司法局关于开展法治宣传教育的规划》")
    found = [(m.name, m.type, m.rule) for m in nested_mentions([outer], TAOYUAN)]
    assert found == [("县委宣传部", INST, "org.issuer"), ("县司法局", INST, "org.issuer")]


def test_words_before_about_that_are_no_institution_give_nothing() -> None:
    for text in (
        "《关于加强基层法治建设的意见》",
        "《全县法治宣传教育关于意见》",
        "《县委宣传部、群众关于普法的规划》",
    ):
        assert [m for m in nested_mentions([_title(text)], TAOYUAN) if m.type is INST] == []


def test_end_to_end_the_outer_title_is_based_on_the_cited_one_and_issued_by_its_issuers() -> None:
    text = (
        "桃源县人民政府关于2023年度法治政府建设情况的报告\n"
        "县委依法治县委员会印发《桃源县贯彻落实〈关于加强基层法治建设的意见〉工作方案》。"
        "县委宣传部召开会议，转发《县委宣传部、县司法局关于开展法治宣传教育的规划》。\n"
    )
    d = extract_text(text)
    names = {(m.name, m.type) for m in d.mentions}
    assert ("关于加强基层法治建设的意见", SYS) in names
    rels = {
        (r.subject[1], r.predicate.value, r.object[1]) for r in d.relations if not isinstance(r.object, int)
    }
    # canonical names drop the inner marks
    assert (
        "桃源县贯彻落实关于加强基层法治建设的意见工作方案",
        "basedOn",
        "关于加强基层法治建设的意见",
    ) in rels
    # the cue before the outer title does not reach the title cited inside it
    assert not any(p == "formulates" and o == "关于加强基层法治建设的意见" for _, p, o in rels)
    issued = {s for s, p, o in rels if p == "formulates" and "县委宣传部、县司法局关于" in o}
    assert issued == {"桃源县委宣传部", "桃源县司法局"}


def test_a_body_named_before_the_year_of_its_plan_owns_the_title() -> None:
    outer = _title("《中共桃源县委全面依法治县委员会2024年工作要点》")
    found = [(m.name, m.type, m.rule) for m in nested_mentions([outer], TAOYUAN)]
    assert found == [("中共桃源县委全面依法治县委员会", INST, "org.issuer")]
    # a place or a subject before the year names no owner
    for text in ("《桃源县2024年法治政府建设工作要点》", "《法治政府建设2024年工作要点》"):
        assert [m for m in nested_mentions([_title(text)], TAOYUAN) if m.type is INST] == []


def test_the_owner_of_a_dated_plan_formulates_it() -> None:
    text = "出台《中共桃源县委全面依法治县委员会2024年工作要点》等文件。\n"
    d = extract_text(text)
    issued = {(r.subject[1], r.rule) for r in d.relations if r.predicate.value == "formulates"}
    assert any(s.endswith("全面依法治县委员会") and rule == "issuer.title" for s, rule in issued)
