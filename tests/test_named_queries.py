"""Named queries: shipped, portable to Virtuoso, parameters bound safely, answers right."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.model import Extraction
from kg.rdf.serialize import serialize
from kg.rdf.statements import build_dataset, union
from kg.sparql import named as nq
from kg.sparql.local import run

runner = CliRunner()

REQUIRED = {
    "institutions-by-report",
    "systems-of-institution",
    "lists-with-item-counts",
    "brands-and-operators",
    "shared-entities",
    "relation-evidence",
}


@pytest.fixture
def store(small_extraction: Extraction) -> ox.Store:
    """The small fixture as a dataset: a shared graph plus the report's graph."""
    ds = build_dataset(small_extraction)
    st = ox.Store()
    st.load(serialize(ds, union(ds), "nq").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return st


def rows(store: ox.Store, name: str, **params: str) -> list[tuple[str | None, ...]]:
    r = run(nq.render(nq.get(name), params), store)
    return sorted(tuple(None if t is None else t.value for t in row) for row in r.rows)


def test_the_required_queries_are_shipped() -> None:
    assert REQUIRED <= {q.name for q in nq.all_queries()}


@pytest.mark.parametrize("query", nq.all_queries(), ids=lambda q: q.name)
def test_each_query_is_self_contained_and_portable(query: nq.NamedQuery) -> None:
    # Runs with no predeclared prefixes, as it must on Virtuoso or any server.
    assert isinstance(ox.Store().query(nq.render(query)), ox.QuerySolutions)
    code = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"\b(STR|CONCAT|ENCODE_FOR_URI)\s*\(", code, re.I), "Virtuoso 7.2 mangles these"
    assert all(v.isascii() for v in re.findall(r"\?(\w+)", code)), "Virtuoso rejects non-ASCII variables"
    assert query.title and query.description
    for p in query.params:
        assert f"?{p.name}" in code, f"parameter {p.name} binds no variable"


def test_values_are_bound_as_escaped_terms_never_as_query_text(store: ox.Store) -> None:
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    text = nq.render(nq.get("institutions-by-report"), {"report": hostile})
    assert 'VALUES ?report { "x\\" } } ; DROP ALL' in text
    assert rows(store, "institutions-by-report", report=hostile) == []
    assert len(store) > 0


MARKED = """# title: Marked
# param: report string  A report id.
# param: n integer = 2  A threshold.
SELECT ?r ?count
WHERE {
  {
    SELECT ?r ?count
    WHERE {
      # VALUES ?n
      # VALUES ?report
      ?r <http://purl.org/dc/terms/identifier> ?report .
      BIND(?n AS ?count)
    }
  }
}
"""


def test_a_marker_places_the_values_inside_a_subquery() -> None:
    query = nq.parse("marked", MARKED)
    text = nq.render(query, {"report": "bohu-2023"})
    lines = text.splitlines()
    inner = lines.index("    WHERE {", lines.index("    SELECT ?r ?count"))
    assert lines[inner + 1] == '      VALUES ?n { "2"^^<http://www.w3.org/2001/XMLSchema#integer> }'
    assert lines[inner + 2] == '      VALUES ?report { "bohu-2023" }'
    assert text.count("VALUES") == 2, "a marked parameter is not bound a second time at the top"
    assert nq.render(query, {}).count("# VALUES ?report") == 1, "an unset parameter leaves its marker"


def test_a_marker_binds_the_parameter_where_it_stands(store: ox.Store) -> None:
    res = store.query(
        nq.render(nq.parse("marked", MARKED), {"report": "small-2021", "n": "7"}),
        use_default_graph_as_union=True,
    )
    assert isinstance(res, ox.QuerySolutions)
    assert [s["count"].value for s in res] == ["7"]


def test_a_marker_for_an_undeclared_parameter_is_a_bug() -> None:
    with pytest.raises(ValueError, match="undeclared parameter 'year'"):
        nq.parse("bad", MARKED.replace("# VALUES ?n", "# VALUES ?year"))


def test_every_marker_of_a_parameter_is_bound() -> None:
    # relation-evidence binds its parameters in both branches of its union.
    query = nq.get("relation-evidence")
    text = nq.render(query, {"object": "民法典"})
    assert text.count('VALUES ?object { "民法典"@zh }') == query.text.count("# VALUES ?object") == 2


@given(st.text(min_size=1).filter(str.strip))
def test_any_value_at_a_marker_stays_one_term(value: str) -> None:
    text = nq.render(nq.get("reports"), {"report": value})
    res = ox.Store().query(text)  # parses: the value cannot close the VALUES block or the query
    assert isinstance(res, ox.QuerySolutions)
    assert list(res) == []


def test_from_clauses_name_the_dataset(store: ox.Store) -> None:
    graphs = sorted(g.value for g in store.named_graphs())
    text = nq.render(nq.get("lists-with-item-counts"), graphs=graphs)
    assert text.count("FROM <") == len(graphs) == 2
    # Without union mode the store's default graph is empty: only FROM finds the data.
    res = store.query(text)
    assert isinstance(res, ox.QuerySolutions)
    assert [(s["list"].value, s["items"].value) for s in res] == [("政务服务事项清单", "714")]


def test_reports_count_the_entities_each_mentions(store: ox.Store) -> None:
    everything = rows(store, "reports")
    assert [(r[0], r[4]) for r in everything] == [("small-2021", "6")]
    assert rows(store, "reports", report="small-2021") == everything
    assert rows(store, "reports", report="other-2020") == []


def test_institutions_by_report(store: ox.Store) -> None:
    got = {(r[0], r[2], r[3]) for r in rows(store, "institutions-by-report", report="small-2021")}
    assert got == {("small-2021", "开阳县人民政府", "1"), ("small-2021", "开阳县司法局", "1")}
    assert rows(store, "institutions-by-report", report="other-2020") == []


def test_systems_an_institution_formulated_or_implemented(store: ox.Store) -> None:
    got = {
        (r[2].rsplit("#")[-1], r[4])
        for r in rows(store, "systems-of-institution", institution="开阳县司法局")
    }
    assert got == {("formulates", "开阳县行政执法公示办法"), ("implements", "民法典")}
    only = rows(store, "systems-of-institution", institution="开阳县司法局", relation="implements")
    assert [r[4] for r in only] == ["民法典"]


def test_lists_with_their_item_counts(store: ox.Store) -> None:
    assert [(r[2], r[3]) for r in rows(store, "lists-with-item-counts")] == [("政务服务事项清单", "714")]


def test_brands_and_who_runs_them(store: ox.Store) -> None:
    assert [(r[2], r[4]) for r in rows(store, "brands-and-operators")] == [("盐和", "开阳县人民政府")]


def test_shared_entities_need_several_reports(store: ox.Store) -> None:
    assert rows(store, "shared-entities") == []  # one report only
    everything = rows(store, "shared-entities", min_reports="1")
    assert len(everything) == 6
    assert [r[1] for r in rows(store, "shared-entities", min_reports="1", type="品牌")] == ["盐和"]


def test_evidence_sentences_of_a_relation(store: ox.Store) -> None:
    got = rows(store, "relation-evidence", relation="itemCount")
    assert [(r[1], r[3]) for r in got] == [("政务服务事项清单", "714")]
    assert got[0][5].startswith("梳理政务服务事项清单714项")
    by_object = rows(store, "relation-evidence", object="民法典")
    assert [(r[1], r[2].rsplit("#")[-1]) for r in by_object] == [("开阳县司法局", "implements")]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("no-such-query", {}, "no named query 'no-such-query'"),
        ("institution-by-report", {}, "did you mean institutions-by-report"),
        ("reports", {"year": "2021"}, "has no parameter 'year'"),
        ("shared-entities", {"min_reports": "two"}, "not a whole number"),
        ("relation-evidence", {"relation": "owns"}, "use one of formulates"),
        ("shared-entities", {"type": "人"}, "use one of 机构"),
        ("reports", {"report": "  "}, "the value is empty"),
    ],
)
def test_bad_names_and_values_are_user_errors(name: str, params: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        nq.render(nq.get(name), params)


def test_assignments_parse_key_value() -> None:
    assert nq.parse_assignments(["a=1", "b=x=y"]) == {"a": "1", "b": "x=y"}
    with pytest.raises(QueryError, match="key=value"):
        nq.parse_assignments(["novalue"])
    with pytest.raises(QueryError, match="twice"):
        nq.parse_assignments(["a=1", "a=2"])


def test_cli_lists_the_named_queries() -> None:
    result = runner.invoke(app, ["query", "--list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for name in REQUIRED:
        assert name in result.output


def test_cli_runs_a_named_query_with_a_parameter(small_trig: Path) -> None:
    result = runner.invoke(
        app,
        ["query", "--graph", str(small_trig), "--name", "lists-with-item-counts", "-p", "report=small-2021"],
    )
    assert result.exit_code == 0, result.output
    assert "政务服务事项清单" in result.output and "714" in result.output
    assert result.output.rstrip().endswith("1 row")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "nope"], "no named query 'nope'"),
        (["--name", "reports", "-p", "year=2021"], "has no parameter 'year'"),
        (["--name", "reports", "-p", "report"], "write it as key=value"),
        (["SELECT * WHERE {}", "--name", "reports"], "give one query"),
        (["SELECT * WHERE {}", "-p", "a=b"], "--param needs --name"),
        (["--name", "reports", "--store", "x", "--endpoint", "http://localhost:1/sparql"], "one source"),
    ],
)
def test_cli_named_query_user_errors(small_trig: Path, args: list[str], message: str) -> None:
    result = runner.invoke(
        app, ["query", *args, "--graph", str(small_trig)] if "--store" not in args else ["query", *args]
    )
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output
