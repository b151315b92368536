"""The integrated chronology of a review: every agency's entries merged in date order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.domain.chronology import ChronologyLine, merge_chronology
from reviewtool.domain.errors import InvalidInput
from reviewtool.reports.chronology_model import ChronologyModel
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store
from reviewtool.services.workflow.editing import load_workflow


def chronology_lines(record: WorkflowRecord) -> list[ChronologyLine]:
    return [
        ChronologyLine(
            entry.id,
            request.agency,
            entry.date,
            entry.time,
            entry.what_happened,
            entry.source,
            entry.analysis,
        )
        for request in record.agency_requests
        for entry in request.chronology
    ]


def integrated_chronology(
    record: WorkflowRecord,
    agencies: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> list[ChronologyLine]:
    if start and end and end < start:
        raise InvalidInput(f"the period ends ({end}) before it starts ({start})")
    lines = chronology_lines(record)
    chosen = _match_agencies(lines, agencies) if agencies else None
    return merge_chronology(lines, chosen, start, end)


def _match_agencies(lines: list[ChronologyLine], agencies: Sequence[str]) -> set[str]:
    """The agencies named (case and spacing ignored); an unknown name is an error."""
    known = {" ".join(line.agency.split()).casefold(): line.agency for line in lines}
    chosen = set()
    for name in agencies:
        key = " ".join(name.split()).casefold()
        if key not in known:
            listed = ", ".join(sorted(set(known.values()))) or "none yet"
            raise InvalidInput(
                f"--agency: no chronology entries from {name!r} (agencies: {listed})"
            )
        chosen.add(known[key])
    return chosen


def chronology_model(
    store: Store,
    ref_or_id: str,
    agencies: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> ChronologyModel:
    loaded = load_workflow(store, ref_or_id)
    lines = integrated_chronology(loaded.record, agencies, start, end)
    shown = (
        sorted({line.agency for line in lines})
        if agencies
        else sorted({r.agency for r in loaded.record.agency_requests if r.chronology})
    )
    settings = load_settings(store)
    return ChronologyModel(
        settings.partnership,
        loaded.review.reference,
        loaded.review.title,
        lines,
        shown,
        start,
        end,
        bool(agencies or start or end),
        settings.brand_colour,
        Path(settings.logo_path) if settings.logo_path else None,
    )


def export_chronology(
    store: Store,
    ref_or_id: str,
    path: Path,
    agencies: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> ChronologyModel:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise InvalidInput(f"--out: {path.name} must end in .xlsx or .docx")
    model = chronology_model(store, ref_or_id, agencies, start, end)
    if suffix == ".xlsx":
        from reviewtool.reports.chronology_xlsx import write_chronology_xlsx

        write_chronology_xlsx(model, path)
    else:
        from reviewtool.reports.chronology_docx import write_chronology_docx

        write_chronology_docx(model, path)
    return model
