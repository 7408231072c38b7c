"""kg: knowledge graphs from Chinese rule-of-law (法治政府建设) reports.

The library API mirrors the command line: ``kg.extract`` reads reports and
returns an ``Extraction``; ``kg.build`` extracts, builds the RDF graph and
writes the outputs; ``kg.query`` runs SPARQL; ``kg.render`` draws the HTML.
Nothing runs at import time, and each name is imported on first use so that
``kg query`` does not pay for jieba or pyvis.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "extract": "kg.extract.document",
    "extract_documents": "kg.extract.document",
    "build": "kg.corpus.build",
    "build_graph": "kg.rdf.statements",
    "query": "kg.sparql.local",
    "render": "kg.present.page",
    "validate": "kg.rdf.ontology",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
