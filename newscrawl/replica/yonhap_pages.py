"""Renders Yonhap English pages (2023 design): articles, section listings, home and 404."""

from __future__ import annotations

import json

from newscrawl.replica import yonhap_chrome as C
from newscrawl.replica.htmlutil import attr, esc, excerpt
from newscrawl.replica.model import Article, Body
from newscrawl.replica.site import Site
from newscrawl.replica.timefmt import iso_kst, yonhap_visible

REAL = "https://en.yna.co.kr"
PAGE_SIZE = 20
NO_PHOTO = "https://r.yna.co.kr/global/home/v01/img/yonhapnews_logo_600x325_en03.jpg"


def _head(title: str, extra: str) -> str:
    return ('<!doctype html>\n<html lang="en" class="en">\n<head itemscope>\n'
            '<meta charset="utf-8">\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"{extra}<title>{attr(title)}</title>\n{C.CSS_JS}")


def _byline(a: Article) -> str:
    parts = []
    if a.editor_note:
        parts.append(esc(a.editor_note))
    if a.authors:
        parts.append("By " + esc(" and ".join(a.authors)))
    return f"<p>{'<br/>'.join(parts)}</p>\n" if parts else ""


def _photo(a: Article, i: int, src: str, caption: str) -> str:
    name = src.rsplit("/", 1)[-1].replace("_P4", "_P2")
    return (f'<div class="comp-box photo-group">\n<figure class="image-zone" '
            f'data-mapping-filename="{name}">\n<div class="img-con">\n<span class="img">'
            f'<img src="{src}" alt="{attr(a.title)} - {i + 1}"></span>\n</div>\n'
            '<figcaption class="desc-con">\n<strong class="tit-cap"></strong>\n'
            f'<p class="txt-desc">{esc(caption)}</p>\n'
            '<p class="txt-link" data-mapping-link=""><a href="" target="_blank" '
            'title="Opening new web browser window"></a></p>\n</figcaption>\n</figure>\n</div>\n')


def _youtube(video: str, title: str) -> str:
    return (f'<div class="comp-box youtube-group">\n<figure class="video-zone" '
            f'data-mapping-desc="{attr(title)}">\n<div class="vid-con">\n'
            f'<iframe width="560" height="315" class="ifm-youtube" '
            f'src="https://www.youtube.com/embed/{video}" frameborder="0" allowfullscreen>'
            f'</iframe>\n</div>\n<figcaption class="desc-con">\n<p class="txt-desc">'
            f'{esc(title)}</p><a href="https://youtu.be/{video}" target="_blank" '
            f'class="txt-link">Youtube</a>\n<p class="txt-link02">https://youtu.be/{video}</p>\n'
            "</figcaption>\n</figure>\n</div>\n")


def story(site: Site, a: Article, body: Body) -> str:
    """Inner HTML of article.story-news."""
    out = [_byline(a)]
    if body.lines:
        tail = "(MORE)" if a.index % 3 == 0 else "(END)"
        lines = "<br/>".join(esc(line) for line in body.paragraphs)
        out.append(f"<p>{lines}<br/>{tail}</p>\n")
    else:
        by_after: dict[int, list[int]] = {}
        for i, p in enumerate(body.photos):
            by_after.setdefault(p.after, []).append(i)
        for i, para in enumerate(body.paragraphs):
            text = esc(para)
            if body.link and body.link[0] == i:
                _, phrase, target = body.link
                needle = " " + esc(phrase)
                text = text.replace(needle, '<span class="txt-hyper"><a href="' + target
                                    + '" target="_blank" title="Opening new web browser window">'
                                    + needle + "</a></span>", 1)
            out.append(f"<p> {text}</p>\n")
            for k in by_after.get(i, []):
                ph = body.photos[k]
                out.append(_photo(a, k, ph.src, ph.caption))
        if a.youtube:
            out.append(_youtube(a.youtube, a.title.split(") ", 1)[-1]))
        out.append(f"<p> {esc(a.email)}<br/>(END)</p>\n" if a.email else "<p>(END)</p>\n")
    if a.related:
        rel = [site.yonhap[r] for r in a.related]
        items = "".join(f'<li><a href="{x.path}">{esc(x.title)}</a></li>\n' for x in rel)
        out.append('<div class="related-group">\n<div class="related-zone rel">\n'
                   '<strong class="tit">Related Articles</strong>\n<div class="article-list">\n'
                   f'<ul id="moreArticleNews">\n{items}</ul>\n</div>\n</div>\n</div>\n')
    return "".join(out)


def _meta(site: Site, a: Article, body: Body) -> str:
    url = f"{REAL}/view/{a.site_article_id}"
    title = f"{a.title} | Yonhap News Agency"
    first = " ".join(([a.editor_note] if a.editor_note else [])
                     + body.paragraphs[:1] if not body.lines else body.paragraphs[:3])
    desc = attr(excerpt(first, 90) if len(first) > 90 else first)
    image = (f"https:{body.photos[0].src}" if body.photos else NO_PHOTO)
    t = attr(title)
    rows = [
        '<meta name="robots" content="max-image-preview:large, max-video-preview:0">',
        f'<link rel="canonical" id="canonical" href="{url}" />',
        f'<meta property="og:url" content="{url}" />',
        f'<meta name="twitter:url" content="{url}" />',
        f'<meta itemprop="url" content="{url}" />',
        '<meta property="og:type" content="article" />',
        '<meta property="og:site_name" content="Yonhap News Agency" />',
        '<meta property="og:locale" content="en" />',
        f'<meta property="og:title" content="{t}">', f'<meta name="title" content="{t}">',
        f'<meta name="twitter:title" content="{t}">', f'<meta itemprop="name" content="{t}">',
        f'<meta itemprop="headline" content="{t}" />',
        f'<meta property="og:description" content="{desc}" />',
        f'<meta name="description" content="{desc}" />',
        f'<meta property="og:image" content="{image}" />',
        f'<meta itemprop="thumbnailUrl" content="{image}" />',
        f'<meta property="yna:content_id" content="{a.site_article_id}">',
        f'<meta property="yna:mobile_url" content="https://m-en.yna.co.kr/view/{a.site_article_id}">',
        f'<meta property="article:section" content="{attr(a.section)}" />',
        f'<meta itemprop="genre" content="{attr(a.section)}" />',
        '<meta property="article:author" content="https://www.facebook.com/yonhapenglish" />',
        f'<meta property="article:author" content="{a.author_ko}" />',
        f'<meta name="author" content="{a.author_ko}" />',
        f'<meta itemprop="publisher" content="{a.author_ko}" />',
        f'<meta property="article:published_time" content="{iso_kst(a.published)}" />',
        f'<meta property="article:modified_time" content="{iso_kst(a.modified)}" />',
    ]
    rows += [f'<meta property="og:see_also" content="{REAL}/view/{x.site_article_id}" />'
             for x in (site.yonhap[r] for r in a.related)]
    rows.append(f'<link rel="alternate" media="only screen and (max-width: 640px)" '
                f'href="https://m-en.yna.co.kr/view/{a.site_article_id}" />')
    return "\n".join(rows) + "\n"


def _content_data(a: Article, body: Body) -> str:
    text = "\n".join("   " + p for p in body.paragraphs)[:600]
    data = {"CID": a.site_article_id, "TITLE": a.title, "BODY": text,
            "SECTION": f"{a.section_code};{a.section}", "SECTION_NAME": a.section,
            "KEYWORD": ";".join(a.tags), "DATETIME": f"{a.published:%Y%m%d%H%M%S}"}
    return ('<script id="contentJsonData">\n(function(){\n\tCONTENT_DATA = JSON.stringify('
            + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + ");\n})();\n</script>\n")


def _share(a: Article) -> str:
    url = f"{REAL}/view/{a.site_article_id}"
    t = attr(a.title)
    btns = "".join(f'<button type="button" class="share-btn {c}" data-snslink="{url}?input={c}" '
                   f'data-title="{t}"><span>{n}</span></button>\n' for c, n in C.SHARE_NAMES)
    return ('<div class="social-btns social-type02">\n<button type="button" class="btn-share mor">'
            f'<span>SHARE</span></button>\n<div class="sns-share">\n{btns}'
            f'<button type="button" class="share-btn copy" data-snslink="{url}" data-title="{t}">'
            '<span>Copy URL</span></button>\n</div>\n'
            f'<button type="button" class="btn-like" data-likeid="{a.site_article_id}">'
            '<span>LIKE</span></button>\n<button type="button" class="btn-save"><span>SAVE</span>'
            '</button>\n<button type="button" class="btn-print"><span>PRINT</span></button>\n'
            "</div>\n")


def _side_list(site: Site, a: Article, title: str, items: list[Article]) -> str:
    lis = "".join(f'<li>\n<article>\n<a href="{x.path}">\n<div class="txt-con01">\n'
                  f'<strong class="tit01">{esc(x.title)}</strong>\n</div>\n</a>\n</article>\n'
                  "</li>\n"
                  for x in items)
    return ('<section class="most-news-zone right-list-zone">\n<div class="section-tit">\n'
            f'<span class="tit">{title}</span>\n</div>\n<ul class="list-box02 number01">\n{lis}'
            "</ul>\n</section>\n")


def article_page(site: Site, a: Article) -> str:
    """The full /view/<ID> page."""
    body = site.body(a)
    near = site.neighbours(a, 10)
    tags = "".join(f'<span><a href="/search/index?query={attr(t.replace(" ", "+"))}&amp;lang=EN">'
                   f"#{esc(t)}</a></span>\n" for t in a.tags)
    return "".join([
        _head(f"{a.title} | Yonhap News Agency", _meta(site, a, body)), C.JSONLD, "</head>\n",
        f'<body class="page-view page-article page-headlines body-{a.site_article_id}" '
        'data-depth01="headlines">\n',
        f'<input type="hidden" id="cid" value="{a.site_article_id}"/>\n', _content_data(a, body),
        C.HEADER_TOP, f'<div class="page-view-title"><strong>{attr(a.title)}</strong></div>\n',
        C.HEADER_BOTTOM,
        '<div class="wrap-container">\n<div id="container" class="container">\n'
        '<section class="contents">\n<article class="story-view-zone article-view-zone">\n'
        '<header class="title-article01">\n'
        f'<h1 class="tit" data-cid="">{esc(a.title)}</h1>\n<div class="info-box">\n'
        '<div class="info-con">\n<span class="txt">\n<strong>\n<a href="/news">All News</a>\n'
        f"</strong>\n{yonhap_visible(a.published)}</span>\n</div>\n", _share(a),
        "</div>\n</header>\n",
        '<div class="view-body">\n<div class="sub-content">\n<article class="story-news">\n',
        story(site, a, body), "</article>\n", C.ADS,
        '<div class="keyword-zone01">\n<strong class="tit">Keywords</strong>\n<div class="list">\n',
        tags, "</div>\n</div>\n</div>\n", '<div class="right-area">\n',
        _side_list(site, a, "Most Liked", near[:5]), _side_list(site, a, "Most Viewed", near[5:10]),
        "</div>\n</div>\n</article>\n</section>\n</div>\n</div>\n", C.FOOTER,
    ])


def listing_page(site: Site, title: str, base: str, items: list[Article], page: int) -> str:
    """A section listing page: 20 items, newest first, path pagination."""
    chunk = items[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    lis = []
    for x in chunk:
        body = site.body(x)
        lead = excerpt(" ".join(body.paragraphs[:1]), 150)
        img = (f'<figure class="img-cover">\n<a href="{x.path}"><img src="{body.photos[0].src}" '
               f'alt="{attr(x.title)}"></a>\n</figure>\n' if body.photos else "")
        lis.append(f'<li>\n<article>\n{img}<div class="txt-con">\n<h2 class="tit"><a href="'
                   f'{x.path}">{esc(x.title)}</a></h2>\n<span class="lead">{esc(lead)}</span>\n'
                   f'<span class="txt-time">{yonhap_visible(x.published)}</span>\n</div>\n'
                   "</article>\n</li>\n")
    last = max(1, -(-len(items) // PAGE_SIZE))
    empty = "" if chunk else '<p class="no-data">There are no articles.</p>\n'
    return "".join([
        _head(f"{title} | Yonhap News Agency", f'<link rel="canonical" href="{REAL}{base}" />\n'),
        "</head>\n<body class=\"page-list\">\n", C.HEADER_TOP, C.HEADER_BOTTOM,
        '<div class="wrap-container">\n<div id="container" class="container">\n'
        '<section class="sub-section">\n<div class="sub-content">\n'
        f'<div class="section-tit"><h1 class="tit">{esc(title)}</h1></div>\n'
        f'<div class="smain-list-type01">\n<ul class="list">\n{"".join(lis)}</ul>\n</div>\n{empty}',
        _paging(base, page, last), "</div>\n</section>\n</div>\n</div>\n", C.FOOTER])


def _paging(base: str, page: int, last: int) -> str:
    first = (page - 1) // 10 * 10 + 1
    nums = []
    for n in range(first, min(last, first + 9) + 1):
        cls = ' class="on"' if n == page else ""
        nums.append(f'<a href="{base}/{n}"{cls}>{n}</a>')
    prev = f'<a href="{base}/{page - 1}" class="prev">PREV</a>' if page > 1 else ""
    nxt = f'<a href="{base}/{page + 1}" class="next">NEXT</a>' if page < last else ""
    return f'<div class="paging paging-type01">{prev}{"".join(nums)}{nxt}</div>\n'


def home_page(site: Site, feeds: list[str]) -> str:
    """/ and /index: newest headlines and links to sections and feeds."""
    latest = site.listing("yonhap", "")[:20]
    lis = "".join(f'<li><a href="{x.path}">{esc(x.title)}</a></li>\n' for x in latest)
    alt = "".join(f'<link rel="alternate" type="application/rss+xml" href="{f}" />\n'
                  for f in feeds)
    return "".join([_head("Yonhap News Agency", alt), "</head>\n<body class=\"page-main\">\n",
                    C.HEADER_TOP, C.HEADER_BOTTOM,
                    '<div class="wrap-container">\n<div id="container" class="container">\n'
                    '<section class="main-section"><div class="section-tit"><span class="tit">'
                    'Latest News</span></div>\n<ul class="list-box02">\n', lis,
                    "</ul>\n</section>\n</div>\n</div>\n", C.FOOTER])


def not_found_page() -> str:
    """The HTML body of a 404."""
    return "".join([_head("Page Not Found | Yonhap News Agency", ""),
                    "</head>\n<body class=\"page-error\">\n", C.HEADER_TOP, C.HEADER_BOTTOM,
                    '<div class="wrap-container"><div class="error-zone"><h1 class="tit">'
                    "The page you requested could not be found.</h1>\n"
                    '<p><a href="/news">All News</a></p></div></div>\n', C.FOOTER])
