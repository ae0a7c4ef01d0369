"""Fixtures of the operational tests: a replica whose article pages wait behind a gate."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.ops.support import Gate


@pytest.fixture
def gated_replica(replica_factory) -> Iterator[tuple[Any, Gate]]:
    """A 20+20 replica whose article pages are held until `gate.open()` (opened at teardown,
    before the replica stops, so no server thread stays blocked)."""
    server = replica_factory(articles=20, seed=11)
    gate = Gate(server)
    yield server, gate
    gate.open()
