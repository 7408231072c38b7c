"""The RDF built from an extraction: shape, provenance, determinism (golden file)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import DCTERMS

from kg.model import EntityType, Extraction
from kg.rdf import ids
from kg.rdf.serialize import serialize
from kg.rdf.statements import build_dataset, build_graph, union
from kg.rdf.vocab import ROL

GOLDEN = Path(__file__).parent / "golden" / "small.ttl"


def test_matches_the_golden_turtle(small_extraction: Extraction, update_golden: bool) -> None:
    text = serialize(build_dataset(small_extraction), build_graph(small_extraction), "ttl")
    if update_golden:
        GOLDEN.write_text(text, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    if text != expected:
        got, want = Graph().parse(data=text, format="turtle"), Graph().parse(data=expected, format="turtle")
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), text.splitlines(), lineterm="", n=1))
        pytest.fail(
            f"graph differs from {GOLDEN.name} (rerun with --update-golden if intended)\n"
            f"only in new: {sorted(map(str, only_got))[:10]}\nonly in golden: {sorted(map(str, only_want))[:10]}\n{diff[:3000]}"
        )


def test_entities_carry_class_labels_and_scope(small_extraction: Extraction) -> None:
    g = build_graph(small_extraction)
    sfj = ids.entity_iri(EntityType.INSTITUTION, "开阳县司法局", "520121")
    assert (sfj, RDF.type, ROL.Institution) in g
    assert (sfj, RDFS.label, Literal("开阳县司法局", lang="zh")) in g
    assert (sfj, SKOS.altLabel, Literal("县司法局", lang="zh")) in g
    assert (sfj, ROL.scope, ids.region_iri("520121")) in g
    law = ids.entity_iri(EntityType.SYSTEM, "民法典")
    assert g.value(law, ROL.scope) is None


def test_every_mention_has_report_offsets_and_sentence(small_extraction: Extraction) -> None:
    g = build_graph(small_extraction)
    text = small_extraction.documents[0].document.text
    mentions = list(g.subjects(RDF.type, ROL.Mention))
    assert len(mentions) == 6
    for m in mentions:
        start, end = int(g.value(m, ROL.start)), int(g.value(m, ROL.end))
        assert text[start:end] == str(g.value(m, ROL.surfaceForm))
        assert str(g.value(m, ROL.surfaceForm)) in str(g.value(m, ROL.sentence))
        assert g.value(m, ROL.inReport) == ids.report_iri("small-2021")


def test_relations_are_triples_with_evidence(small_extraction: Extraction) -> None:
    g = build_graph(small_extraction)
    lst = ids.entity_iri(EntityType.LIST, "政务服务事项清单", "520121")
    assert g.value(lst, ROL.itemCount) == Literal(714, datatype=XSD.integer)
    ev = next(g.subjects(RDF.predicate, ROL.itemCount))
    assert g.value(ev, RDF.subject) == lst
    assert "714项" in str(g.value(ev, ROL.sentence))
    gov = ids.entity_iri(EntityType.INSTITUTION, "开阳县人民政府", "520121")
    assert (gov, ROL.compiles, lst) in g
    compiles_ev = next(e for e in g.subjects(RDF.predicate, ROL.compiles))
    assert g.value(compiles_ev, ROL.implicit) == Literal(True)


def test_report_node_has_title_place_year_publisher(small_extraction: Extraction) -> None:
    g = build_graph(small_extraction)
    r = ids.report_iri("small-2021")
    assert str(g.value(r, DCTERMS.title)).startswith("开阳县人民政府关于2021年度")
    assert g.value(r, ROL.place) == ids.region_iri("520121")
    assert g.value(r, ROL.year) == Literal("2021", datatype=XSD.gYear)
    assert g.value(r, DCTERMS.publisher) == ids.entity_iri(EntityType.INSTITUTION, "开阳县人民政府", "520121")
    assert len(list(g.objects(r, ROL.mentions))) == 6


def test_named_graphs_split_shared_facts_from_report_facts(small_extraction: Extraction) -> None:
    ds = build_dataset(small_extraction)
    shared = ds.graph(ids.SHARED_GRAPH)
    report = ds.graph(ids.report_graph_iri("small-2021"))
    law = ids.entity_iri(EntityType.SYSTEM, "民法典")
    assert (law, RDF.type, ROL.System) in shared and (law, RDF.type, ROL.System) not in report
    assert any(report.subjects(RDF.type, ROL.Mention)) and not any(shared.subjects(RDF.type, ROL.Mention))
    assert len(union(ds)) == len(shared) + len(report)


def test_no_blank_nodes(small_extraction: Extraction) -> None:
    from rdflib import BNode

    g = build_graph(small_extraction)
    assert not any(isinstance(t, BNode) for triple in g for t in triple)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_every_format_parses_back_to_the_same_statements(small_extraction: Extraction, fmt: str) -> None:
    from rdflib import Dataset

    ds, g = build_dataset(small_extraction), build_graph(small_extraction)
    text = serialize(ds, g, fmt)
    parser = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt]
    if fmt in {"trig", "nq"}:
        back = Dataset()
        back.parse(data=text, format=parser)
        assert {(s, p, o) for s, p, o, _ in back.quads()} == set(g)
    else:
        assert set(Graph().parse(data=text, format=parser)) == set(g)
    assert serialize(ds, g, fmt) == text
