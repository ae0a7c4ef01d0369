"""Worker processes for the CPU-bound part of the crawl: page to article.

Parsing and cleaning are CPU-bound Python (lxml, trafilatura) and trafilatura is not known to
be thread-safe, so with NEWSCRAWL_EXTRACT_WORKERS > 0 `newscrawl.extract.page_to_article` runs
in worker processes and the reactor thread only pickles the page there and the article back.
One pool per crawl process is shared by every spider's pipeline (both sites in `newscrawl
crawl`). Workers are spawned, not forked: the crawl process has threads (the store's pool,
Twisted's thread pool) by then. A worker's log records are sent back and emitted by the crawl
process, so they reach its handlers (and the run history).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newscrawl.items import ArticleItem


class _LogCollector(logging.Handler):
    """Keeps a worker's log records so the crawl process can emit them through its handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        self.records.append(record)


_collector: _LogCollector | None = None


def _init_worker(level: int) -> None:
    global _collector
    _collector = _LogCollector()
    root = logging.getLogger()
    root.handlers[:] = [_collector]
    root.setLevel(level)


def _in_worker(
    task: Callable[..., ArticleItem], *args: Any
) -> tuple[ArticleItem, list[logging.LogRecord]]:
    """`task(*args)` in a worker; the page HTML is not sent back (the caller still has it)."""
    item = task(*args)
    item.raw_html = item.container_html = None
    records: list[logging.LogRecord] = []
    if _collector is not None:
        records, _collector.records = _collector.records, []
    return item, records


def spawn_pool(workers: int, **kwargs: Any) -> ProcessPoolExecutor:
    """A pool of spawned (not forked) worker processes: the caller may have threads."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), **kwargs)


class _SharedPool:
    """A process pool shared by the pipelines of one process, shut down by the last user."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._users = 0
        self._workers = 0

    def acquire(self, workers: int) -> None:
        with self._lock:
            self._users += 1
            self._workers = max(self._workers, workers)

    def executor(self) -> Executor:
        with self._lock:
            if self._pool is None:
                self._pool = spawn_pool(
                    self._workers,
                    initializer=_init_worker,
                    initargs=(logging.getLogger().getEffectiveLevel(),),
                )
            return self._pool

    def discard(self, broken: Executor) -> None:
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            pool = self._pool if self._users <= 0 else None
            if pool is not None:
                self._pool, self._users, self._workers = None, 0, 0
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


SHARED_POOL = _SharedPool()


async def run_in_worker(task: Callable[..., ArticleItem], *args: Any) -> ArticleItem:
    """`task(*args)` in the shared pool; raises BrokenProcessPool when a worker died (the
    pool is then discarded, and the next call starts a new one)."""
    pool = SHARED_POOL.executor()
    try:
        item, records = await asyncio.wrap_future(pool.submit(_in_worker, task, *args))
    except BrokenProcessPool:
        SHARED_POOL.discard(pool)
        raise
    for record in records:
        logging.getLogger(record.name).handle(record)
    return item
