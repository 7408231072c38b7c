"""kg as a library: every command of the CLI as a function, with rdflib graphs and plain records.

A notebook works with the same decisions as ``kg`` on the command line::

    import kg
    result = kg.extract(["seeds/bohu-2023.txt"])    # in memory
    kg.mentions(result)[:3]                          # plain records, as kg extract writes them
    g = kg.graph(result)                             # an rdflib Graph (kg.dataset: a Dataset)
    kg.build(["seeds"], "output", formats=("ttl", "trig"))
    kg.query("SELECT ...", graphs=["output/graph.ttl"], fmt="json").raw

``extract`` reads reports in memory; ``build`` writes every output of
``kg build`` from files (streamed, any size); ``query``, ``stats``,
``export``, ``render``, ``validate`` and ``load`` read built graphs;
``explain`` says why a name was or was not found. ``tests/test_api.py``
runs the README's notebook example.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.corpus.build import BuildSummary, Progress
from kg.corpus.build import build as _build
from kg.corpus.options import BuildOptions, RunOptions
from kg.extraction.document import extract as _extract
from kg.extraction.explain import explain as _explain
from kg.extraction.explain import render as _render_explanation
from kg.extraction.records import mention_records, relation_records
from kg.io.read import DEFAULT_MAX_BYTES, read_document
from kg.model import Extraction
from kg.present.page import render as _render_page
from kg.present.propertygraph import export as _export
from kg.rdf.ontology import ValidationReport
from kg.rdf.ontology import validate as _validate
from kg.rdf.read import read_graph
from kg.rdf.serialize import serialize as _serialize
from kg.rdf.statements import build_dataset, union
from kg.sparql.compare import Comparison
from kg.sparql.compare import compare as _compare
from kg.sparql.load import Endpoint, LoadReport, read_graphs
from kg.sparql.load import load as _load
from kg.sparql.local import QueryResult
from kg.sparql.source import DEFAULT_OUT, GraphInput, ask, default_load_graph, open_local, read_query
from kg.sparql.stats import GraphStats, compute

__all__ = [
    "BuildOptions",
    "RunOptions",
    "build",
    "compare",
    "dataset",
    "explain",
    "export",
    "extract",
    "graph",
    "load",
    "mentions",
    "query",
    "read",
    "relations",
    "render",
    "serialize",
    "stats",
    "validate",
]

Paths = Sequence[str | Path]


def extract(paths: Paths, progress: Progress | None = None) -> Extraction:
    """Read and extract reports in memory: their documents, mentions, entities and relations."""
    return _extract(paths, progress)


def mentions(result: Extraction) -> list[dict[str, Any]]:
    """The entity mentions of an extraction as plain records (``kg extract``'s JSON objects)."""
    return mention_records(result)


def relations(result: Extraction) -> list[dict[str, Any]]:
    """The relations of an extraction as plain records (``kg extract --relations``)."""
    return relation_records(result)


def dataset(result: Extraction) -> Dataset:
    """The RDF of an extraction as an rdflib Dataset: one named graph per report, plus the shared graph."""
    return build_dataset(result)


def graph(result: Extraction) -> Graph:
    """The RDF of an extraction as one rdflib Graph (the union of ``dataset``)."""
    return union(build_dataset(result))


def serialize(result: Extraction, fmt: str = "ttl") -> str:
    """The text ``kg build`` writes as ``graph.<fmt>`` for these reports (ttl, nt, trig, nq, jsonld)."""
    ds = build_dataset(result)
    return _serialize(ds, union(ds), fmt)


def build(
    inputs: Paths = ("seeds",),
    out: str | Path = DEFAULT_OUT,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    **option: Any,
) -> BuildSummary:
    """``kg build``: extract the reports and write every output into ``out``.

    Options come as a ``BuildOptions`` or as its fields and ``RunOptions``'
    as keywords: ``kg.build(["seeds"], "out", formats=("ttl", "trig"), jobs=2)``.
    """
    if options is not None and option:
        raise TypeError("give a BuildOptions or keyword options, not both")
    return _build(inputs, out, options or BuildOptions.of(**option), progress)


def read(paths: Paths = ()) -> Graph:
    """Built graph files (any RDF format kg reads) as one rdflib Graph; default the latest build's."""
    return read_graph(GraphInput.of(paths).paths)


def query(
    sparql: str | None = None,
    *,
    name: str | None = None,
    file: str | Path | None = None,
    params: Mapping[str, str] | None = None,
    graphs: Paths = (),
    store: str | Path | None = None,
    endpoint: str | None = None,
    user: str | None = None,
    password: str | None = None,
    fmt: str = "table",
) -> QueryResult:
    """``kg query``: a read-only SPARQL query (text, ``file`` or a named query) on files, a store or an endpoint."""
    source = GraphInput.of(graphs, store, endpoint, user, password)
    return ask(read_query(sparql, file, name), source, params, fmt)


def stats(graphs: Paths = (), store: str | Path | None = None, top: int = 10) -> GraphStats:
    """``kg stats``: counts per class and relation, and the top entities."""
    return compute(open_local(GraphInput.of(graphs, store)), top=top)


def compare(
    by: str = "place",
    graphs: Paths = (),
    store: str | Path | None = None,
    *,
    reports: Sequence[str] | None = None,
    places: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
) -> Comparison:
    """``kg compare``: what each year of a place adds, drops and keeps (``by="year"``), or places × kinds.

    The result has ``to_csv()`` and ``to_json()``; ``kg.present.compare_page.render`` draws it.
    """
    source = open_local(GraphInput.of(graphs, store))
    return _compare(source, by, reports=reports, places=places, types=types)


def export(fmt: str, graphs: Paths = (), output: str | Path | None = None) -> list[Path]:
    """``kg export``: the property graph (graphml, gexf, or a Neo4j csv folder); returns the paths written."""
    return _export(GraphInput.of(graphs).paths, fmt, output)


def render(source: Graph | Paths, out: str | Path, **selection: Any) -> dict[str, Any]:
    """``kg viz``: the interactive page of a graph (an rdflib Graph or graph files); ``selection`` as ``kg viz``'s."""
    g = source if isinstance(source, Graph) else read(source)
    return _render_page(g, Path(out), **selection)


def validate(source: Graph | Paths = ()) -> ValidationReport:
    """``kg validate``: the SHACL report of a graph (an rdflib Graph or graph files) against kg's shapes."""
    return _validate(source if isinstance(source, Graph) else read(source))


def load(
    endpoint: str,
    path: str | Path | None = None,
    *,
    graph_iri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    protocol: str = "auto",
    update_endpoint: str | None = None,
) -> LoadReport:
    """``kg load``: send a graph file (default the build's TriG, else Turtle) to a triple store."""
    updater = Endpoint(update_endpoint, user, password) if update_endpoint else None
    graphs = read_graphs(path or default_load_graph(), graph_iri)
    return _load(graphs, Endpoint(endpoint, user, password), protocol, updater)


def explain(
    path: str | Path, name: str | None = None, sentence: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """``kg explain``: why kg found what it found in one report, as text."""
    return _render_explanation(_explain(read_document(path, max_bytes=max_bytes)), name, sentence)
