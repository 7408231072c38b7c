"""Push kg's graph into a running triple store over HTTP, and query one.

Loading uses the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT
URL?graph=IRI`` per graph (the shared graph and one per report), with the
graph as N-Triples (valid Turtle, which every store accepts; Virtuoso's GSP
refuses TriG and N-Quads). ``PUT`` replaces the graph, so loading the same
data twice leaves the same triples. A store, or a URL, that does not speak the
Graph Store Protocol gets SPARQL Update instead: ``DROP SILENT GRAPH`` then
``INSERT DATA`` in chunks of 500 triples (Virtuoso 7.2 refuses an update
that compiles to more than 10,000 lines of SQL, about 1,200 triples).

Only the standard library is used: ``urllib`` speaks HTTP Digest
authentication (Virtuoso's ``/sparql-graph-crud-auth`` and ``/sparql-auth``)
and Basic (Fuseki, GraphDB).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError, KgError
from kg.ids import GRAPH_BASE
from kg.rdf_files import graph_file_format
from kg.sparql import FORMATS, QueryResult, check_read_only

DEFAULT_GRAPH_IRI = GRAPH_BASE + "all"
"""Where a triple-format file (Turtle, N-Triples, JSON-LD) goes when no --graph-iri is given."""

CHUNK = 500
PROTOCOLS = ("auto", "gsp", "update")

# The last path segment of well-known SPARQL query/update endpoints: Virtuoso
# /sparql and /sparql-auth, Oxigraph /update, Fuseki /ds/update. A PUT sent
# there is not a Graph Store request (Virtuoso even leaves it hanging), so
# "auto" goes straight to SPARQL Update for them.
_UPDATE_SEGMENTS = {"sparql", "sparql-auth", "update"}
# Answers that mean "no Graph Store Protocol here", after which "auto" falls
# back to SPARQL Update.
_NO_GSP = {404, 405, 406, 415, 501}

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class LoadError(KgError):
    """The store cannot be reached, refused the data, or answered with an error."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where to send requests, and as whom."""

    url: str
    user: str | None = None
    password: str | None = None
    timeout: float = 300.0

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise LoadError(f"{self.url}: not an http(s) URL (for example http://localhost:7878/store)")
        if (self.user is None) != (self.password is None):
            raise LoadError("give --user and --password together")

    def _opener(self) -> urllib.request.OpenerDirector:
        if self.user is None:
            return urllib.request.build_opener()
        parts = urllib.parse.urlsplit(self.url)
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", self.user, self.password or "")
        return urllib.request.build_opener(
            urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)
        )

    def request(
        self,
        method: str,
        query: dict[str, str] | None = None,
        body: bytes | None = None,
        content_type: str | None = None,
        accept: str | None = None,
    ) -> tuple[int, bytes]:
        """Send one request; return (status, body) for any HTTP answer, raise LoadError if none."""
        url = self.url
        if query:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(query)
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if accept:
            req.add_header("Accept", accept)
        try:
            if body and self.user is not None:
                # A server that answers 401 before reading the body (Virtuoso)
                # closes the connection mid-upload, and urllib reports a broken
                # pipe instead of retrying with credentials: authenticate first.
                header = self._authorization(url, method)
                if header:
                    req.add_header("Authorization", header)
            with self._opener().open(req, timeout=self.timeout) as resp:
                return int(resp.status), resp.read()
        except urllib.error.HTTPError as e:
            return int(e.code), e.read()
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise LoadError(f"cannot reach {self.url}: {reason}") from None

    def _authorization(self, url: str, method: str) -> str | None:
        """An Authorization header for ``method url``, from the challenge of a bodiless GET.

        None when the server asks for no credentials (or for a scheme urllib
        cannot answer), in which case the handlers of ``_opener`` take over.
        """
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="GET"), timeout=self.timeout):
                return None
        except urllib.error.HTTPError as e:
            challenge = e.headers.get("WWW-Authenticate", "") if e.code == 401 else ""
        scheme, _, params = challenge.partition(" ")
        if scheme.lower() == "basic":
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
            return f"Basic {token}"
        if scheme.lower() == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, self.user, self.password or "")
            handler = urllib.request.HTTPDigestAuthHandler(passwords)
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
            auth = handler.get_authorization(urllib.request.Request(url, method=method), fields)
            return f"Digest {auth}" if auth else None
        return None


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What ``load`` sent: triples per graph, and the protocol that took them."""

    endpoint: str
    protocol: str
    graphs: dict[str, int]

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def read_graphs(path: str | Path, graph_iri: str | None = None) -> dict[str, list[ox.Triple]]:
    """The triples of a graph file, grouped by the graph they go to, parsed by Oxigraph.

    TriG and N-Quads keep their graphs unless ``graph_iri`` gathers
    everything into one; triple formats go to ``graph_iri`` or
    ``DEFAULT_GRAPH_IRI``.
    """
    file = Path(path)
    fmt = FORMATS[graph_file_format(file, "kg build --format trig")]
    if graph_iri is not None:
        try:
            ox.NamedNode(graph_iri)
        except ValueError as e:
            raise LoadError(f"--graph-iri {graph_iri}: not a valid IRI ({e})") from None
    out: dict[str, dict[ox.Triple, None]] = {}
    try:
        for q in ox.parse(path=str(file), format=fmt):
            name = q.graph_name
            target = graph_iri or (name.value if isinstance(name, ox.NamedNode) else DEFAULT_GRAPH_IRI)
            out.setdefault(target, {})[q.triple] = None
    except SyntaxError as e:
        raise GraphError(f"{file}: not valid {fmt.name}: {e}") from None
    except OSError as e:
        raise GraphError(f"{file}: cannot read ({e})") from None
    if not out:
        raise GraphError(f"{file}: holds no triples")
    return {g: sorted(ts, key=str) for g, ts in sorted(out.items())}


def load(
    graphs: dict[str, list[ox.Triple]],
    endpoint: Endpoint,
    protocol: str = "auto",
    update_endpoint: Endpoint | None = None,
) -> LoadReport:
    """Replace each graph on the store with the given triples.

    ``protocol`` is ``gsp`` (Graph Store Protocol only), ``update`` (SPARQL
    Update only) or ``auto``: SPARQL Update when the URL is a well-known
    query/update endpoint, else the Graph Store Protocol, falling back to
    SPARQL Update (at ``update_endpoint`` or the same URL) when the URL does
    not take Graph Store requests.
    """
    if protocol not in PROTOCOLS:
        raise LoadError(f"unknown protocol {protocol!r}: use one of {', '.join(PROTOCOLS)}")
    if not graphs:
        raise LoadError("nothing to load")
    last = urllib.parse.urlsplit(endpoint.url).path.rstrip("/").rsplit("/", 1)[-1]
    use = protocol
    if protocol == "auto":
        use = "update" if last in _UPDATE_SEGMENTS else "gsp"
    updater = update_endpoint or endpoint
    sent: dict[str, int] = {}
    for iri, triples in graphs.items():
        if use == "gsp":
            status, body = _put(endpoint, iri, triples)
            if status in _NO_GSP and protocol == "auto" and not sent:
                use = "update"
            else:
                _check(endpoint, status, body, "Graph Store request")
        if use == "update":
            _replace_by_update(updater, iri, triples)
        sent[iri] = len(triples)
    return LoadReport(endpoint.url if use == "gsp" else updater.url, use, sent)


def _ntriples(triples: Sequence[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _put(endpoint: Endpoint, iri: str, triples: Sequence[ox.Triple]) -> tuple[int, bytes]:
    # N-Triples is a subset of Turtle; text/turtle is the one type every GSP server takes.
    return endpoint.request("PUT", {"graph": iri}, _ntriples(triples), "text/turtle; charset=utf-8")


def _replace_by_update(endpoint: Endpoint, iri: str, triples: Sequence[ox.Triple]) -> None:
    graph = ox.NamedNode(iri)
    first = True
    for start in range(0, max(len(triples), 1), CHUNK):
        chunk = triples[start : start + CHUNK]
        parts = [f"DROP SILENT GRAPH {graph}"] if first else []
        if chunk:
            data = _ntriples(chunk).decode("utf-8")
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n{data}}} }}")
        first = False
        status, body = endpoint.request(
            "POST",
            body=urllib.parse.urlencode({"update": " ;\n".join(parts)}).encode("utf-8"),
            content_type="application/x-www-form-urlencoded",
        )
        _check(endpoint, status, body, "SPARQL Update")


def _check(endpoint: Endpoint, status: int, body: bytes, what: str) -> None:
    if 200 <= status < 300:
        return
    detail = _first_line(body)
    if status == 401:
        hint = (
            "the store refused these credentials"
            if endpoint.user
            else "the store wants credentials: pass --user and --password"
        )
        raise LoadError(f"{endpoint.url}: {what} refused (HTTP 401): {hint}")
    if status == 403:
        raise LoadError(
            f"{endpoint.url}: {what} refused (HTTP 403, not allowed to write): {detail}"
            " (on Virtuoso use /sparql-graph-crud-auth or /sparql-auth with --user and --password)"
        )
    raise LoadError(f"{endpoint.url}: {what} failed (HTTP {status}): {detail}")


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace")
    for marker in ("<xmp>", "<pre>"):  # Virtuoso wraps its message in an HTML page
        if marker in text:
            text = text.split(marker, 1)[1]
    lines = [ln.strip() for ln in text.replace("</xmp>", "\n").splitlines() if ln.strip()]
    return lines[0][:200] if lines else "(no message)"


# --------------------------------------------------------------------------- query


_ACCEPT = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


def _post_query(endpoint: Endpoint, sparql: str, accept: str) -> bytes:
    status, body = endpoint.request(
        "POST",
        body=urllib.parse.urlencode({"query": sparql}).encode("utf-8"),
        content_type="application/x-www-form-urlencoded",
        accept=accept,
    )
    _check(endpoint, status, body, "SPARQL query")
    return body


def select(endpoint: Endpoint, sparql: str) -> tuple[tuple[str, ...], list[tuple[Term | None, ...]]]:
    """Run a SELECT on a SPARQL endpoint; the variables and rows as Oxigraph terms."""
    result = remote_query(endpoint, sparql)
    return result.variables, list(result.rows)


def remote_query(endpoint: Endpoint, sparql: str, fmt: str = "table") -> QueryResult:
    """Run a read-only SELECT or ASK on a SPARQL endpoint, like ``kg.sparql.run`` does locally.

    For csv, tsv and json the endpoint's own W3C serialisation is kept in ``raw``.
    """
    check_read_only(sparql)
    if fmt in _ACCEPT:
        return QueryResult(
            kind="select", variables=(), rows=(), raw=_post_query(endpoint, sparql, _ACCEPT[fmt])
        )
    body = _post_query(endpoint, sparql, _ACCEPT["json"])
    try:
        data = json.loads(body)
        if "boolean" in data:
            return QueryResult(kind="ask", variables=("result",), rows=(), boolean=bool(data["boolean"]))
        variables = tuple(data["head"]["vars"])
        rows = tuple(tuple(_term(b.get(v)) for v in variables) for b in data["results"]["bindings"])
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise LoadError(
            f"{endpoint.url}: the answer is not a SPARQL JSON result ({e}); is it a SELECT or ASK?"
        ) from None
    return QueryResult(kind="select", variables=variables, rows=rows)


def _term(binding: dict[str, str] | None) -> Term | None:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


def kg_graphs(endpoint: Endpoint) -> list[str]:
    """The graphs on a store that hold kg data (those under kg's graph base IRI)."""
    _, rows = select(
        endpoint,
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s a ?c }} FILTER(STRSTARTS(STR(?g), "{GRAPH_BASE}")) }}',
    )
    return sorted(r[0].value for r in rows if isinstance(r[0], ox.NamedNode))


def count_triples(endpoint: Endpoint, graphs: Iterable[str]) -> int:
    """How many triples the store holds in ``graphs`` (counted graph by graph)."""
    total = 0
    for g in graphs:
        _, rows = select(
            endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ox.NamedNode(g)} {{ ?s ?p ?o }} }}"
        )
        cell = rows[0][0] if rows else None
        total += int(cell.value) if isinstance(cell, ox.Literal) else 0
    return total
