"""`newscrawl extract`: JSON on stdout, usage errors for bad paths and sources."""

from __future__ import annotations

import argparse
import json

import pytest

from newscrawl.cli import extract_cmd
from newscrawl.errors import UsageError
from newscrawl.extract import decode_html
from newscrawl.items import ArticleItem, item_to_json
from tests.layouts.helpers import PAGES

FIELDS = {
    "source", "url", "canonical_url", "site_article_id", "title", "subtitle", "authors",
    "editor_note", "dateline", "section", "tags", "published_at", "modified_at", "body",
    "captions", "language", "layout", "field_sources", "problems",
}


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    extract_cmd.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["extract", *argv])


def test_prints_one_json_object(capsys):
    args = _args(str(PAGES / "yonhap_2023_lead.html"), "--url",
                 "http://127.0.0.1:4321/view/AEN20240312002151315")
    assert args.handler(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= FIELDS
    assert out["canonical_url"] == "https://en.yna.co.kr/view/AEN20240312002151315"
    assert out["published_at"] == "2024-03-12T11:40:02+09:00"


def test_source_option(capsys):
    args = _args(str(PAGES / "koreaherald_d.html"), "--url", "http://127.0.0.1:1/a",
                 "--source", "koreaherald")
    args.handler(args)
    assert json.loads(capsys.readouterr().out)["source"] == "koreaherald"


def test_missing_file_is_usage_error(tmp_path):
    args = _args(str(tmp_path / "nope.html"), "--url", "https://en.yna.co.kr/view/x")
    with pytest.raises(UsageError) as err:
        args.handler(args)
    assert err.value.exit_code == 2 and "\n" not in str(err.value)


def test_unknown_source_is_usage_error():
    args = _args(str(PAGES / "koreaherald_d.html"), "--url", "u", "--source", "bbc")
    with pytest.raises(UsageError):
        args.handler(args)


def test_non_utf8_file(tmp_path, capsys):
    path = tmp_path / "latin.html"
    path.write_bytes(b"<html><body><p>caf\xe9 \xff\xfe</p></body></html>")
    args = _args(str(path), "--url", "https://en.yna.co.kr/view/AEN20240312002151315")
    assert args.handler(args) == 0
    assert json.loads(capsys.readouterr().out)["problems"][0].startswith("not_utf8")


def test_declared_charset_decoding():
    text, problem = decode_html('<meta charset="euc-kr"><p>한국</p>'.encode("euc-kr"))
    assert problem is None and "한국" in text


def test_item_to_json_times_iso_with_offset():
    out = item_to_json(ArticleItem(url="u"))
    assert set(out) >= FIELDS and out["published_at"] is None
