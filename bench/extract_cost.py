"""Extraction cost per page: our cleaning pipeline vs bare trafilatura, on the same pages.

Pages are fetched from the replica into a temporary directory first (untimed), then each page
is processed in this one process by (a) the bare extractor, `trafilatura.extract(html,
with_metadata=True, favor_precision=True)` on the whole page (bench/common.py), and
(b) ours: the site parser (`newscrawl.extract.parse_page`) then `clean_article`, which runs
trafilatura on the article container only. Per-page times in milliseconds, median and p90.

    .venv/bin/python bench/extract_cost.py [--articles 500] [--seed 0]

Writes bench/results/extract_cost.json.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from bench.common import argument_parser, bare_extract, write_result  # noqa: E402
from bench.harness import fetch_pages  # noqa: E402


def quantiles(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 2),
        "mean_ms": round(statistics.fmean(ordered), 2),
    }


def main() -> int:
    parser = argument_parser(__doc__, 500)
    args = parser.parse_args()

    from newscrawl.cleaning import clean_article
    from newscrawl.extract import parse_page
    from newscrawl.replica import ReplicaServer, build_site

    site = build_site(articles=args.articles, seed=args.seed)
    truth = site.ground_truth()
    tmp = Path(tempfile.mkdtemp(prefix="newscrawl-bench-pages-"))
    with ReplicaServer(site) as srv:
        origins = {"yonhap": srv.yonhap_url, "koreaherald": srv.koreaherald_url}
        files = fetch_pages(origins, [(t["source"], t["path"]) for t in truth], tmp)
    pages = [(t, f.read_bytes().decode("utf-8")) for t, f in zip(truth, files, strict=True)]

    # warm up both (imports, regex compilation, lxml parsers) outside the timing
    for t, html in pages[:5]:
        bare_extract(html)
        clean_article(parse_page(str(t["canonical_url"]), html, str(t["source"])))

    bare, ours, parse_only, clean_only = [], [], [], []
    for t, html in pages:  # interleaved, so both see the same machine state
        t0 = time.perf_counter()
        bare_extract(html)
        t1 = time.perf_counter()
        item = parse_page(str(t["canonical_url"]), html, str(t["source"]))
        item.raw_html = html
        t2 = time.perf_counter()
        clean_article(item)
        t3 = time.perf_counter()
        bare.append((t1 - t0) * 1000)
        ours.append((t3 - t1) * 1000)
        parse_only.append((t2 - t1) * 1000)
        clean_only.append((t3 - t2) * 1000)

    figures = {
        "articles_per_site": args.articles,
        "pages": len(pages),
        "bare_trafilatura_extract": quantiles(bare),
        "ours_parse_and_clean": quantiles(ours),
        "ours_site_parser_only": quantiles(parse_only),
        "ours_clean_article_only": quantiles(clean_only),
    }
    figures["ratio_bare_over_ours_median"] = round(
        figures["bare_trafilatura_extract"]["median_ms"]
        / figures["ours_parse_and_clean"]["median_ms"], 2)  # fmt: skip
    figures["ratio_bare_over_ours_p90"] = round(
        figures["bare_trafilatura_extract"]["p90_ms"] / figures["ours_parse_and_clean"]["p90_ms"],
        2)  # fmt: skip
    for name in ("bare_trafilatura_extract", "ours_parse_and_clean", "ours_site_parser_only",
                 "ours_clean_article_only"):  # fmt: skip
        q = figures[name]
        print(f"{name:28s} median {q['median_ms']:6.2f} ms  p90 {q['p90_ms']:6.2f} ms")
    print(f"bare / ours: median {figures['ratio_bare_over_ours_median']}x, "
          f"p90 {figures['ratio_bare_over_ours_p90']}x")  # fmt: skip
    if not args.no_write:
        write_result("extract_cost", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
