"""`newscrawl config`: the effective configuration, secrets masked."""

from __future__ import annotations

import argparse

from newscrawl import config
from newscrawl.cli.args import add_format
from newscrawl.cli.output import render
from newscrawl.db.connection import mask_url

SCRAPY_SETTINGS = (
    "USER_AGENT", "ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "DOWNLOAD_TIMEOUT", "RETRY_TIMES",
    "NEWSCRAWL_RETRY_BACKOFF", "NEWSCRAWL_RETRY_MAX_DELAY", "NEWSCRAWL_DB_POOL_SIZE",
    "NEWSCRAWL_TOPIC_RULES", "NEWSCRAWL_KEEP_NON_BILATERAL", "NEWSCRAWL_EXTRACT_WORKERS",
    "LOG_LEVEL",
)  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="print the effective configuration (secrets masked)")
    add_format(p)
    p.set_defaults(handler=run)


def effective() -> list[dict[str, str]]:
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    url = config.database_url()
    rows = [
        {"name": "DATABASE_URL", "value": mask_url(url) if url else "(unset: embedded)"},
        {"name": "NEWSCRAWL_HOME", "value": str(config.newscrawl_home())},
    ]
    rows += [{"name": name, "value": str(settings.get(name))} for name in SCRAPY_SETTINGS]
    return rows


def run(args: argparse.Namespace) -> int:
    render(effective(), ("name", "value"), args.format, max_width=100)
    return 0
