"""kg export: GraphML, GEXF and Neo4j CSV with the RDF's IRIs and labels."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import OutputError
from kg.present.propertygraph import export, neo4j_csv, to_networkx
from kg.sparql.local import load_store

runner = CliRunner()
ID = "https://w3id.org/kg-rol/id/"
SFJ = ID + "inst/520121-开阳县司法局"
GOV = ID + "inst/520121-开阳县人民政府"
LAW = ID + "sys/开阳县行政执法公示办法"
LIST = ID + "list/520121-政务服务事项清单"


def test_nodes_are_the_rdf_resources_with_their_labels(small_ttl: Path) -> None:
    g = to_networkx(load_store([small_ttl]))
    assert g.nodes[SFJ]["name"] == "开阳县司法局" and g.nodes[SFJ]["labels"] == ["Institution"]
    assert g.nodes[SFJ]["altLabels"] == ["县司法局"]
    assert g.nodes[LIST]["itemCount"] == [714]
    assert g.nodes[ID + "report/small-2021"]["labels"] == ["Report"]
    assert g.nodes[ID + "region/520121"]["name"] == "开阳县"
    # Every IRI that is a subject of a label in the RDF is a node, and nothing else.
    store = load_store([small_ttl])
    labelled = {
        s["x"].value
        for s in store.query("SELECT ?x WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    }
    reports = {ID + "report/small-2021"}
    assert set(g.nodes) == labelled | reports


def test_relations_carry_their_evidence(small_ttl: Path) -> None:
    g = to_networkx(load_store([small_ttl]))
    edge = g.edges[SFJ, LAW, "formulates"]
    assert edge["reports"] == ["small-2021"] and edge["evidence"] == 1
    assert edge["sentence"].startswith("县司法局制定《开阳县行政执法公示办法》")
    assert g.edges[ID + "report/small-2021", SFJ, "mentions"]["mentions"] == 1
    assert g.has_edge(SFJ, GOV, "partOf")
    assert g.has_edge(SFJ, ID + "region/520121", "scope")


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back(tmp_path: Path, small_ttl: Path, fmt: str, reader) -> None:
    out = tmp_path / f"g.{fmt}"
    export([small_ttl], fmt, out)
    g = reader(out)
    original = to_networkx(load_store([small_ttl]))
    assert set(g.nodes) == set(original.nodes)
    assert g.number_of_edges() == original.number_of_edges()
    assert g.nodes[SFJ]["label"] == "开阳县司法局"
    again = tmp_path / f"again.{fmt}"
    export([small_ttl], fmt, again)
    assert out.read_bytes() == again.read_bytes()


def test_neo4j_csv_layout(tmp_path: Path, small_ttl: Path) -> None:
    nodes_path, rels_path = export([small_ttl], "csv", tmp_path / "neo4j")
    nodes = list(csv.DictReader(io.StringIO(nodes_path.read_text(encoding="utf-8"))))
    rels = list(csv.DictReader(io.StringIO(rels_path.read_text(encoding="utf-8"))))
    assert list(nodes[0])[:3] == ["iri:ID", "name", ":LABEL"]
    assert list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    by_id = {n["iri:ID"]: n for n in nodes}
    assert by_id[LIST]["itemCount:long[]"] == "714" and by_id[LIST][":LABEL"] == "List"
    assert all(r[":START_ID"] in by_id and r[":END_ID"] in by_id for r in rels)
    assert {(r[":START_ID"], r[":END_ID"]) for r in rels if r[":TYPE"] == "runs"} == {
        (GOV, ID + "brand/520121-盐和")
    }


def test_csv_lists_use_neo4j_array_delimiter() -> None:
    g = nx.MultiDiGraph()
    g.add_node("http://x/a", name="甲", labels=["List"], itemCount=[238, 714], altLabels=["乙", "丙"])
    nodes, _ = neo4j_csv(g)
    row = next(csv.DictReader(io.StringIO(nodes)))
    assert row["itemCount:long[]"] == "238;714" and row["altLabels:string[]"] == "乙;丙"


def test_csv_into_a_file_is_refused(tmp_path: Path, small_ttl: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="writes a folder"):
        export([small_ttl], "csv", tmp_path / "f")


def test_cli_export(tmp_path: Path, small_ttl: Path) -> None:
    out = tmp_path / "g.graphml"
    result = runner.invoke(app, ["export", "--format", "graphml", "--graph", str(small_ttl), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert nx.read_graphml(out).number_of_nodes() > 0


def test_cli_export_user_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert "no such graph file" in result.output and "Traceback" not in result.output
    bad = runner.invoke(app, ["export", "--format", "svg"])
    assert bad.exit_code == 2  # a usage error stays Typer's
