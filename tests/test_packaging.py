"""A built wheel installs one namespace, `jixiao`, with its pattern data, and works.

The repository root is the package (design card), so packaging must map it to
`jixiao` and never put generic names such as `store` or `cli` at the top of
site-packages.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"wheel build failed: {proc.stderr[-2000:]}")
    (built,) = out.glob("jixiao-*.whl")
    return built


def test_wheel_has_one_top_level_name_and_all_pattern_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"jixiao", next(t for t in tops if t.endswith(".dist-info"))}
    shipped = {n.split("/", 1)[1] for n in names if n.startswith("jixiao/")}
    for data in (ROOT / "patterns").glob("*"):
        if data.is_file() and data.suffix in {".yaml", ".csv", ".py"}:
            assert f"patterns/{data.name}" in shipped, data.name
    for module in (
        "cli.py",
        "extractor/readers/pdf.py",
        "store/db.py",
        "corpus/importer.py",
        "extractor/record/findings.py",
    ):
        assert module in shipped
    assert not any(n.startswith("tests/") or n.startswith("bench/") for n in shipped)


def test_installed_wheel_reads_a_report(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import jixiao, sys; "
        "assert jixiao.__file__.startswith(sys.argv[1]), jixiao.__file__; "
        "doc = jixiao.parse(sys.argv[2]); "
        "print(len(doc.headings))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(target), str(ROOT / "tests/corpus/dongchuan-2019-poverty-pension.docx")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert int(proc.stdout.strip()) > 10
