"""What every benchmark records beside its figures: when, on what machine, with what versions."""

from __future__ import annotations

import argparse
import json
import os
import platform
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
# The bare extractor the benchmarks compare with (issue 19): `trafilatura.extract` in one
# process, with metadata on and `favor_precision`, as someone using trafilatura alone would
# run it to get a clean article with its title, date and authors.
BARE_OPTIONS: dict[str, Any] = {"with_metadata": True, "favor_precision": True}
PACKAGES = ("scrapy", "trafilatura", "psycopg", "pgserver", "lxml", "twisted")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def machine() -> dict[str, Any]:
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gib": _memory_gib(),
        "platform": platform.platform(),
        "versions": versions,
    }


def write_result(name: str, figures: dict[str, Any]) -> Path:
    """Write bench/results/<name>.json with the date; return its path."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    record = {"benchmark": name, "date": datetime.now(UTC).isoformat(timespec="seconds"),
              **figures}  # fmt: skip
    if "machine" not in record:
        record["machine"] = machine()
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False, default=str) + "\n")
    print(f"written {path.relative_to(RESULTS.parent.parent)}")
    return path


def argument_parser(doc: str, articles: int | None, seed: int = 0) -> argparse.ArgumentParser:
    """The options every benchmark shares: replica size per site, its seed, --no-write."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    if articles is not None:
        parser.add_argument("--articles", type=int, default=articles, help="per site")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--no-write", action="store_true", help="do not write results")
    return parser


def bare_extract(html: str) -> str | None:
    """One page through the bare extractor (`BARE_OPTIONS`)."""
    import trafilatura

    return trafilatura.extract(html, **BARE_OPTIONS)
