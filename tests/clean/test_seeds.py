"""The two seed documents (../shared/seeds, read at test time) rebuilt as pages and cleaned.

The seeds are the text of what the project must get right: the Korea Herald seed carries the
site's whole navigation, "most popular" box and footer; the Yonhap seed an editor's note, a
byline and a photo caption inside the story. Each is wrapped in its era's markup here and the
cleaning must return exactly the story.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

import pytest

from newscrawl.dates import KST
from tests.layouts.helpers import SHARED, extract_html

SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
pytestmark = pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
E = html.escape


def _seed(marker: str) -> str:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        if marker in text:
            return text
    pytest.skip(f"no seed with {marker!r}")


def _yonhap_page() -> tuple[str, dict]:
    text = _seed("(Yonhap) --")
    first, rest = text.split("\n", 1)
    note = re.search(r"(\(ATTN:.*\))", first).group(1)
    caption = re.search(r"\n{3,}(.+?)\n", rest).group(1).strip()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", rest) if b.strip()]
    byline = blocks[0]
    paras = [b for b in blocks[1:] if b != caption]
    story = [f"<p>{E(note)}<br/>{E(byline)}</p>"]
    for i, p in enumerate(paras):
        story.append(f"<p> {E(p)}</p>")
        if i == 3:
            story.append(
                '<div class="comp-box photo-group"><figure class="image-zone"><div class="img-con">'
                f'<span class="img"><img src="//img1.yna.co.kr/x_P4.jpg" alt="{E(caption)}"></span>'
                '</div><figcaption class="desc-con"><strong class="tit-cap"></strong>'
                f'<p class="txt-desc">{E(caption)}</p></figcaption></figure></div>'
            )
    story.append("<p> reporter@yna.co.kr<br/>(END)</p>")
    page = f"""<html lang="en"><head>
<link rel="canonical" href="https://en.yna.co.kr/view/AEN20231005001200315">
<meta property="og:title" content="Seed | Yonhap News Agency">
<meta property="article:published_time" content="2023-10-05T17:00:00+09:00">
</head><body><header class="title-article01"><h1 class="tit">Seed</h1></header>
<article class="story-news">{''.join(story)}</article></body></html>"""
    return page, {"note": note, "byline": byline[3:], "caption": caption, "paras": paras}


def _kh_page() -> tuple[str, dict]:
    lines = _seed("Published :").split("\n")
    b = next(i for i, line in enumerate(lines) if line.startswith("By "))
    title_idx = max(i for i in range(b) if lines[i].strip())
    stamp, caption = lines[b + 1], lines[b + 2]
    end = next(i for i, line in enumerate(lines) if line.strip() == "MOST POPULAR")
    paras = [line.strip() for line in lines[b + 3 : end] if line.strip() and line != caption]
    nav = "".join(f"<a href='#'>{E(x)}</a>" for x in lines[: title_idx - 1] if x.strip())
    tail = "".join(f"<p>{E(x)}</p>" for x in lines[end:] if x.strip())
    page = f"""<html lang="en"><head><title>{E(lines[title_idx])} - The Korea Herald</title>
<link rel="canonical" href="http://www.koreaherald.com/view.php?ud=20230214000999"></head>
<body><div class="header"><div class="allMenuDiv">{nav}</div></div>
<div class="view_bg"><div class="view"><div class="view_tit_icon">{E(lines[title_idx - 2])}</div>
<h1 class="view_tit">{E(lines[title_idx])}</h1>
<div class="view_tit_byline"><div class="view_tit_byline_l">{E(lines[b])}</div>
<div class="view_tit_byline_r">{E(stamp)}</div></div>
<div class="view_con"><div class="view_con_t" id="articleText">
<table><tr><td><img src="x.jpg" alt="{E(caption)}"></td></tr>
<tr><td class="view_con_caption">{E(caption)}</td></tr></table>
{'<br><br>'.join(E(p) for p in paras)}</div></div></div></div>
<div class="main_r">{tail}</div></body></html>"""
    chrome = [x.strip() for x in lines[:title_idx - 1] + lines[end:] if len(x.split()) >= 2]
    return page, {"title": lines[title_idx], "caption": caption, "paras": paras,
                  "chrome": chrome}


def test_yonhap_seed_story_exactly():
    page, seed = _yonhap_page()
    item = extract_html(page, "https://en.yna.co.kr/view/AEN20231005001200315")
    assert item.body == "\n\n".join(seed["paras"])
    assert item.editor_note == seed["note"]
    assert item.authors == [seed["byline"]]
    assert item.captions == [seed["caption"]]
    assert item.dateline == "SEOUL, Oct. 5 (Yonhap) --"
    assert item.body.startswith(item.dateline)


def test_korea_herald_seed_story_exactly():
    page, seed = _kh_page()
    item = extract_html(page, "http://www.koreaherald.com/view.php?ud=20230214000999")
    assert item.layout == "koreaherald-b"
    assert item.title == seed["title"]
    assert item.body == "\n\n".join(seed["paras"])
    assert item.authors == ["Yonhap"]
    assert item.published_at == datetime(2023, 2, 14, 10, 12, tzinfo=KST)
    assert item.captions == [seed["caption"]]
    for line in seed["chrome"]:
        assert line not in item.body
