"""`newscrawl config`: the effective configuration, typed, secrets masked.

It reads the settings exactly as `newscrawl crawl` does (from any working directory), so a
value the crawl would refuse (`NEWSCRAWL_CONCURRENT_REQUESTS=-3`) is refused here too, in one
line with exit code 2. The rules file is named, not read: the crawl checks it.
"""

from __future__ import annotations

import argparse
import importlib.resources
from typing import Any

from newscrawl import config
from newscrawl.cli.args import add_format
from newscrawl.cli.output import render
from newscrawl.db.connection import mask_url

# Fixed in newscrawl/settings.py (README "Configuration"), listed after the settable ones.
FIXED = ("RETRY_HTTP_CODES", "COOKIES_ENABLED", "TELNETCONSOLE_ENABLED")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "config", help="print the effective configuration (secrets masked)",
        description="Every setting with its value in effect and the environment variable "
        "that sets it; JSON gives numbers and booleans as such.",
    )  # fmt: skip
    add_format(p)
    p.set_defaults(handler=run)


def packaged_rules() -> str:
    return str(importlib.resources.files("newscrawl").joinpath("data/topics.yaml"))


def effective() -> list[dict[str, Any]]:
    from newscrawl import crawl

    settings = crawl.project_settings()
    url = config.database_url()
    rows: list[dict[str, Any]] = [
        {"name": "DATABASE_URL", "value": mask_url(url) if url else None, "env": "DATABASE_URL"},
        {"name": "NEWSCRAWL_HOME", "value": str(config.newscrawl_home()),
         "env": "NEWSCRAWL_HOME"},
        {"name": "NEWSCRAWL_CONTACT_URL", "value": config.contact_url(),
         "env": "NEWSCRAWL_CONTACT_URL"},
    ]  # fmt: skip
    for name, spec in config.SPECS.items():
        rows.append({"name": name, "value": typed(settings, name, spec.kind), "env": spec.env})
    rows += [{"name": name, "value": settings.get(name), "env": None} for name in FIXED]
    return rows


def typed(settings: Any, name: str, kind: str) -> Any:
    if kind == "int":
        return settings.getint(name)
    if kind == "float":
        return settings.getfloat(name)
    if kind == "bool":
        return settings.getbool(name)
    if kind == "path":
        return settings.get(name) or packaged_rules()
    return settings.get(name)


def run(args: argparse.Namespace) -> int:
    rows = effective()
    if args.format == "table":
        for row in rows:
            if row["name"] == "DATABASE_URL" and row["value"] is None:
                row["value"] = "(unset: embedded PostgreSQL)"
    render(rows, ("name", "value", "env"), args.format, max_width=100)
    return 0
