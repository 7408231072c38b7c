"""graph.html in a real headless Chromium: what a reader can do, offline and safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PAYLOADS, Page
from rdflib import Graph

from kg.present.page import TITLE, render
from kg.rdf.statements import build_graph

pytestmark = pytest.mark.browser

SFJ = "开阳县司法局"
SFJ_SENTENCE = "县司法局制定《开阳县行政执法公示办法》，贯彻落实《民法典》。"


@pytest.fixture
def small_page(tmp_path: Path, small_extraction: Any) -> tuple[Path, dict[str, Any]]:
    out = tmp_path / "graph.html"
    return out, render(build_graph(small_extraction), out, title="小图")


def node_id(page: Page, label: str) -> int:
    ids = page.js("return kgView.data.nodes.filter(n => n.label === arguments[0]).map(n => n.id)", label)
    assert len(ids) == 1, f"{label!r} is {len(ids)} nodes"
    return int(ids[0])


def visible_kinds(page: Page) -> dict[str, int]:
    return page.js(
        "var c = {}; kgView.visibleNodeIds().forEach(id => {"
        " var k = kgView.data.nodes[id].kind; c[k] = (c[k] || 0) + 1; }); return c;"
    )


def click_canvas(page: Page, x: float, y: float) -> None:
    """A real mouse click at DOM coordinates (x, y) of the network's canvas."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = page.driver.find_element(By.CSS_SELECTOR, "#kg-network canvas")
    w, h = canvas.size["width"], canvas.size["height"]
    ActionChains(page.driver).move_to_element_with_offset(
        canvas, int(x - w / 2), int(y - h / 2)
    ).click().perform()


def hover_canvas(page: Page, x: float, y: float) -> None:
    """Rest the mouse at DOM coordinates (x, y) of the canvas, as a reader does before a tooltip."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = page.driver.find_element(By.CSS_SELECTOR, "#kg-network canvas")
    w, h = canvas.size["width"], canvas.size["height"]
    ActionChains(page.driver).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).pause(
        0.1
    ).move_by_offset(1, 1).perform()


def show(page: Page, node: int) -> dict[str, float]:
    """Zoom onto a node without animation; returns its DOM position on the canvas."""
    return page.js(
        "var n = kgView.network; n.moveTo({position: n.getPosition(arguments[0]), scale: 1.5, animation: false});"
        "return n.canvasToDOM(n.getPosition(arguments[0]));",
        node,
    )


def panel_text(page: Page) -> str:
    return page.js(
        "var p = document.getElementById('kg-panel');"
        "return p.hidden ? '' : document.getElementById('kg-panel-body').textContent;"
    )


def test_page_draws_every_node_and_edge(browser: Page, small_page: tuple[Path, dict[str, Any]]) -> None:
    path, summary = small_page
    browser.open(path)
    counts = browser.js("return [kgView.nodes.length, kgView.edges.length, document.title]")
    assert counts == [summary["nodes"], summary["edges"], "小图"]
    assert summary["entities"] == 6
    # Places start hidden; the four types and the report are shown.
    assert visible_kinds(browser) == {"机构": 2, "制度": 2, "清单": 1, "品牌": 1, "report": 1}
    legend = browser.js(
        "return Array.from(document.querySelectorAll('#kg-legend li')).map(li => li.textContent)"
    )
    assert [t[:2] for t in legend] == ["机构", "制度", "清单", "品牌", "报告", "地点"]
    assert browser.js("return kgView.edges.get().filter(e => e.label).length") == summary["relations"]
    assert browser.console_errors() == []
    browser.screenshot("small.png")


def test_hover_shows_name_type_and_a_sentence(browser: Page, small_page: tuple[Path, dict[str, Any]]) -> None:

    browser.open(small_page[0])
    at = show(browser, node_id(browser, SFJ))
    hover_canvas(browser, at["x"], at["y"])
    tip = browser.wait(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t && t.style.visibility !== 'hidden' && t.innerText;"
    )
    assert tip.splitlines() == [SFJ, "机构 · 提及 1 次", SFJ_SENTENCE]


def centred_on(page: Page, node: int) -> bool:
    """True once the node sits at the centre of the canvas part the side panel leaves free."""
    return bool(
        page.wait(
            "var n = kgView.network, p = n.canvasToDOM(n.getPosition(arguments[0]));"
            "var c = document.getElementById('kg-network'), panel = document.getElementById('kg-panel');"
            "var w = c.clientWidth - (panel.hidden ? 0 : panel.offsetWidth);"
            "return Math.abs(p.x - w / 2) < 5 && Math.abs(p.y - c.clientHeight / 2) < 5;",
            node,
        )
    )


def test_search_finds_any_surface_form_and_focuses(
    browser: Page, small_page: tuple[Path, dict[str, Any]]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.open(small_page[0])
    target = node_id(browser, SFJ)
    box = browser.driver.find_element(By.ID, "kg-search")
    box.send_keys("县司法局", Keys.ENTER)  # an alternative label, not the canonical name
    assert browser.js("return kgView.network.getSelectedNodes()") == [target]
    assert centred_on(browser, target)
    assert panel_text(browser).startswith(SFJ)
    box.clear()
    box.send_keys("没有这个名字", Keys.ENTER)
    assert "没有找到" in browser.js("return document.getElementById('kg-status').textContent")


def test_click_node_opens_panel_with_every_sentence(
    browser: Page, small_page: tuple[Path, dict[str, Any]]
) -> None:
    from selenium.webdriver.common.by import By

    browser.open(small_page[0])
    at = show(browser, node_id(browser, SFJ))
    click_canvas(browser, at["x"], at["y"])
    browser.wait("return !document.getElementById('kg-panel').hidden")
    panel = browser.driver.find_element(By.ID, "kg-panel")
    assert panel.find_element(By.TAG_NAME, "h2").text == SFJ
    assert "机构" in panel.find_element(By.CLASS_NAME, "kg-type").text
    assert [li.text for li in panel.find_elements(By.CSS_SELECTOR, ".kg-names li")] == ["县司法局"]
    assert [b.text for b in panel.find_elements(By.CSS_SELECTOR, ".kg-reports button")] == ["small-2021"]
    quotes = panel.find_elements(By.CSS_SELECTOR, ".kg-sentences blockquote")
    sentences = [
        browser.js(
            "return arguments[0].childNodes.length > 1 ? Array.from(arguments[0].childNodes).slice(1).map(n => n.textContent).join('') : ''",
            q,
        )
        for q in quotes
    ]
    assert sentences == [SFJ_SENTENCE]
    assert [m.text for m in panel.find_elements(By.CSS_SELECTOR, ".kg-sentences mark")] == ["县司法局"]
    browser.screenshot("small-panel.png")
    # Clicking empty canvas closes the panel.
    click_canvas(browser, 5, 5)
    browser.wait("return document.getElementById('kg-panel').hidden")


def test_click_edge_shows_relation_and_evidence(
    browser: Page, small_page: tuple[Path, dict[str, Any]]
) -> None:
    browser.open(small_page[0])
    src, dst = node_id(browser, SFJ), node_id(browser, "开阳县行政执法公示办法")
    edge = browser.js(
        "return kgView.data.edges.find(e => e.from === arguments[0] && e.to === arguments[1]).id", src, dst
    )
    # Zoom onto the middle of the edge, then click it there.
    at = browser.js(
        "var n = kgView.network, a = n.getPosition(arguments[0]), b = n.getPosition(arguments[1]);"
        "var mid = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};"
        "n.moveTo({position: mid, scale: 1.5, animation: false}); return n.canvasToDOM(mid);",
        src,
        dst,
    )
    hover_canvas(browser, at["x"], at["y"])
    tip = browser.wait(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t && t.style.visibility !== 'hidden' && t.innerText;"
    )
    assert tip.splitlines() == [f"{SFJ} —制定→ 开阳县行政执法公示办法", SFJ_SENTENCE]
    click_canvas(browser, at["x"], at["y"])
    assert browser.js("return kgView.network.getSelectedEdges()") == [edge]
    text = browser.wait(
        "return !document.getElementById('kg-panel').hidden && document.getElementById('kg-panel').textContent"
    )
    assert "制定（formulates）" in text
    assert f"{SFJ} —制定→ 开阳县行政执法公示办法" in text
    assert SFJ_SENTENCE in text
    marks = browser.js(
        "return Array.from(document.querySelectorAll('#kg-panel mark')).map(m => m.textContent)"
    )
    assert marks == ["县司法局", "《开阳县行政执法公示办法》"]


def test_type_and_report_filters_hide_nodes_and_their_edges(
    browser: Page, small_page: tuple[Path, dict[str, Any]]
) -> None:
    from selenium.webdriver.common.by import By

    browser.open(small_page[0])
    browser.driver.find_element(By.CSS_SELECTOR, "#kg-legend input[data-kind='制度']").click()
    assert visible_kinds(browser) == {"机构": 2, "清单": 1, "品牌": 1, "report": 1}
    hidden = browser.js(
        "var sys = new Set(kgView.data.nodes.filter(n => n.kind === '制度').map(n => n.id));"
        "return kgView.data.edges.filter(e => sys.has(e.from) || sys.has(e.to))"
        ".map(e => kgView.edges.get(e.id).hidden);"
    )
    assert hidden and all(hidden)
    # Hiding reports hides the report→entity "mentions" edges too.
    browser.driver.find_element(By.CSS_SELECTOR, "#kg-legend input[data-kind='report']").click()
    assert "report" not in visible_kinds(browser)
    shown_mentions = browser.js(
        "return kgView.data.edges.filter(e => e.kind === 'mentions' && !kgView.edges.get(e.id).hidden).length"
    )
    assert shown_mentions == 0
    # Places can be shown; the reset button restores the defaults.
    browser.driver.find_element(By.CSS_SELECTOR, "#kg-legend input[data-kind='place']").click()
    assert visible_kinds(browser)["place"] == 3
    browser.driver.find_element(By.ID, "kg-reset").click()
    assert visible_kinds(browser) == {"机构": 2, "制度": 2, "清单": 1, "品牌": 1, "report": 1}


def test_no_request_leaves_the_page(browser: Page, small_page: tuple[Path, dict[str, Any]]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = small_page[0]
    browser.open(path)
    browser.driver.find_element(By.ID, "kg-search").send_keys("民法典", Keys.ENTER)
    at = show(browser, node_id(browser, SFJ))
    click_canvas(browser, at["x"], at["y"])
    browser.wait("return !document.getElementById('kg-panel').hidden")
    requests = browser.requests()
    assert path.resolve().as_uri() in requests
    assert [u for u in requests if u != path.resolve().as_uri() and not u.startswith("data:")] == []
    assert browser.console_errors() == []


def test_request_log_does_see_requests(browser: Page, tmp_path: Path) -> None:
    """Control for the test above: a page that does fetch something is caught."""
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><img src="http://kg-test.invalid/pixel.png">', encoding="utf-8")
    browser.open_raw(page)
    browser.wait("return document.readyState === 'complete'")
    assert "http://kg-test.invalid/pixel.png" in browser.requests()


def test_injected_markup_stays_text(browser: Page, tmp_path: Path, hostile_graph: Graph) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    out = tmp_path / "hostile.html"
    render(hostile_graph, out)
    browser.open(out)
    # Search by a payload name, open the panel, open every sentence, show places, hover.
    box = browser.driver.find_element(By.ID, "kg-search")
    box.send_keys(PAYLOADS["script"], Keys.ENTER)
    text = panel_text(browser)
    for payload in ("script", "img", "svg", "breakout", "url"):
        assert PAYLOADS[payload] in text
    brand = browser.js("return kgView.data.nodes.find(n => n.kind === '品牌').id")
    at = show(browser, brand)
    click_canvas(browser, at["x"], at["y"])
    assert PAYLOADS["svg"] in browser.wait("return document.getElementById('kg-panel').textContent")
    for edge in browser.js("return kgView.data.edges.filter(e => e.kind === 'relation').map(e => e.id)"):
        browser.js("kgView.openEdge(arguments[0]);", edge)
        assert PAYLOADS["breakout"] + PAYLOADS["svg"] in panel_text(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "#kg-legend input[data-kind='place']").click()
    # Nothing ran, nothing was created from the text, the page title is intact.
    assert browser.js("return window.__pwned === undefined")
    assert browser.driver.title == TITLE
    assert browser.js("return document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert browser.js("return document.querySelectorAll('script').length") == 3
    assert browser.js("return document.querySelectorAll('a[href]').length") == 0
    assert browser.console_errors() == []
    browser.screenshot("hostile.png")


def test_large_graph_labels_only_the_selected_nodes_edges(browser: Page, tmp_path: Path) -> None:
    """Above 1,500 nodes edge labels and arrowheads are drawn only around the selection."""
    from rdflib import RDF, RDFS, Literal

    from kg.model import EntityType
    from kg.rdf import ids
    from kg.rdf.vocab import ROL

    g = Graph()
    iris = [ids.entity_iri(EntityType.INSTITUTION, f"机构{i:04d}") for i in range(1600)]
    for i, iri in enumerate(iris):
        g.add((iri, RDF.type, ROL.Institution))
        g.add((iri, RDFS.label, Literal(f"机构{i:04d}", lang="zh")))
        g.add((iri, ROL.partOf, iris[(i + 1) % len(iris)]))
    out = tmp_path / "large.html"
    render(g, out)
    browser.open(out)

    def labelled() -> list[list[Any]]:
        return sorted(
            browser.js("return kgView.edges.get().filter(e => e.label).map(e => [e.from, e.to, e.label])")
        )

    assert labelled() == []
    assert "图较大" in browser.js("return document.getElementById('kg-legend-hint').textContent")
    centre = node_id(browser, "机构0100")
    browser.js("kgView.focusNode(arguments[0]);", centre)
    before, after = node_id(browser, "机构0099"), node_id(browser, "机构0101")
    assert labelled() == [[before, centre, "隶属"], [centre, after, "隶属"]]
    arrows = browser.js("return kgView.edges.get().filter(e => e.arrows && e.arrows.to.enabled).length")
    assert arrows == 2
    # Selecting elsewhere moves the emphasis.
    browser.js("kgView.focusNode(arguments[0]);", node_id(browser, "机构1000"))
    assert len(labelled()) == 2
    assert [centre, after, "隶属"] not in labelled()


# --------------------------------------------------------------------------- what the view shows


def in_view(page: Page) -> list[int]:
    """Visible nodes whose box (with border) lies wholly in the canvas part the side panel leaves free."""
    return page.js(
        "var n = kgView.network, c = document.getElementById('kg-network'), p = document.getElementById('kg-panel');"
        "var w = c.clientWidth - (p.hidden ? 0 : p.offsetWidth);"
        "return kgView.visibleNodeIds().filter(id => {"
        " var b = n.getBoundingBox(id), a = n.canvasToDOM({x: b.left, y: b.top}),"
        "  z = n.canvasToDOM({x: b.right, y: b.bottom});"
        " return a.x >= 0 && a.y >= 0 && z.x <= w && z.y <= c.clientHeight; });"
    )


def labels_overlap_or_leave(page: Page) -> list[Any]:
    """Pairs of drawn labels that overlap, and labels not wholly in the free part of the canvas."""
    return page.js(
        "var ls = kgView.labels(), w = kgView.freeWidth(), h = document.getElementById('kg-network').clientHeight;"
        "var bad = ls.filter(b => b.x < 0 || b.y < 0 || b.x + b.w > w || b.y + b.h > h).map(b => b.id);"
        "ls.forEach((a, i) => ls.slice(i + 1).forEach(b => {"
        " if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) bad.push([a.id, b.id]); }));"
        "return bad;"
    )


def test_focus_page_selects_highlights_and_opens_the_entity(
    browser: Page, tmp_path: Path, small_extraction: Any
) -> None:
    """kg viz --focus X: X selected, drawn with a red border and labelled, its panel open, nothing under it."""
    from selenium.webdriver.common.by import By

    out = tmp_path / "focus.html"
    render(build_graph(small_extraction), out, focus="县司法局", depth=1)
    browser.open(out)
    target = node_id(browser, SFJ)
    assert browser.driver.title == TITLE == "法治政府建设报告知识图谱"
    assert browser.js("return kgView.network.getSelectedNodes()") == [target]
    assert browser.driver.find_element(By.CSS_SELECTOR, "#kg-panel h2").text == SFJ
    options = browser.js(
        "var o = kgView.network.body.nodes[arguments[0]].options; return [o.borderWidth, o.color.border]",
        target,
    )
    assert options == [3, "#d62728"]
    assert target in browser.js("return kgView.labels().map(b => b.id)")
    assert in_view(browser) == browser.js("return kgView.visibleNodeIds()")
    assert labels_overlap_or_leave(browser) == []
    browser.screenshot("focus.png")


def test_implicit_relations_are_dashed_and_can_be_hidden(
    browser: Page, small_page: tuple[Path, dict[str, Any]]
) -> None:
    from selenium.webdriver.common.by import By

    browser.open(small_page[0])
    drawn = browser.js(
        "return kgView.data.edges.filter(e => e.kind === 'relation').map(e => {"
        " var v = kgView.edges.get(e.id); return [e.rel, !!v.dashes, v.hidden]; }).sort()"
    )
    assert drawn == [
        ["compiles", True, False],
        ["formulates", False, False],
        ["implements", False, False],
        ["partOf", True, False],
        ["runs", True, False],
    ]
    legend = browser.driver.find_element(By.ID, "kg-edge-legend").text
    assert "虚线" in legend and "主语隐含" in legend
    assert browser.driver.find_element(By.ID, "kg-implicit-count").text == "3"
    before = browser.driver.find_element(By.ID, "kg-counts").text
    browser.driver.find_element(By.ID, "kg-implicit").click()
    hidden = browser.js(
        "return kgView.data.edges.filter(e => e.kind === 'relation' && kgView.edges.get(e.id).hidden)"
        ".map(e => e.rel).sort()"
    )
    assert hidden == ["compiles", "partOf", "runs"]
    after = browser.driver.find_element(By.ID, "kg-counts").text
    shown = [int(t.split(" / ")[0].split()[-1]) for t in (before, after)]
    assert shown[1] == shown[0]  # nodes stay
    edges_shown = [int(t.split("，")[1].split(" / ")[0]) for t in (before, after)]
    assert edges_shown[0] - edges_shown[1] == 3
    part_of = browser.js("return kgView.data.edges.find(e => e.rel === 'partOf').id")
    browser.js("kgView.openEdge(arguments[0]);", part_of)
    assert "主语隐含" in panel_text(browser)
    assert "主语隐含" in browser.js("return kgView.edges.get(arguments[0]).title", part_of)
    browser.driver.find_element(By.ID, "kg-reset").click()
    assert browser.js("return kgView.edges.get(arguments[0]).hidden", part_of) is False


def test_panel_and_hover_show_a_real_sentence_before_page_furniture(
    browser: Page, tmp_path: Path, furniture_graph: Graph
) -> None:
    out = tmp_path / "furniture.html"
    render(furniture_graph, out)
    browser.open(out)
    sfj = node_id(browser, SFJ)
    at = show(browser, sfj)
    hover_canvas(browser, at["x"], at["y"])
    tip = browser.wait(
        "var t = document.querySelector('div.vis-tooltip');"
        "return t && t.style.visibility !== 'hidden' && t.innerText;"
    )
    assert tip.splitlines() == [SFJ, "机构 · 提及 2 次", SFJ_SENTENCE]
    browser.js("kgView.openNode(arguments[0]);", sfj)
    quotes = browser.js(
        "return Array.from(document.querySelectorAll('#kg-panel .kg-sentences blockquote'))"
        ".map(q => [q.className, Array.from(q.childNodes).slice(1).map(n => n.textContent).join('')])"
    )
    assert quotes == [["", SFJ_SENTENCE], ["kg-furniture", "发布机构: | 县司法局 | 有效性: |"]]
