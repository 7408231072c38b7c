"""Sentence-level relation rules: who formulates, implements, compiles or runs what.

Each rule reads one sentence and the entity mentions found in it; nothing here
tags parts of speech, so the cost is a few substring scans per sentence.

Rule families (each Relation records its family in ``rule``):

* ``cue``: a cue verb (``kg/data/relation_{formulates,implements,compiles,runs}.txt``)
  governs the named rule, list or brand that follows it in the same clause.
  The object's type picks the predicate (制度 → formulates/implements, 清单 →
  compiles, 品牌 → runs); chained verbs (制定并实施) and coordinated names
  (《A》《B》、C和D, even after unnamed members: 开展A、B和“C”) each give a
  relation, and a clause made of names only continues the list of the clause
  before it (制定《A》，《B》). Text between verb and name is kept short and free
  of blocking words (纳入, 对照…), so distant or indirect objects stay silent;
  a light verb before another (推进建立) adds nothing of its own.
* ``cue-loose``: a brand whose runs verb is kept from it by a long modifier
  (开展习近平法治思想学习宣传贯彻“八进”活动), in the same clause and not as a member
  of an enumeration (依托A、B、“C”等).
* ``cue-post``: the verb follows the name (行政执法“三项制度”落实, 对《X》进行修订).
* ``frame``: 以《X》为指导/依据/抓手, 以A、B等形式 → implements (制度) or runs (品牌).
* ``issuer``: an institution written right before a title (国务院《…条例》), or a
  decree number after it (《…规定》(省政府令192号)), formulates it.
* ``owner``: an institution written right before a brand (X司法所“立马就调”品牌) runs it.
* ``based-on``: 根据《A》，制定《B》 → B basedOn A.
* ``item-count``: a list followed or preceded by a count (清单714项, 224项…清单).
* ``part-of-name``: a body whose name is another institution's name plus a
  unit (县政府 + 行政复议办公室, 政府 + 办, 局 + 党组 in a bureau's report) is part
  of it (``kg.extraction.hierarchy``). Naming a bureau and a government in one
  sentence states nothing: annotators of unseen reports never marked it.
* ``part-of-sentence``: the sentence says a body has units under it (X下设Y,
  X内设A、B和C, X下设的Y): each unit is part of X.
* ``runs-name``: a brand named after an institution (长治市人民政府门户网) is run by it.

The actor of a cue is the nearest institution written before the verb with
nothing but adverbs, dates or 牵头/会同 between them (由县司法局牵头制定…),
together with institutions coordinated with it (中办、国办印发…), or written right
before a relative clause's verb whatever joins it to the clause (…和国办印发的《X》,
where the clause's own verb acts on X too); failing that, the body that opens the
clause (县司法局组织起草…), then the institution the sentence opens with as its
subject (省委政法委推动…，指导制定…). A standing meeting named as an institution acts
for its organ (县政府常务会议审议通过《X》: 县政府 formulates X). A sentence without either is the reporting institution's own
statement: the actor is the report's author (and any office that signs the text with
it) and the relation is ``implicit``.
Silence instead when the subject is a word that names no entity (各部门建立…,
全县7个乡镇制定…), in news articles (the author is a newspaper), and for
implied authors of laws and regulations (《…法》, …条例 are passed by a
legislature, not by the reporting government).

Silence also for what the author does not do: negated or deficient cues
(尚未建立, 落实不到位), rules that are only the topic of an activity
(开展《民法典》宣传), and verbs inside titles or quoted statements (《关于印发…的
通知》, 全会提出“…完善…制度”).

Guarantees: subjects and objects are keys of the given entities; evidence
offsets lie inside the evidence sentence; the output is sorted, has one
relation per (sentence, predicate, subject, object) and depends only on the
input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from kg.data import lexicon
from kg.extraction.anaphora import OWN_DOCUMENT
from kg.extraction.author import dateline_end
from kg.extraction.hierarchy import own_units, parents_of
from kg.extraction.nested import is_nested
from kg.extraction.places import find_divisions, short_name, town_names
from kg.model import Document, Entity, EntityType, Mention, Predicate, Relation, ReportInfo, Sentence

Key = tuple[str, str, str]

# Predicates that a cue verb can give, by the type of the object it governs, and
# the word list of each one's cue verbs: both from the schema (kg.model.Predicate).
_CUE_LISTS: dict[Predicate, str] = {p: p.cues for p in Predicate if p.cues}
_CUE_PREDICATES: dict[EntityType, tuple[Predicate, ...]] = {
    t: cued for t in EntityType if (cued := tuple(p for p in _CUE_LISTS if p.range is t))
}

# Clause boundaries inside a sentence; a cue never reaches across one, except
# into a following clause that holds nothing but names (制定《A》，《B》).
_CLAUSE_END = frozenset("，,；;：:。！？!?\n")
# Text that joins coordinated names or verbs (《A》、《B》和C; 制定并实施).
_JOINERS = re.compile(r"^(?:[、，,和与及或并同等\s“”‘’《》〈〉\"']|以及|并且)*$")
# Typography that does not count towards a gap.
_MARKS = re.compile(r"[\s“”‘’《》〈〉\"'「」『』]")
# Quoted examples ending in 等 (推行“A”“B”等…清单): skipped when measuring a gap.
_EXAMPLES = re.compile(r"(?:“[^”“]{1,24}”[、，,和与及]?)+等")
# How far (in characters, names and marks not counted) a cue may sit from its object.
_MAX_GAP = 10
# “A”“B”智控应用等多个特色应用顺利上线: names given as examples of what the verb acts on.
_POST_LIST = re.compile(r"^[^、和与及]{0,8}等(?:多个|一批|\d+个)?[^、和与及]{0,8}$")
# How far after a rule a topic noun (宣传, 培训) may stand: 开展《X》等中医药文化宣传.
_MAX_TOPIC_GAP = 10
# Unnamed list members before a name: at most this many, each at most this long.
_MAX_LIST_ITEMS = 4
_MAX_ITEM = 10
_LIST_SPLIT = re.compile(r"、|和|及|以及")
# How far before a cue, or after its object, a negation (未, 不到位) still applies.
_NEGATION_REACH = 6
# How far a cue may follow its object (“三项制度”落实).
_MAX_POST_GAP = 4
# Joiners between coordinated institutions (中共中央、国务院).
_COORD = re.compile(r"^\s*(?:[、和与及]|以及|联合|会同|协同)?\s*$")
# 与A、B联合印发: the institutions after 与/会同 act together with the writer.
_WITH_WRITER = re.compile(r"(?:与|同|会同|联合)$")
_TOGETHER = re.compile(r"^(?:等(?:部门|单位)?)?(?:联合|共同)")
# 联合A、B印发, 会同A制定: a verb of acting together before the partners; the clause's
# subject (or the writer) acts with them.
_JOINT_VERB = re.compile(r"(?:会同|联合|协同)$")
# A verb of acting together anywhere in a clause's opening (the partners follow it).
_JOINT_ANYWHERE = re.compile(r"携手|联合|会同|协同")
# The others a list of bodies stands for, counted (A、B等六部门联合印发, 等3家单位).
_OTHERS_COUNTED = re.compile(r"等[\d一二三四五六七八九十两几多]*[个家]?(?:部门|单位|机关)")
# Where an actor acts, between it and its verb (在全县中小学, 在各乡镇).
_WHERE = re.compile(r"在[^在的]{1,8}")
# An ordinal session between a body and its verb (常委会第三十次会议通过, 第四次县委…).
_SESSION = re.compile(r"第[\d一二三四五六七八九十百]+次")
# A body's meeting after its name, before the verb it adopts by (县政府第30次常务会议审议通过).
# The cue may hold the meeting's 会议 (会议审议通过), so the rest may end in 常务 alone.
_MEETING_OF = re.compile(r"(?:第[\d一二三四五六七八九十百]+次)?(?:全体|常务|扩大)?(?:会议?)?$")
# Where a body's meeting is, between it and an adopting verb (在…会议上审议通过).
_MEETING_AT = re.compile(r"^(?:全体|常务|扩大)?(?:会议|会)?[上中]$")
# Characters after which a verb is still a verb (部署并建设, 全面建设): not a noun's end.
_VERB_BEFORE = frozenset("并和及与、又再也还均已将要在全")
# What may not follow a sentence's opening institution for it to be the topic subject.
_NOT_TOPIC_AFTER = frozenset("的、和与及，,；;：:（(各")
# A time expression (2021年, 2019年6月以来) at the start of a sentence or the end of a head.
_TIME = re.compile(r"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|起|初|底)?[，,]?)+")
_TIME_END = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}月)(?:\d{1,2}日)?(?:以来|起|初|底)?$|\d{4}年(?:以来|起|初|底)?$"
)
# A date anywhere between an actor and its verb (国办2019年6月印发, 县政府于3月出台).
_TIME_ANY = re.compile(r"于?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?<=[年月日])(?:以来|起|初|底)?")
# Titles and quotations; a quoted stretch longer than a name is someone's words.
_TITLE_SPAN = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》")
_QUOTE_SPAN = re.compile(r"“[^“”]*”")
_MAX_NAME_QUOTE = 20
# Heading markers at the start of a sentence (一是, (一), 1.).
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[是、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])\s*"
)
# The 以 of a frame, not of 以及, 可以, 予以, 所以, 以来, 以上, 以下.
_FRAME_YI = re.compile(r"(?<![可予所加难])以(?![及来上下内外后前])")
# A count before a list: 224项免于处罚…清单.
# After the count of a list's kinds, the count of its items: 8类1263项, 3大类26项, 7个类别193项.
_ITEMS_AFTER_KINDS = re.compile(
    r"\s*(?:余|多)?(?:大?类|个(?:大类|类别|方面|领域))[，,]?\s*(?:共|计|共计)?(\d+)\s*(?:余|多)?项"
)
# A count before a list: 238项《…清单》, or the items put into it (将7项事项列入《…目录》).
_COUNT_BEFORE = re.compile(r"(\d+)\s*(\S)(?:事项|条目)?(?:(?:列入|纳入|编入)了?)?的?[“‘《\s]*$")
# A decree number after a title: 《…规定》(省政府令192号).
_DECREE = re.compile(r"^[（(]\s*$")
# A document number in brackets after a title, and the words that close a basis
# (《A》(中发〔2021〕33号)精神和《B》): skipped when joining a list of bases.
_DECREE_NO = re.compile(r"[（(][^()（）]{1,24}[)）]|精神|要求|规定")
_DECREE_TAIL = re.compile(r"^令\s*(?:第\s*)?[\d一二三四五六七八九十百]+\s*号")


@dataclass(frozen=True, slots=True)
class _Cue:
    """A cue verb found in a sentence (offsets into the document)."""

    start: int
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class CueDecision:
    """Why a name in a sentence did or did not become the object of a cue relation.

    ``cue`` is the verb (or frame) found, "" when none; ``outcome`` says what was
    decided (``kg explain`` prints it): who acts and how they were found, or why
    nothing was stated.
    """

    sent_index: int
    object: Mention
    cue: str
    predicates: tuple[Predicate, ...]
    subjects: tuple[Key, ...]
    outcome: str


Note = Callable[[CueDecision], None]


@dataclass(slots=True)
class _Sent:
    """One sentence with its mentions and cue verbs, ready for the rules."""

    sentence: Sentence
    mentions: list[Mention]
    cues: list[_Cue]
    opens: int  # where the sentence's own words begin: past a news dateline (商丘日报讯（记者…）)
    ends: list[int] = field(default_factory=list)  # clause-end offsets within the sentence
    note: Note | None = None  # kg explain listens here
    parents: dict[Key, Key] = field(default_factory=dict)  # 县政府常务会议 → 县政府

    def tell(
        self, obj: Mention, cue: str, preds: Sequence[Predicate], subjects: Sequence[Key], outcome: str
    ) -> None:
        if self.note is not None:
            self.note(CueDecision(self.sentence.index, obj, cue, tuple(preds), tuple(subjects), outcome))

    def __post_init__(self) -> None:
        self.ends = [i for i, c in enumerate(self.sentence.text) if c in _CLAUSE_END]


def find_relations(
    doc: Document,
    sentences: list[Sentence],
    info: ReportInfo,
    mentions: list[Mention],
    entities: list[Entity],
    author: Key | None = None,
    note: Note | None = None,
    coauthors: Sequence[Key] = (),
) -> list[Relation]:
    """The relations stated by the sentences of ``doc``, sorted.

    ``author`` is the key of the reporting institution (the actor of
    subjectless sentences); it is ignored unless one of ``entities`` has it,
    and news articles have none. ``coauthors`` sign the text with the author:
    what the author states implicitly, they state too.
    """
    del doc  # offsets suffice: every sentence carries its own text
    if author is not None and not any(e.key == author for e in entities):
        author = None
    parents = {c: p for c, (p, _) in parents_of(entities, info, author).items()}
    parents.update(own_units(entities, author))
    found = relate(sentences, mentions, entities, author, parents, note)
    # what a deputy or member proposes (您提出的建立…机制的建议) is no one's act yet
    found = [r for r in found if not _proposed(r, sentences)]
    if author is not None and not _governs(author[1]):
        if info.kind == "reply":
            found = [r for r in found if not _county_work(r, sentences)]
        found = [r for r in found if not _own_place_acts(r, sentences)]
    if author is not None:
        found = [r for r in found if not _other_place_acts(r, sentences, info, author)]
    keys = {e.key for e in entities}
    also = [
        replace(r, subject=k)
        for r in found
        if r.implicit and r.subject == author
        for k in coauthors
        if k in keys
    ]
    return _first_per_sentence([*found, *also]) if also else found


# A government or Party committee answers for its own place; a department does not,
# whatever its name ends with (县发展和改革委员会, 县卫生健康委员会 are departments).
_GOVERNING = ("人民政府", "行政公署", "办事处", "党委", "党工委")
_PARTY_COMMITTEE = re.compile(r"中共[^委]{2,20}委员会|(?:中共)?[^委]{2,20}[省市县区州旗盟]委")


def _governs(name: str) -> bool:
    """True for a government or a Party committee (中共宁陵县委员会, 中共嘉兴市委, 张弓镇党委)."""
    return name.endswith(_GOVERNING) or bool(_PARTY_COMMITTEE.fullmatch(name))


_PUSH_VERBS = ("深化", "推进", "纵深推进", "推广", "推动")


def _county_work(r: Relation, sentences: Sequence[Sentence]) -> bool:
    """A reform a department's reply letter says was pushed (深化, 推进, 推广) with no subject.

    A department answering a proposal speaks for its whole county: 深化“一网通办”
    is the county's reform, not the replying bureau's, and the text names no
    one else, so such a sentence gives no implied relation. 推进落实 still
    credits it: the department says it carries the rule out.
    """
    if not r.implicit or r.predicate is not Predicate.IMPLEMENTS:
        return False
    s = sentences[r.sent_index]
    at = r.start - s.start
    verb = next((v for v in _PUSH_VERBS if s.text.startswith(v, at)), "")
    after = s.text[at + len(verb) :]
    return bool(verb) and not after.startswith(lexicon.words(Predicate.IMPLEMENTS.cues))


# The one who proposes, before the proposed act in its clause (您提出的建立…, 代表所提的关于推行…).
_PROPOSER = re.compile(r"(?:您|你们|代表|委员)们?[^，,；;。]{0,12}?(?:提出|所提|建议|提议|反映)")
# A proposal's title around the act (关于建立…机制的建议).
_PROPOSAL_END = re.compile(r"^[”’》」]*的?(?:建议|提案|议案)")


def _clause_starts(text: str, at: int) -> list[int]:
    """Where the clauses of a sentence's ``text`` before offset ``at`` begin: 0, then after
    each clause end (the filters of implied relations read plain sentences, not ``_Sent``)."""
    return [0, *(i + 1 for i, c in enumerate(text[:at]) if c in _CLAUSE_END)]


def _proposed(r: Relation, sentences: Sequence[Sentence]) -> bool:
    """An implied relation whose act a deputy or member proposes, not the writer's.

    A reply repeats the proposal it answers (您提出的关于建立矛盾纠纷多元化解机制的
    建议收悉; 您建议制定《X》): the proposed system is not yet anyone's.
    """
    if not r.implicit:
        return False
    s = sentences[r.sent_index]
    at = r.start - s.start
    lo = _clause_starts(s.text, at)[-1]
    lead = s.text[lo:at]
    if _PROPOSER.search(lead):
        return True
    return "关于" in lead and bool(_PROPOSAL_END.match(s.text[r.end - s.start :]))


# 我县, 我市 …: the writer's place; 我局, 本局, 我们 …: the writer's office.
_SELF_SUBJECT = re.compile(r"^(?:我|本)(省|市|州|县|区|镇|乡|街道|旗|盟|局|委|办|厅|院|们)(?![长委级属员])")


def _own_place_acts(r: Relation, sentences: Sequence[Sentence]) -> bool:
    """An implied relation of a department's text whose sentence has its place as the subject.

    我县深化“放管服”改革，推行“一件事一次办”: the county acts, not the bureau that
    writes (a department's reply or report speaks of its county's reforms too);
    我局推行… and a clause of the bureau after it (…，我局积极落实) stay its own.
    """
    if not r.implicit:
        return False
    s = sentences[r.sent_index]
    at = r.start - s.start
    for lo in reversed(_clause_starts(s.text, at)):
        m = _SELF_SUBJECT.match(_bare_lead(s.text[lo:at]))  # past 目前, 近年来 …
        if m:
            return m.group(1) in _PLACE_LEVELS
    return False


_PLACE_LEVELS = frozenset({"省", "市", "州", "县", "区", "镇", "乡", "街道", "旗", "盟"})


def _other_place_acts(r: Relation, sentences: Sequence[Sentence], info: ReportInfo, author: Key) -> bool:
    """An implied relation whose clause opens with another place as its subject.

    河南省推行“一件事一次办”，我县积极落实; 张弓镇打造“张弓和事佬”品牌: the province
    or the town acts, not the reporting institution. The report's own place
    (宁陵县全面推行…) speaks of its author.
    """
    if not r.implicit or r.subject != author:
        return False
    s = sentences[r.sent_index]
    at = r.start - s.start
    lo = _clause_starts(s.text, at)[-1]
    lead = _bare_lead(s.text[lo:at])
    place = _place_opening(lead)
    if not place:
        return False
    own = [x for x in (info.place.name, short_name(info.place.name)) if len(x) >= 2] if info.place else []
    if any(o in lead[: len(place) + 8] for o in own):
        return False  # 商丘市宁陵县…, 宁陵县张弓镇…: written with the report's place
    return place not in author[1]


def _place_opening(lead: str) -> str:
    """The place name a clause opens with (河南省, 张弓镇, 宁陵县), or ""."""
    ends = [e for b, e, _ in find_divisions(lead[:12], short=False) if b == 0]
    if ends:
        return lead[: ends[0]]
    towns = [name for k, name, _ in town_names(lead[:12]) if k == 0]
    return towns[0] if towns else ""


def relate(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    author: Key | None,
    parents: dict[Key, Key] | None = None,
    note: Note | None = None,
) -> list[Relation]:
    """Apply every rule family to every sentence; the core of ``find_relations``.

    Args:
        sentences: the document's sentences; ``sentences[i].index == i``.
        mentions: the document's mentions after overlap resolution.
        entities: the document's entities; every mention belongs to one of them.
        author: key of the reporting institution, or None when unknown.
        parents: each institution's parent as its name shows it
            (``kg.extraction.hierarchy``): 县委理论学习中心组 → 县委.
        note: called with a ``CueDecision`` for every name a cue rule considered.
    """
    owner = {m: e for e in entities for m in e.mentions}
    implied = author  # a news article's author is its lead's subject, or None
    by_sent: dict[int, list[Mention]] = {}
    inner: list[Mention] = []  # names inside a title: what the title says of them only
    for m in mentions:
        if m in owner and 0 <= m.sent_index < len(sentences):
            (inner if is_nested(m) else by_sent.setdefault(m.sent_index, [])).append(m)
    out: list[Relation] = []
    for sent in sentences:
        # the paper of a news dateline (商丘日报讯（记者 王某）) reports; it does not act
        opens = sent.start + dateline_end(sent.text)
        ms = sorted(
            (
                m
                for m in by_sent.get(sent.index, [])
                if m.start >= opens or m.type is not EntityType.INSTITUTION
            ),
            key=lambda m: (m.start, m.end),
        )
        if not ms:
            continue
        s = _Sent(sent, ms, _find_cues(sent, ms), opens, note=note, parents=parents or {})
        out.extend(_cue_relations(s, owner, implied))
        out.extend(_issuer_relations(s, owner))
        out.extend(_item_counts(s, owner))
        out.extend(_units_set_up(s, owner))
    located = [m for ms in by_sent.values() for m in ms]
    out.extend(_part_of_structure(sentences, entities, parents or {}))
    out.extend(_issuers_in_titles(sentences, located, entities, owner))
    out.extend(_named_after(sentences, located, entities, owner))
    out.extend(_cited_in_titles(sentences, located, inner, owner))
    return _first_per_sentence(out)


def _order(r: Relation) -> tuple[object, ...]:
    obj = (1, "", "", str(r.object)) if isinstance(r.object, int) else (0, *r.object)
    return (r.doc_id, r.sent_index, r.start, r.end, r.predicate.value, r.subject, obj, r.rule, r.implicit)


def _first_per_sentence(rels: Iterable[Relation]) -> list[Relation]:
    """One relation per (sentence, predicate, subject, object): the earliest evidence.

    A sentence that names one entity twice states the relation once.
    """
    seen: set[tuple[object, ...]] = set()
    out: list[Relation] = []
    for r in sorted(rels, key=_order):
        k = (r.doc_id, r.sent_index, r.predicate, r.subject, r.object)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


# --- lexicons ---------------------------------------------------------------


@cache
def _cue_words() -> dict[str, frozenset[Predicate]]:
    """Each cue word and the predicates it can express."""
    table: dict[str, set[Predicate]] = {}
    for pred, name in _CUE_LISTS.items():
        for w in lexicon.words(name):
            table.setdefault(w, set()).add(pred)
    return {w: frozenset(ps) for w, ps in table.items()}


@cache
def _cue_pattern() -> re.Pattern[str]:
    words = sorted(_cue_words(), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words)))


@cache
def _attribute_end() -> re.Pattern[str]:
    """A participle closing the text before a name (根据新修订的《A》, 依据修订后的《A》): it
    says what the name is (新修订的《X》, 最新出台的, 修订后的), not what the subject did."""
    cues = _cue_pattern().pattern
    return re.compile(rf"(?:最?新(?:{cues})|(?:{cues})后)的$")


@cache
def _alternation(name: str) -> re.Pattern[str]:
    """One regex matching any entry of a word list, longest first."""
    return re.compile(lexicon.alternation(name))


@cache
def _frame_after(words: str = "relation_frame_words") -> re.Pattern[str]:
    """以《X》为指导: the name is the rule followed or the vehicle used; with the word list
    relation_frame_grounds, 以《A》为依据，制定《B》: A is the ground of what the clause makes."""
    return re.compile(rf"^[”’》〉\s]*为(?:{lexicon.alternation(words)})")


@cache
def _frame_list_after() -> re.Pattern[str]:
    """以A、B等形式开展…: the tail of a frame over a list of names."""
    campaigns, forms = (
        lexicon.alternation("relation_frame_campaigns"),
        lexicon.alternation("relation_frame_forms"),
    )
    return re.compile(rf"^(?:{campaigns})?(?:、[^、，,]{{0,10}}?)*等(?:{forms})")


@cache
def _count_after() -> re.Pattern[str]:
    """A count after a list: 清单714项, 清单共238项, 清单(2024年版)，共计238项, 清单3600余项,
    清单，涵盖检查事项86项 (a count word, then a few words and the items' noun).

    A comma may stand between list and count only when a count word follows it (，共计).
    """
    nouns, cues = lexicon.alternation("relation_count_nouns"), lexicon.alternation("relation_count_cues")
    return re.compile(
        rf"^[”’》〉\s]*(?:[（(][^()（）]{{1,12}}[)）])?(?:[，,]\s*(?={cues}))?"
        rf"[（(]?(?:{nouns})?(?:(?:{cues})(?:[\u4e00-\u9fff]{{0,4}}?(?:{nouns}))?)?\s*(\d+)\s*(?:余|多)?(\S)"
    )


def _find_cues(sent: Sentence, mentions: Sequence[Mention]) -> list[_Cue]:
    """Cue verbs of the sentence that are not part of a name (《…制定和监督管理规定》, 实施意见)."""
    out: list[_Cue] = []
    nouns = _alternation("relation_noun_heads")
    quoted = _enclosed(sent.text)
    pos = 0
    while m := _cue_pattern().search(sent.text, pos):
        start, end = sent.start + m.start(), sent.start + m.end()
        pos = m.end()
        if quoted[m.start()]:
            pos = m.start() + 1
            continue
        overlap = next((x for x in mentions if x.start < end and start < x.end), None)
        if overlap is not None:
            # 县政府常务会议审议通过: 会议审议通过 overlaps the meeting's name, 审议通过 does not;
            # 国务院常务会议通过: 会议通过 does, and the meeting adopts what follows
            pos = m.start() + 1
            if not (_meeting_passes(overlap, m.group()) and start < overlap.end < end):
                continue
            start = overlap.end
        if nouns.match(sent.text, m.end()) and not any(x.start == end for x in mentions):
            continue  # 实施意见, 督促落实机制: part of an unnamed noun, not a verb
        p = _participle(sent.text, m.end())
        if p and not any(x.end == sent.start + p.start() for x in mentions):
            # 贯彻新修订的《X》: the participle says what X is, the verb before it acts
            # (县司法局最新出台的《X》 names who made it)
            continue
        out.append(_Cue(start, end, m.group()))
    return out


def _meeting_passes(name: Mention, cue: str) -> bool:
    """会议通过 whose 会议 ends a meeting's name (国务院常务会议通过): the meeting passed it."""
    return name.type is EntityType.INSTITUTION and cue.startswith("会议") and name.text.endswith("会议")


def _participle(text: str, cue_end: int) -> re.Match[str] | None:
    """新修订的, 最新出台的 or 修订后的 ending just after the cue that ends at ``cue_end``."""
    lo = max(0, cue_end - _MAX_PARTICIPLE)
    return next((p for k in (1, 2) if (p := _attribute_end().search(text, lo, cue_end + k))), None)


# 最新 + the longest cue word + 的: how far back a participle may start
_MAX_PARTICIPLE = 12


def _enclosed(text: str) -> list[bool]:
    """For each character: inside a title (《…》) or a quoted statement (“…，…”).

    A verb there belongs to a document's title or to someone else's words
    (全会提出，“…完善法律援助制度”), not to the reporting institution.
    """
    inside = [False] * (len(text) + 1)
    for m in _TITLE_SPAN.finditer(text):
        inside[m.start() : m.end()] = [True] * (m.end() - m.start())
    for m in _QUOTE_SPAN.finditer(text):
        body = m.group()[1:-1]
        if len(body) > _MAX_NAME_QUOTE or any(c in _CLAUSE_END for c in body):
            inside[m.start() : m.end()] = [True] * (m.end() - m.start())
    return inside


# --- helpers over sentence text ---------------------------------------------


def _text(s: _Sent, start: int, end: int) -> str:
    base = s.sentence.start
    return s.sentence.text[start - base : end - base]


def _clause_bounds(s: _Sent, pos: int) -> tuple[int, int]:
    """Document offsets of the clause that holds ``pos``."""
    base, ends = s.sentence.start, s.ends
    k = bisect_left(ends, pos - base)
    lo = ends[k - 1] + 1 if k > 0 else 0
    hi = ends[k] if k < len(ends) else len(s.sentence.text)
    return base + lo, base + hi


def _without_names(s: _Sent, start: int, end: int, keep_institutions: bool = False) -> str:
    """The text of [start, end) with mentions cut out.

    With ``keep_institutions`` an institution stays in the text unless it issues
    the title right after it (落实国务院《…》): an institution between a verb and
    its object is usually another clause member, not part of a list of names.
    """
    parts: list[str] = []
    pos = start
    for m in s.mentions:
        if m.end <= start or m.start >= end:
            continue
        if keep_institutions and m.type is EntityType.INSTITUTION and not _issues_next(s, m):
            continue
        parts.append(_text(s, pos, max(pos, m.start)))
        pos = max(pos, m.end)
    parts.append(_text(s, pos, end))
    return "".join(parts)


def _issues_next(s: _Sent, inst: Mention) -> bool:
    return any(m.start == inst.end and m.text.startswith("《") for m in s.mentions)


def _gap_ok(gap: str, limit: int) -> bool:
    """A gap between verb and name that still lets the verb govern the name.

    Short gaps pass; so does a list of short items that ends in a joiner, the
    unnamed first members of a coordination (开展“12·4”宪法宣传周、宪法法律宣传月和“X”).
    """
    bare = _MARKS.sub("", _EXAMPLES.sub("", gap))
    blockers = _alternation("relation_blockers")
    if any(c in _CLAUSE_END for c in bare) or bare.endswith(("把", "将")):
        return False  # 落实把《X》纳入…: the name is the object of a later verb
    if len(bare) <= limit:
        return not blockers.search(bare)
    # in a list the items are names (宪法宣传周), so only a verb at its head blocks
    return _list_prefix(bare) and not blockers.match(bare)


def _list_prefix(bare: str) -> bool:
    items = _LIST_SPLIT.split(bare)
    return (
        bool(_LIST_SPLIT.search(bare[-2:]))
        and items[-1] == ""
        and len(items) <= _MAX_LIST_ITEMS + 1
        and all(0 < len(i) <= _MAX_ITEM for i in items[:-1])
    )


def _in_longer_quote(s: _Sent, obj: Mention) -> bool:
    """True when ``obj`` stands inside quotes that hold more than its name (“宪法十进活动”)."""
    a, b = obj.start - s.sentence.start, obj.end - s.sentence.start
    quote = next((q for q in _QUOTE_SPAN.finditer(s.sentence.text) if q.start() < a and b < q.end()), None)
    return quote is not None and b - a < len(quote.group()) - 2 <= _MAX_NAME_QUOTE


def _joined(gap: str) -> bool:
    return bool(_JOINERS.match(gap))


# --- rule family: cue verbs -------------------------------------------------


def _cue_relations(s: _Sent, owner: dict[Mention, Entity], implied: Key | None) -> Iterable[Relation]:
    table = _cue_words()
    for obj in s.mentions:
        preds_of_type = _CUE_PREDICATES.get(obj.type)
        if preds_of_type is None:
            continue
        if obj.type is EntityType.SYSTEM and _is_topic(s, obj):
            # 开展《民法典》宣传: the verb acts on the campaign, not the law
            s.tell(obj, "", (), (), "only the topic of an activity (宣传, 培训 … follow it)")
            continue
        if _in_longer_quote(s, obj):
            # 开展“宪法十进活动”: the verb acts on what the quote names, of which X is a word
            s.tell(obj, "", (), (), "a word of a longer quoted name (“宪法十进活动”)")
            continue
        found, rule = _governing_cues(s, obj), "cue"
        preds = tuple(p for p in preds_of_type if any(p in table[c.word] for c in _heads(s, found)))
        if Predicate.FORMULATES in preds and _names_its_issuer(obj) and _after_a_peer(s, obj, found):
            # 印发的《A》和《自治区人大常委会对…的审议意见》: the verb made A; the second title
            # names its own issuer (it is still applied, when the verb applies)
            preds = tuple(p for p in preds if p is not Predicate.FORMULATES)
        if not preds:
            found, rule = _post_cues(s, obj), "cue-post"
            preds = tuple(p for p in preds_of_type if any(p in table[c.word] for c in found))
        if not preds:
            if _frame(s, obj):
                # 以《X》为指导: the rule is followed, the brand is used.
                pred = Predicate.IMPLEMENTS if obj.type is EntityType.SYSTEM else Predicate.RUNS
                yield from _emit(s, owner, implied, obj, (pred,), obj.start, "frame", "以…为")
            elif obj.type is EntityType.BRAND and (loose := _loose_runs_cue(s, obj)) is not None:
                yield from _emit(
                    s, owner, implied, obj, (Predicate.RUNS,), loose.start, "cue-loose", loose.word
                )
            else:
                s.tell(obj, "", (), (), "no cue verb governs it in its clause")
            continue
        first = min(c.start for c in found)
        cue = "".join(c.word for c in sorted(found, key=lambda c: c.start))
        if _basis_of_the_text(s, obj, found):
            s.tell(obj, cue, preds, (), "the ground of the text itself (根据《A》…制定本方案): basedOn only")
            continue
        if _negated(s, first, max(obj.end, max(c.end for c in found))):
            s.tell(obj, cue, preds, (), "the clause negates the cue (未, 不到位 …)")
            continue
        yield from _emit(s, owner, implied, obj, preds, first, rule, cue)
        outer = _outer_cue(s, obj, found) if rule == "cue" else None
        if outer is not None:
            # 贯彻落实国务院印发的《X》: the clause's verb acts on X as well
            outer_preds = tuple(p for p in preds_of_type if p in table[outer.word])
            if outer_preds and not _negated(s, outer.start, obj.end):
                yield from _emit(s, owner, implied, obj, outer_preds, outer.start, "cue", outer.word)
        if Predicate.FORMULATES in preds:
            yield from _based_on(s, owner, obj, first)


def _basis_of_the_text(s: _Sent, obj: Mention, found: Sequence[_Cue]) -> bool:
    """根据《A》，结合实际，制定本方案: the plan's preamble names its ground.

    The text is the plan made on A's ground (B basedOn A); its author does not
    report carrying A out.
    """
    basis = lexicon.word_set("relation_basis")
    return all(c.word in basis for c in found) and any(
        m.rule == OWN_DOCUMENT and m.start > obj.end for m in s.mentions
    )


# A title that opens with its issuer: an organ's name, then 关于 or 对 (县司法局关于…的意见,
# 自治区人大常委会对…的审议意见).
_ISSUER_OPENS = re.compile(
    r"^《?[\u4e00-\u9fff、]{2,30}?(?:委员会|常委会|人民政府|政府|办公厅|办公室|局|厅|委|院|部)(?:关于|对)"
)


def _names_its_issuer(m: Mention) -> bool:
    """A titled document whose title names who issued it (see _ISSUER_OPENS)."""
    return m.text.startswith("《") and bool(_ISSUER_OPENS.match(m.text))


def _after_a_peer(s: _Sent, obj: Mention, found: Sequence[_Cue]) -> bool:
    """True when another name of ``obj``'s type stands between the cue and ``obj``."""
    cue_end = max((c.end for c in found), default=obj.start)
    return any(m.type is obj.type and cue_end <= m.start and m.end <= obj.start for m in s.mentions)


def _governing_cues(s: _Sent, obj: Mention) -> list[_Cue]:
    """The chain of cues (制定并实施) that governs ``obj`` from before it, or []."""
    lo, _ = _clause_bounds(s, obj.start)
    before = [c for c in s.cues if lo <= c.start and c.end <= obj.start]
    wanted = set(_CUE_PREDICATES.get(obj.type, ()))
    while before and not (_cue_words()[before[-1].word] & wanted) and _noun_use(s, before[-1]):
        before.pop()  # 贯彻法治建设“一规划两纲要”: 建设 ends a noun, it governs nothing here
    nominal = lexicon.word_set("relation_nominal_cues")
    while (
        len(before) > 1
        and before[-1].word in nominal
        and _noun_use(s, before[-1])
        and _cue_words()[before[-2].word] & wanted
    ):
        before.pop()  # 实施法治政府建设“领雁工程”: 建设 ends a noun even where it could govern
    if not before:
        # A clause of names only continues the previous clause's list (制定《A》，《B》).
        if lo > s.sentence.start and _joined(_without_names(s, lo, obj.start)):
            prev = [m for m in s.mentions if m.end < lo and m.type is obj.type]
            if prev and _joined(_without_names(s, prev[-1].end, lo)):
                return _governing_cues(s, prev[-1])
            if _text(s, lo, obj.start).lstrip("，, ").startswith("以及"):
                # 贯彻落实…精神，以及“十四五”规划…的要求: 以及 adds to the verb's objects
                plo, _ = _clause_bounds(s, lo - 1)
                verbs = [
                    c for c in s.cues if plo <= c.start and c.end <= lo and _cue_words()[c.word] & wanted
                ]
                return verbs[:1]
        return []
    nearest = before[-1]
    # 梳理…“权力清单”和“责任清单”: a name joined to an earlier name of its type
    # shares that name's verbs, however long the list.
    peers = [m for m in s.mentions if nearest.end <= m.start and m.end <= obj.start and m.type is obj.type]
    if peers and _joined(_without_names(s, peers[-1].end, obj.start)):
        return _governing_cues(s, peers[-1])
    # 紧扣《X关于印发〈Y〉的通知》: the notice that issues Y wraps it, and is no gap
    start = _outer_title(s, obj)[0] if obj.rule == "title.nested" else obj.start
    if not _gap_ok(_without_names(s, nearest.end, start, keep_institutions=True), _MAX_GAP):
        return []
    chain = [nearest]
    for c in reversed(before[:-1]):
        if _joined(_text(s, c.end, chain[-1].start)):
            chain.append(c)
        else:
            break
    return chain


def _outer_cue(s: _Sent, obj: Mention, chain: list[_Cue]) -> _Cue | None:
    """The verb that governs a name through a relative clause (落实国务院印发的《X》).

    ``chain`` governs ``obj`` as 国务院印发的: the cue is followed by 的 and its
    institutions stand right before it. The verb before those institutions, with
    only a short gap, acts on ``obj`` too; a second such clause joined by 和 (落实A
    印发的《X》和B印发的《Y》) shares the first one's verb.
    """
    rel = min(chain, key=lambda c: c.start)
    end = max(c.end for c in chain)
    if _text(s, end, end + 1) != "的":
        return None
    lo, _ = _clause_bounds(s, obj.start)
    insts = [
        m for m in s.mentions if lo <= m.start and m.end <= rel.start and m.type is EntityType.INSTITUTION
    ]
    if not insts or _without_names(s, insts[-1].end, rel.start):
        return None
    group = _coordinated(s, insts[-1])
    before = [c for c in s.cues if lo <= c.start and c.end <= group[0].start]
    if not before:
        return None
    gap = _without_names(s, before[-1].end, group[0].start)
    if _gap_ok(gap, _MAX_GAP) and not _relative_clause(s, before[-1].start):
        return before[-1]
    # …印发的《X》和B印发的《Y》: the earlier object of the same verb, joined by 和
    prev = [m for m in s.mentions if lo <= m.start and m.end <= group[0].start and m.type is obj.type]
    if prev and _joined(_without_names(s, prev[-1].end, group[0].start)):
        earlier = _governing_cues(s, prev[-1])
        return _outer_cue(s, prev[-1], earlier) if earlier else None
    return None


def _loose_runs_cue(s: _Sent, obj: Mention) -> _Cue | None:
    """The runs cue of a brand that a long modifier keeps from its verb.

    开展习近平法治思想学习宣传贯彻“八进”活动: the activity is the brand, however long
    the words that say what it is about. Only within the clause, and not for a
    member of an enumeration (依托A、B、“C”等): those are things used, not run.
    """
    lo, _ = _clause_bounds(s, obj.start)
    runs = [
        c for c in s.cues if lo <= c.start and c.end <= obj.start and Predicate.RUNS in _cue_words()[c.word]
    ]
    if not runs or "、" in _without_names(s, runs[-1].end, obj.start):
        return None
    return runs[-1]


def _noun_use(s: _Sent, cue: _Cue) -> bool:
    """True when a verb of another class closes a noun (法治建设, 队伍建设): a character, not a clause start, before it."""
    prev = _text(s, cue.start - 1, cue.start) if cue.start > s.sentence.start else ""
    return bool(prev) and prev not in _CLAUSE_END and prev not in _VERB_BEFORE and not _MARKS.match(prev)


def _heads(s: _Sent, chain: list[_Cue]) -> list[_Cue]:
    """The cues of a chain that carry meaning.

    推进 in 推进建立 only modifies 建立; 实施 in 印发实施 only says the rule takes effect.
    """
    light = lexicon.word_set("relation_light_verbs")
    out = chain[:1]
    for nxt, c in zip(chain, chain[1:], strict=False):
        if not (c.word in light and c.end == nxt.start):
            out.append(c)
    return [c for c in out if not _takes_effect(c, chain)]


def _takes_effect(cue: _Cue, chain: list[_Cue]) -> bool:
    """True for 实施 in 印发实施/颁布施行: the rule takes effect, nobody carries it out here."""
    if cue.word not in lexicon.word_set("relation_taking_effect"):
        return False
    promulgation = lexicon.word_set("relation_promulgation")
    return any(c.end == cue.start and c.word in promulgation for c in chain)


def _post_cues(s: _Sent, obj: Mention) -> list[_Cue]:
    """A cue right after the name (“三项制度”落实), or after its agent or ground.

    Any cue may follow the name when only its agent (《X》由县司法局制定, 经县司法局
    修订) or its ground (《B》依据《A》制定) stands between them.
    """
    _, hi = _clause_bounds(s, obj.end)
    for c in s.cues:
        if obj.end <= c.start < hi and _agent_or_ground(s, obj.end, c.start):
            return [c]
        if obj.end <= c.start < hi and c.word in lexicon.word_set("relation_post_cues"):
            gap = _without_names(s, obj.end, c.start, keep_institutions=True)
            ok = _gap_ok(gap, _MAX_POST_GAP) or bool(_POST_LIST.match(_MARKS.sub("", gap)))
            return [c] if ok else []
    return []


# 由/经 and the institutions that act, or a basis word and the rules a name rests on.
_AGENT = re.compile(r"^(?:由|经)$")

# The copula of 《X》是由县司法局制定的 and 《B》是依据《A》制定的: it opens the agent or ground.
_COPULA = re.compile(r"^是")


def _agent_or_ground(s: _Sent, start: int, end: int) -> bool:
    """True when [start, end) is 由/经 + institutions, or a basis word + named rules (依据《A》)."""
    inside = [m for m in s.mentions if start <= m.start and m.end <= end]
    if not inside:
        return False
    bare = _strip_fillers(_TIME_ANY.sub("", _MARKS.sub("", _without_names(s, start, end))))
    bare = _MEETING_OF.sub("", _COPULA.sub("", bare))  # 经县政府第30次常务会议: the government
    if all(m.type is EntityType.INSTITUTION for m in inside) and _AGENT.match(bare):
        return True
    if all(m.type is EntityType.SYSTEM for m in inside):
        return bare in lexicon.word_set("relation_basis")
    return False


def _is_topic(s: _Sent, obj: Mention) -> bool:
    """True when the name only says what an activity is about (《民法典》宣传, 宪法、民法典等法律宣传).

    The class that closes a list of rules does not count towards the gap:
    做好《A》《B》等一系列法律法规的集体学习 is a study session on them.
    """
    _, hi = _clause_bounds(s, obj.end)
    after = _class_phrase().sub("", _MARKS.sub("", _without_names(s, obj.end, hi)), count=1)
    return bool(_alternation("relation_topic_nouns").search(after[:_MAX_TOPIC_GAP]))


@cache
def _class_phrase() -> re.Pattern[str]:
    """等一系列法律法规的: the class that closes a list of rules, before the activity on them."""
    classes = lexicon.alternation("relation_rule_classes")
    return re.compile(rf"^(?:[、和与及]|以及)*等(?:[^，,；;。、]{{0,6}}?)(?:{classes})的?")


def _negated(s: _Sent, cue_start: int, end: int) -> bool:
    """True when the clause says the cue did not happen (未落实…, …落实不到位)."""
    lo, hi = _clause_bounds(s, cue_start)
    negations = _alternation("relation_negations")
    before = _strip_fillers(_MARKS.sub("", _text(s, lo, cue_start)))
    after = _MARKS.sub("", _without_names(s, end, hi))[:_NEGATION_REACH]
    if (m := negations.search(before[-_NEGATION_REACH:])) and before.endswith(m.group()):
        return True
    return bool(negations.search(after))


def _strip_fillers(head: str) -> str:
    """``head`` without the adverbs and time words at its end (县司法局 已 / 2019年6月)."""
    fillers = lexicon.ending("relation_subject_fillers")  # 各乡镇要严格: 严格, then 要
    while True:
        trimmed = _TIME_END.sub("", head)
        m = fillers.search(trimmed)
        if m:
            trimmed = trimmed[: m.start()]
        if trimmed == head:
            return head
        head = trimmed


def _frame(s: _Sent, obj: Mention, grounds_only: bool = False) -> bool:
    """以《X》为指导/依据/抓手; 以A、“B”专项行动、“C”等形式开展….

    The names after 以 may be the members of a list; the frame word follows the last.
    With ``grounds_only``, only a ground (以《A》为依据/指导) counts, not a vehicle (为抓手).
    """
    lo, hi = _clause_bounds(s, obj.start)
    before = _MARKS.sub("", _without_names(s, lo, obj.start))
    ats = [m.start() for m in _FRAME_YI.finditer(before)]
    if not ats or (before[ats[-1] + 1 :] and not _list_prefix(before[ats[-1] + 1 :])):
        return False
    after = _MARKS.sub("", _without_names(s, obj.end, hi))
    if grounds_only:
        return bool(_frame_after("relation_frame_grounds").match(after))
    return bool(_frame_after().match(after) or _frame_list_after().match(after))


def _emit(
    s: _Sent,
    owner: dict[Mention, Entity],
    implied: Key | None,
    obj: Mention,
    preds: Sequence[Predicate],
    cue_start: int,
    rule: str,
    cue: str = "",
) -> Iterable[Relation]:
    actors, how = _actors(s, cue_start)
    partners = _partners(s, cue_start) if not actors else []
    if actors:
        subjects, start, implicit = [_organ(s, owner[a].key) for a in actors], actors[0].start, False
        if any(k != owner[a].key for a, k in zip(actors, subjects, strict=True)):
            how += "; the organ whose meeting it is"
        if implied is not None and _with_own_government(s, actors[-1], implied):
            subjects.append(implied)  # 县委、政府印发…: the government written short is the author
            how += "; with the author, the government written short after it"
    elif implied is not None and not _unnamed_actor(s, cue_start):
        subjects, start, implicit = [implied], cue_start, True
        how = "the report's author: the clause names no actor"
    elif partners:
        subjects, start, implicit = [], cue_start, False
        how = "no author: only the partners named after 与/联合/会同"
    else:
        why = (
            "its subject names no entity (各部门, 全县…)"
            if _unnamed_actor(s, cue_start)
            else "no actor and no author"
        )
        s.tell(obj, cue, preds, (), why)
        return
    if partners and subjects:
        how += "; with the partners named after 与/联合/会同"
    s.tell(obj, cue, preds, [*(owner[a].key for a in partners), *subjects], f"rule {rule}; actor: {how}")
    if partners:
        # 与A、B联合印发: the writer and its partners; the partners are named
        yield from _emit_subjects(
            s, owner, obj, preds, [owner[a].key for a in partners], partners[0].start, cue_start, False, rule
        )
    yield from _emit_subjects(s, owner, obj, preds, subjects, start, cue_start, implicit, rule)


def _emit_subjects(
    s: _Sent,
    owner: dict[Mention, Entity],
    obj: Mention,
    preds: Sequence[Predicate],
    subjects: list[Key],
    start: int,
    cue_start: int,
    implicit: bool,
    rule: str,
) -> Iterable[Relation]:
    if implicit and _legislation(obj):
        # 出台《…条例》: laws and regulations are passed by a legislature or the State
        # Council, not by the reporting government or bureau; implement, never formulate.
        preds = [p for p in preds if p is not Predicate.FORMULATES]
    start, end = min(start, cue_start, obj.start), max(obj.end, cue_start)
    for subject in subjects:
        for p in preds:
            yield Relation(
                doc_id=s.sentence.doc_id,
                predicate=p,
                subject=subject,
                object=owner[obj].key,
                sent_index=s.sentence.index,
                start=start,
                end=end,
                implicit=implicit,
                rule=rule,
            )


def _organ(s: _Sent, key: Key) -> Key:
    """The organ that acts through its meeting (县政府常务会议审议通过 → 县政府), else ``key``."""
    if key[1].endswith(lexicon.words("relation_meeting_heads")):
        return s.parents.get(key, key)
    return key


def _legislation(m: Mention) -> bool:
    """《…法》, …条例, but not 《…办法》 (a measure a government issues itself)."""
    name = m.name
    if not name.endswith(lexicon.words("relation_legislation_heads")) or name.endswith(
        lexicon.words("relation_not_law")
    ):
        return False
    return m.text.startswith("《") or not name.endswith("法")  # a bare …法 may be a method


# The government of a Party committee's place, joined to it without the place (县委、政府,
# 镇党委、政府): the short form names no entity of its own.
_JOINED_GOVERNMENT = re.compile(r"[、和与及](?:人民)?政府")


def _government_joined(s: _Sent, committee: Mention) -> bool:
    """县委、政府…, 共和乡党委、政府…: a Party committee with its place's government written
    short right after it."""
    return committee.text.endswith("委") and bool(
        _JOINED_GOVERNMENT.match(_text(s, committee.end, s.sentence.end))
    )


def _with_own_government(s: _Sent, committee: Mention, author: Key) -> bool:
    """A committee with its government written short, when the report's author is that government."""
    return author[1].endswith("人民政府") and _government_joined(s, committee)


def _actors(s: _Sent, cue_start: int) -> tuple[list[Mention], str]:
    """The institutions that perform the cue verb, when the sentence names them.

    The actor stands before the verb in the same clause with only adverbs or
    牵头/会同 between them (县司法局牵头制定); a preposition before it (向县委…,
    在县委…下) makes it an adjunct instead. Institutions joined to it by 、/和
    act with it (中办、国办印发). A clause without an actor of its own takes the
    sentence's topic: the institution the sentence opens with (省委政法委推动…，
    指导制定…).
    """
    lo, _ = _clause_bounds(s, cue_start)
    insts = [
        m for m in s.mentions if lo <= m.start and m.end <= cue_start and m.type is EntityType.INSTITUTION
    ]
    if insts:
        m = insts[-1]
        between = _without_names(s, m.end, cue_start)
        bare = _alternation("relation_subject_fillers").sub(
            "", _SESSION.sub("", _TIME_ANY.sub("", _OTHERS_COUNTED.sub("", _MARKS.sub("", between))))
        )
        if bare and _MEETING_OF.fullmatch(bare):
            bare = ""  # 县政府第30次常务会议审议通过: the body acts by its meeting
        if _WHERE.fullmatch(bare):
            bare = ""  # 县司法局在全县中小学开展…: where it acts, not who
        if m.text.endswith("委") and _JOINED_GOVERNMENT.fullmatch(bare):
            bare = ""  # 县委、政府印发…: the committee, with its place's government named short
        group = _coordinated(s, m)
        head = _HEADING.sub("", _MARKS.sub("", _text(s, lo, group[0].start)))
        joint = _JOINT_VERB.search(_text(s, lo, group[0].start).rstrip())
        if not bare and joint:
            # 联合县法院印发…: the partners, with the subject the clause leaves out
            before, _ = _actors(s, lo + joint.start())
            if not before:
                return [], ""  # the writer acts with them (see _partners)
            return [*before, *group], "the clause's subject, with the partners named after 联合/会同"
        if (bare == "名义" and head.endswith("以")) or _meeting_adopts(s, head, bare, cue_start):
            how = "named in 以…名义" if bare == "名义" else "the body whose meeting adopted it"
            return group, how
        if _generic_plural().match(bare) and _unnamed_actor(s, cue_start):
            return [], ""  # 县政府各部门制定…: the institution only says whose they are
        if bare or between.startswith("的"):
            opener = _clause_subject(s, insts, lo)
            if opener:
                return opener, "the subject that opens the clause"
        elif (
            head
            and head[-1] in lexicon.characters("relation_not_actor_before")
            and not head.endswith(("由", "经"))  # 由/经县司法局制定: the agent
            and not (not between and _relative_clause(s, cue_start))
        ):
            return [], ""
        else:
            return group, "named before the verb" + (" with those joined to it" if len(group) > 1 else "")
    if _unnamed_actor(s, cue_start):
        return [], ""
    convened = _convened(s, lo)
    if convened:
        return convened, "the body whose meeting the clause before convened"
    if lo > s.sentence.start and _SELF_SUBJECT.match(_clause_lead(s, lo, cue_start)):
        return [], ""  # 市司法局推广…，我县借鉴推行《X》: the writer's place, not the topic
    topic = _topic(s, before=lo)
    if topic:
        nearer = _nearer_subject(s, topic[-1].end, lo)
        if nearer is not None:
            return nearer, "the subject of an earlier clause, nearer than the sentence's" if nearer else ""
        return topic, "the institution the sentence opens with"
    speaker = _topic(s, before=lo, person=True)
    if speaker:
        # 县法院院长赵某介绍，该院推行A，打造B: an official's words name their subject; the
        # official's body itself is no actor (县委书记带头落实…: the author speaks)
        nearer = _nearer_subject(s, speaker[-1].end, lo)
        if nearer:
            return nearer, "the subject of an earlier clause, after an official's words"
    return [], ""


# 召开 right before a meeting or its body (主持召开县委常委会会议, 召开了县政府常务会议).
_CONVENE = re.compile(r"召开了?$")


def _convened(s: _Sent, lo: int) -> list[Mention]:
    """The meeting convened by the nearest earlier clause that names a body (县委书记主持召开
    县委常委会会议，审议通过《X》: the standing committee adopts X), or [] when that clause
    convenes none."""
    for k in reversed([e for e in s.ends if s.sentence.start + e < lo]):
        end = s.sentence.start + k
        start, _ = _clause_bounds(s, end)
        insts = [
            m for m in s.mentions if start <= m.start and m.end <= end and m.type is EntityType.INSTITUTION
        ]
        if not insts:
            continue
        held = [m for m in insts if _CONVENE.search(_text(s, start, m.start))]
        return held[-1:]
    return []


def _nearer_subject(s: _Sent, after: int, lo: int) -> list[Mention] | None:
    """The subject of the nearest clause between the topic and ``lo`` that names its own.

    县委常委会专题研究…，县政府主要负责同志认真履行…，严格落实《X》: the clause before
    names a person of 县政府, so X is not the meetings'; [] when that subject is a
    person (the author is left), None when no clause between names a subject.
    """
    starts = [e + 1 for e in s.ends if after <= s.sentence.start + e < lo - 1]
    for k in reversed(starts):
        start = s.sentence.start + k
        first = next((m for m in s.mentions if m.start >= start), None)
        if first is None or first.start >= lo or first.type is not EntityType.INSTITUTION:
            continue
        if _bare_lead(_text(s, start, first.start)):
            continue
        if _person_after(s, first):
            return []
        group = _topic(s, before=lo, start=start)
        return group or None
    return None


def _clause_lead(s: _Sent, lo: int, cue_start: int) -> str:
    """The clause's words before the cue, without names, marks, heading numbers or dates."""
    return _bare_lead(_without_names(s, lo, cue_start))


def _bare_lead(text: str) -> str:
    """``text`` without quote and title marks, a heading's number, the dates that open it and
    the commas around it: what is left of a clause's opening besides its subject."""
    return _lead_time().sub("", _TIME.sub("", _HEADING.sub("", _MARKS.sub("", text)))).strip("，, ")


@cache
def _lead_time() -> re.Pattern[str]:
    """Time words and a day that open a clause (近日，; 今年以来，; 3月8日，): when, not who."""
    words = lexicon.alternation("author_lead_words")
    return re.compile(rf"^(?:(?:{words}|\d{{1,2}}月\d{{1,2}}日(?:上午|下午)?)[，,]?)+")


def _clause_subject(s: _Sent, insts: list[Mention], lo: int) -> list[Mention]:
    """The institutions that open the clause as its subject (县司法局组织起草《X》), or [].

    Only when they are the clause's only institutions: 县司法局组织律师协会起草…
    names another body that may act.
    """
    first = insts[0]
    lead = _bare_lead(_text(s, lo, first.start))
    group = [first]
    for m in insts[1:]:
        if not _COORD.match(_text(s, group[-1].end, m.start)):
            break
        group.append(m)
    follow = _text(s, group[-1].end, group[-1].end + 1)
    if lead or len(group) != len(insts) or not follow or follow in _NOT_TOPIC_AFTER:
        return []
    return [] if _person_after(s, group[-1]) else group


def _person_after(s: _Sent, m: Mention) -> bool:
    """True when a post follows the institution (县委书记, 县司法局局长): a person is the subject."""
    return _text(s, m.end, m.end + 6).startswith(lexicon.words("relation_person_titles"))


def _relative_clause(s: _Sent, cue_start: int) -> bool:
    """True when the cue opens a relative clause (…和国办印发的《X》): its institution issued X.

    Whatever stands before that institution (和, 与 joining it to an earlier object),
    the body written right before 印发的 is the one that issued what follows.
    """
    cue = next((c for c in s.cues if c.start == cue_start), None)
    return cue is not None and _text(s, cue.end, cue.end + 1) == "的"


def _meeting_adopts(s: _Sent, head: str, bare: str, cue_start: int) -> bool:
    """在县委依法治县委员会第四次会议上审议通过《X》: the body adopted X at its meeting."""
    if not (_MEETING_AT.match(bare) and _SESSION.sub("", head).endswith("在")):
        return False
    return any(c.start == cue_start and c.word.endswith("通过") for c in s.cues)


def _partners(s: _Sent, cue_start: int) -> list[Mention]:
    """The institutions the writer acts with: 与A、B联合印发, 会同A共同制定."""
    lo, _ = _clause_bounds(s, cue_start)
    insts = [
        m for m in s.mentions if lo <= m.start and m.end <= cue_start and m.type is EntityType.INSTITUTION
    ]
    if not insts:
        return []
    group = _coordinated(s, insts[-1])
    between = _OTHERS_COUNTED.sub("", _MARKS.sub("", _without_names(s, insts[-1].end, cue_start)))
    head = _MARKS.sub("", _text(s, lo, group[0].start))
    if _WITH_WRITER.search(head) and _TOGETHER.match(between):
        return group
    if _JOINT_VERB.search(head) and not _strip_fillers(between):
        return group  # 联合县法院印发…
    return []


def _joined_after(s: _Sent, first: Mention, joiner: re.Pattern[str]) -> list[Mention]:
    """``first`` and the institutions joined to it after it, each by a text ``joiner`` matches."""
    group = [first]
    for m in s.mentions:
        if m.start >= group[-1].end and m.type is EntityType.INSTITUTION:
            if joiner.match(_text(s, group[-1].end, m.start)):
                group.append(m)
                continue
        if m.start >= group[-1].end:
            break
    return group


def _coordinated(s: _Sent, last: Mention) -> list[Mention]:
    """``last`` and the institutions joined to it by 、/和/及 just before it."""
    group = [last]
    for m in reversed([m for m in s.mentions if m.end <= last.start]):
        if m.type is not EntityType.INSTITUTION or not _COORD.match(_text(s, m.end, group[0].start)):
            break
        group.insert(0, m)
    return group


def _topic(s: _Sent, before: int, start: int | None = None, person: bool = False) -> list[Mention]:
    """The institutions a sentence opens with as its subject (县司法局在…下，…), if any.

    A clause that only says when (省政府印发《A》后，县政府…) is not the sentence's
    subject: the clause after it opens the main clause and may name the topic.
    With ``person``, the institution whose official is the sentence's subject
    (县检察院检察长刘某表示，…) instead.
    """
    start = s.opens if start is None else start
    first = next((m for m in s.mentions if m.type is EntityType.INSTITUTION and m.start >= start), None)
    if first is None or first.end > before:
        return []
    if _bare_lead(_text(s, start, first.start)):
        # 在县委、县政府的领导下，县民政局…: the bodies of a frame are not the subject; the
        # clause after the frame opens the main clause
        _, frame_end = _clause_bounds(s, first.start)
        frame = _text(s, start, frame_end)
        if frame_end < before and _FRAME_CLAUSE.fullmatch(_bare_lead(frame)):
            return _topic(s, before, frame_end + 1, person)
        return []
    _, clause_end = _clause_bounds(s, first.start)
    if clause_end < before and _SUBORDINATE_END.search(_text(s, first.start, clause_end)):
        return _topic(s, before, clause_end + 1, person)
    group = _joined_after(s, first, _COORD)
    follow = _text(s, group[-1].end, min(group[-1].end + 1, s.sentence.end))
    if _government_joined(s, group[-1]):
        follow = "政"  # 县委、政府深入学习…: the committee, with its place's government named short
    if not follow or follow in _NOT_TOPIC_AFTER or group[-1].end > before:
        return []
    return group if _person_after(s, group[-1]) == person else []


# A short aside in brackets after a subject (全县14个乡镇（街道）): not part of the head.
_BRACKETED = re.compile(r"[（(][^()（）]{1,8}[)）]")
# A topic that requires every unit of its place, or each of a kind, to act (县委要求全县上下…,
# 县政府要求各部门…): the later clauses are theirs.
_REQUIRES_ALL = re.compile(r"^(?:[、和与及](?:人民)?政府)?[^，,；;]{0,4}?要求(?:全[省市县区州盟旗镇乡]|各)")
# A clause that says under whom or in what the main clause happens (在县委的领导下, 在…中).
_FRAME_CLAUSE = re.compile(r"在[^，,。；;]{2,60}?(?:下|中)")
# The end of a clause that says when the main clause happens (…印发《A》后, …以来, …之际).
_SUBORDINATE_END = re.compile(r"(?<![同随最此然其])(?:后|以后|之后|以来|时|之际|期间)$")


def _unnamed_actor(s: _Sent, cue_start: int) -> bool:
    """True when the cue's subject is a word the extractor did not name as an entity.

    各部门建立…, 42个县直部门制定…, 中办、国办2019年6月印发…: the reporting
    institution is not the actor, and there is no entity to name instead.
    """
    lo, _ = _clause_bounds(s, cue_start)
    head = _strip_fillers(
        _OTHERS_COUNTED.sub("", _BRACKETED.sub("", _MARKS.sub("", _without_names(s, lo, cue_start))))
    )
    # 携手辽河社区开展…, 联合各乡镇开展…: after a joint verb come the partners, not the subject
    head = _JOINT_ANYWHERE.split(head)[0] if _JOINT_ANYWHERE.search(head) else head
    if not head.endswith(lexicon.words("relation_generic_actors")):
        # 各级各部门坚持…，全面实施X: a later clause shares the sentence's generic subject
        return lo > s.sentence.start and _generic_opening(s)
    prepositions = lexicon.characters("relation_prepositions")
    return not any(c in prepositions for c in head)


@cache
def _generic_plural() -> re.Pattern[str]:
    """A plural subject that names no entity: 各部门, 各级各部门, 全县各乡镇, (县政府)所属单位."""
    generic = lexicon.alternation("relation_generic_actors")
    return re.compile(
        rf"^(?:(?:全[国省市县区州盟旗镇乡])?各|全[国省市县区州盟旗镇乡]?(?:共)?\d+个|所属|下属|直属)"
        rf"[^，,；;、的]{{0,8}}?(?:{generic})(?!的)"
    )


def _generic_opening(s: _Sent) -> bool:
    """True when the sentence opens with a plural subject the extractor does not name.

    各级各部门坚持…，全面实施“八五”普法规划; 国务院各部门全年取消…，修订…目录: the
    clauses after it have no subject of their own, and the reporting institution
    is not theirs. An institution written before 各 only says whose they are.
    """
    lo, hi = _clause_bounds(s, s.sentence.start)
    lead = _TIME.sub("", _HEADING.sub("", _MARKS.sub("", _without_names(s, lo, hi))))
    # 镇党委、政府要求全镇上下…，严格执行X: those required act, and they name no entity
    return bool(_generic_plural().match(lead) or _REQUIRES_ALL.match(lead))


# --- rule family: 国务院《…条例》, 《…规定》(省政府令192号) ---------------------------


def _issuer_relations(s: _Sent, owner: dict[Mention, Entity]) -> Iterable[Relation]:
    for a, b in zip(s.mentions, s.mentions[1:], strict=False):
        if a.type is EntityType.INSTITUTION and b.type is EntityType.BRAND:
            # 立岗司法所“立马就调”调解品牌: the brand of the body named right before it
            if (
                _text(s, a.end, b.start) in {"", "的", "“", "的“"}
                and not _text(s, b.start - 1, b.start) == "、"
            ):
                key = owner[a].key
                yield _relation(s, Predicate.RUNS, key, owner[b].key, a.start, b.end, "owner")
        if a.type is EntityType.INSTITUTION and b.type is EntityType.SYSTEM:
            if a.end == b.start and b.text.startswith("《"):
                for issuer in _coordinated(s, a):
                    key = owner[issuer].key
                    yield _relation(s, Predicate.FORMULATES, key, owner[b].key, issuer.start, b.end, "issuer")
        elif a.type is EntityType.SYSTEM and b.type is EntityType.INSTITUTION:
            if _DECREE.match(_text(s, a.end, b.start)) and _DECREE_TAIL.match(
                _text(s, b.end, s.sentence.end)
            ):
                yield _relation(s, Predicate.FORMULATES, owner[b].key, owner[a].key, a.start, b.end, "issuer")


# The issuers that open a title: 《A、B关于印发〈X〉的通知》, 《A关于…的意见》, A B 关于印发《X》的通知.
_TITLE_ISSUERS = re.compile(r"^([^《》〈〉<>“”]{2,60}?)\s*关于")
_ISSUER_SPLIT = re.compile(r"[、\s]+")


# 《X贯彻落实〈A〉…方案》: a title that says it carries out the title it cites.
_CARRIES_OUT = re.compile(r"(?:贯彻落实|贯彻|落实|实施|执行|根据|依据)$")


def _cited_in_titles(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    inner: Sequence[Mention],
    owner: dict[Mention, Entity],
) -> Iterable[Relation]:
    """B basedOn A when B's title says it carries out A (《吉林省贯彻落实〈A〉重要举措方案》)."""
    for a in sorted(inner, key=lambda m: (m.start, m.end)):
        if a.type is not EntityType.SYSTEM:
            continue
        outer = next(
            (b for b in mentions if b.start < a.start and a.end < b.end and b.type is EntityType.SYSTEM), None
        )
        if outer is None or owner[outer].key == owner[a].key:
            continue
        if not _CARRIES_OUT.search(outer.text[: a.start - outer.start]):
            continue
        sent = sentences[outer.sent_index]
        yield Relation(
            doc_id=sent.doc_id,
            predicate=Predicate.BASED_ON,
            subject=owner[outer].key,
            object=owner[a].key,
            sent_index=sent.index,
            start=outer.start,
            end=outer.end,
            rule="based-on.title",
        )


def _issuers_in_titles(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    owner: dict[Mention, Entity],
) -> Iterable[Relation]:
    """The institutions a title names as its issuers formulate what it issues.

    《市委宣传部、市司法局关于…的规划》: both formulate the plan; 《中共中央、国务院关于
    印发〈X〉的通知》 and a notice's title line (中共X市委 X市人民政府 关于印发《X》的通知):
    the issuers formulate X. Every issuer must be an institution of the report, and a
    system whose own name opens with an institution's full name (X市人民政府重大行政决策
    程序规定) is that institution's.
    """
    by_name: dict[str, Key] = {}
    for e in entities:
        if e.type is EntityType.INSTITUTION:
            for n in sorted(_names(e) | {m.text for m in e.mentions}):
                by_name.setdefault(n, e.key)
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.type is not EntityType.SYSTEM:
            continue
        sent = sentences[m.sent_index]
        issuers = _title_issuers(sent, m, by_name)
        if not issuers:
            own = [
                k
                for n, k in by_name.items()
                if len(n) >= 4 and m.name.startswith(n) and len(m.name) > len(n) + 1
            ]
            issuers = sorted(set(own))[:1] if len(set(own)) == 1 else []
        for key in issuers:
            yield Relation(
                doc_id=sent.doc_id,
                predicate=Predicate.FORMULATES,
                subject=key,
                object=owner[m].key,
                sent_index=sent.index,
                start=m.start,
                end=m.end,
                rule="issuer.title",
            )


def _title_issuers(sent: Sentence, m: Mention, by_name: dict[str, Key]) -> list[Key]:
    """Issuers named before 关于 in the title that holds ``m`` (or in the line that issues it)."""
    rel_start, rel_end = m.start - sent.start, m.end - sent.start
    text = sent.text
    heads: list[str] = []
    title = next(
        (t for t in _TITLE_SPAN.finditer(text) if t.start() <= rel_start and rel_end <= t.end()), None
    )
    if title is not None:
        heads.append(title.group()[1:-1])  # 《A关于…》, 《A关于印发〈m〉的通知》
    start = title.start() if title is not None else rel_start
    if re.search(r"关于(?:印发|转发)$", text[:start]):
        heads.append(text[:start])  # a notice's title line: X Y 关于印发《m》的通知
    found = next((f for f in map(_TITLE_ISSUERS.match, heads) if f), None)
    if not found:
        return []
    parts = [p for p in _ISSUER_SPLIT.split(found.group(1)) if p]
    keys: list[Key] = []
    for part in parts:
        found_keys = [by_name[part]] if part in by_name else _segment(part, by_name)
        if not found_keys:
            return []
        keys.extend(found_keys)
    return list(dict.fromkeys(keys))


def _segment(text: str, by_name: dict[str, Key]) -> list[Key]:
    """Issuers written without a separator (中共X省委X省人民政府), longest names first; [] unless all are known."""
    keys: list[Key] = []
    pos = 0
    while pos < len(text):
        name = max((n for n in by_name if len(n) >= 2 and text.startswith(n, pos)), key=len, default="")
        if not name:
            return []
        keys.append(by_name[name])
        pos += len(name)
    return keys


def _relation(
    s: _Sent, pred: Predicate, subject: Key, obj: Key | int, start: int, end: int, rule: str
) -> Relation:
    return Relation(
        doc_id=s.sentence.doc_id,
        predicate=pred,
        subject=subject,
        object=obj,
        sent_index=s.sentence.index,
        start=start,
        end=end,
        rule=rule,
    )


# --- rule family: 根据《A》，制定《B》 -----------------------------------------


def _based_on(s: _Sent, owner: dict[Mention, Entity], new: Mention, cue_start: int) -> Iterable[Relation]:
    """B basedOn A when the sentence says it made B according to A.

    The basis word opens the basis's clause (根据《A》，制定《B》; 贯彻落实《A》，出台《B》);
    the institutions that issue a basis (根据中共中央、国务院《A》) and the notice that
    wraps it (根据《X关于印发〈A〉的通知》) stand between the word and the name.
    """
    basis = _alternation("relation_basis")
    issuers = _title_issuers_before(s)
    previous: tuple[int, int] | None = None  # the last basis of the clause, for 根据《A》和《B》
    for m in s.mentions:
        if m.type is not EntityType.SYSTEM or m.end > cue_start or owner[m].key == owner[new].key:
            continue
        lo, _ = _clause_bounds(s, m.start)
        start, end = _outer_title(s, m)
        head = _attribute_end().sub("", _MARKS.sub("", _text_without(s, lo, start, issuers)))
        if any(i.start < start for i in issuers):
            head = head.rstrip("、和与及")  # 根据中共中央、国务院《A》: the joiner of the issuers
        joined = (
            previous is not None
            and previous[0] >= lo
            and _joined(_DECREE_NO.sub("", _text_without(s, previous[1], start, issuers)))
        )
        grounded = (bm := basis.search(head)) is not None and bm.end() == len(head)
        if not joined and not grounded and not _frame(s, m, grounds_only=True):
            previous = None
            continue
        previous = (start, end)
        # 根据《A》制定《B》 runs from A to B; 《B》依据《A》制定 from B to A
        lo_at, hi_at = min(m.start, new.start), max(m.end, new.end)
        yield _relation(s, Predicate.BASED_ON, owner[new].key, owner[m].key, lo_at, hi_at, "based-on")


def _title_issuers_before(s: _Sent) -> set[Mention]:
    """Institutions written right before a title, and those joined to them (中共中央、国务院《…》)."""
    out: set[Mention] = set()
    for a, b in zip(s.mentions, s.mentions[1:], strict=False):
        if a.type is EntityType.INSTITUTION and a.end == b.start and b.text.startswith("《"):
            out.update(_coordinated(s, a))
    return out


def _outer_title(s: _Sent, m: Mention) -> tuple[int, int]:
    """The span of the title that wraps ``m`` (《X关于印发〈m〉的通知》), or ``m``'s own."""
    rel_start, rel_end = m.start - s.sentence.start, m.end - s.sentence.start
    for t in _TITLE_SPAN.finditer(s.sentence.text):
        if t.start() < rel_start and rel_end <= t.end():
            return s.sentence.start + t.start(), s.sentence.start + t.end()
    return m.start, m.end


def _text_without(s: _Sent, start: int, end: int, drop: set[Mention]) -> str:
    """The text of [start, end) with the mentions of ``drop`` cut out."""
    parts: list[str] = []
    pos = start
    for m in sorted(drop, key=lambda m: m.start):
        if m.end <= start or m.start >= end:
            continue
        parts.append(_text(s, pos, max(pos, m.start)))
        pos = max(pos, m.end)
    parts.append(_text(s, pos, end))
    return "".join(parts)


# --- rule family: item counts -----------------------------------------------


def _item_counts(s: _Sent, owner: dict[Mention, Entity]) -> Iterable[Relation]:
    units = lexicon.word_set("relation_count_units")
    for m in s.mentions:
        if m.type is not EntityType.LIST or _in_breakdown(s, m):
            continue
        lo, _ = _clause_bounds(s, m.start)
        head = _text(s, lo, m.start)
        after = _count_after().match(_text(s, m.end, s.sentence.end))
        before = _COUNT_BEFORE.search(head)
        items = after and _ITEMS_AFTER_KINDS.match(_text(s, m.end, s.sentence.end), after.end(1))
        if items:
            # 清单8类1263项, 共分3大类26项: the kinds come first, then the items
            n, start, end = int(items.group(1)), m.start, m.end + items.end()
        elif after and after.group(2) in units:
            n, start, end = int(after.group(1)), m.start, m.end + after.end()
        elif before and before.group(2) in units and not _counts_owners(before.group(2), m):
            n, start, end = int(before.group(1)), lo + before.start(), m.end
        else:
            continue
        yield _relation(s, Predicate.ITEM_COUNT, owner[m].key, n, start, end, "item-count")


def _counts_owners(unit: str, m: Mention) -> bool:
    """全县12个乡镇履行职责事项清单: 个 before a list named after whose lists they are
    counts the owners (乡镇, 部门, 村), not the items."""
    return unit in "个家" and m.name.startswith(_owner_words())


@cache
def _owner_words() -> tuple[str, ...]:
    """Words of the units a list may belong to, one of each kind (generic_each_units.txt and places)."""
    return (*lexicon.words("generic_each_units"), "乡镇", "镇", "乡", "县", "区", "市")


def _in_breakdown(s: _Sent, m: Mention) -> bool:
    """True inside “(其中…)”: a part of a count already given, not the list's own size."""
    head = _text(s, s.sentence.start, m.start)
    opened = max(head.rfind("("), head.rfind("（"))
    closed = max(head.rfind(")"), head.rfind("）"))
    return opened > closed and head[opened + 1 :].startswith("其中")


# --- rule family: X下设Y ------------------------------------------------------

# A body and the units it has under it: 县委依法治县委员会下设执法协调小组, 县司法局内设法治督察股.
_SETS_UP = re.compile(r"(?:下设|内设)(?:的|了|有)?")
# What joins the units after it: 县司法局内设A、B和C.
_UNIT_JOIN = re.compile(r"^(?:[、和及与]|以及)$")


def _units_set_up(s: _Sent, owner: dict[Mention, Entity]) -> Iterable[Relation]:
    """Y partOf X when the sentence says X has Y under it (X下设Y, X内设A、B等, X下设的Y).

    X is written right before the word; Y right after it, and the institutions
    joined to Y (A、B和C) are X's units too.
    """
    text, base = s.sentence.text, s.sentence.start
    found = list(_SETS_UP.finditer(text)) if "设" in text else []
    quoted = _enclosed(text) if found else []
    for w in found:
        if quoted[w.start()]:
            continue
        start, end = base + w.start(), base + w.end()
        parent = next((m for m in s.mentions if m.end == start and m.type is EntityType.INSTITUTION), None)
        child = next((m for m in s.mentions if m.start == end and m.type is EntityType.INSTITUTION), None)
        if parent is None or child is None:
            continue
        for unit in _joined_after(s, child, _UNIT_JOIN):
            if owner[unit].key != owner[parent].key:
                yield _relation(
                    s,
                    Predicate.PART_OF,
                    owner[unit].key,
                    owner[parent].key,
                    parent.start,
                    unit.end,
                    "part-of-sentence",
                )


# --- rule families over names: partOf and runs ------------------------------


def _names(e: Entity) -> set[str]:
    return {e.canonical, *e.alt_labels, *(m.name for m in e.mentions)}


def _part_of_structure(
    sentences: Sequence[Sentence], entities: Sequence[Entity], parents: dict[Key, Key]
) -> Iterable[Relation]:
    """A body is part of the institution its name is built on (县委理论学习中心组 → 县委).

    One relation per child, with its first mention as evidence (a structural
    fact needs stating once); a parent the report names only inside the child's
    name has no mention, so its own partOf takes the child's first mention.
    """
    by_key = {e.key: e for e in entities}
    first: dict[Key, Mention] = {}
    for e in sorted(entities, key=lambda e: e.key):
        if e.mentions:
            first[e.key] = min(e.mentions, key=lambda m: (m.start, m.end))
    for child, parent in sorted(parents.items()):
        if child not in first:
            # a parent added from a longer name: the evidence is that name's mention
            source = next((c for c, p in sorted(parents.items()) if p == child and c in first), None)
            if source is None:
                continue
            first[child] = first[source]
        m = first[child]
        if parent not in by_key or child == parent:
            continue
        sent = sentences[m.sent_index]
        yield Relation(
            doc_id=sent.doc_id,
            predicate=Predicate.PART_OF,
            subject=child,
            object=parent,
            sent_index=sent.index,
            start=m.start,
            end=m.end,
            rule="part-of-name",
        )


def _named_after(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    owner: dict[Mention, Entity],
) -> Iterable[Relation]:
    """A brand whose name starts with an institution's full name is run by it (长治市人民政府门户网)."""
    insts = [e for e in entities if e.type is EntityType.INSTITUTION]
    done: set[tuple[Key, Key]] = set()
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        brand = owner[m]
        if brand.type is not EntityType.BRAND:
            continue
        for inst in insts:
            if (brand.key, inst.key) in done:
                continue
            full = [n for n in _names(inst) if len(n) >= 4 and n.startswith(m.name[:2])]
            if any(m.name.startswith(n) and len(m.name) > len(n) + 1 for n in full):
                done.add((brand.key, inst.key))
                sent = sentences[m.sent_index]
                yield Relation(
                    doc_id=sent.doc_id,
                    predicate=Predicate.RUNS,
                    subject=inst.key,
                    object=brand.key,
                    sent_index=sent.index,
                    start=m.start,
                    end=m.end,
                    rule="runs-name",
                )
