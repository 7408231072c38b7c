"""The RDF formats kg reads and writes: one table that every command and writer derives from.

``kg build --format``, the build's writers, the readers (Oxigraph for
``kg query``, ``stats`` and ``export``; rdflib for ``viz`` and
``validate``) and ``kg load`` all look formats up here, so a format is
added in one place and a missing file or an unknown suffix gets the same
message everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError, OutputError


@dataclass(frozen=True, slots=True)
class RdfFormat:
    """One RDF serialisation.

    ``key`` is the name on the command line and the suffix of the build's
    file (``graph.<key>``); ``suffixes`` the file suffixes read as it;
    ``rdflib`` and ``oxigraph`` its names for the two parsers; ``written``
    whether ``kg build`` can write it; ``streams`` whether the build writes
    it as a stream (never holding the corpus graph); ``named_graphs``
    whether it keeps each report's graph (TriG, N-Quads).
    """

    key: str
    name: str
    suffixes: tuple[str, ...]
    media_type: str
    oxigraph: ox.RdfFormat
    rdflib: str
    written: bool = True
    streams: bool = True
    named_graphs: bool = False


FORMATS: dict[str, RdfFormat] = {
    f.key: f
    for f in (
        RdfFormat("ttl", "Turtle", (".ttl", ".turtle"), "text/turtle", ox.RdfFormat.TURTLE, "turtle"),
        RdfFormat("nt", "N-Triples", (".nt",), "application/n-triples", ox.RdfFormat.N_TRIPLES, "nt"),
        RdfFormat(
            "trig", "TriG", (".trig",), "application/trig", ox.RdfFormat.TRIG, "trig", named_graphs=True
        ),
        RdfFormat(
            "nq",
            "N-Quads",
            (".nq",),
            "application/n-quads",
            ox.RdfFormat.N_QUADS,
            "nquads",
            named_graphs=True,
        ),
        RdfFormat(
            "jsonld", "JSON-LD", (".jsonld", ".json"), "application/ld+json", ox.RdfFormat.JSON_LD, "json-ld"
        ),
        RdfFormat(
            "rdfxml",
            "RDF/XML",
            (".rdf", ".xml"),
            "application/rdf+xml",
            ox.RdfFormat.RDF_XML,
            "xml",
            written=False,
            streams=False,
        ),
    )
}

#: The formats ``kg build`` writes, in the order of ``kg build --help``.
WRITTEN: tuple[str, ...] = tuple(k for k, f in FORMATS.items() if f.written)

_BY_SUFFIX = {suffix: f for f in FORMATS.values() for suffix in f.suffixes}


def written_format(key: str) -> RdfFormat:
    """The format ``kg build`` writes under ``key``; GraphError naming the choices otherwise."""
    f = FORMATS.get(key)
    if f is None or not f.written:
        raise OutputError(f"unknown RDF format {key!r}: use one of {', '.join(WRITTEN)}")
    return f


def format_of(path: str | Path, build_hint: str = "kg build") -> RdfFormat:
    """The format of an existing graph file, by its suffix.

    Raises GraphError naming the file when it is missing or its suffix is unknown.
    """
    file = Path(path)
    if not file.is_file():
        raise GraphError(f"{file}: no such graph file (run `{build_hint}` first, or pass --graph)")
    f = _BY_SUFFIX.get(file.suffix.lower())
    if f is None:
        raise GraphError(f"{file}: unknown RDF format (use .ttl, .nt, .trig, .nq or .jsonld)")
    return f
