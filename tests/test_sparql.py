"""kg query on Oxigraph: answers, result formats, and refused queries."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphError, QueryError
from kg.sparql.local import check_read_only, first_keyword, format_table, load_store, printable, query, run

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

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


@pytest.mark.parametrize(
    ("sparql", "word"),
    [
        ("select * {}", "SELECT"),
        ("\ufeff# c\nPREFIX a: <http://x/#> # c\nBASE <http://b/>\nASK {}", "ASK"),
        ("PREFIX : <http://x/>\r\nINSERT DATA {}", "INSERT"),
        ("DEFINE sql:log-enable 3 DELETE WHERE { ?s ?p ?o }", "DELETE"),
        ("", ""),
        ("{ ?s ?p ?o }", ""),
    ],
)
def test_first_keyword_skips_the_prologue(sparql: str, word: str) -> None:
    assert first_keyword(sparql) == word


@pytest.mark.parametrize(
    "sparql",
    [
        "PREFIX x: <http://x/> # a comment\nINSERT DATA { x:a x:b x:c }",
        "DEFINE sql:log-enable 2 CLEAR GRAPH <http://g>",
    ],
)
def test_updates_behind_comments_and_pragmas_are_refused(sparql: str) -> None:
    with pytest.raises(QueryError, match="read-only"):
        check_read_only(sparql)


def test_an_endpoint_only_gets_queries() -> None:
    check_read_only("PREFIX a: <http://x/> DESCRIBE a:b", strict=True)
    check_read_only("SELEKT ?x", strict=False)  # Oxigraph's parser says where it is wrong
    with pytest.raises(QueryError, match="not a SPARQL query: it starts with 'SELEKT'"):
        check_read_only("SELEKT ?x", strict=True)


# (query, line, column): Oxigraph counts lines at "\n" only, columns in characters from 1.
MALFORMED = [
    ("SELECT ?x WHERE { ?x ?p }", 1, 26),
    ("SELECT ?x WHERE {\n  ?x a rol:List .\n  FILTER(\n}", 4, 2),
    ("SELECT * {\r\n?s ?p ?o .\r\n?s ?p2 }", 3, 9),
    ('SELECT * WHERE { ?s ?p "中文 }', 1, 29),
    ("SELECT *\r{ ?s }", 1, 16),
]


@pytest.mark.parametrize(("sparql", "line", "column"), MALFORMED)
def test_cli_names_line_and_column_of_malformed_sparql(
    small_ttl: Path, sparql: str, line: int, column: int
) -> None:
    result = runner.invoke(app, ["query", sparql, "--graph", str(small_ttl)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert result.output.startswith(f"error: malformed SPARQL: line {line}, column {column}: expected")
    assert len(result.output.splitlines()) == 1
    assert "Traceback" not in result.output


def test_the_message_echoes_no_control_characters(small_ttl: Path) -> None:
    result = runner.invoke(app, ["query", 'SELECT * { ?s ?p "\x1b[31mred\x07', "--graph", str(small_ttl)])
    assert result.exit_code == 1
    assert "line 1, column" in result.output and "red" in result.output
    assert not any(c in result.output for c in "\x1b\x07\r")


@pytest.mark.parametrize("where", [[], ["--endpoint", "http://127.0.0.1:9/sparql"]])
@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX x: <http://x/> # c\nDROP ALL",
        "clear default",
    ],
)
def test_cli_refuses_updates_before_touching_any_store(
    small_ttl: Path, where: list[str], update: str
) -> None:
    source = where or ["--graph", str(small_ttl)]
    result = runner.invoke(app, ["query", update, *source])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "is not allowed: kg query is read-only" in result.output  # not "cannot reach": nothing was sent
    assert "Traceback" not in result.output and len(result.output.splitlines()) == 1


def test_kg_query_errors_reach_the_terminal_as_one_line(small_ttl: Path) -> None:
    """The real command, as a user runs it: stderr holds one line, stdout nothing."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for sparql, message in [
        ("SELECT ?x WHERE {\n  ?x ?p\n}", "error: malformed SPARQL: line 3, column 2: expected"),
        ("DELETE WHERE { ?s ?p ?o }", "error: SPARQL Update (DELETE) is not allowed"),
    ]:
        done = subprocess.run(
            [sys.executable, "-m", "kg", "query", sparql, "--graph", str(small_ttl)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr.startswith(message) and len(done.stderr.splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr


def test_the_table_shows_hostile_names_without_escape_sequences(tmp_path: Path) -> None:
    """A name from a report may hold ESC sequences or bidi overrides: the terminal gets symbols."""
    graph = tmp_path / "hostile.nt"
    graph.write_text(
        "<http://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "
        '"\\u001B[2J\\u001B]0;owned\\u0007司法局\\u202Eevil\\nline\\u0085"@zh .\n',
        encoding="utf-8",
    )
    table = format_table(query("SELECT ?l WHERE { ?x rdfs:label ?l }", [graph]))
    assert "␛[2J␛]0;owned␇司法局\ufffdevil line" in table
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in table)
    assert printable("a\tb\x7f") == "a b\u2421"


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
