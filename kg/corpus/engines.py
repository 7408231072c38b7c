"""Where ``process_document`` runs: in this process, in a pool of processes, or on Dask.

Every engine runs the same top-level function on file paths and yields its
results as they complete; the build sorts and merges them afterwards, so the
output does not depend on the engine, the number of workers or the order of
completion. At most a few tasks per worker are in flight, so a corpus of
any size is fed without holding its results in memory.

* ``local`` with ``jobs=1``: a plain loop, no extra process.
* ``local`` with ``jobs=N``: a ``ProcessPoolExecutor`` of N workers started
  by a fork server; each worker loads jieba's dictionary once.
* ``dask``: a ``distributed`` cluster at ``scheduler`` (``tcp://host:8786``),
  or a ``LocalCluster`` of ``jobs`` worker processes when no address is given.
  Workers must have kg installed and see the input files at the same paths
  (a shared file system); results travel back to this process.

``process_map`` runs any function over a few items in a local pool: the
parts of the merge (``kg.corpus.outputs``), whatever the engine.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from itertools import islice
from multiprocessing.connection import wait as wait_for
from typing import Any, TypeVar

from kg.corpus.options import ENGINES, EngineError, RunOptions
from kg.corpus.task import DocumentFailure, DocumentResult, process_document, warm_up

__all__ = ["ENGINES", "EngineError", "default_jobs", "process_map", "run_documents"]
#: Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT = 4
#: How long to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = "20s"

Outcome = DocumentResult | DocumentFailure
#: What runs on each path: ``(path, max_bytes) -> result``.
Task = Callable[[str, int], Any]
T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_documents(
    paths: Sequence[str], run: RunOptions | None = None, task: Task | None = None
) -> Iterator[Any]:
    """``task(path, max_bytes)`` (default ``process_document``) on every path, yielded in order of completion.

    ``task`` must be picklable (a module-level function or a partial of
    one). Closing the iterator early (``--strict`` after a bad file) cancels
    the tasks that have not started.
    """
    run = run or RunOptions()
    task = task or process_document
    workers = run.jobs if run.jobs is not None else default_jobs()
    if run.engine == "dask":
        return _dask(task, paths, workers, run.scheduler, run.max_bytes)
    if workers == 1 or len(paths) <= 1:
        return (task(p, run.max_bytes) for p in paths)
    return _pool(task, paths, min(workers, len(paths)), run.max_bytes)


@contextmanager
def process_map(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[Iterator[R]]:
    """``fn`` of each item, started at once in up to ``jobs`` processes; the results come in order.

    The caller may do other work before reading the results. With one job
    or one item, everything runs in this process as the results are read.
    ``fn`` must be a module-level function and the items picklable; an
    exception in a process is raised where its result is read.
    """
    if jobs <= 1 or len(items) <= 1:
        yield map(fn, items)
        return
    context = _forkserver()
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(items)), mp_context=context, initializer=_start_worker
    ) as pool:
        yield pool.map(fn, items)


def _forkserver() -> multiprocessing.context.ForkServerContext:
    """The fork server context, its server started with Ctrl-C ignored.

    Workers forked from it then ignore Ctrl-C from their first instruction:
    one interrupted while it starts would break the pool. The build itself
    still stops on Ctrl-C, and stops its pool.
    """
    context = multiprocessing.get_context("forkserver")
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            multiprocessing.forkserver.ensure_running()
        finally:
            signal.signal(signal.SIGINT, previous)
    return context


def _start_worker(prepare: Callable[[], None] | None = None) -> None:
    """Make a pool worker exit when the process that started it dies, then ``prepare`` it.

    A pool's workers otherwise outlive a build that was killed (SIGKILL, or
    the machine's out-of-memory killer): they wait for work forever and hold
    the build's memory, the fork server and the terminal's output. Ctrl-C
    is left to the build, which stops its pool (``_forkserver``).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:

        def exit_with_parent() -> None:
            wait_for([parent.sentinel])
            os._exit(1)

        threading.Thread(target=exit_with_parent, name="kg-exit-with-parent", daemon=True).start()
    if prepare is not None:
        prepare()


def _pool(task: Task, paths: Sequence[str], workers: int, max_bytes: int) -> Iterator[Any]:
    context = _forkserver()
    todo = iter(paths)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(warm_up,)
    ) as pool:
        running: set[Future[Any]] = {
            pool.submit(task, p, max_bytes) for p in islice(todo, workers * IN_FLIGHT)
        }
        try:
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    following = next(todo, None)
                    if following is not None:
                        running.add(pool.submit(task, following, max_bytes))
                    yield future.result()
        finally:
            for future in running:
                future.cancel()


def _dask(
    task: Task, paths: Sequence[str], workers: int, scheduler: str | None, max_bytes: int
) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster, as_completed  # optional: the extra kg[dask]
    except ImportError:
        raise EngineError("the dask engine needs dask.distributed: pip install 'kg[dask]'") from None
    cluster: Any = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise EngineError(
            f"cannot reach the Dask scheduler at {scheduler or 'a local cluster'} ({e})"
        ) from None
    todo = iter(paths)
    window = max(1, sum(client.nthreads().values()) or workers) * IN_FLIGHT
    try:
        futures = as_completed([client.submit(task, p, max_bytes, pure=False) for p in islice(todo, window)])
        for future in futures:
            outcome = future.result()
            future.release()
            following = next(todo, None)
            if following is not None:
                futures.add(client.submit(task, following, max_bytes, pure=False))
            yield outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
