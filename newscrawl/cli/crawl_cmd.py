"""`newscrawl crawl`: the scheduled job (cron runs it every 30 minutes)."""

from __future__ import annotations

import argparse

from newscrawl import config, crawl, logs
from newscrawl.cli.args import bounded_int, parse_day, positive_int
from newscrawl.cli.replica_cmd import MAX_ARTICLES
from newscrawl.errors import UsageError

LOG_LEVELS = config.LOG_LEVELS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "crawl",
        help="crawl the sites for new articles (the cron job)",
        description="Run the spiders in one process, store new articles, print one summary "
        "line per site. Exit codes: 0 all finished, 1 a site failed, 2 usage or "
        "configuration error, 3 a site's layout drifted (more than NEWSCRAWL_DRIFT_SHARE of its "
        "articles degraded), 75 another crawl holds the lock.",
    )
    add_crawl_options(p)
    p.set_defaults(handler=run)

    p = sub.add_parser(
        "demo",
        help="crawl the bundled replica of both sites offline, into a demo database",
        description="Serve the replica on free loopback ports, crawl it with both spiders into "
        "a fresh <database>_demo database (embedded by default), print what was stored.",
    )
    p.add_argument("--articles", type=bounded_int(1, MAX_ARTICLES), default=60,
                   help="articles per site")
    p.add_argument("--seed", type=int, default=1, help="the replica's seed")
    p.set_defaults(handler=run_demo)


def add_crawl_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", choices=(*crawl.SITES, "all"), default="all")
    p.add_argument("--since", type=parse_day, help="only articles published on or after "
                   "this day (KST)")
    p.add_argument("--until", type=parse_day, help="only articles published on or before "
                   "this day (KST)")
    p.add_argument(
        "--base-url", action="append", default=[], metavar="SITE=URL",
        help="send SITE's requests to URL instead of the real site (repeatable)",
    )  # fmt: skip
    p.add_argument("--max-articles", type=positive_int, help="at most N articles per site")
    p.add_argument("--refresh", action="store_true", help="refetch stored articles too")
    p.add_argument(
        "-s", "--set", action="append", default=[], metavar="NAME=VALUE",
        help="a Scrapy setting, as with `scrapy crawl -s` (repeatable)",
    )  # fmt: skip
    p.add_argument("--log-format", choices=("human", "json"), default="human")
    p.add_argument("--log-file", help="append the log to this file instead of stderr")
    p.add_argument("--log-level", type=str.upper, choices=LOG_LEVELS,
                   help="default: NEWSCRAWL_LOG_LEVEL, else INFO")  # fmt: skip


def log_level(args: argparse.Namespace) -> str:
    """--log-level, else NEWSCRAWL_LOG_LEVEL (as README documents), else INFO."""
    if args.log_level:
        return args.log_level
    return config.env_setting("LOG_LEVEL", "INFO")


def pairs(values: list[str], what: str) -> dict[str, str]:
    out = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name or not rest:
            raise UsageError(f"{what} must look like NAME=VALUE, got {value!r}")
        out[name.strip()] = rest.strip()
    return out


def options_from(args: argparse.Namespace) -> crawl.CrawlOptions:
    base_urls = pairs(args.base_url, "--base-url")
    unknown = set(base_urls) - set(crawl.SITES)
    if unknown:
        raise UsageError(f"--base-url names an unknown site: {', '.join(sorted(unknown))}")
    for site, url in base_urls.items():
        if not url.startswith(("http://", "https://")):
            raise UsageError(f"--base-url {site}= must be an http(s) URL, got {url!r}")
    if args.since and args.until and args.until < args.since:
        raise UsageError("--until must not be before --since (both days are included)")
    settings = config.command_line_settings(pairs(args.set, "--set"))
    settings.setdefault("LOG_LEVEL", log_level(args))
    return crawl.CrawlOptions(
        sites=crawl.SITES if args.site == "all" else (args.site,),
        since=args.since.isoformat() if args.since else None,
        until=args.until.isoformat() if args.until else None,
        base_urls=base_urls,
        max_articles=args.max_articles,
        refresh=args.refresh,
        settings=settings,
    )


def run_demo(args: argparse.Namespace) -> int:
    from newscrawl import demo

    logs.setup("human", None, "WARNING")
    return demo.run(args.articles, args.seed)


def run(args: argparse.Namespace) -> int:
    options = options_from(args)
    logs.setup(args.log_format, args.log_file, log_level(args))
    results = crawl.run(options)
    for result in results:
        print(result.summary(), flush=True)
    for result in results:
        if result.drifted():
            print(result.drift_line(), flush=True)
    return crawl.exit_code(results)
