"""Per-document results on disk, keyed by what they depend on.

A document's result depends on its id (the file stem, which is in its
IRIs), its bytes, and kg's rules: the source code, the lexicons in
``kg/data``, the ontology, and the libraries whose output kg writes (jieba,
rdflib, Oxigraph, cpca). ``rules_hash`` digests all of these once per
process; an entry's key is the SHA-256 of (rules, id, document digest, and
the facts a folder's manifest gives, when it does). So a
second build reuses every unchanged report, and any change to kg starts
afresh: entries of other rules live in other ``rules-*`` folders, which are
removed when the cache is opened.

An entry is one file: a header line (``kg-doc-result 1``), a JSON line
(id, source path, digests, section lengths) and the
sections (sorted N-Quads, mention records, relation records). It is written
atomically and its payload digest is checked when it is read; an entry that
does not check out is treated as missing and recomputed.

The same format holds results of a build without a cache, in a temporary
folder, so every later stage reads results one way.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from kg.corpus.task import DocumentResult
from kg.io.write import atomic_write
from kg.rdf.ontology import ontology_dir

MAGIC = b"kg-doc-result 1\n"
SECTIONS = ("quads", "mentions", "relations")
SUFFIX = ".kgdoc"
_RULES_DIR = re.compile(r"rules-[0-9a-f]{16}")
_DEPENDENCIES = ("jieba", "rdflib", "pyoxigraph", "cpca")


@cache
def rules_hash() -> str:
    """SHA-256 of everything besides the document that a result depends on."""
    package = Path(__file__).resolve().parents[1]
    files = sorted(
        (
            f
            for f in package.rglob("*")
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc"
        ),
        key=lambda f: f.relative_to(package).as_posix(),
    )
    h = hashlib.sha256()
    for f in files:
        _add(h, f"kg/{f.relative_to(package).as_posix()}", f.read_bytes())
    onto = ontology_dir()
    if onto.resolve().parent != package:  # a wheel carries it inside the package, already hashed
        for f in sorted(p for p in onto.rglob("*") if p.is_file()):
            _add(h, f"ontology/{f.relative_to(onto).as_posix()}", f.read_bytes())
    for dist in _DEPENDENCIES:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "absent"
        _add(h, f"dist/{dist}", version.encode())
    return h.hexdigest()


def _add(h: Any, name: str, data: bytes) -> None:
    h.update(f"{name}\0{len(data)}\0".encode())
    h.update(data)


def entry_key(rules: str, doc_id: str, sha256: str, given: str = "") -> str:
    """The cache key of a document: its rules, its id, its bytes' digest and what its manifest gives."""
    facts = f"\0{given}" if given else ""
    return hashlib.sha256(f"{rules}\0{doc_id}\0{sha256}{facts}".encode()).hexdigest()


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored result: where each section lies in the entry file."""

    path: Path
    doc_id: str
    source: str
    sha256: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def read(self, section: str) -> bytes:
        start, length = self.spans[section]
        with open(self.path, "rb") as f:
            f.seek(start)
            return f.read(length)

    def lines(self, section: str) -> Iterator[bytes]:
        """The section's lines, read lazily (split at ``\\n`` only)."""
        start, length = self.spans[section]
        with open(self.path, "rb") as f:
            f.seek(start)
            left = length
            while left > 0:
                line = f.readline(left)
                if not line:
                    return
                left -= len(line)
                yield line

    def copy_to(self, section: str, out: BinaryIO) -> None:
        start, length = self.spans[section]
        with open(self.path, "rb") as f:
            f.seek(start)
            left = length
            while left > 0:
                block = f.read(min(left, 1 << 20))
                if not block:
                    return
                out.write(block)
                left -= len(block)


class ResultCache:
    """A folder of entries for one set of rules."""

    def __init__(self, folder: str | Path, rules: str | None = None) -> None:
        self.rules = rules or rules_hash()
        self.folder = Path(folder)
        self.root = self.folder / f"rules-{self.rules[:16]}"

    def prune_stale(self) -> None:
        """Remove entries made under other rules (never anything kg did not make)."""
        if not self.folder.is_dir():
            return
        for sub in self.folder.iterdir():
            if sub.is_dir() and _RULES_DIR.fullmatch(sub.name) and sub != self.root:
                shutil.rmtree(sub, ignore_errors=True)

    def path_of(self, doc_id: str, sha256: str, given: str = "") -> Path:
        key = entry_key(self.rules, doc_id, sha256, given)
        return self.root / key[:2] / f"{key}{SUFFIX}"

    def load(self, doc_id: str, sha256: str, given: str = "") -> Entry | None:
        """The entry of the file named ``doc_id`` with these bytes and given facts, or None when missing or damaged."""
        entry = read_entry(self.path_of(doc_id, sha256, given))
        if entry is None or entry.sha256 != sha256:
            return None
        return entry

    def store(self, result: DocumentResult, doc_id: str | None = None) -> Entry:
        """Keep ``result`` under the id it is looked up by (the file stem; default its own id)."""
        return write_entry(self.path_of(doc_id or result.doc_id, result.sha256, result.given), result)


def write_entry(path: Path, result: DocumentResult) -> Entry:
    """Write ``result`` atomically as one entry file."""
    payload = [result.quads, result.mentions, result.relations]
    digest = hashlib.sha256()
    for part in payload:
        digest.update(part)
    header = {
        "doc": result.doc_id,
        "path": result.path,
        "sha256": result.sha256,
        "sections": {name: len(part) for name, part in zip(SECTIONS, payload, strict=True)},
        "payload": digest.hexdigest(),
    }
    head = MAGIC + json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
    with atomic_write(path, "wb", durable=False) as f:  # a lost entry is only recomputed
        f.write(head)
        for part in payload:
            f.write(part)
    return _entry(path, header, len(head))


def read_entry(path: Path) -> Entry | None:
    """Read and check an entry file; None when it is missing, truncated or altered."""
    try:
        with open(path, "rb") as f:
            if f.readline(len(MAGIC)) != MAGIC:
                return None
            line = f.readline(1 << 20)
            header = json.loads(line)
            sizes = [int(header["sections"][name]) for name in SECTIONS]
            digest = hashlib.sha256()
            left = sum(sizes)
            while left > 0:
                block = f.read(min(left, 1 << 20))
                if not block:
                    return None
                digest.update(block)
                left -= len(block)
            if f.read(1) or digest.hexdigest() != header["payload"]:
                return None
            return _entry(path, header, len(MAGIC) + len(line))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _entry(path: Path, header: dict[str, Any], start: int) -> Entry:
    spans: dict[str, tuple[int, int]] = {}
    for name in SECTIONS:
        size = int(header["sections"][name])
        spans[name] = (start, size)
        start += size
    return Entry(
        path=path,
        doc_id=str(header["doc"]),
        source=str(header["path"]),
        sha256=str(header["sha256"]),
        spans=spans,
    )
