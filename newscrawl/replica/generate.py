"""Builds a deterministic replica `Site`: which articles exist, when, with what IDs and links.

Only metadata is decided here (fast: N=10,000 per site in a few seconds); article text is
written on demand by `newscrawl.replica.bodies`. Everything is drawn from RNGs seeded with
strings, so the same `(articles, seed, start, end)` always gives the same site, byte for byte.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from newscrawl.replica import textgen as T
from newscrawl.replica import vocab as V
from newscrawl.replica.model import KOREAHERALD, YONHAP, Article
from newscrawl.replica.site import Site
from newscrawl.replica.timefmt import KST, ap_date

DEFAULT_START = date(2022, 6, 1)
DEFAULT_END = date(2026, 11, 15)
ERA_C_START = date(2023, 8, 14)
ERA_D_START = date(2024, 12, 21)
UD_05_START = date(2024, 4, 1)

YONHAP_MIX = {"kr_jp": 13, "kr_us": 11, "kr_cn": 8, "kr_ru": 3, "tri_us_jp": 4, "tri_jp_cn": 2,
              "nk": 10, "politics": 6, "business": 15, "sports": 10, "culture": 9, "stocks": 7,
              "envoy": 2}
KH_MIX = {"kr_jp": 12, "kr_us": 10, "kr_cn": 8, "kr_ru": 3, "tri_us_jp": 4, "tri_jp_cn": 1,
          "envoy": 10, "nk": 8, "politics": 6, "business": 18, "sports": 10, "culture": 10}
COPYABLE = {"kr_jp", "kr_us", "kr_cn", "kr_ru", "tri_us_jp", "tri_jp_cn", "nk", "politics",
            "business"}
BILATERAL_TOPICS = {"kr_jp", "kr_us", "kr_cn", "kr_ru", "tri_us_jp", "tri_jp_cn", "envoy"}

# Yonhap listing code -> article:section
Y_SECTIONS = {"national/diplomacy": "Politics", "national/politics": "Politics",
              "nk/nk": "North Korea", "economy-finance/economy": "Economy Business",
              "k-biz/news": "Industry", "k-biz/stocks": "Finance", "sports/sports": "Sports",
              "culture/k-pop": "Culture", "culture/movies": "Culture",
              "culture/arts-culture": "Culture"}
# Korea Herald era-D section path -> (section name, list.php ct code)
KH_SECTIONS = {"National/ForeignAffairs": ("Foreign Affairs", "020103000000"),
               "National/DiplomaticCircuit": ("Diplomatic Circuit", "020112000000"),
               "National/NorthKorea": ("North Korea", "020104000000"),
               "National/Politics": ("Politics", "020101000000"),
               "Business/Industry": ("Industry", "020203000000"),
               "Sports/Baseball": ("Baseball", "020503000000"),
               "LifenCulture/Culture": ("Culture", "020301000000")}


def _weighted(rng: random.Random, mix: dict[str, int]) -> str:
    return rng.choices(list(mix), weights=list(mix.values()))[0]


# The date of the real reference pages: no generated Yonhap ID may resemble theirs.
SKIP_DAYS = {date(2023, 4, 19)}


def _when(rng: random.Random, start: date, end: date) -> datetime:
    day = start + timedelta(days=rng.randrange((end - start).days + 1))
    while day in SKIP_DAYS:
        day += timedelta(days=1)
    minute = rng.randrange(6 * 60, 21 * 60)
    return datetime.combine(day, time(minute // 60, minute % 60, rng.randrange(60)), KST)


def _roster(rng: random.Random, count: int, domain: str) -> list[tuple[str, str, str]]:
    """Fictional reporters: (English name, Korean name, e-mail)."""
    seen: set[str] = set()
    out = []
    while len(out) < count:
        en, ko = T.korean_name(rng)
        if en in seen:
            continue
        seen.add(en)
        sur, given = en.split(" ", 1)
        a, b = given.lower().split("-")
        out.append((en, ko, f"{a[0]}{b[0]}{sur.lower()}{len(out)}@{domain}"))
    return out


def _y_section(rng: random.Random, topic: str) -> str:
    if topic in BILATERAL_TOPICS:
        return "national/diplomacy" if rng.random() < 0.8 else "national/politics"
    return {"politics": "national/politics", "nk": "nk/nk", "stocks": "k-biz/stocks",
            "sports": "sports/sports",
            "business": rng.choice(["economy-finance/economy", "k-biz/news"]),
            "culture": rng.choice(["culture/k-pop", "culture/movies", "culture/arts-culture"]),
            }[topic]


def _kh_section(topic: str) -> str:
    if topic == "envoy":
        return "National/DiplomaticCircuit"
    if topic in BILATERAL_TOPICS:
        return "National/ForeignAffairs"
    return {"nk": "National/NorthKorea", "politics": "National/Politics",
            "business": "Business/Industry", "sports": "Sports/Baseball",
            "culture": "LifenCulture/Culture"}[topic]


def _dateline_city(rng: random.Random, ev: dict[str, object]) -> str:
    if ev.get("abroad"):
        code = str(ev["code"])
        return {"Osaka": "OSAKA", "New York": "NEW YORK", "Honolulu": "HONOLULU",
                "Shanghai": "SHANGHAI", "Vladivostok": "VLADIVOSTOK", "Qingdao": "QINGDAO",
                "Hiroshima": "HIROSHIMA"}.get(str(ev["city"]), V.PARTNERS[code]["capital"])
    if ev["topic"] == "sports" and rng.random() < 0.3:
        return rng.choice(["INCHEON", "BUSAN", "DAEGU", "GWANGJU"])
    return "SEOUL"


def _attn(kind: str, count: int, pos: int) -> str:
    if kind == "adds":
        span = f"para {pos + 1}" if count == 1 else f"paras {pos + 1}-{pos + count}"
        return f"(ATTN: ADDS more details in {span})"
    if kind == "last":
        span = "last para" if count == 1 else f"last {count} paras"
        return f"(ATTN: UPDATES with officials' remarks in {span})"
    return "(ATTN: CHANGES headline, lead; ADDS more details in last para)"


def build_site(articles: int = 1000, seed: int = 0, start: date = DEFAULT_START,
               end: date = DEFAULT_END) -> Site:
    """N articles per site over [start, end], the same bytes for the same arguments."""
    if articles < 1:
        raise ValueError("articles must be at least 1")
    if end < start:
        raise ValueError("end must not be before start")
    yonhap = _build_yonhap(articles, seed, start, end)
    kh = _build_koreaherald(articles, seed, start, end, yonhap)
    return Site(seed=seed, yonhap=yonhap, koreaherald=kh, start=start, end=end)


def _build_yonhap(n: int, seed: int, start: date, end: date) -> list[Article]:
    rng = random.Random(f"replica|{seed}|yonhap")
    roster = _roster(rng, 24, "yna.co.kr")
    plans: list[tuple[str, int]] = []
    total = 0
    while total < n:
        topic = _weighted(rng, YONHAP_MIX)
        p_lead = {"stocks": 0.0, "sports": 0.05, "culture": 0.05}.get(
            topic, 0.35 if topic in BILATERAL_TOPICS or topic == "nk" else 0.2)
        versions = 1
        if rng.random() < p_lead:
            versions = 3 if rng.random() < 0.35 else 2
        versions = min(versions, n - total)
        plans.append((topic, versions))
        total += versions
    whens = sorted(_when(rng, start, end) for _ in plans)
    out: list[Article] = []
    day_serial: dict[date, int] = {}
    history: dict[str, list[int]] = {}
    for (topic, versions), when in zip(plans, whens, strict=True):
        day = when.date()
        serial = day_serial.get(day, rng.randint(1, 60)) + rng.randint(1, 25)
        day_serial[day] = serial
        code = {"business": "320", "stocks": "320", "nk": "325"}.get(topic, "315")
        if rng.random() < 0.15 and topic != "stocks":
            code = rng.choice(["315", "320", "325"])
        ev = T.make_event(rng, topic, day) if topic != "stocks" else {"topic": "stocks"}
        style = rng.randrange(2)
        section_code = _y_section(rng, topic)
        if topic == "stocks":
            base_title = f"Closing Prices of Major Stocks-{rng.randint(1, 4)}"
            n_par = rng.randint(18, 40)
        else:
            base_title = T.headline(ev, rng, style)
            n_par = rng.randint(4, 14 - 2 * (versions - 1))
        story_key = f"AEN{day:%Y%m%d}{serial:04d}{code}"
        photo_count = 0 if topic == "stocks" else rng.choice([0, 1, 1, 1, 2, 3])
        if topic == "stocks":
            authors, author_ko, email = [], V.DESKS_KO["economy"], ""
        elif rng.random() < 0.08:
            authors, author_ko = [], V.DESKS_KO["general"]
            email = rng.choice(roster)[2]
        else:
            picks = rng.sample(roster, 2 if rng.random() < 0.1 else 1)
            authors = [p[0] for p in picks]
            author_ko, email = picks[0][1], picks[0][2]
        city = None if topic == "stocks" else _dateline_city(rng, ev)
        family = "dip" if topic in BILATERAL_TOPICS else topic
        prior = history.setdefault(family, [])
        related_pool = prior[-10:]
        related = rng.sample(related_pool, min(len(related_pool), rng.randint(0, 3)))
        youtube = ("".join(rng.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789_-", k=11)) if rng.random() < 0.08 else None)
        published = when
        title = base_title
        prev_index: int | None = None
        for v in range(versions):
            update = None
            note = None
            if v:
                kind = rng.choice(["adds", "last", "last", "lead"])
                count = 1 if kind == "lead" else rng.randint(1, 2)
                pos = rng.randint(2, n_par - 1) if kind == "adds" else n_par
                update = (kind, count, pos)
                note = _attn(kind, count, pos)
                n_par += count
                if kind == "lead":
                    base_title = T.headline(ev, rng, 1 - style)
                title = ("(LEAD) " if v == 1 else "(2nd LD) ") + base_title
                step = timedelta(minutes=rng.randint(15, 150), seconds=rng.randrange(60))
                latest = datetime.combine(day, time(23, 58, 59), KST)
                published = min(published + step, latest)
            modified = published
            if v == versions - 1 and rng.random() < 0.1:
                modified = published + timedelta(minutes=rng.randint(10, 300))
            aid = f"{story_key[:15]}{['00', '51', '52'][v]}{code}"
            idx = len(out)
            dateline = f"{city}, {ap_date(published)} (Yonhap) --" if city else None
            rel = ([prev_index] if prev_index is not None else []) + related
            out.append(Article(
                index=idx, source=YONHAP, site_article_id=aid, era="2023", path=f"/view/{aid}",
                canonical_url=f"https://en.yna.co.kr/view/{aid}", title=title,
                published=published, modified=modified, topic=topic, event=ev,
                section=Y_SECTIONS[section_code], section_code=section_code,
                story_key=story_key, pairs=T.TOPIC_PAIRS.get(topic, _envoy_pairs(ev)),
                paragraph_count=n_par, photo_count=photo_count, style=style,
                authors=list(authors), author_ko=author_ko, email=email, editor_note=note,
                dateline=dateline, tags=T.keywords(ev), version=v, update=update,
                previous=prev_index, related=rel[:4],
                link_to=(rng.choice(rel) if rel and rng.random() < 0.35 else None),
                youtube=youtube))
            prev_index = idx
        prior.append(prev_index)  # type: ignore[arg-type]
    return out


def _envoy_pairs(ev: dict[str, object]) -> list[list[str]]:
    if ev.get("topic") == "envoy":
        return [sorted(["KR", str(ev["code"])])]
    return []


def _build_koreaherald(n: int, seed: int, start: date, end: date,
                       yonhap: list[Article]) -> list[Article]:
    rng = random.Random(f"replica|{seed}|koreaherald")
    roster = _roster(rng, 20, "heraldcorp.com")
    last_versions: dict[str, Article] = {}
    first_versions: dict[str, Article] = {}
    for a in yonhap:
        if a.topic in COPYABLE:
            last_versions[a.story_key] = a
            first_versions.setdefault(a.story_key, a)
    stories = sorted(last_versions)
    rng.shuffle(stories)
    n_copy = min(len(stories), round(n * 0.18))
    copy_keys, rest = stories[:n_copy], stories[n_copy:]
    nm_keys = [k for k in rest if last_versions[k].topic in BILATERAL_TOPICS][: round(n * 0.06)]
    drafts: list[dict[str, object]] = []
    for key in copy_keys:
        src = last_versions[key]
        if rng.random() < 0.25 and src.previous is not None:
            src = yonhap[src.previous]
        when = src.published + timedelta(minutes=rng.randint(20, 240))
        drop = None
        if src.paragraph_count > 5 and rng.random() < 0.4:
            drop = rng.randint(2, src.paragraph_count - 2)
        drafts.append({"kind": "copy", "src": src, "when": when, "drop": drop})
    for key in nm_keys:
        src = first_versions[key]
        when = src.published + timedelta(minutes=rng.randint(30, 600))
        drafts.append({"kind": "near", "src": src, "when": when})
    pairs_left = max(0, round(n * 0.02))
    while len(drafts) < n:
        topic = _weighted(rng, KH_MIX)
        when = _when(rng, start, end)
        ev = T.make_event(rng, topic, when.date())
        drafts.append({"kind": "own", "topic": topic, "ev": ev, "when": when,
                       "style": rng.randrange(2)})
        if pairs_left and topic in BILATERAL_TOPICS and topic != "envoy" and len(drafts) < n:
            pairs_left -= 1
            drafts.append({"kind": "own", "topic": topic, "ev": ev,
                           "when": when + timedelta(minutes=rng.randint(60, 600)),
                           "style": 1 - int(drafts[-1]["style"]),  # type: ignore[call-overload]
                           "twin": drafts[-1]})
    drafts = drafts[:n]
    for i, d in enumerate(drafts):
        d["order"] = i
    drafts.sort(key=lambda d: (d["when"], d["order"]))  # type: ignore[arg-type, return-value]
    out: list[Article] = []
    day_serial: dict[date, int] = {}
    last_number = 0
    by_draft: dict[int, Article] = {}
    for d in drafts:
        when: datetime = d["when"]  # type: ignore[assignment]
        day = when.date()
        base = 50000 if day >= UD_05_START else 100
        serial = max(day_serial.get(day, base + rng.randint(0, 80)), base) + rng.randint(1, 40)
        day_serial[day] = serial
        ud = f"{day:%Y%m%d}{serial:06d}"
        era = "B" if day < ERA_C_START else ("C" if day < ERA_D_START else "D")
        number = None
        if era == "D":
            floor = 10_250_000 + (day - ERA_D_START).days * 700 + rng.randint(0, 500)
            number = max(floor, last_number + 1)
            last_number = number
            path, canonical = f"/article/{number}", f"https://www.koreaherald.com/article/{number}"
            site_id = str(number)
        else:
            path = f"/view.php?ud={ud}"
            canonical = f"https://www.koreaherald.com/view.php?ud={ud}"
            site_id = ud
        idx = len(out)
        modified = when
        if rng.random() < 0.25:
            modified = when + timedelta(minutes=rng.randint(5, 400))
        common = dict(index=idx, source=KOREAHERALD, site_article_id=site_id, era=era, path=path,
                      canonical_url=canonical, published=when, modified=modified, ud=ud,
                      number=number)
        if d["kind"] == "copy":
            src: Article = d["src"]  # type: ignore[assignment]
            n_par = src.paragraph_count - (1 if d["drop"] is not None else 0)
            city = (src.dateline or "SEOUL,").split(",")[0]
            title = src.title.split(") ", 1)[1] if src.title.startswith("(") else src.title
            a = Article(**common, title=title, topic=src.topic, event=src.event,
                        section=KH_SECTIONS[_kh_section(src.topic)][0],
                        section_code=_kh_section(src.topic), story_key=src.story_key,
                        pairs=src.pairs, paragraph_count=n_par, photo_count=src.photo_count,
                        style=src.style, authors=["Yonhap"], dateline=f"{city} --",
                        syndicated_from=src.index, drop_paragraph=d["drop"])  # type: ignore[arg-type]
        else:
            if d["kind"] == "near":
                src = d["src"]  # type: ignore[assignment]
                topic, ev, style = src.topic, src.event, 1 - src.style
                near = src.canonical_url
            else:
                topic, ev, style = d["topic"], d["ev"], d["style"]  # type: ignore[assignment]
                twin = d.get("twin")
                near = by_draft[id(twin)].canonical_url if twin is not None else None
            picks = rng.sample(roster, 2 if rng.random() < 0.06 else 1)
            section_code = _kh_section(str(topic))
            a = Article(**common, title=T.headline(ev, rng, style), topic=str(topic), event=ev,
                        section=KH_SECTIONS[section_code][0], section_code=section_code,
                        story_key=f"KH{site_id}",
                        pairs=T.TOPIC_PAIRS.get(str(topic), _envoy_pairs(ev)),
                        paragraph_count=rng.randint(4, 14),
                        photo_count=rng.choice([0, 1, 1, 2]), style=style,
                        authors=[p[0] for p in picks], email=picks[0][2],
                        subtitle=T.subtitle(ev, rng) if rng.random() < 0.55 else None,
                        near_miss_of=near)
        by_draft[id(d)] = a
        out.append(a)
    return out
