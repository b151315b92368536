"""A real, non-editable install into a fresh virtual environment gives a working command."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_pip_install_gives_a_working_reviewtool(tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    # Dependencies come from this environment (no network needed); reviewtool itself is
    # built from the source tree into a wheel and installed like any user would.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "outer.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    installed = subprocess.run(
        [str(python), "-c", "import reviewtool; print(reviewtool.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(target) in installed, "reviewtool must come from the new environment"
    command = target / "bin" / "reviewtool"
    env = {**os.environ, "REVIEWTOOL_HOME": str(tmp_path / "home")}
    env.pop("PYTHONPATH", None)
    version = subprocess.run(
        [str(command), "--version"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert version.returncode == 0 and "reviewtool" in version.stdout
    demo = subprocess.run(
        [str(command), "demo"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert demo.returncode == 0, demo.stderr  # resources and migrations were found
    listed = subprocess.run(
        [str(command), "list", "--search", "sofa"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert "Child J" in listed.stdout
    assert sys.executable != str(python)
