"""External k-way merge of sorted line streams, with duplicates dropped.

Each document's statements arrive as sorted N-Quads lines; the corpus graph
is their sorted, de-duplicated union. ``heapq.merge`` keeps one line per
input in memory, but every input is an open file, and a national corpus has
hundreds of thousands of them. So inputs are merged in batches of at most
``batch`` open streams into run files, runs are merged the same way, and
the last level is yielded to the caller: memory and open files stay bounded
by ``batch``, whatever the number of documents.
"""

from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

#: Open streams per merge step; well under the usual limit of 1,024 open files.
DEFAULT_BATCH = 256

Source = Callable[[], Iterable[bytes]]


def unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted lines without repeats."""
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def merged(sources: Sequence[Source], workdir: str | Path, batch: int = DEFAULT_BATCH) -> Iterator[bytes]:
    """The sorted union of the sources' sorted lines, without duplicates.

    A source is called only when its batch is merged, so at most ``batch``
    are open at any time. Intermediate runs go to ``workdir`` and are
    removed once merged.
    """
    if batch < 2:
        raise ValueError("a merge needs at least 2 streams per batch")
    level: list[Source] = list(sources)
    runs: list[Path] = []
    try:
        while len(level) > batch:
            next_runs: list[Path] = []
            for i in range(0, len(level), batch):
                run = _run_file(workdir)
                with open(run, "wb") as f:
                    f.writelines(_merge_group(level[i : i + batch]))
                next_runs.append(run)
            _remove(runs)
            runs = next_runs
            level = [_reader(p) for p in runs]
        yield from _merge_group(level)
    finally:
        _remove(runs)


def _merge_group(group: Sequence[Source]) -> Iterator[bytes]:
    return unique(heapq.merge(*(iter(source()) for source in group)))


def _reader(path: Path) -> Source:
    """A source that reads a run file line by line (split at ``\\n`` only)."""

    def lines() -> Iterator[bytes]:
        with open(path, "rb") as f:
            yield from f

    return lines


def _run_file(workdir: str | Path) -> Path:
    fd, name = tempfile.mkstemp(prefix="run-", suffix=".nq", dir=workdir)
    os.close(fd)
    return Path(name)


def _remove(paths: Iterable[Path]) -> None:
    for p in list(paths):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
