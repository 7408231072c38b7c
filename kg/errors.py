"""The errors a user can cause, each with a message that says what to do.

The library raises these; the CLI turns any ``KgError`` into one line on
stderr and exit code 1, so a user never sees a traceback for bad input.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg reports to a user."""


class InputError(KgError):
    """An input file is missing, empty, binary or cannot be decoded."""

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
        return cls(f"{path}: no *.txt reports found")

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
