"""The registry of mention rules: ids, declared types and emitted ids, and the order they run in."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extraction import rules as registry
from kg.extraction.places import region_of
from kg.extraction.report import detect_report_info
from kg.extraction.rules import RULES, Candidate, DocContext, Rule, SentenceView, rule, rule_by_id
from kg.io.read import read_documents
from kg.model import Document, EntityType, ReportInfo, Sentence
from kg.text.segment import split_sentences
from kg.text.tokenize import tokenize

# The order the driver runs the rules in (the order of the rule functions before the split
# into modules; system.head and list.head were the two passes of one function, in this order).
ORDER = (
    "title",
    "doc.after_verb",
    "doc.listed",
    "doc.named",
    "system.head",
    "list.head",
    "system.national",
    "enum",
    "quote",
    "brand.counted_visits",
    "brand.app",
    "brand.column",
    "org.national",
    "org.local",
    "org.bare_local",
    "org.head",
    "law",
    "org.anaphor",
    "sys.anaphor",
)

# Sentences of our own (a county none of the seeds is about) for ids the seeds rarely give.
SYNTHETIC = (
    "推行“一门式一网式”政务服务。",
    "健全行政执法和刑事司法衔接清单。",
    "印发《关于印发〈宁陵县行政执法公示办法〉的通知》。",
    "建立讲法、学法、评法机制。",
    "推行行政执法公示、执法全过程记录和重大执法决定法制审核制度。",
    "学习宪法、民法典、行政处罚法、行政许可法等法律法规。",
    "推广宁陵通 App，开展法治“六进”活动，打造“阳光调解”“法润民生”等品牌。",
    "开设《法在宁陵》电视法治专栏。",
    "县人大常委会审议通过，常委会、政府办联合印发通知。",
    "公布“权责清单”，建立“双随机、一公开”监管机制，推进“一网通办”。",
    "落实《宁陵县法治政府建设实施方案(20",
    "宁陵县司法局牵头，我局会同该局制定本方案。",
    "贯彻中央一号文件，纳入县“十四五”规划。",
    "严格执行重大行政决策程序。",
)
NINGLING = "411423"


def candidates(doc: Document, info: ReportInfo) -> Iterator[tuple[Rule, Candidate]]:
    ctx = DocContext.of(doc, info)
    for s in split_sentences(doc):
        v = SentenceView.of(s)
        for r in RULES:
            for c in r.func(v, ctx):
                yield r, c


def all_candidates(seeds_dir: Path) -> Iterator[tuple[Rule, Candidate]]:
    for doc in read_documents([seeds_dir]):
        yield from candidates(doc, detect_report_info(doc, split_sentences(doc)))
    for k, text in enumerate(SYNTHETIC):
        doc = Document(id=f"s{k}", path="", text=text, sha256="")
        yield from candidates(doc, ReportInfo(doc_id=doc.id, place=region_of(NINGLING)))


def test_registry_order_is_the_documented_one() -> None:
    assert tuple(r.id for r in RULES) == ORDER


def test_rule_ids_are_unique_and_emitted_ids_belong_to_their_rule() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    emitted = [e for r in RULES for e in r.emits]
    assert len(emitted) == len(set(emitted)), "two rules declare the same emitted id"
    for r in RULES:
        assert r.types and r.doc and r.emits
        assert all(e == r.id or e.startswith(r.id + ".") for e in r.emits), r.id


def test_every_rule_of_the_family_modules_is_registered() -> None:
    declared = {
        obj
        for module in (
            registry.titles,
            registry.documents,
            registry.systems,
            registry.enumerations,
            registry.quoted,
            registry.brands,
            registry.institutions,
            registry.anaphora,
        )
        for obj in vars(module).values()
        if isinstance(obj, Rule)
    }
    assert declared == set(RULES)


def test_candidates_carry_declared_ids_and_types(seeds_dir: Path) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for r, c in all_candidates(seeds_dir):
        assert c.rule in r.emits, f"{r.id} yields {c.rule!r}, not declared"
        assert c.type in r.types, f"{r.id} yields a {c.type.value} ({c.name})"
        seen[r.id].add(c.rule)
    # every declared id is really produced somewhere: the declarations are not stale
    assert {r.id: set(r.emits) for r in RULES} == seen


def test_rule_declaration_rejects_ids_of_another_family() -> None:
    with pytest.raises(ValueError, match="system.head"):
        rule("system.head", EntityType.SYSTEM, emits=("system.head", "list.head"))
    with pytest.raises(ValueError, match="needs a type"):
        rule("title")


def test_a_rule_is_found_by_its_id_and_called_like_its_function() -> None:
    r = rule_by_id("org.head")
    assert r.types == {EntityType.INSTITUTION}
    doc = Document(id="t", path="", text="县司法局印发通知。", sha256="")
    info = ReportInfo(doc_id="t", place=region_of(NINGLING))
    v = SentenceView.of(split_sentences(doc)[0])
    assert [c.name for c in r(v, DocContext.of(doc, info))] == ["县司法局"]
    with pytest.raises(KeyError, match="no mention rule"):
        rule_by_id("org")


@given(
    st.text(alphabet=st.sampled_from(list("县司法局推进依法治县工作委员会和、，。“”12a \r\n")), max_size=40)
)
def test_a_sentence_view_answers_as_the_whole_sentence_s_tokens(text: str) -> None:
    v = SentenceView.of(Sentence(doc_id="t", index=0, start=0, end=len(text), text=text))
    toks = tokenize(text, hmm=False)
    starts = [s for _, s, _ in toks]
    for pos in range(len(text) + 1):
        want = None
        if pos > 0:
            w, st_, _ = toks[bisect_right(starts, pos - 1) - 1]
            want = (w[: pos - st_], st_)
        assert v.token_before(pos) == want
        assert v.is_token_start(pos) == (pos == 0 or pos in starts)
