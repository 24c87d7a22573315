"""Evidence: where a report states a value, shown on its page.

Every value the record keeps with a page and a ``[start, end)`` span — a finding, a field's
evidence (``score.total``, ``report_date`` …), an indicator, a figure, a check — is a
:class:`Target`.  The span is an offset range in the text the store keeps for the report's
primary document (``documents.text``), so the words are always at hand
(:func:`passage`: the words with the text around them).  For a PDF source the page is
rendered with pypdfium2 and the words are boxed on it (:func:`page_image`):

1. the source file is found (the path stored at import, resolved as given, beside the store
   or under the extra ``roots``; archive members are read out of their archive) and
   accepted only if its sha256 is the document's id — the very file that was imported;
2. the words are located on the page: the page's characters and the span's words are
   compared with whitespace removed and full-width forms folded, as the reader produced
   them, first with some of the text around the span (so ``2021年`` is found where the
   report says it, not at its first mention on the page), then the longest part of the
   span the page holds (a finding that runs on to the next page), then approximately;
3. each located character's box comes from PDFium's text page (``FPDFText_GetLooseCharBox``)
   and the boxes are merged into one rectangle per line; a page without a text layer
   (a scan) is OCR'd again and the boxes are those of the OCR lines (and, inside a ruled
   table, of the table), which the note says.

Pages are rendered on demand, one at a time, and kept in a small in-memory cache
(:data:`CACHE_SIZE` images): showing one finding of a 40-page report renders one page.
Word and text sources have no pages to draw; their evidence is the passage in context.

::

    from jixiao.store import Store
    from jixiao.store.web import evidence

    with Store("jixiao.db") as store:
        t = evidence.finding_target(store, "b9cbecf4d0a4-p3")
        print(t.page, evidence.passage(store, t).words)
        image = evidence.page_image(store, t)        # PageImage: .png, .page, .boxes, .note
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from ...extractor.normalize import normalize_text
from ...extractor.readers.pdf import DisplayFrame as _Frame  # the reader's PDF-space → displayed-page mapping

#: Rendered page images kept in memory (least recently used dropped first).
CACHE_SIZE = 48
#: Width in pixels of a rendered page (A4 portrait: about 1.85 px per point, 133 dpi).
PAGE_WIDTH = 1100
#: A rendered page never has more pixels than this (a poster-sized page is drawn coarser).
MAX_PIXELS = 6_000_000
#: Highlight colours (RGBA): a translucent fill and a solid frame.
FILL = (255, 214, 0, 110)
FRAME = (230, 81, 0, 255)
PDF_FORMATS = ("pdf",)


class EvidenceError(LookupError):
    """No such target (unknown report, finding, field or item): ``str(err)`` says which."""


@dataclass(frozen=True)
class Target:
    """One value with a place in the report: what :func:`passage` and :func:`page_image` show."""

    report_id: str
    doc_id: str  # the report's primary document, whose text the span indexes
    key: str  # a finding id, an evidence field (score.total …), indicator-N, figure-N, check-N
    kind: str  # finding | field | indicator | figure | check
    label: str  # what it is, for a person ("问题 3：…", "评价得分", "指标 资金到位率")
    value: str  # the value as shown
    page: int | None
    span: tuple[int, int] | None
    format: str  # the primary document's format (pdf, docx, txt …)
    ocr: bool  # the primary document was (partly) OCR'd
    pages: int | None


@dataclass
class Passage:
    """The words of a target and the text around them, from the stored document text."""

    before: str
    words: str
    after: str
    start: int
    end: int


@dataclass
class PageImage:
    """A rendered page with the target's words boxed."""

    png: bytes
    page: int  # 1-based physical page
    width: int  # pixels
    height: int
    scale: float  # pixels per PDF point
    boxes: list[tuple[float, float, float, float]]  # highlighted rectangles, pixels (x0, top, x1, bottom)
    method: str  # chars (PDF text layer) | ocr-lines | none
    complete: bool  # every word of the span was found on this page
    note: str  # what the highlight is, in Chinese, for the page beside the image
    continues: int | None = None  # the next page the span runs on to, when it does


# ----------------------------------------------------------------------------- targets
# Ids are looked up as SQL parameters, never used as paths; these shapes only turn away
# what cannot be an id (``../x``) with a clear message before any lookup.
_REPORT_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,127}")
_HEX = re.compile(r"[0-9a-f]{12,64}")
_FINDING_ID = re.compile(r"([0-9A-Za-z][0-9A-Za-z_]{0,63})-([a-z?])(\d{1,6})(\.\d{1,4})?")
_ITEM = re.compile(r"(indicator|figure|check)-(\d{1,6})")
KIND_LABELS = {"problem": "问题", "recommendation": "建议", "experience": "经验做法"}
FIELD_LABELS = {
    "title": "标题",
    "years": "评价年度",
    "report_date": "报告日期",
    "report_kind": "报告类型",
    "evaluation_mode": "评价方式",
    "jurisdiction": "地区",
    "program": "项目",
    "evaluated_unit": "被评价单位",
    "evaluator": "评价机构",
    "score.total": "评价得分",
    "score.max": "满分",
    "score.grade": "评价等级",
}


def _conn(store: Any):
    return store.conn if hasattr(store, "conn") else store


def resolve_report_id(store: Any, report_id: str) -> str:
    """The full report id for ``report_id`` (the id, or a unique prefix of at least 12 hex digits
    of a sha256 id such as the one finding ids begin with).

    Raises :class:`EvidenceError` for anything else (``../x``, an unknown id): ids are looked
    up, never used as paths."""
    rid = (report_id or "").strip()
    if not _REPORT_ID.fullmatch(rid):
        raise EvidenceError(f"no report {report_id!r} (report ids are 64 hexadecimal digits)")
    conn = _conn(store)
    row = conn.execute("SELECT report_id FROM reports WHERE report_id = ?", (rid,)).fetchone()
    if row:
        return row[0]
    rid = rid.lower()
    if len(rid) == 64 or not _HEX.fullmatch(rid):
        raise EvidenceError(f"no report {report_id!r} in this store")
    rows = conn.execute(
        "SELECT report_id FROM reports WHERE report_id >= ? AND report_id < ? LIMIT 2", (rid, rid + "g")
    ).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    raise EvidenceError(
        f"no report {report_id!r} in this store"
        if not rows
        else f"{report_id!r} names more than one report: give more digits"
    )


def _document(conn, report_id: str) -> tuple[str, str, bool, int | None]:
    row = conn.execute(
        "SELECT d.doc_id, d.format, d.ocr, d.pages FROM reports r JOIN documents d"
        " ON d.doc_id = r.doc_id WHERE r.report_id = ?",
        (report_id,),
    ).fetchone()
    if row is None:
        raise EvidenceError(f"no report {report_id!r} in this store")
    return row[0], row[1], bool(row[2]), row[3]


def _span(a: Any, b: Any) -> tuple[int, int] | None:
    if a is None or b is None or int(b) <= int(a):
        return None
    return int(a), int(b)


def finding_target(store: Any, finding_id: str) -> Target:
    """The :class:`Target` of one finding (``3fa2b1c4d5e6-p3``)."""
    fid = (finding_id or "").strip()
    if not _FINDING_ID.fullmatch(fid):
        raise EvidenceError(f"no finding {finding_id!r} (finding ids look like 3fa2b1c4d5e6-p3)")
    conn = _conn(store)
    row = conn.execute(
        "SELECT report_id, kind, ordinal, title, page, span_start, span_end FROM findings WHERE finding_id = ?", (fid,)
    ).fetchone()
    if row is None:
        raise EvidenceError(f"no finding {finding_id!r} in this store")
    report_id, kind, ordinal, title, page, s, e = row
    doc_id, fmt, ocr, pages = _document(conn, report_id)
    return Target(
        report_id,
        doc_id,
        fid,
        "finding",
        f"{KIND_LABELS.get(kind, kind)} {ordinal}",
        title,
        page,
        _span(s, e),
        fmt,
        ocr,
        pages,
    )


def report_target(store: Any, report_id: str, key: str) -> Target:
    """A :class:`Target` of one report: an evidence field (``score.total`` …), ``indicator-N``,
    ``figure-N`` or ``check-N`` (N the item's ordinal, from 1), or a finding id."""
    conn = _conn(store)
    rid = resolve_report_id(store, report_id)
    if _FINDING_ID.fullmatch(key or ""):
        t = finding_target(store, key)
        if t.report_id != rid:
            raise EvidenceError(f"finding {key} is not in report {report_id}")
        return t
    doc_id, fmt, ocr, pages = _document(conn, rid)
    m = _ITEM.fullmatch(key or "")
    if m:
        kind, n = m.group(1), int(m.group(2))
        table = {"indicator": "indicators", "figure": "figures", "check": "checks"}[kind]
        cols = {"indicator": "name, weight, score", "figure": "name, raw, unit", "check": "rule, ok, detail"}[kind]
        row = conn.execute(
            f"SELECT page, span_start, span_end, {cols} FROM {table} WHERE report_id = ? AND ordinal = ?", (rid, n)
        ).fetchone()
        if row is None:
            raise EvidenceError(f"report {rid[:12]} has no {kind} {n}")
        page, s, e, a, b, c = row
        if kind == "indicator":
            label, value = f"指标 {a}", f"得分 {_num(c)}" + (f" / 分值 {_num(b)}" if b is not None else "")
        elif kind == "figure":
            label, value = f"数据 {a}", str(b)
        else:
            label, value = f"核对 {a}（{'通过' if b else '不一致'}）", str(c)
        return Target(rid, doc_id, key, kind, label, value, page, _span(s, e), fmt, ocr, pages)
    if key not in FIELD_LABELS:
        raise EvidenceError(f"no evidence {key!r}: one of {', '.join(FIELD_LABELS)}, indicator-N, figure-N, check-N")
    row = conn.execute(
        "SELECT page, span_start, span_end, text FROM evidence WHERE report_id = ? AND field = ?", (rid, key)
    ).fetchone()
    if row is None:
        raise EvidenceError(f"report {rid[:12]} states no evidence for {key}")
    page, s, e, words = row
    return Target(rid, doc_id, key, "field", FIELD_LABELS[key], words, page, _span(s, e), fmt, ocr, pages)


def _num(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def document_text(store: Any, doc_id: str) -> str:
    row = _conn(store).execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return row[0] if row else ""


def passage(store: Any, target: Target, context: int = 160) -> Passage:
    """The target's words with up to ``context`` characters of the stored text on each side."""
    text = document_text(store, target.doc_id)
    if target.span is None:
        return Passage("", "", "", 0, 0)
    s, e = max(0, target.span[0]), min(len(text), target.span[1])
    return Passage(text[max(0, s - context) : s], text[s:e], text[e : e + context], s, e)


# ----------------------------------------------------------------------------- source files
_resolved: dict[str, tuple[str, float, int]] = {}  # doc_id -> (path, mtime, size) that hashed right
_extracted: dict[str, str] = {}  # doc_id -> temporary copy of an archive member
_files_lock = threading.Lock()
_tmpdir: list[str] = []


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _candidates(stored: str, store_dir: Path | None, roots: Sequence[str | Path]) -> list[Path]:
    p = Path(stored)
    out = [p]
    if not p.is_absolute() and store_dir is not None:
        out.append(store_dir / p)
    for root in roots:
        root = Path(root)
        if not p.is_absolute():
            out.append(root / p)
        out.append(root / p.name)
    return out


def source_file(store: Any, doc_id: str, roots: Sequence[str | Path] = ()) -> Path | None:
    """The imported file of document ``doc_id`` on this machine, or None when it cannot be found.

    Tried in order: the path stored at import (relative to the working directory), the same
    relative to the store's folder, then under each of ``roots`` (the stored relative path,
    then the file name).  A member of an archive (``a.zip!dir/b.pdf``) is read out of the
    archive found the same way.  A file is accepted only when its sha256 is ``doc_id``.
    """
    conn = _conn(store)
    with _files_lock:
        known = _resolved.get(doc_id)
    if known:
        path, mtime, size = known
        try:
            st = os.stat(path)
            if st.st_mtime == mtime and st.st_size == size:
                return Path(path)
        except OSError:
            pass
    row = conn.execute("SELECT path, size FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    stored, size = row[0], row[1]
    paths = [stored] + [
        r[0] for r in conn.execute("SELECT path FROM sources WHERE doc_id = ? AND path != ?", (doc_id, stored))
    ]
    store_path = getattr(store, "path", None)
    store_dir = Path(store_path).resolve().parent if store_path else None
    for stored_path in paths:
        outer, sep, member = stored_path.partition("!")
        for cand in _candidates(outer, store_dir, roots):
            try:
                if not cand.is_file():
                    continue
                if sep:
                    found = _from_archive(cand, stored_path, outer, doc_id)
                    if found:
                        return found
                    continue
                st = cand.stat()
                if size and st.st_size != size:
                    continue
                if _sha256(str(cand)) == doc_id:
                    with _files_lock:
                        _resolved[doc_id] = (str(cand), st.st_mtime, st.st_size)
                    return cand
            except OSError:
                continue
    return None


def _from_archive(archive: Path, stored_path: str, outer: str, doc_id: str) -> Path | None:
    """An archive member as a temporary file (the archive walked as the importer walks it)."""
    with _files_lock:
        if doc_id in _extracted and os.path.exists(_extracted[doc_id]):
            return Path(_extracted[doc_id])
    from ...corpus.walk import FileItem, walk

    wanted = str(archive) + stored_path[len(outer) :]
    for entry in walk([str(archive)]):
        if isinstance(entry, FileItem) and entry.path == wanted:
            data = entry.read_bytes()
            if hashlib.sha256(data).hexdigest() != doc_id:
                return None
            with _files_lock:
                if not _tmpdir:
                    _tmpdir.append(tempfile.mkdtemp(prefix="jixiao-web-"))
                dest = os.path.join(_tmpdir[0], doc_id + ".pdf")
                with open(dest, "wb") as fh:
                    fh.write(data)
                _extracted[doc_id] = dest
            return Path(dest)
    return None


# ----------------------------------------------------------------------------- locating words
_LINE_END_HYPHENS = "\ufffe\x02"


def key_char(c: str) -> str:
    """One character as compared: '' for spaces and invisible marks, full-width folded,
    compatibility ideographs unified, PDFium's line-end hyphen a hyphen."""
    if c in _LINE_END_HYPHENS:
        return "-"
    n = normalize_text(c)
    if not n or n.isspace():
        return ""
    if "\u2e80" <= n <= "\u2fdf" or "\uf900" <= n <= "\ufaff":
        u = unicodedata.normalize("NFKC", n)
        n = u if len(u) == 1 else n
    return n


def key_string(text: str) -> str:
    return "".join(key_char(c) for c in text)


@dataclass
class Match:
    """Where (a part of) the span lies in a page's key string."""

    start: int  # in the page's key string
    end: int
    complete: bool
    approximate: bool = False
    part: str = "all"  # all | head (the span runs on past this page) | tail | middle


def locate(words: str, page_key: str, before: str = "", after: str = "") -> Match | None:
    """Find ``words`` (with the text ``before`` and ``after`` it) in ``page_key``, a page's key string.

    Exact first, with decreasing context on either side; then the longest head of the
    words the page holds (a span that runs on to the next page), or the longest tail
    (one that began on the page before); then approximately (rapidfuzz alignment, 75 %).
    """
    m = key_string(words)
    if not m or not page_key:
        return None
    left, right = key_string(before), key_string(after)
    for lc, rc in ((24, 24), (24, 0), (0, 24), (8, 8), (8, 0), (0, 8), (0, 0)):
        lpart = left[-lc:] if lc else ""
        rpart = right[:rc] if rc else ""
        if (lc and len(lpart) < min(lc, 4)) or (rc and len(rpart) < min(rc, 4)):
            continue
        i = page_key.find(lpart + m + rpart)
        if i >= 0:
            return Match(i + len(lpart), i + len(lpart) + len(m), True)
    floor = min(len(m), 6)
    head = _longest(m, page_key, left[-12:], head=True)
    tail = _longest(m, page_key, right[:12], head=False)
    best = max((x for x in (head, tail) if x and x.end - x.start >= floor), key=lambda x: x.end - x.start, default=None)
    if best is not None:
        return best
    return _approximate(m, page_key)


def _longest(m: str, hay: str, ctx: str, head: bool) -> Match | None:
    """The longest head (or tail) of ``m`` found in ``hay``, tried with context first."""
    for c in (ctx, "") if ctx else ("",):

        def found(k: int, c: str = c) -> int:
            needle = (c + m[:k]) if head else (m[len(m) - k :] + c)
            return hay.find(needle)

        lo, hi = 0, len(m) - 1  # the whole was not found
        while lo < hi:  # the largest k with found(k) >= 0 (monotone: a shorter piece is found too)
            mid = (lo + hi + 1) // 2
            if found(mid) >= 0:
                lo = mid
            else:
                hi = mid - 1
        if lo >= min(len(m), 6 if c else 8):
            i = found(lo)
            if head:
                return Match(i + len(c), i + len(c) + lo, False, part="head")
            return Match(i, i + lo, False, part="tail")
    return None


def _approximate(m: str, hay: str) -> Match | None:
    try:
        from rapidfuzz import fuzz
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        return None
    if len(m) > len(hay):
        return None
    al = fuzz.partial_ratio_alignment(m, hay, score_cutoff=75)
    if al is None or al.dest_end <= al.dest_start:
        return None
    return Match(al.dest_start, al.dest_end, False, approximate=True)


# ----------------------------------------------------------------------------- pages
@dataclass
class _PageText:
    """A page's characters as compared (``key``) with a box (points) for each."""

    key: str
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    method: str = "chars"


def _text_layer(page, frame: _Frame) -> _PageText:
    import pypdfium2.raw as pdfium_c

    tp = page.get_textpage()
    try:
        n = max(tp.count_chars(), 0)
        text = tp.get_text_range() if n else ""
        if len(text) != n:
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp.raw, i) or 0xFFFD) for i in range(n))
        keys: list[str] = []
        boxes: list[tuple[float, float, float, float]] = []
        for i, c in enumerate(text):
            k = key_char(c)
            if not k or k == "\ufffd":
                continue
            left, bottom, right, top = tp.get_charbox(i, loose=True)
            box = frame.box(left, bottom, right, top)
            for ch in k:
                keys.append(ch)
                boxes.append(box)
        return _PageText("".join(keys), boxes, "chars")
    finally:
        tp.close()


_ocr_cache: OrderedDict[tuple[str, int], _PageText] = OrderedDict()


def _ocr_layer(pdf, index: int, doc_id: str) -> _PageText | None:
    """The page OCR'd again: one box per line (and per ruled table) — the reader keeps no
    character boxes, so the highlight is as fine as a line."""
    cached = _ocr_cache.get((doc_id, index))
    if cached is not None:
        return cached
    try:
        from ...extractor.readers.ocr import ocr_page

        content = ocr_page(pdf, index)
    except Exception:  # OCR unavailable or failing: the passage is still shown beside the page
        return None
    keys: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    for line in content.lines:
        k = key_string(line.text)
        keys.append(k)
        boxes.extend([(line.x0, line.top, line.x1, line.bottom)] * len(k))
    for table in content.tables:
        k = key_string("".join("".join(r) for r in table.rows))
        keys.append(k)
        x0, top, x1, bottom = table.bbox
        boxes.extend([(x0, top, x1, bottom)] * len(k))
    out = _PageText("".join(keys), boxes, "ocr-lines")
    with _files_lock:
        _ocr_cache[(doc_id, index)] = out
        while len(_ocr_cache) > 16:
            _ocr_cache.popitem(last=False)
    return out


def merge_boxes(boxes: Iterable[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Character boxes in reading order merged into one rectangle per line (and per column gap)."""
    out: list[list[float]] = []
    for x0, top, x1, bottom in boxes:
        if x1 <= x0 and bottom <= top:
            continue
        if out:
            r = out[-1]
            h = max(bottom - top, r[3] - r[1], 1.0)
            cy = (top + bottom) / 2
            same_line = r[1] - 0.25 * h <= cy <= r[3] + 0.25 * h
            if same_line and x0 >= r[0] - 0.5 * h and x0 - r[2] <= 2.5 * h:
                r[0], r[1], r[2], r[3] = min(r[0], x0), min(r[1], top), max(r[2], x1), max(r[3], bottom)
                continue
            if (x0, top, x1, bottom) == tuple(r):
                continue
        out.append([x0, top, x1, bottom])
    return [tuple(r) for r in out]  # type: ignore[misc]


# ----------------------------------------------------------------------------- rendering
_cache: OrderedDict[tuple, PageImage] = OrderedDict()
#: Pages rendered since the process started (what the cache saves is visible in tests).
RENDERS = [0]


def page_image(
    store: Any, target: Target, page: int | None = None, *, roots: Sequence[str | Path] = (), width: int = PAGE_WIDTH
) -> PageImage:
    """The target's page (or ``page``, for a span that runs on) rendered with its words boxed.

    Raises :class:`EvidenceError` when there is no page to draw: a Word or text source, a
    target without a page, or a source file that cannot be found here (then
    :func:`passage` still gives the words).
    """
    if target.format not in PDF_FORMATS:
        raise EvidenceError(
            f"the report's source is a {target.format} file: it has no pages to draw; "
            "the passage is shown in context instead"
        )
    number = page or target.page
    if number is None:
        raise EvidenceError(f"{target.label}: the report gives no page for it")
    if target.pages and not 1 <= number <= target.pages:
        raise EvidenceError(f"page {number} is not in the report (it has {target.pages} pages)")
    key = (target.doc_id, number, target.span, width)
    with _files_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    path = source_file(store, target.doc_id, roots)
    if path is None:
        raise EvidenceError(
            "the report's source file is not on this machine (moved or deleted since import); "
            "the passage is shown from the stored text instead"
        )
    text = document_text(store, target.doc_id)
    image = _render(str(path), number, target, text, width)
    with _files_lock:
        _cache[key] = image
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return image


def _render(path: str, number: int, target: Target, text: str, width: int) -> PageImage:
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    pdf = pdfium.PdfDocument(path)
    try:
        if not 1 <= number <= len(pdf):
            raise EvidenceError(f"page {number} is not in the file (it has {len(pdf)} pages)")
        page = pdf[number - 1]
        try:
            frame = _Frame(page.get_mediabox(), page.get_rotation())
            scale = min(width / max(frame.width, 1.0), (MAX_PIXELS / max(frame.width * frame.height, 1.0)) ** 0.5)
            layer = _text_layer(page, frame)
            if len(layer.key) < 20 and target.span is not None:
                layer = _ocr_layer(pdf, number - 1, target.doc_id) or layer
            bitmap = page.render(scale=scale)
            RENDERS[0] += 1
            img = bitmap.to_pil().convert("RGBA")
        finally:
            page.close()
        boxes_pt: list[tuple[float, float, float, float]] = []
        match = None
        if target.span is not None and layer.key:
            s, e = target.span
            match = locate(text[s:e], layer.key, text[max(0, s - 40) : s], text[e : e + 40])
            if match is not None:
                chosen = layer.boxes[match.start : match.end]
                boxes_pt = merge_boxes(chosen) if layer.method == "chars" else _distinct(chosen)
        pad = 1.5
        boxes = [
            ((x0 - pad) * scale, (top - pad) * scale, (x1 + pad) * scale, (bottom + pad) * scale)
            for x0, top, x1, bottom in boxes_pt
        ]
        if boxes:
            overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
            draw = ImageDraw.Draw(overlay)
            for b in boxes:
                draw.rectangle(b, fill=FILL)
            img = Image.alpha_composite(img, overlay)
            draw = ImageDraw.Draw(img)
            for b in boxes:
                draw.rectangle(b, outline=FRAME, width=2)
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "PNG", optimize=False)
        continues = None
        if match is not None and match.part == "head" and number < len(pdf):
            continues = number + 1
        note = _note(layer.method, match, target, number, continues)
        return PageImage(
            buf.getvalue(),
            number,
            img.width,
            img.height,
            scale,
            boxes,
            layer.method if boxes else "none",
            bool(match and match.complete),
            note,
            continues,
        )
    finally:
        pdf.close()


def _distinct(boxes: Sequence[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    out: list[tuple[float, float, float, float]] = []
    for b in boxes:
        if not out or out[-1] != b:
            out.append(b)
    return list(dict.fromkeys(out))


def _note(method: str, match: Match | None, target: Target, number: int, continues: int | None) -> str:
    if target.span is None:
        return "该项没有记录原文位置，仅显示所在页。"
    if match is None:
        if method == "ocr-lines":
            return f"第 {number} 页是扫描图像：重新识别后未能在本页找到这段文字，请对照右侧原文。"
        return f"未能在第 {number} 页的文字层中找到这段文字，请对照右侧原文。"
    parts = []
    if method == "chars":
        parts.append("高亮框来自 PDF 文字层的逐字位置。")
    else:
        parts.append(
            "本页是扫描图像，读取时未保留逐字位置：高亮框为重新识别（OCR）得到的整行位置"
            "（表格内文字框出整张表格），可能比原文略宽。"
        )
    if match.approximate:
        parts.append("扫描识别的文字与存储的文字略有出入，位置为近似匹配。")
    if match.part == "head":
        parts.append(f"这段文字在本页未完，续见第 {continues or number + 1} 页。")
    elif match.part == "tail":
        parts.append("这段文字从前一页开始。")
    return "".join(parts)


def clear_caches() -> None:
    """Forget rendered pages, OCR'd pages and where source files were found."""
    with _files_lock:
        _cache.clear()
        _ocr_cache.clear()
        _resolved.clear()
        _extracted.clear()


__all__ = [
    "clear_caches",
    "Target",
    "Passage",
    "PageImage",
    "EvidenceError",
    "finding_target",
    "report_target",
    "resolve_report_id",
    "passage",
    "page_image",
    "source_file",
    "locate",
    "key_string",
    "merge_boxes",
    "RENDERS",
    "CACHE_SIZE",
]
