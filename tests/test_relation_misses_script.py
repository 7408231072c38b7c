"""scripts/relation_misses.py: where missed gold relations end, on a report written for this test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"  # the shared scorers, beside the project in CI

REPORT = "桃源县司法局2024年法治政府建设工作报告\n2024年，我局制定《桃源县行政执法公示办法》，推行“阳光调解”品牌。\n"


def test_missed_relations_are_counted_by_which_ends_kg_names(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "dev").mkdir(parents=True)
    (shared / "gold").mkdir()
    (shared / "eval").mkdir()
    shutil.copy(SCORER, shared / "eval" / "score.py")
    (shared / "dev" / "t1.txt").write_text(REPORT, encoding="utf-8")
    entities = [
        {"name": "桃源县司法局", "type": "机构", "alts": ["我局"]},
        {"name": "桃源县行政执法公示办法", "type": "制度"},
        {"name": "一站式服务", "type": "制度"},
    ]
    relations = [
        {"s": "桃源县司法局", "p": "formulates", "o": "桃源县行政执法公示办法", "implicit": True},
        {"s": "桃源县司法局", "p": "implements", "o": "一站式服务", "implicit": True},
        {"s": "桃源县司法局", "p": "implements", "o": "桃源县行政执法公示办法", "implicit": True},
    ]
    (shared / "gold" / "dev.jsonl").write_text(
        json.dumps({"doc": "t1", "entities": entities}) + "\n", "utf-8"
    )
    (shared / "gold" / "dev-relations.jsonl").write_text(
        json.dumps({"doc": "t1", "relations": relations}) + "\n", "utf-8"
    )
    env = {**os.environ, "KG_SHARED": str(shared)}
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "relation_misses.py"), "dev"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "    1  subject named / object named / stated" in lines
    assert "    1  subject named / object never named / missed" in lines
    assert "    1  subject named / object named / missed" in lines
    assert "    2  implements (implied)" in lines


def test_a_wrong_set_is_refused() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "relation_misses.py"), "wild"], capture_output=True, text=True
    )
    assert run.returncode == 2 and "relation_misses.py" in run.stderr
