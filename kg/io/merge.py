"""External k-way merge of sorted line streams, with duplicates dropped.

Each document's statements arrive as sorted N-Quads lines; the corpus graph
is their sorted, de-duplicated union. ``heapq.merge`` keeps one line per
input in memory, but every input is an open file, and a national corpus has
hundreds of thousands of them. So inputs are merged in batches of at most
``batch`` open streams into run files, runs are merged the same way, and
the last level is yielded to the caller: memory and open files stay bounded
by ``batch``, whatever the number of documents.

The merged stream can also be cut into key ranges (``split_keys``), each
merged on its own from the same inputs (``find_line`` locates a range in
a sorted file without reading it through): the ranges' outputs, in key
order, are the whole merge's, so they can be made in parallel.
"""

from __future__ import annotations

import heapq
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

#: Streams per merge step: their blocks in memory are ``DEFAULT_BATCH × CHUNK`` bytes.
DEFAULT_BATCH = 1024
#: Bytes read at a time from each stream.
CHUNK = 1 << 14
#: Bytes read to find the subject of a sampled line (more are not worth a sample).
SAMPLE_WINDOW = 1 << 12

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
    return span_reader(path, 0, None)


def span_reader(path: str | Path, start: int, end: int | None) -> Source:
    """A source of the lines in bytes ``start:end`` of a file (to its end for None).

    Lines are split at ``\\n`` only. The file is opened for each block read
    and closed again, so a merge of ``batch`` sources holds ``batch`` blocks
    in memory and no open files, whatever the system's open-file limit.
    """

    def lines() -> Iterator[bytes]:
        at, carry = start, b""
        while end is None or at < end:
            with open(path, "rb", buffering=0) as f:
                f.seek(at)
                block = f.read(CHUNK if end is None else min(CHUNK, end - at))
            if not block:
                break
            at += len(block)
            cut = block.rfind(b"\n") + 1
            if not cut:
                carry += block
                continue
            yield from io.BytesIO(carry + block[:cut])
            carry = block[cut:]
        if carry:
            yield carry

    return lines


def subject_key(line: bytes) -> bytes:
    """The text of a line up to its first space: its subject, for a line of N-Quads.

    A key has no space, so it compares the same way with every line of a
    subject: a range cut at keys never splits a subject's statements.
    """
    cut = line.find(b" ")
    return line if cut < 0 else line[:cut]


def sample_keys(path: str | Path, start: int, length: int, count: int) -> list[tuple[bytes, float]]:
    """Subject keys of up to ``count`` lines spread evenly over a sorted span of a file.

    Each comes with the number of lines it stands for: its share of the
    span's bytes times the density of lines around it, since the work of a
    merge is per line and kg's lines range from short links to long sentences.
    """
    keys: list[tuple[bytes, float]] = []
    with open(path, "rb") as f:
        for i in range(count):
            at = start + length * i // count
            f.seek(at)
            window = f.read(min(SAMPLE_WINDOW, start + length - at))
            lines = window.count(b"\n") / len(window) * length / count if window else 0.0
            if i:  # skip to the next line start
                newline = window.find(b"\n")
                if newline < 0:
                    continue
                window = window[newline + 1 :]
            line = window.split(b"\n", 1)[0]
            key = subject_key(line)
            if key and key != line:  # a whole subject, not a line cut off by the window
                keys.append((key, lines))
    return keys


def split_keys(samples: Iterable[tuple[bytes, float]], parts: int) -> list[bytes]:
    """``parts - 1`` increasing keys that cut the sampled lines into ranges of about the same weight."""
    ordered = sorted(samples)
    total = sum(weight for _, weight in ordered)
    keys: list[bytes] = []
    seen, cut = 0.0, 1
    for key, weight in ordered:
        while cut < parts and seen >= total * cut / parts:
            if not keys or key > keys[-1]:
                keys.append(key)
            cut += 1
        seen += weight
    return keys


def find_line(path: str | Path, start: int, length: int, key: bytes) -> int:
    """The offset of the first line not below ``key`` in a sorted span of a file (its end if none).

    A binary search over byte offsets: a few dozen small reads, whatever the span's size.
    """
    # Lines starting before low are below key; the line at high (or the end) is not.
    low, high = start, start + length
    with open(path, "rb", buffering=1 << 12) as f:
        while low < high:
            mid = (low + high) // 2
            at = _line_start_from(f, mid, start, high)
            if at >= high:  # one line covers mid..high: step from low instead
                at = low
            f.seek(at)
            line = f.readline(high - at)
            if line < key:
                low = at + len(line)
            else:
                high = at
    return low


def _line_start_from(f: BinaryIO, at: int, start: int, high: int) -> int:
    """The first line start at or after ``at`` (at most ``high``, a line start)."""
    if at == start:
        return at
    f.seek(at - 1)
    return at - 1 + len(f.readline(high - at + 1))


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
