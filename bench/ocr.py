"""OCR benchmark: engines side by side on every scanned page of the corpus.

    python bench/ocr.py                                  # today's default against the old engine
    python bench/ocr.py --engines legacy:0,legacy:1,openvino:1,openvino-v6:1
    python bench/ocr.py --engines openvino --report yunnan-2021-resident-pension --pages 20-23 --diff

Each engine (``NAME[:THREADS]``, a name from ``jixiao.extractor.readers.ocr.ENGINES``;
threads 0 = the runtime's own default, every core) runs in a fresh subprocess over the
same pages.  Every page of each scan is OCR'd with
:func:`jixiao.extractor.readers.ocr.read_page` and its reading-order text (lines top to
bottom, each table cell once, row by row) is compared with the text layer of the same
page of the text PDF (pypdfium2 gives the word processor's order, the same for tables).
Both sides are normalised and stripped of all whitespace; the character error rate is
``edit distance / reference length``.

Printed per engine and report: CER, CPU seconds per page (``time.process_time`` of the
subprocess: every thread's time, so it is the cost per core whatever the thread count,
and the steadier figure on a busy machine), wall seconds per page, and the peak resident
memory of the subprocess (``ru_maxrss``, models and page images included).  The first
page of each engine is OCR'd once before timing (model loading and compilation).  The
last lines give each engine's CPU time per page against the first engine's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]
DEFAULT_ENGINES = "legacy:0,openvino:1"


def cer(hyp: str, ref: str) -> tuple[int, int]:
    """``(edits, reference length)`` on whitespace-free normalised text."""
    from rapidfuzz.distance import Levenshtein

    from jixiao.extractor.normalize import squash

    h, r = squash(hyp), squash(ref)
    return Levenshtein.distance(h, r), len(r)


def show_diff(hyp: str, ref: str) -> None:
    """Print the differing stretches (reference → OCR) with a little context."""
    from rapidfuzz.distance import Levenshtein

    from jixiao.extractor.normalize import squash

    h, r = squash(hyp), squash(ref)
    for op in Levenshtein.opcodes(r, h):
        if op.tag == "equal":
            continue
        before = r[max(0, op.src_start - 6) : op.src_start]
        print(f"      {op.tag:7s} …{before}[{r[op.src_start : op.src_end]}→{h[op.dest_start : op.dest_end]}]")


def parse_pages(spec: str | None, n: int) -> list[int]:
    """``"3,5-7"`` → 0-based indices [2, 4, 5, 6]; ``None`` → all pages."""
    if not spec:
        return list(range(n))
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a) - 1, int(b or a)))
    return [i for i in out if 0 <= i < n]


def run_engine(engine: str, reports: list[str], pages: str | None, per_page: bool, diff: bool) -> dict:
    """OCR the pages with one engine in this process; returns the measurements."""
    import pypdfium2 as pdfium

    from jixiao.extractor.readers import ocr

    ocr.use_engine(engine)
    name = ocr.engine_name()
    warm = pdfium.PdfDocument(str(CORPUS / f"{reports[0]}-scan.pdf"))
    ocr.read_page(warm, 0)  # model loading and compilation are not per-page costs
    out = {"engine": name, "threads": os.environ.get("JIXIAO_OCR_THREADS"), "reports": {}}
    for report in reports:
        scan = pdfium.PdfDocument(str(CORPUS / f"{report}-scan.pdf"))
        text = pdfium.PdfDocument(str(CORPUS / f"{report}.pdf"))
        edits = total = 0
        wall = cpu = 0.0
        indices = parse_pages(pages, len(scan))
        if per_page:
            print(
                f"{name} {report}: {len(indices)} page(s)\n  {'page':>4} {'chars':>6} {'edits':>6} {'CER':>7} "
                f"{'sec':>6} {'cpu':>6} {'skew':>6}",
                file=sys.stderr,
            )
        for i in indices:
            t0, c0 = time.perf_counter(), time.process_time()
            result = ocr.read_page(scan, i)
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            tp = text[i].get_textpage()
            ref = tp.get_text_range()
            tp.close()
            hyp = result.reading_text()
            e, n = cer(hyp, ref)
            edits, total, wall, cpu = edits + e, total + n, wall + dt, cpu + dc
            if per_page:
                print(
                    f"  {i + 1:>4} {n:>6} {e:>6} {e / max(1, n):>7.2%} {dt:>6.2f} {dc:>6.2f} {result.skew:>+6.2f}",
                    file=sys.stderr,
                )
                if diff and e:
                    show_diff(hyp, ref)
        out["reports"][report] = {"pages": len(indices), "edits": edits, "chars": total, "wall": wall, "cpu": cpu}
    out["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def measure(spec: str, args: argparse.Namespace) -> dict:
    """One engine in a fresh subprocess (so that its peak memory is its own)."""
    name, _, threads = spec.partition(":")
    env = dict(os.environ, JIXIAO_OCR_THREADS=threads or "1")
    cmd = [sys.executable, __file__, "--one", name] + sum((["--report", r] for r in args.report or []), [])
    if args.pages:
        cmd += ["--pages", args.pages]
    if args.per_page or args.diff:
        cmd.append("--per-page")
    if args.diff:
        cmd.append("--diff")
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{spec}: failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--engines",
        default=DEFAULT_ENGINES,
        help=f"comma-separated NAME[:THREADS], the first is the baseline (default {DEFAULT_ENGINES})",
    )
    ap.add_argument("--report", action="append", choices=REPORTS, help="report name (repeatable); default all")
    ap.add_argument("--pages", help="1-based pages, e.g. 1-3,22 (default all)")
    ap.add_argument("--per-page", action="store_true", help="print every page")
    ap.add_argument("--diff", action="store_true", help="print the differing stretches of each page")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    reports = args.report or REPORTS
    if args.one:
        print(json.dumps(run_engine(args.one, reports, args.pages, args.per_page, args.diff)))
        return 0
    print(f"load average {os.getloadavg()[0]:.1f} at start; {os.cpu_count()} CPUs")
    print(
        f"{'engine':<26} {'thr':>3} {'report':<32} {'pages':>5} {'CER':>7} {'cpu s/p':>8} {'wall s/p':>8} {'peak MiB':>8}"
    )
    results = []
    for spec in args.engines.split(","):
        r = measure(spec, args)
        results.append(r)
        thr = r["threads"] if r["threads"] != "0" else "all"
        rows = list(r["reports"].items())
        tot = {k: sum(v[k] for _, v in rows) for k in ("pages", "edits", "chars", "wall", "cpu")}
        r["total"] = tot
        for report, v in rows + [("all", tot)]:
            print(
                f"{r['engine']:<26} {thr:>3} {report:<32} {v['pages']:>5} {v['edits'] / max(1, v['chars']):>7.2%} "
                f"{v['cpu'] / max(1, v['pages']):>8.2f} {v['wall'] / max(1, v['pages']):>8.2f} "
                f"{r['peak_rss_mib']:>8.0f}",
                flush=True,
            )
    base = results[0]["total"]

    def threads(r: dict) -> str:
        return "every core" if r["threads"] == "0" else f"{r['threads']} thread(s)"

    for r in results[1:]:
        t = r["total"]
        ratio = (base["cpu"] / base["pages"]) / max(1e-9, t["cpu"] / t["pages"])
        print(
            f"{r['engine']} ({threads(r)}) uses {1 / ratio:.2f}x the CPU time per page of "
            f"{results[0]['engine']} ({threads(results[0])}): {ratio:.1f}x fewer CPU-seconds; "
            f"CER {t['edits'] / max(1, t['chars']):.2%} vs {base['edits'] / max(1, base['chars']):.2%}"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
