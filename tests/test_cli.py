"""The command line, through Typer's CliRunner: every command, every user error."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
COMMANDS = ["build", "extract", "query", "viz", "validate", "stats"]
REPORT = "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n县司法局制定《开阳县行政执法公示办法》，全面落实行政执法公示制度。\n"


def _ok(result) -> None:
    assert result.exit_code == 0, result.output + repr(result.exception)


def _user_error(result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("error:")]) == 1


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_documents_every_command(command: str | None) -> None:
    result = runner.invoke(app, [command, "--help"] if command else ["--help"])
    _ok(result)
    if command is None:
        for c in COMMANDS:
            assert c in result.output
    else:
        assert "Usage" in result.output


def test_help_runs_as_a_real_process() -> None:
    proc = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "build" in proc.stdout


def test_extract_writes_the_scorer_format(tmp_path: Path) -> None:
    f = tmp_path / "kaiyang-2021.txt"
    f.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "m.jsonl"
    _ok(runner.invoke(app, ["extract", str(f), "-o", str(out)]))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for r in records:
        assert set(r) == {"doc", "type", "text", "name", "start", "end", "sentence", "rule"}
        assert REPORT[r["start"] : r["end"]] == r["text"]
        assert r["doc"] == "kaiyang-2021" and r["type"] in {"机构", "制度", "清单", "品牌"}
        assert r["text"] in r["sentence"]
    assert any(r["name"] == "开阳县行政执法公示办法" for r in records)


def test_extract_relations_format(tmp_path: Path) -> None:
    f = tmp_path / "kaiyang-2021.txt"
    f.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--relations"])
    _ok(result)
    for line in result.stdout.splitlines():
        r = json.loads(line)
        assert {"doc", "p", "s", "o", "sentence", "start", "end"} <= set(r)
        assert isinstance(r["s"], list)


def test_extract_reads_gbk_and_saved_web_pages(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(REPORT.encode("gbk"))
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><html><body><p>{REPORT}</p></body></html>", encoding="utf-8")
    for f in (gbk, page):
        result = runner.invoke(app, ["extract", str(f)])
        _ok(result)
        assert "开阳县行政执法公示办法" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        ("报告".encode() + b"\xff\xfe\xfa\xfb" * 100, "cannot decode"),
    ],
)
def test_unreadable_input_is_one_clear_line(tmp_path: Path, content: bytes | None, message: str) -> None:
    f = tmp_path / "bad.txt"
    if content is not None:
        f.write_bytes(content)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(f), "-o", str(out)])
    _user_error(result, message)
    assert "bad.txt" in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".out.jsonl.*"))


def test_build_refuses_bad_input_without_writing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"")
    out = tmp_path / "out"
    _user_error(runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out)]), "empty")
    assert not out.exists() or not any(out.iterdir())


def test_build_writes_graph_html_and_mentions(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kaiyang-2021.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["build", str(tmp_path / "in"), "--out", str(out), "--format", "ttl", "--format", "nq"]
    )
    _ok(result)
    for name in ("graph.ttl", "graph.nq", "graph.html", "mentions.jsonl"):
        assert (out / name).is_file(), name
    assert "documents" in result.stdout and "triples" in result.stdout and "entities: 制度" in result.stdout


def test_query_table_csv_and_file(small_ttl: Path, tmp_path: Path) -> None:
    q = "SELECT ?n WHERE { ?l a rol:List ; rol:itemCount ?n }"
    result = runner.invoke(app, ["query", q, "--graph", str(small_ttl)])
    _ok(result)
    assert "714" in result.stdout and "1 row" in result.stdout
    result = runner.invoke(app, ["query", q, "--graph", str(small_ttl), "--format", "csv"])
    _ok(result)
    assert result.stdout.replace("\r\n", "\n") == "n\n714\n"
    rq = tmp_path / "q.rq"
    rq.write_text(q, encoding="utf-8")
    _ok(runner.invoke(app, ["query", "-f", str(rq), "--graph", str(small_ttl)]))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELECT ?x WHERE { ?x ?p }"], "line 1, column"),
        (["INSERT DATA { <http://a> <http://b> <http://c> }"], "read-only"),
        ([], "give one query"),
        (["-f", "/nonexistent/q.rq"], "cannot read the query file"),
    ],
)
def test_query_errors(small_ttl: Path, args: list[str], message: str) -> None:
    _user_error(runner.invoke(app, ["query", *args, "--graph", str(small_ttl)]), message)


def test_query_without_a_graph_says_to_build(tmp_path: Path) -> None:
    _user_error(runner.invoke(app, ["query", "ASK {}", "--graph", str(tmp_path / "none.ttl")]), "kg build")


def test_validate_conforming_and_broken(small_ttl: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--graph", str(small_ttl)])
    _ok(result)
    assert "conforms" in result.stdout
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        small_ttl.read_text(encoding="utf-8").replace("rol:itemCount 714", "rol:itemCount -714"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", "--graph", str(broken)])
    assert result.exit_code == 1
    assert "non-negative" in result.stdout and "Traceback" not in result.output


def test_stats(small_ttl: Path) -> None:
    result = runner.invoke(app, ["stats", "--graph", str(small_ttl)])
    _ok(result)
    for word in ("rol:Institution", "rol:formulates", "top entities by mentions", "开阳县司法局"):
        assert word in result.stdout


def test_viz_writes_html(small_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["viz", "--graph", str(small_ttl), "-o", str(out)])
    _ok(result)
    html = out.read_text(encoding="utf-8")
    assert "开阳县司法局" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), (
        "the page must not load anything from the network"
    )
