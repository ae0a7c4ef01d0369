"""`newscrawl check-layouts`: are the layouts still reading the sites right?"""

from __future__ import annotations

import argparse

from newscrawl import config, crawl, logs
from newscrawl.cli.args import bounded_int
from newscrawl.cli.crawl_cmd import pairs
from newscrawl.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check-layouts",
        help="read each site's newest articles and report how its layouts read them",
        description="Fetch the N most recent articles of each site's feeds (politely, robots.txt "
        "obeyed), make them articles exactly as the crawl does without storing anything, and "
        "print per site and layout version how many were read, how many degraded and why, "
        "and the markup no layout declares. Exit codes: 0 healthy, 1 a site gave no article "
        "to check, 2 usage error, 3 degraded articles found (docs/drift.md).",
    )
    p.add_argument("--site", choices=(*crawl.SITES, "all"), default="all")
    p.add_argument("--sample", type=bounded_int(1, 500), default=20,
                   help="articles per site, newest first (default 20)")  # fmt: skip
    p.add_argument(
        "--base-url", action="append", default=[], metavar="SITE=URL",
        help="read SITE from URL instead of the real site (repeatable)",
    )  # fmt: skip
    p.add_argument(
        "-s", "--set", action="append", default=[], metavar="NAME=VALUE",
        help="a Scrapy setting, as with `scrapy crawl -s` (repeatable)",
    )  # fmt: skip
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from newscrawl import check

    base_urls = pairs(args.base_url, "--base-url")
    unknown = set(base_urls) - set(crawl.SITES)
    if unknown:
        raise UsageError(f"--base-url names an unknown site: {', '.join(sorted(unknown))}")
    settings = config.command_line_settings(pairs(args.set, "--set"))
    settings.setdefault("LOG_LEVEL", "WARNING")
    logs.setup("human", None, settings["LOG_LEVEL"])
    site_names = crawl.SITES if args.site == "all" else (args.site,)
    reports = check.run(site_names, args.sample, base_urls, settings)
    for report in reports:
        for line in report.lines():
            print(line, flush=True)
    code = check.exit_code(reports)
    checked = sum(r.articles for r in reports)
    degraded = sum(r.degraded for r in reports)
    verdict = {0: "healthy", 1: "a site gave no article to check",
               check.EXIT_DRIFT: "layouts drifted"}[code]  # fmt: skip
    print(f"check-layouts: {checked} articles checked, {degraded} degraded: {verdict}")
    return code
