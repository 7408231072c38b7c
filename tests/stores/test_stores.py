"""kg's graph in real triple stores: loads idempotently, and every named query gives kg's answers.

Each test runs against Virtuoso 7.2 (Debian) and the Oxigraph server (PyPI),
started on 127.0.0.1 by the ``server`` fixture. The reference answers come
from ``kg query`` on the same graph file (embedded Oxigraph). Rows are
compared as sorted tuples of plain values (IRI text, literal lexical form).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from servers import Server
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql import named as nq
from kg.sparql.load import Endpoint, count_triples, kg_graphs, load, read_graphs, select
from kg.sparql.local import load_store, run

pytestmark = [pytest.mark.stores, pytest.mark.slow]
runner = CliRunner()
ONE_GRAPH = "http://example.org/kg-test/all"  # outside kg's graph base, so kg_graphs() ignores it

CASES: list[tuple[str, dict[str, str]]] = [(q.name, {}) for q in nq.all_queries()] + [
    ("institutions-by-report", {"report": "bohu-2023"}),
    ("systems-of-institution", {"relation": "implements"}),
    ("lists-with-item-counts", {"report": "bohu-2023"}),
    ("brands-and-operators", {"report": "kaiyang-2021"}),
    ("shared-entities", {"min_reports": "1", "type": "清单"}),
    ("relation-evidence", {"relation": "itemCount"}),
    ("relation-evidence", {"report": "haiyan-2023-reply"}),
    # Parameters bound inside subqueries and union branches (the queries' markers).
    ("reports", {"report": "bohu-2023"}),
    ("systems-of-institution", {"institution": "博湖县人民政府"}),
    ("relation-evidence", {"subject": "博湖县人民政府", "relation": "implements"}),
    ("relation-evidence", {"object": "枫桥经验"}),
]

Row = tuple[str | None, ...]


def plain(rows: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]]) -> list[Row]:
    values = [tuple(None if t is None else t.value for t in row) for row in rows]
    return sorted(values, key=lambda row: tuple((v is not None, v or "") for v in row))


@pytest.fixture(scope="session")
def seeds_trig(seeds_build: Path) -> Path:
    return seeds_build / "graph.trig"


@pytest.fixture(scope="session")
def reference(seeds_trig: Path) -> ox.Store:
    return load_store([seeds_trig])


@pytest.fixture(scope="session")
def loaded(server: Server, seeds_trig: Path) -> Server:
    """The server with the seeds' dataset loaded through the Graph Store Protocol."""
    report = load(read_graphs(seeds_trig), Endpoint(server.gsp_url, server.user, server.password))
    assert report.protocol == "gsp"
    return server


def _gsp(server: Server) -> Endpoint:
    return Endpoint(server.gsp_url, server.user, server.password)


def _query(server: Server) -> Endpoint:
    return Endpoint(server.query_url)


def test_loading_twice_leaves_the_same_triples(loaded: Server, seeds_trig: Path) -> None:
    graphs = read_graphs(seeds_trig)
    expected = sum(len(t) for t in graphs.values())
    assert count_triples(_query(loaded), graphs) == expected
    load(graphs, _gsp(loaded))
    assert count_triples(_query(loaded), graphs) == expected
    assert kg_graphs(_query(loaded)) == sorted(graphs)


def test_sparql_update_fallback_loads_the_same(loaded: Server, seeds_trig: Path) -> None:
    graphs = read_graphs(seeds_trig)
    updater = Endpoint(loaded.update_url, loaded.user, loaded.password)
    report = load(graphs, updater)
    assert report.protocol == "update"
    assert count_triples(_query(loaded), graphs) == report.triples


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}{sorted(p.items())}" for n, p in CASES])
def test_named_queries_agree_with_kg_query(
    loaded: Server, reference: ox.Store, seeds_trig: Path, name: str, params: dict[str, str]
) -> None:
    query = nq.get(name)
    expected = plain(list(run(nq.render(query, params), reference).rows))
    _, got = select(_query(loaded), nq.render(query, params, graphs=sorted(read_graphs(seeds_trig))))
    assert plain(got) == expected
    if name in {"reports", "institutions-by-report", "systems-of-institution"} and not params:
        assert expected, "the reference answer should not be empty"


def test_one_graph_load_gives_the_same_answers(
    loaded: Server, reference: ox.Store, seeds_build: Path
) -> None:
    graphs = read_graphs(seeds_build / "graph.ttl", ONE_GRAPH)
    load(graphs, _gsp(loaded))
    assert count_triples(_query(loaded), [ONE_GRAPH]) == len(graphs[ONE_GRAPH])
    for name in ("lists-with-item-counts", "relation-evidence"):
        query = nq.get(name)
        _, got = select(_query(loaded), nq.render(query, graphs=[ONE_GRAPH]))
        assert plain(got) == plain(list(run(nq.render(query), reference).rows))


def _csv_rows(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    return [rows[0], *sorted(rows[1:])]


def test_cli_load_and_query_the_server(loaded: Server, seeds_trig: Path) -> None:
    auth = ["--user", loaded.user, "--password", loaded.password] if loaded.user else []
    result = runner.invoke(app, ["load", "--endpoint", loaded.gsp_url, "--graph", str(seeds_trig), *auth])
    assert result.exit_code == 0, result.output
    assert "into 6 graphs" in result.output
    remote = runner.invoke(
        app, ["query", "--endpoint", loaded.query_url, "--name", "reports", "--format", "csv"]
    )
    local = runner.invoke(app, ["query", "--graph", str(seeds_trig), "--name", "reports", "--format", "csv"])
    assert remote.exit_code == 0 and local.exit_code == 0, remote.output + local.output
    assert _csv_rows(remote.output) == _csv_rows(local.output)


# Answers whose cells hold commas, quotes, line breaks (sentences), numbers and language tags;
# servers quote and type them their own way (Virtuoso quotes every CSV cell).
CSV_CASES: list[tuple[str, list[str]]] = [
    ("reports", []),
    ("lists-with-item-counts", ["-p", "report=bohu-2023"]),
    ("relation-evidence", ["-p", "report=kaiyang-2021"]),
    ("relation-evidence", ["-p", "subject=县政府行政复议室"]),  # an alternative name
]


@pytest.mark.parametrize(("name", "params"), CSV_CASES, ids=[f"{n}{p}" for n, p in CSV_CASES])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_endpoint_results_are_local_results_byte_for_byte(
    loaded: Server, seeds_trig: Path, name: str, params: list[str], fmt: str
) -> None:
    args = ["--name", name, *params, "--format", fmt]
    remote = runner.invoke(app, ["query", "--endpoint", loaded.query_url, *args])
    local = runner.invoke(app, ["query", "--graph", str(seeds_trig), *args])
    assert remote.exit_code == 0 and local.exit_code == 0, remote.output + local.output
    rows = local.stdout_bytes.count(b"\n") - 1 if fmt != "json" else local.stdout_bytes.count(b'"type":')
    assert rows > 0, "the answer should not be empty"
    assert remote.stdout_bytes == local.stdout_bytes
