"""The package passes the linter: ``ruff check`` with the rules in pyproject.toml ([tool.ruff])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_rules_are_the_projects_and_they_catch_a_mistake():
    # The same configuration on a file with an unused import and a closure over a loop
    # variable: both are reported, so a clean run below means something.
    bad = "import os\n\nfns = []\nfor i in range(3):\n    fns.append(lambda: i)\n"
    r = _ruff("--stdin-filename", "extractor/_lint_probe.py", "-", stdin=bad)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "F401" in r.stdout and "B023" in r.stdout


def test_ruff_check_is_clean():
    r = _ruff(".")
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_format_is_clean():
    # Formatting is the formatter's job, so a diff shows only what changed in meaning.
    # `ruff format .` from the repository root fixes what this finds.
    r = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_format_check_catches_a_badly_formatted_file():
    r = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--stdin-filename", "extractor/_fmt_probe.py", "-"],
        cwd=ROOT,
        input="x = {  'a':1 }\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1, r.stdout + r.stderr
