"""The four layers of deduplication, against a real PostgreSQL."""

import threading
from datetime import UTC, datetime, timedelta

import psycopg

from newscrawl.db.store import Outcome, store_article
from tests.db.test_store import make_item

TALKS = [
    "SEOUL, March 3 (Yonhap) -- South Korea and Japan held a round of vice-ministerial talks "
    "in Seoul on Friday and agreed to keep working on export controls, supply chains and the "
    "exchange of students, the foreign ministry said in a statement released after the meeting.",
    "The two delegations spent most of the three-hour session on a plan to restore a regular "
    "schedule of visits between their leaders, officials said, adding that the next round "
    "would take place in Tokyo before the end of the year if the calendar allows it.",
    "Both sides also discussed the North's recent weapons tests and agreed to stay in close "
    "touch with Washington on a joint response, according to a ministry official who briefed "
    "reporters on condition of anonymity because of the sensitivity of the matter.",
]
OTHER_TALKS = [
    "TOKYO -- Japanese officials briefed lawmakers on Monday about the outcome of last week's "
    "meeting with their South Korean counterparts, describing the mood as cautious but warmer "
    "than at any point in the previous decade of strained relations between the neighbours.",
    "A senior ruling party member told the committee that business groups in Osaka had asked "
    "for faster visa procedures and more flights, and that the government would consider the "
    "request when drafting its budget for the coming fiscal year in the autumn session.",
]


def yonhap(serial_suffix: str, body: list[str], minutes: int = 0, **kw):
    article_id = f"AEN202303030041{serial_suffix}315"
    return make_item(
        url=f"https://en.yna.co.kr/view/{article_id}",
        canonical_url=f"https://en.yna.co.kr/view/{article_id}",
        site_article_id=article_id,
        body="\n\n".join(body),
        published_at=datetime(2023, 3, 3, 6, 0, tzinfo=UTC) + timedelta(minutes=minutes),
        **kw,
    )


def herald(number: str, body: list[str], **kw):
    fields = dict(
        source="koreaherald",
        url=f"https://www.koreaherald.com/article/{number}",
        canonical_url=f"https://www.koreaherald.com/article/{number}",
        site_article_id=number,
        authors=["Yonhap"],
        body="\n\n".join(body),
        published_at=datetime(2023, 3, 3, 8, 0, tzinfo=UTC),
    )
    return make_item(**{**fields, **kw})


def herald_copy_of(paragraphs):
    """How the Korea Herald reprints a wire story: short dateline, credit at the end."""
    first = "SEOUL -- " + paragraphs[0].split("-- ", 1)[1]
    return [first, *paragraphs[1:-1], paragraphs[-1] + " (Yonhap)"]


def article(db, item):
    return db.execute(
        "SELECT id, story_id, duplicate_of, duplicate_kind FROM articles WHERE canonical_url = %s",
        (item.canonical_url,),
    ).fetchone()


def test_tracking_forms_and_aliases_are_one_row(db):
    store_article(db, yonhap("00", TALKS))
    again = yonhap("00", TALKS, aliases=["https://www.koreaherald.com/view.php?ud=20230303000111"])
    assert store_article(db, again).outcome is Outcome.UNCHANGED
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM article_urls").fetchone()[0] == 1


def test_changed_text_under_the_same_url_is_a_new_version(db):
    first = store_article(db, yonhap("00", TALKS))
    changed = TALKS[:2] + ["A corrected third paragraph replaces the earlier one entirely."]
    second = store_article(db, yonhap("00", changed))
    assert (first.outcome, second.outcome) == (Outcome.NEW, Outcome.UPDATED)
    versions = db.execute(
        "SELECT version, changed, body FROM article_versions ORDER BY version"
    ).fetchall()
    assert [v[0] for v in versions] == [1, 2]
    assert versions[1][1] == ["body"]
    assert db.execute("SELECT body FROM articles").fetchone()[0] == "\n\n".join(changed)


def test_yonhap_versions_form_one_story_with_the_latest_marked(db):
    original = yonhap("00", TALKS, title="S. Korea, Japan hold talks")
    lead = yonhap("51", TALKS + OTHER_TALKS[:1], minutes=50, title="(LEAD) S. Korea, Japan")
    second = yonhap("52", TALKS + OTHER_TALKS, minutes=90, title="(2nd LD) S. Korea, Japan")
    for item in (lead, original, second):  # arrival order must not matter
        store_article(db, item)
    stories = db.execute("SELECT DISTINCT story_id FROM articles").fetchall()
    assert len(stories) == 1
    latest = db.execute("SELECT latest_article_id FROM stories").fetchone()[0]
    assert latest == article(db, second)[0]
    # versions of a story are not copies of each other
    assert db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[
        0
    ] == 0


def test_korea_herald_reprint_is_linked_to_the_wire_story(db):
    wire = yonhap("00", TALKS)
    copy = herald("10480001", herald_copy_of(TALKS))
    store_article(db, wire)
    stored = store_article(db, copy)
    wire_row, copy_row = article(db, wire), article(db, copy)
    assert stored.duplicate_of == wire_row[0]
    assert copy_row[2] == wire_row[0] and copy_row[3] == "near"
    assert copy_row[1] == wire_row[1]
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1


def test_link_is_made_when_the_copy_arrives_first(db):
    wire = yonhap("00", TALKS)
    copy = herald("10480001", herald_copy_of(TALKS))
    store_article(db, copy)
    store_article(db, wire)
    wire_row, copy_row = article(db, wire), article(db, copy)
    assert copy_row[2] == wire_row[0] and copy_row[1] == wire_row[1]
    assert wire_row[2] is None
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1


def test_two_different_articles_about_the_same_talks_are_not_merged(db):
    store_article(db, yonhap("00", TALKS))
    store_article(db, herald("10480002", OTHER_TALKS + ["Seoul and Tokyo talks went on."]))
    assert db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[
        0
    ] == 0
    assert db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == 2


def test_exact_copy_under_another_url_is_linked(db):
    store_article(db, herald("10480003", OTHER_TALKS, authors=["Kim Ha-eun"]))
    copy = herald("10480009", OTHER_TALKS, authors=["Kim Ha-eun"])
    store_article(db, copy)
    row = article(db, copy)
    assert row[3] == "exact" and row[2] == article(db, herald("10480003", []))[0]


def test_two_concurrent_writers_store_each_article_once(database_url, db):
    items = [yonhap(f"{n:02d}", TALKS[n % 3 :] + OTHER_TALKS, minutes=n) for n in range(50, 62)]
    items += [herald(str(10490000 + n), herald_copy_of(TALKS)) for n in range(6)]
    errors = []

    def writer():
        try:
            with psycopg.connect(database_url, autocommit=True) as conn:
                for item in items:
                    store_article(conn, item)
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    urls = db.execute("SELECT canonical_url FROM articles").fetchall()
    assert len(urls) == len({i.canonical_url for i in items})
    versions = db.execute("SELECT count(*) FROM article_versions").fetchone()[0]
    assert versions == len(urls)


def test_links_count_the_copies_stored_once_each(db):
    """`Stored.linked` (the crawl's `copies linked`) counts an article becoming a copy once:
    a Korea Herald reprint linked to the original, then moved to the original's (LEAD) when
    that arrives, is one copy, not two links."""
    lead_text = [TALKS[0], TALKS[1] + " A new sentence adds the date of the next round.",
                 TALKS[2]]  # fmt: skip
    stored = [
        store_article(db, yonhap("00", TALKS)),
        store_article(db, herald("10480001", herald_copy_of(TALKS))),
        store_article(db, yonhap("51", lead_text, minutes=90, title="(LEAD) Talks")),
    ]
    copy = article(db, herald("10480001", []))
    assert copy[2] == stored[2].article_id  # moved to the latest version of the original
    copies = db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
    assert [s.linked for s in stored] == [False, True, False]
    assert sum(s.linked for s in stored) == copies.fetchone()[0] == 1
