"""Is extraction at least half as fast as a plain jieba cut? (issue 3 and the performance issue)

Reads the reports (``../shared/seeds`` and ``../shared/dev`` by default, or
the folders and files given), then times, best of ``--runs``:

* lcut: ``Tokenizer.lcut`` over each report's text, with a fresh tokenizer
  that has kg's dictionary state (``kg.text.tokenize.new_tokenizer``), so
  the baseline pays for the same dictionary and nothing else;
* places: sentence splitting and report info (place, year, author);
* mentions: every mention rule plus overlap resolution;
* link: canonical names and merging into entities.

Both sides are warmed up once first (dictionary load, gazetteer, compiled
patterns), so the table compares steady-state work per report. The ratio is
kg's time (places + mentions + link) over lcut's; the target is ≤ 2 and the
aim ≤ 1.5. Exits with status 1 when the ratio exceeds ``--budget``.

Usage: ``python scripts/bench_extract.py [PATH ...] [--runs 7] [--budget 2.0]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kg.extract.mentions import find_mentions
from kg.io.read import read_documents
from kg.model import Mention, ReportInfo, Sentence
from kg.normalize import link_entities
from kg.places import detect_report_info
from kg.text.segment import split_sentences
from kg.text.tokenize import new_tokenizer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "dev"]


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``fn()``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="report folders or files (default: seeds + dev)")
    ap.add_argument("--runs", type=int, default=7, help="timings per stage; the best one counts")
    ap.add_argument("--budget", type=float, default=2.0, help="fail above this kg/lcut ratio")
    args = ap.parse_args(argv)
    docs = read_documents(args.paths or DEFAULT)
    chars = sum(len(d.text) for d in docs)

    tk = new_tokenizer()
    texts = [d.text for d in docs]

    def lcut() -> None:
        for t in texts:
            tk.lcut(t)

    sents: dict[str, list[Sentence]] = {}
    infos: dict[str, ReportInfo] = {}
    found: dict[str, list[Mention]] = {}

    def places() -> None:
        for d in docs:
            sents[d.id] = split_sentences(d)
            infos[d.id] = detect_report_info(d, sents[d.id])

    def mentions() -> None:
        for d in docs:
            found[d.id] = find_mentions(d, sents[d.id], infos[d.id])

    def link() -> None:
        for d in docs:
            link_entities(d, infos[d.id], found[d.id])

    named = {"lcut": lcut, "places": places, "mentions": mentions, "link": link}
    for fn in named.values():  # warm-up: dictionaries, gazetteer, patterns
        fn()
    # interleaved rounds, best of each: a shared, busy machine slows all stages alike
    best = dict.fromkeys(named, float("inf"))
    for _ in range(args.runs):
        for name, fn in named.items():
            best[name] = min(best[name], best_of(1, fn))
    base = best.pop("lcut")
    stages = best
    total = sum(stages.values())
    ratio = total / base
    print(f"{len(docs)} reports, {chars:,} characters, best of {args.runs}")
    print(f"{'stage':10} {'ms':>9} {'µs/char':>8} {'× lcut':>7}")
    rows: list[tuple[str, float]] = [("lcut", base), *stages.items(), ("kg total", total)]
    for name, sec in rows:
        print(f"{name:10} {sec * 1000:9.1f} {sec * 1e6 / chars:8.2f} {sec / base:7.2f}")
    verdict = "ok" if ratio <= args.budget else "TOO SLOW"
    print(f"ratio kg/lcut = {ratio:.2f} (budget {args.budget:.2f}): {verdict}")
    return 0 if ratio <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
