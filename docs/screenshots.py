"""Screenshots of `jixiao serve` for the README, 1400 px wide, in headless Chromium.

    python docs/screenshots.py                    # builds a store of corpus/samples (text renderings)
    python docs/screenshots.py --db samples.db    # or uses one

Needs Debian's chromium (and fonts-noto-cjk for the Chinese text) and playwright.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def build_store(db: Path) -> None:
    from jixiao import import_paths
    from jixiao.store import Store
    from jixiao.store.vectors import index_missing

    files = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "corpus" / "samples").iterdir()
        if p.suffix in (".pdf", ".docx", ".txt") and not p.stem.endswith("-scan")
    )
    with Store(db) as store:
        import_paths(files, store, workers=2)
        index_missing(store.conn)


def _shrink(png: Path) -> None:
    """256 colours are plenty for a page of text and a few highlights: a third of the bytes in git."""
    from PIL import Image

    with Image.open(png) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(png, optimize=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="jixiao-docs-")) / "samples.db"
        build_store(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "jixiao.cli", "serve", "--db", str(db), "--port", str(port)], cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/status").read()
                break
            except OSError:
                time.sleep(0.2)
        hit = __import__("json").loads(
            urllib.request.urlopen(base + "/search.json?q=" + urllib.parse.quote("数据不共享")).read()
        )["hits"][0]
        shots = [
            ("search", "/search?q=" + urllib.parse.quote("数据不共享"), False),
            ("evidence", f"/findings/{hit['finding_id']}", False),
            ("report", f"/reports/{hit['report_id']}", False),
            ("compare", "/compare?by=jurisdiction&metric=categories", True),
            ("status", "/status", False),
        ]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name, url, full in shots:
                page.goto(base + url)
                page.wait_for_load_state("networkidle")
                out = args.out / f"serve-{name}.png"
                page.screenshot(path=str(out), full_page=full)
                _shrink(out)
                print(out)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
