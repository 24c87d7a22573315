"""`jixiao serve` in a real browser: Debian's headless Chromium driven by Playwright against the
server started as a user starts it (`python -m jixiao.cli serve --db … --port …`, 127.0.0.1).

Needs the `chromium` Debian package (`apt-get install -y chromium`; .ci/run installs it) and
playwright (the test extra); no browser is downloaded.  Without them these tests skip, saying why.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import numpy as np
import pytest

CHROMIUM = os.environ.get("JIXIAO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"Chromium is not installed ({CHROMIUM} missing): apt-get install -y chromium "
        "(.ci/run does this); set JIXIAO_CHROMIUM to use another binary",
        allow_module_level=True,
    )

from test_web import YUNNAN_FINDING, _highlight  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(indexed_store):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jixiao.cli", "serve", "--db", str(indexed_store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "/status", timeout=5).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"jixiao serve did not start: {proc.stdout.read()[-2000:]}")
            time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def test_server_binds_to_loopback_only(server):
    port = int(server.rsplit(":", 1)[1])
    addresses = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    for addr in addresses:
        if addr.startswith("127."):
            continue
        with socket.socket() as s:
            s.settimeout(1)
            assert s.connect_ex((addr, port)) != 0, f"serving on {addr}"


def test_search_open_and_see_the_highlighted_page(server, page, corpus_dir):
    page.goto(server + "/")  # jixiao serve opens the search page
    assert page.url.endswith("/search")
    page.fill("input[name=q]", "数据不共享")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("li.jx-hit")
    first = page.locator("li.jx-hit").first
    assert first.get_attribute("data-finding") == YUNNAN_FINDING
    assert "信息平台建设落后，数据信息不互通" in first.locator("h3").inner_text()
    assert first.locator("mark").count() >= 1
    first.locator("a.jx-open").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/findings/{YUNNAN_FINDING}")
    img = page.locator("#jx-evidence-image")
    page.wait_for_function(
        "document.getElementById('jx-evidence-image').complete"
        " && document.getElementById('jx-evidence-image').naturalWidth > 0"
    )
    assert img.get_attribute("data-page") == "34"
    assert "第 34 页" in page.locator(".jx-pageno").inner_text()
    assert "信息平台建设落后" in page.locator(".jx-passage mark").inner_text()
    src = img.evaluate("e => e.src")
    r = page.request.get(src)
    assert r.ok and r.headers["x-jixiao-page"] == "34"
    diff, (x0, y0, x1, y1) = _highlight(
        r.body(), corpus_dir / "yunnan-2021-resident-pension.pdf", 34, float(r.headers["x-jixiao-scale"])
    )
    ys, xs = np.nonzero(diff)
    assert len(xs) > 5000
    assert xs.min() >= x0 - 8 and xs.max() <= x1 + 8 and ys.min() >= y0 - 8 and ys.max() <= y1 + 8
    # the report is one click away, with the finding in it
    page.click(".jx-sub a")
    page.wait_for_load_state("load")
    assert "/reports/" in page.url and page.locator(f"li[id='{YUNNAN_FINDING}']").count() == 1


def test_compare_downloads_the_xlsx_of_the_table_shown(server, page, tmp_path):
    from openpyxl import load_workbook

    from jixiao.store.compare import _cell

    page.goto(server + "/compare")
    page.select_option("select[name=by]", "jurisdiction")
    page.select_option("select[name=metric]", "score")
    page.click("form.jx-compare-form button[type=submit]")
    page.wait_for_selector("table.jx-compare[data-metric=score]")
    table = page.locator("table.jx-compare")
    header = [t.strip() for t in table.locator("thead th").all_inner_texts()]
    shown = [[c.strip() for c in row.locator("td").all_inner_texts()] for row in table.locator("tbody tr").all()]
    assert shown and any("云南省" in r[0] for r in shown)
    with page.expect_download() as dl:
        page.click("#jx-xlsx")
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    assert path.suffix == ".xlsx"
    ws = load_workbook(path)["得分"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert [str(c) for c in rows[0]] == header
    assert [[_cell(c) for c in r] for r in rows[1 : len(shown) + 1]] == shown


def test_hostile_input_in_the_browser(server, page):
    long_query = "资金" * 5000  # 10,000 characters, 90 kB once percent-encoded
    r = page.goto(server + "/search?q=" + urllib.parse.quote(long_query))
    assert r.status == 400 and "too long" in page.locator(".jx-error").inner_text()
    r = page.goto(server + "/search?q=" + urllib.parse.quote('NEAR("资金" *'))
    assert r.status == 200
    r = page.goto(server + "/reports/..%2F..%2Fetc%2Fpasswd")
    assert r.status == 404 and "没有找到" in page.content()
    r = page.goto(server + "/search?q=x&years=" + urllib.parse.quote("2019; DROP TABLE reports"))
    assert r.status == 400 and "years" in page.locator(".jx-error").inner_text()
    page.goto(server + "/search")
    page.fill("input[name=q]", "资" * 800)  # the box itself stops at 500 characters
    assert len(page.input_value("input[name=q]")) == 500
