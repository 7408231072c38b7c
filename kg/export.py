"""Serialise graphs to files, deterministically and atomically.

Turtle, N-Triples and JSON-LD carry the union of the dataset; TriG and
N-Quads keep one named graph per report plus the shared graph. rdflib writes
Turtle (sorted subjects, compact); TriG and JSON-LD go through Oxigraph's
serialiser over sorted statements, because rdflib orders named graphs and
JSON-LD nodes by hash; line formats are sorted. So the same graph always
gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import OutputError
from kg.io.write import write_text

FORMATS = ("ttl", "nt", "trig", "nq", "jsonld")


def serialize(ds: Dataset, graph: Graph, fmt: str) -> str:
    """The text of ``fmt`` for the dataset (trig, nq) or its union (others)."""
    if fmt == "ttl":
        return plain_pnames(graph.serialize(format="turtle"), _prefixes(graph))
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "nq":
        return _sorted_lines(ds.serialize(format="nquads"))
    if fmt == "trig":
        quads = sorted(
            dataset_quads(ds),
            key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)),
        )
        prefixes = _prefixes(graph)
        return plain_pnames(
            ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes).decode("utf-8"), prefixes
        )
    if fmt == "jsonld":
        triples = sorted((ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph), key=str)
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD).decode("utf-8") + "\n"
    raise OutputError(f"unknown RDF format {fmt!r}: use one of {', '.join(FORMATS)}")


def write_rdf(ds: Dataset, graph: Graph, path: Path, fmt: str) -> Path:
    write_text(path, serialize(ds, graph, fmt))
    return path


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


def _prefixes(graph: Graph) -> dict[str, str]:
    """kg's own prefixes only: Oxigraph writes every prefix it is given, used or not."""
    from kg.graph import PREFIXES

    bound = {p: str(ns) for p, ns in graph.namespaces() if p}
    return {p: bound.get(p, str(ns)) for p, ns in sorted(PREFIXES.items())}


_PNAME = re.compile(r"([A-Za-z][A-Za-z0-9_.-]*)?:((?:\\[^\s]|[^\s\\;,])*)")
_BEFORE_TERM = " \t\n;,([{^"


def plain_pnames(text: str, prefixes: dict[str, str]) -> str:
    """Write prefixed names that need backslash escapes (``mention:r\\/1-2``) as full IRIs.

    Such escapes are legal Turtle, but Virtuoso 7.2 keeps the backslash in
    the IRI, so ``inst:x\\(y\\)`` loaded there is a different resource. Full
    IRIs read the same everywhere. Literals and IRIs are skipped as they are.
    """
    if "\\" not in text:
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            j = min(j + len(quote), n)
            out.append(text[i:j])
            i = j
            continue
        if c == "<":
            j = text.find(">", i) + 1 or n
            out.append(text[i:j])
            i = j
            continue
        m = _PNAME.match(text, i) if (i == 0 or text[i - 1] in _BEFORE_TERM) else None
        if m and "\\" in m.group(2) and (m.group(1) or "") in prefixes:
            local = m.group(2)
            if local.endswith(".") and not local.endswith("\\."):
                local = local[:-1]
            iri = prefixes[m.group(1) or ""] + re.sub(r"\\(.)", r"\1", local)
            out.append(f"<{iri}>")
            i = m.start(2) + len(local)
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _sorted_lines(text: str) -> str:
    return "\n".join(sorted(line for line in text.splitlines() if line.strip())) + "\n"


def to_ox(t: Node) -> ox.NamedNode | ox.Literal:
    """The Oxigraph term for an rdflib IRI or literal (kg graphs have no blank nodes)."""
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)) if t.datatype else None)
    raise OutputError(f"cannot serialise {t!r}: kg graphs have no blank nodes")
