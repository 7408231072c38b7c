"""kg.corpus.cache: entries round-trip, damaged ones are ignored, keys cover the rules, stale rules are pruned."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kg.corpus.cache import ResultCache, entry_key, read_entry, rules_hash, write_entry
from kg.corpus.task import DocumentResult

RESULT = DocumentResult(
    doc_id="r-1",
    path="in/r-1.txt",
    sha256="ab" * 32,
    quads=b"<a> <b> <c> <g> .\n<a> <b> <d> <g> .\n",
    mentions=b'{"doc": "r-1"}\n',
    relations=b"",
)


def test_an_entry_gives_back_each_section(tmp_path: Path) -> None:
    entry = write_entry(tmp_path / "e.kgdoc", RESULT)
    again = read_entry(tmp_path / "e.kgdoc")
    assert again == entry
    assert entry.doc_id == "r-1" and entry.source == "in/r-1.txt"
    assert list(entry.lines("quads")) == RESULT.quads.splitlines(keepends=True)
    assert entry.read("mentions") == RESULT.mentions and entry.read("relations") == b""


@pytest.mark.parametrize("damage", ["flip", "truncate", "extend", "header", "empty"])
def test_a_damaged_entry_reads_as_missing(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "e.kgdoc"
    write_entry(path, RESULT)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-5] ^= 0x01
    elif damage == "truncate":
        del data[-3:]
    elif damage == "extend":
        data += b"x"
    elif damage == "header":
        data[20] = ord("{")
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    assert read_entry(path) is None


def test_keys_cover_rules_id_and_bytes(tmp_path: Path) -> None:
    keys = {entry_key(r, i, s) for r in ("a", "b") for i in ("x", "y") for s in ("1", "2")}
    assert len(keys) == 8
    ours = ResultCache(tmp_path, rules="a" * 64)
    ours.store(RESULT)
    assert ours.load("r-1", RESULT.sha256) is not None
    assert ours.load("r-1", "cd" * 32) is None
    assert ours.load("r-2", RESULT.sha256) is None
    assert ResultCache(tmp_path, rules="b" * 64).load("r-1", RESULT.sha256) is None


def test_pruning_removes_other_rules_and_nothing_else(tmp_path: Path) -> None:
    ResultCache(tmp_path, rules="a" * 64).store(RESULT)
    ResultCache(tmp_path, rules="b" * 64).store(RESULT)
    (tmp_path / "notes").mkdir()
    (tmp_path / "rules-of-mine").mkdir()
    ResultCache(tmp_path, rules="b" * 64).prune_stale()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", f"rules-{'b' * 16}", "rules-of-mine"]


def test_the_rules_hash_is_stable_within_a_process() -> None:
    assert rules_hash() == rules_hash() and len(rules_hash()) == 64


def test_keys_cover_the_facts_a_manifest_gives(tmp_path: Path) -> None:
    assert entry_key("a", "x", "1") == entry_key("a", "x", "1", "")
    assert entry_key("a", "x", "1", "开阳县\t县\t2021\treport\t") != entry_key("a", "x", "1")
    ours = ResultCache(tmp_path, rules="a" * 64)
    given = replace(RESULT, given="开阳县\t县\t2021\treport\t")
    ours.store(given)
    assert ours.load("r-1", RESULT.sha256, given.given) is not None
    assert ours.load("r-1", RESULT.sha256) is None  # the manifest changed: computed again
