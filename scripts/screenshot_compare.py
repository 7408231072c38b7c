"""Screenshot of the comparison page for the README (docs/compare.png), taken in headless Chromium.

Compares a built graph (``kg.sparql.compare.compare``, what ``kg compare`` runs),
writes the page with ``kg.present.compare_page.render``, optionally sorts a column
and opens a cell's sentences the way a reader would, and saves a PNG.

Usage: ``python scripts/screenshot_compare.py [--graph output/graph.ttl] [--by place]
[--type 清单 ...] [--sort 地点数] [--cell 权责清单] [-o docs/compare.png]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_viz import chromium

from kg.present.compare_page import render
from kg.sparql.compare import compare
from kg.sparql.local import load_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=Path("output/graph.ttl"))
    parser.add_argument("-o", "--output", type=Path, default=Path("docs/compare.png"))
    parser.add_argument("--by", choices=("year", "place"), default="place")
    parser.add_argument("--type", action="append", dest="types", help="entity types to keep; repeatable")
    parser.add_argument("--sort", help="the header of a column to sort by (clicked once)")
    parser.add_argument("--cell", help="open the first non-empty place cell of the row with this name")
    parser.add_argument("--size", default="1400,800", help="window width,height")
    args = parser.parse_args(argv)

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    result = compare(load_store([args.graph]), args.by, types=args.types)
    with tempfile.TemporaryDirectory(prefix="kg-shot-") as tmp, chromium() as driver:
        width, height = (int(x) for x in args.size.split(","))
        driver.set_window_size(width, height)
        page = Path(tmp) / "compare.html"
        render(result, page)
        driver.get(page.as_uri())
        WebDriverWait(driver, 30).until(
            lambda d: d.execute_script("return !!(window.kgCompare && kgCompare.ready)")
        )
        if args.sort:
            for th in driver.find_elements(By.CSS_SELECTOR, "#kc-head th"):
                if th.text.strip() == args.sort:
                    th.click()
                    break
        if args.cell:
            for tr in driver.find_elements(By.CSS_SELECTOR, "#kc-body tr"):
                if tr.find_element(By.CSS_SELECTOR, "th").text == args.cell:
                    tr.find_elements(By.CSS_SELECTOR, "td.kc-has")[-1].click()
                    break
            time.sleep(0.2)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.output))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
