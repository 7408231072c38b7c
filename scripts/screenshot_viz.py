"""Screenshot of graph.html for the README (docs/graph.png), taken in headless Chromium.

Renders the graph with ``kg.present.page.render`` (the same page ``kg build`` writes),
optionally searches a name the way a reader would (which focuses the node and
opens its side panel), and saves a PNG.

Usage: ``python scripts/screenshot_viz.py [--graph output/graph.ttl] [--search 县司法局] [-o docs/graph.png]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_viz import chromium
from rdflib import Graph

from kg.present.page import render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=Path("output/graph.ttl"))
    parser.add_argument("-o", "--output", type=Path, default=Path("docs/graph.png"))
    parser.add_argument("--search", help="a name to search for; its panel is shown")
    parser.add_argument("--zoom", type=float, default=0.0, help="zoom level after the search (0: keep)")
    parser.add_argument("--title", default="kg · 法治政府建设报告知识图谱")
    args = parser.parse_args(argv)

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    graph = Graph().parse(args.graph)
    with tempfile.TemporaryDirectory(prefix="kg-shot-") as tmp, chromium() as driver:
        page = Path(tmp) / "graph.html"
        render(graph, page, title=args.title)
        driver.get(page.as_uri())
        WebDriverWait(driver, 60).until(
            lambda d: d.execute_script("return !!(window.kgView && kgView.ready)")
        )
        if args.search:
            driver.find_element(By.ID, "kg-search").send_keys(args.search, Keys.ENTER)
            time.sleep(0.6)  # the focus animation
            if args.zoom:
                driver.execute_script(
                    "var n = kgView.network, id = n.getSelectedNodes()[0],"
                    " w = document.getElementById('kg-panel').offsetWidth;"
                    "n.focus(id, {scale: arguments[0], offset: {x: -w / 2, y: 0}, animation: false});",
                    args.zoom,
                )
                time.sleep(0.3)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.output))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
