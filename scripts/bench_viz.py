"""How fast does graph.html become interactive on a large graph? (issue 5: 5,000 nodes / 20,000 edges < 5 s)

Builds a synthetic kg graph (entities of the four types, reports, regions,
relations with evidence sentences), renders it with ``kg.present.page.render``, opens
it in Debian's headless Chromium (network cut off) and measures:

* render: seconds ``kg.present.page.render`` takes (read graph, layout, write HTML);
* interactive: from navigation start to the first drawn frame with the event
  loop free again (``kgView.readyAt``, the page's own clock);
* main-thread CPU: CPU time the page's main thread spent until then (DevTools
  ``TaskDuration`` in thread ticks), which other jobs on the machine barely
  change, unlike the wall-clock figures;
* wall: from asking Chromium to load the file until the page reports ready;
* cold wall: the same plus starting Chromium (each run starts a fresh one);
* search / filter: one search-and-focus and one type-filter toggle, each
  until the next frame is drawn.

Usage: ``python scripts/bench_viz.py [--nodes 5000] [--edges 20000] [--runs 3]``.
Exits with status 1 when the median "interactive" time exceeds ``--budget``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS

from kg.model import EntityType
from kg.present.page import render
from kg.rdf import ids
from kg.rdf.vocab import ROL

SCHEMA = Namespace("https://schema.org/")
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1400,900",
]
PREDICATES = [ROL.formulates, ROL.implements, ROL.compiles, ROL.runs, ROL.partOf, ROL.basedOn]
SUFFIX = {
    EntityType.INSTITUTION: "局",
    EntityType.SYSTEM: "制度",
    EntityType.LIST: "清单",
    EntityType.BRAND: "品牌",
}


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> Graph:
    """A graph that renders to exactly ``nodes`` nodes and ``edges`` edges.

    20 reports (one county each, under 4 cities of 1 province) and the rest
    entities; each entity is mentioned by one report, and relations link
    entities (three in four within the same report, like real reports).
    """
    rng = random.Random(seed)
    g = Graph()
    province = ids.region_iri("990000")
    g.add((province, RDF.type, ROL.Region))
    g.add((province, RDFS.label, Literal("测试省", lang="zh")))
    cities = [ids.region_iri(f"99{c + 1:02d}00") for c in range(4)]
    counties = [ids.region_iri(f"99{c % 4 + 1:02d}{c + 1:02d}") for c in range(20)]
    for i, city in enumerate(cities):
        g.add((city, RDF.type, ROL.Region))
        g.add((city, RDFS.label, Literal(f"测试{i}市", lang="zh")))
        g.add((city, SCHEMA.containedInPlace, province))
    reports = []
    for i, county in enumerate(counties):
        g.add((county, RDF.type, ROL.Region))
        g.add((county, RDFS.label, Literal(f"测试{i}县", lang="zh")))
        g.add((county, SCHEMA.containedInPlace, cities[i % 4]))
        report = ids.report_iri(f"report-{i:02d}")
        g.add((report, RDF.type, ROL.Report))
        g.add((report, DCTERMS.identifier, Literal(f"report-{i:02d}")))
        g.add((report, DCTERMS.title, Literal(f"测试{i}县法治政府建设报告", lang="zh")))
        g.add((report, ROL.place, county))
        g.add((report, ROL.year, Literal("2023", datatype=XSD.gYear)))
        reports.append(report)
    n_entities = nodes - len(reports) - len(counties) - len(cities) - 1
    entities = []
    home: dict[int, int] = {}
    for i in range(n_entities):
        etype = list(EntityType)[i % 4]
        name = f"测试{i:05d}{SUFFIX[etype]}"
        e = ids.entity_iri(etype, name)
        r = rng.randrange(len(reports))
        home[i] = r
        g.add((e, RDF.type, {0: ROL.Institution, 1: ROL.System, 2: ROL.List, 3: ROL.Brand}[i % 4]))
        g.add((e, RDFS.label, Literal(name, lang="zh")))
        g.add((e, SKOS.altLabel, Literal(f"简称{i:05d}", lang="zh")))
        for k in range(rng.randint(1, 3)):
            m = ids.mention_iri(f"report-{r:02d}", i * 10 + k, i * 10 + k + len(name))
            g.add((e, ROL.hasMention, m))
            g.add((m, RDF.type, ROL.Mention))
            g.add((m, ROL.inReport, reports[r]))
            g.add((m, ROL.surfaceForm, Literal(name, lang="zh")))
            g.add((m, ROL.sentence, Literal(f"我县持续推进{name}建设，取得明显成效。", lang="zh")))
        g.add((reports[r], ROL.mentions, e))
        entities.append(e)
    by_report: dict[int, list[int]] = {}
    for i, r in home.items():
        by_report.setdefault(r, []).append(i)
    # Edges besides relations: one "mentions" per entity, report→county, county→city, city→province.
    wanted = edges - n_entities - len(reports) - len(counties) - len(cities)
    seen: set[tuple[int, int]] = set()
    while len(seen) < wanted:
        a = rng.randrange(n_entities)
        b = rng.choice(by_report[home[a]]) if rng.random() < 0.75 else rng.randrange(n_entities)
        if a == b or (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        s, p, o = entities[a], rng.choice(PREDICATES), entities[b]
        g.add((s, p, o))
        ev = ids.evidence_iri(f"report-{home[a]:02d}", a, b, str(p), str(s), str(o))
        g.add((ev, RDF.type, ROL.RelationEvidence))
        g.add((ev, RDF.subject, s))
        g.add((ev, RDF.predicate, p))
        g.add((ev, RDF.object, o))
        g.add((ev, ROL.inReport, reports[home[a]]))
        g.add((ev, ROL.sentence, Literal(f"测试{a:05d}依据测试{b:05d}开展工作。", lang="zh")))
        g.add((ev, ROL.implicit, Literal(False)))
    return g


@contextmanager
def chromium() -> Iterator[Any]:
    """Selenium driving Debian's Chromium, headless, with a fresh profile and no network."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="kg-bench-")
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


NEXT_FRAME = """
var done = arguments[arguments.length - 1], t0 = performance.now();
%s
kgView.network.once("afterDrawing", function () { done(performance.now() - t0); });
kgView.network.redraw();
"""


def measure(driver: Any, page: Path, timeout: float = 60) -> dict[str, float]:
    """Load the page once and time it; every figure in seconds."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    driver.execute_cdp_cmd("Performance.enable", {"timeDomain": "threadTicks"})
    start = time.perf_counter()
    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, timeout, poll_frequency=0.02).until(
        lambda d: d.execute_script("return !!(window.kgView && kgView.ready)")
    )
    wall = time.perf_counter() - start
    interactive = driver.execute_script("return kgView.readyAt") / 1000
    metrics = {m["name"]: m["value"] for m in driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}
    driver.execute_cdp_cmd("Performance.disable", {})
    driver.set_script_timeout(timeout)
    target = driver.execute_script("return kgView.data.nodes[Math.floor(kgView.data.nodes.length / 2)].label")
    search = driver.execute_async_script(
        NEXT_FRAME % "kgView.focusNode(kgView.search(%s)[0]);" % json.dumps(target)
    )
    toggle = driver.execute_async_script(
        NEXT_FRAME % "kgView.state.kinds['制度'] = false; kgView.applyFilters();"
    )
    return {
        "interactive": interactive,
        "main-thread CPU": metrics.get("TaskDuration", float("nan")),
        "wall": wall,
        "search": search / 1000,
        "filter": toggle / 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds allowed until interactive")
    parser.add_argument("--keep", type=Path, help="also keep the rendered HTML here")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the loaded page")
    args = parser.parse_args(argv)

    t = time.perf_counter()
    graph = synthetic_graph(args.nodes, args.edges)
    built = time.perf_counter() - t
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        page = args.keep or Path(tmp) / "graph.html"
        t = time.perf_counter()
        summary = render(graph, page, title=f"bench {args.nodes} nodes")
        rendered = time.perf_counter() - t
        size = page.stat().st_size
        runs = []
        for i in range(args.runs):
            # A fresh browser and profile each run: nothing cached, as when a user opens the file.
            t = time.perf_counter()
            with chromium() as driver:
                started = time.perf_counter() - t
                run = measure(driver, page)
                run["cold wall"] = started + run["wall"]
                runs.append(run)
                if args.screenshot and i == 0:
                    driver.save_screenshot(str(args.screenshot))
    print(
        f"graph: {summary['nodes']} nodes, {summary['edges']} edges ({len(graph)} triples, built in {built:.1f} s)"
    )
    print(f"render: {rendered:.1f} s, {size / 1e6:.1f} MB of HTML")
    for key in ("interactive", "main-thread CPU", "wall", "cold wall", "search", "filter"):
        values = [r[key] for r in runs]
        print(
            f"{key:>15}: median {statistics.median(values):.2f} s  (runs: {', '.join(f'{v:.2f}' for v in values)})"
        )
    median = statistics.median(r["interactive"] for r in runs)
    if median > args.budget:
        print(f"FAIL: interactive after {median:.2f} s, budget {args.budget:.1f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
