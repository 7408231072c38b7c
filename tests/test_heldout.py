"""Extraction on reports nobody tuned kg on: our own held-out fixtures.

``tests/fixtures/heldout/`` holds short reports written for these tests
(a city report, a provincial 司法厅 reply to a 人大建议, a street report, a
news item, a county report saved as a web page, a town report in GBK whose
county is never named, a district report with long coordinations) and the
entities a reader expects, in the gold format of the shared scorer. The
scorer is reimplemented here in a few lines so the tests do not depend on
files outside the project; it follows the same contract (per document,
distinct entities, NFKC and mark-insensitive names, optional entities
neither rewarded nor punished).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from kg.pipeline import extract, mention_records

HERE = Path(__file__).parent / "fixtures" / "heldout"
TYPES = ("机构", "制度", "清单", "品牌")
_MARKS = re.compile(r"[\s“”‘’\"'「」『』《》〈〉<>]")
_DASHES = re.compile(r"[‐‑‒–—―－~～]")
_DOTS = re.compile(r"[·•・‧]")


def norm(s: str | None) -> str:
    """Compare names, not typography (the scorer's normalisation)."""
    s = unicodedata.normalize("NFKC", s or "")
    return _DOTS.sub("·", _DASHES.sub("-", _MARKS.sub("", s)))


def score(
    gold: Iterable[dict[str, Any]], preds: Iterable[dict[str, Any]]
) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Counts per type (tp, fp, fn) and a list of readable errors."""
    by_doc: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for p in preds:
        forms = frozenset({norm(p.get("text")), norm(p.get("name"))} - {""})
        by_doc.setdefault(str(p["doc"]), []).append((p["type"], forms))
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    errors: list[str] = []
    for g in gold:
        doc = g["doc"]
        ents = [(e, {norm(e["name"]), *(norm(a) for a in e["alts"])}) for e in g["entities"]]
        matched: set[int] = set()
        seen: set[tuple[str, frozenset[str]]] = set()
        for t, forms in by_doc.get(doc, []):
            if (t, forms) in seen:
                continue
            seen.add((t, forms))
            if any(e["optional"] and forms & f for e, f in ents):
                continue
            hit = [i for i, (e, f) in enumerate(ents) if e["type"] == t and forms & f]
            if hit:
                if hit[0] not in matched:
                    matched.add(hit[0])
                    counts[t]["tp"] += 1
                continue
            counts[t]["fp"] += 1
            errors.append(f"wrong  {doc} {t} {'/'.join(sorted(forms))}")
        for i, (e, _) in enumerate(ents):
            if i not in matched and not e["optional"]:
                counts[e["type"]]["fn"] += 1
                errors.append(f"missed {doc} {e['type']} {e['name']}")
    return counts, errors


def f1(c: dict[str, int]) -> float:
    return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0


def micro(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    return {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}


def _gold() -> list[dict[str, Any]]:
    with (HERE / "gold.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _reports() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if p.suffix in {".txt", ".html"})


# ---------------------------------------------------------------- the scorer itself


def test_score_counts_variants_once_and_ignores_optional() -> None:
    gold = [
        {
            "doc": "d",
            "entities": [
                {"name": "开阳县司法局", "type": "机构", "alts": ["县司法局"], "optional": False},
                {"name": "放管服", "type": "制度", "alts": [], "optional": True},
                {"name": "民法典", "type": "制度", "alts": [], "optional": False},
            ],
        }
    ]
    preds = [
        {"doc": "d", "type": "机构", "text": "县司法局", "name": "开阳县司法局"},
        {"doc": "d", "type": "机构", "text": "开阳县司法局", "name": "开阳县司法局"},
        {"doc": "d", "type": "品牌", "text": "“放管服”", "name": "放管服"},
        {"doc": "d", "type": "品牌", "text": "“盐和”", "name": "盐和"},
        {"doc": "other", "type": "制度", "text": "民法典", "name": "民法典"},
    ]
    counts, errors = score(gold, preds)
    assert counts["机构"] == {"tp": 1, "fp": 0, "fn": 0}
    assert counts["品牌"] == {"tp": 0, "fp": 1, "fn": 0}
    assert counts["制度"] == {"tp": 0, "fp": 0, "fn": 1}
    assert len(errors) == 2


def test_fixtures_cover_gbk_html_and_every_gold_doc() -> None:
    stems = {p.stem for p in _reports()}
    assert stems == {g["doc"] for g in _gold()}
    assert any(p.suffix == ".html" for p in _reports())
    raw = (HERE / "qingxi-2023.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


# ---------------------------------------------------------------- extraction on the fixtures


@pytest.fixture(scope="module")
def heldout_scores() -> tuple[dict[str, dict[str, int]], list[str], dict[str, float]]:
    gold = _gold()
    preds = mention_records(extract(_reports()))
    counts, errors = score(gold, preds)
    per_doc = {}
    for g in gold:
        c, _ = score([g], [p for p in preds if p["doc"] == g["doc"]])
        per_doc[g["doc"]] = f1(micro(c))
    return counts, errors, per_doc


def test_heldout_micro_f1(
    heldout_scores: tuple[dict[str, dict[str, int]], list[str], dict[str, float]],
) -> None:
    counts, errors, _ = heldout_scores
    assert f1(micro(counts)) >= 0.85, "\n".join(errors)


def test_heldout_each_document_holds(
    heldout_scores: tuple[dict[str, dict[str, int]], list[str], dict[str, float]],
) -> None:
    _, errors, per_doc = heldout_scores
    weak = {d: round(v, 3) for d, v in per_doc.items() if v < 0.75}
    assert not weak, f"{weak}\n" + "\n".join(errors)
