"""OCR quality benchmark: each report's scan against its text PDF, page by page.

    python bench/ocr.py                      # all corpus reports
    python bench/ocr.py --report yunnan-2021-resident-pension --pages 20-23 --diff

For every page the scan is OCR'd with :func:`jixiao.extractor.readers.ocr.read_page`
and its reading-order text (lines top to bottom, each table cell once, row by row)
is compared with the text layer of the same page of the text PDF (pypdfium2, which
gives the word processor's order: the same order for tables).  Both sides are
normalised and stripped of all whitespace; the character error rate is
``edit distance / reference length``.  Also printed: seconds per page (render,
deskew, table finding and recognition; wall clock and CPU time, which on a busy
machine is the steadier figure — the OCR engine uses every core, so on an idle
machine wall time is lower than CPU time) and the skew that was corrected.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

from jixiao.extractor.normalize import squash
from jixiao.extractor.readers.ocr import read_page

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]


def cer(hyp: str, ref: str) -> tuple[int, int]:
    """``(edits, reference length)`` on whitespace-free normalised text."""
    h, r = squash(hyp), squash(ref)
    return Levenshtein.distance(h, r), len(r)


def show_diff(hyp: str, ref: str) -> None:
    """Print the differing stretches (reference → OCR) with a little context."""
    h, r = squash(hyp), squash(ref)
    for op in Levenshtein.opcodes(r, h):
        if op.tag == "equal":
            continue
        before = r[max(0, op.src_start - 6):op.src_start]
        print(f"      {op.tag:7s} …{before}[{r[op.src_start:op.src_end]}→{h[op.dest_start:op.dest_end]}]")


def parse_pages(spec: str | None, n: int) -> list[int]:
    """``"3,5-7"`` → 0-based indices [2, 4, 5, 6]; ``None`` → all pages."""
    if not spec:
        return list(range(n))
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a) - 1, int(b or a)))
    return [i for i in out if 0 <= i < n]


def bench_report(report: str, pages: str | None, diff: bool) -> tuple[int, int, float, int]:
    scan = pdfium.PdfDocument(str(CORPUS / f"{report}-scan.pdf"))
    text = pdfium.PdfDocument(str(CORPUS / f"{report}.pdf"))
    edits = total = 0
    seconds = cpu = 0.0
    indices = parse_pages(pages, len(scan))
    print(f"{report}: {len(indices)} page(s)")
    print(f"  {'page':>4} {'chars':>6} {'edits':>6} {'CER':>7} {'sec':>6} {'cpu':>6} {'skew':>6}")
    for i in indices:
        t0, c0 = time.perf_counter(), time.process_time()
        result = read_page(scan, i)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        tp = text[i].get_textpage()
        ref = tp.get_text_range()
        tp.close()
        hyp = result.reading_text()
        e, n = cer(hyp, ref)
        edits, total, seconds, cpu = edits + e, total + n, seconds + dt, cpu + dc
        rate = e / n if n else 0.0
        print(f"  {i + 1:>4} {n:>6} {e:>6} {rate:>7.2%} {dt:>6.2f} {dc:>6.2f} {result.skew:>+6.2f}")
        if diff and e:
            show_diff(hyp, ref)
    rate = edits / total if total else 0.0
    k = max(1, len(indices))
    print(f"  {'all':>4} {total:>6} {edits:>6} {rate:>7.2%} {seconds / k:>6.2f} {cpu / k:>6.2f} s/page (wall, cpu)\n")
    return edits, total, seconds, len(indices)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="append", choices=REPORTS, help="report name (repeatable); default all")
    ap.add_argument("--pages", help="1-based pages, e.g. 1-3,22 (default all)")
    ap.add_argument("--diff", action="store_true", help="print the differing stretches of each page")
    args = ap.parse_args(argv)
    edits = total = count = 0
    seconds = 0.0
    for report in args.report or REPORTS:
        e, n, s, c = bench_report(report, args.pages, args.diff)
        edits, total, seconds, count = edits + e, total + n, seconds + s, count + c
    print(f"overall: CER {edits / max(1, total):.2%} ({edits}/{total}), {seconds / max(1, count):.2f} s/page over {count} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
