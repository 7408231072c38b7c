"""Run SPARQL over kg graphs on an embedded Oxigraph store.

rdflib builds graphs; Oxigraph answers queries: its native parser loads a
graph many times faster than rdflib and its engine answers in milliseconds
where rdflib's takes seconds (see the README's benchmark). Queries are
read-only: an update is refused before it reaches the store. kg's prefixes
(rol:, inst:, sys:, list:, brand:, skos:, …) are predeclared, so a query may
use them without PREFIX lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError, QueryError
from kg.rdf.formats import format_of
from kg.rdf.terms import PREFIXES

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}

# What may come before a request's first keyword: white space, comments, PREFIX
# and BASE declarations, and Virtuoso's DEFINE pragmas.
_PROLOGUE = re.compile(
    r"""(?:\s+|\#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>|DEFINE\s+\S+\s+(?:"[^"]*"|'[^']*'|<[^>]*>|\S+))*""",
    re.I,
)
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_QUERIES = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_WORD = re.compile(r"[A-Za-z]+")


def default_prefixes() -> dict[str, str]:
    """kg's fixed prefixes, as Oxigraph wants them."""
    return {p: str(ns) for p, ns in PREFIXES.items()}


def load_store(paths: Sequence[str | Path]) -> ox.Store:
    """An in-memory store holding every graph file in ``paths``.

    Triple formats load into the default graph; TriG and N-Quads keep their
    named graphs and are queried as a union.
    """
    store = ox.Store()
    for raw in paths:
        path = Path(raw)
        fmt = format_of(path).oxigraph
        try:
            store.load(path=str(path), format=fmt)
        except SyntaxError as e:
            raise GraphError(f"{path}: not valid {fmt.name}: {e}") from None
        except OSError as e:
            raise GraphError(f"{path}: cannot read ({e})") from None
    return store


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query returned: rows for SELECT, a boolean for ASK, triples for CONSTRUCT."""

    kind: str
    variables: tuple[str, ...]
    rows: tuple[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...], ...]
    boolean: bool | None = None
    raw: bytes = b""


def run(sparql: str, store: ox.Store, fmt: str = "table") -> QueryResult:
    """Run a read-only query; ``fmt`` other than table keeps the W3C serialisation in ``raw``."""
    check_read_only(sparql)
    try:
        result = store.query(sparql, prefixes=default_prefixes(), use_default_graph_as_union=True)
    except SyntaxError as e:
        raise QueryError(f"malformed SPARQL: {_position(str(e), sparql)}") from None
    except OSError as e:
        raise QueryError(f"query failed: {e}") from None
    if isinstance(result, ox.QueryBoolean):
        raw = result.serialize(format=RESULT_FORMATS[fmt]) if fmt in RESULT_FORMATS else b""
        return QueryResult(kind="ask", variables=("result",), rows=(), boolean=bool(result), raw=raw or b"")
    if isinstance(result, ox.QueryTriples):
        triples = list(result)
        rows = tuple((t.subject, t.predicate, t.object) for t in triples)
        raw = b""
        if fmt in {"csv", "tsv", "json"}:
            # A graph has no W3C results format of its own: give it as N-Triples.
            raw = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        return QueryResult(kind="construct", variables=("subject", "predicate", "object"), rows=rows, raw=raw)
    variables = tuple(v.value for v in result.variables)
    if fmt in RESULT_FORMATS:
        return QueryResult(
            kind="select",
            variables=variables,
            rows=(),
            raw=result.serialize(format=RESULT_FORMATS[fmt]) or b"",
        )
    # tuple(solution) gives the values in variable order (None when unbound) without a
    # lookup by name per cell, which cost more than the evaluation on large listings.
    rows = tuple(tuple(sol) for sol in result)
    return QueryResult(kind="select", variables=variables, rows=rows)


def query(sparql: str, graphs: Sequence[str | Path], fmt: str = "table") -> QueryResult:
    """Load ``graphs`` and run ``sparql`` over them (the library form of ``kg query``)."""
    return run(sparql, load_store(graphs), fmt)


def first_keyword(sparql: str) -> str:
    """The request's first keyword after its prologue (PREFIX, BASE, comments), upper-cased."""
    rest = sparql.lstrip("\ufeff")
    m = _WORD.match(rest, _PROLOGUE.match(rest).end())
    return m.group().upper() if m else ""


def check_read_only(sparql: str, strict: bool = False) -> None:
    """Refuse SPARQL Update: ``kg query`` never changes a graph.

    With ``strict`` (a remote endpoint, whose server might run an update sent
    as a query), anything that does not start as a query is refused too.
    Locally Oxigraph's query parser refuses it, with the position.
    """
    word = first_keyword(sparql)
    if word in _UPDATES:
        raise QueryError(f"SPARQL Update ({word}) is not allowed: kg query is read-only")
    if strict and word not in _QUERIES:
        raise QueryError(
            f"not a SPARQL query: it starts with {word or 'nothing'!r}, "
            "not SELECT, ASK, CONSTRUCT or DESCRIBE (kg query is read-only)"
        )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _position(message: str, sparql: str) -> str:
    """Oxigraph says 'error at L:C: …'; say 'line L, column C: …' and show that line, on one line.

    Oxigraph counts lines at "\\n" only and columns in characters, from 1.
    Control characters of the query are not echoed to the terminal.
    """
    m = re.match(r"(?:error at )?(\d+):(\d+):\s*(.*)", message, re.S)
    if not m:
        return _CONTROL.sub(" ", message)
    line, col, what = int(m.group(1)), int(m.group(2)), _CONTROL.sub(" ", m.group(3)).strip()
    lines = sparql.split("\n")
    out = f"line {line}, column {col}: {what}"
    if 1 <= line <= len(lines):
        text = lines[line - 1]
        left = max(0, col - 1 - 50)
        shown = ("…" if left else "") + text[left : col - 1 + 30] + ("…" if len(text) > col - 1 + 30 else "")
        shown = _CONTROL.sub(" ", shown).strip()
        if shown:
            out += f" (in: {shown})"
    return out


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, prefixes: dict[str, str]) -> str:
    """A short, readable form of a term for the terminal table."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for p, ns in prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns) :]}"
        return f"<{iri}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to show in a terminal, on one line.

    Names and sentences come from untrusted reports: an escape sequence
    (ESC …) could rewrite the terminal, a bidi override reorder the line.
    Line breaks and tabs become spaces, other C0 controls their visible
    symbol (␛, ␀), DEL ␡, C1 controls and bidi controls U+FFFD.
    """

    def show(m: re.Match[str]) -> str:
        c = m.group()
        if c in "\t\n\r\x0b\x0c\u2028\u2029\x85":
            return " "
        if c < " ":
            return chr(0x2400 + ord(c))
        return "\u2421" if c == "\x7f" else "\ufffd"

    return _UNPRINTABLE.sub(show, text)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def format_table(result: QueryResult, max_width: int = 60) -> str:
    """A plain-text table that lines up CJK text (two columns per wide character)."""
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    prefixes = default_prefixes()
    cells = [[printable(term_text(t, prefixes)) for t in row] for row in result.rows]
    cells = [[_clip(c, max_width) for c in row] for row in cells]
    header = list(result.variables)
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]
    rule = "+-" + "-+-".join("-" * w for w in widths) + "-+"
    out = [rule, "| " + " | ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)) + " |", rule]
    for row in cells:
        out.append("| " + " | ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)) + " |")
    out.append(rule)
    n = len(cells)
    out.append(f"{n} row{'s' if n != 1 else ''}")
    return "\n".join(out) + "\n"


def _clip(s: str, limit: int) -> str:
    if _width(s) <= limit:
        return s
    out, w = [], 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > limit - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"
