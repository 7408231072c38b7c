"""Deterministic IRIs derived from what a thing is, never from run order.

Policy (also in the README):

* Names become raw Unicode IRIs, not percent-encoded: ``…/id/inst/520121-开阳县司法局``.
  The key is the name after NFKC, with white space and quote/title marks
  removed; any ASCII character outside ``A-Z a-z 0-9 - . _ ~ ( ) +``, any
  control, format, private-use or unassigned character, and anything else
  outside RFC 3987's ``ucschar`` (U+FFFD among them) becomes ``-``. So space, ``%``,
  ``"``, ``<>{}|\\^`` and the backquote never appear in an IRI.
* Local entities are scoped by the region key (GB/T 2260 code, or the
  parent's key plus the town's name): the 司法局 of two counties are two
  IRIs; national organs, laws and systems have no scope and are shared.
* Keys longer than 80 characters keep their first 60 and a hash of the rest.
* Mentions and evidence are keyed by report id and character offsets.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.model import EntityType

BASE = "https://w3id.org/kg-rol/id/"
GRAPH_BASE = "https://w3id.org/kg-rol/graph/"

_MARKS = re.compile(r"[\s“”‘’\"'「」『』《》〈〉<>]")
_ALLOWED_ASCII = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~()+")
_MAX = 80


def iri_key(name: str) -> str:
    """An IRI-safe key for ``name``; readable, deterministic, never empty."""
    s = _MARKS.sub("", unicodedata.normalize("NFKC", name))
    out = []
    for ch in s:
        if ch.isascii():
            out.append(ch if ch in _ALLOWED_ASCII else "-")
        elif unicodedata.category(ch) in {"Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp"} or not _ucschar(ch):
            out.append("-")
        else:
            out.append(ch)
    key = re.sub(r"-{2,}", "-", "".join(out)).strip("-.")
    if not key:
        key = "x" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if len(key) > _MAX:
        key = key[:60] + "-" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return key


def _ucschar(ch: str) -> bool:
    """RFC 3987's ``ucschar``: the non-ASCII characters an IRI path may hold unescaped.

    Not U+FFF0–U+FFFD (so not U+FFFD, the replacement character), not a
    noncharacter, not plane 14's first 4,096 code points (tags), not the
    private-use planes.
    """
    cp = ord(ch)
    if cp <= 0xFFFF:
        return 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF
    return (cp & 0xFFFF) <= 0xFFFD and (cp < 0xE0000 or 0xE1000 <= cp <= 0xEFFFD)


def entity_iri(etype: EntityType | str, canonical: str, scope: str = "") -> URIRef:
    """IRI of an entity from its type, canonical name and scope (a region key)."""
    seg = EntityType(etype).segment
    key = iri_key(canonical)
    if scope:
        key = f"{iri_key(scope)}-{key}"
    return URIRef(f"{BASE}{seg}/{key}")


def region_iri(region_key: str) -> URIRef:
    return URIRef(f"{BASE}region/{iri_key(region_key)}")


def report_iri(doc_id: str) -> URIRef:
    return URIRef(f"{BASE}report/{iri_key(doc_id)}")


def report_graph_iri(doc_id: str) -> URIRef:
    """Named graph that holds one report's statements (TriG/N-Quads)."""
    return URIRef(f"{GRAPH_BASE}report/{iri_key(doc_id)}")


SHARED_GRAPH = URIRef(f"{GRAPH_BASE}shared")

#: The SKOS concept scheme of the kinds of systems and lists (``kg.extraction.concepts``).
CONCEPT_SCHEME = URIRef(f"{BASE}concept/kinds")


def concept_iri(etype: EntityType | str, label: str) -> URIRef:
    """IRI of a kind of system or list: its type's segment and its label, never a place."""
    return URIRef(f"{BASE}concept/{EntityType(etype).segment}/{iri_key(label)}")


def mention_iri(doc_id: str, start: int, end: int) -> URIRef:
    return URIRef(f"{BASE}mention/{iri_key(doc_id)}/{start}-{end}")


def evidence_iri(doc_id: str, start: int, end: int, predicate: str, subject: str, obj: str) -> URIRef:
    digest = hashlib.sha1(f"{predicate}\x1f{subject}\x1f{obj}".encode()).hexdigest()[:12]
    return URIRef(f"{BASE}evidence/{iri_key(doc_id)}/{start}-{end}-{predicate}-{digest}")
