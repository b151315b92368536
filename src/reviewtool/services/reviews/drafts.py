"""Autosaved drafts of reviews being edited: a crash or a refused save never loses text.

Drafts are small JSON files in the user's data folder, written atomically, and removed once
the review is saved.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from pydantic import ValidationError

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.bundle.write import write_text_atomically
from reviewtool.paths import data_dir


def drafts_dir() -> Path:
    folder = data_dir() / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _draft_path(review_id: str) -> Path:
    return drafts_dir() / f"{review_id}.json"


def save_draft(record: ReviewRecord) -> Path:
    path = _draft_path(record.id)
    write_text_atomically(path, record.model_dump_json())
    return path


def load_draft(review_id: str) -> ReviewRecord | None:
    path = _draft_path(review_id)
    if not path.exists():
        return None
    try:
        return ReviewRecord.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, OSError, UnicodeDecodeError):
        return None


def discard_draft(review_id: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _draft_path(review_id).unlink()
