"""The ``kg`` command line: a thin Typer layer over the library.

Each command parses its options and calls one library function. Errors a
user can cause arrive as ``KgError`` and leave as one red line on stderr
with exit code 1; usage errors keep Typer's exit code 2.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Column, Table

from kg.corpus.build import build as run_build
from kg.corpus.build import kg_version, write_records
from kg.corpus.collect import NoReadableInputError, gather
from kg.corpus.options import ENGINES, BuildOptions, RunOptions
from kg.errors import KgError, QueryError
from kg.extraction.explain import explain as explain_document
from kg.extraction.explain import render as render_explanation
from kg.io.read import parse_size, read_document
from kg.io.write import atomic_write
from kg.model import EntityType, Predicate, entity_types_text
from kg.present.compare_page import render as render_comparison
from kg.present.compare_page import sections as comparison_sections
from kg.present.page import render as render_page
from kg.present.propertygraph import PG_FORMATS
from kg.present.propertygraph import export as run_export
from kg.rdf.formats import WRITTEN
from kg.rdf.ontology import validate as run_validate
from kg.rdf.read import read_graph
from kg.sparql.compare import compare as run_compare
from kg.sparql.load import Endpoint, read_graphs
from kg.sparql.load import load as run_load
from kg.sparql.local import format_table
from kg.sparql.named import all_queries, describe, parse_assignments
from kg.sparql.source import (
    DEFAULT_OUT,
    GraphInput,
    ask,
    default_load_graph,
    open_local,
    read_query,
)
from kg.sparql.stats import RelationCount, compute

app = typer.Typer(
    help="Knowledge graphs from Chinese rule-of-law (法治政府建设) reports: extract, build, query, draw.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"kg {kg_version()}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print kg's version and exit."),
    ] = False,
) -> None:
    pass


def _user_errors(func: F) -> F:
    """Turn a KgError into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as e:
            typer.secho(f"error: {e}", fg=typer.colors.RED, err=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


#: The RDF formats kg build writes (kg.rdf.formats), as the choices of --format.
RdfFormat = StrEnum("RdfFormat", {key: key for key in WRITTEN})  # type: ignore[misc]


class LoadProtocol(StrEnum):
    auto = "auto"
    gsp = "gsp"
    update = "update"


PgFormat = StrEnum("PgFormat", {name: name for name in PG_FORMATS})  # type: ignore[misc]


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


GraphOption = Annotated[
    Path | None,
    typer.Option(
        "--graph",
        "-g",
        help="Graph file to read (Turtle, N-Triples, TriG, N-Quads or JSON-LD). "
        "Default: the latest build's graph in output/ (see output/manifest.json).",
    ),
]


def _source(graphs: list[Path] | None = None, store: Path | None = None, **remote: Any) -> GraphInput:
    """The graph input the options name; says on stderr which file is read when it is a default other than output/graph.ttl."""
    source = GraphInput.of(graphs, store, **remote)
    if source.note:
        typer.secho(source.note, fg=typer.colors.YELLOW, err=True)
    return source


Engine = StrEnum("Engine", {name: name for name in ENGINES})  # type: ignore[misc]


def _size(text: str) -> int:

    try:
        return parse_size(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Processes working on reports in parallel. Default: all cores."),
]
MaxSizeOption = Annotated[
    int,
    typer.Option(
        "--max-size",
        parser=_size,
        metavar="SIZE",
        help="Refuse report files larger than this (50MB, 500kB, 2GB or bytes).",
    ),
]
StrictOption = Annotated[
    bool,
    typer.Option("--strict", help="Stop at the first unreadable file instead of leaving it out."),
]


def _report_failures(failures: Any) -> None:
    """One red line per file that could not be read; exit 1 when there was any."""
    for failure in failures:
        typer.secho(f"error: {failure.reason}", fg=typer.colors.RED, err=True)
    if failures:
        raise typer.Exit(1)


@app.command()
@_user_errors
def build(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report files, or folders of reports (.txt, .html, .htm, .docx, .pdf). Default: ./seeds/."
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for graph.ttl, graph.html and mentions.jsonl.")
    ] = DEFAULT_OUT,
    formats: Annotated[
        list[RdfFormat] | None,
        typer.Option(
            "--format",
            "-f",
            help="RDF format(s) to write as graph.<format>; repeat for several. Default: ttl.",
        ),
    ] = None,
    html: Annotated[bool, typer.Option("--html/--no-html", help="Also draw graph.html.")] = True,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Also write a persistent Oxigraph store in this folder (query it with kg query --store).",
        ),
    ] = None,
    jobs: JobsOption = None,
    engine: Annotated[
        Engine,
        typer.Option(help="local: processes on this machine; dask: a Dask cluster (see --scheduler)."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786) for --engine dask; "
            "default: a local cluster of --jobs workers."
        ),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache", help="Reuse the results of unchanged reports from earlier builds."
        ),
    ] = True,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", help="Where to keep those results. Default: OUT/.cache."),
    ] = None,
    strict: StrictOption = False,
    max_size: MaxSizeOption = "50MB",  # type: ignore[assignment]
    html_entities: Annotated[
        int, typer.Option(min=1, help="graph.html draws at most this many entities, the most mentioned.")
    ] = 500,
    html_mentions: Annotated[
        int,
        typer.Option(min=1, help="graph.html shows at most this many sentences per entity and per relation."),
    ] = 20,
) -> None:
    """Extract every report and write the graph, its HTML view and the mentions."""

    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    sources = list(inputs) if inputs else None
    options = BuildOptions(
        formats=tuple(f.value for f in formats) if formats else ("ttl",),
        html=html,
        store=store,
        cache=cache,
        cache_dir=cache_dir,
        html_entities=html_entities,
        html_mentions=html_mentions,
        run=RunOptions(
            jobs=jobs, engine=engine.value, scheduler=scheduler, max_bytes=max_size, strict=strict
        ),
    )
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description:<24}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:

        def step(what: str) -> None:
            bar.update(task, description=what)
            bar.advance(task)

        try:
            files = gather(sources, strict).files
            task = bar.add_task("reading", total=len(files) + len(options.phases()))
            summary = run_build(sources, out, options, progress=step)
        except NoReadableInputError as e:
            bar.stop()
            _report_failures(e.failures)
            raise
    _print_summary(summary)
    _report_failures(summary.failures)


def _print_summary(summary: Any) -> None:

    table = Table(title="kg build", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents", str(summary.documents))
    table.add_row("  from cache", str(summary.cached))
    for etype in EntityType:
        table.add_row(f"entities: {etype.value}", str(summary.entities.get(etype.value, 0)))
    table.add_row("triples", str(summary.triples))
    console = Console()
    console.print(table)
    console.print(_relations_table(summary.relations))
    for path in summary.outputs:
        console.print(f"wrote {path}")
    for path in summary.removed:
        console.print(f"removed {path} (an earlier build's; this one did not write it)")
    for path in summary.skipped:
        console.print(f"skipped {path} (not a report: .txt, .html, .htm, .docx or .pdf)")


@app.command()
@_user_errors
def extract(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Report files, or folders of reports (.txt, .html, .htm, .docx, .pdf)."),
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here instead of stdout.")
    ] = None,
    relations: Annotated[
        bool,
        typer.Option("--relations", help="One object per relation (doc, p, s, o, sentence, start, end)."),
    ] = False,
    jobs: JobsOption = None,
    strict: StrictOption = False,
    max_size: MaxSizeOption = "50MB",  # type: ignore[assignment]
) -> None:
    """Extract entity mentions (or relations) as JSON Lines, one object per line."""

    run = RunOptions(jobs=jobs, strict=strict, max_bytes=max_size)
    try:
        if output is None:
            failures = write_records(inputs, sys.stdout.buffer, relations, run)
            sys.stdout.flush()
        else:
            with atomic_write(output, "wb") as f:
                failures = write_records(inputs, f, relations, run)
    except NoReadableInputError as e:
        _report_failures(e.failures)
        raise
    _report_failures(failures)


@app.command()
@_user_errors
def explain(
    file: Annotated[Path, typer.Argument(help="One report (.txt, .html, .htm, .docx, .pdf).")],
    name: Annotated[
        str | None,
        typer.Option("--name", "-n", help="Explain this name: every rule, filter and merge on it."),
    ] = None,
    sentence: Annotated[
        str | None,
        typer.Option(
            "--sentence", "-s", help="Explain the sentences that contain this text: candidates, relations."
        ),
    ] = None,
    max_size: MaxSizeOption = "50MB",  # type: ignore[assignment]
) -> None:
    """Why kg found what it found in a report: who wrote it, and for a name or a sentence
    every candidate a rule proposed, what dropped it, its canonical name and entity, and
    the relations (cue, actor and how it was chosen)."""

    typer.echo(
        render_explanation(explain_document(read_document(file, max_bytes=max_size)), name, sentence),
        nl=False,
    )


@app.command()
@_user_errors
def query(
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query (or use -f or --name).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Run a named query shipped with kg (see --list).")
    ] = None,
    params: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="key=value for a named query's parameter; repeatable."),
    ] = None,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the named queries and their parameters, then exit.")
    ] = False,
    graphs: Annotated[
        list[Path] | None, typer.Option("--graph", "-g", help="Graph file(s) to query; repeat for several.")
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option("--store", help="Query a store written by kg build --store, without parsing files."),
    ] = None,
    endpoint: Annotated[
        str | None,
        typer.Option(
            "--endpoint",
            help="Query a SPARQL endpoint instead (for example http://localhost:8890/sparql); "
            "named queries then read only kg's graphs on it.",
        ),
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="User name for --endpoint.")] = None,
    password: Annotated[
        str | None, typer.Option("--password", envvar="KG_PASSWORD", help="Password for --endpoint.")
    ] = None,
    fmt: Annotated[
        ResultFormat,
        typer.Option("--format", help="table for people; csv, tsv or json (W3C SPARQL results) for tools."),
    ] = ResultFormat.table,
) -> None:
    """Run a read-only SPARQL query; kg's prefixes (rol:, inst:, sys:, skos:, …) are predeclared."""

    if list_queries:
        _print_named_queries()
        return
    if params and name is None:
        raise QueryError("--param needs --name: only named queries take parameters")
    source = _source(graphs, store, endpoint=endpoint, user=user, password=password)
    result = ask(read_query(sparql, file, name), source, parse_assignments(params or []), fmt.value)
    if fmt is ResultFormat.table:
        sys.stdout.write(format_table(result))
    else:
        sys.stdout.buffer.write(result.raw)
        sys.stdout.flush()


def _print_named_queries() -> None:

    table = Table(title="named queries (kg query --name NAME [--param key=value])")
    table.add_column("name", no_wrap=True)
    table.add_column("what it answers")
    table.add_column("parameters")
    for q in all_queries():
        table.add_row(q.name, q.description, describe(q))
    Console().print(table)


@app.command()
@_user_errors
def load(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            help="Graph Store endpoint (Oxigraph http://HOST:7878/store, Virtuoso "
            "http://HOST:8890/sparql-graph-crud-auth) or SPARQL Update endpoint.",
        ),
    ],
    graph: Annotated[
        Path | None,
        typer.Option(
            "--graph",
            "-g",
            help="Graph file to load. Default: the latest build's graph.trig or graph.nq (one graph per report), "
            "else its graph.ttl.",
        ),
    ] = None,
    graph_iri: Annotated[
        str | None,
        typer.Option("--graph-iri", help="Load everything into this one graph instead of kg's graphs."),
    ] = None,
    user: Annotated[str | None, typer.Option("--user", help="User name (HTTP Digest or Basic).")] = None,
    password: Annotated[
        str | None, typer.Option("--password", envvar="KG_PASSWORD", help="Password (or set KG_PASSWORD).")
    ] = None,
    protocol: Annotated[
        LoadProtocol,
        typer.Option(help="auto: Graph Store Protocol, falling back to SPARQL Update when the URL needs it."),
    ] = LoadProtocol.auto,
    update_endpoint: Annotated[
        str | None,
        typer.Option(
            "--update-endpoint",
            help="SPARQL Update endpoint for the switch to the new graphs (and the fallback upload). Default: the one beside --endpoint (/store → /update, /sparql-graph-crud-auth → /sparql-auth).",
        ),
    ] = None,
) -> None:
    """Load the graph into a running triple store; loading the same graph again replaces it."""

    graph = graph or default_load_graph()
    ep = Endpoint(endpoint, user, password)
    updater = Endpoint(update_endpoint, user, password) if update_endpoint else None
    report = run_load(read_graphs(graph, graph_iri), ep, protocol.value, updater)
    how = "Graph Store Protocol" if report.protocol == "gsp" else "SPARQL Update"
    n = len(report.graphs)
    typer.echo(
        f"loaded {report.triples} triples from {graph} into {n} graph{'s' if n != 1 else ''} "
        f"at {report.endpoint} ({how})"
    )


@app.command()
@_user_errors
def export(
    fmt: Annotated[
        PgFormat,
        typer.Option("--format", help="graphml or gexf (one file), or csv (Neo4j bulk-import folder)."),
    ],
    graphs: Annotated[
        list[Path] | None, typer.Option("--graph", "-g", help="Graph file(s) to read; repeatable.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="File to write (folder for csv). Default: output/graph.graphml, output/graph.gexf, output/neo4j/.",
        ),
    ] = None,
) -> None:
    """Export the graph for property-graph tools (Gephi, yEd, Neo4j), with the RDF's IRIs and labels."""

    for path in run_export(_source(graphs).paths, fmt.value, output):
        typer.echo(f"wrote {path}")


@app.command()
@_user_errors
def viz(
    graph: GraphOption = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = DEFAULT_OUT
    / "graph.html",
    focus: Annotated[
        str | None, typer.Option(help="Draw only the neighbourhood of this entity (any of its names).")
    ] = None,
    depth: Annotated[int, typer.Option(min=0, help="Hops around --focus.")] = 1,
    types: Annotated[
        list[str] | None,
        typer.Option("--type", help=f"Keep only these entity types ({entity_types_text()}); repeatable."),
    ] = None,
    report: Annotated[
        str | None, typer.Option(help="Keep only entities this report mentions (its id, the file stem).")
    ] = None,
    top: Annotated[
        int | None, typer.Option(min=1, help="Keep the N entities with the highest degree.")
    ] = None,
) -> None:
    """Draw the graph as an interactive HTML page that works offline."""

    summary = render_page(
        read_graph(_source([graph] if graph else None).paths),
        output,
        focus=focus,
        depth=depth,
        types=types,
        report=report,
        top=top,
    )
    typer.echo(f"wrote {output} ({summary.get('nodes', 0)} nodes, {summary.get('edges', 0)} edges)")


class CompareBy(StrEnum):
    year = "year"
    place = "place"


class CompareFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
@_user_errors
def compare(
    graph: GraphOption = None,
    by: Annotated[
        CompareBy,
        typer.Option(
            help="year: what each year of a place adds, drops and keeps; place: places × kinds of things."
        ),
    ] = CompareBy.place,
    reports: Annotated[
        list[str] | None, typer.Option("--report", help="Compare only these reports (ids); repeatable.")
    ] = None,
    places: Annotated[
        list[str] | None,
        typer.Option("--place", help="Compare only reports about this place or a place in it; repeatable."),
    ] = None,
    types: Annotated[
        list[str] | None,
        typer.Option("--type", help=f"Keep only these entity types ({entity_types_text()}); repeatable."),
    ] = None,
    fmt: Annotated[
        CompareFormat, typer.Option("--format", help="table for people; csv or json for other tools.")
    ] = CompareFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the comparison page (HTML) here instead of printing."),
    ] = None,
) -> None:
    """Compare places and years: what each year adds, drops and keeps, or which places have which kinds of things."""

    result = run_compare(
        open_local(_source([graph] if graph else None)), by.value, reports=reports, places=places, types=types
    )
    if output is not None:
        size = render_comparison(result, output)
        typer.echo(f"wrote {output} ({size['rows']} rows, {size['sentences']} sentences)")
    elif fmt is CompareFormat.table:
        console = Console()
        for section in comparison_sections(result):
            columns = (Column(name, overflow="fold") for name in section.columns)
            table = Table(*columns, title=section.title, show_lines=by is CompareBy.year)
            for row in section.rows:
                table.add_row(*row)
            console.print(table)
    else:
        sys.stdout.write(result.to_csv() if fmt is CompareFormat.csv else result.to_json())


@app.command()
@_user_errors
def validate(graph: GraphOption = None) -> None:
    """Check the graph against the SHACL shapes; exit 1 with the violations when it does not conform."""

    (path,) = _source([graph] if graph else None).paths
    report = run_validate(read_graph([path]))
    if report.conforms:
        typer.echo(f"{path}: conforms to the shapes")
        return
    for v in report.violations:
        typer.echo(str(v))
    typer.secho(f"{path}: {len(report.violations)} violation(s)", fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


def _relations_table(counts: dict[str, RelationCount]) -> Table:
    """The edges of each relation, stated and implied: one table for ``kg build`` and ``kg stats``."""
    t = Table(
        title="relations (edges of the graph)",
        caption="implied: unsaid subject, the report's author",
    )
    t.add_column("relation")
    for name in ("stated", "implied", "all"):
        t.add_column(name, justify="right")
    for rel in Predicate:
        c = counts.get(rel.value, RelationCount(0, 0))
        t.add_row(f"rol:{rel.value} {rel.label}", str(c.stated), str(c.implied), str(c.total))
    return t


@app.command()
@_user_errors
def stats(
    graph: GraphOption = None,
    top: Annotated[int, typer.Option(min=1, help="How many top entities to list.")] = 10,
) -> None:
    """Counts per class and relation, and the top entities by mentions and by degree."""

    source = _source([graph] if graph else None)
    s = compute(open_local(source), top=top)
    console = Console()
    t = Table(title=f"{source.paths[0]}: {s.triples} triples")
    t.add_column("class")
    t.add_column("count", justify="right")
    for name, n in s.classes.items():
        t.add_row(name, str(n))
    console.print(t)
    console.print(_relations_table(s.relations))
    for title, rows in (
        ("top entities by mentions", s.top_mentions),
        ("top entities by degree", s.top_degree),
    ):
        r = Table(title=title)
        r.add_column("entity")
        r.add_column("type")
        r.add_column("count", justify="right")
        for row in rows:
            r.add_row(row.label, row.type, str(row.count))
        console.print(r)


def main() -> None:
    app()
