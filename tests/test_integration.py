"""Build the five seeds end to end and check the graph a user would get."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.ontology import validate
from kg.sparql.local import query

pytestmark = pytest.mark.slow

SEED_IDS = ["bohu-2023", "changzhi-2023-news", "haiyan-2023-reply", "kaiyang-2021", "xinglong-2024"]


def test_outputs_exist_and_parse(seeds_build: Path) -> None:
    g = Graph().parse(seeds_build / "graph.ttl", format="turtle")
    assert len(g) > 1000
    assert (seeds_build / "graph.html").stat().st_size > 10_000
    assert len((seeds_build / "mentions.jsonl").read_text(encoding="utf-8").splitlines()) > 200


def test_seed_graph_conforms_to_the_shapes(seeds_build: Path) -> None:
    report = validate(Graph().parse(seeds_build / "graph.ttl", format="turtle"))
    assert report.conforms, "\n".join(map(str, report.violations[:20]))


def test_every_seed_is_a_report(seeds_build: Path) -> None:
    r = query(
        "SELECT ?id WHERE { ?r a rol:Report ; dcterms:identifier ?id } ORDER BY ?id",
        [seeds_build / "graph.ttl"],
    )
    assert [row[0].value for row in r.rows] == SEED_IDS


def test_bohu_lists_include_government_services_with_714_items(seeds_build: Path) -> None:
    q = """SELECT ?name ?n WHERE {
      ?r dcterms:identifier "bohu-2023" ; rol:mentions ?l .
      ?l a rol:List ; rdfs:label ?name .
      OPTIONAL { ?l rol:itemCount ?n }
    }"""
    rows = {
        (row[0].value, row[1].value if row[1] else None) for row in query(q, [seeds_build / "graph.ttl"]).rows
    }
    assert ("政务服务事项清单", "714") in rows


def test_local_bodies_are_scoped_and_national_ones_shared(seeds_build: Path) -> None:
    ttl = seeds_build / "graph.ttl"
    sfj = query(
        'SELECT ?e WHERE { ?e a rol:Institution ; rdfs:label "开阳县司法局"@zh ; rol:scope ?s }', [ttl]
    )
    assert len(sfj.rows) == 1
    constitution = query(
        'SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?e rdfs:label "宪法"@zh . ?r rol:mentions ?e }', [ttl]
    )
    assert int(constitution.rows[0][0].value) >= 2


def test_every_entity_traces_to_a_sentence(seeds_build: Path) -> None:
    q = """SELECT (COUNT(?e) AS ?n) WHERE {
      VALUES ?c { rol:Institution rol:System rol:List rol:Brand }
      ?e a ?c .
      FILTER NOT EXISTS { ?e rol:hasMention/rol:sentence ?s }
      FILTER NOT EXISTS { ?r dcterms:publisher ?e }
      # named only inside a part's name (县委 in 县委常委会): the partOf's evidence
      FILTER NOT EXISTS { ?ev rdf:predicate rol:partOf ; rdf:object ?e ; rol:sentence ?s2 }
    }"""
    assert query(q, [seeds_build / "graph.ttl"]).rows[0][0].value == "0"


def test_build_is_byte_identical(seeds_build: Path, tmp_path: Path) -> None:
    """A second build in a fresh process, with another hash seed, writes the same bytes."""
    again = tmp_path / "again"
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    cmd = [sys.executable, "-m", "kg", "build", str(seeds), "--out", str(again)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    for name in ("graph.ttl", "mentions.jsonl", "graph.html"):
        assert (again / name).read_bytes() == (seeds_build / name).read_bytes(), name
