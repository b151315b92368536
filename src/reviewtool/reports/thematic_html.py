"""The accessible HTML twin of the thematic summary: real headings, header cells, text charts."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reviewtool.bundle.write import write_text_atomically
from reviewtool.reports.colours import contrast_ratio, safe_colour
from reviewtool.reports.text import clean
from reviewtool.reports.thematic_model import OVERDUE_SHOWN, Count, FactorRow, ThematicModel


def _e(text: object) -> str:
    return escape(clean(str(text)))


def _table(caption: str, header: list[str], rows: list[list[object]]) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{_e(row[0])}</th>'
        + "".join(f"<td>{_e(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _counts(caption: str, counts: list[Count]) -> str:
    return _table(
        caption, [caption, "Number", "Share"], [[c.label, c.number, c.percent] for c in counts]
    )


def _factor_table(caption: str, rows: list[FactorRow]) -> str:
    header = ["Factor", "Reviews", "Share", "Present", "Learning", "Good practice"]
    with_change = any(r.previous is not None for r in rows)
    if with_change:
        header.append("Change")
    return _table(
        caption,
        header,
        [
            [
                r.display_label,
                r.show("reviews"),
                r.percent,
                r.show("present"),
                r.show("learning"),
                r.show("good_practice"),
                *([r.change] if with_change else []),
            ]
            for r in rows
        ],
    )


def _bar_chart(title: str, rows: list[FactorRow], colour: str) -> str:
    """A bar chart drawn with HTML, with its text alternative (the same figures in words)."""
    # A bar would show a suppressed small number: those rows are in the table only.
    shown = [r for r in rows if "reviews" not in r.suppressed][:12]
    if not shown:
        return ""
    top = max(r.reviews for r in shown)
    description = "; ".join(f"{r.label}: {r.reviews} of {r.total} reviews" for r in shown)
    bars = "".join(
        f'<div class="bar-row"><span class="bar-label">{_e(r.display_label)}</span>'
        f'<span class="bar" style="width:{max(2, round(60 * r.reviews / top))}%;'
        f'background:{safe_colour(r.colour or colour)}"></span> {r.reviews}</div>'
        for r in shown
    )
    return (
        f'<figure role="img" aria-label="{_e(title)}: {_e(description)}">{bars}'
        f"<figcaption>{_e(title)}: reviews featuring each of the {len(shown)} most frequent "
        f"factors. In words: {_e(description)}.</figcaption></figure>"
    )


def thematic_html(model: ThematicModel) -> str:
    brand = safe_colour(model.brand_colour)
    heading = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    parts = [
        f"<p><strong>{_e(model.marking)}</strong></p>",
        f"<h1>{_e(model.title)}</h1>",
        f"<p>{_e(model.partnership)}. Reviews from {_e(model.period)}; prepared "
        f"{model.generated:%d %B %Y}.</p>",
        '<nav aria-label="Contents"><h2>Contents</h2><ol>'
        + "".join(
            f'<li><a href="#s{i}">{_e(t)}</a></li>'
            for i, t in enumerate(
                [
                    "Key findings",
                    "How the reviews were analysed",
                    "The reviews and the children",
                    *model.factor_groups,
                    "Recurring and repeat themes",
                    "Themes found together",
                    "Comparison with national figures",
                    "Recommendations and actions",
                    "Appendix: the reviews",
                ]
            )
        )
        + "</ol></nav>",
    ]
    section = 0

    def h2(title: str) -> str:
        nonlocal section
        text = f'<h2 id="s{section}">{_e(title)}</h2>'
        section += 1
        return text

    parts.append(
        h2("Key findings") + "<ul>" + "".join(f"<li>{_e(f)}</li>" for f in model.findings) + "</ul>"
    )
    parts.append(
        h2("How the reviews were analysed") + "".join(f"<p>{_e(m)}</p>" for m in model.method)
    )
    parts.append(
        h2("The reviews and the children")
        + f"<p>{model.reviews} reviews about {model.children} children.</p>"
        + (_counts("Kind of review", model.cohort) if model.cohort else "")
        + "".join(
            _counts(title, counts) for title, counts in model.characteristics.items() if counts
        )
    )
    for group, rows in model.factor_groups.items():
        parts.append(
            h2(group)
            + (
                _bar_chart(group, rows, brand) + _factor_table(group, rows)
                if rows
                else "<p>None of the reviews was tagged with these factors.</p>"
            )
        )
    parts.append(
        h2("Recurring and repeat themes")
        + f"<p>{_e(model.method[3])}</p>"
        + (
            _factor_table("Recurring themes", model.recurring)
            if model.recurring
            else "<p>No theme met the test for a recurring theme.</p>"
        )
        + (
            f"<h3>Repeat themes (also recurring in {_e(model.comparison_period)})</h3><p>"
            + _e(", ".join(r.label for r in model.repeat) or "None.")
            + "</p>"
            if model.comparison_period
            else ""
        )
    )
    parts.append(
        h2("Themes found together")
        + f"<p>Trio of vulnerabilities: {model.trio.number} of {model.trio.total} reviews "
        f"({model.trio.percent}).</p>"
        + (
            _table(
                "Factors found together",
                ["Factor", "Found with", "Reviews"],
                [[p.first, p.second, p.number] for p in model.pairs],
            )
            if model.pairs
            else ""
        )
    )
    parts.append(
        h2("Comparison with national figures")
        + "<p>Each national figure is quoted with its source and year.</p>"
        + _table(
            "Local and national figures",
            ["Measure", "Here", "National", "Source and year"],
            [
                [
                    n.label,
                    f"{n.local.number} of {n.local.total} {n.local.label} ({n.local.percent})",
                    n.national,
                    f"{n.source}, {n.year}",
                ]
                for n in model.national
            ],
        )
    )
    parts.append(
        h2("Recommendations and actions")
        + f"<p>{model.recommendations} recommendations.</p>"
        + _counts("RAG status", model.actions_by_rag)
        + (
            _table(
                f"Overdue actions (the {min(len(model.overdue), OVERDUE_SHOWN)} longest overdue "
                f"of {len(model.overdue)}; the spreadsheet lists them all)"
                if len(model.overdue) > OVERDUE_SHOWN
                else "Overdue actions",
                ["Review", "Owner", "Due", "Action"],
                [
                    [o.reference, o.owner, o.due.strftime("%d/%m/%Y") if o.due else "", o.text]
                    for o in model.overdue[:OVERDUE_SHOWN]
                ],
            )
            if model.overdue
            else ""
        )
    )
    parts.append(
        h2("Appendix: the reviews")
        + _table(
            "Every review in the period",
            ["Reference", "Title", "Kind", "Notified", "Published", "Themes"],
            [
                [
                    a.reference,
                    a.title,
                    a.kind,
                    a.notified.strftime("%d/%m/%Y") if a.notified else "",
                    a.published.strftime("%d/%m/%Y") if a.published else "",
                    ", ".join(a.themes),
                ]
                for a in model.appendix
            ],
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(model.title)} - {_e(model.period)}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 60rem; margin: 0 auto;
       padding: 1rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }}
h1, h2, h3 {{ color: {heading}; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.2rem; width: 100%; }}
caption {{ text-align: left; font-weight: bold; }}
th, td {{ border: 1px solid #999999; padding: 0.25rem 0.5rem; vertical-align: top; }}
thead th {{ background: #eeeeee; }}
.bar-row {{ display: flex; align-items: center; gap: 0.4rem; }}
.bar-label {{ width: 16rem; }}
.bar {{ display: inline-block; height: 0.9rem; }}
</style>
</head>
<body>
<main>
{"".join(parts)}
</main>
</body>
</html>
"""


def write_thematic_html(model: ThematicModel, path: Path) -> Path:
    write_text_atomically(path, thematic_html(model))
    return path
