"""Named SPARQL queries shipped with kg, and safe binding of their parameters.

Each query is a ``kg/sparql/queries/NAME.rq`` file: plain SPARQL 1.1 that declares
its own prefixes, so it runs unchanged on kg's embedded Oxigraph store, an
Oxigraph server or Virtuoso. A header of ``#`` lines gives its title,
description and parameters::

    # title: Institutions by report
    # description: …
    # param: report string  Report id (the file stem), e.g. bohu-2023.
    # param: min_reports integer = 2  Least number of reports.

A parameter binds the variable of the same name. Its value never enters the
query as text a user typed: it becomes an RDF term (built and escaped by
pyoxigraph) in a ``VALUES`` block at the start of the ``WHERE`` clause, or
wherever the query has a marker line ``# VALUES ?name`` (a comment, so the
file stays plain SPARQL). A marker binds the value inside a subquery or a
union branch, where it starts the search: bound outside, it would only filter
the subquery's or the union's finished result, and Oxigraph's optimizer does
not push it in. An unset parameter without a default leaves its variable
free (and its markers comments), so the query lists everything.

The queries are written for Virtuoso 7.2 as well: ASCII variable names, no
``STR()``/``CONCAT()`` over Chinese literals (Virtuoso mangles them), and
``DISTINCT`` or ``COUNT(DISTINCT …)`` wherever one triple may sit in several
graphs. A store's default graph is not portable (Virtuoso's is the union of
every graph, Oxigraph's is empty when data sits in named graphs), so
``render(…, graphs=[…])`` names the dataset with ``FROM`` clauses.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox

from kg.errors import QueryError
from kg.model import ONTOLOGY, EntityType, Predicate, entity_types_text

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

KINDS = ("string", "label", "integer", "relation", "type", "iri")

RELATIONS = tuple(p.value for p in Predicate)

#: An entity type's class name, by its Chinese label or its class name.
TYPES = {**{t.value: t.english for t in EntityType}, **{t.english: t.english for t in EntityType}}

_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<kind>\w+)(?:\s*=\s*(?P<default>\S+))?\s+(?P<doc>.+)$"
)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_MARKER = re.compile(r"^(?P<indent>[ \t]*)#[ \t]*VALUES[ \t]+\?(?P<name>\w+)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of a named query: binds the variable ``?name``."""

    name: str
    kind: str
    default: str | None
    description: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A shipped query with its header parsed."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (its parameters: {known})")


def _files() -> dict[str, str]:
    folder = resources.files("kg.sparql").joinpath("queries")
    return {
        f.name[: -len(".rq")]: f.read_text(encoding="utf-8")
        for f in folder.iterdir()
        if f.name.endswith(".rq")
    }


def parse(name: str, text: str) -> NamedQuery:
    """Read the header of a query file; a malformed header is a bug in kg, so it raises."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, _, value = line.lstrip("#").strip().partition(":")
        value = value.strip()
        if key == "param":
            m = _PARAM.match(value)
            if m is None or m["kind"] not in KINDS:
                raise ValueError(f"{name}.rq: bad parameter line {line!r}")
            params.append(Param(m["name"], m["kind"], m["default"], m["doc"].strip()))
        elif key in {"title", "description"}:
            meta[key] = value
    if "title" not in meta or _WHERE.search(_code(text)) is None:
        raise ValueError(f"{name}.rq: needs a '# title:' line and a WHERE clause")
    declared = {p.name for p in params}
    for m in _MARKER.finditer(text):
        if m["name"] not in declared:
            raise ValueError(f"{name}.rq: marker for undeclared parameter {m['name']!r}")
    return NamedQuery(name, meta["title"], meta.get("description", ""), tuple(params), text)


def all_queries() -> list[NamedQuery]:
    """Every shipped query, sorted by name."""
    return [parse(name, text) for name, text in sorted(_files().items())]


def get(name: str) -> NamedQuery:
    """The query called ``name``; an unknown name suggests the closest ones."""
    files = _files()
    if name not in files:
        close = difflib.get_close_matches(name, files, n=2)
        hint = f" (did you mean {' or '.join(close)}?)" if close else ""
        raise QueryError(f"no named query {name!r}{hint}: `kg query --list` shows them all")
    return parse(name, files[name])


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``["key=value", …]`` from the command line as a dict; the value may hold ``=``."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"--param {pair!r}: write it as key=value")
        if key in out:
            raise QueryError(f"--param {key} is given twice")
        out[key] = value
    return out


def term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term for a parameter value, checked against the parameter's kind."""
    v = value.strip()
    if not v:
        raise QueryError(f"--param {param.name}: the value is empty")
    if param.kind == "string":
        return ox.Literal(v)
    if param.kind == "label":
        return ox.Literal(v, language="zh")
    if param.kind == "integer":
        try:
            return ox.Literal(str(int(v)), datatype=XSD_INTEGER)
        except ValueError:
            raise QueryError(f"--param {param.name}={value}: not a whole number") from None
    if param.kind == "relation":
        local = v.removeprefix("rol:")
        if local not in RELATIONS:
            raise QueryError(f"--param {param.name}={value}: use one of {', '.join(RELATIONS)}")
        return ox.NamedNode(ONTOLOGY + local)
    if param.kind == "type":
        if v.removeprefix("rol:") not in TYPES:
            raise QueryError(f"--param {param.name}={value}: use one of {entity_types_text()}")
        return ox.NamedNode(ONTOLOGY + TYPES[v.removeprefix("rol:")])
    try:
        return ox.NamedNode(v)
    except ValueError as e:
        raise QueryError(f"--param {param.name}={value}: not a valid IRI ({e})") from None


def bindings(query: NamedQuery, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Each bound variable's term: the given values, else the declared defaults."""
    for key in values:
        query.param(key)  # unknown parameter → QueryError naming the known ones
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    for p in query.params:
        raw = values.get(p.name, p.default)
        if raw is not None:
            out[p.name] = term(p, raw)
    return out


def render(
    query: NamedQuery, values: Mapping[str, str] | None = None, graphs: Sequence[str] | None = None
) -> str:
    """The query text with its parameters bound and, when given, its dataset named by FROM.

    ``graphs`` are the IRIs of the graphs that hold kg's data on a server; each
    becomes ``FROM <iri>``, so the query reads exactly those graphs whatever
    the store's default graph is.
    """
    bound = bindings(query, values or {})
    placed: set[str] = set()

    def place(m: re.Match[str]) -> str:
        if m["name"] not in bound:
            return m[0]
        placed.add(m["name"])
        return f"{m['indent']}VALUES ?{m['name']} {{ {bound[m['name']]} }}"

    # Markers first; the outermost WHERE is then found in the text they changed.
    text = _MARKER.sub(place, query.text)
    m = _WHERE.search(_code(text))
    assert m is not None  # parse() checked it
    values_block = "".join(f"\n  VALUES ?{name} {{ {t} }}" for name, t in bound.items() if name not in placed)
    from_block = "".join(f"FROM {ox.NamedNode(g)}\n" for g in graphs or ())
    return text[: m.start()] + from_block + text[m.start() : m.end()] + values_block + text[m.end() :]


def _code(text: str) -> str:
    """The text with comment lines blanked (same length), so offsets still match."""
    return re.sub(r"(?m)^(\s*#.*)$", lambda m: " " * len(m.group(1)), text)


# --------------------------------------------------------------------------- names of entities


class AmbiguousNameError(QueryError):
    """A name that several entities go by, where one was wanted."""

    def __init__(self, name: str, labels: Sequence[str], where: str) -> None:
        self.labels = tuple(labels)
        shown = ", ".join(self.labels[:20]) + (", …" if len(self.labels) > 20 else "")
        super().__init__(
            f"{where}{name!r} names {len(self.labels)} entities: {shown}; give one of these names"
        )


def choose(name: str, exact: Sequence[str], known: Sequence[str], where: str = "") -> str | None:
    """The one canonical name a name stands for, from the canonical names of the entities it matches.

    ``exact``: the entities whose canonical name (rdfs:label) it is; ``known``:
    those that go by it in any way (skos:altLabel, surface forms). A canonical
    name wins over other entities' alternative names; a name that still fits
    several entities raises ``AmbiguousNameError`` listing them (``where``
    opens the message, e.g. ``"--param institution="``); None: no entity.
    """
    for found in (exact, known):
        labels = sorted(set(found))
        if len(labels) == 1:
            return labels[0]
        if labels:
            raise AmbiguousNameError(name, labels, where)
    return None


#: The entity class a parameter of kind ``label`` is restricted to, by the parameter's name.
PARAM_CLASS = {t.english.lower(): t.english for t in EntityType}


def name_lookup(param: Param, name: str, via: str, graphs: Sequence[str] | None = None) -> str:
    """A query for the canonical names (``?label``) of the entities that go by ``name``.

    ``via`` is ``label`` (rdfs:label) or ``altLabel`` (skos:altLabel); the
    entities are of the class the parameter names (institution → rol:Institution),
    else of any entity class. Portable to Virtuoso: no functions over the literals.
    """
    predicate = {"label": "rdfs:label", "altLabel": "skos:altLabel"}[via]
    cls = PARAM_CLASS.get(param.name)
    classes = [cls] if cls else [t.english for t in EntityType]
    # A parameter that names no entity class (place, label) keeps any resource's exact
    # label (a place, a kind): only other names are resolved to an entity's.
    typed = f"  VALUES ?class {{ {' '.join(f'rol:{c}' for c in classes)} }}\n  ?e a ?class .\n"
    if via == "label" and cls is None:
        typed = ""
    v = name.strip()
    terms = f"{ox.Literal(v, language='zh')} {ox.Literal(v)}"
    from_block = "".join(f"FROM {ox.NamedNode(g)}\n" for g in graphs or ())
    return (
        f"PREFIX rol: <{ONTOLOGY}>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        f"SELECT DISTINCT ?label\n{from_block}WHERE {{\n"
        f"  VALUES ?name {{ {terms} }}\n"
        f"{typed}"
        f"  ?e {predicate} ?name ; rdfs:label ?label .\n"
        "}\n"
    )


def describe(query: NamedQuery) -> str:
    """One line per parameter, for ``kg query --list``."""
    parts = []
    for p in query.params:
        default = f" (default {p.default})" if p.default is not None else ""
        parts.append(f"{p.name}={p.kind}{default}")
    return ", ".join(parts)
