"""The page built from the five seed reports, checked against the graph it was drawn from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from conftest import Page
from rdflib import Graph
from test_page import in_view, labels_overlap_or_leave

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PREFIXES = """
PREFIX rol: <https://w3id.org/kg-rol/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""
ENTITY = "VALUES ?class { rol:Institution rol:System rol:List rol:Brand } ?e a ?class ."


@pytest.fixture(scope="module")
def seeds(seeds_build: Path) -> tuple[Path, Graph]:
    return seeds_build / "graph.html", Graph().parse(seeds_build / "graph.ttl")


def select(graph: Graph, query: str) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in row) for row in graph.query(PREFIXES + query)]  # type: ignore[union-attr]


def visible_entity_iris(page: Page) -> set[str]:
    return set(
        page.js(
            "return kgView.visibleNodeIds().map(id => kgView.data.nodes[id])"
            ".filter(n => n.kind !== 'report' && n.kind !== 'place').map(n => n.iri)"
        )
    )


def choose(page: Page, select_id: str, label: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(page.driver.find_element(By.ID, select_id)).select_by_visible_text(label)


def test_every_entity_and_report_is_a_node(browser: Page, seeds: tuple[Path, Graph]) -> None:
    path, graph = seeds
    browser.open(path)
    entities = {row[0] for row in select(graph, f"SELECT ?e WHERE {{ {ENTITY} }}")}
    assert entities and visible_entity_iris(browser) == entities
    reports = browser.js("return kgView.data.nodes.filter(n => n.kind === 'report').map(n => n.label).sort()")
    assert reports == [
        "bohu-2023",
        "changzhi-2023-news",
        "haiyan-2023-reply",
        "kaiyang-2021",
        "xinglong-2024",
    ]
    assert browser.console_errors() == []
    browser.screenshot("seeds.png")


def test_search_by_other_name_opens_every_sentence(browser: Page, seeds: tuple[Path, Graph]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path, graph = seeds
    # The most mentioned entity that has another name; search it by that name.
    [(iri, alt)] = select(
        graph,
        f"""SELECT ?e (MIN(?alt) AS ?name) WHERE {{ {ENTITY} ?e skos:altLabel ?alt ; rol:hasMention ?m . }}
        GROUP BY ?e ORDER BY DESC(COUNT(DISTINCT ?m)) ?e LIMIT 1""",
    )
    sentences = {
        row[0]
        for row in select(graph, f"SELECT DISTINCT ?s WHERE {{ <{iri}> rol:hasMention/rol:sentence ?s }}")
    }
    browser.open(path)
    browser.driver.find_element(By.ID, "kg-search").send_keys(alt, Keys.ENTER)
    selected = browser.js("return kgView.network.getSelectedNodes().map(id => kgView.data.nodes[id].iri)")
    names = browser.js(
        "return kgView.data.nodes.filter(n => n.names.includes(arguments[0])).map(n => n.iri)", alt
    )
    assert selected[0] in names and iri in names
    if selected != [iri]:  # several entities share that name: step to ours with Enter
        for _ in names:
            browser.driver.find_element(By.ID, "kg-search").send_keys(Keys.ENTER)
            if browser.js(
                "return kgView.network.getSelectedNodes().map(id => kgView.data.nodes[id].iri)"
            ) == [iri]:
                break
    quotes = browser.js(
        "return Array.from(document.querySelectorAll('#kg-panel .kg-sentences blockquote'))"
        ".map(q => Array.from(q.childNodes).slice(1).map(n => n.textContent).join(''))"
    )
    assert sorted(quotes) == sorted(sentences)  # one quote per distinct sentence, each exact
    assert browser.js("return document.querySelectorAll('#kg-panel .kg-sentences mark').length") >= len(
        sentences
    )


def test_report_and_place_filters_match_the_graph(browser: Page, seeds: tuple[Path, Graph]) -> None:
    path, graph = seeds
    browser.open(path)
    bohu = {
        row[0]
        for row in select(
            graph, f'SELECT ?e WHERE {{ {ENTITY} ?r dcterms:identifier "bohu-2023" ; rol:mentions ?e . }}'
        )
    }
    choose(
        browser,
        "kg-report",
        next(
            o
            for o in browser.js(
                "return Array.from(document.querySelectorAll('#kg-report option')).map(o => o.textContent)"
            )
            if o.startswith("bohu-2023")
        ),
    )
    assert bohu and visible_entity_iris(browser) == bohu
    choose(browser, "kg-report", "全部报告")

    [(place, name)] = select(
        graph,
        'SELECT ?p ?name WHERE { ?r dcterms:identifier "kaiyang-2021" ; rol:place ?p . ?p rdfs:label ?name }',
    )
    in_place = {
        row[0]
        for row in select(
            graph,
            f"""SELECT DISTINCT ?e WHERE {{ {ENTITY}
              {{ ?e rol:scope/schema:containedInPlace* <{place}> }}
              UNION {{ ?r rol:mentions ?e ; rol:place/schema:containedInPlace* <{place}> }} }}""",
        )
    }
    choose(browser, "kg-place", name)
    assert in_place and visible_entity_iris(browser) == in_place


def counted(page: Page) -> int:
    """The node count the sidebar states (显示 N / M 个节点…)."""
    text = page.js("return document.getElementById('kg-counts').textContent")
    return int(text.split(" / ")[0].split()[-1])


def shows_what_it_counts(page: Page) -> bool:
    visible = page.js("return kgView.visibleNodeIds()")
    return bool(visible) and in_view(page) == visible and counted(page) == len(visible)


def test_every_filter_after_a_search_fits_the_view_to_what_it_shows(
    browser: Page, seeds: tuple[Path, Graph]
) -> None:
    """Search, then a report filter: the count and the canvas agree (it was blank, saying 48 nodes)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path, _ = seeds
    browser.open(path)
    assert shows_what_it_counts(browser)
    browser.driver.find_element(By.ID, "kg-search").send_keys("县司法局", Keys.ENTER)
    browser.wait("return !document.getElementById('kg-panel').hidden")
    browser.js("return new Promise(done => setTimeout(done, 500))")  # the focus animation
    reports = browser.js(
        "return Array.from(document.querySelectorAll('#kg-report option')).map(o => o.textContent).slice(1)"
    )
    for label in reports:
        choose(browser, "kg-report", label)
        assert shows_what_it_counts(browser), label
        assert browser.js("return kgView.labels().length") > 0
    browser.screenshot("seeds-filtered.png")
    choose(browser, "kg-report", "全部报告")
    assert shows_what_it_counts(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "#kg-legend input[data-kind='制度']").click()
    assert shows_what_it_counts(browser)
    browser.driver.find_element(By.CSS_SELECTOR, "#kg-legend input[data-kind='place']").click()
    choose(browser, "kg-place", "开阳县")
    assert shows_what_it_counts(browser)
    browser.driver.find_element(By.ID, "kg-implicit").click()
    assert shows_what_it_counts(browser)
    browser.driver.find_element(By.ID, "kg-reset").click()
    assert shows_what_it_counts(browser)


def dark_pixels(page: Page, box: dict[str, float]) -> int:
    """Pixels as dark as label text (#222) inside a box of the canvas, in screen pixels."""
    return page.js(
        "var c = document.querySelector('#kg-network canvas'), r = c.width / c.clientWidth, b = arguments[0];"
        "var d = c.getContext('2d').getImageData(Math.round(b.x * r), Math.round(b.y * r),"
        " Math.round(b.w * r), Math.round(b.h * r)).data, k = 0;"
        "for (var i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && d[i] < 45 && d[i + 1] < 45 && d[i + 2] < 45) k++;"
        "return k;",
        box,
    )


@pytest.mark.parametrize("size", [(1400, 900), (1000, 700)])
def test_full_view_labels_the_most_important_nodes_without_overlap(
    browser: Page, seeds: tuple[Path, Graph], size: tuple[int, int]
) -> None:
    path, _ = seeds
    browser.driver.set_window_size(*size)
    try:
        browser.open(path)
        labels = browser.js("return kgView.labels()")
        top = browser.js(
            "return kgView.visibleNodeIds().map(id => kgView.data.nodes[id])"
            ".sort((a, b) => a.rank - b.rank)[0].id"
        )
        assert len(labels) >= 10
        assert top in [b["id"] for b in labels]
        assert labels_overlap_or_leave(browser) == []
        assert dark_pixels(browser, next(b for b in labels if b["id"] == top)) > 10  # really drawn
        # Every node, report squares included, lies whole in the canvas.
        visible = browser.js("return kgView.visibleNodeIds()")
        assert in_view(browser) == visible
        # Zooming in labels more of the nodes that stay in view, still apart.
        browser.js(
            "var n = kgView.network; n.moveTo({scale: n.getScale() * 2.5, animation: false}); n.redraw();"
        )
        still = set(in_view(browser))
        zoomed = browser.js("return kgView.labels()")
        assert len(zoomed) > len({b["id"] for b in labels} & still)
        assert labels_overlap_or_leave(browser) == []
        browser.screenshot(f"seeds-labels-{size[0]}.png")
    finally:
        browser.driver.set_window_size(1400, 900)


def test_the_readme_picture_is_reproducible(
    browser: Page, seeds: tuple[Path, Graph], load_script: Callable[[str], ModuleType]
) -> None:
    """scripts/screenshot_viz.py gives the same pixels for the same build (no animation, no caret)."""
    shot = load_script("screenshot_viz")
    first = shot.shoot(seeds[0])
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.shoot(seeds[0]) == first
