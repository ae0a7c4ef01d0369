"""Renders Yonhap English pages (2023 design): articles, section listings, home and 404."""

from __future__ import annotations

import json

from newscrawl.replica import yonhap_chrome as C
from newscrawl.replica import yonhap_widgets as W
from newscrawl.replica.htmlutil import attr, esc, excerpt
from newscrawl.replica.model import Article, Body
from newscrawl.replica.site import Site
from newscrawl.replica.timefmt import iso_kst, yonhap_visible

REAL = "https://en.yna.co.kr"
PAGE_SIZE = 20
NO_PHOTO = "https://r.yna.co.kr/global/home/v01/img/yonhapnews_logo_600x325_en03.jpg"


_DOC = ('<!doctype html>\n<html lang="en" class="en">\n<head itemscope>\n'
        '<meta charset="utf-8">\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0, '
        'maximum-scale=1.0, minimum-scale=1.0, user-scalable=no">\n')


def _head(title: str, extra: str) -> str:
    return f"{_DOC}{extra}<title>{attr(title)}</title>\n{C.CSS_JS}"


def _byline(a: Article) -> str:
    parts = []
    if a.editor_note:
        parts.append(esc(a.editor_note))
    if a.authors:
        parts.append("By " + esc(" and ".join(a.authors)))
    return f"<p>{'<br/>'.join(parts)}</p>\n" if parts else ""


def _photo(a: Article, i: int, src: str, caption: str) -> str:
    """A photo group; as on the real pages `img@alt` holds the caption, and a captionless file
    picture has "<headline> - N" there and an empty `p.txt-desc`."""
    name = src.rsplit("/", 1)[-1].replace("_P4", "_P2")
    alt = attr(caption) if caption else f"{attr(a.title)} - {i + 1}"
    return (f'<div class="comp-box photo-group">\n<figure class="image-zone" '
            f'data-mapping-filename="{name}">\n<div class="img-con">\n<span class="img">'
            f'<img src="{src}" alt="{alt}"></span>\n</div>\n'
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
            # a paragraph a photo follows ends in <br/> (not the last one), as on the real pages
            br = "<br/>" if by_after.get(i) and i < len(body.paragraphs) - 1 else ""
            out.append(f"<p> {text}{br}</p>\n")
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
    """The head between the viewport and the stylesheets, in the real pages' order."""
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
        '<meta name="resource-type" content="article" />',
        '<meta name="copyright" content="Yonhapnews" />',
        '<meta property="og:site_name" content="Yonhap News Agency" />',
        '<meta name="twitter:site" content="@YonhapNews" />',
        '<meta property="article:publisher" content="https://www.facebook.com/yonhapenglish" />',
        '<meta name="twitter:creator" content="@YonhapNews" />',
        '<meta property="og:locale" content="en" />',
        '<meta itemprop="inLanguage" content="en" />',
        f"<title>{t}</title>",
        f'<meta property="og:title" content="{t}">', f'<meta name="title" content="{t}">',
        f'<meta name="twitter:title" content="{t}">', f'<meta itemprop="name" content="{t}">',
        f'<meta itemprop="headline" content="{t}" />',
        f'<meta property="og:description" content="{desc}" />',
        f'<meta name="description" content="{desc}" />',
        f'<meta name="twitter:description" content="{desc}" />',
        f'<meta itemprop="description" content="{desc}" />',
        '<meta name="twitter:card" content="summary_large_image" />',
        f'<meta name="twitter:image" content="{image}">',
        f'<meta property="og:image" content="{image}" />',
        '<meta property="og:image:width" content="1024" />',
        '<meta property="og:image:height" content="576" />',
        f'<meta name="image" content="{image}" />',
        f'<meta itemprop="image" content="{image}" />',
        f'<meta itemprop="thumbnailUrl" content="{image}" />',
        f'<link rel="image_src" href="{image}" />',
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
    """The story's data for the page's scripts: the first 1,000 characters of the text."""
    lead = ["By " + " and ".join(a.authors)] if a.authors else []
    text = attr("\n".join([*lead, *("   " + p for p in body.paragraphs)])[:1000])
    image = body.photos[0].src.split(".yna.co.kr", 1)[-1].replace("_P4.", "_P2.") \
        if body.photos else ""
    data = {"CID": a.site_article_id, "TITLE": a.title, "BODY": text, "IMG": image,
            "LINK_PHOTO_PATH": "", "SECTION": f"{a.section_code};{a.section}",
            "SECTION_NAME": a.section, "KEYWORD": ";".join(a.tags),
            "DATETIME": f"{a.published:%Y%m%d%H%M%S}", "REGIST_DATETIME": ""}
    rows = ",\n".join(f"\t\t{json.dumps(k)}:{json.dumps(v, ensure_ascii=False)}"
                      for k, v in data.items()).replace("</", "<\\/")
    return ('<script id="contentJsonData">\n(function(){\n\tCONTENT_DATA = JSON.stringify({\n'
            + rows + "\n\t});\n})();\n</script>\n")


def _keywords(a: Article) -> str:
    return "".join(f'<span><a href="/search/index?query={attr(t.replace(" ", "+"))}&amp;lang=EN">'
                   f"#{esc(t)}</a></span>\n" for t in a.tags)


def article_page(site: Site, a: Article) -> str:
    """The full /view/<ID> page: the story inside the real pages' chrome."""
    body = site.body(a)
    tags = _keywords(a)
    return "".join([
        _DOC, _meta(site, a, body), C.CSS_JS, C.JSONLD, C.HEAD_END, "</head>\n",
        f'<body class="page-view page-article page-headlines body-{a.site_article_id}" '
        'data-depth01="headlines">\n',
        f'<input type="hidden" id="cid" value="{a.site_article_id}"/>\n', _content_data(a, body),
        '<input type="hidden" id="requestSection" value=""/>\n'
        '<input type="hidden" id="section" name="section" value="headlines">\n',
        C.header_top(tags), f'<div class="page-view-title"><strong>{attr(a.title)}</strong>'
        "</div>\n", C.HEADER_BOTTOM, W.slide_data(site, a),
        '<div class="wrap-container" data-test-hpurgency="2">\n'
        '<div id="container" class="container">\n', W.top_banner(),
        '<section class="contents">\n<article class="story-view-zone article-view-zone">\n',
        W.share_flying(a), '<header class="title-article01">\n'
        f'<h1 class="tit" data-cid="">{esc(a.title)}</h1>\n<div class="info-box">\n'
        '<div class="info-con">\n<span class="txt">\n<strong>\n<a href="/news">All News</a>\n'
        f"</strong>\n{yonhap_visible(a.published)}</span>\n</div>\n", W.social_buttons(a),
        "</div>\n</header>\n",
        '<div class="view-body">\n<div class="sub-content">\n<article class="story-news">\n',
        story(site, a, body), "</article>\n", W.ADS,
        '<div class="keyword-zone01">\n<strong class="tit">Keywords</strong>\n<div class="list">\n',
        tags, "</div>\n</div>\n", W.TABOOLA, "</div>\n", W.right_area(site, a), "</div>\n",
        W.prev_next(site, a), "</article>\n</section>\n", W.right_now(site, a), W.PATH,
        "</div>\n</div>\n", C.FOOTER_NAV, C.FEEDBACK, C.site_data("/news", "All News", "view"),
        C.FOOTER_END,
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
