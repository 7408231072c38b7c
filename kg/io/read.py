"""Find report files and read each into a Document, or refuse it in one line.

A report is a text file (UTF-8 with or without BOM, UTF-16, GBK/GB18030:
``kg.io.decode``), a web page saved from a site (``.html``/``.htm`` or
markup found inside: ``kg.io.html`` keeps the article and drops the site's
chrome), a Word ``.docx`` (``kg.io.word``) or a PDF with a text layer
(``kg.io.pdf``). ``Document.text`` is the text as read: the decoded text,
the page's text, or the text of the document's paragraphs; every later
offset indexes it. ``Document.encoding`` names the form it came in: the
codec, ``html/<codec>``, ``docx`` or ``pdf``.

Anything else is refused with an ``InputError`` whose message is one line
naming the file and the reason: missing, a folder, unreadable, too large
(``max_bytes``, checked before the file is read), empty, binary, or
undecodable. ``iter_documents`` can report a bad file through a callback
and go on with the others.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError, one_line
from kg.io.decode import decode_text
from kg.io.html import html_to_text, looks_like_html, starts_like_html
from kg.io.manifest import given_facts, is_manifest
from kg.io.pdf import pdf_to_text
from kg.io.word import docx_to_text
from kg.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "decode_bytes",
    "find_inputs",
    "html_to_text",
    "iter_documents",
    "iter_lines",
    "parse_size",
    "read_document",
    "read_documents",
]

#: Files larger than this are refused unless the caller raises the limit (``--max-size``).
DEFAULT_MAX_BYTES = 50_000_000
#: What a folder contributes: files with these suffixes, in any case.
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")

_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "m": 1000**2,
    "mb": 1000**2,
    "g": 1000**3,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")


def parse_size(text: str) -> int:
    """Bytes in a size such as ``50MB``, ``1.5 GB``, ``512KiB`` or ``2000`` (kB, MB, GB are powers of 1000).

    Raises ValueError for anything else, including zero.
    """
    m = _SIZE.fullmatch(text)
    unit = m.group(2).lower() if m else ""
    if not m or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size: write it like 50MB, 500kB, 2GB or a number of bytes")
    size = int(float(m.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"{text!r}: the size limit must be at least 1 byte")
    return size


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and other old Office files
_ZIP = b"PK\x03\x04"

OnError = Callable[[Path, InputError], None]
OnSkip = Callable[[Path], None]


def find_inputs(
    paths: Iterable[str | Path], on_error: OnError | None = None, on_skip: OnSkip | None = None
) -> list[Path]:
    """Expand files and folders into a sorted list of report files.

    A folder contributes every file below it with a suffix of ``SUFFIXES``
    (hidden files and folders, and Word's ``~$`` lock files, left out); a
    file is taken whatever its suffix. The other visible files of a folder
    (a README.md, a data.csv) are passed to ``on_skip``, except a manifest,
    which is read with the reports (``kg.io.manifest``). A path that does not
    exist, cannot be read, or is a folder without reports raises InputError,
    or, with ``on_error``, is reported to it and left out.
    """
    found: list[Path] = []
    for raw in paths:
        try:
            found.extend(_expand(Path(raw), on_skip))
        except InputError as e:
            if on_error is None:
                raise
            on_error(Path(raw), e)
    return _unique_sorted(found)


def iter_documents(
    paths: Iterable[str | Path], max_bytes: int | None = DEFAULT_MAX_BYTES, on_error: OnError | None = None
) -> Iterator[Document]:
    """Read every report below ``paths``, in the order of ``find_inputs``.

    Without ``on_error`` the first bad input raises its InputError. With
    it, ``on_error(path, error)`` is called for each bad input (a missing
    path, an unreadable or refused file, a second file with an id already
    read) and the others are still read.
    """
    seen: dict[str, str] = {}
    for f in find_inputs(paths, on_error):
        try:
            if f.stem in seen:
                raise InputError.duplicate_id(f.stem, seen[f.stem], one_line(str(f)))
            doc = read_document(f, max_bytes)
        except InputError as e:
            if on_error is None:
                raise
            on_error(f, e)
            continue
        seen[doc.id] = one_line(str(f))
        yield doc


def read_documents(paths: Iterable[str | Path], max_bytes: int | None = DEFAULT_MAX_BYTES) -> list[Document]:
    """Read every report below ``paths``, sorted by id; the first bad input raises."""
    return sorted(iter_documents(paths, max_bytes), key=lambda d: d.id)


def read_document(path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read one report file; its id is the file stem.

    The facts a manifest beside it gives (``kg.io.manifest``) travel with it.
    ``max_bytes`` (None: no limit) is checked against the file's size
    before reading it, and the read never takes more than that.
    """
    p = Path(path)
    name = one_line(str(p))
    data = _read_bytes(p, name, max_bytes)
    text, form = _to_text(data, name, p.suffix.lower(), max_bytes)
    return Document(
        id=p.stem,
        path=str(p),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=form,
        given=given_facts(p),
    )


def decode_bytes(data: bytes, name: str = "<input>", html: bool | None = None) -> tuple[str, str]:
    """Decode the bytes of a text report or web page; return (text, encoding).

    ``html`` True reads the bytes as a page, False as plain text, None
    decides from the content. Raises InputError for empty, binary or
    undecodable data, and for a page without text.
    """
    if not data or data.isspace():
        raise InputError.empty(name)
    is_html = starts_like_html(data) if html is None else html
    text, encoding = decode_text(data, name, html=is_html or html is None)
    if html is None and not is_html and looks_like_html(text):
        is_html = True
    if is_html:
        text, encoding = html_to_text(text), f"html/{encoding}"
    _check_text(text, name)
    return text, encoding


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of text, without the line break."""
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


# ------------------------------------------------------------------ helpers


def _expand(p: Path, on_skip: OnSkip | None = None) -> list[Path]:
    name = one_line(str(p))
    try:
        if p.is_dir():
            files = []
            for q in sorted(p.rglob("*")):
                if _is_report(q, p):
                    files.append(q)
                elif on_skip is not None and _is_visible_file(q, p) and not is_manifest(q):
                    on_skip(q)
            if not files:
                raise InputError.no_reports(name)
            return files
        if p.exists():
            return [p]
    except PermissionError:
        raise InputError.unreadable(name, "permission denied") from None
    except OSError as e:
        raise InputError.unreadable(name, _reason(e)) from None
    raise InputError.missing(name)


def _is_report(q: Path, top: Path) -> bool:
    if q.suffix.lower() not in SUFFIXES or q.name.startswith("~$"):
        return False
    if any(part.startswith(".") for part in q.relative_to(top).parts):
        return False
    return q.is_file()


def _is_visible_file(q: Path, top: Path) -> bool:
    """A file a person put in the folder: not hidden, not a Word lock file."""
    if q.name.startswith("~$") or any(part.startswith(".") for part in q.relative_to(top).parts):
        return False
    return q.is_file()


def _unique_sorted(found: list[Path]) -> list[Path]:
    unique: dict[Path, None] = {}
    for f in found:
        unique.setdefault(f.resolve(), None)
    return sorted(unique, key=lambda q: (q.stem, str(q)))


def _read_bytes(p: Path, name: str, max_bytes: int | None) -> bytes:
    try:
        with p.open("rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError.folder(name)
            if max_bytes is not None and stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise InputError.too_large(name, info.st_size, max_bytes)
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError.missing(name) from None
    except IsADirectoryError:
        raise InputError.folder(name) from None
    except PermissionError:
        raise InputError.unreadable(name, "permission denied") from None
    except OSError as e:
        raise InputError.unreadable(name, _reason(e)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError.too_large(name, None, max_bytes)  # a pipe or a file still growing
    return data


def _reason(e: OSError) -> str:
    return (e.strerror or type(e).__name__).lower()


def _to_text(data: bytes, name: str, suffix: str, max_bytes: int | None) -> tuple[str, str]:
    """(text, form) of a report's bytes, by content first, then by suffix."""
    if not data or data.isspace():
        raise InputError.empty(name)
    if (data.startswith(_ZIP) and b"word/" in data) or suffix == ".docx":
        text, form = docx_to_text(data, name, max_bytes), "docx"
    elif b"%PDF-" in data[:1024] or suffix == ".pdf":
        text, form = pdf_to_text(data, name), "pdf"
    elif data.startswith(_OLE):
        raise InputError.word_97(name) if suffix == ".doc" else InputError.binary(name)
    else:
        return decode_bytes(data, name, html=True if suffix in (".html", ".htm") else None)
    _check_text(text, name)
    return text, form


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputError.empty(name)
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError.binary(name)
