"""Push kg's graph into a running triple store over HTTP, and query one.

A load replaces every graph it carries (the shared graph and one per
report) all at once, so an interrupted ``kg load`` leaves the store with the
old data or the new, never half:

1. each graph is uploaded into a temporary graph of its own,
   ``urn:kg-load:<nonce>:<n>``, outside kg's graph base (named queries and
   ``kg query --endpoint`` never read it), with the SPARQL 1.1 Graph Store
   HTTP Protocol (``PUT URL?graph=IRI``, the graph as N-Triples: valid
   Turtle, which every store accepts; Virtuoso's GSP refuses TriG and
   N-Quads), or, for a store or URL that does not speak it, with SPARQL
   Update ``INSERT DATA`` in chunks of 500 triples (Virtuoso 7.2 refuses an
   update that compiles to more than 10,000 lines of SQL, about 1,200
   triples);
2. the store is asked whether every temporary graph is there (a concurrent
   ``kg load`` drops the temporary graphs it finds);
3. one SPARQL Update request drops the temporary graphs an earlier,
   interrupted load left, and moves every temporary graph onto its target
   (``MOVE GRAPH <tmp> TO GRAPH <target>``, which replaces the target).

Until step 3 the targets are untouched; a load killed before it leaves
only temporary graphs, which the next load drops. Oxigraph runs one update
request as one transaction: the switch happens entirely or not at all.
Virtuoso 7.2 runs the operations of a request one after the other and
keeps those done when a later one fails (it does not roll the request
back), and its ``MOVE`` of a graph that does not exist empties the target:
hence step 2, and the switch is one request, which the server completes
even if the client dies after sending it. See the README.

Loading the same data twice leaves the same triples (``MOVE`` replaces).
The update endpoint of a Graph Store URL is its sibling (Oxigraph
``/store`` → ``/update``, Virtuoso ``/sparql-graph-crud-auth`` →
``/sparql-auth``) unless given; step 2 asks the update URL, or ``/query``
beside an ``/update`` one.

Only the standard library is used: ``urllib`` speaks HTTP Digest
authentication (Virtuoso's ``/sparql-graph-crud-auth`` and ``/sparql-auth``)
and Basic (Fuseki, GraphDB).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError, KgError
from kg.rdf.formats import format_of
from kg.rdf.ids import GRAPH_BASE
from kg.sparql.local import RESULT_FORMATS, QueryResult, check_read_only

DEFAULT_GRAPH_IRI = GRAPH_BASE + "all"
"""Where a triple-format file (Turtle, N-Triples, JSON-LD) goes when no --graph-iri is given."""

CHUNK = 500
PROTOCOLS = ("auto", "gsp", "update")
TEMP_PREFIX = "urn:kg-load:"
"""Temporary graphs of a load in progress: ``urn:kg-load:<nonce>:<n>``."""

# Update endpoints beside well-known Graph Store endpoints (last path segment).
_UPDATE_SIBLING = {
    "store": "update",  # Oxigraph
    "sparql-graph-crud-auth": "sparql-auth",  # Virtuoso
    "sparql-graph-crud": "sparql",
    "data": "update",  # Fuseki
}

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
    fmt = format_of(file, "kg build --format trig").oxigraph
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
    """Replace the graphs on the store with the given triples, all in one switch.

    ``protocol`` is how the triples are uploaded: ``gsp`` (Graph Store
    Protocol only), ``update`` (SPARQL Update only) or ``auto``: SPARQL
    Update when the URL is a well-known query/update endpoint, else the Graph
    Store Protocol, falling back to SPARQL Update (at ``update_endpoint`` or
    the same URL) when the URL does not take Graph Store requests. The
    switch is always one SPARQL Update request, at ``update_endpoint``, or
    the update endpoint beside the URL. See the module docstring.
    """
    if protocol not in PROTOCOLS:
        raise LoadError(f"unknown protocol {protocol!r}: use one of {', '.join(PROTOCOLS)}")
    if not graphs:
        raise LoadError("nothing to load")
    use = protocol
    if protocol == "auto":
        use = "update" if _last_segment(endpoint.url) in _UPDATE_SEGMENTS else "gsp"
    nonce = f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{secrets.token_hex(4)}"
    temps = {iri: f"{TEMP_PREFIX}{nonce}:{n}" for n, iri in enumerate(graphs)}
    updater = update_endpoint or (endpoint if use == "update" else _sibling_updater(endpoint))
    first = True
    try:
        for iri, triples in graphs.items():
            if not triples:
                continue  # nothing to upload: the switch drops the target
            if use == "gsp":
                status, body = _put(endpoint, temps[iri], triples)
                if status in _NO_GSP and protocol == "auto" and first:
                    use = "update"
                    updater = update_endpoint or endpoint
                else:
                    _check(endpoint, status, body, "Graph Store request")
            if use == "update":
                _insert(updater, temps[iri], triples)
            first = False
        full = {iri: temps[iri] for iri, triples in graphs.items() if triples}
        leftovers = _check_uploaded(_querier(updater), full, nonce)
        _switch(updater, temps, {iri for iri, triples in graphs.items() if not triples}, leftovers)
    except BaseException:
        _drop_quietly(updater, temps.values())
        raise
    return LoadReport(
        endpoint.url if use == "gsp" else updater.url, use, {iri: len(t) for iri, t in graphs.items()}
    )


def _last_segment(url: str) -> str:
    return urllib.parse.urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


def _with_last_segment(endpoint: Endpoint, segment: str) -> Endpoint:
    parts = urllib.parse.urlsplit(endpoint.url)
    head = parts.path.rstrip("/").rsplit("/", 1)[0]
    url = urllib.parse.urlunsplit(parts._replace(path=f"{head}/{segment}"))
    return Endpoint(url, endpoint.user, endpoint.password, endpoint.timeout)


def _sibling_updater(gsp: Endpoint) -> Endpoint:
    """The SPARQL Update endpoint beside a Graph Store one (else the same URL)."""
    sibling = _UPDATE_SIBLING.get(_last_segment(gsp.url))
    return _with_last_segment(gsp, sibling) if sibling else gsp


def _querier(updater: Endpoint) -> Endpoint:
    """Where to ask about the temporary graphs: ``/query`` beside ``/update``, else the update URL."""
    return _with_last_segment(updater, "query") if _last_segment(updater.url) == "update" else updater


def _ntriples(triples: Sequence[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _put(endpoint: Endpoint, iri: str, triples: Sequence[ox.Triple]) -> tuple[int, bytes]:
    # N-Triples is a subset of Turtle; text/turtle is the one type every GSP server takes.
    return endpoint.request("PUT", {"graph": iri}, _ntriples(triples), "text/turtle; charset=utf-8")


def _update(endpoint: Endpoint, sparql: str, what: str = "SPARQL Update") -> None:
    status, body = endpoint.request(
        "POST",
        body=urllib.parse.urlencode({"update": sparql}).encode("utf-8"),
        content_type="application/x-www-form-urlencoded",
    )
    _check(endpoint, status, body, what)


def _insert(endpoint: Endpoint, iri: str, triples: Sequence[ox.Triple]) -> None:
    """Add ``triples`` to graph ``iri`` with INSERT DATA, CHUNK triples per request."""
    graph = ox.NamedNode(iri)
    for start in range(0, len(triples), CHUNK):
        data = _ntriples(triples[start : start + CHUNK]).decode("utf-8")
        _update(endpoint, f"INSERT DATA {{ GRAPH {graph} {{\n{data}}} }}")


def _check_uploaded(querier: Endpoint, temps: dict[str, str], nonce: str) -> list[str]:
    """Fail unless every temporary graph holds triples; return the other loads' leftovers.

    A ``MOVE`` from a graph that is not there would empty the target on
    Virtuoso, so the switch is only sent when all of them are.
    """
    found = select(
        querier,
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{TEMP_PREFIX}")) }}',
    )[1]
    graphs = {row[0].value for row in found if isinstance(row[0], ox.NamedNode)}
    missing = sorted(set(temps.values()) - graphs)
    if missing:
        raise LoadError(
            f"{querier.url}: {len(missing)} of the {len(temps)} uploaded graphs are not on the store "
            "(another kg load running at the same time?); the store keeps its previous data"
        )
    return sorted(g for g in graphs if not g.startswith(f"{TEMP_PREFIX}{nonce}:"))


def _switch(updater: Endpoint, temps: dict[str, str], empty: set[str], leftovers: list[str]) -> None:
    """One request: drop earlier loads' leftovers, then move every temporary graph onto its target."""
    ops = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in leftovers]
    for iri, tmp in temps.items():
        if iri in empty:
            ops.append(f"DROP SILENT GRAPH {ox.NamedNode(iri)}")
        else:
            ops.append(f"MOVE GRAPH {ox.NamedNode(tmp)} TO GRAPH {ox.NamedNode(iri)}")
    _update(updater, " ;\n".join(ops), "switching to the new graphs (one SPARQL Update request)")


def _drop_quietly(updater: Endpoint, graphs: Iterable[str]) -> None:
    """Best effort after a failed load: drop its temporary graphs (the next load would anyway)."""
    quick = Endpoint(updater.url, updater.user, updater.password, timeout=10)
    try:
        _update(quick, " ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in graphs))
    except Exception:  # noqa: BLE001 - the original error is the one to report
        pass


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
    """Run a read-only SELECT or ASK on a SPARQL endpoint, like ``kg.sparql.local.run`` does locally.

    For csv, tsv and json, ``raw`` holds the W3C serialisation that a local
    query writes (Oxigraph's), made from the server's JSON answer: servers
    quote CSV their own way (Virtuoso quotes every value), and the same answer
    must give the same bytes wherever it comes from. Only a query is sent: a
    server may run an update it gets as a query.
    """
    check_read_only(sparql, strict=True)
    body = _post_query(endpoint, sparql, _ACCEPT["json"])
    if fmt in RESULT_FORMATS:
        try:
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as e:
            raise LoadError(f"{endpoint.url}: the answer is not a SPARQL JSON result ({e})") from None
        raw = parsed.serialize(format=RESULT_FORMATS[fmt]) or b""
        kind = "ask" if isinstance(parsed, ox.QueryBoolean) else "select"
        return QueryResult(kind=kind, variables=(), rows=(), raw=raw)
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
