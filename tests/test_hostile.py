"""Hostile text through every stage: nothing crashes, nothing is lost, nothing is injected.

Any text can be a report, an entity name or a sentence: control characters,
quotes, ``<>&``, ``\"\"\"``, backslashes, ``%``, lone surrogates, bidi marks, NUL
and very long lines. The strategies splice such junk into real seed sentences,
so the extractor finds entities with hostile names (``「<script>…」制度``,
``\"\"\"司法局``), and also build extractions by hand whose names, sentences,
titles and report ids are arbitrary text. The properties:

* extraction: every offset is valid and ``text == document.text[start:end]``;
* RDF: every format encodes as UTF-8 and parses in rdflib and Oxigraph to
  exactly the statements kg built, and every IRI is a valid RFC 3987 IRI;
* HTML: the page has exactly the elements and attributes of kg's template,
  the data block cannot close its ``<script>``, and every name and sentence
  comes back from the page's JSON as the same text.

Under CI=true each property runs 500 derandomized examples (the ``ci``
profile in tests/conftest.py).
"""

from __future__ import annotations

import json
import re
import tempfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.extraction.document import extract_document, extract_documents
from kg.model import (
    Document,
    DocumentExtraction,
    Entity,
    EntityType,
    Extraction,
    Mention,
    Predicate,
    Region,
    Relation,
    ReportInfo,
    Sentence,
    replace_surrogates,
)
from kg.present.page import render
from kg.rdf import serialize as export
from kg.rdf.formats import FORMATS, WRITTEN
from kg.rdf.statements import build_dataset, union

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# --------------------------------------------------------------------------- strategies

#: Pieces that broke, or could break, a serialiser, a parser or a page somewhere.
NASTY = [
    '"',
    '"""',
    "'",
    "'''",
    "\\",
    "\\u0022",
    "\\n",
    "%",
    "%2",
    "%zz",
    "%41",
    " ",
    "\u3000",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "<script>alert(1)</script>",
    "</script>",
    "<!--",
    "-->",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "${x}",
    "{",
    "}",
    "|",
    "^",
    "`",
    "#",
    "?",
    "/",
    ":",
    ".",
    "@",
    "_:b0",
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "\udc80",
    "\U0001f600",
    "\U0010ffff",
    "\ue000",
    "《",
    "》",
    "“",
    "”",
    "「",
    "」",
    "。",
    "；",
]
ANY_CHAR = st.characters(codec=None, categories=None)  # every code point, surrogates included
JUNK = st.lists(st.one_of(st.sampled_from(NASTY), st.text(alphabet=ANY_CHAR, max_size=4)), max_size=6).map(
    "".join
)

#: Phrases the extractor turns into entities, with the junk as (part of) the name.
NAME_TEMPLATES = [
    "《{}办法》",
    "《{}条例》",
    "《关于{}的通知》",
    "「{}」制度",
    "“{}”制度",
    "建立{}工作机制",
    "{}司法局",
    '"""{}司法局',
    "{}县人民政府",
    "{}委员会",
    "{}事项清单",
    "编制{}清单",
    "打造“{}”品牌",
    "打造“{}”调解平台",
]
HOSTILE_NAME = st.builds(lambda tpl, junk: tpl.format(junk), st.sampled_from(NAME_TEMPLATES), JUNK)

#: The title lines of the seeds, so that places are found and local entities scoped.
TITLES = [
    "",
    "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n",
    "博湖县2023年法治政府建设工作报告\n",
    "发布机构: | 县司法局 |\n",
]


@cache
def seed_lines() -> tuple[str, ...]:
    """Lines of the seed reports that are sentences rather than page furniture."""
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if 10 <= len(line.strip()) <= 400:
                lines.append(line)
    return tuple(lines)


SEED_LINE = st.integers(min_value=0).map(lambda i: seed_lines()[i % len(seed_lines())])


def splice(line: str, pieces: list[tuple[int, str]]) -> str:
    """Insert each piece into ``line`` at its position (taken modulo the length)."""
    for pos, piece in pieces:
        at = pos % (len(line) + 1)
        line = line[:at] + piece + line[at:]
    return line


SPLICED_LINE = st.builds(
    splice,
    SEED_LINE,
    st.lists(st.tuples(st.integers(min_value=0), st.one_of(HOSTILE_NAME, JUNK)), min_size=1, max_size=4),
)
LONG_LINE = st.builds(
    lambda piece, n: piece * n, st.one_of(HOSTILE_NAME, SPLICED_LINE), st.integers(1, 300)
).map(lambda s: s[:20_000])
DOC_IDS = st.one_of(
    st.sampled_from(["kaiyang-2021", "a b", "%41", "x\\y", '"""', "<script>", "\u202e报告", "..", "#?"]),
    st.text(alphabet=ANY_CHAR, max_size=12),
)
TEXTS = st.builds(
    lambda title, lines: title + "\n".join(lines),
    st.sampled_from(TITLES),
    st.lists(st.one_of(SPLICED_LINE, HOSTILE_NAME, JUNK, LONG_LINE), min_size=1, max_size=5),
)


def document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path="hostile.txt", text=text, sha256="0" * 64)


DOCUMENTS = st.builds(document, DOC_IDS, TEXTS)


@st.composite
def made_extractions(draw: st.DrawFn) -> Extraction:
    """An extraction built by hand: every name, label, sentence, title and id is arbitrary text."""
    text_ = st.text(alphabet=ANY_CHAR, max_size=30)
    before, name, after = draw(text_), draw(st.text(alphabet=ANY_CHAR, min_size=1, max_size=30)), draw(text_)
    doc = document(draw(DOC_IDS), before + name + after)
    start, end = len(before), len(before) + len(name)
    sentence = Sentence(doc.id, 0, 0, len(doc.text), doc.text)
    region = Region(draw(text_), "county", draw(st.sampled_from(["", "520121"])))
    etype = draw(st.sampled_from(list(EntityType)))
    canonical, other = draw(text_), draw(text_)
    scope = draw(st.sampled_from(["", region.key]))
    m = Mention(doc.id, start, end, 0, doc.text[start:end], etype, doc.text[start:end], draw(text_))
    m2 = Mention(doc.id, 0, end, 0, doc.text[:end], EntityType.INSTITUTION, doc.text[:end], "r")
    a = Entity(etype, canonical, scope, (m,), tuple(sorted({draw(text_), draw(text_)} - {canonical})))
    b = Entity(EntityType.INSTITUTION, other, "", (m2,))
    entities = sorted({e.key: e for e in (a, b)}.values(), key=lambda e: e.key)
    relations = [
        Relation(doc.id, Predicate.RUNS, b.key, a.key, 0, 0, len(doc.text), draw(st.booleans()), draw(text_)),
        Relation(doc.id, Predicate.ITEM_COUNT, a.key, draw(st.integers(0, 10**6)), 0, start, end),
    ]
    info = ReportInfo(doc.id, title=draw(text_), place=region, year=draw(st.none() | st.integers(1, 9999)))
    d = DocumentExtraction(doc, info, [sentence], sorted({m, m2}), entities, relations, b.key)
    return Extraction(documents=[d], entities=entities)


EXTRACTIONS = st.one_of(DOCUMENTS.map(lambda d: extract_documents([d])), made_extractions())

# --------------------------------------------------------------------------- checks

#: RFC 3987 ``ucschar``: U+A0–D7FF, F900–FDCF, FDF0–FFEF, then planes 1–14 up to xFFFD (plane 14 from E1000).
_UCS = "\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef" + "".join(
    f"{chr(0xE1000 if plane == 14 else plane << 16)}-{chr(plane << 16 | 0xFFFD)}" for plane in range(1, 15)
)
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_IPCHAR = rf"(?:[A-Za-z0-9\-._~{_UCS}!$&'()*+,;=:@]|%[0-9A-Fa-f]{{2}})"
#: An absolute IRI with an authority (RFC 3987 §2.2: scheme "://" ihost ipath [?iquery] [#ifragment]).
IRI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+\-.]*://[A-Za-z0-9\-._~{_UCS}!$&'()*+,;=:@]+"
    rf"(?:/{_IPCHAR}*)*(?:\?(?:{_IPCHAR}|[/?{_PRIVATE}])*)?(?:#(?:{_IPCHAR}|[/?])*)?"
)
#: RFC 3987 §4.1: bidi formatting characters must not appear in an IRI.
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def assert_valid_iri(iri: str) -> None:
    assert IRI.fullmatch(iri), f"not an RFC 3987 IRI: {iri!r}"
    assert not BIDI.search(iri), f"bidi formatting character in {iri!r}"
    ox.NamedNode(iri)  # Oxigraph's own strict check


def as_ox(t: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    assert isinstance(t, Literal), f"unexpected node {t!r} (kg writes no blank nodes)"
    if t.language:
        return ox.Literal(str(t), language=t.language)
    return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)) if t.datatype else None)


def expected_quads(ds: Dataset) -> set[tuple[Any, ...]]:
    return {(as_ox(s), as_ox(p), as_ox(o), ox.NamedNode(str(g))) for s, p, o, g in ds.quads()}


OX_FORMAT = {k: f.oxigraph for k, f in FORMATS.items()}
RDFLIB_FORMAT = {k: f.rdflib for k, f in FORMATS.items()}
QUADS = {k for k, f in FORMATS.items() if f.named_graphs}


def serialize(ds: Dataset, graph: Graph, fmt: str) -> bytes:
    """kg's bytes for ``fmt``, through kg.rdf.serialize's public entry."""
    text = export.serialize(ds, graph, fmt)
    return text.encode("utf-8")  # fails on any lone surrogate


def check_rdf(ds: Dataset) -> None:
    graph = union(ds)
    quads = expected_quads(ds)
    triples = {q[:3] for q in quads}
    for s, p, o, _ in quads:
        for term in (s, p, o):
            if isinstance(term, ox.NamedNode):
                assert_valid_iri(term.value)
            else:
                assert not re.search("[\ud800-\udfff]", term.value)
    for fmt in WRITTEN:
        data = serialize(ds, graph, fmt)
        try:
            got = {
                (q.subject, q.predicate, q.object, q.graph_name)
                for q in ox.parse(data, format=OX_FORMAT[fmt])
            }
        except SyntaxError as e:
            raise AssertionError(f"Oxigraph cannot parse kg's {fmt}: {e}\n{data.decode()}") from None
        if fmt in QUADS:
            assert got == quads, fmt
        else:
            assert {q[:3] for q in got} == triples, fmt
        parsed = Dataset()
        try:
            parsed.parse(data=data.decode("utf-8"), format=RDFLIB_FORMAT[fmt])
        except Exception as e:
            raise AssertionError(f"rdflib cannot parse kg's {fmt}: {e}\n{data.decode()}") from None
        if fmt in QUADS:
            assert expected_quads(parsed) == quads, fmt
        else:
            assert {q[:3] for q in expected_quads_any(parsed)} == triples, fmt


def expected_quads_any(ds: Dataset) -> set[tuple[Any, ...]]:
    """Triples of every graph of a parsed dataset, the default graph included."""
    return {(as_ox(s), as_ox(p), as_ox(o), None) for s, p, o, _ in ds.quads()}


class Page(HTMLParser):
    """Every start tag with its attributes, and the raw text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.titles: list[str] = []
        self._script = False
        self._title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script = True
            self.scripts.append("")
        if tag == "title" or ("id", "kg-title") in attrs:
            self._title = True
            self.titles.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self._script = self._script and tag != "script"
        self._title = self._title and tag not in {"title", "h1"}

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts[-1] += data
        elif self._title:
            self.titles[-1] += data

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"a comment in the page: {data[:80]!r}")


def read_page(path: Path) -> tuple[Page, str, dict[str, Any]]:
    raw = path.read_bytes().decode("utf-8")  # no newline translation: a "\r" stays a "\r"
    page = Page()
    page.feed(raw)
    page.close()
    data_blocks = [
        s
        for (tag, attrs), s in zip([t for t in page.tags if t[0] == "script"], page.scripts, strict=True)
        if ("id", "kg-data") in attrs
    ]
    assert len(data_blocks) == 1
    return page, data_blocks[0], json.loads(data_blocks[0])


@cache
def reference_tags() -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The elements and attributes of a page drawn from a benign graph."""
    benign = document("benign", TITLES[1] + "县司法局制定《开阳县行政执法公示办法》。\n")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reference.html"
        render(build_dataset(extract_documents([benign])), out)
        return read_page(out)[0].tags


def check_html(ds: Dataset, out: Path, title: str = "kg") -> None:
    graph = union(ds)
    render(graph, out, title=title)
    page, block, data = read_page(out)
    # No element or attribute beyond the template's: nothing was injected.
    assert page.tags == reference_tags()
    assert page.titles == [replace_surrogates(title)] * 2  # <title> and <h1>, shown literally
    # The data block holds no markup at all, so it cannot end its <script>.
    assert "<" not in block and ">" not in block and "&" not in block
    # Every name and every sentence comes back as the same text.
    nodes = data["nodes"]
    labels = {str(o) for s, p, o in graph.triples((None, None, None)) if isinstance(o, Literal)}
    for node in nodes:
        for name in node.get("names", []):
            assert name in labels or name in {str(node.get("label")), str(node.get("title"))}
        for sent in node.get("sentences", []):
            assert "".join(sent["text"]) in labels
    for edge in data["edges"]:
        for ev in edge.get("evidence", []):
            assert "".join(ev["text"]) in labels
    entity_labels = {
        str(o) for s, o in graph.subject_objects(URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    }
    shown = {n["label"] for n in nodes if n["kind"] in {t.value for t in EntityType}}
    assert shown <= entity_labels


# --------------------------------------------------------------------------- properties


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


HEAVY = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@HEAVY
@given(DOCUMENTS)
def test_extraction_keeps_offsets_honest(doc: Document) -> None:
    assert not re.search("[\ud800-\udfff]", doc.text + doc.id)
    d = extract_document(doc)
    n = len(doc.text)
    for s in d.sentences:
        # A sentence may leave out the line breaks PDF conversion put inside it (kg.text.reflow).
        assert 0 <= s.start <= s.end <= n and _squash(s.text) == _squash(doc.text[s.start : s.end]), s
    for m in d.mentions:
        assert 0 <= m.start < m.end <= n, m
        assert m.text == doc.text[m.start : m.end], m
        sent = d.sentences[m.sent_index]
        assert sent.start <= m.start and m.end <= sent.end, (m, sent)
    held = {m for e in d.entities for m in e.mentions}
    assert held <= set(d.mentions)
    for r in d.relations:
        assert 0 <= r.start <= r.end <= n and 0 <= r.sent_index < len(d.sentences), r


@HEAVY
@given(EXTRACTIONS)
def test_every_rdf_format_parses_back_to_the_same_statements(extraction: Extraction) -> None:
    check_rdf(build_dataset(extraction))


@HEAVY
@given(EXTRACTIONS, st.one_of(st.just("kg"), st.text(alphabet=ANY_CHAR, max_size=20), st.sampled_from(NASTY)))
def test_the_html_view_shows_hostile_text_inert(
    tmp_path_factory: pytest.TempPathFactory, extraction: Extraction, title: str
) -> None:
    out = tmp_path_factory.mktemp("hostile") / "graph.html"
    check_html(build_dataset(extraction), out, title)


# --------------------------------------------------------------------------- examples


def test_lone_surrogates_become_replacement_characters() -> None:
    doc = document("r\udcff", "制定《\ud800办法》。\n")
    assert doc.text == "制定《\ufffd办法》。\n" and doc.id == "r\ufffd"
    assert len(doc.text) == len("制定《\ud800办法》。\n")
    assert replace_surrogates("a\udfffb\U0001f600") == "a\ufffdb\U0001f600"
    check_rdf(build_dataset(extract_documents([doc])))


@pytest.mark.parametrize(
    ("sentence", "core"),
    [
        ("制定《<script>alert(1)</script>办法》。", "<script>alert(1)</script>"),
        ("建立「<script>x</script>」制度。", "<script>x</script>"),
        ('印发《"""司法局工作规则》。', "司法局工作规则"),
        ("成立a\\b%20c司法局。", "%20"),
        ("编制a b%事项清单。", "%"),
        ("编制《\u202e清单》。", "\u202e"),
        ("打造“\x00\\”调解品牌。", "\x00\\"),
    ],
)
def test_hostile_names_are_found_and_written_safely(tmp_path: Path, sentence: str, core: str) -> None:
    text = f"开阳县人民政府关于2021年度法治政府建设工作情况的报告\n{sentence}\n"
    extraction = extract_documents([document("hostile", text)])
    found = [e for e in extraction.entities if core in e.canonical]
    assert found, [e.canonical for e in extraction.entities]
    ds = build_dataset(extraction)
    check_rdf(ds)
    check_html(ds, tmp_path / "graph.html")
    _, _, data = read_page(tmp_path / "graph.html")
    assert {e.canonical for e in found} <= {n["label"] for n in data["nodes"]}


def test_a_graph_file_with_an_escaped_surrogate_still_draws(tmp_path: Path) -> None:
    """rdflib reads "\\uD800" in N-Triples as a lone surrogate; the page keeps it as a JSON escape."""
    nt = (
        "<https://w3id.org/kg-rol/id/brand/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/kg-rol/ontology#Brand> .\n"
        '<https://w3id.org/kg-rol/id/brand/x> <http://www.w3.org/2000/01/rdf-schema#label> "a\\uD800b"@zh .\n'
    )
    graph = Graph().parse(data=nt, format="nt")
    out = tmp_path / "graph.html"
    render(graph, out, title="t\udc80")
    page, block, data = read_page(out)
    assert "\\ud800" in block
    assert [n["label"] for n in data["nodes"]] == ["a\ud800b"]
    assert page.titles == ["t\ufffd"] * 2
