"""kg's graph for property-graph tools: GraphML, GEXF, and Neo4j's bulk-import CSV.

The property graph keeps what a graph database user navigates: entities,
reports and regions as nodes; relations, "report mentions entity", scopes and
places as edges, and the kinds (SKOS concepts) systems and lists are
instances of, with ``kind`` edges. Mentions and evidence collapse into edge and node
properties (how many mentions, which reports state a relation, one evidence
sentence). Node ids are the RDF IRIs and names are the ``rdfs:label``
values, so a node found in Neo4j or Gephi is the same resource in SPARQL.

The graph is read with Oxigraph (fast, and the same parser as ``kg query``)
and written through networkx. Output is sorted, so it is deterministic.

Neo4j: ``neo4j-admin database import full --nodes=nodes.csv
--relationships=relationships.csv`` reads the CSV folder; arrays use ``;``,
Neo4j's default array delimiter.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import OutputError
from kg.io.write import write_text
from kg.model import EntityType, Predicate
from kg.sparql.local import default_prefixes, load_store
from kg.sparql.source import DEFAULT_OUT

if TYPE_CHECKING:
    import networkx as nx

PG_FORMATS = ("graphml", "gexf", "csv")

#: Relations between entities: the edges of the property graph.
RELATIONS = tuple(p.value for p in Predicate if p.links)

_ENTITIES = f"""
SELECT ?node ?class ?name (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{
  VALUES ?class {{ {" ".join("rol:" + t.english for t in EntityType)} }}
  ?node a ?class ; rdfs:label ?name .
  OPTIONAL {{ ?node rol:hasMention ?m }}
}} GROUP BY ?node ?class ?name"""

_ALT_LABELS = "SELECT DISTINCT ?node ?alt WHERE { ?node skos:altLabel ?alt }"

_ITEM_COUNTS = "SELECT DISTINCT ?node ?n WHERE { ?node rol:itemCount ?n }"

_REPORTS = """
SELECT ?node ?id ?title ?year WHERE {
  ?node a rol:Report ; dcterms:identifier ?id .
  OPTIONAL { ?node dcterms:title ?title }
  OPTIONAL { ?node rol:year ?year }
}"""

_REGIONS = """
SELECT ?node ?name ?level ?code WHERE {
  ?node a rol:Region ; rdfs:label ?name .
  OPTIONAL { ?node rol:divisionLevel ?level }
  OPTIONAL { ?node skos:notation ?code }
}"""

_RELATIONS = f"""
SELECT ?s ?p ?o ?report ?start ?sentence WHERE {{
  VALUES ?p {{ {" ".join("rol:" + r for r in RELATIONS)} }}
  ?s ?p ?o .
  OPTIONAL {{
    ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
        rol:inReport/dcterms:identifier ?report ; rol:start ?start ; rol:sentence ?sentence .
  }}
}}"""

_MENTIONS = """
SELECT ?r ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?r a rol:Report ; rol:mentions ?e .
  OPTIONAL { ?e rol:hasMention ?m . ?m rol:inReport ?r }
} GROUP BY ?r ?e"""

_CONCEPTS = """
SELECT DISTINCT ?node ?name WHERE { ?e rol:kind ?node . ?node rdfs:label ?name }"""

_LINKS = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { rol:scope rol:place schema:containedInPlace dcterms:publisher rol:kind }
  ?s ?p ?o .
}"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(store: ox.Store) -> nx.MultiDiGraph:
    """The property graph of a kg store: node ids are IRIs, edge keys are relation names."""
    import networkx as nx  # heavy (about 0.2 s with numpy): loaded by kg export, not by every command

    prefixes = default_prefixes()

    def rows(q: str) -> list[ox.QuerySolution]:
        res = store.query(q, prefixes=prefixes, use_default_graph_as_union=True)
        assert isinstance(res, ox.QuerySolutions)
        return list(res)

    g = nx.MultiDiGraph()
    for r in rows(_ENTITIES):
        g.add_node(
            r["node"].value,
            labels=[_local(r["class"].value)],
            name=r["name"].value,
            mentions=int(r["mentions"].value),
        )
    for r in rows(_ALT_LABELS):
        if r["node"].value in g:
            g.nodes[r["node"].value].setdefault("altLabels", []).append(r["alt"].value)
    for r in rows(_ITEM_COUNTS):
        if r["node"].value in g:
            g.nodes[r["node"].value].setdefault("itemCount", []).append(int(r["n"].value))
    for r in rows(_REPORTS):
        attrs: dict[str, Any] = {"labels": ["Report"], "name": r["id"].value, "identifier": r["id"].value}
        if r["title"] is not None:
            attrs["title"] = r["title"].value
        if r["year"] is not None:
            attrs["year"] = int(r["year"].value)
        g.add_node(r["node"].value, **attrs)
    for r in rows(_REGIONS):
        attrs = {"labels": ["Region"], "name": r["name"].value}
        if r["level"] is not None:
            attrs["level"] = r["level"].value
        if r["code"] is not None:
            attrs["code"] = r["code"].value
        g.add_node(r["node"].value, **attrs)
    for r in rows(_CONCEPTS):  # kinds of systems and lists (SKOS concepts)
        g.add_node(r["node"].value, labels=["Concept"], name=r["name"].value)

    evidence: dict[tuple[str, str, str], list[tuple[str, int, str]]] = {}
    for r in rows(_RELATIONS):
        key = (r["s"].value, _local(r["p"].value), r["o"].value)
        found = evidence.setdefault(key, [])
        if r["report"] is not None:
            found.append((r["report"].value, int(r["start"].value), r["sentence"].value))
    for (s, p, o), found in evidence.items():
        if s in g and o in g:
            found.sort()
            attrs = {"reports": sorted({f[0] for f in found}), "evidence": len(found)}
            if found:
                attrs["sentence"] = " ".join(found[0][2].split())
            g.add_edge(s, o, key=p, relation=p, **attrs)
    for r in rows(_MENTIONS):
        if r["r"].value in g and r["e"].value in g:
            g.add_edge(
                r["r"].value, r["e"].value, key="mentions", relation="mentions", mentions=int(r["n"].value)
            )
    for r in rows(_LINKS):
        s, p, o = r["s"].value, _local(r["p"].value), r["o"].value
        if s in g and o in g:
            g.add_edge(s, o, key=p, relation=p)
    return _sorted(g)


def _sorted(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    import networkx as nx  # heavy (about 0.2 s with numpy): loaded by kg export, not by every command

    out = nx.MultiDiGraph()
    out.add_nodes_from(sorted(g.nodes(data=True), key=lambda n: n[0]))
    out.add_edges_from(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])))
    return out


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF take scalar attributes only: lists become ';'-joined text.

    ``label`` repeats the name, since Gephi and yEd show that attribute.
    """
    import networkx as nx  # heavy (about 0.2 s with numpy): loaded by kg export, not by every command

    out = nx.MultiDiGraph()
    for node, attrs in g.nodes(data=True):
        out.add_node(node, label=attrs["name"], **{k: _scalar(v) for k, v in attrs.items()})
    for s, o, k, attrs in g.edges(keys=True, data=True):
        out.add_edge(s, o, key=k, **{a: _scalar(v) for a, v in attrs.items()})
    return out


def _scalar(v: Any) -> Any:
    return ";".join(str(x) for x in v) if isinstance(v, list) else v


_NODE_COLUMNS = [
    ("iri:ID", None),
    ("name", "name"),
    (":LABEL", "labels"),
    ("altLabels:string[]", "altLabels"),
    ("mentions:int", "mentions"),
    ("itemCount:long[]", "itemCount"),
    ("identifier", "identifier"),
    ("title", "title"),
    ("year:int", "year"),
    ("level", "level"),
    ("code", "code"),
]
_EDGE_COLUMNS = [
    (":START_ID", None),
    (":END_ID", None),
    (":TYPE", "relation"),
    ("reports:string[]", "reports"),
    ("evidence:int", "evidence"),
    ("mentions:int", "mentions"),
    ("sentence", "sentence"),
]


def neo4j_csv(g: nx.MultiDiGraph) -> tuple[str, str]:
    """``nodes.csv`` and ``relationships.csv`` in the layout ``neo4j-admin database import`` reads."""

    def cell(v: Any) -> str:
        if v is None:
            return ""
        return ";".join(str(x) for x in v) if isinstance(v, list) else str(v)

    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow([c for c, _ in _NODE_COLUMNS])
    for node, attrs in g.nodes(data=True):
        w.writerow([node] + [cell(attrs.get(a)) for _, a in _NODE_COLUMNS[1:]])
    rels = io.StringIO()
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([c for c, _ in _EDGE_COLUMNS])
    for s, o, _k, attrs in g.edges(keys=True, data=True):
        w.writerow([s, o] + [cell(attrs.get(a)) for _, a in _EDGE_COLUMNS[2:]])
    return nodes.getvalue(), rels.getvalue()


#: Where ``export`` writes each format when no output is given (csv: a folder).
DEFAULT_TARGETS = {
    "graphml": DEFAULT_OUT / "graph.graphml",
    "gexf": DEFAULT_OUT / "graph.gexf",
    "csv": DEFAULT_OUT / "neo4j",
}


def export(graphs: Sequence[str | Path], fmt: str, output: str | Path | None = None) -> list[Path]:
    """Write the graph files' property graph as ``fmt`` to ``output`` (a folder for csv; default ``DEFAULT_TARGETS``)."""
    import networkx as nx  # heavy (about 0.2 s with numpy): loaded by kg export, not by every command

    if fmt not in PG_FORMATS:
        raise OutputError(f"unknown export format {fmt!r}: use one of {', '.join(PG_FORMATS)}")
    g = to_networkx(load_store(graphs))
    out = Path(output) if output is not None else DEFAULT_TARGETS[fmt]
    if fmt == "csv":
        if out.exists() and not out.is_dir():
            raise OutputError(f"{out}: is a file; csv export writes a folder (nodes.csv, relationships.csv)")
        nodes, rels = neo4j_csv(g)
        write_text(out / "nodes.csv", nodes)
        write_text(out / "relationships.csv", rels)
        return [out / "nodes.csv", out / "relationships.csv"]
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(_flat(g), buf, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(_flat(g), buf, encoding="utf-8", prettyprint=True)
    text = buf.getvalue().decode("utf-8")
    # networkx stamps today's date into GEXF; drop it so the same graph gives the same bytes.
    text = re.sub(r'<meta lastmodifieddate="[^"]*">', "<meta>", text)
    write_text(out, text)
    return [out]
