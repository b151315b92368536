"""Start the application on the demo data and save screenshots of its main views.

Run under a virtual screen on a machine without one:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="reviewtool-shots-"))
    os.environ["REVIEWTOOL_HOME"] = str(home)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reviewtool.services.demo import load_demo
    from reviewtool.services.store import open_store
    from reviewtool.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    store = open_store()
    load_demo(store)
    window = MainWindow(store)
    window.resize(1360, 860)
    window.show()
    shots: list[tuple[str, object]] = getattr(window, "screenshot_views", lambda: [("main", None)])()

    def take(index: int = 0) -> None:
        if index >= len(shots):
            app.quit()
            return
        name, show = shots[index]
        if callable(show):
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
