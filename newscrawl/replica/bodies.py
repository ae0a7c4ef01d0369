"""Writes an article's text from its recipe: paragraphs, photos, inline link.

Yonhap versions are built on the previous take (a LEAD keeps the original's paragraphs and adds
or replaces some), and a Korea Herald "By Yonhap" copy is the Yonhap text with the small edits
the Herald makes: dateline cut to "CITY --", " (Yonhap)" appended, sometimes a paragraph fewer.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from newscrawl.replica import textgen as T
from newscrawl.replica.model import YONHAP, Article, Body, Photo

if TYPE_CHECKING:
    from newscrawl.replica.site import Site

KH_CREDITS = ["(Yonhap)", "(Ministry of Foreign Affairs)", "(Herald DB)", "(Newsis)",
              "(Presidential office)"]


def raw_body(site: Site, a: Article) -> Body:
    """The generated text, before any `Site.revise` corrections."""
    if a.source == YONHAP:
        return _yonhap(site, a)
    if a.syndicated_from is not None:
        return _kh_copy(site, a)
    return _kh_own(site, a)


def _rng(site: Site, *parts: object) -> random.Random:
    return random.Random("|".join(str(p) for p in (site.seed, *parts)))


def _yonhap(site: Site, a: Article) -> Body:
    if a.topic == "stocks":
        lines = T.price_lines(_rng(site, "Y", a.story_key, "prices"), a.paragraph_count)
        return Body(paragraphs=lines, lines=True)
    if a.version == 0 or a.previous is None or a.update is None:
        rng = _rng(site, "Y", a.story_key, "text")
        paras = T.paragraphs(a.event, rng, a.paragraph_count, a.style)
    else:
        paras = list(site.raw_body(site.yonhap[a.previous]).paragraphs)
        paras[0] = paras[0].split(" -- ", 1)[1] if " -- " in paras[0] else paras[0]
        kind, count, pos = a.update
        rng = _rng(site, "Y", a.site_article_id, "update")
        if kind == "adds":
            paras[pos:pos] = T.update_paragraphs(a.event, rng, count)
        elif kind == "last":
            paras.extend(T.update_paragraphs(a.event, rng, count))
        else:
            old = paras[0]
            for _ in range(8):
                paras[0] = T.lead_sentence(a.event, rng, (a.style + a.version) % 2)
                if paras[0] != old:
                    break
            paras.extend(T.update_paragraphs(a.event, rng, count))
    if a.dateline:
        paras[0] = f"{a.dateline} {paras[0].split(' -- ', 1)[-1]}"
    photos = _photos(site, a, len(paras), T.captions(
        a.event, _rng(site, "Y", a.story_key, "photo"), a.photo_count))
    if len(photos) >= 2:  # as on the real pages, the last photo may follow the last paragraph
        photos[-1].after = len(paras) - 1
    elif not photos:  # a story without photos shows its desk's captionless file picture
        photos = [Photo(after=max(0, min(len(paras) - 2, 3)), caption="",
                        src=site.file_photo_src(a))]
    return Body(paragraphs=paras, photos=photos, link=_link(site, a, paras))


def _photos(site: Site, a: Article, n_par: int, caps: list[str]) -> list[Photo]:
    out = []
    for i, cap in enumerate(caps):
        after = max(0, min(n_par - 2, (i + 1) * n_par // (len(caps) + 1) - 1))
        out.append(Photo(after=after, caption=cap, src=site.image_src(a, i)))
    return out


def _link(site: Site, a: Article, paras: list[str]) -> tuple[int, str, str] | None:
    if a.link_to is None or len(paras) < 2:
        return None
    rng = _rng(site, "Y", a.site_article_id, "link")
    j = rng.randint(1, len(paras) - 1)
    words = paras[j].split(" ")
    if len(words) < 8:
        return None
    w = rng.randint(2, len(words) - 4)
    phrase = f"{words[w]} {words[w + 1]}"
    return (j, phrase, site.yonhap[a.link_to].path)


def _kh_copy(site: Site, a: Article) -> Body:
    src = site.yonhap[a.syndicated_from]  # type: ignore[index]
    body = site.raw_body(src)
    paras = list(body.paragraphs)
    if a.drop_paragraph is not None and 0 < a.drop_paragraph < len(paras) - 1:
        del paras[a.drop_paragraph]
    if a.dateline and " -- " in paras[0]:
        paras[0] = f"{a.dateline} {paras[0].split(' -- ', 1)[1]}"
    paras[-1] = f"{paras[-1]} (Yonhap)"
    captioned = [p for p in body.photos if p.caption]  # the Herald shows no file pictures
    photos = [Photo(after=min(p.after, len(paras) - 2), caption=p.caption,
                    src=site.image_src(a, i)) for i, p in enumerate(captioned)]
    return Body(paragraphs=paras, photos=photos)


def _kh_own(site: Site, a: Article) -> Body:
    rng = _rng(site, "K", a.site_article_id, "text")
    paras = T.paragraphs(a.event, rng, a.paragraph_count, a.style)
    caps = [c.rsplit(" (", 1)[0] + " " + rng.choice(KH_CREDITS)
            for c in T.captions(a.event, rng, a.photo_count)]
    return Body(paragraphs=paras, photos=_photos(site, a, len(paras), caps))
