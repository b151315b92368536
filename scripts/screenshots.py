"""Start the application on the demo data and save screenshots of its main views.

Run under a virtual screen on a machine without one:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="reviewtool-shots-"))
    os.environ["REVIEWTOOL_HOME"] = str(home)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reviewtool.services.exchange.demo import load_demo
    from reviewtool.services.reviews.listing import list_reviews
    from reviewtool.services.store import open_store
    from reviewtool.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    store = open_store()
    load_demo(store)
    window = MainWindow(store)
    window.resize(1360, 860)
    window.show()
    child_l = next(r.id for r in list_reviews(store) if r.reference == "NSP-CSPR-2022-02")

    def page(number: int) -> Callable[[], None]:
        return lambda: window.nav.setCurrentRow(number)

    def editor_tab(number: int) -> Callable[[], None]:
        def show() -> None:
            window.nav.setCurrentRow(1)
            if window.reviews.editor.review_id != child_l:
                window.reviews.open(child_l)
            window.reviews.editor.tabs.setCurrentIndex(number)

        return show

    def search() -> None:
        window.nav.setCurrentRow(1)
        window.reviews.search.setText("safe sleep")
        window.reviews.refresh()

    shots: list[tuple[str, Callable[[], None]]] = [
        ("dashboard", page(0)),
        ("reviews", page(1)),
        *[
            (f"editor-{name}", editor_tab(i))
            for i, name in enumerate(
                ["details", "children", "factors", "learning", "actions", "briefing", "history"]
            )
        ],
        ("search", search),
        ("actions", page(2)),
        ("codebook", page(3)),
        ("settings", page(4)),
    ]

    def take(index: int = 0) -> None:
        if index >= len(shots):
            app.quit()
            return
        name, show = shots[index]
        show()

        def grab() -> None:
            path = out / f"{index + 1:02d}-{name}.png"
            window.grab().save(str(path))
            print(path)
            take(index + 1)

        QTimer.singleShot(400, grab)

    QTimer.singleShot(500, take)
    app.exec()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
