"""The ontology documents every term, and built graphs meet the shapes."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS

from kg.extraction.document import extract_documents
from kg.model import Document, EntityType, Extraction
from kg.rdf import ids
from kg.rdf.ontology import load_ontology, load_shapes, ontology_dir, validate
from kg.rdf.statements import build_graph
from kg.rdf.vocab import ROL

NS = "https://w3id.org/kg-rol/ontology#"


def _terms(g: Graph) -> list:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted({s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(NS)})


def test_ontology_is_found_without_the_current_directory(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert (ontology_dir() / "rol.ttl").is_file()
    assert len(load_ontology()) > 100 and len(load_shapes()) > 50


def test_every_term_has_chinese_and_english_label_and_comment() -> None:
    g = load_ontology()
    terms = _terms(g)
    assert len(terms) >= 25
    for t in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(t, prop)}
            assert {"zh", "en"} <= langs, f"{t} lacks a zh/en {prop}"


def test_every_spec_relation_is_a_property_reusing_a_standard_one() -> None:
    g = load_ontology()
    for name in (
        "formulates",
        "implements",
        "compiles",
        "runs",
        "partOf",
        "basedOn",
        "itemCount",
        "mentions",
    ):
        term = ROL[name]
        assert (term, RDF.type, OWL.ObjectProperty) in g or (term, RDF.type, OWL.DatatypeProperty) in g
        supers = list(g.objects(term, RDFS.subPropertyOf))
        assert supers and not any(str(s).startswith(NS) for s in supers), name
    assert g.value(ROL.itemCount, RDFS.range) == XSD.integer


def test_classes_reuse_standard_vocabularies() -> None:
    g = load_ontology()
    expect = {
        ROL.Institution: "http://www.w3.org/ns/org#FormalOrganization",
        ROL.List: "https://schema.org/ItemList",
        ROL.Brand: "https://schema.org/Brand",
        ROL.Report: "https://schema.org/Report",
        ROL.Mention: "http://www.w3.org/ns/prov#Entity",
    }
    for cls, parent in expect.items():
        assert parent in {str(o) for o in g.objects(cls, RDFS.subClassOf)}


def test_small_graph_conforms(small_extraction: Extraction) -> None:
    report = validate(build_graph(small_extraction))
    assert report.conforms, [str(v) for v in report.violations]


def _broken(small_extraction: Extraction) -> Graph:
    g = build_graph(small_extraction)
    lst = ids.entity_iri(EntityType.LIST, "政务服务事项清单", "520121")
    g.set((lst, ROL.itemCount, Literal(-3, datatype=XSD.integer)))
    law = ids.entity_iri(EntityType.SYSTEM, "民法典")
    g.add((law, RDF.type, ROL.Brand))
    brand = ids.entity_iri(EntityType.BRAND, "盐和", "520121")
    g.remove((brand, RDFS.label, None))
    m = next(g.subjects(RDF.type, ROL.Mention))
    g.remove((m, ROL.inReport, None))
    return g


@pytest.mark.parametrize(
    "expected",
    [
        "non-negative",
        "exactly one type",
        "exactly one @zh rdfs:label",
        "exactly one report",
    ],
)
def test_broken_graphs_are_reported_in_words(small_extraction: Extraction, expected: str) -> None:
    report = validate(_broken(small_extraction))
    assert not report.conforms
    assert any(expected in v.message for v in report.violations), [str(v) for v in report.violations]


def test_evidence_for_an_unstated_relation_is_a_violation(small_extraction: Extraction) -> None:
    g = build_graph(small_extraction)
    lst = ids.entity_iri(EntityType.LIST, "政务服务事项清单", "520121")
    g.remove((lst, ROL.itemCount, None))
    report = validate(g)
    assert any("does not state" in v.message for v in report.violations)


def test_a_notice_signed_by_two_offices_has_two_publishers_and_conforms() -> None:
    notice = (
        "经县委、县政府同意，制定《宁陵县乡镇履职事项清单》，现印发给你们。\n"
        "中共宁陵县委办公室\n宁陵县人民政府办公室\n2024年5月6日\n"
    )
    ex = extract_documents([Document(id="n1", path="n1.txt", text=notice, sha256="0" * 64)])
    g = build_graph(ex)
    assert len(set(g.objects(None, DCTERMS.publisher))) == 2
    assert validate(g).conforms
