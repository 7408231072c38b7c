"""The text of a Word ``.docx`` report, read with python-docx.

A ``.docx`` is a zip of XML parts; the body's paragraphs and tables, in
their order, are the report. Page headers, footers and comments are not.
A table row becomes one line, its cells separated by a space. The zip is
checked before python-docx parses it: an archive whose body would unpack
to more than the size limit is refused rather than unpacked (a zip bomb
stays a few kilobytes on disk).
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from kg.errors import InputError

if TYPE_CHECKING:
    from docx.table import Table

_BODY = "word/document.xml"


def docx_to_text(data: bytes, name: str, max_bytes: int | None = None) -> str:
    """Paragraphs and table rows of the document body, one per line."""
    # python-docx (and lxml) load only when a .docx is read: most corpora are text
    import docx
    from docx.table import Table

    _check_archive(data, name, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many types for a damaged package
        raise InputError.not_docx(name, str(e) or type(e).__name__) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_rows(block))
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def _rows(table: Table) -> list[str]:
    out: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:  # a merged cell comes back once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text for p in cell.paragraphs).strip())
        out.append(" ".join(c for c in cells if c))
    return out


def _check_archive(data: bytes, name: str, max_bytes: int | None) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo(_BODY)
    except KeyError:
        raise InputError.not_docx(name, f"no {_BODY} inside") from None
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise InputError.not_docx(name, str(e) or type(e).__name__) from None
    if max_bytes is not None and info.file_size > max_bytes:
        raise InputError.too_large(name + f" ({_BODY} unpacked)", info.file_size, max_bytes)
