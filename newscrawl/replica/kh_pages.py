"""Renders Korea Herald pages in the three layout eras (B, C, D), listings, home and 404."""

from __future__ import annotations

import json

from newscrawl.replica import kh_chrome as C
from newscrawl.replica import kh_widgets as W
from newscrawl.replica.htmlutil import attr, esc, excerpt
from newscrawl.replica.model import Article, Body
from newscrawl.replica.site import Site
from newscrawl.replica.timefmt import KST, ap_date, kh_stamp

REAL = "https://www.koreaherald.com"
D_PAGE_SIZE = 20
BC_PAGE_SIZE = 15
GAP = "&nbsp;" * 7
# The footer with the site map, family sites and the consent banner at its top.
FOOTER = C.FOOTER.replace('<div class="footer">\n', '<div class="footer">\n' + W.FOOTER_EXTRA, 1)


def _header(era: str, active: str = "") -> str:
    """The era's header, then the menu, search and tool layers of a modern page."""
    return C.header(era, active) + W.HEADER_EXTRA


def _byline_link(name: str) -> str:
    q = attr(name.replace(" ", "+"))
    return f'<a href="/search/list_name.php?byline={q}">By {esc(name)}</a>'


def _byline_text(a: Article) -> str:
    return "By " + " and ".join(a.authors)


def _head(title: str, extra: str) -> str:
    return ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html lang="en">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
            f"<title>{esc(title)}</title>\n{extra}{C.HEAD_COMMON}{W.HEAD}</head>\n<body>\n")


def _og(a: Article, body: Body, canonical: str) -> str:
    image = body.photos[0].src if body.photos else "https://res.heraldm.com/koreaherald/sns.png"
    desc = attr(excerpt(body.paragraphs[0], 150))
    return (f'<meta property="og:title" content="{attr(a.title)} - The Korea Herald"/>\n'
            '<meta property="og:type" content="article"/>\n'
            f'<meta property="og:url" content="{canonical}"/>\n'
            f'<meta property="og:image" content="{image}"/>\n'
            f'<meta property="og:description" content="{desc}"/>\n'
            f'<meta name="description" content="{desc}"/>\n'
            f'<link rel="canonical" href="{canonical}" />\n')


def _popular(site: Site, a: Article) -> tuple[list[Article], list[Article]]:
    near = site.neighbours(a, 10)
    return near[5:10] or near[:5], near[:5]


def _stamps(a: Article) -> str:
    return f"Published : {kh_stamp(a.published)}{GAP}Updated : {kh_stamp(a.modified)}"


def article_page(site: Site, a: Article) -> str:
    """An article page in the layout of its era."""
    body = site.body(a)
    if a.era == "B":
        return _era_b(site, a, body)
    if a.era == "C":
        return _era_c(site, a, body)
    return _era_d(site, a, body)


def _era_b(site: Site, a: Article, body: Body) -> str:
    canonical = f"{REAL}/view.php?ud={a.ud}"
    by_after = _photos_after(body)
    parts = []
    for i, para in enumerate(body.paragraphs):
        parts.append(esc(para))
        for ph in by_after.get(i, []):
            parts.append('<table class="view_con_img" align="center"><tbody><tr><td>'
                         f'<img src="{ph.src}" alt="" /></td></tr><tr>'
                         f'<td class="view_con_caption">{esc(ph.caption)}'
                         '<div class="view_con_t"></td></tr></tbody></table>')
    text = "<br><br>\n".join(parts)
    sub = f'<h2 class="view_tit_sub">{esc(a.subtitle)}</h2>\n' if a.subtitle else ""
    byline = " and ".join(_byline_link(n) if k == 0 else _byline_link(n).replace(">By ", ">")
                          for k, n in enumerate(a.authors))
    pop, latest = _popular(site, a)
    return "".join([
        _head(f"{a.title}", _og(a, body, canonical) + W.ad_script(a)), _header("B"),
        '<div class="contents">\n<div class="view_bg">\n<div class="view">\n',
        '<div class="view_tit_icon"><a href="#" class="ico_fb">facebook</a>'
        '<a href="#" class="ico_tw">twitter</a><a href="#" class="ico_print">print</a></div>\n',
        '<div class="view_tit_area">\n<div class="view_tit_section"><a href="/list.php?ct='
        f'{_ct(a)}">{esc(a.section)}</a></div>\n<h1 class="view_tit">{esc(a.title)}</h1>\n', sub,
        f'<div class="view_tit_byline">\n<div class="view_tit_byline_l">{byline}</div>\n'
        f'<div class="view_tit_byline_r">{_stamps(a)}</div>\n</div>\n</div>\n',
        '<div id="thumimage" class="view_thum"></div>\n',
        f'<div class="view_con article" id="articleText">\n<div class="view_con_t">\n{text}\n'
        "</div>\n</div>\n",
        '<div class="view_main_c_li"><ul><li><a href="/list.php?ct=020100000000">More National'
        "</a></li></ul></div>\n", W.tools(a), "</div>\n</div>\n", C.boxes(pop, latest, "B"),
        W.more_boxes(site, a), "</div>\n", FOOTER])


def _photos_after(body: Body) -> dict[int, list]:
    out: dict[int, list] = {}
    for ph in body.photos:
        out.setdefault(ph.after, []).append(ph)
    return out


def _era_c(site: Site, a: Article, body: Body) -> str:
    canonical = f"{REAL}/view.php?ud={a.ud}"
    by_after = _photos_after(body)
    chunks = ['<div class="text_box">']
    for i, para in enumerate(body.paragraphs):
        chunks.append(f"<p>{esc(para)}</p>")
        if by_after.get(i) and i < len(body.paragraphs) - 1:
            chunks.append("</div>")
            for ph in by_after[i]:
                chunks.append(f'<div class="img_box"><img src="{ph.src}" alt="{attr(ph.caption)}">'
                              f'<p class="img_caption">{esc(ph.caption)}</p></div>')
            chunks.append('<div class="text_box">')
    chunks.append("</div>")
    sub = f'<h2 class="news_title">{esc(a.subtitle)}</h2>\n' if a.subtitle else ""
    pop, latest = _popular(site, a)
    journalist = "".join(f'<p class="journalist_name">{esc(n)}</p>' for n in a.authors)
    mail = f'<p class="journalist_email">{esc(a.email)}</p>' if a.email else ""
    return "".join([
        _head(f"{a.title}", _og(a, body, canonical) + W.ad_script(a)), _header("C"),
        '<div class="contents">\n<div class="news_content">\n<div class="news_title_area">\n'
        f'<div class="news_category"><a href="/list.php?ct={_ct(a)}">{esc(a.section)}</a></div>\n'
        f'<h1 class="news_title">{esc(a.title)}</h1>\n', sub,
        f'<p class="news_reporter">{esc(_byline_text(a))}</p>\n',
        f'<p class="news_date">{_stamps(a)}</p>\n',
        '<div class="news_btn_wrap"><button class="btn_share">Share</button>'
        '<button class="btn_print">Print</button><button class="btn_font">A</button></div>\n'
        "</div>\n", '<div class="news_text_area">\n', "\n".join(chunks), "\n</div>\n",
        f'<div class="news_journalist_area">{journalist}{mail}</div>\n', W.tools(a), "</div>\n",
        C.boxes(pop, latest, "C"), W.more_boxes(site, a), "</div>\n", FOOTER])


def _jsonld(a: Article, body: Body, canonical: str) -> str:
    def stamp(dt) -> str:  # type: ignore[no-untyped-def]
        k = dt.astimezone(KST)
        return k.isoformat(timespec="seconds") if a.index % 2 else f"{k:%Y-%m-%dT%H:%M:%S}"
    authors = [{"@type": "Person", "name": n} for n in a.authors]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "url": canonical, "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
            "datePublished": stamp(a.published), "dateModified": stamp(a.modified),
            "author": authors[0] if len(authors) == 1 else authors,
            "publisher": {"@type": "Organization", "name": "The Korea Herald",
                          "logo": {"@type": "ImageObject",
                                   "url": "https://res.heraldm.com/koreaherald/logo.png"}},
            "image": [p.src for p in body.photos]}
    return ('<script type="application/ld+json">\n'
            + json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
            + "\n</script>\n")


def _era_d(site: Site, a: Article, body: Body) -> str:
    canonical = f"{REAL}/article/{a.number}"
    by_after = _photos_after(body)
    chunks = []
    for i, para in enumerate(body.paragraphs):
        for ph in by_after.get(i - 1, []) if i else []:
            chunks.append('<div class="article-photo-wrap size-l align-c">'
                          f'<figure class="article-img"><img src="{ph.src}" '
                          f'alt="{attr(ph.caption)}" referrerpolicy="no-referrer">'
                          f"<figcaption>{esc(ph.caption)}</figcaption></figure></div>")
        chunks.append(f"<p>{esc(para)}</p>")
    sub = f'<h2 class="article-sub-title">{esc(a.subtitle)}</h2>\n' if a.subtitle else ""
    pop, latest = _popular(site, a)
    path = "/" + a.section_code
    return "".join([
        _head(f"{a.title} - The Korea Herald",
              _og(a, body, canonical) + _jsonld(a, body, canonical) + W.ad_script(a)),
        _header("D", a.section_code),
        '<main class="div_layout">\n<section class="article-view">\n'
        f'<div class="nav_area"><a class="category" href="{path}">{esc(a.section)}</a></div>\n'
        f'<h1 class="article-title">{esc(a.title)}</h1>\n', sub,
        f'<div class="article-info"><p class="article-writer">{esc(_byline_text(a))}</p>'
        f'<p class="article-date">Published : {ap_date(a.published, True)} - '
        f'{a.published.astimezone(KST):%H:%M}</p></div>\n',
        '<div class="article-share"><button class="share-btn">Share</button></div>\n',
        '<article class="article-body" id="articleText">\n', "\n".join(chunks),
        "\n</article>\n", W.tools(a), "</section>\n", C.boxes(pop, latest, "D"),
        W.more_boxes(site, a), "</main>\n", FOOTER])


def _ct(a: Article) -> str:
    from newscrawl.replica.generate import KH_SECTIONS

    return KH_SECTIONS.get(a.section_code, ("", "020100000000"))[1]


def listing_d(site: Site, title: str, path: str, items: list[Article], page: int) -> str:
    """Era-D section listing (`/National/ForeignAffairs?page=N`)."""
    chunk = items[(page - 1) * D_PAGE_SIZE: page * D_PAGE_SIZE]
    lis = []
    for x in chunk:
        body = site.body(x)
        img = (f'<div class="news_img"><img src="{body.photos[0].src}" alt=""></div>'
               if body.photos else "")
        lis.append(f'<li><a href="{x.path}"><div class="news_txt"><p class="news_title ellipsis2">'
                   f'{esc(x.title)}</p><p class="news_text ellipsis4">'
                   f'{esc(excerpt(body.paragraphs[0], 160))}</p><span class="date">'
                   f"{ap_date(x.published, True)}</span></div>{img}</a></li>")
    last = max(1, -(-len(items) // D_PAGE_SIZE))
    on = ' class="on"'
    nums = "".join(f'<a href="{path}?page={n}"{on if n == page else ""}>{n}</a>'
                   for n in range(max(1, page - 4), min(last, page + 5) + 1))
    nxt = f'<a class="next" href="{path}?page={page + 1}">Next</a>' if page < last else ""
    return "".join([
        _head(f"{title} - The Korea Herald", f'<link rel="canonical" href="{REAL}{path}" />\n'),
        _header("D", path.lstrip("/")),
        '<main class="div_layout">\n<section class="section_list">\n'
        f'<div class="nav_area"><a class="category" href="{path}">{esc(title)}</a></div>\n'
        '<article class="recent_news">\n<ul class="news_list">\n', "\n".join(lis),
        "\n</ul>\n</article>\n", f'<div class="paging">{nums}{nxt}</div>\n',
        "</section>\n</main>\n", FOOTER])


def listing_bc(site: Site, title: str, ct: str, items: list[Article], page: int) -> str:
    """Era B/C listing (`/list.php?ct=...&np=N&mp=M`)."""
    chunk = items[(page - 1) * BC_PAGE_SIZE: page * BC_PAGE_SIZE]
    lis = []
    for x in chunk:
        body = site.body(x)
        img = (f'<div class="main_l_img"><img src="{body.photos[0].src}" alt="" /></div>'
               if body.photos else "")
        lis.append(f'<li><a href="/view.php?ud={x.ud}">{img}<div class="main_l_t1">'
                   f'{esc(x.title)}</div><div class="main_l_t2"><span>'
                   f"{ap_date(x.published, True)}</span> {esc(excerpt(body.paragraphs[0], 120))}"
                   "</div></a></li>")
    last = max(1, -(-len(items) // BC_PAGE_SIZE))
    group = (page - 1) // 10
    nums = []
    for n in range(group * 10 + 1, min(last, group * 10 + 10) + 1):
        on = ' class="on"' if n == page else ""
        href = f"/list.php?ct={ct}&amp;np={n}&amp;mp={group + 1}"
        nums.append(f'<li><a href="{href}"{on}>{n}</a></li>')
    if group * 10 + 10 < last:
        n = group * 10 + 11
        nums.append(f'<li><a href="/list.php?ct={ct}&amp;np={n}&amp;mp={group + 2}" class="next">'
                    "Next</a></li>")
    return "".join([
        _head(f"{title} - The Korea Herald", ""), _header("B"),
        '<div class="contents">\n<div class="list_l">\n'
        f'<h2 class="list_tit">{esc(title)}</h2>\n<ul class="main_sec_li list_sec_li">\n',
        "\n".join(lis), "\n</ul>\n", f'<div class="paging"><ul>{"".join(nums)}</ul></div>\n',
        "</div>\n</div>\n", FOOTER])


def home_page(site: Site) -> str:
    """/ : newest headlines."""
    latest = site.listing("koreaherald", "")[:20]
    lis = "".join(f'<li><a href="{x.path}">{esc(x.title)}</a></li>\n' for x in latest)
    return "".join([_head("The Korea Herald", ""), _header("D"),
                    '<main class="div_layout"><section class="main_news"><ul class="news_list">\n',
                    lis, "</ul></section></main>\n", FOOTER])


def not_found_page() -> str:
    """The HTML body of a 404."""
    return "".join([_head("The Korea Herald", ""), _header("D"),
                    '<main class="div_layout"><div class="error_page"><h1>Page not found</h1>'
                    "<p>The page you requested does not exist or has been removed.</p>"
                    '<a href="/">Home</a></div></main>\n', FOOTER])
