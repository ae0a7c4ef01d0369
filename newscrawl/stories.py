"""Story identity from article IDs: Yonhap files each update of a story under a new ID.

`AEN20231005001200315` is story 0012 of Oct. 5 at desk code 315; the two digits after the
serial give the version: 00 the first take, 51 the (LEAD), 52 the (2nd LD), and so on. The
story key is the ID without those two digits, so grouping never guesses from the text.
"""

from __future__ import annotations

import re

_YONHAP_ID = re.compile(r"^(AEN\d{8}\d{4})(\d{2})(\d{3})$")


def story_key(source: str, site_article_id: str | None, canonical_url: str) -> str:
    if source == "yonhap" and site_article_id and (m := _YONHAP_ID.match(site_article_id)):
        return f"yonhap:{m.group(1)}{m.group(3)}"
    return f"{source}:{site_article_id or canonical_url}"


def version_rank(source: str, site_article_id: str | None) -> int:
    """0 for an original, 1 for (LEAD), 2 for (2nd LD)...; 0 when the ID says nothing."""
    if source != "yonhap" or not site_article_id:
        return 0
    m = _YONHAP_ID.match(site_article_id)
    if not m:
        return 0
    suffix = int(m.group(2))
    return suffix - 50 if 51 <= suffix <= 99 else 0
