"""Errors a reader raises for input it cannot read.

Every refusal is one line that names the file and the reason, so that the CLI
can print it and a batch import can record it and carry on.
"""

from __future__ import annotations

import os


class ReadError(Exception):
    """A file that cannot be read as a report: ``str(err)`` is ``"<path>: <reason>"``."""

    def __init__(self, path: str | os.PathLike[str], reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
