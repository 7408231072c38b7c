"""The benchmark's corpus generator (scripts/bench_corpus.py): deterministic, sized, varied, extractable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extraction.document import extract_document
from kg.model import Document, Region

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench_corpus(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("bench_corpus")


@pytest.fixture(scope="module")
def reports(bench_corpus: ModuleType) -> list:
    return list(bench_corpus.generate(400_000, seed=11))


def test_same_seed_same_corpus_other_seed_other_corpus(bench_corpus: ModuleType, reports: list) -> None:
    again = list(bench_corpus.generate(400_000, seed=11))
    other = list(bench_corpus.generate(400_000, seed=12))
    assert [(r.name, r.text) for r in again] == [(r.name, r.text) for r in reports]
    assert [r.text for r in other] != [r.text for r in reports]


@pytest.mark.parametrize("size", [50_000, 400_000, 1_000_000])
def test_size_lands_within_two_percent(bench_corpus: ModuleType, size: int) -> None:
    total = sum(r.size for r in bench_corpus.generate(size, seed=5))
    assert abs(total - size) <= 0.02 * size


def test_write_corpus_writes_the_generated_bytes(bench_corpus: ModuleType, tmp_path: Path) -> None:
    info = bench_corpus.write_corpus(tmp_path / "c", 120_000, seed=2)
    files = sorted((tmp_path / "c").glob("*.txt"))
    assert info.files == len(files) > 1
    assert info.bytes == sum(f.stat().st_size for f in files)
    assert info.chars == sum(len(f.read_text(encoding="utf-8")) for f in files)
    with pytest.raises(FileExistsError):
        bench_corpus.write_corpus(tmp_path / "c", 1_000, seed=2)


def test_places_years_and_counts_vary(reports: list) -> None:
    assert len({r.place_key for r in reports}) >= len(reports) - 1 >= 10
    assert len({r.year for r in reports}) >= 5
    assert all(2015 <= r.year <= 2025 for r in reports)
    # The seeds' own places are replaced (unless a report happens to be about one of them).
    seed_places = {"652829": "博湖县", "330424": "海盐县", "520121": "开阳县", "140400": "长治市"}
    for r in reports:
        for code, name in seed_places.items():
            if not r.place_key.startswith(code):
                assert name not in r.text, (r.name, name)


def test_each_report_has_title_issuer_and_signature(reports: list) -> None:
    for r in reports:
        lines = r.text.splitlines()
        assert r.place in lines[0] and str(r.year) in lines[0] and "法治政府建设" in lines[0]
        assert lines[1].startswith("发布机构：")
        assert lines[-2].endswith("人民政府") and lines[-1].startswith(f"{r.year + 1}年")


def test_kg_finds_each_reports_place_and_scopes_entities_to_it(reports: list) -> None:
    scopes: set[str] = set()
    for r in reports[:8]:
        doc = Document(id=r.name, path=f"{r.name}.txt", text=r.text, sha256="0" * 64)
        x = extract_document(doc)
        assert x.info.place is not None and x.info.place.key == r.place_key
        assert x.info.year == r.year
        scopes |= {e.scope for e in x.entities if e.scope}
    assert len(scopes) >= 6


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["", "B", "KB", "MB", "kb", "MiB", "KiB"]))
def test_parse_size_reads_number_and_unit(bench_corpus: ModuleType, n: int, unit: str) -> None:
    factor = {"": 1, "B": 1, "KB": 1000, "MB": 10**6, "MIB": 2**20, "KIB": 1024}[unit.upper()]
    assert bench_corpus.parse_size(f"{n}{unit}") == n * factor
    assert bench_corpus.parse_size(f" {n} {unit} ") == n * factor


@pytest.mark.parametrize("bad", ["", "MB", "20 parsecs", "-1MB", "1e3MB", "0MB"])
def test_parse_size_rejects_what_is_not_a_size(bench_corpus: ModuleType, bad: str) -> None:
    with pytest.raises(ValueError):
        bench_corpus.parse_size(bad)


_TEXT = st.text(alphabet="县市法治建设制定条例年度项件一二2019200351《》“”—，。", max_size=60)


@given(_TEXT, st.integers(min_value=0, max_value=99))
def test_rewriter_keeps_titles_and_quotes_and_changes_only_counts_and_years(
    bench_corpus: ModuleType, text: str, rnd_seed: int
) -> None:
    import random

    seed = bench_corpus.Seed(places=(("county", "开阳县", "开阳"),), year=2021, level="county")
    place = Region("海盐县", "county", "330424", Region("嘉兴市", "prefecture", "330400"))
    out = bench_corpus._Rewriter(seed, place, 2018, random.Random(rnd_seed))(text)
    protected = bench_corpus._PROTECTED.findall(text)
    assert bench_corpus._PROTECTED.findall(out) == protected
    strip = str.maketrans("", "", "0123456789")
    assert out.translate(strip) == text.translate(strip)


def test_rewriter_moves_the_seed_year_and_place_but_not_a_plan_period(bench_corpus: ModuleType) -> None:
    import random

    seed = bench_corpus.Seed(places=(("county", "开阳县", "开阳"),), year=2021, level="county")
    place = Region("海盐县", "county", "330424", Region("嘉兴市", "prefecture", "330400"))
    rw = bench_corpus._Rewriter(seed, place, 2018, random.Random(0))
    assert rw("2021年，开阳县落实《法治政府建设实施纲要(2021—2025年)》。") == (
        "2018年，海盐县落实《法治政府建设实施纲要(2021—2025年)》。"
    )
    assert rw("为开阳经济发展，2022年工作打算") == "为海盐经济发展，2019年工作打算"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (256, "二百五十六"),
    ],
)
def test_section_numbers_in_chinese(bench_corpus: ModuleType, n: int, text: str) -> None:
    assert bench_corpus._cn(n) == text


def test_a_long_report_keeps_numbering_its_sections(bench_corpus: ModuleType) -> None:
    import random

    report = bench_corpus.generate_report(random.Random(3), 1, 600_000, bench_corpus.seed_pool())
    assert abs(report.size - 600_000) < 3_000
    assert "一百" in report.text  # more than a hundred sub-sections or sections
