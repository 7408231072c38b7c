"""Per-document results for a list of files: from the cache, else computed.

This is the first half of a streaming build: every report becomes one
entry file (``kg.corpus.cache``), reused when the report, its id and kg's rules
are unchanged, else computed by an engine (``kg.corpus.engines``). Bad files are
collected as failures and do not stop the others, unless ``strict``. The
second half (``kg.corpus.build.build``) merges the entries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kg.corpus.cache import Entry, ResultCache, file_sha256
from kg.corpus.engines import run_documents
from kg.corpus.options import RunOptions
from kg.corpus.task import DocumentFailure, process_document
from kg.errors import InputError
from kg.io.manifest import given_facts
from kg.io.read import find_inputs

Progress = Callable[[str], None]


class NoReadableInputError(InputError):
    """No input file could be read; ``failures`` says why for each."""

    def __init__(self, failures: Sequence[DocumentFailure]) -> None:
        self.failures = tuple(failures)
        first = self.failures[0].reason if self.failures else "no input"
        more = f" (and {len(self.failures) - 1} more unreadable files)" if len(self.failures) > 1 else ""
        super().__init__(first + more)


#: What ``kg build`` reads when given no input.
DEFAULT_INPUT = Path("seeds")


@dataclass(frozen=True, slots=True)
class Inputs:
    """The report files below the inputs, the inputs that could not be used, and the other files skipped."""

    files: tuple[Path, ...]
    failures: tuple[DocumentFailure, ...] = ()
    skipped: tuple[Path, ...] = ()


def gather(sources: Sequence[str | Path] | None, strict: bool = False, default: bool = True) -> Inputs:
    """The report files of ``sources`` (files and folders); with none, ``seeds/`` when ``default``.

    A source that is missing, unreadable or a folder without reports is a
    failure (with ``strict``, its ``InputError`` is raised); the build goes on
    with the others. The files of a folder that are not reports are listed in
    ``skipped``. Raises ``NoReadableInputError`` when no report file is left.
    """
    if not sources:
        if not default:
            raise InputError("no input: give report files or folders of reports")
        if not DEFAULT_INPUT.is_dir():
            raise InputError(
                f"no input given, and no {DEFAULT_INPUT}/ folder here to read by default: "
                "give report files or folders of reports (.txt, .html, .htm, .docx, .pdf), "
                "for example `kg build reports/` or `kg build report.txt`"
            )
        sources = [DEFAULT_INPUT]
    failures: list[DocumentFailure] = []
    skipped: list[Path] = []

    def bad(path: Path, error: InputError) -> None:
        if strict:
            raise error
        failures.append(DocumentFailure(str(path), str(error)))

    files = find_inputs(sources, on_error=bad, on_skip=skipped.append)
    if not files:
        raise NoReadableInputError(failures)
    return Inputs(tuple(files), tuple(failures), tuple(dict.fromkeys(skipped)))


@dataclass(slots=True)
class Collected:
    """The entries of the readable reports (sorted by id) and the files that failed (in input order)."""

    entries: list[Entry] = field(default_factory=list)
    failures: list[DocumentFailure] = field(default_factory=list)
    cached: int = 0


def collect(
    files: Sequence[Path],
    cache: ResultCache,
    run: RunOptions | None = None,
    progress: Progress | None = None,
) -> Collected:
    """One entry per readable report among ``files``.

    With ``strict``, the first bad file raises its ``InputError`` (entries
    already computed stay cached). Otherwise failures are returned, and
    ``NoReadableInputError`` is raised only when no file could be read.
    """
    run = run or RunOptions()
    strict, max_bytes = run.strict, run.max_bytes
    got = Collected()
    pending: dict[str, str] = {}  # path → the id it was looked up by
    order = {str(f): i for i, f in enumerate(files)}
    seen: dict[str, str] = {}
    for f in files:
        doc_id, path = f.stem, str(f)
        if doc_id in seen:
            _fail(
                got, DocumentFailure(path, str(InputError.duplicate_id(doc_id, seen[doc_id], path))), strict
            )
            continue
        seen[doc_id] = path
        entry = _cached(cache, f, doc_id, max_bytes)
        if entry is None:
            pending[path] = doc_id
            continue
        got.entries.append(entry)
        got.cached += 1
        if progress:
            progress(doc_id)
    if pending:
        # Local workers store their own entries: only a small Entry comes back to this
        # process. Dask workers may not see the cache folder, so their results travel here.
        task = partial(computed_entry, cache) if run.engine == "local" else None
        outcomes = run_documents(list(pending), run, task)
        try:
            for outcome in outcomes:
                if isinstance(outcome, DocumentFailure):
                    _fail(got, outcome, strict)
                    source = outcome.path
                else:
                    entry = (
                        outcome if isinstance(outcome, Entry) else cache.store(outcome, pending[outcome.path])
                    )
                    got.entries.append(entry)
                    source = entry.source
                if progress:
                    progress(pending.get(source, Path(source).stem))
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()
    got.entries.sort(key=lambda e: e.doc_id)
    got.failures.sort(key=lambda x: order.get(x.path, len(order)))
    if not got.entries:
        raise NoReadableInputError(got.failures)
    return got


def computed_entry(cache: ResultCache, path: str, max_bytes: int) -> Entry | DocumentFailure:
    """``process_document``, its result stored in ``cache`` under the file's stem (run by a worker)."""
    outcome = process_document(path, max_bytes)
    if isinstance(outcome, DocumentFailure):
        return outcome
    return cache.store(outcome, Path(path).stem)


def _cached(cache: ResultCache, f: Path, doc_id: str, max_bytes: int) -> Entry | None:
    try:
        if f.stat().st_size > max_bytes:
            return None  # process_document reports it
        sha = file_sha256(f)
        given = given_facts(f)
    except (OSError, InputError):
        return None  # process_document reports it
    return cache.load(doc_id, sha, given.key() if given else "")


def _fail(got: Collected, failure: DocumentFailure, strict: bool) -> None:
    if strict:
        raise InputError(failure.reason)
    got.failures.append(failure)
