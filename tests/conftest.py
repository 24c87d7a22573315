"""Shared fixtures: the real reports copied from ../shared/corpus into tests/corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]
RENDERINGS = [".txt", ".docx", ".pdf", "-scan.pdf"]


def rendering(report: str, suffix: str) -> Path:
    return CORPUS / f"{report}{suffix}"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
