"""The shape of the code: layers enforced by import-linter, modules and functions of a size a
reader can hold, and code that speaks of the product rather than of its tracker.

Each check runs over the files git knows, so that a new module is checked the day it lands."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The packages the layers hold, as the lint configuration names them: an app added to the
# project is checked here once it is in the layers, and test_every_app_is_in_the_layers makes
# sure it is.
APPS = tuple(
    tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
)
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60


def tracked(*patterns: str) -> list[Path]:
    """The files git tracks that match ``patterns``, as paths under the checkout."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--", *patterns], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [ROOT / name for name in out.split("\0") if name and (ROOT / name).is_file()]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory) -> Path:
    """The apps and the lint configuration, copied where a test may break them."""
    copy = tmp_path_factory.mktemp("tree")
    shutil.copy(ROOT / "pyproject.toml", copy)
    for app in APPS:
        shutil.copytree(ROOT / app, copy / app, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_layers_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "imports"),
    [
        ("registers/_probe.py", "escalation.models"),  # a lower app reaching up
        ("scoring/_probe.py", "registers.models"),
        ("escalation/_probe.py", "reports.packs"),
        ("common/_probe.py", "scoring.matrix"),  # common knows no domain
        ("web/_probe.py", "demo.loader"),  # side by side, independent
        ("registers/_probe.py", "riskreg.security"),  # configuration is imported by no app
    ],
)
def test_an_import_against_the_layers_fails_the_lint(tree_copy, module, imports):
    probe = tree_copy / module
    probe.write_text(f"import {imports}  # noqa\n")
    try:
        result = lint_imports(tree_copy)
    finally:
        probe.unlink()
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
    assert f"{module[:-3].replace('/', '.')} -> {imports}" in result.stdout


def app_sources() -> list[Path]:
    """Python the project runs, benchmarks and management commands included; migrations and
    the demo council's content (data, one module per directorate) are left out."""
    return [
        path
        for path in tracked(*(f"{app}/**.py" for app in APPS), "bench/**.py", ".ci/**.py")
        if "migrations" not in path.parts and "council" not in path.parts
    ]


def test_every_app_is_in_the_layers():
    """Every Django app of the project (a folder with an apps.py) is one of the layers' root
    packages, so the layers, the size limits and the probes cover it."""
    apps = {path.parent.name for path in tracked("*/apps.py")}
    assert apps - set(APPS) == set()


# What git leaves in a file whose merge had conflicts: a line of seven <, = or > signs.
CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7})( |$)")


def test_no_merge_conflict_is_left_in_a_file():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in tracked("*.py", "*.html", "*.js", "*.css", "*.md", "*.toml", "*.txt", "*.json")
        if "vendor" not in path.parts
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1)
        if CONFLICT_MARKER.match(line)
    ]
    assert found == []


def test_no_module_is_longer_than_a_reader_can_hold():
    long = {
        str(path.relative_to(ROOT)): n
        for path in app_sources()
        if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_longer_than_a_screen():
    long = []
    for path in app_sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines})")
    assert long == []


# A tracker's number ("issue" followed by a number, with or without "#"), not the product's
# words. The verb stays possible: "the page issues N queries", "would issue N requests".
ISSUE_NUMBER = re.compile(
    r"\bissue[ -]?#?\d+\b(?!\s+(?:queries|requests|statements|SQL)\b)", re.IGNORECASE
)


def test_nothing_names_an_issue_number():
    found = []
    for path in tracked("*.py", "*.html", "*.js", "*.css", "*.md", "*.toml", "Makefile", ".ci/*"):
        if "vendor" in path.parts or "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if ISSUE_NUMBER.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_domain_references_point_inside_the_repository():
    """Docstrings and comments cite ``docs/domain.md``; the upper-case file outside the
    checkout cannot be followed by a reader of the code."""
    outside = "DOMAIN" + ".md"
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in tracked("*.py", "*.html", "*.md")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if outside in line
    ]
    assert found == []
    assert (ROOT / "docs" / "domain.md").is_file()
