"""Document → report record (``shared/contract``): patterns-driven extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def extract(path: str | Path, **kwargs: Any) -> dict[str, Any]:
    raise NotImplementedError("record extraction lands with issue 3")
