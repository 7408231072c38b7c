"""Every output of ``kg build``, written from the merge of per-document results.

The entries' sorted N-Quads are merged (``kg.io.merge``) in key ranges of
about the same size, one part per range, in parallel processes. A part
merges its range of every entry and, on the way, writes its lines of
``graph.nq`` (when asked for), of ``graph.nt`` (graphs and repeats
dropped), of the shared graph (for TriG) and counts its entities; then it
writes its Turtle. A range never splits a subject, so the parts, in key
order, are the whole graph's files: they are joined (Turtle once with its
prefixes) and the output is the same bytes for any number of parts.
JSON-LD is streamed from the N-Triples parts, TriG from each report's
quads followed by the shared graph, ``mentions.jsonl`` is the entries'
records in id order, the store is bulk-loaded from the N-Quads and
``graph.html`` draws a bounded part of the N-Triples (``kg.present.view``).

Everything is written in a hidden work folder inside the output folder and
each file is moved into place when all are complete, so a failure leaves
the previous outputs as they were.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.corpus.cache import Entry
from kg.corpus.engines import default_jobs, process_map
from kg.corpus.options import BuildOptions
from kg.errors import OutputError
from kg.io.merge import find_line, merged, sample_keys, span_reader, split_keys
from kg.io.write import sync_file, sync_folder
from kg.model import ONTOLOGY, EntityType, Predicate
from kg.present.page import TITLE, render
from kg.present.view import view_graph
from kg.rdf.formats import WRITTEN, written_format
from kg.rdf.ids import SHARED_GRAPH, report_graph_iri
from kg.rdf.nquads import triple_lines
from kg.rdf.serialize import write_jsonld, write_trig, write_turtle
from kg.rdf.store import write_store_file
from kg.rdf.terms import CLASS_OF
from kg.sparql.stats import RelationCount, relation_counts

#: Parts per process: a process that is done early takes another, so uneven ranges even out.
PARTS_PER_JOB = 4
#: Keys sampled in all to cut the ranges, and at most per entry.
SAMPLES, SAMPLES_PER_ENTRY = 8192, 16
_RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_SHARED_END = f"<{SHARED_GRAPH}> .\n".encode()
_ENTITY_TYPE = {f"<{iri}>".encode(): etype.value for etype, iri in CLASS_OF.items()}
_RELATION = {f"<{p.iri}>".encode(): p.value for p in Predicate}
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_EVIDENCE_FIELD = {
    f"<{_RDF}subject>".encode(): 0,
    f"<{_RDF}predicate>".encode(): 1,
    f"<{_RDF}object>".encode(): 2,
    f"<{ONTOLOGY}implicit>".encode(): 3,
}
_TRUE = b'"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
Edge = tuple[str, bytes, bytes]


@dataclass(slots=True)
class Edges:
    """The relation edges of (part of) the merged graph and what their evidence says.

    Each is a set of (relation name, subject term, object term): ``edges`` the
    relation statements, ``stated`` and ``implicit`` those an evidence supports
    with ``rol:implicit`` false and true. ``counts`` joins them
    (``kg.sparql.stats.RelationCount``, the definition ``kg stats`` uses).
    """

    edges: set[Edge] = field(default_factory=set)
    stated: set[Edge] = field(default_factory=set)
    implicit: set[Edge] = field(default_factory=set)

    def update(self, other: Edges) -> None:
        self.edges |= other.edges
        self.stated |= other.stated
        self.implicit |= other.implicit

    def counts(self) -> dict[str, RelationCount]:
        return relation_counts(self.edges, self.implicit - self.stated)


def tally_edges(lines: Iterable[bytes], into: Edges) -> Iterator[bytes]:
    """Pass N-Triples lines through, noting relation statements and their evidence in ``into``."""
    evidence: dict[bytes, list[bytes]] = {}
    for line in lines:
        s, p, rest = line.split(b" ", 2)
        o = rest[: -len(b" .\n")]
        name = _RELATION.get(p)
        if name is not None:
            into.edges.add((name, s, o))
        k = _EVIDENCE_FIELD.get(p)
        if k is not None:
            evidence.setdefault(s, [b"", b"", b"", b""])[k] = o
        yield line
    for s_, p_, o_, flag in evidence.values():
        relation = _RELATION.get(p_)
        if relation is not None and s_ and o_ and flag:
            (into.implicit if flag == _TRUE else into.stated).add((relation, s_, o_))


@dataclass(slots=True)
class Written:
    """The files written, and what the merged graph holds."""

    paths: tuple[Path, ...] = ()
    triples: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    relations: dict[str, RelationCount] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Part:
    """One key range of the merged graph, ``low <= line < high`` (None: unbounded), and what to write of it."""

    index: int
    low: bytes | None
    high: bytes | None
    entries: tuple[Entry, ...]
    folder: Path
    nquads: bool
    shared: bool
    turtle: bool

    def file(self, suffix: str) -> Path:
        return self.folder / f"part-{self.index:05d}{suffix}"


def write_outputs(
    entries: Sequence[Entry],
    out: Path,
    options: BuildOptions,
    progress: Callable[[str], None] | None = None,
) -> Written:
    """Merge the entries (sorted by id) into every output ``options`` asks for in ``out``, in ``run.jobs`` processes.

    Raises ``OSError`` when ``out`` cannot be written (the caller names the folder).
    """

    def step(what: str) -> None:
        if progress:
            progress(what)

    formats, store, html = options.formats, options.store, options.html
    jobs = options.run.jobs if options.run.jobs is not None else default_jobs()

    out.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    work_folder = tempfile.TemporaryDirectory(
        prefix=f".kg-work-{os.getpid()}-", dir=out, ignore_cleanup_errors=True
    )
    with work_folder as folder:
        work = Path(folder)
        parts = plan_parts(
            entries,
            work,
            count=1 if jobs <= 1 else jobs * PARTS_PER_JOB,
            nquads="nq" in formats or store is not None,
            shared="trig" in formats,
            turtle="ttl" in formats,
        )
        written = Written()
        with process_map(write_part, parts, jobs) as results:
            step("mentions.jsonl")  # while the parts are merged
            with open(work / "mentions.jsonl", "wb") as f:
                for e in entries:
                    e.copy_to("mentions", f)
            step("merge")
            edges = Edges()
            for triples, entities, part_edges in results:
                written.triples += triples
                for name, n in entities.items():
                    written.entities[name] = written.entities.get(name, 0) + n
                edges.update(part_edges)
            written.relations = edges.counts()
        written.entities = {
            t.value: written.entities[t.value] for t in EntityType if t.value in written.entities
        }
        nt_parts = [p.file(".nt") for p in parts]

        ready: list[tuple[Path, Path]] = []
        for fmt in formats:
            step(f"graph.{fmt}")
            made = work / f"graph.{fmt}"
            with open(made, "wb") as f:
                WRITERS[written_format(fmt).key](entries, parts, f)
            ready.append((made, out / f"graph.{fmt}"))
        ready.append((work / "mentions.jsonl", out / "mentions.jsonl"))
        store_path: Path | None = None
        if store is not None:
            step("store")
            store_path = write_store_file([p.file(".nq") for p in parts], store).path
        if html:
            step("graph.html")
            render(
                view_graph(nt_parts, options.html_entities, options.html_mentions),
                work / "graph.html",
                title=TITLE,
            )
        paths = [_move(src, dst) for src, dst in ready]
        if store_path is not None:
            paths.append(store_path)
        if html:
            paths.append(_move(work / "graph.html", out / "graph.html"))
        written.paths = tuple(paths)
        return written


def plan_parts(
    entries: Sequence[Entry], folder: Path, *, count: int, nquads: bool, shared: bool, turtle: bool
) -> list[Part]:
    """Cut the merged graph into ``count`` key ranges of about the same size (fewer for a small graph)."""
    keys: list[bytes] = []
    if count > 1 and entries:
        chosen = entries[:: max(1, len(entries) // SAMPLES)]
        per_entry = max(1, min(SAMPLES_PER_ENTRY, SAMPLES // len(chosen)))
        samples = chain.from_iterable(sample_keys(e.path, *e.spans["quads"], per_entry) for e in chosen)
        keys = split_keys(samples, count)
    bounds: list[bytes | None] = [None, *keys, None]
    together = tuple(entries)
    return [
        Part(i, low, high, together, folder, nquads=nquads, shared=shared, turtle=turtle)
        for i, (low, high) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]


def write_part(part: Part) -> tuple[int, dict[str, int], Edges]:
    """Merge the part's range of every entry into its files; its triples, entities by type and edges."""
    sources = []
    counts: dict[str, int] = {}
    for e in part.entries:
        start, length = e.spans["quads"]
        low = start if part.low is None else find_line(e.path, start, length, part.low)
        high = start + length if part.high is None else find_line(e.path, start, length, part.high)
        if low < high:
            sources.append(span_reader(e.path, low, high))
    triples = 0
    with ExitStack() as files:
        nt = files.enter_context(open(part.file(".nt"), "wb"))
        nq = files.enter_context(open(part.file(".nq"), "wb")) if part.nquads else None
        shared = files.enter_context(open(part.file(".shared.nq"), "wb")) if part.shared else None

        def quads() -> Iterator[bytes]:
            for line in merged(sources, part.folder):
                if nq is not None:
                    nq.write(line)
                if shared is not None and line.endswith(_SHARED_END):
                    shared.write(line)
                yield line

        edges = Edges()
        for line in tally_edges(triple_lines(quads()), edges):
            nt.write(line)
            triples += 1
            if _RDF_TYPE in line:
                _, p, o = line.split(b" ", 3)[:3]
                etype = _ENTITY_TYPE.get(o)
                if p == _RDF_TYPE and etype is not None:
                    counts[etype] = counts.get(etype, 0) + 1
    if part.turtle:
        with open(part.file(".ttl"), "wb") as f:
            write_turtle(part.file(".nt"), f)
    return triples, counts, edges


def join_turtle(parts: Sequence[Path], out: BinaryIO) -> None:
    """Join the Turtle of consecutive key ranges into one document: the prefixes once, at the top.

    Each part is a whole Turtle document, or empty; what follows a part's
    prefixes is what follows them in a document of all the parts.
    """
    prefixes = _turtle_prefixes()
    first = True
    for path in parts:
        with open(path, "rb") as f:
            head = f.read(len(prefixes))
            if not head:
                continue
            if head != prefixes:
                raise ValueError(f"{path}: a part of the Turtle does not start with kg's prefixes")
            if first:
                out.write(head)
                first = False
            shutil.copyfileobj(f, out)


@cache
def _turtle_prefixes() -> bytes:
    """The prefix lines that open every Turtle document kg writes."""
    sample = io.BytesIO()
    write_turtle(b"<http://a> <http://a> <http://a> .\n", sample)
    text = sample.getvalue()
    return text[: text.index(b"\n\n") + 1]


def _join(parts: Sequence[Path], out: BinaryIO) -> None:
    for path in parts:
        with open(path, "rb") as f:
            shutil.copyfileobj(f, out)


Writer = Callable[[Sequence[Entry], Sequence["Part"], BinaryIO], None]

#: How the build writes each format of ``kg.rdf.formats.WRITTEN`` from the parts' files.
WRITERS: dict[str, Writer] = {
    "ttl": lambda entries, parts, f: join_turtle([p.file(".ttl") for p in parts], f),
    "nt": lambda entries, parts, f: _join([p.file(".nt") for p in parts], f),
    "trig": lambda entries, parts, f: write_trig(
        _trig_quads(entries, [p.file(".shared.nq") for p in parts]), f
    ),
    "nq": lambda entries, parts, f: _join([p.file(".nq") for p in parts], f),
    "jsonld": lambda entries, parts, f: write_jsonld([p.file(".nt") for p in parts], f),
}


def remove_stale(out: Path, options: BuildOptions) -> tuple[Path, ...]:
    """Delete the outputs of an earlier build that this build (``options``) did not write again.

    A ``graph.ttl`` left by a build before one that wrote only TriG would
    otherwise pass for the latest graph; returns the files removed.
    """
    stale = [out / f"graph.{fmt}" for fmt in WRITTEN if fmt not in options.formats]
    if not options.html:
        stale.append(out / "graph.html")
    removed = []
    for path in stale:
        if path.is_file():
            path.unlink()
            removed.append(path)
    if removed:
        sync_folder(out)
    return tuple(removed)


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


def _trig_quads(entries: Sequence[Entry], shared: Sequence[Path]) -> Iterator[ox.Quad]:
    """Every quad grouped by graph in IRI order: each report's graph, then the shared graph.

    (``…/graph/report/…`` sorts before ``…/graph/shared``.) One report's
    quads are in memory at a time.
    """
    for e in sorted(entries, key=lambda e: str(report_graph_iri(e.doc_id))):
        own = b"".join(line for line in e.lines("quads") if not line.endswith(_SHARED_END))
        yield from ox.parse(own, ox.RdfFormat.N_QUADS)
    for path in shared:
        yield from ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)


def _move(src: Path, dst: Path) -> Path:
    sync_file(src)  # on disk before the rename, so a power cut cannot leave an empty output
    try:
        os.chmod(src, 0o644)
        os.replace(src, dst)
    except OSError as e:
        raise OutputError(f"{dst}: cannot write ({e.strerror})") from None
    sync_folder(dst.parent)
    return dst
