"""Read graph files back into rdflib, for drawing and validation.

Errors name the file and the parser's position; TriG and N-Quads are read
as a dataset and their union returned, so every command sees the same
statements whatever format ``kg build`` wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GraphError
from kg.rdf.formats import format_of
from kg.rdf.terms import bind_prefixes


def read_graph(paths: Sequence[str | Path]) -> Graph:
    """The union of the graphs in ``paths`` as one rdflib Graph."""
    g = Graph()
    bind_prefixes(g)
    for raw in paths:
        path = Path(raw)
        f = format_of(path)
        fmt = f.rdflib
        try:
            if f.named_graphs:
                ds = Dataset()
                ds.parse(path, format=fmt)
                for s, p, o, _ in ds.quads((None, None, None, None)):
                    g.add((s, p, o))
            else:
                g.parse(path, format=fmt)
        except Exception as e:  # rdflib's parsers raise many unrelated types
            raise GraphError(f"{path}: not valid {fmt}: {e}") from None
    return g
