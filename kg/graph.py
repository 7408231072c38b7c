"""Turn an Extraction into RDF: one named graph per report plus a shared one.

The shared graph holds what does not depend on a report: entity types,
labels and scopes, and regions. Each report's graph holds the report node,
the mentions with their offsets and sentences, the relations it states and
their evidence. TriG and N-Quads keep that split, so a store can replace one
report's data; Turtle and N-Triples write the union. No blank nodes: every
node has an IRI from ``kg.ids``, so the same input gives the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV

from kg import ids
from kg.model import DocumentExtraction, Entity, EntityType, Extraction, Region, replace_surrogates
from kg.vocab import ROL

SCHEMA = Namespace("https://schema.org/")

CLASS_OF = {
    EntityType.INSTITUTION: ROL.Institution,
    EntityType.SYSTEM: ROL.System,
    EntityType.LIST: ROL.List,
    EntityType.BRAND: ROL.Brand,
}
TYPE_OF_CLASS = {v: k for k, v in CLASS_OF.items()}

PREDICATE = {
    "formulates": ROL.formulates,
    "implements": ROL.implements,
    "compiles": ROL.compiles,
    "runs": ROL.runs,
    "partOf": ROL.partOf,
    "basedOn": ROL.basedOn,
    "itemCount": ROL.itemCount,
}

PREFIXES = {
    "rol": Namespace(ids.ONTOLOGY),
    "inst": Namespace(ids.BASE + "inst/"),
    "sys": Namespace(ids.BASE + "sys/"),
    "list": Namespace(ids.BASE + "list/"),
    "brand": Namespace(ids.BASE + "brand/"),
    "region": Namespace(ids.BASE + "region/"),
    "report": Namespace(ids.BASE + "report/"),
    "mention": Namespace(ids.BASE + "mention/"),
    "evidence": Namespace(ids.BASE + "evidence/"),
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "owl": OWL._NS,
    "xsd": XSD._NS,
    "skos": SKOS._NS,
    "dcterms": DCTERMS._NS,
    "prov": PROV._NS,
    "org": ORG._NS,
    "schema": SCHEMA,
}


def zh(text: str) -> Literal:
    """A Chinese literal; a lone surrogate (not writable as UTF-8) becomes U+FFFD."""
    return Literal(replace_surrogates(text), lang="zh")


def plain(text: str) -> Literal:
    """A plain string literal, with lone surrogates replaced like ``zh``."""
    return Literal(replace_surrogates(text))


def bind_prefixes(g: Graph) -> None:
    """Bind kg's fixed prefix set, replacing rdflib's defaults."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def entity_iri(e: Entity) -> URIRef:
    return ids.entity_iri(e.type, e.canonical, e.scope)


def build_dataset(result: Extraction) -> Dataset:
    """The extraction as an RDF dataset: a shared graph plus one graph per report."""
    ds = Dataset()
    bind_prefixes(ds)
    shared = ds.graph(ids.SHARED_GRAPH)
    regions = _regions(d.info.place for d in result.documents)
    for region in regions.values():
        _add_region(shared, region)
    for e in result.entities:
        _add_entity(shared, e, regions)
    by_key = {e.key: e for e in result.entities}
    for d in result.documents:
        _add_report(ds.graph(ids.report_graph_iri(d.document.id)), d, by_key)
    return ds


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


def _add_region(g: Graph, r: Region) -> None:
    node = ids.region_iri(r.key)
    g.add((node, RDF.type, ROL.Region))
    g.add((node, RDFS.label, zh(r.name)))
    g.add((node, SKOS.prefLabel, zh(r.name)))
    g.add((node, ROL.divisionLevel, plain(r.level)))
    if r.code:
        g.add((node, SKOS.notation, plain(r.code)))
    if r.parent is not None:
        g.add((node, SCHEMA.containedInPlace, ids.region_iri(r.parent.key)))


def _add_entity(g: Graph, e: Entity, regions: dict[str, Region]) -> None:
    node = entity_iri(e)
    g.add((node, RDF.type, CLASS_OF[e.type]))
    g.add((node, RDFS.label, zh(e.canonical)))
    g.add((node, SKOS.prefLabel, zh(e.canonical)))
    for alt in e.alt_labels:
        if alt != e.canonical:
            g.add((node, SKOS.altLabel, zh(alt)))
    if e.scope and e.scope in regions:
        g.add((node, ROL.scope, ids.region_iri(e.scope)))


def _add_report(g: Graph, d: DocumentExtraction, by_key: dict[tuple[str, str, str], Entity]) -> None:
    doc, info = d.document, d.info
    report = ids.report_iri(doc.id)
    g.add((report, RDF.type, ROL.Report))
    g.add((report, DCTERMS.identifier, plain(doc.id)))
    if info.title:
        g.add((report, DCTERMS.title, zh(info.title)))
    if info.place is not None:
        g.add((report, ROL.place, ids.region_iri(info.place.key)))
    if info.year is not None:
        g.add((report, ROL.year, Literal(f"{info.year:04d}", datatype=XSD.gYear)))
    g.add((report, DCTERMS.type, plain(info.kind)))

    mentioned: dict[URIRef, None] = {}
    owner = {m: e for e in d.entities for m in e.mentions}
    for m in sorted(d.mentions, key=lambda m: (m.start, m.end)):
        ent = owner.get(m)
        if ent is None:
            continue
        target = entity_iri(by_key.get(ent.key, ent))
        mentioned.setdefault(target, None)
        node = ids.mention_iri(doc.id, m.start, m.end)
        g.add((target, ROL.hasMention, node))
        g.add((node, RDF.type, ROL.Mention))
        g.add((node, ROL.inReport, report))
        g.add((node, ROL.start, Literal(m.start, datatype=XSD.integer)))
        g.add((node, ROL.end, Literal(m.end, datatype=XSD.integer)))
        g.add((node, ROL.surfaceForm, zh(m.text)))
        g.add((node, ROL.sentence, zh(d.sentences[m.sent_index].text)))
        g.add((node, ROL.rule, plain(m.rule)))
    for target in mentioned:
        g.add((report, ROL.mentions, target))

    if d.author_key is not None and d.author_key in by_key:
        g.add((report, DCTERMS.publisher, entity_iri(by_key[d.author_key])))

    for r in d.relations:
        subj = by_key.get(r.subject)
        if subj is None:
            continue
        s = entity_iri(subj)
        p = PREDICATE[r.predicate.value]
        if isinstance(r.object, int):
            o: URIRef | Literal = Literal(r.object, datatype=XSD.integer)
            o_key = str(r.object)
        else:
            obj = by_key.get(r.object)
            if obj is None:
                continue
            o = entity_iri(obj)
            o_key = str(o)
        g.add((s, p, o))
        ev = ids.evidence_iri(doc.id, r.start, r.end, r.predicate.value, str(s), o_key)
        g.add((ev, RDF.type, ROL.RelationEvidence))
        g.add((ev, RDF.subject, s))
        g.add((ev, RDF.predicate, p))
        g.add((ev, RDF.object, o))
        g.add((ev, ROL.inReport, report))
        g.add((ev, ROL.start, Literal(r.start, datatype=XSD.integer)))
        g.add((ev, ROL.end, Literal(r.end, datatype=XSD.integer)))
        g.add((ev, ROL.sentence, zh(d.sentences[r.sent_index].text)))
        g.add((ev, ROL.implicit, Literal(r.implicit)))
        if r.rule:
            g.add((ev, ROL.rule, plain(r.rule)))
