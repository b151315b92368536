"""The action tracker as accessible HTML: a section per review, a table per owner."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from reviewtool.bundle.write import write_text_atomically
from reviewtool.reports.colours import contrast_ratio, safe_colour
from reviewtool.reports.text import clean, html_text
from reviewtool.reports.tracker_model import RAG_FILLS, TrackerAction, TrackerModel

COLUMNS = [
    "Recommendation",
    "Action",
    "Due",
    "Status",
    "RAG",
    "Completed",
    "Assurance (evidence it was done)",
    "Impact (evidence practice changed)",
]


def _e(text: object) -> str:
    return escape(clean(str(text)))


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _row(action: TrackerAction) -> str:
    fill = RAG_FILLS.get(action.rag, "#ffffff")
    source = f" (set in rapid review {_e(action.from_review)})" if action.from_review else ""
    cells = [
        html_text(action.recommendation),
        html_text(action.text) + source,
        _day(action.due),
        _e(action.status),
        f'<td style="background:{fill}"><strong>{_e(action.rag_word)}</strong> '
        f"({_e(action.rag_meaning)})</td>",
        _day(action.completed),
        html_text(action.assurance),
        html_text(action.impact),
    ]
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


def tracker_html(model: TrackerModel) -> str:
    brand = safe_colour(model.brand_colour)
    heading = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in COLUMNS)
    parts = [
        f"<p><strong>{_e(model.marking)}</strong></p>",
        f"<h1>{_e(model.title)}</h1>",
        f"<p>{_e(model.partnership)}. As at {model.generated:%d %B %Y}. {_e(model.selection)}</p>",
        "<table><caption>Actions by RAG status</caption><thead><tr>"
        '<th scope="col">RAG status</th><th scope="col">Actions</th></tr></thead><tbody>'
        + "".join(
            f'<tr><th scope="row" style="background:{RAG_FILLS.get(key, "#ffffff")}">'
            f"{_e(label)}</th><td>{count}</td></tr>"
            for key, label, count in model.rag_counts
        )
        + f"</tbody></table><p>{_e(model.counting)}</p>",
    ]
    if not model.reviews:
        parts.append("<p>No actions match.</p>")
    for review in model.reviews:
        parts.append(f"<h2>{_e(review.reference)}: {_e(review.title)}</h2>")
        for owner in review.owners:
            parts.append(
                f"<table><caption>{_e(owner.owner)} ({len(owner.actions)} "
                f"action{'s' if len(owner.actions) != 1 else ''})</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>"
                + "".join(_row(action) for action in owner.actions)
                + "</tbody></table>"
            )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(model.title)} - {model.generated:%d %B %Y}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 80rem; margin: 0 auto;
       padding: 1rem; line-height: 1.45; color: #1a1a1a; background: #ffffff; }}
h1, h2 {{ color: {heading}; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.2rem; width: 100%; }}
caption {{ text-align: left; font-weight: bold; }}
th, td {{ border: 1px solid #999999; padding: 0.25rem 0.5rem; vertical-align: top; }}
thead th {{ background: #eeeeee; }}
</style>
</head>
<body>
<main>
{"".join(parts)}
</main>
</body>
</html>
"""


def write_tracker_html(model: TrackerModel, path: Path) -> Path:
    write_text_atomically(path, tracker_html(model))
    return path
