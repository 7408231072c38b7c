"""Named-query parameters and ``kg viz --focus`` take any name of an entity; a shared name is refused
with the entities it fits; ``kg query --store`` reads any Oxigraph store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.local import load_store

runner = CliRunner()


@pytest.fixture(scope="module")
def ttl(seeds_build: Path) -> Path:
    return seeds_build / "graph.ttl"


def _query(graph: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["query", "--graph", str(graph), *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def _one_entity_alt_name(graph: Path) -> tuple[str, str]:
    """(an alternative name that exactly one institution goes by, that institution's canonical name),
    for an institution that is the subject of some relation."""
    rows = load_store([graph]).query(
        """SELECT ?alt (MIN(?label) AS ?one) WHERE {
             ?e a rol:Institution ; rdfs:label ?label ; skos:altLabel ?alt .
             FILTER EXISTS { ?ev rdf:subject ?e }
             FILTER NOT EXISTS { ?other rdfs:label ?alt }
           } GROUP BY ?alt HAVING (COUNT(DISTINCT ?e) = 1) ORDER BY ?alt LIMIT 1""",
        prefixes={
            "rol": "https://w3id.org/kg-rol/ontology#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "skos": "http://www.w3.org/2004/02/skos/core#",
        },
    )
    alt, label = next(iter(rows))
    return alt.value, label.value


def test_a_parameter_takes_an_alternative_name(ttl: Path) -> None:
    alt, label = _one_entity_alt_name(ttl)
    by_alt = _query(ttl, "--name", "relation-evidence", "-p", f"subject={alt}")
    by_label = _query(ttl, "--name", "relation-evidence", "-p", f"subject={label}")
    assert len(by_label) > 1 and by_alt == by_label
    # The README's example: 县司法局 is 海盐县司法局's and 开阳县司法局's.
    assert _query(ttl, "--name", "systems-of-institution", "-p", "institution=海盐县司法局")[1:]


def test_a_name_several_entities_go_by_is_refused_with_them(ttl: Path) -> None:
    result = runner.invoke(
        app, ["query", "--graph", str(ttl), "--name", "systems-of-institution", "-p", "institution=县司法局"]
    )
    assert result.exit_code == 1
    assert "--param institution='县司法局' names 2 entities: 开阳县司法局, 海盐县司法局" in result.stderr


def test_viz_focus_refuses_a_shared_name_and_takes_an_alternative_one(ttl: Path, tmp_path: Path) -> None:
    page = tmp_path / "focus.html"
    shared = runner.invoke(app, ["viz", "--graph", str(ttl), "--focus", "县司法局", "-o", str(page)])
    assert shared.exit_code == 1
    assert "--focus '县司法局' names 2 entities: 开阳县司法局, 海盐县司法局" in shared.stderr
    assert not page.exists()
    one = runner.invoke(app, ["viz", "--graph", str(ttl), "--focus", "开阳县司法局", "-o", str(page)])
    assert one.exit_code == 0, one.output
    alt, label = _one_entity_alt_name(ttl)
    by_alt = runner.invoke(app, ["viz", "--graph", str(ttl), "--focus", alt, "-o", str(tmp_path / "a.html")])
    by_label = runner.invoke(
        app, ["viz", "--graph", str(ttl), "--focus", label, "-o", str(tmp_path / "b.html")]
    )
    assert by_alt.exit_code == 0 and by_label.exit_code == 0, by_alt.output + by_label.output
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_query_reads_a_store_that_oxigraph_filled(seeds_build: Path, tmp_path: Path) -> None:
    folder = tmp_path / "oxigraph-store"
    store = ox.Store(str(folder))  # what `oxigraph load --location DIR --file graph.nq` makes
    store.bulk_load(path=str(seeds_build / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    from_store = runner.invoke(app, ["query", "--store", str(folder), "--name", "reports", "--format", "csv"])
    assert from_store.exit_code == 0, from_store.output
    assert from_store.stdout.splitlines() == _query(seeds_build / "graph.nq", "--name", "reports")


def test_query_says_what_a_folder_lacks_to_be_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["query", "--store", str(tmp_path), "--name", "reports"])
    assert result.exit_code == 1
    assert "not an Oxigraph store (it has no RocksDB CURRENT file)" in result.stderr
