"""An article container's own paragraphs, read from its DOM.

Block elements (`p`, `div`, `li`...) and a double `<br>` end a paragraph; a single `<br>` is a
line break inside one (Yonhap's "(ATTN: ...)<br/>By ..." and "e-mail<br/>(END)" paragraphs,
Korea Herald era B's `<br><br>`-separated text). Elements the layout declares as junk (photos,
related boxes, share buttons, embeds) are removed first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lxml import etree
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from newscrawl.parsing.text import dedupe, norm, one_line

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
_TRANSLATOR = HTMLTranslator()
_TEXTS = etree.XPath("descendant-or-self::text()")


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


def _container(container_html: str) -> etree._Element:
    """The container parsed as parsel parses it (lxml's HTML parser, a whole document)."""
    return Selector(text=container_html).root


@lru_cache(maxsize=64)
def _junk_xpaths(
    drop_css: tuple[str, ...], drop_xpath: tuple[str, ...]
) -> tuple[etree.XPath | None, etree.XPath | None]:
    """The layout's junk selectors compiled once, as two unions (XPath ones first)."""
    css = " | ".join(_TRANSLATOR.css_to_xpath(q) for q in drop_css)
    xp = " | ".join(drop_xpath)
    return (etree.XPath(xp) if xp else None, etree.XPath(css) if css else None)


@lru_cache(maxsize=8)
def _paragraphs(
    container_html: str, drop_css: tuple[str, ...], drop_xpath: tuple[str, ...]
) -> tuple[str, ...]:
    root = _container(container_html)
    for query in _junk_xpaths(drop_css, drop_xpath):
        for node in query(root) if query is not None else ():
            if node.getparent() is not None:
                node.drop_tree()  # the text after the node stays
    body = root.find("body")
    collector = _Collector()
    for child in body if body is not None else root:
        collector.walk(child, 1)
    collector.flush()
    return tuple(p.replace("\u00a0", " ") for p in collector.paragraphs)


def paragraphs(
    container_html: str, drop_css: Iterable[str] = (), drop_xpath: Iterable[str] = ()
) -> list[str]:
    """The container's paragraphs, junk removed, whitespace normalised, lines kept.

    The last few results are kept: the site parser reads the lead paragraphs for the byline
    and the cleaning then needs all of them, from the same container.
    """
    return list(_paragraphs(container_html, tuple(drop_css), tuple(drop_xpath)))


@lru_cache(maxsize=64)
def _compiled(css: str) -> etree.XPath:
    return etree.XPath(_TRANSLATOR.css_to_xpath(css))


def texts(container_html: str, css: Iterable[str], attr: str | None = None) -> list[str]:
    """The one-line texts (or attribute values) of the nodes `css` selects, de-duplicated."""
    root = _container(container_html)
    found: list[str] = []
    for query in css:
        for node in _compiled(query)(root):
            value = node.get(attr, "") if attr else " ".join(_TEXTS(node))
            found.append(one_line(value))
    return dedupe(found)
