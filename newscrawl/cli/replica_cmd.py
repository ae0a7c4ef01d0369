"""`newscrawl replica serve|ground-truth`: run the local copy of both sites, or dump its truth.

Yonhap is served on --port and the Korea Herald on --port + 1, so a spider needs only one number.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import date
from typing import Any

from newscrawl.errors import UsageError

DEFAULT_PORT = 8801
DEFAULT_ARTICLES = 1000


MAX_ARTICLES = 100_000  # per site; the replica is built in memory


def register(subparsers: Any) -> None:
    """Add the `replica` command group."""
    parser = subparsers.add_parser("replica", help="serve the offline replica of both sites")
    sub = parser.add_subparsers(dest="replica_command", metavar="ACTION", required=True)

    serve = sub.add_parser("serve", help="serve Yonhap on PORT and the Korea Herald on PORT+1")
    _common(serve)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT,
                       help=f"Yonhap port; the Korea Herald uses PORT+1 (default {DEFAULT_PORT})")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--faults", default=None, metavar="SPEC",
                       help='e.g. "error=0.1,429=0.05,slow=0.02,drop=0.02,truncate=0.01,seed=3,'
                            'badpages=1" (see docs/replica.md)')
    serve.add_argument("--drift", choices=("widgets", "redesign", "both"), default=None,
                       help="serve every article page changed as a site changes: widgets "
                            "inside the story, every class and id renamed, or both "
                            "(docs/drift.md)")
    serve.set_defaults(handler=run)

    truth = sub.add_parser("ground-truth", help="write the expected clean articles as JSON Lines")
    _common(truth)
    truth.add_argument("--out", required=True, metavar="FILE", help="output .jsonl file")
    truth.add_argument("--bad-pages", metavar="FILE", default=None,
                       help="also write the list of deliberately broken pages (JSON Lines)")
    truth.set_defaults(handler=run)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--articles", type=int, default=DEFAULT_ARTICLES,
                   help=f"articles per site (default {DEFAULT_ARTICLES})")
    p.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    p.add_argument("--start", default=None, metavar="YYYY-MM-DD", help="first publication date")
    p.add_argument("--end", default=None, metavar="YYYY-MM-DD", help="last publication date")


def _dates(args: argparse.Namespace) -> dict[str, date]:
    out = {}
    for name in ("start", "end"):
        raw = getattr(args, name, None)
        if raw:
            try:
                out[name] = date.fromisoformat(raw)
            except ValueError:
                raise UsageError(f"--{name} must be a date like 2023-10-05, not {raw!r}") from None
    return out


def _build(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from newscrawl.replica.generate import build_site

    if args.articles < 1:
        raise UsageError("--articles must be at least 1")
    if args.articles > MAX_ARTICLES:
        raise UsageError(f"--articles must be at most {MAX_ARTICLES:,} (per site)")
    try:
        return build_site(args.articles, args.seed, **_dates(args))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    """Dispatch `replica serve` / `replica ground-truth`."""
    if args.replica_command == "ground-truth":
        return _ground_truth(args)
    return _serve(args)


def _ground_truth(args: argparse.Namespace) -> int:
    import json

    site = _build(args)
    try:
        n = site.write_ground_truth(args.out)
        if args.bad_pages:
            with open(args.bad_pages, "w", encoding="utf-8") as fh:
                for row in site.bad_pages():
                    fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write {exc.filename}: {exc.strerror}") from None
    print(f"wrote {n} articles to {args.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from newscrawl.replica.faults import FaultSpec
    from newscrawl.replica.server import ReplicaServer

    if not 0 <= args.port <= 65534:
        raise UsageError("--port must be between 0 and 65534 (the Korea Herald uses PORT+1)")
    try:
        faults = FaultSpec.parse(args.faults)
    except ValueError as exc:
        raise UsageError(f"--faults: {exc}") from None
    site = _build(args)
    kh_port = args.port + 1 if args.port else 0
    server = ReplicaServer(site, host=args.host, yonhap_port=args.port,
                           koreaherald_port=kh_port, faults=faults, drift=args.drift)
    try:
        server.start()
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port}/{kh_port}: "
                         f"{exc.strerror or exc}") from None
    stop = threading.Event()

    def _on_signal(signum: int, frame: object) -> None:
        stop.set()

    previous = {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(f"Yonhap replica:          {server.yonhap_url}")
        print(f"Korea Herald replica:    {server.koreaherald_url}")
        print(f"{len(site.yonhap)} + {len(site.koreaherald)} articles, seed {args.seed}, "
              f"faults: {args.faults or 'off'}. Ctrl-C to stop.", flush=True)
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        server.stop()
    print("replica stopped")
    return 0
