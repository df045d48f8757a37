"""Progress of an ingest on a terminal: a live line with articles/s, events and errors (rich).

Off a terminal nothing is drawn; errors are always printed, one line each.
"""

from __future__ import annotations

from typing import IO, Any

from eventwire.ingest.pipeline import IngestStats
from eventwire.model import DocumentError


class IngestProgress:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self._live: Any = None
        self._task: Any = None
        if stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._live = Progress(
                SpinnerColumn(),
                BarColumn(bar_width=20),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(file=stream),
                transient=True,
            )

    def __enter__(self) -> IngestProgress:
        if self._live is not None:
            self._live.start()
            self._task = self._live.add_task("starting", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._live is not None:
            self._live.stop()

    def update(self, stats: IngestStats) -> None:
        if self._live is not None:
            text = (
                f"{stats.coded} articles ({stats.coding_rate:.1f}/s) · {stats.new_events} events · "
                f"{stats.errors} errors · {stats.duplicates} duplicates · {stats.known} already stored"
            )
            self._live.update(self._task, description=text)

    def error(self, error: DocumentError) -> None:
        if self._live is not None:
            self._live.console.print(f"eventwire: {error}", markup=False, highlight=False)
        else:
            print(f"eventwire: {error}", file=self.stream)


class ShardProgress(IngestProgress):
    """Progress over shards: a bar of shards done, with the articles they gave."""

    def __enter__(self) -> ShardProgress:
        if self._live is not None:
            self._live.start()
            self._task = self._live.add_task("shards", total=None)
        return self

    def update(self, run: Any, report: Any = None) -> None:  # type: ignore[override]
        if self._live is not None:
            text = (
                f"{len(run.done) + len(run.failed)}/{run.shards} shards · {run.articles} articles · "
                f"{run.skipped} complete already · {len(run.failed)} failed · {run.input_errors} errors"
            )
            self._live.update(self._task, description=text, total=run.shards, completed=len(run.done) + len(run.failed))
