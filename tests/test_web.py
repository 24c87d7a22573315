"""`jixiao serve` in-process (Datasette's ASGI client, no browser): every page, the JSON and the
downloads, the evidence image against an independent rendering of the page, errors, and hostile
input through the web.  The real browser tests are in test_web_browser.py."""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
import urllib.parse
import zipfile
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("datasette")

from jixiao.store.web import evidence, pages  # noqa: E402
from jixiao.store.web.serve import datasette_app  # noqa: E402

YUNNAN_FINDING = "b9cbecf4d0a4-p5"  # （四）信息平台建设落后，数据信息不互通 — p.34 of the 40-page PDF


def _copy(db: Path, dest: Path) -> Path:
    src, dst = sqlite3.connect(str(db)), sqlite3.connect(str(dest))
    src.backup(dst)
    src.close()
    dst.close()
    return dest


class Client:
    """Datasette's in-process client on one event loop."""

    def __init__(self, db: Path, **kwargs):
        self.loop = asyncio.new_event_loop()
        self.ds = datasette_app(db, **kwargs)
        self.loop.run_until_complete(self.ds.invoke_startup())

    def get(self, path: str, **params):
        if params:
            path += ("&" if "?" in path else "?") + urllib.parse.urlencode(params)
        return self.loop.run_until_complete(self.ds.client.get(path))

    def close(self):
        self.loop.close()


@pytest.fixture(scope="module")
def client(indexed_store):
    c = Client(indexed_store)
    yield c
    c.close()


@pytest.fixture(scope="module")
def yunnan_id(indexed_store):
    con = sqlite3.connect(str(indexed_store))
    rid = con.execute("SELECT report_id FROM findings WHERE finding_id = ?", (YUNNAN_FINDING,)).fetchone()[0]
    con.close()
    return rid


# ----------------------------------------------------------------------------- pages
def test_search_finds_the_data_sharing_problem_first_with_words_marked(client):
    r = client.get("/search", q="数据不共享")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    html = r.text
    first = html.index('class="jx-hit"')
    assert f'data-finding="{YUNNAN_FINDING}"' in html[first : first + 200]
    assert "信息平台建设落后，数据信息不互通" in html
    assert "<mark>数据</mark>" in html
    assert f'href="/findings/{YUNNAN_FINDING}"' in html and f'href="/findings/{YUNNAN_FINDING}/similar"' in html
    data = client.get("/search.json", q="数据不共享").json()
    assert data["hits"][0]["finding_id"] == YUNNAN_FINDING and data["hits"][0]["page"] == 34
    assert data["hits"][0]["jurisdiction"] == "云南省" and data["hits"][0]["years"] == [2021]


def test_search_filters_and_pages(client):
    hits = client.get("/search.json", q="养老保险", kind="recommendation", county="东川").json()["hits"]
    assert hits and all(h["kind"] == "recommendation" and h["county"] == "东川区" for h in hits)
    assert client.get("/search.json", q="养老保险", years="2023").json()["hits"][0]["years"] == [2023]
    one = client.get("/search.json", q="养老保险经办").json()  # semantic ranks every finding: 31 hits
    two = client.get("/search.json", q="养老保险经办", page="2").json()
    assert one["has_next"] and len(one["hits"]) == pages.PAGE_SIZE
    assert not {h["finding_id"] for h in one["hits"]} & {h["finding_id"] for h in two["hits"]}
    assert two["hits"][0]["rank"] == pages.PAGE_SIZE + 1
    assert 'rel="next"' in client.get("/search", q="养老保险经办").text and not two["has_next"]


def test_search_filters_take_the_users_words(client):
    # the same words the CLI takes (store/filters.py): a kind and a place as users write them
    words = client.get("/search.json", q="养老保险", kind="建议", county="东川区").json()["hits"]
    codes = client.get("/search.json", q="养老保险", kind="recommendation", county="东川").json()["hits"]
    assert words and [h["finding_id"] for h in words] == [h["finding_id"] for h in codes]
    assert client.get("/search.json", q="养老保险", years="2023年").json()["hits"][0]["years"] == [2023]
    category = client.get("/search.json", q="数据不共享").json()["hits"][0]["category"]
    from jixiao.store import labels

    label = labels.label("category", category)
    assert label and label != category  # a Chinese label, e.g. 信息化与数据共享
    hits = client.get("/search.json", q="数据不共享", category=label).json()["hits"]
    assert hits and all(h["category"] == category for h in hits)


def test_every_filter_of_the_list_works_from_the_address(client):
    # grade, evaluation mode and place are not on the form but are filters (store/filters.py)
    everything = client.get("/search.json", q="养老保险").json()["hits"]
    good = client.get("/search.json", q="养老保险", grade="优秀").json()["hits"]
    assert good and {h["report_id"] for h in good} < {h["report_id"] for h in everything}
    own = client.get("/search.json", q="养老保险", evaluation_mode="自评").json()["hits"]
    assert own and {h["report_id"] for h in own} < {h["report_id"] for h in everything}
    place = client.get("/search.json", q="养老保险", place="东川").json()["hits"]
    assert place and {h["county"] for h in place} == {"东川区"}


def test_search_form_offers_the_gbt2260_places(client):
    html = client.get("/search", province="云南省").text
    assert "<option selected>云南省</option>" in html and "<option>北京市</option>" in html
    assert '<option value="昆明市">' in html and '<option value="呈贡区">' in html


def test_report_page_lays_out_the_record_with_its_evidence(client, yunnan_id):
    html = client.get(f"/reports/{yunnan_id}").text
    assert "云南省2021年城乡居民基本养老保险绩效评价报告" in html
    assert "530000" in html and "81.14" in html
    assert f'href="/reports/{yunnan_id}/evidence/score.total"' in html and "项目绩效评价得分81.14分" in html
    assert html.index("存在的问题") < html.index("信息平台建设落后") < html.index("建议")
    assert "回应问题" in html  # a recommendation names the problem it answers
    assert f"/reports/{yunnan_id}/evidence/indicator-1" in html
    assert "决策" in html and "7.06" in html
    record = client.get(f"/reports/{yunnan_id}.json").json()
    assert record["schema_version"] == 2 and record["score"]["total"] == 81.14
    # a 12-digit prefix opens the same report
    assert client.get(f"/reports/{yunnan_id[:12]}").status_code == 200


def test_failed_checks_stand_out_with_both_numbers(client, indexed_store):
    con = sqlite3.connect(str(indexed_store))
    row = con.execute("SELECT report_id, detail FROM checks WHERE ok = 0 LIMIT 1").fetchone()
    con.close()
    if row is None:
        pytest.skip("no failed check in the sample store")
    html = client.get(f"/reports/{row[0]}").text
    assert 'class="jx-failed"' in html and "不一致" in html
    import html as h

    assert h.escape(row[1], quote=False) in html


def test_finding_page_shows_the_page_image_and_the_passage(client):
    html = client.get(f"/findings/{YUNNAN_FINDING}").text
    assert f'src="/findings/{YUNNAN_FINDING}/evidence.png"' in html
    assert 'data-page="34"' in html and "第 <strong>34</strong> 页" in html
    assert "<mark>（四）信息平台建设落后，数据信息不互通" in html
    assert "续第 35 页" in html  # the finding runs on to the next page
    assert "PDF 文字层" in html
    assert client.get(f"/findings/{YUNNAN_FINDING}", page="35").status_code == 200
    data = client.get(f"/findings/{YUNNAN_FINDING}.json").json()
    assert data["image"]["page"] == 34 and data["target"]["span"] and data["answered_by"]


def _highlight(png: bytes, pdf: Path, page: int, scale: float):
    """Pixels where the evidence image differs from the page rendered independently."""
    import pypdfium2 as pdfium
    from PIL import Image

    got = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    doc = pdfium.PdfDocument(str(pdf))
    p = doc[page - 1]
    ref = np.asarray(p.render(scale=scale).to_pil().convert("RGB")).astype(int)
    tp = p.get_textpage()
    h = p.get_height()
    boxes = [tp.get_charbox(i, loose=True) for i in range(tp.count_chars())]
    text_area = (
        min(b[0] for b in boxes) * scale,
        (h - max(b[3] for b in boxes)) * scale,
        max(b[2] for b in boxes) * scale,
        (h - min(b[1] for b in boxes)) * scale,
    )
    doc.close()
    assert got.shape == ref.shape
    return np.abs(got - ref).max(axis=2) > 24, text_area


def test_evidence_image_highlights_the_words_on_the_right_page(client, corpus_dir):
    r = client.get(f"/findings/{YUNNAN_FINDING}/evidence.png")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert r.headers["x-jixiao-page"] == "34" and r.headers["x-jixiao-method"] == "chars"
    diff, (x0, y0, x1, y1) = _highlight(
        r.content, corpus_dir / "yunnan-2021-resident-pension.pdf", 34, float(r.headers["x-jixiao-scale"])
    )
    ys, xs = np.nonzero(diff)
    assert len(xs) > 5000  # a visible highlight …
    pad = 8  # … and only inside the page's text area (the frame is drawn 1.5 pt + 2 px outside the glyphs)
    assert xs.min() >= x0 - pad and xs.max() <= x1 + pad and ys.min() >= y0 - pad and ys.max() <= y1 + pad
    # the finding's heading is inside the highlight: its first row of characters is covered
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(corpus_dir / "yunnan-2021-resident-pension.pdf"))
    page = doc[33]
    tp = page.get_textpage()
    text = tp.get_text_range()
    i = text.index("信息平台建设落后")
    left, bottom, right, top = tp.get_charbox(i, loose=True)
    scale, h = float(r.headers["x-jixiao-scale"]), page.get_height()
    cy, cx = int((h - (top + bottom) / 2) * scale), int((left + right) / 2 * scale)
    doc.close()
    assert diff[cy - 3 : cy + 4, cx - 3 : cx + 4].any()


def test_pages_render_on_demand_and_are_cached(client):
    evidence.clear_caches()
    before = evidence.RENDERS[0]
    client.get("/findings/b9cbecf4d0a4-p3/evidence.png")
    assert evidence.RENDERS[0] == before + 1  # one page of the 40, not 40
    client.get("/findings/b9cbecf4d0a4-p3/evidence.png")
    client.get("/findings/b9cbecf4d0a4-p3")
    assert evidence.RENDERS[0] == before + 1


def test_field_indicator_figure_and_check_evidence(client, yunnan_id):
    for key in ("score.total", "title", "indicator-1", "figure-1", "check-1"):
        html = client.get(f"/reports/{yunnan_id}/evidence/{key}")
        assert html.status_code == 200, key
        assert "<mark>" in html.text
        png = client.get(f"/reports/{yunnan_id}/evidence/{key}.png")
        assert png.status_code == 200 and int(png.headers["x-jixiao-boxes"]) >= 1, key
    assert "项目绩效评价得分81.14分" in client.get(f"/reports/{yunnan_id}/evidence/score.total").text


def test_similar_findings_elsewhere(client):
    html = client.get(f"/findings/{YUNNAN_FINDING}/similar").text
    assert "信息平台建设落后" in html and 'class="jx-hit"' in html
    hits = client.get(f"/findings/{YUNNAN_FINDING}/similar.json").json()["hits"]
    assert hits and all(not h["finding_id"].startswith("b9cbecf4d0a4") for h in hits)


def test_compare_page_table_and_downloads_match(client):
    from openpyxl import load_workbook

    r = client.get("/compare", by="jurisdiction", metric="score")
    assert r.status_code == 200 and 'data-metric="score"' in r.text and "云南省" in r.text
    shown = client.get("/compare", by="jurisdiction", metric="score", format="json").json()["tables"][0]
    x = client.get("/compare", by="jurisdiction", metric="score", format="xlsx")
    assert x.status_code == 200 and "attachment" in x.headers["content-disposition"]
    ws = load_workbook(io.BytesIO(x.content))["得分"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == shown["columns"] and rows[1 : len(shown["rows"]) + 1] == shown["rows"]
    c = client.get("/compare", by="year", metric="categories", format="csv")
    assert c.content.startswith(b"\xef\xbb\xbf") and "类别".encode() in c.content
    chart = client.get("/compare/chart.png", by="year", metric="categories")
    assert chart.status_code == 200 and chart.content.startswith(b"\x89PNG")


def test_status_page_counts_and_import_errors(client):
    html = client.get("/status").text
    assert "云南省" in html and "入库状态" in html and "导入失败的文件" in html
    assert client.get("/status.json").json()["stats"]["reports"] == 3


def test_datasette_views_stay_beside_jixiao(client):
    name = next(n for n in client.ds.databases if n != "_internal")
    assert client.get(f"/{name}/findings.json?_size=1").status_code == 200
    assert client.get(f"/{name}").status_code == 200
    assert client.get("/").status_code == 302  # jixiao serve opens the search page


# ----------------------------------------------------------------------------- sources that are not PDFs, or gone
@pytest.fixture()
def store_copy(indexed_store, tmp_path):
    evidence.clear_caches()
    yield _copy(indexed_store, tmp_path / "copy.db")
    evidence.clear_caches()


def test_word_source_shows_the_passage_in_context(store_copy, yunnan_id):
    con = sqlite3.connect(str(store_copy))
    con.execute("UPDATE documents SET format = 'docx' WHERE doc_id = ?", (yunnan_id,))
    con.commit()
    con.close()
    c = Client(store_copy)
    html = c.get(f"/findings/{YUNNAN_FINDING}").text
    assert "DOCX 文件，没有页面图像" in html and "<mark>（四）信息平台建设落后" in html and 'class="jx-ctx"' in html
    assert c.get(f"/findings/{YUNNAN_FINDING}/evidence.png").status_code == 404
    c.close()


def test_moved_source_is_found_under_sources_or_said_missing(store_copy, yunnan_id, corpus_dir):
    con = sqlite3.connect(str(store_copy))
    con.execute(
        "UPDATE documents SET path = '/nonexistent/moved/yunnan-2021-resident-pension.pdf' WHERE doc_id = ?",
        (yunnan_id,),
    )
    con.execute(
        "UPDATE sources SET path = '/nonexistent/moved/yunnan-2021-resident-pension.pdf' WHERE doc_id = ?", (yunnan_id,)
    )
    con.commit()
    con.close()
    c = Client(store_copy)
    assert "找不到报告的源文件" in c.get(f"/findings/{YUNNAN_FINDING}").text
    assert c.get(f"/findings/{YUNNAN_FINDING}/evidence.png").status_code == 404
    c.close()
    evidence.clear_caches()
    c = Client(store_copy, sources=[corpus_dir])
    assert c.get(f"/findings/{YUNNAN_FINDING}/evidence.png").status_code == 200
    c.close()


def test_archive_member_source(store_copy, corpus_dir, tmp_path):
    con = sqlite3.connect(str(store_copy))
    rid, doc = con.execute(
        "SELECT r.report_id, d.path FROM reports r JOIN documents d USING (doc_id) WHERE d.path LIKE '%chenggong%'"
    ).fetchone()
    archive = tmp_path / "报告.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(doc, "2023/chenggong.pdf")
    stored = f"{archive}!2023/chenggong.pdf"
    con.execute("UPDATE documents SET path = ? WHERE doc_id = ?", (stored, rid))
    con.commit()
    fid = con.execute("SELECT finding_id FROM findings WHERE report_id = ? LIMIT 1", (rid,)).fetchone()[0]
    con.close()
    c = Client(store_copy)
    r = c.get(f"/findings/{fid}/evidence.png")
    assert r.status_code == 200 and int(r.headers["x-jixiao-boxes"]) >= 1
    c.close()


# ----------------------------------------------------------------------------- errors and hostile input
def test_unknown_ids_are_404_pages_and_bad_filters_400_with_the_reason(client):
    for path in (
        "/reports/0123456789ab0123456789ab0123456789ab0123456789ab0123456789abcdef",
        "/reports/..%2F..%2Fetc%2Fpasswd",
        "/reports/../../etc/passwd",
        "/findings/deadbeefdead-p9",
        "/findings/..%2F..%2Fx",
        "/findings/..%2Fx/evidence.png",
        "/reports/abc/evidence/score.total.png",
        "/findings/deadbeefdead-p9/similar",
    ):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "Traceback" not in r.text and "没有找到" in r.text or r.status_code == 404
    bad = {"years": "abc", "kind": "bogus", "mode": "magic", "page": "0", "category": "nope", "province": "火星"}
    for name, value in bad.items():
        r = client.get("/search", q="资金", **{name: value})
        assert r.status_code == 400, name
        assert name in r.text and "请求有误" in r.text
    r = client.get("/search.json", q="资金", years="2023-2019")
    assert r.status_code == 400 and "reversed" in r.json()["error"]
    assert client.get("/compare", by="nothing").status_code == 400
    assert client.get("/compare", format="exe").status_code == 400
    assert client.get("/status", page="x").status_code == 400


def test_hostile_queries_are_answered_cleanly(client):
    r = client.get("/search", q="a" * 10_000)
    assert r.status_code == 400 and "too long" in r.text
    with pytest.raises(pages.BadRequest, match="too long"):  # (a 90 kB URL: the HTTP client refuses to send it)
        pages.search_page(pages.StoreView(sqlite3.connect(":memory:")), {"q": "资" * 10_000})
    for q in [
        '"',
        '""',
        "NEAR(资金 到位",
        "资金*",
        "*",
        "资金 AND OR NOT",
        "^资金",
        "title_seg:资金",
        "(",
        "'; DROP TABLE findings; --",
    ]:
        r = client.get("/search", q=q)
        assert r.status_code == 200, q
        assert "Traceback" not in r.text
    r = client.get("/search", q="资金", program="' OR 1=1 --")
    assert r.status_code == 200 and "jx-empty" in r.text  # a programme named that: none
    r = client.get("/search", q="资金", province="云南' OR '1'='1")
    assert r.status_code == 400
    assert client.get("/search", q="资金\x00").status_code == 400
    assert client.get("/compare", program="') UNION SELECT sql FROM sqlite_master --").status_code == 200


def test_html_in_a_programme_name_is_escaped_on_every_page(store_copy, yunnan_id):
    evil = '<script>alert("x")</script>养老<img src=x onerror=alert(1)>'
    con = sqlite3.connect(str(store_copy))
    con.execute("UPDATE reports SET program = ?, title = ? WHERE report_id = ?", (evil, evil + "报告", yunnan_id))
    con.execute("UPDATE findings SET program = ? WHERE report_id = ?", (evil, yunnan_id))
    con.execute("UPDATE findings SET title = ? WHERE finding_id = ?", (evil, YUNNAN_FINDING))
    con.execute("INSERT INTO imports (started_at, paths, workers, force) VALUES ('2024', '[]', 1, 0)")
    con.execute(
        "INSERT INTO import_errors (import_id, path, reason) VALUES (last_insert_rowid(), ?, ?)", (evil + ".pdf", evil)
    )
    con.commit()
    con.close()
    c = Client(store_copy)
    urls = [
        "/search?q=" + urllib.parse.quote("数据不共享"),
        f"/reports/{yunnan_id}",
        f"/findings/{YUNNAN_FINDING}",
        f"/findings/{YUNNAN_FINDING}/similar",
        "/compare?by=program&metric=score",
        "/status",
        f"/reports/{yunnan_id}/evidence/score.total",
        "/search?q=x&program=" + urllib.parse.quote(evil),
    ]
    for url in urls:
        r = c.get(url)
        assert r.status_code == 200, url
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, url
        assert "&lt;script&gt;" in r.text, url
    assert c.get(f"/reports/{yunnan_id}.json").json()["program"] == evil
    c.close()


def test_library_calls_behind_the_pages(indexed_store):
    """The pages are plain functions over a Store: usable without Datasette."""
    from jixiao.store import Store

    with Store(indexed_store) as store:
        data = pages.search_page(store, {"q": "数据不共享"})
        assert data["hits"][0]["finding_id"] == YUNNAN_FINDING
        t = evidence.finding_target(store, YUNNAN_FINDING)
        assert t.page == 34 and evidence.passage(store, t).words.startswith("（四）信息平台建设落后")
        image = evidence.page_image(store, t)
        assert image.page == 34 and image.boxes and image.continues == 35 and not image.complete
        with pytest.raises(pages.BadRequest):
            pages.search_page(store, {"q": "x", "years": "20x"})
        with pytest.raises(pages.NotFound):
            pages.report_page(store, "../../etc/passwd")


def test_locate_uses_context_to_pick_the_right_occurrence():
    page = evidence.key_string("2021年数据如下。2021年 城乡居民养老保险参保")
    m = evidence.locate("2021 年", page, before="如下。", after="城乡居民")
    assert (m.start, m.end) == (page.index("2021年城乡"), page.index("2021年城乡") + 5) and m.complete
    head = evidence.locate("第一段文字在本页结束第二段在下一页", evidence.key_string("前文。第一段文字在本页结束"))
    assert head is not None and head.part == "head" and not head.complete


def test_the_plugin_ships_with_the_package():
    """Templates and CSS are package data, and Datasette finds the plugin by its entry point."""
    import importlib.metadata

    tomllib = pytest.importorskip("tomllib")

    root = Path(__file__).resolve().parents[1]
    conf = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "jixiao.store.web" in conf["tool"]["setuptools"]["packages"]
    assert conf["project"]["entry-points"]["datasette"]["jixiao"] == "jixiao.store.web"
    web = root / "store" / "web"
    # (the data folders are packages of their own: jixiao.store.web.static, …templates.jixiao)
    shipped = set()
    for pkg, globs in conf["tool"]["setuptools"]["package-data"].items():
        if pkg.startswith("jixiao.store.web"):
            assert pkg in conf["tool"]["setuptools"]["packages"]
            folder = root.joinpath(*pkg.split(".")[1:])
            shipped |= {p for g in globs for p in folder.glob(g)}
    assert {p for p in web.rglob("*") if p.is_file() and p.suffix in (".html", ".css", ".js")} <= shipped
    eps = [e for e in importlib.metadata.entry_points(group="datasette") if e.value == "jixiao.store.web"]
    assert eps, "pip install -e . registers the datasette entry point"
    assert not any("http://" in p.read_text() or "https://" in p.read_text() for p in shipped)  # no CDN


def test_datasette_permissions_protect_jixiao_pages(indexed_store):
    """An `allow` block (or an authentication plugin) in Datasette's metadata guards these pages too."""
    from datasette.app import Datasette

    from jixiao.store.web.serve import ensure_registered

    ensure_registered()
    ds = Datasette([str(indexed_store)], metadata={"allow": {"id": "analyst"}})
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ds.invoke_startup())
        anonymous = loop.run_until_complete(ds.client.get("/search?q=x"))
        assert anonymous.status_code == 403
        cookie = {"ds_actor": ds.sign({"a": {"id": "analyst"}}, "actor")}
        for path in ("/search?q=" + urllib.parse.quote("资金"), f"/findings/{YUNNAN_FINDING}", "/status"):
            assert loop.run_until_complete(ds.client.get(path, cookies=cookie)).status_code == 200, path
    finally:
        loop.close()


# ----------------------------------------------------------------------------- a scanned report
@pytest.mark.slow
def test_scanned_report_highlights_the_ocr_lines_on_the_page(tmp_path, corpus_dir):
    """A scan has no text layer: the page is OCR'd again and the finding's lines are boxed.  The scan
    is an image of the text PDF, so that PDF's own character boxes say independently where the
    words stand on the page."""
    import pypdfium2 as pdfium
    from PIL import Image

    from jixiao import import_paths
    from jixiao.store import Store

    scan = corpus_dir / "chenggong-2023-department-scan.pdf"
    db = tmp_path / "scan.db"
    with Store(db) as store:
        import_paths([str(scan)], store, workers=1)
        fid, page, title = store.conn.execute(
            "SELECT finding_id, page, title FROM findings WHERE kind = 'problem' AND title LIKE '%基层服务量%'"
        ).fetchone()
    evidence.clear_caches()
    c = Client(db)
    try:
        html = c.get(f"/findings/{fid}").text
        assert "扫描图像" in html and f'data-page="{page}"' in html
        r = c.get(f"/findings/{fid}/evidence.png")
    finally:
        c.close()
    assert r.status_code == 200 and r.headers["x-jixiao-method"] == "ocr-lines"
    assert int(r.headers["x-jixiao-page"]) == page
    scale = float(r.headers["x-jixiao-scale"])
    got = np.asarray(Image.open(io.BytesIO(r.content)).convert("RGB")).astype(int)
    doc = pdfium.PdfDocument(str(scan))
    ref = np.asarray(doc[page - 1].render(scale=scale).to_pil().convert("RGB")).astype(int)
    doc.close()
    diff = np.abs(got - ref).max(axis=2) > 24
    ys, xs = np.nonzero(diff)
    assert len(xs) > 5000
    text_pdf = pdfium.PdfDocument(str(corpus_dir / "chenggong-2023-department.pdf"))
    p = text_pdf[page - 1]
    tp = p.get_textpage()
    text, h = tp.get_text_range(), p.get_height()
    boxes = [tp.get_charbox(i, loose=True) for i in range(tp.count_chars())]
    x0, x1 = min(b[0] for b in boxes) * scale, max(b[2] for b in boxes) * scale
    y0, y1 = (h - max(b[3] for b in boxes)) * scale, (h - min(b[1] for b in boxes)) * scale
    pad = 12  # OCR line boxes are a little looser than glyph boxes
    assert xs.min() >= x0 - pad and xs.max() <= x1 + pad and ys.min() >= y0 - pad and ys.max() <= y1 + pad
    # the finding's first words, where the text PDF prints them, are inside the highlight …
    i = text.index(title[:6])
    left, bottom, right, top = tp.get_charbox(i, loose=True)
    cy, cx = int((h - (top + bottom) / 2) * scale), int((left + right) / 2 * scale)
    assert diff[cy - 3 : cy + 4, cx - 3 : cx + 4].any()
    # … and the section heading above it (四、存在的问题) is not
    j = text.index("存在的问题")
    left, bottom, right, top = tp.get_charbox(j, loose=True)
    cy, cx = int((h - (top + bottom) / 2) * scale), int((left + right) / 2 * scale)
    text_pdf.close()
    assert not diff[cy - 3 : cy + 4, cx - 3 : cx + 4].any()
