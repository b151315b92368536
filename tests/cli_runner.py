"""The ``reviewtool`` command run inside the test process: the same parser, commands and
error handling as the installed program, without the cost of starting Python each time.

Tests of exit codes and of the installed command itself still start real processes
(``tests/e2e/test_cli.py``); everything else that only checks behaviour uses this.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from reviewtool.cli import main


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


@contextmanager
def _environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in changes}
    try:
        for name, value in changes.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_cli(
    *args: str, db: Path | str | None = None, env: Mapping[str, str | None] | None = None
) -> CliResult:
    """Run ``reviewtool [--db DB] ARGS...`` and return its exit status and what it printed."""
    argv = (["--db", str(db)] if db is not None else []) + list(args)
    out, err = io.StringIO(), io.StringIO()
    with (
        _environment({"REVIEWTOOL_DEBUG": None, **(env or {})}),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse: --help, --version, usage errors
            code = stop.code if isinstance(stop.code, int) else 1
    result = CliResult(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.stderr, result.stderr
    return result
