"""kg load against a small in-process store that speaks the Graph Store Protocol and SPARQL Update.

The real servers (Virtuoso, Oxigraph) are exercised in tests/stores; here a
stdlib HTTP server backed by a pyoxigraph Store checks the protocol choices,
idempotence, chunking and the error messages.
"""

from __future__ import annotations

import base64
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphError
from kg.rdf.ids import SHARED_GRAPH
from kg.sparql import load as kgload
from kg.sparql.load import DEFAULT_GRAPH_IRI, Endpoint, LoadError, load, read_graphs

runner = CliRunner()


class FakeStore(ThreadingHTTPServer):
    """A pyoxigraph Store behind HTTP; ``gsp=False`` answers PUT with 405 like a SPARQL-only endpoint."""

    def __init__(self, gsp: bool = True, auth: tuple[str, str] | None = None, refuse: int | None = None):
        super().__init__(("127.0.0.1", 0), Handler)
        self.store = ox.Store()
        self.gsp = gsp
        self.auth = auth
        self.refuse = refuse
        self.requests: list[tuple[str, str]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def triples(self) -> int:
        return len(self.store)


class Handler(BaseHTTPRequestHandler):
    server: FakeStore

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the test output quiet
        pass

    def _answer(self, status: int, body: bytes = b"") -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length", 0)))

    def _allowed(self, refused: str | None = None) -> bool:
        if self.server.auth is None:
            return True
        token = base64.b64encode(":".join(self.server.auth).encode()).decode()
        if self.headers.get("Authorization") == f"Basic {token}":
            return True
        if refused:
            # Recorded before answering: the client may go on as soon as it reads the 401.
            self.server.requests.append((refused, self.path))
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="fake"')
        self.send_header("Content-Length", "0")
        self.end_headers()
        return False

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self._allowed():
            self._answer(200)

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        body = self._body()
        if not self._allowed(refused="PUT without credentials"):
            return
        self.server.requests.append(("PUT", self.path))
        if self.server.refuse:
            return self._answer(self.server.refuse, b"<html><xmp>SR575: No permission</xmp></html>")
        if not self.server.gsp:
            return self._answer(405, b"PUT is not supported here")
        graph = ox.NamedNode(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0])
        assert self.headers["Content-Type"].startswith("text/turtle")
        existed = self.server.store.contains_named_graph(graph)
        self.server.store.remove_graph(graph) if existed else None
        self.server.store.load(body, format=ox.RdfFormat.TURTLE, to_graph=graph)
        self._answer(204 if existed else 201)

    def do_POST(self) -> None:  # noqa: N802
        body = self._body()
        if not self._allowed():
            return
        form = urllib.parse.parse_qs(body.decode("utf-8"))
        if "query" in form:
            self.server.requests.append(("QUERY", form["query"][0]))
            result = self.server.store.query(form["query"][0])
            return self._answer(200, result.serialize(format=ox.QueryResultsFormat.JSON))
        self.server.requests.append(("POST", form["update"][0]))
        try:
            self.server.store.update(form["update"][0])  # one transaction, as on the Oxigraph server
        except (OSError, SyntaxError) as e:
            return self._answer(400, str(e).encode())
        self._answer(204)


def stored(server: FakeStore) -> set[tuple[str, str]]:
    """(graph, N-Triples statement) of everything on the store."""
    return {(q.graph_name.value, str(q.triple)) for q in server.store}


def expected(graphs: dict[str, list[ox.Triple]]) -> set[tuple[str, str]]:
    return {(g, str(t)) for g, triples in graphs.items() for t in triples}


def changed(graphs: dict[str, list[ox.Triple]]) -> dict[str, list[ox.Triple]]:
    """The same graphs, each with its first triple gone and a new one added."""
    new = ox.NamedNode("http://example.org/new")
    return {g: [*triples[1:], ox.Triple(new, new, ox.Literal(g))] for g, triples in graphs.items()}


@pytest.fixture
def fake() -> Iterator[FakeStore]:
    servers: list[FakeStore] = []

    def make(**kw: object) -> FakeStore:
        s = FakeStore(**kw)  # type: ignore[arg-type]
        threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(s)
        return s

    yield make  # type: ignore[misc]
    for s in servers:
        s.shutdown()
        s.server_close()


def test_read_graphs_keeps_the_named_graphs(small_trig: Path) -> None:
    graphs = read_graphs(small_trig)
    assert str(SHARED_GRAPH) in graphs and len(graphs) == 2
    assert read_graphs(small_trig, "http://example.org/one").keys() == {"http://example.org/one"}


def test_triple_formats_go_to_one_graph(small_ttl: Path, small_trig: Path) -> None:
    graphs = read_graphs(small_ttl)
    assert list(graphs) == [DEFAULT_GRAPH_IRI]
    assert len(graphs[DEFAULT_GRAPH_IRI]) == sum(len(t) for t in read_graphs(small_trig).values())


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        ("missing", GraphError, "no such graph file"),
        ("bad-suffix", GraphError, "unknown RDF format"),
        ("bad-iri", LoadError, "not a valid IRI"),
        ("broken", GraphError, "not valid"),
    ],
)
def test_read_graphs_errors(tmp_path: Path, small_trig: Path, make: str, error: type, message: str) -> None:
    path, iri = small_trig, None
    if make == "missing":
        path = tmp_path / "none.trig"
    elif make == "bad-suffix":
        path = tmp_path / "graph.txt"
        path.write_text("x", encoding="utf-8")
    elif make == "bad-iri":
        iri = "not an iri"
    else:
        path = tmp_path / "broken.ttl"
        path.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(error, match=message):
        read_graphs(path, iri)


def test_graph_store_protocol_load_is_idempotent(fake, small_trig: Path) -> None:
    server = fake()
    graphs = read_graphs(small_trig)
    report = load(graphs, Endpoint(server.url + "/store"))
    assert report.protocol == "gsp" and report.triples == server.triples()
    load(graphs, Endpoint(server.url + "/store"))
    assert server.triples() == report.triples
    assert stored(server) == expected(graphs)
    # Per load: one PUT per graph into a temporary graph, one check, one switch.
    assert [m for m, _ in server.requests] == ["PUT", "PUT", "QUERY", "POST"] * 2
    assert all(path.startswith("/store?graph=urn%3Akg-load%3A") for m, path in server.requests if m == "PUT")


def test_no_graph_store_falls_back_to_update(fake, small_trig: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kgload, "CHUNK", 10)  # several INSERT DATA per graph
    server = fake(gsp=False)
    graphs = read_graphs(small_trig)
    report = load(graphs, Endpoint(server.url + "/store"))
    again = load(graphs, Endpoint(server.url + "/store"))
    assert report.protocol == again.protocol == "update"
    assert server.triples() == report.triples == sum(len(t) for t in graphs.values())
    updates = [body for method, body in server.requests if method == "POST"]
    assert len(updates) > 2 * len(graphs)
    assert updates[0].startswith("INSERT DATA { GRAPH <urn:kg-load:")
    assert updates[-1].startswith("MOVE GRAPH <urn:kg-load:")


def test_update_endpoints_get_sparql_update_directly(fake, small_trig: Path) -> None:
    server = fake()
    report = load(read_graphs(small_trig), Endpoint(server.url + "/update"))
    assert report.protocol == "update"
    assert {m for m, _ in server.requests} == {"POST", "QUERY"}  # no PUT


def test_basic_auth_is_sent_when_asked(fake, small_trig: Path) -> None:
    server = fake(auth=("dba", "secret"))
    graphs = read_graphs(small_trig)
    with pytest.raises(LoadError, match="pass --user and --password"):
        load(graphs, Endpoint(server.url + "/store"))
    with pytest.raises(LoadError, match="refused these credentials"):
        load(graphs, Endpoint(server.url + "/store", "dba", "wrong"))
    server.requests.clear()
    assert load(graphs, Endpoint(server.url + "/store", "dba", "secret")).triples == server.triples()
    # With credentials, the data goes out once, already authenticated: a server
    # that answers 401 before reading a large body would cut the upload.
    assert [m for m, _ in server.requests] == ["PUT", "PUT", "QUERY", "POST"]


def test_forbidden_writes_name_the_reason(fake, small_trig: Path) -> None:
    server = fake(refuse=403)
    with pytest.raises(LoadError, match=r"HTTP 403.*SR575: No permission"):
        load(read_graphs(small_trig), Endpoint(server.url + "/sparql-graph-crud"))


def test_unreachable_and_malformed_endpoints(small_trig: Path) -> None:
    with pytest.raises(LoadError, match="cannot reach"):
        load(read_graphs(small_trig), Endpoint("http://127.0.0.1:9/store", timeout=5))
    with pytest.raises(LoadError, match="not an http"):
        Endpoint("localhost:7878/store")
    with pytest.raises(LoadError, match="together"):
        Endpoint("http://localhost:7878/store", user="dba")


def test_cli_load_reports_what_it_loaded(fake, small_trig: Path) -> None:
    server = fake()
    result = runner.invoke(app, ["load", "--endpoint", server.url + "/store", "--graph", str(small_trig)])
    assert result.exit_code == 0, result.output
    assert f"loaded {server.triples()} triples" in result.output and "2 graphs" in result.output


def test_cli_load_into_one_graph(fake, small_ttl: Path) -> None:
    server = fake()
    result = runner.invoke(
        app,
        [
            "load",
            "--endpoint",
            server.url + "/store",
            "-g",
            str(small_ttl),
            "--graph-iri",
            "http://example.org/kg",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [g.value for g in server.store.named_graphs()] == ["http://example.org/kg"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--endpoint", "http://127.0.0.1:9/store"], "cannot reach"),
        (["--endpoint", "ftp://example.org/"], "not an http(s) URL"),
        (["--endpoint", "http://127.0.0.1:9/store", "--user", "dba"], "give --user and --password together"),
    ],
)
def test_cli_load_user_errors(small_trig: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["load", *args, "--graph", str(small_trig)])
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_load_without_a_graph_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["load", "--endpoint", "http://127.0.0.1:9/store"])
    assert result.exit_code == 1
    assert "no such graph file" in result.output


# --------------------------------------------------------------------------- atomicity


def test_the_switch_is_one_request_that_moves_every_graph(fake, small_trig: Path) -> None:
    server = fake()
    graphs = read_graphs(small_trig)
    load(graphs, Endpoint(server.url + "/store"))
    switch = [body for m, body in server.requests if m == "POST"]
    assert len(switch) == 1
    moves = switch[0].split(" ;\n")
    assert [m.split(" TO GRAPH ")[1] for m in moves] == [f"<{g}>" for g in graphs]
    assert all(m.startswith("MOVE GRAPH <urn:kg-load:") for m in moves)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_load_that_fails_before_the_switch_leaves_the_old_data(
    fake, small_trig: Path, monkeypatch: pytest.MonkeyPatch, protocol: str
) -> None:
    server = fake()
    old = read_graphs(small_trig)
    new = changed(old)
    url = server.url + ("/store" if protocol == "gsp" else "/update")
    load(old, Endpoint(url))

    def fail(*args: object) -> None:
        raise LoadError("injected failure between the upload and the switch")

    monkeypatch.setattr(kgload, "_switch", fail)
    with pytest.raises(LoadError, match="injected"):
        load(new, Endpoint(url))
    assert stored(server) == expected(old)  # the failed load cleaned up after itself

    # Killed there instead (no clean-up): the temporary graphs stay, the targets are old.
    monkeypatch.setattr(kgload, "_drop_quietly", lambda *args: None)
    with pytest.raises(LoadError, match="injected"):
        load(new, Endpoint(url))
    leftovers = {g for g, _ in stored(server)} - set(old)
    assert leftovers and all(g.startswith(kgload.TEMP_PREFIX) for g in leftovers)
    assert {(g, t) for g, t in stored(server) if g in old} == expected(old)

    monkeypatch.undo()
    load(new, Endpoint(url))
    assert stored(server) == expected(new)  # leftovers dropped in the same switch
    load(new, Endpoint(url))
    assert stored(server) == expected(new)


def test_a_lost_temporary_graph_stops_the_switch(
    fake, small_trig: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another load dropped our temporary graphs: Virtuoso would empty the targets, so no switch."""
    server = fake()
    old = read_graphs(small_trig)
    load(old, Endpoint(server.url + "/store"))
    real_put = kgload._put

    def put_then_lose(endpoint: Endpoint, iri: str, triples: list[ox.Triple]) -> tuple[int, bytes]:
        answer = real_put(endpoint, iri, triples)
        server.store.remove_graph(ox.NamedNode(iri))
        return answer

    monkeypatch.setattr(kgload, "_put", put_then_lose)
    with pytest.raises(LoadError, match="not on the store.*keeps its previous data"):
        load(changed(old), Endpoint(server.url + "/store"))
    assert stored(server) == expected(old)


def test_an_empty_graph_clears_its_target(fake, small_trig: Path) -> None:
    server = fake()
    graphs = read_graphs(small_trig)
    load(graphs, Endpoint(server.url + "/store"))
    first, second = list(graphs)
    load({first: graphs[first], second: []}, Endpoint(server.url + "/store"))
    assert stored(server) == expected({first: graphs[first]})


@pytest.mark.parametrize(
    ("url", "update", "query"),
    [
        ("http://h:7878/store", "http://h:7878/update", "http://h:7878/query"),
        ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-auth", "http://h:8890/sparql-auth"),
        ("http://h:8890/sparql-graph-crud", "http://h:8890/sparql", "http://h:8890/sparql"),
        ("http://h:3030/ds/data", "http://h:3030/ds/update", "http://h:3030/ds/query"),
        ("http://h/rdf-graph-store", "http://h/rdf-graph-store", "http://h/rdf-graph-store"),
    ],
)
def test_update_and_query_endpoints_beside_a_graph_store(url: str, update: str, query: str) -> None:
    updater = kgload._sibling_updater(Endpoint(url, "u", "p"))
    assert (updater.url, updater.user, updater.password) == (update, "u", "p")
    assert kgload._querier(updater).url == query
