"""One crawl at a time: a session-level PostgreSQL advisory lock.

It lives in the database, so it holds across machines sharing one server, and it is released
when its connection closes, so a crashed crawl never leaves it behind.
"""

from __future__ import annotations

import psycopg

from newscrawl.db import connection
from newscrawl.errors import LockHeld

CRAWL_LOCK_KEY = 0x6E63636C  # "nccl"


class CrawlLock:
    def __init__(self, database: connection.Database) -> None:
        self.database = database
        self.conn: psycopg.Connection | None = None

    def __enter__(self) -> CrawlLock:
        self.conn = connection.connect(self.database, autocommit=True)
        got = self.conn.execute("SELECT pg_try_advisory_lock(%s)", (CRAWL_LOCK_KEY,)).fetchone()
        if not got or not got[0]:
            holder = self.conn.execute(
                """SELECT a.pid, a.client_addr, a.backend_start FROM pg_locks l
                   JOIN pg_stat_activity a ON a.pid = l.pid
                   WHERE l.locktype = 'advisory' AND l.objid = %s LIMIT 1""",
                (CRAWL_LOCK_KEY & 0xFFFFFFFF,),
            ).fetchone()
            self.conn.close()
            since = f" since {holder[2]:%Y-%m-%d %H:%M:%S %Z}" if holder and holder[2] else ""
            raise LockHeld(f"another crawl holds the lock{since}; try again later")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.conn is not None and not self.conn.closed:
            try:
                self.conn.execute("SELECT pg_advisory_unlock(%s)", (CRAWL_LOCK_KEY,))
            except psycopg.Error:
                pass  # the connection died (server restarted): the lock went with it
            finally:
                self.conn.close()
