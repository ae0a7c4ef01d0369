"""Site changes the replica can serve, and the tests make at test time: a redesign nobody told
us about, and widgets a site adds inside its known article container.

`newscrawl replica serve --drift widgets|redesign|both` serves every article page changed this
way; the tests apply the same functions in memory to fixture pages and to the shared real
pages (never saved).
"""

from __future__ import annotations

import hashlib
import re

DRIFTS = ("widgets", "redesign", "both")
_CLASS_OR_ID = re.compile(r"""\b(class|id)\s*=\s*(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
# Where each known layout's article container opens, in the sites' own markup.
CONTAINERS = (
    '<article class="story-news', 'id="articleText"', '<div class="news_text_area',
    '<article class="article-body', 'class="text_box',
)  # fmt: skip

# Widgets a site adds inside its story, each with a phrase that must never reach a body.
LINK_BOX = (
    '<div class="x-more-news"><h3>More news on this topic</h3><ul>'
    '<li><a href="/view/AEN20990101000100315">Harbour ferry fares to fall in spring</a></li>'
    '<li><a href="/view/AEN20990101000200315">City library extends its weekend hours</a></li>'
    '<li><a href="/view/AEN20990101000300315">Marathon route changed for bridge repairs</a></li>'
    "</ul></div>"
)
AD_BLOCK = (
    '<div class="x-promo"><span>Advertisement</span>'
    '<a href="https://ads.example/click"><img src="https://ads.example/b.png" alt="">'
    "Try our premium trading app today</a></div>"
)
NEWSLETTER = (
    '<div class="x-signup"><p>Subscribe to our morning newsletter</p>'
    '<form><input type="email" placeholder="Your e-mail"><button>Sign up</button></form></div>'
)
FONT_SIZE = (
    '<div class="x-tools"><button type="button">A+</button><button type="button">A-</button>'
    "<span>Font size</span></div>"
)
VIDEO_TITLE = (
    '<div class="x-video"><iframe src="https://video.example/embed/1"></iframe>'
    "<p>Watch: the highlights reel of the week</p></div>"
)
WIDGETS = (LINK_BOX, AD_BLOCK, NEWSLETTER, FONT_SIZE, VIDEO_TITLE)
JUNK_PHRASES = (
    "More news on this topic", "Harbour ferry fares", "City library extends",
    "Marathon route changed", "Advertisement", "premium trading app", "morning newsletter",
    "Sign up", "Font size", "highlights reel",
)  # fmt: skip


def _renamed(value: str) -> str:
    return " ".join("r" + hashlib.sha1(name.encode()).hexdigest()[:8] for name in value.split())


def redesign(html: str) -> str:
    """Every class and id renamed, `<article>` turned into `<div>`: markup no layout knows,
    with the text, the structured data (JSON-LD, meta) and the element tree kept."""
    html = _CLASS_OR_ID.sub(lambda m: f'{m.group(1)}="{_renamed(m.group(3))}"', html)
    html = re.sub(r"<article\b", "<div", html, flags=re.IGNORECASE)
    return re.sub(r"</article\s*>", "</div>", html, flags=re.IGNORECASE)


def with_widgets(html: str, widgets: tuple[str, ...] = WIDGETS) -> str:
    """`widgets` placed inside the article container, after its first paragraph (its first
    `</p>` or `<br><br>`); the page unchanged when it has no known container."""
    starts = [i for marker in CONTAINERS if (i := html.find(marker)) >= 0]
    if not starts:
        return html
    start = min(starts)
    end = re.search(r"</p>|<br\s*/?>\s*<br\s*/?>", html[start:])
    if end is None:
        return html
    cut = start + end.end()
    return html[:cut] + "".join(widgets) + html[cut:]


def drifted(html: str, drift: str) -> str:
    """An article page as a site would serve it after `drift` ("widgets", "redesign", "both")."""
    if drift in ("widgets", "both"):
        html = with_widgets(html)
    if drift in ("redesign", "both"):
        html = redesign(html)
    return html


def junk_in(text: str | None) -> list[str]:
    """The widget phrases found in a body."""
    return [phrase for phrase in JUNK_PHRASES if phrase in (text or "")]
