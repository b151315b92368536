"""The accessible HTML twin of a 7-minute briefing (one h1, the seven sections as h2)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reviewtool.bundle.write import write_text_atomically
from reviewtool.reports.briefing_model import BriefingModel
from reviewtool.reports.colours import contrast_ratio, safe_colour, text_on
from reviewtool.reports.text import clean, html_text, link_target, paragraphs, split_links


def briefing_html(model: BriefingModel) -> str:
    brand = safe_colour(model.brand_colour)
    # Headings are drawn in the brand colour only where it is readable on white (WCAG AA).
    heading_colour = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    status_class = "draft" if model.is_draft else "final"
    sections = []
    for section in model.numbered:
        blocks = paragraphs(section.body)
        if section.is_questions:
            items = [line for block in blocks for line in block.split("\n") if line.strip()]
            body = (
                "<ul class='questions'>"
                + "".join(f"<li>{html_text(item)}</li>" for item in items)
                + "</ul>"
            )
        else:
            body = "".join(f"<p>{html_text(block)}</p>" for block in blocks)
        sections.append(
            f"<section aria-labelledby='s{section.number}'>"
            f"<h2 id='s{section.number}'><span class='number'>{section.number}</span> "
            f"{escape(clean(section.heading))}</h2>{body}</section>"
        )
    for extra in model.further:
        sections.append(
            f"<section aria-labelledby='x-{extra.key}' class='further'>"
            f"<h2 id='x-{extra.key}'>{escape(extra.heading)}</h2>"
            + "".join(f"<p>{_linked(line)}</p>" for line in extra.lines)
            + "</section>"
        )
    marking = "" if model.status == "published" else "<p class='marking'>OFFICIAL-SENSITIVE</p>"
    return f"""<!DOCTYPE html>
<html lang="{escape(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(clean(model.title))} - 7-minute briefing</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 48rem; margin: 0 auto;
       padding: 1rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }}
.banner {{ background-color: {brand}; color: {text_on(brand)}; padding: 1rem; }}
.banner p {{ margin: 0.2rem 0; }}
h1 {{ color: {heading_colour}; font-size: 1.6rem; }}
h2 {{ color: {heading_colour}; font-size: 1.2rem; border-bottom: 2px solid {brand}; }}
.number {{ display: inline-block; min-width: 1.6rem; text-align: center; background: {brand};
          color: {text_on(brand)}; border-radius: 50%; }}
.questions li {{ font-weight: bold; margin-bottom: 0.4rem; }}
.status {{ padding: 0.4rem 0.6rem; border: 2px solid #1a1a1a; }}
.draft {{ border-color: #b00020; color: #b00020; font-weight: bold; }}
.marking {{ font-weight: bold; }}
footer {{ margin-top: 2rem; font-size: 0.9rem; color: #333333; }}
@media print {{
  @page {{ size: A4; margin: 12mm 14mm 18mm 14mm;
    @bottom-left {{ content: string(status); font: 8pt "DejaVu Sans", sans-serif; }}
    @bottom-right {{ content: "Page " counter(page) " of " counter(pages);
                     font: 8pt "DejaVu Sans", sans-serif; }} }}
  body {{ max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.35; }}
  .banner {{ min-height: 24mm; position: relative; padding: 4mm 40mm 4mm 4mm; }}
  .roundel {{ position: absolute; right: 5mm; top: 2mm; width: 26mm; height: 26mm;
             border-radius: 50%; background: #ffffff; color: {brand}; text-align: center;
             font-weight: bold; font-size: 6.5pt; text-transform: uppercase;
             line-height: 1.1; }}
  .seven {{ display: block; font-size: 24pt; line-height: 1; padding-top: 3mm; }}
  main {{ columns: 2; column-gap: 6mm; }}
  main > h1, main > p {{ column-span: all; }}
  h2 {{ font-size: 12pt; break-after: avoid; margin: 0.6rem 0 0.3rem; }}
  p, li {{ orphans: 2; widows: 2; }}
  footer {{ string-set: status content(); font-size: 8pt; }}
}}
</style>
</head>
<body>
<div role="banner" class="banner" style="background-color: {brand}; color: {text_on(brand)}">
<p><strong>{escape(clean(model.partnership))}</strong></p>
{marking}
<p class="roundel"><span class="seven">7</span>-minute briefing</p>
</div>
<main>
<h1>{escape(clean(model.title))}</h1>
<p>{escape(clean(model.subtitle))}</p>
<p class="status {status_class}">{escape(model.status_text)}</p>
{"".join(sections)}
</main>
<footer>
<p>7-minute briefing - {escape(model.status_text)} - version {model.version} -
{model.dated:%d/%m/%Y}</p>
</footer>
</body>
</html>
"""


def _linked(text: str) -> str:
    return "".join(
        f'<a href="{escape(link_target(piece))}">{escape(piece)}</a>'
        if is_link
        else html_text(piece)
        for piece, is_link in split_links(clean(text))
    )


def write_briefing_html(model: BriefingModel, path: Path) -> Path:
    write_text_atomically(path, briefing_html(model))
    return path
