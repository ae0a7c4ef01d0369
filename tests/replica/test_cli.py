"""The `replica` CLI module, driven through argparse like the main CLI does."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from newscrawl.cli import replica_cmd
from newscrawl.errors import UsageError

ROOT = Path(__file__).resolve().parents[2]


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="newscrawl")
    replica_cmd.register(p.add_subparsers(dest="command", required=True))
    return p.parse_args(argv)


def test_ground_truth_command(tmp_path: Path) -> None:
    out, bad = tmp_path / "gt.jsonl", tmp_path / "bad.jsonl"
    args = _parse(["replica", "ground-truth", "--articles", "20", "--seed", "3", "--out",
                   str(out), "--bad-pages", str(bad)])
    assert args.handler(args) == 0
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 40
    assert len(bad.read_text().splitlines()) >= 10


def test_usage_errors(tmp_path: Path) -> None:
    for argv in (["replica", "ground-truth", "--articles", "0", "--out", str(tmp_path / "x")],
                 ["replica", "serve", "--faults", "bogus=1"],
                 ["replica", "ground-truth", "--start", "yesterday", "--out", "x"]):
        args = _parse(argv)
        with pytest.raises(UsageError):
            args.handler(args)


def test_serve_until_sigterm() -> None:
    code = ("import sys; from newscrawl.cli import replica_cmd as m; import argparse\n"
            "p = argparse.ArgumentParser(); m.register(p.add_subparsers(dest='c'))\n"
            "a = p.parse_args(sys.argv[1:]); sys.exit(a.handler(a))")
    proc = subprocess.Popen([sys.executable, "-c", code, "replica", "serve", "--port", "0",
                             "--articles", "20"], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        first = proc.stdout.readline()  # type: ignore[union-attr]
        second = proc.stdout.readline()  # type: ignore[union-attr]
        yonhap = first.split()[-1]
        kh = second.split()[-1]
        assert yonhap.startswith("http://127.0.0.1:") and kh.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(yonhap + "/robots.txt", timeout=10) as r:  # noqa: S310
            assert r.status == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            time.sleep(0.1)
