"""PNG charts with Chinese labels that render (never empty boxes).

The CJK font is a file shipped inside a Python package, so it is there wherever jixiao
is installed: Noto Sans SC (SIL Open Font License) from ``pylopdf-fonts-zh-cn``.
If that package is missing, a system CJK font is looked for (Debian:
``apt-get install fonts-noto-cjk``); :func:`cjk_font` raises :class:`FontError` if
there is none, rather than drawing tofu.

Charts are drawn on a bare :class:`matplotlib.figure.Figure` with the Agg canvas — no
pyplot, no global backend switch — so they work in servers, tests and threads.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

# Where system CJK fonts usually are, best first (only used without the package).
_SYSTEM_FONT_HINTS = (
    "NotoSansCJK",
    "NotoSansSC",
    "SourceHanSans",
    "wqy-microhei",
    "wqy-zenhei",
    "DroidSansFallback",
    "SimHei",
    "msyh",
)
_PROBE = "绩效评价问题类别云南省呈贡区得分率"


class FontError(RuntimeError):
    """No font with Chinese glyphs is available."""


def _cmaps(font_path: str | Path) -> list[set[int]]:
    from fontTools.ttLib import TTCollection, TTFont

    path = str(font_path)
    if path.lower().endswith((".ttc", ".otc")):
        with TTCollection(path) as coll:
            return [set(f.getBestCmap() or {}) for f in coll.fonts]
    with TTFont(path, lazy=True) as font:
        return [set(font.getBestCmap() or {})]


def has_glyphs(font_path: str | Path, text: str) -> bool:
    """Whether the font file maps every non-space character of ``text`` to a glyph (fontTools cmap)."""
    chars = {ord(c) for c in text if not c.isspace()}
    return any(chars <= cmap for cmap in _cmaps(font_path))


def missing_glyphs(font_path: str | Path, text: str) -> str:
    """The characters of ``text`` that the font has no glyph for (first font of a collection)."""
    cmap = _cmaps(font_path)[0]
    return "".join(sorted({c for c in text if not c.isspace() and ord(c) not in cmap}))


@lru_cache(maxsize=1)
def cjk_font() -> Path:
    """The font file used for chart labels (registered with matplotlib)."""
    candidates: list[Path] = []
    try:
        import pylopdf_fonts_zh_cn

        candidates.append(Path(pylopdf_fonts_zh_cn.sans_path()))
    except ImportError:
        pass
    from matplotlib import font_manager

    system = font_manager.findSystemFonts()
    for hint in _SYSTEM_FONT_HINTS:
        candidates += [Path(p) for p in system if hint.lower() in Path(p).name.lower()]
    for path in candidates:
        if path.exists() and path.suffix.lower() in (".otf", ".ttf") and has_glyphs(path, _PROBE):
            font_manager.fontManager.addfont(str(path))
            return path
    raise FontError(
        "no font with Chinese glyphs found: pip install pylopdf-fonts-zh-cn (or apt-get install fonts-noto-cjk)"
    )


def font_name() -> str:
    """The family name matplotlib knows the CJK font by (e.g. ``Noto Sans SC``)."""
    from matplotlib import font_manager

    return font_manager.FontProperties(fname=str(cjk_font())).get_name()


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    return fig


def _rc() -> dict:
    return {"font.family": [font_name(), "DejaVu Sans"], "axes.unicode_minus": False}


def to_png(fig) -> bytes:
    """Render a figure to PNG bytes."""
    import matplotlib

    with matplotlib.rc_context(_rc()):
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight")
        return buf.getvalue()


def bar_chart(
    title: str,
    groups: Sequence[str],
    series: dict[str, Sequence[float | None]],
    *,
    ylabel: str = "",
    ylim: tuple[float, float] | None = None,
) -> bytes:
    """Grouped bars: one cluster per group, one bar per series; missing values are left out."""
    import matplotlib

    with matplotlib.rc_context(_rc()):
        width = max(6.0, 1.2 + 0.9 * len(groups) * max(1, len(series)) * 0.45)
        fig = _figure(min(width, 18.0), 4.6)
        ax = fig.add_subplot(1, 1, 1)
        n = max(1, len(series))
        bar_w = 0.8 / n
        x = np.arange(len(groups))
        for i, (label, values) in enumerate(series.items()):
            vals = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
            bars = ax.bar(x - 0.4 + bar_w * (i + 0.5), np.nan_to_num(vals), bar_w, label=label)
            for b, v in zip(bars, vals):
                if np.isnan(v):
                    b.set_visible(False)
                else:
                    ax.annotate(
                        f"{v:.1f}",
                        (b.get_x() + b.get_width() / 2, b.get_height()),
                        ha="center",
                        va="bottom",
                        fontsize=7,
                    )
        for j in range(len(groups)):  # say so where a group has nothing to draw, not an empty gap
            if all(values[j] is None for values in series.values()):
                ax.text(
                    j, (ylim[1] if ylim else 1) * 0.02, "未给出", ha="center", va="bottom", fontsize=8, color="#888888"
                )
        ax.set_xticks(x)
        ax.set_xticklabels(groups, rotation=0 if len(groups) <= 6 else 45, ha="center" if len(groups) <= 6 else "right")
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        if ylim:
            ax.set_ylim(*ylim)
        if len(series) > 1:
            ax.legend(fontsize=8, ncols=min(len(series), 5), loc="upper center", bbox_to_anchor=(0.5, -0.12))
        ax.grid(axis="y", alpha=0.3)
        return to_png(fig)


def heatmap(title: str, rows: Sequence[str], cols: Sequence[str], matrix: Sequence[Sequence[float]]) -> bytes:
    """A count matrix (e.g. problem categories × jurisdictions) with the counts written in."""
    import matplotlib

    data = np.asarray(matrix, dtype=float).reshape(len(rows), len(cols)) if rows and cols else np.zeros((1, 1))
    with matplotlib.rc_context(_rc()):
        fig = _figure(min(18.0, 3.5 + 1.1 * max(1, len(cols))), min(14.0, 1.6 + 0.42 * max(1, len(rows))))
        ax = fig.add_subplot(1, 1, 1)
        im = ax.imshow(data, cmap="Oranges", aspect="auto", vmin=0, vmax=max(1.0, float(data.max())))
        ax.set_xticks(range(len(cols)))
        ax.set_xticklabels(cols, rotation=0 if len(cols) <= 5 else 45, ha="center" if len(cols) <= 5 else "right")
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels(rows)
        for i in range(data.shape[0]):
            for j in range(data.shape[1]):
                if data[i, j]:
                    ax.text(
                        j,
                        i,
                        f"{data[i, j]:g}",
                        ha="center",
                        va="center",
                        fontsize=9,
                        color="white" if data[i, j] > data.max() * 0.6 else "black",
                    )
        ax.set_title(title)
        from matplotlib.ticker import MaxNLocator

        fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, ticks=MaxNLocator(integer=True))
        return to_png(fig)


def stack_pngs(images: Sequence[bytes]) -> bytes:
    """Several PNG charts one under the other, as one PNG (for ``--format png`` with several metrics)."""
    import matplotlib.image as mpimg

    if len(images) == 1:
        return images[0]
    arrays = [mpimg.imread(io.BytesIO(b), format="png") for b in images]
    width = max(a.shape[1] for a in arrays)
    padded = []
    for a in arrays:
        if a.shape[2] == 3:
            a = np.dstack([a, np.ones(a.shape[:2], dtype=a.dtype)])
        pad = np.ones((a.shape[0], width - a.shape[1], 4), dtype=a.dtype)
        padded.append(np.hstack([a, pad]))
    out = io.BytesIO()
    mpimg.imsave(out, np.vstack(padded), format="png")
    return out.getvalue()


__all__ = [
    "cjk_font",
    "font_name",
    "has_glyphs",
    "missing_glyphs",
    "bar_chart",
    "heatmap",
    "stack_pngs",
    "to_png",
    "FontError",
]
