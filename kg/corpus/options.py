"""How a run reads and processes reports, and what a build writes: two frozen option objects.

The CLI fills them from its flags, a notebook from keyword arguments
(``kg.api.build(..., formats=("ttl", "trig"))``); ``build``, ``collect``
and the engines receive them whole instead of a dozen keyword arguments.
Invalid combinations are refused when an object is made, before any work.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.io.read import DEFAULT_MAX_BYTES
from kg.present.view import VIEW_ENTITIES, VIEW_MENTIONS
from kg.rdf.formats import written_format

#: Where a report is processed: processes on this machine, or a Dask cluster.
ENGINES = ("local", "dask")


class EngineError(KgError):
    """The engine cannot run: an unknown name, a bad number of jobs, a missing package or an unreachable scheduler."""


class OptionsError(KgError):
    """Build options that name something unknown."""


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How reports are read and processed (``kg build`` and ``kg extract``).

    ``jobs``: processes (default: all cores); ``engine``: ``local`` or
    ``dask`` (with ``scheduler``, a ``tcp://host:8786`` address, or a local
    cluster); ``max_bytes``: larger files are refused; ``strict``: the
    first unreadable file stops the run instead of being left out.
    """

    jobs: int | None = None
    engine: str = "local"
    scheduler: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    strict: bool = False

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise EngineError(f"unknown engine {self.engine!r}: use one of {', '.join(ENGINES)}")
        if self.jobs is not None and self.jobs < 1:
            raise EngineError(f"--jobs must be 1 or more, not {self.jobs}")
        if self.scheduler and self.engine != "dask":
            # a scheduler with the local engine would be silently ignored
            raise EngineError("a scheduler needs the dask engine (--engine dask)")


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What ``build`` writes, and how it runs (``run``).

    ``formats``: the RDF formats of ``graph.<format>``; ``html``: also
    ``graph.html``, drawing at most ``html_entities`` entities with at most
    ``html_mentions`` sentences each; ``store``: also a persistent Oxigraph
    store in that folder; ``cache``: reuse unchanged reports' results, kept
    in ``cache_dir`` (default ``OUT/.cache``).
    """

    formats: tuple[str, ...] = ("ttl",)
    html: bool = True
    store: Path | None = None
    cache: bool = True
    cache_dir: Path | None = None
    html_entities: int = VIEW_ENTITIES
    html_mentions: int = VIEW_MENTIONS
    run: RunOptions = field(default_factory=RunOptions)

    def __post_init__(self) -> None:
        object.__setattr__(self, "formats", tuple(self.formats))
        for fmt in self.formats:
            written_format(fmt)
        for name in ("store", "cache_dir"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(value))

    @classmethod
    def of(cls, **options: Any) -> BuildOptions:
        """Options from flat keyword arguments: those of ``RunOptions`` go to ``run``.

        >>> BuildOptions.of(formats=["trig"], jobs=2).run.jobs
        2
        """
        own = {f.name for f in fields(cls)}
        run = {k: v for k, v in options.items() if k not in own}
        unknown = set(run) - {f.name for f in fields(RunOptions)}
        if unknown:
            raise OptionsError(f"unknown build option(s): {', '.join(sorted(unknown))}")
        mine = {k: v for k, v in options.items() if k in own}
        return cls(**mine, run=RunOptions(**run)) if run else cls(**mine)

    def phases(self) -> list[str]:
        """The steps ``build`` reports through ``progress`` after the documents, in order."""
        return (
            ["mentions.jsonl", "merge", *(f"graph.{f}" for f in self.formats)]
            + (["store"] if self.store else [])
            + (["graph.html"] if self.html else [])
        )
