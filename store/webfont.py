"""A Chinese font for an HTML page, embedded in the page itself.

A page whose tables are in Chinese shows boxes on a machine without a CJK system font
(a server, a fresh container, some e-mail viewers).  :func:`font_face_css` returns an
``@font-face`` rule carrying, base64-inlined, the subset of Noto Sans SC (the font the
charts use, shipped in the ``pylopdf-fonts-zh-cn`` package; SIL Open Font License) with
exactly the characters the page uses, as WOFF (zlib): a comparison page needs a few
hundred glyphs, some 100–200 KB, where the whole font is 8 MB.
"""

from __future__ import annotations

import base64
import io

FAMILY = "jixiao-cjk"


def subset_woff(text: str) -> bytes:
    """WOFF bytes of the CJK font cut down to the characters of ``text``."""
    from fontTools import subset

    from .charts import cjk_font

    opts = subset.Options()
    opts.flavor = "woff"
    opts.layout_features = ["*"]
    opts.notdef_outline = True
    font = subset.load_font(str(cjk_font()), opts)
    sub = subset.Subsetter(opts)
    sub.populate(text="".join(sorted(set(text))))
    sub.subset(font)
    buf = io.BytesIO()
    subset.save_font(font, buf, opts)
    return buf.getvalue()


def font_face_css(text: str) -> str:
    """``@font-face{font-family:jixiao-cjk;src:url(data:font/woff;base64,…)}`` for ``text``;
    an empty string when no CJK font file is available (the page then relies on system fonts)."""
    from .charts import FontError

    try:
        data = subset_woff(text)
    except (FontError, OSError):
        return ""
    return (
        f"@font-face{{font-family:'{FAMILY}';font-style:normal;font-weight:400;"
        f"src:url(data:font/woff;base64,{base64.b64encode(data).decode('ascii')}) format('woff')}}"
    )


__all__ = ["font_face_css", "subset_woff", "FAMILY"]
