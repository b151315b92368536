"""Learning slides as PowerPoint (16:9) from a template trainers can replace with their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.paths import resource
from reviewtool.reports.colours import contrast_ratio, safe_colour, text_on
from reviewtool.reports.slides_model import Deck, Slide
from reviewtool.reports.text import clean, property_text

DEFAULT_TEMPLATE = "templates/learning-slides.pptx"
MAX_BULLETS = 8


def _layout(presentation: Any, name: str, fallback_index: int) -> Any:
    """A layout by name (any template that keeps the standard names works), else by position."""
    for layout in presentation.slide_layouts:
        if layout.name == name:
            return layout
    layouts = presentation.slide_layouts
    return layouts[min(fallback_index, len(layouts) - 1)]


def _shorten(text: str, limit: int = 220) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _body_size(lines: list[str]) -> int:
    """Larger text for fewer, shorter points: a slide should be full, not a quarter used."""
    words = sum(len(line.split()) for line in lines[:MAX_BULLETS])
    if len(lines) <= 3 and words <= 45:
        return 32
    if len(lines) <= 5 and words <= 80:
        return 26
    return 22 if words <= 120 else 18


def _fill_body(placeholder: Any, lines: list[str]) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    frame = placeholder.text_frame
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # shrink on overflow, in both programs
    shown = lines[:MAX_BULLETS]
    size = _body_size(shown)
    for index, line in enumerate(shown or [""]):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = _shorten(line, 360)
        paragraph.font.size = Pt(size)
        paragraph.space_after = Pt(6)
    if len(lines) > MAX_BULLETS:
        frame.add_paragraph().text = f"… and {len(lines) - MAX_BULLETS} more (see the notes)"


def _set_title(slide: Any, text: str, presentation: Any, size: int = 32) -> None:
    from pptx.util import Emu, Pt

    title = slide.shapes.title
    if not title.height or not title.width:
        # A template whose layout gives the title no size: give it the top of the slide.
        width, height = int(presentation.slide_width), int(presentation.slide_height)
        title.left, title.top = Emu(int(width * 0.05)), Emu(int(height * 0.03))
        title.width, title.height = Emu(int(width * 0.9)), Emu(int(height * 0.15))
    title.text = clean(text)
    title.text_frame.word_wrap = True
    for paragraph in title.text_frame.paragraphs:
        paragraph.font.size = Pt(size if len(text) <= 60 else max(20, size - 8))


def _content_placeholder(slide: Any) -> Any | None:
    for placeholder in slide.placeholders:
        if placeholder.placeholder_format.idx != 0:
            return placeholder
    return None


def _add_chart(slide: Any, content: Slide, presentation: Any, brand_colour: str) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Emu

    data = CategoryChartData()  # type: ignore[no-untyped-call]
    data.categories = content.chart_categories
    data.add_series(content.chart_title or "Reviews", content.chart_values)  # type: ignore[no-untyped-call]
    width, height = presentation.slide_width, presentation.slide_height
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED,
        Emu(int(width * 0.06)),
        Emu(int(height * 0.25)),
        Emu(int(width * 0.52)),
        Emu(int(height * 0.65)),
        data,
    )
    chart = frame.chart
    chart.has_legend = False
    chart.has_title = True
    chart.chart_title.text_frame.text = clean(content.chart_title or "")
    plot = chart.plots[0]
    plot.has_data_labels = True
    series = plot.series[0]
    series.format.fill.solid()
    # The theme's colour in the codebook, else the partnership's.
    series.format.fill.fore_color.rgb = _rgb(safe_colour(content.chart_colour or brand_colour))
    axis = chart.value_axis
    axis.minimum_scale = 0
    axis.major_unit = max(1, max(content.chart_values or [1]) // 5)  # whole reviews only
    axis.tick_labels.number_format = "0"
    axis.tick_labels.number_format_is_linked = False


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())  # type: ignore[no-untyped-call]


def _behind(slide: Any, shape: Any) -> None:
    """Move a shape behind the placeholders (a background band under the title)."""
    tree = slide.shapes._spTree
    tree.remove(shape._element)
    tree.insert(2, shape._element)


def _brand(slide: Any, deck: Deck, presentation: Any, number: int, title_slide: bool) -> None:
    """The partnership's colour, logo and footer on a slide."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Emu, Pt

    brand = safe_colour(deck.brand_colour)
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    title = slide.shapes.title
    if title_slide:
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Emu(int(width * 0.03)), height)
        ink = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    else:
        band_height = int(title.top + title.height + height * 0.01) if title is not None else 0
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, width, Emu(band_height))
        ink = text_on(brand)
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(brand)
    band.line.fill.background()
    _behind(slide, band)
    if title is not None:
        for paragraph in title.text_frame.paragraphs:
            paragraph.font.color.rgb = _rgb(ink)
            paragraph.font.bold = True
    if deck.logo is not None and deck.logo.is_file():
        try:
            logo_height = Emu(int(height * (0.12 if title_slide else 0.1)))
            picture = slide.shapes.add_picture(
                str(deck.logo), 0, Emu(int(height * 0.02)), height=logo_height
            )
            picture.left = Emu(width - int(picture.width) - int(width * 0.02))
        except (OSError, ValueError):
            pass  # an unreadable logo is left out rather than failing the deck
    footer = slide.shapes.add_textbox(
        Emu(int(width * 0.05)),
        Emu(int(height * 0.93)),
        Emu(int(width * 0.9)),
        Emu(int(height * 0.05)),
    )
    paragraph = footer.text_frame.paragraphs[0]
    paragraph.text = clean(f"{deck.footer or deck.partnership}   |   {number}")
    paragraph.font.size = Pt(11)
    paragraph.font.color.rgb = _rgb("#555555")


def _add_timeline(slide: Any, content: Slide, presentation: Any, brand: str) -> None:
    """The review's events on a line, dates and labels alternating above and below it."""
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Emu, Pt

    width, height = int(presentation.slide_width), int(presentation.slide_height)
    events = content.timeline[:7]
    left, right, y = int(width * 0.05), int(width * 0.95), int(height * 0.72)
    line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, left, y, right, y)
    line.line.color.rgb = _rgb(brand)
    line.line.width = Pt(4)
    step = (right - left) // max(len(events), 1)
    dot = int(height * 0.03)
    for index, (when, what) in enumerate(events):
        x = left + step * index + step // 2
        marker = slide.shapes.add_shape(MSO_SHAPE.OVAL, x - dot // 2, y - dot // 2, dot, dot)
        marker.fill.solid()
        marker.fill.fore_color.rgb = _rgb(brand)
        marker.line.fill.background()
        top = y - int(height * 0.19) if index % 2 == 0 else y + int(height * 0.03)
        box = slide.shapes.add_textbox(
            Emu(x - step // 2 + 20000), Emu(top), Emu(step - 40000), Emu(int(height * 0.16))
        )
        box.text_frame.word_wrap = True
        first = box.text_frame.paragraphs[0]
        first.text = clean(when)
        first.font.bold = True
        first.font.size = Pt(16)
        first.alignment = PP_ALIGN.CENTER
        second = box.text_frame.add_paragraph()
        second.text = _shorten(what, 80)
        second.font.size = Pt(14)
        second.alignment = PP_ALIGN.CENTER


def _add_columns(slide: Any, content: Slide, presentation: Any, brand: str) -> None:
    """Side-by-side lists under brand-coloured headings, one text size for all of them."""
    from pptx.util import Emu, Pt

    width, height = int(presentation.slide_width), int(presentation.slide_height)
    count = len(content.columns)
    gap, left = 0.025, 0.05
    share = (1 - 2 * left - gap * (count - 1)) / count
    size = min(_body_size(points) for _, points in content.columns) - 4
    ink = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    for index, (heading, points) in enumerate(content.columns):
        shape = slide.shapes.add_textbox(
            Emu(int(width * (left + index * (share + gap)))),
            Emu(int(height * 0.24)),
            Emu(int(width * share)),
            Emu(int(height * 0.62)),
        )
        frame = shape.text_frame
        frame.word_wrap = True
        first = frame.paragraphs[0]
        first.text = clean(heading)
        first.font.bold = True
        first.font.size = Pt(size + 2)
        first.font.color.rgb = _rgb(ink)
        first.space_after = Pt(10)
        for point in points[:MAX_BULLETS]:
            paragraph = frame.add_paragraph()
            paragraph.text = "• " + _shorten(point, 120)
            paragraph.font.size = Pt(size)
            paragraph.space_after = Pt(6)


def _text_box(
    slide: Any, lines: list[str], box: tuple[float, float, float, float], presentation: Any
) -> None:
    from pptx.util import Emu, Pt

    width, height = int(presentation.slide_width), int(presentation.slide_height)
    x, y, w, h = box
    shape = slide.shapes.add_textbox(
        Emu(int(width * x)), Emu(int(height * y)), Emu(int(width * w)), Emu(int(height * h))
    )
    shape.text_frame.word_wrap = True
    for index, line in enumerate(lines[:MAX_BULLETS]):
        paragraph = (
            shape.text_frame.paragraphs[0] if index == 0 else shape.text_frame.add_paragraph()
        )
        paragraph.text = "• " + _shorten(line)
        paragraph.font.size = Pt(_body_size(lines))
        paragraph.space_after = Pt(8)


def write_slides_pptx(deck: Deck, path: Path, template: Path | None = None) -> Path:
    presentation = _open_template(template)
    brand = safe_colour(deck.brand_colour)
    title_slide = presentation.slides.add_slide(_layout(presentation, "Title Slide", 0))
    _set_title(title_slide, deck.title, presentation, 40)
    subtitle = _content_placeholder(title_slide)
    if subtitle is not None:
        subtitle.text = clean(f"{deck.subtitle}\n{deck.partnership}")
    title_slide.notes_slide.notes_text_frame.text = clean(deck.notes)
    _brand(title_slide, deck, presentation, 1, title_slide=True)

    for number, content in enumerate(deck.slides, start=2):
        if content.has_chart or content.has_timeline:
            slide = presentation.slides.add_slide(_layout(presentation, "Title Only", 5))
            _set_title(slide, content.title, presentation)
            if content.has_chart:
                _add_chart(slide, content, presentation, brand)
                if content.bullets:
                    _text_box(slide, content.bullets, (0.62, 0.28, 0.33, 0.6), presentation)
            else:
                _add_timeline(slide, content, presentation, brand)
                if content.bullets:
                    _text_box(slide, content.bullets, (0.05, 0.24, 0.9, 0.22), presentation)
        elif content.has_columns:
            slide = presentation.slides.add_slide(_layout(presentation, "Title Only", 5))
            _set_title(slide, content.title, presentation)
            _add_columns(slide, content, presentation, brand)
        else:
            slide = presentation.slides.add_slide(_layout(presentation, "Title and Content", 1))
            _set_title(slide, content.title, presentation)
            body = _content_placeholder(slide)
            lines = content.bullets + [f"“{_shorten(q, 160)}”" for q in content.quotes]
            if body is not None:
                _fill_body(body, lines)
        slide.notes_slide.notes_text_frame.text = clean(content.notes)
        _brand(slide, deck, presentation, number, title_slide=False)

    presentation.core_properties.title = property_text(deck.title)
    presentation.core_properties.author = property_text(deck.partnership)
    presentation.core_properties.language = "en-GB"
    partial = path.with_name(f".{path.name}.partial")
    try:
        presentation.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _open_template(template: Path | None) -> Any:
    from pptx import Presentation

    return Presentation(str(template or resource(DEFAULT_TEMPLATE)))
