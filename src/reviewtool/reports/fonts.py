"""Embedded Unicode fonts for PDFs, with a per-character fallback for emoji and symbols.

Only fonts shipped in resources/fonts are used (never system fonts, never the unembedded
base-14 Helvetica), so a PDF looks the same everywhere and every glyph is embedded.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reviewtool.paths import resource
from reviewtool.reports.text import clean

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACK = "Symbola"
ARABIC = "NotoNaskhArabic"


_WIDE_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _fix_wide_code_points(make_cmap: Callable[..., str]) -> Callable[..., str]:
    """ReportLab writes characters above U+FFFF (emoji) into a font's ToUnicode map as five
    hex digits; PDF wants UTF-16 (a surrogate pair), or the text layer reads back wrong."""

    def fixed(*args: Any) -> str:
        def utf16(match: re.Match[str]) -> str:
            code = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
            return f"<{match.group(1)}> <{code}>"

        return _WIDE_ENTRY.sub(utf16, make_cmap(*args))

    return fixed


_REGISTERING = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the shipped fonts with ReportLab, once per process. Reports are written on
    background threads: the lock keeps two first exports from loading fonts at once
    (ReportLab's font registry is not thread-safe)."""
    global _registered
    if _registered:
        return
    with _REGISTERING:
        if not _registered:
            _register_fonts()
            _registered = True


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = _fix_wide_code_points(ttfonts.makeToUnicodeCMap)
    # Charts start from this font; the default (Helvetica) would not be embedded.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = REGULAR

    for name, file in (
        (REGULAR, "DejaVuSans.ttf"),
        (BOLD, "DejaVuSans-Bold.ttf"),
        (FALLBACK, "Symbola.ttf"),
        (ARABIC, "NotoNaskhArabic-Regular.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource(f"fonts/{file}"))))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


@lru_cache(maxsize=8)
def _coverage(font_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def has_glyph(char: str, font_name: str = REGULAR) -> bool:
    return ord(char) in _coverage(font_name)


def visual_order(text: str) -> str:
    """Right-to-left scripts (Urdu, Arabic, Hebrew) shaped and reordered for drawing:
    ReportLab draws glyphs left to right as given and joins no letters itself."""
    if not _RIGHT_TO_LEFT.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def _font_for(
    char: str, main: frozenset[int], arabic: frozenset[int], symbols: frozenset[int]
) -> str | None:
    """The font to draw ``char`` in: None for the main font, else a fallback's name."""
    code = ord(char)
    if char.isspace():
        return None
    if _ARABIC_SCRIPT.match(char) and code in arabic:
        return ARABIC
    if code in main:
        return None
    if code in arabic:
        return ARABIC
    if code in symbols:
        return FALLBACK
    return None


def pdf_markup(text: str | None, font_name: str = REGULAR) -> str:
    """User text as ReportLab paragraph markup: escaped, each character in a font that has it."""
    cleaned = visual_order(clean(text))
    main, arabic, symbols = _coverage(font_name), _coverage(ARABIC), _coverage(FALLBACK)
    out: list[str] = []
    run: list[str] = []
    current: str | None = None
    for char in cleaned:
        font = _font_for(char, main, arabic, symbols)
        if font != current and run:
            out.append(_wrap("".join(run), current))
            run = []
        current = font
        run.append(char)
    if run:
        out.append(_wrap("".join(run), current))
    return "".join(out)


def _wrap(text: str, font: str | None) -> str:
    escaped = xml_escape(text).replace("\n", "<br/>")
    return f'<font name="{font}">{escaped}</font>' if font else escaped


def _all_covered(text: str, coverage: frozenset[int]) -> bool:
    return coverage.issuperset(map(ord, text))


@lru_cache(maxsize=8192)
def text_runs(text: str, font_name: str, size: float) -> tuple[tuple[float, str, str], ...]:
    """One line of (already cleaned) user text as runs to draw: (offset from the line's
    start in points, font, text), each character in a font that has it. Cached: long
    tables repeat the same kinds, dates and counts thousands of times."""
    main = _coverage(font_name)
    shown = visual_order(text)
    if _all_covered(shown, main):  # the common case: one run in the main font
        return ((0.0, font_name, shown),)
    arabic, symbols = _coverage(ARABIC), _coverage(FALLBACK)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs: list[tuple[float, str, str]] = []
    offset = 0.0
    run: list[str] = []
    current: str | None = None

    def flush() -> None:
        nonlocal offset
        if run:
            piece, font = "".join(run), current or font_name
            runs.append((offset, font, piece))
            offset += float(stringWidth(piece, font, size))

    for char in shown:
        font = _font_for(char, main, arabic, symbols)
        if font != current and run:
            flush()
            run = []
        current = font
        run.append(char)
    flush()
    return tuple(runs)


def draw_text_runs(
    canvas: Any, x: float, y: float, text: str, size: float, font_name: str = REGULAR
) -> None:
    """Draw one line of (already cleaned) user text at (x, y), each character in a font
    that has it."""
    for offset, font, piece in text_runs(text, font_name, size):
        canvas.setFont(font, size)
        canvas.drawString(x + offset, y, piece)


def fit_line(text: str, font: str, size: float, limit: float) -> str:
    """A one-line text (header, footer) shortened with an ellipsis to fit ``limit`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = " ".join(clean(text).split())
    if stringWidth(text, font, size) <= limit:
        return text
    while text and stringWidth(text + "…", font, size) > limit:
        text = text[:-1]
    return text + "…"
