"""Yonhap English site chrome in the 2023 class structure: head assets, header with menus,
search layer, weather box and ticker, footer, feedback pop-up.

The element structure follows the saved 2023 pages block by block, so a replica page weighs
what a real one weighs (`tests/replica/test_realistic_size.py` compares them). The labels are
the site's menu names and generic UI words, the scripts are placeholders of the same shape,
and every on-site link is relative so a crawler of the replica stays on loopback.
"""

from __future__ import annotations

# The listings the replica serves (routes.py): path -> title.
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

_NATIONAL = [("national/politics", "Politics"), ("national/diplomacy", "Diplomacy"),
             ("national/defense", "Defense"), ("national/national", "National")]
_ECONOMY = [("economy-finance/economy", "Economy"), ("economy-finance/finance", "Finance"),
            ("economy-finance/health", "Health")]
_BIZ = [("k-biz/news", "Latest News"), ("k-biz/ontherecord", "On the Record"),
        ("k-biz/mna", "M&amp;As"), ("k-biz/corporate", "Corporate Newsroom"),
        ("k-biz/earnings", "Earnings"), ("k-biz/startups", "Startups"),
        ("k-biz/focus", "Focus/Feature"), ("k-biz/stocks", "Stocks")]
_CULTURE = [("culture/entertainment", "Entertainment"), ("culture/movies", "Movies"),
            ("culture/k-pop", "K-pop"), ("culture/arts-culture", "Arts/Culture")]
_IMAGES = [("image/k-wave", "K-wave"), ("image/general", "General"),
           ("image/nk", "North Korea"), ("image/graphics", "Graphics")]
# (key, name, submenu, extra class of the link)
_GNB = [("national", "National", _NATIONAL, ""), ("nk", "North Korea", [], ""),
        ("economy-finance", "Economy/Finance", _ECONOMY, ""), ("k-biz", "BIZ", _BIZ, "kbiz"),
        ("culture", "Culture/K-pop", _CULTURE, ""), ("sports", "Sports", [], ""),
        ("image", "Images", _IMAGES, "")]
_FEATURES = [("topnews/index", "Top News"), ("mostviewed/index", "Most Viewed"),
             ("paper/index", "Korean Newspaper Headlines"),
             ("history/index", "Today in Korean History"),
             ("summary/index", "Yonhap News Summary"),
             ("editorials/index", "Editorials from Korean Dailies")]
_SPECIAL = [("interviews/index", "Interviews"), ("features/index", "Features"),
            ("topics/index", "Topics"), ("k-stories/index", "Korea Stories")]
_INFO = [("brief/index", "Korea in Brief"), ("link/index", "Useful Links"),
         ("festivals/index", "Festival Calendar"), ("weather/index", "Weather"),
         ("ad/index", "Advertise with Us")]
_TOOLS = [("channel/index", "RSS"), ("channel/mobile", "Mobile Service"),
          ("sitemap/index", "Sitemap")]
_ABOUT = [("aboutus/index", "About Us"), ("aboutus/yonhapnews", "Our Agency"),
          ("aboutus/mission", "Mission"), ("aboutus/ceo", "Message"),
          ("aboutus/history", "History"), ("aboutus/subsidiaries", "Subsidiaries"),
          ("aboutus/domesticnetwork", "Domestic Network"),
          ("aboutus/globalnetwork", "Global Network"), ("aboutus/services", "Products/Services"),
          ("aboutus/headquarters", "Headquarters"), ("aboutus/subscription", "Subscription"),
          ("aboutus/copyright", "Copyright")]
# The other language editions: (class, edition, label, title); linked relative, as every
# link of the replica is.
_LANGS = [("ko", "www", "한국어", "Korean"), ("zh", "cn", "中文", "Chinese"),
          ("ja", "jp", "日本語", "Japanese"), ("ar", "ar", "عربي", "Arabic"),
          ("es", "sp", "Español", "Spanish"), ("fr", "fr", "Français", "French")]
NEW_WINDOW = 'target="_blank" title="Opens in new web browser window" rel="nofollow"'


def _links(items: list[tuple[str, str]], tag: str) -> str:
    return "\n".join(f'<{tag}><a href="/{path}">{name}</a></{tag}>' for path, name in items)


def _menu_dl(key: str, name: str, subs: list[tuple[str, str]]) -> str:
    return f'<dl>\n<dt><a href="/{key}">{name}</a></dt>\n{_links(subs, "dd")}\n</dl>'


def _all_menu() -> str:
    first = "\n".join([
        '<div class="all-menu-list first">', "<strong>News</strong>",
        '<p><a href="/news">All Headlines</a></p>', _menu_dl("national/index", "National",
                                                            _NATIONAL),
        '<p><a href="/nk/index">North Korea</a></p>',
        _menu_dl("economy-finance/index", "Economy", _ECONOMY), "</div>"])
    second = "\n".join(['<div class="all-menu-list">',
                        _menu_dl("k-biz/news", "Latest News", _BIZ[1:]),
                        _menu_dl("culture/index", "Culture", _CULTURE),
                        '<p><a href="/sports/index">Sports</a></p>', "</div>"])
    third = "\n".join(['<div class="all-menu-list">', _menu_dl("image/index", "Images", _IMAGES),
                       _menu_dl("video/index", "Videos", [("video/korea-now/index",
                                                           "Korea Now")]),
                       _links(_FEATURES, "p"), "</div>"])
    fourth = "\n".join(['<div class="all-menu-list first">', "<strong>Special</strong>", "<ul>",
                        _links(_SPECIAL, "li"), "</ul>", "<strong>Information</strong>", "<ul>",
                        _links(_INFO, "li"), "</ul>", "</div>"])
    last = "\n".join(['<div class="all-menu-list last">', "<strong>Tools</strong>", "<ul>",
                      _links(_TOOLS, "li"), "</ul>", "<strong>About Yonhap</strong>", "<ul>",
                      _links(_ABOUT, "li"), "</ul>", "</div>"])
    return ('<div id="allMenu" class="all-menu">\n<div class="all-menu-layer">\n'
            '<div class="layer-inner">\n<div class="all-menu-wrap">\n'
            + "\n".join([first, second, third, fourth, last])
            + "\n</div>\n</div>\n</div>\n</div>\n")


def _gnb() -> str:
    out = ['<nav id="nav" class="nav">\n<ul class="gnb">\n<li class="depth01">\n'
           '<a href="/news" data-depth01="headlines">All News</a>\n</li>']
    for key, name, subs, extra in _GNB:
        cls = "main-menu depth01" if subs else "depth01"
        link_cls = f' class="{extra}"' if extra else ""
        out.append(f'<li class="{cls}">\n<a href="/{key}/index"{link_cls} '
                   f'data-depth01="{key}">{name}</a>')
        if subs:
            out.append('<ul class="sub-menu">')
            out += [f'<li class="depth02"><a href="/{path}" data-depth02="{i:02d}">{label}</a>'
                    "</li>" for i, (path, label) in enumerate(subs, 1)]
            out.append("</ul>")
        out.append("</li>")
    out.append('<li class="last depth01">\n<a href="/video/index" data-depth01="video">Videos</a>'
               "\n</li>\n</ul>\n</nav>\n")
    return "\n".join(out)


def _lang_menu() -> str:
    items = "\n".join(f'<li class="{c}"><a href="/edition/{h}" lang="{c}"><span>{label}'
                      "</span></a></li>" for c, h, label, _t in _LANGS)
    return ('<div id="langMenu" class="lang-menu">\n<button type="button" class="btn-lang">'
            f'<span>English</span></button>\n<menu class="list">\n{items}\n</menu>\n</div>\n')


def header_top(keywords: str = "") -> str:
    """From the skip links to the logo; `keywords` are the article's tags (`span > a`) that
    the search layer suggests."""
    return ('<div id="skipNav">\n<a href="#container">Go to Contents</a>\n'
            '<a href="#nav">Go to Navigation</a>\n</div>\n'
            '<header id="header" class="wrap-header">\n<div class="header">\n'
            '<div class="top-menu">\n'
            '<button type="button" class="btn-pop-search"><span>SEARCH</span></button>\n'
            '<button type="button" class="btn-history"><span>History</span></button>\n'
            '<span class="history-num" id="history-num"></span>\n' + _lang_menu() + "</div>\n"
            '<ul class="sns-link">\n'
            f'<li class="fb"><a href="https://www.facebook.com/yonhapenglish" {NEW_WINDOW}>'
            "Facebook</a></li>\n"
            f'<li class="tw"><a href="https://twitter.com/YonhapNews" {NEW_WINDOW}>Twitter</a>'
            '</li>\n<li class="rss"><a href="/channel/index">RSS Feed</a></li>\n</ul>\n</div>\n'
            + _ALL_MENU +
            '<div id="headerSearch" class="search-layer">\n<div class="search-top">\n'
            '<strong class="tit">SEARCH</strong>\n<form action="/search/index" method="get" '
            'enctype="application/x-www-form-urlencoded">\n<div class="box">\n'
            '<div class="input-box">\n<input type="text" id="index-sch-keyword" name="query" '
            'value="" placeholder="Input Keyword">\n'
            '<input type="hidden" id="index-sch-lang" name="lang" value="EN">\n'
            '<button type="button" class="btn-del" id="gnbDel"><span>Text Delete</span>'
            '</button>\n<button type="button" class="btn-search"><span>SEARCH</span></button>\n'
            f'</div>\n<div class="keyword">\n{keywords}</div>\n</div>\n</form>\n</div>\n</div>\n'
            '<strong class="header-logo"><a href="/index">Yonhap News Agency</a></strong>\n')


_WEATHER = """<div id="tickerWeather" class="weather-zone">
<span class="tit">Today&#39;s weather</span>
<ul class="weather-slide" >
</ul>
<div class="weather-layer">
<div id="con-wrap01" class="con-wrap">
<div class="tit-wrap">
<strong class="tit">Seoul</strong>
<span class="btn"><a href="/weather/index">Full Forecast</a></span>
</div>
<span class="ico ico-b02">Mostly clear</span>
<div class="temp-wrap">
<span class="txt">Mostly Clear</span>
<span class="temp">14.0<span>&#8451;</span></span>
<span class="min-max"><span class="min">9&#176;</span> /
<span class="max">19&#176;</span></span>
</div>
<div class="temp-wrap02">
<div class="con">
<em class="tit">Precip</em>
0mm
</div>
<div class="con">
<em class="tit">Wind</em>
NW 2.1m/s
</div>
<div class="con">
<em class="tit">Humidity</em>
52%
</div>
</div>
<div class="bot-wrap">
<div class="tit-wrap">
<span class="tit">CAI<span class="weather-advice"></span></span>
<span class="txt"><span>Good</span> 42</span>
</div>
<dl>
<dt>PM10</dt>
<dd>Good</dd>
<dt>DSS</dt>
<dd>Moderate</dd>
<dt>PM2.5</dt>
<dd>Good</dd>
<dt>O&#8323;</dt>
<dd>Moderate</dd>
</dl>
</div>
</div>
</div>
<div class="weather-layer-pop" id="weather-Advice-auto">
<div id="con-wrap" class="con-wrap">
<div class="tit-wrap">
<span class="btn02"><button type="button" class="btn-close" id="weatherlayerClose">
<span>close</span></button></span>
</div>
<dl>
<dt>CAI</dt>
<dd>Combined air quality index</dd>
<dt>PM10</dt>
<dd>Fine dust, particles up to 10 micrometres</dd>
<dt>PM2.5</dt>
<dd>Ultrafine dust, particles up to 2.5 micrometres</dd>
<dt>O&#8323;</dt>
<dd>Ground-level ozone</dd>
</dl>
</div>
</div>
</div>
"""

HEADER_BOTTOM = """<div class="header-cont">
<div class="today-zone">
<span class="tit">Today&#39;s date</span>
<strong class="date" id="today"></strong>
</div>
""" + _WEATHER + """<div id="latestNews" class="latest-news">
<span class="tit">Latest News</span>
<div class="latest-news-slide">
</div>
<span class="btn-wrap">
<button type="button" class="btn-latest-pause" id="playPause"><span>Pause</span></button>
<button type="button" class="btn-latest-more" id="latestNewsMore"><span>more</span></button>
</span>
<div id="latestNewsLayer" class="latest-news-layer">
<span class="btn-wrap">
<button type="button" class="btn-close"><span>Close</span></button>
</span>
<ul>
</ul>
</div>
</div>
</div>
""" + _gnb() + """<div class="sub-menu-bar"></div>
</header>
<div id="#dim" class="dim"></div>
"""

_ALL_MENU = _all_menu()
HEADER_TOP = header_top()


def _footer_news() -> str:
    cols = [[("news", "All News"), ("national/index", "National"), ("nk/index", "North Korea"),
             ("economy-finance/index", "Economy/Finance"), ("k-biz/index", "Biz")],
            [("culture/index", "Culture/K-pop"), ("sports/index", "Sports"),
             ("image/index", "Images"), ("video/index", "Videos"), *_FEATURES[:2]],
            _FEATURES[2:]]
    return "\n".join(f"<dd>\n{_links(col, 'p')}\n</dd>" for col in cols)


_FOOTER_LANGS = "\n".join(f'<li class="{c}"><a href="/edition/{h}" title="{t}">{label}</a>'
                          "</li>" for c, h, label, t in _LANGS)

FOOTER_NAV = f"""<footer id="footer">
<nav class="fnb">
<dl class="news">
<dt>News</dt>
{_footer_news()}
</dl>
<dl class="special">
<dt>Special</dt>
{_links(_SPECIAL, "dd")}
</dl>
<dl class="information">
<dt>Information</dt>
<dd>
{_links(_INFO[:2], "p")}
</dd>
<dd>
{_links(_INFO[2:4], "p")}
</dd>
<dd>
<p class="w01"><a href="/{_INFO[4][0]}">{_INFO[4][1]}</a></p>
</dd>
</dl>
<dl class="tools">
<dt>Tools</dt>
{_links(_TOOLS[:2], "dd")}
</dl>
<dl class="about">
<dt>About Yonhap</dt>
<dd><a href="/aboutus/index">About Us</a></dd>
<dd><a href="/aboutus/headquarters">Contact Us</a></dd>
<dd><a href="/aboutus/subscription">Subscription</a></dd>
<dd><a href="/aboutus/copyright">Copyright</a></dd>
</dl>
</nav>
<div class="section-f-info">
<span class="copyright">Copyright (c) Yonhap News Agency. All Rights Reserved.</span>
<div id="f-langMenu" class="f-language">
<button class="f-btn-lang"><span>LANGUAGE</span></button>
<menu class="f-lang-list">
{_FOOTER_LANGS}
</menu>
</div>
<div class="f-policy">
<a href="/policy/privacy/index" class="privacy">Privacy Policy</a>
</div>
<div class="f-sns">
<ul>
<li class="fb"><a href="https://www.facebook.com/yonhapenglish" class="f-facebook" {NEW_WINDOW}>Facebook</a></li>
<li class="tw"><a href="https://twitter.com/YonhapNews" {NEW_WINDOW}>Twitter</a></li>
<li class="rss"><a href="/channel/index">RSS Feed</a></li>
<li class="sitemap"><a href="/sitemap/index">Sitemap</a></li>
</ul>
</div>
</div>
</footer>
<div id="btn-go-wrap" class="btn-go-wrap">
<a href="/index" title="HOME" class="go-quick-home">
<span>HOME</span>
</a>
<a href="#header" title="TOP" class="go-to-top">
<span>TOP</span>
</a>
</div>
"""  # noqa: E501

FEEDBACK = """<form action="/feedback/save" name="feedback_form" id="feedbackForm" method="get">
<div id="feedLayer" class="pop-layer">
<div class="pop-wrap poppos01">
<div class="pop-header">
<span class="pop-tit">Send Feedback</span>
<button type="button" class="pop-close">Close</button>
</div>
<div id="popContainer">
<div id="popContent" class="pop-con">
<div id="popCon01">
<strong>Tell us what to improve</strong>
<div class="textarea-box">
<label for="feedbackArea">Type your comments here. Please leave out personal details such as your name, phone number or home address.</label>
<textarea id="feedbackArea" class="textarea" name="content"></textarea>
</div>
<div class="btns-con">
<input type="submit" title="submit" value="SUBMIT" class="btn-type01 btn-submit">
</div>
</div>
<div id="popCon02" class="dis-none">
<strong class="txt-complete">Your feedback has been sent.</strong>
<div class="btns-con">
<button class="btn-type02 m-l0 pop-close02">CLOSE</button>
</div>
</div>
</div>
</div>
</div>
</div>
</form>
"""  # noqa: E501


def site_data(depth2_link: str, depth2_name: str, page_type: str) -> str:
    """The page-description script every page ends with."""
    return ('<script id="siteJsonData">\n(function(){\n\tSITE_DATA = JSON.stringify({\n'
            '\t\t"SITE_ID":"000100010000",\n\t\t"SITE_DEPTH":"2",\n'
            '\t\t"SITE1_LINK":"/index",\n\t\t"SITE1_LINK_NAME01":"index",\n'
            '\t\t"SITE1_NAME":"Main Page",\n'
            f'\t\t"SITE2_LINK":"{depth2_link}",\n\t\t"SITE2_NAME":"{depth2_name}",\n'
            '\t\t"SITE3_LINK":"",\n\t\t"SITE3_NAME":"",\n'
            f'\t\t"SITE_SECTION":"{depth2_link}",\n\t\t"SITE_NAME":"{depth2_name}",\n'
            f'\t\t"PAGE_TYPE": "{page_type}",\n\t\t"PAGE_PATH":"/",\n'
            f'\t\t"PAGE_NAME":"{depth2_link.strip("/") or "index"}",\n\t}});\n}})();\n</script>\n')


FOOTER_END = ('<input type="hidden" id="domainId" value="1201"/>\n'
              '<script src="//rd.yna.co.kr/common/js/cp.js?v=20230418_0855"></script>\n'
              "</body>\n</html>\n")
FOOTER = FOOTER_NAV + FEEDBACK + site_data("/news", "All News", "list") + FOOTER_END

CSS_JS = """<link rel="shortcut icon" type="image/x-icon" href="//r.yna.co.kr/global/favicon.ico">
<link rel="icon" type="image/x-icon" href="//r.yna.co.kr/global/favicon.ico">
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Barlow:400,700">
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Playfair+Display:400,700">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/default.css?v=20230418_0855">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/layout.css?v=20230418_0855">
<link rel="stylesheet" href="//r.yna.co.kr/www/home_n/v02/css/media.css?v=20230418_0855">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/article.css?v=20230404_1020">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/common.css?v=20230419_1000">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/weather_ui.css?v=20230418_0855">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/weather_ui02.css?v=20230418_0855">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/weather.css?v=20230315_1540">
<link rel="stylesheet" href="//r.yna.co.kr/en/home/v01/css/en.css?v=20230315_0935">
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/ui.css?v=20230206_0900">
<script src="//r.yna.co.kr/global/home/v01/js/jquery-1.12.4.js"></script>
<!--[if (IE 8)|(IE 9)]><script src="//rd.yna.co.kr/common/js/jquery.xdr.min.js"></script><![endif]-->
<script src="//r.yna.co.kr/global/home/v01/js/jquery-ui.js"></script>
<script src="//r.yna.co.kr/global/home/v01/js/plugin.js"></script>
<script src="//rd.yna.co.kr/en/js/jquery-cookie.js"></script>
<script src="//r.yna.co.kr/global/home/v01/js/video.js"></script>
<script src="//rd.yna.co.kr/en/js/en_static.js?v=20230418_0855" charset="UTF-8"></script>
<script src="//rd.yna.co.kr/global/js/serviceCore.js?v=20230418_0855"></script>
<script src="//rd.yna.co.kr/global/js/mediaCompiler.js?v=20230418_0855"></script>
<script src="//rd.yna.co.kr/global/js/dateFormat.js?v=20230418_0855" charset="UTF-8"></script>
<script src="//rd.yna.co.kr/global/js/book_mark.js?v=20230418_0855"></script>
<script src="//rd.yna.co.kr/global/js/saved.js?v=20230418_0855"></script>
<script src="//r.yna.co.kr/global/home/v01/js/weather.js?v=20230418_0855" charset="UTF-8"></script>
<script src="//r.yna.co.kr/global/home/v01/js/common.js?v=20230418_0855"></script>
<!--[if lt IE 9]>
<script src="//r.yna.co.kr/global/home/v01/js/html5shiv.js"></script>
<script src="//r.yna.co.kr/global/home/v01/js/selectivizr.js"></script>
<link rel="stylesheet" href="//r.yna.co.kr/global/home/v01/css/ie8.css">
<![endif]-->
<script async src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-REPLICA000"></script>
<script>
	window.dataLayer = window.dataLayer || [];
	function gtag() { dataLayer.push(arguments); }
	gtag('js', new Date());
	gtag('config', 'G-REPLICA000');
	gtag('config', 'G-REPLICA001');
</script>
<script type="text/javascript" src="//rd.yna.co.kr/global/js/yna_stat.js?v=20230418_0855"></script>
<script type="text/javascript" src="//r.yna.co.kr/global/lib/v01/js/nlogger.js"></script>
<script type="text/javascript">
	// page-view logger: which service this page belongs to and where the hits go
	nLogger.configure({
		nth_service_id: "en.yna.co.kr", // the logging unit
		nth_logging_url_base_http: "http://log.replica.invalid/nlog", // collector
		nth_logging_url_base_https: "https://log.replica.invalid/nlog" // collector (TLS)
	});
	// one hit for this page view
	nLogger.log();
</script>
"""  # noqa: E501

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
		"https://www.youtube.com/channel/UCreplica000000000000002", //clips
		"https://www.youtube.com/channel/UCreplica000000000000003" //north
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

# After the JSON-LD: the mobile redirect and the recommendation widget's loader.
HEAD_END = """<script type="text/javascript" src="//rd.yna.co.kr/global/js/redirect.js?v=20230418_0855"></script>
<script>
	Redirect.check('https://m-en.yna.co.kr/view/{cid}?{param}', '');
</script>
<script type="text/javascript">
  window._taboola = window._taboola || [];
  _taboola.push({article: 'auto'});
  (function (tag, first, src, id) {
    if (document.getElementById(id)) { return; }
    tag.async = 1;
    tag.src = src;
    tag.id = id;
    first.parentNode.insertBefore(tag, first);
  })(document.createElement('script'),
     document.getElementsByTagName('script')[0],
     '//cdn.taboola.com/libtrc/replica-english/loader.js',
     'tb_loader_script');
  if (window.performance && typeof window.performance.mark === 'function') {
    window.performance.mark('tbl_ic');
  }
</script>
"""  # noqa: E501

SHARE_NAMES = [("fb", "Facebook"), ("tw", "Twitter"), ("pin", "Pinterest"), ("lin", "Linked in"),
               ("tum", "Tumblr"), ("red", "Reddit"), ("fbm", "Facebook Messenger")]
