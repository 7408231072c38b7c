"""Which RDF format a graph file holds, judged by its suffix, and one check for all readers.

``kg query``, ``kg load``, ``kg viz`` and ``kg validate`` read graph files
with different parsers (Oxigraph or rdflib); they share this check so a
missing file or an unknown suffix gets the same message everywhere.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import GraphError

SUFFIXES = {
    ".ttl": "ttl",
    ".turtle": "ttl",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nq",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "rdfxml",
    ".xml": "rdfxml",
}


def graph_file_format(path: str | Path, build_hint: str = "kg build") -> str:
    """The format key (ttl, nt, trig, nq, jsonld, rdfxml) of an existing graph file.

    Raises GraphError naming the file when it is missing or its suffix is unknown.
    """
    file = Path(path)
    if not file.is_file():
        raise GraphError(f"{file}: no such graph file (run `{build_hint}` first, or pass --graph)")
    fmt = SUFFIXES.get(file.suffix.lower())
    if fmt is None:
        raise GraphError(f"{file}: unknown RDF format (use .ttl, .nt, .trig, .nq or .jsonld)")
    return fmt
