"""The built replica: articles of both sites, lookups, listings, ground truth and corrections."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from threading import Lock

from newscrawl.replica import bodies
from newscrawl.replica.model import KOREAHERALD, YONHAP, Article, Body
from newscrawl.replica.timefmt import iso_utc

_BODY_CACHE = 4096


class Site:
    """Both replica sites. Built by `newscrawl.replica.generate.build_site`."""

    def __init__(self, seed: int, yonhap: list[Article], koreaherald: list[Article],
                 start: date, end: date) -> None:
        self.seed = seed
        self.start, self.end = start, end
        self.yonhap = yonhap
        self.koreaherald = koreaherald
        self.yonhap_by_id = {a.site_article_id: a for a in yonhap}
        self.kh_by_number = {a.number: a for a in koreaherald if a.number is not None}
        self.kh_by_ud = {a.ud: a for a in koreaherald if a.ud}
        self.by_canonical = {a.canonical_url: a for a in (*yonhap, *koreaherald)}
        key = _newest_first_key
        self.yonhap_newest = sorted(yonhap, key=key)
        self.kh_newest = sorted(koreaherald, key=key)
        self._listings: dict[tuple[str, str], list[Article]] = {}
        self._cache: OrderedDict[tuple[str, int, int], Body] = OrderedDict()
        self._lock = Lock()
        self.generation = 0  # bumped by revise(), so servers can drop derived caches
        self._snippets: dict[tuple[object, ...], str] = {}

    # --- text ----------------------------------------------------------------------------

    def raw_body(self, a: Article) -> Body:
        """Generated text without corrections (what syndicated copies are derived from)."""
        k = (a.source, a.index, -1)
        with self._lock:
            hit = self._cache.get(k)
            if hit is not None:
                self._cache.move_to_end(k)
                return hit
        body = bodies.raw_body(self, a)
        self._remember(k, body)
        return body

    def body(self, a: Article) -> Body:
        """The text as currently served, including `revise` corrections."""
        if not a.overrides:
            return self.raw_body(a)
        k = (a.source, a.index, a.revision)
        with self._lock:
            hit = self._cache.get(k)
        if hit is not None:
            return hit
        raw = self.raw_body(a)
        paras = list(raw.paragraphs)
        for i, text in a.overrides.items():
            paras[i] = text
        link = raw.link if raw.link and raw.link[0] not in a.overrides else None
        body = Body(paragraphs=paras, photos=raw.photos, link=link, lines=raw.lines)
        self._remember(k, body)
        return body

    def _remember(self, k: tuple[str, int, int], body: Body) -> None:
        with self._lock:
            self._cache[k] = body
            if len(self._cache) > _BODY_CACHE:
                self._cache.popitem(last=False)

    def image_src(self, a: Article, i: int) -> str:
        """Image URL on the real image hosts (never fetched by a crawler)."""
        d = a.published
        n = (a.index * 7 + i * 13 + self.seed) % 10
        if a.source == YONHAP:
            return (f"//img{n}.yna.co.kr/photo/yna/YH/{d:%Y/%m/%d}/"
                    f"PYH{d:%Y%m%d}{(a.index * 31 + i) % 10**6:06d}{a.index % 10000:04d}_P4.jpg")
        if a.era == "D":
            h = hashlib.md5(f"{self.seed}|{a.index}|{i}".encode()).hexdigest()
            return f"https://wimg.heraldcorp.com/news/cms/{d:%Y/%m/%d}/news-p.v1.{d:%Y%m%d}.{h}_P1.jpg"
        return f"https://res.heraldm.com/content/image/{d:%Y/%m/%d}/{a.ud}_{i}.jpg"

    def file_photo_src(self, a: Article) -> str:
        """The desk's file picture shown on a Yonhap story without photos of its own (a CMS
        image, captionless on the real pages)."""
        d = a.published
        n = (a.index * 3 + self.seed) % 10
        serial = (a.index * 37) % 10**6
        return (f"//img{n}.yna.co.kr/photo/cms/{d:%Y/%m/%d}/{serial % 100:02d}/"
                f"PCM{d:%Y%m%d}{serial:09d}990_P4.jpg")

    # --- lookups and listings ------------------------------------------------------------

    def article(self, canonical_url: str) -> Article:
        """The article with this canonical URL (KeyError if none)."""
        return self.by_canonical[canonical_url]

    def articles(self, source: str | None = None) -> list[Article]:
        """All articles, or those of one site, in build order."""
        if source == YONHAP:
            return list(self.yonhap)
        if source == KOREAHERALD:
            return list(self.koreaherald)
        return [*self.yonhap, *self.koreaherald]

    def listing(self, source: str, prefix: str) -> list[Article]:
        """Articles whose section code starts with `prefix` ("" = all), newest first."""
        k = (source, prefix)
        hit = self._listings.get(k)
        if hit is None:
            pool = self.yonhap_newest if source == YONHAP else self.kh_newest
            hit = [a for a in pool if a.section_code.startswith(prefix)]
            self._listings[k] = hit
        return hit

    def neighbours(self, a: Article, count: int = 5) -> list[Article]:
        """Articles published just before `a` on its site (for "latest news" boxes)."""
        pool = self.yonhap if a.source == YONHAP else self.koreaherald
        lo = max(0, a.index - count)
        return [x for x in pool[lo:a.index] if x is not a][::-1] or pool[a.index + 1:
                                                                          a.index + 1 + count]

    def around(self, a: Article, count: int) -> list[Article]:
        """`count` other articles of `a`'s site, those published just before it first, wrapping
        round to the newest: the recommendation boxes of every page are full."""
        pool = self.yonhap if a.source == YONHAP else self.koreaherald
        n = len(pool)
        return [pool[(a.index - k) % n] for k in range(1, min(count, n - 1) + 1)] or [a]

    def snippet(self, key: tuple[object, ...], make: Callable[[], str]) -> str:
        """A rendered piece of page chrome about one article (an item of a headline box), kept:
        the boxes of neighbouring pages repeat the same items, and a correction never changes
        what they show (headline, section, picture)."""
        hit = self._snippets.get(key)
        if hit is None:
            hit = self._snippets[key] = make()
        return hit

    # --- ground truth --------------------------------------------------------------------

    def truth(self, a: Article) -> dict[str, object]:
        """Expected clean fields of one article."""
        body = self.body(a)
        src = self.yonhap[a.syndicated_from] if a.syndicated_from is not None else None
        return {
            "source": a.source,
            "canonical_url": a.canonical_url,
            "path": a.path,
            "site_article_id": a.site_article_id,
            "era": a.era,
            "title": a.title,
            "subtitle": a.subtitle,
            "authors": list(a.authors),
            "editor_note": a.editor_note,
            "dateline": a.dateline,
            "section": a.section,
            "tags": list(a.tags),
            "published_at": iso_utc(_as_shown(a, a.published)),
            "modified_at": iso_utc(_as_shown(a, a.modified)),
            "body_paragraphs": list(body.paragraphs),
            "captions": [p.caption for p in body.photos if p.caption],
            "story_key": a.story_key,
            "version": a.version,
            "syndicated_from": src.canonical_url if src else None,
            "near_miss_of": a.near_miss_of,
            "bilateral": bool(a.pairs),
            "pairs": sorted(sorted(p) for p in a.pairs),
            "topic": a.topic,
        }

    def ground_truth(self) -> list[dict[str, object]]:
        """One dict per valid article (Yonhap first, then the Korea Herald), build order."""
        return [self.truth(a) for a in (*self.yonhap, *self.koreaherald)]

    def write_ground_truth(self, path: str | Path) -> int:
        """Write the ground truth as JSON Lines; returns the number of records."""
        rows = self.ground_truth()
        with open(path, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        return len(rows)

    def bad_pages(self) -> list[dict[str, object]]:
        """The fixed broken pages served when faults enable `badpages` (not valid articles)."""
        from newscrawl.replica.badpages import NOTES, catalogue

        return [{"name": b.name, "source": b.source, "path": b.path, "site_article_id": b.ident,
                 "title": b.title, "published_at": iso_utc(b.published),
                 "note": NOTES.get(b.name, "RSS that is not well-formed XML")}
                for b in catalogue(self)]

    # --- corrections ---------------------------------------------------------------------

    def revise(self, canonical_url: str, paragraph_index: int, new_text: str,
               modified_at: datetime | None = None) -> None:
        """Correct one body paragraph in place (same URL), updating served page and truth."""
        a = self.by_canonical[canonical_url]
        n = len(self.raw_body(a).paragraphs)
        if not 0 <= paragraph_index < n:
            raise IndexError(f"paragraph_index {paragraph_index} out of range 0..{n - 1}")
        if not new_text.strip():
            raise ValueError("new_text must not be empty")
        if modified_at is not None and modified_at.tzinfo is None:
            raise ValueError("modified_at must be timezone-aware")
        a.overrides[paragraph_index] = new_text.strip()
        a.revision += 1
        a.modified = modified_at or max(a.modified, a.published) + timedelta(hours=1)
        self.generation += 1


def _as_shown(a: Article, when: datetime) -> datetime:
    """Korea Herald eras B and C print times to the minute only, and carry no other date."""
    if a.source == KOREAHERALD and a.era in ("B", "C"):
        return when.replace(second=0, microsecond=0)
    return when


def _newest_first_key(a: Article) -> tuple[float, str]:
    return (-a.published.timestamp(), a.site_article_id)
