"""The PyInstaller build: a one-folder program that runs without Python installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils from scripts/test.sh")
def test_frozen_program_runs_headless(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "work"),
            str(ROOT / "packaging" / "reviewtool.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1200,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    program = tmp_path / "dist" / "reviewtool" / "reviewtool"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(REVIEWTOOL_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(program), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
        )

    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("reviewtool ")
    assert run("demo").returncode == 0  # migrations and resources found inside the bundle
    pdf = tmp_path / "briefing.pdf"
    exported = run("briefing", "NSP-CSPR-2021-01", "--out", str(pdf))
    assert exported.returncode == 0, exported.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Reflective questions" in text
    # The tagged publication route: WeasyPrint's style sheets and pikepdf inside the bundle.
    tagged = tmp_path / "tagged.pdf"
    published = run("briefing", "NSP-CSPR-2021-01", "--out", str(tagged), "--for-publication")
    assert published.returncode == 0, published.stderr
    text = subprocess.run(["pdftotext", str(tagged), "-"], capture_output=True, text=True).stdout
    assert "Reflective questions" in text
    import pikepdf

    with pikepdf.open(tagged) as document:
        assert "/StructTreeRoot" in document.Root and document.Root.Lang == "en-GB"
    for out in ("slides.pptx", "briefing.docx"):
        target = "slides" if out.endswith("pptx") else "briefing"
        result = run(target, "NSP-CSPR-2021-01", "--out", str(tmp_path / out))
        assert result.returncode == 0, result.stderr
    # ReportLab's C speed-ups and the stream parser are loaded by name at run time.
    internal = tmp_path / "dist" / "reviewtool" / "_internal"
    assert list(internal.rglob("_rl_accel*")), "rl_accel missing from the build"
    assert list(internal.rglob("_yajl2*")), "ijson's C parser missing from the build"
    large = tmp_path / "large.rtbundle.json"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "900", str(large)],
        check=True,
        cwd=ROOT,
    )
    assert large.stat().st_size > 4 * 1024 * 1024  # read as a stream
    imported = run("--db", str(tmp_path / "large.sqlite3"), "import", str(large))
    assert imported.returncode == 0, imported.stderr
    assert "900 reviews added" in imported.stdout
    _window_stays_open(program, env, tmp_path)


def _window_stays_open(program: Path, env: dict[str, str], folder: Path) -> None:
    """The desktop program starts from the build and keeps running until it is closed."""
    window = subprocess.Popen(
        [str(program), "--db", str(folder / "large.sqlite3")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=folder,
    )
    try:
        # The window waits for its user: it must still be running a few seconds on.
        with pytest.raises(subprocess.TimeoutExpired):
            window.wait(timeout=8)
    finally:
        window.terminate()
        _, errors = window.communicate(timeout=60)
    assert "Traceback" not in errors and "Fatal Python error" not in errors, errors
