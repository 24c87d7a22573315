"""OCR of scanned PDF pages into :class:`~jixiao.extractor.layout.PageContent`.

A scanned report page is an image with no text layer.  :func:`ocr_page` turns it
into the same positioned lines and tables that the text-layer reader produces,
so the PDF reader's :func:`~jixiao.extractor.layout.assemble` can treat both
alike (header/footer removal, paragraph joining, heading classification).

Steps for one page:

1. render the page with pypdfium2 at the resolution of the image embedded in it
   (rendering a 120 dpi scan at twice that costs ~4x the time for no measurable
   gain in character error rate);
2. deskew: scanners tilt pages by up to about a degree, which is enough to make
   a line of text drift by a third of a line across the page and to break table
   rulings into pieces; the angle is found by a projection profile;
3. find table rulings with morphological opening (long horizontal kernels; short
   vertical ones, kept only where they run from one row boundary to another),
   build the grid and its merged cells (slots not separated by a ruling), and
   erase the rulings so the recogniser does not read them as ``1`` or ``丨``;
4. run the PP-OCR Chinese detector and recogniser (model files shipped inside
   installed wheels; on OpenVINO, else ONNX Runtime — see "The OCR engine" below; one
   engine per process, created on first use, one inference thread; no angle classifier);
5. fragments inside a table go to the cell holding them (a box straddling two
   cells is cut by its per-character positions); ink in a cell that the detector
   skipped (a lone "1", "一致") is read from its crop;
6. the other fragments are merged into visual lines in reading order; dot
   leaders of a table of contents and the page number after them, which the
   detector skips, are found in the image and put back; a glyph read twice where
   two boxes overlap is dropped, and a wide blank gap on a line (a form's label
   and value, an unruled table's cells) is kept as a full-width space;
7. font size from the ink height of each line, bold from its stroke width
   against the page's usual line, the bracket width of a numbering marker
   (（一） or (一)) from the gap after its closing bracket;
8. general OCR confusions (separators inside numbers, document-number brackets,
   specks read as full stops) are fixed by the substitutions in
   ``patterns/ocr_fixes.yaml``.

Measured with ``python bench/ocr.py`` (the scans against their text PDFs).

Coordinates in the result are PDF points with a top-left origin, like pdfplumber.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import pickle
import re
import tempfile
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, TypeVar

import numpy as np
import pypdfium2 as pdfium

from ... import patterns
from .. import limits as _limits
from ..layout import Line, PageContent, TableArea

T = TypeVar("T")

# ---------------------------------------------------------------------------
# Settings (measured on the corpus scans with ``python bench/ocr.py``)

#: Rendering scale bounds (1.0 = 72 dpi).  The scale follows the embedded image's
#: own resolution; a page without one (vector art) is rendered at DEFAULT_SCALE.
MIN_SCALE, MAX_SCALE, DEFAULT_SCALE = 1.5, 3.0, 2.0
#: Skews below this many degrees are left alone (rotation blurs a little).
MIN_DESKEW_DEGREES = 0.1
MAX_SKEW_DEGREES = 3.0
#: Ink height of a line of CJK text as a share of its font size (measured on the
#: corpus: 0.92-0.97 for 10.5-18 pt).  The detector's box height is no use for
#: this: it varies from 11 to 16 pt on lines of the same 12 pt text.
INK_HEIGHT_PER_POINT = 0.94
#: A line is bold when its strokes are this much thicker than the page's median
#: line (measured: regular lines ≤ 1.10, bold ≥ 1.20 times the median).
BOLD_STROKE_RATIO = 1.15
#: Bold needs a page median to compare with: at least this many lines.
BOLD_MIN_LINES = 4
#: Paint table rulings paper-coloured before recognition.
ERASE_RULINGS = True


# ---------------------------------------------------------------------------
# The OCR engine: one per process, created lazily (loading the models takes ~1 s)
#
# Engines (``python bench/ocr.py`` measures them side by side on every corpus scan):
#
# ``openvino``     the default: rapidocr 3.x on the OpenVINO runtime, running the
#                  PP-OCRv4 detector and recogniser files shipped in the
#                  rapidocr-onnxruntime wheel — the models read before, with about a
#                  quarter of the CPU time (same character error rate);
# ``legacy``       rapidocr-onnxruntime 1.x itself (the same models on ONNX Runtime),
#                  the engine used before: the fallback wherever OpenVINO or rapidocr
#                  3.x cannot be loaded;
# ``openvino-v6``  rapidocr 3.x's own PP-OCRv6 small models on OpenVINO (measured,
#                  slower here and no more accurate on the corpus);
# ``onnxruntime``  PP-OCRv4 through rapidocr 3.x on ONNX Runtime (measured).
#
# Models are always given as files inside installed packages, so nothing is ever
# downloaded.  ``$JIXIAO_OCR_ENGINE`` (or :func:`use_engine`) picks one; by default
# the first of :data:`DEFAULT_ORDER` that loads.

ENGINES = ("openvino", "legacy", "openvino-v6", "onnxruntime")
DEFAULT_ORDER = ("openvino", "legacy")

#: Model files per model set: (package holding them, detector, recogniser).
MODEL_SETS = {
    "PP-OCRv4": ("rapidocr_onnxruntime", "models/ch_PP-OCRv4_det_infer.onnx", "models/ch_PP-OCRv4_rec_infer.onnx"),
    "PP-OCRv6-small": ("rapidocr", "models/PP-OCRv6_det_small.onnx", "models/PP-OCRv6_rec_small.onnx"),
}

#: Inference threads of one engine.  One per process by default: pages are the unit of
#: parallel work (an import's workers each OCR one page at a time), and one thread
#: gives the most pages per CPU-second.  ``$JIXIAO_OCR_THREADS`` overrides it.
DEFAULT_THREADS = 1


class OcrUnavailable(ImportError):
    """No OCR engine can be loaded (the packages are missing or broken)."""


class _Engine:
    """What the page reader needs from an engine: text boxes with per-piece positions,
    and the text of one crop read without detection."""

    name: str

    def boxes(self, bgr: np.ndarray) -> list[tuple[Any, str, float, list[tuple[str, Any]]]]:
        """``(quad, text, score, [(piece, quad), ...])`` of every text box found."""
        raise NotImplementedError

    def read(self, bgr: np.ndarray) -> tuple[str, float]:
        """``(text, score)`` of a crop holding one line."""
        raise NotImplementedError


def _threads() -> int:
    """Threads per engine: ``$JIXIAO_OCR_THREADS`` (0: the runtime's own default, every core)."""
    try:
        return max(0, int(os.environ.get("JIXIAO_OCR_THREADS", DEFAULT_THREADS)))
    except ValueError:
        return DEFAULT_THREADS


def model_files(model_set: str) -> tuple[Any, Any]:
    """The detector and recogniser files of ``model_set`` inside their installed package."""
    import importlib.util
    from pathlib import Path

    package, det, rec = MODEL_SETS[model_set]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        raise OcrUnavailable(f"{package} (which ships the {model_set} models) is not installed")
    root = Path(spec.origin).resolve().parent
    files = root / det, root / rec
    for f in files:
        if not f.is_file():  # never let a library download a model instead
            raise OcrUnavailable(f"OCR model file missing: {f}")
    return files


#: Imported with the OpenVINO runtime only to send a usage event (see :func:`_import_runtime`).
_OPENVINO_TELEMETRY = "openvino.tools.ovc"


def _import_runtime(runtime: str) -> None:
    """Import the inference runtime, OpenVINO without its model converter.

    ``import openvino`` imports its model converter (``openvino.tools.ovc``), and that import
    sends a usage event to Google Analytics from a new process (``openvino_telemetry``,
    unless a consent file in the home folder says no): a network call at run time, and in an
    import's worker one more Python process per worker (about half a CPU-second each).  jixiao
    never converts models, so the converter's import is made to fail while ``openvino`` is
    imported (``openvino`` expects that: it skips ``convert_model`` on ImportError), then
    allowed again for whoever imports it explicitly.
    """
    import importlib
    import sys

    block = runtime == "openvino" and "openvino" not in sys.modules and _OPENVINO_TELEMETRY not in sys.modules
    if block:
        sys.modules[_OPENVINO_TELEMETRY] = None  # type: ignore[assignment]  # None: import raises ImportError
    try:
        importlib.import_module(runtime)
    finally:
        if block and sys.modules.get(_OPENVINO_TELEMETRY, False) is None:
            del sys.modules[_OPENVINO_TELEMETRY]


class _RapidOcr3(_Engine):
    """rapidocr 3.x on OpenVINO or ONNX Runtime, with model files from an installed package."""

    def __init__(self, runtime: str, model_set: str) -> None:
        try:
            _import_runtime(runtime)
        except ImportError as exc:
            raise OcrUnavailable(f"{runtime} is not installed ({exc})") from None
        try:
            import rapidocr
            from rapidocr import EngineType, RapidOCR
        except ImportError as exc:
            raise OcrUnavailable(f"rapidocr 3.x is not installed ({exc})") from None
        version = str(getattr(rapidocr, "__version__", "3"))
        if not version.startswith("3"):
            raise OcrUnavailable(f"rapidocr {version} is not 3.x")
        det, rec = model_files(model_set)
        engine = EngineType.OPENVINO if runtime == "openvino" else EngineType.ONNXRUNTIME
        threads = _threads()
        params = {
            # No angle classifier: scanned report pages are upright, and the classifier
            # flipped a few good lines on the corpus (CER 4.4% → 0.7% on yunnan p.5
            # without it) besides costing time.  max_side_len is raised so the engine
            # never shrinks the page we rendered.
            "Global.use_cls": False,
            "Global.max_side_len": 5000,
            "Global.log_level": "error",
            "Global.model_root_dir": str(det.parent),
            "Det.engine_type": engine,
            "Det.model_path": str(det),
            "Rec.engine_type": engine,
            "Rec.model_path": str(rec),
            "Cls.engine_type": engine,
        }
        if runtime == "openvino":
            # OpenVINO pins its inference threads to cores by default, and every process
            # picks the same first core: two import workers OCR'd on one core while the
            # other idled (2 workers on 2 idle cores: CPU utilisation 0.58 per process,
            # 1.00 unpinned; the OS scheduler spreads processes better than each process
            # can alone).
            params["EngineConfig.openvino.enable_cpu_pinning"] = False
        if not threads:
            pass
        elif runtime == "openvino":
            params["EngineConfig.openvino.inference_num_threads"] = threads
        else:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
            params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
        import logging

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        self._ocr = RapidOCR(params=params)
        # Load both models now, so that a runtime that cannot run here fails at once (and
        # the next engine is tried), not in the middle of a page.
        self._ocr._load_det_model()
        self._ocr._load_rec_model()
        self.name = f"{runtime}:{model_set}"

    def boxes(self, bgr):
        # Every option per call: rapidocr 3 keeps a call's options for the next one.
        out = self._ocr(bgr, use_det=True, use_cls=False, use_rec=True, return_word_box=True)
        txts = getattr(out, "txts", None)
        if not txts or getattr(out, "boxes", None) is None:
            return []
        words = getattr(out, "word_results", None) or ()
        result = []
        # word_results holds one entry per box that has pieces (empty ones are dropped).
        aligned = len(words) == len(txts)
        for i, (quad, text, score) in enumerate(zip(out.boxes, txts, out.scores)):
            pieces = [(w[0], w[2]) for w in words[i] if w[2] is not None] if aligned else []
            result.append((quad, text, float(score), pieces))
        return result

    def read(self, bgr):
        out = self._ocr(bgr, use_det=False, use_cls=False, use_rec=True, return_word_box=False)
        txts = getattr(out, "txts", None)
        if not txts:
            return "", 0.0
        return txts[0], float(out.scores[0])


class _Legacy(_Engine):
    """rapidocr-onnxruntime 1.x (PP-OCRv4 models in its wheel)."""

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrUnavailable(f"rapidocr_onnxruntime is not installed ({exc})") from None
        self._ocr = RapidOCR(
            use_cls=False, max_side_len=5000, print_verbose=False, intra_op_num_threads=_threads() or -1
        )
        self.name = "legacy:PP-OCRv4"

    def boxes(self, bgr):
        result, _elapsed = self._ocr(bgr, return_word_box=True)
        out = []
        for item in result or []:
            pieces = []
            if len(item) >= 5 and len(item[3]) == len(item[4]):
                pieces = [(str(p), box) for box, p in zip(item[3], item[4])]
            out.append((item[0], item[1], float(item[2]), pieces))
        return out

    def read(self, bgr):
        result, _ = self._ocr(bgr, use_det=False, use_cls=False)
        if not result:
            return "", 0.0
        return result[0][0], float(result[0][1])


def _load(name: str) -> _Engine:
    if name == "legacy":
        return _Legacy()
    if name == "openvino":
        return _RapidOcr3("openvino", "PP-OCRv4")
    if name == "openvino-v6":
        return _RapidOcr3("openvino", "PP-OCRv6-small")
    if name == "onnxruntime":
        return _RapidOcr3("onnxruntime", "PP-OCRv4")
    raise ValueError(f"unknown OCR engine {name!r} (choose from {', '.join(ENGINES)})")


_ENGINE: _Engine | None = None
_ENGINE_LOCK = threading.Lock()
_CHOICE: str | None = None


def use_engine(name: str | None) -> None:
    """Use engine ``name`` (one of :data:`ENGINES`; None: the default order) from now on in this process."""
    global _ENGINE, _CHOICE
    if name is not None and name not in ENGINES:
        raise ValueError(f"unknown OCR engine {name!r} (choose from {', '.join(ENGINES)})")
    with _ENGINE_LOCK:
        _CHOICE, _ENGINE = name, None


def _engine() -> _Engine:
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            wanted = _CHOICE or os.environ.get("JIXIAO_OCR_ENGINE") or None
            order = [wanted] if wanted else list(DEFAULT_ORDER)
            errors = []
            for name in order:
                try:
                    _ENGINE = _load(name)
                    break
                except ValueError:
                    raise
                except Exception as exc:  # a missing or broken runtime: try the next engine
                    errors.append(f"{name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
            else:
                raise OcrUnavailable("no OCR engine could be loaded (" + "; ".join(errors) + ")")
        return _ENGINE


def engine_name() -> str:
    """The name of the engine this process OCRs with (loading it if need be)."""
    return _engine().name


# ---------------------------------------------------------------------------
# Rendering and deskewing


def render_scale(page: pdfium.PdfPage) -> float:
    """Scale at which one rendered pixel is one pixel of the page's largest image."""
    best_area, scale = 0.0, DEFAULT_SCALE
    try:
        for obj in page.get_objects(max_depth=2):
            if obj.type != pdfium.raw.FPDF_PAGEOBJ_IMAGE:
                continue
            x0, y0, x1, y1 = obj.get_bounds()
            w_pt, h_pt = x1 - x0, y1 - y0
            if w_pt * h_pt <= best_area or w_pt <= 0:
                continue
            px_w, _px_h = obj.get_px_size()
            best_area, scale = w_pt * h_pt, px_w / w_pt
    except Exception:  # odd image objects: fall back to the default scale
        pass
    scale = float(min(MAX_SCALE, max(MIN_SCALE, scale)))
    # Never more pixels than the ocr_pixels limit: a huge page is rendered coarser.
    w_pt, h_pt = page.get_size()
    area = max(1.0, float(w_pt) * float(h_pt))
    cap = (_limits.current().ocr_pixels / area) ** 0.5
    return float(min(scale, cap))


#: A page is near-empty when at most this share of its thumbnail's pixels (and at most
#: NEAR_EMPTY_MIN_PIXELS) is ink: a blank scan, a page holding only a speck or a rule.
NEAR_EMPTY_SHARE = 1 / 50_000
NEAR_EMPTY_MIN_PIXELS = 16
#: Pixels of the thumbnail the near-empty test renders (at most 72 dpi).
NEAR_EMPTY_PIXELS = 1_000_000


def near_empty(pdf: pdfium.PdfDocument, index: int) -> bool:
    """Whether page ``index`` shows (next to) nothing: judged by the ink in a small
    rendering of it, so that an image-only page with nothing on it is not OCR'd.

    Inside :func:`reading` with a page cache in force the verdict is kept in the cache: an
    import judges every page twice, when it plans the pages to OCR and when it reads the
    file (about 12 ms a page each time)."""
    source, folder = _SOURCE.get(), cache_dir()
    if source is None or folder is None:
        return _near_empty(pdf, index)
    path = os.path.join(folder, f"{source.sha}-p{index + 1}-near-empty-v{CACHE_VERSION}.pickle")
    verdict = _cache_get(path, bool)
    if verdict is None:
        verdict = _near_empty(pdf, index)
        _cache_put(path, verdict)
    return verdict


def _near_empty(pdf: pdfium.PdfDocument, index: int) -> bool:
    page = pdf[index]
    try:
        w_pt, h_pt = page.get_size()
        area = max(1.0, float(w_pt) * float(h_pt))
        scale = min(1.0, (NEAR_EMPTY_PIXELS / area) ** 0.5)
        bitmap = page.render(scale=scale, grayscale=True)
        img = bitmap.to_numpy()
    finally:
        page.close()
    if img.ndim == 3:
        img = img[..., :3].min(axis=2)
    if img.size == 0:
        return True
    paper = float(np.percentile(img[::4, ::4], 90)) if img.size > 64 else float(img.max())
    ink = int(np.count_nonzero(img < min(paper - 80, 176)))
    return ink <= max(NEAR_EMPTY_MIN_PIXELS, img.size * NEAR_EMPTY_SHARE)


def render_gray(pdf: pdfium.PdfDocument, index: int) -> tuple[np.ndarray, float]:
    """The page as an 8-bit grey image and the scale it was rendered at."""
    page = pdf[index]
    try:
        scale = render_scale(page)
        bitmap = page.render(scale=scale, grayscale=True)
        img = bitmap.to_numpy()
        if img.ndim == 3:  # some pdfium builds return BGR(A) even when asked for grey
            import cv2

            img = cv2.cvtColor(img[..., :3], cv2.COLOR_BGR2GRAY)
        return np.ascontiguousarray(img), scale
    finally:
        page.close()


def estimate_skew(gray: np.ndarray) -> float:
    """Skew angle in degrees (rotate by it to straighten), by projection profile.

    Text lines and table rulings give sharp row-sum profiles when horizontal; the
    angle that maximises the profile's squared gradient wins.  Coarse then fine
    search on a half-size image keeps it well under 0.1 s per page.
    """
    import cv2

    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST)
        rows = rotated.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, 0.25), key=sharpness)
    fine = max(np.arange(coarse - 0.25, coarse + 0.25 + 1e-9, 0.025), key=sharpness)
    return float(fine)


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    """``gray`` rotated by ``angle`` degrees about its centre, background filled with paper."""
    import cv2

    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    paper = int(np.median(gray[::8, ::8]))
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=paper)


# ---------------------------------------------------------------------------
# Table rulings → grid → cells


@dataclass
class Cell:
    """A table cell in pixels: grid slots ``[r0, r1) × [c0, c1)`` and its box."""

    r0: int
    r1: int
    c0: int
    c1: int
    box: tuple[float, float, float, float]  # x0, top, x1, bottom
    fragments: list["Fragment"] = field(default_factory=list)


@dataclass
class Grid:
    """A ruled table found on the page image (pixel coordinates)."""

    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    cells: list[Cell]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def _segments(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes ``(x0, y0, x1, y1)`` (exclusive ends) of the mask's components."""
    import cv2

    n, _labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _a in stats[1:n]]


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    """Positions closer than ``tol`` merged into their mean, sorted."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [float(np.mean(g)) for g in out]


def ruling_masks(gray: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Candidate horizontal and vertical ruling masks (uint8 0/1) of a deskewed page.

    Horizontal rulings are runs of ink at least 30 pt long (a table's narrowest
    column is wider; a CJK glyph or a dash is far shorter).  Vertical rulings can be
    as short as one table row, so they are opened with a short kernel here and
    sorted from glyph strokes by :func:`find_grids`.
    """
    import cv2

    ink = cv2.adaptiveThreshold(gray, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    pt = scale  # pixels per point
    h_len = max(15, int(30 * pt))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    # Bridge JPEG gaps of a pixel or two along a ruling.
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (int(3 * pt), 1)))
    v_len = max(8, int(9 * pt))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    vert = cv2.morphologyEx(vert, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(3 * pt))))
    return horiz, vert


def _near(value: float, positions: list[float], tol: float) -> int | None:
    """Index of the position within ``tol`` of ``value``, if any."""
    best = min(range(len(positions)), key=lambda i: abs(positions[i] - value), default=None)
    if best is None or abs(positions[best] - value) > tol:
        return None
    return best


def find_grids(gray: np.ndarray, scale: float) -> tuple[list[Grid], np.ndarray]:
    """Ruled tables on a deskewed page, and the mask of all their rulings.

    A vertical ruling runs from one horizontal ruling to another (it bounds at
    least one row); a glyph stroke, even next to a ruling, is shorter than the
    row it sits in.  Keeping only vertical segments whose two ends lie on two
    different row boundaries separates them.
    """
    import cv2

    horiz, vert = ruling_masks(gray, scale)
    pt = scale
    tol = max(2.0, 3 * pt)  # positions of one ruling seen in several pieces
    end_tol = max(3.0, 2 * pt)  # a vertical ruling's end vs. a row boundary
    h_segs = _segments(horiz)
    v_segs = _segments(vert)
    # Regions: horizontal rulings grouped with the vertical candidates touching them.
    cand = np.zeros_like(horiz)
    h_dil = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (3, int(2 * end_tol) + 1)))
    for x0, y0, x1, y1 in v_segs:
        xm = (x0 + x1) // 2
        if h_dil[y0, xm] and h_dil[y1 - 1, xm]:
            cand[y0:y1, x0:x1] = vert[y0:y1, x0:x1]
    both = cv2.dilate(horiz | cand, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    grids: list[Grid] = []
    ruled = np.zeros_like(horiz)
    for rx0, ry0, rx1, ry1 in _segments(both):
        if (rx1 - rx0) < 40 * pt or (ry1 - ry0) < 10 * pt:
            continue  # a lone rule (e.g. under a running header) is not a table

        def inside(s, rx0=rx0, ry0=ry0, rx1=rx1, ry1=ry1) -> bool:
            return rx0 <= s[0] and s[2] <= rx1 and ry0 <= s[1] and s[3] <= ry1

        hs = [s for s in h_segs if inside(s)]
        ys = _cluster([(s[1] + s[3] - 1) / 2 for s in hs], tol)
        if len(ys) < 2:
            continue
        vs = []
        for s in v_segs:
            if not inside(s):
                continue
            top, bottom = _near(s[1], ys, end_tol), _near(s[3] - 1, ys, end_tol)
            if top is not None and bottom is not None and bottom > top:
                vs.append(s)
        xs = _cluster([(s[0] + s[2] - 1) / 2 for s in vs], tol)
        if len(xs) < 2:
            continue
        v_mask = np.zeros_like(vert)
        for x0, y0, x1, y1 in vs:
            v_mask[y0:y1, x0:x1] = vert[y0:y1, x0:x1]
        h_mask = np.zeros_like(horiz)
        for x0, y0, x1, y1 in hs:
            h_mask[y0:y1, x0:x1] = horiz[y0:y1, x0:x1]
        grid = _grid_cells(xs, ys, h_mask, v_mask, pt)
        if grid is None:
            continue
        grids.append(grid)
        ruled |= h_mask | v_mask
    return grids, ruled


def _coverage(mask: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> float:
    """Share of positions along a boundary band that the mask covers.

    For a horizontal band the share of columns with any ink in the band, for a
    vertical band the share of rows.
    """
    h, w = mask.shape
    xa, xb = max(0, int(round(x0))), min(w, int(round(x1)))
    ya, yb = max(0, int(round(y0))), min(h, int(round(y1)))
    if xb <= xa or yb <= ya:
        return 0.0
    band = mask[ya:yb, xa:xb]
    axis = 0 if (xb - xa) >= (yb - ya) else 1
    return float(band.any(axis=axis).mean())


def _grid_cells(xs: list[float], ys: list[float], horiz: np.ndarray, vert: np.ndarray, pt: float) -> Grid | None:
    """Cells of the grid ``xs × ys``: slots joined where no ruling separates them."""
    nr, nc = len(ys) - 1, len(xs) - 1
    band = max(2.0, 2 * pt)
    parent = list(range(nr * nc))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for r in range(nr):
        for c in range(nc):
            # Inner margins keep the crossing rulings out of the sample.
            if c + 1 < nc:
                x = xs[c + 1]
                m = (ys[r + 1] - ys[r]) * 0.15
                if _coverage(vert, x - band, ys[r] + m, x + band, ys[r + 1] - m) < 0.6:
                    union(r * nc + c, r * nc + c + 1)
            if r + 1 < nr:
                y = ys[r + 1]
                m = (xs[c + 1] - xs[c]) * 0.15
                if _coverage(horiz, xs[c] + m, y - band, xs[c + 1] - m, y + band) < 0.6:
                    union(r * nc + c, (r + 1) * nc + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            groups.setdefault(find(r * nc + c), []).append((r, c))
    cells = []
    for slots in groups.values():
        r0 = min(r for r, _ in slots)
        r1 = max(r for r, _ in slots) + 1
        c0 = min(c for _, c in slots)
        c1 = max(c for _, c in slots) + 1
        cells.append(Cell(r0, r1, c0, c1, (xs[c0], ys[r0], xs[c1], ys[r1])))
    if len(cells) < 2:
        return None  # a framed box (one cell) is not a table
    cells.sort(key=lambda k: (k.r0, k.c0))
    return Grid(xs, ys, cells)


# ---------------------------------------------------------------------------
# Recognition and line building


@dataclass
class Fragment:
    """One recognised text box, axis-aligned, in pixels of the deskewed page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float
    # Recognised pieces (a CJK character or a Latin word) with their x extent,
    # used to split a box that straddles two table cells.
    pieces: list[tuple[str, float, float]] = field(default_factory=list)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def recognise(gray: np.ndarray) -> list[Fragment]:
    """Text boxes recognised on a grey page image."""
    import cv2

    rgb = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    frags = []
    for quad, text, score, found in _engine().boxes(rgb):
        pts = np.asarray(quad, dtype=np.float32)
        text = text.strip()
        if not text:
            continue
        pieces = []
        for piece, box in found:
            bx = np.asarray(box, dtype=np.float32).reshape(-1, 2)[:, 0]
            pieces.append((str(piece), float(bx.min()), float(bx.max())))
        frags.append(
            Fragment(
                text,
                float(pts[:, 0].min()),
                float(pts[:, 1].min()),
                float(pts[:, 0].max()),
                float(pts[:, 1].max()),
                float(score),
                pieces,
            )
        )
    return frags


def _joiner(left: str, right: str, gap: float, height: float) -> str:
    """What goes between two pieces of one line: a space only between two words.

    Chinese text has no spaces, and the text layer of a word-processed report
    has none between a number and a CJK character either ("2021年").
    """
    if not left or not right:
        return ""
    if _WORD_END.match(left[-1]) and _WORD_END.match(right[0]):
        return " " if gap > 0.25 * height else ""
    return ""


_WORD_END = re.compile(r"[A-Za-z0-9%]")


def group_lines(frags: list[Fragment]) -> list[list[Fragment]]:
    """Fragments grouped into visual lines, top to bottom, each left to right.

    A fragment joins the line it overlaps vertically by more than half of the
    smaller height; on a deskewed page that separates adjacent text lines cleanly.
    """
    lines: list[list[Fragment]] = []
    spans: list[tuple[float, float]] = []
    for f in sorted(frags, key=lambda f: (f.cy, f.x0)):
        best, best_ratio = -1, 0.5
        for i, (top, bottom) in enumerate(spans):
            overlap = min(bottom, f.bottom) - max(top, f.top)
            ratio = overlap / max(1e-6, min(bottom - top, f.height))
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best < 0:
            lines.append([f])
            spans.append((f.top, f.bottom))
        else:
            lines[best].append(f)
            top, bottom = spans[best]
            # Track the line's median band, not its union, so one tall box
            # (a bracket, a merged box) does not swallow the next line.
            members = lines[best]
            spans[best] = (float(np.median([m.top for m in members])), float(np.median([m.bottom for m in members])))
    order = sorted(range(len(lines)), key=lambda i: spans[i][0])
    return [sorted(lines[i], key=lambda f: f.x0) for i in order]


def join_fragments(frags: list[Fragment], ink: np.ndarray | None = None) -> str:
    """Text of one visual line.

    With the page's ``ink`` (0/1, the deskewed page), a wide blank gap on the line — one
    or more em of paper between two glyphs, between two boxes or inside one — is kept as
    a full-width space (:data:`GAP_MARK`): see :func:`split_at_gaps`."""
    if ink is not None:
        frags = [part for f in drop_rereadings(frags) for part in split_at_gaps(f, ink)]
    text = ""
    prev: Fragment | None = None
    for f in frags:
        if prev is not None:
            height = min(f.height, prev.height)
            if ink is not None and _blank_run(ink, prev.x1 - 0.5 * height, f.x0 + 0.5 * height, f) >= GAP_EM * height:
                text += GAP_MARK
            else:
                text += _joiner(text, f.text, f.x0 - prev.x1, height)
        text += f.text
        prev = f
    return text


# ---------------------------------------------------------------------------
# Wide gaps on a line
#
# A printed form's label and value, the cells of an unruled table, a letter-spaced name
# (安 庆 市 财 政 局) are set apart by a gap of an em or more; the text the report was
# typed as has a space (or a tab, a cell) there.  The recogniser reads such a line as
# one run of characters — often as one box — so the gap is looked for in the image: a
# band of columns without ink between two recognised pieces.  Inside running Chinese
# text glyphs are at most about 0.7 em apart (a comma or a full-width bracket leaves
# 0.5-0.7 em of its cell empty), so an em of paper is a separator.  The gap is written
# as an ideographic (full-width) space, which line tidying (that drops the spaces a
# layout engine puts between CJK characters) leaves alone and the document builder
# folds to a space.

#: A blank run at least this many box heights wide separates two pieces of a line.
GAP_EM = 1.0
#: What a wide gap is written as in a line's text.
GAP_MARK = "\u3000"


def _blank_run(ink: np.ndarray, x0: float, x1: float, box: Fragment) -> float:
    """Widest run of ink-free columns between ``x0`` and ``x1`` in ``box``'s rows (pixels)."""
    h, w = ink.shape
    xa, xb = max(0, int(round(x0))), min(w, int(round(x1)))
    ya, yb = max(0, int(round(box.top))), min(h, int(round(box.bottom)) + 1)
    if xb <= xa or yb <= ya:
        return 0.0
    cols = np.flatnonzero(np.asarray(ink[ya:yb, xa:xb]).any(axis=0))  # the columns with ink
    edges = np.concatenate(([-1], cols, [xb - xa]))  # with the window's two ends
    return float(np.diff(edges).max() - 1)


def _piece_starts(f: Fragment) -> list[int] | None:
    """The text offset of each of ``f``'s pieces (None when the pieces do not spell its text)."""
    if not f.pieces or "".join(p[0] for p in f.pieces) != re.sub(r"\s+", "", f.text):
        return None
    starts, pos = [], 0
    for piece, _a, _b in f.pieces:
        pos = f.text.index(piece, pos)  # spaces the recogniser put between pieces skipped
        starts.append(pos)
        pos += len(piece)
    return starts


def drop_rereadings(frags: list[Fragment]) -> list[Fragment]:
    """The boxes of one line (left to right) without the glyphs a box read twice.

    Before a wide gap the detector sometimes starts the next box inside the last glyph of the
    box before it, and the recogniser reads that glyph's right-hand part once more as a
    character of its own (名称 | 广元市… read as 名称 + 尔广元市…, 单位 + 立广元市…).  A
    piece of a box whose centre lies on the previous box's last glyph is such a re-reading."""
    out: list[Fragment] = []
    for f in frags:
        prev = out[-1] if out else None
        starts = _piece_starts(f)
        if prev is None or starts is None or f.x0 >= prev.x1:
            out.append(f)
            continue
        end = prev.pieces[-1][2] if prev.pieces else prev.x1
        k = 0
        while k < len(f.pieces) - 1 and (f.pieces[k][1] + f.pieces[k][2]) / 2 <= end:
            k += 1
        if k == 0:
            out.append(f)
            continue
        rest = f.pieces[k:]
        out.append(Fragment(f.text[starts[k] :].strip(), rest[0][1], f.top, f.x1, f.bottom, f.score, rest))
    return out


def split_at_gaps(f: Fragment, ink: np.ndarray) -> list[Fragment]:
    """``f`` cut where the paper between two of its recognised pieces is an em wide or more.

    The recogniser's pieces only place each character roughly; the gap is measured on the
    image between them.  A box whose pieces do not spell its text is left whole."""
    pieces = f.pieces
    starts = _piece_starts(f)
    if len(pieces) < 2 or starts is None:
        return [f]
    cuts = [
        i
        for i in range(1, len(pieces))
        if _blank_run(ink, pieces[i - 1][2] - 0.25 * f.height, pieces[i][1] + 0.25 * f.height, f) >= GAP_EM * f.height
    ]
    if not cuts:
        return [f]
    out = []
    for a, b in zip([0, *cuts], [*cuts, len(pieces)]):
        end = starts[b] if b < len(pieces) else len(f.text)
        text = f.text[starts[a] : end].strip()
        part = pieces[a:b]
        out.append(Fragment(text, part[0][1], f.top, part[-1][2], f.bottom, f.score, part))
    return out


# ---------------------------------------------------------------------------
# Dot leaders (tables of contents)
#
# The text detector does not see a row of leader dots as text, and then often
# misses the lone page number after it ("一、基本情况 ........ 1" comes out as
# "一、基本情况").  Leaders are found directly in the image as runs of small,
# evenly spaced dots on one baseline; each dot is one "." (as in a text layer),
# and the page number after a leader is read from its crop by the recogniser
# alone.


@dataclass
class Leader:
    x0: float
    x1: float
    cy: float
    dots: int


def find_leaders(gray: np.ndarray, scale: float, covered: list[Fragment]) -> list[Leader]:
    """Runs of at least six leader dots not already inside a recognised text box."""
    import cv2

    ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    n, _labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    max_side = max(2, int(round(2.5 * scale)))
    dots = []
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if w <= max_side and h <= max_side and area >= 2:
            cx, cy = centroids[i]
            if not any(f.x0 <= cx <= f.x1 and f.top <= cy <= f.bottom for f in covered):
                dots.append((float(cx), float(cy)))
    leaders: list[Leader] = []
    if len(dots) < 6:
        return leaders
    y_tol, max_gap = max(1.5, 0.8 * scale), 8 * scale
    dots.sort(key=lambda d: d[1])
    bands: list[list[tuple[float, float]]] = [[dots[0]]]
    for d in dots[1:]:
        if d[1] - bands[-1][-1][1] <= y_tol:
            bands[-1].append(d)
        else:
            bands.append([d])
    for band in bands:
        band.sort()
        run = [band[0]]
        for d in band[1:] + [(float("inf"), 0.0)]:
            if d[0] - run[-1][0] <= max_gap and d[0] - run[-1][0] >= 1.0:
                run.append(d)
                continue
            if len(run) >= 6:
                gaps = np.diff([r[0] for r in run])
                if gaps.std() <= 0.35 * gaps.mean():  # evenly spaced, not scattered specks
                    leaders.append(Leader(run[0][0], run[-1][0], float(np.mean([r[1] for r in run])), len(run)))
            run = [d]
    return leaders


def _read_crop(gray: np.ndarray, x0: float, top: float, x1: float, bottom: float) -> str:
    """Recognise the ink in a small region (no detection): a page number after a leader."""
    h, w = gray.shape
    xa, xb = max(0, int(x0)), min(w, int(x1))
    ya, yb = max(0, int(top)), min(h, int(bottom) + 1)
    if xb - xa < 2 or yb - ya < 4:
        return ""
    import cv2

    region = gray[ya:yb, xa:xb]
    ink = cv2.threshold(region, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    cols = np.flatnonzero(ink.sum(axis=0) > 0)
    if cols.size == 0 or region.std() < 10:
        return ""
    pad = max(2, (yb - ya) // 4)
    crop = gray[ya:yb, max(0, xa + cols[0] - pad) : min(w, xa + cols[-1] + pad + 1)]
    text, score = _engine().read(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
    return text.strip() if score >= 0.5 else ""


def attach_leaders(gray: np.ndarray, scale: float, lines: list[list[Fragment]], leaders: list[Leader]) -> None:
    """Insert each leader (and the page number after it) into the line it sits on."""
    for leader in leaders:
        for members in lines:
            top = float(np.median([f.top for f in members]))
            bottom = float(np.median([f.bottom for f in members]))
            if not (top <= leader.cy <= bottom):
                continue
            members.append(Fragment("." * leader.dots, leader.x0, top, leader.x1, bottom, 1.0))
            members.sort(key=lambda f: f.x0)
            if members[-1].x0 == leader.x0:  # nothing recognised after the leader
                number = _read_crop(gray, leader.x1 + 1.5 * scale, top, leader.x1 + 4 * (bottom - top), bottom)
                if number:
                    right = leader.x1 + 2 * scale
                    members.append(Fragment(number, right, top, right + len(number) * 6 * scale, bottom, 1.0))
            break


# ---------------------------------------------------------------------------
# Font size and weight from the ink of a line


def measure_ink(ink: np.ndarray, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float]:
    """``(ink height, mean stroke width)`` in pixels of the text in a line box.

    The height is the band of rows holding ink (glyphs fill ~0.94 em); rows that
    are nearly all ink are rulings (a running header's rule) and are left out.
    The stroke width is twice the mean distance from ink to paper inside the band.
    """
    import cv2

    h, w = ink.shape
    pad = 0.3 * (bottom - top)
    ya, yb = max(0, int(top - pad)), min(h, int(bottom + pad) + 1)
    xa, xb = max(0, int(x0)), min(w, int(x1) + 1)
    region = ink[ya:yb, xa:xb]
    if region.size == 0 or not region.any():
        return 0.0, 0.0
    rows = region.sum(axis=1)
    rows[rows >= 0.8 * region.shape[1]] = 0
    band = np.flatnonzero(rows >= 0.04 * max(1, rows.max()))
    if band.size == 0:
        return 0.0, 0.0
    core = np.ascontiguousarray(region[band[0] : band[-1] + 1])
    dist = cv2.distanceTransform(core, cv2.DIST_L2, 3)
    return float(band[-1] - band[0] + 1), float(2 * dist[core > 0].mean())


_MARKER = re.compile(r"^\s*[(（]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]")
#: Gap between a numbering marker's closing bracket and the next glyph, in em
#: (font size): a full-width ）leaves 0.53-0.6 em of its cell empty, a half-width )
#: 0.03-0.25 em, a following space included (measured on the corpus scans).
FULL_WIDTH_BRACKET_GAP = 0.4


def _ink_runs(region: np.ndarray) -> list[tuple[int, int, int]]:
    """Column runs of ink in a line band: ``(start, end, ink height)``."""
    cols = np.asarray(region.any(axis=0), dtype=bool)
    runs, start = [], None
    for k, c in enumerate([*cols.tolist(), False]):
        if c and start is None:
            start = k
        elif not c and start is not None:
            rows = np.flatnonzero(region[:, start:k].any(axis=1))
            runs.append((start, k, int(rows[-1] - rows[0] + 1)))
            start = None
    return runs


def marker_brackets(ink: np.ndarray, text: str, x0: float, cy: float, em: float) -> str:
    """``text`` with the brackets of its leading numbering marker set to the width printed.

    OCR reads bracket widths unreliably, and reports print both "（一）" and
    "(一)".  The width shows in the image: a full-width closing bracket sits at
    the left of a one-em cell and leaves a wide gap before the next glyph.  The
    closing bracket is the narrow, tall run of ink where the marker's numeral
    should end.  When that cannot be found, the text is returned unchanged.
    """
    m = _MARKER.match(text)
    if not m or em <= 0:
        return text
    h, w = ink.shape
    ya, yb = max(0, int(cy - 0.75 * em)), min(h, int(cy + 0.75 * em))
    xa, xb = max(0, int(x0 - 0.2 * em)), min(w, int(x0 + 6 * em))
    runs = [(a / em, b / em, t / em) for a, b, t in _ink_runs(ink[ya:yb, xa:xb])]
    runs = [r for r in runs if r[2] >= 0.1]  # specks
    if len(runs) < 3:
        return text
    numeral = m.group(1)
    # Ink widths: a CJK numeral ~0.75 em, a digit ~0.37 em; bracket to numeral ~0.2 em.
    expected = runs[0][1] + 0.2 + sum(0.75 if not c.isdigit() else 0.4 for c in numeral)
    # A bracket is thin and taller (≥ 0.67 em) than a digit (≤ 0.6 em).
    closers = [i for i, r in enumerate(runs[1:], 1) if r[1] - r[0] <= 0.35 and r[2] >= 0.63]
    if not closers:
        return text
    i = min(closers, key=lambda k: abs(runs[k][0] - expected))
    if abs(runs[i][0] - expected) > 0.45 or i + 1 >= len(runs):
        return text
    gap = runs[i + 1][0] - runs[i][1]
    marker = f"（{numeral}）" if gap >= FULL_WIDTH_BRACKET_GAP else f"({numeral})"
    return text[: m.start()] + marker + text[m.end() :]


def mark_bold(lines: list[Line], strokes: list[float]) -> None:
    """Set ``bold`` on lines whose strokes are clearly thicker than the page's usual line.

    Stroke width in pixels depends on the scan's resolution and blur, so it is
    judged against the page's median (weighted by line length), not absolutely.
    """
    weights = [len(ln.text) for ln in lines]
    if len(lines) < BOLD_MIN_LINES or not sum(weights):
        return
    order = sorted(range(len(lines)), key=lambda i: strokes[i])
    half, acc, median = sum(weights) / 2, 0, 0.0
    for i in order:
        acc += weights[i]
        if acc >= half:
            median = strokes[i]
            break
    if median <= 0:
        return
    for ln, stroke in zip(lines, strokes):
        ln.bold = stroke >= BOLD_STROKE_RATIO * median


# ---------------------------------------------------------------------------
# Post-OCR character fixes (data: patterns/ocr_fixes.yaml)


@lru_cache(maxsize=1)
def _fixes() -> list[tuple[re.Pattern[str], str]]:
    data = patterns.load("ocr_fixes.yaml")
    return [(re.compile(f["pattern"]), f["replace"]) for f in data["fixes"]]


def fix_text(text: str) -> str:
    """Apply the general OCR confusion fixes of ``patterns/ocr_fixes.yaml``."""
    for rx, repl in _fixes():
        text = rx.sub(repl, text)
    return text


# ---------------------------------------------------------------------------
# Page


def _cell_text(frags: list[Fragment]) -> str:
    """A cell's text: its lines joined, with nothing at a CJK wrap and a space otherwise.

    The fixes run again on the joined text: a cell wraps anywhere, also inside a
    number ("10." / "686份") or a document number ("【2021]" / "1号").
    """
    parts = [fix_text(join_fragments(line)) for line in group_lines(frags)]
    text = ""
    for p in parts:
        text += _joiner(text, p, 1.0, 1.0) + p if text else p
    return fix_text(text)


def _table_rows(grid: Grid) -> list[list[str]]:
    """Rectangular rows; a merged cell's text repeats in every slot it covers."""
    nr, nc = len(grid.ys) - 1, len(grid.xs) - 1
    rows = [["" for _ in range(nc)] for _ in range(nr)]
    for cell in grid.cells:
        text = _cell_text(cell.fragments)
        for r in range(cell.r0, cell.r1):
            for c in range(cell.c0, cell.c1):
                rows[r][c] = text
    return rows


def recover_cell_text(gray: np.ndarray, ruled: np.ndarray, scale: float, grids: list[Grid]) -> None:
    """Read ink in table cells that the detector boxed as nothing.

    The detector skips short isolated text — a lone "1" or "4" in a numbering
    column, "一致", a "（人）" on the second line of a header, a "≥" before a
    number.  Inside a cell such ink can only be text: each band of uncovered ink
    (rulings and specks left out) is cropped and read by the recogniser alone.
    """
    import cv2

    if not grids:
        return
    ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    ink[cv2.dilate(ruled, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))) > 0] = 0
    # Crops are read from a copy with the recognised boxes painted over, so a
    # crop's padding cannot pick up part of a neighbouring, already read glyph.
    canvas = gray.copy()
    paper = int(np.median(gray[::8, ::8]))
    for grid in grids:
        for cell in grid.cells:
            for f in cell.fragments:
                canvas[int(f.top) : int(f.bottom) + 1, int(f.x0) : int(f.x1) + 1] = paper
    margin = int(round(1.5 * scale))
    min_glyph = 5.0 * scale  # ink taller than this is a glyph, not a speck (10.5 pt text: ~9.5 pt)
    for grid in grids:
        for cell in grid.cells:
            x0, y0, x1, y1 = (int(round(v)) for v in cell.box)
            region = ink[y0 + margin : y1 - margin, x0 + margin : x1 - margin].copy()
            if region.size == 0 or not region.any():
                continue
            for f in cell.fragments:
                region[
                    max(0, int(f.top) - y0 - margin - 1) : max(0, int(f.bottom) - y0 - margin + 2),
                    max(0, int(f.x0) - x0 - margin - 1) : max(0, int(f.x1) - x0 - margin + 2),
                ] = 0
            rows = np.flatnonzero(region.any(axis=1))
            if rows.size == 0:
                continue
            # Bands of consecutive ink rows (a gap of a few pixels ends a band).
            bands, start, prev = [], rows[0], rows[0]
            for r in list(rows[1:]) + [10**9]:
                if r - prev > max(2, scale):
                    bands.append((start, prev + 1))
                    start = r
                prev = r
            for ba, bb in bands:
                if bb - ba < min_glyph:
                    continue
                cols = np.flatnonzero(region[ba:bb].any(axis=0))
                ca, cb = cols[0], cols[-1] + 1
                pad = max(2, (bb - ba) // 4)
                gx0, gx1 = x0 + margin + ca, x0 + margin + cb
                gy0, gy1 = y0 + margin + ba, y0 + margin + bb
                text = _read_crop(canvas, gx0 - pad, gy0 - pad, gx1 + pad, gy1 + pad)
                if text:
                    cell.fragments.append(Fragment(text, float(gx0), float(gy0), float(gx1), float(gy1), 0.5))


#: What a lone glyph the detector skipped may read as to be kept (:func:`recover_lone_glyphs`): a number's
#: digits, a bracket, a sign — a one-cell-a-line table's 0 or 7, the ( of ( 2019 年度).  A lone character
#: that reads otherwise is as likely a speck, a seal's stroke or a signature's as a word: left out.
_LONE_GLYPH = re.compile(r"[0-9]{1,3}(?:[.%][0-9]{0,2})?|[()（）\[\]【】]")


def recover_lone_glyphs(
    gray: np.ndarray, ruled: np.ndarray, scale: float, frags: list[Fragment], grids: list[Grid]
) -> list[Fragment]:
    """Read ink outside tables that no recognised box covers and that stands alone, glyph-sized.

    The detector skips a short isolated word — a lone 0 or 7 set apart by wide gaps (a table printed
    without rulings, one cell a line), the ( of ( 2019 年度) — as it does inside a ruled cell
    (:func:`recover_cell_text` reads those).  Each cluster of uncovered ink about a glyph high and at
    most a few glyphs wide is read by the recogniser alone, and kept when it reads as digits or a
    bracket (``_LONE_GLYPH``).
    """
    import cv2

    heights = sorted(f.height for f in frags if len(f.text) >= 2)
    if not heights:
        return []
    em = heights[len(heights) // 2]  # a line's box height: the page's body text
    ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    ink[cv2.dilate(ruled, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))) > 0] = 0
    canvas = gray.copy()
    paper = int(np.median(gray[::8, ::8]))
    pad = int(round(0.15 * em))
    for f in frags:
        ya, yb, xa, xb = int(f.top) - pad, int(f.bottom) + pad + 1, int(f.x0) - pad, int(f.x1) + pad + 1
        ink[max(0, ya) : yb, max(0, xa) : xb] = 0
        canvas[max(0, int(f.top)) : int(f.bottom) + 1, max(0, int(f.x0)) : int(f.x1) + 1] = paper
    for g in grids:
        gx0, gy0, gx1, gy1 = (int(round(v)) for v in g.box)
        ink[max(0, gy0) : gy1 + 1, max(0, gx0) : gx1 + 1] = 0
    n, _labels, stats, _centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    boxes = [
        (x, y, x + w, y + h)
        for x, y, w, h, area in stats[1:]
        if 0.35 * em <= h <= 1.1 * em and w <= 1.2 * em and area >= 0.02 * em * em
    ]
    # components a glyph's width apart on one line make one word (a two-digit 10, a bracketed (1))
    boxes.sort()
    clusters: list[list[int]] = []
    for x0, y0, x1, y1 in boxes:
        last = clusters[-1] if clusters else None
        if last and x0 - last[2] <= 0.4 * em and min(y1, last[3]) - max(y0, last[1]) > 0.3 * em:
            last[:] = [last[0], min(last[1], y0), max(last[2], x1), max(last[3], y1)]
        else:
            clusters.append([x0, y0, x1, y1])
    out = []
    # a tight crop: with a glyph's width of paper on either side the recogniser reads a lone 0 as 。 or o
    mx, my = max(2, int(round(0.08 * em))), max(4, int(round(0.2 * em)))
    h, w = canvas.shape
    for x0, y0, x1, y1 in clusters:
        if x1 - x0 > 3 * em:
            continue
        crop = canvas[max(0, y0 - my) : min(h, y1 + my), max(0, x0 - mx) : min(w, x1 + mx)]
        text, score = _engine().read(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
        text = text.strip()
        if score >= 0.7 and _LONE_GLYPH.fullmatch(text):
            out.append(Fragment(text, float(x0), float(y0), float(x1), float(y1), 0.5))
    return out


def _cell_at(grids: list[Grid], x: float, y: float) -> Cell | None:
    for g in grids:
        gx0, gy0, gx1, gy1 = g.box
        if not (gx0 <= x <= gx1 and gy0 <= y <= gy1):
            continue
        for cell in g.cells:
            x0, y0, x1, y1 = cell.box
            if x0 <= x <= x1 and y0 <= y <= y1:
                return cell
    return None


def _split_by_cells(f: Fragment, grids: list[Grid]) -> list[tuple[Cell | None, Fragment]]:
    """``f`` cut where its pieces fall into different table cells.

    The detector sometimes boxes the text of two neighbouring cells as one line
    ("产出质量补助对象精"); the recogniser's per-character positions tell where the
    column ruling cuts it.
    """
    if len(f.pieces) < 2:
        return [(_cell_at(grids, f.cx, f.cy), f)]
    runs: list[tuple[Cell | None, list[tuple[str, float, float]]]] = []
    for piece in f.pieces:
        cell = _cell_at(grids, (piece[1] + piece[2]) / 2, f.cy)
        if runs and runs[-1][0] is cell:
            runs[-1][1].append(piece)
        else:
            runs.append((cell, [piece]))
    if len(runs) == 1:
        return [(runs[0][0], f)]
    out = []
    for cell, pieces in runs:
        text = join_fragments([Fragment(p[0], p[1], f.top, p[2], f.bottom, f.score) for p in pieces])
        out.append((cell, Fragment(text, pieces[0][1], f.top, pieces[-1][2], f.bottom, f.score, pieces)))
    return out


def _assign_to_cells(frags: list[Fragment], grids: list[Grid]) -> list[Fragment]:
    """Put fragments (or their parts) lying in a table cell into it; return the rest."""
    rest = []
    for frag in frags:
        for cell, part in _split_by_cells(frag, grids) if grids else [(None, frag)]:
            if cell is None:
                rest.append(part)
            else:
                cell.fragments.append(part)
    return rest


@dataclass
class OcrPage:
    """Everything :func:`read_page` found on a page; :attr:`content` is the reader interface."""

    content: PageContent
    grids: list[Grid]  # the tables' cells with their spans (pixels)
    scale: float  # pixels per point of the rendered image
    skew: float  # degrees the page was rotated by

    def reading_text(self) -> str:
        """The page's text top to bottom, each table cell once (row by row).

        This is the order of a word processor's text layer, so the benchmark can
        compare it with the text PDF's page text.
        """
        items: list[tuple[float, str]] = [(ln.top, ln.text) for ln in self.content.lines]
        for grid in self.grids:
            cells = sorted(grid.cells, key=lambda k: (k.r0, k.c0))
            items.append((grid.box[1] / self.scale, "\n".join(_cell_text(k.fragments) for k in cells)))
        return "\n".join(text for _top, text in sorted(items, key=lambda it: it[0]))


def read_page(pdf: pdfium.PdfDocument, index: int) -> OcrPage:
    """OCR page ``index`` (0-based) of ``pdf``; see :func:`ocr_page`."""
    page = pdf[index]
    try:
        width, height = page.get_size()
    finally:
        page.close()
    gray, scale = render_gray(pdf, index)
    return read_image(gray, scale, index + 1, (float(width), float(height)))


def read_image(gray: np.ndarray, scale: float, number: int = 1, size: tuple[float, float] | None = None) -> OcrPage:
    """OCR a page image (8-bit grey, ``scale`` pixels per PDF point, i.e. dpi / 72) as
    page ``number`` of ``size`` points (default: the image's size at ``scale``); the
    steps after rendering in :func:`read_page`.  See :func:`ocr_image`."""
    if size is None:
        size = (gray.shape[1] / scale, gray.shape[0] / scale)
    width, height = size
    angle = estimate_skew(gray)
    if abs(angle) >= MIN_DESKEW_DEGREES:
        gray = rotate(gray, angle)
    else:
        angle = 0.0

    grids, ruled = find_grids(gray, scale)
    if grids and ERASE_RULINGS:
        # Paint the rulings paper-coloured so they are not read as text.
        import cv2

        paper = int(np.median(gray[::8, ::8]))
        erase = cv2.dilate(ruled, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))).astype(bool)
        gray = gray.copy()
        gray[erase] = paper
    recognised = recognise(gray)
    recognised += recover_lone_glyphs(gray, ruled, scale, recognised, grids)
    frags = _assign_to_cells(recognised, grids)
    recover_cell_text(gray, ruled, scale, grids)
    text_lines = group_lines(frags)
    attach_leaders(gray, scale, text_lines, find_leaders(gray, scale, recognised))

    def pts(v: float) -> float:
        return round(v / scale, 2)

    import cv2

    ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    lines, strokes = [], []
    for members in text_lines:
        text = fix_text(join_fragments(members, ink))
        if not text.strip():
            continue
        x0 = min(f.x0 for f in members)
        x1 = max(f.x1 for f in members)
        top = float(np.median([f.top for f in members]))
        bottom = float(np.median([f.bottom for f in members]))
        ink_height, stroke = measure_ink(ink, x0, top, x1, bottom)
        font = ink_height / scale / INK_HEIGHT_PER_POINT if ink_height else (bottom - top) / scale * 0.8
        text = marker_brackets(ink, text, x0, (top + bottom) / 2, font * scale)
        lines.append(Line(text=text, x0=pts(x0), top=pts(top), x1=pts(x1), bottom=pts(bottom), size=round(font, 1)))
        strokes.append(stroke)
    mark_bold(lines, strokes)
    grids.sort(key=lambda g: g.box[1])
    tables = [
        TableArea(bbox=(pts(g.xs[0]), pts(g.ys[0]), pts(g.xs[-1]), pts(g.ys[-1])), rows=_table_rows(g)) for g in grids
    ]
    content = PageContent(number=number, width=float(width), height=float(height), lines=lines, tables=tables, ocr=True)
    return OcrPage(content=content, grids=grids, scale=scale, skew=angle)


def ocr_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    """OCR page ``index`` (0-based) of ``pdf`` into positioned lines and tables.

    ``number`` is ``index + 1`` and ``ocr`` is true.  Lines are in reading order
    with boxes in PDF points (top-left origin) and a font size estimated from the
    box height; text inside a ruled table is not in ``lines`` but in the table's
    rows (merged cells repeated in every slot they cover).

    Inside :func:`reading` (the PDF reader wraps every file in it) with a page cache
    in force (:func:`caching` or ``$JIXIAO_OCR_CACHE``), a page read before — by this
    process or another — is taken from the cache instead of being OCR'd again.
    """
    return _cached(index, lambda: read_page(pdf, index).content)


def ocr_image(image: np.ndarray, dpi: float, number: int = 1) -> PageContent:
    """OCR a scanned page given as an image: the entry point for readers of page images
    (JPG, PNG, TIFF …), giving what :func:`ocr_page` gives for a PDF page.

    ``image``: a numpy array, 8-bit grey (H×W) or colour (H×W×3 BGR, as OpenCV reads it;
    H×W×4 with alpha); ``dpi``: its resolution (the page is ``pixels / dpi * 72`` points
    wide; 150–300 suits the models, which were trained on text 20–40 pixels high);
    ``number``: its 1-based page number.  Lines and tables are in PDF points.

    Inside :func:`reading` (``reading(path)`` around the reading of the image file) with
    a page cache in force, page ``number`` of that file is OCR'd once.
    """

    def run() -> PageContent:
        gray = image
        if gray.ndim == 3:
            import cv2

            code = cv2.COLOR_BGRA2GRAY if gray.shape[2] == 4 else cv2.COLOR_BGR2GRAY
            gray = cv2.cvtColor(np.ascontiguousarray(gray[..., :4]), code)
        if gray.dtype != np.uint8:
            gray = np.clip(gray, 0, 255).astype(np.uint8)
        return read_image(np.ascontiguousarray(gray), float(dpi) / 72.0, number).content

    return _cached(number - 1, run)


def _cached(index: int, compute: Callable[[], PageContent]) -> PageContent:
    """Page ``index`` of the file being read, from the page cache when one is in force."""
    source = _SOURCE.get()
    folder = cache_dir()
    if source is None or folder is None:
        return compute()
    path = os.path.join(folder, _cache_name(source, index))
    content = _cache_get(path, PageContent)
    if content is None:
        content = compute()
        _cache_put(path, content)
    return content


# ---------------------------------------------------------------------------
# Page cache: OCR'd pages kept on disk by file content, page and engine, so that the
# pages of a scan can be read in parallel by several processes (an import's workers)
# and a scan read twice (by tests, or a re-import) is OCR'd once.

#: Environment variable naming a folder of OCR'd pages to use and fill (empty: none).
CACHE_ENV = "JIXIAO_OCR_CACHE"
#: Part of every cache key: raise it when a change here changes what a page reads as.
CACHE_VERSION = 4

_CACHE_DIR: contextvars.ContextVar[str | None] = contextvars.ContextVar("jixiao_ocr_cache", default=None)
_SOURCE: contextvars.ContextVar["_Source | None"] = contextvars.ContextVar("jixiao_ocr_source", default=None)


class _Source:
    """The file being read; its sha256 is computed on the first cache look-up."""

    def __init__(self, path: str, sha: str | None = None) -> None:
        self.path, self._sha = path, sha

    @property
    def sha(self) -> str:
        if self._sha is None:
            self._sha = _file_sha(self.path)
        return self._sha


_SHAS: dict[tuple[str, int, int], str] = {}


def _file_sha(path: str) -> str:
    """sha256 of a file, remembered while its size and modification time stay the same."""
    st = os.stat(path)
    key = (os.path.abspath(path), st.st_size, st.st_mtime_ns)
    if key not in _SHAS:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
        if len(_SHAS) > 256:
            _SHAS.clear()
        _SHAS[key] = digest.hexdigest()
    return _SHAS[key]


def cache_dir() -> str | None:
    """The page cache in force: :func:`caching`'s folder, else ``$JIXIAO_OCR_CACHE``, else None."""
    return _CACHE_DIR.get() or os.environ.get(CACHE_ENV) or None


@contextlib.contextmanager
def caching(folder: str | os.PathLike | None):
    """Use (and fill) the page cache in ``folder`` inside this block (None: leave it as it is)."""
    if folder is None:
        yield
        return
    os.makedirs(folder, exist_ok=True)
    token = _CACHE_DIR.set(str(folder))
    try:
        yield
    finally:
        _CACHE_DIR.reset(token)


@contextlib.contextmanager
def reading(path: str | os.PathLike, sha: str | None = None):
    """Pages OCR'd inside this block come from the file ``path`` (whose sha256 may be given)."""
    token = _SOURCE.set(_Source(str(path), sha))
    try:
        yield
    finally:
        _SOURCE.reset(token)


def _cache_name(source: _Source, index: int) -> str:
    engine = re.sub(r"[^A-Za-z0-9.-]+", "_", engine_name())
    return f"{source.sha}-p{index + 1}-{engine}-v{CACHE_VERSION}-{_limits.current().ocr_pixels}.pickle"


def _cache_get(path: str, kind: type[T]) -> T | None:
    """The ``kind`` kept at ``path`` (a page's content, or a verdict), None when there is none."""
    try:
        with open(path, "rb") as fh:
            content = pickle.load(fh)
    except Exception:  # missing, half-written by a killed process, from another version: read the page
        return None
    return content if isinstance(content, kind) else None


def _cache_put(path: str, content: PageContent | bool) -> None:
    """Write atomically (a temporary file renamed), so that readers never see half a page."""
    folder = os.path.dirname(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".page-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(content, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a full or read-only cache only costs time
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
