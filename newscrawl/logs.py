"""Logging for the `newscrawl` commands: human-readable or JSON lines, never a password.

The human log is read by people: above DEBUG a record's traceback is cut to its last line (a
failed robots.txt download is not a bug), and Scrapy's start-up report (settings, extensions,
middlewares), which it logs once per spider, is shown once.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

from newscrawl import config
from newscrawl.db.connection import mask_url
from newscrawl.errors import UsageError

HUMAN_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"


def _secret() -> str | None:
    """The DATABASE_URL password, masked wherever it might appear verbatim."""
    url = config.database_url()
    if not url:
        return None
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if not password and "password=" in url:
        password = url.split("password=", 1)[1].split()[0].split("&")[0]
    return unquote(password) if password else None


def scrub(text: str, secret: str | None) -> str:
    text = mask_url(text)
    return text.replace(secret, "***") if secret else text


class HumanFormatter(logging.Formatter):
    def __init__(self, tracebacks: bool = True) -> None:
        super().__init__(HUMAN_FORMAT, "%Y-%m-%d %H:%M:%S")
        self.secret = _secret()
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        if not self.tracebacks and (record.exc_info or record.exc_text or record.stack_info):
            record = _without_traceback(record)
        return scrub(super().format(record), self.secret)


def _without_traceback(record: logging.LogRecord) -> logging.LogRecord:
    """A copy of the record on one line: the exception's last line instead of its traceback
    (unless the message already says it)."""
    copy = logging.makeLogRecord(record.__dict__)
    exc = record.exc_info[1] if record.exc_info else None
    message = record.getMessage()
    if exc is not None and str(exc) not in message:
        message = f"{message} ({type(exc).__name__}: {exc})"
    copy.msg, copy.args = message, None
    copy.exc_info = copy.exc_text = copy.stack_info = None
    return copy


# Scrapy reports these once per crawler; with both spiders in one process they would repeat.
STARTUP_LOGGERS = frozenset({"scrapy.crawler", "scrapy.middleware", "scrapy.addons",
                             "scrapy.utils.log"})  # fmt: skip


class OnceFilter(logging.Filter):
    """Drops a start-up report identical to one already logged by this process."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name not in STARTUP_LOGGERS:
            return True
        key = (record.name, record.getMessage())
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


class JsonFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__()
        self.secret = _secret()

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage(), self.secret),
        }
        spider = getattr(record, "spider", None)
        if spider is not None:
            entry["spider"] = getattr(spider, "name", str(spider))
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info), self.secret)
        return json.dumps(entry, ensure_ascii=False)


def setup(log_format: str = "human", log_file: str | None = None, level: str = "INFO") -> None:
    """Send all log records to stderr or a file, in the chosen format."""
    handler: logging.Handler
    if log_file:
        try:
            handler = logging.FileHandler(log_file, encoding="utf-8")
        except OSError as exc:  # a configuration error: one line and exit code 2
            raise UsageError(f"cannot open log file {log_file}: {exc.strerror or exc}") from None
    else:
        handler = logging.StreamHandler(sys.stderr)
    debug = level.upper() == "DEBUG"
    handler.setFormatter(JsonFormatter() if log_format == "json" else HumanFormatter(debug))
    handler.setLevel(level.upper())  # Scrapy sets its own loggers to DEBUG
    handler.addFilter(OnceFilter())
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
