"""The ``reviewtool`` command: the desktop application and its command-line tools.

Exit status: 0 success, 2 bad input (the message says what and where), 3 an export blocked
by the publication check, 1 any other failure.
The commands live in ``reviewtool.commandline``, one module per capability; their heavy
modules are imported when they run, so that ``--version`` and ``--help`` are quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewtool import __version__
from reviewtool.commandline import (
    codebook,
    conflicts,
    exchange,
    history,
    outputs,
    reviews,
    safety,
    tracking,
    workflow,
)
from reviewtool.commandline.common import EXIT_BAD_INPUT, EXIT_BLOCKED, EXIT_FAILURE

PRIVATE_UMASK = 0o077
COMMAND_GROUPS = (
    exchange,
    conflicts,
    reviews,
    codebook,
    workflow,
    history,
    outputs,
    tracking,
    safety,
)
"""Each module adds its sub-commands in ``register``; the help lists them in this order."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewtool",
        description="Learning from child safeguarding case reviews. "
        "With no command, starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"reviewtool {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLite file path or a SQLAlchemy URL such as "
        "postgresql://user@host/reviews (default: REVIEWTOOL_DB, else the local file)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def _start_app(args: argparse.Namespace) -> int:
    from reviewtool.app import run_app

    return run_app(args.db)


_DOUBLE_DASH = "\x00--"


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line; ``--search=--`` means the text ``--``.

    Python 3.11's argparse drops a value of exactly ``--`` (it takes it for the end of the
    options) and leaves an empty list behind, so such a value is hidden from it.
    """
    given = list(sys.argv[1:] if argv is None else argv)
    hidden = [
        arg[:-2] + _DOUBLE_DASH if arg.startswith("--") and arg.endswith("=--") else arg
        for arg in given
    ]
    args = _parser().parse_args(hidden)
    for name, value in vars(args).items():
        if isinstance(value, str) and value == _DOUBLE_DASH:
            setattr(args, name, "--")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    # Everything reviewtool writes (databases, backups, drafts, logs, bundles, reports) is
    # for the person running it only: files 0600, folders 0700. Sharing is a deliberate act.
    previous_mask = os.umask(PRIVATE_UMASK)
    try:
        return _run(args)
    finally:
        os.umask(previous_mask)


def _run(args: argparse.Namespace) -> int:
    from reviewtool.domain.errors import InvalidInput, ReviewtoolError
    from reviewtool.services.outputs.publication import PublicationBlocked

    try:
        return int(getattr(args, "run", _start_app)(args))
    except PublicationBlocked as error:
        print(f"reviewtool: {error}", file=sys.stderr)
        return EXIT_BLOCKED
    except InvalidInput as error:
        print(f"reviewtool: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ReviewtoolError as error:
        print(f"reviewtool: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(
            "reviewtool: interrupted; nothing was changed by the unfinished step", file=sys.stderr
        )
        return EXIT_FAILURE
    except BrokenPipeError:
        # The reader went away (``reviewtool list | head``): stop quietly, and point stdout
        # at nothing so that Python's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"reviewtool: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # a bug: say so plainly; the detail goes to the log
        from reviewtool.errorlog import debugging, log_failure, unexpected_message

        logged = log_failure(f"reviewtool {args.command or ''}".strip(), error)
        if debugging():
            raise
        print(f"reviewtool: {unexpected_message(error, logged)}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
