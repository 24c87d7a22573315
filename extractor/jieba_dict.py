"""jieba tokenizers that share one reading of jieba's default dictionary.

jixiao segments Chinese with three jieba tokenizers kept apart, so that the words one job adds do
not change how another segments text: jieba's global one (the store's keyword index, the
part-of-speech tagger), the entity pipeline's (division names added) and the classifier's (the
taxonomy's keywords added).  Each would read jieba's dictionary cache itself, about half a
second of CPU and 60 MB for its 500,000 words each time; here the dictionary is read once per
process and every tokenizer starts from its own copy of it (a few hundredths of a second and
about 14 MB: the copies share the words), so the words and their frequencies, and therefore the
segmentation, are the same as before.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba


@lru_cache(maxsize=1)
def _default() -> tuple[dict[str, int], int]:
    """jieba's default dictionary as ``Tokenizer.initialize`` reads it: (frequencies, total)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    base.initialize()
    return base.FREQ, base.total


def start(tokenizer: jieba.Tokenizer) -> jieba.Tokenizer:
    """Initialise ``tokenizer`` (a ``jieba.Tokenizer`` with the default dictionary, such as
    ``jieba.dt``) from a copy of the dictionary read once, unless it is initialised already."""
    if tokenizer.initialized or tokenizer.dictionary is not None:  # None: jieba's default dictionary
        return tokenizer
    freq, total = _default()
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total = dict(freq), total
            tokenizer.initialized = True
    return tokenizer


def tokenizer() -> jieba.Tokenizer:
    """A new jieba tokenizer with the default dictionary; the words added to it stay its own."""
    import jieba

    return start(jieba.Tokenizer())


__all__ = ["start", "tokenizer"]
