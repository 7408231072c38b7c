"""Shared fixtures: a small hand-made extraction, the seeds, and a built graph."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

from kg import api
from kg.model import (
    Document,
    DocumentExtraction,
    Entity,
    EntityType,
    Extraction,
    Mention,
    Predicate,
    Region,
    Relation,
    ReportInfo,
    Sentence,
)

# Property tests run a fixed number of examples. CI (CI=true) runs 500 per
# property, derandomized so every CI run tries the same examples, without the
# example database; a local run tries fewer so the suite stays fast. CI runs on
# a busy 2-core machine, where a property test's first example may pay for
# jieba's start-up: examples are judged on their result, never their time.
settings.register_profile(
    "ci", max_examples=500, derandomize=True, database=None, deadline=None, print_blob=True
)
settings.register_profile("dev", max_examples=30, deadline=None)
HYPOTHESIS_PROFILE = "ci" if os.environ.get("CI", "").lower() in {"1", "true", "yes"} else "dev"
settings.load_profile(HYPOTHESIS_PROFILE)


def _hypothesis_line() -> str:
    s = settings.default
    # --hypothesis-profile may have loaded another one; hypothesis's own header reads the same name
    profile = getattr(settings, "_current_profile", HYPOTHESIS_PROFILE)
    return (
        f"hypothesis profile {profile!r}: max_examples={s.max_examples} per property, "
        f"derandomize={s.derandomize}, deadline={s.deadline}"
    )


def pytest_report_header(config: pytest.Config) -> str:
    return _hypothesis_line()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Also at the end, because `pytest -q` (scripts/test) prints no header.
    terminalreporter.write_line(_hypothesis_line())


ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/* from the current code"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """Import ``scripts/NAME.py`` as a module named NAME (scripts are not a package)."""

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


GUIZHOU = Region("贵州省", "province", "520000")
GUIYANG = Region("贵阳市", "prefecture", "520100", GUIZHOU)
KAIYANG = Region("开阳县", "county", "520121", GUIYANG)

SMALL_TEXT = (
    "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n"
    "县司法局制定《开阳县行政执法公示办法》，贯彻落实《民法典》。\n"
    "梳理政务服务事项清单714项，打造“盐和”调解品牌。\n"
)


def _mention(
    doc: Document, sents: list[Sentence], text: str, etype: EntityType, name: str, nth: int = 0
) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    idx = next(s.index for s in sents if s.start <= start < s.end)
    return Mention(doc.id, start, start + len(text), idx, text, etype, name, "fixture")


def make_small_extraction() -> Extraction:
    """One report of 开阳县 with an entity of each type and one relation of most kinds."""
    from kg.text.segment import split_sentences

    doc = Document(id="small-2021", path="small-2021.txt", text=SMALL_TEXT, sha256="0" * 64)
    sents = split_sentences(doc)
    info = ReportInfo(
        doc.id, title=sents[0].text, place=KAIYANG, year=2021, author="开阳县人民政府", kind="report"
    )
    gov_m = _mention(doc, sents, "开阳县人民政府", EntityType.INSTITUTION, "开阳县人民政府")
    sfj_m = _mention(doc, sents, "县司法局", EntityType.INSTITUTION, "县司法局")
    law_m = _mention(doc, sents, "《开阳县行政执法公示办法》", EntityType.SYSTEM, "开阳县行政执法公示办法")
    mfd_m = _mention(doc, sents, "《民法典》", EntityType.SYSTEM, "民法典")
    list_m = _mention(doc, sents, "政务服务事项清单", EntityType.LIST, "政务服务事项清单")
    brand_m = _mention(doc, sents, "“盐和”", EntityType.BRAND, "盐和")
    gov = Entity(EntityType.INSTITUTION, "开阳县人民政府", "520121", (gov_m,))
    sfj = Entity(EntityType.INSTITUTION, "开阳县司法局", "520121", (sfj_m,), ("县司法局",))
    law = Entity(EntityType.SYSTEM, "开阳县行政执法公示办法", "", (law_m,))
    mfd = Entity(EntityType.SYSTEM, "民法典", "", (mfd_m,))
    lst = Entity(EntityType.LIST, "政务服务事项清单", "520121", (list_m,))
    brand = Entity(EntityType.BRAND, "盐和", "520121", (brand_m,))
    entities = sorted([gov, sfj, law, mfd, lst, brand], key=lambda e: e.key)
    s1, s2 = sents[1], sents[2]
    relations = [
        Relation(doc.id, Predicate.FORMULATES, sfj.key, law.key, 1, s1.start, s1.end, False, "fixture"),
        Relation(doc.id, Predicate.IMPLEMENTS, sfj.key, mfd.key, 1, s1.start, s1.end, False, "fixture"),
        Relation(doc.id, Predicate.PART_OF, sfj.key, gov.key, 1, s1.start, s1.end, True, "fixture"),
        Relation(doc.id, Predicate.COMPILES, gov.key, lst.key, 2, s2.start, s2.end, True, "fixture"),
        Relation(doc.id, Predicate.ITEM_COUNT, lst.key, 714, 2, s2.start, s2.end, False, "fixture"),
        Relation(doc.id, Predicate.RUNS, gov.key, brand.key, 2, s2.start, s2.end, True, "fixture"),
    ]
    mentions = sorted([gov_m, sfj_m, law_m, mfd_m, list_m, brand_m], key=lambda m: m.start)
    d = DocumentExtraction(doc, info, sents, mentions, entities, relations, gov.key)
    return Extraction(documents=[d], entities=entities)


@pytest.fixture
def small_extraction() -> Extraction:
    return make_small_extraction()


#: A web page's header cell, as kg reads a report published as a page (haiyan-2023-reply).
FURNITURE_LINE = "发布机构: | 县司法局 | 有效性: |"


@pytest.fixture
def furniture_graph(small_extraction: Extraction) -> Any:
    """The small graph where 开阳县司法局 is also mentioned, first, in a page's header cell."""
    from rdflib import RDF, Literal

    from kg.rdf import ids
    from kg.rdf.statements import build_graph
    from kg.rdf.vocab import ROL

    g = build_graph(small_extraction)
    sfj = ids.entity_iri(EntityType.INSTITUTION, "开阳县司法局", "520121")
    m = ids.mention_iri("small-2021", 0, 4)
    g.add((sfj, ROL.hasMention, m))
    g.add((m, RDF.type, ROL.Mention))
    g.add((m, ROL.inReport, ids.report_iri("small-2021")))
    g.add((m, ROL.start, Literal(0)))
    g.add((m, ROL.surfaceForm, Literal("县司法局", lang="zh")))
    g.add((m, ROL.sentence, Literal(FURNITURE_LINE, lang="zh")))
    return g


@pytest.fixture
def small_ttl(tmp_path: Path, small_extraction: Extraction) -> Path:
    """The small extraction written as Turtle (the union of its graphs)."""
    return _write_small(tmp_path, small_extraction, "ttl")


@pytest.fixture
def small_trig(tmp_path: Path, small_extraction: Extraction) -> Path:
    """The small extraction written as TriG (a shared graph and one report graph)."""
    return _write_small(tmp_path, small_extraction, "trig")


def _write_small(folder: Path, extraction: Extraction, fmt: str) -> Path:
    path = folder / f"graph.{fmt}"
    path.write_text(api.serialize(extraction, fmt), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the five seeds once per session; returns the output folder.

    Every RDF format is written (graph.ttl, .nt, .trig, .nq, .jsonld): the
    format and triple-store tests read them.
    """
    out = tmp_path_factory.mktemp("seeds-build")
    api.build([SEEDS], out, formats=("ttl", "nt", "trig", "nq", "jsonld"), html=True)
    return out


COMPARE_FIXTURES = ROOT / "tests" / "fixtures" / "compare"


@pytest.fixture(scope="session")
def compare_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the compare fixtures (two years of 桃源县, 临澧县, 石门县, an undated 慈利县) once."""
    out = tmp_path_factory.mktemp("compare-build")
    api.build([COMPARE_FIXTURES], out, formats=("ttl", "trig"), html=False, cache=False, jobs=1)
    return out
