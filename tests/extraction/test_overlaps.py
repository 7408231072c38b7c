"""Overlap policies: named, deterministic, and never leave overlapping spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extraction.overlaps import POLICIES, resolve_overlaps
from kg.model import EntityType, Mention


def m(start: int, end: int, rule: str = "r", typ: EntityType = EntityType.SYSTEM) -> Mention:
    return Mention(
        doc_id="d",
        start=start,
        end=end,
        sent_index=0,
        text="x" * (end - start),
        type=typ,
        name="x",
        rule=rule,
    )


def test_longest_first_keeps_the_longer_span() -> None:
    got = resolve_overlaps([m(0, 3), m(2, 10), m(10, 12)], "longest_first")
    assert [(x.start, x.end) for x in got] == [(2, 10), (10, 12)]


def test_earliest_first_keeps_the_earlier_span() -> None:
    got = resolve_overlaps([m(0, 3), m(2, 10)], "earliest_first")
    assert [(x.start, x.end) for x in got] == [(0, 3)]


def test_ties_are_broken_by_position_then_rule() -> None:
    a, b = m(0, 4, "b"), m(0, 4, "a")
    assert resolve_overlaps([a, b]) == [b]
    assert resolve_overlaps([b, a]) == [b]


def test_empty_spans_are_dropped() -> None:
    assert resolve_overlaps([m(3, 3)]) == []


def test_unknown_policy() -> None:
    with pytest.raises(ValueError, match="unknown overlap policy"):
        resolve_overlaps([], "shortest")


spans = st.lists(st.tuples(st.integers(0, 50), st.integers(1, 12)), max_size=30).map(
    lambda xs: [m(s, s + n, rule=f"r{i % 3}") for i, (s, n) in enumerate(xs)]
)


@given(spans, st.sampled_from(sorted(POLICIES)))
def test_no_overlap_and_order_independent(ms: list[Mention], policy: str) -> None:
    got = resolve_overlaps(ms, policy)
    for x, y in zip(got, got[1:], strict=False):
        assert x.end <= y.start
    assert got == resolve_overlaps(list(reversed(ms)), policy)
    assert set(got) <= set(ms)


@given(spans, st.sampled_from(sorted(POLICIES)))
def test_each_mention_left_out_is_reported_with_the_mention_that_won(ms: list[Mention], policy: str) -> None:
    drops: list[tuple[Mention, Mention]] = []
    got = resolve_overlaps(ms, policy, on_drop=lambda m, winner: drops.append((m, winner)))
    assert got == resolve_overlaps(ms, policy)
    assert sorted(m.start for m, _ in drops) == sorted(m.start for m in set(ms) - set(got))
    for m, winner in drops:
        assert winner in got and m.start < winner.end and winner.start < m.end


def test_the_winner_is_the_mention_that_was_taken_first() -> None:
    drops: list[tuple[Mention, Mention]] = []
    short, long_, later = m(0, 3), m(2, 10), m(9, 12)
    resolve_overlaps([short, long_, later], "longest_first", on_drop=lambda x, w: drops.append((x, w)))
    assert drops == [(short, long_), (later, long_)]
