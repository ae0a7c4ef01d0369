"""Benchmark: replica build time and article pages served per second at N=10,000 per site.

Run: .venv/bin/python bench/replica_serve.py [--articles 10000] [--threads 2] [--seconds 5]
Clients use keep-alive connections (like Scrapy) and fetch article pages of both sites in a
shuffled order, so the number printed is what a crawl of the replica could get at most.
"""

from __future__ import annotations

import argparse
import http.client
import random
import threading
import time
from urllib.parse import urlsplit

from newscrawl.replica.generate import build_site
from newscrawl.replica.server import ReplicaServer


def _client(origins: list[str], paths: list[list[str]], stop: float, out: list[int],
            seed: int) -> None:
    rng = random.Random(seed)
    conns = [http.client.HTTPConnection(urlsplit(o).hostname, urlsplit(o).port, timeout=30)
             for o in origins]
    done = 0
    while time.perf_counter() < stop:
        k = rng.randrange(len(conns))
        conns[k].request("GET", rng.choice(paths[k]), headers={"User-Agent": "newscrawl-bench"})
        resp = conns[k].getresponse()
        resp.read()
        if resp.status == 200:
            done += 1
    for c in conns:
        c.close()
    out.append(done)


def main() -> None:
    """Build, serve, hammer, print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    t0 = time.perf_counter()
    site = build_site(args.articles, args.seed)
    build = time.perf_counter() - t0
    print(f"build_site({args.articles}) per site: {build:.2f} s "
          f"({len(site.yonhap)} Yonhap + {len(site.koreaherald)} Korea Herald articles)")
    with ReplicaServer(site) as srv:
        origins = [srv.yonhap_url, srv.koreaherald_url]
        paths = [[a.path for a in site.yonhap], [a.path for a in site.koreaherald]]
        out: list[int] = []
        stop = time.perf_counter() + args.seconds
        threads = [threading.Thread(target=_client, args=(origins, paths, stop, out, i))
                   for i in range(args.threads)]
        t1 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t1
    total = sum(out)
    print(f"served {total} article pages in {elapsed:.2f} s with {args.threads} client threads: "
          f"{total / elapsed:.0f} requests/s")


if __name__ == "__main__":
    main()
