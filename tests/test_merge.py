"""kg.merge: the batched external merge is a sorted, duplicate-free union with bounded open streams."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.merge import merged, unique

lines = st.lists(st.binary(max_size=6).map(lambda b: b.replace(b"\n", b"") + b"\n"), max_size=12)


@given(streams=st.lists(lines, max_size=12), batch=st.integers(min_value=2, max_value=5))
def test_merge_is_the_sorted_union(
    tmp_path_factory: pytest.TempPathFactory, streams: list[list[bytes]], batch: int
) -> None:
    work = tmp_path_factory.mktemp("merge")
    ordered = [sorted(s) for s in streams]
    sources = [lambda s=s: iter(s) for s in ordered]
    assert list(merged(sources, work, batch=batch)) == sorted({line for s in streams for line in s})
    assert not list(work.iterdir())  # run files are removed


def test_at_most_batch_streams_are_open_at_once(tmp_path: Path) -> None:
    open_now, most = 0, 0

    def source(i: int) -> Iterator[bytes]:
        nonlocal open_now, most
        open_now += 1
        most = max(most, open_now)
        try:
            yield f"{i:04d}\n".encode()
            yield b"shared\n"
        finally:
            open_now -= 1

    sources = [lambda i=i: source(i) for i in range(50)]
    out = list(merged(sources, tmp_path, batch=4))
    assert out == sorted({f"{i:04d}\n".encode() for i in range(50)} | {b"shared\n"})
    assert most <= 4
    assert open_now == 0


def test_runs_are_removed_when_the_caller_stops_early(tmp_path: Path) -> None:
    sources = [lambda i=i: iter([f"{i:03d}\n".encode()]) for i in range(20)]
    stream = merged(sources, tmp_path, batch=3)
    assert next(stream) == b"000\n"
    stream.close()
    assert not list(tmp_path.iterdir())


def test_unique_drops_repeats_of_sorted_lines() -> None:
    assert list(unique([b"a", b"a", b"b", b"c", b"c"])) == [b"a", b"b", b"c"]


def test_a_batch_needs_two_streams(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        list(merged([], tmp_path, batch=1))
