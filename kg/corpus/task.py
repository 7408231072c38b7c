"""One document in, plain results out: the unit of work of a streaming build.

``process_document`` reads one report, extracts it and writes its share of
the graph as N-Quads (``kg.rdf.nquads.extraction_nquads``: the statements
of that document alone, without building an rdflib graph, which would cost
more than the extraction). Entity IRIs depend only on (type, canonical
name, scope), so the union of every document's share is the corpus graph,
and no stage needs the corpus in memory. The result holds bytes and small
counts only, so it pickles cheaply to another process or a Dask worker and
can be cached on disk.

The function is top level and takes plain arguments: a process pool or a
Dask cluster can run it as it is. A bad input file (``InputError``) comes
back as a ``DocumentFailure`` instead of raising, so one bad file does not
stop a build of many.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import InputError
from kg.extraction.document import extract_document
from kg.extraction.normalize import merge_entities
from kg.extraction.places import gazetteer
from kg.extraction.records import mention_records, relation_records
from kg.io.read import DEFAULT_MAX_BYTES, read_document
from kg.io.write import dumps_jsonl
from kg.model import Extraction
from kg.rdf.nquads import extraction_nquads
from kg.text.tokenize import tokenize


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
        given: the facts its folder's manifest gives (``GivenFacts.key``), "" for none.
    """

    doc_id: str
    path: str
    sha256: str
    quads: bytes
    mentions: bytes
    relations: bytes
    given: str = ""


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
        given=doc.given.key() if doc.given else "",
    )


def warm_up() -> None:
    """Load jieba's dictionary and the gazetteer once, when a worker process starts."""
    tokenize("法治政府")
    gazetteer()
