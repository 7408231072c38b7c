"""docs/graph.png, the README's picture of graph.html, is made from the current build by its script."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
PICTURE = ROOT / "docs" / "graph.png"
REFRESH = "refresh it: python scripts/screenshot_viz.py"


def test_metadata_survives_in_a_valid_png(load_script: Callable[[str], ModuleType]) -> None:
    shot = load_script("screenshot_viz")
    png = PICTURE.read_bytes()
    meta = {"kinds": {"机构": 1}, "nodes": 1}
    marked = shot.with_metadata(png, meta)
    assert shot.read_metadata(marked) == meta
    assert marked[:8] == png[:8] and marked.endswith(png[-12:])  # signature and IEND kept


def test_the_readme_picture_shows_the_current_build(
    seeds_build: Path, load_script: Callable[[str], ModuleType]
) -> None:
    shot = load_script("screenshot_viz")
    shown = shot.read_metadata(PICTURE.read_bytes())
    assert shown is not None, f"docs/graph.png was not made by scripts/screenshot_viz.py; {REFRESH}"
    built = shot.page_counts(shot.page_data((seeds_build / "graph.html").read_text(encoding="utf-8")))
    assert shown == built, f"docs/graph.png shows another build than the seeds give now; {REFRESH}"


def test_the_readme_quotes_the_pictures_counts(load_script: Callable[[str], ModuleType]) -> None:
    shot = load_script("screenshot_viz")
    shown = shot.read_metadata(PICTURE.read_bytes())
    assert shown is not None
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraphs = readme.split("\n\n")
    picture = paragraphs.index("![graph.html on the seeds](docs/graph.png)")
    paragraph = paragraphs[picture - 1]  # the one that introduces the picture
    kinds = shown["kinds"]
    quoted = re.sub(r"\s+", " ", paragraph)
    for figure in [
        f"{shown['nodes']} nodes",
        f"{kinds['机构']} 机构, {kinds['制度']} 制度, {kinds['清单']} 清单, {kinds['品牌']} 品牌",
        f"{kinds['report']} reports",
        f"{shown['relations']} relations",
        f"{shown['implicit']} of them implicit",
    ]:
        assert figure in quoted, f"the README's picture paragraph should say {figure!r}; {REFRESH}"
