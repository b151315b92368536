"""Learning slides as PowerPoint (16:9) from a template trainers can replace with their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.paths import resource
from reviewtool.reports.colours import safe_colour
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


def _fill_body(placeholder: Any, lines: list[str]) -> None:
    frame = placeholder.text_frame
    frame.clear()
    frame.word_wrap = True
    shown = lines[:MAX_BULLETS]
    for index, line in enumerate(shown or [""]):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = _shorten(line)
    if len(lines) > MAX_BULLETS:
        frame.add_paragraph().text = f"… and {len(lines) - MAX_BULLETS} more (see the notes)"


def _set_title(slide: Any, text: str, size: int = 32) -> None:
    from pptx.util import Pt

    slide.shapes.title.text = clean(text)
    for paragraph in slide.shapes.title.text_frame.paragraphs:
        paragraph.font.size = Pt(size)


def _content_placeholder(slide: Any) -> Any | None:
    for placeholder in slide.placeholders:
        if placeholder.placeholder_format.idx != 0:
            return placeholder
    return None


def _add_chart(slide: Any, content: Slide, presentation: Any) -> None:
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
    if content.chart_colour:  # the theme's colour in the codebook
        from pptx.dml.color import RGBColor

        fill = plot.series[0].format.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(  # type: ignore[no-untyped-call]
            safe_colour(content.chart_colour).lstrip("#")
        )
    axis = chart.value_axis
    axis.minimum_scale = 0
    axis.major_unit = max(1, max(content.chart_values or [1]) // 5)  # whole reviews only
    axis.tick_labels.number_format = "0"
    axis.tick_labels.number_format_is_linked = False


def write_slides_pptx(deck: Deck, path: Path, template: Path | None = None) -> Path:
    from pptx import Presentation
    from pptx.util import Emu, Pt

    presentation = Presentation(str(template or resource(DEFAULT_TEMPLATE)))
    title_slide = presentation.slides.add_slide(_layout(presentation, "Title Slide", 0))
    _set_title(title_slide, deck.title, 40)
    subtitle = _content_placeholder(title_slide)
    if subtitle is not None:
        subtitle.text = clean(f"{deck.subtitle}\n{deck.partnership}")
    title_slide.notes_slide.notes_text_frame.text = clean(deck.notes)

    for content in deck.slides:
        if content.has_chart:
            slide = presentation.slides.add_slide(_layout(presentation, "Title Only", 5))
            _set_title(slide, content.title)
            _add_chart(slide, content, presentation)
            if content.bullets:
                width = int(presentation.slide_width or 0)
                height = int(presentation.slide_height or 0)
                box = slide.shapes.add_textbox(
                    Emu(int(width * 0.62)),
                    Emu(int(height * 0.28)),
                    Emu(int(width * 0.33)),
                    Emu(int(height * 0.6)),
                )
                box.text_frame.word_wrap = True
                for index, line in enumerate(content.bullets[:MAX_BULLETS]):
                    paragraph = (
                        box.text_frame.paragraphs[0]
                        if index == 0
                        else box.text_frame.add_paragraph()
                    )
                    paragraph.text = _shorten(line)
                    paragraph.font.size = Pt(18)
        else:
            slide = presentation.slides.add_slide(_layout(presentation, "Title and Content", 1))
            _set_title(slide, content.title)
            body = _content_placeholder(slide)
            lines = content.bullets + [f"“{_shorten(q, 160)}”" for q in content.quotes]
            if body is not None:
                _fill_body(body, lines)
        slide.notes_slide.notes_text_frame.text = clean(content.notes)

    presentation.core_properties.title = property_text(deck.title)
    presentation.core_properties.author = property_text(deck.partnership)
    partial = path.with_name(f".{path.name}.partial")
    try:
        presentation.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
