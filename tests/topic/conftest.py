"""The topic benchmark's scoring module, shared by the evaluation tests (bench/topic_eval.py
is a script, not a package module, so it is loaded from its path)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_topic_eval():
    """bench/topic_eval.py as a module (also for test modules that need it at collection)."""
    spec = importlib.util.spec_from_file_location("topic_eval", ROOT / "bench" / "topic_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def topic_eval():
    return load_topic_eval()
