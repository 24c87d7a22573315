"""Small PDFs written object by object for tests (no PDF writer library needed)."""

from __future__ import annotations

from pathlib import Path

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
# A font whose glyphs have no Unicode mapping: the text layer reads as garbage.
UNMAPPED = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
    b"/Differences [32 " + b" ".join(b"/g%d" % i for i in range(96)) + b"] >> >>"
)

Text = tuple[float, float, float, str]  # x, y (PDF points from the bottom), font size, text


def grid_ops(x0: float, y_top: float, widths: list[float], heights: list[float]) -> bytes:
    """Content-stream operators that stroke a table grid (top-left corner at ``x0, y_top``)."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [y_top]
    for h in heights:
        ys.append(ys[-1] - h)
    ops = ["0.75 w"]
    ops += [f"{xs[0]} {y} m {xs[-1]} {y} l S" for y in ys]
    ops += [f"{x} {ys[0]} m {x} {ys[-1]} l S" for x in xs]
    return ("\n".join(ops) + "\n").encode()


def write_pdf(
    path: Path,
    pages: list[list[Text]],
    fonts: list[bytes] | None = None,
    drawings: list[bytes] | None = None,
    in_form: bool = False,
) -> Path:
    """Write a PDF whose page ``i`` shows ``pages[i]``; page ``i`` uses ``fonts[i]`` (Helvetica by default).

    ``drawings[i]`` are extra content operators for page ``i`` (e.g. :func:`grid_ops`); with
    ``in_form`` they are wrapped in a Form XObject that the page paints with ``Do``.
    """
    fonts = fonts or [HELVETICA] * len(pages)
    drawings = drawings or [b""] * len(pages)
    objects: list[bytes] = [b"", b""]  # catalog, page tree: filled in at the end
    font_ids: dict[bytes, int] = {}
    kids = []
    for texts, font, drawing in zip(pages, fonts, drawings):
        if font not in font_ids:
            objects.append(font)
            font_ids[font] = len(objects)
        ops = "".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n" for x, y, size, text in texts).encode("latin-1")
        xobjects = b""
        if drawing and in_form:
            objects.append(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length %d >>\nstream\n" % len(drawing)
                + drawing
                + b"endstream"
            )
            xobjects = b" /XObject << /Fm1 %d 0 R >>" % len(objects)
            ops = b"/Fm1 Do\n" + ops
        elif drawing:
            ops = drawing + ops
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"endstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >>%s >> "
            b"/Contents %d 0 R >>" % (font_ids[font], xobjects, content)
        )
        kids.append(len(objects))
    return save_pdf(path, objects, kids)


def save_pdf(path: Path, objects: list[bytes], kids: list[int]) -> Path:
    """Write ``objects`` (numbered from 1; the first two are left for the catalog and the page
    tree, filled in here) as a PDF file whose pages are the objects numbered ``kids``."""
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
