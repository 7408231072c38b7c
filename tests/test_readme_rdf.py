"""The README's RDF sections stay true to the ontology and the shipped queries."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, RDF, Graph, Literal

from kg.sparql.named import all_queries

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ROL = "https://w3id.org/kg-rol/ontology#"


def _section(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, flags=re.M | re.S)
    assert m, f"README has no '## {title}' section"
    return m.group(1)


def test_every_ontology_term_is_in_the_readme_table() -> None:
    g = Graph().parse(ROOT / "ontology" / "rol.ttl")
    section = _section("Ontology")
    terms = {
        str(s)[len(ROL) :]
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, t)
        if str(s).startswith(ROL)
    }
    missing = sorted(t for t in terms if not re.search(rf"`rol:{t}`", section))
    assert not missing, missing


def test_the_ontology_version_is_stated_and_matches() -> None:
    g = Graph().parse(ROOT / "ontology" / "rol.ttl")
    versions = [str(v) for v in g.objects(None, OWL.versionInfo) if isinstance(v, Literal)]
    assert len(versions) == 1
    assert f'owl:versionInfo "{versions[0]}"' in _section("Ontology")


def test_every_named_query_is_documented() -> None:
    section = _section("Named queries")
    for q in all_queries():
        assert f"| `{q.name}` |" in section, q.name
        for p in q.params:
            assert f"`{p.name}`" in section, (q.name, p.name)


def test_the_iri_policy_names_the_forbidden_characters() -> None:
    section = _section("IRI policy")
    for ch in ("space", "`%`", '`"`', "`<>{}|\\^`", "backquote"):
        assert ch in section, ch
