"""The comparison's named queries on real triple stores give the rows they give in kg.

``changes-over-years`` and ``places-by-concept`` (what ``kg compare`` runs) on
the compare fixtures, loaded into one graph of Virtuoso 7.2 and of the
Oxigraph server, against the embedded Oxigraph store: the same rows, and the
answers the CLI tests check (so neither side may be empty).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from servers import Server

from kg.sparql import named as nq
from kg.sparql.load import Endpoint, count_triples, load, read_graphs, select
from kg.sparql.local import load_store, run

pytestmark = [pytest.mark.stores, pytest.mark.slow]
GRAPH = "http://example.org/kg-test/compare"  # outside kg's graph base, so kg_graphs() ignores it

CASES: list[tuple[str, dict[str, str], int]] = [
    ("changes-over-years", {}, 15),
    ("changes-over-years", {"place": "桃源县", "type": "清单"}, 4),
    ("places-by-concept", {}, 41),
    ("places-by-concept", {"type": "清单", "place": "石门县"}, 2),
    ("places-by-concept", {"label": "权责清单"}, 5),
]

Row = tuple[str | None, ...]


def plain(rows: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]]) -> list[Row]:
    values = [tuple(None if t is None else t.value for t in row) for row in rows]
    return sorted(values, key=lambda row: tuple((v is not None, v or "") for v in row))


@pytest.fixture(scope="module")
def compare_loaded(server: Server, compare_build: Path) -> Server:
    graphs = read_graphs(compare_build / "graph.trig", GRAPH)
    load(graphs, Endpoint(server.gsp_url, server.user, server.password))
    assert count_triples(Endpoint(server.query_url), [GRAPH]) == len(graphs[GRAPH])
    return server


@pytest.mark.parametrize(
    ("name", "params", "count"), CASES, ids=[f"{n}{sorted(p.items())}" for n, p, _ in CASES]
)
def test_comparison_queries_agree_with_kg(
    compare_loaded: Server, compare_build: Path, name: str, params: dict[str, str], count: int
) -> None:
    query = nq.get(name)
    expected = plain(list(run(nq.render(query, params), load_store([compare_build / "graph.trig"])).rows))
    assert len(expected) == count
    _, got = select(Endpoint(compare_loaded.query_url), nq.render(query, params, graphs=[GRAPH]))
    assert plain(got) == expected
