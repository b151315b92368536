"""Benchmarks at partnership scale, each figure beside its floor measured in the same run.

    .venv/bin/python benchmarks/run.py [--data DIR] [--only TEXT] [--tagged]

Makes synthetic bundles of 5,000 and 10,000 reviews (benchmarks/generate.py), imports them,
then runs every task in a fresh process (benchmarks/tasks.py) and prints a table: the
figure, its floor (the same work done the barest way: raw SQL, a bare ReportLab document...),
their ratio, the target, and the peak memory of the process. Not part of the test suite:
timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# (label, task, floor task, target seconds or None, figure key)
ROWS = [
    ("cold start, 5,000 reviews", "cold_start", "cold_start_floor", 1.0, "seconds"),
    ("search as you type, median", "search", "search_floor", None, "median"),
    ("search as you type, 95th percentile", "search", "search_floor", 0.040, "p95"),
    ("filter the list", "filter_list", "filter_floor", None, "seconds"),
    ("open a review", "open_review", "open_floor", None, "seconds"),
    ("save a review", "save_review_task", "save_floor", None, "seconds"),
    ("thematic summary PDF, 10,000 reviews", "thematic_pdf", "bare_pdf_floor", 3.0, "seconds"),
    ("thematic summary XLSX, 10,000 reviews", "thematic_xlsx", "bare_xlsx_floor", 4.0, "seconds"),
    ("one briefing PDF", "briefing_pdf", "one_page_floor", 0.150, "seconds"),
    ("22-slide deck (PPTX)", "slides_deck", "slides_floor", None, "seconds"),
    ("import 10,000 reviews", "import_task", "import_floor", 10.0, "seconds"),
    ("export 10,000 reviews", "export_task", "export_floor", None, "seconds"),
]
TAGGED_ROWS = [
    (
        "tagged thematic PDF, about 1,000 reviews",
        "thematic_tagged",
        "bare_tagged_floor",
        None,
        "seconds",
    ),
]
"""Run with --tagged: the publication route takes a quarter of a minute even at this size."""
MEMORY_TARGET_MB = 350


REPEATED = {"cold_start": 5, "cold_start_floor": 5}
"""Tasks short and noisy enough to be run several times: the median run is reported."""


def run_task(task: str, data: Path) -> tuple[dict[str, float], float]:
    """Run a task in fresh processes; its (median) result and its peak memory in MB."""
    runs = [_run_once(task, data) for _ in range(REPEATED.get(task, 1))]
    runs.sort(key=lambda run: next(iter(run[0].values())))
    return runs[len(runs) // 2]


def _run_once(task: str, data: Path) -> tuple[dict[str, float], float]:
    environment = {
        **os.environ,
        "BENCH_T0": repr(time.time()),
        "QT_QPA_PLATFORM": "offscreen",
        "REVIEWTOOL_HOME": str(data / "home"),
        "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run(
        [sys.executable, str(HERE / "tasks.py"), task, str(data)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"{task} failed:\n{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return figures, float(figures.get("peak_mb", 0.0))


def prepare(data: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    # As an installed copy has (pip and PyInstaller compile it): start-up reads bytecode.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "reviewtool")], check=True
    )
    environment = {
        **os.environ,
        "REVIEWTOOL_HOME": str(data / "home"),
        "PYTHONPATH": str(ROOT / "src"),
    }
    for count, name in ((10_000, "10k"), (5_000, "5k")):
        bundle = data / f"{name}.rtbundle.json"
        if not bundle.exists():
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), str(count), str(bundle)],
                check=True,
                env=environment,
            )
        database = data / f"{name}.sqlite3"
        if not database.exists():
            subprocess.run(
                [sys.executable, "-m", "reviewtool", "--db", str(database), "import", str(bundle)],
                check=True,
                env=environment,
                capture_output=True,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="folder for the generated data (kept)")
    parser.add_argument("--only", help="run only the rows whose label contains this text")
    parser.add_argument(
        "--tagged",
        action="store_true",
        help="also time the tagged (PDF/UA-1) thematic summary for publication",
    )
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="reviewtool-bench-"))
    data.mkdir(parents=True, exist_ok=True)
    prepare(data)
    print(f"{'what':<40} {'figure':>9} {'floor':>9} {'ratio':>6} {'target':>8} {'peak MB':>8}")
    results: dict[str, tuple[dict[str, float], float]] = {}
    worst_memory = 0.0
    for label, task, floor_task, target, key in ROWS + (TAGGED_ROWS if args.tagged else []):
        if args.only and args.only not in label:
            continue
        if task not in results:
            results[task] = run_task(task, data)
        if floor_task not in results:
            results[floor_task] = run_task(floor_task, data)
        (figure, memory), (floor, _) = results[task], results[floor_task]
        worst_memory = max(worst_memory, memory)
        value, base = figure[key], floor[key]
        verdict = "" if target is None else ("ok" if value <= target else "MISSED")
        target_text = f"{target:g}s" if target is not None else "-"
        print(
            f"{label:<40} {value:>8.3f}s {base:>8.3f}s {value / base if base else 0:>6.1f} "
            f"{target_text:>6} {verdict:<6} {memory:>6.0f}"
        )
    print(f"peak memory of any task: {worst_memory:.0f} MB (target {MEMORY_TARGET_MB} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
