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


def test_install_commands_work_with_and_without_sudo() -> None:
    # A root container has no sudo: no command of the README may start with it.
    assert not re.findall(r"^\s*(?:\$ )?sudo ", README, flags=re.M)
    assert "$(command -v sudo) apt-get update && $(command -v sudo) apt-get install -y" in README


def test_the_readme_says_what_scripts_evaluate_needs() -> None:
    assert "KG_SHARED=/path/to/shared" in README and "not in this repository" in README


def test_the_readme_quotes_the_real_refusal_of_a_shared_name(seeds_build: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    ttl = seeds_build / "graph.ttl"
    quoted = README.split("$ kg query --name systems-of-institution -p institution=县司法局\n", 1)[1]
    result = CliRunner().invoke(
        app, ["query", "--graph", str(ttl), "--name", "systems-of-institution", "-p", "institution=县司法局"]
    )
    assert quoted.startswith(result.stderr)
