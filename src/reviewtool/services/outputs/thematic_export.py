"""Writing a thematic review's outputs, after the publication check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reviewtool.domain.errors import InvalidInput
from reviewtool.reports.annual_practice_model import PracticeFigures
from reviewtool.reports.thematic_model import OVERDUE_SHOWN, ThematicModel
from reviewtool.services.bulk_work import without_gc_pauses
from reviewtool.services.outputs.thematic import ThematicRequest, thematic_model
from reviewtool.services.store import Store


@dataclass(frozen=True)
class ThematicOutputs:
    pdf: Path | None = None
    html: Path | None = None
    xlsx: Path | None = None
    docx: Path | None = None
    """The chapter for the annual report."""
    summary_docx: Path | None = None
    """The whole summary as an editable Word document (the PDF's twin)."""

    def paths(self) -> list[Path]:
        return [
            p
            for p in (self.pdf, self.html, self.xlsx, self.docx, self.summary_docx)
            if p is not None
        ]


def thematic_parts(model: ThematicModel, action_tracker: bool = True) -> list[tuple[str, str]]:
    """Every text the summary's outputs (PDF, HTML, spreadsheet, Word) carry, for the
    publication check; the whole action tracker only when it is written (the spreadsheet),
    otherwise the overdue actions shown."""
    parts = [("title", text) for text in (model.partnership, model.title, model.period)]
    parts += [("findings", text) for text in model.findings]
    for story in model.board.narratives:
        parts += [(f"evidence of {e.reference}", e.note) for e in story.evidence]
    parts += [("method", text) for text in model.method]
    parts += _table_parts(model)
    for row in model.appendix:
        # Separate parts: the theme labels recur from review to review and are checked once.
        parts += [("appendix", row.reference), ("appendix", row.title)]
        parts += [("appendix", theme) for theme in row.themes]
    if not action_tracker:
        for overdue in model.overdue[:OVERDUE_SHOWN]:
            where = f"overdue action of {overdue.reference}"
            parts += [(where, overdue.text), (where, overdue.owner)]
        return parts
    for line in model.actions:
        where = f"action of {line.reference}"
        # Each field its own part: a recommendation repeated beside each action is then one
        # text, checked once.
        parts += [
            (where, text)
            for text in (line.recommendation, line.text, line.owner, line.assurance, line.impact)
            if text
        ]
    return parts


def _table_parts(model: ThematicModel) -> list[tuple[str, str]]:
    """The labels of every table and chart: an ethnicity, a code's label or a group's name
    is typed by someone, and is published like the rest."""
    parts = [("kind of review", count.label) for count in model.cohort]
    for title, counts in model.characteristics.items():
        parts += [(title, title)] + [(title, count.label) for count in counts]
    for group, rows in [
        *model.factor_groups.items(),
        ("recurring themes", model.recurring),
        ("repeat themes", model.repeat),
    ]:
        parts += [(group, group)] + [(group, row.label) for row in rows]
    parts += [
        ("themes found together", label) for p in model.pairs for label in (p.first, p.second)
    ]
    parts += [("national figures", n.label) for n in model.national]
    parts += [("spreadsheet codebook", label) for _, label, group in model.codebook]
    parts += [("spreadsheet codebook", group) for _, _, group in model.codebook]
    parts += [(f"case {row.reference}", row.reference) for row in model.matrix]
    return parts


def export_thematic(
    store: Store,
    request: ThematicRequest,
    outputs: ThematicOutputs,
    today: date | None = None,
    override_reason: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ThematicModel:
    """Analyse, check for identifying details, then write each output asked for.
    ``progress(done, total)`` is told as the analysis and the check end (total 3: writing
    is the last step); it may raise to stop the work there, before any file is written."""
    if not outputs.paths():
        raise InvalidInput(
            "say where to write the summary (--out FILE.pdf, --html, --xlsx, --docx)"
        )
    for path, suffixes in (
        (outputs.pdf, (".pdf",)),
        (outputs.html, (".html", ".htm")),
        (outputs.xlsx, (".xlsx",)),
        (outputs.docx, (".docx",)),
        (outputs.summary_docx, (".docx",)),
    ):
        if path is None:
            continue
        if path.suffix.lower() not in suffixes:
            raise InvalidInput(f"{path.name} should end in {' or '.join(suffixes)}")
        if not path.resolve().parent.is_dir():
            raise InvalidInput(f"{path.parent}: no such folder")
    with without_gc_pauses():
        return _analyse_check_write(
            store, request, outputs, today, override_reason, progress or _no_progress
        )


def _no_progress(done: int, total: int) -> None:
    pass


def _analyse_check_write(
    store: Store,
    request: ThematicRequest,
    outputs: ThematicOutputs,
    today: date | None,
    override_reason: str | None,
    progress: Callable[[int, int], None],
) -> ThematicModel:
    from reviewtool.services.outputs.publication import guard, identifiers_of
    from reviewtool.services.workflow.annual_figures import annual_practice_figures

    steps = 3
    progress(0, steps)
    tracker = outputs.xlsx is not None
    model = thematic_model(store, request, today, action_tracker=tracker)
    progress(1, steps)
    if request.for_publication:
        from reviewtool.services.outputs.disclosure import suppress_small_numbers
        from reviewtool.services.settings import load_settings

        model = suppress_small_numbers(model, load_settings(store).small_number_threshold)
    practice = (
        annual_practice_figures(store, request.date_from, request.date_to, today or date.today())
        if outputs.docx and not request.for_publication
        else None
    )
    if outputs.docx and request.for_publication:
        # Timeliness and dissemination figures are counts of a handful of cases: the
        # annual chapter's version for publication leaves them out rather than print them.
        model = replace(
            model,
            method=[
                *model.method,
                "The timeliness, decision and dissemination figures of the annual report "
                "chapter are left out of this version for publication (they are small "
                "numbers); the internal version carries them.",
            ],
        )
    guard(
        store,
        f"The thematic summary for {model.period}",
        thematic_parts(model, action_tracker=tracker) + list(practice.texts() if practice else []),
        identifiers_of(store, None),
        override_reason,
    )
    progress(2, steps)
    _write(model, request, outputs, practice)
    return model


def _write(
    model: ThematicModel,
    request: ThematicRequest,
    outputs: ThematicOutputs,
    practice: PracticeFigures | None,
) -> None:
    if outputs.pdf and request.for_publication:
        # For publication: a tagged PDF/UA-1 document from the accessible HTML twin.
        from reviewtool.reports.tagged_pdf import write_tagged_pdf
        from reviewtool.reports.thematic_html import thematic_html

        write_tagged_pdf(thematic_html(model), outputs.pdf)
    elif outputs.pdf:
        from reviewtool.reports.thematic_pdf import write_thematic_pdf

        write_thematic_pdf(model, outputs.pdf)
    if outputs.html:
        from reviewtool.reports.thematic_html import write_thematic_html

        write_thematic_html(model, outputs.html)
    if outputs.xlsx:
        from reviewtool.reports.thematic_xlsx import write_thematic_xlsx

        write_thematic_xlsx(model, outputs.xlsx)
    if outputs.docx:
        from reviewtool.reports.annual_docx import write_annual_chapter_docx

        write_annual_chapter_docx(model, outputs.docx)
        if practice is not None:
            from reviewtool.reports.annual_practice_docx import append_practice_chapter

            append_practice_chapter(practice, outputs.docx, model.brand_colour)
    if outputs.summary_docx:
        from reviewtool.reports.thematic_docx import write_thematic_docx

        write_thematic_docx(model, outputs.summary_docx)
