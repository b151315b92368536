"""Benchmark tasks, each run in its own process so its time and peak memory are its own.

python benchmarks/tasks.py TASK DATA_DIR     (prints seconds as JSON; called by run.py)
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 21)


def _store(data: Path, name: str = "10k.sqlite3") -> Any:
    from reviewtool.services.store import open_store

    return open_store(str(data / name), backup_dir=data / "backups")


def cold_start(data: Path) -> dict[str, float]:
    """Process start to the first painted main window, on 5,000 reviews."""
    start = float(os.environ["BENCH_T0"])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reviewtool.services.store import open_store
    from reviewtool.ui.main_window import MainWindow
    from reviewtool.ui.operations import run_quietly

    app = QApplication(sys.argv)
    # As the app does: the whole-file integrity check runs on a pool thread once shown.
    store = open_store(
        str(data / "5k.sqlite3"), backup_dir=data / "backups", check_integrity_now=False
    )
    window = MainWindow(store, today=TODAY)
    window.show()
    run_quietly(window, store.check_integrity, lambda _: None, print)
    result: dict[str, float] = {}

    def painted() -> None:
        result["seconds"] = time.time() - start
        app.quit()

    QTimer.singleShot(0, painted)
    app.exec()
    store.close()
    return result


def cold_start_floor(data: Path) -> dict[str, float]:
    """A bare PySide6 window showing 5,000 rows read with sqlite3, SQLAlchemy imported."""
    start = float(os.environ["BENCH_T0"])
    import sqlalchemy  # noqa: F401 - the floor pays for it too
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    class Rows(QAbstractTableModel):
        def __init__(self, rows: list[tuple[Any, ...]]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 5

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][index.column()])
            return None

    app = QApplication(sys.argv)
    rows = (
        sqlite3.connect(data / "5k.sqlite3")
        .execute("SELECT reference, title, kind, status, date_notified FROM reviews")
        .fetchall()
    )
    table = QTableView()
    model = Rows(rows)
    table.setModel(model)
    table.show()
    result: dict[str, float] = {}

    def painted() -> None:
        result["seconds"] = time.time() - start
        app.quit()

    QTimer.singleShot(0, painted)
    app.exec()
    return result


QUERIES = [
    "safe sleep",
    "domestic abuse",
    "interpreter",
    "health visitor",
    "core group",
    "camhs assessment",
    "father",
    "records had not followed",
    "hygiene",
    "partner",
]


def _typed(query: str) -> list[str]:
    return [query[:i] for i in range(3, len(query) + 1)]


SCREENFUL = 40
"""Rows the list shows at once: their themes and snippets are fetched as they are painted."""


TYPED_TIMES = 3
"""Each query is typed this many times over and each keystroke's median time counts: on a
shared machine a single pass lets a moment's load elsewhere decide the 95th percentile."""


def _typing(keystroke: Callable[[str], float]) -> dict[str, float]:
    """Median and 95th percentile over the keystrokes of each keystroke's median time."""
    times: dict[str, list[float]] = {}
    for _ in range(TYPED_TIMES):
        for query in QUERIES:
            for typed in _typed(query):
                times.setdefault(typed, []).append(keystroke(typed))
    typical = [statistics.median(each) for each in times.values()]
    return {"median": statistics.median(typical), "p95": statistics.quantiles(typical, n=20)[-1]}


def search(data: Path) -> dict[str, float]:
    """What the list does per keystroke: the ranked rows, then a screenful's details."""
    store = _store(data)
    return _typing(lambda typed: _keystroke(store, typed))


def _keystroke(store: Any, typed: str) -> float:
    from reviewtool.services.reviews.listing import ReviewFilter, list_reviews, review_themes
    from reviewtool.services.reviews.search import search_snippets

    start = time.perf_counter()
    rows = list_reviews(
        store, ReviewFilter(text=typed), today=TODAY, with_themes=False, with_snippets=False
    )
    shown = [row.id for row in rows[:SCREENFUL]]
    review_themes(store, shown)
    search_snippets(store, typed, shown)
    return time.perf_counter() - start


def search_floor(data: Path) -> dict[str, float]:
    """The same two queries in raw SQL: rank the matches, then a screenful's snippets."""
    connection = sqlite3.connect(data / "10k.sqlite3")
    return _typing(lambda typed: _raw_keystroke(connection, typed))


def _raw_keystroke(connection: sqlite3.Connection, typed: str) -> float:
    words = typed.split()
    if len(words) > 1 and len(words[-1]) < 3:  # as the app: a short last word waits
        words.pop()
    match = " ".join(f'"{t}"' for t in words) + "*"
    start = time.perf_counter()
    ranked = connection.execute(
        "SELECT rowid, bm25(review_search) AS rank FROM review_search "
        "WHERE review_search MATCH ? ORDER BY rank LIMIT 200",
        (match,),
    ).fetchall()
    shown = [row[0] for row in ranked[:SCREENFUL]]
    connection.execute(
        "SELECT review_id, snippet(review_search, 2, '[', ']', '…', 14) "
        f"FROM review_search WHERE review_search MATCH ? AND rowid IN "
        f"({', '.join('?' * len(shown))})",
        (match, *shown),
    ).fetchall()
    return time.perf_counter() - start


def filter_list(data: Path) -> dict[str, float]:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.reviews.listing import ReviewFilter, list_reviews

    store = _store(data)
    list_reviews(store, ReviewFilter(kinds=(ReviewKind.CSPR,)), today=TODAY)  # warm
    start = time.perf_counter()
    rows = list_reviews(store, ReviewFilter(kinds=(ReviewKind.CSPR,), year_from=2018), today=TODAY)
    return {"seconds": time.perf_counter() - start, "rows": len(rows)}


def filter_floor(data: Path) -> dict[str, float]:
    connection = sqlite3.connect(data / "10k.sqlite3")
    connection.execute("SELECT count(*) FROM reviews").fetchall()
    start = time.perf_counter()
    rows = connection.execute(
        "SELECT id, reference, title, kind, status, date_notified FROM reviews WHERE kind = 'cspr' "
        "AND CAST(strftime('%Y', coalesce(date_notified, date_decision)) AS INT) >= 2018 "
        "ORDER BY date_notified DESC"
    ).fetchall()
    connection.execute(
        "SELECT review_id, code FROM review_factors WHERE review_id IN (SELECT id FROM reviews "
        "WHERE kind = 'cspr')"
    ).fetchall()
    return {"seconds": time.perf_counter() - start, "rows": len(rows)}


def _some_reference(data: Path) -> str:
    return str(
        sqlite3.connect(data / "10k.sqlite3")
        .execute("SELECT reference FROM reviews ORDER BY reference LIMIT 1 OFFSET 5000")
        .fetchone()[0]
    )


def open_review(data: Path) -> dict[str, float]:
    from reviewtool.services.reviews.editing import get_review

    store = _store(data)
    reference = _some_reference(data)
    get_review(store, _some_reference(data))
    start = time.perf_counter()
    get_review(store, reference)
    return {"seconds": time.perf_counter() - start}


def open_floor(data: Path) -> dict[str, float]:
    connection = sqlite3.connect(data / "10k.sqlite3")
    reference = _some_reference(data)
    start = time.perf_counter()
    (review_id,) = connection.execute(
        "SELECT id FROM reviews WHERE reference = ?", (reference,)
    ).fetchone()
    for table in (
        "reviews WHERE id",
        "review_children WHERE review_id",
        "review_factors WHERE review_id",
        "review_agencies WHERE review_id",
        "review_learning WHERE review_id",
        "recommendations WHERE review_id",
    ):
        connection.execute(f"SELECT * FROM {table} = ?", (review_id,)).fetchall()
    return {"seconds": time.perf_counter() - start}


def save_review_task(data: Path) -> dict[str, float]:
    from reviewtool.services.reviews.editing import get_review, save_review

    store = _store(data)
    loaded = get_review(store, _some_reference(data))
    record = loaded.record.model_copy(
        update={"summary": (loaded.record.summary or "") + " Edited."}
    )
    start = time.perf_counter()
    save_review(store, record, loaded.version, today=TODAY)
    return {"seconds": time.perf_counter() - start}


def save_floor(data: Path) -> dict[str, float]:
    connection = sqlite3.connect(data / "10k.sqlite3")
    reference = _some_reference(data)
    start = time.perf_counter()
    connection.execute(
        "UPDATE reviews SET summary = summary || ' x', version = version + 1 WHERE reference = ?",
        (reference,),
    )
    connection.commit()
    return {"seconds": time.perf_counter() - start}


def _thematic_export(data: Path, **outputs: Path) -> dict[str, float]:
    """What the person asks for: analysis, the publication check, then the file."""
    from reviewtool.services.outputs.thematic import ThematicRequest
    from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic

    store = _store(data)
    start = time.perf_counter()
    export_thematic(
        store,
        ThematicRequest(date(2014, 1, 1), TODAY),
        ThematicOutputs(**outputs),
        today=TODAY,
    )
    return {"seconds": time.perf_counter() - start}


def thematic_pdf(data: Path) -> dict[str, float]:
    return _thematic_export(data, pdf=data / "thematic.pdf")


def thematic_xlsx(data: Path) -> dict[str, float]:
    return _thematic_export(data, xlsx=data / "thematic.xlsx")


def bare_pdf_floor(data: Path) -> dict[str, float]:
    """A bare ReportLab document listing 10,000 reviews in chunked tables."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    rows = (
        sqlite3.connect(data / "10k.sqlite3")
        .execute("SELECT reference, kind, date_notified, date_published, title FROM reviews")
        .fetchall()
    )
    start = time.perf_counter()
    story = [
        Table([list(map(str, row)) for row in rows[i : i + 400]]) for i in range(0, len(rows), 400)
    ]
    SimpleDocTemplate(str(data / "floor.pdf"), pagesize=A4).build(story)
    return {"seconds": time.perf_counter() - start}


def thematic_tagged(data: Path) -> dict[str, float]:
    """The summary for publication (a tagged PDF/UA-1 through WeasyPrint) over the reviews
    notified from January 2014 to April 2015, about 1,000: at 10,000 it takes a minute or
    more, too long for every run."""
    from reviewtool.services.outputs.thematic import ThematicRequest
    from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic

    store = _store(data)
    start = time.perf_counter()
    model = export_thematic(
        store,
        ThematicRequest(date(2014, 1, 1), date(2015, 4, 30), for_publication=True),
        ThematicOutputs(pdf=data / "thematic-tagged.pdf"),
        today=TODAY,
    )
    return {"seconds": time.perf_counter() - start, "reviews": float(model.reviews)}


def bare_tagged_floor(data: Path) -> dict[str, float]:
    """WeasyPrint writing a tagged PDF/UA-1 of a bare 1,000-row table of four columns."""
    from html import escape

    from weasyprint import HTML

    rows = (
        sqlite3.connect(data / "10k.sqlite3")
        .execute("SELECT reference, kind, date_notified, date_published FROM reviews LIMIT 1000")
        .fetchall()
    )
    start = time.perf_counter()
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    page = (
        '<!DOCTYPE html><html lang="en-GB"><head><title>Floor</title></head><body><table>'
        "<thead><tr><th>Reference</th><th>Kind</th><th>Notified</th><th>Published</th></tr>"
        f"</thead><tbody>{body}</tbody></table></body></html>"
    )
    HTML(string=page).write_pdf(str(data / "floor-tagged.pdf"), pdf_variant="pdf/ua-1")
    return {"seconds": time.perf_counter() - start}


def bare_xlsx_floor(data: Path) -> dict[str, float]:
    from openpyxl import Workbook

    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for r in range(10_000):
        sheet.append([r % 2 for _ in range(65)])
    workbook.save(str(data / "floor.xlsx"))
    return {"seconds": time.perf_counter() - start}


def briefing_pdf(data: Path) -> dict[str, float]:
    from reviewtool.services.outputs.briefings import briefing_model, write_briefing

    store = _store(data)
    reference = _some_reference(data)
    write_briefing(briefing_model(store, reference), data / "warm.pdf")  # fonts loaded once
    start = time.perf_counter()
    write_briefing(briefing_model(store, reference), data / "briefing.pdf")
    return {"seconds": time.perf_counter() - start}


def one_page_floor(data: Path) -> dict[str, float]:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    SimpleDocTemplate(str(data / "warm-floor.pdf")).build([Paragraph("x", style)])
    start = time.perf_counter()
    SimpleDocTemplate(str(data / "page.pdf")).build(
        [Paragraph("A short paragraph of briefing text. " * 20, style) for _ in range(7)]
    )
    return {"seconds": time.perf_counter() - start}


def slides_deck(data: Path) -> dict[str, float]:
    from reviewtool.services.outputs.slides import review_deck, write_deck

    store = _store(data)
    references = [
        str(r[0])
        for r in sqlite3.connect(data / "10k.sqlite3").execute(
            "SELECT reference FROM reviews ORDER BY reference LIMIT 5 OFFSET 100"
        )
    ]
    start = time.perf_counter()
    deck = review_deck(store, references)  # 5 reviews x 4 slides = 20, plus title and close
    write_deck(deck, data / "deck.pptx")
    return {"seconds": time.perf_counter() - start, "slides": len(deck.slides) + 1}


def slides_floor(data: Path) -> dict[str, float]:
    from pptx import Presentation

    start = time.perf_counter()
    presentation = Presentation()
    for n in range(22):
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = f"Slide {n}"
    presentation.save(str(data / "floor.pptx"))
    return {"seconds": time.perf_counter() - start}


def import_task(data: Path) -> dict[str, float]:
    from reviewtool.services.exchange.bundle_import import import_bundle_files

    target = data / "import-run.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    store = _store(data, "import-run.sqlite3")
    start = time.perf_counter()
    report = import_bundle_files(
        store, [data / "10k.rtbundle.json"], today=TODAY, backup_first=True
    )
    return {"seconds": time.perf_counter() - start, "created": report.created}


def import_floor(data: Path) -> dict[str, float]:
    """json.load + raw sqlite inserts of 10,000 reviews (one table, no checks)."""
    target = data / "floor.sqlite3"
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    with (data / "10k.rtbundle.json").open(encoding="utf-8") as stream:
        document = json.load(stream)
    connection = sqlite3.connect(target)
    connection.execute("CREATE TABLE reviews (id TEXT PRIMARY KEY, body TEXT)")
    connection.executemany(
        "INSERT INTO reviews VALUES (?, ?)", [(r["id"], json.dumps(r)) for r in document["reviews"]]
    )
    connection.commit()
    return {"seconds": time.perf_counter() - start}


def export_task(data: Path) -> dict[str, float]:
    from reviewtool.services.exchange.bundle_export import export_bundle

    store = _store(data)
    start = time.perf_counter()
    result = export_bundle(store, data / "export.rtbundle.json")
    return {"seconds": time.perf_counter() - start, "reviews": result.reviews}


def export_floor(data: Path) -> dict[str, float]:
    connection = sqlite3.connect(data / "10k.sqlite3")
    start = time.perf_counter()
    tables = [
        "reviews",
        "review_children",
        "review_agencies",
        "review_factors",
        "review_tags",
        "review_learning",
        "recommendations",
        "actions",
        "briefings",
        "briefing_sections",
    ]
    dump = {t: connection.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    (data / "floor-export.json").write_text(json.dumps(dump, default=str), encoding="utf-8")
    return {"seconds": time.perf_counter() - start}


TASKS = {
    name: function
    for name, function in globals().items()
    if callable(function)
    and not name.startswith("_")
    and name not in ("json", "os", "sqlite3", "statistics", "sys", "time", "date", "Path", "Any")
}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import resource

    task, data_dir = sys.argv[1], Path(sys.argv[2])
    result = TASKS[task](data_dir)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
