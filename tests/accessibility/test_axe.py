"""The HTML twins pass axe-core: every document a partnership can publish as a web page.

axe-core and jsdom are installed by scripts/test.sh with npm into .cache/axe when Node.js is
on the machine; without them this test is skipped and says why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewtool.reports.briefing_html import briefing_html
from reviewtool.reports.slides_html import slides_html
from reviewtool.reports.thematic_html import thematic_html
from tests.cli_runner import run_cli
from tests.reports import stress

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT / ".cache" / "axe" / "node_modules"
CHECK = Path(__file__).with_name("axe_check.js")


def _axe_available() -> bool:
    return shutil.which("node") is not None and (MODULES / "axe-core").is_dir()


pytestmark = pytest.mark.skipif(
    not _axe_available(), reason="Node.js with axe-core and jsdom (scripts/test.sh installs them)"
)


def _violations(files: list[Path]) -> dict[str, list[dict[str, object]]]:
    result = subprocess.run(
        ["node", str(CHECK), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NODE_PATH": str(MODULES)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [report["file"] for report in reports] == [str(file) for file in files]
    return {Path(report["file"]).name: report["violations"] for report in reports}


def test_every_html_output_passes_axe(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run_cli("demo", db=db).returncode == 0
    files = []
    for name, args in {
        "briefing.html": ["briefing", "NSP-CSPR-2021-01"],
        "topic.html": ["briefing", "Neglect: learning from our reviews"],
        "summary.html": ["summary", "NSP-CSPR-2021-01"],
        "actions.html": ["actions"],
        "thematic.html": ["thematic", "--from", "2020-01-01", "--to", "2026-11-21", "--html"],
    }.items():
        target = tmp_path / name
        out = [str(target)] if args[-1] == "--html" else ["--out", str(target)]
        result = run_cli(*args, *out, db=db)
        assert result.returncode == 0, result.stderr
        files.append(target)
    for kind in ("long", "scripts"):  # any length, any script
        for name, html in {
            f"briefing-{kind}.html": briefing_html(stress.briefing(kind)),
            f"thematic-{kind}.html": thematic_html(stress.thematic(kind)),
            f"slides-{kind}.html": slides_html(stress.deck(kind)),
        }.items():
            (tmp_path / name).write_text(html, encoding="utf-8")
            files.append(tmp_path / name)
    found = _violations(files)
    assert found == {file.name: [] for file in files}


def test_the_check_finds_a_fault(tmp_path: Path) -> None:
    """A page with an unlabelled image and no language fails: the check really runs."""
    page = tmp_path / "fault.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body><img src='x.png'></body></html>"
    )
    rules = {violation["rule"] for violation in _violations([page])["fault.html"]}
    assert {"image-alt", "html-has-lang"} <= rules
