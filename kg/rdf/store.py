"""A persistent Oxigraph store on disk, for ``kg build --store`` and ``kg query --store``.

Parsing a graph file costs more than answering most queries, so a store
written once can be queried many times without parsing again. The store
keeps the dataset's named graphs (the shared graph plus one per report).

A store folder holds Oxigraph's RocksDB files plus ``kg-store.json``, which
marks the folder as kg's: ``write_store`` replaces only a folder that is
empty or already a kg store, never a folder of other files. Reading needs no
marker: ``open_store`` opens any Oxigraph store (``oxigraph load`` fills one). The new store is
written beside the old one and swapped in when complete, so an interrupted
build leaves the previous store intact. ``kg build`` bulk-loads the merged
N-Quads file (``write_store_file``), so the graph never passes through
Python objects; ``write_store`` takes an in-memory dataset.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError, OutputError

MARKER = "kg-store.json"
KIND = "kg oxigraph store"


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """What ``write_store`` put in the store."""

    path: Path
    quads: int
    graphs: tuple[str, ...]


def is_store(path: str | Path) -> bool:
    """True when ``path`` is a folder that ``write_store`` made."""
    marker = Path(path) / MARKER
    try:
        return json.loads(marker.read_text(encoding="utf-8")).get("kind") == KIND
    except (OSError, ValueError, AttributeError):
        return False


def write_store_file(nquads: str | Path | Sequence[str | Path], path: str | Path) -> StoreInfo:
    """Bulk-load N-Quads files as a new Oxigraph store at ``path``, replacing a previous kg store."""
    files = [nquads] if isinstance(nquads, str | Path) else list(nquads)

    def fill(store: ox.Store) -> None:
        for f in files:
            store.bulk_load(path=str(f), format=ox.RdfFormat.N_QUADS)

    return _replace_store(path, fill)


def _replace_store(path: str | Path, fill: Callable[[ox.Store], None]) -> StoreInfo:
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: is a file; give a folder for the store")
    if target.is_dir() and any(target.iterdir()) and not is_store(target):
        raise OutputError(f"{target}: the folder is not empty and is not a kg store; choose a new folder")
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.parent.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(tmp))
        fill(store)
        store.flush()
        quads = len(store)
        graphs = tuple(sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)))
        del store
        gc.collect()  # RocksDB releases its lock only when the Store object is freed
        (tmp / MARKER).write_text(
            json.dumps({"kind": KIND, "quads": quads, "graphs": list(graphs)}, ensure_ascii=False, indent=1)
            + "\n",
            encoding="utf-8",
        )
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{target}: cannot write the store ({e})") from None
    return StoreInfo(target, quads, graphs)


def open_store(path: str | Path) -> ox.Store:
    """Open an Oxigraph store read-only, without parsing anything.

    A store written by ``write_store`` or by Oxigraph itself (``oxigraph load``,
    ``oxigraph serve``): kg's marker file is not needed to read one. A folder
    without RocksDB's ``CURRENT`` file is no Oxigraph store.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise GraphError(f"{folder}: no such store (write one with `kg build --store {folder}`)")
    if not is_store(folder) and not (folder / "CURRENT").is_file():
        raise GraphError(
            f"{folder}: not an Oxigraph store (it has no RocksDB CURRENT file); write one with "
            f"`kg build --store {folder}` or `oxigraph load --location {folder} --file output/graph.nq`"
        )
    try:
        return ox.Store.read_only(str(folder))
    except OSError as e:
        raise GraphError(f"{folder}: cannot open the store ({e})") from None
