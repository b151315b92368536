"""The built-in codebook shipped in resources/, added to every database."""

from __future__ import annotations

import hashlib
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


def fill_missing_indicators(session: Session) -> int:
    """Give built-in codes that have none the default indicator phrases (never overwrite)."""
    defaults = {e["code"]: "\n".join(e.get("indicators", [])) for e in builtin_codebook()}
    filled = 0
    for code in session.scalars(
        select(Code).where(Code.builtin.is_(True), Code.indicators.is_(None))
    ):
        if defaults.get(code.code):
            code.indicators = defaults[code.code]
            filled += 1
    return filled


def update_default_indicators(session: Session) -> int:
    """Give built-in codes whose phrases are still an earlier release's defaults the current
    defaults; phrases a partnership has edited (or added to) are left as they are."""
    with resource("indicator_history.json").open(encoding="utf-8") as stream:
        history: dict[str, list[str]] = json.load(stream)["previous_defaults"]
    defaults = {e["code"]: "\n".join(e.get("indicators", [])) for e in builtin_codebook()}
    updated = 0
    for code in session.scalars(
        select(Code).where(Code.builtin.is_(True), Code.code.in_(list(history)))
    ):
        stored = hashlib.sha256((code.indicators or "").encode()).hexdigest()
        if stored in history[code.code] and defaults.get(code.code):
            code.indicators = defaults[code.code]
            updated += 1
    return updated


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
                indicators="\n".join(entry.get("indicators", [])) or None,
            )
        )
    # Parents come before their children in the file, and rows are inserted in order.
    session.flush()
    return len(missing)
