"""kg's namespaces and prefixes, the IRIs of its classes and relations, and its terms.

One fixed prefix set serves every writer and reader (``PREFIXES``); Turtle
and TriG leave out the two whose local names always hold a "/"
(``kg_prefixes``). Literals are made by ``zh`` and ``plain``, which replace
lone surrogates so that every literal can be written as UTF-8, and
``to_ox`` gives the Oxigraph term of an rdflib one (kg graphs have no blank
nodes).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV
from rdflib.term import Node

from kg.errors import OutputError
from kg.model import ONTOLOGY, EntityType, Predicate, replace_surrogates
from kg.rdf import ids
from kg.rdf.vocab import ROL

SCHEMA = Namespace("https://schema.org/")

#: The class of each entity type (``kg.model.EntityType``), from the closed vocabulary.
CLASS_OF: dict[EntityType, URIRef] = {t: ROL[t.english] for t in EntityType}

#: The property of each relation (``kg.model.Predicate``), by its name.
PREDICATE: dict[str, URIRef] = {p.value: ROL[p.value] for p in Predicate}

PREFIXES = {
    "rol": Namespace(ONTOLOGY),
    **{t.segment: Namespace(f"{ids.BASE}{t.segment}/") for t in EntityType},
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


#: Prefixes left out of Turtle and TriG: every local name under them holds a "/" (report
#: id / offsets), which a prefixed name would need to escape; full IRIs are written instead.
_SLASHED = frozenset({"mention", "evidence"})


def kg_prefixes() -> dict[str, str]:
    """kg's prefixes for Turtle and TriG, sorted (Oxigraph declares every prefix it is given)."""
    return {p: str(ns) for p, ns in sorted(PREFIXES.items()) if p not in _SLASHED}


def to_ox(t: Node) -> ox.NamedNode | ox.Literal:
    """The Oxigraph term for an rdflib IRI or literal (kg graphs have no blank nodes)."""
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        datatype = t.datatype
        if datatype is None:
            return ox.Literal(str(t))
        node = _DATATYPES.get(datatype)
        if node is None:
            node = ox.NamedNode(str(datatype))
            if len(_DATATYPES) < 64:  # kg uses a handful; a foreign graph must not grow it unbounded
                _DATATYPES[datatype] = node
        return ox.Literal(str(t), datatype=node)
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    raise OutputError(f"cannot serialise {t!r}: kg graphs have no blank nodes")


#: Datatype IRIs as Oxigraph nodes, made once: nearly every literal kg writes has one of a few.
_DATATYPES: dict[URIRef, ox.NamedNode] = {}
