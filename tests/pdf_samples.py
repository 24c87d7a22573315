"""Small PDFs written object by object for tests (no PDF writer library needed)."""

from __future__ import annotations

from pathlib import Path

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
# A font whose glyphs have no Unicode mapping: the text layer reads as garbage.
UNMAPPED = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
            b"/Differences [32 " + b" ".join(b"/g%d" % i for i in range(96)) + b"] >> >>")

Text = tuple[float, float, float, str]  # x, y (PDF points from the bottom), font size, text


def write_pdf(path: Path, pages: list[list[Text]], fonts: list[bytes] | None = None) -> Path:
    """Write a PDF whose page ``i`` shows ``pages[i]``; page ``i`` uses ``fonts[i]`` (Helvetica by default)."""
    fonts = fonts or [HELVETICA] * len(pages)
    objects: list[bytes] = [b"", b""]  # catalog, page tree: filled in at the end
    font_ids: dict[bytes, int] = {}
    kids = []
    for texts, font in zip(pages, fonts):
        if font not in font_ids:
            objects.append(font)
            font_ids[font] = len(objects)
        ops = "".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n" for x, y, size, text in texts).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"endstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (font_ids[font], content))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def report_pages(n: int) -> list[list[Text]]:
    """``n`` pages with a running header, three body lines naming the page, and a ``- N -`` footer."""
    return [
        [
            (72, 800, 9, "Annual performance evaluation report"),
            (72, 720, 11, f"Section {p}. Findings recorded on page {p} of the generated report."),
            (72, 700, 11, f"Budget line {p * 7} was spent at {p % 97}.5 percent of plan."),
            (72, 680, 11, "Nothing else of note."),
            (290, 40, 10, f"- {p} -"),
        ]
        for p in range(1, n + 1)
    ]
