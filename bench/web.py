"""`jixiao serve` page times at scale: how long the server takes to answer each page.

    python bench/web.py                        # 100k synthetic findings (built from the corpus store)
    python bench/web.py --sizes 10000          # smaller
    python bench/web.py --db corpus.db         # an indexed store of tests/corpus to build from

The store is the one bench/search.py builds for its latency run (10 findings a report, real
findings recombined, vectors recombined from real embeddings, places from GB/T 2260).  Pages are
requested through Datasette's ASGI client in-process — routing, permission checks, the library
call, template rendering, everything but the network — after one warm-up pass that loads the
dense index, the embedder and jieba.  Each search query of tests/search_queries.yaml is asked as a
results page (20 hits, hybrid), with filters, as JSON, and as page 2; then a report, a finding
(its passage), similar findings, the compare page and the status page.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _search_bench():
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _p(values: list[float]) -> str:
    values = sorted(values)
    p50 = statistics.median(values) * 1000
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))] * 1000
    return f"p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {values[-1] * 1000:7.1f} ms   (n={len(values)})"


def measure(db: Path, queries: list[str]) -> dict[str, list[float]]:
    import sqlite3

    from jixiao.store.web.serve import datasette_app

    con = sqlite3.connect(str(db))
    reports = [r[0] for r in con.execute("SELECT report_id FROM reports ORDER BY random() LIMIT 20")]
    findings = [r[0] for r in con.execute("SELECT finding_id FROM findings ORDER BY random() LIMIT 20")]
    con.close()
    ds = datasette_app(db)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(ds.invoke_startup())

    def get(path: str) -> float:
        t = time.perf_counter()
        r = loop.run_until_complete(ds.client.get(path))
        dt = time.perf_counter() - t
        if r.status_code != 200:
            raise SystemExit(f"{path}: {r.status_code} {r.text[:300]}")
        return dt

    q = [urllib.parse.quote(x) for x in queries]
    for x in q[:5]:  # warm-up: dense index, embedder, jieba, filter index, page cache
        get(f"/search?q={x}")
        get(f"/search?q={x}&province=%E4%BA%91%E5%8D%97&years=2018-2022&kind=problem")
    times: dict[str, list[float]] = {}
    pages = {
        "search page (hybrid, 20 hits)": [f"/search?q={x}" for x in q],
        "search page + province/years/kind": [
            f"/search?q={x}&province=%E4%BA%91%E5%8D%97&years=2018-2022&kind=problem" for x in q
        ],
        "search page 2": [f"/search?q={x}&page=2" for x in q],
        "search.json": [f"/search.json?q={x}" for x in q],
        "search page (keyword)": [f"/search?q={x}&mode=keyword" for x in q],
        "report page": [f"/reports/{r}" for r in reports],
        "finding page": [f"/findings/{f}" for f in findings],
        "similar findings page": [f"/findings/{f}/similar" for f in findings],
        "compare page (province, score)": ["/compare?by=jurisdiction&level=province&metric=score"] * 3,
        "compare page (prefecture, categories)": ["/compare?by=jurisdiction&level=prefecture&metric=categories"] * 3,
        "status page": ["/status"] * 3,
    }
    for name, paths in pages.items():
        times[name] = [get(p) for p in paths]
    loop.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an indexed store of tests/corpus (default: build one)")
    ap.add_argument("--sizes", default="100000")
    ap.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = ap.parse_args(argv)
    sb = _search_bench()
    work = args.keep or Path(tempfile.mkdtemp(prefix="jixiao-bench-web-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    source = args.db
    if source is None:
        source = work / "corpus.db"
        if not source.exists():
            sb.build_corpus_store(source)
    queries = [x["q"] for x in sb.load_queries()]
    for n in [int(s) for s in args.sizes.split(",")]:
        db = work / f"synthetic-{n}.db"
        if not db.exists():
            info = sb.build_synthetic_store(source, db, n)
            print(f"built {n:,} findings in {info['build_s']:.0f} s")
        print(f"\n{n:,} findings — server time per page (in-process ASGI client, after warm-up):")
        for name, values in measure(db, queries).items():
            print(f"  {name:40s} {_p(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
