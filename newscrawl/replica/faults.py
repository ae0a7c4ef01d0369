"""Fault injection for the replica, parsed from a spec like "error=0.1,429=0.05,seed=3".

Each request draws one number from a hash of (seed, site, request target, attempt number for
that target), so runs are reproducible and a retried request usually gets a different outcome.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

RATE_KEYS = ("error", "429", "slow", "drop", "truncate")
ERROR = "error"
TOO_MANY = "429"
SLOW = "slow"
DROP = "drop"
TRUNCATE = "truncate"


@dataclass(frozen=True, slots=True)
class FaultSpec:
    """Probabilities per request (0..1) plus options; all off by default."""

    error: float = 0.0
    too_many: float = 0.0
    slow: float = 0.0
    drop: float = 0.0
    truncate: float = 0.0
    seed: int = 0
    badpages: bool = False
    slow_seconds: float = 3.0
    retry_after: int = 1

    @classmethod
    def parse(cls, spec: str | None) -> FaultSpec:
        """Parse "key=value,..."; keys: error 429 slow drop truncate seed badpages slowsec
        retryafter. Raises ValueError with a one-line message on bad input."""
        if spec is None or not spec.strip() or spec.strip().lower() in ("off", "none"):
            return cls()
        values: dict[str, object] = {}
        names = {"error": "error", "429": "too_many", "slow": "slow", "drop": "drop",
                 "truncate": "truncate"}
        for part in spec.split(","):
            if not part.strip():
                continue
            key, sep, raw = part.partition("=")
            key, raw = key.strip().lower(), raw.strip()
            if not sep:
                raise ValueError(f"fault spec item {part.strip()!r} is not key=value")
            try:
                if key in names:
                    rate = float(raw)
                    if not 0.0 <= rate <= 1.0:
                        raise ValueError
                    values[names[key]] = rate
                elif key == "seed":
                    values["seed"] = int(raw)
                elif key == "badpages":
                    values["badpages"] = raw.lower() in ("1", "true", "yes", "on")
                elif key == "slowsec":
                    values["slow_seconds"] = max(0.0, float(raw))
                elif key == "retryafter":
                    values["retry_after"] = max(0, int(raw))
                else:
                    raise KeyError(key)
            except KeyError:
                raise ValueError(f"unknown fault {key!r} (known: {', '.join(RATE_KEYS)}, "
                                 "seed, badpages, slowsec, retryafter)") from None
            except ValueError:
                raise ValueError(f"bad value {raw!r} for fault {key!r}") from None
        result = cls(**values)  # type: ignore[arg-type]
        if result.total > 1.0 + 1e-9:
            raise ValueError("fault rates add up to more than 1")
        return result

    @property
    def total(self) -> float:
        """Share of requests that get some fault."""
        return self.error + self.too_many + self.slow + self.drop + self.truncate

    @property
    def enabled(self) -> bool:
        """Whether any random fault or the bad pages are switched on."""
        return self.total > 0 or self.badpages

    def draw(self, site: str, target: str, attempt: int) -> float:
        """The deterministic uniform number in [0, 1) for this request."""
        key = f"{self.seed}|{site}|{target}|{attempt}".encode()
        return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") / 2.0**64

    def decide(self, site: str, target: str, attempt: int) -> str | None:
        """Which fault (if any) hits this request: error, 429, slow, drop or truncate."""
        if self.total <= 0:
            return None
        u = self.draw(site, target, attempt)
        edge = 0.0
        for name, rate in ((ERROR, self.error), (TOO_MANY, self.too_many), (SLOW, self.slow),
                           (DROP, self.drop), (TRUNCATE, self.truncate)):
            edge += rate
            if u < edge:
                return name
        return None

    def error_status(self, site: str, target: str, attempt: int) -> int:
        """500 or 503 for an `error` fault (also deterministic)."""
        return 503 if self.draw(site, target + "#status", attempt) < 0.5 else 500
