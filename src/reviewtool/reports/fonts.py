"""Embedded Unicode fonts for PDFs, with a per-character fallback for emoji, symbols, Arabic
script and Chinese, Japanese and Korean.

Only fonts shipped in resources/fonts are used (never system fonts, never the unembedded
base-14 Helvetica), so a PDF looks the same everywhere and every glyph is embedded. The East
Asian fonts are large, so each is loaded the first time a document has a character for it.
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
CJK = "DroidSansFallback"  # Han ideographs, Hiragana, Katakana, CJK punctuation, fullwidth
HANGUL = "NanumGothic"  # Korean

FONT_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "Symbola.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    HANGUL: "NanumGothic.ttf",
}
_ON_DEMAND = (CJK, HANGUL)


_WIDE_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Hangul Jamo, CJK radicals to Hangul syllables (punctuation, kana, Bopomofo, compatibility
# Jamo, enclosed and compatibility forms, ideographs, Yi), compatibility ideographs, vertical
# and small forms, halfwidth and fullwidth forms, and the supplementary ideograph planes.
_EAST_ASIAN = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u2ff0-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_HANGUL_SCRIPT = re.compile(
    "[\u1100-\u11ff\u3130-\u318f\u3200-\u321e\u3260-\u327e\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdc]"
)


def _fix_wide_code_points(make_cmap: Callable[..., str]) -> Callable[..., str]:
    """ReportLab writes characters above U+FFFF (emoji) into a font's ToUnicode map as five
    hex digits; PDF wants UTF-16 (a surrogate pair), or the text layer reads back wrong."""

    def fixed(*args: Any) -> str:
        def utf16(match: re.Match[str]) -> str:
            code = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
            return f"<{match.group(1)}> <{code}>"

        return _WIDE_ENTRY.sub(utf16, make_cmap(*args))

    return fixed


def east_asian_in(text: str) -> bool:
    """Whether ``text`` has Chinese, Japanese or Korean characters (or their punctuation)."""
    return _EAST_ASIAN.search(text) is not None


def hangul_in(text: str) -> bool:
    return _HANGUL_SCRIPT.search(text) is not None


_REGISTERING = threading.Lock()
_registered = False
_on_demand: set[str] = set()


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

    for name in (REGULAR, BOLD, FALLBACK, ARABIC):
        pdfmetrics.registerFont(TTFont(name, str(resource(f"fonts/{FONT_FILES[name]}"))))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


def _register_on_demand(font_name: str) -> None:
    """Load a large East Asian font the first time a document needs it (not at start-up, and
    not for the many documents that have no such character)."""
    register_fonts()
    if font_name not in _ON_DEMAND or font_name in _on_demand:
        return
    with _REGISTERING:
        if font_name not in _on_demand:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            file = resource(f"fonts/{FONT_FILES[font_name]}")
            pdfmetrics.registerFont(TTFont(font_name, str(file)))
            _on_demand.add(font_name)


@lru_cache(maxsize=8)
def _coverage(font_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    _register_on_demand(font_name)
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
    east_asian = _EAST_ASIAN.match(char) is not None
    if char.isspace() and not east_asian:
        return None
    if _ARABIC_SCRIPT.match(char) and code in arabic:
        return ARABIC
    if east_asian:  # in the East Asian font even where DejaVu has it, so the text matches
        for font in (HANGUL, CJK) if _HANGUL_SCRIPT.match(char) else (CJK, HANGUL):
            if code in _coverage(font):
                return font
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
    """One line of (already cleaned) user text, in visual order, as runs to draw: (offset
    from the line's start in points, font, text), each character in a font that has it.
    Cached: long tables repeat the same kinds, dates and counts thousands of times."""
    main = _coverage(font_name)
    shown = visual_order(text)
    if _all_covered(shown, main) and not _EAST_ASIAN.search(shown):
        return ((0.0, font_name, shown),) if shown else ()  # the common case: one run
    arabic, symbols = _coverage(ARABIC), _coverage(FALLBACK)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces: list[tuple[str, str]] = []
    for char in shown:
        font = _font_for(char, main, arabic, symbols) or font_name
        if pieces and pieces[-1][1] == font:
            pieces[-1] = (pieces[-1][0] + char, font)
        else:
            pieces.append((char, font))
    runs: list[tuple[float, str, str]] = []
    offset = 0.0
    for piece, font in pieces:
        runs.append((offset, font, piece))
        offset += float(stringWidth(piece, font, size))
    return tuple(runs)


def text_width(text: str, font_name: str, size: float) -> float:
    """The drawn width of one line of user text, with each run measured in its own font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs = text_runs(text, font_name, size)
    if not runs:
        return 0.0
    offset, font, piece = runs[-1]
    return offset + float(stringWidth(piece, font, size))


def draw_text_runs(
    canvas: Any, x: float, y: float, text: str, size: float, font_name: str = REGULAR
) -> None:
    """Draw one line of (already cleaned) user text at (x, y), each character in a font
    that has it."""
    for offset, font, piece in text_runs(text, font_name, size):
        canvas.setFont(font, size)
        canvas.drawString(x + offset, y, piece)


def draw_right_text_runs(
    canvas: Any, right: float, y: float, text: str, size: float, font_name: str = REGULAR
) -> None:
    """Draw one line of user text ending at ``right`` (a right-aligned header or footer)."""
    draw_text_runs(canvas, right - text_width(text, font_name, size), y, text, size, font_name)


def draw_centred_text_runs(
    canvas: Any, centre: float, y: float, text: str, size: float, font_name: str = REGULAR
) -> None:
    """Draw one line of user text centred on ``centre``."""
    width = text_width(text, font_name, size)
    draw_text_runs(canvas, centre - width / 2, y, text, size, font_name)


def fit_line(text: str, font: str, size: float, limit: float) -> str:
    """A one-line text (header, footer) shortened with an ellipsis to fit ``limit`` points."""
    text = " ".join(clean(text).split())
    if text_width(text, font, size) <= limit:
        return text
    while text and text_width(text + "…", font, size) > limit:
        text = text[:-1]
    return text + "…"
