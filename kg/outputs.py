"""Every output of ``kg build``, written from the merge of per-document results.

The entries' sorted N-Quads are merged once (``kg.merge``) into
``graph.nq``; on the way, each line also feeds ``graph.nt`` (graphs and
repeats dropped), the shared graph's lines (for TriG) and the summary's
counts. Turtle and JSON-LD are then streamed from ``graph.nt``, TriG from
each report's quads followed by the shared graph, ``mentions.jsonl`` is the
entries' records in id order, the store is bulk-loaded from ``graph.nq``
and ``graph.html`` draws a bounded part of ``graph.nt`` (``kg.view``).

Everything is written in a hidden work folder inside the output folder and
each file is moved into place when all are complete, so a failure leaves
the previous outputs as they were.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.cache import Entry
from kg.errors import OutputError
from kg.export import graph_of, triple_lines, write_jsonld, write_trig, write_turtle
from kg.graph import CLASS_OF
from kg.ids import SHARED_GRAPH, report_graph_iri
from kg.io.write import sync_file, sync_folder
from kg.merge import merged
from kg.model import EntityType

HTML_TITLE = "法治政府建设报告知识图谱"
_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_SHARED = f"<{SHARED_GRAPH}>".encode()
_ENTITY_TYPE = {f"<{iri}>".encode(): etype.value for etype, iri in CLASS_OF.items()}


@dataclass(slots=True)
class Written:
    """The files written, and what the merged graph holds."""

    paths: tuple[Path, ...] = ()
    triples: int = 0
    entities: dict[str, int] = field(default_factory=dict)


def write_outputs(
    entries: Sequence[Entry],
    out: Path,
    *,
    formats: Sequence[str],
    html: bool,
    store: str | Path | None,
    progress: Callable[[str], None] | None,
    html_entities: int,
    html_mentions: int,
) -> Written:
    """Merge the entries (sorted by id) into every requested output in ``out``."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out)
        work = Path(tempfile.mkdtemp(prefix=f".kg-work-{os.getpid()}-", dir=out))
    except OSError as e:
        raise OutputError(f"{out}: cannot write ({e.strerror})") from None
    try:
        return _write(entries, out, work, formats, html, store, progress, html_entities, html_mentions)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def remove_leftovers(out: Path) -> None:
    """Delete the work folders of earlier builds that were killed before they could clean up.

    A folder is left alone while the process that made it (its name holds
    the pid) is still running, so a build that runs next to this one keeps its files.
    """
    for folder in out.glob(".kg-*-*"):
        m = re.fullmatch(r"\.kg-(?:work|results)-(\d+)-\w+", folder.name)
        if m is None or not folder.is_dir() or _running(int(m.group(1))):
            continue
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    return True


def _write(
    entries: Sequence[Entry],
    out: Path,
    work: Path,
    formats: Sequence[str],
    html: bool,
    store: str | Path | None,
    progress: Callable[[str], None] | None,
    html_entities: int,
    html_mentions: int,
) -> Written:
    def step(what: str) -> None:
        if progress:
            progress(what)

    step("merge")
    nq, nt, shared = work / "graph.nq", work / "graph.nt", work / "shared.nq"
    written = _merge(entries, work, nq, nt, shared)

    ready: list[tuple[Path, Path]] = []
    for fmt in formats:
        step(f"graph.{fmt}")
        made = {"nq": nq, "nt": nt}.get(fmt, work / f"made.{fmt}")
        if fmt not in {"nq", "nt"}:
            with open(made, "wb") as f:
                if fmt == "ttl":
                    write_turtle(nt, f)
                elif fmt == "jsonld":
                    write_jsonld(nt, f)
                else:
                    write_trig(_trig_quads(entries, shared), f)
        ready.append((made, out / f"graph.{fmt}"))
    step("mentions.jsonl")
    with open(work / "mentions.jsonl", "wb") as f:
        for e in entries:
            e.copy_to("mentions", f)
    ready.append((work / "mentions.jsonl", out / "mentions.jsonl"))
    store_path: Path | None = None
    if store is not None:
        step("store")
        from kg.store import write_store_file

        store_path = write_store_file(nq, store).path
    if html:
        step("graph.html")
        from kg.view import view_graph
        from kg.viz import render

        render(view_graph(nt, html_entities, html_mentions), work / "graph.html", title=HTML_TITLE)
    paths = [_move(src, dst) for src, dst in ready]
    if store_path is not None:
        paths.append(store_path)
    if html:
        paths.append(_move(work / "graph.html", out / "graph.html"))
    written.paths = tuple(paths)
    return written


def _merge(entries: Sequence[Entry], work: Path, nq: Path, nt: Path, shared: Path) -> Written:
    """One pass over the merged quads: graph.nq, graph.nt, the shared graph's lines and the counts."""
    written = Written()
    counts: dict[str, int] = {}
    with open(nq, "wb") as fq, open(nt, "wb") as ft, open(shared, "wb") as fs:

        def quads() -> Iterator[bytes]:
            for line in merged([_quads_of(e) for e in entries], work):
                fq.write(line)
                if graph_of(line) == _SHARED:
                    fs.write(line)
                yield line

        for line in triple_lines(quads()):
            ft.write(line)
            written.triples += 1
            if _RDF_TYPE in line:
                _, p, o = line.split(b" ", 3)[:3]
                etype = _ENTITY_TYPE.get(o)
                if p == _RDF_TYPE and etype is not None:
                    counts[etype] = counts.get(etype, 0) + 1
    written.entities = {t.value: counts[t.value] for t in EntityType if t.value in counts}
    return written


def _quads_of(entry: Entry) -> Callable[[], Iterator[bytes]]:
    return lambda: entry.lines("quads")


def _trig_quads(entries: Sequence[Entry], shared: Path) -> Iterator[ox.Quad]:
    """Every quad grouped by graph in IRI order: each report's graph, then the shared graph.

    (``…/graph/report/…`` sorts before ``…/graph/shared``.) One report's
    quads are in memory at a time.
    """
    for e in sorted(entries, key=lambda e: str(report_graph_iri(e.doc_id))):
        own = b"".join(line for line in e.lines("quads") if graph_of(line) != _SHARED)
        yield from ox.parse(own, ox.RdfFormat.N_QUADS)
    yield from ox.parse(path=str(shared), format=ox.RdfFormat.N_QUADS)


def _move(src: Path, dst: Path) -> Path:
    sync_file(src)  # on disk before the rename, so a power cut cannot leave an empty output
    try:
        os.chmod(src, 0o644)
        os.replace(src, dst)
    except OSError as e:
        raise OutputError(f"{dst}: cannot write ({e.strerror})") from None
    sync_folder(dst.parent)
    return dst
