"""Cleaning in a process of its own, started the moment each crawl ends, so that feeds are cleaned while
other sources are crawled and stored. Cleaning is CPU work that needs no writer slot: in the run's own
process it held the interpreter lock that storing and Prefect's client wait for, and that process is
the run's longest path."""

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager

from prefect.futures import PrefectConcurrentFuture
from prefect.states import State

from pipeline.clean import CleanFeed, clean_feed


@contextmanager
def cleaning_process() -> Iterator[Executor]:
    """A spawned process, not a fork of the run's process: that has Prefect's threads, which a forked
    child would inherit mid-call. As with any spawned process, the parent's main script is imported
    in the child first: it must keep its work under `if __name__ == "__main__":` (mlpath's does)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as process:
        yield process


class Cleaning:
    """One source's crawl and, when it completed, its feed cleaned in `cleaner` from the moment the crawl
    ended. `ready` resolves to the crawl's final state once there is nothing more to wait for before
    storing: the feed is cleaned, or the crawl failed."""

    def __init__(self, crawl: PrefectConcurrentFuture, cleaner: Executor):
        self.ready: Future[State] = Future()
        self.feed: Future[CleanFeed] | None = None
        self._cleaner = cleaner
        crawl.wrapped_future.add_done_callback(self._start)

    def _start(self, crawled: Future) -> None:
        try:
            state = crawled.result()  # the crawl task's final state
            if not state.is_completed():
                self.ready.set_result(state)
                return
            output = state.result()
            self.feed = self._cleaner.submit(clean_feed, output.source, output.feed)
            self.feed.add_done_callback(lambda _feed: self.ready.set_result(state))
        except BaseException as error:  # raised in a callback it would be lost, and `ready` never resolved
            self.ready.set_exception(error)
