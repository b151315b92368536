"""The learning slides as accessible HTML: one section per slide, charts as tables, timelines
as ordered lists; printed (and rendered to tagged PDF) one 16:9 page per slide."""

from __future__ import annotations

from html import escape

from reviewtool.reports.colours import contrast_ratio, safe_colour, text_on
from reviewtool.reports.slides_model import Deck, Slide
from reviewtool.reports.text import clean


def _e(text: object) -> str:
    return escape(clean(str(text)))


DENSE_COLUMN = 220
"""Characters in a column above which the tagged deck sets the columns in smaller type."""


def _slide(number: int, slide: Slide) -> str:
    parts = [f'<section class="slide" aria-labelledby="slide{number}">']
    parts.append(f'<h2 id="slide{number}">{_e(slide.title)}</h2>')
    if slide.has_chart:
        rows = "".join(
            f'<tr><th scope="row">{_e(category)}</th><td>{value}</td></tr>'
            for category, value in zip(slide.chart_categories, slide.chart_values, strict=False)
        )
        parts.append(
            f"<table><caption>{_e(slide.chart_title or 'Figures')}</caption>"
            f'<thead><tr><th scope="col">Year</th><th scope="col">Reviews</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if slide.bullets:
        parts.append("<ul>" + "".join(f"<li>{_e(line)}</li>" for line in slide.bullets) + "</ul>")
    if slide.quotes:
        parts.append(
            "".join(f"<blockquote><p>{_e(quote)}</p></blockquote>" for quote in slide.quotes)
        )
    if slide.has_columns:
        # A slide is one page: long columns are set smaller rather than run onto another.
        longest = max(len(heading) + sum(map(len, points)) for heading, points in slide.columns)
        parts.append(
            f'<div class="columns{" dense" if longest > DENSE_COLUMN else ""}">'
            + "".join(
                f"<div><h3>{_e(heading)}</h3><ul>"
                + "".join(f"<li>{_e(point)}</li>" for point in points)
                + "</ul></div>"
                for heading, points in slide.columns
            )
            + "</div>"
        )
    if slide.has_timeline:
        parts.append(
            '<ol class="timeline">'
            + "".join(
                f"<li><strong>{_e(when)}</strong> {_e(what)}</li>" for when, what in slide.timeline
            )
            + "</ol>"
        )
    parts.append("</section>")
    return "".join(parts)


def slides_html(deck: Deck) -> str:
    brand = safe_colour(deck.brand_colour)
    heading = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    slides = "".join(_slide(number, slide) for number, slide in enumerate(deck.slides, start=2))
    footer = deck.footer or deck.partnership
    # A long title (many words, or wide East Asian characters) in a smaller size, so the
    # title slide stays one slide.
    title_class = ' class="long"' if len(deck.title) > 80 else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(deck.title)}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 60rem; margin: 0 auto;
       padding: 1rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }}
h1, h2 {{ color: {heading}; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #999999; padding: 0.2rem 0.6rem; text-align: left; }}
caption {{ text-align: left; font-weight: bold; }}
blockquote {{ border-left: 0.4rem solid {brand}; margin: 0.5rem 0; padding-left: 0.8rem; }}
.timeline li {{ margin-bottom: 0.3rem; }}
.columns {{ display: flex; flex-wrap: wrap; gap: 1rem; }}
.columns > div {{ flex: 1 1 14rem; }}
h3 {{ color: {heading}; }}
@media print {{
  @page {{ size: 338.67mm 190.5mm; margin: 0 0 14mm 0;
    @bottom-left {{ content: element(deckfooter); margin-left: 12mm; }}
    @bottom-right {{ content: counter(page); margin-right: 12mm;
                     font: 9pt "DejaVu Sans", sans-serif; color: #555555; }} }}
  body {{ max-width: none; padding: 0; font-size: 20pt; }}
  .deck-footer {{ position: running(deckfooter); font-size: 9pt; color: #555555; margin: 0; }}
  header, .slide {{ break-after: page; }}
  header {{ padding: 40mm 30mm 0 30mm; border-left: 14mm solid {brand}; min-height: 100mm; }}
  header h1 {{ font-size: 34pt; line-height: 1.25; }}
  header h1.long {{ font-size: 24pt; }}
  .slide h2 {{ background: {brand}; color: {text_on(brand)}; margin: 0 0 8mm 0;
              padding: 8mm 12mm; font-size: 26pt; }}
  .slide > :not(h2) {{ margin-left: 14mm; margin-right: 14mm; }}
  /* Side by side on one slide: a table's cells stay on their page, where flex items
     would each be sent to a page of their own. 310mm is the slide less its margins. */
  .columns {{ display: table; table-layout: fixed; width: 310mm; }}
  .columns > div {{ display: table-cell; vertical-align: top; padding-right: 6mm;
                   font-size: 15pt; }}
  .columns h3 {{ font-size: 17pt; margin-top: 0; }}
  .columns ul {{ padding-left: 6mm; }}
  .columns.dense > div {{ font-size: 11.5pt; }}
  .columns.dense h3 {{ font-size: 13pt; }}
  .timeline {{ display: flex; gap: 6mm; list-style: none; padding: 0;
              border-top: 4px solid {brand}; padding-top: 4mm; }}
  .timeline li {{ flex: 1; font-size: 14pt; }}
}}
</style>
</head>
<body>
<main>
<header>
<p class="deck-footer">{_e(footer)}</p>
<h1{title_class}>{_e(deck.title)}</h1>
<p>{_e(deck.subtitle)}</p>
<p>{_e(deck.partnership)}</p>
</header>
{slides}
</main>
</body>
</html>
"""
