"""Turn an Extraction into RDF: one named graph per report plus a shared one.

The shared graph holds what does not depend on a report: entity types,
labels and scopes, and regions. Each report's graph holds the report node,
the mentions with their offsets and sentences, the relations it states and
their evidence. TriG and N-Quads keep that split, so a store can replace one
report's data; Turtle and N-Triples write the union. No blank nodes: every
node has an IRI from ``kg.rdf.ids``, so the same input gives the same graph.

The statements are made once, by functions that hand each triple to a sink
with an ``add((s, p, o))`` method, one sink per graph: ``build_dataset``
passes the graphs of an rdflib Dataset, ``statements_by_graph`` plain lists,
which is several times faster for a build that only writes N-Quads
(``kg.corpus.task``). ``_Terms`` makes each repeated term once per document:
entity and region IRIs, the sentence literal shared by a sentence's
mentions, offsets and rule names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.extraction.concepts import concept_of
from kg.model import DocumentExtraction, Entity, Extraction, Region
from kg.rdf import ids
from kg.rdf.terms import CLASS_OF, PREDICATE, SCHEMA, bind_prefixes, plain, zh
from kg.rdf.vocab import ROL

_SCHEME_LABEL = Literal("法治政府建设事物类别", lang="zh")


def entity_iri(e: Entity) -> URIRef:
    return ids.entity_iri(e.type, e.canonical, e.scope)


Triple = tuple[URIRef, URIRef, URIRef | Literal]


class Sink(Protocol):
    """Where statements go: an rdflib Graph, or ``Statements``."""

    def add(self, triple: Triple, /) -> object: ...


class Statements(list[Triple]):
    """A sink that only keeps the triples, in order, repeats included."""

    add = list.append


def build_dataset(result: Extraction) -> Dataset:
    """The extraction as an RDF dataset: a shared graph plus one graph per report."""
    ds = Dataset()
    bind_prefixes(ds)
    add_statements(result, ds.graph)
    return ds


def statements_by_graph(result: Extraction) -> dict[URIRef, Statements]:
    """The statements of ``build_dataset(result)`` by graph IRI, without rdflib graphs (repeats possible)."""
    graphs: dict[URIRef, Statements] = {}
    add_statements(result, lambda iri: graphs.setdefault(iri, Statements()))
    return graphs


def add_statements(result: Extraction, sink: Callable[[URIRef], Sink]) -> None:
    """Hand every statement of ``result`` to ``sink(graph IRI)``: the shared graph, then each report's."""
    shared, terms = sink(ids.SHARED_GRAPH), _Terms()
    regions = _regions(d.info.place for d in result.documents)
    for region in regions.values():
        _add_region(shared, region, terms)
    for e in result.entities:
        _add_entity(shared, e, regions, terms)
    by_key = {e.key: e for e in result.entities}
    for d in result.documents:
        _add_report(sink(ids.report_graph_iri(d.document.id)), d, by_key, terms.for_report())


class _Terms:
    """Terms made once and reused: a document repeats names, sentences, offsets and rules.

    rdflib terms are slow to make (a ``Literal`` checks and normalises its
    value) and ``ids.iri_key`` normalises a name character by character.
    """

    __slots__ = ("_entity", "_integer", "_plain", "_region", "_zh")

    def __init__(self) -> None:
        self._entity: dict[tuple[str, str, str], URIRef] = {}
        self._region: dict[str, URIRef] = {}
        self._zh: dict[str, Literal] = {}
        self._plain: dict[str, Literal] = {}
        self._integer: dict[int, Literal] = {}

    def for_report(self) -> _Terms:
        """Terms for one report: these IRIs (bounded by the entities and regions), fresh literals."""
        terms = _Terms()
        terms._entity, terms._region = self._entity, self._region
        return terms

    def entity(self, e: Entity) -> URIRef:
        key = e.key
        node = self._entity.get(key)
        if node is None:
            node = self._entity[key] = entity_iri(e)
        return node

    def region(self, key: str) -> URIRef:
        node = self._region.get(key)
        if node is None:
            node = self._region[key] = ids.region_iri(key)
        return node

    def zh(self, text: str) -> Literal:
        lit = self._zh.get(text)
        if lit is None:
            lit = self._zh[text] = zh(text)
        return lit

    def plain(self, text: str) -> Literal:
        lit = self._plain.get(text)
        if lit is None:
            lit = self._plain[text] = plain(text)
        return lit

    def integer(self, n: int) -> Literal:
        lit = self._integer.get(n)
        if lit is None:
            lit = self._integer[n] = Literal(n, datatype=XSD.integer)
        return lit


def build_graph(result: Extraction) -> Graph:
    """The union of ``build_dataset`` as one graph (for Turtle and N-Triples)."""
    return union(build_dataset(result))


def union(ds: Dataset) -> Graph:
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _regions(places: Iterable[Region | None]) -> dict[str, Region]:
    out: dict[str, Region] = {}
    for place in places:
        if place is None:
            continue
        for r in place.chain():
            out.setdefault(r.key, r)
    return dict(sorted(out.items()))


def _add_region(g: Sink, r: Region, terms: _Terms) -> None:
    node = terms.region(r.key)
    g.add((node, RDF.type, ROL.Region))
    g.add((node, RDFS.label, terms.zh(r.name)))
    g.add((node, SKOS.prefLabel, terms.zh(r.name)))
    g.add((node, ROL.divisionLevel, terms.plain(r.level)))
    if r.code:
        g.add((node, SKOS.notation, terms.plain(r.code)))
    if r.parent is not None:
        g.add((node, SCHEMA.containedInPlace, terms.region(r.parent.key)))


def _add_entity(g: Sink, e: Entity, regions: dict[str, Region], terms: _Terms) -> None:
    node = terms.entity(e)
    g.add((node, RDF.type, CLASS_OF[e.type]))
    g.add((node, RDFS.label, terms.zh(e.canonical)))
    g.add((node, SKOS.prefLabel, terms.zh(e.canonical)))
    for alt in e.alt_labels:
        if alt != e.canonical:
            g.add((node, SKOS.altLabel, terms.zh(alt)))
    if e.scope and e.scope in regions:
        g.add((node, ROL.scope, terms.region(e.scope)))
    kind = concept_of(e.type, e.canonical, e.scope)
    if kind is not None:
        _add_concept(g, node, ids.concept_iri(e.type, kind), terms.zh(kind))


def _add_concept(g: Sink, node: URIRef, concept: URIRef, label: Literal) -> None:
    """The entity is an instance of a kind: a SKOS concept of kg's scheme (repeats merge in the graph)."""
    g.add((node, ROL.kind, concept))
    g.add((concept, RDF.type, SKOS.Concept))
    g.add((concept, RDFS.label, label))
    g.add((concept, SKOS.prefLabel, label))
    g.add((concept, SKOS.inScheme, ids.CONCEPT_SCHEME))
    g.add((ids.CONCEPT_SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((ids.CONCEPT_SCHEME, SKOS.prefLabel, _SCHEME_LABEL))


def _add_report(
    g: Sink, d: DocumentExtraction, by_key: dict[tuple[str, str, str], Entity], terms: _Terms
) -> None:
    doc, info = d.document, d.info
    report = ids.report_iri(doc.id)
    g.add((report, RDF.type, ROL.Report))
    g.add((report, DCTERMS.identifier, plain(doc.id)))
    if info.title:
        g.add((report, DCTERMS.title, zh(info.title)))
    if info.place is not None:
        g.add((report, ROL.place, terms.region(info.place.key)))
    if info.year is not None:
        g.add((report, ROL.year, Literal(f"{info.year:04d}", datatype=XSD.gYear)))
    g.add((report, DCTERMS.type, plain(info.kind)))

    mentioned: dict[URIRef, None] = {}
    owner = {m: e for e in d.entities for m in e.mentions}
    for m in sorted(d.mentions, key=lambda m: (m.start, m.end)):
        ent = owner.get(m)
        if ent is None:
            continue
        target = terms.entity(by_key.get(ent.key, ent))
        mentioned.setdefault(target, None)
        node = ids.mention_iri(doc.id, m.start, m.end)
        g.add((target, ROL.hasMention, node))
        g.add((node, RDF.type, ROL.Mention))
        g.add((node, ROL.inReport, report))
        g.add((node, ROL.start, terms.integer(m.start)))
        g.add((node, ROL.end, terms.integer(m.end)))
        g.add((node, ROL.surfaceForm, terms.zh(m.text)))
        g.add((node, ROL.sentence, terms.zh(d.sentences[m.sent_index].text)))
        g.add((node, ROL.rule, terms.plain(m.rule)))
    for target in mentioned:
        g.add((report, ROL.mentions, target))

    for key in (d.author_key, *d.coauthor_keys):
        if key is not None and key in by_key:
            g.add((report, DCTERMS.publisher, terms.entity(by_key[key])))

    for r in d.relations:
        subj = by_key.get(r.subject)
        if subj is None:
            continue
        s = terms.entity(subj)
        p = PREDICATE[r.predicate.value]
        if isinstance(r.object, int):
            o: URIRef | Literal = terms.integer(r.object)
            o_key = str(r.object)
        else:
            obj = by_key.get(r.object)
            if obj is None:
                continue
            o = terms.entity(obj)
            o_key = str(o)
        g.add((s, p, o))
        ev = ids.evidence_iri(doc.id, r.start, r.end, r.predicate.value, str(s), o_key)
        g.add((ev, RDF.type, ROL.RelationEvidence))
        g.add((ev, RDF.subject, s))
        g.add((ev, RDF.predicate, p))
        g.add((ev, RDF.object, o))
        g.add((ev, ROL.inReport, report))
        g.add((ev, ROL.start, terms.integer(r.start)))
        g.add((ev, ROL.end, terms.integer(r.end)))
        g.add((ev, ROL.sentence, terms.zh(d.sentences[r.sent_index].text)))
        g.add((ev, ROL.implicit, Literal(r.implicit)))
        if r.rule:
            g.add((ev, ROL.rule, terms.plain(r.rule)))
