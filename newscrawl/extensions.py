"""The run history: a Scrapy extension that writes one `crawl_runs` row per spider run.

The row is inserted when the spider opens and finished when it closes, with Scrapy's stats as
jsonb and a summary of what went wrong, whether the crawl was started by `newscrawl crawl` or
by `scrapy crawl`. A graceful shutdown (SIGTERM, SIGINT) closes the spider too, so the row is
finished as `interrupted`.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from datetime import datetime
from typing import Any

import psycopg
from psycopg.types.json import Jsonb
from scrapy import Spider, signals
from scrapy.crawler import Crawler

from newscrawl.db import connection, migrate
from newscrawl.items import DRIFT_CODES

logger = logging.getLogger(__name__)

ERROR_STATS = ("discovery/failed", "discovery/malformed", "articles/failed", "store/failed",
               "clean/incomplete", "clean/degraded",
               *(f"clean/problem/{code}" for code in sorted(DRIFT_CODES)),
               "log_count/ERROR")  # fmt: skip


def run_status(reason: str, stats: dict[str, Any]) -> str:
    """finished, interrupted (shutdown signal) or failed (nothing stored amid errors...)."""
    if reason == "shutdown":
        return "interrupted"
    if reason != "finished" and not reason.startswith("closespider_"):
        return "failed"
    stored = sum(stats.get(f"store/{k}", 0) for k in ("new", "updated", "unchanged"))
    sources_ok = stats.get("discovery/feeds", 0) + stats.get("discovery/listing_pages", 0) + (
        stats.get("discovery/sitemaps", 0)
    )
    errors = stats.get("discovery/failed", 0) + stats.get("articles/failed", 0) + stats.get(
        "store/failed", 0
    )
    if errors and (stored == 0 and stats.get("articles/skipped_known", 0) == 0 or not sources_ok):
        return "failed"
    if stats.get("store/failed", 0):
        return "failed"
    return "finished"


class _Collector(logging.Handler):
    """Keeps the last warnings and errors of one spider for the run's error summary."""

    def __init__(self, spider: Spider) -> None:
        super().__init__(logging.WARNING)
        self.spider = spider
        self.records: deque[str] = deque(maxlen=20)

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == self.spider.name or getattr(record, "spider", None) is self.spider:
            self.records.append(f"{record.levelname}: {record.getMessage()}"[:500])


class RunRecorder:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run_id: int | None = None
        self.collector: _Collector | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunRecorder:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        self.collector = _Collector(spider)
        logging.getLogger().addHandler(self.collector)
        try:
            migrate.ensure()
            with connection.connect(autocommit=True) as conn:
                close_abandoned_runs(conn, socket.gethostname())
                self.run_id = conn.execute(
                    "INSERT INTO crawl_runs (site, hostname, pid) VALUES (%s, %s, %s) "
                    "RETURNING id",
                    (spider.name, socket.gethostname(), os.getpid()),
                ).fetchone()[0]
        except Exception as exc:  # the crawl goes on; the store pipeline reports the database
            logger.error("could not record the crawl run: %s", connection.mask_url(str(exc)))
        spider.crawl_run_id = self.run_id

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.collector is not None:
            logging.getLogger().removeHandler(self.collector)
        if self.run_id is None:
            return
        stats = {k: _jsonable(v) for k, v in self.crawler.stats.get_stats().items()}
        status = run_status(reason, stats)
        errors = [
            {"stat": name, "count": stats[name]} for name in ERROR_STATS if stats.get(name)
        ]
        if self.collector is not None:
            errors += [{"message": message} for message in self.collector.records]
        stats["finish_reason"] = reason
        try:
            with connection.connect(autocommit=True) as conn:
                conn.execute(
                    "UPDATE crawl_runs SET finished_at = now(), status = %s, stats = %s, "
                    "errors = %s WHERE id = %s",
                    (status, Jsonb(stats), Jsonb(errors), self.run_id),
                )
        except Exception as exc:
            logger.error("could not finish crawl run %s: %s", self.run_id, exc)


ABANDONED = ("abandoned: the crawl process (pid {pid}) ended without finishing this run "
             "(killed, out of memory, power loss?); found by the next crawl on this host")


def close_abandoned_runs(conn: psycopg.Connection, hostname: str) -> int:
    """Finish as `failed` the runs that a process of this host left `running` and that no
    longer exists (kill -9, the OOM killer): nothing else would ever finish them. Runs of other
    hosts are left alone, since their processes cannot be checked from here."""
    rows = conn.execute(
        "SELECT id, pid FROM crawl_runs WHERE status = 'running' AND hostname = %s",
        (hostname,),
    ).fetchall()
    dead = [(run_id, pid) for run_id, pid in rows if pid and not _process_exists(pid)]
    for run_id, pid in dead:
        conn.execute(
            "UPDATE crawl_runs SET status = 'failed', finished_at = now(), "
            "errors = errors || %s WHERE id = %s AND status = 'running'",
            (Jsonb([{"message": ABANDONED.format(pid=pid)}]), run_id),
        )
        logger.warning("crawl run %s was abandoned by process %s; marked failed", run_id, pid)
    return len(dead)


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)
