"""A review's public summary as accessible HTML (the alternative to the PDF)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reviewtool.bundle.write import write_text_atomically
from reviewtool.reports.colours import contrast_ratio, safe_colour
from reviewtool.reports.review_summary_model import ReviewSummaryModel
from reviewtool.reports.text import clean, html_text


def _e(text: object) -> str:
    return escape(clean(str(text)))


def review_summary_html(model: ReviewSummaryModel) -> str:
    brand = safe_colour(model.brand_colour)
    heading = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    parts = [
        f"<h1>{_e(model.title)}</h1>",
        f"<p>{_e(model.kind)} ({_e(model.reference)}). {_e(model.when)}. "
        f"{_e(model.partnership)}.</p>",
    ]
    for section in model.sections:
        parts.append(f"<h2>{_e(section.heading)}</h2>")
        if section.paragraphs:
            parts += [f"<p>{html_text(text)}</p>" for text in section.paragraphs]
        elif section.items:
            parts.append(
                "<ul>" + "".join(f"<li>{html_text(i)}</li>" for i in section.items) + "</ul>"
            )
        else:
            parts.append(f"<p>{_e(section.empty)}</p>")
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(model.title)}: review summary</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 48rem; margin: 0 auto;
       padding: 1rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }}
h1, h2 {{ color: {heading}; }}
h2 {{ font-size: 1.15rem; margin-bottom: 0.2rem; }}
</style>
</head>
<body>
<main>
{"".join(parts)}
</main>
</body>
</html>
"""


def write_review_summary_html(model: ReviewSummaryModel, path: Path) -> Path:
    write_text_atomically(path, review_summary_html(model))
    return path
