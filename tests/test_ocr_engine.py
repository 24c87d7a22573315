"""The OCR engine (OpenVINO, falling back to ONNX Runtime), the OCR page cache, and
the entry point for page images (:func:`jixiao.extractor.readers.ocr.ocr_image`)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys

import pypdfium2 as pdfium
import pytest

from conftest import REPORTS, rendering
from ocr_compare import cer, text_layer_page
from jixiao.extractor.readers import ocr

CHENGGONG = REPORTS[1]


@contextlib.contextmanager
def _pdf(path):
    """The PDF ``path`` open in pdfium, closed after."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        yield pdf
    finally:
        pdf.close()


def _scan_copy(tmp_path, name: str = "a.pdf"):
    """A copy of the chenggong scan in ``tmp_path`` (the page cache keys pages by content)."""
    scan = tmp_path / name
    shutil.copyfile(rendering(CHENGGONG, "-scan.pdf"), scan)
    return scan


def _lines(content) -> list[str]:
    return [ln.text for ln in content.lines]


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown OCR engine 'tesseract'.*openvino"):
        ocr.use_engine("tesseract")


def test_models_are_files_inside_installed_packages():
    det, rec = ocr.model_files("PP-OCRv4")
    assert det.is_file() and rec.is_file()
    assert "site-packages" in str(det) or "dist-packages" in str(det)


_FALLBACK = r"""
import json, sys
sys.modules["openvino"] = None  # as on a platform without an OpenVINO wheel
import pypdfium2 as pdfium
from jixiao.extractor.readers import ocr
pdf = pdfium.PdfDocument(sys.argv[1])
page = ocr.read_page(pdf, 1)
print(json.dumps({"engine": ocr.engine_name(), "text": page.reading_text()}))
"""


def test_without_openvino_the_onnxruntime_engine_reads_the_page():
    env = {k: v for k, v in os.environ.items() if k != "JIXIAO_OCR_ENGINE"}
    proc = subprocess.run(
        [sys.executable, "-c", _FALLBACK, str(rendering(CHENGGONG, "-scan.pdf"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["engine"] == "legacy:PP-OCRv4"
    assert cer(out["text"], text_layer_page(CHENGGONG, 1)) <= 0.03


def test_the_default_engine_reads_a_page_as_well():
    with _pdf(rendering(CHENGGONG, "-scan.pdf")) as pdf:
        page = ocr.read_page(pdf, 1)
    assert ocr.engine_name() in ("openvino:PP-OCRv4", "legacy:PP-OCRv4")
    assert cer(page.reading_text(), text_layer_page(CHENGGONG, 1)) <= 0.03


def test_openvino_engines_are_not_pinned_to_a_core():
    """Each import worker runs its own engine; pinned, every process's inference thread
    went to the same first core and two workers shared one core (issue 10)."""
    pytest.importorskip("openvino")
    engine = ocr._load("openvino")
    for stage in (engine._ocr.text_det, engine._ocr.text_rec):
        compiled = stage.session.session.get_compiled_model()
        assert compiled.get_property("ENABLE_CPU_PINNING") is False
        assert compiled.get_property("INFERENCE_NUM_THREADS") == ocr.DEFAULT_THREADS


def test_a_page_image_reads_like_the_pdf_page():
    with _pdf(rendering(CHENGGONG, "-scan.pdf")) as pdf:
        gray, scale = ocr.render_gray(pdf, 1)
        from_pdf = ocr.read_page(pdf, 1).content
    import cv2

    for image in (gray, cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)):
        content = ocr.ocr_image(image, dpi=scale * 72, number=2)
        assert content.number == 2 and content.ocr
        assert abs(content.width - from_pdf.width) < 2 and abs(content.height - from_pdf.height) < 2
        assert _lines(content) == _lines(from_pdf)


def test_the_page_cache_reads_each_page_once_keyed_by_content(tmp_path, monkeypatch):
    scan = _scan_copy(tmp_path)
    cache = tmp_path / "pages"
    with ocr.caching(cache), _pdf(scan) as pdf, ocr.reading(scan):
        first = ocr.ocr_page(pdf, 1)
    assert [p.name.split("-p")[1].split("-")[0] for p in cache.glob("*.pickle")] == ["2"]

    # The same content under another name is not OCR'd again: the engine is never asked.
    copy = tmp_path / "b.pdf"
    shutil.copyfile(scan, copy)

    def no_ocr(*args, **kwargs):
        raise AssertionError("page OCR'd again")

    monkeypatch.setattr(ocr, "read_page", no_ocr)
    with ocr.caching(cache):
        with _pdf(copy) as pdf, ocr.reading(copy):
            again = ocr.ocr_page(pdf, 1)
        # Another page of it, and any page outside reading(), are OCR'd.
        with _pdf(copy) as pdf:
            with ocr.reading(copy), pytest.raises(AssertionError, match="OCR'd again"):
                ocr.ocr_page(pdf, 2)
            with pytest.raises(AssertionError, match="OCR'd again"):
                ocr.ocr_page(pdf, 1)
    assert again == first and _lines(again)


def test_a_damaged_cache_entry_is_read_again(tmp_path):
    scan = _scan_copy(tmp_path)
    cache = tmp_path / "pages"
    with ocr.caching(cache), _pdf(scan) as pdf, ocr.reading(scan):
        first = ocr.ocr_page(pdf, 0)
        (entry,) = cache.glob("*.pickle")
        entry.write_bytes(b"half a pick")  # a process killed while writing (without the rename)
        again = ocr.ocr_page(pdf, 0)
    assert again == first and _lines(first)


def test_ocr_plan_names_the_pages_a_read_would_ocr_and_ocr_pages_fills_the_cache(tmp_path, monkeypatch):
    from jixiao.extractor import parse
    from jixiao.extractor.readers.pdf import ocr_pages, ocr_plan

    assert ocr_plan(rendering(CHENGGONG, ".pdf")) == []
    assert ocr_plan(rendering(CHENGGONG, "-scan.pdf"), "never") == []
    # The first two scanned pages as a PDF of their own: every page of it is OCR'd into a fresh
    # cache (the whole 7-page scan cost 5 more pages of OCR and checked nothing more).
    scan = tmp_path / "scan.pdf"
    src, two = pdfium.PdfDocument(str(rendering(CHENGGONG, "-scan.pdf"))), pdfium.PdfDocument.new()
    two.import_pages(src, [0, 1])
    two.save(str(scan))
    two.close()
    src.close()
    with ocr.caching(tmp_path / "pages"):
        plan = ocr_plan(scan)
        assert plan == [0, 1]
        ocr_pages(scan, plan[:1])
        ocr_pages(scan, plan[1:])
        monkeypatch.setattr(ocr, "read_page", lambda *a: (_ for _ in ()).throw(AssertionError("OCR'd again")))
        # The plan's verdicts (not a near-empty page) are in the cache too: no thumbnail again.
        monkeypatch.setattr(ocr, "_near_empty", lambda *a: (_ for _ in ()).throw(AssertionError("judged again")))
        doc = parse(scan)
    assert doc.ocr and doc.pages == len(plan)
    assert "绩效" in doc.text
