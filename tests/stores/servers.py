"""Start and stop real triple stores on 127.0.0.1 for the server tests.

Each server gets a temporary data directory and free ports, listens on the
loopback interface only, and is stopped by the fixture that started it. The
Virtuoso configuration is the Debian one with its paths and ports changed,
as recorded in the project's store notes.
"""

from __future__ import annotations

import configparser
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


class ServerUnavailableError(RuntimeError):
    """The server's program is missing or it did not answer in time."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running store: where to send queries, updates and Graph Store requests."""

    name: str
    base: str
    query_url: str
    update_url: str
    gsp_url: str
    user: str | None
    password: str | None
    proc: subprocess.Popen[bytes]
    log: Path
    stop_cmd: list[str] = field(default_factory=list)

    def stop(self) -> None:
        """Ask the server to shut down; kill it if it does not within 20 s."""
        if self.proc.poll() is not None:
            return
        if self.stop_cmd:
            subprocess.run(self.stop_cmd, capture_output=True, timeout=30, check=False)
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


def _wait_ready(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerUnavailableError(f"exited with {proc.returncode}: {_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    proc.kill()
    raise ServerUnavailableError(f"no answer after {timeout:.0f} s: {_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return " | ".join(log.read_text(errors="replace").splitlines()[-5:])
    except OSError:
        return "(no log)"


def _ask_url(endpoint: str) -> str:
    return endpoint + "?" + urllib.parse.urlencode({"query": "ASK { }"})


def start_oxigraph(data_dir: Path, timeout: float = 30) -> Server:
    """``oxigraph serve`` (PyPI ``oxigraph``) on a free loopback port."""
    exe = shutil.which("oxigraph")
    if exe is None:
        raise ServerUnavailableError("the oxigraph command is not installed (pip install oxigraph)")
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / "server.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [exe, "serve", "--location", str(data_dir / "db"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(
        "oxigraph", base, f"{base}/query", f"{base}/update", f"{base}/store", None, None, proc, log
    )
    try:
        _wait_ready(_ask_url(server.query_url), proc, log, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def start_virtuoso(data_dir: Path, timeout: float = 90) -> Server:
    """``virtuoso-t +foreground`` with a private database and loopback ports."""
    exe = shutil.which("virtuoso-t")
    if exe is None or not VIRTUOSO_INI.is_file():
        raise ServerUnavailableError("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    db = data_dir / "db"
    db.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = configparser.ConfigParser(strict=False, interpolation=None, inline_comment_prefixes=(";",))
    ini.optionxform = str  # type: ignore[assignment,method-assign]  # keep Virtuoso's key case
    ini.read(VIRTUOSO_INI, encoding="utf-8")
    for section, key in [
        ("Database", "DatabaseFile"),
        ("Database", "ErrorLogFile"),
        ("Database", "LockFile"),
        ("Database", "TransactionFile"),
        ("Database", "xa_persistent_file"),
        ("TempDatabase", "DatabaseFile"),
        ("TempDatabase", "TransactionFile"),
    ]:
        ini[section][key] = str(db / Path(ini[section][key]).name)
    ini["Parameters"]["ServerPort"] = f"127.0.0.1:{sql_port}"
    ini["Parameters"]["DirsAllowed"] = f"., {db}, /usr/share/virtuoso-opensource-7/vad"
    ini["Parameters"]["NumberOfBuffers"] = "20000"
    ini["Parameters"]["MaxDirtyBuffers"] = "15000"
    ini["HTTPServer"]["ServerPort"] = f"127.0.0.1:{http_port}"
    ini["URIQA"]["DefaultHost"] = f"127.0.0.1:{http_port}"
    config = data_dir / "virtuoso.ini"
    with config.open("w", encoding="utf-8") as f:
        ini.write(f)
    log = data_dir / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [exe, "+configfile", str(config), "+foreground"],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=db,
        )
    base = f"http://127.0.0.1:{http_port}"
    stop_cmd = [isql, f"127.0.0.1:{sql_port}", "dba", "dba", "exec=shutdown;"] if isql else []
    server = Server(
        "virtuoso",
        base,
        f"{base}/sparql",
        f"{base}/sparql-auth",
        f"{base}/sparql-graph-crud-auth",
        "dba",
        "dba",
        proc,
        log,
        stop_cmd,
    )
    try:
        _wait_ready(_ask_url(server.query_url), proc, log, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}
