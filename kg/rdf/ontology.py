"""The ontology and SHACL shapes, and validation of built graphs.

``ontology/`` at the top of the project is the source; a wheel carries it
as ``kg/_ontology`` (see pyproject.toml). Either is found from this file's
location, never from the current directory, so ``pip install .`` and
``pip install -e .`` both work from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.errors import OntologyError

SH = Namespace("http://www.w3.org/ns/shacl#")


def ontology_dir() -> Path:
    """The folder that holds rol.ttl and shapes.ttl."""
    here = Path(__file__).resolve().parents[1]  # the package kg/
    for candidate in (here / "_ontology", here.parent / "ontology"):
        if (candidate / "rol.ttl").is_file():
            return candidate
    raise OntologyError("ontology files not found: reinstall kg (pip install .)")


def ontology_path() -> Path:
    return ontology_dir() / "rol.ttl"


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


@cache
def _parsed(path: str) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except Exception as e:  # rdflib raises many parser types
        raise OntologyError(f"{path}: cannot parse ({e})") from None


def load_ontology() -> Graph:
    """A fresh copy of the ontology graph."""
    g = Graph()
    for t in _parsed(str(ontology_path())):
        g.add(t)
    return g


def load_shapes() -> Graph:
    g = Graph()
    for t in _parsed(str(shapes_path())):
        g.add(t)
    return g


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, in words a user can act on."""

    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]


def validate(graph: Graph) -> ValidationReport:
    """Check ``graph`` against shapes.ttl, with the ontology for subclass look-ups."""
    from pyshacl import validate as shacl_validate  # heavy (about 0.5 s): only kg validate needs it

    conforms, results, _ = shacl_validate(
        graph,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(
            results.objects(result, SH.resultMessage),
            key=lambda m: (getattr(m, "language", None) != "en", str(m)),
        )
        violations.append(
            Violation(
                focus=str(focus),
                path=_show(graph, path),
                message=str(messages[0]) if messages else "constraint violated",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(conforms=bool(conforms), violations=tuple(violations))


def _show(graph: Graph, node: object) -> str:
    """A prefixed name for an IRI path, the n3 form of anything else."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return graph.namespace_manager.normalizeUri(node)
    return str(node)
