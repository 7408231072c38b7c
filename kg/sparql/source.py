"""Where a reading command's graph comes from: graph files, a kg store or a SPARQL endpoint.

``GraphInput`` names one source; ``open_local`` gives an Oxigraph store
for files or a store, and ``ask`` runs a query (given, read from a file or
named) on any source. The CLI and ``kg.api`` share them, so the default
graph and the choice between sources are decided in one place.

The default graph is the latest build's: ``kg build`` records what it wrote
in ``output/manifest.json`` (``MANIFEST``), and a reading command given no
graph reads the graph file that manifest names, never a file an earlier
build left (``default_graph``; ``kg load`` prefers the build's TriG or
N-Quads, which keep one graph per report: ``default_load_graph``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError, QueryError
from kg.rdf.store import open_store
from kg.sparql import named as named_queries
from kg.sparql.load import Endpoint, kg_graphs, remote_query, select
from kg.sparql.local import QueryResult, load_store, run

#: The folder ``kg build`` writes by default, and the graph the reading commands read by default.
DEFAULT_OUT = Path("output")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.ttl"
#: The file in the output folder where ``kg build`` records what it wrote.
MANIFEST = "manifest.json"
#: Which of a build's graph files a reading command reads: the first written of these.
READ_ORDER = ("ttl", "nt", "nq", "trig", "jsonld")
#: Which one ``kg load`` sends: one graph per report first.
LOAD_ORDER = ("trig", "nq", "ttl", "nt", "jsonld")


@dataclass(frozen=True, slots=True)
class LatestBuild:
    """What the manifest of an output folder says about the build that wrote it."""

    folder: Path
    formats: tuple[str, ...]
    time: str

    def graph(self, order: Sequence[str] = READ_ORDER) -> Path | None:
        """The build's graph file of the first format of ``order`` it wrote (None: it wrote none)."""
        for fmt in order:
            if fmt in self.formats:
                return self.folder / f"graph.{fmt}"
        return None


def latest_build(out: str | Path = DEFAULT_OUT) -> LatestBuild | None:
    """The build recorded in ``out``'s manifest; None when there is none (no build, or kg before manifests)."""
    path = Path(out) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        formats = tuple(str(f) for f in data["formats"])
        time = str(data.get("time", ""))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GraphError(f"{path}: not a kg build manifest ({e}); run kg build again") from None
    return LatestBuild(Path(out), formats, time)


@dataclass(frozen=True, slots=True)
class DefaultGraph:
    """The graph file a command reads when given none, and what to tell the user about it (or None)."""

    path: Path
    note: str | None = None


def default_graph(out: str | Path = DEFAULT_OUT, order: Sequence[str] = READ_ORDER) -> DefaultGraph:
    """The latest build's graph file in ``out``, in the first format of ``order`` that it wrote.

    Without a manifest (nothing built yet, or a build by an older kg), the
    first graph file of ``order`` that exists, else ``graph.ttl``. The note
    names the file whenever it is not ``DEFAULT_GRAPH``.
    """
    folder = Path(out)
    build = latest_build(folder)
    chosen = build.graph(order) if build is not None else None
    if chosen is None:
        existing = [folder / f"graph.{fmt}" for fmt in order if (folder / f"graph.{fmt}").is_file()]
        chosen = existing[0] if existing else folder / "graph.ttl"
        if chosen == DEFAULT_GRAPH or not existing:
            return DefaultGraph(chosen)
        return DefaultGraph(chosen, f"reading {chosen} (no {folder / MANIFEST}: the newest build unknown)")
    if chosen == DEFAULT_GRAPH:
        return DefaultGraph(chosen)
    when = f", {build.time}" if build is not None and build.time else ""
    return DefaultGraph(chosen, f"reading {chosen} (the latest build's graph{when})")


@dataclass(frozen=True, slots=True)
class GraphInput:
    """One source of statements: graph ``files``, a kg ``store`` folder, or an ``endpoint``.

    With none given, the files are the latest build's graph (``default_graph``).
    """

    files: tuple[Path, ...] = ()
    store: Path | None = None
    endpoint: Endpoint | None = None
    #: What to tell the user about the file read, when ``of`` chose a default other than ``DEFAULT_GRAPH``.
    note: str | None = None

    def __post_init__(self) -> None:
        if sum(bool(x) for x in (self.files, self.store, self.endpoint)) > 1:
            raise QueryError("query one source: --graph files, a --store folder or an --endpoint")

    @classmethod
    def of(
        cls,
        graphs: Sequence[str | Path] | None = None,
        store: str | Path | None = None,
        endpoint: str | None = None,
        user: str | None = None,
        password: str | None = None,
    ) -> GraphInput:
        """The source the options name (the CLI's ``--graph``, ``--store``, ``--endpoint``).

        With none of them, the latest build's graph, looked up once (``default_graph``).
        """
        if not graphs and store is None and endpoint is None:
            chosen = default_graph()
            return cls(files=(chosen.path,), note=chosen.note)
        return cls(
            files=tuple(Path(g) for g in graphs or ()),
            store=Path(store) if store is not None else None,
            endpoint=Endpoint(endpoint, user, password) if endpoint is not None else None,
        )

    @property
    def paths(self) -> tuple[Path, ...]:
        """The graph files to read: those given, else the latest build's graph."""
        return self.files or (default_graph().path,)


def open_local(source: GraphInput) -> ox.Store:
    """An Oxigraph store of a local source: the store folder, or the files loaded in memory."""
    if source.endpoint is not None:
        raise QueryError(f"{source.endpoint.url}: this command reads local graphs; use --graph or --store")
    if source.store is not None:
        return open_store(source.store)
    return load_store(source.paths)


def read_query(
    sparql: str | None = None, file: str | Path | None = None, name: str | None = None
) -> str | named_queries.NamedQuery:
    """The query given in one of three ways: as text, in a ``.rq`` file, or by a named query's name."""
    if sum(x is not None for x in (sparql, file, name)) != 1:
        raise QueryError("give one query: as an argument, with -f FILE.rq, or with --name NAME (see --list)")
    if name is not None:
        return named_queries.get(name)
    if file is not None:
        try:
            return Path(file).read_text(encoding="utf-8")
        except OSError:
            raise QueryError(f"{file}: cannot read the query file") from None
    assert sparql is not None
    return sparql


def ask(
    query: str | named_queries.NamedQuery,
    source: GraphInput | None = None,
    params: Mapping[str, str] | None = None,
    fmt: str = "table",
) -> QueryResult:
    """Run a read-only query (text or a named query with its ``params``) on ``source``.

    A named query on an endpoint reads only kg's graphs there. A parameter
    naming an entity (kind ``label``) accepts any name the graph knows for
    it, canonical or alternative (``resolve_names``).
    """
    source = source or GraphInput()
    named = query if isinstance(query, named_queries.NamedQuery) else None
    if params and named is None:
        raise QueryError("--param needs --name: only named queries take parameters")
    values = dict(params or {})
    if source.endpoint is not None:
        endpoint = source.endpoint
        sparql = query if isinstance(query, str) else None
        if named is not None:
            found = kg_graphs(endpoint)
            if not found:
                raise QueryError(f"{endpoint.url}: holds no kg graphs (load them with `kg load` first)")
            values = resolve_names(
                named, values, lambda q: [row[0] for row in select(endpoint, q)[1]], graphs=found
            )
            sparql = named_queries.render(named, values, graphs=found)
        assert sparql is not None
        return remote_query(endpoint, sparql, fmt)
    store = open_local(source)
    if named is None:
        return run(str(query), store, fmt)
    values = resolve_names(named, values, lambda q: [row[0] for row in run(q, store).rows])
    return run(named_queries.render(named, values), store, fmt)


def resolve_names(
    query: named_queries.NamedQuery,
    values: Mapping[str, str],
    lookup: Callable[[str], Sequence[object]],
    graphs: Sequence[str] | None = None,
) -> dict[str, str]:
    """``values`` with each entity name replaced by the canonical name of the entity it names.

    ``lookup`` runs a query and returns its first column. A canonical name
    (rdfs:label) is kept; an alternative one (skos:altLabel: 县司法局) becomes
    the canonical name of the one entity that goes by it; a name several
    entities go by raises ``AmbiguousNameError`` listing them; a name no
    entity goes by is kept (the query then finds nothing).
    """
    out = dict(values)
    for key, name in values.items():
        param = query.param(key)
        if param.kind != "label" or not name.strip():
            continue
        exact = [_text(t) for t in lookup(named_queries.name_lookup(param, name, "label", graphs))]
        known = (
            []
            if exact
            else [_text(t) for t in lookup(named_queries.name_lookup(param, name, "altLabel", graphs))]
        )
        chosen = named_queries.choose(name, exact, known, where=f"--param {key}=")
        if chosen is not None:
            out[key] = chosen
    return out


def _text(term: object) -> str:
    return term.value if isinstance(term, ox.Literal) else str(term)


def default_load_graph(out: Path = DEFAULT_OUT) -> Path:
    """The graph ``kg load`` sends by default: the latest build's TriG or N-Quads (one graph per
    report) if it wrote one, else its Turtle (``default_graph`` with ``LOAD_ORDER``)."""
    return default_graph(out, LOAD_ORDER).path
