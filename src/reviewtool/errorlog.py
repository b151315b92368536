"""The technical detail of an unexpected failure, kept in a log file, never on the screen.

A message shown to a person says what happened and where the detail is; the detail (which
exception, raised where) goes to ``reviewtool.log`` in the data folder. The log holds no
statement parameters, no quoted values and no review text: exception messages are cut to
their first line, quoted values are blanked out, and database errors give only the statement
and the driver's first line. ``REVIEWTOOL_DEBUG=1`` also prints the full traceback.
"""

from __future__ import annotations

import contextlib
import os
import re
import traceback
from datetime import UTC, datetime
from pathlib import Path

from reviewtool.paths import data_dir

LOG_NAME = "reviewtool.log"
MAX_LOG_BYTES = 1_000_000
MAX_MESSAGE = 300
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_KEY_VALUE = re.compile(r"\(([^()]*)\)=\(([^()]*)\)")


def debugging() -> bool:
    return os.environ.get("REVIEWTOOL_DEBUG", "") not in ("", "0")


def log_path() -> Path:
    return data_dir() / LOG_NAME


def scrub(text: str) -> str:
    """The first line of a message, with quoted values and key values blanked out."""
    lines = text.strip().splitlines()
    first = lines[0] if lines else ""
    first = _KEY_VALUE.sub("(…)=(…)", first)
    first = _QUOTED.sub("'…'", first)
    return first[:MAX_MESSAGE]


def _describe(error: BaseException) -> list[str]:
    lines = []
    statement = getattr(error, "statement", None)
    original = getattr(error, "orig", None)
    if statement is not None:
        # SQLAlchemy: the statement has placeholders only (engines hide the parameters);
        # the driver's message may quote a value, so it is scrubbed like any other.
        lines.append(
            f"{type(error).__name__} from {type(original).__name__}: {scrub(str(original))}"
        )
        lines.append(f"  statement: {' '.join(str(statement).split())[:MAX_MESSAGE]}")
    else:
        lines.append(f"{type(error).__name__}: {scrub(str(error))}")
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f"  at {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return lines


def log_failure(what: str, error: BaseException) -> Path | None:
    """Append the failure to the log (0600); returns the log's path, or None if unwritable."""
    lines = [f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%S.%fZ} {what}"]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.extend(_describe(current))
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append(" caused by:")
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as stream:
            stream.write("\n".join(lines) + "\n")
        with contextlib.suppress(OSError):
            path.chmod(0o600)
    except OSError:
        return None
    return path


def unexpected_message(error: BaseException, where: Path | None) -> str:
    """What a person is told about a failure nobody expected: no text from the error."""
    detail = f"the details are in {where}" if where else "the details could not be logged"
    return (
        f"unexpected error ({type(error).__name__}); nothing more was changed by this step. "
        f"Please report it: {detail} (set REVIEWTOOL_DEBUG=1 to see them on screen)."
    )
