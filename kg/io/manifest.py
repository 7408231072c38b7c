"""A folder's manifest: what the collector of the reports knows about each file.

Whoever gathers reports from many sites usually keeps a table of them: the
file, the place it is of, the level, the year, the kind of text. kg reads
such a table when it lies beside the reports, as ``manifest.tsv`` (tab
separated) or ``manifest.csv``, with a header row naming the columns:

    file    place               level  year  kind
    a.txt   将乐县古镛镇          镇     2024  report
    b.txt   重庆市荣昌区司法局    部门   2023  dept-report

``file`` is required (the file's name in that folder); ``place``, ``level``,
``year``, ``kind`` and ``author`` are optional, and other columns are left
alone. A level of 部门 says the place column names the department that wrote
the report. A file the manifest does not list has no given facts.

A manifest kg cannot use (no ``file`` column, a year that is no year, a file
listed twice, undecodable) is an ``InputError`` naming the manifest and the
line, raised for each report of its folder.
"""

from __future__ import annotations

import csv
import io
import os
from functools import cache
from pathlib import Path

from kg.errors import InputError, one_line
from kg.io.decode import decode_text
from kg.model import GivenFacts

#: The names a manifest may have, looked up in this order.
MANIFEST_NAMES = ("manifest.tsv", "manifest.csv")
_COLUMNS = ("place", "level", "year", "kind", "author")


def manifest_of(folder: Path) -> Path | None:
    """The manifest file of ``folder``, if it has one."""
    for name in MANIFEST_NAMES:
        p = folder / name
        if p.is_file():
            return p
    return None


def is_manifest(path: Path) -> bool:
    """True for a file named as a manifest (it is read with the reports, not as one)."""
    return path.name.lower() in MANIFEST_NAMES


def given_facts(report: str | Path) -> GivenFacts | None:
    """The facts the manifest beside ``report`` gives for it, or None.

    Raises InputError when the manifest cannot be used.
    """
    p = Path(report)
    found = manifest_of(p.parent)
    if found is None:
        return None
    try:
        st = os.stat(found)
    except OSError:
        return None
    return _read(str(found), st.st_mtime_ns, st.st_size).get(p.name)


@cache
def _read(path: str, mtime_ns: int, size: int) -> dict[str, GivenFacts]:
    """The rows of a manifest by file name (cached per path and version of the file)."""
    name = one_line(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError.unreadable(name, (e.strerror or type(e).__name__).lower()) from None
    text, _ = decode_text(data, name, html=False)
    return parse_manifest(text, name, delimiter="," if path.lower().endswith(".csv") else "\t")


def parse_manifest(text: str, name: str = "manifest.tsv", delimiter: str = "\t") -> dict[str, GivenFacts]:
    """The facts of each file a manifest's text lists; ``name`` is used in messages."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    out: dict[str, GivenFacts] = {}
    try:
        columns = [c.strip().lower() for c in next(rows, [])]
        if "file" not in columns:
            raise InputError(f"{name}: a manifest needs a header row with a 'file' column")
        at = {c: columns.index(c) for c in ("file", *_COLUMNS) if c in columns}
        for row in rows:
            cells = {c: (row[i].strip() if i < len(row) else "") for c, i in at.items()}
            file, year = cells.pop("file"), cells.pop("year", "")
            if not file:
                continue
            if year and not (year.isascii() and year.isdigit() and len(year) == 4):
                raise InputError(
                    f"{name}, line {rows.line_num}: year {year!r} is not a year (write it like 2024)"
                )
            if file in out:
                raise InputError(f"{name}, line {rows.line_num}: {file} is listed twice")
            out[file] = GivenFacts(year=int(year) if year else None, **cells)
    except csv.Error as e:
        raise InputError(f"{name}, line {rows.line_num}: {e}") from None
    return out
