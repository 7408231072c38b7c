"""A headless Chromium (Debian's package) driven by Selenium, with the network cut off.

Browser tests are marked ``browser``. When Chromium, chromedriver or Selenium
is missing they are skipped with the reason, except under ``CI=true``, where
a missing browser is a failure: CI must really run them.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Any request that tries to leave the machine fails at once.
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1400,900",
]


def pytest_configure(config: pytest.Config) -> None:
    # Also registered in pyproject.toml; repeated here so this folder runs on its own.
    config.addinivalue_line(
        "markers", "browser: drives headless Chromium (Debian's chromium + chromium-driver)"
    )


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the Python package selenium is not installed (pip install selenium)"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{path} not found (apt-get install {package})"
    return None


class Page:
    """One Chromium session; ``open`` loads a file and waits until the graph is drawn."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def open(self, path: Path, timeout: float = 20) -> None:
        """Load a kg page and wait for its first drawn frame; the request log starts empty."""
        self.open_raw(path)
        self.wait("return !!(window.kgView && window.kgView.ready)", timeout=timeout)

    def open_raw(self, path: Path) -> None:
        self.driver.get("about:blank")
        self.requests()  # drop the log of the start page and earlier pages
        self.driver.get_log("browser")
        self.driver.get(path.resolve().as_uri())

    def wait(self, script: str, *args: Any, timeout: float = 10) -> Any:
        """Wait until ``script`` returns something truthy, and return it."""
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(
            lambda d: d.execute_script(script, *args)
        )

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def requests(self) -> list[str]:
        """URLs of every request the browser sent since the last call (from the DevTools log)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def console_errors(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.driver.save_screenshot(str(path))
        return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Page]:
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI=true: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield Page(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# Text a hostile report could hold. Each sets window.__pwned if it ever runs as code.
PAYLOADS = {
    "script": "<script>window.__pwned='script';document.title='pwned'</script>",
    "img": "<img src=x onerror=\"window.__pwned='img'\">",
    "svg": "\"'><svg onload=\"window.__pwned='svg'\">",
    "breakout": "</script><script>window.__pwned='breakout'</script><!--",
    "url": "javascript:window.__pwned='url'",
    "separators": "\u2028\u2029</style><b>",
}


@pytest.fixture
def hostile_graph(small_extraction: Any) -> Any:
    """The small graph with every kind of text replaced or joined by injection payloads.

    The entity 开阳县司法局 gets payload names, a payload-laden sentence; the
    report's title and a relation's evidence sentence hold payloads; a brand
    is named by a payload and written as a ``javascript:`` URL.
    """
    from rdflib import RDF, RDFS, SKOS, Literal
    from rdflib.namespace import DCTERMS

    from kg.rdf.statements import build_graph
    from kg.rdf.vocab import ROL

    g = build_graph(small_extraction)
    sentence = "县司法局" + "".join(PAYLOADS.values()) + "。"
    for name in PAYLOADS.values():
        for entity in g.subjects(RDF.type, ROL.Institution):
            if "司法局" in str(g.value(entity, RDFS.label)):
                g.add((entity, SKOS.altLabel, Literal(name, lang="zh")))
                for m in g.objects(entity, ROL.hasMention):
                    g.set((m, ROL.sentence, Literal(sentence, lang="zh")))
    for report in g.subjects(RDF.type, ROL.Report):
        g.set((report, DCTERMS.title, Literal(PAYLOADS["img"], lang="zh")))
    for ev in g.subjects(RDF.type, ROL.RelationEvidence):
        g.set((ev, ROL.sentence, Literal(PAYLOADS["breakout"] + PAYLOADS["svg"], lang="zh")))
    for brand in g.subjects(RDF.type, ROL.Brand):
        g.set((brand, RDFS.label, Literal(PAYLOADS["svg"], lang="zh")))
        for m in g.objects(brand, ROL.hasMention):
            g.set((m, ROL.surfaceForm, Literal(PAYLOADS["url"], lang="zh")))
    return g
