#!/usr/bin/env python
"""Time kg's named queries on a generated graph of about a million triples.

The graph has kg's shape and IRIs: a shared graph (entity types, labels,
scopes, regions) and one named graph per report (report node, mentions with
offsets and sentences, relations and their evidence, item counts); national
entities such as 国务院 are mentioned by every report. It is generated
deterministically (seeded), written as N-Quads, then loaded into pyoxigraph
(what ``kg query`` uses) and into an rdflib Dataset; loading is timed on its
own.

Each named query is timed the way it is meant to be asked (its canonical
form: one report, one institution, one relation, or a listing that is short
by nature) and, where that differs, as a full listing without parameters. On
Oxigraph each query runs through ``kg.sparql.local.run``, as ``kg query`` runs it
(evaluation plus the Python rows), once to warm up and then ``--repeat``
times; the median is reported with the fastest and slowest run, since the
machine may be shared. rdflib runs each query once and is given up after
``--timeout`` seconds. Both engines must return the same number of rows. The
load average before and after is printed: re-run on a quiet machine.

    python scripts/bench_sparql.py              # ~1M triples, prints a markdown table
    python scripts/bench_sparql.py --reports 50 --no-rdflib   # quick check

Exit code 1 if a canonical form's median takes 100 ms or more on Oxigraph;
full listings are reported but not held to the target.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import ONTOLOGY  # noqa: E402
from kg.rdf.ids import BASE, GRAPH_BASE  # noqa: E402
from kg.sparql import named as nq  # noqa: E402 - after the path set-up, so the script runs from a checkout
from kg.sparql.local import run  # noqa: E402

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
LIMIT_MS = 100.0

HEADS = [
    "司法局",
    "人民政府",
    "市场监督管理局",
    "生态环境局",
    "综合行政执法局",
    "人民法院",
    "公安局",
    "财政局",
]
SYSTEMS = [
    "行政执法公示制度",
    "法律顾问制度",
    "重大行政决策程序规定",
    "行政复议办法",
    "普法责任制",
    "三项制度",
]
LISTS = ["权力清单", "责任清单", "政务服务事项清单", "行政许可事项清单", "减轻处罚事项清单"]
BRANDS = ["法治体检", "枫桥经验", "一站式调解", "法律明白人", "调解品牌"]
VERBS = {"formulates": "制定", "implements": "落实", "compiles": "梳理", "runs": "打造"}


def n(local: str) -> ox.NamedNode:
    return ox.NamedNode(local)


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def integer(v: int) -> ox.Literal:
    return ox.Literal(str(v), datatype=n(XSD + "integer"))


def generate(reports: int, seed: int = 7) -> Iterator[ox.Quad]:
    """Quads shaped like ``kg build``'s dataset; the same arguments give the same quads."""
    rnd = random.Random(seed)
    shared = n(GRAPH_BASE + "shared")
    rol = ONTOLOGY
    national = [
        (f"{BASE}sys/全国{i:04d}{SYSTEMS[i % len(SYSTEMS)]}", f"全国{i:04d}{SYSTEMS[i % len(SYSTEMS)]}")
        for i in range(1500)
    ]
    described: set[str] = set()

    def entity(iri: str, cls: str, label: str, scope: str | None) -> Iterator[ox.Quad]:
        if iri in described:
            return
        described.add(iri)
        yield ox.Quad(n(iri), n(RDF + "type"), n(rol + cls), shared)
        yield ox.Quad(n(iri), n(RDFS + "label"), zh(label), shared)
        yield ox.Quad(n(iri), n(SKOS + "prefLabel"), zh(label), shared)
        if scope:
            yield ox.Quad(n(iri), n(rol + "scope"), n(scope), shared)

    for r in range(reports):
        code = f"{520100 + r:06d}"
        county = f"县{r:04d}"
        rid = f"county{r:04d}-{2020 + r % 5}"
        region = f"{BASE}region/{code}"
        report = n(f"{BASE}report/{rid}")
        graph = n(f"{GRAPH_BASE}report/{rid}")
        yield ox.Quad(n(region), n(RDF + "type"), n(rol + "Region"), shared)
        yield ox.Quad(n(region), n(RDFS + "label"), zh(county), shared)
        yield ox.Quad(n(region), n(SKOS + "notation"), ox.Literal(code), shared)
        yield ox.Quad(report, n(RDF + "type"), n(rol + "Report"), graph)
        yield ox.Quad(report, n(DCT + "identifier"), ox.Literal(rid), graph)
        yield ox.Quad(
            report,
            n(DCT + "title"),
            zh(f"{county}人民政府关于{2020 + r % 5}年度法治政府建设工作情况的报告"),
            graph,
        )
        yield ox.Quad(report, n(rol + "place"), n(region), graph)
        yield ox.Quad(
            report, n(rol + "year"), ox.Literal(str(2020 + r % 5), datatype=n(XSD + "gYear")), graph
        )

        ents: dict[str, list[tuple[str, str]]] = {"Institution": [], "System": [], "List": [], "Brand": []}
        for i in range(15):
            label = f"{county}{HEADS[i % len(HEADS)]}{i // len(HEADS) or ''}"
            ents["Institution"].append((f"{BASE}inst/{code}-{label}", label))
        ents["Institution"].append((f"{BASE}inst/国务院", "国务院"))
        ents["System"] = rnd.sample(national, 12) + [
            (f"{BASE}sys/{code}-{county}{s}", f"{county}{s}") for s in SYSTEMS[:6]
        ]
        ents["List"] = [(f"{BASE}list/{code}-{x}", x) for x in LISTS]
        ents["Brand"] = [(f"{BASE}brand/{code}-{x}", x) for x in BRANDS]
        offset = 0
        for cls, items in ents.items():
            for iri, label in items:
                yield from entity(iri, cls, label, None if "/国务院" in iri or "全国" in iri else region)
                yield ox.Quad(report, n(rol + "mentions"), n(iri), graph)
                for _ in range(rnd.randint(1, 4)):
                    start = offset
                    offset += rnd.randint(20, 60)
                    m = n(f"{BASE}mention/{rid}/{start}-{start + len(label)}")
                    sentence = f"{county}持续推进法治政府建设，{label}相关工作取得新进展，第{start}字。"
                    yield ox.Quad(n(iri), n(rol + "hasMention"), m, graph)
                    yield ox.Quad(m, n(RDF + "type"), n(rol + "Mention"), graph)
                    yield ox.Quad(m, n(rol + "inReport"), report, graph)
                    yield ox.Quad(m, n(rol + "start"), integer(start), graph)
                    yield ox.Quad(m, n(rol + "end"), integer(start + len(label)), graph)
                    yield ox.Quad(m, n(rol + "surfaceForm"), zh(label), graph)
                    yield ox.Quad(m, n(rol + "sentence"), zh(sentence), graph)
                    yield ox.Quad(m, n(rol + "rule"), ox.Literal("bench"), graph)
        # The county's justice bureau always formulates and implements something, so the
        # benchmark's parameterised queries have answers.
        relations: list[tuple[str, str, ox.NamedNode | ox.Literal]] = [
            (ents["Institution"][0][0], "formulates", n(ents["System"][-1][0])),
            (ents["Institution"][0][0], "implements", n(ents["System"][0][0])),
        ]
        for _ in range(25):
            pred = rnd.choice(["formulates", "implements", "implements", "compiles", "runs"])
            s_iri, _ = rnd.choice(ents["Institution"])
            target = {"formulates": "System", "implements": "System", "compiles": "List", "runs": "Brand"}[
                pred
            ]
            o_iri, _ = rnd.choice(ents[target])
            relations.append((s_iri, pred, n(o_iri)))
        for list_iri, _ in ents["List"][:2]:
            relations.append((list_iri, "itemCount", integer(rnd.randint(10, 900))))
        for k, (s_iri, pred, obj) in enumerate(relations):
            yield ox.Quad(n(s_iri), n(rol + pred), obj, graph)
            start = 5000 + 80 * k
            ev = n(f"{BASE}evidence/{rid}/{start}-{start + 40}-{pred}-{k:04d}")
            yield ox.Quad(ev, n(RDF + "type"), n(rol + "RelationEvidence"), graph)
            yield ox.Quad(ev, n(RDF + "subject"), n(s_iri), graph)
            yield ox.Quad(ev, n(RDF + "predicate"), n(rol + pred), graph)
            yield ox.Quad(ev, n(RDF + "object"), obj, graph)
            yield ox.Quad(ev, n(rol + "inReport"), report, graph)
            yield ox.Quad(ev, n(rol + "start"), integer(start), graph)
            yield ox.Quad(ev, n(rol + "end"), integer(start + 40), graph)
            yield ox.Quad(
                ev,
                n(rol + "sentence"),
                zh(f"{county}{VERBS.get(pred, '梳理')}相关制度，第{k}条证据。"),
                graph,
            )
            yield ox.Quad(ev, n(rol + "implicit"), ox.Literal("false", datatype=n(XSD + "boolean")), graph)
            yield ox.Quad(ev, n(rol + "rule"), ox.Literal("bench"), graph)


CANONICAL = "canonical"
LISTING = "full listing"


def cases(reports: int, system: str) -> list[tuple[str, dict[str, str], str]]:
    """(query, parameters, kind): each query asked as a user would, plus the full listings.

    Canonical forms are held to the 100 ms target: a listing that is short by
    nature (reports, lists, brands, shared entities), or the one report,
    institution or relation that the query is about. ``system`` is the name of
    a national system that the middle report's justice bureau implements.
    """
    one = f"county{reports // 2:04d}-{2020 + (reports // 2) % 5}"
    inst = f"县{reports // 2:04d}司法局"
    listed = {"reports", "lists-with-item-counts", "brands-and-operators", "shared-entities"}
    out: list[tuple[str, dict[str, str], str]] = [
        (q.name, {}, CANONICAL if q.name in listed else LISTING) for q in nq.all_queries()
    ]
    out += [
        ("reports", {"report": one}, CANONICAL),
        ("institutions-by-report", {"report": one}, CANONICAL),
        ("institutions-by-report", {"institution": "国务院"}, CANONICAL),
        ("systems-of-institution", {"institution": inst}, CANONICAL),
        ("systems-of-institution", {"institution": "国务院"}, CANONICAL),
        ("systems-of-institution", {"relation": "implements"}, LISTING),
        ("lists-with-item-counts", {"report": one}, CANONICAL),
        ("brands-and-operators", {"report": one}, CANONICAL),
        ("shared-entities", {"min_reports": "10", "type": "制度"}, CANONICAL),
        ("relation-evidence", {"subject": inst, "relation": "implements"}, CANONICAL),
        ("relation-evidence", {"relation": "implements", "object": system}, CANONICAL),
        ("relation-evidence", {"subject": "国务院"}, CANONICAL),
        ("relation-evidence", {"relation": "itemCount"}, CANONICAL),
        ("relation-evidence", {"report": one}, CANONICAL),
        ("relation-evidence", {"relation": "implements"}, LISTING),
    ]
    return out


class Timeout(Exception):  # noqa: N818 - reads better in the table code
    """A query ran past --timeout."""


def _alarm(signum: int, frame: object) -> None:
    raise Timeout


def timed_once(fn, timeout: float) -> tuple[float, int | None]:  # type: ignore[no-untyped-def]
    """One run under a SIGALRM deadline: rdflib's engine is pure Python, so the alarm interrupts it."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t = time.perf_counter()
    try:
        rows = fn()
    except Timeout:
        return float("inf"), None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return (time.perf_counter() - t) * 1000, rows


def timed_runs(fn, repeat: int) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    """Milliseconds of ``repeat`` runs after a warm-up (query compilation, caches), and the row count."""
    fn()
    times, rows = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = fn()
        times.append((time.perf_counter() - t) * 1000)
    return sorted(times), rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=700, help="reports to generate (700 ≈ 1M triples)")
    ap.add_argument("--repeat", type=int, default=9, help="timed runs per query after the warm-up")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib (its load alone takes ~1 min)")
    ap.add_argument(
        "--on-disk",
        action="store_true",
        help="time Oxigraph on a RocksDB store on disk (kg query --store) instead of in memory",
    )
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before an rdflib query is given up")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.nq"
        t = time.perf_counter()
        quads = list(generate(args.reports))
        path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
        gen_s = time.perf_counter() - t
        distinct = len({ox.Triple(q.subject, q.predicate, q.object) for q in quads})
        n_quads = len(quads)
        del quads  # a million Python objects that kg query never holds, for the collector to walk
        gc.collect()
        print(
            f"generated {n_quads:,} quads ({distinct:,} distinct triples) in {gen_s:.1f} s", file=sys.stderr
        )

        t = time.perf_counter()
        if args.on_disk:
            # What `kg build --store` writes and `kg query --store` opens (read-only).
            folder = Path(tmp) / "store"
            writer = ox.Store(str(folder))
            writer.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            writer.flush()
            del writer
            gc.collect()  # RocksDB releases its lock only when the Store object is freed
            store = ox.Store.read_only(str(folder))
        else:
            store = ox.Store()
            store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
        ox_load = time.perf_counter() - t
        print(f"pyoxigraph loaded in {ox_load:.1f} s", file=sys.stderr)

        bureau = f"县{args.reports // 2:04d}司法局"
        implemented = run(
            nq.render(nq.get("relation-evidence"), {"subject": bureau, "relation": "implements"}), store
        ).rows
        system = str(implemented[0][3].value) if implemented else "全国0000行政执法公示制度"

        # Oxigraph first, before rdflib's graph fills the Python heap: its millions
        # of objects would make each garbage collection during kg query's row
        # building slow, which kg query itself never meets.
        results = []
        for name, params, kind in cases(args.reports, system):
            text = nq.render(nq.get(name), params)

            def ox_run(text: str = text) -> int:
                return len(run(text, store).rows)

            ox_times, ox_rows = timed_runs(ox_run, args.repeat)
            results.append([name, params, kind, ox_rows, ox_times, float("nan"), text])
            print(
                f"{name} {params}: median {statistics.median(ox_times):.1f} ms "
                f"({ox_times[0]:.1f}–{ox_times[-1]:.1f})",
                file=sys.stderr,
            )
        load_after = os.getloadavg()[0]

        rdf_load = float("nan")
        if not args.no_rdflib:
            from rdflib import Dataset

            t = time.perf_counter()
            ds = Dataset(default_union=True)
            ds.parse(path, format="nquads")
            rdf_load = time.perf_counter() - t
            print(f"rdflib loaded in {rdf_load:.1f} s", file=sys.stderr)
            for row in results:
                name, params, _, ox_rows, _, _, text = row

                def rdf_run(text: str = text) -> int:
                    return len(list(ds.query(text)))

                rdf_ms, rdf_rows = timed_once(rdf_run, args.timeout)
                if rdf_rows is not None and rdf_rows != ox_rows:
                    print(
                        f"MISMATCH {name} {params}: oxigraph {ox_rows} rows, rdflib {rdf_rows}",
                        file=sys.stderr,
                    )
                row[5] = rdf_ms
                print(f"{name} {params}: rdflib {rdf_ms:.0f} ms", file=sys.stderr)

    print(
        f"Graph: {distinct:,} distinct triples ({n_quads:,} quads in {args.reports + 1} graphs), "
        f"generated by `scripts/bench_sparql.py --reports {args.reports}`; "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}.\n"
    )
    where = "a RocksDB store on disk, bulk load" if args.on_disk else "in memory"
    print(f"Load: pyoxigraph ({where}) {ox_load:.1f} s, rdflib {rdf_load:.1f} s.\n")
    print(
        f"Oxigraph: median of {args.repeat} runs after a warm-up (fastest–slowest in brackets); "
        f"load average {load_before:.2f} before, {load_after:.2f} after, "
        f"on {os.cpu_count()} CPUs.\n"
    )
    slow = 0
    for kind in (CANONICAL, LISTING):
        print(f"\n{kind}:\n")
        print("| named query | parameters | rows | Oxigraph (ms) | rdflib (ms) |")
        print("|---|---|---:|---:|---:|")
        for name, params, k, rows, ox_times, rdf_ms, _ in results:
            if k != kind:
                continue
            p = ", ".join(f"{key}={v}" for key, v in params.items()) or "–"
            median = statistics.median(ox_times)
            flag = "" if median < LIMIT_MS else " ⚠"
            slow += kind == CANONICAL and median >= LIMIT_MS
            rdf = (
                "–"
                if rdf_ms != rdf_ms
                else f"> {args.timeout * 1000:,.0f}"
                if rdf_ms == float("inf")
                else f"{rdf_ms:,.0f}"
            )
            spread = f"({ox_times[0]:.1f}–{ox_times[-1]:.1f})"
            print(f"| `{name}` | {p} | {rows:,} | {median:.1f} {spread}{flag} | {rdf} |")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
