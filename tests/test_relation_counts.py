"""One definition of a relation count (kg.sparql.stats.RelationCount), in kg stats and in the build's tally."""

from __future__ import annotations

import pyoxigraph as ox

from kg.corpus.outputs import Edges, tally_edges
from kg.sparql.stats import RelationCount, compute

R = "https://w3id.org/kg-rol/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
BOOL = "http://www.w3.org/2001/XMLSchema#boolean"
A, B, C = "https://example.org/inst/a", "https://example.org/sys/b", "https://example.org/sys/c"


def _evidence(n: int, s: str, p: str, o: str, implicit: bool) -> list[str]:
    ev = f"<https://example.org/ev/{n}>"
    flag = "true" if implicit else "false"
    return [
        f"{ev} <{RDF}subject> <{s}> .\n",
        f"{ev} <{RDF}predicate> <{R}{p}> .\n",
        f"{ev} <{RDF}object> <{o}> .\n",
        f'{ev} <{R}implicit> "{flag}"^^<{BOOL}> .\n',
    ]


def _graph() -> list[bytes]:
    lines = [
        f"<{A}> <{R}implements> <{B}> .\n",
        f"<{A}> <{R}implements> <{C}> .\n",
        f"<{A}> <{R}formulates> <{B}> .\n",
        # a:implements b is said by a sentence with its subject and implied by another: stated
        *_evidence(1, A, "implements", B, True),
        *_evidence(2, A, "implements", B, False),
        # a:implements c only implied, twice: one implied edge
        *_evidence(3, A, "implements", C, True),
        *_evidence(4, A, "implements", C, True),
        # a:formulates b: no evidence says either way, so stated
    ]
    return sorted(line.encode() for line in lines)


EXPECTED = {"formulates": RelationCount(1, 0), "implements": RelationCount(1, 1)}


def test_stats_counts_edges_stated_unless_every_evidence_is_implicit() -> None:
    store = ox.Store()
    store.load(b"".join(_graph()), ox.RdfFormat.N_TRIPLES)
    assert compute(store).relations == EXPECTED


def test_the_build_s_tally_counts_the_same_with_evidence_and_edges_in_other_parts() -> None:
    lines = _graph()
    whole, halves = Edges(), Edges()
    assert list(tally_edges(lines, whole)) == lines  # the lines pass through unchanged
    # parts never split a subject (kg.corpus.outputs): the evidence nodes, four lines each, then the edges
    for part in (lines[:8], lines[8:16], lines[16:]):
        one = Edges()
        list(tally_edges(part, one))
        halves.update(one)
    assert whole.counts() == halves.counts() == EXPECTED
    assert EXPECTED["implements"].total == 2
