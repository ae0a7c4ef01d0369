"""Commands that read the database: list, show, search, timeline, stats, export, runs.

Tables show times in KST, the sites' own clock; JSON and CSV carry UTC ISO 8601 times.
Arguments are bounded before they reach PostgreSQL: a huge id or query is one line and exit
code 2, never a database error.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from datetime import datetime
from typing import Any

from newscrawl.cli import args as cli_args
from newscrawl.cli.output import cell, dumps, render, write_csv
from newscrawl.config import clip
from newscrawl.dates import KST
from newscrawl.db import connection, queries
from newscrawl.errors import NewscrawlError, UsageError

LIST_COLUMNS = ("id", "source", "published_at", "title", "authors", "pairs", "story_id", "kind")
LIST_JSON_KEYS = (
    "id", "source", "published_at", "title", "authors", "pairs", "bilateral", "story_id",
    "version_rank", "version_count", "duplicate_of", "canonical_url",
)  # fmt: skip


MAX_QUERY_WORDS = 100
MAX_QUERY_CHARS = 10_000
RUN_STATUSES = ("running", "finished", "failed", "interrupted")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="stored articles, newest first",
                       description="Stored articles, newest first. When --limit cuts the "
                       "list, stderr says how many there are.")  # fmt: skip
    _common(p)
    p.set_defaults(handler=run_list)

    p = sub.add_parser(
        "show", help="one article with its versions, story and copies",
        description="One article with its versions, story and copies. ID is the id of "
        "`newscrawl list`, the site's own article id (AEN20231005004351315, 10481817) or any "
        "URL the article was reached by.",
    )  # fmt: skip
    p.add_argument("article", metavar="ID|URL")
    cli_args.add_format(p)
    p.set_defaults(handler=run_show)

    p = sub.add_parser("search", help="full-text search, ranked, with a snippet")
    p.add_argument("query", help=f"words, \"a phrase\", -word, or (at most "
                   f"{MAX_QUERY_WORDS} words)")  # fmt: skip
    _common(p)
    p.set_defaults(handler=run_search)

    p = sub.add_parser("timeline", help="one line per story, oldest first",
                       description="One line per story, oldest first; with --limit N, the "
                       "latest N stories. `article` is the story's latest version, for "
                       "`newscrawl show`.")  # fmt: skip
    _common(p, limit=1000)
    p.set_defaults(handler=run_timeline)

    p = sub.add_parser("stats", help="counts per source and period, pairs, recent runs")
    _common(p, limit=30)
    p.add_argument("--by", choices=("day", "week"), default="day", help="period of the counts")
    p.set_defaults(handler=run_stats)

    p = sub.add_parser("export", help="stream articles as JSON lines or CSV")
    cli_args.add_filters(p, limit=None)
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.set_defaults(handler=run_export)

    p = sub.add_parser(
        "runs", help="the crawl history with counts and errors",
        description="The crawl history, newest first: one row per spider run (two per "
        "`newscrawl crawl`), with its status, counts and errors. It takes --site, --status, "
        "--limit and --format; not the article filters of `list`.",
    )  # fmt: skip
    cli_args.add_site_option(p, "--site", "only this site's runs")
    p.add_argument("--status", choices=RUN_STATUSES, help="only runs with this status")
    p.add_argument("--limit", type=cli_args.positive_int, default=20,
                   help="at most N runs (default: 20)")  # fmt: skip
    cli_args.add_format(p)
    p.set_defaults(handler=run_runs)


def _common(p: argparse.ArgumentParser, limit: int = 50) -> None:
    cli_args.add_filters(p, limit=limit)
    cli_args.add_format(p)


def filters_from(args: argparse.Namespace) -> queries.Filters:
    return queries.Filters(
        source=args.source,
        since=cli_args.day_start(args.since),
        until=cli_args.day_end(args.until),
        pair=args.pair,
        bilateral=True if args.bilateral else None,
        limit=args.limit,
    )


def kst(value: datetime | None) -> str:
    return value.astimezone(KST).strftime("%Y-%m-%d %H:%M KST") if value else ""


def _kind(row: dict[str, Any]) -> str:
    if row.get("duplicate_of"):
        return f"copy of {row['duplicate_of']}"
    if row.get("version_rank"):
        return f"update {row['version_rank']}"
    return "original"


def _for_table(rows: list[dict[str, Any]], *time_keys: str) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        row = dict(row)
        for key in time_keys:
            row[key] = kst(row.get(key))
        out.append(row)
    return out


def run_list(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    with connection.connect(autocommit=True) as conn:
        rows = queries.list_articles(conn, filters)
        total = queries.count_articles(conn, filters) if len(rows) == args.limit else len(rows)
    if total > len(rows):  # on stderr: JSON and CSV on stdout stay clean
        print(f"{len(rows):,} of {total:,} shown; --limit N shows more", file=sys.stderr)
    if args.format == "json":
        render([{k: r[k] for k in LIST_JSON_KEYS} for r in rows], LIST_JSON_KEYS, "json")
        return 0
    rows = [{**r, "kind": _kind(r)} for r in rows]
    if args.format == "csv":
        render(rows, (*LIST_COLUMNS, "canonical_url"), "csv")
    else:
        render(_for_table(rows, "published_at"), LIST_COLUMNS, "table")
    return 0


SHOW_FIELDS = ("id", "source", "canonical_url", "site_article_id", "title", "subtitle",
               "authors", "editor_note", "dateline", "section", "tags", "published_at",
               "modified_at", "language", "layout", "pairs", "bilateral", "story_id",
               "version_rank", "version_count", "duplicate_of", "duplicate_kind", "similarity",
               "first_seen_at", "last_seen_at", "problems", "captions", "body")  # fmt: skip
SHOW_JSON_EXTRA = ("topic_score", "topic_evidence")  # structured: in JSON only


def show_record(article: dict[str, Any], details: dict[str, Any]) -> dict[str, Any]:
    """`newscrawl show --format json`: every field, the topic evidence, versions, story,
    copies. The web view's article JSON is this object too."""
    return {**{k: article.get(k) for k in (*SHOW_FIELDS, *SHOW_JSON_EXTRA)}, **details}


def run_show(args: argparse.Namespace) -> int:
    key = args.article.strip()
    if key.isdigit() and (len(key) > 19 or int(key) > queries.MAX_ID):
        raise UsageError(f"not an article id (at most {queries.MAX_ID}): {clip(key)}")
    with connection.connect(autocommit=True) as conn:
        article = queries.find_article(conn, key)
        if article is None:
            raise NewscrawlError(f"no stored article {clip(args.article)}")
        details = queries.article_details(conn, article["id"])
    record = {k: article.get(k) for k in SHOW_FIELDS}
    if args.format == "json":
        print(dumps(show_record(article, details)))
    elif args.format == "csv":
        write_csv([record], SHOW_FIELDS, sys.stdout)
    else:
        _print_article(record, details)
    return 0


def _print_article(record: dict[str, Any], details: dict[str, Any]) -> None:
    from newscrawl.cli.output import terminal_safe

    out = sys.stdout
    for key in SHOW_FIELDS[:-2]:
        value = record[key]
        text = kst(value) if isinstance(value, datetime) else cell(value)
        if text:
            out.write(f"{key:>15}: {text}\n")
    if record["captions"]:
        out.write("\ncaptions:\n" + "".join(f"  - {cell(c)}\n" for c in record["captions"]))
    out.write("\n" + terminal_safe(record["body"] or "(no body)") + "\n")
    out.write("\nversions:\n")
    for v in details["versions"]:
        changed = ", ".join(v["changed"]) or "first seen"
        out.write(f"  {v['version']}. {kst(v['seen_at'])}  {changed}\n")
    if details["story"]:
        story = details["story"]
        out.write(f"\nstory {story['id']} ({story['story_key']}):\n")
        for m in details["story_articles"]:
            mark = "*" if m["id"] == story["latest_article_id"] else " "
            out.write(f" {mark}{m['id']:>7}  {m['source']:<11} {kst(m['published_at'])}  "
                      f"{cell(m['title'])}\n")  # fmt: skip
    if details["copies"]:
        out.write("\ncopies:\n")
        for c in details["copies"]:
            out.write(f"  {c['id']:>7}  {c['source']:<11} {c['duplicate_kind']} "
                      f"{c['similarity'] or 0:.2f}  {cell(c['title'])}\n")  # fmt: skip


def run_search(args: argparse.Namespace) -> int:
    words = len(args.query.split())
    if words > MAX_QUERY_WORDS or len(args.query) > MAX_QUERY_CHARS:
        raise UsageError(f"search query too long ({words:,} words, {len(args.query):,} "
                         f"characters): at most {MAX_QUERY_WORDS} words and "
                         f"{MAX_QUERY_CHARS:,} characters")  # fmt: skip
    with connection.connect(autocommit=True) as conn:
        rows = queries.search(conn, args.query, filters_from(args))
    columns = ("id", "source", "published_at", "title", "snippet")
    if args.format == "table":
        render(_for_table(rows, "published_at"), columns, "table", max_width=80)
    else:
        render(rows, (*columns, "rank", "pairs", "story_id", "canonical_url"), args.format)
    return 0


def run_timeline(args: argparse.Namespace) -> int:
    with connection.connect(autocommit=True) as conn:
        rows = queries.timeline(conn, filters_from(args))
    if args.format == "table":
        table = [{**row, "date": row["published_at"].astimezone(KST).date().isoformat()
                  if row["published_at"] else "", "article": row["latest_article_id"],
                  "story": row["story_id"]} for row in rows]  # fmt: skip
        render(table, ("story", "date", "article", "sources", "headline"), "table",
               max_width=100)  # fmt: skip
    else:
        render(rows, ("story_id", "published_at", "headline", "sources", "articles",
                      "versions", "latest_article_id"), args.format)  # fmt: skip
    return 0


def run_stats(args: argparse.Namespace) -> int:
    with connection.connect(autocommit=True) as conn:
        report = queries.statistics(conn, filters_from(args), args.by)
    if args.format == "json":
        print(dumps(report))
        return 0
    period_key = f"per_{args.by}"
    runs = report["runs"] if args.format == "csv" else _for_table(report["runs"], "started_at",
                                                                  "finished_at")  # fmt: skip
    sections = [
        ("by source", report["by_source"], ("source", "articles", "bilateral",
                                            "bilateral_share", "copies", "later_versions",
                                            "updated")),
        (f"per {args.by}", report[period_key], ("period", "source", "articles")),
        ("top pairs", report["top_pairs"], ("pair", "articles")),
        ("last runs", runs, ("id", "site", "started_at", "status", "new", "updated", "copies",
                             "failed")),
    ]  # fmt: skip
    if args.format == "csv":  # one table: a `section` column and every section's columns
        columns = ["section"]
        for _, _, names in sections:
            columns += [c for c in names if c not in columns]
        write_csv([{**r, "section": title} for title, rows, _ in sections for r in rows],
                  columns, sys.stdout)  # fmt: skip
        return 0
    for title, rows, columns in sections:
        print(f"== {title}" + (" (KST)" if title == f"per {args.by}" else ""))
        render(rows, columns, "table")
        print()
    return 0


def run_export(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    with connection.connect() as conn, closing(queries.export_rows(conn, filters)) as rows:
        # closing(): a reader that stops early (| head) ends the cursor's transaction here,
        # before the connection closes
        if args.format == "csv":
            write_csv(rows, queries.EXPORT_COLUMNS, sys.stdout)
        else:
            for row in rows:
                sys.stdout.write(dumps(row, indent=None) + "\n")
    return 0


def run_runs(args: argparse.Namespace) -> int:
    with connection.connect(autocommit=True) as conn:
        rows = queries.runs(conn, args.limit, site=args.site, status=args.status)
    columns = ("id", "site", "started_at", "finished_at", "status", "new", "updated",
               "copies", "failed", "errors")  # fmt: skip
    if args.format == "table":
        for row in rows:
            row["errors"] = "; ".join(
                f"{e['stat']}={e['count']}" if "stat" in e else e.get("message", "")
                for e in row["errors"] or []
            )[:120]
        render(_for_table(rows, "started_at", "finished_at"), columns, "table", max_width=120)
    else:
        render(rows, columns, args.format)
    return 0
