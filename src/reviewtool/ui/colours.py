"""Status colours: always shown together with words, never alone, and always readable on
the palette in use (light or dark) with a contrast of at least 4.5:1."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reviewtool.domain.actions import Rag
from reviewtool.domain.deadlines import DeadlineState
from reviewtool.ui.contrast import readable_on

RAG_COLOURS = {Rag.RED: "#b00020", Rag.AMBER: "#b35c00", Rag.GREEN: "#1e7b34", Rag.GREY: "#666666"}
LATE = "#b00020"
SOON = "#b35c00"
MET = "#1e7b34"


def text_colour() -> str:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return str(palette.color(QPalette.ColorRole.Text).name())


def readable(colour: str) -> str:
    """``colour`` as it must be drawn on the current palette to be read: in lists and
    fields (the base colour) and on labels (the window colour) alike."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        colour = readable_on(colour, str(palette.color(role).name()))
    return colour


def rag_colour(rag: Rag) -> str:
    return readable(RAG_COLOURS[rag])


def deadline_colour(state: DeadlineState) -> str:
    if state.late:
        return readable(LATE)
    if state.done is not None:
        return readable(MET)
    return readable(SOON) if state.days_left <= 5 else text_colour()
