"""Real triple stores for the server tests, started once per session and always stopped.

When a server cannot start, its tests skip with the reason, except under
CI=true, where they fail: CI installs both servers, so a missing one is a bug.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from servers import Server, ServerUnavailableError, in_ci, start_oxigraph, start_virtuoso

STARTERS: dict[str, Callable[[Path], Server]] = {"virtuoso": start_virtuoso, "oxigraph": start_oxigraph}


@pytest.fixture(scope="session", params=sorted(STARTERS))
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Each store in turn, on a free loopback port with a fresh data directory."""
    name = str(request.param)
    try:
        srv = STARTERS[name](tmp_path_factory.mktemp(name))
    except ServerUnavailableError as e:
        if in_ci():
            pytest.fail(f"{name} could not start under CI: {e}")
        pytest.skip(f"{name} could not start: {e}")
    try:
        yield srv
    finally:
        srv.stop()
