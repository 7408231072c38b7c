"""An extraction as plain records: the JSON Lines of ``kg extract``.

One object per entity mention (``mention_records``) or per relation
(``relation_records``), in report-id order, each with the id of the rule
that found it. The records of a document depend on that document only, so
a streaming or incremental build writes the same records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.extraction.normalize import merge_entities
from kg.model import Entity, Extraction, Mention, Relation


def entity_of_mentions(entities: Iterable[Entity]) -> dict[Mention, Entity]:
    """Map each mention to the entity that holds it."""
    return {m: e for e in entities for m in e.mentions}


def mention_records(result: Extraction) -> list[dict[str, Any]]:
    """One JSON object per entity mention, in the format of ``kg extract``."""
    owner = entity_of_mentions(result.entities)
    out: list[dict[str, Any]] = []
    for d in result.documents:
        sents = d.sentences
        for m in sorted(d.mentions, key=lambda m: (m.start, m.end)):
            ent = owner.get(m)
            out.append(
                {
                    "doc": m.doc_id,
                    "type": m.type.value,
                    "text": m.text,
                    "name": ent.canonical if ent else m.name,
                    "start": m.start,
                    "end": m.end,
                    "sentence": sents[m.sent_index].text,
                    "rule": m.rule,
                }
            )
    return out


def relation_records(result: Extraction) -> list[dict[str, Any]]:
    """One JSON object per relation, in the format of ``kg extract --relations``.

    An entity's names are those its own report uses (canonical name first),
    so a document's records do not depend on the other documents: a
    streaming or incremental build gives the same records.
    """
    out: list[dict[str, Any]] = []
    for d in result.documents:
        by_key = {e.key: e for e in merge_entities(d.entities)}

        # 通山县始终…: the report speaks of its place as the author; the place's
        # name stands for the author in what the report states (not a label of it).
        alias = d.info.author_alias

        def names(
            key: tuple[str, str, str],
            by_key: dict[tuple[str, str, str], Entity] = by_key,
            author: tuple[str, str, str] | None = d.author_key,
            alias: str = alias,
        ) -> list[str]:
            e = by_key.get(key)
            out = [e.canonical, *e.alt_labels] if e else [key[1]]
            return [*out, alias] if alias and key == author and alias not in out else out

        for r in sorted(d.relations, key=_relation_order):
            sent = d.sentences[r.sent_index]
            out.append(
                {
                    "doc": r.doc_id,
                    "p": r.predicate.value,
                    "s": names(r.subject),
                    "o": r.object if isinstance(r.object, int) else names(r.object),
                    "sentence": sent.text,
                    "start": r.start,
                    "end": r.end,
                    "implicit": r.implicit,
                    "rule": r.rule,
                }
            )
    return out


def _relation_order(r: Relation) -> tuple[Any, ...]:
    obj = (1, "", "", str(r.object)) if isinstance(r.object, int) else (0, *r.object)
    return (r.start, r.end, r.predicate.value, r.subject, obj)
