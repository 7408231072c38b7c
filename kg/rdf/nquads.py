"""kg's statements as sorted N-Quads lines, the form a streaming build merges.

Each report's share of the graph becomes sorted, distinct N-Quads lines
(``extraction_nquads``) in Oxigraph's canonical escaping, so the sorted
union of every report's lines is the corpus graph's N-Quads, and the
N-Triples of the union follow line by line (``triple_lines``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg.rdf.statements import statements_by_graph
from kg.rdf.terms import to_ox

if TYPE_CHECKING:
    from rdflib.term import Node

    from kg.model import Extraction


def dataset_quads(ds: Dataset) -> Iterator[ox.Quad]:
    """The statements of every named graph of ``ds`` as Oxigraph quads (kg puts none in the default graph)."""
    for g in _named(ds):
        name = to_ox(g.identifier)
        for s, p, o in g:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), name)


def _named(ds: Dataset) -> list[Graph]:
    return sorted(
        (g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)),
        key=lambda g: str(g.identifier),
    )


def nquads_lines(ds: Dataset) -> bytes:
    """The dataset's statements as sorted, distinct N-Quads lines (Oxigraph's canonical escaping)."""
    lines = {f"{q} .\n".encode() for q in dataset_quads(ds)}
    return b"".join(sorted(lines))


def extraction_nquads(result: Extraction) -> bytes:
    """``nquads_lines(build_dataset(result))``, the same bytes, from the statements without an rdflib Dataset.

    Each distinct term is written once (``kg.rdf.terms.to_ox``, Oxigraph's
    escaping) and its text reused: a report repeats its IRIs, sentences and
    offsets many times. A line is Oxigraph's ``Quad`` text: the four terms
    separated by spaces.
    """
    text: dict[Node, str] = {}

    def term(t: Node) -> str:
        s = text.get(t)
        if s is None:
            s = text[t] = str(to_ox(t))
        return s

    lines: set[bytes] = set()
    for graph, triples in statements_by_graph(result).items():
        g = f" {term(graph)} .\n"
        lines.update(f"{term(s)} {term(p)} {term(o)}{g}".encode() for s, p, o in triples)
    return b"".join(sorted(lines))


def graph_of(line: bytes) -> bytes:
    """The graph IRI term of a kg N-Quads line (kg writes every statement in a named graph)."""
    return line[line.rindex(b" <", 0, len(line) - 3) + 1 : line.rindex(b">") + 1]


def triple_lines(quad_lines: Iterable[bytes]) -> Iterator[bytes]:
    """N-Triples lines of the union of sorted kg N-Quads lines: graphs dropped, repeats too.

    Sorted quads keep a triple's copies in different graphs next to each
    other (they share the line up to the graph), and the triples come out
    in the order of sorted N-Triples lines.
    """
    previous = b""
    for line in quad_lines:
        triple = line[: line.rindex(b" <", 0, len(line) - 3)]
        if triple != previous:
            yield triple + b" .\n"
            previous = triple
