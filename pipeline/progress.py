"""Progress of long work (crawl per source, store, train, eval), always on stderr.

On a terminal: a Rich progress bar. Elsewhere (a pipe, a log file, a scheduler): one plain line per
step, so logs stay readable. Lives in pipeline/ so that models/ and flows/ can both report through it.

    with progress("crawl", total=len(sources)) as step:
        for source in sources:
            crawl(source)
            step.advance(note=source)
"""

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO, TypeVar

Item = TypeVar("Item")


class Step(Protocol):
    def advance(self, count: int = 1, note: str | None = None) -> None: ...


class _PlainLines:
    """`crawl: 2/5 coursera` on its own line per step."""

    def __init__(self, description: str, total: int | None, stream: TextIO):
        self._description, self._total, self._stream, self._done = description, total, stream, 0

    def advance(self, count: int = 1, note: str | None = None) -> None:
        self._done += count
        counted = f"{self._done}/{self._total}" if self._total is not None else str(self._done)
        suffix = f" {note}" if note else ""
        print(f"{self._description}: {counted}{suffix}", file=self._stream, flush=True)


class _RichBar:
    def __init__(self, bar, task_id, description: str):
        self._bar, self._task_id, self._description = bar, task_id, description

    def advance(self, count: int = 1, note: str | None = None) -> None:
        description = f"{self._description} [dim]{_escape(note)}[/dim]" if note else self._description
        self._bar.update(self._task_id, advance=count, description=description)


@contextmanager
def progress(description: str, total: int | None = None, stream: TextIO | None = None) -> Iterator[Step]:
    """A progress bar on a terminal, plain lines otherwise; `stream` defaults to stderr."""
    stream = stream if stream is not None else sys.stderr
    if not _is_terminal(stream):
        yield _PlainLines(description, total, stream)
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=stream, force_terminal=True), transient=False) as bar:
        yield _RichBar(bar, bar.add_task(_escape(description), total=total), _escape(description))


def track(items: Iterable[Item], description: str, total: int | None = None, stream: TextIO | None = None):
    """Iterate over `items`, one step per item, named by the item."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)
    with progress(description, total, stream) as step:
        for item in items:
            yield item
            step.advance(note=str(item))


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
