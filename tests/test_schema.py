"""The schema (``kg.model.EntityType`` and ``Predicate``) agrees with the ontology and the shapes, both ways.

Entity types and relations are defined once, in ``kg/model.py``; every
other table of kg derives from them. The ontology (``ontology/rol.ttl``)
and the SHACL shapes (``ontology/shapes.ttl``) are written by hand, so
these tests hold the three together: a type or relation added to one and
not to the others fails here, whichever side it was added to.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.data import lexicon
from kg.model import ONTOLOGY, EntityType, Predicate

ROOT = Path(__file__).resolve().parent.parent
ONTO = Graph().parse(ROOT / "ontology" / "rol.ttl", format="turtle")
SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
ENTITY = URIRef(ONTOLOGY + "Entity")
CLASSES = {URIRef(t.iri) for t in EntityType}


def _label(node: URIRef, lang: str) -> str:
    labels = [str(o) for o in ONTO.objects(node, RDFS.label) if isinstance(o, Literal) and o.language == lang]
    assert len(labels) == 1, f"{node} needs one @{lang} label"
    return labels[0]


def _range(p: Predicate) -> URIRef:
    return URIRef(p.range.iri) if p.range is not None else XSD.integer


def test_entity_types_are_the_ontologys_entity_classes() -> None:
    assert set(ONTO.subjects(RDFS.subClassOf, ENTITY)) == CLASSES
    for t in EntityType:
        node = URIRef(t.iri)
        assert (node, RDF.type, OWL.Class) in ONTO
        assert _label(node, "zh") == t.value
        assert _label(node, "en") == t.english


def test_relations_are_the_ontologys_properties_between_entity_types() -> None:
    between = {p for p in ONTO.subjects(RDFS.domain, None) if ONTO.value(p, RDFS.domain) in CLASSES}
    assert between == {URIRef(p.iri) for p in Predicate}
    for p in Predicate:
        node = URIRef(p.iri)
        kind = OWL.ObjectProperty if p.links else OWL.DatatypeProperty
        assert (node, RDF.type, kind) in ONTO, f"{p.value} is not an owl:{kind.split('#')[1]}"
        assert ONTO.value(node, RDFS.domain) == URIRef(p.domain.iri)
        assert ONTO.value(node, RDFS.range) == _range(p)
        assert _label(node, "zh") == p.label


def test_the_shapes_type_entities_by_the_schema() -> None:
    entity_shape = URIRef("https://w3id.org/kg-rol/shapes#Entity")
    assert set(SHAPES.objects(entity_shape, SH.targetClass)) == CLASSES
    lists = [Collection(SHAPES, o) for o in SHAPES.objects(None, SH["in"])]
    typed = [list(c) for c in lists if set(c) & CLASSES]
    assert typed == [[URIRef(t.iri) for t in EntityType]]


def test_the_shapes_check_each_relations_domain_and_range() -> None:
    domains = {
        (p, c)
        for shape in SHAPES.subjects(SH.targetSubjectsOf, None)
        for p in SHAPES.objects(shape, SH.targetSubjectsOf)
        for c in SHAPES.objects(shape, SH["class"])
    }
    assert domains == {(URIRef(p.iri), URIRef(p.domain.iri)) for p in Predicate}
    relations = {URIRef(p.iri) for p in Predicate}
    ranges = {
        (path, o)
        for prop in SHAPES.subjects(SH.path, None)
        if (path := SHAPES.value(prop, SH.path)) in relations
        for o in [*SHAPES.objects(prop, SH["class"]), *SHAPES.objects(prop, SH.datatype)]
    }
    assert ranges == {(URIRef(p.iri), _range(p)) for p in Predicate}
    evidence = [
        list(c) for c in (Collection(SHAPES, o) for o in SHAPES.objects(None, SH["in"])) if set(c) & relations
    ]
    assert evidence == [[URIRef(p.iri) for p in Predicate]]


def test_the_shapes_use_only_terms_of_the_ontology() -> None:
    defined = set(ONTO.subjects(RDF.type, None))
    used = {t for triple in SHAPES for t in triple if isinstance(t, URIRef) and t.startswith(ONTOLOGY)}
    assert used <= defined, sorted(used - defined)


@pytest.mark.parametrize("p", list(Predicate), ids=lambda p: p.value)
def test_a_relation_has_a_cue_list_exactly_when_the_data_has_its_file(p: Predicate) -> None:
    shipped = resources.files("kg.data").joinpath(f"relation_{p.value}.txt").is_file()
    assert bool(p.cues) == shipped
    if p.cues:
        assert p.cues == f"relation_{p.value}" and lexicon.words(p.cues)


def test_names_segments_and_colours_are_distinct() -> None:
    for values in (
        [t.english for t in EntityType],
        [t.segment for t in EntityType],
        [t.colour for t in EntityType],
        [p.label for p in Predicate],
    ):
        assert len(set(values)) == len(values)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", t.colour) for t in EntityType)


def test_shipped_queries_that_list_the_entity_classes_list_them_all() -> None:
    """A named query may filter on the entity classes (portable SPARQL cannot ask the ontology): all of them."""
    names = {t.english for t in EntityType}
    for rq in resources.files("kg.sparql").joinpath("queries").iterdir():
        for group in re.findall(r"[({]([^(){}]*)[)}]", rq.read_text(encoding="utf-8")):
            listed = set(re.findall(r"rol:(\w+)", group)) & names
            if len(listed) > 1:
                assert listed == names, f"{rq.name}: lists {sorted(listed)}, not every entity type"
