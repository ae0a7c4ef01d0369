"""Commands that read the database: list, show, search, timeline, stats, export, runs.

Tables show times in KST, the sites' own clock; JSON and CSV carry UTC ISO 8601 times.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from newscrawl.cli import args as cli_args
from newscrawl.cli.output import cell, dumps, render, write_csv
from newscrawl.dates import KST
from newscrawl.db import connection, queries
from newscrawl.errors import NewscrawlError

LIST_COLUMNS = ("id", "source", "published_at", "title", "authors", "pairs", "story_id", "kind")
LIST_JSON_KEYS = (
    "id", "source", "published_at", "title", "authors", "pairs", "bilateral", "story_id",
    "version_rank", "version_count", "duplicate_of", "canonical_url",
)  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="stored articles, newest first")
    _common(p)
    p.set_defaults(handler=run_list)

    p = sub.add_parser("show", help="one article with its versions, story and copies")
    p.add_argument("article", metavar="ID|URL")
    cli_args.add_format(p)
    p.set_defaults(handler=run_show)

    p = sub.add_parser("search", help="full-text search, ranked, with a snippet")
    p.add_argument("query")
    _common(p)
    p.set_defaults(handler=run_search)

    p = sub.add_parser("timeline", help="one line per story, oldest first")
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

    p = sub.add_parser("runs", help="the crawl history with counts and errors")
    p.add_argument("--limit", type=cli_args.positive_int, default=20)
    cli_args.add_format(p)
    p.set_defaults(handler=run_runs)


def _common(p: argparse.ArgumentParser, limit: int = 50) -> None:
    cli_args.add_filters(p, limit=limit)
    cli_args.add_format(p)


def filters_from(args: argparse.Namespace) -> queries.Filters:
    return queries.Filters(
        source=args.source,
        since=cli_args.day_start(args.since),
        until=cli_args.day_start(args.until),
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
    with connection.connect(autocommit=True) as conn:
        rows = queries.list_articles(conn, filters_from(args))
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
    with connection.connect(autocommit=True) as conn:
        article = queries.find_article(conn, args.article)
        if article is None:
            raise NewscrawlError(f"no stored article {args.article!r}")
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
        for row in rows:
            day = row["published_at"].astimezone(KST).date() if row["published_at"] else ""
            print(f"{day}  {cell(row['headline'])}  [{', '.join(row['sources'])}]")
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
    sections = [
        ("by source", report["by_source"], ("source", "articles", "bilateral",
                                            "bilateral_share", "copies", "later_versions",
                                            "updated")),
        (f"per {args.by} (KST)", report[period_key], ("period", "source", "articles")),
        ("top pairs", report["top_pairs"], ("pair", "articles")),
        ("last runs", _for_table(report["runs"], "started_at", "finished_at"),
         ("id", "site", "started_at", "status", "new", "updated", "duplicates", "failed")),
    ]  # fmt: skip
    for title, rows, columns in sections:
        if args.format == "table":
            print(f"== {title}")
        render([{**r, "section": title} for r in rows], columns if args.format == "table"
               else ("section", *columns), args.format)  # fmt: skip
        if args.format == "table":
            print()
    return 0


def run_export(args: argparse.Namespace) -> int:
    filters = filters_from(args)
    with connection.connect() as conn:
        rows = queries.export_rows(conn, filters)
        if args.format == "csv":
            write_csv(rows, queries.EXPORT_COLUMNS, sys.stdout)
        else:
            for row in rows:
                sys.stdout.write(dumps(row, indent=None) + "\n")
    return 0


def run_runs(args: argparse.Namespace) -> int:
    with connection.connect(autocommit=True) as conn:
        rows = queries.runs(conn, args.limit)
    columns = ("id", "site", "started_at", "finished_at", "status", "new", "updated",
               "duplicates", "failed", "errors")  # fmt: skip
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
