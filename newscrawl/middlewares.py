"""Retries that back off: Retry-After honoured on 429/503, exponential delay otherwise.

Scrapy's RetryMiddleware retries at once; a site that asks us to slow down (429) or is
failing (5xx) should be given time. The delay holds one of the site's concurrency slots, so
the crawl really slows down instead of queueing more requests behind it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.defer import deferred_to_future

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or HTTP date); None if absent."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
        return max(0.0, (when - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError, OverflowError):
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.base_delay = settings.getfloat("NEWSCRAWL_RETRY_BACKOFF", 1.0)
        self.max_delay = settings.getfloat("NEWSCRAWL_RETRY_MAX_DELAY", 60.0)

    def _delay(self, request: Request, response: Response | None) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After")) if response else None
        if asked is not None:
            return min(asked, self.max_delay)
        attempt = request.meta.get("retry_times", 0)
        return min(self.base_delay * (2**attempt), self.max_delay)

    async def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            from twisted.internet import reactor, task  # the reactor Scrapy installed

            await deferred_to_future(task.deferLater(reactor, seconds, lambda: None))

    async def process_response(self, request: Request, response: Response):
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        await self._sleep(self._delay(request, response))
        return retry

    async def process_exception(self, request: Request, exception: Exception):
        if request.meta.get("dont_retry") or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await self._sleep(self._delay(request, None))
        return retry
