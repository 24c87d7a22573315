"""Scale (issue 14): import on both engines, the loader, identity at 10k–1M signatures.

    python bench/scale.py --files 300                  # import + load + identity
    python bench/scale.py --files 0 --identity 10000,100000,1000000
    python bench/scale.py --files 200 --engines ray --identity '' --search ''

* **import**: ``--files`` distinct reports made by ``bench/generate.py`` are imported
  into a fresh store on each engine (``local``: the process pool; ``ray``: a local Ray
  cluster of ``--workers`` CPUs on loopback, shards, then the loader), each run in a
  fresh process.  Files/min, files/min per core, and the peak RSS of the driver and of
  the largest process under it (a pool worker, a Ray worker) sampled from /proc.
* **loader**: the Ray run's shards loaded again into an empty store: rows/s.
* **search**: recall@10 of the approximate index (:mod:`jixiao.store.ann`) on the real
  embeddings of the generated store's findings (``use`` backend), and exact vs approximate
  p50/p95 over ``--search`` synthetic vectors (labelled so) with and without filters.
* **identity**: a :class:`jixiao.store.identity.SignatureIndex` of N synthetic
  signatures (random minima; 2,846 counties × 10 years, as the division table has),
  then the time to find one new file's candidates, blocked (division + year + LSH
  bands) and by comparing with every signature (what the store did before).

The machine is shared: the load average is printed with every run; compare ratios
measured in one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from procs import cpu_seconds, descendants, schedstat, status_kib  # noqa: E402  tests/procs.py, shared with the tests


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


class Measured:
    """What :func:`_run_measured` saw of a command and the processes under it."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.driver_kib = 0  # peak RSS of the command's process
        self.worker_kib = 0  # peak RSS of the largest process under it
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds (user + system), last sample
        self.busy: dict[int, tuple[float, float, float, float]] = {}  # pid -> (first, last seen, run s, wait s)
        self.driver = 0
        self.out = ""

    @property
    def driver_cpu(self) -> float:
        return self.cpu.get(self.driver, 0.0)

    @property
    def total_cpu(self) -> float:
        return sum(self.cpu.values())

    def workers(self) -> tuple[float, float, float]:
        """Over the processes that did most of the work (each over a tenth of the CPU): seconds
        alive, seconds running, seconds waiting for a core (runnable, another process on it)."""
        top = [p for p, c in self.cpu.items() if c > 0.1 * self.total_cpu and p != self.driver]
        alive = sum(self.busy[p][1] - self.busy[p][0] for p in top if p in self.busy)
        run = sum(self.busy[p][2] for p in top if p in self.busy)
        wait = sum(self.busy[p][3] for p in top if p in self.busy)
        return alive, run, wait

    def busy_of_driver(self) -> tuple[float, float, float]:
        first, last, run, wait = self.busy.get(self.driver, (0.0, 0.0, 0.0, 0.0))
        return last - first, run, wait


def _run_measured(cmd: list[str]) -> Measured:
    """Run ``cmd``, sampling every 0.5 s from /proc: peak RSS, CPU seconds of the command and of
    every process under it (a process's last half second may be missed, nothing is counted
    twice), and for each process the seconds it ran and waited for a core (schedstat)."""
    m = Measured()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    m.driver = proc.pid

    def sample() -> None:
        while proc.poll() is None:
            m.driver_kib = max(m.driver_kib, status_kib(proc.pid, "VmRSS"))
            now = time.perf_counter()
            for pid in [proc.pid, *descendants(proc.pid)]:
                if pid != proc.pid:
                    m.worker_kib = max(m.worker_kib, status_kib(pid, "VmRSS"))
                m.cpu[pid] = max(m.cpu.get(pid, 0.0), cpu_seconds(pid))
                run, wait = schedstat(pid)
                if run:
                    first = m.busy.get(pid, (now,))[0]
                    m.busy[pid] = (first, now, run, wait)
            time.sleep(0.5)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    m.out, _ = proc.communicate()
    t.join()
    m.wall = time.perf_counter() - started
    return m


_IMPORT = """
import json, os, sys, time
engine, src, db, shards, workers = sys.argv[1:6]
workers = int(workers)
t = time.perf_counter()
if engine == "ray":
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
    from jixiao.corpus.ray_engine import import_ray
    s = import_ray([src], shards, db, workers=workers)
else:  # local: the process pool; serial: no pool, every file read in this process
    from jixiao import import_paths
    s = import_paths([src], db, workers=0 if engine == "serial" else workers)
print(json.dumps({"seconds": time.perf_counter() - t, "imported": len(s.imported), "failed": len(s.failed),
                  "reports": s.reports_after}))
"""


def bench_import(n: int, engines: list[str], workers: int, work: Path) -> Path | None:
    from generate import generate

    src = work / "reports"
    t = time.perf_counter()
    generate(n, src)
    print(f"generated {n} distinct reports in {time.perf_counter() - t:.1f} s (bench/generate.py)")
    print(f"\nimport of {n} generated .txt reports, {workers} workers/CPUs (serial: 1 process, no pool):")
    print(
        f"  {'engine':<7}{'wall s':>8}{'files/min':>10}{'/min/core':>10}{'CPU-s/file':>11}{'driver':>7}"
        f"{'run':>6}{'wait':>6}{'idle':>6}{'driver MB':>10}{'worker MB':>10}{'stored':>7}{'failed':>7}"
        "   load before -> after"
    )
    shards = None
    for k, engine in enumerate(engines):  # an engine may be named twice (interleaved runs)
        db = work / (f"{engine}.db" if engine not in engines[:k] else f"{engine}-{k}.db")
        shard_dir = work / (f"{engine}-shards" if engine not in engines[:k] else f"{engine}-{k}-shards")
        load = _load()
        m = _run_measured([sys.executable, "-c", _IMPORT, engine, str(src), str(db), str(shard_dir), str(workers)])
        try:
            res = json.loads(m.out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            print(f"  {engine}: failed to run")
            continue
        cores = 1 if engine == "serial" else workers
        rate = 60 * n / res["seconds"]
        # CPU-s/file: every process of the run (driver, pool or Ray processes), Python start-up
        # and model loading included; "driver": the driver's share of it.  run / wait / idle: of
        # the time the working processes (the serial driver, the pool's or Ray's readers) were
        # alive, the share they ran, waited for a core (the machine's other load), or slept
        # (waiting on the engine: nothing to read, a queue, a pipe).
        alive, run, wait = m.workers() if engine != "serial" else m.busy_of_driver()
        alive = max(alive, 1e-9)
        print(
            f"  {engine:<7}{res['seconds']:>8.1f}{rate:>10.1f}{rate / cores:>10.1f}{m.total_cpu / n:>11.2f}"
            f"{m.driver_cpu / n:>7.2f}{run / alive:>6.2f}{wait / alive:>6.2f}{max(0.0, 1 - (run + wait) / alive):>6.2f}"
            f"{m.driver_kib / 1024:>10.0f}{m.worker_kib / 1024:>10.0f}{res['imported']:>7}{res['failed']:>7}"
            f"   {load} -> {_load()}"
        )
        if engine == "ray" and shards is None:
            shards = shard_dir
    return shards


def bench_loader(shards: Path, work: Path) -> None:
    """Rows/s loading the Ray run's shards into an empty store; and, in the same run, the same
    shards without the workers' jieba words (the writer segments, as before they were carried)."""
    import pyarrow.parquet as pq

    from jixiao.corpus import shards as shard_files
    from jixiao.corpus.loader import load_shards
    from jixiao.store import fts

    fts.words("预热")  # jieba's dictionary loaded before either is timed
    bare = work / "shards-without-words"
    bare.mkdir()
    for f in shard_files.files(shards):
        table = pq.read_table(f)
        if "segments" in table.column_names:
            table = table.drop(["segments"])
        pq.write_table(table, bare / f.name)
    rows = sum(1 for _ in shard_files.keys(shards))
    print(f"\nloader: {rows} rows from {len(shard_files.files(shards))} shards into an empty store:")
    for label, folder in (("words from the workers", shards), ("words segmented by the writer", bare)):
        db = work / f"loaded-{folder.name}.db"
        load = _load()
        t = time.perf_counter()
        summary = load_shards(folder, db)
        sec = time.perf_counter() - t
        print(f"  {label:<30}{sec:>7.1f} s {rows / sec:>7.1f} rows/s ({len(summary.imported)} stored)   load {load}")
    t = time.perf_counter()
    again = load_shards(shards, work / f"loaded-{shards.name}.db")
    print(f"loader again (nothing to write): {time.perf_counter() - t:.1f} s, {len(again.imported)} stored")


def _identity_probes(rng, places, queries: int) -> list:
    """``queries`` new files to decide identity for: a random signature, a year and a place."""
    import numpy as np

    from jixiao.store.identity import Identity

    return [
        (
            rng.integers(0, 2**32, 128, dtype=np.uint32).tobytes(),
            Identity(frozenset({2015 + k % 10}), places[(k * 31) % len(places)], None),
        )
        for k in range(queries)
    ]


def bench_identity(sizes: list[int], queries: int = 200) -> None:
    import numpy as np

    from jixiao.store.identity import SAME_TEXT, Identity, SignatureIndex

    print("\nidentity: candidates for one new file (synthetic signatures, 2,846 counties x 10 years)")
    print(
        f"  {'signatures':>11}{'build s':>9}{'blocked ms':>12}{'compared':>10}{'full scan ms':>14}{'ratio':>8}   load"
    )
    rng = np.random.default_rng(14)
    places = [f"{n:06d}" for n in range(2846)]
    index = SignatureIndex()
    built = 0.0
    for size in sizes:
        t = time.perf_counter()
        while index.size < size:
            n = index.size
            years = frozenset({2015 + n % 10} | ({2016 + n % 10} if n % 3 == 0 else set()))
            ident = Identity(years, places[(n * 7919) % len(places)], None)
            index.add(
                f"d{n}",
                rng.integers(0, 2**32, 128, dtype=np.uint32).tobytes(),
                {"report_id": f"d{n}", "identity": ident},
            )
        built += time.perf_counter() - t
        probes = _identity_probes(rng, places, queries)
        load = _load()
        t = time.perf_counter()
        compared = 0
        for sig, ident in probes:
            index.candidates(sig, None, SAME_TEXT, ident)
            compared += len(index.candidate_rows(sig, ident))
        blocked = (time.perf_counter() - t) / queries * 1000
        full_n = max(5, queries // max(1, size // 10_000))
        t = time.perf_counter()
        for sig, _ in probes[:full_n]:
            index.candidates(sig, None, SAME_TEXT, None)
        full = (time.perf_counter() - t) / full_n * 1000
        print(
            f"  {size:>11,}{built:>9.1f}{blocked:>12.2f}{compared / queries:>10.0f}{full:>14.1f}"
            f"{full / blocked:>8.0f}x   {load}"
        )


def bench_identity_store(sizes: list[int], folder: Path, queries: int = 200) -> None:
    """Opening a store of N files and deciding a new file's identity, before and now.

    Before (until migration 4) the store built an in-memory :class:`SignatureIndex` from every
    stored record at its first write; now the keys are rows of the store
    (:mod:`jixiao.store.identity_index`) and opening builds nothing.  The N files are synthetic
    (random signatures, 2,846 divisions x 10 years as in :func:`bench_identity`); their records
    are a real one (a sample report's, 11 KB of JSON) with the division and years changed, or
    above 100,000 files the same record without its findings, figures, checks and evidence
    (1.3 KB: the disk here is shared) — labelled in the output; the before-build time is then
    a lower bound (less JSON to parse per file)."""
    import numpy as np

    from jixiao import parse
    from jixiao.extractor.record import build_record
    from jixiao.store import Store, identity_index, mapping
    from jixiao.store.identity import SAME_TEXT, SignatureIndex, band_hashes

    record = build_record(parse(str(HERE.parent / "corpus/samples/chenggong-2023-department.txt"))).to_dict()
    record["jurisdiction"]["adcode"], record["years"] = "@ADCODE@", ["@YEARS@"]
    full = json.dumps(record, ensure_ascii=False)
    for key in ("findings", "figures", "checks"):
        record[key] = []
    record["evidence"] = {}
    trimmed = json.dumps(record, ensure_ascii=False)
    print(
        f"\nidentity in the store: open, then candidates for one new file (synthetic signatures; "
        f"records {len(full.encode()) / 1024:.0f} KB real JSON up to 100,000 files, "
        f"{len(trimmed.encode()) / 1024:.1f} KB trimmed above)"
    )
    print(
        f"  {'files':>9}{'record':>8}{'write s':>9}{'open s':>8}{'ms/file':>9}"
        f"{'before: build s':>17}{'MB':>6}{'ms/file':>9}{'same':>6}{'tables MB':>11}   load"
    )
    rng = np.random.default_rng(14)
    places = [f"{n:06d}" for n in range(2846)]

    def keys(n: int) -> tuple[str, list[int]]:
        return places[(n * 7919) % len(places)], [2015 + n % 10] + ([2016 + n % 10] if n % 3 == 0 else [])

    for size in sizes:
        template = full if size <= 100_000 else trimmed
        db = folder / f"identity-{size}.db"
        t = time.perf_counter()
        with Store(db) as store:
            conn = store.conn
            conn.execute("PRAGMA foreign_keys = OFF")  # identity reads no report rows: none written
            conn.execute("BEGIN")
            for start in range(0, size, 10_000):
                ns = range(start, min(size, start + 10_000))
                sigs = rng.integers(0, 2**32, (len(ns), 128), dtype=np.uint32)
                docs, sources, idocs, blocks, bands = [], [], [], [], []
                for n, sig in zip(ns, sigs):
                    adcode, years = keys(n)
                    rec = template.replace('"@ADCODE@"', f'"{adcode}"').replace('["@YEARS@"]', json.dumps(years))
                    doc_id = f"{n:064x}"
                    docs.append((doc_id, f"d{n}.txt", rec, sig.tobytes()))
                    sources.append((doc_id, doc_id, f"d{n}.txt"))
                    idocs.append((n + 1, doc_id, adcode, ",".join(map(str, years))))
                    blocks += [(adcode, y, n + 1) for y in years]
                    bands += [(int(h), b, n + 1) for b, h in enumerate(band_hashes(sig.tobytes()).view(np.int64))]
                conn.executemany(
                    "INSERT INTO documents (doc_id, path, format, pages, ocr, size, text, record, fingerprint,"
                    " signature) VALUES (?, ?, 'txt', 1, 0, 0, '', ?, NULL, ?)",
                    docs,
                )
                conn.executemany(
                    "INSERT INTO sources (doc_id, report_id, path, format, ocr, is_primary) VALUES (?, ?, ?, 'txt', 0, 1)",
                    sources,
                )
                conn.executemany("INSERT INTO identity_docs (id, doc_id, adcode, years) VALUES (?, ?, ?, ?)", idocs)
                conn.executemany("INSERT INTO identity_blocks (adcode, year, id) VALUES (?, ?, ?)", blocks)
                conn.executemany("INSERT INTO identity_bands (hash, band, id) VALUES (?, ?, ?)", bands)
            conn.execute("COMMIT")
        written = time.perf_counter() - t
        probes = _identity_probes(rng, places, queries)
        load = _load()
        t = time.perf_counter()
        store = Store(db)
        opened = time.perf_counter() - t
        t = time.perf_counter()
        now = [identity_index.candidates(store.conn, sig, None, SAME_TEXT, ident) for sig, ident in probes]
        per_file = (time.perf_counter() - t) / queries * 1000
        try:
            tables = (
                store.conn.execute(
                    "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'identity%' OR name LIKE 'sqlite_autoindex_identity%'"
                ).fetchone()[0]
                / 2**20
            )
        except sqlite3.Error:  # SQLite built without dbstat
            tables = float("nan")
        # Before: what Store._signature_index did at the first write (every record parsed).
        rss = status_kib(os.getpid(), "VmRSS")
        t = time.perf_counter()
        index = SignatureIndex()
        for doc_id, sig, rec, fp, report_id in store.conn.execute(
            "SELECT d.doc_id, d.signature, d.record, d.fingerprint, s.report_id"
            " FROM documents d JOIN sources s ON s.doc_id = d.doc_id ORDER BY d.doc_id"
        ):
            ident = mapping.identity_of(mapping.record_from_json(rec), fp)
            index.add(doc_id, sig, {"report_id": report_id, "identity": ident})
        before = time.perf_counter() - t
        grown = (status_kib(os.getpid(), "VmRSS") - rss) / 1024
        t = time.perf_counter()
        then = [index.candidates(sig, None, SAME_TEXT, ident) for sig, ident in probes]
        before_file = (time.perf_counter() - t) / queries * 1000
        same = then == [[(c.similarity, c.doc_id) for c in cands] for cands in now]
        store.close()
        del index
        label = "real" if template is full else "trim"
        print(
            f"  {size:>9,}{label:>8}{written:>9.1f}{opened:>8.3f}{per_file:>9.2f}{before:>17.1f}{grown:>6.0f}"
            f"{before_file:>9.2f}{'yes' if same else 'NO':>6}{tables:>11.0f}   {load}"
        )
        db.unlink()
        for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            extra.unlink(missing_ok=True)


def _latency(fn, queries) -> tuple[float, float]:
    import numpy as np

    times = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def _synthetic(n: int, dim: int, folder: Path, rng):
    """``n`` unit vectors around 5,000 centres (findings worded alike), in memory up to 2M rows,
    above that in a file mapped into memory (10M x 384 float32 is 15 GB: the page cache holds
    what fits, and approximate search reads only the rows it re-scores)."""
    import numpy as np

    centres = rng.normal(0, 1, (5000, dim)).astype(np.float32)
    if n <= 2_000_000:
        matrix = np.empty((n, dim), dtype=np.float32)
    else:
        matrix = np.lib.format.open_memmap(folder / "vectors.npy", mode="w+", dtype=np.float32, shape=(n, dim))
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        block = centres[rng.integers(0, 5000, m)] + rng.normal(0, 0.6, (m, dim)).astype(np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        matrix[start : start + m] = block
    return matrix


def _exact_many(matrix, qs, k: int, rows=None) -> list[list[tuple[int, float]]]:
    """Exact top ``k`` of every query in one pass over ``matrix`` (100k rows at a time): the
    truth for recall, without reading a mapped matrix once per query."""
    import numpy as np

    keep = None
    if rows is not None:
        keep = np.zeros(len(matrix), dtype=bool)
        keep[rows] = True
    best_s = np.full((len(qs), 0), -np.inf, dtype=np.float32)
    best_r = np.zeros((len(qs), 0), dtype=np.int64)
    for start in range(0, len(matrix), 100_000):
        block = np.asarray(matrix[start : start + 100_000])
        scores = qs @ block.T
        if keep is not None:
            scores[:, ~keep[start : start + len(block)]] = -np.inf
        ids = np.broadcast_to(np.arange(start, start + len(block)), scores.shape)
        all_s = np.concatenate([best_s, scores], axis=1)
        all_r = np.concatenate([best_r, ids], axis=1)
        top = np.argsort(-all_s, axis=1, kind="stable")[:, :k]
        best_s, best_r = np.take_along_axis(all_s, top, 1), np.take_along_axis(all_r, top, 1)
    return [[(int(r), float(s)) for r, s in zip(rr, ss) if np.isfinite(s)] for rr, ss in zip(best_r, best_s)]


def bench_search_synthetic(n: int, dim: int = 384, queries: int = 100) -> None:
    """Exact vs approximate search over ``n`` synthetic unit vectors (clustered, labelled so)."""
    import numpy as np

    from jixiao.store import ann

    print(
        f"\nsearch over {n:,} SYNTHETIC vectors (dim {dim}; 5,000 clusters, as findings worded alike), "
        f"top 10, {queries} queries   load {_load()}"
    )
    rng = np.random.default_rng(14)
    with tempfile.TemporaryDirectory(prefix="jixiao-vectors-", dir=os.environ.get("JIXIAO_BENCH_TMP")) as tmp:
        t = time.perf_counter()
        matrix = _synthetic(n, dim, Path(tmp), rng)
        mapped = isinstance(matrix, np.memmap)
        print(f"  made in {time.perf_counter() - t:.0f} s" + (" (mapped from disk)" if mapped else ""))
        qs = np.asarray(matrix[np.sort(rng.choice(n, queries, replace=False))])
        qs = (qs + rng.normal(0, 0.01, qs.shape)).astype(np.float32)
        t = time.perf_counter()
        index = ann.AnnIndex.build(matrix)
        print(
            f"  IVF-SQ8 built in {time.perf_counter() - t:.0f} s (nlist {index.index.nlist}); "
            f"float32 matrix {n * dim * 4 / 2**20:,.0f} MB, codes {n * dim / 2**20:,.0f} MB   load {_load()}"
        )
        half = np.sort(rng.choice(n, n // 2, replace=False))  # a filter keeping half the findings
        tenth = np.sort(rng.choice(n, n // 100, replace=False))  # a selective filter (1%)
        # Exact search over a mapped 15 GB matrix reads the disk once per query: time a few.
        timed = qs if not mapped else qs[:5]
        print(
            f"  {'filter':<14}{'exact p50/p95 ms':>20}{'ANN p50/p95 ms':>18}{'recall@10':>11}"
            + (f"   (exact timed on {len(timed)} queries)" if mapped else "")
        )
        for label, rows in (("none", None), ("50% of rows", half), ("1% of rows", tenth)):
            e50, e95 = _latency(lambda q, rows=rows: ann.exact(matrix, q, 10, rows), timed)
            a50, a95 = _latency(lambda q, rows=rows: index.search(matrix, q, 10, rows), qs)
            truth = _exact_many(matrix, qs[:50], 10, rows)
            rec = np.mean([ann.recall_at(10, index.search(matrix, q, 10, rows), t) for q, t in zip(qs[:50], truth)])
            print(f"  {label:<14}{e50:>9.1f} / {e95:<8.1f}{a50:>8.1f} / {a95:<7.1f}{rec:>11.3f}   load {_load()}")


def bench_search_real(db: Path, limit: int = 20_000) -> None:
    """recall@10 of the approximate index on real embeddings: the generated store's findings."""
    import sqlite3

    import numpy as np

    from jixiao.store import ann
    from jixiao.store.embeddings import get_embedder

    conn = sqlite3.connect(db)
    texts = [t for (t,) in conn.execute("SELECT text FROM findings ORDER BY id LIMIT ?", (limit,))]
    conn.close()
    if len(texts) < 100:
        print("\n(too few findings for a real-embedding recall)")
        return
    emb = get_embedder("use")
    t = time.perf_counter()
    matrix = np.asarray(emb.embed_passages(texts), dtype=np.float32)
    print(
        f"\nreal embeddings: {len(texts):,} findings of the generated reports embedded with {emb.name} "
        f"in {time.perf_counter() - t:.0f} s   load {_load()}"
    )
    index = ann.AnnIndex.build(matrix)
    rng = np.random.default_rng(14)
    picks = rng.choice(len(texts), min(200, len(texts)), replace=False)
    for nprobe in (8, 32):
        rec = [
            ann.recall_at(10, index.search(matrix, matrix[i], 10, nprobe=nprobe), ann.exact(matrix, matrix[i], 10))
            for i in picks
        ]
        print(
            f"  IVF-SQ8 nlist {index.index.nlist}, nprobe {nprobe}: recall@10 {np.mean(rec):.3f} "
            f"(findings as queries; many are near-copies: numbers and places changed)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=300, help="generated reports to import (0: no import)")
    ap.add_argument("--engines", default="local,ray", help="local, ray, serial (one process, no pool)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--identity", default="10000,100000,1000000", help="signature counts ('' for none)")
    ap.add_argument(
        "--identity-store", default="", help="store sizes (files) for open + identity, before/now ('' for none)"
    )
    ap.add_argument("--search", default="1000000", help="synthetic vector counts for search ('' for none)")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    print(f"machine: {os.cpu_count()} cores, load average {_load()} (shared with other sessions)")
    with tempfile.TemporaryDirectory(prefix="jixiao-scale-") as tmp:
        work = Path(tmp)
        if args.files:
            shards = bench_import(args.files, args.engines.split(","), args.workers, work)
            if shards is not None:
                bench_loader(shards, work)
            if (work / "local.db").exists():
                bench_search_real(work / "local.db")
    if args.identity:
        bench_identity([int(x) for x in args.identity.split(",")])
    if args.identity_store:
        with tempfile.TemporaryDirectory(prefix="jixiao-identity-", dir=os.environ.get("JIXIAO_BENCH_TMP")) as tmp:
            bench_identity_store([int(x) for x in args.identity_store.split(",")], Path(tmp))
    for n in [int(x) for x in args.search.split(",") if x]:
        bench_search_synthetic(n)


if __name__ == "__main__":
    main()
