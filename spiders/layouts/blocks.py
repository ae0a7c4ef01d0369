"""An article container's own paragraphs, read from its DOM.

Block elements (`p`, `div`, `li`...) and a double `<br>` end a paragraph; a single `<br>` is a
line break inside one (Yonhap's "(ATTN: ...)<br/>By ..." and "e-mail<br/>(END)" paragraphs,
Korea Herald era B's `<br><br>`-separated text). Elements the layout declares as junk (photos,
related boxes, share buttons, embeds) are removed first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from parsel import Selector

from spiders.layouts.text import dedupe, norm, one_line

BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "section", "article", "header", "footer", "aside", "table", "tr",
        "figure", "figcaption", "pre", "main", "nav", "address", "hr", "center", "tbody",
    }
)
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "iframe", "button", "form", "select", "textarea", "svg",
        "template", "object", "embed", "video", "audio", "input", "label", "ins", "canvas",
        "map", "head", "title", "meta", "link",
    }
)
_PARA_BREAK = re.compile(r"\n[^\S\n]*\n")
MAX_DEPTH = 400


class _Collector:
    """Walks the tree once, cutting text into paragraphs at block boundaries."""

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.paragraphs: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        for chunk in _PARA_BREAK.split(text):
            chunk = norm(chunk)
            if chunk:
                self.paragraphs.append(chunk)

    def walk(self, el: etree._Element, depth: int = 0) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if not tag or tag in SKIP_TAGS or depth > MAX_DEPTH:
            if depth and el.tail:  # comments, skipped elements: keep the text after them
                self.buf.append(el.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        if tag == "br":
            self.buf.append("\n")
        elif el.text:
            self.buf.append(el.text)
        for child in el:
            self.walk(child, depth + 1)
        if block:
            self.flush()
        if depth and el.tail:
            self.buf.append(el.tail)


def _container(container_html: str) -> Selector:
    return Selector(text=container_html)


def paragraphs(
    container_html: str, drop_css: Iterable[str] = (), drop_xpath: Iterable[str] = ()
) -> list[str]:
    """The container's paragraphs, junk removed, whitespace normalised, lines kept."""
    sel = _container(container_html)
    for xp in drop_xpath:
        for node in sel.xpath(xp):
            node.drop()
    for css in drop_css:
        for node in sel.css(css):
            node.drop()
    body = sel.xpath("//body")
    root = body[0].root if body else sel.root
    collector = _Collector()
    for child in root:
        collector.walk(child, 1)
    collector.flush()
    return [p.replace("\u00a0", " ") for p in collector.paragraphs]


def texts(container_html: str, css: Iterable[str], attr: str | None = None) -> list[str]:
    """The one-line texts (or attribute values) of the nodes `css` selects, de-duplicated."""
    sel = _container(container_html)
    found: list[str] = []
    for query in css:
        for node in sel.css(query):
            value = node.attrib.get(attr, "") if attr else " ".join(node.css("::text").getall())
            found.append(one_line(value))
    return dedupe(found)
