"""The README's screenshot of graph.html (docs/graph.png), from a real build of the seeds.

Runs ``kg build`` on the seeds into a temporary folder, opens the ``graph.html`` it wrote
in headless Chromium (Debian's, as the browser tests use), searches a name the way a
reader would (which selects the node, opens its side panel and moves the view to it),
and saves a PNG. The PNG carries, in a ``tEXt`` chunk named ``kg``, the counts of the
page it shows (nodes per kind, relations, implicit relations); ``tests/test_screenshot.py``
compares them with a fresh build and with the figures the README quotes, so a stale
picture fails the tests. The same build gives the same pixels: fixed window, no
animation left running, no text caret.

Refresh the README's picture after a change to extraction or to the page:

    python scripts/screenshot_viz.py            # writes docs/graph.png, prints its counts

Usage: ``python scripts/screenshot_viz.py [INPUT...] [-o docs/graph.png] [--search 县司法局]
[--pick 开阳县司法局] [--zoom 0.6]``
"""

from __future__ import annotations

import argparse
import json
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: The window the picture is taken in (CSS pixels).
WINDOW = (1400, 900)
#: Name of the PNG text chunk that holds the page's counts.
KEY = b"kg"
#: What the picture shows: a short form searched, the match picked, the scale around it.
SEARCH, PICK, ZOOM = "县司法局", "开阳县司法局", 0.6


def page_data(html: str) -> dict[str, Any]:
    """The JSON block a kg page draws from."""
    start = html.index('<script id="kg-data" type="application/json">')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


def page_counts(data: dict[str, Any]) -> dict[str, Any]:
    """What a page shows, as its legend and sidebar count it."""
    kinds: dict[str, int] = {k["key"]: 0 for k in data["kinds"]}
    for node in data["nodes"]:
        kinds[node["kind"]] += 1
    relations = [e for e in data["edges"] if e["kind"] == "relation"]
    return {
        "kinds": kinds,
        "nodes": len(data["nodes"]),
        "edges": len(data["edges"]),
        "relations": len(relations),
        "implicit": sum(1 for e in relations if e.get("implicit")),
    }


def with_metadata(png: bytes, meta: dict[str, Any]) -> bytes:
    """The PNG with a ``tEXt`` chunk ``kg`` holding ``meta`` as ASCII JSON, right after IHDR."""
    text = KEY + b"\0" + json.dumps(meta, sort_keys=True, ensure_ascii=True).encode("ascii")
    chunk = struct.pack(">I", len(text)) + b"tEXt" + text + struct.pack(">I", zlib.crc32(b"tEXt" + text))
    ihdr_end = 8 + 8 + 13 + 4  # signature, IHDR length + type, IHDR data, CRC
    return png[:ihdr_end] + chunk + png[ihdr_end:]


def read_metadata(png: bytes) -> dict[str, Any] | None:
    """The ``kg`` text chunk of a PNG written by ``with_metadata``, or None."""
    pos = 8
    while pos + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"tEXt" and body.startswith(KEY + b"\0"):
            return json.loads(body[len(KEY) + 1 :].decode("ascii"))
        pos += 12 + length
    return None


def build(inputs: list[Path], out: Path) -> Path:
    """``kg build`` as a user runs it; returns the page it wrote."""
    subprocess.run(
        [sys.executable, "-m", "kg", "build", *map(str, inputs), "--out", str(out)],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return out / "graph.html"


def shoot(page: Path, search: str | None = SEARCH, pick: str | None = PICK, zoom: float = ZOOM) -> bytes:
    """A PNG of ``page`` after searching ``search`` (and pressing Enter until ``pick`` is selected).

    ``zoom``: the scale to show the found node at, beside the panel (0: the search's own).
    """
    # This checkout's kg and scripts, whatever kg is installed (bench_viz imports kg).
    sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
    from bench_viz import chromium
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    def settled(driver: Any) -> bool:
        """The view has stopped moving (the focus animation is over)."""
        before = driver.execute_script("return JSON.stringify(kgView.network.getViewPosition())")
        driver.execute_script("return new Promise(done => setTimeout(done, 200))")
        return before == driver.execute_script("return JSON.stringify(kgView.network.getViewPosition())")

    with chromium() as driver:
        driver.set_window_size(*WINDOW)
        driver.get(page.resolve().as_uri())
        wait = WebDriverWait(driver, 60)
        wait.until(lambda d: d.execute_script("return !!(window.kgView && kgView.ready)"))
        if search:
            box = driver.find_element(By.ID, "kg-search")
            box.send_keys(search, Keys.ENTER)
            for _ in range(20):
                selected = driver.execute_script(
                    "return kgView.network.getSelectedNodes().map(id => kgView.data.nodes[id].label)"
                )
                if not pick or selected == [pick]:
                    break
                box.send_keys(Keys.ENTER)
            else:
                raise SystemExit(f"searching {search!r} never selects {pick!r}")
            driver.execute_script("document.activeElement.blur()")  # no blinking caret in the picture
            wait.until(settled)
            if zoom:
                driver.execute_script(
                    "var n = kgView.network, id = n.getSelectedNodes()[0],"
                    " w = document.getElementById('kg-panel').offsetWidth;"
                    "n.focus(id, {scale: arguments[0], offset: {x: -w / 2, y: 0}, animation: false});",
                    zoom,
                )
                wait.until(settled)
        return driver.get_screenshot_as_png()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "graph.png")
    parser.add_argument("--search", default=SEARCH, help="a name to search for ('' for none)")
    parser.add_argument(
        "--pick", default=PICK, help="press Enter until this match is selected ('' for the first)"
    )
    parser.add_argument("--zoom", type=float, default=ZOOM, help="scale around the found node (0: keep)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-shot-") as tmp:
        page = build(args.inputs, Path(tmp))
        counts = page_counts(page_data(page.read_text(encoding="utf-8")))
        png = shoot(page, args.search or None, args.pick or None, args.zoom)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(with_metadata(png, counts))
    print(f"wrote {args.output}: {json.dumps(counts, ensure_ascii=False, sort_keys=True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
