"""kg.io.merge: the batched external merge is a sorted, duplicate-free union with bounded open streams."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kg.io.merge
from kg.io.merge import find_line, merged, sample_keys, span_reader, split_keys, subject_key, unique

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


# Sorted N-Quads-like lines: a subject, a space, the rest; subjects share prefixes.
quad_lines = st.lists(
    st.tuples(
        st.sampled_from(["<a>", "<a-b>", "<ab>", "<b>", "_:x", "_:x1"]), st.text("pq ", max_size=4)
    ).map(lambda t: f"{t[0]} {t[1]} .\n".encode()),
    max_size=30,
).map(lambda lines: sorted(set(lines)))


def span_file(tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]) -> tuple[Path, int, int]:
    """Write lines between a header and a trailer, as an entry's section lies in its file."""
    path = tmp_path_factory.mktemp("span") / "f"
    body = b"".join(lines)
    path.write_bytes(b"HEAD\n" + body + b"TAIL")
    return path, len(b"HEAD\n"), len(body)


@given(lines=quad_lines, chunk=st.integers(min_value=1, max_value=40))
def test_a_span_reads_back_its_lines_whatever_the_block_size(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], chunk: int
) -> None:
    path, start, length = span_file(tmp_path_factory, lines)
    with patch.object(kg.io.merge, "CHUNK", chunk):
        assert list(span_reader(path, start, start + length)()) == lines
        assert b"".join(span_reader(path, 0, None)()) == path.read_bytes()


@given(lines=quad_lines, key=st.sampled_from([b"", b"<a>", b"<a", b"<ab>", b"<b", b"_:x", b"_:x1", b"~"]))
def test_find_line_is_the_first_line_not_below_the_key(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], key: bytes
) -> None:
    path, start, length = span_file(tmp_path_factory, lines)
    below = [line for line in lines if line < key]
    assert find_line(path, start, length, key) == start + len(b"".join(below))


@given(
    lines=quad_lines, parts=st.integers(min_value=1, max_value=6), count=st.integers(min_value=1, max_value=9)
)
def test_split_keys_cut_ranges_that_keep_each_subject_whole(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], parts: int, count: int
) -> None:
    path, start, length = span_file(tmp_path_factory, lines)
    samples = sample_keys(path, start, length, count)
    assert all(any(line.startswith(key + b" ") for line in lines) for key, _ in samples)
    keys = split_keys(samples, parts)
    assert keys == sorted(set(keys)) and len(keys) < parts
    bounds = [start, *(find_line(path, start, length, k) for k in keys), start + length]
    ranges = [list(span_reader(path, a, b)()) for a, b in zip(bounds, bounds[1:], strict=False)]
    assert [line for r in ranges for line in r] == lines
    owner = {subject_key(line): i for i, r in enumerate(ranges) for line in r}
    assert all(owner[subject_key(line)] == i for i, r in enumerate(ranges) for line in r)


def test_split_keys_weigh_samples_by_lines() -> None:
    # Half the lines sit under the first key: the cut falls right after it.
    samples = [(b"<a>", 50.0), (b"<b>", 10.0), (b"<c>", 10.0), (b"<d>", 10.0), (b"<e>", 10.0), (b"<f>", 10.0)]
    assert split_keys(samples, 2) == [b"<b>"]
    assert split_keys(samples, 1) == []
    assert split_keys([], 3) == []
