"""Yonhap English page chrome (header, menus, footer) in the 2023 class structure.

The structure follows the saved 2023 pages; the menu entries are the site's section names, and
every on-site link is relative so a crawler of the replica stays on loopback.
"""

from __future__ import annotations

SECTIONS: dict[str, str] = {
    "national/politics": "Politics", "national/diplomacy": "Diplomacy",
    "national/defense": "Defense", "national/national": "National",
    "nk/nk": "North Korea", "economy-finance/economy": "Economy",
    "economy-finance/finance": "Finance", "economy-finance/health": "Health",
    "k-biz/news": "Latest News", "k-biz/stocks": "Stocks", "culture/k-pop": "K-pop",
    "culture/movies": "Movies", "culture/arts-culture": "Arts/Culture",
    "sports/sports": "Sports",
}
INDEXES: dict[str, str] = {"national": "National", "nk": "North Korea",
                           "economy-finance": "Economy/Finance", "k-biz": "BIZ",
                           "culture": "Culture/K-pop", "sports": "Sports"}

_GNB = [("national", "National", ["national/politics", "national/diplomacy", "national/defense",
                                  "national/national"]),
        ("nk", "North Korea", []),
        ("economy-finance", "Economy/Finance", ["economy-finance/economy",
                                                "economy-finance/finance",
                                                "economy-finance/health"]),
        ("k-biz", "BIZ", ["k-biz/news", "k-biz/stocks"]),
        ("culture", "Culture/K-pop", ["culture/k-pop", "culture/movies", "culture/arts-culture"]),
        ("sports", "Sports", [])]


def _gnb() -> str:
    out = ['<nav id="nav" class="nav">\n<ul class="gnb">\n<li class="depth01">'
           '<a href="/news" data-depth01="headlines">All News</a></li>']
    for key, name, subs in _GNB:
        cls = "main-menu depth01" if subs else "depth01"
        out.append(f'<li class="{cls}">\n<a href="/{key}/index" data-depth01="{key}">{name}</a>')
        if subs:
            out.append('<ul class="sub-menu">')
            for i, s in enumerate(subs, 1):
                out.append(f'<li class="depth02"><a href="/{s}" data-depth02="{i:02d}">'
                           f'{SECTIONS[s]}</a></li>')
            out.append("</ul>")
        out.append("</li>")
    out.append('<li class="last depth01"><a href="/video/index" data-depth01="video">Videos</a>'
               "</li>\n</ul>\n</nav>")
    return "\n".join(out)


def _all_menu() -> str:
    rows = ['<div id="allMenu" class="all-menu">\n<div class="all-menu-layer">\n'
            '<div class="layer-inner">\n<div class="all-menu-wrap">\n'
            '<div class="all-menu-list first">\n<strong>News</strong>\n'
            '<p><a href="/news">All Headlines</a></p>']
    for key, name, subs in _GNB:
        rows.append(f'<dl>\n<dt><a href="/{key}/index">{name}</a></dt>')
        rows += [f'<dd><a href="/{s}">{SECTIONS[s]}</a></dd>' for s in subs]
        rows.append("</dl>")
    rows.append('</div>\n<div class="all-menu-list">\n<strong>Special</strong>\n<ul>\n'
                '<li><a href="/interviews/index">Interviews</a></li>\n'
                '<li><a href="/features/index">Features</a></li>\n'
                '<li><a href="/topics/index">Topics</a></li>\n</ul>\n'
                '<strong>Information</strong>\n<ul>\n'
                '<li><a href="/brief/index">Korea in Brief</a></li>\n'
                '<li><a href="/weather/index">Weather</a></li>\n</ul>\n</div>\n'
                '<div class="all-menu-list last">\n<strong>Tools</strong>\n<ul>\n'
                '<li><a href="/channel/index">RSS</a></li>\n'
                '<li><a href="/sitemap/index">Sitemap</a></li>\n</ul>\n'
                '<strong>About Yonhap</strong>\n<ul>\n'
                '<li><a href="/aboutus/index">About Us</a></li>\n'
                '<li><a href="/aboutus/copyright">Copyright</a></li>\n</ul>\n</div>\n'
                '</div>\n</div>\n</div>\n</div>')
    return "\n".join(rows)


HEADER_TOP = """<div id="skipNav">
<a href="#container">Go to Contents</a>
<a href="#nav">Go to Navigation</a>
</div>
<header id="header" class="wrap-header">
<div class="header">
<div class="top-menu">
<button type="button" class="btn-pop-search"><span>SEARCH</span></button>
<button type="button" class="btn-history"><span>History</span></button>
<div id="langMenu" class="lang-menu">
<button type="button" class="btn-lang"><span>English</span></button>
<menu class="list">
<li class="en"><span>English</span></li>
</menu>
</div>
</div>
<ul class="sns-link">
<li class="fb"><a href="https://www.facebook.com/yonhapenglish" target="_blank"
 rel="nofollow">Facebook</a></li>
<li class="rss"><a href="/channel/index">RSS Feed</a></li>
</ul>
</div>
""" + _all_menu() + """
<div id="headerSearch" class="search-layer">
<div class="search-top">
<strong class="tit">SEARCH</strong>
<form action="/search/index" method="get">
<div class="box"><div class="input-box">
<input type="text" id="index-sch-keyword" name="query" value="" placeholder="Input Keyword">
<input type="hidden" id="index-sch-lang" name="lang" value="EN">
<button type="button" class="btn-search"><span>SEARCH</span></button>
</div></div>
</form>
</div>
</div>
<strong class="header-logo"><a href="/index">Yonhap News Agency</a></strong>
"""

HEADER_BOTTOM = """<div class="header-cont">
<div class="today-zone">
<span class="tit">Today&#39;s date</span>
<strong class="date" id="today"></strong>
</div>
<div id="tickerWeather" class="weather-zone">
<span class="tit">Today&#39;s weather</span>
<div class="weather-layer"><div class="con-wrap"><strong class="tit">Seoul</strong>
<span class="txt">Clear</span><span class="temp">14.0<span>&#8451;</span></span></div></div>
</div>
<div id="latestNews" class="latest-news">
<span class="tit">Latest News</span>
<div class="latest-news-slide"></div>
</div>
</div>
""" + _gnb() + """
<div class="sub-menu-bar"></div>
</header>
<div id="#dim" class="dim"></div>
"""

FOOTER = """<footer id="footer">
<nav class="fnb">
<dl class="news">
<dt>News</dt>
<dd>
<p><a href="/news">All News</a></p>
<p><a href="/national/index">National</a></p>
<p><a href="/nk/index">North Korea</a></p>
<p><a href="/economy-finance/index">Economy/Finance</a></p>
<p><a href="/k-biz/index">Biz</a></p>
</dd>
<dd>
<p><a href="/culture/index">Culture/K-pop</a></p>
<p><a href="/sports/index">Sports</a></p>
</dd>
</dl>
<dl class="tools">
<dt>Tools</dt>
<dd><a href="/channel/index">RSS</a></dd>
</dl>
<dl class="about">
<dt>About Yonhap</dt>
<dd><a href="/aboutus/index">About Us</a></dd>
<dd><a href="/aboutus/copyright">Copyright</a></dd>
</dl>
</nav>
<div class="section-f-info">
<span class="copyright">Copyright (c) Yonhap News Agency. All Rights Reserved.</span>
<div class="f-policy">
<a href="/policy/privacy/index" class="privacy">Privacy Policy</a>
</div>
<div class="f-sns">
<ul>
<li class="fb"><a href="https://www.facebook.com/yonhapenglish" class="f-facebook"
 target="_blank" rel="nofollow">Facebook</a></li>
<li class="rss"><a href="/channel/index">RSS Feed</a></li>
</ul>
</div>
</div>
</footer>
<div id="btn-go-wrap" class="btn-go-wrap">
<a href="/index" title="HOME" class="go-quick-home"><span>HOME</span></a>
<a href="#header" title="TOP" class="go-to-top"><span>TOP</span></a>
</div>
<input type="hidden" id="domainId" value="1201"/>
</body>
</html>
"""

CSS_JS = """<link rel="shortcut icon" type="image/x-icon" href="//r.yna.co.kr/global/favicon.ico">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/default.css?v=20230418_0855">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/layout.css?v=20230418_0855">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/article.css?v=20230404_1020">
<link rel="stylesheet" href="//r.yna.co.kr/en/home/v01/css/en.css?v=20230315_0935">
<script src="//r.yna.co.kr/global/home/v01/js/jquery-1.12.4.js"></script>
<script src="//rd.yna.co.kr/global/js/serviceCore.js?v=20230418_0855"></script>
<script src="//r.yna.co.kr/global/home/v01/js/common.js?v=20230418_0855"></script>
<script async src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>
<script>
	window.dataLayer = window.dataLayer || [];
	function gtag() { dataLayer.push(arguments); }
	gtag('js', new Date());
</script>
"""

JSONLD = """<script type="application/ld+json">
{
	"@context": "https://schema.org",
	"@type": "Organization",
	"name": "Yonhap News Agency",
	"url": "https://en.yna.co.kr/",
	"logo": "https://r.yna.co.kr/global/home/v01/img/yonhapnews_logo_600x600_en01.jpg"
}
</script>
<script type="application/ld+json">
{
	"@context": "https://schema.org",
	"@type": "Person",
	"name": "Yonhap News Agency",
	"url": "https://en.yna.co.kr/",
	"sameAs": [
		"https://www.facebook.com/yonhapenglish",
		"https://twitter.com/YonhapNews", //news
		"https://www.youtube.com/channel/UCreplica000000000000001", //video
		"https://www.youtube.com/channel/UCreplica000000000000002" //clips
	]
}
</script>
<script type="application/ld+json">
{"@context": "https://schema.org",
"@type": "BreadcrumbList",
"itemListElement": [
	{ "@type": "ListItem", "position": 1,
		"item": { "@id": "https://en.yna.co.kr/", "name": "Yonhap News Agency" } },
	{ "@type": "ListItem", "position": 2,
		"item": { "@id": "https://en.yna.co.kr/news", "name": "All News" } }
]}
</script>
"""

ADS = """<div class="aside-box01">
<aside class="bnr01">
<ins class="adsbygoogle" style="display:inline-block;width:300px;height:250px"
 data-ad-client="ca-pub-0000000000000000" data-ad-slot="1000000001"></ins>
<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>
</aside>
<aside class="bnr02">
<ins class="adsbygoogle" style="display:inline-block;width:300px;height:250px"
 data-ad-client="ca-pub-0000000000000000" data-ad-slot="1000000002"></ins>
<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>
</aside>
</div>
"""

SHARE_NAMES = [("fb", "Facebook"), ("tw", "Twitter"), ("pin", "Pinterest"), ("lin", "Linked in"),
               ("red", "Reddit")]
