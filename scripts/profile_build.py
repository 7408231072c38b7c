#!/usr/bin/env python
"""Where ``kg build`` spends its time: pyinstrument over one build, summed by stage.

Runs ``kg build ARGS`` in this process under pyinstrument (1 ms samples)
and prints a Markdown table of each stage's share of the wall time. A
stage is the time inside its functions, wherever they are called from,
less the time in stages they call (jieba's tokenising is not the mention
rules' time), so the shares add up to 100%.

    pip install -e '.[bench]'
    python scripts/profile_build.py CORPUS -o OUT --jobs 1 --no-html --no-cache

With ``--jobs 1`` every stage runs in this process; with more, the
workers' time is not seen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kg from this checkout

# (stage, the functions whose time is the stage's)
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("jieba: loading the dictionary (once per process)", ("initialize",)),
    ("jieba: tokenising, for the mention rules", ("tokenize",)),
    ("mention rules, overlaps (without jieba)", ("find_mentions",)),
    ("relations", ("find_relations",)),
    (
        "normalisation (canonical names, merging within a report)",
        ("link_entities", "merge_entities", "author_key"),
    ),
    (
        "sentences, report info (place, year, author), PDF line breaks",
        ("split_sentences", "detect_report_info", "reflow_document", "restore"),
    ),
    (
        "reading files, JSON records, cache entries",
        ("read_document", "mention_records", "relation_records", "dumps_jsonl", "store"),
    ),
    ("graph: each report's statements", ("statements_by_graph",)),
    ("graph: their N-Quads text", ("extraction_nquads",)),
    ("merge of the sorted N-Quads in key ranges (graph.nt, counts)", ("plan_parts", "write_part")),
    ("Turtle: Oxigraph and kg's line filter, joining the parts", ("write_turtle", "join_turtle")),
    ("mentions.jsonl", ("copy_to",)),
]
OTHER = "start-up: imports, command line, listing files"
STAGE_OF = {function: label for label, functions in STAGES for function in functions}


def stage_times(root: Any) -> dict[str, float]:
    """Seconds per stage: each frame's own time goes to the innermost stage it runs in.

    So jieba's tokenising is not counted again in the mention rules that
    call it, nor the dictionary loading in the tokenising that triggers it.
    """
    shares = dict.fromkeys([OTHER, *(label for label, _ in STAGES)], 0.0)

    def walk(frame: Any, label: str) -> None:
        label = STAGE_OF.get(frame.function, label)
        shares[label] += max(0.0, frame.time - sum(child.time for child in frame.children))
        for child in frame.children:
            walk(child, label)

    walk(root, OTHER)
    return shares


def main(argv: list[str]) -> int:
    from pyinstrument import Profiler

    from kg.cli import app

    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        app(["build", *argv], standalone_mode=False)
    finally:
        profiler.stop()
    root = profiler.last_session.root_frame()
    shares = stage_times(root)
    print(f"\nkg build {' '.join(argv)}: {root.time:.1f} s under pyinstrument\n")
    print("| stage | share |\n|---|---:|")
    for label in [OTHER, *(label for label, _ in STAGES)]:
        print(f"| {label} | {shares[label] / root.time:.0%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
