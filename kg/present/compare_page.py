"""What ``kg compare`` shows: sections of plain cells for the terminal, and the comparison page.

``sections`` turns a ``Comparison`` (``kg.sparql.compare``) into titled tables
of strings, which the CLI prints with rich. ``render`` writes one
self-contained HTML page in the manner of ``graph.html``
(``kg.present.page``): the data travels as escaped JSON in a
``type="application/json"`` block and is shown only through
``textContent``; the page holds no URL and its Content-Security-Policy lets
only its own script run, so it works offline and an injected handler could
not run. Rows sort and filter, place columns filter and sort, and a cell
opens the sentences behind it. Output is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.io.write import write_text
from kg.model import EntityType, Predicate
from kg.present.page import asset, fill_page, segments
from kg.sparql.compare import Change, Comparison, Sentence, Sentences

#: Chinese names of the changes of a year.
CHANGE_LABEL = {"added": "新增", "dropped": "删去", "kept": "保留"}
#: Chinese labels of the relations a cell shows.
RELATION_LABEL = {p.value: p.label for p in Predicate}


@dataclass(frozen=True, slots=True)
class Section:
    """A titled table of strings: what the terminal shows of a comparison."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _items(n: int | None) -> str:
    return f"{n}项" if n is not None else ""


def cell_text(relations: tuple[str, ...], items: int | None) -> str:
    """A matrix cell: the relations stated (制定·实施), the item count, or ✓ when the place only names it."""
    parts = "·".join(RELATION_LABEL[r] for r in relations)
    text = " ".join(x for x in (parts, _items(items)) if x)
    return text or "✓"


def sections(c: Comparison) -> list[Section]:
    """The comparison as tables for the terminal; the last may be a note on reports without a year."""
    out = _year_sections(c) if c.by == "year" else _place_sections(c)
    if c.without_year:
        out.append(
            Section(
                "reports without a year (not compared by year)",
                ("report", "place"),
                tuple((r.id, r.place) for r in c.reports if not r.year),
            )
        )
    return out


def _year_sections(c: Comparison) -> list[Section]:
    out: list[Section] = []
    pairs: dict[tuple[str, str, str, str], list[Change]] = {}
    for ch in c.changes:
        pairs.setdefault((ch.place, ch.region, ch.year_from, ch.year_to), []).append(ch)
    for (place, _, y1, y2), changes in pairs.items():
        rows = []
        for t in c.types:
            of_type = [ch for ch in changes if ch.type == t.value]
            if not of_type:
                continue
            named = {k: [ch.item for ch in of_type if ch.change == k] for k in CHANGE_LABEL}
            rows.append(
                (t.value, "、".join(named["added"]), "、".join(named["dropped"]), str(len(named["kept"])))
            )
        out.append(Section(f"{place} {y1} → {y2}", ("type", "added", "dropped", "kept"), tuple(rows)))
    counted = [ch for ch in c.changes if ch.count_changed]
    if counted:
        out.append(
            Section(
                "item counts that changed",
                ("place", "years", "list", "items"),
                tuple(
                    (ch.place, f"{ch.year_from} → {ch.year_to}", ch.item, f"{ch.items_from} → {ch.items_to}")
                    for ch in counted
                ),
            )
        )
    brands = [ch for ch in c.changes if ch.change == "added" and ch.type == EntityType.BRAND.value]
    if brands:
        out.append(
            Section(
                "brands that appear",
                ("place", "year", "brand"),
                tuple((ch.place, ch.year_to, ch.item) for ch in brands),
            )
        )
    if not c.changes:
        years: dict[str, set[str]] = {}
        for r in c.reports:
            if r.year and r.place:
                years.setdefault(r.place, set()).add(r.year)
        rows = tuple((place, "、".join(sorted(ys))) for place, ys in sorted(years.items()))
        out.append(Section("no place has reports of two years to compare", ("place", "years"), rows))
    return out


def _place_sections(c: Comparison) -> list[Section]:
    m = c.matrix
    rows = tuple(
        (
            r.label,
            r.type,
            str(r.places),
            *(
                cell_text(r.cells[k].relations, r.cells[k].items) if k in r.cells else ""
                for k, _ in m.columns
            ),
        )
        for r in m.rows
    )
    title = "places × kinds (制定 formulates, 实施 implements, 编制 compiles, 打造 runs; ✓ named only)"
    return [Section(title, ("name", "type", "places", *(name for _, name in m.columns)), rows)]


# --------------------------------------------------------------------------- the page


class _SentenceIds:
    """Sentences of the page by number, each listed once."""

    def __init__(self) -> None:
        self.of: dict[Sentence, int] = {}

    def ids(self, found: list[Sentence]) -> list[int]:
        return [self.of.setdefault(s, len(self.of)) for s in found]

    def payload(self, places: dict[str, str]) -> list[dict[str, Any]]:
        return [
            {
                "report": s.report,
                "year": s.year,
                "place": places.get(s.region, ""),
                "text": segments(s.text, s.names),
            }
            for s in self.of
        ]


def _cell(text: str, value: object, sentences: list[int] | None = None, cls: str = "") -> dict[str, Any]:
    cell: dict[str, Any] = {"t": text, "v": value}
    if sentences:
        cell["s"] = sentences
    if cls:
        cell["c"] = cls
    return cell


def _place_payload(c: Comparison, found: Sentences, ids: _SentenceIds) -> dict[str, Any]:
    m = c.matrix
    filled = {k: sum(1 for r in m.rows if k in r.cells) for k, _ in m.columns}
    columns = [
        {"label": "名称", "num": False},
        {"label": "类型", "num": False},
        {"label": "地点数", "num": True},
        *({"label": name, "num": True, "count": filled[k]} for k, name in m.columns),
    ]
    rows = []
    for r in m.rows:
        cells = [_cell(r.label, r.label), _cell(r.type, r.type), _cell(str(r.places), r.places)]
        for k, _ in m.columns:
            cell = r.cells.get(k)
            if cell is None:
                cells.append(_cell("", 0))
                continue
            value = cell.items if cell.items is not None else 1 + len(cell.relations)
            said = _cell(cell_text(cell.relations, cell.items), value, ids.ids(found.of_cell(r.key, k)))
            said["d"] = _years_note(cell.years, cell.items, cell.items_year)
            cells.append(said)
        rows.append({"type": r.type, "cells": cells})
    return {"columns": columns, "rows": rows, "fixed": 3}


def _years_note(years: tuple[str, ...], items: int | None, items_year: str) -> str:
    """Which years' reports name it, and which gives the item count: 报告年份：2022、2023；项数见2023年."""
    note = "报告年份：" + "、".join(y or "未标明" for y in years)
    if items is not None:
        note += f"；项数见{items_year}年报告" if items_year else "；项数见未标明年度的报告"
    return note


def _year_payload(c: Comparison, found: Sentences, ids: _SentenceIds) -> dict[str, Any]:
    columns = [
        {"label": "名称", "num": False},
        {"label": "类型", "num": False},
        {"label": "地点", "num": False},
        {"label": "年份", "num": False},
        {"label": "变化", "num": False},
        {"label": "项数", "num": True},
    ]
    rows = []
    for ch in c.changes:
        said = ids.ids(found.of_change(ch))
        counts = " → ".join(str(n) if n is not None else "–" for n in (ch.items_from, ch.items_to))
        last = ch.items_to if ch.items_to is not None else ch.items_from
        rows.append(
            {
                "type": ch.type,
                "cells": [
                    _cell(ch.item, ch.item, said),
                    _cell(ch.type, ch.type),
                    _cell(ch.place, ch.place),
                    _cell(f"{ch.year_from} → {ch.year_to}", ch.year_from + ch.year_to),
                    _cell(CHANGE_LABEL[ch.change], ch.change, said, ch.change),
                    _cell(counts if last is not None else "", last if last is not None else -1),
                ],
            }
        )
    return {"columns": columns, "rows": rows, "fixed": len(columns)}


def payload(c: Comparison, title: str) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data."""
    ids = _SentenceIds()
    body = _year_payload(c, c.sentences, ids) if c.by == "year" else _place_payload(c, c.sentences, ids)
    places = {r.region: r.place for r in c.reports}
    note = ""
    if c.without_year:
        note = "未标明年度的报告（不参与逐年比较）：" + "、".join(c.without_year)
    return {
        "title": title,
        "by": c.by,
        "types": [t.value for t in c.types],
        "note": note,
        **body,
        "sentences": ids.payload(places),
    }


def page_html(data: dict[str, Any], title: str) -> str:
    """The page for ``payload(…)``: one file, its script allowed by hash and nothing else."""
    return fill_page(
        "compare_template.html",
        title,
        data,
        {"APP_JS": asset("compare.js")},
        {"APP_CSS": asset("compare.css")},
    )


def render(c: Comparison, out: Path, title: str = "") -> dict[str, int]:
    """Write the comparison page to ``out`` (atomically); returns how many rows and columns it has."""
    title = title or ("kg compare · 逐年比较" if c.by == "year" else "kg compare · 地点比较")
    data = payload(c, title)
    write_text(out, page_html(data, title))
    return {"rows": len(data["rows"]), "columns": len(data["columns"]), "sentences": len(data["sentences"])}


__all__ = ["Section", "cell_text", "page_html", "payload", "render", "sections"]
