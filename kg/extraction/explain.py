"""Why kg found what it found in a report (``kg explain``).

``explain(doc)`` runs extraction once with every hook open: the mention rules'
trace (each candidate, the rule that proposed it, the filter or overlap that
dropped it), the renaming of 我局/该局/本方案, the canonical name and scope of each
mention, the entity it joined, and the relation rules' notes (the cue, who acts
and how they were found, or why nothing was stated). ``render`` prints the part
about one name or one sentence as plain text.

Offsets are those of the text as kg reads it (a PDF's broken lines joined); for
text files they are the file's own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extraction.document import extract_document
from kg.extraction.normalize import STANDING, canonical
from kg.extraction.relations import CueDecision
from kg.extraction.trace import Overlapped, Proposed, Rejected, Repeated, TraceEvent
from kg.model import Document, DocumentExtraction, Entity, Mention, Relation, ReportInfo, Sentence
from kg.text.reflow import reflow_document
from kg.text.tokenize import tokenize

Key = tuple[str, str, str]


@dataclass
class Explanation:
    """Everything extraction decided about one document, with the reasons."""

    extraction: DocumentExtraction
    events: list[TraceEvent] = field(default_factory=list)
    decisions: list[CueDecision] = field(default_factory=list)

    @property
    def document(self) -> Document:
        return self.extraction.document

    @property
    def sentences(self) -> list[Sentence]:
        return self.extraction.sentences


def explain(doc: Document) -> Explanation:
    """Extract ``doc`` with every trace hook open."""
    read = reflow_document(doc).document
    events: list[TraceEvent] = []
    decisions: list[CueDecision] = []
    extraction = extract_document(read, trace=events.append, note=decisions.append)
    return Explanation(extraction, events, decisions)


# ------------------------------------------------------------------ rendering


def _short(text: str, width: int = 70) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _entity_of(ex: Explanation) -> dict[Mention, Entity]:
    return {m: e for e in ex.extraction.entities for m in e.mentions}


def _key_text(key: Key) -> str:
    return f"{key[0]} {key[1]}" + (f" [scope {key[2]}]" if key[2] else "")


def _relation_text(r: Relation, ex: Explanation) -> str:
    obj = str(r.object) if isinstance(r.object, int) else r.object[1]
    how = "implied: the report's author" if r.implicit else "stated"
    return f"{r.subject[1]} —{r.predicate.value}→ {obj}  (rule {r.rule}, {how}, sentence {r.sent_index})"


def render_info(ex: Explanation) -> list[str]:
    info = ex.extraction.info
    place = f"{info.place.name} ({info.place.key})" if info.place else "unknown"
    author = f"{info.author} — found by: {info.author_reason}" if info.author else "none found"
    if info.coauthors:
        author += f"; signed with: {', '.join(info.coauthors)}"
    return [
        f"report {ex.document.id}: {info.title or '(no title line)'}",
        f"  place: {place}; year: {info.year or 'unknown'}; kind: {info.kind}",
        f"  author: {author}",
    ]


def _events_in(ex: Explanation, start: int, end: int) -> list[TraceEvent]:
    """Trace events whose span overlaps [start, end)."""
    out: list[TraceEvent] = []
    for ev in ex.events:
        if isinstance(ev, (Proposed, Rejected)):
            s, e = ev.start, ev.end
        elif isinstance(ev, Overlapped):
            s, e = ev.mention.start, ev.mention.end
        else:
            s, e = ev.mention.start, ev.mention.end
        if s < end and start < e:
            out.append(ev)
    return out


def _event_lines(ex: Explanation, events: Iterable[TraceEvent], owner: dict[Mention, Entity]) -> list[str]:
    info = ex.extraction.info
    final = {(m.start, m.end, m.type): m for m in ex.extraction.mentions}
    lines: list[str] = []
    for ev in events:
        if isinstance(ev, Proposed):
            c = ev.candidate
            where = f"{ev.start}–{ev.end}"
            lines.append(f"    {c.rule} proposed {c.type.value} “{c.name}” at {where}")
            kept = final.get((ev.start, ev.end, c.type))
            if kept is not None and kept.rule == c.rule:
                lines.extend(_kept_lines(kept, owner, info))
        elif isinstance(ev, Rejected):
            lines.append(f"      dropped before overlaps: {ev.reason}")
        elif isinstance(ev, Overlapped):
            w = ev.winner
            lines.append(
                f"      {ev.mention.rule} “{ev.mention.name}” {ev.mention.start}–{ev.mention.end} lost in overlap "
                f"resolution (longest first) to {w.type.value} “{w.name}” {w.start}–{w.end} ({w.rule})"
            )
        elif isinstance(ev, Repeated):
            lines.append(f"    repeat of a name found elsewhere: {ev.mention.type.value} “{ev.mention.name}”")
            kept = final.get((ev.mention.start, ev.mention.end, ev.mention.type))
            if kept is not None:
                lines.extend(_kept_lines(kept, owner, info))
    return lines


def _kept_lines(m: Mention, owner: dict[Mention, Entity], info: ReportInfo) -> list[str]:
    e = owner.get(m)
    if e is None:
        return ["      kept, but joined no entity"]
    name, scope = canonical(m, info)
    lines = [
        f"      kept → canonical “{name}”"
        + (f", scope {scope}" if scope else ", no scope (national or general)")
    ]
    if m.rule.endswith("anaphor"):
        lines.append(f"      “{m.text}” refers to “{m.name}”")
    if (name, scope) != (e.canonical, e.scope) and name in STANDING:
        lines.append(f"      its sentence says whose standing committee: “{e.canonical}”")
    elif (name, scope) != (e.canonical, e.scope):
        lines.append(f"      merged into the fuller name “{e.canonical}” (same body, same scope)")
    return lines


def _entity_lines(ex: Explanation, e: Entity) -> list[str]:
    surfaces: dict[str, int] = defaultdict(int)
    for m in e.mentions:
        surfaces[m.text] += 1
    forms = ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in sorted(surfaces.items()))
    lines = [f"  entity: {_key_text(e.key)}"]
    lines.append(
        f"    {len(e.mentions)} mention(s): {forms or '(none: named only by the author line or a part)'}"
    )
    if e.alt_labels:
        lines.append(f"    other names: {', '.join(e.alt_labels)}")
    rels = [r for r in ex.extraction.relations if r.subject == e.key or r.object == e.key]
    for r in rels:
        lines.append(f"    relation: {_relation_text(r, ex)}")
    for d in ex.decisions:
        if d.object in e.mentions and not d.subjects:
            lines.append(
                f"    no relation from sentence {d.sent_index}: {d.outcome}"
                + (f" (cue {d.cue})" if d.cue else "")
            )
        elif d.object in e.mentions:
            who = ", ".join(k[1] for k in d.subjects)
            lines.append(f"    sentence {d.sent_index}: cue {d.cue} → {who}; {d.outcome}")
    return lines


def render_name(ex: Explanation, name: str) -> list[str]:
    """Everything about ``name``: where it occurs, what each rule did there, the entity, its relations."""
    text = ex.document.text
    owner = _entity_of(ex)
    spans: list[tuple[int, int]] = []
    k = text.find(name)
    while k >= 0:
        spans.append((k, k + len(name)))
        k = text.find(name, k + 1)
    lines = [f"name “{name}”: {len(spans)} occurrence(s) in the text"]
    entities: dict[Key, Entity] = {}
    for start, end in spans:
        sent = next((s for s in ex.sentences if s.start <= start < s.end), None)
        if sent is None:
            continue
        a, b = start - sent.start, end - sent.start
        before = sent.text[max(0, a - 24) : a]
        after = sent.text[b : b + 24]
        lines.append(
            f"  sentence {sent.index}, at {start}: 「{'…' if a > 24 else ''}{before}【{sent.text[a:b]}】"
            f"{after}{'…' if b + 24 < len(sent.text) else ''}」".replace("\n", " ")
        )
        events = _events_in(ex, start, end)
        if not events:
            words = "/".join(
                w for w, _, _ in tokenize(sent.text[max(0, start - sent.start - 6) : end - sent.start + 6])
            )
            lines.append(f"    no rule proposed a name here; jieba cuts the text around it as {words}")
        lines.extend(_event_lines(ex, events, owner))
        for m in ex.extraction.mentions:
            if m.start < end and start < m.end and m in owner:
                entities[owner[m].key] = owner[m]
    for e in ex.extraction.entities:
        if name in {e.canonical, *e.alt_labels} and e.key not in entities:
            entities[e.key] = e
    if not entities:
        lines.append("  no entity of the report has this name")
    for e in sorted(entities.values(), key=lambda e: e.key):
        lines.extend(_entity_lines(ex, e))
    return lines


def render_sentence(ex: Explanation, fragment: str) -> list[str]:
    """Every candidate, mention and relation decision of the sentences that contain ``fragment``."""
    owner = _entity_of(ex)
    sents = [s for s in ex.sentences if fragment in s.text]
    lines = [f"sentence “{_short(fragment, 30)}”: {len(sents)} sentence(s) contain it"]
    for s in sents:
        lines.append(f"  sentence {s.index} at {s.start}: 「{s.text}」")
        lines.extend(_event_lines(ex, _events_in(ex, s.start, s.end), owner))
        for d in ex.decisions:
            if d.sent_index != s.index:
                continue
            obj = f"{d.object.type.value} “{d.object.name}”"
            if d.subjects:
                who = ", ".join(k[1] for k in d.subjects)
                preds = "/".join(p.value for p in d.predicates)
                lines.append(f"    {obj}: cue {d.cue} → {preds} by {who}; {d.outcome}")
            else:
                lines.append(f"    {obj}: no relation; {d.outcome}" + (f" (cue {d.cue})" if d.cue else ""))
        for r in ex.extraction.relations:
            if r.sent_index == s.index:
                lines.append(f"    relation: {_relation_text(r, ex)}")
    return lines


def render_summary(ex: Explanation) -> list[str]:
    """Each entity with the rules that found it, and the relation count per rule."""
    lines = [f"{len(ex.extraction.entities)} entities, {len(ex.extraction.relations)} relations"]
    for e in ex.extraction.entities:
        rules = sorted({m.rule for m in e.mentions})
        lines.append(f"  {_key_text(e.key)} — {len(e.mentions)} mention(s); rules: {', '.join(rules) or '-'}")
    counts: dict[str, int] = defaultdict(int)
    for r in ex.extraction.relations:
        counts[r.rule] += 1
    lines.append("relations by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return lines


def render(ex: Explanation, name: str | None = None, sentence: str | None = None) -> str:
    """The explanation as text: the report's facts, then the name's or sentence's story."""
    lines = render_info(ex)
    if name:
        lines += render_name(ex, name)
    if sentence:
        lines += render_sentence(ex, sentence)
    if not name and not sentence:
        lines += render_summary(ex)
    return "\n".join(lines) + "\n"
