"""scripts/evaluate says what it needs when the shared data is missing or incomplete."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _evaluate(tmp_path: Path, *args: str, shared: Path | None = None) -> subprocess.CompletedProcess[str]:
    """scripts/evaluate of a clone in tmp_path/kg, whose ../shared is tmp_path/shared (or KG_SHARED)."""
    clone = tmp_path / "kg" / "scripts"
    clone.mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "evaluate", clone / "evaluate")
    env = {k: v for k, v in os.environ.items() if k != "KG_SHARED"}
    if shared is not None:
        env["KG_SHARED"] = str(shared)
    return subprocess.run(
        ["bash", str(clone / "evaluate"), *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_a_clone_without_shared_data_is_told_what_to_give(tmp_path: Path) -> None:
    run = _evaluate(tmp_path)
    assert run.returncode == 2 and not run.stdout
    assert "needs the project's shared data" in run.stderr
    assert "there is none at" in run.stderr
    assert "KG_SHARED=" in run.stderr


def test_incomplete_shared_data_names_what_is_missing_before_running(tmp_path: Path) -> None:
    shared = tmp_path / "elsewhere"
    (shared / "eval").mkdir(parents=True)
    (shared / "gold").mkdir()
    (shared / "eval" / "score.py").write_text("", encoding="utf-8")
    run = _evaluate(tmp_path, "seeds", shared=shared)
    assert run.returncode == 2 and not run.stdout
    assert "no such file" not in run.stderr
    assert "lacks: eval/score_relations.py gold/seeds-relations.jsonl gold/seeds.jsonl seeds/" in run.stderr
