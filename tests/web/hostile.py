"""The hostile data set of the web tests: the reliability suite's hostile title and body, plus
markup in every other field a page shows, in a Yonhap story with a (LEAD) and a Korea Herald
copy (so the story page compares hostile versions), and a crawl run with a hostile error.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import psycopg
from psycopg.types.json import Jsonb

from newscrawl.dates import KST
from tests.reliability.test_hostile_data import HOSTILE_BODY, HOSTILE_TITLE

ORIGINAL = "AEN20240502007700315"
LEAD = "AEN20240502007751315"
PUBLISHED = datetime(2024, 5, 2, 10, 0, tzinfo=KST)
MARKUP = '"><svg onload=alert(3)><iframe src="javascript:alert(2)"></iframe>'
LEAD_TITLE = "(LEAD) " + HOSTILE_TITLE
SEARCH_WORD = "counterpart"  # in the hostile bodies, so a search shows their snippets
RAW_HTML = '<html><body><script>alert("raw page")</script><p>raw page</p></body></html>'
CORRECTION = "Corrected: <script>alert(6)</script>"
RUN_ERROR = "<script>alert(4)</script> feed https://x.test/?a=<b>1</b> failed"


def _body(extra: str = "") -> str:
    paragraphs = [p.replace("\x00", "") for p in HOSTILE_BODY]
    paragraphs.append(f"The vice foreign minister met her Japanese {SEARCH_WORD} {MARKUP}.")
    if extra:
        paragraphs.append(extra)
    return "\n\n".join(paragraphs)


def _item(source: str, site_id: str, url: str, title: str, body: str, hours: int):
    from newscrawl.items import ArticleItem

    return ArticleItem(
        source=source, url=url, canonical_url=url, site_article_id=site_id, title=title,
        subtitle=f"Sub {MARKUP}", authors=[f"Kim <b>{MARKUP}</b>"],
        editor_note=f"(ATTN: adds {MARKUP})", dateline="SEOUL, May 2 (Yonhap) --",
        section=f"<i>{MARKUP}</i>", tags=[MARKUP], published_at=PUBLISHED + timedelta(hours=hours),
        body=body, captions=[f"Caption {MARKUP}"], language="en", raw_html=RAW_HTML,
        problems=[f"<b>{MARKUP}</b>"],
        topic={"bilateral": True, "pairs": [["JP", "KR"]], "score": 9.5,
               "evidence": {"countries": {"JP": [MARKUP], "KR": ["Seoul"]},
                            "diplomacy": [f"vice foreign minister {MARKUP}"], "guards": []}},
    )  # fmt: skip


def load(database_url: str) -> dict[str, int]:
    """Store the hostile story (the original in two versions) and run; the ids of its three
    articles."""
    from newscrawl.db.store import store_article

    yna = "https://en.yna.co.kr/view/"
    with psycopg.connect(database_url, autocommit=True) as conn:
        store_article(conn, _item("yonhap", ORIGINAL, yna + ORIGINAL, HOSTILE_TITLE, _body(), 0))
        original = store_article(conn, _item("yonhap", ORIGINAL, yna + ORIGINAL, HOSTILE_TITLE,
                                             _body(CORRECTION), 0))  # a second version  # fmt: skip
        lead = store_article(conn, _item("yonhap", LEAD, yna + LEAD, LEAD_TITLE,
                                         _body(f"Added later: <script>alert(5)</script> {MARKUP}"),
                                         2))  # fmt: skip
        copy = store_article(conn, _item(
            "koreaherald", "99000001", "https://www.koreaherald.com/article/99000001",
            LEAD_TITLE, _body(f"Added later: <script>alert(5)</script> {MARKUP}"), 3))  # fmt: skip
        conn.execute(
            "INSERT INTO crawl_runs (site, started_at, finished_at, status, errors) "
            "VALUES ('yonhap', now() + interval '1 hour', now() + interval '1 hour', 'failed', %s)",
            (Jsonb([{"stat": "layout_unknown", "count": 3}, {"message": RUN_ERROR}]),),
        )
    return {"original": original.article_id, "lead": lead.article_id, "copy": copy.article_id}
