"""Do the development set's excerpts read the same when they arrive as scans?

    python bench/scan_agreement.py                 # every item of both halves
    python bench/scan_agreement.py --half dev --limit 40

Each excerpt (tests/devset/texts/STEM.txt) is typeset onto A4 page images (Noto Sans SC from
``pylopdf-fonts-zh-cn``, 150 dpi, paragraphs filled to the page's width as a printed report's are) and
saved as an image-only PDF: a scan with no text layer, so jixiao reads it through OCR.  For each
field the record of the scan is compared with the record of the text itself (agreement: the
renderings of one report must agree) and with the hand-written expectations (found / stated,
as ``bench/accuracy.py`` counts them).  Prints both per field and the items whose scan record
differs.  The OCR page cache is used (``$JIXIAO_OCR_CACHE`` or a temporary folder).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))


def _fields() -> list[str]:
    """The devset's scalar fields (score.max aside: it follows the total), tier scores and figures."""
    from devset_compare import SCALARS

    return [f for f in SCALARS if f != "score.max"] + ["tier_scores", "figures"]


WIDTH, HEIGHT, MARGIN, SIZE, LEADING, GAP = 1240, 1754, 110, 26, 44, 40  # A4 at 150 dpi, pixels


def typeset(text: str, path: Path) -> int:
    """Write ``text`` as an image-only PDF at ``path``; the number of pages.

    Lines are filled to the page's width (a longer paragraph wraps, as a printed report's do); a
    run of spaces (between a form's cells, a label and its value) prints as a wide gap, as a
    scanned table's cells do — a single space would be too narrow for OCR to keep."""
    from PIL import Image, ImageDraw, ImageFont
    import pylopdf_fonts_zh_cn

    font = ImageFont.truetype(pylopdf_fonts_zh_cn.sans_path(), SIZE)
    right = WIDTH - MARGIN
    lines: list[list[tuple[float, str]]] = []  # per line: (x, piece)
    for para in text.splitlines():
        # a converter's cell bars (… | … |) are a table's rulings on paper: printed as gaps
        para = re.sub(r"\s*[|｜]\s*", "   ", para)
        line: list[tuple[float, str]] = []
        x = MARGIN
        for n, piece in enumerate(re.split(r"\s+", para.strip())):
            if n and line:
                x += GAP
            for ch in piece:
                w = font.getlength(ch)
                if x + w > right:
                    lines.append(line)
                    line, x = [], MARGIN
                line.append((x, ch))
                x += w
        lines.append(line)
    per_page = (HEIGHT - 2 * MARGIN) // LEADING
    pages = []
    for first in range(0, max(1, len(lines)), per_page):
        img = Image.new("L", (WIDTH, HEIGHT), 255)
        draw = ImageDraw.Draw(img)
        for k, line in enumerate(lines[first : first + per_page]):
            for x, ch in line:
                draw.text((x, MARGIN + k * LEADING), ch, font=font, fill=0)
        pages.append(img)
    # no creation or modification date: the same text gives the same file, so a re-run finds its
    # pages in the OCR cache (which is keyed by the file's content)
    pages[0].save(path, "PDF", resolution=150, save_all=True, append_images=pages[1:], creationDate=None, modDate=None)
    return len(pages)


_BRACKETS = str.maketrans("（）", "()")


def _brackets(value):
    """``value`` with full-width brackets written half-width: which width OCR reads a printed
    bracket as is no content (a web page's text has (…), the same title printed and scanned （…）)."""
    if isinstance(value, str):
        return value.translate(_BRACKETS)
    if isinstance(value, list):
        return [_brackets(v) for v in value]
    if isinstance(value, dict):
        return {k: _brackets(v) for k, v in value.items()}
    return value


def _traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (five or more differ from their simplified form)."""
    from jixiao.extractor.normalize import simplified

    return sum(simplified(c) != c for c in text) >= 5


def _value(record: dict, field: str) -> str:
    """``field`` of ``record`` as the devset scoring compares it (folded text; figures and tier scores
    by name, value and unit, without their spans and pages, which differ between renderings)."""
    from devset_compare import _key, got
    from jixiao.extractor.record.view import squash_fold

    if field == "figures":
        value = sorted({(squash_fold(f["name"]), f["value"], f["unit"]) for f in record["figures"]}, key=str)
    elif field == "tier_scores":
        value = sorted({(squash_fold(i["name"]), i["score"]) for i in record["indicators"] if i["level"] == 1}, key=str)
    else:
        value = got(record, field)
        value = _key(value) if isinstance(value, str) else value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("dev", "holdout"), default=None)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print each differing field (dev half only)")
    ap.add_argument(
        "--pdfs",
        default=None,
        help="folder for the typeset scans: one there already (a run's before) is read as it is, so its "
        "pages come from the OCR cache; missing ones are typeset into it (default: a temporary folder)",
    )
    args = ap.parse_args()

    from devset_compare import items, score_item
    from jixiao import parse
    from jixiao.extractor.record import build_record

    chosen = items(args.half)
    if args.limit:
        chosen = chosen[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="jixiao-scan-agree-"))
    folder = Path(args.pdfs) if args.pdfs else tmp
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("JIXIAO_OCR_CACHE", str(tmp / "cache"))
    os.makedirs(os.environ["JIXIAO_OCR_CACHE"], exist_ok=True)
    agree: collections.Counter[str] = collections.Counter()
    compared: collections.Counter[str] = collections.Counter()
    found = {"text": collections.Counter(), "scan": collections.Counter()}
    stated: collections.Counter[str] = collections.Counter()
    pages = 0
    t0 = time.time()
    import pylopdf_fonts_zh_cn

    from jixiao.store.charts import missing_glyphs

    skipped = []
    fields = _fields()
    for it in chosen:
        text = Path(it.path).read_text(encoding="utf-8")
        if missing_glyphs(pylopdf_fonts_zh_cn.sans_path(), text) or _traditional(text):
            # a mirror site's traditional-character copy: reports are printed (and scanned) in
            # simplified characters, and the OCR model reads traditional ones poorly (項, 績 lost)
            skipped.append(it.stem)
            continue
        pdf = folder / f"{it.stem}.pdf"
        if pdf.exists():
            import pypdfium2

            doc = pypdfium2.PdfDocument(str(pdf))
            pages += len(doc)
            doc.close()
        else:
            pages += typeset(text, pdf)
        text_rec = _brackets(build_record(parse(it.path)).to_dict())
        scan_rec = _brackets(build_record(parse(str(pdf))).to_dict())
        expected = _brackets(it.expected)
        scores = {"text": score_item(text_rec, expected), "scan": score_item(scan_rec, expected)}
        for field in fields:
            a, b = _value(text_rec, field), _value(scan_rec, field)
            compared[field] += 1
            agree[field] += a == b
            if a != b and args.show and it.half == "dev":
                print(f"  {it.stem[:58]:58} {field:16} text={a[:70]} scan={b[:70]}")
            for which in ("text", "scan"):
                f, n, _false = scores[which].get(field, (0, 0, 0))
                found[which][field] += f
            stated[field] += scores["text"].get(field, (0, 0, 0))[1]
    print(
        f"{len(chosen) - len(skipped)} items, {pages} scanned pages, {time.time() - t0:.0f} s "
        f"({len(skipped)} traditional-character copies left out)"
    )
    print_table("scan", fields, agree, compared, found["text"], found["scan"], stated)


def print_table(
    rendering: str,
    fields: list[str],
    agree: collections.Counter[str],
    compared: collections.Counter[str],
    found_text: collections.Counter[str],
    found_rendering: collections.Counter[str],
    stated: collections.Counter[str],
) -> None:
    """Per field: how often the rendering's record equals the text's, and the stated values each finds."""
    r = rendering
    print(f"{'field':16} {r + ' = text':>12} {'found (text)':>14} {'found (' + r + ')':>14}")
    for field in fields:
        n = stated[field]
        print(
            f"{field:16} {agree[field] / max(1, compared[field]):12.3f} "
            f"{found_text[field]:>7}/{n:<6} {found_rendering[field]:>7}/{n:<6}"
        )
    total_text, total_r, total = (sum(found_text.values()), sum(found_rendering.values()), sum(stated.values()))
    print(
        f"all fields: text {total_text}/{total} = {total_text / max(1, total):.3f}, "
        f"{r} {total_r}/{total} = {total_r / max(1, total):.3f}"
    )


if __name__ == "__main__":
    main()
