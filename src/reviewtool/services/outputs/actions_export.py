"""Export the actions a person is looking at (as filtered on the Actions page)."""

from __future__ import annotations

from pathlib import Path

from reviewtool.domain.errors import InvalidInput
from reviewtool.reports.action_tracker import TrackerRow, write_tracker_csv, write_tracker_xlsx
from reviewtool.services.tracking import ActionRow


def tracker_row(action: ActionRow) -> TrackerRow:
    return TrackerRow(
        review=action.review_reference,
        title=action.review_title,
        recommendation=action.recommendation,
        action=action.text,
        owner=action.owner or "",
        due=action.due,
        status=action.status.label,
        rag=action.rag.label,
        completed=action.completed,
        assurance=action.assurance or "",
        impact=action.impact or "",
        dropped_because=action.dropped_reason or "",
    )


def export_actions(actions: list[ActionRow], path: Path) -> Path:
    """Write ``actions`` to ``path``: XLSX or CSV by its ending."""
    rows = [tracker_row(action) for action in actions]
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_tracker_xlsx(rows, path)
    if suffix == ".csv":
        return write_tracker_csv(rows, path)
    raise InvalidInput(f"{path.name}: choose a file ending in .xlsx or .csv.")
