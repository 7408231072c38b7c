"""The package layout is the architecture: one layer per folder, imports only go down, no circles.

``LAYERS`` lists kg's layers from the bottom up. A module may import kg
modules of its own layer or of a layer below it, and the third-party
packages its layer is allowed (rdflib and Oxigraph from ``kg.rdf`` up, the
drawing libraries in ``kg.present``, Typer in the CLI only). No group of
modules imports itself around a circle, and an import inside a function is
kept for an optional heavy dependency, with a comment that says why.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KG = ROOT / "kg"

#: kg's layers, bottom first; a layer is a module or a package of modules.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("kg.errors",),
    ("kg.model",),
    ("kg.data",),
    ("kg.io",),
    ("kg.text",),
    ("kg.extraction",),
    ("kg.rdf",),
    ("kg.sparql",),
    ("kg.present",),
    ("kg.corpus",),
    ("kg.api",),
    ("kg", "kg.cli", "kg.__main__"),
)

#: Third-party packages and the lowest layer that may import them.
THIRD_PARTY = {
    "rdflib": "kg.rdf",
    "pyoxigraph": "kg.rdf",
    "pyshacl": "kg.rdf",
    "networkx": "kg.present",
    "numpy": "kg.present",
    "pyvis": "kg.present",
    "distributed": "kg.corpus",
    "rich": "kg.cli",
    "typer": "kg.cli",
}

#: Imports allowed inside a function: dependencies that are heavy to import and that
#: many commands never need (each such import carries a comment saying why).
LAZY = {"jieba", "networkx", "numpy", "pyshacl", "docx", "pypdf", "distributed"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(KG.rglob("*.py"))}


def _layer(module: str) -> int:
    """The index in ``LAYERS`` of the layer that holds ``module``."""
    best, found = -1, -1
    for i, layer in enumerate(LAYERS):
        for prefix in layer:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), i
    if found < 0:
        raise AssertionError(f"{module} belongs to no layer: add its package to LAYERS")
    return found


def _imports(path: Path) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    """Every import statement of a file with each module it names (kg submodules resolved)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                yield node, sub if sub in MODULES else node.module


def _kg_imports(module: str) -> set[str]:
    return {name for _, name in _imports(MODULES[module]) if name == "kg" or name.startswith("kg.")}


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        _layer(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down(module: str) -> None:
    here = _layer(module)
    up = sorted(name for name in _kg_imports(module) if _layer(name) > here)
    assert not up, f"{module} (layer {LAYERS[here][0]}) imports the higher layer(s) of {up}"
    for _, name in _imports(MODULES[module]):
        top = name.split(".")[0]
        if top in THIRD_PARTY:
            allowed = _layer(THIRD_PARTY[top])
            assert here >= allowed, f"{module} imports {top}, which belongs in {THIRD_PARTY[top]} and above"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module, or of one that imports itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle() -> None:
    graph = {m: {n for n in _kg_imports(m) if n in MODULES and n != "kg"} for m in MODULES}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"a"}}) == [["a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_inside_functions_are_heavy_optional_dependencies(module: str) -> None:
    path = MODULES[module]
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            assert all(n.split(".")[0] in LAZY for n in names), f"{where}: import at the top of the module"
            assert "#" in _import_block(lines, node.lineno - 1), (
                f"{where}: say in a comment why this import waits for the call"
            )


def _import_block(lines: list[str], at: int) -> str:
    """The import line at ``at``, the imports right above it and the line above them (a comment)."""
    start = at
    while start > 0 and lines[start - 1].strip().startswith(("import ", "from ")):
        start -= 1
    return "\n".join(lines[max(0, start - 1) : at + 1])
