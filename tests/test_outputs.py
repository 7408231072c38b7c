"""kg.corpus.outputs: the graph's parts join into the same files whatever their number; leftovers of killed builds go."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from kg.corpus.cache import Entry, ResultCache
from kg.corpus.collect import collect
from kg.corpus.options import RunOptions
from kg.corpus.outputs import Edges, Part, join_turtle, plan_parts, remove_leftovers, write_part
from kg.io.read import find_inputs
from kg.rdf.serialize import write_turtle

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seed_entries(tmp_path_factory: pytest.TempPathFactory) -> list[Entry]:
    cache = ResultCache(tmp_path_factory.mktemp("entries"))
    return collect(find_inputs([SEEDS]), cache, RunOptions(jobs=1)).entries


def _written(
    entries: list[Entry], folder: Path, count: int
) -> tuple[list[Part], dict[str, bytes], int, dict]:
    folder.mkdir()
    parts = plan_parts(entries, folder, count=count, nquads=True, shared=True, turtle=True)
    triples, entities, edges = 0, {}, Edges()
    for part in parts:
        n, by_type, part_edges = write_part(part)
        triples += n
        for name, k in by_type.items():
            entities[name] = entities.get(name, 0) + k
        edges.update(part_edges)
    entities["relations"] = edges.counts()  # a subject's evidence and its edge may fall in two parts
    files = {s: b"".join(p.file(s).read_bytes() for p in parts) for s in (".nt", ".nq", ".shared.nq")}
    ttl = io.BytesIO()
    join_turtle([p.file(".ttl") for p in parts], ttl)
    files[".ttl"] = ttl.getvalue()
    return parts, files, triples, entities


@pytest.mark.parametrize("count", [2, 5, 40])
def test_any_number_of_parts_joins_into_the_same_files(
    seed_entries: list[Entry], tmp_path: Path, count: int
) -> None:
    _, whole, triples, entities = _written(seed_entries, tmp_path / "one", 1)
    parts, joined, triples_n, entities_n = _written(seed_entries, tmp_path / "many", count)
    assert sum(1 for p in parts if p.file(".nt").stat().st_size) > 1  # really cut
    assert joined == whole
    assert (triples_n, entities_n) == (triples, entities)
    assert triples == whole[".nt"].count(b"\n")
    # One part is what one pass of Turtle over all the N-Triples writes.
    single = io.BytesIO()
    write_turtle(whole[".nt"], single)
    assert whole[".ttl"] == single.getvalue()


def test_a_part_of_the_turtle_without_the_prefixes_is_refused(tmp_path: Path) -> None:
    good, bad = tmp_path / "a.ttl", tmp_path / "b.ttl"
    with open(good, "wb") as f:
        write_turtle(b"<http://a> <http://b> <http://c> .\n", f)
    bad.write_bytes(b"<http://a> <http://b> <http://d> .\n")
    with pytest.raises(ValueError, match="prefixes"):
        join_turtle([good, bad], io.BytesIO())


def test_work_folders_of_dead_builds_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / ".kg-work-999999999-abc"  # no such process
    dead_results = tmp_path / ".kg-results-999999999-def"
    live = tmp_path / f".kg-work-{os.getpid()}-ghi"
    unrelated = tmp_path / ".kg-notes-1-2"
    for folder in (dead, dead_results, live, unrelated):
        folder.mkdir()
        (folder / "graph.nq").write_text("x")
    remove_leftovers(tmp_path)
    assert not dead.exists() and not dead_results.exists()
    assert live.exists() and unrelated.exists()
