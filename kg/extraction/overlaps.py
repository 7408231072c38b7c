"""Named policies that decide between overlapping mentions.

Rules propose candidate mentions independently; when two candidates share
characters, a policy keeps one of them. The policy is chosen by name so a
change of behaviour is a new name and old outputs stay reproducible (the
spaCy ``filter_spans`` idea). Every policy returns mentions that do not
overlap, sorted by (start, end). An optional ``on_drop(dropped, winner)``
hook hears of each mention a policy leaves out and the kept mention that
overlaps it (exact duplicates are merged, not dropped).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from kg.model import Mention

OnDrop = Callable[[Mention, Mention], None]
Policy = Callable[[list[Mention], OnDrop | None], list[Mention]]


def _greedy(
    mentions: Iterable[Mention], order: Callable[[Mention], tuple[object, ...]], on_drop: OnDrop | None
) -> list[Mention]:
    """Take mentions in ``order``, skipping any that overlaps one already taken.

    Taken spans never overlap, so they are kept sorted by start and a new
    span only needs checking against its two neighbours (O(log n) each).
    The mentions themselves are kept in that order only for ``on_drop``.
    """
    starts: list[int] = []
    ends: list[int] = []
    taken: list[Mention] = []
    kept: list[Mention] = []
    for m in sorted(mentions, key=order):
        if m.end <= m.start:
            continue
        i = bisect_right(starts, m.start)
        if i > 0 and ends[i - 1] > m.start:
            if on_drop is not None:
                on_drop(m, taken[i - 1])
            continue
        if i < len(starts) and starts[i] < m.end:
            if on_drop is not None:
                on_drop(m, taken[i])
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        if on_drop is not None:
            taken.insert(i, m)
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def longest_first(mentions: list[Mention], on_drop: OnDrop | None = None) -> list[Mention]:
    """Longest span wins; ties go to the earlier span, then to the rule id."""
    return _greedy(mentions, lambda m: (-(m.end - m.start), m.start, m.rule, m.type.value), on_drop)


def earliest_first(mentions: list[Mention], on_drop: OnDrop | None = None) -> list[Mention]:
    """Earliest start wins; ties go to the longer span."""
    return _greedy(mentions, lambda m: (m.start, -(m.end - m.start), m.rule, m.type.value), on_drop)


POLICIES: dict[str, Policy] = {
    "longest_first": longest_first,
    "earliest_first": earliest_first,
}


def resolve_overlaps(
    mentions: list[Mention], policy: str = "longest_first", on_drop: OnDrop | None = None
) -> list[Mention]:
    """Keep a non-overlapping subset of ``mentions`` chosen by ``policy``.

    ``on_drop(dropped, winner)``, when given, is called for each mention left
    out, with the kept mention that overlaps it.

    Raises:
        ValueError: for an unknown policy name.
    """
    try:
        fn = POLICIES[policy]
    except KeyError:
        raise ValueError(f"unknown overlap policy {policy!r}; known: {', '.join(sorted(POLICIES))}") from None
    return fn(list(dict.fromkeys(mentions)), on_drop)
