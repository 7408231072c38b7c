"""kg build and kg extract on many files: bad files, --strict, --max-size, the cache, the view limit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
REPORT = "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n县司法局制定《开阳县行政执法公示办法》，全面落实行政执法公示制度。\n"
OTHER = "博湖县人民政府关于2023年度法治政府建设情况的报告\n县司法局编制行政许可事项清单，全面推行“法治体检”品牌。\n"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Two reports, an empty file and a binary one."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaiyang-2021.txt").write_text(REPORT, encoding="utf-8")
    (folder / "bohu-2023.txt").write_text(OTHER, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


def test_bad_files_get_one_line_each_and_the_rest_is_built(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(mixed), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 1, result.output
    errors = _errors(result.output)
    assert len(errors) == 2
    assert "empty.txt" in errors[0] and "empty" in errors[0]
    assert "noise.txt" in errors[1] and "binary" in errors[1]
    assert "Traceback" not in result.output
    assert "documents" in result.output and "triples" in result.output
    docs = {
        json.loads(line)["doc"] for line in (out / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    }
    assert docs == {"kaiyang-2021", "bohu-2023"}
    assert (out / "graph.ttl").is_file() and (out / "graph.html").is_file()


def test_strict_stops_at_the_first_bad_file_and_replaces_nothing(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    result = runner.invoke(app, ["build", str(mixed), "--out", str(out), "--strict", "--jobs", "1"])
    assert result.exit_code == 1
    assert len(_errors(result.output)) == 1 and "empty.txt" in result.output
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"
    assert not (out / "graph.html").exists() and not (out / "mentions.jsonl").exists()


def test_the_summary_says_what_came_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaiyang-2021.txt").write_text(REPORT, encoding="utf-8")
    args = ["build", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-html"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert _row(first.output, "from cache") == "0"
    (folder / "bohu-2023.txt").write_text(OTHER, encoding="utf-8")
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert (_row(second.output, "documents"), _row(second.output, "from cache")) == ("2", "1")


def _row(output: str, what: str) -> str:
    """The count in the summary table's row ``what``."""
    line = next(line for line in output.splitlines() if what in line)
    return line.split("│")[2].strip()


def test_no_cache_leaves_no_cache_and_cache_dir_moves_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaiyang-2021.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["build", str(folder), "--out", str(out), "--no-cache", "--no-html", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "manifest.json", "mentions.jsonl"]
    elsewhere = tmp_path / "kept"
    args = ["build", str(folder), "--out", str(out), "--cache-dir", str(elsewhere), "--no-html", "-j", "1"]
    assert runner.invoke(app, args).exit_code == 0
    assert list(elsewhere.rglob("*.kgdoc")) and not (out / ".cache").exists()


def test_max_size_refuses_large_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaiyang-2021.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--max-size", "100"])
    assert result.exit_code == 1
    [error] = _errors(result.output)
    assert "kaiyang-2021.txt" in error and "too large" in error and "--max-size" in error
    assert not out.exists()
    ok = runner.invoke(app, ["build", str(folder), "--out", str(out), "--max-size", "1kB", "--no-html"])
    assert ok.exit_code == 0, ok.output


@pytest.mark.parametrize(
    "args",
    [
        ["--max-size", "big"],
        ["--jobs", "0"],
        ["--scheduler", "tcp://127.0.0.1:8786"],
        ["--html-entities", "0"],
    ],
)
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["build", "--out", str(tmp_path / "out"), *args])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "out").exists()


def test_html_entities_limits_the_view(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaiyang-2021.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--html-entities", "2", "-j", "1"])
    assert result.exit_code == 0, result.output
    text = (out / "graph.html").read_text(encoding="utf-8")
    start = text.index(">", text.index('id="kg-data"')) + 1
    nodes = json.loads(text[start : text.index("</script>", start)])["nodes"]
    assert len([n for n in nodes if n["kind"] in {"机构", "制度", "清单", "品牌"}]) == 2


def test_extract_lists_bad_files_and_writes_the_rest(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.jsonl"
    result = runner.invoke(app, ["extract", str(mixed), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1
    assert len(_errors(result.output)) == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in records] == sorted(r["doc"] for r in records)
    assert {r["doc"] for r in records} == {"kaiyang-2021", "bohu-2023"}
    strict = runner.invoke(app, ["extract", str(mixed), "-o", str(tmp_path / "s.jsonl"), "--strict"])
    assert strict.exit_code == 1 and len(_errors(strict.output)) == 1
    assert not (tmp_path / "s.jsonl").exists()


TWICE = (
    "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n"
    "县司法局制定《开阳县行政执法公示办法》，全面落实行政执法公示制度。\n"
    "二是全面落实行政执法公示制度，持续推行全过程记录制度。\n"
    "三是县司法局印发《开阳县行政执法公示办法》。\n"
)


def _relation_rows(output: str) -> dict[str, tuple[str, str, str]]:
    """relation name → (stated, implied, all) from the relations table of ``kg build`` or ``kg stats``."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        name = cells[0].split(" ")[0].removeprefix("rol:") if len(cells) == 4 else ""
        if name in {"formulates", "implements", "partOf"}:
            rows[name] = (cells[1], cells[2], cells[3])
    return rows


def test_build_and_stats_count_relations_alike_stated_and_implied(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaiyang-2021.txt").write_text(TWICE, encoding="utf-8")
    out = tmp_path / "out"
    built = runner.invoke(app, ["build", str(folder), "--out", str(out), "--jobs", "1", "--no-html"])
    assert built.exit_code == 0, built.output
    stats = runner.invoke(app, ["stats", "--graph", str(out / "graph.ttl")])
    assert stats.exit_code == 0, stats.output
    for output in (built.output, stats.output):
        assert "stated" in output and "implied" in output
    # one edge said by two sentences is one relation; an edge whose subject no
    # sentence names (the report's author) is implied
    assert _relation_rows(built.output) == _relation_rows(stats.output)
    assert _relation_rows(built.output)["formulates"] == ("1", "0", "1")
    assert _relation_rows(built.output)["implements"] == ("1", "2", "3")


@pytest.fixture
def unnamed(tmp_path: Path) -> Path:
    """A department's excerpt that never names itself, its place or its year, and the folder's manifest."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dept.txt").write_text(
        "现将我局工作情况报告如下。\n严格落实行政执法公示制度。\n", encoding="utf-8"
    )
    (folder / "manifest.tsv").write_text(
        "file\tplace\tlevel\tyear\tkind\ndept.txt\t开阳县市场监督管理局\t部门\t2022\tdept-report\n",
        encoding="utf-8",
    )
    return folder


def test_a_folder_s_manifest_gives_the_author_place_and_year_the_text_leaves_open(
    unnamed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(unnamed), "-o", str(out), "--jobs", "1", "--format", "ttl"])
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output  # the manifest is read, not skipped
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "inst:520121-开阳县市场监督管理局" in ttl and "rol:implements" in ttl and '"2022"' in ttl
    # a changed manifest is a changed input: the cached result is not reused
    (unnamed / "manifest.tsv").write_text("file\tyear\ndept.txt\t2023\n", encoding="utf-8")
    again = runner.invoke(app, ["build", str(unnamed), "-o", str(out), "--jobs", "1", "--format", "ttl"])
    assert again.exit_code == 0, again.output
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "开阳县市场监督管理局" not in ttl and '"2023"' in ttl


def test_a_manifest_kg_cannot_use_is_named_with_its_line(unnamed: Path, tmp_path: Path) -> None:
    (unnamed / "manifest.tsv").write_text("file\tyear\ndept.txt\tlast year\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(unnamed)])
    assert result.exit_code == 1
    assert "manifest.tsv, line 2: year 'last year' is not a year" in result.stderr
    assert "Traceback" not in result.output
