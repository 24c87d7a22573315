"""Where a scanned page's OCR time goes: each step of ``read_page`` as a share of the page's CPU time.

    python bench/ocr_steps.py                  # every 4th page of each shared scan
    python bench/ocr_steps.py --every 1        # every page

Each step :func:`jixiao.extractor.readers.ocr.read_image` calls (deskew estimate, table grids, the
detector and recogniser, the lone glyphs and empty-looking cells read again, leaders) is wrapped with a
CPU timer (``time.process_time``: every thread's time, the steadier figure on a busy machine) and
``read_page`` runs on the same pages of the three shared scans, no OCR cache.  Printed: CPU seconds
per page for the whole page and each step's share of it — the ratio is what to compare between runs,
not the seconds.  The first page is read once before timing (model loading).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent))

REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]
STEPS = [
    "render_gray",
    "estimate_skew",
    "find_grids",
    "recognise",
    "recover_lone_glyphs",
    "recover_cell_text",
    "find_leaders",
    "attach_leaders",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=4, help="read every Nth page of each scan (default 4)")
    args = ap.parse_args()

    import pypdfium2 as pdfium

    from jixiao.extractor.readers import ocr

    spent: collections.Counter[str] = collections.Counter()

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - start

        return run

    pdfs = [pdfium.PdfDocument(str(ROOT / "tests" / "corpus" / f"{r}-scan.pdf")) for r in REPORTS]
    ocr.read_page(pdfs[0], 0)  # models loaded and compiled outside the timing
    for name in STEPS:
        setattr(ocr, name, timed(name, getattr(ocr, name)))
    pages, total = 0, 0.0
    for pdf in pdfs:
        for index in range(0, len(pdf), args.every):
            start = time.process_time()
            ocr.read_page(pdf, index)
            total += time.process_time() - start
            pages += 1
    print(f"{pages} pages, engine {ocr.engine_name()}: {total / pages:.2f} CPU s per page")
    for name in STEPS:
        print(f"  {name:<20} {spent[name] / pages:7.3f} s  {spent[name] / total:6.1%}")
    rest = total - sum(spent.values())
    print(f"  {'the rest':<20} {rest / pages:7.3f} s  {rest / total:6.1%}")


if __name__ == "__main__":
    main()
