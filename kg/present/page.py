"""Draw a kg graph as one self-contained, interactive HTML page.

``render`` reads the RDF graph that ``kg.rdf.statements`` builds, optionally cuts a
part of it (focus + depth, types, one report, the top N by degree), lays it
out, and writes one HTML file. Guarantees:

* Offline: vis-network's JS and CSS (read from the installed pyvis package,
  without importing it) and kg's own script are inlined. The page links no
  URL, and its Content-Security-Policy forbids every fetch, so it opens with
  no network at all.
* Safe: names and sentences come from untrusted reports. They travel as JSON
  in a ``type="application/json"`` block with ``<``, ``>``, ``&``, U+2028 and
  U+2029 escaped, and the page shows them only through ``textContent``,
  vis-network's plain-text tooltips and the canvas's ``fillText`` (node labels). The CSP allows kg's two inline scripts
  by hash and nothing else, so an injected handler could not run anyway.
* Deterministic: nodes and edges are sorted by IRI, the layout is seeded and
  rounded to whole pixels, and JSON keys are sorted: the same graph gives
  byte-identical HTML.
* Readable: each node carries a rank (degree, then mentions) by which the page
  chooses the labels it draws; sentences of the report come before page furniture
  (``furniture``); implicit relations are marked, and drawn dashed.
* Large graphs: the layout is computed here and physics is off in the
  browser. networkx's spring layout is exact but O(n²) per iteration (77 s
  for 5,000 nodes on the 2-core reference machine), so above
  ``EXACT_LAYOUT_MAX`` nodes a grid-approximated force layout is used.

This is the only module that uses pyvis (for its vis-network files). It
needs numpy for the layouts.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from kg.errors import SelectionError
from kg.io.write import write_text
from kg.model import EntityType, Predicate, replace_surrogates, types_text
from kg.rdf.vocab import ROL
from kg.sparql.named import AmbiguousNameError, choose

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

SCHEMA = Namespace("https://schema.org/")

#: Graphs up to this many nodes get networkx's exact spring layout (networkx itself
#: switches to a scipy solver at 500 nodes; kg needs only numpy).
EXACT_LAYOUT_MAX = 499
#: Seed of every layout, so the same graph always gets the same picture.
LAYOUT_SEED = 7
#: vis-network version shipped in pyvis 0.3.2; its CSS and JS are inlined.
VIS_DIR = "templates/lib/vis-9.1.2"

CLASS_TYPE = {ROL[t.english]: t for t in EntityType}

#: Relation predicates between entities and their Chinese labels (as in ontology/rol.ttl).
RELATIONS = {ROL[p.value]: (p.value, p.label) for p in Predicate if p.links}

#: Edges that are not relations: name → (kind, Chinese label).
LINKS = {
    "mentions": ("mentions", "提及"),
    "scope": ("place", "所属地区"),
    "place": ("place", "地区"),
    "containedIn": ("place", "位于"),
}

#: Node kinds in legend order: key, legend label, colour (Okabe-Ito, colour-blind safe), vis shape.
KINDS: tuple[tuple[str, str, str, str], ...] = (
    *((t.value, t.value, t.colour, "dot") for t in EntityType),
    ("report", "报告", "#555555", "square"),
    ("place", "地点", "#56B4E9", "triangle"),
)

#: The page's title when none is given: what ``kg build`` calls its page.
TITLE = "法治政府建设报告知识图谱"

_NAME_MARKS = re.compile(r"[\s《》“”\"'「」『』〈〉]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Page furniture: what a web page or a form puts around a report, not a sentence of it.
#: Table cells: a line cut by | (as kg reads a web page's or a .docx's tables).
_CELLS = re.compile(r"[|｜]")
#: A form field: a short label and a colon (发布机构:, 成文日期：), at the start or after a space or cell.
_FIELD = re.compile(r"(?:^|[\s|｜])[\u4e00-\u9fff]{2,6}\s*[:：]")
#: The page's own controls: print, close, font size, share, back to top.
_CONTROLS = re.compile(
    r"打印本页|打印此页|关闭窗口|关闭本页|\[\s*关闭\s*\]|【\s*关闭\s*】|字号|视力保护色|分享到|返回顶部|加入收藏"
)


class VizError(SelectionError):
    """The requested part of the graph cannot be drawn (unknown name, type or report)."""

    @classmethod
    def no_focus(cls, name: str, near: Sequence[str]) -> VizError:
        hint = f"; similar names: {', '.join(near)}" if near else "; check the spelling, or run `kg stats`"
        return cls(f"no entity is named {name!r} in the graph{hint}")

    @classmethod
    def empty_selection(cls) -> VizError:
        return cls("no entity matches the selection (focus, type, report, top); loosen it")


# --------------------------------------------------------------------------- reading the graph


@dataclass(frozen=True, slots=True)
class _Mention:
    report: URIRef | None
    start: int
    surface: str
    sentence: str


@dataclass(frozen=True, slots=True)
class _Evidence:
    report: URIRef | None
    start: int
    sentence: str
    implicit: bool


@dataclass(slots=True)
class _Entity:
    iri: URIRef
    type: EntityType
    label: str
    alt: tuple[str, ...]
    scope: URIRef | None
    item_count: int | None
    mentions: tuple[_Mention, ...]
    reports: set[URIRef] = field(default_factory=set)
    names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Every surface form: canonical, alternative and as written in the reports.
        self.names = [
            n for n in dict.fromkeys([self.label, *self.alt, *(m.surface for m in self.mentions)]) if n
        ]


@dataclass(frozen=True, slots=True)
class _Report:
    iri: URIRef
    ident: str
    title: str
    place: URIRef | None
    year: str


@dataclass(frozen=True, slots=True)
class _Region:
    iri: URIRef
    label: str
    level: str
    parent: URIRef | None


@dataclass(frozen=True, slots=True)
class _Relation:
    subject: URIRef
    predicate: URIRef
    object: URIRef
    evidence: tuple[_Evidence, ...]


@dataclass(slots=True)
class _Model:
    entities: dict[URIRef, _Entity]
    reports: dict[URIRef, _Report]
    regions: dict[URIRef, _Region]
    relations: list[_Relation]


def _text(value: Node | None) -> str:
    return str(value) if value is not None else ""


def _int(value: Node | None, default: int = 0) -> int:
    if isinstance(value, Literal):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    return default


def _bool(value: Node | None) -> bool:
    return isinstance(value, Literal) and value.toPython() is True


def _uri(value: Node | None) -> URIRef | None:
    return value if isinstance(value, URIRef) else None


def _local(iri: URIRef) -> str:
    return re.split(r"[#/]", str(iri))[-1]


#: What ``_read`` looks at, by local name (unique across these vocabularies).
_READ = {
    _local(p): p
    for p in (
        RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, DCTERMS.identifier, DCTERMS.title,
        RDF.subject, RDF.predicate, RDF.object, SCHEMA.containedInPlace, ROL.scope, ROL.hasMention,
        ROL.itemCount, ROL.inReport, ROL.start, ROL.surfaceForm, ROL.sentence, ROL.implicit,
        ROL.place, ROL.year, ROL.divisionLevel, ROL.mentions, *RELATIONS,
    )
}  # fmt: skip


class _Index:
    """The statements ``_read`` needs, by predicate name and subject, read once.

    Looking each value up with ``Graph.value`` costs a store query per call
    (12 s for a 5,000-entity graph). Here each predicate is queried once and
    terms are keyed by their plain string, because rdflib's ``__eq__`` is
    pure Python and dominated the profile.
    """

    def __init__(self, graph: Graph) -> None:
        self._by: dict[str, dict[str, list[Node]]] = {}
        for name, p in _READ.items():
            bucket: dict[str, list[Node]] = defaultdict(list)
            for s, _, o in graph.triples((None, p, None)):
                bucket[str(s)].append(o)
            self._by[name] = bucket
        self._typed: dict[str, list[URIRef]] = defaultdict(list)
        for s, _, o in graph.triples((None, RDF.type, None)):
            if isinstance(s, URIRef):
                self._typed[str(o)].append(s)

    def all(self, s: Node, p: str) -> list[Node]:
        return self._by[p].get(str(s), [])

    def one(self, s: Node, p: str) -> Node | None:
        """The value, or the smallest one when a (malformed) graph holds several."""
        values = self._by[p].get(str(s))
        if not values:
            return None
        return values[0] if len(values) == 1 else min(values, key=lambda v: (type(v).__name__, str(v)))

    def pairs(self, p: str) -> list[tuple[str, Node]]:
        return [(s, o) for s, objs in self._by[p].items() for o in objs]

    def of_type(self, cls: URIRef) -> list[URIRef]:
        return sorted(set(self._typed.get(str(cls), [])), key=str)

    def label(self, node: Node) -> str:
        """rdfs:label (Chinese first), else skos:prefLabel, else the IRI's last segment."""
        for prop in ("label", "prefLabel"):
            labels = self.all(node, prop)
            if labels:
                return str(min(labels, key=lambda v: (getattr(v, "language", None) != "zh", str(v))))
        return str(node).rstrip("/").rsplit("/", 1)[-1]


def _read(graph: Graph) -> _Model:
    """Collect entities, reports, regions and relations; ignore anything else."""
    g = _Index(graph)
    reports: dict[URIRef, _Report] = {}
    for r in g.of_type(ROL.Report):
        reports[r] = _Report(
            iri=r,
            ident=_text(g.one(r, "identifier")) or g.label(r),
            title=_text(g.one(r, "title")),
            place=_uri(g.one(r, "place")),
            year=_text(g.one(r, "year")),
        )
    regions: dict[URIRef, _Region] = {}
    for p in g.of_type(ROL.Region):
        regions[p] = _Region(
            iri=p,
            label=g.label(p),
            level=_text(g.one(p, "divisionLevel")),
            parent=_uri(g.one(p, "containedInPlace")),
        )
    entities: dict[URIRef, _Entity] = {}
    for cls, etype in CLASS_TYPE.items():
        for e in g.of_type(cls):
            if e in entities:
                continue
            mentions = sorted(
                (
                    _Mention(
                        report=_uri(g.one(m, "inReport")),
                        start=_int(g.one(m, "start")),
                        surface=_text(g.one(m, "surfaceForm")),
                        sentence=_text(g.one(m, "sentence")),
                    )
                    for m in g.all(e, "hasMention")
                ),
                key=lambda m: (str(m.report), m.start, m.surface, m.sentence),
            )
            count = g.one(e, "itemCount")
            entities[e] = _Entity(
                iri=e,
                type=etype,
                label=g.label(e),
                alt=tuple(sorted({str(a) for a in g.all(e, "altLabel")})),
                scope=_uri(g.one(e, "scope")),
                item_count=_int(count) if count is not None else None,
                mentions=tuple(mentions),
                reports={m.report for m in mentions if m.report in reports},
            )
    report_of = {str(r): r for r in reports}
    entity_of = {str(e): e for e in entities}
    for r_key, e_node in g.pairs("mentions"):
        if r_key in report_of and str(e_node) in entity_of:
            entities[entity_of[str(e_node)]].reports.add(report_of[r_key])

    evidence: dict[tuple[str, str, str], set[_Evidence]] = defaultdict(set)
    for ev in g.of_type(ROL.RelationEvidence):
        key = (_text(g.one(ev, "subject")), _text(g.one(ev, "predicate")), _text(g.one(ev, "object")))
        evidence[key].add(
            _Evidence(
                report=_uri(g.one(ev, "inReport")),
                start=_int(g.one(ev, "start")),
                sentence=_text(g.one(ev, "sentence")),
                implicit=_bool(g.one(ev, "implicit")),
            )
        )
    relations = []
    for pred in RELATIONS:
        for s, o in g.pairs(_local(pred)):
            if s in entity_of and str(o) in entity_of:
                evs = sorted(
                    evidence.get((s, str(pred), str(o)), ()),
                    key=lambda v: (str(v.report), v.start, v.sentence, v.implicit),
                )
                relations.append(_Relation(entity_of[s], pred, entity_of[str(o)], tuple(evs)))
    relations.sort(key=lambda r: (str(r.subject), str(r.predicate), str(r.object)))
    return _Model(entities, reports, regions, relations)


# --------------------------------------------------------------------------- choosing a part


def _norm(name: str) -> str:
    """Compare names the way a reader does: NFKC, no spaces or quote/title marks, case-folded."""
    return _NAME_MARKS.sub("", unicodedata.normalize("NFKC", name)).casefold()


def _parse_types(types: Iterable[str]) -> set[EntityType]:
    by_name: dict[str, EntityType] = {}
    for t in EntityType:
        by_name[t.value] = t
        by_name[t.english.casefold()] = t
    out = set()
    for name in types:
        found = by_name.get(name.strip()) or by_name.get(name.strip().casefold())
        if found is None:
            raise VizError.unknown_type(name, types_text())
        out.add(found)
    return out


def _relation_graph(model: _Model, keep: set[URIRef]) -> nx.MultiDiGraph:
    import networkx as nx  # heavy (about 0.2 s with numpy): loaded to draw, not by every command

    g = nx.MultiDiGraph()
    g.add_nodes_from(sorted(keep, key=str))
    for r in model.relations:
        if r.subject in keep and r.object in keep:
            g.add_edge(r.subject, r.object, key=str(r.predicate))
    return g


def _select(
    model: _Model,
    *,
    focus: str | None,
    depth: int,
    types: list[str] | None,
    report: str | None,
    top: int | None,
) -> tuple[set[URIRef], set[URIRef]]:
    """The entities to draw and the focus entities among them.

    Filter by type and report, then keep focus + depth, then the top N by degree.
    """
    import networkx as nx  # heavy (about 0.2 s with numpy): loaded to draw, not by every command

    if depth < 0:
        raise VizError(f"depth must be 0 or more, not {depth}")
    if top is not None and top < 1:
        raise VizError(f"top must be 1 or more, not {top}")
    keep = set(model.entities)
    centres: set[URIRef] = set()
    if types:
        wanted = _parse_types(types)
        keep = {e for e in keep if model.entities[e].type in wanted}
    if report is not None:
        by_id = {r.ident: iri for iri, r in model.reports.items()}
        if report not in by_id:
            raise VizError.no_report(report, sorted(by_id))
        keep = {e for e in keep if by_id[report] in model.entities[e].reports}
    if focus is not None:
        target = _norm(focus)
        exact = [x.label for x in model.entities.values() if _norm(x.label) == target]
        known = [x.label for x in model.entities.values() if target in {_norm(n) for n in x.names}]
        try:
            chosen = choose(focus, exact, known, where="--focus ")
        except AmbiguousNameError as e:
            raise VizError(str(e)) from None
        centres = {e for e in model.entities if model.entities[e].label == chosen}
        if not centres:
            near = sorted(
                {
                    model.entities[e].label
                    for e in model.entities
                    if target and target in _norm(model.entities[e].label)
                }
            )
            raise VizError.no_focus(focus, near[:5])
        centres &= keep
        if not centres:
            raise VizError.empty_selection()
        ug = _relation_graph(model, keep).to_undirected(as_view=True)
        reached: set[URIRef] = set()
        for c in sorted(centres, key=str):
            reached |= set(nx.single_source_shortest_path_length(ug, c, cutoff=depth))
        keep = reached
    if top is not None:
        rg = _relation_graph(model, keep)
        ranked = sorted(
            keep,
            key=lambda e: (-rg.degree(e), -len(model.entities[e].mentions), model.entities[e].label, str(e)),
        )
        keep = set(ranked[:top])
    if not keep and (focus or types or report or top):
        raise VizError.empty_selection()
    return keep, centres & keep


# --------------------------------------------------------------------------- layout


def _layout(n: int, edges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pixel positions for nodes 0..n-1; deterministic for a given input."""
    import networkx as nx  # heavy (about 0.2 s with numpy): loaded to draw, not by every command
    import numpy as np  # heavy (about 0.15 s): loaded to lay out a page, not by every command

    if n == 0:
        return []
    if n == 1:
        return [(0, 0)]
    if n <= EXACT_LAYOUT_MAX:
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        placed = nx.spring_layout(g, seed=LAYOUT_SEED, iterations=100)
        pos = np.array([placed[i] for i in range(n)], dtype=float)
    else:
        pos = _mesh_layout(n, edges)
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    half_side = 200.0 * math.sqrt(n) + 100.0  # about one label of room between neighbours
    pos *= half_side / extent
    return [(int(round(x)), int(round(y))) for x, y in pos]


def _mesh_layout(n: int, edges: Sequence[tuple[int, int]], iterations: int = 80) -> np.ndarray:
    """Fruchterman-Reingold with repulsion computed on a grid (particle-mesh).

    Node counts are binned on a g×g grid and convolved by FFT with the
    repulsion kernel k²·d/|d|², so one iteration costs O(n + g² log g)
    instead of O(n²); attraction along edges is exact. A weak pull to the
    centre keeps isolated nodes and small components near the rest.
    """
    import numpy as np  # heavy (about 0.15 s): loaded to lay out a page, not by every command

    rng = np.random.default_rng(LAYOUT_SEED)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    g = int(min(256, max(32, 2 * math.sqrt(n))))
    size = 3 * g
    off = np.arange(-(g - 1), g, dtype=float)
    dx, dy = np.meshgrid(off, off, indexing="ij")
    d2 = dx * dx + dy * dy
    d2[g - 1, g - 1] = np.inf  # no force from a node's own cell
    kernel_x = np.fft.rfft2(dx / d2, s=(size, size))
    kernel_y = np.fft.rfft2(dy / d2, s=(size, size))
    pairs = np.asarray(edges, dtype=np.intp).reshape(-1, 2)
    src, dst = pairs[:, 0], pairs[:, 1]
    inside = slice(g - 1, 2 * g - 1)
    for it in range(iterations):
        lo = pos.min(axis=0)
        span = float((pos.max(axis=0) - lo).max()) or 1.0
        cell = span / (g - 1)
        ij = np.minimum(np.rint((pos - lo) / cell).astype(np.intp), g - 1)
        flat = ij[:, 0] * g + ij[:, 1]
        density = np.fft.rfft2(np.bincount(flat, minlength=g * g).reshape(g, g).astype(float), s=(size, size))
        fx = np.fft.irfft2(density * kernel_x, s=(size, size))[inside, inside].ravel()
        fy = np.fft.irfft2(density * kernel_y, s=(size, size))[inside, inside].ravel()
        disp = np.stack([fx[flat], fy[flat]], axis=1) * (k * k / cell)
        if len(pairs):
            d = pos[src] - pos[dst]
            pull = d * np.sqrt((d * d).sum(axis=1))[:, None] / k
            for c in (0, 1):
                disp[:, c] += np.bincount(dst, weights=pull[:, c], minlength=n)
                disp[:, c] -= np.bincount(src, weights=pull[:, c], minlength=n)
        disp -= pos - pos.mean(axis=0)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-12)[:, None]
        temperature = 0.1 * (1 - it / iterations)
        pos += disp / length * np.minimum(length, temperature)
    return pos


# --------------------------------------------------------------------------- page data


def _segments(sentence: str, forms: Iterable[str]) -> list[str]:
    """Split a sentence into alternating plain / highlighted pieces (plain first).

    The graph keeps a mention's offsets in the report, not in the sentence,
    so the surface forms are searched in the sentence, longest first.
    """
    spans: list[tuple[int, int]] = []
    for form in sorted({f for f in forms if f}, key=lambda f: (-len(f), f)):
        start = sentence.find(form)
        while start >= 0:
            end = start + len(form)
            if all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
            start = sentence.find(form, end)
    out: list[str] = []
    pos = 0
    for a, b in sorted(spans):
        out += [sentence[pos:a], sentence[a:b]]
        pos = b
    out.append(sentence[pos:])
    return out


def furniture(sentence: str) -> int:
    """How much a "sentence" looks like page furniture rather than prose; 0 for a real sentence.

    A web page's header table (``发布机构: | 县司法局 | 有效性: |``), its print and close
    links (``发布时间…来源…字号 打印本页 关闭窗口``) or a signature cell hold names too,
    and kg keeps those mentions, but a reader wants the report's sentences first. One point
    each for: table cells (``|``), two or more ``label:`` fields, the page's own controls
    (print, close, font size, share). One ``label:`` alone is prose (张美群委员: 您提出的…).
    """
    fields = len(_FIELD.findall(sentence))
    return (
        (1 if _CELLS.search(sentence) else 0)
        + (fields if fields >= 2 else 0)
        + (1 if _CONTROLS.search(sentence) else 0)
    )


def _quote(report: int | None, sentence: str, names: Iterable[str]) -> dict[str, Any]:
    """A sentence for the page: its report, its pieces with ``names`` highlighted, its furniture score."""
    quote: dict[str, Any] = {"text": _segments(sentence, names)}
    if report is not None:
        quote["report"] = report
    score = furniture(sentence)
    if score:
        quote["furniture"] = score
    return quote


def _prose_first(quotes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Real sentences first, then furniture by growing score; otherwise in the given order."""
    return sorted(quotes, key=lambda q: q.get("furniture", 0))


class _Ids:
    """Integer ids for the page, in the order the nodes are listed."""

    def __init__(self, iris: Iterable[URIRef]) -> None:
        self.of: dict[URIRef, int] = {}
        for iri in iris:
            self.of.setdefault(iri, len(self.of))

    def __contains__(self, iri: object) -> bool:
        return iri in self.of

    def __getitem__(self, iri: URIRef) -> int:
        return self.of[iri]

    def get(self, iri: URIRef | None) -> int | None:
        return self.of.get(iri) if iri is not None else None


def _payload(model: _Model, keep: set[URIRef], title: str, focus: Iterable[URIRef] = ()) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready data with integer ids.

    ``focus`` (the entities ``kg viz --focus`` names) are listed by id, for the page to
    select and highlight. Each node has a ``rank`` (0: most important, by degree on the
    page, then mentions): the page labels nodes in that order where the labels fit.
    """
    entities = sorted((model.entities[e] for e in keep), key=lambda e: str(e.iri))
    report_iris = sorted({r for e in entities for r in e.reports}, key=str)

    def chain(region: URIRef | None) -> list[URIRef]:
        out: list[URIRef] = []
        while region is not None and region in model.regions and region not in out:
            out.append(region)
            region = model.regions[region].parent
        return out

    region_set = {p for r in report_iris for p in chain(model.reports[r].place)}
    region_set |= {p for e in entities for p in chain(e.scope)}
    regions = sorted(region_set, key=str)
    ids = _Ids([e.iri for e in entities] + report_iris + regions)

    def places_of(*anchors: URIRef | None) -> list[int]:
        return sorted({ids[p] for a in anchors for p in chain(a)})

    nodes = [
        _entity_node(e, ids, places_of(e.scope, *(model.reports[r].place for r in e.reports)))
        for e in entities
    ]
    for r in report_iris:
        rep = model.reports[r]
        nodes.append(
            {
                "id": ids[r],
                "iri": str(r),
                "kind": "report",
                "label": rep.ident,
                "names": [n for n in dict.fromkeys([rep.ident, rep.title]) if n],
                "title": rep.title,
                "year": rep.year,
                "places": places_of(rep.place),
                "place": ids.get(rep.place),
                "entities": sum(1 for e in entities if r in e.reports),
            }
        )
    for p in regions:
        reg = model.regions[p]
        nodes.append(
            {
                "id": ids[p],
                "iri": str(p),
                "kind": "place",
                "label": reg.label,
                "names": [reg.label],
                "level": reg.level,
                "places": places_of(p),
                "parent": ids.get(reg.parent),
            }
        )
    edges = _edges(model, entities, report_iris, regions, ids)
    positions = _layout(len(nodes), [(e["from"], e["to"]) for e in edges])
    for node, (x, y) in zip(nodes, positions, strict=True):
        node["x"], node["y"] = x, y
    for rank, node in enumerate(_by_importance(nodes, edges)):
        node["rank"] = rank
    rels = {name: {"kind": "relation", "label": label} for name, label in RELATIONS.values()}
    rels.update({name: {"kind": kind, "label": label} for name, (kind, label) in LINKS.items()})
    return {
        "title": title,
        "kinds": [{"key": k, "label": lab, "color": col, "shape": shape} for k, lab, col, shape in KINDS],
        "rels": rels,
        # Absent rather than null: a 5,000-node page is parsed faster when it is smaller.
        "nodes": [{k: v for k, v in n.items() if v is not None} for n in nodes],
        "edges": edges,
        "focus": sorted(ids[e] for e in focus if e in ids),
    }


def _by_importance(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nodes by degree on the page, then mentions, label, id.

    The degree counts relations and report mentions, not the links to places (every
    entity of a county has one, which says nothing of its weight).
    """
    degree: dict[int, int] = defaultdict(int)
    for e in edges:
        if e["kind"] == "place":
            continue
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    return sorted(nodes, key=lambda n: (-degree[n["id"]], -n.get("mentions", 0), n["label"], n["id"]))


def _entity_node(e: _Entity, ids: _Ids, places: list[int]) -> dict[str, Any]:
    """An entity with every sentence that mentions it, grouped by report, names highlighted."""
    by_sentence: dict[tuple[URIRef | None, str], list[str]] = {}
    for m in e.mentions:
        if m.sentence:
            by_sentence.setdefault((m.report, m.sentence), []).append(m.surface)
    return {
        "id": ids[e.iri],
        "iri": str(e.iri),
        "kind": e.type.value,
        "label": e.label,
        "names": e.names,
        "mentions": len(e.mentions),
        "reports": sorted(ids[r] for r in e.reports if r in ids),
        "places": places,
        "scope": ids.get(e.scope),
        "itemCount": e.item_count,
        "sentences": _prose_first(
            _quote(ids.get(r), s, [*forms, e.label]) for (r, s), forms in by_sentence.items()
        ),
    }


def _edges(
    model: _Model,
    entities: list[_Entity],
    report_iris: list[URIRef],
    regions: list[URIRef],
    ids: _Ids,
) -> list[dict[str, Any]]:
    """Relation edges with their evidence, plus report→entity and place edges; sorted, numbered."""
    edges: list[dict[str, Any]] = []
    for rel in model.relations:
        if rel.subject not in ids or rel.object not in ids:
            continue
        names = model.entities[rel.subject].names + model.entities[rel.object].names
        evidence = _prose_first(
            {**_quote(ids.get(ev.report), ev.sentence, names), "implicit": ev.implicit} for ev in rel.evidence
        )
        edge = {
            "from": ids[rel.subject],
            "to": ids[rel.object],
            "kind": "relation",
            "rel": RELATIONS[rel.predicate][0],
            "evidence": evidence,
        }
        # Implicit: the report's author is the actor only because the sentence names none.
        if rel.evidence and all(ev.implicit for ev in rel.evidence):
            edge["implicit"] = True
        edges.append(edge)

    def link(src: URIRef, dst: URIRef | None, rel: str) -> None:
        if dst is not None and dst in ids:
            edges.append({"from": ids[src], "to": ids[dst], "kind": LINKS[rel][0], "rel": rel})

    for e in entities:
        for r in e.reports:
            link(r, e.iri, "mentions")
        link(e.iri, e.scope, "scope")
    for r in report_iris:
        link(r, model.reports[r].place, "place")
    for p in regions:
        link(p, model.regions[p].parent, "containedIn")
    edges.sort(key=lambda x: (x["from"], x["to"], x["rel"]))
    for i, edge in enumerate(edges):
        edge["id"] = i
    return edges


# --------------------------------------------------------------------------- HTML


def _script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no ``</script>`` or ``<!--`` can appear."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    # A lone surrogate (rdflib reads "\\uD800" in a graph file as one) cannot be
    # written as UTF-8; as a JSON escape it reaches the page unchanged.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _vis_asset(name: str) -> str:
    """Read a vis-network file from the installed pyvis package without importing pyvis (slow: IPython)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise VizError("pyvis is not installed; install kg with its dependencies (pip install .)")
    path = Path(next(iter(spec.submodule_search_locations))) / VIS_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise VizError(
            f"{path}: cannot read vis-network from pyvis ({e.strerror}); reinstall pyvis 0.3.2"
        ) from None


def asset(name: str) -> str:
    """A file of ``kg/present/assets`` (the pages' templates, scripts and styles)."""
    return resources.files("kg.present").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
    )


def inline_csp(*scripts: str) -> str:
    """The Content-Security-Policy of a page whose only code is these inline scripts: nothing is fetched.

    Raises:
        VizError: a script holds ``</script`` or ``<!--`` and cannot be inlined safely.
    """
    for script in scripts:
        if re.search(r"</script|<!--", script, re.IGNORECASE):
            raise VizError("an inlined script contains '</script' or '<!--'; it cannot be embedded safely")
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_csp_hash(s) for s in scripts),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def fill_page(template: str, title: str, data: Any, scripts: dict[str, str], styles: dict[str, str]) -> str:
    """An offline page: ``template``'s ``@@KG_…@@`` slots filled, its inline scripts allowed by hash.

    ``scripts`` and ``styles`` map slot names to code; the CSP allows exactly
    those scripts, in that order, and nothing is fetched.
    """
    parts = {
        "CSP": html.escape(inline_csp(*scripts.values()), quote=True),
        "TITLE": html.escape(replace_surrogates(title), quote=True),
        **{slot: css.replace("</", "<\\/") for slot, css in styles.items()},
        **scripts,
        "DATA": _script_json(data),
    }
    # One pass, so text substituted for one slot is never scanned for another slot.
    return re.sub(r"@@KG_([A-Z_]+)@@", lambda m: parts[m.group(1)], asset(template))


def _html(payload: dict[str, Any], title: str) -> str:
    scripts = {"VIS_JS": _vis_asset("vis-network.min.js"), "APP_JS": asset("app.js")}
    styles = {"VIS_CSS": _vis_asset("vis-network.css"), "APP_CSS": asset("app.css")}
    return fill_page("template.html", title, payload, scripts, styles)


# --------------------------------------------------------------------------- API


def render(
    graph: Graph,
    out: Path,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: list[str] | None = None,
    report: str | None = None,
    top: int | None = None,
    title: str = TITLE,
) -> dict[str, Any]:
    """Write an interactive, self-contained HTML view of ``graph`` to ``out``.

    Args:
        graph: a graph built by ``kg.rdf.statements`` (a ``Dataset`` is read as the union of its graphs).
        out: the HTML file to write (atomically).
        focus: draw only the entities within ``depth`` relation hops of the entity with
            this name (any surface form: label, alternative label or as written); the page
            opens with that entity selected, highlighted and its panel shown.
        depth: hops around ``focus``.
        types: keep only these entity types (机构 制度 清单 品牌, or Institution, System, List, Brand).
        report: keep only the entities a report mentions (its id, the file stem).
        top: keep the N entities with the most relations (ties: most mentions).
        title: the page title (by default the one ``kg build`` gives its page).

    Returns:
        Counts of what the page holds: nodes, edges, entities, relations, reports, places.

    Raises:
        VizError: the focus name, a type or the report is unknown, or nothing is selected.
        OutputError: ``out`` cannot be written.
    """
    if isinstance(graph, Dataset):
        union = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        graph = union
    model = _read(graph)
    keep, centres = _select(model, focus=focus, depth=depth, types=types, report=report, top=top)
    payload = _payload(model, keep, title, centres)
    write_text(out, _html(payload, title))
    nodes, edges = payload["nodes"], payload["edges"]
    return {
        "path": str(out),
        "nodes": len(nodes),
        "edges": len(edges),
        "entities": sum(1 for n in nodes if n["kind"] not in {"report", "place"}),
        "relations": sum(1 for e in edges if e["kind"] == "relation"),
        "reports": sum(1 for n in nodes if n["kind"] == "report"),
        "places": sum(1 for n in nodes if n["kind"] == "place"),
    }


# The page's escaping and highlighting, shared with kg.present.compare_page.
script_json, segments = _script_json, _segments
