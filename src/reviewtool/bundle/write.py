"""Writing a bundle: records -> JSON text -> a file replaced atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from reviewtool.bundle.schema import Bundle, ReviewRecord

OPTIONAL_SECTIONS = ("workflow", "disseminations", "rag_reviews")


def bundle_to_dict(bundle: Bundle) -> dict[str, Any]:
    document = bundle.model_dump(mode="json", exclude={"reviews"})
    for briefing in document["briefings"]:
        _drop_nulls(briefing, ("approved_by", "approved_at", "revision"))
    for code in document["codebook"]:
        _drop_nulls(code, ("revision",))
    _drop_nulls(document, ("sealed_identifiers",))
    reviews = [review_to_dict(review) for review in bundle.reviews]
    # Keys in the order of the format: the reviews after the codebook, before the briefings.
    written = {
        key: (reviews if key == "reviews" else document[key])
        for key in Bundle.model_fields
        if key in document or key == "reviews"
    }
    # Optional sections added to the format are written only when they hold something.
    for key in OPTIONAL_SECTIONS:
        if not written.get(key):
            written.pop(key, None)
    return written


def review_to_dict(review: ReviewRecord) -> dict[str, Any]:
    document = review.model_dump(mode="json")
    # Identifiers leave the machine only when asked for (BUNDLE.md).
    if document.get("identifiers") is None:
        document.pop("identifiers", None)
        document.pop("identifier_kinds", None)
    elif document.get("identifier_kinds") is None:
        document.pop("identifier_kinds", None)
    _drop_nulls(document, ("revision",))
    if document.get("briefing"):
        _drop_nulls(document["briefing"], ("approved_by", "approved_at"))
    for recommendation in document["recommendations"]:
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


@contextlib.contextmanager
def atomic_text_file(path: Path) -> Iterator[TextIO]:
    """A file written next to ``path`` then renamed over it, so a crash (or an error while
    writing) never leaves half a file."""
    path = path.resolve()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    with atomic_text_file(path) as stream:
        stream.write(text)


def write_bundle_file(bundle: Bundle, path: Path) -> None:
    write_bundle_stream(bundle.model_copy(update={"reviews": []}), iter([bundle.reviews]), path)


def write_bundle_stream(
    header: Bundle, review_chunks: Iterable[Sequence[ReviewRecord]], path: Path
) -> int:
    """Write a bundle whose reviews arrive in chunks (``header`` holds everything else), so
    exporting thousands of reviews never holds them all. Returns how many were written."""
    document = bundle_to_dict(header)
    written = 0
    with atomic_text_file(path) as stream:
        stream.write("{")
        for number, (key, value) in enumerate(document.items()):
            stream.write(("," if number else "") + f"\n {json.dumps(key)}: ")
            if key != "reviews":
                stream.write(_indented(json.dumps(value, ensure_ascii=False, indent=1)))
                continue
            stream.write("[")
            for chunk in review_chunks:
                for review in chunk:
                    text = json.dumps(review_to_dict(review), ensure_ascii=False, indent=1)
                    stream.write(("," if written else "") + "\n  " + _indented(text, "  "))
                    written += 1
            stream.write("\n ]" if written else "]")
        stream.write("\n}\n")
    return written


def _indented(text: str, prefix: str = " ") -> str:
    """Nested JSON text indented to sit inside the outer object."""
    return text.replace("\n", "\n" + prefix)
