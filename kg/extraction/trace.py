"""What the mention driver did, step by step, for explaining a result.

``find_mentions(doc, sentences, info, trace=callback)`` calls ``callback``
with one event per step, in this order:

* ``Proposed`` for every candidate a rule yields, sentence by sentence and
  rule by rule (``rule_id`` is the registered rule, ``candidate.rule`` the
  id it emitted; ``start``/``end`` are document offsets);
* ``Rejected`` right after it when the driver drops it, with the reason
  (``"count before"``, ``"各 in clause"``, ``"generic institution word"``…);
* ``Overlapped`` for each mention the overlap policy leaves out, with the
  kept mention that overlaps it;
* ``Repeated`` for each further occurrence of a name found.

Without a callback no event is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.extraction.rules.base import Candidate
from kg.model import Mention


@dataclass(frozen=True, slots=True)
class Proposed:
    """A rule proposed ``candidate`` in sentence ``sentence_index``, at ``start:end`` of the document."""

    candidate: Candidate
    rule_id: str
    sentence_index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Rejected:
    """The driver dropped a proposed candidate before overlap resolution, for ``reason``."""

    candidate: Candidate
    rule_id: str
    sentence_index: int
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Overlapped:
    """The overlap policy left ``mention`` out for ``winner``, a kept mention that overlaps it."""

    mention: Mention
    winner: Mention


@dataclass(frozen=True, slots=True)
class Repeated:
    """``mention`` is a further occurrence of a name found elsewhere in the document."""

    mention: Mention


TraceEvent = Proposed | Rejected | Overlapped | Repeated
Trace = Callable[[TraceEvent], None]
