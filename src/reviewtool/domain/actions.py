"""RAG status of an action: derived from its state and due date, never stored."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from reviewtool.domain.enums import ActionStatus


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    GREY = "grey"

    @property
    def label(self) -> str:
        """The colour and what it means, as the tracker's key explains it."""
        return _RAG_LABELS[self]

    @property
    def word(self) -> str:
        """The colour alone, as a table cell says it beside the colour."""
        return self.value.capitalize()


_RAG_LABELS = {
    Rag.RED: "Red - not completed to timescale",
    Rag.AMBER: "Amber - in progress and to time",
    Rag.GREEN: "Green - complete",
    Rag.GREY: "Grey - dropped",
}


def action_rag(status: ActionStatus, due: date | None, today: date) -> Rag:
    """Complete is Green; dropped is Grey; not complete and past due is Red; else Amber."""
    if status is ActionStatus.COMPLETE:
        return Rag.GREEN
    if status is ActionStatus.DROPPED:
        return Rag.GREY
    if due is not None and today > due:
        return Rag.RED
    return Rag.AMBER
