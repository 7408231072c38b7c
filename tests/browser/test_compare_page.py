"""The comparison page (``kg compare -o compare.html``) in a real headless Chromium: offline and safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAYLOADS, Page
from rdflib import RDF, RDFS, SKOS, Graph, Literal

from kg.present.compare_page import render
from kg.rdf.vocab import ROL
from kg.sparql.compare import compare
from kg.sparql.local import load_store

pytestmark = pytest.mark.browser

READY = "return !!(window.kgCompare && window.kgCompare.ready)"


def open_page(browser: Page, path: Path) -> None:
    browser.open_raw(path)
    browser.wait(READY, timeout=20)


@pytest.fixture
def place_page(tmp_path: Path, compare_build: Path) -> Path:
    out = tmp_path / "compare.html"
    render(compare(load_store([compare_build / "graph.ttl"]), "place"), out)
    return out


@pytest.fixture
def year_page(tmp_path: Path, compare_build: Path) -> Path:
    out = tmp_path / "compare-year.html"
    render(compare(load_store([compare_build / "graph.ttl"]), "year"), out)
    return out


def column(browser: Page, index: int) -> list[str]:
    """The text of the visible rows' cells in the visible column at ``index``."""
    return browser.js(
        "return Array.from(document.querySelectorAll('#kc-body tr'))"
        ".map(tr => tr.children[arguments[0]].textContent);",
        index,
    )


def headers(browser: Page) -> list[str]:
    return browser.js("return Array.from(document.querySelectorAll('#kc-head th')).map(th => th.textContent)")


def click_header(browser: Page, label: str) -> None:
    from selenium.webdriver.common.by import By

    for th in browser.driver.find_elements(By.CSS_SELECTOR, "#kc-head th"):
        if th.text.strip() == label:
            th.click()
            return
    raise AssertionError(f"no header {label!r}")


def type_into(browser: Page, element_id: str, text: str) -> None:
    """Replace the box's text as a reader does (clear() would fire no input event)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.driver.find_element(By.ID, element_id)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACK_SPACE)
    if text:
        box.send_keys(text)


def test_the_matrix_shows_every_row_and_place(browser: Page, place_page: Path) -> None:
    open_page(browser, place_page)
    assert headers(browser) == ["名称", "类型", "地点数", "临澧县", "慈利县", "桃源县", "石门县"]
    assert browser.js("return window.kgCompare.rows") == 19
    assert column(browser, 0)[:3] == ["法治政府建设实施纲要", "行政执法公示制度", "权责清单"]
    assert browser.driver.find_element("id", "kc-note").text.endswith("cili-undated")
    assert browser.console_errors() == []


def test_rows_sort_by_a_column_both_ways(browser: Page, place_page: Path) -> None:
    open_page(browser, place_page)
    click_header(browser, "桃源县")  # numbers sort largest first: the item counts lead
    assert column(browser, 0)[:2] == ["权责清单", "政务服务事项清单"]
    assert column(browser, 5)[:2] == ["编制 1180项", "编制 856项"]
    click_header(browser, "桃源县")
    assert column(browser, 5)[0] == ""
    click_header(browser, "名称")  # text sorts in Chinese order, A to Z first
    names = column(browser, 0)
    in_order = browser.js("return arguments[0].slice().sort((a, b) => a.localeCompare(b, 'zh'))", names)
    assert names == in_order and len(names) == 19
    assert browser.js(
        "return document.querySelector('#kc-head th[aria-sort]').getAttribute('aria-sort')"
    ) == ("ascending")
    click_header(browser, "名称")
    assert column(browser, 0) == in_order[::-1]


def test_rows_and_columns_filter(browser: Page, place_page: Path) -> None:
    from selenium.webdriver.support.ui import Select

    open_page(browser, place_page)
    type_into(browser, "kc-row-filter", "清单")
    assert column(browser, 0) == ["权责清单", "政务服务事项清单", "行政许可事项清单", "证明事项清单"]
    type_into(browser, "kc-row-filter", "")
    Select(browser.driver.find_element("id", "kc-type")).select_by_value("品牌")
    assert set(column(browser, 1)) == {"品牌"} and len(column(browser, 1)) == 4
    Select(browser.driver.find_element("id", "kc-type")).select_by_value("")
    type_into(browser, "kc-col-filter", "桃源")
    assert headers(browser) == ["名称", "类型", "地点数", "桃源县"]
    type_into(browser, "kc-col-filter", "")
    Select(browser.driver.find_element("id", "kc-col-order")).select_by_value("count")
    assert headers(browser)[3] == "桃源县"  # the place with the most rows comes first
    browser.driver.find_element("id", "kc-reset").click()
    assert headers(browser)[3:] == ["临澧县", "慈利县", "桃源县", "石门县"]
    assert browser.js("return window.kgCompare.rows") == 19


def test_a_cell_opens_the_sentences_behind_it(browser: Page, place_page: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, place_page)
    row = next(
        tr
        for tr in browser.driver.find_elements(By.CSS_SELECTOR, "#kc-body tr")
        if tr.find_element(By.TAG_NAME, "th").text == "权责清单"
    )
    row.find_elements(By.TAG_NAME, "td")[4].click()  # 桃源县
    panel = browser.wait("var p = document.getElementById('kc-panel'); return !p.hidden && p.textContent;")
    assert "权责清单 · 桃源县" in panel and "编制 1180项" in panel and "项数见2023年报告" in panel
    assert "梳理公布桃源县权责清单1200项" in panel and "动态调整桃源县权责清单1180项" in panel
    marks = browser.js(
        "return Array.from(document.querySelectorAll('#kc-panel mark')).map(m => m.textContent)"
    )
    assert set(marks) == {"桃源县权责清单"}
    browser.driver.find_element(By.ID, "kc-panel-close").click()
    assert browser.js("return document.getElementById('kc-panel').hidden")


def test_the_year_page_shows_changes_and_their_sentences(browser: Page, year_page: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, year_page)
    assert headers(browser) == ["名称", "类型", "地点", "年份", "变化", "项数"]
    assert browser.js("return window.kgCompare.rows") == 15
    type_into(browser, "kc-row-filter", "桃源县权责清单")
    assert column(browser, 5) == ["1200 → 1180"]
    browser.driver.find_element(By.CSS_SELECTOR, "#kc-body td.kc-has").click()
    panel = browser.wait("var p = document.getElementById('kc-panel'); return !p.hidden && p.textContent;")
    assert "taoyuan-2022" in panel and "taoyuan-2023" in panel


def test_no_request_leaves_the_page(browser: Page, place_page: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, place_page)
    browser.driver.find_elements(By.CSS_SELECTOR, "#kc-body td.kc-has")[0].click()
    click_header(browser, "地点数")
    type_into(browser, "kc-row-filter", "制度")
    requests = browser.requests()
    uri = place_page.resolve().as_uri()
    assert uri in requests
    assert [u for u in requests if u != uri and not u.startswith("data:")] == []
    assert browser.console_errors() == []


@pytest.fixture
def hostile_page(tmp_path: Path, compare_build: Path) -> Path:
    """The fixtures with payloads as a kind, a brand, a place and every sentence."""
    g = Graph().parse(compare_build / "graph.ttl")
    sentence = "桃源县权责清单" + "".join(PAYLOADS.values()) + "。"
    for m in list(g.subjects(RDF.type, ROL.Mention)):
        g.set((m, ROL.sentence, Literal(sentence, lang="zh")))
    for kind in list(g.subjects(RDF.type, SKOS.Concept)):
        if str(g.value(kind, RDFS.label)) == "权责清单":
            g.set((kind, RDFS.label, Literal(PAYLOADS["script"], lang="zh")))
    for brand in list(g.subjects(RDF.type, ROL.Brand)):
        g.set((brand, RDFS.label, Literal(PAYLOADS["img"], lang="zh")))
    for region in list(g.subjects(RDF.type, ROL.Region)):
        if str(g.value(region, RDFS.label)) == "石门县":
            g.set((region, RDFS.label, Literal(PAYLOADS["svg"], lang="zh")))
    hostile = tmp_path / "hostile.ttl"
    g.serialize(hostile, format="turtle")
    out = tmp_path / "hostile-compare.html"
    render(compare(load_store([hostile]), "place"), out, title=PAYLOADS["breakout"])
    return out


def test_injected_markup_stays_text(browser: Page, hostile_page: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, hostile_page)
    assert PAYLOADS["svg"] in headers(browser)
    names = column(browser, 0)
    assert PAYLOADS["script"] in names and PAYLOADS["img"] in names
    for i in range(6):  # a click draws the table again: find the cell each time
        browser.driver.find_elements(By.CSS_SELECTOR, "#kc-body td.kc-has")[i].click()
        text = browser.wait("return document.getElementById('kc-panel-body').textContent")
        for payload in ("script", "img", "svg", "breakout", "url"):
            assert PAYLOADS[payload] in text
    type_into(browser, "kc-row-filter", PAYLOADS["script"])
    assert column(browser, 0) == [PAYLOADS["script"]]
    assert browser.js("return window.__pwned === undefined")
    assert browser.driver.title == PAYLOADS["breakout"]
    assert browser.js("return document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert browser.js("return document.querySelectorAll('script').length") == 2
    assert browser.js("return document.querySelectorAll('a[href]').length") == 0
    assert browser.console_errors() == []
    browser.screenshot("compare-hostile.png")
