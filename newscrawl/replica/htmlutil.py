"""Escaping helpers shared by the page renderers."""

from __future__ import annotations

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})


def esc(text: str) -> str:
    """Escape a text node (quotes stay literal, as both sites print them)."""
    return text.translate(_TEXT)


def attr(text: str) -> str:
    """Escape an attribute value; apostrophes become &apos; like Yonhap's meta tags."""
    return text.translate(_ATTR)


def cdata(text: str) -> str:
    """Wrap text in CDATA, splitting any ']]>' so the XML stays well-formed."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def excerpt(text: str, limit: int) -> str:
    """First `limit` characters on a word boundary, with '...' when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."
