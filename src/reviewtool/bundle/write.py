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
    for review in document["reviews"]:
        # Identifiers leave the machine only when asked for (BUNDLE.md).
        if review.get("identifiers") is None:
            review.pop("identifiers", None)
        for recommendation in review["recommendations"]:
            for action in recommendation["actions"]:
                if action.get("dropped_reason") is None:
                    action.pop("dropped_reason", None)
    return document


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
