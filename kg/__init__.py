"""kg: knowledge graphs from Chinese rule-of-law (法治政府建设) reports.

The library API is ``kg.api`` and mirrors the command line: ``kg.extract``
reads reports and returns an ``Extraction``; ``kg.build`` extracts, builds
the RDF graph and writes the outputs; ``kg.query`` runs SPARQL; ``kg.render``
draws the HTML (see ``kg.api.__all__`` for the rest). Its names are
re-exported here on first use, so that ``import kg`` stays cheap and no
public name is a subpackage (the layers are ``kg.io``, ``kg.text``,
``kg.extraction``, ``kg.rdf``, ``kg.sparql``, ``kg.present``, ``kg.corpus``).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The names of ``kg.api`` (and ``__all__``), imported on first use."""
    if name == "__all__" or not name.startswith("_"):
        api = import_module("kg.api")
        if name == "__all__":
            return ["__version__", *api.__all__]
        if name in api.__all__:
            return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
