"""kg.api, the library facade: the README's notebook example runs, twice, and every call repeats.

Before the facade, ``kg.extract(...)`` worked once: importing the
extraction package then replaced the function by the subpackage of the
same name. No public name of ``kg`` may be a subpackage.
"""

from __future__ import annotations

import os
import pkgutil
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

import kg
from kg import api
from kg.corpus.options import BuildOptions, EngineError, OptionsError, RunOptions
from kg.errors import KgError, OutputError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "bohu-2023.txt"


def _notebook_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using kg from Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1, "the section holds one example"
    return blocks[0]


def test_the_readme_notebook_example_runs_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    code = _notebook_example()
    for _ in range(2):
        namespace: dict[str, object] = {}
        exec(compile(code, "README.md", "exec"), namespace)
        assert isinstance(namespace["g"], Graph)
        assert namespace["summary"].documents == 5  # type: ignore[attr-defined]
        assert namespace["by_name"].startswith("report,")  # type: ignore[attr-defined]
    assert (tmp_path / "output" / "graph.trig").is_file()


def test_no_public_name_is_a_subpackage() -> None:
    subpackages = {m.name for m in pkgutil.iter_modules(kg.__path__)}
    assert not set(kg.__all__) & subpackages
    assert set(kg.__all__) - {"__version__"} == set(api.__all__)


def test_every_public_name_is_the_api_s() -> None:
    import kg.extraction.document  # noqa: F401 - the import that used to shadow kg.extract

    for name in api.__all__:
        assert getattr(kg, name) is getattr(api, name), name


def test_extract_twice_in_a_row() -> None:
    first = kg.extract([SEED])
    second = kg.extract([SEED])
    assert kg.mentions(first) == kg.mentions(second)
    assert kg.relations(first) == kg.relations(second)
    assert {r["type"] for r in kg.mentions(first)} <= {"机构", "制度", "清单", "品牌"}


def test_the_graph_as_rdflib_and_as_text() -> None:
    result = kg.extract([SEED])
    ds = kg.dataset(result)
    assert isinstance(ds, Dataset)
    g = kg.graph(result)
    assert len(g) == len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})
    assert kg.serialize(result, "nt") == kg.serialize(result, "nt")
    assert len(kg.serialize(result, "nt").splitlines()) == len(g)
    with pytest.raises(OutputError, match="unknown RDF format 'xml'"):
        kg.serialize(result, "xml")


def test_build_query_stats_export_render_validate_twice(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for _ in range(2):
        summary = kg.build([SEED], out, formats=("ttl", "trig"), jobs=1, cache=False)
        assert summary.documents == 1 and summary.triples > 0
        ttl = out / "graph.ttl"
        n = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graphs=[ttl]).rows[0][0].value
        assert int(n) == summary.triples
        assert kg.query(name="reports", graphs=[out / "graph.trig"], fmt="csv").raw.startswith(b"report,")
        assert kg.stats([ttl]).triples == summary.triples
        assert kg.export("graphml", [ttl], tmp_path / "g.graphml") == [tmp_path / "g.graphml"]
        assert kg.render([ttl], tmp_path / "page.html", top=5)["nodes"] > 0
        assert kg.render(kg.read([ttl]), tmp_path / "page.html", top=5)["nodes"] > 0
        assert kg.validate([ttl]).conforms
        assert "博湖县" in kg.compare("place", [ttl]).to_csv()
        assert "bohu-2023" in kg.explain(SEED)


def test_build_takes_an_options_object_or_keywords_not_both(tmp_path: Path) -> None:
    options = BuildOptions(formats=("nt",), html=False, cache=False, run=RunOptions(jobs=1))
    assert kg.build([SEED], tmp_path, options).outputs == (tmp_path / "graph.nt", tmp_path / "mentions.jsonl")
    with pytest.raises(TypeError):
        kg.build([SEED], tmp_path, options, jobs=2)


def test_options_are_checked_when_made() -> None:
    assert BuildOptions.of(formats=["trig"], jobs=2, html=False) == BuildOptions(
        formats=("trig",), html=False, run=RunOptions(jobs=2)
    )
    with pytest.raises(OutputError, match="unknown RDF format 'xml'"):
        BuildOptions(formats=("xml",))
    with pytest.raises(OptionsError, match="colour"):
        BuildOptions.of(colour="red")
    with pytest.raises(EngineError, match="unknown engine"):
        RunOptions(engine="spark")
    with pytest.raises(EngineError, match="--jobs"):
        RunOptions(jobs=0)
    with pytest.raises(EngineError, match="dask engine"):
        RunOptions(scheduler="tcp://127.0.0.1:8786")  # the local engine would ignore it
    assert RunOptions(engine="dask", scheduler="tcp://127.0.0.1:8786").scheduler
    assert BuildOptions(store="s").store == Path("s")  # type: ignore[arg-type]
    assert BuildOptions(formats=("ttl",), store=Path("s")).phases() == [
        "mentions.jsonl",
        "merge",
        "graph.ttl",
        "store",
        "graph.html",
    ]


def test_query_sources_are_one_at_a_time(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="query one source"):
        kg.query("ASK {}", graphs=[tmp_path / "g.ttl"], store=tmp_path)
    with pytest.raises(KgError, match="give one query"):
        kg.query("ASK {}", name="reports")
    with pytest.raises(KgError, match="--param needs --name"):
        kg.query("ASK {}", params={"report": "x"}, graphs=[tmp_path / "g.ttl"])


def test_reading_commands_default_to_the_build_s_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KgError, match=re.escape(f"output{os.sep}graph.ttl: no such graph file")):
        kg.stats()
