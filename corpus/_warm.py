"""Warm-up run once in the import workers' forkserver (see ``importer._pool``).

Every worker is forked from the forkserver, so what is built here — the
extraction's NLP pipeline and jieba's dictionary — is built once, not once per
worker, and its memory pages are shared between workers until written to.
Nothing here may fail the import: a warm-up that fails only costs time.
"""

from __future__ import annotations


def warm() -> None:
    try:
        from ..extractor.record import nlp

        nlp.pipeline()
    except Exception:  # the workers will build (and report) it themselves
        pass


warm()
