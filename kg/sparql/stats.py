"""Counts that summarise a graph: classes, relations, the busiest entities.

Computed with SPARQL on the same Oxigraph store as ``kg query``, so the
figures are exactly what a user's own queries would see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.model import EntityType, Predicate
from kg.sparql.local import default_prefixes

_TYPES = " ".join(f"rol:{t.english}" for t in EntityType)
#: Relations between entities (the degree counts them); then the others (itemCount).
_RELATIONS = " ".join(f"rol:{p.value}" for p in Predicate if p.links)
_VALUES = " ".join(f"rol:{p.value}" for p in Predicate if not p.links)

CLASS_COUNTS = f"""
SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {{
  VALUES ?class {{ {_TYPES} rol:Report rol:Region rol:Mention rol:RelationEvidence }}
  ?x a ?class .
}} GROUP BY ?class ORDER BY ?class"""

#: Each relation's edges, and how many of them are implied only (see ``RelationCount``).
RELATION_COUNTS = f"""
SELECT ?relation (COUNT(*) AS ?n) (SUM(IF(?implied, 1, 0)) AS ?implied_n) WHERE {{
  VALUES ?relation {{ {_RELATIONS} {_VALUES} }}
  ?s ?relation ?o .
  BIND(EXISTS {{ ?ev rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o ; rol:implicit true }}
       && NOT EXISTS {{ ?ev2 rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o ; rol:implicit false }}
       AS ?implied)
}} GROUP BY ?relation ORDER BY ?relation"""

TOP_BY_MENTIONS = f"""
SELECT ?entity ?label ?class (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{
  VALUES ?class {{ {_TYPES} }}
  ?entity a ?class ; rdfs:label ?label ; rol:hasMention ?m .
}} GROUP BY ?entity ?label ?class ORDER BY DESC(?mentions) ?label LIMIT %d"""

TOP_BY_DEGREE = f"""
SELECT ?entity ?label ?class (COUNT(*) AS ?degree) WHERE {{
  VALUES ?class {{ {_TYPES} }}
  VALUES ?relation {{ {_RELATIONS} }}
  {{ ?entity ?relation ?other }} UNION {{ ?other ?relation ?entity }}
  ?entity a ?class ; rdfs:label ?label .
}} GROUP BY ?entity ?label ?class ORDER BY DESC(?degree) ?label LIMIT %d"""


@dataclass(frozen=True, slots=True)
class RelationCount:
    """The edges of one relation in a graph: what ``kg stats`` and ``kg build`` count.

    An edge is a distinct (subject, relation, object) statement, however many
    sentences of however many reports support it. It is *implied* when every
    sentence that supports it has no subject of its own, so the subject is the
    report's author (each evidence has ``rol:implicit true``), and *stated*
    otherwise (at least one sentence names the subject, or no evidence says
    either way).
    """

    stated: int
    implied: int

    @property
    def total(self) -> int:
        return self.stated + self.implied


def relation_counts(
    edges: Iterable[tuple[str, object, object]], implied: Container[tuple[str, object, object]]
) -> dict[str, RelationCount]:
    """``RelationCount`` per relation name of ``edges`` (relation, subject, object), ``implied`` those implied only."""
    totals: Counter[str] = Counter()
    only: Counter[str] = Counter()
    for e in edges:
        totals[e[0]] += 1
        only[e[0]] += e in implied
    return {name: RelationCount(totals[name] - only[name], only[name]) for name in sorted(totals)}


@dataclass(frozen=True, slots=True)
class Ranked:
    label: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class GraphStats:
    triples: int
    classes: dict[str, int]
    relations: dict[str, RelationCount]
    top_mentions: tuple[Ranked, ...]
    top_degree: tuple[Ranked, ...]


def _name(term: ox.NamedNode) -> str:
    return term.value.rsplit("#", 1)[-1]


def _local(term: ox.NamedNode) -> str:
    return "rol:" + _name(term)


def _labels() -> dict[str, str]:
    return {f"rol:{t.english}": t.value for t in EntityType}


def compute(store: ox.Store, top: int = 10) -> GraphStats:
    """Counts per class and relation, and the top entities by mentions and by degree."""
    prefixes = default_prefixes()

    def select(q: str) -> list[ox.QuerySolution]:
        res = store.query(q, prefixes=prefixes, use_default_graph_as_union=True)
        assert isinstance(res, ox.QuerySolutions)
        return list(res)

    classes = {_local(s["class"]): int(s["n"].value) for s in select(CLASS_COUNTS)}
    relations = {
        Predicate(_name(s["relation"])).value: RelationCount(
            int(s["n"].value) - int(s["implied_n"].value), int(s["implied_n"].value)
        )
        for s in select(RELATION_COUNTS)
    }
    names = _labels()

    def ranked(q: str, var: str) -> tuple[Ranked, ...]:
        rows = select(q % top)
        return tuple(
            Ranked(s["label"].value, names.get(_local(s["class"]), ""), int(s[var].value)) for s in rows
        )

    return GraphStats(
        triples=len(store),
        classes=classes,
        relations=relations,
        top_mentions=ranked(TOP_BY_MENTIONS, "mentions"),
        top_degree=ranked(TOP_BY_DEGREE, "degree"),
    )
