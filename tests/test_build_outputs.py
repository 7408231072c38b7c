"""What a build leaves: a manifest, no stale graph, and reading commands that follow the latest build.

Also the inputs' side of a build: a missing input next to a good one, the
files of a folder that are not reports, no input outside the repository,
and ``kg --version``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.sparql.source import MANIFEST, default_graph, default_load_graph

runner = CliRunner()
REPORT = "博湖县人民政府关于2023年度法治政府建设情况的报告\n县司法局编制行政许可事项清单，全面推行“法治体检”品牌。\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder outside the repository, holding one report in reports/."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "bohu-2023.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(*args: str) -> str:
    result = runner.invoke(app, ["build", "reports", "--jobs", "1", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _manifest(out: Path) -> dict[str, object]:
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))


def test_a_build_records_what_it_wrote_in_a_manifest(here: Path) -> None:
    _build("--format", "ttl", "--format", "nq")
    first = _manifest(here / "output")
    assert first["kg"] == kg.__version__
    assert first["inputs"] == ["reports"] and first["reports"] == ["bohu-2023"]
    assert first["formats"] == ["ttl", "nq"]
    assert first["outputs"] == ["graph.ttl", "graph.nq", "mentions.jsonl", "graph.html"]
    counts = first["counts"]
    assert isinstance(counts, dict) and counts["documents"] == 1 and counts["triples"] > 0
    assert counts["entities"]["机构"] >= 1
    turtle = (here / "output" / "graph.ttl").read_bytes()
    assert str(first["time"]).encode() not in turtle

    _build("--format", "ttl", "--format", "nq")  # from the cache this time
    second = _manifest(here / "output")
    assert second.pop("time") and first.pop("time")
    assert second == first
    assert (here / "output" / "graph.ttl").read_bytes() == turtle


def test_a_trig_only_build_leaves_no_older_turtle_and_every_reader_follows_it(here: Path) -> None:
    _build()  # graph.ttl
    (here / "reports" / "kaiyang-2021.txt").write_text(
        REPORT.replace("博湖", "开阳").replace("2023", "2021"), encoding="utf-8"
    )
    out = _build("--format", "trig")
    assert "removed output/graph.ttl" in out
    assert not (here / "output" / "graph.ttl").exists()
    assert default_graph().path == Path("output/graph.trig")

    said = "reading output/graph.trig (the latest build's graph"
    query = runner.invoke(
        app, ["query", "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a rol:Report }", "--format", "csv"]
    )
    assert query.exit_code == 0, query.output
    assert query.stdout.split() == ["n", "2"] and said in query.stderr
    stats = runner.invoke(app, ["stats"])
    assert stats.exit_code == 0 and said in stats.stderr and "output/graph.trig" in stats.stdout
    validate = runner.invoke(app, ["validate"])
    assert validate.exit_code == 0, validate.output
    assert "output/graph.trig: conforms" in validate.stdout
    viz = runner.invoke(app, ["viz", "-o", "page.html"])
    assert viz.exit_code == 0 and said in viz.stderr
    export = runner.invoke(app, ["export", "--format", "graphml", "-o", "g.graphml"])
    assert export.exit_code == 0 and said in export.stderr
    assert "开阳" in (here / "g.graphml").read_text(encoding="utf-8")
    # A graph given is read without a word.
    given = runner.invoke(app, ["stats", "--graph", "output/graph.trig"])
    assert given.exit_code == 0 and "reading" not in given.stderr


def test_the_default_graph_is_the_manifests_not_an_older_file(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    for name in ("graph.ttl", "graph.trig"):
        (out / name).write_text("", encoding="utf-8")
    (out / MANIFEST).write_text(json.dumps({"formats": ["ttl"], "time": "t"}), encoding="utf-8")
    assert default_load_graph(out) == out / "graph.ttl"  # not the old TriG
    (out / MANIFEST).write_text(json.dumps({"formats": ["nt", "trig"], "time": "t"}), encoding="utf-8")
    assert default_load_graph(out) == out / "graph.trig"
    assert default_graph(out).path == out / "graph.nt"


def test_a_build_without_html_removes_the_older_page(here: Path) -> None:
    _build()
    out = _build("--no-html")
    assert "removed output/graph.html" in out and not (here / "output" / "graph.html").exists()


def test_a_missing_input_is_reported_and_the_others_are_built(here: Path) -> None:
    result = runner.invoke(app, ["build", "nosuch.txt", "reports/bohu-2023.txt", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "error: nosuch.txt: no such file or folder" in result.stderr
    assert (here / "output" / "graph.ttl").is_file()
    assert _manifest(here / "output")["failed"] == ["nosuch.txt: no such file or folder"]
    extract = runner.invoke(app, ["extract", "nosuch.txt", "reports/bohu-2023.txt", "--jobs", "1"])
    assert extract.exit_code == 1 and "error: nosuch.txt: no such file or folder" in extract.stderr
    assert '"doc": "bohu-2023"' in extract.stdout


def test_strict_still_stops_at_a_missing_input(here: Path) -> None:
    result = runner.invoke(app, ["build", "nosuch.txt", "reports", "--strict", "--jobs", "1"])
    assert result.exit_code == 1 and "nosuch.txt: no such file or folder" in result.stderr
    assert not (here / "output").exists()


def test_files_that_are_not_reports_are_listed_as_skipped(here: Path) -> None:
    (here / "reports" / "README.md").write_text("# about", encoding="utf-8")
    (here / "reports" / "data.csv").write_text("a,b\n", encoding="utf-8")
    (here / "reports" / ".hidden.csv").write_text("a,b\n", encoding="utf-8")
    out = _build()
    assert "skipped reports/README.md (not a report" in out
    assert "skipped reports/data.csv (not a report" in out
    assert ".hidden" not in out
    assert _manifest(here / "output")["skipped"] == ["reports/README.md", "reports/data.csv"]


def test_no_input_outside_the_repository_says_what_to_give(here: Path) -> None:
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 1
    assert "seeds: no such file or folder" not in result.stderr
    assert "give report files or folders of reports" in result.stderr
    assert "kg build reports/" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"kg {kg.__version__}\n"
