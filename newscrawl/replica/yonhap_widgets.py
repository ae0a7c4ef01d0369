"""The per-article chrome of a Yonhap article page (2023 design), outside `article.story-news`:
share bars, the font-size control, ad slots, the recommendation widget's slots, the right-hand
lists, previous/next arrows, the "right now" box and the headline ticker's data.

This is what makes a real page weigh about 60 KB while its story is 2-10 KB; the element
structure follows the saved 2023 pages, the boxes are filled with the replica's own headlines
(the articles published just before this one), every on-site link is relative.
"""

from __future__ import annotations

import json

from newscrawl.replica.htmlutil import attr
from newscrawl.replica.model import Article
from newscrawl.replica.site import Site
from newscrawl.replica.yonhap_chrome import SHARE_NAMES

REAL = "https://en.yna.co.kr"
SLIDES = 29  # headlines in the ticker's data, as on the real pages
EDIT_SLIDES = 7  # of which the editors' picks


def thumb(site: Site, x: Article, size: str = "T2") -> str:
    """An article's picture in another size (`_P4` is the story size): its first photo, or its
    desk's file photo."""
    src = site.image_src(x, 0) if x.photo_count else site.file_photo_src(x)
    return src.replace("_P4.", f"_{size}.")


def _button(cls: str, url: str, title: str, label: str, multiline: bool = False) -> str:
    sep = "\n" if multiline else ""
    return (f'<button type="button" class="{cls}" data-snslink="{url}" data-title="{title}">'
            f"{sep}<span>{label}</span>{sep}</button>\n")


def share_flying(a: Article) -> str:
    """The share bar that floats beside the story."""
    url = f"{REAL}/view/{a.site_article_id}"
    t = attr(a.title)
    more = "".join(_button(f"share-btn {c}", f"{url}?input={c}", t, n) for c, n in SHARE_NAMES[2:])
    return ('<div class="sns-flying dis-opacity">\n<div class="sns-share02 social-type02">\n'
            + "".join(_button(f"share-btn02 {c}", f"{url}?input={c}", t, n)
                      for c, n in SHARE_NAMES[:2])
            + '<div class="more-box">\n<button type="button" class="share-btn02 mor">'
            f'<span>More</span></button>\n<div class="sns-share">\n{more}</div>\n</div>\n'
            f'<div class="more-box">\n<button type="button" class="share-btn02 copy" '
            f'data-snslink="{url}"><span>Copy URL</span></button>\n'
            '<div class="share-copy dis-none">\n<p>The link has been copied.</p>\n'
            '<button type="button" class="btn-g">OK</button>\n</div>\n</div>\n</div>\n</div>\n')


def _font_sizes() -> str:
    checked = {1: ' checked="checked"'}
    items = "".join(
        f'<li>\n<input type="radio" id="fontSize0{n}" name="inpFont" value="font-size0{n}" '
        f'class="inp-radio"{checked.get(n, "")}>\n'
        f'<label for="fontSize0{n}" class="inp-label font-size0{n}">\n'
        '<span class="ico-check"></span>\nAa Bb Cc\n</label>\n</li>\n' for n in range(1, 6))
    return ('<div class="fontsize-box">\n<button type="button" class="btn-fontsize">\n'
            f'<span>FONT SIZE</span>\n</button>\n<div class="layer-font">\n<ul>\n{items}</ul>\n'
            "</div>\n</div>\n")


def social_buttons(a: Article) -> str:
    """The header's share, like, save, print and font-size buttons."""
    url = f"{REAL}/view/{a.site_article_id}"
    t = attr(a.title)
    btns = "".join(_button(f"share-btn {c}", f"{url}?input={c}", t, n, True)
                   for c, n in SHARE_NAMES)
    return ('<div class="social-btns social-type02">\n<button type="button" class="btn-share mor">'
            f'\n<span>SHARE</span>\n</button>\n<div class="sns-share">\n{btns}'
            + _button("share-btn copy", url, t, "Copy URL", True)
            + '</div>\n<div class="share-copy">\nThe link has been copied.\n</div>\n'
            f'<button type="button" class="btn-like" data-likeid="{a.site_article_id}">\n'
            '<span>LIKE</span>\n</button>\n<button type="button" class="btn-save">\n'
            '<span>SAVE</span>\n</button>\n<button type="button" class="btn-print">\n'
            "<span>PRINT</span>\n</button>\n" + _font_sizes() + "</div>\n")


def slide_data(site: Site, a: Article) -> str:
    """The headline ticker's data: the newest headlines with picture, section and ID."""
    items = []
    for n, x in enumerate(site.around(a, SLIDES), 1):
        img = site.snippet(("y-slide-img", x.index), lambda x=x: (
            f'"IMG":{_js(thumb(site, x, "T").split(".yna.co.kr", 1)[-1])}'))
        rest = site.snippet(("y-slide", x.index), lambda x=x: (
            f'"SECTION_CODE":{_js(x.section_code)},"TITLE":{_js(x.title)},'
            f'"CID":{_js(x.site_article_id)}'))
        kind = "edit" if n <= EDIT_SLIDES else "section"
        items.append(f'{{"DIV":"{kind}",{img},"NUM":{n},{rest}}}')
    api = _js("slides?lang=EN&id=4,7,5,8&count=100&dbefore=48&sbefore=24"
               "&section=national,nk,economy,market,culture,sports")
    text = (f'{{"_CREATE":"{a.published:%Y%m%d %H:%M:%S}.000","DATA":[{",".join(items)}],'
            f'"_API":{api},"API":{api}}}')
    return f"<script>\n\t(function(){{\n\t\tARTICLE_SLIDE_DATA = {text}\n\t}})();\n</script>\n"


def _js(value: object) -> str:
    """A JSON value as the site's scripts print it: slashes escaped, no raw `<`."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("/", "\\/").replace("<", "\\u003c")


def top_banner() -> str:
    return ('<aside class="aside-top-bnr">\n<div class="con ads-top01"><script async '
            'src="//ad.replica.invalid/ads/adstream_sx.ads/en.yna.co.kr/main@Top?ads-top01">'
            "</script></div>\n</aside>\n")


def _ad(cls: str, slot: str, size: int = 300) -> str:
    return (f'<aside class="{cls}">\n<script async '
            'src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>\n'
            f'<ins class="adsbygoogle"\nstyle="display:inline-block;width:{size}px;height:250px"\n'
            f'data-ad-client="ca-pub-0000000000000000"\ndata-ad-slot="{slot}"></ins>\n'
            "<script>\n\t\t(adsbygoogle = window.adsbygoogle || []).push({});\n\t</script>\n"
            "</aside>\n")


ADS = '<div class="aside-box01">\n' + _ad("bnr01", "1000000001") + _ad(
    "bnr02", "1000000002") + "</div>\n"


def _taboola_slot(mode: str, container: str, placement: str) -> str:
    return (f'<div id="{container}"></div>\n<script type="text/javascript">\n'
            "  window._taboola = window._taboola || [];\n  _taboola.push({\n"
            f"    mode: '{mode}',\n    container: '{container}',\n"
            f"    placement: '{placement}',\n    target_type: 'mix'\n  }});\n</script>\n")


TABOOLA = (_taboola_slot("organic-thumbnails-a", "taboola-below-article-thumbnails",
                         "Below Article Thumbnails")
           + _taboola_slot("thumbnails-a", "taboola-below-article-thumbnails-2nd",
                           "Below Article Thumbnails 2nd")
           + '<script type="text/javascript">\n  window._taboola = window._taboola || [];\n'
           "  _taboola.push({flush: true});\n</script>\n")


def _list_item(site: Site, x: Article, photo_box: bool = False) -> str:
    return site.snippet(("y-item", x.index, photo_box), lambda: _make_item(site, x, photo_box))


def _make_item(site: Site, x: Article, photo_box: bool) -> str:
    t = attr(x.title)
    txt = f'<div class="txt-con01">\n<strong class="tit01">{t}</strong>\n</div>\n'
    if photo_box:
        return (f'<li>\n<article>\n<a href="{x.path}">\n{txt}'
                f'<figure class="img-con img-cover">\n<img src="{thumb(site, x, "P2")}" '
                f'alt="{t}" class="col-w">\n</figure>\n</a>\n</article>\n</li>\n')
    return (f'<li>\n<article>\n<a href="{x.path}">\n<figure class="img-cover">\n'
            f'<img src="{thumb(site, x)}" alt="{t}">\n</figure>\n{txt}</a>\n</article>\n</li>\n')


def right_area(site: Site, a: Article) -> str:
    """Banner, issue keywords (empty, as served), Most Liked, Most Saved, Most Viewed, Most
    Viewed Photos."""
    near = site.around(a, 19)
    lists = "".join(
        '<section class="most-news-zone right-list-zone">\n<div class="section-tit">\n'
        f'<span class="tit">{name}</span>\n</div>\n<ul class="list-box02 number01">\n'
        + "".join(_list_item(site, x) for x in near[k:k + 5]) + "</ul>\n</section>\n"
        for k, name in ((0, "Most Liked"), (5, "Most Saved")))
    viewed = "".join(_list_item(site, x) for x in near[10:15])
    photos = "".join(_list_item(site, x, True) for x in near[15:19])
    return ('<div class="right-area">\n' + _ad("right-bnr", "1000000003", 250)
            + '<section class="keyword-zone right-list-zone">\n<div class="section-tit">\n'
            '<span class="tit">Issue Keywords</span>\n</div>\n<div class="keyword">\n</div>\n'
            '<ul class="list-box01">\n</ul>\n</section>\n' + lists
            + '<section class="most-news-zone right-list-zone">\n<div class="section-tit">\n'
            '<span class="tit"><a href="/mostviewed/index">Most Viewed</a></span>\n'
            '<span class="desc"><a href="/mostviewed/index">All Categories</a></span>\n</div>\n'
            f'<ul class="list-box02 number01">\n{viewed}</ul>\n'
            '<span class="btn-more"><a href="/mostviewed/index"><span>Most Viewed More</span>'
            "</a></span>\n</section>\n"
            '<section class="most-photo-zone right-list-zone">\n<div class="section-tit">\n'
            '<span class="tit"><a href="/image/index">Most Viewed Photos</a></span>\n</div>\n'
            f'<ul class="photo-box01">\n{photos}</ul>\n</section>\n</div>\n')


def prev_next(site: Site, a: Article) -> str:
    """The arrows to the previous and the next story."""
    near = site.around(a, 2)
    out = []
    for x, side, cls, label, pos in ((near[0], "prev", "btn-a-prev", "prev", "left-270"),
                                     (near[-1], "next", "btn-a-next", "Next", "right-270")):
        t = attr(x.title)
        out.append(f'<div class="{cls} dis-opacity">\n<button type="button" class="btn-arrow '
                   f'{side}"><span>{label}</span></button>\n<article>\n'
                   f'<a href="{x.path}" class="a-thumb-link {pos}">\n<figure class="img-thumb">\n'
                   f'<img src="{thumb(site, x, "P4")}" alt="{t}">\n</figure>\n'
                   f'<h2 class="tit">{t}</h2>\n</a>\n</article>\n</div>\n')
    return "".join(out)


def right_now(site: Site, a: Article) -> str:
    """The "right now" box under the story: two pictured headlines and four more."""
    near = site.around(a, 6)
    boxes = "".join(site.snippet(("y-now", x.index), lambda x=x: (
        f'<div class="box-type">\n<article>\n<figure class="img-con img-cover">\n'
        f'<a href="{x.path}?section={x.section_code}">\n<img src="{thumb(site, x, "P2")}" '
        f'alt="{attr(x.title)}">\n</a>\n</figure>\n<div class="txt-con">\n<h4 class="tit">\n'
        f'<a href="{x.path}?section={x.section_code}">{attr(x.title)}</a>\n</h4>\n</div>\n'
        "</article>\n</div>\n")) for x in near[:2])
    lis = "".join(site.snippet(("y-now-li", x.index), lambda x=x: (
        f'<li>\n<a href="{x.path}?section={x.section_code}">{attr(x.title)}</a>\n</li>\n'))
        for x in near[2:6])
    return ('<div class="sub-section-wrap bg-area02">\n<section class="sub-section01 '
            'main-rightnow">\n<div class="section-tit">\n<span class="tit">\n'
            '<a href="/mostviewed/index">\nRight Now\n</a>\n</span>\n</div>\n'
            f'<div class="main-rightnow-list">\n{boxes}<div class="list-type04">\n<ul>\n{lis}'
            "</ul>\n</div>\n</div>\n</section>\n</div>\n")


PATH = ('<div class="path">\n<div class="con">\n<span class="home"><a href="/index">HOME</a>'
        '</span>\n<strong class="current"><a href="/news">All News</a></strong>\n</div>\n</div>\n')
