"""Warm-up run once in the import workers' forkserver (see ``importer._pool``).

Every worker is forked from the forkserver, so what is built here — the
extraction's NLP pipeline and jieba's tokenizers — is built once, not once per
worker, and its memory pages are shared between workers until written to.
Nothing here may fail the import: a warm-up that fails only costs time.

The forkserver is also made to end with the import that started it (on Linux, the
kernel kills it when its parent dies): it would otherwise live on while its workers
finish the files they hold, minutes after the import was killed.
"""

from __future__ import annotations

import sys
from types import FrameType


def _in_forkserver() -> bool:
    frame: FrameType | None = sys._getframe()
    while frame is not None:
        code = frame.f_code
        if code.co_name == "main" and code.co_filename.replace("\\", "/").endswith("multiprocessing/forkserver.py"):
            return True
        frame = frame.f_back
    return False


def die_with_parent() -> None:
    """Linux: have the kernel kill this process (SIGKILL) when its parent ends."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def warm() -> None:
    """Build what reading any file needs: the entity pipeline, the classifier's taxonomy, jieba's
    global tokenizer (the keyword index's words) and its part-of-speech tagger (figures' labels);
    each worker would otherwise build them again on its first file (about 1.5 s of CPU)."""
    try:
        import jieba

        from ..extractor import jieba_dict
        from ..extractor.record import classify, nlp

        nlp.pipeline()
        classify.taxonomy()
        jieba_dict.start(jieba.dt)
        import jieba.posseg  # noqa: F401  (its import reads the dictionary's parts of speech)
    except Exception:  # the workers will build (and report) it themselves
        pass


if _in_forkserver():
    die_with_parent()
warm()
