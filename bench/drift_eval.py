"""Drift: how the extraction holds up when a site changes, on pages nobody changed by hand.

For each of our fixture pages (tests/fixtures/pages, expected output written from the story)
and each real Yonhap page in ../shared/reference/yonhap-2023 (expected: what the extraction
makes of the unchanged page), in memory: (a) the unchanged page, (b) every class and id
renamed and <article> turned into <div>, (c) five widgets inside the container, (d) both.
Reports body token-F1, title/time/authors kept, widget text in bodies, and problem codes. It
also measures the layouts' claims both ways: with `story_css` (a claimed paragraph stays even
when trafilatura drops it) and without (trafilatura judges every paragraph).

    .venv/bin/python bench/drift_eval.py [--no-write]

Writes bench/results/drift_eval.json. Which figures rest on our own fixtures and which on the
real pages is said per row.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import argument_parser, write_result  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
REAL = ROOT.parent / "shared" / "reference" / "yonhap-2023"


def main() -> int:
    args = argument_parser(__doc__, None).parse_args()
    from newscrawl import sites
    from newscrawl.evaluation import token_f1
    from newscrawl.extract import page_to_article
    from newscrawl.items import FetchedPage
    from newscrawl.replica.drift import junk_in, redesign, with_widgets

    def article(html: str, url: str):
        return page_to_article(FetchedPage(source="", url=url, html=html))

    cases = []
    for path in sorted(PAGES.glob("*.html")):
        want = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        cases.append(("fixture", path.stem, path.read_text(encoding="utf-8"), want["url"],
                      want["body"]))  # fmt: skip
    for path in sorted(REAL.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        url = f"http://127.0.0.1:8/view/{path.stem}"
        cases.append(("real", path.stem, html, url, article(html, url).body))

    variants = {"unchanged": lambda h: h, "redesign": redesign, "widgets": with_widgets,
                "both": lambda h: redesign(with_widgets(h))}  # fmt: skip
    rows: dict[str, dict[str, object]] = {}
    for name, change in variants.items():
        for kind in ("fixture", "real"):
            f1s, kept, junk, codes = [], 0, 0, Counter()
            chosen = [c for c in cases if c[0] == kind]
            for _kind, _stem, html, url, want_body in chosen:
                base, got = article(html, url), article(change(html), url)
                f1s.append(token_f1(want_body, got.body))
                kept += (got.title, got.published_at, got.authors) == (
                    base.title, base.published_at, base.authors)
                junk += len(junk_in(got.body))
                codes.update({p.split(":")[0] for p in got.problems})
            rows[f"{name}/{kind}"] = {
                "pages": len(chosen), "body_f1_min": round(min(f1s), 4),
                "body_f1_mean": round(statistics.fmean(f1s), 4),
                "title_time_authors_kept": kept, "widget_phrases_in_bodies": junk,
                "pages_per_problem_code": dict(sorted(codes.items())),
            }  # fmt: skip
            print(f"{name:9} {kind:7} pages {len(chosen):2}  body F1 min {min(f1s):.4f} "
                  f"mean {statistics.fmean(f1s):.4f}  title/time/authors kept {kept}/"
                  f"{len(chosen)}  widget text {junk}  codes {dict(codes)}")  # fmt: skip

    # the layouts' claims, both ways, on the unchanged pages
    claims = {}
    saved = {layout.name: layout.story_css for layout in sites.ALL_LAYOUTS}
    for mode in ("with claims", "without claims"):
        if mode == "without claims":
            for layout in sites.ALL_LAYOUTS:
                layout.story_css = ()
        made = {kind: [(want, article(html, url)) for k, _s, html, url, want in cases
                       if k == kind] for kind in ("fixture", "real")}  # fmt: skip
        claims[mode] = {}
        for kind, pairs in made.items():
            f1s = [token_f1(want, got.body) for want, got in pairs]
            flagged = sum(any(p.startswith("unknown_markup") for p in got.problems)
                          for _want, got in pairs)  # fmt: skip
            claims[mode][kind] = {"body_f1_min": round(min(f1s), 4),
                                  "body_f1_mean": round(statistics.fmean(f1s), 4),
                                  "pages_flagged_unknown_markup": flagged}  # fmt: skip
            print(f"{mode:15} {kind:7} body F1 min {min(f1s):.4f} mean "
                  f"{statistics.fmean(f1s):.4f}  flagged unknown_markup {flagged}/"
                  f"{len(pairs)}")  # fmt: skip
    for layout in sites.ALL_LAYOUTS:
        layout.story_css = saved[layout.name]

    # the replica's pages (their chrome written here; the Korea Herald's guessed), redesigned
    from newscrawl.replica import build_site
    from newscrawl.replica.routes import route

    site = build_site(articles=40, seed=3)
    replica: dict[str, dict[str, float]] = {}
    by_source: dict[str, list[float]] = {}
    for t in site.ground_truth():
        resp = route(site, str(t["source"]), str(t["path"]), "http://127.0.0.1:9", False)
        if resp.status != 200:
            continue
        html, url = resp.body.decode("utf-8"), "http://127.0.0.1:9" + str(t["path"])
        base, got = article(html, url), article(redesign(html), url)
        by_source.setdefault(str(t["source"]), []).append(token_f1(base.body, got.body))
    for source, f1s in sorted(by_source.items()):
        replica[source] = {"pages": len(f1s), "body_f1_min": round(min(f1s), 4),
                           "body_f1_median": round(statistics.median(f1s), 4),
                           "pages_below_0.99": sum(f < 0.99 for f in f1s)}  # fmt: skip
        print(f"replica redesign {source:11} pages {len(f1s)}  body F1 min {min(f1s):.4f} "
              f"median {statistics.median(f1s):.4f}  below 0.99: "
              f"{sum(f < 0.99 for f in f1s)}")  # fmt: skip

    if not args.no_write:
        write_result("drift_eval", {
            "expected": {"fixture": "the fixture's expected JSON, written from the story",
                         "real": "the extraction of the unchanged real page"},
            "variants": rows, "claims": claims, "replica_redesign_seed3_40": replica,
        })  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
