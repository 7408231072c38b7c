"""kg.present.view: the part of a graph that graph.html draws, chosen by streaming over sorted N-Triples."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg.model import Extraction
from kg.present.page import render
from kg.present.view import top_entities, view_graph
from kg.rdf import ids
from kg.rdf.serialize import serialize
from kg.rdf.statements import build_dataset, union
from kg.rdf.terms import CLASS_OF
from kg.rdf.vocab import ROL


@pytest.fixture
def small_nt(tmp_path: Path, small_extraction: Extraction) -> Path:
    ds = build_dataset(small_extraction)
    path = tmp_path / "graph.nt"
    path.write_text(serialize(ds, union(ds), "nt"), encoding="utf-8")
    return path


def _entities(g: Graph) -> set[str]:
    return {str(s) for c in CLASS_OF.values() for s in g.subjects(RDF.type, c)}


def test_a_small_graph_is_drawn_whole(small_nt: Path, tmp_path: Path) -> None:
    full = Graph().parse(small_nt, format="nt")
    render(full, tmp_path / "full.html")
    render(view_graph(small_nt), tmp_path / "view.html")
    assert (tmp_path / "view.html").read_bytes() == (tmp_path / "full.html").read_bytes()


def test_the_most_mentioned_entities_are_kept_ties_by_iri(small_nt: Path) -> None:
    # Every entity of the small graph has one mention: the two smallest IRIs win.
    full = Graph().parse(small_nt, format="nt")
    expected = sorted(_entities(full))[:2]
    assert {s.decode()[1:-1] for s in top_entities(small_nt, 2)} == set(expected)
    view = view_graph(small_nt, max_entities=2)
    assert _entities(view) == set(expected)
    # Relations are drawn only between kept entities.
    relations = {ROL.formulates, ROL.implements, ROL.compiles, ROL.runs, ROL.partOf, ROL.basedOn}
    assert all(str(o) in expected for s, p, o in view if p in relations and str(s) in expected)


def test_mentions_per_entity_are_capped(tmp_path: Path) -> None:
    e = ids.entity_iri("机构", "开阳县司法局", "520121")
    report = ids.report_iri("r")
    lines = [f"<{e}> <{RDF.type}> <{ROL.Institution}> ."]
    for i in range(5):
        m = ids.mention_iri("r", i, i + 1)
        lines += [
            f"<{e}> <{ROL.hasMention}> <{m}> .",
            f'<{m}> <{ROL.sentence}> "句子{i}"@zh .',
            f"<{m}> <{ROL.inReport}> <{report}> .",
        ]
    lines += [f"<{report}> <{RDF.type}> <{ROL.Report}> .", f"<{report}> <{ROL.mentions}> <{e}> ."]
    path = tmp_path / "g.nt"
    path.write_text("".join(sorted(f"{line}\n" for line in lines)), encoding="utf-8")
    view = view_graph(path, max_entities=10, max_mentions=2)
    kept = list(view.objects(e, ROL.hasMention))
    assert len(kept) == 2
    assert len(list(view.subject_objects(ROL.sentence))) == 2
    assert (report, ROL.mentions, e) in view  # the report of a kept mention stays linked


def test_capped_mentions_prefer_sentences_of_the_report_to_page_furniture(tmp_path: Path) -> None:
    """The first mentions in IRI order are a page's header cells: real sentences are kept instead."""
    e = ids.entity_iri("机构", "海盐县司法局", "330424")
    report = ids.report_iri("r")
    lines = [f"<{e}> <{RDF.type}> <{ROL.Institution}> ."]
    sentences = [
        "发布机构: | 县司法局 | 有效性: |",
        "字号：大 中 小 打印本页 关闭窗口",
        "县司法局牵头。",
        "县司法局指导。",
    ]
    for i, sentence in enumerate([*sentences, "县司法局第五句。"]):
        m = ids.mention_iri("r", i, i + 1)
        lines += [
            f"<{e}> <{ROL.hasMention}> <{m}> .",
            f'<{m}> <{ROL.sentence}> "{sentence}"@zh .',
            f"<{m}> <{ROL.inReport}> <{report}> .",
        ]
    path = tmp_path / "g.nt"
    path.write_text("".join(sorted(f"{line}\n" for line in lines)), encoding="utf-8")
    first = sorted(str(m) for m in Graph().parse(path, format="nt").objects(e, ROL.hasMention))[:2]
    assert [str(m) for m in (ids.mention_iri("r", 0, 1), ids.mention_iri("r", 1, 2))] == first
    view = view_graph(path, max_entities=10, max_mentions=2)
    kept = sorted(str(s) for m in view.objects(e, ROL.hasMention) for s in view.objects(m, ROL.sentence))
    assert kept == ["县司法局指导。", "县司法局牵头。"]
    # With room for all four candidates, the furniture is kept too.
    assert len(list(view_graph(path, max_entities=10, max_mentions=4).objects(e, ROL.hasMention))) == 4


def test_limits_below_one_are_refused(small_nt: Path) -> None:
    with pytest.raises(ValueError):
        view_graph(small_nt, max_entities=0)
