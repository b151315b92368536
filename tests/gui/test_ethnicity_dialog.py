"""The review screen for recorded ethnicity values that no rule maps."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from reviewtool.services.ethnicity import recorded_values
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.store import Store
from reviewtool.ui.ethnicity_dialog import EthnicityDialog


def test_unmapped_values_come_first_and_are_mapped_on_save(
    qtbot: QtBot, sqlite_store: Store, tmp_path: Path
) -> None:
    load_demo(sqlite_store)
    loaded = get_review(sqlite_store, "NSP-CSPR-2021-01")
    child = loaded.record.children[0].model_copy(update={"ethnicity": "Somali"})
    save_review(
        sqlite_store, loaded.record.model_copy(update={"children": [child]}), loaded.version
    )

    dialog = EthnicityDialog(None, sqlite_store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.item(0, 0).text() == "Somali"
    assert dialog.table.item(0, 3).text() == "not mapped"
    assert "1 is not yet mapped" in dialog.intro.text()
    white = next(
        row
        for row in range(dialog.table.rowCount())
        if dialog.table.item(row, 0).text() == "White British"
    )
    assert dialog.table.item(white, 3).text() == "built in"
    shot = os.environ.get("REVIEWTOOL_SHOTS")
    if shot:
        dialog.grab().save(str(Path(shot) / "ethnicity-dialog.png"))
    choice = dialog.table.cellWidget(0, 2)
    assert isinstance(choice, QComboBox)
    choice.setCurrentIndex(choice.findData("black_african"))
    dialog.save()
    assert recorded_values(sqlite_store, unmapped_only=True) == []
    assert "0 are not yet mapped" in dialog.intro.text()
    somali = next(v for v in recorded_values(sqlite_store) if v.recorded == "Somali")
    assert (somali.category, somali.mapped_by) == ("black_african", "partnership")
