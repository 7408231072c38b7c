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
from kg.corpus.options import BuildOptions, RunOptions
from kg.corpus.outputs import write_outputs
from kg.corpus.task import DocumentFailure
from kg.errors import OutputError
from kg.io.read import find_inputs
from kg.sparql.stats import RelationCount

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What ``build`` wrote and counted, for the CLI's closing table.

    ``documents`` counts the reports in the graph, ``cached`` those of them
    reused from the cache; ``relations`` the edges of each relation in the
    graph, stated and implied, as ``kg stats`` counts them
    (``kg.sparql.stats.RelationCount``); ``failures`` are the files that could
    not be read (the build went on without them).
    """

    documents: int
    entities: dict[str, int]
    relations: dict[str, RelationCount]
    triples: int
    outputs: tuple[Path, ...]
    cached: int = 0
    failures: tuple[DocumentFailure, ...] = ()


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path = "output",
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Extract the reports, build the graph and write every output into ``out_dir``.

    Each report is processed on its own (``kg.corpus.task.process_document``),
    in ``options.run.jobs`` processes (default: all cores) or on a Dask
    cluster (``engine="dask"``), and its result is cached (``options.cache``,
    ``options.cache_dir``, default ``out_dir/.cache``), so the next build
    recomputes only changed reports. The results are merged as sorted
    streams; the corpus graph is never held in memory, and the output is
    byte-identical whatever the engine, the number of jobs or what came
    from the cache.

    Writes ``graph.<fmt>`` for each of ``options.formats``,
    ``mentions.jsonl`` (the ``kg extract`` records) and ``graph.html``
    (bounded by ``options.html_entities`` and ``html_mentions``). Every file
    is written atomically. With ``options.store``, also bulk-loads the
    dataset (named graphs kept) into a persistent Oxigraph store in that
    folder, for ``kg query --store``. ``progress`` is called with each
    report's id, then with each of ``options.phases()``.

    A file that is not a readable report (or is larger than ``max_bytes``)
    is left out and listed in ``BuildSummary.failures``; with ``strict``,
    the first one raises ``InputError`` before any output is replaced.
    """
    options = options or BuildOptions()
    out = Path(out_dir)
    files = find_inputs(inputs)
    fresh = not out.exists()
    scratch = None
    try:
        if options.cache:
            results = ResultCache(options.cache_dir if options.cache_dir is not None else out / ".cache")
            results.prune_stale()
        else:  # results still go to disk, beside the outputs (a system /tmp may be in memory)
            out.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=f".kg-results-{os.getpid()}-", dir=out))
            results = ResultCache(scratch)
        got = collect(files, results, options.run, progress)
        written = write_outputs(got.entries, out, options, progress)
    except OSError as e:
        raise OutputError(f"{out}: cannot write ({e.strerror})") from None
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
            if fresh and not any(out.iterdir()):
                out.rmdir()
    return BuildSummary(
        documents=len(got.entries),
        entities=written.entities,
        relations=written.relations,
        triples=written.triples,
        outputs=written.paths,
        cached=got.cached,
        failures=tuple(got.failures),
    )


def write_records(
    inputs: Sequence[str | Path],
    out: BinaryIO,
    relations: bool = False,
    run: RunOptions | None = None,
) -> tuple[DocumentFailure, ...]:
    """Write the ``kg extract`` records (mentions, or ``relations``) of every report to ``out``.

    Reports are processed like ``build`` does (in parallel, one at a time
    in memory) and written in id order; returns the files that could not be
    read. Raises ``InputError`` as ``build`` does (``strict``, or nothing readable).
    """
    files = find_inputs(inputs)
    scratch = tempfile.mkdtemp(prefix="kg-results-")
    try:
        got = collect(files, ResultCache(scratch), run)
        for e in got.entries:
            e.copy_to("relations" if relations else "mentions", out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return tuple(got.failures)
