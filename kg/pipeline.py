"""The library API: from report files to an extraction and a graph.

The stages run in one visible order, each a plain function over the records
of ``kg.model``::

    read → segment → report info (place, year, author) → mentions (with
    overlap resolution) → entities (canonical names, merging) → relations
    → merge across documents → RDF graph

Each document is extracted on its own, so documents can be processed
independently and merged; entity keys depend only on the entity (type,
canonical name, scope), never on the order of documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.extract.mentions import find_mentions
from kg.extract.relations import find_relations
from kg.io.read import read_documents
from kg.model import Document, DocumentExtraction, Entity, Extraction, Mention, Relation
from kg.normalize import author_key, link_entities, merge_entities
from kg.places import detect_report_info
from kg.text.segment import split_sentences

Progress = Callable[[str], None]


def extract_document(doc: Document) -> DocumentExtraction:
    """Run every extraction stage on one document."""
    sentences = split_sentences(doc)
    info = detect_report_info(doc, sentences)
    mentions = find_mentions(doc, sentences, info)
    entities = link_entities(doc, info, mentions)
    author = author_key(info)
    relations = find_relations(doc, sentences, info, mentions, entities, author)
    return DocumentExtraction(
        document=doc,
        info=info,
        sentences=sentences,
        mentions=mentions,
        entities=entities,
        relations=relations,
        author_key=author,
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


def entity_of_mentions(entities: Iterable[Entity]) -> dict[Mention, Entity]:
    """Map each mention to the entity that holds it."""
    return {m: e for e in entities for m in e.mentions}


def mention_records(result: Extraction) -> list[dict[str, Any]]:
    """One JSON object per entity mention, in the format of ``kg extract``."""
    owner = entity_of_mentions(result.entities)
    out: list[dict[str, Any]] = []
    for d in result.documents:
        sents = d.sentences
        for m in sorted(d.mentions, key=lambda m: (m.start, m.end)):
            ent = owner.get(m)
            out.append(
                {
                    "doc": m.doc_id,
                    "type": m.type.value,
                    "text": m.text,
                    "name": ent.canonical if ent else m.name,
                    "start": m.start,
                    "end": m.end,
                    "sentence": sents[m.sent_index].text,
                }
            )
    return out


def relation_records(result: Extraction) -> list[dict[str, Any]]:
    """One JSON object per relation, in the format of ``kg extract --relations``."""
    by_key = {e.key: e for e in result.entities}

    def names(key: tuple[str, str, str]) -> list[str]:
        e = by_key.get(key)
        return [e.canonical, *e.alt_labels] if e else [key[1]]

    out: list[dict[str, Any]] = []
    for d in result.documents:
        for r in sorted(d.relations, key=_relation_order):
            sent = d.sentences[r.sent_index]
            out.append(
                {
                    "doc": r.doc_id,
                    "p": r.predicate.value,
                    "s": names(r.subject),
                    "o": r.object if isinstance(r.object, int) else names(r.object),
                    "sentence": sent.text,
                    "start": r.start,
                    "end": r.end,
                    "implicit": r.implicit,
                    "rule": r.rule,
                }
            )
    return out


def _relation_order(r: Relation) -> tuple[Any, ...]:
    obj = (1, "", "", str(r.object)) if isinstance(r.object, int) else (0, *r.object)
    return (r.start, r.end, r.predicate.value, r.subject, obj)


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What ``build`` wrote and counted, for the CLI's closing table."""

    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
    triples: int
    outputs: tuple[Path, ...]


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path = "output",
    formats: Sequence[str] = ("ttl",),
    html: bool = True,
    progress: Progress | None = None,
    store: str | Path | None = None,
) -> BuildSummary:
    """Extract the reports, build the graph and write every output into ``out_dir``.

    Writes ``graph.<fmt>`` for each format, ``mentions.jsonl`` (the ``kg
    extract`` records) and ``graph.html``. Every file is written atomically.
    With ``store``, also writes the dataset (named graphs kept) as a
    persistent Oxigraph store in that folder, for ``kg query --store``.
    """
    from kg.export import write_rdf
    from kg.graph import build_dataset, union
    from kg.io.write import write_jsonl

    out = Path(out_dir)
    result = extract(inputs, progress)
    if progress:
        progress("graph")
    ds = build_dataset(result)
    graph = union(ds)
    written: list[Path] = []
    for fmt in formats:
        written.append(write_rdf(ds, graph, out / f"graph.{fmt}", fmt))
    write_jsonl(out / "mentions.jsonl", mention_records(result))
    written.append(out / "mentions.jsonl")
    if store is not None:
        from kg.store import write_store

        written.append(write_store(ds, store).path)
    if html:
        if progress:
            progress("html")
        from kg.viz import render

        render(graph, out / "graph.html", title="法治政府建设报告知识图谱")
        written.append(out / "graph.html")
    return BuildSummary(
        documents=len(result.documents),
        entities=_count(e.type.value for e in result.entities),
        relations=_count(r.predicate.value for r in result.relations),
        triples=len(graph),
        outputs=tuple(written),
    )


def _count(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))
