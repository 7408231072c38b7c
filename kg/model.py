"""Plain records passed between the stages of kg.

Data flows one way: text → Document → Sentence → Mention → Entity → Relation.
Every record is frozen so a stage cannot change what an earlier stage made,
and every record carries its provenance: the document id and character
offsets into ``Document.text`` (the text exactly as read, never a cleaned
copy). Invariant: ``doc.text[m.start:m.end] == m.text`` for every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

_SURROGATE = re.compile("[\ud800-\udfff]")


#: The namespace of kg's ontology (``ontology/rol.ttl``): classes and relations are ``ONTOLOGY + name``.
ONTOLOGY = "https://w3id.org/kg-rol/ontology#"


class EntityType(StrEnum):
    """The four entity types of the spec. Each is defined here once; every other table derives from it.

    A member's value is its Chinese label, the ``type`` of ``kg extract``'s
    records. The other attributes: ``english``, the English name, which is
    also the class's local name in the ontology (``rol:Institution``, its
    ``@en`` label); ``segment``, the path segment of its entities' IRIs
    (``…/id/inst/…``); ``colour``, its nodes' colour in ``graph.html``
    (Okabe-Ito, colour-blind safe). ``tests/test_schema.py`` checks them
    against ``ontology/rol.ttl`` and ``shapes.ttl``.
    """

    english: str
    segment: str
    colour: str

    #            Chinese label, English name, IRI segment, colour
    INSTITUTION = "机构", "Institution", "inst", "#0072B2"
    SYSTEM = "制度", "System", "sys", "#E69F00"
    LIST = "清单", "List", "list", "#009E73"
    BRAND = "品牌", "Brand", "brand", "#CC79A7"

    def __new__(cls, label: str, english: str, segment: str, colour: str) -> EntityType:
        member = str.__new__(cls, label)
        member._value_ = label
        member.english, member.segment, member.colour = english, segment, colour
        return member

    @property
    def iri(self) -> str:
        """The class IRI, ``rol:`` + the English name."""
        return ONTOLOGY + self.english


class Predicate(StrEnum):
    """The seven relations of the spec, defined here once; the value is the JSON name and the IRI's local name.

    ``label`` is the Chinese label (the ontology's ``@zh`` label, shown on
    the edges of ``graph.html``); ``domain`` the type of the subject;
    ``range`` the type of the object, or None when the object is a number
    (``itemCount``, an ``xsd:integer``); ``cues`` the word list in
    ``kg/data`` of the verbs that state it (``kg.extraction.relations``), or ""
    when no cue verb does.
    """

    label: str
    domain: EntityType
    range: EntityType | None
    cues: str

    #           name, Chinese label, domain, range, cue-verb word list
    FORMULATES = "formulates", "制定", EntityType.INSTITUTION, EntityType.SYSTEM, "relation_formulates"
    IMPLEMENTS = "implements", "实施", EntityType.INSTITUTION, EntityType.SYSTEM, "relation_implements"
    COMPILES = "compiles", "编制", EntityType.INSTITUTION, EntityType.LIST, "relation_compiles"
    RUNS = "runs", "打造", EntityType.INSTITUTION, EntityType.BRAND, "relation_runs"
    PART_OF = "partOf", "隶属", EntityType.INSTITUTION, EntityType.INSTITUTION, ""
    BASED_ON = "basedOn", "依据", EntityType.SYSTEM, EntityType.SYSTEM, ""
    ITEM_COUNT = "itemCount", "项数", EntityType.LIST, None, ""

    def __new__(
        cls, name: str, label: str, domain: EntityType, range_: EntityType | None, cues: str
    ) -> Predicate:
        member = str.__new__(cls, name)
        member._value_ = name
        member.label, member.domain, member.range, member.cues = label, domain, range_, cues
        return member

    @property
    def iri(self) -> str:
        """The property IRI, ``rol:`` + the name."""
        return ONTOLOGY + self.value

    @property
    def links(self) -> bool:
        """True for a relation between two entities (an edge), False for a number (``itemCount``)."""
        return self.range is not None


def types_text() -> str:
    """The entity types with their English names, for messages: 机构 (Institution), 制度 (System), …"""
    return ", ".join(f"{t.value} ({t.english})" for t in EntityType)


def entity_types_text(sep: str = ", ") -> str:
    """The Chinese labels of the entity types, for messages and help texts: 机构, 制度, 清单, 品牌."""
    return sep.join(t.value for t in EntityType)


@dataclass(frozen=True, slots=True)
class GivenFacts:
    """What the collector of the reports says about one of them (a folder's manifest).

    A report may never write its place, its year or who wrote it (an excerpt
    that opens with 我局…); whoever gathered the files often knows. Empty
    fields are unknown. ``kg.io.manifest`` reads them; the report's own text
    comes first and these fill what it leaves open.

    Attributes:
        place: the place the report is of, or the department that wrote it
            (将乐县古镛镇, 重庆市荣昌区司法局).
        level: the level of ``place`` as the manifest writes it (县, 镇, 部门 …);
            部门 says that ``place`` names the department that wrote the report.
        year: the year the report is of.
        kind: the kind of text as the manifest writes it (report, reply, news …).
        author: the institution that wrote it, when the manifest says so.
    """

    place: str = ""
    level: str = ""
    year: int | None = None
    kind: str = ""
    author: str = ""

    @property
    def department(self) -> str:
        """The writer the manifest names: its author, else a department given as the place."""
        return self.author or (self.place if self.level == "部门" else "")

    def key(self) -> str:
        """A stable text of the facts, for cache keys (a change of the manifest redoes the report)."""
        return "\t".join(
            (self.place, self.level, "" if self.year is None else str(self.year), self.kind, self.author)
        )


@dataclass(frozen=True, slots=True)
class Document:
    """One report as read from disk.

    Attributes:
        id: the file stem, unique within a run.
        path: where it was read from (for messages only; never in the graph).
        text: the decoded text; all offsets index this string.
        sha256: hex digest of the raw bytes, used in mention IRIs.
        encoding: the form the text came in: the codec that decoded the bytes
            ("utf-8", "utf-16", "gb18030" …), "html/<codec>" for a web page
            whose markup was removed, "docx" or "pdf".
        given: what the folder's manifest says about the report, if it has one.

    A lone surrogate (U+D800–U+DFFF) in ``id`` or ``text`` becomes U+FFFD on
    construction: such a string cannot be written as UTF-8 (a file name read
    with ``surrogateescape``, a str built in memory), and one character for one
    keeps every offset.
    """

    id: str
    path: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    given: GivenFacts | None = None

    def __post_init__(self) -> None:
        for name in ("id", "text"):
            value = getattr(self, name)
            if _SURROGATE.search(value):
                object.__setattr__(self, name, replace_surrogates(value))


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD; same length, same offsets."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True, order=True)
class Sentence:
    """A span of a document that ends at 。！？；, a line break or a heading.

    ``start``/``end`` index ``Document.text``. ``text`` is the sentence a
    reader sees: ``doc.text[start:end]``, except that line breaks inside
    the sentence (PDF conversions, see ``kg.text.reflow``) are left out
    with the white space around them. Stages that compute offsets from
    ``text`` run on the reflowed document, where the two are equal.
    """

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Region:
    """An administrative division named by a report.

    Attributes:
        name: full name as in the gazetteer or the text (开阳县, 兴隆镇).
        level: one of province, prefecture, county, township, national.
        code: GB/T 2260 code (6 digits) when known, "" otherwise.
        parent: the region that contains it, when known.
    """

    name: str
    level: str
    code: str = ""
    parent: Region | None = None

    @property
    def key(self) -> str:
        """A stable, IRI-safe key: the division code, or parent key + name."""
        if self.code:
            return self.code
        if self.parent is not None:
            return f"{self.parent.key}-{self.name}"
        return self.name

    def chain(self) -> list[Region]:
        """This region and its ancestors, innermost first."""
        out: list[Region] = []
        r: Region | None = self
        while r is not None:
            out.append(r)
            r = r.parent
        return out


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """What the text says about itself: title, place, year, author.

    Attributes:
        doc_id: the document.
        title: the report's title line when the text states one, else "".
        place: the innermost region the report is about (its own government's).
        year: the year reported on, when the text states it.
        author: name of the reporting institution, when found (title such as
            开阳县人民政府关于…, 我局 with the header's 发布机构, the opening's subject …).
        kind: report, reply or news.
        author_reason: the signal that named the author (``kg.extraction.author``).
        author_alias: the place name the text uses for the author when it speaks
            of its place as the actor (通山县始终… for 通山县人民政府), else "".
        coauthors: the institutions that sign the text with the author (a notice of
            中共X县委办公室 and X县人民政府办公室), in the order they sign.
        author_names: other names of the author that the text does not write: the
            full name the folder's manifest gives for a short one (肃南县林草局 →
            肃南裕固族自治县林业和草原局).
    """

    doc_id: str
    title: str = ""
    place: Region | None = None
    year: int | None = None
    author: str = ""
    kind: str = "report"
    author_reason: str = ""
    author_alias: str = ""
    coauthors: tuple[str, ...] = ()
    author_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One occurrence of an entity name in a sentence.

    Attributes:
        doc_id, start, end: provenance; ``text == doc.text[start:end]``.
        sent_index: index of the containing Sentence.
        text: the surface form, marks included when they delimit the name.
        type: the entity type.
        name: the surface name with delimiting marks removed (《民法典》 → 民法典).
        rule: id of the rule or lexicon that found it.
    """

    doc_id: str
    start: int
    end: int
    sent_index: int
    text: str
    type: EntityType
    name: str
    rule: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A merged entity: every mention that names the same thing.

    Attributes:
        type: the entity type.
        canonical: the canonical name (place-relative names expanded).
        scope: Region.key of the place the entity is local to, "" when national
            or not tied to a place (laws, national systems).
        mentions: the mentions, ordered by (doc_id, start).
        alt_labels: other surface names, sorted, without the canonical one.
    """

    type: EntityType
    canonical: str
    scope: str
    mentions: tuple[Mention, ...]
    alt_labels: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type.value, self.canonical, self.scope)


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation stated by one sentence of one report.

    Attributes:
        doc_id: the report.
        predicate: the relation.
        subject: key of the subject Entity.
        object: key of the object Entity, or an int for itemCount.
        sent_index: the evidence sentence.
        start, end: offsets of the evidence span (the sentence unless narrower).
        implicit: True when the subject is the reporting institution, implied
            by a sentence with no subject of its own.
        rule: id of the rule that found it.
    """

    doc_id: str
    predicate: Predicate
    subject: tuple[str, str, str]
    object: tuple[str, str, str] | int
    sent_index: int
    start: int
    end: int
    implicit: bool = False
    rule: str = ""


@dataclass(slots=True)
class DocumentExtraction:
    """Everything extracted from one document, before cross-document merging.

    ``mentions`` are ordered by (start, end); they do not overlap, except that a
    title's mention may hold the title it cites and its issuers (``kg.extraction.nested``).
    """

    document: Document
    info: ReportInfo
    sentences: list[Sentence]
    mentions: list[Mention]
    entities: list[Entity]
    relations: list[Relation]
    author_key: tuple[str, str, str] | None = None
    coauthor_keys: tuple[tuple[str, str, str], ...] = ()


@dataclass(slots=True)
class Extraction:
    """The result of extracting a set of documents, merged across documents.

    ``entities`` are merged across documents by key (type, canonical, scope), so
    one entity may hold mentions from several documents.
    """

    documents: list[DocumentExtraction] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def relations(self) -> list[Relation]:
        return [r for d in self.documents for r in d.relations]

    @property
    def mentions(self) -> list[Mention]:
        return [m for d in self.documents for m in d.mentions]
