"""The built-in codebook shipped in resources/, added to every database."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewtool.db.models import Code
from reviewtool.paths import resource


@lru_cache(maxsize=1)
def builtin_codebook() -> tuple[dict[str, Any], ...]:
    with resource("codebook.json").open(encoding="utf-8") as stream:
        return tuple(json.load(stream)["codebook"])


def builtin_codes() -> frozenset[str]:
    return frozenset(entry["code"] for entry in builtin_codebook())


def add_missing_builtin_codes(session: Session) -> int:
    """Insert built-in codes the database lacks; never overwrite a partnership's edits."""
    present = set(session.scalars(select(Code.code)))
    missing = [entry for entry in builtin_codebook() if entry["code"] not in present]
    for position, entry in enumerate(builtin_codebook()):
        if entry["code"] in present:
            continue
        session.add(
            Code(
                code=entry["code"],
                label=entry["label"],
                group=entry["group"],
                parent=entry["parent"],
                definition=entry["definition"],
                colour=entry["colour"],
                active=entry["active"],
                builtin=True,
                position=position,
            )
        )
    # Parents come before their children in the file, and rows are inserted in order.
    session.flush()
    return len(missing)
