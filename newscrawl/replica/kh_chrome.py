"""Korea Herald page chrome: long navigation lists, MOST POPULAR / LATEST NEWS boxes, footer.

The shape follows the Herald's pages (section lists, popular boxes, corporate footer with
registration lines); all names, numbers and addresses in it are invented for the replica.
"""

from __future__ import annotations

from newscrawl.replica.htmlutil import esc
from newscrawl.replica.model import Article

NAV: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("National", "020100000000", [("Politics", "020101000000"), ("Social Affairs", "020102000000"),
                                  ("Foreign Affairs", "020103000000"),
                                  ("Defense", "020106000000"), ("North Korea", "020104000000"),
                                  ("Science", "020107000000"),
                                  ("Diplomatic Circuit", "020112000000"),
                                  ("Education", "020109000000")]),
    ("Business", "020200000000", [("Economy", "020201000000"), ("Finance", "020202000000"),
                                  ("Industry", "020203000000"), ("Technology", "020206000000"),
                                  ("Retail", "020207000000"), ("Market", "020208000000")]),
    ("Life&Style", "020300000000", [("Culture", "020301000000"), ("Travel", "020302000000"),
                                    ("Food & Beverage", "020303000000"),
                                    ("Books", "020304000000"), ("Health", "020305000000")]),
    ("Entertainment", "020400000000", [("Film", "020401000000"),
                                       ("Television", "020402000000"),
                                       ("Music", "020403000000"), ("K-pop", "020404000000")]),
    ("Sports", "020500000000", [("Soccer", "020501000000"), ("Golf", "020502000000"),
                                ("Baseball", "020503000000"), ("More Sports", "020504000000")]),
    ("World", "021200000000", [("World News", "021201000000"),
                               ("World Business", "021202000000")]),
    ("Opinion", "020600000000", [("Editorial", "020601000000"), ("Viewpoints", "020603000000")]),
]
# era-D path for a section name
D_PATHS = {"National": "National", "Politics": "National/Politics",
           "Foreign Affairs": "National/ForeignAffairs", "North Korea": "National/NorthKorea",
           "Diplomatic Circuit": "National/DiplomaticCircuit", "Business": "Business",
           "Industry": "Business/Industry", "Life&Style": "LifenCulture",
           "Culture": "LifenCulture/Culture", "Sports": "Sports", "Baseball": "Sports/Baseball"}


def _d_href(name: str) -> str:
    return "/" + D_PATHS.get(name, name.replace("&", "n").replace(" ", ""))


def nav_bc() -> str:
    """Era B/C navigation: list.php?ct= links."""
    out = ['<div class="menuArea">\n<div class="sub">\n<ul class="gnb_menu">\n'
           '<li><a href="/index.php">Home</a></li>']
    for name, ct, subs in NAV:
        out.append(f'<li class="depth1"><a href="/list.php?ct={ct}">{esc(name)}</a>\n'
                   '<ul class="depth2">')
        out += [f'<li><a href="/list.php?ct={c}">{esc(n)}</a></li>' for n, c in subs]
        out.append("</ul></li>")
    out.append("</ul>\n</div>\n</div>\n")
    return "\n".join(out)


def nav_d(active: str = "") -> str:
    """Era D navigation: path sections, `ul.gnb` with class "on" for the current one."""
    out = ['<div class="nav_area">\n<ul class="gnb">']
    for name, _ct, subs in NAV:
        on = ' class="on"' if active.startswith(D_PATHS.get(name, name)) else ""
        out.append(f'<li{on}><a href="{_d_href(name)}">{esc(name)}</a>\n<ul class="gnb_sub">')
        out += [f'<li><a href="{_d_href(n)}">{esc(n)}</a></li>' for n, _c in subs]
        out.append("</ul></li>")
    out.append("</ul>\n</div>\n")
    return "\n".join(out)


def boxes(popular: list[Article], latest: list[Article], era: str) -> str:
    """MOST POPULAR and LATEST NEWS boxes with other headlines."""
    def lis(items: list[Article]) -> str:
        return "".join(f'<li><a href="{a.path}"><div class="main_r_t1">{esc(a.title)}</div></a>'
                       "</li>\n" for a in items)
    cls = "main_r" if era in ("B", "C") else "side_area"
    return (f'<div class="{cls}">\n<div class="main_r_tit">MOST POPULAR</div>\n'
            f'<ul class="main_r_li popular_li">\n{lis(popular)}</ul>\n'
            '<div class="main_r_tit">LATEST NEWS</div>\n'
            f'<ul class="main_r_li latest_li">\n{lis(latest)}</ul>\n'
            '<div class="khadv_bg"><iframe src="about:blank" width="300" height="250" '
            'scrolling="no" frameborder="0" title="advertisement"></iframe></div>\n'
            '<div class="spot_li"><a href="/podcast/index.php">padcast</a>'
            '<a href="https://v.daum.net/channel/koreaherald" target="_blank">Korea Herald daum</a>'
            '<a href="/subscribe/index.php">subscribe</a></div>\n</div>\n')


def header(era: str, active: str = "") -> str:
    """Top bar, logo and the long navigation."""
    nav = nav_bc() if era in ("B", "C") else nav_d(active)
    return ('<div class="wrapDiv">\n<div class="banner1Div khadv_bg"><!-- ad slot KH_Top_728 -->'
            '<iframe src="about:blank" width="728" height="90" frameborder="0" '
            'title="advertisement"></iframe></div>\n<div class="header">\n<ul class="menuDiv">\n'
            '<li><a href="https://biz.heraldcorp.com" target="_blank">The Herald Business</a>'
            '</li>\n'
            '<li><a href="https://www.juniorherald.co.kr/" target="_blank">The Junior Herald</a>'
            '</li>\n</ul>\n<ul class="menu2Div">\n'
            '<li><a href="/member/login.php">SIGN IN</a></li>\n'
            '</ul>\n<div class="topDiv"><a href="/" class="logo">The Korea Herald</a></div>\n'
            f'{nav}<a href="#top" class="back_top">Back To Top</a>\n</div>\n')


FOOTER = """<div class="footer">
<div class="footer_menu">
<a href="/company/privacy.php">PRIVACY STATEMENT</a>
<a href="/company/copyright.php">COPYRIGHT POLICY</a>
<a href="/company/ombudsman.php">HERALD OMBUDSMAN</a>
</div>
<div class="footer_site"><strong>Our Site</strong>
<a href="https://biz.heraldcorp.com" target="_blank">The Herald Business</a>
</div>
<div class="footer_info">
<p>The Korea Herald by Herald Corporation</p>
<p>Copyright Herald Corporation. All Rights Reserved.</p>
<p>Address : Replica-ro 9-gil 21, Yongsan-gu, Seoul, Korea</p>
<p>Online newspaper registration No : Seoul 아00000</p>
<p>Date of registration : 2016.01.01</p>
<p>Publisher. Editor : Baek Ji-won</p>
<p>Juvenile Protection Manager: Noh Eun-ha</p>
<p>Tel : +82-2-000-0000</p>
</div>
</div>
</div>
</body>
</html>
"""

HEAD_COMMON = """<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
<meta name="format-detection" content="telephone=no, address=no, email=no" />
<link rel="alternate" type="application/rss+xml" title="The Korea Herald" href="/rss/newsAll" />
<link rel="stylesheet" type="text/css"
 href="https://res.heraldm.com/koreaherald/www/css/common.css" />
<script type="text/javascript" src="https://res.heraldm.com/koreaherald/www/js/jquery.min.js"></script>
<script type="text/javascript" src="https://res.heraldm.com/koreaherald/www/js/common.js"></script>
"""
