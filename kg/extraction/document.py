"""Extraction of one report, and of a set of reports merged by entity.

The stages run in one visible order, each a plain function over the records
of ``kg.model``::

    read → segment → report info (place, year, author) → mentions (with
    overlap resolution) → entities (canonical names, merging) → relations

Each document is extracted on its own, so documents can be processed
independently and merged; entity keys depend only on the entity (type,
canonical name, scope), never on the order of documents. ``kg.corpus``
relies on that to build the graph of a corpus one report at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from kg.extraction.anaphora import resolve_anaphora
from kg.extraction.hierarchy import with_parents
from kg.extraction.mentions import find_mentions
from kg.extraction.nested import nested_mentions
from kg.extraction.normalize import author_key, coauthor_keys, link_entities, merge_entities
from kg.extraction.relations import Note, find_relations
from kg.extraction.report import detect_report_info
from kg.extraction.trace import Trace
from kg.io.read import read_documents
from kg.model import Document, DocumentExtraction, Extraction
from kg.text.reflow import reflow_document
from kg.text.segment import split_sentences

Progress = Callable[[str], None]


def extract_document(
    doc: Document, trace: Trace | None = None, note: Note | None = None
) -> DocumentExtraction:
    """Run every extraction stage on one document.

    The stages read the text with the line breaks PDF conversion left inside
    sentences joined (``kg.text.reflow``); the result's offsets index ``doc.text``.
    ``trace`` and ``note`` hear why mentions and relations were found or not
    (``kg.extraction.explain``); they change nothing.
    """
    view = reflow_document(doc)
    read = view.document
    sentences = split_sentences(read)
    info = detect_report_info(read, sentences)
    mentions = resolve_anaphora(find_mentions(read, sentences, info, trace), info, read.text)
    # titles cited inside titles, and their issuers: mentions nested in a title's
    mentions = sorted([*mentions, *nested_mentions(mentions, info)], key=lambda m: (m.start, m.end, m.rule))
    author = author_key(info)
    entities = with_parents(link_entities(read, info, mentions), info, author)
    also = coauthor_keys(info)  # empty unless there is an author
    relations = find_relations(read, sentences, info, mentions, entities, author, note, also)
    return view.restore(
        DocumentExtraction(
            document=read,
            info=info,
            sentences=sentences,
            mentions=mentions,
            entities=entities,
            relations=relations,
            author_key=author,
            coauthor_keys=also,
        )
    )


def extract_documents(docs: Iterable[Document], progress: Progress | None = None) -> Extraction:
    """Extract each document, then merge entities across documents by key."""
    per_doc: list[DocumentExtraction] = []
    for doc in sorted(docs, key=lambda d: d.id):
        if progress:
            progress(doc.id)
        per_doc.append(extract_document(doc))
    entities = merge_entities([e for d in per_doc for e in d.entities])
    return Extraction(documents=per_doc, entities=entities)


def extract(paths: Sequence[str | Path], progress: Progress | None = None) -> Extraction:
    """Read the reports below ``paths`` and extract them."""
    return extract_documents(read_documents(paths), progress)
