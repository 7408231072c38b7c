"""The trace of find_mentions: every candidate proposed, every drop with its reason or winner."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.extraction.mentions as driver
from kg.extraction.mentions import _generic, find_mentions
from kg.extraction.places import region_of
from kg.extraction.report import detect_report_info
from kg.extraction.rules import Candidate, SentenceView, rule_by_id
from kg.extraction.trace import Overlapped, Proposed, Rejected, Repeated, TraceEvent
from kg.io.read import read_documents
from kg.model import Document, EntityType, Mention, ReportInfo, Sentence
from kg.text.segment import split_sentences

NINGLING = "411423"  # 宁陵县, a county none of the seeds is about


def traced(text: str) -> tuple[list[Mention], list[TraceEvent]]:
    doc = Document(id="t", path="", text=text, sha256="")
    info = ReportInfo(doc_id="t", place=region_of(NINGLING))
    events: list[TraceEvent] = []
    return find_mentions(doc, split_sentences(doc), info, trace=events.append), events


def seeds(seeds_dir: Path) -> list[tuple[Document, list[Sentence], ReportInfo]]:
    out = []
    for doc in read_documents([seeds_dir]):
        sentences = split_sentences(doc)
        out.append((doc, sentences, detect_report_info(doc, sentences)))
    return out


def test_a_trace_changes_nothing(seeds_dir: Path) -> None:
    for doc, sentences, info in seeds(seeds_dir):
        events: list[TraceEvent] = []
        assert find_mentions(doc, sentences, info, trace=events.append) == find_mentions(doc, sentences, info)
        assert events


def test_the_events_account_for_every_mention(seeds_dir: Path) -> None:
    for doc, sentences, info in seeds(seeds_dir):
        events: list[TraceEvent] = []
        found = find_mentions(doc, sentences, info, trace=events.append)
        proposed = [e for e in events if isinstance(e, Proposed)]
        rejected = {(e.candidate, e.start) for e in events if isinstance(e, Rejected)}
        overlapped = [e for e in events if isinstance(e, Overlapped)]
        repeated = [e.mention for e in events if isinstance(e, Repeated)]
        for e in proposed:
            s = sentences[e.sentence_index]
            assert doc.text[e.start : e.end] == s.text[e.candidate.start : e.candidate.end]
            assert e.candidate.rule in rule_by_id(e.rule_id).emits
        passed = {
            (e.start, e.end, e.candidate.type, e.candidate.rule)
            for e in proposed
            if (e.candidate, e.start) not in rejected
        }
        # every mention found came from a candidate that passed the filter, or is a repeat
        assert {(m.start, m.end, m.type, m.rule) for m in found if m.rule != "repeat"} <= passed
        assert [m for m in found if m.rule == "repeat"] == sorted(repeated, key=lambda m: (m.start, m.end))
        # what overlap resolution left out lost to a kept mention that overlaps it
        for e in overlapped:
            assert e.mention not in found and e.winner in found
            assert e.mention.start < e.winner.end and e.winner.start < e.mention.end
        kept = {(m.start, m.end, m.type, m.rule) for m in found}
        lost = {(e.mention.start, e.mention.end, e.mention.type, e.mention.rule) for e in overlapped}
        assert passed <= kept | lost


@pytest.mark.parametrize(
    ("text", "name", "reason"),
    [
        ("建成96个公共法律服务中心。", "公共法律服务中心", "count before"),
        ("建成矛盾纠纷调解中心12个。", "矛盾纠纷调解中心", "count after"),
        # a count of three digits or more after the name
        ("建成村公共法律服务室120个。", "村公共法律服务室", "count after"),
        ("设立村级法律顾问工作室1386个。", "村级法律顾问工作室", "count after"),
        ("各县政府办公室和各乡镇负责落实。", "县政府办公室", "各 before"),
        ("各乡镇成立调解中心。", "调解中心", "各 in clause"),
        ("各乡镇人民政府：", "各乡镇人民政府", "starts with 各"),
    ],
)
def test_a_rejection_says_why(text: str, name: str, reason: str) -> None:
    found, events = traced(text)
    assert name not in {m.name for m in found}
    rejected = [e for e in events if isinstance(e, Rejected) and e.candidate.name == name]
    assert [e.reason for e in rejected] == [reason]
    proposed = [e for e in events if isinstance(e, Proposed) and e.candidate == rejected[0].candidate]
    assert events.index(proposed[0]) + 1 == events.index(rejected[0])  # right after its proposal


def test_generic_names_its_reason() -> None:
    s = Sentence(doc_id="t", index=0, start=0, end=9, text="司法所开展普法宣传")
    v = SentenceView.of(s)
    inst, sys = EntityType.INSTITUTION, EntityType.SYSTEM
    assert _generic(Candidate(0, 3, inst, "司法所", "org.head"), v) == "generic institution word"
    assert _generic(Candidate(0, 1, sys, "司", "title"), v) == "name shorter than two characters"
    assert _generic(Candidate(5, 9, sys, "普法宣传", "title"), v) is None


def test_overlap_names_the_winner() -> None:
    found, events = traced("推行行政执法公示制度，宁陵县人民政府办公室印发通知。")
    lost = {(e.mention.rule, e.winner.rule, e.winner.text) for e in events if isinstance(e, Overlapped)}
    assert lost == {
        ("system.head", "doc.after_verb", "行政执法公示制度"),
        ("org.local", "org.head", "宁陵县人民政府办公室"),
    }
    assert {m.rule for m in found} == {"doc.after_verb", "org.head"}


def test_repeats_are_reported() -> None:
    found, events = traced("打造“阳光调解”品牌。阳光调解覆盖全县。")
    repeated = [e.mention for e in events if isinstance(e, Repeated)]
    assert [(m.text, m.rule) for m in repeated] == [("阳光调解", "repeat")]
    assert repeated[0] in found


def test_no_event_is_built_without_a_trace(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("an event was built without a trace")

    for event in ("Proposed", "Rejected", "Overlapped", "Repeated"):
        monkeypatch.setattr(driver, event, refuse)
    for doc, sentences, info in seeds(seeds_dir):
        assert find_mentions(doc, sentences, info)
