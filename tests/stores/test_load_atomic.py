"""An interrupted kg load leaves the real store with the old data or the new, never half.

Against Virtuoso 7.2 and the Oxigraph server: the seeds' graphs are loaded
(the old data), then a changed copy (each graph loses one triple and gains
a marker) is loaded and interrupted, by a failure injected between the
upload and the switch, or by SIGKILL of a ``kg load`` process at several
points. Every graph must then be entirely old or, for a kill that came
after the switch was sent, entirely new, all of them alike; the next full
load gives exactly the new data and drops the temporary graphs.

The graphs are renamed under http://example.org/kg-atomic/ so the other
store tests, which read kg's own graphs, never see them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from servers import Server

from kg.sparql import load as kgload
from kg.sparql.load import Endpoint, LoadError, count_triples, load, read_graphs, remote_query, select

pytestmark = [pytest.mark.stores, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://example.org/kg-atomic/"
MARK = ox.NamedNode("http://example.org/kg-atomic/marker")

Graphs = dict[str, list[ox.Triple]]


@pytest.fixture(scope="module")
def old(seeds_build: Path) -> Graphs:
    graphs = read_graphs(seeds_build / "graph.trig")
    return {f"{BASE}{n}": triples for n, triples in enumerate(graphs.values())}


@pytest.fixture(scope="module")
def new(old: Graphs) -> Graphs:
    """Each graph without its first triple that has an IRI object, and with a marker triple."""
    out = {}
    for g, triples in old.items():
        gone = next(t for t in triples if isinstance(t.object, ox.NamedNode))
        out[g] = [t for t in triples if t != gone] + [ox.Triple(MARK, MARK, ox.NamedNode(g))]
    return out


def removed(old: Graphs, g: str) -> ox.Triple:
    return next(t for t in old[g] if isinstance(t.object, ox.NamedNode))


def gsp(server: Server) -> Endpoint:
    return Endpoint(server.gsp_url, server.user, server.password)


def ask(server: Server, sparql: str) -> bool:
    return bool(remote_query(Endpoint(server.query_url), sparql).boolean)


def settled_state(server: Server, old: Graphs, new: Graphs) -> list[str]:
    """``state`` once the server has finished a request the killed client had sent.

    ``state`` reads the graphs one query at a time; the switch, one SPARQL
    Update the server may still be applying after the client died, can
    commit between two of them, and the reading would mix the snapshots
    before and after it. Two equal readings in a row are one snapshot.
    """
    seen = state(server, old, new)
    for _ in range(50):
        time.sleep(0.2)
        again = state(server, old, new)
        if again == seen:
            return seen
        seen = again
    return seen


def state(server: Server, old: Graphs, new: Graphs) -> list[str]:
    """For each graph: "old", "new", or what is wrong with it."""
    q = Endpoint(server.query_url)
    out = []
    for g in old:
        n = count_triples(q, [g])
        has_mark = ask(server, f"ASK {{ GRAPH <{g}> {{ {MARK} {MARK} <{g}> }} }}")
        has_gone = ask(server, f"ASK {{ GRAPH <{g}> {{ {removed(old, g)} }} }}")
        if (n, has_mark, has_gone) == (len(old[g]), False, True):
            out.append("old")
        elif (n, has_mark, has_gone) == (len(new[g]), True, False):
            out.append("new")
        else:
            out.append(f"broken: {n} triples, marker {has_mark}, removed triple {has_gone}")
    return out


def temporary_graphs(server: Server) -> list[str]:
    _, rows = select(
        Endpoint(server.query_url),
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{kgload.TEMP_PREFIX}")) }}',
    )
    return sorted(r[0].value for r in rows if r[0] is not None)


@pytest.fixture
def loaded_old(server: Server, old: Graphs, new: Graphs) -> Iterator[Server]:
    load(old, gsp(server))
    assert state(server, old, new) == ["old"] * len(old)
    assert temporary_graphs(server) == []
    yield server


def test_a_failure_before_the_switch_keeps_the_old_data(
    loaded_old: Server, old: Graphs, new: Graphs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*args: object) -> None:
        raise LoadError("injected: the load dies between the upload and the switch")

    monkeypatch.setattr(kgload, "_switch", killed)
    monkeypatch.setattr(kgload, "_drop_quietly", lambda *args: None)  # as dead as a SIGKILL
    with pytest.raises(LoadError, match="injected"):
        load(new, gsp(loaded_old))
    assert state(loaded_old, old, new) == ["old"] * len(old)
    assert len(temporary_graphs(loaded_old)) == len(new)  # the upload was complete

    monkeypatch.undo()
    load(new, gsp(loaded_old))
    assert state(loaded_old, old, new) == ["new"] * len(new)
    assert temporary_graphs(loaded_old) == []
    load(new, gsp(loaded_old))  # again: the same triples, no more
    assert state(loaded_old, old, new) == ["new"] * len(new)


def test_sparql_update_upload_switches_the_same_way(loaded_old: Server, old: Graphs, new: Graphs) -> None:
    updater = Endpoint(loaded_old.update_url, loaded_old.user, loaded_old.password)
    assert load(new, updater).protocol == "update"
    assert state(loaded_old, old, new) == ["new"] * len(new)
    load(old, updater)
    assert state(loaded_old, old, new) == ["old"] * len(old)
    assert temporary_graphs(loaded_old) == []


# When to kill: once a temporary graph is on the store (mid-upload), or after a delay.
KILLS = ["uploading", 0.5, 1.2, 2.5]


@pytest.mark.parametrize("when", KILLS, ids=[str(k) for k in KILLS])
def test_sigkill_of_kg_load_leaves_old_or_new(
    loaded_old: Server, old: Graphs, new: Graphs, tmp_path: Path, when: str | float
) -> None:
    path = tmp_path / "new.nq"
    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g)) for g, ts in new.items() for t in ts]
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    auth = ["--user", loaded_old.user, "--password", loaded_old.password] if loaded_old.user else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "load", "--endpoint", loaded_old.gsp_url, "--graph", str(path), *auth],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if when == "uploading":
        deadline = time.monotonic() + 120
        while not temporary_graphs(loaded_old) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "kg load ended before it could be killed mid-upload"
    else:
        time.sleep(float(when))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)

    seen = settled_state(loaded_old, old, new)
    assert seen in (["old"] * len(old), ["new"] * len(new)), seen
    if when == "uploading":
        assert seen == ["old"] * len(old)

    load(new, gsp(loaded_old))
    assert state(loaded_old, old, new) == ["new"] * len(new)
    assert temporary_graphs(loaded_old) == []
