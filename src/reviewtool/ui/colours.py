"""Status colours: always shown together with words, never alone."""

from __future__ import annotations

from reviewtool.domain.actions import Rag
from reviewtool.domain.deadlines import DeadlineState

RAG_COLOURS = {Rag.RED: "#b00020", Rag.AMBER: "#b35c00", Rag.GREEN: "#1e7b34", Rag.GREY: "#666666"}
LATE = "#b00020"
SOON = "#b35c00"
MET = "#1e7b34"


def deadline_colour(state: DeadlineState) -> str:
    if state.late:
        return LATE
    if state.done is not None:
        return MET
    return SOON if state.days_left <= 5 else "palette(text)"
