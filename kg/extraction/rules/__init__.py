"""The registry of mention rules: every rule, in the order the driver runs them.

Each family of rules lives in a module of its own; a rule is a generator
``(SentenceView, DocContext) → Candidate`` declared with ``@rule(id, *types,
emits=…)`` (``kg.extraction.rules.base``), which makes it a ``Rule`` with an
id, the entity types it proposes and the exact rule ids its candidates
carry (the ``rule`` of a mention, which the graph records).

| module            | rules (ids)                                              |
|-------------------|----------------------------------------------------------|
| ``titles``        | ``title``: 《》 titles                                    |
| ``documents``     | ``doc.after_verb``, ``doc.listed``, ``doc.named``, ``law`` |
| ``systems``       | ``system.head``, ``list.head``: names by head word; ``system.national``: 重大行政决策程序 in prose |
| ``enumerations``  | ``enum``: A、B等制度, items sharing one head              |
| ``quoted``        | ``quote``: quoted lists, systems, reforms, brands         |
| ``brands``        | ``brand.counted_visits``, ``brand.app``, ``brand.column`` |
| ``institutions``  | ``org.national``, ``org.local``, ``org.bare_local``, ``org.head`` |
| ``anaphora``      | ``org.anaphor``, ``sys.anaphor``: 我局, 该局, 本方案 (resolved by ``kg.extraction.anaphora``) |

``RULES`` fixes the order: rules run in it on each sentence, and candidates
reach overlap resolution in that order, which decides between candidates
that tie on every sort key. Add a rule by declaring it in its family's
module and listing it here.
"""

from __future__ import annotations

from kg.extraction.rules import (
    anaphora,
    brands,
    documents,
    enumerations,
    institutions,
    quoted,
    systems,
    titles,
)
from kg.extraction.rules.base import Candidate, DocContext, Rule, SentenceView, rule

RULES: tuple[Rule, ...] = (
    titles.titles,
    documents.after_verb,
    documents.listed,
    documents.named_documents,
    systems.by_system_head,
    systems.by_list_head,
    systems.national_prose,
    enumerations.enumerations,
    quoted.quoted,
    brands.counted_visits,
    brands.apps,
    brands.columns,
    institutions.national,
    institutions.local,
    institutions.bare_local,
    institutions.by_head,
    documents.laws,
    anaphora.anaphors,
    anaphora.own_document,
)


def rule_by_id(rule_id: str) -> Rule:
    """The registered rule with id ``rule_id``.

    Raises:
        KeyError: when no rule has that id.
    """
    for r in RULES:
        if r.id == rule_id:
            return r
    raise KeyError(f"no mention rule {rule_id!r}; known: {', '.join(r.id for r in RULES)}")


__all__ = ["RULES", "Candidate", "DocContext", "Rule", "SentenceView", "rule", "rule_by_id"]
