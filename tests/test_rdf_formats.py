"""Every RDF output parses cleanly in four independent parsers, with the same triples.

rdflib and Oxigraph (strict IRI checks) read every format; Debian's rapper
(raptor2) and serdi (serd) read Turtle, N-Triples, TriG and N-Quads (neither
has a JSON-LD parser). A parser's warning fails the test like an error does.
Turtle and TriG must also carry no backslash escapes outside literals:
Virtuoso 7.2 keeps the backslash of ``inst:a\\(b\\)`` in the IRI.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.cli import RdfFormat
from kg.corpus.outputs import WRITERS
from kg.errors import GraphError
from kg.model import Extraction
from kg.rdf.formats import FORMATS as RDF_FORMATS
from kg.rdf.formats import WRITTEN, format_of
from kg.rdf.formats import WRITTEN as FORMATS
from kg.rdf.serialize import plain_pnames, serialize
from kg.rdf.statements import build_dataset, union

OX = {k: f.oxigraph for k, f in RDF_FORMATS.items()}
RDFLIB = {k: f.rdflib for k, f in RDF_FORMATS.items()}
DEBIAN = {"ttl": "turtle", "nt": "ntriples", "trig": "trig", "nq": "nquads"}
FORBIDDEN_IN_IRIS = set(' %"<>{}|\\^`')


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        message = f"{name} is not installed (apt-get install {'raptor2-utils' if name == 'rapper' else name})"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    return exe


@pytest.fixture
def small_files(tmp_path: Path, small_extraction: Extraction) -> dict[str, Path]:
    ds = build_dataset(small_extraction)
    g = union(ds)
    out = {}
    for fmt in FORMATS:
        out[fmt] = tmp_path / f"graph.{fmt}"
        out[fmt].write_text(serialize(ds, g, fmt), encoding="utf-8")
    return out


def _expected(files: dict[str, Path]) -> set[ox.Quad]:
    return set(ox.parse(path=str(files["nq"]), format=ox.RdfFormat.N_QUADS))


def _check_rdflib(path: Path, fmt: str, caplog: pytest.LogCaptureFixture) -> int:
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        ds = Dataset()
        ds.parse(path, format=RDFLIB[fmt])  # warnings are errors (pyproject's filterwarnings)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    return len(set(ds.quads((None, None, None, None))))


def _check_oxigraph(path: Path, fmt: str) -> set[ox.Quad]:
    quads = set(ox.parse(path=str(path), format=OX[fmt]))  # strict: raises on any bad IRI
    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode):
                assert not FORBIDDEN_IN_IRIS & set(term.value), term.value
    return quads


def _check_rapper(path: Path, fmt: str) -> int:
    done = subprocess.run(
        [_tool("rapper"), "-i", DEBIAN[fmt], "-c", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert not re.search(r"warning|error", done.stderr, re.I), done.stderr
    m = re.search(r"returned (\d+) (?:triples|statements)", done.stderr)
    assert m, done.stderr
    return int(m.group(1))


def _check_serdi(path: Path, fmt: str) -> int:
    out = "nquads" if fmt in {"trig", "nq"} else "ntriples"
    done = subprocess.run(
        [_tool("serdi"), "-i", DEBIAN[fmt], "-o", out, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    return len([line for line in done.stdout.splitlines() if line.strip()])


def _no_escapes_outside_literals(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    outside = re.sub(r'"""(?:\\.|[^\\])*?"""|"(?:\\.|[^"\\])*"', '""', text)
    assert "\\" not in outside, [ln for ln in outside.splitlines() if "\\" in ln][:3]


def _check_all(files: dict[str, Path], caplog: pytest.LogCaptureFixture) -> None:
    expected = _expected(files)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in expected}
    for fmt, path in files.items():
        quads = _check_oxigraph(path, fmt)
        if fmt in {"trig", "nq"}:
            assert quads == expected, fmt
        else:
            assert {ox.Triple(q.subject, q.predicate, q.object) for q in quads} == triples, fmt
        n = len(expected) if fmt in {"trig", "nq"} else len(triples)
        assert _check_rdflib(path, fmt, caplog) == n, fmt
        if fmt in DEBIAN:
            assert _check_rapper(path, fmt) == n, fmt
            assert _check_serdi(path, fmt) == n, fmt
        if fmt in {"ttl", "trig"}:
            _no_escapes_outside_literals(path)


def test_small_graph_parses_everywhere(
    small_files: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    _check_all(small_files, caplog)


@pytest.mark.slow
def test_seed_graph_parses_everywhere(seeds_build: Path, caplog: pytest.LogCaptureFixture) -> None:
    _check_all({fmt: seeds_build / f"graph.{fmt}" for fmt in FORMATS}, caplog)


def test_trig_keeps_one_graph_per_report_plus_shared(small_files: dict[str, Path]) -> None:
    graphs = {q.graph_name.value for q in _check_oxigraph(small_files["trig"], "trig")}
    assert graphs == {
        "https://w3id.org/kg-rol/graph/shared",
        "https://w3id.org/kg-rol/graph/report/small-2021",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("m:a\\/b m:p m:c\\(d\\) .", "<http://x/m/a/b> m:p <http://x/m/c(d)> ."),
        ('m:a m:p "m:b\\\\(c" .', 'm:a m:p "m:b\\\\(c" .'),
        ('m:a m:p """x\n m:b\\/c""" .', 'm:a m:p """x\n m:b\\/c""" .'),
        ("m:a m:p <http://x/\\u0041> ; m:q m:e\\. .", "m:a m:p <http://x/\\u0041> ; m:q <http://x/m/e.> ."),
        ("m:a m:p m:b .", "m:a m:p m:b ."),
    ],
)
def test_escaped_prefixed_names_become_full_iris(text: str, expected: str) -> None:
    assert plain_pnames(text, {"m": "http://x/m/"}) == expected


def test_one_table_drives_the_writers_the_readers_and_the_cli() -> None:
    assert tuple(WRITERS) == WRITTEN == tuple(f.value for f in RdfFormat)
    assert set(WRITTEN) < set(RDF_FORMATS)  # RDF/XML is read, not written
    for key, f in RDF_FORMATS.items():
        assert f.key == key and f.suffixes[0] == ("." + key if key != "rdfxml" else ".rdf")
        assert f.named_graphs == (key in {"trig", "nq"})
        assert OX[key] is f.oxigraph and RDFLIB[key] == f.rdflib


def test_a_file_s_format_is_its_suffix_s(tmp_path: Path) -> None:
    for suffix, key in ((".turtle", "ttl"), (".JSON", "jsonld"), (".xml", "rdfxml"), (".nq", "nq")):
        path = tmp_path / f"g{suffix}"
        path.write_text("", encoding="utf-8")
        assert format_of(path).key == key
    (tmp_path / "g.rq").write_text("", encoding="utf-8")
    with pytest.raises(GraphError, match="unknown RDF format"):
        format_of(tmp_path / "g.rq")
    with pytest.raises(GraphError, match="no such graph file"):
        format_of(tmp_path / "none.ttl")
