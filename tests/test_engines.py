"""kg.corpus.engines: every engine yields the same results; Dask through a real LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.corpus.engines
from kg.api import build
from kg.corpus.engines import EngineError, run_documents
from kg.corpus.options import RunOptions
from kg.corpus.task import DocumentFailure, DocumentResult
from kg.rdf.formats import WRITTEN as FORMATS

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _by_path(outcomes: object) -> dict[str, DocumentResult | DocumentFailure]:
    return {o.path: o for o in outcomes}  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_process_pool_gives_what_one_process_gives(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:3]] + [str(tmp_path / "bad.txt")]
    assert _by_path(run_documents(paths, RunOptions(jobs=2))) == _by_path(
        run_documents(paths, RunOptions(jobs=1))
    )


def test_process_map_keeps_the_order_and_raises_what_a_process_raised() -> None:
    items = ["3", "-1", "10", "0", "7"]
    for jobs in (1, 2):
        with kg.corpus.engines.process_map(int, items, jobs) as results:
            assert list(results) == [3, -1, 10, 0, 7]
    with pytest.raises(ValueError, match="'x'"), kg.corpus.engines.process_map(int, ["1", "x"], 2) as results:
        list(results)


def test_unknown_engines_and_bad_job_counts_are_user_errors() -> None:
    with pytest.raises(EngineError, match="unknown engine"):
        RunOptions(engine="spark")
    with pytest.raises(EngineError, match="--jobs"):
        RunOptions(jobs=0)


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_bytes(seeds_build: Path, tmp_path: Path) -> None:
    """Start a LocalCluster of two worker processes, build the seeds on it, compare with the local build."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "dask"
        summary = build(
            [SEEDS], out, formats=FORMATS, engine="dask", scheduler=cluster.scheduler_address, cache=False
        )
    assert summary.documents == 5
    for name in [*(f"graph.{f}" for f in FORMATS), "mentions.jsonl", "graph.html"]:
        assert (out / name).read_bytes() == (seeds_build / name).read_bytes(), name


def test_an_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.corpus.engines, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(run_documents(["x"], RunOptions(engine="dask", scheduler="tcp://127.0.0.1:9")))
