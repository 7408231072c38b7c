"""The build: from report files to every output of ``kg build``.

Each report becomes its own sorted N-Quads and ``kg extract`` records
(``kg.corpus.task``), computed in parallel or reused from a cache
(``kg.corpus.collect``, ``kg.corpus.engines``, ``kg.corpus.cache``), and the
outputs are written from their merge (``kg.corpus.outputs``), never from a
graph of the whole corpus.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import BinaryIO

from kg.corpus.cache import ResultCache
from kg.corpus.collect import NoReadableInputError, collect, gather
from kg.corpus.options import BuildOptions, RunOptions
from kg.corpus.outputs import remove_stale, write_outputs
from kg.corpus.task import DocumentFailure
from kg.errors import OutputError
from kg.io.write import atomic_write
from kg.sparql.source import MANIFEST
from kg.sparql.stats import RelationCount

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What ``build`` wrote and counted, for the CLI's closing table.

    ``documents`` counts the reports in the graph, ``cached`` those of them
    reused from the cache; ``relations`` the edges of each relation in the
    graph, stated and implied, as ``kg stats`` counts them
    (``kg.sparql.stats.RelationCount``); ``failures`` are the inputs that could
    not be read (missing paths, unreadable files: the build went on without
    them); ``skipped`` the files of input folders that are not reports (a
    README.md); ``removed`` the outputs of an earlier build that this one did
    not write again (a ``graph.ttl`` when it wrote only TriG), deleted so that
    no command reads them by mistake.
    """

    documents: int
    entities: dict[str, int]
    relations: dict[str, RelationCount]
    triples: int
    outputs: tuple[Path, ...]
    cached: int = 0
    failures: tuple[DocumentFailure, ...] = ()
    skipped: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()


def kg_version() -> str:
    """The installed kg's version (``kg --version``, the manifest's ``kg``)."""
    try:
        return version("kg")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build(
    inputs: Sequence[str | Path] | None,
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

    A path that does not exist or a file that is not a readable report (or
    is larger than ``max_bytes``) is left out and listed in
    ``BuildSummary.failures``; with ``strict``, the first one raises
    ``InputError`` before any output is replaced. With no ``inputs``, the
    ``seeds/`` folder of the current directory is read.

    Last, ``MANIFEST`` records the build (inputs, formats, outputs, counts,
    kg's version and the time; the same bytes for the same build apart from
    the time), and the outputs an earlier build wrote and this one did not
    are removed. The reading commands read the graph the manifest names.
    """
    options = options or BuildOptions()
    out = Path(out_dir)
    found = gather(inputs, options.run.strict)
    files = list(found.files)
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
        try:
            got = collect(files, results, options.run, progress)
        except NoReadableInputError as e:
            raise NoReadableInputError(found.failures + e.failures) from None
        written = write_outputs(got.entries, out, options, progress)
    except OSError as e:
        raise OutputError(f"{out}: cannot write ({e.strerror})") from None
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
            if fresh and not any(out.iterdir()):
                out.rmdir()
    summary = BuildSummary(
        documents=len(got.entries),
        entities=written.entities,
        relations=written.relations,
        triples=written.triples,
        outputs=written.paths,
        cached=got.cached,
        failures=found.failures + tuple(got.failures),
        skipped=found.skipped,
    )
    try:
        with atomic_write(out / MANIFEST, "w") as f:
            f.write(manifest_text(inputs, options, summary, [e.doc_id for e in got.entries], out))
        removed = remove_stale(out, options)
    except OSError as e:
        raise OutputError(f"{out}: cannot write ({e.strerror})") from None
    return replace(summary, removed=removed)


def manifest_text(
    inputs: Sequence[str | Path] | None,
    options: BuildOptions,
    summary: BuildSummary,
    reports: Sequence[str],
    out: Path,
    time: datetime | None = None,
) -> str:
    """The manifest of a build: JSON, keys in a fixed order; only ``time`` changes between equal builds."""
    when = (time or datetime.now(UTC)).replace(microsecond=0)
    data = {
        "kg": kg_version(),
        "time": when.isoformat().replace("+00:00", "Z"),
        "inputs": [str(p) for p in inputs] if inputs else ["seeds"],
        "reports": list(reports),
        "failed": [f.reason for f in summary.failures],
        "skipped": [str(p) for p in summary.skipped],
        "formats": list(options.formats),
        "outputs": [_relative(p, out) for p in summary.outputs],
        "counts": {
            "documents": summary.documents,
            "entities": summary.entities,
            "relations": {
                name: {"stated": n.stated, "implied": n.implied} for name, n in summary.relations.items()
            },
            "triples": summary.triples,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _relative(path: Path, out: Path) -> str:
    try:
        return str(path.relative_to(out))
    except ValueError:  # the store, in a folder of its own
        return str(path)


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
    found = gather(inputs, run.strict if run is not None else False, default=False)
    scratch = tempfile.mkdtemp(prefix="kg-results-")
    try:
        try:
            got = collect(list(found.files), ResultCache(scratch), run)
        except NoReadableInputError as e:
            raise NoReadableInputError(found.failures + e.failures) from None
        for e in got.entries:
            e.copy_to("relations" if relations else "mentions", out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return found.failures + tuple(got.failures)
