"""Compare places and years: the library behind ``kg compare``.

Both comparisons are the named queries ``changes-over-years`` and
``places-by-concept`` (``kg/sparql/queries``), run on kg's embedded Oxigraph
store, so a user of a triple store gets the same answers from ``kg query
--name``; this module only selects the reports, shapes the rows and finds
the sentences behind them.

* ``changes_over_years``: for each place with reports of several years,
  what each year adds, drops and keeps against the place's year before.
* ``places_by_concept``: a matrix of places × kinds (or entities without a
  kind), each cell the relations the place's reports state and the item
  count of the latest year that gives one; rows sorted by how many places
  share them.

Selection works like ``kg viz``: ``select`` keeps some reports (by id, or by
place, a region or one that contains it) by removing the others' report
nodes from the store, so every query sees only the kept reports. Outputs
are sorted, so the same graph gives the same answer.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from kg.errors import SelectionError
from kg.model import ONTOLOGY, EntityType, Predicate, types_text
from kg.sparql import named
from kg.sparql.local import default_prefixes

#: Entity type by class IRI.
TYPE_OF = {ONTOLOGY + t.english: t for t in EntityType}
#: Relations a cell can show, in the order of the schema.
CELL_RELATIONS = tuple(p for p in Predicate if p.links)
#: The changes of a year against the year before, in display order.
CHANGES = ("added", "dropped", "kept")


class CompareError(SelectionError):
    """The selection names no report, place or type of the graph."""

    @classmethod
    def no_place(cls, name: str, known: Sequence[str]) -> CompareError:
        listed = "、".join(known[:10]) + ("…" if len(known) > 10 else "")
        return cls(f"no report is about a place named {name!r}; places in the graph: {listed or 'none'}")


def parse_types(names: Iterable[str] | None) -> tuple[EntityType, ...]:
    """Entity types by Chinese label or English name (any case); all types when none is given."""
    by_name = {**{t.value: t for t in EntityType}, **{t.english.casefold(): t for t in EntityType}}
    out = []
    for name in names or ():
        found = by_name.get(name.strip()) or by_name.get(name.strip().casefold())
        if found is None:
            raise CompareError.unknown_type(name, types_text())
        out.append(found)
    return tuple(t for t in EntityType if t in out) if out else tuple(EntityType)


# --------------------------------------------------------------------------- selection


@dataclass(frozen=True, slots=True)
class ReportRef:
    """A report as the comparison sees it: id, place and year ("" when the text states none)."""

    id: str
    place: str
    region: str
    year: str


_REPORTS = """
PREFIX rol: <https://w3id.org/kg-rol/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?r ?id ?region ?place ?year ?around WHERE {
  ?r a rol:Report ; dcterms:identifier ?id .
  OPTIONAL { ?r rol:place ?region . ?region rdfs:label ?place .
             OPTIONAL { ?region schema:containedInPlace* ?a . ?a rdfs:label ?around } }
  OPTIONAL { ?r rol:year ?year }
}"""


def _solutions(store: ox.Store, sparql: str) -> list[ox.QuerySolution]:
    result = store.query(sparql, prefixes=default_prefixes(), use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    return term.value if term is not None else ""


def select(
    store: ox.Store, reports: Sequence[str] | None = None, places: Sequence[str] | None = None
) -> list[ReportRef]:
    """Keep the reports given by id and those about the given places (or a region inside them).

    The other reports' nodes are removed from ``store`` (an in-memory copy), so
    the comparisons see only the kept ones. Returns the kept reports, sorted by id.

    Raises:
        CompareError: a report id or a place names nothing in the graph.
    """
    refs: dict[str, ReportRef] = {}
    around: dict[str, set[str]] = defaultdict(set)
    iri_of: dict[str, ox.NamedNode] = {}
    for s in _solutions(store, _REPORTS):
        ident = _value(s["id"])
        iri_of[ident] = s["r"]
        refs[ident] = ReportRef(ident, _value(s["place"]), _value(s["region"]), _value(s["year"]))
        if s["around"] is not None:
            around[ident].add(s["around"].value)
    keep = set(refs)
    if reports:
        for r in reports:
            if r not in refs:
                raise CompareError.no_report(r, sorted(refs))
        keep &= set(reports)
    if places:
        named_places = {p for names in around.values() for p in names}
        for p in places:
            if p not in named_places:
                raise CompareError.no_place(p, sorted({r.place for r in refs.values() if r.place}))
        keep &= {r for r in refs if around[r] & set(places)}
    for ident in sorted(set(refs) - keep):
        store.update(f"DELETE WHERE {{ {iri_of[ident]} ?p ?o }}")
    return [refs[r] for r in sorted(keep)]


def _run(store: ox.Store, name: str, values: dict[str, str] | None = None) -> list[ox.QuerySolution]:
    return _solutions(store, named.render(named.get(name), values or {}))


def _int(term: ox.Literal | None) -> int | None:
    return int(term.value) if term is not None else None


# --------------------------------------------------------------------------- by year


@dataclass(frozen=True, slots=True, order=True)
class Change:
    """One entity in one of a place's years against the year before: added, dropped or kept."""

    place: str
    region: str
    year_from: str
    year_to: str
    type: str
    item: str
    change: str
    items_from: int | None
    items_to: int | None
    entity: str

    @property
    def count_changed(self) -> bool:
        return self.items_from is not None and self.items_to is not None and self.items_from != self.items_to


def changes_over_years(store: ox.Store, types: Sequence[EntityType] = tuple(EntityType)) -> list[Change]:
    """The rows of the named query ``changes-over-years`` of the given types, sorted."""
    out = []
    for s in _run(store, "changes-over-years"):
        etype = TYPE_OF[s["type"].value]
        if etype not in types:
            continue
        out.append(
            Change(
                place=s["place"].value,
                region=s["region"].value,
                year_from=s["from"].value,
                year_to=s["to"].value,
                type=etype.value,
                item=s["item"].value,
                change=s["change"].value,
                items_from=_int(s["itemsFrom"]),
                items_to=_int(s["itemsTo"]),
                entity=s["entity"].value,
            )
        )
    return sorted(out, key=_change_order)


def _change_order(c: Change) -> tuple[object, ...]:
    types = [t.value for t in EntityType]
    return (
        c.place,
        c.region,
        c.year_from,
        c.year_to,
        types.index(c.type),
        CHANGES.index(c.change),
        c.item,
        c,
    )


# --------------------------------------------------------------------------- by place


@dataclass(frozen=True, slots=True)
class Cell:
    """What the reports of one place say about one row.

    ``relations`` are the relation names (``formulates`` …) its reports state
    with an instance of the row as object, in the schema's order; ``years``
    the years of the reports that name it ("" for a report without one);
    ``items`` the item count of the latest year that gives one, ``items_year`` that year.
    """

    relations: tuple[str, ...]
    years: tuple[str, ...]
    items: int | None = None
    items_year: str = ""


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """A kind (a SKOS concept) or an entity without a kind, and the places that name it."""

    key: str
    label: str
    type: str
    places: int
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Matrix:
    """Places (region IRI, name) as columns, rows sorted by how many places share them."""

    columns: tuple[tuple[str, str], ...]
    rows: tuple[MatrixRow, ...]


def places_by_concept(store: ox.Store, types: Sequence[EntityType] = tuple(EntityType)) -> Matrix:
    """The named query ``places-by-concept`` of the given types, as a matrix."""
    info: dict[str, tuple[str, str]] = {}
    raw: dict[tuple[str, str], list[tuple[str, str, int | None]]] = defaultdict(list)
    columns: dict[str, str] = {}
    for s in _run(store, "places-by-concept"):
        etype = TYPE_OF[s["type"].value]
        if etype not in types:
            continue
        key, region = s["row"].value, s["region"].value
        info[key] = (s["label"].value, etype.value)
        columns[region] = s["place"].value
        relation = s["relation"].value.removeprefix(ONTOLOGY) if s["relation"] is not None else ""
        raw[(key, region)].append((_value(s["year"]), relation, _int(s["items"])))
    cells: dict[str, dict[str, Cell]] = defaultdict(dict)
    for (key, region), facts in raw.items():
        counted = sorted((year, n) for year, _, n in facts if n is not None)
        cells[key][region] = Cell(
            relations=tuple(p.value for p in CELL_RELATIONS if any(r == p.value for _, r, _ in facts)),
            years=tuple(sorted({year for year, _, _ in facts})),
            items=counted[-1][1] if counted else None,
            items_year=counted[-1][0] if counted else "",
        )
    rows = [MatrixRow(key, *info[key], len(cells[key]), dict(sorted(cells[key].items()))) for key in info]
    rows.sort(key=lambda r: (-r.places, [t.value for t in EntityType].index(r.type), r.label, r.key))
    cols = tuple(sorted(columns.items(), key=lambda c: (c[1], c[0])))
    return Matrix(columns=cols, rows=tuple(rows))


# --------------------------------------------------------------------------- sentences


@dataclass(frozen=True, slots=True, order=True)
class Sentence:
    """A sentence that names an entity: the report, its place and year, the text."""

    report: str
    start: int
    region: str
    year: str
    text: str
    names: tuple[str, ...] = ()


_SENTENCES = """
PREFIX rol: <https://w3id.org/kg-rol/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?entity ?row ?report ?region ?year ?start ?sentence ?surface WHERE {
  ?entity rol:hasMention ?m .
  ?m rol:inReport ?r ; rol:sentence ?sentence ; rol:start ?start ; rol:surfaceForm ?surface .
  ?r dcterms:identifier ?report ; rol:place ?region .
  OPTIONAL { ?r rol:year ?year }
  OPTIONAL { ?entity rol:kind ?kind }
  BIND (COALESCE(?kind, ?entity) AS ?row)
}"""


@dataclass(slots=True)
class Sentences:
    """Every mention sentence of the kept reports, by entity and by row (kind or entity)."""

    by_entity: dict[str, list[Sentence]]
    by_row: dict[str, list[Sentence]]

    def of_cell(self, row: str, region: str) -> list[Sentence]:
        return [s for s in self.by_row.get(row, []) if s.region == region]

    def of_change(self, c: Change) -> list[Sentence]:
        return [
            s
            for s in self.by_entity.get(c.entity, [])
            if s.region == c.region and s.year in {c.year_from, c.year_to}
        ]


def sentences(store: ox.Store) -> Sentences:
    """The sentences behind the cells: one per (report, sentence), with the names it holds."""
    found: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    meta: dict[tuple[str, str, str, str], tuple[int, str, str]] = {}
    rows_of: dict[str, set[str]] = defaultdict(set)
    for s in _solutions(store, _SENTENCES):
        entity, row = s["entity"].value, s["row"].value
        rows_of[row].add(entity)
        key = (entity, s["report"].value, s["sentence"].value, s["region"].value)
        found[key].add(s["surface"].value)
        start = int(s["start"].value)
        old = meta.get(key)
        meta[key] = (min(start, old[0]) if old else start, s["region"].value, _value(s["year"]))
    by_entity: dict[str, set[Sentence]] = defaultdict(set)
    for key, names in found.items():
        start, region, year = meta[key]
        by_entity[key[0]].add(Sentence(key[1], start, region, year, key[2], tuple(sorted(names))))
    by_row = {
        row: sorted({s for e in entities for s in by_entity.get(e, ())}) for row, entities in rows_of.items()
    }
    return Sentences({e: sorted(v) for e, v in by_entity.items()}, by_row)


# --------------------------------------------------------------------------- CSV and JSON


def changes_records(changes: Sequence[Change]) -> list[dict[str, object]]:
    return [asdict(c) for c in changes]


def matrix_records(matrix: Matrix) -> list[dict[str, object]]:
    """One record per non-empty cell, rows in matrix order, places by name."""
    names = dict(matrix.columns)
    out: list[dict[str, object]] = []
    for row in matrix.rows:
        for region, cell in sorted(row.cells.items(), key=lambda kv: (names[kv[0]], kv[0])):
            out.append(
                {
                    "row": row.key,
                    "label": row.label,
                    "type": row.type,
                    "places": row.places,
                    "region": region,
                    "place": names[region],
                    "relations": " ".join(cell.relations),
                    "years": " ".join(cell.years),
                    "items": cell.items,
                    "items_year": cell.items_year,
                }
            )
    return out


def to_csv(records: Sequence[dict[str, object]], columns: Sequence[str]) -> str:
    """Records as CSV with a header; a missing value is an empty field."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({k: "" if r.get(k) is None else r[k] for k in columns})
    return buf.getvalue()


CHANGE_COLUMNS = tuple(Change.__dataclass_fields__)
MATRIX_COLUMNS = (
    "row",
    "label",
    "type",
    "places",
    "region",
    "place",
    "relations",
    "years",
    "items",
    "items_year",
)


def to_json(by: str, records: Sequence[dict[str, object]], reports: Sequence[ReportRef]) -> str:
    """The comparison as one JSON document: what was compared, and the rows."""
    doc = {
        "by": by,
        "reports": [asdict(r) for r in reports],
        "reports_without_year": [r.id for r in reports if not r.year],
        "rows": list(records),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --------------------------------------------------------------------------- the whole comparison

BY = ("year", "place")


@dataclass(slots=True)
class Comparison:
    """A comparison by year or by place of the selected reports of a graph."""

    by: str
    reports: list[ReportRef]
    types: tuple[EntityType, ...]
    changes: list[Change] = field(default_factory=list)
    matrix: Matrix = field(default_factory=lambda: Matrix((), ()))
    sentences: Sentences = field(default_factory=lambda: Sentences({}, {}))

    @property
    def without_year(self) -> list[str]:
        return [r.id for r in self.reports if not r.year]

    def records(self) -> list[dict[str, object]]:
        return changes_records(self.changes) if self.by == "year" else matrix_records(self.matrix)

    def to_csv(self) -> str:
        return to_csv(self.records(), CHANGE_COLUMNS if self.by == "year" else MATRIX_COLUMNS)

    def to_json(self) -> str:
        return to_json(self.by, self.records(), self.reports)


def compare(
    store: ox.Store,
    by: str,
    *,
    reports: Sequence[str] | None = None,
    places: Sequence[str] | None = None,
    types: Iterable[str] | None = None,
) -> Comparison:
    """Compare the selected reports of ``store`` (which loses the others) by year or by place.

    Raises:
        CompareError: ``by``, a report, a place or a type names nothing known.
    """
    if by not in BY:
        raise CompareError(f"compare by year or by place, not {by!r}")
    wanted = parse_types(types)
    kept = select(store, reports, places)
    out = Comparison(by, kept, wanted, sentences=sentences(store))
    if by == "year":
        out.changes = changes_over_years(store, wanted)
    else:
        out.matrix = places_by_concept(store, wanted)
    return out
