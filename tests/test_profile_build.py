"""scripts/profile_build.py: stage shares from a profile's call tree add up, nested stages taken out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def profile_build(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("profile_build")


@dataclass
class Frame:
    """The two things of a pyinstrument frame that the script reads."""

    function: str
    time: float
    children: list[Frame] = field(default_factory=list)


def test_each_frame_counts_for_the_innermost_stage_and_the_rest_is_start_up(
    profile_build: ModuleType,
) -> None:
    tree = Frame(
        "main",
        20,
        [
            Frame("find_mentions", 8, [Frame("tokenize", 3, [Frame("initialize", 1)]), Frame("helper", 2)]),
            Frame("extraction_nquads", 6, [Frame("statements_by_graph", 4)]),
            Frame("write_part", 5, [Frame("write_turtle", 2, [Frame("write_part", 0.5)])]),
        ],
    )
    shares = profile_build.stage_times(tree)
    assert shares["mention rules, overlaps (without jieba)"] == 8 - 3
    assert shares["jieba: tokenising, for the mention rules"] == 3 - 1
    assert shares["jieba: loading the dictionary (once per process)"] == 1
    assert shares["graph: their N-Quads text"] == 6 - 4
    assert shares["graph: each report's statements"] == 4
    assert shares["merge of the sorted N-Quads in key ranges (graph.nt, counts)"] == 5 - 2 + 0.5
    assert shares["Turtle: Oxigraph and kg's line filter, joining the parts"] == 2 - 0.5
    assert shares[profile_build.OTHER] == 20 - 19
    assert sum(shares.values()) == 20
