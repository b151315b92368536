"""Running a small program that uses the UI in a fresh interpreter, to see how it exits:
faults that use up Python's own objects show only when the interpreter shuts down."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import reviewtool


def run_to_exit(program: str, folder: Path) -> str:
    """Run ``program`` with this checkout's reviewtool, offscreen; assert it exits cleanly
    (status 0, no "Fatal Python error" at shutdown) and return what it printed."""
    script = folder / "program.py"
    script.write_text(textwrap.dedent(program), encoding="utf-8")
    source_root = str(Path(reviewtool.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": source_root, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300
    )
    assert "Fatal Python error" not in done.stderr
    assert done.returncode == 0, done.stderr
    return done.stdout
