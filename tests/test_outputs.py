"""kg.outputs: work folders of killed builds are removed, running ones kept."""

from __future__ import annotations

import os
from pathlib import Path

from kg.outputs import remove_leftovers


def test_work_folders_of_dead_builds_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / ".kg-work-999999999-abc"  # no such process
    dead_results = tmp_path / ".kg-results-999999999-def"
    live = tmp_path / f".kg-work-{os.getpid()}-ghi"
    unrelated = tmp_path / ".kg-notes-1-2"
    for folder in (dead, dead_results, live, unrelated):
        folder.mkdir()
        (folder / "graph.nq").write_text("x")
    remove_leftovers(tmp_path)
    assert not dead.exists() and not dead_results.exists()
    assert live.exists() and unrelated.exists()
