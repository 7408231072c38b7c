"""Counts that summarise a graph: classes, relations, the busiest entities.

Computed with SPARQL on the same Oxigraph store as ``kg query``, so the
figures are exactly what a user's own queries would see.
"""

from __future__ import annotations

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

RELATION_COUNTS = f"""
SELECT ?relation (COUNT(*) AS ?n) WHERE {{
  VALUES ?relation {{ {_RELATIONS} {_VALUES} }}
  ?s ?relation ?o .
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
class Ranked:
    label: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class GraphStats:
    triples: int
    classes: dict[str, int]
    relations: dict[str, int]
    top_mentions: tuple[Ranked, ...]
    top_degree: tuple[Ranked, ...]


def _local(term: ox.NamedNode) -> str:
    return "rol:" + term.value.rsplit("#", 1)[-1]


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
    relations = {_local(s["relation"]): int(s["n"].value) for s in select(RELATION_COUNTS)}
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
