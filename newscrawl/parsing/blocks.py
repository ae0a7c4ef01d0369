"""An article container's own paragraphs, read from its DOM.

Block elements (`p`, `div`, `li`...) and a double `<br>` end a paragraph; a single `<br>` is a
line break inside one (Yonhap's "(ATTN: ...)<br/>By ..." and "e-mail<br/>(END)" paragraphs,
Korea Herald era B's `<br><br>`-separated text). Elements the layout declares as junk (photos,
related boxes, share buttons, embeds) are removed first.

Each paragraph also says whether the layout vouches for it (`claimed`: its innermost block
element is one the layout's `story_css` selects, e.g. `article.story-news > p`) and where it
sits (`where`: that element as `tag.class`), so the cleaning can let trafilatura judge the
rest and name markup the layout does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
_DOUBLE_BR = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)
_HOLDERS = etree.XPath("//*[self::div or self::td or self::section or self::article][p]")
LOOSE_TEXT = 40  # characters: a run of story, not stray whitespace or a label


# Characters the HTML parser lets through but lxml refuses in text it is given: C0 controls
# but tab and line breaks ("<div>... 10:12\x1f<p>").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _wrap_loose_text(holder: etree._Element) -> None:
    """Runs of text sitting right in `holder` beside its <p>s (its own text, or the tail of
    an element: the run before the first break, a run a widget cut off) get a <p> each."""
    if holder.text and len(holder.text.strip()) > LOOSE_TEXT:
        first = etree.Element("p")
        first.text, holder.text = _NOT_XML.sub("", holder.text), None
        holder.insert(0, first)
    for child in list(holder):
        if child.tail and len(child.tail.strip()) > LOOSE_TEXT:
            run = etree.Element("p")
            run.text, child.tail = _NOT_XML.sub("", child.tail), None
            child.addnext(run)


MAX_DEPTH = 400
_TRANSLATOR = HTMLTranslator()
_TEXTS = etree.XPath("descendant-or-self::text()")


@dataclass(frozen=True)
class Block:
    """One paragraph of a container: its text, whether the layout vouches for it, and the
    block element it sits in (`tag.class`)."""

    text: str
    claimed: bool
    where: str


def _describe(el: etree._Element, tag: str) -> str:
    classes = (el.get("class") or "").split()
    return ".".join([tag, *classes[:2]]) if classes else tag


class _Collector:
    """Walks the tree once, cutting text into paragraphs at block boundaries."""

    def __init__(self, claimed: set[etree._Element]) -> None:
        self.buf: list[str] = []
        self.blocks: list[Block] = []
        self.claimed = claimed
        self.context: list[tuple[bool, str]] = [(False, "")]  # innermost block element

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        claimed, where = self.context[-1]
        for chunk in _PARA_BREAK.split(text):
            chunk = norm(chunk)
            if chunk:
                self.blocks.append(Block(chunk.replace("\u00a0", " "), claimed, where))

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
            where = _describe(el, tag)
            if "." not in where and self.context[-1][1]:  # a bare <p>: say which box holds it
                where = f"{self.context[-1][1].split(' > ')[0]} > {tag}"
            self.context.append((el in self.claimed, where))
        if tag == "br":
            self.buf.append("\n")
        elif el.text:
            self.buf.append(el.text)
        for child in el:
            self.walk(child, depth + 1)
        if block:
            self.flush()
            self.context.pop()
        if depth and el.tail:
            self.buf.append(el.tail)


# Hidden elements, and small blocks built around form controls or embedded media (share,
# font-size, sign-up and copy-link widgets, a video with its title): never story text,
# whatever their classes are called.
_HIDDEN = etree.XPath(
    "//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')]"
)
_CONTROLS = etree.XPath(
    "//*[self::button or self::input or self::select or self::textarea or self::iframe"
    " or self::video or self::audio or self::embed or self::object]"
)
CONTROL_TEXT_LIMIT = 160  # characters: a widget's labels, not a paragraph of story
# Boxes of links (related articles, most read, more on the topic), with their headings.
_BOXES = etree.XPath("//*[self::div or self::section or self::ul or self::ol or self::aside"
                     " or self::nav or self::table]")  # fmt: skip
_LINK_TEXTS = etree.XPath(".//a//text()")
LINK_SHARE = 0.6  # of a box's text inside links
BOX_OWN_TEXT_LIMIT = 200  # characters of text outside links: more is an article, not a box


def drop_link_boxes(root: etree._Element, keep: set[etree._Element]) -> list[str]:
    """Remove blocks that are mostly links (and hold little else), in place; never one in
    `keep` nor one around an element of `keep`. Returns what was removed (`tag.class`)."""
    protected = {a for el in keep for a in el.iterancestors()} | keep
    removed: list[str] = []
    for box in _BOXES(root):
        if box in protected or box.getparent() is None or box.getparent().tag in ("body", "html"):
            continue
        text = len(" ".join(" ".join(_TEXTS(box)).split()))
        links = len(" ".join(" ".join(_LINK_TEXTS(box)).split()))
        if text and links >= LINK_SHARE * text and text - links <= BOX_OWN_TEXT_LIMIT:
            removed.append(_describe(box, box.tag))
            box.drop_tree()
    return removed


def drop_controls(root: etree._Element, spare: set[etree._Element] | None = None) -> list[str]:
    """Remove hidden elements and the small blocks that hold form controls, in place, but not
    one that is, or lies inside, `spare` (junk the caller removes itself). Returns what was
    removed (`tag.class`)."""
    spare = spare or set()
    removed: list[str] = []

    def spared(node: etree._Element) -> bool:
        return node in spare or any(a in spare for a in node.iterancestors())

    for node in _HIDDEN(root):
        if node.getparent() is not None and node.tag not in ("html", "body") and not spared(node):
            removed.append(_describe(node, node.tag))
            node.drop_tree()
    for control in _CONTROLS(root):
        if control.getparent() is None:
            continue
        block = control
        while True:  # the widget: the largest block around the control that is still small
            parent = block.getparent()
            grand = parent.getparent() if parent is not None else None
            # never the container itself (a child of <body>) nor a page's main regions
            if grand is None or grand.tag in ("body", "html") or parent.tag in ("article", "main"):
                break
            if len(" ".join(_TEXTS(parent)).strip()) > CONTROL_TEXT_LIMIT:
                break
            block = parent
        if block.getparent() is not None and not spared(block):
            removed.append(_describe(block, block.tag))
            block.drop_tree()
    return removed


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


@dataclass(frozen=True)
class Container:
    """An article container as the cleaning reads it."""

    blocks: tuple[Block, ...]  # its paragraphs
    html: str  # its HTML with the junk removed: what trafilatura is given
    widgets: tuple[str, ...]  # undeclared widgets removed (form controls, link boxes)


@lru_cache(maxsize=8)
def read_container(
    container_html: str,
    drop_css: tuple[str, ...],
    drop_xpath: tuple[str, ...],
    story_css: tuple[str, ...] = (),
) -> Container:
    """The container's paragraphs (junk removed, whitespace normalised, lines kept), its HTML
    with the junk removed, and the widgets the layout did not declare that were removed too.

    The last few results are kept: the site parser reads the lead paragraphs for the byline
    and the cleaning then needs all of them, from the same container.
    """
    root = _container(container_html)
    declared = {node for query in _junk_xpaths(drop_css, drop_xpath) if query is not None
                for node in query(root)}  # fmt: skip
    widgets = drop_controls(root, spare=declared)  # before the junk: it may hold the labels
    for node in declared:
        if node.getparent() is not None:
            node.drop_tree()  # the text after the node stays
    claimed = {node for css in story_css for node in _compiled(css)(root)}
    widgets += drop_link_boxes(root, claimed)
    body = root.find("body")
    collector = _Collector(claimed)
    for child in body if body is not None else root:
        collector.walk(child, 1)
    collector.flush()
    cleaned = "".join(
        etree.tostring(child, encoding="unicode", method="html")
        for child in (body if body is not None else root)
    )
    return Container(tuple(collector.blocks), cleaned, tuple(dict.fromkeys(widgets)))


def paragraphs(
    container_html: str, drop_css: Iterable[str] = (), drop_xpath: Iterable[str] = ()
) -> list[str]:
    """The container's paragraphs, junk removed, whitespace normalised, lines kept."""
    container = read_container(container_html, tuple(drop_css), tuple(drop_xpath))
    return [block.text for block in container.blocks]


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


def read_unknown_page(html: str) -> tuple[str, list[str]]:
    """A page no layout knows, made ready for trafilatura: hidden elements, form-control
    widgets, link boxes and photos removed; and the photos' captions."""
    # Text split by <br><br> (the Korea Herald's era B) becomes paragraphs: without its class
    # names to go by, trafilatura passes over text that sits in no <p>.
    root = Selector(text=_DOUBLE_BR.sub("</p><p>", html)).root
    drop_controls(root)
    drop_link_boxes(root, set())
    captions = take_captions(root)
    for holder in _HOLDERS(root):
        _wrap_loose_text(holder)
    return etree.tostring(root, encoding="unicode", method="html"), captions


_FIGURES = etree.XPath("//figure")
_FIGURE_ALT = etree.XPath(".//img/@alt")
# A table or block that frames one photo with a line of text: the text is its caption.
_PHOTO_FRAMES = etree.XPath(
    "//*[self::table or self::div][count(.//img) = 1][count(.//p) <= 1][not(.//figure)]"
)
PHOTO_FRAME_TEXT_LIMIT = 300  # characters: a caption, not a short story with its photo


def take_captions(root: etree._Element) -> list[str]:
    """Captions of a page no layout knows, removed from it in place: each figure's caption
    element, else its image's alt text (where Yonhap and the Korea Herald keep it), and the
    text of a table or block that frames one photo."""
    found: list[str] = []
    for figure in _FIGURES(root):
        caption_el = figure.find(".//figcaption")
        caption = one_line(" ".join(_TEXTS(caption_el))) if caption_el is not None else ""
        found.append(caption or one_line(next(iter(_FIGURE_ALT(figure)), "")))
        if figure.getparent() is not None:
            figure.drop_tree()
    framed: list[str] = []
    for frame in reversed(_PHOTO_FRAMES(root)):  # the innermost frame of a photo first
        if frame.getparent() is None or len(frame.findall(".//img")) != 1:
            continue
        text = one_line(" ".join(_TEXTS(frame)))
        if 0 < len(text) <= PHOTO_FRAME_TEXT_LIMIT:
            framed.append(text)
            frame.drop_tree()
    return dedupe([c for c in found + framed[::-1] if c])
