"""The pages. Each builds its data once: the JSON answer is that data (in the CLI's shapes,
through the CLI's query and record functions), the HTML page renders it.

Every page is at its path and under /api (`/pair/JP-KR` and `/api/pair/JP-KR`), and
`?format=json` works on either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

import psycopg
from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest, NotFound

from newscrawl.cli.args import day_start
from newscrawl.cli.inspect_cmd import show_record
from newscrawl.dates import KST
from newscrawl.db import queries
from newscrawl.items import DRIFT_CODES
from newscrawl.web import charts, diff, params
from newscrawl.web.app import db, json_response

bp = Blueprint("pages", __name__)
PER_PAGE = 20
MAX_STORIES = 5000  # stories on one pair page
LATEST_STORIES = 15
HOME_PAIR = "JP-KR"

Page = tuple[dict[str, Any], dict[str, Any]]  # (JSON data, extra template context)


def page(rule: str, template: str) -> Callable[[Callable[..., Page]], Callable[..., Page]]:
    """Route `rule` and `/api` + `rule` (GET and HEAD only) to one builder."""

    def register(build: Callable[..., Page]) -> Callable[..., Page]:
        def respond(**kwargs: Any) -> Any:
            as_json = params.wants_json()
            data, context = build(**kwargs)
            if as_json:
                return json_response(data)
            return render_template(template, data=data, **context)

        name = build.__name__
        api_rule = "/api" + rule if rule != "/" else "/api/"
        bp.add_url_rule(rule, name, respond, methods=["GET"])
        bp.add_url_rule(api_rule, name + "_api", respond, methods=["GET"])
        return build

    return register


@bp.route("/api", methods=["GET"])
def api_root() -> Any:
    return redirect(url_for("pages.index_api"))


# Run-history stats that say a layout may have drifted (docs/drift.md); `layout_unknown` is what
# runs before the drift codes recorded.
DRIFT_STATS = frozenset({"layout_unknown", "clean/degraded",
                         *(f"clean/problem/{code}" for code in DRIFT_CODES)})


@page("/", "index.html")
def index() -> Page:
    """Counts per source, last runs, articles per week, latest bilateral stories."""
    conn = db()
    stats = queries.statistics(conn, queries.Filters(limit=None), "week")
    latest = queries.timeline(conn, queries.Filters(bilateral=True, limit=LATEST_STORIES),
                              newest_first=True)  # fmt: skip
    series = [row["source"] for row in stats["by_source"]]
    bars: dict[date, charts.Bar] = {}
    for row in stats["per_week"]:
        bar = bars.setdefault(row["period"], charts.Bar(row["period"]))
        bar.counts[row["source"]] = row["articles"]
    chart = charts.weekly_bars(list(bars.values()), series, "articles",
                               "Articles per week (KST) and source")  # fmt: skip
    return {"stats": stats, "timeline": latest}, {"chart": chart, "home_pair": HOME_PAIR,
                                                  "drift_stats": DRIFT_STATS}


@page("/pairs", "pairs.html")
def pairs() -> Page:
    return {"pairs": queries.pairs(db())}, {}


@page("/pair/<raw_pair>", "pair.html")
def pair(raw_pair: str) -> Any:
    code = params.pair(raw_pair)
    if code != raw_pair:  # one address per pair: /pair/kr-jp -> /pair/JP-KR
        api = "_api" if request.path.startswith("/api/") else ""
        query = urlencode(list(request.args.items(multi=True)))
        target = url_for(f"pages.pair{api}", raw_pair=code) + (f"?{query}" if query else "")
        raise _Redirect(target)
    return pair_page(db(), code, params.day("since"), params.day("until"), params.source())


class _Redirect(Exception):
    def __init__(self, target: str) -> None:
        self.target = target


@bp.app_errorhandler(_Redirect)
def _follow(exc: _Redirect) -> Any:
    return redirect(exc.target, code=301)


def pair_page(conn: psycopg.Connection, code: str, since: date | None, until: date | None,
              source: str | None) -> Page:  # fmt: skip
    """The relationship's timeline: stories per week by the sources that carried them, and
    one line per story (the CLI's `timeline` rows). Shared with `newscrawl report`."""
    filters = queries.Filters(source=source, since=day_start(since), until=day_start(until),
                              pair=code, limit=MAX_STORIES)  # fmt: skip
    rows = queries.timeline(conn, filters)
    bars: dict[date, charts.Bar] = {}
    for row in rows:
        if row["published_at"] is None:
            continue
        week = charts.monday(row["published_at"].astimezone(KST).date())
        bar = bars.setdefault(week, charts.Bar(week))
        carried = " + ".join(row["sources"])
        bar.counts[carried] = bar.counts.get(carried, 0) + 1
    series = sorted({name for bar in bars.values() for name in bar.counts},
                    key=lambda name: (name.count("+"), name))  # fmt: skip
    weeks = [{"week": w, "stories": b.total, "by_sources": b.counts}
             for w, b in sorted(bars.items())]  # fmt: skip
    data = {"pair": code, "since": since, "until": until, "source": source,
            "weeks": weeks, "timeline": rows}  # fmt: skip
    chart = charts.weekly_bars(list(bars.values()), series, "stories",
                               f"Stories per week (KST) about {code}, by the sources that "
                               "carried them")  # fmt: skip
    return data, {"chart": chart, "truncated": len(rows) >= MAX_STORIES,
                  "max_stories": MAX_STORIES}  # fmt: skip


@page("/story/<int:story_id>", "story.html")
def story(story_id: int) -> Page:
    """The story's articles in order, each compared with the version before it."""
    conn = db()
    details = queries.story_details(conn, params.identifier(story_id))
    if not details:
        raise NotFound(f"there is no story {story_id}")
    texts = queries.story_texts(conn, story_id)
    members = details["story_articles"]
    own = sorted((m for m in members if not m["duplicate_of"]),
                 key=lambda m: (m["version_rank"] or 0, _time(m), m["id"]))  # fmt: skip
    copies = sorted((m for m in members if m["duplicate_of"]), key=lambda m: (_time(m), m["id"]))
    entries, previous = [], None
    for member in [*own, *copies]:
        text = texts.get(member["id"], {})
        base_id = member["duplicate_of"] if member["duplicate_of"] in texts else previous
        base = texts.get(base_id) if base_id else None
        entry = {"article": member, "text": text, "base_id": base_id}
        if base is not None:
            entry["title_diff"] = diff.compare(base["title"], text.get("title"), shorten=False)
            entry["body_diff"] = diff.compare(base["body"], text.get("body"))
            entry["changed"] = any(map(diff.changed, (entry["title_diff"], entry["body_diff"])))
        entries.append(entry)
        if not member["duplicate_of"]:
            previous = member["id"]
    return details, {"entries": entries}


def _time(member: dict[str, Any]) -> float:
    return member["published_at"].timestamp() if member["published_at"] else float("inf")


@bp.route("/article", methods=["GET"])
@bp.route("/api/article", methods=["GET"], endpoint="article_by_url_api")
def article_by_url() -> Any:
    """/article?url=ANY-URL-FORM (or ?id=N): the article page, by the forms `show` takes."""
    key = params.text("url", params.MAX_KEY) or params.text("id", params.MAX_KEY)
    if not key:
        raise BadRequest("give url=URL or id=ID")
    return _article(params.article_key(key))


@page("/article/<path:key>", "article.html")
def article(key: str) -> Page:
    if not key.isdigit():  # a URL form with a query string (view.php?ud=...) keeps it
        extra = [(k, v) for k, v in request.args.items(multi=True) if k != "format"]
        if extra:
            key = f"{key}?{urlencode(extra)}"
    return _article_data(params.article_key(key))


def _article(key: str) -> Any:
    as_json = params.wants_json()
    data, context = _article_data(key)
    if as_json:
        return json_response(data)
    return render_template("article.html", data=data, **context)


def _article_data(key: str) -> Page:
    """`newscrawl show --format json` for the article, and its versions compared."""
    conn = db()
    found = queries.find_article(conn, key)
    if found is None:
        raise NotFound(f"there is no stored article {key!r}")
    details = queries.article_details(conn, found["id"])
    record = show_record(found, details)
    revisions = queries.version_texts(conn, found["id"]) if record["version_count"] > 1 else []
    compared = [
        {"version": new["version"], "seen_at": new["seen_at"],
         "title_diff": diff.compare(old["title"], new["title"], shorten=False),
         "body_diff": diff.compare(old["body"], new["body"])}
        for old, new in zip(revisions, revisions[1:], strict=False)
    ]  # fmt: skip
    return record, {"compared": compared}


@page("/search", "search.html")
def search() -> Page:
    """The CLI's full-text search, PER_PAGE results a page."""
    query, number, source = params.text("q"), params.page(), params.source()
    rows: list[dict[str, Any]] = []
    if query:
        filters = queries.Filters(source=source, limit=PER_PAGE + 1,
                                  offset=(number - 1) * PER_PAGE)  # fmt: skip
        rows = queries.search(db(), query, filters)
    more = len(rows) > PER_PAGE
    data = {"query": query, "source": source, "page": number, "per_page": PER_PAGE,
            "next_page": number + 1 if more else None, "search": rows[:PER_PAGE]}  # fmt: skip
    return data, {}
