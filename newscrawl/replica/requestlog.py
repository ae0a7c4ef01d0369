"""Per-server request log and counters, so tests can assert what a crawl fetched."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from threading import Lock


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One handled request. `status` is 0 when the connection was dropped unanswered."""

    site: str
    method: str
    path: str
    status: int
    kind: str
    fault: str | None
    attempt: int


class RequestLog:
    """Thread-safe list of requests with counting helpers."""

    def __init__(self) -> None:
        self._lock = Lock()
        self._records: list[RequestRecord] = []
        self._attempts: Counter[tuple[str, str]] = Counter()

    def next_attempt(self, site: str, target: str) -> int:
        """1 for the first request of this target on this site, then 2, 3..."""
        with self._lock:
            self._attempts[(site, target)] += 1
            return self._attempts[(site, target)]

    def add(self, record: RequestRecord) -> None:
        """Append one record."""
        with self._lock:
            self._records.append(record)

    def records(self, site: str | None = None, kind: str | None = None,
                status: int | None = None, fault: str | None = None) -> list[RequestRecord]:
        """Records matching every given filter, in arrival order."""
        with self._lock:
            rows = list(self._records)
        return [r for r in rows if (site is None or r.site == site)
                and (kind is None or r.kind == kind) and (status is None or r.status == status)
                and (fault is None or r.fault == fault)]

    def count(self, site: str | None = None, kind: str | None = None,
              status: int | None = None, fault: str | None = None) -> int:
        """How many requests match the filters."""
        return len(self.records(site, kind, status, fault))

    def by_kind(self, site: str | None = None) -> dict[str, int]:
        """Counts per kind (feed, listing, article, sitemap, robots, other)."""
        return dict(Counter(r.kind for r in self.records(site)))

    def by_status(self, site: str | None = None) -> dict[int, int]:
        """Counts per HTTP status (0 = dropped)."""
        return dict(Counter(r.status for r in self.records(site)))

    def paths(self, site: str | None = None, kind: str | None = None) -> list[str]:
        """Requested targets, in order."""
        return [r.path for r in self.records(site, kind)]

    def reset(self) -> None:
        """Forget all records and attempt counters (e.g. between two crawls in a test)."""
        with self._lock:
            self._records.clear()
            self._attempts.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)
