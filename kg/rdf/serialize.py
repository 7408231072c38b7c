"""Serialise graphs to files, deterministically, atomically and as streams.

The build never holds the corpus graph in memory: it merges every
document's sorted N-Quads lines into one sorted stream (``kg.io.merge``) and
writes each format from that stream. N-Quads is the stream itself;
N-Triples drops the graph and repeats (the union); Turtle and JSON-LD are
Oxigraph's streaming serialisers over the N-Triples, so subjects come in
sorted order and group as ``;`` lists; TriG is the same over the quads
ordered by graph (each report's graph, then the shared graph). The same
statements therefore always give the same bytes, whatever the order in
which documents were processed.

Turtle and TriG never carry backslash escapes in prefixed names
(``plain_pnames``), applied line by line as Oxigraph writes: Oxigraph
escapes the line breaks inside literals, so a line never splits a term.

``serialize`` does the same for an in-memory dataset (tests, notebooks).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.rdf.formats import written_format
from kg.rdf.nquads import graph_of, nquads_lines
from kg.rdf.terms import kg_prefixes, to_ox


def serialize(ds: Dataset, graph: Graph, fmt: str) -> str:
    """The text of ``fmt`` for the dataset (trig, nq) or its union ``graph`` (others).

    The same bytes as the build writes for the same statements: the
    in-memory path of ``kg.api.serialize`` for a notebook's extraction.
    """
    out = io.BytesIO()
    if written_format(fmt).named_graphs:
        lines = nquads_lines(ds)
        if fmt == "nq":
            out.write(lines)
        else:
            by_graph = sorted(lines.splitlines(keepends=True), key=lambda line: (graph_of(line), line))
            write_trig(ox.parse(b"".join(by_graph), ox.RdfFormat.N_QUADS), out)
    else:
        nt = b"".join(
            sorted({f"{ox.Triple(to_ox(s), to_ox(p), to_ox(o))} .\n".encode() for s, p, o in graph})
        )
        if fmt == "nt":
            out.write(nt)
        elif fmt == "ttl":
            write_turtle(nt, out)
        else:
            write_jsonld(nt, out)
    return out.getvalue().decode("utf-8")


def write_turtle(nt: Path | Sequence[Path] | bytes, out: BinaryIO) -> None:
    """Turtle of sorted N-Triples (bytes, a file, or files in order), streamed, with kg's prefixes."""
    prefixes = kg_prefixes()
    with _PnameFilter(out, prefixes, spaced=True) as sink:
        ox.serialize(_parse(nt, ox.RdfFormat.N_TRIPLES), sink, ox.RdfFormat.TURTLE, prefixes=prefixes)


def write_trig(quads: Iterable[ox.Quad], out: BinaryIO) -> None:
    """TriG of quads ordered by graph, streamed, with kg's prefixes."""
    prefixes = kg_prefixes()
    with _PnameFilter(out, prefixes) as sink:
        ox.serialize(quads, sink, ox.RdfFormat.TRIG, prefixes=prefixes)


def write_jsonld(nt: Path | Sequence[Path] | bytes, out: BinaryIO) -> None:
    """JSON-LD (expanded, one node per subject) of sorted N-Triples (bytes, a file, or files in order), streamed."""
    ox.serialize(_parse(nt, ox.RdfFormat.N_TRIPLES), out, ox.RdfFormat.JSON_LD)
    out.write(b"\n")


def _parse(source: Path | Sequence[Path] | bytes, fmt: ox.RdfFormat) -> Iterator[ox.Triple | ox.Quad]:
    """The statements of bytes, of a file or of files one after the other."""
    if isinstance(source, bytes):
        return iter(ox.parse(source, fmt))
    paths = [source] if isinstance(source, Path) else source
    return chain.from_iterable(ox.parse(path=str(p), format=fmt) for p in paths)


#: A line holding a backslash (an escaped prefixed name, or an escape inside a literal).
_ESCAPED_LINE = re.compile(rb"^[^\n\\]*\\[^\n]*", re.MULTILINE)
#: The end of a line that closes a statement, when the next line starts another one.
_STATEMENT_END = re.compile(rb" \.[ \t\r\f\v]*\n(?=[^\t @])")


class _PnameFilter:
    """A binary sink for Oxigraph that rewrites escaped prefixed names line by line.

    With ``spaced``, a blank line goes before each top-level statement
    (each subject of a Turtle file), as people write Turtle.
    """

    def __init__(self, out: BinaryIO, prefixes: dict[str, str], spaced: bool = False) -> None:
        self.out = out
        self.prefixes = prefixes
        self.spaced = spaced
        self.pending = b""
        self.closed_statement = False

    def write(self, data: bytes) -> int:
        chunk = self.pending + bytes(data)
        cut = chunk.rfind(b"\n") + 1
        self.pending = chunk[cut:]
        if cut:
            self._emit(chunk[:cut])
        return len(data)

    def flush(self) -> None:
        pass

    def _emit(self, block: bytes) -> None:
        """Filter whole lines at once: only lines with a backslash go through ``plain_pnames``."""
        if b"\\" in block:
            block = _ESCAPED_LINE.sub(self._plain_line, block)
        if self.spaced:
            if self.closed_statement and not block.startswith((b"\t", b" ", b"@")):
                self.out.write(b"\n")
            block = _STATEMENT_END.sub(b"\\g<0>\n", block)
            body = block[:-1] if block.endswith(b"\n") else block
            last = body[body.rfind(b"\n") + 1 :]
            self.closed_statement = last.rstrip().endswith(b" .")
        self.out.write(block)

    def _plain_line(self, m: re.Match[bytes]) -> bytes:
        return plain_pnames(m.group().decode("utf-8"), self.prefixes).encode("utf-8")

    def __enter__(self) -> _PnameFilter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pending and not exc[0]:
            self._emit(self.pending)
        self.pending = b""


_PNAME = re.compile(r"([A-Za-z][A-Za-z0-9_.-]*)?:((?:\\[^\s]|[^\s\\;,])*)")
_BEFORE_TERM = " \t\n;,([{^"


def plain_pnames(text: str, prefixes: dict[str, str]) -> str:
    """Write prefixed names that need backslash escapes (``mention:r\\/1-2``) as full IRIs.

    Such escapes are legal Turtle, but Virtuoso 7.2 keeps the backslash in
    the IRI, so ``inst:x\\(y\\)`` loaded there is a different resource. Full
    IRIs read the same everywhere. Literals and IRIs are skipped as they are.
    """
    if "\\" not in text:
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            j = min(j + len(quote), n)
            out.append(text[i:j])
            i = j
            continue
        if c == "<":
            j = text.find(">", i) + 1 or n
            out.append(text[i:j])
            i = j
            continue
        m = _PNAME.match(text, i) if (i == 0 or text[i - 1] in _BEFORE_TERM) else None
        if m and "\\" in m.group(2) and (m.group(1) or "") in prefixes:
            local = m.group(2)
            if local.endswith(".") and not local.endswith("\\."):
                local = local[:-1]
            iri = prefixes[m.group(1) or ""] + re.sub(r"\\(.)", r"\1", local)
            out.append(f"<{iri}>")
            i = m.start(2) + len(local)
            continue
        out.append(c)
        i += 1
    return "".join(out)
