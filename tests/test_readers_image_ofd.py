"""Page images (PNG, JPEG, multi-page TIFF) and OFD files (GB/T 33190) read with page numbers,
and imported into records whose evidence names the page.

The images are pages of ``tests/corpus/dongchuan-2019-poverty-pension-scan.pdf`` rendered
at 150 dpi; what OCR reads from them is compared with the text layer of the same report's PDF.
The OFD files are real official documents from ofdrw's test resources (``tests/ofd/README.md``);
an evaluation report as OFD is made from a corpus PDF's text layer, one text object a line at
its place (what a PDF-to-OFD converter writes), and an image-only OFD from a scanned page, as
a scanner saving OFD makes it.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from jixiao.extractor import ReadError, parse
from jixiao.extractor.detect import sniff_file
from jixiao.extractor.record import build_record
from jixiao.store import Store

from conftest import CORPUS, parsed, rendering

OFD_DIR = Path(__file__).parent / "ofd"
REPLY = OFD_DIR / "luqiao-health-bureau-reply.ofd"
LETTER = OFD_DIR / "bengbu-culvert-letter.ofd"
SCAN = CORPUS / "dongchuan-2019-poverty-pension-scan.pdf"
DPI = 150
PT_TO_MM = 25.4 / 72


def _page_image(index: int):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(SCAN))
    try:
        return pdf[index].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        pdf.close()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _text_layer_page(page: int) -> str:
    doc = parsed(rendering("dongchuan-2019-poverty-pension", ".pdf"))
    return _squash("".join(b.text for b in doc.blocks if b.page == page))


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(_squash(a), _squash(b))


# ------------------------------------------------------------------ detection
def test_formats_are_told_by_content(tmp_path):
    png = tmp_path / "page.bin"
    _page_image(0).save(png, format="PNG")
    assert sniff_file(png) == "image"
    jpg = tmp_path / "page.pdf"  # a wrong name does not matter
    _page_image(0).save(jpg, format="JPEG")
    assert sniff_file(jpg) == "image"
    ofd = tmp_path / "document.zip"
    ofd.write_bytes(REPLY.read_bytes())
    assert sniff_file(ofd) == "ofd"
    junk = tmp_path / "junk.png"  # bytes that only start like a PNG are still junk
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 64)
    with pytest.raises(ReadError, match="binary file of unknown type"):
        sniff_file(junk)


# ------------------------------------------------------------------ images
def test_a_page_image_reads_like_the_report_page(tmp_path):
    png = tmp_path / "dongchuan-p1.png"
    _page_image(0).save(png, dpi=(DPI, DPI))
    doc = parse(png)
    assert doc.format == "image" and doc.pages == 1 and doc.ocr
    assert {b.page for b in doc.blocks} == {1}
    assert _similar(doc.text, _text_layer_page(1)) >= 85
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
    with pytest.raises(ReadError, match="only be read with OCR"):
        parse(png, ocr="never")


@pytest.mark.slow
def test_a_multi_page_tiff_and_a_jpeg_without_dpi(tmp_path):
    first, second = _page_image(0), _page_image(1)
    tif = tmp_path / "scan.tif"
    first.save(tif, save_all=True, append_images=[second], dpi=(DPI, DPI), compression="tiff_deflate")
    doc = parse(tif)
    assert doc.pages == 2 and {b.page for b in doc.blocks} == {1, 2}
    for page in (1, 2):
        got = "".join(b.text for b in doc.blocks if b.page == page)
        assert _similar(got, _text_layer_page(page)) >= 80, page
    jpg = tmp_path / "page.jpg"
    first.convert("RGB").save(jpg, quality=90)  # no DPI tag: taken as an A4 page
    assert _similar(parse(jpg).text, _text_layer_page(1)) >= 80


# ------------------------------------------------------------------ OFD
def test_an_ofd_document_reads_with_its_pages():
    doc = parse(REPLY)
    assert doc.format == "ofd" and doc.pages == 2 and not doc.ocr
    pages = {b.page for b in doc.blocks}
    assert pages == {1, 2}
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "关于同意张阿三同志辞职的批复" in headings
    first = next(b for b in doc.blocks if "关于同意张阿三同志辞职的批复" in b.text)
    assert first.page == 1
    body = next(b for b in doc.blocks if b.text.startswith("该同志由于家庭"))
    assert "同意张阿三同志辞职。" in body.text and body.page == 1  # a paragraph run over lines, joined
    signed = [b for b in doc.blocks if "2011年3月10日" in b.text]
    assert signed and all(b.page == 2 for b in signed)
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
    letter = parse(LETTER)
    assert letter.pages == 1 and letter.blocks[0].text == "关于加快南货场铁路涵洞下穿建设的函"
    assert "此函。" in letter.text


def test_an_ofd_record_has_evidence_with_pages():
    record = build_record(parse(REPLY))
    assert record.source.format == "ofd" and record.source.pages == 2
    assert record.title == "关于同意张阿三同志辞职的批复"
    assert record.evidence["title"].page == 1
    assert record.report_date == "2011-03-10" and record.evidence["report_date"].page == 2
    assert record.jurisdiction.county == "路桥区"


def _image_only_ofd(out: Path) -> Path:
    """An OFD whose one page is a scanned image (what a scanner saving OFD writes)."""
    buf = io.BytesIO()
    _page_image(0).save(buf, format="JPEG", quality=90)
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.1" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>scan</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        zf.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}>'
            "<ofd:CommonData><ofd:MaxUnitID>3</ofd:MaxUnitID><ofd:PageArea>"
            "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
            "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
            '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
            "</ofd:Pages></ofd:Document>",
        )
        zf.writestr(
            "Doc_0/DocumentRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {ns} BaseLoc="Res">'
            '<ofd:MultiMedias><ofd:MultiMedia ID="2" Type="Image" Format="JPEG">'
            "<ofd:MediaFile>scan.jpg</ofd:MediaFile></ofd:MultiMedia>"
            "</ofd:MultiMedias></ofd:Res>",
        )
        zf.writestr(
            "Doc_0/Pages/Page_0/Content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="4">'
            '<ofd:ImageObject ID="3" ResourceID="2" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'
            "</ofd:Layer></ofd:Content></ofd:Page>",
        )
        zf.writestr("Doc_0/Res/scan.jpg", buf.getvalue())
    return out


@pytest.mark.slow
def test_an_image_only_ofd_page_is_ocrd(tmp_path):
    doc = parse(_image_only_ofd(tmp_path / "scan.ofd"))
    assert doc.format == "ofd" and doc.ocr and doc.pages == 1
    assert _similar(doc.text, _text_layer_page(1)) >= 80
    assert any("OCR'd" in w for w in doc.warnings)


def _ofd_from_pdf(pdf_path, out):
    """An OFD with the PDF's text layer: one TextObject a line, at its place, one page per page
    (what a PDF-to-OFD converter writes)."""
    from jixiao.extractor.readers import pdf as pdf_reader

    pages = list(pdf_reader.read_pages(str(pdf_path), "never"))
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    uid = 10
    contents = []
    for p in pages:
        objs = []
        items = [(ln.x0, ln.top, ln.x1, ln.bottom, ln.size or 10.5, ln.text) for ln in p.lines]
        for t in p.tables:
            x0, top, x1, bottom = t.bbox
            h = (bottom - top) / max(1, len(t.rows))
            for i, row in enumerate(t.rows):
                items.append(
                    (x0, top + i * h, x1, top + (i + 1) * h, min(10.5, h * 0.8), "  ".join(c for c in row if c))
                )
        for x0, top, x1, bottom, size, text in items:
            if not text.strip():
                continue
            uid += 1
            size_mm = size * PT_TO_MM
            box = f"{x0 * PT_TO_MM:.3f} {top * PT_TO_MM:.3f} {max(x1 - x0, 1) * PT_TO_MM:.3f} {max(bottom - top, size) * PT_TO_MM:.3f}"
            objs.append(
                f'<ofd:TextObject ID="{uid}" Boundary="{box}" Font="2" Size="{size_mm:.3f}">'
                f'<ofd:TextCode X="0" Y="{size_mm * 0.88:.3f}">{escape(text)}</ofd:TextCode></ofd:TextObject>'
            )
        contents.append((p.width * PT_TO_MM, p.height * PT_TO_MM, "".join(objs)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.1" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>gen</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        pages_xml = "".join(
            f'<ofd:Page ID="{i + 1000}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(contents))
        )
        zf.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
            f"<ofd:MaxUnitID>{uid}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            f"<ofd:Pages>{pages_xml}</ofd:Pages></ofd:Document>",
        )
        zf.writestr(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {ns} BaseLoc="Res">'
            '<ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>',
        )
        for i, (w, h, objs) in enumerate(contents):
            zf.writestr(
                f"Doc_0/Pages/Page_{i}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Area><ofd:PhysicalBox>0 0 {w:.3f} {h:.3f}'
                f'</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="{i + 1}">{objs}</ofd:Layer>'
                "</ofd:Content></ofd:Page>",
            )
    return out


def test_a_report_as_ofd_gives_the_record_its_pdf_gives(tmp_path):
    pdf = rendering("chenggong-2023-department", ".pdf")
    doc = parse(_ofd_from_pdf(pdf, tmp_path / "report.ofd"))
    assert doc.format == "ofd" and doc.pages == parsed(pdf).pages
    got, want = build_record(doc), build_record(parsed(pdf))
    assert (got.title, got.years, got.report_kind, got.evaluation_mode) == (
        want.title,
        want.years,
        want.report_kind,
        want.evaluation_mode,
    )
    assert [f.title for f in got.findings] == [f.title for f in want.findings]
    assert {k: ev.page for k, ev in got.evidence.items()} == {k: ev.page for k, ev in want.evidence.items()}


# ------------------------------------------------------------------ import
def test_an_image_and_an_ofd_import_with_page_numbers_and_evidence(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    _page_image(0).save(folder / "dongchuan-p1.png", dpi=(DPI, DPI))
    _ofd_from_pdf(rendering("chenggong-2023-department", ".pdf"), folder / "chenggong.ofd")
    db = tmp_path / "s.db"
    proc = subprocess.run(
        [sys.executable, "-m", "jixiao.cli", "import", str(folder), "--db", str(db), "--workers", "0"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with Store(db) as store:
        records = {r.source.format: r for r in store.records()}
        texts = dict(store.conn.execute("SELECT format, text FROM documents"))
    assert set(records) == {"image", "ofd"}
    scan = records["image"]
    reference = build_record(parsed(rendering("dongchuan-2019-poverty-pension", ".pdf")))
    assert scan.title == reference.title and scan.evidence["title"].page == 1
    assert scan.source.ocr and scan.source.pages == 1
    for rec in records.values():
        for key, ev in rec.evidence.items():
            assert ev.page is not None
            assert _squash(texts[rec.source.format][ev.span[0] : ev.span[1]]) == _squash(ev.text), key
    report = records["ofd"]
    want = build_record(parsed(rendering("chenggong-2023-department", ".pdf")))
    assert report.title == want.title and report.source.pages == want.source.pages
    assert {k: ev.page for k, ev in report.evidence.items()} == {k: ev.page for k, ev in want.evidence.items()}
