"""The persistent Oxigraph store: written by kg build --store, queried by kg query --store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphError, OutputError
from kg.model import Extraction
from kg.rdf.ids import SHARED_GRAPH, report_graph_iri
from kg.rdf.nquads import extraction_nquads
from kg.rdf.statements import build_dataset
from kg.rdf.store import MARKER, StoreInfo, is_store, open_store, write_store_file
from kg.sparql.local import run

runner = CliRunner()
LISTS = "SELECT ?name ?n WHERE { ?l a rol:List ; rdfs:label ?name ; rol:itemCount ?n }"


def write_store(extraction: Extraction, path: Path) -> StoreInfo:
    """A kg store of the extraction, from its N-Quads as the build makes it."""
    nq = path.parent / f"{path.name}.nq"
    nq.write_bytes(extraction_nquads(extraction))
    return write_store_file(nq, path)


def test_the_store_keeps_every_quad_and_graph(tmp_path: Path, small_extraction: Extraction) -> None:
    ds = build_dataset(small_extraction)
    info = write_store(small_extraction, tmp_path / "store")
    assert info.quads == len(list(ds.quads((None, None, None, None))))
    assert info.graphs == tuple(sorted([str(SHARED_GRAPH), str(report_graph_iri("small-2021"))]))
    assert is_store(tmp_path / "store")
    store = open_store(tmp_path / "store")
    assert len(store) == info.quads
    r = run(LISTS, store)
    assert [(row[0].value, row[1].value) for row in r.rows] == [("政务服务事项清单", "714")]


def test_a_store_is_replaced_whole(tmp_path: Path, small_extraction: Extraction) -> None:
    target = tmp_path / "store"
    write_store(small_extraction, target)
    (target / "stale-file").write_text("old", encoding="utf-8")
    info = write_store(small_extraction, target)
    assert not (target / "stale-file").exists()
    assert len(open_store(target)) == info.quads
    assert not list(tmp_path.glob(".store.tmp-*"))


def test_a_folder_of_other_files_is_never_overwritten(tmp_path: Path, small_extraction: Extraction) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="not empty and is not a kg store"):
        write_store(small_extraction, folder)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("make", ["missing", "plain-folder", "bad-marker"])
def test_opening_something_else_is_a_user_error(tmp_path: Path, make: str) -> None:
    path = tmp_path / "s"
    if make != "missing":
        path.mkdir()
    if make == "bad-marker":
        (path / MARKER).write_text("{not json", encoding="utf-8")
    with pytest.raises(GraphError, match="kg build --store"):
        open_store(path)


def test_cli_build_then_query_the_store(tmp_path: Path) -> None:
    report = tmp_path / "kaiyang-2021.txt"
    report.write_text(
        "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n"
        "县司法局制定《开阳县行政执法公示办法》，全面落实行政执法公示制度。\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    built = runner.invoke(
        app, ["build", str(report), "--out", str(tmp_path / "out"), "--no-html", "--store", str(store)]
    )
    assert built.exit_code == 0, built.output
    assert is_store(store)
    # The graph file is gone: the answer comes from the store alone.
    (tmp_path / "out" / "graph.ttl").unlink()
    result = runner.invoke(app, ["query", "--store", str(store), "--name", "reports", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "report,title,place,year,entities"
    assert result.output.splitlines()[1].startswith("kaiyang-2021,")


def test_cli_query_on_a_missing_store_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "--store", str(tmp_path / "none"), "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert "no such store" in result.output and "Traceback" not in result.output


def test_cli_refuses_updates_on_a_store(tmp_path: Path, small_extraction: Extraction) -> None:
    write_store(small_extraction, tmp_path / "store")
    result = runner.invoke(app, ["query", "--store", str(tmp_path / "store"), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert "read-only" in result.output
    assert len(open_store(tmp_path / "store")) > 0
