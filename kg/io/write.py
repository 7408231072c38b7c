"""Write outputs atomically and deterministically.

Every file kg writes goes through ``atomic_write``: the content lands in a
temporary file beside the target (``.NAME.XXXX.tmp``, same folder, so the
rename never crosses file systems), is flushed to disk with ``fsync``, and
replaces the target with ``os.replace`` only when complete; the folder is
then synced so the rename itself survives a crash. An error, Ctrl-C, a
SIGKILL or a power cut therefore leaves either the old file or the new one,
never a half-written output; a killed run may leave a hidden ``.tmp`` file
behind, never a file under an output's name.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from kg.errors import OutputError


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", durable: bool = True) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; move it into place on success.

    ``durable=False`` skips the two fsyncs, for files that can be recomputed
    (a cache): the rename still makes them whole or absent after a kill,
    but a power cut may lose them.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{target}: cannot write ({e.strerror})") from None
    try:
        if "b" in mode:
            f = os.fdopen(fd, mode)
        else:
            f = os.fdopen(fd, mode, encoding="utf-8", newline="\n")
        with f:
            yield f
            try:
                f.flush()
                if durable:
                    os.fsync(f.fileno())
            except OSError as e:
                raise OutputError(f"{target}: cannot write ({e.strerror})") from None
        try:
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except OSError as e:
            raise OutputError(f"{target}: cannot write ({e.strerror})") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        sync_folder(target.parent)


def sync_file(path: str | Path) -> None:
    """fsync a file written and closed elsewhere, before it is renamed into place."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror})") from None
    try:
        os.fsync(fd)
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror})") from None
    finally:
        os.close(fd)


def sync_folder(folder: str | Path) -> None:
    """fsync a folder, so a rename inside it is on disk; a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text(path: str | Path, text: str) -> None:
    with atomic_write(path) as f:
        f.write(text)


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_write(path, "wb") as f:
        f.write(data)


def dumps_jsonl(records: Iterable[dict[str, Any]]) -> str:
    """JSON Lines with keys in insertion order and raw UTF-8 text."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
