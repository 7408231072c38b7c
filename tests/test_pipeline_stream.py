"""The streaming build: per-document results, merge, cache, parallel and Dask engines, bad files.

The seeds are copied into ``tmp_path`` wherever a test adds, removes or
damages files. Builds run with ``jobs=1`` (in this process) unless the test
is about parallelism, so monkeypatched functions see every call.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

import kg.corpus.collect
import kg.corpus.outputs
import kg.rdf.statements
from kg.api import build
from kg.corpus.cache import read_entry
from kg.corpus.task import DocumentFailure, DocumentResult, process_document
from kg.errors import InputError
from kg.extraction.document import extract, extract_document
from kg.extraction.normalize import merge_entities
from kg.extraction.records import relation_records
from kg.io.read import read_documents
from kg.model import Extraction
from kg.rdf.formats import WRITTEN as FORMATS
from kg.rdf.serialize import serialize
from kg.rdf.statements import build_dataset, union

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUTPUTS = [*(f"graph.{f}" for f in FORMATS), "mentions.jsonl", "graph.html"]

pytestmark = pytest.mark.slow


def _copy_seeds(folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in sorted(SEEDS.glob("*.txt")):
        if names is None or f.stem in names:
            shutil.copy(f, folder / f.name)
    return folder


def _same_outputs(a: Path, b: Path, names: list[str] = OUTPUTS) -> None:
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def page_data(path: Path) -> dict[str, object]:
    """The JSON block graph.html's script reads."""
    text = path.read_text(encoding="utf-8")
    start = text.index('id="kg-data"')
    start = text.index(">", start) + 1
    return json.loads(text[start : text.index("</script>", start)])


def _quads(ds: object) -> set[tuple[object, ...]]:
    return set(ds.quads((None, None, None, None)))  # type: ignore[attr-defined]


def test_union_of_per_document_datasets_is_the_corpus_dataset() -> None:
    corpus = extract([SEEDS])
    whole = _quads(build_dataset(corpus))
    parts: set[tuple[object, ...]] = set()
    for d in corpus.documents:
        parts |= _quads(build_dataset(Extraction([d], merge_entities(d.entities))))
    assert parts == whole


def test_process_document_returns_plain_sorted_results() -> None:
    result = process_document(str(SEEDS / "kaiyang-2021.txt"))
    assert isinstance(result, DocumentResult)
    lines = result.quads.splitlines(keepends=True)
    assert lines == sorted(set(lines)) and all(line.endswith(b" .\n") for line in lines)
    d = extract_document(read_documents([SEEDS / "kaiyang-2021.txt"])[0])
    assert len(lines) == len(_quads(build_dataset(Extraction([d], merge_entities(d.entities)))))
    assert result.relations.count(b"\n") == len(d.relations)
    assert result.mentions.count(b"\n") == len(d.mentions)


def _count(values: object) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:  # type: ignore[attr-defined]
        out[v] = out.get(v, 0) + 1
    return out


def test_streaming_build_equals_the_in_memory_serialisation(seeds_build: Path) -> None:
    """Merging per-document streams gives the bytes of serialising the whole dataset at once."""
    ds = build_dataset(extract([SEEDS]))
    graph = union(ds)
    for fmt in FORMATS:
        assert (seeds_build / f"graph.{fmt}").read_text(encoding="utf-8") == serialize(ds, graph, fmt), fmt


def test_html_of_a_small_corpus_is_the_full_view(seeds_build: Path, tmp_path: Path) -> None:
    from kg.present.page import render

    render(
        Graph().parse(seeds_build / "graph.nt", format="nt"),
        tmp_path / "full.html",
        title="法治政府建设报告知识图谱",
    )
    assert (tmp_path / "full.html").read_bytes() == (seeds_build / "graph.html").read_bytes()


def test_jobs_do_not_change_a_byte(seeds_build: Path, tmp_path: Path) -> None:
    """seeds_build ran with the default jobs (all cores); one process gives the same files."""
    out = tmp_path / "one"
    build([SEEDS], out, formats=FORMATS, jobs=1, cache=False)
    _same_outputs(out, seeds_build)
    two = tmp_path / "two"
    summary = build([SEEDS], two, formats=FORMATS, jobs=2, cache=False)
    assert summary.documents == 5 and summary.cached == 0
    _same_outputs(two, seeds_build)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every document that ``build`` processes (jobs=1 runs them in this process)."""
    calls: list[str] = []
    original = kg.corpus.collect.process_document

    def counted(path: str, max_bytes: int) -> DocumentResult | DocumentFailure:
        calls.append(Path(path).stem)
        return original(path, max_bytes)

    monkeypatch.setattr(kg.corpus.collect, "process_document", counted)
    return calls


def test_adding_a_report_reprocesses_only_that_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    reports = _copy_seeds(tmp_path / "in", ["bohu-2023", "kaiyang-2021", "xinglong-2024"])
    out = tmp_path / "out"
    first = build([reports], out, formats=FORMATS, jobs=1)
    assert (first.documents, first.cached) == (3, 0)
    assert sorted(calls) == ["bohu-2023", "kaiyang-2021", "xinglong-2024"]
    calls.clear()
    shutil.copy(SEEDS / "haiyan-2023-reply.txt", reports)
    second = build([reports], out, formats=FORMATS, jobs=1)
    assert (second.documents, second.cached) == (4, 3)
    assert calls == ["haiyan-2023-reply"]

    clean = tmp_path / "clean"
    build([reports], clean, formats=FORMATS, jobs=1, cache=False)
    _same_outputs(out, clean)
    assert not (clean / ".cache").exists()


def test_changed_or_damaged_entries_are_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    reports = _copy_seeds(tmp_path / "in", ["bohu-2023", "xinglong-2024"])
    out = tmp_path / "out"
    build([reports], out, jobs=1)
    reference = (out / "graph.ttl").read_bytes()
    entries = sorted((out / ".cache").rglob("*.kgdoc"))
    assert len(entries) == 2 and all(read_entry(e) for e in entries)
    damaged = entries[0]
    data = bytearray(damaged.read_bytes())
    data[-2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    assert read_entry(damaged) is None
    calls.clear()
    summary = build([reports], out, jobs=1)
    assert summary.cached == 1 and len(calls) == 1
    assert (out / "graph.ttl").read_bytes() == reference
    # An edited report is a new entry too.
    calls.clear()
    (reports / "xinglong-2024.txt").write_text(
        (reports / "xinglong-2024.txt").read_text(encoding="utf-8") + "\n县司法局制定《兴隆镇调解办法》。\n",
        encoding="utf-8",
    )
    assert build([reports], out, jobs=1).cached == 1 and calls == ["xinglong-2024"]


def test_no_stage_builds_the_corpus_graph_and_the_view_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every set of statements the build makes holds one document, and graph.html only the top entities."""
    sizes: list[int] = []
    original = kg.rdf.statements.add_statements

    def recorded(result: Extraction, sink: object) -> object:
        sizes.append(len(result.documents))
        return original(result, sink)

    monkeypatch.setattr(kg.rdf.statements, "add_statements", recorded)
    drawn: list[int] = []
    render = kg.corpus.outputs.render

    def spy(graph: Graph, *args: object, **kwargs: object) -> object:
        drawn.append(len(graph))
        return render(graph, *args, **kwargs)

    monkeypatch.setattr(kg.corpus.outputs, "render", spy)
    out = tmp_path / "out"
    summary = build([SEEDS], out, jobs=1, cache=False, html_entities=10, html_mentions=2)
    assert sizes == [1] * 5
    data = page_data(out / "graph.html")
    entities = [n for n in data["nodes"] if n["kind"] in {"机构", "制度", "清单", "品牌"}]
    assert len(entities) == 10
    assert all(n["mentions"] <= 2 for n in entities)
    assert drawn and drawn[0] < summary.triples / 10

    # The ten drawn are the most mentioned (ties: smaller IRI first).
    full = Graph().parse(data=(out / "graph.ttl").read_text(encoding="utf-8"), format="turtle")
    from kg.rdf.vocab import ROL

    counts = _count(str(s) for s, _, _ in full.triples((None, ROL.hasMention, None)))
    typed = {str(s) for c in kg.rdf.terms.CLASS_OF.values() for s in full.subjects(predicate=None, object=c)}
    ranked = sorted(typed, key=lambda e: (-counts.get(e, 0), f"<{e}>"))
    assert sorted(n["iri"] for n in entities) == sorted(ranked[:10])


def test_main_process_memory_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    """Four times the reports (same sizes) need no more memory in the build process.

    Extraction runs in worker processes (jobs=2); what is measured is the
    merging and writing, which would grow with the corpus if any stage
    held the corpus graph.
    """
    import tracemalloc

    def corpus(folder: Path, copies: int, names: list[str]) -> Path:
        folder.mkdir()
        for f in sorted(SEEDS.glob("*.txt")):
            if f.stem not in names:
                continue
            for i in range(copies):
                shutil.copy(f, folder / f"{f.stem}-copy{i}.txt")
        return folder

    names = ["changzhi-2023-news", "xinglong-2024"]
    small, large = corpus(tmp_path / "in1", 1, names), corpus(tmp_path / "in4", 4, names)
    build([small], tmp_path / "warm-up", formats=FORMATS, jobs=2, cache=False)  # imports are not measured
    peaks = []
    for reports in (small, large):
        tracemalloc.start()
        build([reports], tmp_path / f"out-{reports.name}", formats=FORMATS, jobs=2, cache=False, html=False)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    graph = (tmp_path / f"out-{large.name}" / "graph.nq").stat().st_size
    assert peaks[1] < 1.5 * peaks[0], peaks
    # Holding the merged statements, or an rdflib graph of them, would add at least their size.
    assert peaks[1] - peaks[0] < graph / 10, (peaks, graph)


def test_relation_records_of_a_report_do_not_depend_on_the_others() -> None:
    alone = relation_records(extract([SEEDS / "kaiyang-2021.txt"]))
    together = [r for r in relation_records(extract([SEEDS])) if r["doc"] == "kaiyang-2021"]
    assert alone == together and alone


# --------------------------------------------------------------------------- bad files


def _bad_files(folder: Path) -> Path:
    _copy_seeds(folder, ["bohu-2023", "xinglong-2024"])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def test_bad_files_are_left_out_and_listed(tmp_path: Path) -> None:
    reports = _bad_files(tmp_path / "in")
    summary = build([reports], tmp_path / "out", jobs=2, cache=False)
    assert summary.documents == 2
    assert [Path(f.path).name for f in summary.failures] == ["empty.txt", "noise.txt"]
    assert "empty.txt" in summary.failures[0].reason and "empty" in summary.failures[0].reason
    assert "noise.txt" in summary.failures[1].reason and "binary" in summary.failures[1].reason
    records = (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["doc"] for line in records} == {"bohu-2023", "xinglong-2024"}


def test_strict_stops_without_replacing_outputs(tmp_path: Path) -> None:
    reports = _bad_files(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt"):
        build([reports], out, jobs=1, strict=True)
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["graph.ttl"]
