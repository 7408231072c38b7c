"""The part of a large graph that ``graph.html`` draws, chosen by streaming.

The HTML view needs its graph in memory, and a browser cannot show a
national corpus anyway. So the build draws at most ``max_entities``
entities, the most mentioned (ties by IRI), and for each at most
``max_mentions`` mention sentences (and as many evidence sentences per
relation, the first in IRI order). The mentions are chosen among the first
``CANDIDATES × max_mentions`` in IRI order, sentences of the report before
page furniture (a header table, a print/close line: ``kg.present.page.furniture``),
so the panel and the hover have a real sentence to show where there is one.
Memory is bounded by these two numbers, not by the corpus. A graph under both limits is drawn whole, exactly as
``kg viz`` draws the full file.

The input is the union graph as sorted N-Triples (``graph.nt``'s bytes).
Sorted lines keep each subject's statements together, and kg's IRIs sort
by kind (``…/id/brand/`` < ``evidence/`` < ``inst/`` < ``list/`` <
``mention/`` < ``region/`` < ``report/`` < ``sys/``), so passes over
the runs of the file (each found by binary search) collect, in turn: the
entities to keep; their own statements; the evidence of their relations;
their mentions; their reports; the regions these lie in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from kg.io.merge import find_line, span_reader
from kg.model import EntityType
from kg.present.page import furniture
from kg.rdf import ids
from kg.rdf.terms import CLASS_OF, PREDICATE, SCHEMA, bind_prefixes
from kg.rdf.vocab import ROL

#: Entities drawn in graph.html by default (``kg build --html-entities``).
VIEW_ENTITIES = 500
#: Mention sentences per entity, and evidence sentences per relation (``--html-mentions``).
VIEW_MENTIONS = 20
#: Mentions read per kept one, to find sentences of the report among page furniture.
CANDIDATES = 2


def _nt(iri: object) -> bytes:
    return f"<{iri}>".encode()


_TYPE = _nt(RDF.type)
_CLASSES = frozenset(_nt(c) for c in CLASS_OF.values())
_HAS_MENTION = _nt(ROL.hasMention)
_IN_REPORT = _nt(ROL.inReport)
_SENTENCE = _nt(ROL.sentence)
_MENTIONS = _nt(ROL.mentions)
_PLACE = _nt(ROL.place)
_SCOPE = _nt(ROL.scope)
_CONTAINED_IN = _nt(SCHEMA.containedInPlace)
_EV_PARTS = {_nt(RDF.subject): 0, _nt(RDF.predicate): 1, _nt(RDF.object): 2}
_RELATIONS = frozenset(_nt(p) for p in PREDICATE.values())
_EVIDENCE = f"<{ids.BASE}evidence/".encode()
_MENTION = f"<{ids.BASE}mention/".encode()
_REGION = f"<{ids.BASE}region/".encode()
_REPORT = f"<{ids.BASE}report/".encode()
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_ENTITIES = tuple(f"<{ids.BASE}{t.segment}/".encode() for t in EntityType)
_PROVENANCE = (_EVIDENCE, _MENTION, _REGION, _REPORT)


def _triples(
    paths: Sequence[Path], kinds: Sequence[bytes] = ()
) -> Iterator[tuple[bytes, bytes, bytes, bytes]]:
    """(subject, predicate, object, line) of the N-Triples lines of kg graph files, one file after the other.

    With ``kinds`` (IRI prefixes such as ``_MENTION``), only the lines whose
    subject starts with one of them: each kind is a run of the sorted file,
    found by binary search, so a pass skips the kinds it does not need.
    """
    for path in paths:
        size = path.stat().st_size
        spans = (
            [(0, None)]
            if not kinds
            else [(find_line(path, 0, size, k), find_line(path, 0, size, _after(k))) for k in sorted(kinds)]
        )
        for start, end in spans:
            for line in span_reader(path, start, end)():
                i = line.find(b" ")
                j = line.find(b" ", i + 1)
                if i < 0 or j < 0:
                    continue
                yield line[:i], line[i + 1 : j], line[j + 1 : -3], line


def _literal(term: bytes) -> str:
    """The text of an N-Triples literal (``"…"@zh``), as kg writes it: UTF-8, escapes left in.

    Enough to tell a sentence from page furniture (cells, fields, controls), which no escape
    sequence holds.
    """
    return term[1 : term.rindex(b'"')].decode("utf-8", "replace") if term.startswith(b'"') else ""


def _after(prefix: bytes) -> bytes:
    """The smallest key above every line that starts with ``prefix`` (which ends in ``/``)."""
    return prefix[:-1] + bytes([prefix[-1] + 1])


def _files(path: str | Path | Sequence[Path]) -> list[Path]:
    return [Path(path)] if isinstance(path, str | Path) else [Path(p) for p in path]


def top_entities(path: Path | Sequence[Path], limit: int) -> set[bytes]:
    """The ``limit`` entities with the most mentions (ties: smaller IRI first), in one pass."""
    ranked: list[tuple[int, bytes]] = []
    subject, is_entity, count = b"", False, 0

    def close() -> None:
        if is_entity:
            ranked.append((-count, subject))
            if len(ranked) > 2 * limit:
                ranked.sort()
                del ranked[limit:]

    for s, p, o, _ in _triples(_files(path), _ENTITIES):
        if s != subject:
            close()
            subject, is_entity, count = s, False, 0
        if p == _HAS_MENTION:
            count += 1
        elif p == _TYPE and o in _CLASSES:
            is_entity = True
    close()
    ranked.sort()
    return {s for _, s in ranked[:limit]}


def view_graph(
    path: str | Path | Sequence[Path], max_entities: int = VIEW_ENTITIES, max_mentions: int = VIEW_MENTIONS
) -> Graph:
    """The statements ``kg.present.page.render`` reads about the kept entities, as an rdflib graph.

    ``path`` is a sorted N-Triples file of a kg graph, or the files of its
    consecutive key ranges (``kg.corpus.outputs``). Memory grows with
    ``max_entities × max_mentions``, never with the file.
    """
    if max_entities < 1 or max_mentions < 1:
        raise ValueError("the view needs at least one entity and one mention per entity")
    paths = _files(path)
    kept = top_entities(paths, max_entities)
    out: list[bytes] = []

    # Pass 2: the kept entities' own statements; their first mentions (candidates), relations, scopes.
    candidates: dict[bytes, list[bytes]] = defaultdict(list)
    has_mention: dict[bytes, bytes] = {}
    relations: set[tuple[bytes, bytes, bytes]] = set()
    regions: set[bytes] = set()
    for s, p, o, line in _triples(paths, _ENTITIES):
        if s not in kept:
            continue
        if p == _HAS_MENTION:
            if len(candidates[s]) < CANDIDATES * max_mentions:
                candidates[s].append(o)
                has_mention[o] = line
            continue
        if p in _RELATIONS and o.startswith(b"<"):
            if o not in kept:
                continue
            relations.add((s, p, o))
        elif p == _SCOPE:
            regions.add(o)
        out.append(line)

    # Pass 3: evidence of the drawn relations, the first ``max_mentions`` of each.
    reports: set[bytes] = set()
    evidence_count: dict[tuple[bytes, bytes, bytes], int] = defaultdict(int)
    evidence: list[bytes] = []
    parts = [b"", b"", b""]
    subject, report_of_evidence = b"", b""

    def close_evidence() -> None:
        """Keep an evidence node once all its statements are read, if its relation is drawn."""
        key = (parts[0], parts[1], parts[2])
        if evidence and key in relations and evidence_count[key] < max_mentions:
            evidence_count[key] += 1
            out.extend(evidence)
            if report_of_evidence:
                reports.add(report_of_evidence)

    for s, p, o, line in _triples(paths, (_EVIDENCE,)):
        if s != subject:
            close_evidence()
            subject, evidence, parts, report_of_evidence = s, [], [b"", b"", b""], b""
        evidence.append(line)
        if p in _EV_PARTS:
            parts[_EV_PARTS[p]] = o
        elif p == _IN_REPORT:
            report_of_evidence = o
    close_evidence()

    # Pass 4: the candidate mentions; each entity keeps ``max_mentions``, sentences of the
    # report before page furniture (kg.present.page.furniture), then in IRI order.
    owner = {m: e for e, ms in candidates.items() for m in ms}
    lines: dict[bytes, list[bytes]] = defaultdict(list)
    score: dict[bytes, int] = {}
    report_of: dict[bytes, bytes] = {}
    for s, p, o, line in _triples(paths, (_MENTION,)):
        if s in owner:
            lines[s].append(line)
            if p == _SENTENCE:
                score[s] = furniture(_literal(o))
            elif p == _IN_REPORT:
                report_of[s] = o
    reports_of: dict[bytes, set[bytes]] = defaultdict(set)
    for e, ms in candidates.items():
        for m in sorted(ms, key=lambda m: score.get(m, 0))[:max_mentions]:  # stable: IRI order kept
            out.append(has_mention[m])
            out.extend(lines[m])
            if m in report_of:
                reports.add(report_of[m])
                reports_of[e].add(report_of[m])

    # Pass 5: region parents, and the reports of kept mentions and evidence (regions sort before reports).
    parent: dict[bytes, bytes] = {}
    for s, p, o, line in _triples(paths, (_REGION, _REPORT)):
        if s.startswith(_REGION):
            if p == _CONTAINED_IN:
                parent[s] = o
        elif s in reports:
            if p == _MENTIONS:
                if o in kept and s in reports_of[o]:
                    out.append(line)
                continue
            out.append(line)
            if p == _PLACE:
                regions.add(o)

    # Pass 6: the regions of scopes and places, and the regions that contain them.
    todo, wanted = list(regions), set()
    while todo:
        r = todo.pop()
        if r not in wanted:
            wanted.add(r)
            if r in parent:
                todo.append(parent[r])
    for s, _, _, line in _triples(paths, (_REGION,)):
        if s in wanted:
            out.append(line)

    g = Graph()
    bind_prefixes(g)
    g.addN(_rdflib_quads(b"".join(out), g))
    return g


def _rdflib_quads(data: bytes, g: Graph) -> Iterator[tuple[Node, Node, Node, Graph]]:
    """The N-Triples ``data`` as rdflib statements of ``g``, parsed by Oxigraph.

    rdflib's own N-Triples parser took most of a build's time here; terms
    repeat (entities, predicates, sentences), so each is made once.
    """
    terms: dict[ox.NamedNode | ox.Literal, Node] = {}

    def term(t: ox.NamedNode | ox.Literal) -> Node:
        got = terms.get(t)
        if got is None:
            if isinstance(t, ox.NamedNode):
                got = URIRef(t.value)
            elif t.language:
                got = Literal(t.value, lang=t.language)
            elif t.datatype.value == _XSD_STRING:  # rdflib reads "x" as a plain literal
                got = Literal(t.value)
            else:
                got = Literal(t.value, datatype=URIRef(t.datatype.value))
            terms[t] = got
        return got

    for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        yield term(t.subject), term(t.predicate), term(t.object), g
