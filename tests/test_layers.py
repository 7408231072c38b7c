"""Data flows one way: text and extraction stages never import RDF or the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
PURE = ["model.py", "errors.py", "lexicon.py", "places.py", "normalize.py", "io", "text", "extract"]
FORBIDDEN = {
    "rdflib",
    "pyoxigraph",
    "pyvis",
    "networkx",
    "typer",
    "kg.graph",
    "kg.cli",
    "kg.sparql",
    "kg.viz",
}


def _modules() -> list[Path]:
    out: list[Path] = []
    for name in PURE:
        p = KG / name
        out.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p] if p.exists() else [])
    return out


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(KG)))
def test_extraction_layers_stay_free_of_rdf_and_ui(path: Path) -> None:
    bad = {n for n in _imports(path) if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)}
    assert not bad, f"{path.name} imports {sorted(bad)}"
