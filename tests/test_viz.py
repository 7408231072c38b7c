"""kg.present.page without a browser: the data the page gets, the cut of the graph, safety, determinism."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import KgError, OutputError
from kg.model import EntityType, Extraction
from kg.present import page as viz
from kg.present.page import VizError, render
from kg.rdf import ids
from kg.rdf.statements import build_dataset, build_graph
from kg.rdf.vocab import ROL

ROOT = Path(__file__).resolve().parent.parent
FURNITURE_LINE = "发布机构: | 县司法局 | 有效性: |"
SFJ = ids.entity_iri(EntityType.INSTITUTION, "开阳县司法局", "520121")


class _Page(HTMLParser):
    """Collects tags with their attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append((self._in, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def page_data(path: Path) -> dict[str, Any]:
    """The JSON the page's script reads, exactly as the browser's JSON.parse would."""
    blocks = [text for attrs, text in parse(path).scripts if attrs.get("id") == "kg-data"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def draw(graph: Graph, tmp_path: Path, name: str = "graph.html", **kwargs: Any) -> dict[str, Any]:
    out = tmp_path / name
    render(graph, out, **kwargs)
    return page_data(out)


def labels(data: dict[str, Any], kind: str | None = None) -> list[str]:
    entity_kinds = {t.value for t in EntityType}
    return sorted(
        n["label"] for n in data["nodes"] if (n["kind"] == kind if kind else n["kind"] in entity_kinds)
    )


@pytest.fixture
def small_graph(small_extraction: Extraction) -> Graph:
    return build_graph(small_extraction)


# --------------------------------------------------------------------------- what the page holds


def test_summary_counts_what_the_page_holds(small_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "graph.html"
    summary = render(small_graph, out)
    data = page_data(out)
    assert summary == {
        "path": str(out),
        "nodes": len(data["nodes"]),
        "edges": len(data["edges"]),
        "entities": 6,
        "relations": 5,  # itemCount is a number on the list, not an edge
        "reports": 1,
        "places": 3,  # 开阳县 and the regions that contain it
    }


def test_entity_node_has_names_reports_and_highlighted_sentences(small_graph: Graph, tmp_path: Path) -> None:
    data = draw(small_graph, tmp_path)
    by_label = {n["label"]: n for n in data["nodes"]}
    sfj = by_label["开阳县司法局"]
    assert sfj["kind"] == "机构"
    assert sfj["iri"] == str(SFJ)
    assert sfj["names"] == ["开阳县司法局", "县司法局"]
    assert sfj["mentions"] == 1
    assert sfj["reports"] == [by_label["small-2021"]["id"]]
    assert sfj["scope"] == by_label["开阳县"]["id"]
    assert sorted(by_label[p]["label"] for p in ["开阳县", "贵阳市", "贵州省"]) == [
        "开阳县",
        "贵州省",
        "贵阳市",
    ]
    assert {data["nodes"][i]["label"] for i in sfj["places"]} == {"开阳县", "贵阳市", "贵州省"}
    [sentence] = sfj["sentences"]
    assert sentence["text"] == ["", "县司法局", "制定《开阳县行政执法公示办法》，贯彻落实《民法典》。"]
    assert sentence["report"] == by_label["small-2021"]["id"]
    assert "hover" not in sfj and "itemCount" not in sfj  # absent, not null
    assert by_label["small-2021"]["title"].startswith("开阳县人民政府关于2021年度")
    assert by_label["政务服务事项清单"]["itemCount"] == 714
    assert by_label["small-2021"]["kind"] == "report"
    assert by_label["small-2021"]["year"] == "2021"


def test_edges_carry_relation_labels_and_evidence(small_graph: Graph, tmp_path: Path) -> None:
    data = draw(small_graph, tmp_path)
    name = {n["id"]: n["label"] for n in data["nodes"]}
    relations = {
        (name[e["from"]], e["rel"], data["rels"][e["rel"]]["label"], name[e["to"]])
        for e in data["edges"]
        if e["kind"] == "relation"
    }
    assert relations == {
        ("开阳县司法局", "formulates", "制定", "开阳县行政执法公示办法"),
        ("开阳县司法局", "implements", "实施", "民法典"),
        ("开阳县司法局", "partOf", "隶属", "开阳县人民政府"),
        ("开阳县人民政府", "compiles", "编制", "政务服务事项清单"),
        ("开阳县人民政府", "runs", "打造", "盐和"),
    }
    formulates = next(e for e in data["edges"] if e["rel"] == "formulates")
    [ev] = formulates["evidence"]
    assert "".join(ev["text"]) == "县司法局制定《开阳县行政执法公示办法》，贯彻落实《民法典》。"
    assert ev["text"][1::2] == ["县司法局", "《开阳县行政执法公示办法》"]
    assert ev["implicit"] is False
    part_of = next(e for e in data["edges"] if e["rel"] == "partOf")
    assert part_of["evidence"][0]["implicit"] is True
    kinds = sorted({(e["kind"], e["rel"]) for e in data["edges"] if e["kind"] != "relation"})
    assert kinds == [
        ("mentions", "mentions"),
        ("place", "containedIn"),
        ("place", "place"),
        ("place", "scope"),
    ]
    assert [e["id"] for e in data["edges"]] == list(range(len(data["edges"])))


def test_implicit_relations_are_marked(small_graph: Graph, tmp_path: Path) -> None:
    """A relation credited to the author only because its sentence names no subject says so."""
    data = draw(small_graph, tmp_path)
    implicit = {e["rel"]: e.get("implicit", False) for e in data["edges"] if e["kind"] == "relation"}
    assert implicit == {
        "formulates": False,
        "implements": False,
        "partOf": True,
        "compiles": True,
        "runs": True,
    }


@pytest.mark.parametrize(
    "line",
    [
        "发布机构: | 县司法局 | 有效性: |",
        "索引号: | 113304240025560106/2023-74723 | 成文日期: | 2023-06-05 |",
        "海盐县司法局 2023年6月5日 |",
        "发布时间：2023-06-05 来源：县司法局 字号：大 中 小 打印本页 关闭窗口",
        "  字号:[ ]  [关闭] 视力保护色:",
        "发布时间：2023-06-05 信息来源：县司法局",
    ],
)
def test_page_furniture_is_recognised(line: str) -> None:
    assert viz.furniture(line) > 0


@pytest.mark.parametrize(
    "sentence",
    [
        "县司法局制定《开阳县行政执法公示办法》，贯彻落实《民法典》。",
        "张美群委员: 您提出的《关于推进法治政府建设提升基层治理水平的建议》已收悉。",
        "主要做法：一是建立行政执法公示制度，二是编制政务服务事项清单。",
        "2021年,我县法治政府建设工作在县委的坚强领导下取得新成效。",
    ],
)
def test_report_sentences_are_not_furniture(sentence: str) -> None:
    assert viz.furniture(sentence) == 0


def test_furniture_scores_rank_a_signature_before_a_header_table() -> None:
    assert (
        0 < viz.furniture("海盐县司法局 2023年6月5日 |") < viz.furniture("发布机构: | 县司法局 | 有效性: |")
    )


def test_real_sentences_come_before_page_furniture(furniture_graph: Graph, tmp_path: Path) -> None:
    """The panel lists, and the hover shows first, a sentence of the report, not a header cell."""
    data = draw(furniture_graph, tmp_path)
    sfj = next(n for n in data["nodes"] if n["label"] == "开阳县司法局")
    assert sfj["mentions"] == 2
    assert ["".join(s["text"]) for s in sfj["sentences"]] == [
        "县司法局制定《开阳县行政执法公示办法》，贯彻落实《民法典》。",
        FURNITURE_LINE,
    ]
    assert [s.get("furniture", 0) > 0 for s in sfj["sentences"]] == [False, True]


def test_nodes_are_ranked_by_degree_then_mentions(small_graph: Graph, tmp_path: Path) -> None:
    data = draw(small_graph, tmp_path)
    degree = {n["id"]: 0 for n in data["nodes"]}
    for e in data["edges"]:
        if e["kind"] != "place":  # links to places say nothing of a node's weight
            degree[e["from"]] += 1
            degree[e["to"]] += 1
    by_rank = sorted(data["nodes"], key=lambda n: n["rank"])
    assert [n["rank"] for n in by_rank] == list(range(len(data["nodes"])))
    keys = [(degree[n["id"]], n.get("mentions", 0)) for n in by_rank]
    assert keys == sorted(keys, reverse=True)
    # The report mentions all six entities; the two institutions have three relations each.
    assert [n["label"] for n in by_rank[:3]] == ["small-2021", "开阳县人民政府", "开阳县司法局"]


def test_focus_entities_are_listed_for_the_page(small_graph: Graph, tmp_path: Path) -> None:
    data = draw(small_graph, tmp_path, focus="县司法局", depth=1)
    assert [data["nodes"][i]["label"] for i in data["focus"]] == ["开阳县司法局"]
    assert draw(small_graph, tmp_path)["focus"] == []


def test_the_page_has_the_title_kg_build_gives_it(small_ttl: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "viz.html"
    result = CliRunner().invoke(
        app, ["viz", "--graph", str(small_ttl), "-o", str(out), "--focus", "县司法局"]
    )
    assert result.exit_code == 0, result.output
    assert viz.TITLE == "法治政府建设报告知识图谱"
    assert f"<title>{viz.TITLE}</title>" in out.read_text(encoding="utf-8")
    assert page_data(out)["title"] == viz.TITLE


def test_legend_lists_the_four_types_then_reports_and_places(small_graph: Graph, tmp_path: Path) -> None:
    data = draw(small_graph, tmp_path)
    assert [k["label"] for k in data["kinds"]] == ["机构", "制度", "清单", "品牌", "报告", "地点"]
    assert len({k["color"] for k in data["kinds"]}) == 6


def test_segments_highlight_longest_forms_without_overlap() -> None:
    assert viz._segments("县司法局和开阳县司法局", ["县司法局", "开阳县司法局"]) == [
        "",
        "县司法局",
        "和",
        "开阳县司法局",
        "",
    ]
    assert viz._segments("没有名字", ["民法典"]) == ["没有名字"]


# --------------------------------------------------------------------------- cutting the graph


def test_focus_accepts_any_surface_form_and_depth(small_graph: Graph, tmp_path: Path) -> None:
    data = draw(small_graph, tmp_path, focus="县司法局", depth=1)
    assert labels(data) == sorted(["开阳县司法局", "开阳县行政执法公示办法", "民法典", "开阳县人民政府"])
    assert labels(draw(small_graph, tmp_path, focus="《民法典》", depth=0)) == ["民法典"]
    everything = labels(draw(small_graph, tmp_path))
    assert labels(draw(small_graph, tmp_path, focus="民法典", depth=2)) == sorted(
        ["民法典", "开阳县司法局", "开阳县行政执法公示办法", "开阳县人民政府"]
    )
    assert labels(draw(small_graph, tmp_path, focus="民法典", depth=3)) == everything


def test_unknown_focus_says_so_and_suggests(small_graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(
        VizError, match=r"no entity is named '司法' in the graph; similar names: 开阳县司法局"
    ):
        render(small_graph, tmp_path / "x.html", focus="司法")
    with pytest.raises(VizError, match="check the spelling"):
        render(small_graph, tmp_path / "x.html", focus="国务院")
    assert not (tmp_path / "x.html").exists()


def test_types_accept_chinese_and_english_names(small_graph: Graph, tmp_path: Path) -> None:
    assert labels(draw(small_graph, tmp_path, types=["清单"])) == ["政务服务事项清单"]
    assert labels(draw(small_graph, tmp_path, types=["brand", "System"])) == sorted(
        ["盐和", "民法典", "开阳县行政执法公示办法"]
    )
    with pytest.raises(VizError, match=r"unknown entity type '人物': use one of 机构 \(Institution\)"):
        render(small_graph, tmp_path / "x.html", types=["人物"])


def test_report_keeps_what_it_mentions(small_graph: Graph, tmp_path: Path) -> None:
    assert len(labels(draw(small_graph, tmp_path, report="small-2021"))) == 6
    with pytest.raises(
        VizError, match=r"no report has the id 'kaiyang-2021'; reports in the graph: small-2021"
    ):
        render(small_graph, tmp_path / "x.html", report="kaiyang-2021")


def test_top_keeps_the_highest_degree(small_graph: Graph, tmp_path: Path) -> None:
    # 开阳县司法局 and 开阳县人民政府 have three relations each; the others one.
    assert labels(draw(small_graph, tmp_path, top=2)) == ["开阳县人民政府", "开阳县司法局"]
    assert labels(draw(small_graph, tmp_path, types=["制度"], top=1)) == ["开阳县行政执法公示办法"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"depth": -1}, "depth must be 0 or more"),
        ({"top": 0}, "top must be 1 or more"),
        ({"types": ["品牌"], "focus": "民法典"}, "no entity matches the selection"),
    ],
)
def test_bad_selections_raise_kg_errors(
    small_graph: Graph, tmp_path: Path, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(KgError, match=message):
        render(small_graph, tmp_path / "x.html", **kwargs)


def test_empty_graph_gives_an_empty_page(tmp_path: Path) -> None:
    summary = render(Graph(), tmp_path / "empty.html")
    assert (summary["nodes"], summary["edges"]) == (0, 0)
    assert page_data(tmp_path / "empty.html")["nodes"] == []


def test_dataset_is_drawn_as_its_union(small_extraction: Extraction, tmp_path: Path) -> None:
    render(build_dataset(small_extraction), tmp_path / "a.html")
    render(build_graph(small_extraction), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


# --------------------------------------------------------------------------- offline, safe, deterministic


def test_page_links_nothing_and_forbids_fetches(small_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    render(small_graph, out)
    page = parse(out)
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "data", "srcset"):
            value = attrs.get(name)
            assert value is None or value.startswith("data:"), f"<{tag} {name}={value!r}>"
    [csp] = [
        a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp is not None
    assert "default-src 'none'" in csp
    # Every executable script is allowed by its hash, and nothing else is.
    code = [text for attrs, text in page.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "vis.Network" in code[1]


HOSTILE = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<!--<script>",
    '<img src=x onerror="alert(3)">',
    "\"'><svg onload=alert(4)>",
    "javascript:alert(5)",
    "a\u2028b\u2029c & d",
    "@@KG_DATA@@ @@KG_TITLE@@",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_untrusted_text_is_embedded_as_inert_json(small_graph: Graph, tmp_path: Path, text: str) -> None:
    report = next(small_graph.subjects(RDF.type, ROL.Report))
    small_graph.add((SFJ, SKOS.altLabel, Literal(text, lang="zh")))
    for m in small_graph.objects(SFJ, ROL.hasMention):
        small_graph.set((m, ROL.sentence, Literal(f"县司法局{text}。", lang="zh")))
    small_graph.set((report, URIRef("http://purl.org/dc/terms/title"), Literal(text, lang="zh")))
    out = tmp_path / "graph.html"
    render(small_graph, out, title=text)
    raw = out.read_text(encoding="utf-8")
    block = raw.split('<script id="kg-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in block
    data = page_data(out)  # still parses back to the exact text
    sfj = next(n for n in data["nodes"] if n["iri"] == str(SFJ))
    assert text in sfj["names"]
    assert "".join(sfj["sentences"][0]["text"]) == f"县司法局{text}。"
    assert data["title"] == text
    # The title appears escaped in <title> and <h1>, and the page keeps exactly its own scripts.
    assert len(parse(out).scripts) == 3
    if "<" in text:
        assert text not in raw


def test_same_graph_gives_the_same_bytes(small_extraction: Extraction, tmp_path: Path) -> None:
    g1 = build_graph(small_extraction)
    # Same triples, inserted in another order.
    g2 = Graph()
    for t in sorted(g1, key=lambda t: tuple(reversed([str(x) for x in t]))):
        g2.add(t)
    render(g1, tmp_path / "a.html")
    render(g2, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_bytes_do_not_depend_on_the_hash_seed(small_graph: Graph, tmp_path: Path) -> None:
    """Set and dict order must never leak into the page: render in two processes."""
    source = tmp_path / "graph.nt"
    small_graph.serialize(source, format="nt", encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; from rdflib import Graph; from kg.present.page import render; "
        "render(Graph().parse(sys.argv[1]), Path(sys.argv[2]))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", script, str(source), str(tmp_path / f"{seed}.html")],
            env=env,
            check=True,
            cwd=ROOT,
        )
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "2.html").read_bytes()


# --------------------------------------------------------------------------- layout


def _ring_graph(n: int) -> Graph:
    """n institutions in a ring of partOf relations: a graph whose shape a layout must show."""
    g = Graph()
    nodes = [ids.entity_iri(EntityType.INSTITUTION, f"机构{i:04d}") for i in range(n)]
    for i, node in enumerate(nodes):
        g.add((node, RDF.type, ROL.Institution))
        g.add((node, RDFS.label, Literal(f"机构{i:04d}", lang="zh")))
        g.add((node, ROL.partOf, nodes[(i + 1) % n]))
    return g


@pytest.mark.parametrize("exact_max", [viz.EXACT_LAYOUT_MAX, 10])
def test_layout_puts_neighbours_closer_than_strangers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exact_max: int
) -> None:
    monkeypatch.setattr(viz, "EXACT_LAYOUT_MAX", exact_max)  # 10: the grid layout for large graphs
    data = draw(_ring_graph(200), tmp_path)
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    assert len(set(pos.values())) == len(pos)

    def dist(a: int, b: int) -> float:
        return float(((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5)

    linked = [dist(e["from"], e["to"]) for e in data["edges"]]
    strangers = [dist(a, (a * 7 + 50) % len(pos)) for a in pos]
    assert sum(linked) / len(linked) * 3 < sum(strangers) / len(strangers)


def test_grid_layout_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(viz, "EXACT_LAYOUT_MAX", 10)
    render(_ring_graph(60), tmp_path / "a.html")
    render(_ring_graph(60), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


# --------------------------------------------------------------------------- errors on output


def test_unwritable_output_is_an_output_error(small_graph: Graph, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError):
        render(small_graph, blocker / "graph.html")


def test_missing_vis_network_is_a_clear_error(
    small_graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(viz, "VIS_DIR", "templates/lib/vis-0.0.0")
    with pytest.raises(VizError, match="cannot read vis-network from pyvis"):
        render(small_graph, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()
