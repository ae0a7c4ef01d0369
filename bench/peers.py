"""Against peers: trafilatura's feed crawler, news-please and newspaper4k on the same replica.

In one invocation, against one replica (N articles per site):

* **ours**: `newscrawl crawl` (both spiders, PostgreSQL, dedup, topic; bench/harness.py) finds
  and stores all 2N articles itself;
* **trafilatura --feed**: the `trafilatura` command's feed crawler on each site's home page.
  It cannot run against loopback (courlan rejects IP-address hosts; see `run_trafilatura`),
  so the result records why, and **trafilatura -i** stands in: the same command's own
  parallel downloader and extractor on the 2N article URLs, JSON files out;
* **newspaper4k**: `newspaper.fetch_news(urls, threads=8)` (threaded download and parse) on
  the 2N article URLs, results written to a JSON-lines file;
* **news-please**: `NewsPlease.from_urls(urls)` (threaded download, then its extractors in a
  process pool over all cores) on the 2N article URLs, results to a JSON-lines file.

Neither newspaper4k nor news-please discovers articles through listings the way our spiders do,
so they are handed the article URLs (their best case). Each tool runs as one command in a fresh
process; its rate is articles extracted over that command's wall time. Politeness is lifted
for all alike: our `-s` overrides, and for trafilatura a config file with `SLEEP_TIME = 0` and
`SSRF_PROTECTION = off` (it refuses loopback otherwise).

Body F1: whitespace-token F1 of each extracted text against the replica's ground truth
(`body_paragraphs`), averaged over the articles the tool returned; `coverage` is how many of
the articles it was given (or, for the feed crawler, found) came back with text.

news-please and newspaper4k pin dependencies that differ from ours (newspaper4k wants
python-dateutil < 3), so they live in their own environment (bench/README.md):

    python3.11 -m venv .venv-peers && .venv-peers/bin/pip install -e '.[peers]'
    .venv/bin/python bench/peers.py [--articles 500] [--peers-python .venv-peers/bin/python]

Writes bench/results/peers.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import argument_parser, write_result  # noqa: E402
from newscrawl.evaluation import token_f1  # noqa: E402

SINCE = "2022-01-01"
TRAFILATURA_CONFIG = """[DEFAULT]
DOWNLOAD_TIMEOUT = 30
MAX_FILE_SIZE = 20000000
MIN_FILE_SIZE = 10
SLEEP_TIME = 0
USER_AGENTS = newscrawl-bench
COOKIE =
MAX_REDIRECTS = 2
SSRF_PROTECTION = off
INSECURE_SSL_FALLBACK = on
MIN_EXTRACTED_SIZE = 250
MIN_OUTPUT_SIZE = 1
MIN_OUTPUT_COMM_SIZE = 1
MAX_TREE_SIZE =
EXTRACTION_TIMEOUT = 30
MIN_EXTRACTED_COMM_SIZE = 1
MIN_DUPLCHECK_SIZE = 100
MAX_REPETITIONS = 2
EXTENSIVE_DATE_SEARCH = on
EXTERNAL_URLS = off
"""


# -- children (run with the peers' interpreter) ----------------------------------------------


def child_newspaper(urls: list[str], out: Path) -> None:
    from newspaper.mthreading import fetch_news

    articles = fetch_news(urls, threads=8)
    with out.open("w") as f:
        for art in articles:
            text = getattr(art, "text", "") or ""
            f.write(json.dumps({"url": art.url, "text": text}) + "\n")


def child_newsplease(urls: list[str], out: Path) -> None:
    from newsplease import NewsPlease

    results = NewsPlease.from_urls(urls, request_args={"timeout": 30}, fetch_images=False)
    with out.open("w") as f:
        for url, art in results.items():
            text = getattr(art, "maintext", None) if art else None
            f.write(json.dumps({"url": url, "text": text or ""}) + "\n")


# -- the parent ------------------------------------------------------------------------------


class Truth:
    """Ground-truth bodies, looked up by a replica URL in any form a tool reports."""

    def __init__(self, ground: list[dict[str, Any]]) -> None:
        self.by_key: dict[tuple[str, str], dict[str, Any]] = {}
        for t in ground:
            self.by_key[(str(t["source"]), self._key(str(t["path"])))] = t
        self.body = {str(t["canonical_url"]): "\n".join(t["body_paragraphs"]) for t in ground}

    @staticmethod
    def _key(path_or_url: str) -> str:
        parts = urlsplit(path_or_url)
        if parts.path.endswith("view.php"):
            ud = parse_qs(parts.query).get("ud", [""])[0].rsplit("=", 1)[-1]
            return f"/view.php?ud={ud}"
        return parts.path

    def find(self, source: str, url: str) -> dict[str, Any] | None:
        return self.by_key.get((source, self._key(url)))


def score(results: list[tuple[str, str, str]], truth: Truth, given: int) -> dict[str, Any]:
    """F1 per (source, url, text) against the truth; coverage over the `given` articles."""
    f1s, matched = [], set()
    for source, url, text in results:
        t = truth.find(source, url)
        if t is None or t["canonical_url"] in matched or not text.strip():
            continue
        matched.add(t["canonical_url"])
        f1s.append(token_f1(truth.body[str(t["canonical_url"])], text))
    return {
        "articles_with_text": len(f1s),
        "coverage": round(len(f1s) / given, 3) if given else None,
        "body_f1_mean": round(statistics.fmean(f1s), 4) if f1s else None,
        "body_f1_median": round(statistics.median(f1s), 4) if f1s else None,
    }


def timed(cmd: list[str], env: dict[str, str] | None = None,
          timeout: float = 3600) -> tuple[float, subprocess.CompletedProcess[str]]:  # fmt: skip
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})})  # fmt: skip
    return time.monotonic() - started, proc


def source_of(url: str, ports: dict[int, str]) -> str:
    """The site of a replica URL, or of a real-domain URL a tool took from the canonical link."""
    host = urlsplit(url).hostname or ""
    if host.endswith("yna.co.kr"):
        return "yonhap"
    if host.endswith("koreaherald.com"):
        return "koreaherald"
    return ports.get(urlsplit(url).port or 0, "")


def run_trafilatura(urls: dict[str, str], ports: dict[int, str], article_urls: list[str],
                    truth: Truth, tmp: Path) -> dict[str, Any]:  # fmt: skip
    """`trafilatura --feed` on each site; and its crawler-downloader on the URL list.

    The feed mode validates URLs with courlan, which rejects IP-address and dotless hosts, so
    on 127.0.0.1 it finds no feed (logged "Invalid URL") and extracts only the home page;
    both outcomes are recorded.
    """
    config = tmp / "trafilatura.cfg"
    config.write_text(TRAFILATURA_CONFIG)
    exe = str(Path(sys.executable).with_name("trafilatura"))
    common = ["--output-format", "json", "--with-metadata", "--config-file", str(config),
              "--parallel", "8"]  # fmt: skip
    feed: dict[str, Any] = {"command": "trafilatura --feed ORIGIN/ --output-dir DIR " +
                            " ".join(common[:-3]) + " CFG --parallel 8"}  # fmt: skip
    found, seconds, messages = 0, 0.0, []
    for site, origin in urls.items():
        out = tmp / f"trafilatura-feed-{site}"
        took, proc = timed([exe, "--feed", origin + "/", "--output-dir", str(out), *common])
        seconds += took
        found += len(list(out.glob("*.json"))) if out.exists() else 0
        messages += [line for line in proc.stderr.splitlines() if "Invalid URL" in line][:1]
    feed.update({"seconds": round(seconds, 2), "files_written": found, "messages": messages})
    if messages:
        feed["not_run_because"] = (
            "trafilatura's feed mode validates every URL with courlan.check_url, which rejects "
            "hosts that are IP addresses or have no dot (127.0.0.1, localhost): it logs "
            "'Invalid URL: http://127.0.0.1:PORT/', finds no feed and no article, and writes "
            "only the home page's own text. No dotted name resolves "
            "to 127.0.0.1 here without editing /etc/hosts, and the replica serves loopback only.")

    listing = tmp / "trafilatura-urls.txt"
    listing.write_text("\n".join(article_urls))
    out = tmp / "trafilatura-list"
    took, proc = timed([exe, "--input-file", str(listing), "--output-dir", str(out), *common])
    results: list[tuple[str, str, str]] = []
    for path in sorted(out.glob("*.json")) if out.exists() else []:
        doc = json.loads(path.read_text())
        url = doc.get("source") or doc.get("url") or ""
        results.append((source_of(url, ports), url, doc.get("text") or ""))
    listed = {
        "command": "trafilatura --input-file URLS --output-dir DIR " + " ".join(common[:-3])
        + " CFG --parallel 8",
        "seconds": round(took, 2), "articles": len(results),
        "articles_per_second": round(len(results) / took, 1),
        **score(results, truth, len(article_urls)),
    }  # fmt: skip
    if proc.returncode != 0:
        listed["error"] = proc.stderr[-500:]
    return {"feed": feed, "url_list": listed}


def run_peer(name: str, python: str, article_urls: list[str], ports: dict[int, str],
             truth: Truth, tmp: Path) -> dict[str, Any]:  # fmt: skip
    listing = tmp / f"{name}-urls.txt"
    listing.write_text("\n".join(article_urls))
    out = tmp / f"{name}.jsonl"
    took, proc = timed([python, __file__, "--child", name, "--urls", str(listing),
                        "--out", str(out)])  # fmt: skip
    if proc.returncode != 0 or not out.exists():
        return {"error": (proc.stderr or proc.stdout)[-1500:], "seconds": round(took, 2)}
    rows = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    results = [(source_of(r["url"], ports), r["url"], r["text"]) for r in rows]
    done = sum(1 for r in rows if (r["text"] or "").strip())
    return {"seconds": round(took, 2), "articles": done,
            "articles_per_second": round(done / took, 1),
            **score(results, truth, len(article_urls))}  # fmt: skip


def peer_versions(python: str) -> dict[str, str | None]:
    code = ("import json; from importlib.metadata import version as v\n"
            "out = {}\nfor n in ('news-please', 'newspaper4k', 'trafilatura', 'python-dateutil'):\n"
            "    try: out[n] = v(n)\n    except Exception: out[n] = None\nprint(json.dumps(out))")
    proc = subprocess.run([python, "-c", code], capture_output=True, text=True)
    return json.loads(proc.stdout) if proc.returncode == 0 else {"error": proc.stderr[-300:]}


def main() -> int:
    parser = argument_parser(__doc__, 500)
    parser.add_argument("--peers-python", default=str(ROOT / ".venv-peers" / "bin" / "python"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--urls", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        todo = Path(args.urls).read_text().split()
        {"newspaper4k": child_newspaper, "news-please": child_newsplease}[args.child](
            todo, Path(args.out))
        return 0

    from bench.harness import Postgres, run_crawl, stored
    from newscrawl.replica import ReplicaServer, build_site

    site = build_site(articles=args.articles, seed=args.seed)
    ground = site.ground_truth()
    truth = Truth(ground)
    pg = Postgres()
    tmp = Path(tempfile.mkdtemp(prefix="newscrawl-bench-peers-"))
    figures: dict[str, Any] = {"articles_per_site": args.articles, "seed": args.seed}
    peers_ok = Path(args.peers_python).exists()
    try:
        # KH feeds answer 403 to Python-urllib user agents, like the real ones; the peers are
        # configured with an honest agent of their own where they allow it.
        with ReplicaServer(site) as srv:
            urls = {"yonhap": srv.yonhap_url, "koreaherald": srv.koreaherald_url}
            ports = {urlsplit(u).port or 0: s for s, u in urls.items()}
            article_urls = [urls[str(t["source"])] + str(t["path"]) for t in ground]

            db = pg.fresh("peers")
            run = run_crawl(urls, db, extra=("--since", SINCE))
            rows = stored(db)
            ours_results = [(r["source"], url, r["body"] or "") for url, r in rows.items()]
            ours_truth = {str(t["canonical_url"]): t for t in ground}
            f1s = [token_f1(truth.body[u], rows[u]["body"] or "") for u in ours_truth
                   if u in rows and (rows[u]["body"] or "").strip()]  # fmt: skip
            figures["ours"] = {
                "command": "newscrawl crawl (bench/harness.py, --since, politeness lifted)",
                "seconds": round(run.seconds, 2), "articles": len(rows),
                "articles_per_second": round(len(rows) / run.seconds, 1),
                "articles_with_text": len(f1s), "coverage": round(len(f1s) / len(ground), 3),
                "body_f1_mean": round(statistics.fmean(f1s), 4) if f1s else None,
                "body_f1_median": round(statistics.median(f1s), 4) if f1s else None,
            }  # fmt: skip
            del ours_results
            print("ours:", json.dumps(figures["ours"]), flush=True)

            traf = run_trafilatura(urls, ports, article_urls, truth, tmp)
            figures["trafilatura_feed"] = traf["feed"]
            figures["trafilatura"] = traf["url_list"]
            print("trafilatura --feed:", json.dumps(traf["feed"]), flush=True)
            print("trafilatura -i:", json.dumps(traf["url_list"]), flush=True)
            for name in ("newspaper4k", "news-please"):
                if not peers_ok:
                    figures[name] = {"error": f"no peers environment at {args.peers_python}; "
                                     "see bench/README.md"}  # fmt: skip
                else:
                    figures[name] = run_peer(name, args.peers_python, article_urls, ports,
                                             truth, tmp)  # fmt: skip
                print(f"{name}:", json.dumps(figures[name]), flush=True)
    finally:
        pg.close()
    ours_rate = figures["ours"]["articles_per_second"]
    figures["throughput_ratio_ours_over"] = {
        name: round(ours_rate / figures[name]["articles_per_second"], 2)
        for name in ("trafilatura_feed", "trafilatura", "newspaper4k", "news-please")
        if figures[name].get("articles_per_second")
    }
    figures["peer_versions"] = peer_versions(args.peers_python) if peers_ok else None
    print("ours / peer, articles per second:", figures["throughput_ratio_ours_over"])
    if not args.no_write:
        write_result("peers", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
