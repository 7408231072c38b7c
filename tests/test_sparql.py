"""kg query on Oxigraph: answers, result formats, and refused queries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kg.errors import GraphError, QueryError
from kg.sparql import check_read_only, format_table, load_store, query, run

LISTS = "SELECT ?name ?n WHERE { ?l a rol:List ; rdfs:label ?name ; rol:itemCount ?n } ORDER BY ?name"


def test_select_uses_predeclared_prefixes(small_ttl: Path) -> None:
    r = query(LISTS, [small_ttl])
    assert r.variables == ("name", "n")
    assert [(row[0].value, int(row[1].value)) for row in r.rows] == [("政务服务事项清单", 714)]


def test_table_lines_up_chinese(small_ttl: Path) -> None:
    table = format_table(query(LISTS, [small_ttl]))
    lines = table.splitlines()
    assert "政务服务事项清单" in table and lines[-1] == "1 row"
    assert len({len(line) for line in lines[:3]}) >= 1


def test_csv_and_tsv_and_json_follow_w3c(small_ttl: Path) -> None:
    rows = list(csv.reader(io.StringIO(query(LISTS, [small_ttl], "csv").raw.decode())))
    assert rows == [["name", "n"], ["政务服务事项清单", "714"]]
    tsv = query(LISTS, [small_ttl], "tsv").raw.decode().splitlines()
    assert tsv[0] == "?name\t?n" and tsv[1].startswith('"政务服务事项清单"@zh\t')
    data = json.loads(query(LISTS, [small_ttl], "json").raw)
    assert data["head"]["vars"] == ["name", "n"]
    assert data["results"]["bindings"][0]["n"]["value"] == "714"


def test_ask_and_construct(small_ttl: Path) -> None:
    assert format_table(query("ASK { ?x a rol:Brand }", [small_ttl])) == "true\n"
    r = query("CONSTRUCT { ?x a rol:Brand } WHERE { ?x a rol:Brand }", [small_ttl])
    assert r.kind == "construct" and len(r.rows) == 1


def test_several_graph_files_are_queried_together(small_ttl: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.nt"
    other.write_text(
        '<http://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "另一个"@zh .\n',
        encoding="utf-8",
    )
    r = query('SELECT ?x WHERE { ?x rdfs:label "另一个"@zh }', [small_ttl, other])
    assert len(r.rows) == 1


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("SELECT ?x WHERE { ?x ?p }", r"line 1, column \d+"),
        ("SELECT ?x WHERE {\n  ?x a rol:List .\n  FILTER(\n}", r"line 4"),
        ("SELEKT ?x", "malformed SPARQL"),
    ],
)
def test_malformed_sparql_names_the_position(small_ttl: Path, sparql: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        query(sparql, [small_ttl])


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX x: <http://x/>\nDELETE WHERE { ?s ?p ?o }",
        "# comment\nDROP ALL",
        "clear default",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_updates_are_refused(update: str) -> None:
    with pytest.raises(QueryError, match="read-only"):
        check_read_only(update)


def test_queries_that_merely_contain_update_words_run(small_ttl: Path) -> None:
    r = run('SELECT ?x WHERE { ?x rdfs:label ?l FILTER(CONTAINS(?l, "INSERT")) }', load_store([small_ttl]))
    assert r.rows == ()


def test_missing_and_broken_graph_files(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="no such graph file"):
        load_store([tmp_path / "none.ttl"])
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix a: <http://x/> .\na:b a:c .\n", encoding="utf-8")
    with pytest.raises(GraphError, match=r"bad\.ttl: not valid Turtle.*line 2"):
        load_store([bad])
