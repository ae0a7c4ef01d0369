"""The weight of a modern news page on the Korea Herald replica (GUESSED: no full real Herald
page was available, see docs/replica.md).

Head metas, stylesheets and scripts of a page that runs ads, analytics and a consent manager; a
search layer and a site-map menu; a tools bar with share buttons and a font-size control;
boxes of other headlines with pictures (more from the section, editor's picks, latest news,
videos, opinion); a newsletter sign-up; a consent banner and a larger footer. Together about
60 KB and 900 elements per article page, as a real Yonhap page.

Everything here sits outside the article containers the Herald layouts know, and keeps clear
of the class names their parsers read or guess at (byline, writer, reporter, author,
journalist, date, sub-title, the listing containers), so it changes no extracted field.
Headline boxes link to other articles and appear on article pages only, never in the header
and footer that listing pages share, so discovery finds exactly what it found before.
"""

from __future__ import annotations

import json

from newscrawl.replica.htmlutil import attr, esc
from newscrawl.replica.kh_chrome import NAV
from newscrawl.replica.model import Article
from newscrawl.replica.site import Site

STATIC = "https://res.heraldm.com/koreaherald/www"
_CSS = ("reset", "common", "layout", "header", "footer", "article", "swiper", "popup", "font",
        "print", "responsive")
_JS = ("jquery.min", "jquery.cookie", "swiper.min", "lazyload", "common", "header", "article",
       "share", "font_size", "newsletter", "consent", "search")

HEAD = "".join([
    '<meta name="viewport" content="width=device-width, initial-scale=1.0, '
    'maximum-scale=2.0, user-scalable=yes" />\n',
    '<meta name="robots" content="index, follow, max-image-preview:large" />\n',
    '<meta property="og:site_name" content="The Korea Herald" />\n',
    '<meta property="og:locale" content="en_US" />\n',
    '<meta property="fb:app_id" content="000000000000000" />\n',
    '<meta property="fb:pages" content="000000000000001" />\n',
    '<meta name="twitter:card" content="summary_large_image" />\n',
    '<meta name="twitter:site" content="@TheKoreaHerald" />\n',
    '<meta name="google-site-verification" content="replica-site-verification-000000" />\n',
    '<meta name="naver-site-verification" content="replica0000000000000000000000000000" />\n',
    '<meta name="theme-color" content="#ffffff" />\n',
    '<meta name="apple-mobile-web-app-title" content="The Korea Herald" />\n',
    '<link rel="preconnect" href="https://res.heraldm.com" />\n',
    '<link rel="preconnect" href="https://wimg.heraldcorp.com" />\n',
    '<link rel="dns-prefetch" href="https://www.googletagmanager.com" />\n',
    '<link rel="dns-prefetch" href="https://securepubads.g.doubleclick.net" />\n',
    '<link rel="icon" type="image/png" sizes="32x32" href="/favicon-32x32.png" />\n',
    '<link rel="icon" type="image/png" sizes="16x16" href="/favicon-16x16.png" />\n',
    '<link rel="apple-touch-icon" sizes="180x180" href="/apple-touch-icon.png" />\n',
    '<link rel="manifest" href="/site.webmanifest" />\n',
    '<link rel="alternate" type="application/rss+xml" title="National" '
    'href="/rss/kh_National" />\n',
    *(f'<link rel="stylesheet" type="text/css" href="{STATIC}/css/{name}.css?v=20250110" />\n'
      for name in _CSS),
    *(f'<script type="text/javascript" src="{STATIC}/js/{name}.js?v=20250110" defer></script>\n'
      for name in _JS),
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-REPLICAKH0"></script>\n',
    "<script>\n  window.dataLayer = window.dataLayer || [];\n"
    "  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n"
    "  gtag('config', 'G-REPLICAKH0', { 'anonymize_ip': true });\n</script>\n",
    '<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>\n',
    '<script async src="https://consent.replica.invalid/cmp/loader.js"></script>\n',
])


def ad_script(a: Article | None) -> str:
    """The ad server's slot definitions, targeted at the page's section and article."""
    section = attr(a.section) if a else "home"
    ident = a.site_article_id if a else ""
    slots = [("top_728x90", "[[728, 90], [970, 90]]", "kh-ad-top"),
             ("right_300x250_1", "[300, 250]", "kh-ad-right1"),
             ("right_300x250_2", "[300, 250]", "kh-ad-right2"),
             ("right_300x600", "[[300, 600], [300, 250]]", "kh-ad-right3"),
             ("middle_728x90", "[728, 90]", "kh-ad-middle"),
             ("bottom_970x250", "[[970, 250], [728, 90]]", "kh-ad-bottom")]
    lines = "".join(f"    googletag.defineSlot('/0000000/koreaherald/{name}', {size}, '{div}')"
                    ".addService(googletag.pubads());\n" for name, size, div in slots)
    return ("<script>\n  window.googletag = window.googletag || {cmd: []};\n"
            "  googletag.cmd.push(function() {\n" + lines
            + f"    googletag.pubads().setTargeting('section', '{section}');\n"
            f"    googletag.pubads().setTargeting('article', '{ident}');\n"
            "    googletag.pubads().enableSingleRequest();\n"
            "    googletag.pubads().collapseEmptyDivs();\n    googletag.enableServices();\n"
            "  });\n</script>\n")


def ad_slot(div: str, width: int, height: int) -> str:
    return (f'<div class="ad-slot ad-{width}x{height}" id="{div}" '
            f'style="min-width:{width}px;min-height:{height}px;">\n<span class="ad-label">'
            "AD</span>\n<script>googletag.cmd.push(function() { googletag.display('"
            f"{div}'); }});</script>\n</div>\n")


def _sitemap() -> str:
    cols = "".join(
        f'<div class="sitemap-col">\n<strong class="sitemap-head"><a href="/list.php?ct={ct}">'
        f"{esc(name)}</a></strong>\n<ul>\n"
        + "".join(f'<li><a href="/list.php?ct={c}">{esc(n)}</a></li>\n' for n, c in subs)
        + "</ul>\n</div>\n" for name, ct, subs in NAV)
    return ('<div class="sitemap-layer" id="allMenu" aria-hidden="true">\n'
            '<div class="sitemap-inner">\n<button type="button" class="btn-close-layer">'
            f'<span>Close menu</span></button>\n{cols}<div class="sitemap-service">\n'
            '<a href="/subscribe/index.php">Subscribe</a>\n<a href="/newsletter/index.php">'
            'Newsletters</a>\n<a href="/podcast/index.php">Podcasts</a>\n'
            '<a href="/archive/index.php">Archive</a>\n</div>\n</div>\n</div>\n')


_HOT_TOPICS = ("North Korea", "Economy", "K-pop", "Semiconductors", "Weather", "Baseball",
               "Housing", "Tourism")

SEARCH = ('<div class="search-layer" id="searchLayer" aria-hidden="true">\n'
          '<form action="/search/index.php" method="get" class="search-form">\n'
          '<label for="kh-search-q" class="blind">Search</label>\n'
          '<input type="text" id="kh-search-q" name="q" placeholder="Search The Korea Herald" '
          'autocomplete="off" />\n<button type="submit" class="btn-search"><span>Search</span>'
          '</button>\n<button type="button" class="btn-close-layer"><span>Close</span></button>\n'
          '</form>\n<div class="hot-topics">\n<strong>Trending</strong>\n<ul>\n'
          + "".join(f'<li><a href="/search/index.php?q={t.replace(" ", "+")}">#{esc(t)}</a></li>\n'
                    for t in _HOT_TOPICS)
          + "</ul>\n</div>\n</div>\n")

TOP_BAR = ('<div class="util-bar">\n<div class="util-inner">\n'
           '<button type="button" class="btn-menu" aria-controls="allMenu"><span>Menu</span>'
           '</button>\n<button type="button" class="btn-open-search" aria-controls="searchLayer">'
           '<span>Search</span></button>\n<ul class="util-links">\n'
           '<li><a href="/newsletter/index.php">Newsletter</a></li>\n'
           '<li><a href="/subscribe/index.php">Subscribe</a></li>\n'
           '<li><a href="/member/login.php">Sign in</a></li>\n'
           '<li><a href="/member/join.php">Register</a></li>\n</ul>\n<ul class="util-sns">\n'
           '<li><a href="https://www.facebook.com/koreaherald" target="_blank" rel="noopener">'
           "Facebook</a></li>\n"
           '<li><a href="https://x.com/TheKoreaHerald" target="_blank" rel="noopener">X</a></li>\n'
           '<li><a href="https://www.instagram.com/thekoreaherald" target="_blank" '
           'rel="noopener">Instagram</a></li>\n'
           '<li><a href="https://www.youtube.com/@koreaherald" target="_blank" rel="noopener">'
           "YouTube</a></li>\n</ul>\n</div>\n</div>\n" + ad_slot("kh-ad-top", 728, 90))

HEADER_EXTRA = TOP_BAR + _sitemap() + SEARCH

_SHARE = (("facebook", "Facebook"), ("x", "X"), ("linkedin", "LinkedIn"), ("reddit", "Reddit"),
          ("kakao", "KakaoTalk"), ("line", "Line"), ("email", "E-mail"), ("copy", "Copy link"))


def tools(a: Article) -> str:
    """Share buttons, print and the font-size control (outside the article container)."""
    url = attr(a.canonical_url)
    btns = "".join(f'<li><button type="button" class="share-{k}" data-url="{url}" '
                   f'data-title="{attr(a.title)}"><span>{n}</span></button></li>\n'
                   for k, n in _SHARE)
    sizes = "".join(f'<li><input type="radio" name="kh-font" id="kh-font{n}" value="{n}"'
                    f'{" checked" if n == 3 else ""} /><label for="kh-font{n}" '
                    f'class="font-step{n}">Aa</label></li>\n' for n in range(1, 6))
    return ('<div class="view-tools">\n<div class="share-layer">\n<button type="button" '
            'class="btn-share-open"><span>Share</span></button>\n'
            f'<ul class="share-list">\n{btns}</ul>\n<p class="copy-done" hidden>Link copied'
            '</p>\n</div>\n<button type="button" class="btn-print"><span>Print</span>'
            '</button>\n<div class="font-layer">\n<button type="button" class="btn-font-open">'
            f'<span>Font size</span></button>\n<ul class="font-list">\n{sizes}</ul>\n</div>\n'
            "</div>\n")


def _thumb_item(site: Site, x: Article, cls: str) -> str:
    return site.snippet(("kh-card", x.index, cls), lambda: _make_thumb_item(site, x, cls))


def _text_item(site: Site, x: Article, with_section: bool) -> str:
    section = f'<span class="section-name">{esc(x.section)}</span>\n' if with_section else ""
    return site.snippet(("kh-text", x.index, with_section), lambda: (
        f'<li>\n<a href="{x.path}">\n<p class="headline">{esc(x.title)}</p>\n{section}'
        "</a>\n</li>\n"))


def _make_thumb_item(site: Site, x: Article, cls: str) -> str:
    t = esc(x.title)
    return (f'<li class="{cls}">\n<a href="{x.path}">\n<div class="thumb">\n'
            f'<img src="{site.image_src(x, 0)}" alt="{attr(x.title)}" loading="lazy" '
            f'width="320" height="180" />\n</div>\n<div class="txt">\n'
            f'<p class="headline">{t}</p>\n<span class="section-name">{esc(x.section)}'
            "</span>\n</div>\n</a>\n</li>\n")


def _box(title: str, cls: str, body: str, more: str = "") -> str:
    link = f'<a href="{more}" class="btn-more">More</a>\n' if more else ""
    return (f'<section class="section-box {cls}">\n<div class="box-head">\n'
            f'<h3 class="box-title">{title}</h3>\n{link}</div>\n{body}</section>\n')


def more_boxes(site: Site, a: Article) -> str:
    """Boxes of other headlines under the story: the section, editor's picks, latest, video,
    opinion; with a newsletter sign-up and ad slots between them."""
    near = site.around(a, 51)
    section = "".join(_thumb_item(site, x, "card") for x in near[:6])
    picks = "".join(_thumb_item(site, x, "card") for x in near[6:12])
    trending = "".join(_thumb_item(site, x, "card") for x in near[12:18])
    photos = "".join(_thumb_item(site, x, "photo-card") for x in near[18:24])
    latest = "".join(_text_item(site, x, True) for x in near[24:36])
    videos = "".join(site.snippet(("kh-video", x.index), lambda x=x: (
        f'<li class="video-card">\n<a href="{x.path}">\n<div class="thumb">\n'
        f'<img src="{site.image_src(x, 1)}" alt="" loading="lazy" />\n'
        '<span class="play-icon">Play</span>\n</div>\n'
        f'<p class="headline">{esc(x.title)}</p>\n</a>\n</li>\n')) for x in near[36:40])
    opinion = "".join(_text_item(site, x, False) for x in near[40:47])
    return "".join([
        '<div class="view-more-area">\n',
        _box(f"More from {esc(a.section)}", "more-section",
             f'<ul class="card-list">\n{section}</ul>\n'),
        ad_slot("kh-ad-middle", 728, 90),
        _box("Editor&#39;s Picks", "editors-picks", f'<ul class="card-list">\n{picks}</ul>\n'),
        NEWSLETTER,
        _box("Trending", "trending-box", f'<ul class="card-list">\n{trending}</ul>\n'),
        _box("In Photos", "photo-box", f'<ul class="card-list">\n{photos}</ul>\n',
             "/photo/index.php"),
        _box("Latest News", "latest-box", f'<ol class="rank-list">\n{latest}</ol>\n',
             "/list.php?ct=020100000000"),
        ad_slot("kh-ad-right1", 300, 250),
        _box("Video", "video-box", f'<ul class="video-list">\n{videos}</ul>\n',
             "/video/index.php"),
        _box("Opinion", "opinion-box", f'<ul class="text-list">\n{opinion}</ul>\n',
             "/list.php?ct=020600000000"),
        ad_slot("kh-ad-right2", 300, 250), ad_slot("kh-ad-right3", 300, 600),
        ad_slot("kh-ad-bottom", 970, 250), "</div>\n", _recommend_data(site, a, near),
    ])


def _recommend_data(site: Site, a: Article, near: list[Article]) -> str:
    """The recommendation widget's data, embedded as modern pages embed their state."""
    items = ",".join(
        site.snippet(("kh-data", x.index), lambda x=x: _json({
            "id": x.site_article_id, "url": f"https://www.koreaherald.com{x.path}",
            "title": x.title, "section": x.section, "image": site.image_src(x, 0)})[:-1])
        + f',"rank":{k}}}' for k, x in enumerate(near, 1))
    text = (f'{{"article":{_json(a.site_article_id)},"section":{_json(a.section)},'
            f'"items":[{items}]}}')
    return f'<script id="recommendData" type="application/json">{text}</script>\n'


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


NEWSLETTER = ('<div class="newsletter-box">\n<form action="/newsletter/subscribe.php" '
              'method="post" class="newsletter-form">\n<p class="newsletter-head">'
              "The morning briefing</p>\n<p class=\"newsletter-desc\">The day's top stories "
              "from Korea in your inbox before 7 a.m.</p>\n"
              '<label for="kh-nl-mail" class="blind">E-mail address</label>\n'
              '<input type="email" id="kh-nl-mail" name="email" placeholder="Your e-mail" />\n'
              '<label class="agree"><input type="checkbox" name="agree" value="1" /> I agree to '
              "receive the newsletter.</label>\n"
              '<button type="submit" class="btn-newsletter"><span>Sign up</span></button>\n'
              "</form>\n</div>\n")


def _footer_map() -> str:
    return "".join(
        f'<dl class="footer-col">\n<dt><a href="/list.php?ct={ct}">{esc(name)}</a></dt>\n'
        + "".join(f'<dd><a href="/list.php?ct={c}">{esc(n)}</a></dd>\n' for n, c in subs)
        + "</dl>\n" for name, ct, subs in NAV)


_FAMILY = ("The Herald Business", "The Junior Herald", "The Herald Shop", "Herald Design",
           "Herald Edu", "Herald Event", "Herald Pop", "Herald Studio")

FOOTER_EXTRA = ('<div class="footer-map">\n' + _footer_map() + "</div>\n"
                '<div class="footer-family">\n<label for="kh-family" class="blind">Family sites'
                '</label>\n<select id="kh-family" name="family">\n<option value="">Family sites'
                "</option>\n"
                + "".join(f'<option value="{k}">{esc(n)}</option>\n'
                          for k, n in enumerate(_FAMILY, 1))
                + "</select>\n</div>\n"
                '<div class="footer-apps">\n<a href="/app/ios.php" class="app-ios">App Store</a>'
                '\n<a href="/app/android.php" class="app-android">Google Play</a>\n</div>\n'
                '<div class="consent-banner" id="consentBanner" hidden>\n<p>We use cookies to '
                "keep you signed in, count visits and show ads. You can change this at any time "
                'in the privacy settings.</p>\n<button type="button" class="btn-accept">Accept'
                '</button>\n<button type="button" class="btn-settings">Settings</button>\n'
                "</div>\n")
