"""One document in, plain results out: the unit of work of a streaming build.

``process_document`` reads one report, extracts it and writes its share of
the graph as N-Quads (``extraction_nquads``: the statements of
``kg.graph.build_dataset`` on that document alone, without building an
rdflib graph, which would cost more than the extraction). Entity
IRIs depend only on (type, canonical name, scope), so the union of every
document's share is the corpus graph, and no stage needs the corpus in
memory. The result holds bytes and small counts only, so it pickles cheaply
to another process or a Dask worker and can be cached on disk.

The function is top level and takes plain arguments: a process pool or a
Dask cluster can run it as it is. A bad input file (``InputError``) comes
back as a ``DocumentFailure`` instead of raising, so one bad file does not
stop a build of many.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.io.read import DEFAULT_MAX_BYTES  # --max-size default: larger files are refused unread

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.term import Node

    from kg.model import Extraction


_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "m": 1000**2,
    "mb": 1000**2,
    "g": 1000**3,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")


def parse_size(text: str) -> int:
    """Bytes in a size such as ``50MB``, ``1.5 GB``, ``512KiB`` or ``2000`` (kB, MB, GB are powers of 1000).

    Raises ValueError for anything else, including zero.
    """
    m = _SIZE.fullmatch(text)
    unit = m.group(2).lower() if m else ""
    if not m or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size: write it like 50MB, 500kB, 2GB or a number of bytes")
    size = int(float(m.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"{text!r}: the size limit must be at least 1 byte")
    return size


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything the build needs from one document.

    Attributes:
        doc_id: the report id (file stem).
        path: the file it was read from (for messages only).
        sha256: hex digest of the file's bytes.
        quads: the document's statements as N-Quads lines (shared graph and
            its report graph), UTF-8, sorted bytewise, no duplicates, each
            ending in ``\\n``.
        mentions: its ``kg extract`` mention records as JSON Lines.
        relations: its ``kg extract --relations`` records as JSON Lines.
        relation_counts: relations found, by predicate name.
    """

    doc_id: str
    path: str
    sha256: str
    quads: bytes
    mentions: bytes
    relations: bytes
    relation_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A file that could not be read as a report; ``reason`` names the file."""

    path: str
    reason: str


def process_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> DocumentResult | DocumentFailure:
    """Read, extract and turn one report into N-Quads and JSON Lines.

    Returns a ``DocumentFailure`` when the file is not a readable report
    (missing, empty, binary, undecodable, too large); any other error is a
    bug and propagates.
    """
    from kg.io.read import read_document
    from kg.io.write import dumps_jsonl
    from kg.model import Extraction
    from kg.normalize import merge_entities
    from kg.pipeline import extract_document, mention_records, relation_records

    try:
        doc = read_document(path, max_bytes)
    except InputError as e:
        return DocumentFailure(str(path), str(e))
    d = extract_document(doc)
    one = Extraction(documents=[d], entities=merge_entities(d.entities))
    return DocumentResult(
        doc_id=doc.id,
        path=str(path),
        sha256=doc.sha256,
        quads=extraction_nquads(one),
        mentions=dumps_jsonl(mention_records(one)).encode("utf-8"),
        relations=dumps_jsonl(relation_records(one)).encode("utf-8"),
        relation_counts=dict(sorted(Counter(r.predicate.value for r in d.relations).items())),
    )


def nquads_lines(ds: Dataset) -> bytes:
    """The dataset's statements as sorted, distinct N-Quads lines (Oxigraph's canonical escaping)."""
    from kg.export import dataset_quads

    lines = {f"{q} .\n".encode() for q in dataset_quads(ds)}
    return b"".join(sorted(lines))


def extraction_nquads(result: Extraction) -> bytes:
    """``nquads_lines(build_dataset(result))``, the same bytes, from the statements without an rdflib Dataset.

    Each distinct term is written once (``kg.export.to_ox``, Oxigraph's
    escaping) and its text reused: a report repeats its IRIs, sentences and
    offsets many times. A line is Oxigraph's ``Quad`` text: the four terms
    separated by spaces.
    """
    from kg.export import to_ox
    from kg.graph import statements_by_graph

    text: dict[Node, str] = {}

    def term(t: Node) -> str:
        s = text.get(t)
        if s is None:
            s = text[t] = str(to_ox(t))
        return s

    lines: set[bytes] = set()
    for graph, triples in statements_by_graph(result).items():
        g = f" {term(graph)} .\n"
        lines.update(f"{term(s)} {term(p)} {term(o)}{g}".encode() for s, p, o in triples)
    return b"".join(sorted(lines))


def warm_up() -> None:
    """Load jieba's dictionary and the gazetteer once, when a worker process starts."""
    from kg.places import gazetteer
    from kg.text.tokenize import tokenize

    tokenize("法治政府")
    gazetteer()
