"""SIGKILL part-way: every previous output stays whole and valid, no temporary file passes for one.

A real ``python -m kg build`` runs on the seeds with one report changed,
into a folder that holds the build of the unchanged seeds, and is killed
with SIGKILL at several points after it starts writing. Each output must
then hold exactly the old bytes or exactly the new ones (those of an
uninterrupted build of the changed seeds), never a mix or a truncation; the
folder holds no other visible file; and the next build completes.
``kg.io.write.atomic_write`` is killed the same way in the middle of a file.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.io import write
from kg.rdf.formats import FORMATS as RDF_FORMATS
from kg.sparql.source import MANIFEST

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("ttl", "nt", "trig", "nq", "jsonld")
OUTPUTS = (*(f"graph.{f}" for f in FORMATS), "mentions.jsonl", "graph.html")
OX = {k: f.oxigraph for k, f in RDF_FORMATS.items()}
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def start_build(inputs: Path, out: Path) -> subprocess.Popen[bytes]:
    formats = [arg for f in FORMATS for arg in ("--format", f)]
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(inputs), "--out", str(out), *formats],
        cwd=out.parent,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def run_build(inputs: Path, out: Path) -> None:
    proc = start_build(inputs, out)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode("utf-8", "replace")


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).is_file()}


def assert_valid(files: dict[str, bytes]) -> None:
    """Each output parses: RDF in Oxigraph, JSON Lines line by line, the page's data block."""
    for name, data in files.items():
        suffix = name.rsplit(".", 1)[1]
        if suffix in OX:
            assert len(ox.Dataset(ox.parse(data, OX[suffix]))) > 0, name
        elif suffix == "jsonl":
            assert all(json.loads(line) for line in data.decode("utf-8").splitlines()), name
        else:
            page = data.decode("utf-8")
            assert page.rstrip().endswith("</html>"), name
            block = page.split('<script id="kg-data" type="application/json">', 1)[1].split("</script>", 1)[0]
            assert json.loads(block)["nodes"], name


@dataclass(frozen=True)
class Generations:
    """The seeds and the seeds with one report changed, with the outputs of each."""

    old_inputs: Path
    new_inputs: Path
    old_build: Path  # a whole build folder (outputs and cache) of the old inputs
    old: dict[str, bytes]
    new: dict[str, bytes]


@pytest.fixture(scope="module")
def generations(tmp_path_factory: pytest.TempPathFactory) -> Generations:
    base = tmp_path_factory.mktemp("kill")
    old_in, new_in = base / "old-in", base / "new-in"
    shutil.copytree(ROOT / "seeds", old_in)
    shutil.copytree(ROOT / "seeds", new_in)
    with (new_in / "kaiyang-2021.txt").open("a", encoding="utf-8") as f:
        f.write("\n县司法局制定《行政执法案卷评查办法》，打造“阳光执法”品牌。\n")
    old_out, new_out = base / "old-out", base / "new-out"
    old_out.mkdir()
    new_out.mkdir()
    run_build(old_in, old_out)
    run_build(new_in, new_out)
    old, new = snapshot(old_out), snapshot(new_out)
    assert set(old) == set(new) == set(OUTPUTS)
    assert all(old[name] != new[name] for name in OUTPUTS), "each output must tell the builds apart"
    assert_valid(old)
    assert_valid(new)
    return Generations(old_in, new_in, old_out, old, new)


def _entries(out: Path) -> set[str]:
    return {p.name for p in out.iterdir()}


def started_writing(out: Path, before: set[str]) -> Callable[[], bool]:
    """True once the build created anything in the output folder (a temporary file or folder)."""
    return lambda: bool(_entries(out) - before)


def replaced_an_output(out: Path) -> Callable[[], bool]:
    """True once an output file is no longer the one that was there (the renames have begun)."""
    inodes = {name: (out / name).stat().st_ino for name in OUTPUTS}

    def check() -> bool:
        for name, ino in inodes.items():
            try:
                if (out / name).stat().st_ino != ino:
                    return True
            except FileNotFoundError:
                return True  # between an unlink and a rename: must never happen, caught below
        return False

    return check


# (what to wait for, then how long to wait before the SIGKILL)
# Writing (merging the per-report results, serialising, drawing the page) takes
# seconds; the renames into place take microseconds and are caught by a busy poll.
KILL_POINTS = [
    ("writing", 0.0),
    ("writing", 0.2),
    ("writing", 0.6),
    ("replacing", 0.0),
]


@pytest.mark.parametrize(("event", "delay"), KILL_POINTS, ids=[f"{e}+{d}s" for e, d in KILL_POINTS])
def test_sigkill_leaves_each_output_old_or_new(
    generations: Generations, tmp_path: Path, event: str, delay: float
) -> None:
    out = tmp_path / "out"
    shutil.copytree(generations.old_build, out)
    before = _entries(out)
    ready = started_writing(out, before) if event == "writing" else replaced_an_output(out)
    proc = start_build(generations.new_inputs, out)
    deadline = time.monotonic() + 300
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        if event == "writing":
            time.sleep(0.001)  # else a busy poll: the renames take microseconds
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the build ended before it was killed"

    after = snapshot(out)
    assert set(after) == set(OUTPUTS), "an output went missing"
    for name in OUTPUTS:
        assert after[name] in (generations.old[name], generations.new[name]), f"{name} is neither build"
    assert_valid(after)
    # Anything else the killed build left is hidden (.name…), or the manifest of the old or
    # the new build (written whole): never a file under an output's name.
    others = _entries(out) - set(OUTPUTS) - {MANIFEST}
    assert all(name.startswith(".") for name in others), _entries(out)
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["formats"] == list(FORMATS)

    run_build(generations.new_inputs, out)
    assert snapshot(out) == generations.new


_WRITER = """
import sys, time
from kg.io.write import atomic_write
with atomic_write(sys.argv[1]) as f:
    f.write("新" * 100_000)
    f.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def test_atomic_write_killed_midway_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target)], env=ENV, stdout=subprocess.PIPE, cwd=tmp_path
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"writing\n"
    temps = [p for p in tmp_path.iterdir() if p != target]
    assert [p.name.startswith(".graph.ttl.") and p.name.endswith(".tmp") for p in temps] == [True]
    assert temps[0].stat().st_size > 0  # the new content was on its way
    proc.kill()
    proc.communicate(timeout=60)
    assert target.read_text(encoding="utf-8") == "old\n"


def test_atomic_write_syncs_the_file_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(write.os, "fsync", fsync)
    monkeypatch.setattr(write.os, "replace", replace)
    write.write_text(tmp_path / "a.txt", "x")
    assert events == ["fsync-file", "replace", "fsync-folder"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "mentions.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), write.atomic_write(target) as f:
        f.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mentions.jsonl"]


def _descendants(pid: int) -> set[int]:
    """The processes below ``pid`` (Linux /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        for c in map(int, children):
            if c not in found:
                found.add(c)
                todo.append(c)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _parallel_build_with_workers(tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    """A ``--jobs 2`` build of 30 reports in its own process group, once its workers are up."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        for i in range(6):
            shutil.copy(f, inputs / f"{f.stem}-{i}.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(inputs), "--out", str(tmp_path / "out"), "--jobs", "2"],
        cwd=tmp_path,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a process group, as a terminal gives a command
    )
    deadline = time.monotonic() + 120
    while len(_descendants(proc.pid)) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the resource tracker, the fork server and two workers
    helpers = _descendants(proc.pid)
    assert len(helpers) >= 4 and proc.poll() is None, "the build ended before its workers were seen"
    return proc, helpers


def _all_gone(pids: set[int]) -> bool:
    deadline = time.monotonic() + 30
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_running(p) for p in pids)


def test_the_workers_of_a_killed_build_exit(tmp_path: Path) -> None:
    """SIGKILL of a parallel build leaves no worker waiting for work, nor the fork server."""
    proc, helpers = _parallel_build_with_workers(tmp_path)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)  # returns once no process holds the build's stderr
    assert _all_gone(helpers)


def test_ctrl_c_stops_a_parallel_build_quietly(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's process group): exit 130, no traceback, no process left, no work folder."""
    proc, helpers = _parallel_build_with_workers(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode("utf-8", "replace")
    assert b"Traceback" not in err, err.decode("utf-8", "replace")
    assert _all_gone(helpers)
    out = tmp_path / "out"
    assert not out.exists() or not [p for p in out.iterdir() if p.name.startswith(".kg-work-")]
