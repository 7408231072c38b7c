"""The errors a user can cause, each with a message that says what to do.

The library raises these; the CLI turns any ``KgError`` into one line on
stderr and exit code 1, so a user never sees a traceback for bad input.
"""

from __future__ import annotations

from typing import Self


class KgError(Exception):
    """Base class of every error kg reports to a user."""


_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def one_line(text: str, limit: int = 300) -> str:
    """``text`` as one printable line: line breaks, control characters and lone surrogates escaped.

    For file names and for details taken from a library's exception: the
    CLI prints every error as one line, and a name read from disk may hold
    anything.
    """
    shown = "".join(
        c if c.isprintable() or (c.isspace() and c not in _BREAKS) else ascii(c)[1:-1] for c in text
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _detail(text: str) -> str:
    return one_line(" ".join(text.split()), 120)


class InputError(KgError):
    """An input file is missing, unreadable, too large, empty, binary or cannot be decoded."""

    @classmethod
    def missing(cls, path: str) -> InputError:
        return cls(f"{path}: no such file or folder")

    @classmethod
    def empty(cls, path: str) -> InputError:
        return cls(f"{path}: the file is empty (no text to read)")

    @classmethod
    def binary(cls, path: str) -> InputError:
        return cls(f"{path}: binary data, not a text report (convert it to UTF-8 text first)")

    @classmethod
    def undecodable(cls, path: str) -> InputError:
        return cls(f"{path}: cannot decode the text as UTF-8, UTF-16 or GB18030 (save it as UTF-8)")

    @classmethod
    def no_reports(cls, path: str) -> InputError:
        return cls(f"{path}: no reports found (*.txt, *.html, *.htm, *.docx, *.pdf)")

    @classmethod
    def too_large(cls, path: str, size: int | None, limit: int) -> InputError:
        got = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
        return cls(f"{path}: too large ({got}, limit {limit:,}); raise it with --max-size")

    @classmethod
    def folder(cls, path: str) -> InputError:
        return cls(f"{path}: is a folder, not a report file")

    @classmethod
    def unreadable(cls, path: str, reason: str) -> InputError:
        return cls(f"{path}: cannot read ({reason})")

    @classmethod
    def not_docx(cls, path: str, detail: str) -> InputError:
        return cls(
            f"{path}: not a readable Word .docx file ({_detail(detail)}); save it again as .docx or as UTF-8 text"
        )

    @classmethod
    def word_97(cls, path: str) -> InputError:
        return cls(
            f"{path}: a Word 97-2003 .doc file, which kg cannot read; save it as .docx or as UTF-8 text"
        )

    @classmethod
    def pdf_without_text(cls, path: str) -> InputError:
        return cls(
            f"{path}: the PDF holds no text (scanned pages?); run OCR on it first, or give kg a text version"
        )

    @classmethod
    def pdf_locked(cls, path: str) -> InputError:
        return cls(
            f"{path}: the PDF is protected by a password; give kg a copy saved without it "
            "(or the text of `pdftotext -upw PASSWORD -layout FILE.pdf`)"
        )

    @classmethod
    def not_pdf(cls, path: str, detail: str) -> InputError:
        return cls(
            f"{path}: cannot take the text out of this PDF ({_detail(detail)}); "
            "convert it with `pdftotext -layout FILE.pdf` and give kg the .txt"
        )

    @classmethod
    def duplicate_id(cls, doc_id: str, first: str, second: str) -> InputError:
        return cls(f"two reports share the id {doc_id!r}: {first} and {second} (rename one)")


class LexiconError(KgError):
    """A packaged lexicon or pattern file is malformed."""


class OntologyError(KgError):
    """The ontology or the shapes cannot be loaded."""


class GraphError(KgError):
    """A graph file is missing or cannot be parsed."""


class QueryError(KgError):
    """A SPARQL query is malformed, or is an update where only queries are allowed."""


class OutputError(KgError):
    """An output file cannot be written."""


class SelectionError(KgError):
    """A selection of part of a graph (a report, a type) names nothing in it (``kg viz``, ``kg compare``)."""

    @classmethod
    def no_report(cls, name: str, known: list[str]) -> Self:
        listed = ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
        return cls(f"no report has the id {name!r}; reports in the graph: {listed or 'none'}")

    @classmethod
    def unknown_type(cls, name: str, known: str) -> Self:
        return cls(f"unknown entity type {name!r}: use one of {known}")
