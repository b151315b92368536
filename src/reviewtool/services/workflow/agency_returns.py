"""Requests to agencies for their contribution to a rapid review, and their returns.

Agencies work offline: each gets a workbook to fill in (``write_agency_request``) and the
business unit imports it when it comes back (``import_return``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewtool.bundle.workflow_schema import DEFAULT_DUE_WORKING_DAYS, AgencyRequestRecord
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.workflow import agency_return_due
from reviewtool.reports.agency_return_xlsx import (
    ReturnTemplate,
    TemplateEntry,
    TemplateEpisode,
    write_return_template,
)
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store
from reviewtool.services.workflow.editing import LoadedWorkflow, load_workflow, save_workflow
from reviewtool.services.workflow.return_file import read_return_file


def find_request(loaded: LoadedWorkflow, agency: str) -> AgencyRequestRecord | None:
    wanted = " ".join(agency.split()).casefold()
    return next(
        (
            r
            for r in loaded.record.agency_requests
            if " ".join(r.agency.split()).casefold() == wanted
        ),
        None,
    )


def add_request(
    store: Store,
    ref_or_id: str,
    agency: str,
    today: date,
    contact: str | None = None,
    due_working_days: int = DEFAULT_DUE_WORKING_DAYS,
) -> tuple[LoadedWorkflow, AgencyRequestRecord]:
    """The review's request to ``agency``: the one already recorded, or a new one sent today."""
    if not agency.strip():
        raise InvalidInput("--agency: name the agency")
    loaded = load_workflow(store, ref_or_id)
    existing = find_request(loaded, agency)
    if existing is not None:
        return loaded, existing
    request = AgencyRequestRecord(
        id=str(uuid.uuid4()),
        agency=agency.strip(),
        contact=contact,
        sent=today,
        due_working_days=due_working_days,
    )
    record = loaded.record.model_copy(
        update={"agency_requests": [*loaded.record.agency_requests, request]}
    )
    saved = save_workflow(store, record, loaded.stored_at, today, action="agency-request")
    return saved, request


def template_for(
    store: Store, loaded: LoadedWorkflow, request: AgencyRequestRecord
) -> ReturnTemplate:
    return ReturnTemplate(
        partnership=load_settings(store).partnership,
        review_reference=loaded.review.reference,
        review_title=loaded.review.title,
        agency=request.agency,
        request_id=request.id,
        due=agency_return_due(request.sent, request.due_working_days) if request.sent else None,
        summary=request.summary,
        entries=[
            TemplateEntry(e.date, e.time, e.what_happened, e.source, e.analysis)
            for e in request.chronology
        ],
        episodes=[
            TemplateEpisode(k.title, k.description, k.analysis)
            for k in request.key_practice_episodes
        ],
    )


def write_agency_request(
    store: Store,
    ref_or_id: str,
    agency: str,
    path: Path,
    today: date | None = None,
    contact: str | None = None,
    due_working_days: int = DEFAULT_DUE_WORKING_DAYS,
) -> Path:
    """Record the request (if new) and write the agency's return template."""
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput(f"--out: {path.name} must end in .xlsx")
    loaded, request = add_request(
        store, ref_or_id, agency, today or date.today(), contact, due_working_days
    )
    return write_return_template(template_for(store, loaded, request), path)


@dataclass(frozen=True)
class ImportedReturn:
    agency: str
    entries: int
    episodes: int
    replaced: bool
    """True when an earlier return from this agency was replaced."""


def import_return(
    store: Store, ref_or_id: str, path: Path, today: date | None = None
) -> ImportedReturn:
    """Read a filled return and store it against its request; on any problem change nothing."""
    today = today or date.today()
    parsed = read_return_file(path, today)
    loaded = load_workflow(store, ref_or_id)
    request = next(
        (r for r in loaded.record.agency_requests if r.id == parsed.request_id), None
    ) or (find_request(loaded, parsed.agency) if parsed.agency else None)
    if request is None:
        named = f" from {parsed.agency}" if parsed.agency else ""
        raise InvalidInput(
            f"{path}: this return{named} does not belong to a request recorded for "
            f"{loaded.review.reference}; record the request first (reviewtool agency-request)"
        )
    replaced = request.returned is not None or bool(request.chronology)
    updated = request.model_copy(
        update={
            "summary": parsed.summary,
            "chronology": parsed.entries,
            "key_practice_episodes": parsed.episodes,
            "returned": request.returned or today,
        }
    )
    requests = [updated if r.id == request.id else r for r in loaded.record.agency_requests]
    record = loaded.record.model_copy(update={"agency_requests": requests})
    save_workflow(store, record, loaded.stored_at, today, action="import-return")
    return ImportedReturn(request.agency, len(parsed.entries), len(parsed.episodes), replaced)
