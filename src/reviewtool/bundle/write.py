"""Writing a bundle: records -> JSON text -> a file replaced atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from reviewtool.bundle.schema import Bundle


def bundle_to_dict(bundle: Bundle) -> dict[str, Any]:
    document = bundle.model_dump(mode="json")
    for briefing in document["briefings"]:
        _drop_nulls(briefing, ("approved_by", "approved_at"))
    for review in document["reviews"]:
        # Identifiers leave the machine only when asked for (BUNDLE.md).
        if review.get("identifiers") is None:
            review.pop("identifiers", None)
        if review.get("briefing"):
            _drop_nulls(review["briefing"], ("approved_by", "approved_at"))
        for recommendation in review["recommendations"]:
            for action in recommendation["actions"]:
                _drop_nulls(action, ("dropped_reason",))
    return document


def _drop_nulls(document: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Fields this program adds to the fixed format are written only when they hold something."""
    for key in keys:
        if document.get(key) is None:
            document.pop(key, None)


def bundle_to_json(bundle: Bundle) -> str:
    return json.dumps(bundle_to_dict(bundle), ensure_ascii=False, indent=1)


def write_text_atomically(path: Path, text: str) -> None:
    """Write next to ``path`` then rename over it, so a crash never leaves half a file."""
    path = path.resolve()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_bundle_file(bundle: Bundle, path: Path) -> None:
    write_text_atomically(path, bundle_to_json(bundle) + "\n")
