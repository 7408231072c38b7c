"""The README and CI stay true to the code."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_set_up_commands() -> None:
    blocks = re.findall(r"^    (\S.*)$", README.split("## ", 1)[0], flags=re.M)
    assert blocks[:2] == ["pip install . && kg build", "scripts/test"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^exec scripts/test\s*$", ci, flags=re.M)


def test_every_command_is_documented() -> None:
    from kg.cli import app

    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert names
    for name in names:
        assert f"`kg {name}" in README, name
