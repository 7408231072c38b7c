"""kg.corpus.task: one document in, plain results out; sizes and bad files."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_hostile import EXTRACTIONS

from kg.corpus.task import DocumentFailure, DocumentResult, process_document
from kg.extraction.document import extract_documents
from kg.io.read import parse_size, read_document
from kg.model import Extraction
from kg.rdf.nquads import extraction_nquads, nquads_lines
from kg.rdf.statements import build_dataset

REPORT = "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n县司法局制定《开阳县行政执法公示办法》，全面落实行政执法公示制度。\n"


@pytest.mark.parametrize(
    ("text", "size"),
    [("50MB", 50_000_000), ("50 mb", 50_000_000), ("1.5GB", 1_500_000_000), ("500kB", 500_000),
     ("2KiB", 2048), ("1MiB", 1 << 20), ("123", 123), ("7b", 7)],
)  # fmt: skip
def test_sizes_in_the_usual_units(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-5MB", "5 parsecs", "0", "0.0001b", "1e3"])
def test_other_sizes_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(text)


@given(st.text(max_size=12))
def test_parse_size_returns_a_positive_int_or_refuses(text: str) -> None:
    try:
        size = parse_size(text)
    except ValueError:
        return
    assert isinstance(size, int) and size >= 1


def test_a_report_gives_sorted_quads_and_records(tmp_path: Path) -> None:
    f = tmp_path / "kaiyang-2021.txt"
    f.write_text(REPORT, encoding="utf-8")
    result = process_document(str(f))
    assert isinstance(result, DocumentResult)
    assert result.doc_id == "kaiyang-2021" and result.path == str(f)
    lines = result.quads.splitlines(keepends=True)
    assert lines and lines == sorted(set(lines))
    assert any(b"<https://w3id.org/kg-rol/graph/shared>" in line for line in lines)
    assert any(b"<https://w3id.org/kg-rol/graph/report/kaiyang-2021>" in line for line in lines)
    assert b'"name": "' in result.mentions and result.relations.count(b"\n") > 0
    assert pickle.loads(pickle.dumps(result)) == result  # travels to and from worker processes


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty"), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary")],
)
def test_a_bad_file_is_a_failure_not_an_exception(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    f = tmp_path / "bad.txt"
    if content is not None:
        f.write_bytes(content)
    result = process_document(str(f))
    assert isinstance(result, DocumentFailure)
    assert "bad.txt" in result.reason and message in result.reason


def test_a_file_over_the_limit_is_refused_with_the_way_out(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(REPORT, encoding="utf-8")
    size = f.stat().st_size
    result = process_document(str(f), max_bytes=size - 1)
    assert isinstance(result, DocumentFailure)
    assert "big.txt" in result.reason and "too large" in result.reason and "--max-size" in result.reason
    assert isinstance(process_document(str(f), max_bytes=size), DocumentResult)


def _one(path: Path) -> Extraction:
    """The single-report extraction ``process_document`` turns into N-Quads."""
    return extract_documents([read_document(path)])


def test_each_seed_gives_the_dataset_s_n_quads_byte_for_byte(seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds
    for path in seeds:
        expected = nquads_lines(build_dataset(_one(path)))
        result = process_document(str(path))
        assert isinstance(result, DocumentResult)
        assert result.quads == expected, path.name
        assert expected.count(b"\n") > 100  # a real report, not an empty graph that trivially matches


def test_the_corpus_of_seeds_gives_the_dataset_s_n_quads(seeds_dir: Path) -> None:
    """Several reports in one extraction: shared entities, one graph per report."""
    corpus = extract_documents(read_document(p) for p in sorted(seeds_dir.glob("*.txt")))
    assert len(corpus.documents) > 1
    assert extraction_nquads(corpus) == nquads_lines(build_dataset(corpus))


def test_the_small_extraction_gives_the_dataset_s_n_quads(small_extraction: Extraction) -> None:
    assert extraction_nquads(small_extraction) == nquads_lines(build_dataset(small_extraction))


@given(EXTRACTIONS)
def test_hostile_text_gives_the_dataset_s_n_quads(extraction: Extraction) -> None:
    """Arbitrary names, ids, sentences and lone surrogates: the same escaping as the Dataset path."""
    assert extraction_nquads(extraction) == nquads_lines(build_dataset(extraction))
