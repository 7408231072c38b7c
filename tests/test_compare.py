"""``kg compare`` on the compare fixtures: exact answers, and the same answers as the named queries.

The fixtures (tests/fixtures/compare) are written for these tests: 桃源县 in
2022 and 2023 with known additions, drops and a count change (权责清单 1200 →
1180), three more counties sharing kinds (权责清单, 行政执法公示制度, the
national 纲要 named with three dash and bracket variants and once without
its period), and 慈利县's report, which states no year.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.ontology import validate
from kg.rdf.read import read_graph

runner = CliRunner()
R = "https://w3id.org/kg-rol/id/region/"
TAOYUAN, LINLI, SHIMEN, CILI = R + "430725", R + "430724", R + "430726", R + "430821"
NAMES = {TAOYUAN: "桃源县", LINLI: "临澧县", SHIMEN: "石门县", CILI: "慈利县"}


def _ok(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def _compare(graph: Path, *args: str) -> str:
    return _ok(runner.invoke(app, ["compare", "--graph", str(graph), *args]))


def _query_rows(graph: Path, name: str, *params: str) -> list[dict[str, str]]:
    extra = [x for p in params for x in ("--param", p)]
    out = _ok(runner.invoke(app, ["query", "--graph", str(graph), "--name", name, "--format", "csv", *extra]))
    return list(csv.DictReader(io.StringIO(out)))


@pytest.fixture(scope="module")
def graph(compare_build: Path) -> Path:
    return compare_build / "graph.ttl"


# --------------------------------------------------------------------------- by year


def _changes(graph: Path, *args: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    doc = json.loads(_compare(graph, "--by", "year", "--format", "json", *args))
    rows = doc["rows"]
    assert {(r["place"], r["year_from"], r["year_to"]) for r in rows} <= {("桃源县", "2022", "2023")}
    return {
        (r["type"], r["item"]): (
            r["change"],
            "" if r["items_from"] is None else str(r["items_from"]),
            "" if r["items_to"] is None else str(r["items_to"]),
        )
        for r in rows
    }


def test_by_year_gives_what_taoyuan_added_dropped_and_kept(graph: Path) -> None:
    assert _changes(graph) == {
        ("机构", "桃源县人民政府"): ("kept", "", ""),
        ("制度", "法治政府建设实施纲要(2021—2025年)"): ("kept", "", ""),
        ("制度", "行政执法公示制度"): ("kept", "", ""),
        ("制度", "执法全过程记录制度"): ("kept", "", ""),
        ("制度", "桃源县重大行政决策程序规定"): ("kept", "", ""),
        ("制度", "桃源县法治政府建设实施方案(2022—2025年)"): ("dropped", "", ""),
        ("制度", "重大执法决定法制审核制度"): ("dropped", "", ""),
        ("制度", "行政执法案卷评查制度"): ("added", "", ""),
        ("清单", "桃源县权责清单"): ("kept", "1200", "1180"),
        ("清单", "桃源县政务服务事项清单"): ("kept", "856", "856"),
        ("清单", "行政许可事项清单"): ("dropped", "", ""),
        ("清单", "桃源县证明事项清单"): ("added", "", ""),
        ("品牌", "桃花源调解"): ("kept", "", ""),
        ("品牌", "法治进乡村"): ("dropped", "", ""),
        ("品牌", "法润桃源普法"): ("added", "", ""),
    }


def test_by_year_table_names_the_changes_and_the_report_without_a_year(graph: Path) -> None:
    out = _compare(graph, "--by", "year")
    for text in ("桃源县 2022 → 2023", "1200 → 1180", "brands that appear", "cili-undated", "without a year"):
        assert text in out
    assert "856 → 856" not in out  # an unchanged count is no change
    assert "│ 桃源县 │ 2023 │ 法润桃源普法 │" in out


def test_by_year_with_one_year_per_place_says_so(graph: Path) -> None:
    out = " ".join(_compare(graph, "--by", "year", "--place", "临澧县").split())  # the title wraps
    assert "no place has reports of two years" in out and "│ 临澧县 │ 2023 │" in out


def test_by_year_selection_by_type_report_and_place(graph: Path) -> None:
    lists = _changes(graph, "--type", "清单")
    assert {t for t, _ in lists} == {"清单"} and len(lists) == 4
    assert _changes(graph, "--place", "石门县") == {}
    assert _changes(graph, "--report", "taoyuan-2023", "--report", "taoyuan-2022") == _changes(graph)
    assert _changes(graph, "--place", "常德市") == _changes(graph)  # the city holds 桃源县


# --------------------------------------------------------------------------- by place


def _cells(graph: Path, *args: str) -> dict[str, dict[str, str]]:
    doc = json.loads(_compare(graph, "--by", "place", "--format", "json", *args))
    out: dict[str, dict[str, str]] = {}
    for r in doc["rows"]:
        items = "" if r["items"] is None else f" {r['items']}"
        out.setdefault(f"{r['label']} ({r['places']})", {})[r["place"]] = r["relations"] + items
    return out


def test_by_place_gives_who_has_a_list_with_its_item_count(graph: Path) -> None:
    assert _cells(graph, "--type", "清单") == {
        "权责清单 (4)": {
            "临澧县": "compiles 986",
            "慈利县": "compiles 905",
            "桃源县": "compiles 1180",  # the latest year's count
            "石门县": "compiles 1102",
        },
        "政务服务事项清单 (2)": {"桃源县": "compiles 856", "石门县": "compiles 912"},
        "行政许可事项清单 (1)": {"桃源县": "compiles"},
        "证明事项清单 (1)": {"桃源县": "compiles"},
    }


def test_by_place_gives_which_systems_each_place_formulated_or_implemented(graph: Path) -> None:
    got = _cells(graph, "--type", "制度")
    assert list(got)[:3] == ["法治政府建设实施纲要 (4)", "行政执法公示制度 (4)", "法治政府建设实施方案 (3)"]
    assert got["法治政府建设实施纲要 (4)"] == dict.fromkeys(
        ["临澧县", "慈利县", "桃源县", "石门县"], "implements"
    )
    assert got["法治政府建设实施方案 (3)"] == dict.fromkeys(["临澧县", "桃源县", "石门县"], "formulates")
    assert got["执法全过程记录制度 (2)"] == {"桃源县": "implements", "石门县": "implements"}
    assert got["重大行政决策程序规定 (1)"] == {"桃源县": "formulates"}


def test_by_place_rows_are_sorted_by_how_many_places_share_them(graph: Path) -> None:
    doc = json.loads(_compare(graph, "--by", "place", "--format", "json"))
    shares = [r["places"] for r in doc["rows"]]
    assert shares == sorted(shares, reverse=True)
    assert doc["reports_without_year"] == ["cili-undated"]


def test_csv_has_a_header_and_one_line_per_cell(graph: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(_compare(graph, "--by", "place", "--format", "csv", "--type", "清单")))
    )
    assert len(rows) == 8 and rows[0]["label"] == "权责清单" and rows[0]["place"] == "临澧县"
    assert rows[0]["items"] == "986" and rows[0]["items_year"] == "2023"


# --------------------------------------------------------------------------- identity


def test_variants_of_a_national_name_are_one_node_and_local_instances_share_a_kind(graph: Path) -> None:
    rows = _query_rows(graph, "places-by-concept", "label=法治政府建设实施纲要")
    assert {r["place"] for r in rows} == {"临澧县", "慈利县", "桃源县", "石门县"}
    out = _ok(
        runner.invoke(
            app,
            [
                "query",
                "--graph",
                str(graph),
                "--format",
                "csv",
                "SELECT ?l WHERE { ?e a rol:System ; rdfs:label ?l FILTER(CONTAINS(?l, '纲要')) }",
            ],
        )
    )
    assert out.split() == ["l", "法治政府建设实施纲要(2021—2025年)"]


def test_the_concept_layer_passes_shacl(graph: Path) -> None:
    assert validate(read_graph([graph])).conforms


# --------------------------------------------------------------------------- agreement with the named queries


def test_by_year_agrees_with_the_named_query(graph: Path) -> None:
    doc = json.loads(_compare(graph, "--by", "year", "--format", "json"))
    mine = sorted(
        (
            r["region"],
            r["year_from"],
            r["year_to"],
            r["entity"],
            r["change"],
            "" if r["items_from"] is None else str(r["items_from"]),
            "" if r["items_to"] is None else str(r["items_to"]),
        )
        for r in doc["rows"]
    )
    theirs = sorted(
        (r["region"], r["from"], r["to"], r["entity"], r["change"], r["itemsFrom"], r["itemsTo"])
        for r in _query_rows(graph, "changes-over-years")
    )
    assert mine == theirs and len(mine) == 15


def test_by_place_agrees_with_the_named_query(graph: Path) -> None:
    """The named query gives a row per place, year and relation; folded per place, it is the matrix."""
    folded: dict[tuple[str, str], dict[str, object]] = {}
    for r in _query_rows(graph, "places-by-concept"):
        cell = folded.setdefault((r["row"], r["region"]), {"rel": set(), "n": []})
        assert isinstance(cell["rel"], set) and isinstance(cell["n"], list)
        if r["relation"]:
            cell["rel"].add(r["relation"].rsplit("#", 1)[1])
        if r["items"]:
            cell["n"].append((r["year"], int(r["items"])))
    doc = json.loads(_compare(graph, "--by", "place", "--format", "json"))
    places = Counter(row for row, _ in folded)  # how many places share a row
    mine = {
        (r["row"], r["region"]): (r["places"], set(r["relations"].split()), r["items"]) for r in doc["rows"]
    }
    theirs = {
        key: (places[key[0]], c["rel"], max(c["n"])[1] if c["n"] else None)  # type: ignore[arg-type]
        for key, c in folded.items()
    }
    assert mine == theirs and len(mine) == 33


def test_the_named_queries_take_the_place_and_type_parameters(graph: Path) -> None:
    rows = _query_rows(graph, "changes-over-years", "place=桃源县", "type=清单")
    assert len(rows) == 4 and {r["place"] for r in rows} == {"桃源县"}
    assert not _query_rows(graph, "changes-over-years", "place=石门县")
    rows = _query_rows(graph, "places-by-concept", "type=清单", "place=石门县")
    assert {r["label"] for r in rows} == {"权责清单", "政务服务事项清单"}


# --------------------------------------------------------------------------- page and errors


def test_the_page_is_written_deterministically(graph: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert "wrote" in _compare(graph, "-o", str(a))
    _compare(graph, "-o", str(b))
    assert a.read_bytes() == b.read_bytes()
    page = a.read_text(encoding="utf-8")
    assert "default-src &#x27;none&#x27;" in page and "://" not in page  # no URL at all


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--report", "nope-2023"], "no report has the id 'nope-2023'"),
        (["--place", "火星县"], "no report is about a place named '火星县'"),
        (["--type", "法规"], "unknown entity type '法规'"),
    ],
)
def test_a_selection_that_names_nothing_is_one_error_line(graph: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["compare", "--graph", str(graph), *args])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_a_missing_graph_is_one_error_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_without_graph_it_reads_the_latest_build(
    compare_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "output"
    out.mkdir()
    for name in ("graph.ttl", "manifest.json"):
        (out / name).write_bytes((compare_build / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["compare", "--by", "place", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == _compare(compare_build / "graph.ttl", "--by", "place", "--format", "csv")
    monkeypatch.chdir(tmp_path / "output")  # no build here: one line, no traceback
    missing = runner.invoke(app, ["compare"])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
