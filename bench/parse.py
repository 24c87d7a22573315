"""Benchmark ``jixiao.extractor.parse`` on the corpus: pages/second per format, the
ratio to bare pdfplumber on the same PDFs in the same run, and peak memory.

Run from the repository root::

    python bench/parse.py                 # txt, docx, pdf, and the two short scans
    python bench/parse.py --scans all     # also OCR the 40-page scan (minutes)
    python bench/parse.py --scans none --repeat 5

Every (report, format) is measured in a fresh subprocess, so that its peak memory
(``tracemalloc`` peak of Python allocations, and the process's ``ru_maxrss``, which
includes PDFium's and ONNX Runtime's native memory) belongs to it alone.  Times are
the best of ``--repeat`` runs after one warm-up run (imports and lazy model loading
excluded); a scan is OCR'd once (its time includes the warm-up).

"Bare pdfplumber" is ``page.extract_text()`` plus ``page.extract_tables()`` on every
page, timed in the same subprocess right after ``jixiao``'s own runs.  A text-layer
PDF's "same tables" check: every non-empty cell pdfplumber finds must appear in the
tables jixiao returns (jixiao joins a table continued over a page break into one, so
it reports fewer, longer tables).

Pages for formats without pages (.txt, .docx) are the printed PDF's page count, so
pages/second compare across formats.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]
FORMATS = {"txt": ".txt", "docx": ".docx", "pdf": ".pdf", "scan": "-scan.pdf"}

CHILD = textwrap.dedent(
    r"""
    import json, re, resource, sys, time, tracemalloc
    path, repeat, bare = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
    from jixiao.extractor import parse

    def best(fn, n):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t)
        return min(times), out

    result = {}
    if repeat > 0:
        parse(path)  # warm-up: lazy imports, caches
        result["seconds"], doc = best(lambda: parse(path), repeat)
        tracemalloc.start()
        parse(path)
        result["peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    else:  # a scan: one OCR run, traced
        tracemalloc.start()
        t = time.perf_counter()
        doc = parse(path)
        result["seconds"] = time.perf_counter() - t
        result["peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    result["pages"] = doc.pages
    result["ocr"] = doc.ocr
    result["blocks"] = len(doc.blocks)
    result["tables"] = len(doc.tables)
    if bare:
        import pdfplumber

        def plumber():
            found = []
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    found.extend(page.extract_tables())
                    page.close()
            return found

        plumber()  # warm-up
        result["plumber_seconds"], tables = best(plumber, max(repeat, 1))
        result["plumber_tables"] = len(tables)
        squash = lambda s: re.sub(r"\s+", "", s or "")
        ours = "".join(squash(c) for b in doc.tables for row in b.rows for c in row)
        cells = [squash(c) for t in tables for row in t for c in row if squash(c)]
        result["cells_found"] = sum(1 for c in cells if c in ours)
        result["cells"] = len(cells)
    result["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))
    """
)


def measure(path: Path, repeat: int, bare: bool) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(repeat), "1" if bare else "0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per file (best is kept)")
    ap.add_argument(
        "--scans",
        choices=["none", "small", "all"],
        default="small",
        help="which scans to OCR: none, the two 7-page ones, or all three",
    )
    ap.add_argument("--formats", default="txt,docx,pdf,scan", help="comma-separated subset of txt,docx,pdf,scan")
    args = ap.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f in FORMATS]

    printed_pages: dict[str, int] = {}
    rows = []
    for report in REPORTS:
        for fmt in formats:
            if fmt == "scan" and (args.scans == "none" or (args.scans == "small" and report.startswith("yunnan"))):
                continue
            path = CORPUS / f"{report}{FORMATS[fmt]}"
            if not path.exists():
                continue
            r = measure(path, 0 if fmt == "scan" else args.repeat, bare=fmt == "pdf")
            if fmt == "pdf" and "pages" in r:
                printed_pages[report] = r["pages"]
            rows.append((report, fmt, r))
            print(f"  measured {path.name}", file=sys.stderr, flush=True)

    header = (
        f"{'report':<32} {'format':<6} {'pages':>5} {'seconds':>8} {'pages/s':>8} {'py peak MB':>10} "
        f"{'max RSS MB':>10}  notes"
    )
    print(header)
    print("-" * len(header))
    totals: dict[str, list[float]] = {}
    for report, fmt, r in rows:
        if "error" in r:
            print(f"{report:<32} {fmt:<6} error: {r['error']}")
            continue
        pages = r["pages"] or printed_pages.get(report) or 0
        rate = pages / r["seconds"] if r["seconds"] else float("inf")
        t = totals.setdefault(fmt, [0.0, 0.0])
        t[0] += pages
        t[1] += r["seconds"]
        notes = []
        if fmt in ("txt", "docx"):
            notes.append("pages = printed PDF's")
        if fmt == "pdf":
            ratio = r["seconds"] / r["plumber_seconds"]
            notes.append(
                f"{ratio:.2f}x bare pdfplumber ({r['plumber_seconds']:.2f} s, "
                f"{pages / r['plumber_seconds']:.1f} pages/s)"
            )
            notes.append(
                f"tables {r['tables']} (pdfplumber {r['plumber_tables']} page pieces), "
                f"cells found {r['cells_found']}/{r['cells']}"
            )
            t2 = totals.setdefault("pdfplumber", [0.0, 0.0])
            t2[0] += pages
            t2[1] += r["plumber_seconds"]
        if fmt == "scan":
            notes.append("one OCR run, traced" + ("" if r["ocr"] else "; NOT OCR'd"))
        print(
            f"{report:<32} {fmt:<6} {pages:>5} {r['seconds']:>8.3f} {rate:>8.{2 if rate < 10 else 1}f} {r['peak'] / 2**20:>10.1f} "
            f"{r['rss_kb'] / 1024:>10.1f}  {'; '.join(notes)}"
        )
    print()
    for fmt, (pages, seconds) in totals.items():
        print(f"all {fmt:<10} {int(pages):>5} pages in {seconds:7.3f} s = {pages / seconds:7.2f} pages/s")
    if "pdf" in totals and "pdfplumber" in totals:
        print(
            f"jixiao parse / bare pdfplumber on the text PDFs: {totals['pdf'][1] / totals['pdfplumber'][1]:.2f} "
            f"(target <= 0.50)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
