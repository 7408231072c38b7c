"""The library API: from report files to an extraction and a graph.

The stages run in one visible order, each a plain function over the records
of ``kg.model``::

    read → segment → report info (place, year, author) → mentions (with
    overlap resolution) → entities (canonical names, merging) → relations
    → merge across documents → RDF graph

Each document is extracted on its own, so documents can be processed
independently and merged; entity keys depend only on the entity (type,
canonical name, scope), never on the order of documents. ``build`` relies
on that to stream: each report becomes its own sorted N-Quads
(``kg.stream``), computed in parallel or reused from a cache
(``kg.collect``), and the outputs are written from their merge
(``kg.outputs``), never from a graph of the whole corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import OutputError
from kg.extract.anaphora import resolve_anaphora
from kg.extract.hierarchy import with_parents
from kg.extract.mentions import find_mentions
from kg.extract.nested import nested_mentions
from kg.extract.relations import Note, find_relations
from kg.extract.report import detect_report_info
from kg.extract.trace import Trace
from kg.io.read import read_documents
from kg.model import Document, DocumentExtraction, Entity, Extraction, Mention, Relation
from kg.normalize import author_key, link_entities, merge_entities
from kg.stream import DEFAULT_MAX_BYTES, DocumentFailure
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
    (``kg.explain``); they change nothing.
    """
    view = reflow_document(doc)
    read = view.document
    sentences = split_sentences(read)
    info = detect_report_info(read, sentences)
    mentions = resolve_anaphora(find_mentions(read, sentences, info, trace), info)
    # titles cited inside titles, and their issuers: mentions nested in a title's
    mentions = sorted([*mentions, *nested_mentions(mentions, info)], key=lambda m: (m.start, m.end, m.rule))
    author = author_key(info)
    entities = with_parents(link_entities(read, info, mentions), info, author)
    relations = find_relations(read, sentences, info, mentions, entities, author, note)
    return view.restore(
        DocumentExtraction(
            document=read,
            info=info,
            sentences=sentences,
            mentions=mentions,
            entities=entities,
            relations=relations,
            author_key=author,
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
                    "rule": m.rule,
                }
            )
    return out


def relation_records(result: Extraction) -> list[dict[str, Any]]:
    """One JSON object per relation, in the format of ``kg extract --relations``.

    An entity's names are those its own report uses (canonical name first),
    so a document's records do not depend on the other documents: a
    streaming or incremental build gives the same records.
    """
    out: list[dict[str, Any]] = []
    for d in result.documents:
        by_key = {e.key: e for e in merge_entities(d.entities)}

        # 通山县始终…: the report speaks of its place as the author; the place's
        # name stands for the author in what the report states (not a label of it).
        alias = d.info.author_alias

        def names(
            key: tuple[str, str, str],
            by_key: dict[tuple[str, str, str], Entity] = by_key,
            author: tuple[str, str, str] | None = d.author_key,
            alias: str = alias,
        ) -> list[str]:
            e = by_key.get(key)
            out = [e.canonical, *e.alt_labels] if e else [key[1]]
            return [*out, alias] if alias and key == author and alias not in out else out

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
    """What ``build`` wrote and counted, for the CLI's closing table.

    ``documents`` counts the reports in the graph, ``cached`` those of them
    reused from the cache; ``failures`` are the files that could not be read
    (the build went on without them).
    """

    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
    triples: int
    outputs: tuple[Path, ...]
    cached: int = 0
    failures: tuple[DocumentFailure, ...] = ()


def build_phases(formats: Sequence[str] = ("ttl",), html: bool = True, store: object = None) -> list[str]:
    """The steps ``build`` reports through ``progress`` after the documents, in order."""
    return (
        ["mentions.jsonl", "merge", *(f"graph.{f}" for f in formats)]
        + (["store"] if store else [])
        + (["graph.html"] if html else [])
    )


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path = "output",
    formats: Sequence[str] = ("ttl",),
    html: bool = True,
    progress: Progress | None = None,
    store: str | Path | None = None,
    *,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    html_entities: int | None = None,
    html_mentions: int | None = None,
) -> BuildSummary:
    """Extract the reports, build the graph and write every output into ``out_dir``.

    Each report is processed on its own (``kg.stream.process_document``),
    in ``jobs`` processes (default: all cores) or on a Dask cluster
    (``engine="dask"``, ``scheduler="tcp://host:8786"``), and its result is
    cached in ``cache_dir`` (default ``out_dir/.cache``; ``cache=False``
    for none), so the next build recomputes only changed reports. The
    results are merged as sorted streams; the corpus graph is never held in
    memory, and the output is byte-identical whatever the engine, the number
    of jobs or what came from the cache.

    Writes ``graph.<fmt>`` for each format, ``mentions.jsonl`` (the ``kg
    extract`` records) and ``graph.html`` (the ``html_entities`` most
    mentioned entities, each with at most ``html_mentions`` sentences;
    defaults ``kg.view.VIEW_ENTITIES`` and ``VIEW_MENTIONS``). Every
    file is written atomically. With ``store``, also bulk-loads the dataset
    (named graphs kept) into a persistent Oxigraph store in that folder, for
    ``kg query --store``.

    A file that is not a readable report (or is larger than ``max_bytes``)
    is left out and listed in ``BuildSummary.failures``; with ``strict``,
    the first one raises ``InputError`` before any output is replaced.
    """
    import os
    import shutil
    import tempfile

    from kg.cache import ResultCache
    from kg.collect import collect
    from kg.engines import default_jobs
    from kg.export import FORMATS
    from kg.io.read import find_inputs
    from kg.outputs import write_outputs
    from kg.view import VIEW_ENTITIES, VIEW_MENTIONS

    for fmt in formats:
        if fmt not in FORMATS:
            raise OutputError(f"unknown RDF format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    files = find_inputs(inputs)
    fresh = not out.exists()
    scratch = None
    try:
        if cache:
            results = ResultCache(Path(cache_dir) if cache_dir is not None else out / ".cache")
            results.prune_stale()
        else:  # results still go to disk, beside the outputs (a system /tmp may be in memory)
            out.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=f".kg-results-{os.getpid()}-", dir=out))
            results = ResultCache(scratch)
        got = collect(
            files,
            results,
            engine=engine,
            jobs=jobs,
            scheduler=scheduler,
            max_bytes=max_bytes,
            strict=strict,
            progress=progress,
        )
        written = write_outputs(
            got.entries,
            out,
            formats=formats,
            html=html,
            store=store,
            progress=progress,
            html_entities=VIEW_ENTITIES if html_entities is None else html_entities,
            html_mentions=VIEW_MENTIONS if html_mentions is None else html_mentions,
            jobs=default_jobs() if jobs is None else jobs,
        )
    except OSError as e:
        raise OutputError(f"{out}: cannot write ({e.strerror})") from None
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
            if fresh and not any(out.iterdir()):
                out.rmdir()
    relations: dict[str, int] = {}
    for e in got.entries:
        for name, n in e.relation_counts.items():
            relations[name] = relations.get(name, 0) + n
    return BuildSummary(
        documents=len(got.entries),
        entities=written.entities,
        relations=dict(sorted(relations.items())),
        triples=written.triples,
        outputs=written.paths,
        cached=got.cached,
        failures=tuple(got.failures),
    )


def write_records(
    inputs: Sequence[str | Path],
    out: BinaryIO,
    *,
    relations: bool = False,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
) -> tuple[DocumentFailure, ...]:
    """Write the ``kg extract`` records (mentions, or ``relations``) of every report to ``out``.

    Reports are processed like ``build`` does (in parallel, one at a time
    in memory) and written in id order; returns the files that could not be
    read. Raises ``InputError`` as ``build`` does (``strict``, or nothing readable).
    """
    import shutil
    import tempfile

    from kg.cache import ResultCache
    from kg.collect import collect
    from kg.io.read import find_inputs

    files = find_inputs(inputs)
    scratch = tempfile.mkdtemp(prefix="kg-results-")
    try:
        got = collect(
            files,
            ResultCache(scratch),
            engine=engine,
            jobs=jobs,
            scheduler=scheduler,
            max_bytes=max_bytes,
            strict=strict,
        )
        for e in got.entries:
            e.copy_to("relations" if relations else "mentions", out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return tuple(got.failures)
