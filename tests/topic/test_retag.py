"""`newscrawl retag` against a real PostgreSQL: what it counts, what it writes, what it keeps."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
import yaml

from newscrawl.cli import main
from newscrawl.db.store import store_article
from newscrawl.topic import _default_path, classify, load_rules
from tests.db.test_store import make_item

JP_KR = ("S. Korea, Japan hold foreign ministers' talks",
         "SEOUL, Oct. 5 (Yonhap) -- The foreign ministers of South Korea and Japan held talks "
         "in Seoul on Thursday and agreed to expand youth exchanges, the foreign ministry said.")
KR_VN = ("S. Korea, Vietnam hold strategic dialogue",
         "HANOI, Oct. 6 (Yonhap) -- Vice foreign ministers of South Korea and Vietnam held their "
         "strategic dialogue in Hanoi on Friday and agreed to expand defense cooperation.")
KBO = ("Bears beat Twins", "The Doosan Bears beat the LG Twins 5-3 in Seoul on Friday.")


def _store(db, n: int, title: str, body: str, topic: dict, source: str = "yonhap") -> int:
    aid = f"AEN2023100500{n:02d}00315"
    url = (f"https://en.yna.co.kr/view/{aid}" if source == "yonhap"
           else f"https://www.koreaherald.com/article/104800{n:02d}")  # fmt: skip
    item = make_item(source=source, url=url, canonical_url=url, title=title, body=body,
                     site_article_id=aid if source == "yonhap" else f"104800{n:02d}")  # fmt: skip
    item.topic = topic
    return store_article(db, item).article_id


def _tags(db, article_id: int) -> tuple:
    return db.execute(
        "SELECT topic_bilateral, topic_pairs, topic_score FROM articles WHERE id = %s",
        (article_id,),
    ).fetchone()


@pytest.fixture
def stored(db):
    """Four articles whose stored tags are what an older, worse rules file gave."""
    rules = load_rules()
    current = {name: classify(t, b, rules) for name, (t, b) in
               {"jp": JP_KR, "vn": KR_VN, "kbo": KBO}.items()}  # fmt: skip
    not_bilateral = {"bilateral": False, "pairs": [], "score": 0.0, "evidence": {}}
    wrong_pairs = {**current["jp"], "pairs": [["CN", "KR"], ["JP", "KR"]]}
    sport_tagged = {"bilateral": True, "pairs": [["JP", "KR"]], "score": 5.0, "evidence": {}}
    return {
        "missed": _store(db, 1, *KR_VN, not_bilateral),  # becomes bilateral
        "sport": _store(db, 2, *KBO, sport_tagged),  # no longer bilateral
        "pairs": _store(db, 3, *JP_KR, wrong_pairs),  # pairs change
        "same": _store(db, 4, *JP_KR, current["jp"], source="koreaherald"),  # unchanged
    }


def test_retag_counts_and_writes_the_changes(stored, db, capsys):
    assert main(["retag"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == ("4 articles: 3 changed (1 became bilateral, 1 no longer, 1 pairs changed); "
                   "0 re-scored only")  # fmt: skip
    assert _tags(db, stored["missed"])[:2] == (True, ["KR-VN"])
    assert _tags(db, stored["sport"])[:2] == (False, [])
    assert _tags(db, stored["pairs"])[:2] == (True, ["JP-KR"])
    assert _tags(db, stored["same"])[:2] == (True, ["JP-KR"])
    # The story view reads the new tags: no story of the KBO article is bilateral any more.
    sport_story = db.execute(
        "SELECT v.bilateral, v.pairs FROM v_stories v JOIN articles a ON a.story_id = v.story_id"
        " WHERE a.id = %s", (stored["sport"],),
    ).fetchone()  # fmt: skip
    assert sport_story == (False, None)
    # A second run finds nothing left to do.
    assert main(["retag"]) == 0
    assert capsys.readouterr().out.startswith("4 articles: 0 changed")


def test_dry_run_writes_nothing(stored, db, capsys):
    before = {k: _tags(db, v) for k, v in stored.items()}
    assert main(["retag", "--dry-run", "--show"]) == 0
    out = capsys.readouterr().out
    assert "3 changed" in out and "dry run: nothing written" in out
    assert f"{stored['sport']}: JP-KR -> not bilateral" in out
    assert {k: _tags(db, v) for k, v in stored.items()} == before


def test_source_and_since_select_the_articles(stored, db, capsys):
    assert main(["retag", "--source", "koreaherald"]) == 0
    assert capsys.readouterr().out.startswith("1 articles: 0 changed")
    assert _tags(db, stored["sport"])[0] is True  # the Yonhap articles were not touched
    assert main(["retag", "--since", "2023-10-06"]) == 0  # all were published Oct. 5 (KST)
    assert capsys.readouterr().out.startswith("0 articles: 0 changed")


def test_other_rules_file(stored, db, tmp_path: Path, capsys):
    """After a rules change the stored tags follow the new file, then come back."""
    data = yaml.safe_load(_default_path().read_text(encoding="utf-8"))
    data["thresholds"]["bilateral"] = 1000.0  # nothing is bilateral any more
    strict = tmp_path / "strict.yaml"
    strict.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["retag", "--rules", str(strict)]) == 0
    assert "3 no longer" in capsys.readouterr().out  # the three bilateral ones now
    bilateral = db.execute("SELECT count(*) FROM articles WHERE topic_bilateral").fetchone()[0]
    assert bilateral == 0
    assert main(["retag"]) == 0
    assert "3 became bilateral" in capsys.readouterr().out


def test_an_article_changed_meanwhile_is_left_alone(stored, db, database_url):
    """The write is conditional on the text the tags were computed from: an article a crawl
    updated after retag read it keeps the crawl's tags and is counted as skipped."""
    from newscrawl.db import queries
    from newscrawl.retag import retag

    with psycopg.connect(database_url) as read_conn, psycopg.connect(database_url) as write:
        read_conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        read_conn.execute("SELECT 1")  # retag reads this snapshot, taken now
        db.execute("UPDATE articles SET content_hash = '\\x01' WHERE id = %s",
                   (stored["sport"],))  # a new version stored meanwhile  # fmt: skip
        counts = retag(read_conn, write, queries.Filters(limit=None), load_rules())
    assert counts.no_longer == 1 and counts.skipped == 1
    assert _tags(db, stored["sport"])[0] is True  # not overwritten
    assert _tags(db, stored["missed"])[0] is True  # the others were written


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["retag", "--since", "yesterday"], "not a date"),
        (["retag", "--source", "cnn"], "invalid choice"),
    ],
)
def test_bad_arguments_are_one_line(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err


def test_unreadable_rules_file_is_one_line(database_url, capsys):
    assert main(["retag", "--rules", "/nonexistent/rules.yaml"]) == 2
    err = capsys.readouterr().err.strip()
    assert "cannot read" in err and "/nonexistent/rules.yaml" in err and "\n" not in err
