"""The house rules of the layout, checked on the source: one module per site, a core that
names no site, thin adapters (docs/adding-a-site.md, README "Layout")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newscrawl import sites

ROOT = Path(__file__).resolve().parents[1]
# The replica is the local copy of both sites, and the demo serves it: they name the sites.
SITE_AWARE = ("newscrawl/sites/", "newscrawl/replica/", "newscrawl/demo.py")


def _python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", _python_files("newscrawl"), ids=_relative)
def test_the_core_imports_no_spider_or_pipeline(path: Path):
    if _relative(path).startswith("newscrawl/cli/"):
        return  # the CLI runs the crawl, which loads the spiders
    bad = {m for m in _imports(path) if m.split(".")[0] in {"spiders", "pipelines"}}
    assert not bad, f"{_relative(path)} imports {bad}"


@pytest.mark.parametrize("path", _python_files("pipelines"), ids=_relative)
def test_pipelines_do_not_import_spiders(path: Path):
    assert not {m for m in _imports(path) if m.split(".")[0] == "spiders"}


@pytest.mark.parametrize(
    "path",
    [p for p in _python_files("newscrawl") + _python_files("spiders") + _python_files("pipelines")
     if not _relative(p).startswith(SITE_AWARE)],
    ids=_relative,
)  # fmt: skip
def test_outside_the_site_modules_no_code_names_a_site(path: Path):
    """No string constant in code is a site's name or host (comments and docstrings may say
    what a rule is for)."""
    names = set(sites.SITES) | {h for site in sites.SITES.values() for h in site.hosts}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }  # fmt: skip
    named = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings and any(name in node.value for name in names)
    ]  # fmt: skip
    assert not named, f"{_relative(path)} names a site: {named}"


def test_every_site_has_a_spider_and_a_test_file():
    for name in sites.SITES:
        assert (ROOT / "spiders" / f"{name}.py").exists()
        assert (ROOT / "tests" / "sites" / f"test_{name}.py").exists()
