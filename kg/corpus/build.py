"""The build: from report files to every output of ``kg build``.

Each report becomes its own sorted N-Quads and ``kg extract`` records
(``kg.corpus.task``), computed in parallel or reused from a cache
(``kg.corpus.collect``, ``kg.corpus.engines``, ``kg.corpus.cache``), and the
outputs are written from their merge (``kg.corpus.outputs``), never from a
graph of the whole corpus.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.corpus.cache import ResultCache
from kg.corpus.collect import collect
from kg.corpus.engines import default_jobs
from kg.corpus.outputs import write_outputs
from kg.corpus.task import DocumentFailure
from kg.errors import OutputError
from kg.io.read import DEFAULT_MAX_BYTES, find_inputs
from kg.present.view import VIEW_ENTITIES, VIEW_MENTIONS
from kg.rdf.serialize import FORMATS

Progress = Callable[[str], None]


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

    Each report is processed on its own (``kg.corpus.task.process_document``),
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
    defaults ``kg.present.view.VIEW_ENTITIES`` and ``VIEW_MENTIONS``). Every
    file is written atomically. With ``store``, also bulk-loads the dataset
    (named graphs kept) into a persistent Oxigraph store in that folder, for
    ``kg query --store``.

    A file that is not a readable report (or is larger than ``max_bytes``)
    is left out and listed in ``BuildSummary.failures``; with ``strict``,
    the first one raises ``InputError`` before any output is replaced.
    """
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
