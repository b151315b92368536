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
from reviewtool.commandline import conflicts, exchange, outputs, reviews, safety
from reviewtool.commandline.common import EXIT_BAD_INPUT, EXIT_BLOCKED, EXIT_FAILURE

COMMAND_GROUPS = (exchange, conflicts, reviews, outputs, safety)
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"reviewtool: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # a bug: say so plainly, traceback only when asked for
        if os.environ.get("REVIEWTOOL_DEBUG"):
            raise
        print(
            f"reviewtool: unexpected error ({type(error).__name__}: {error}). "
            "Set REVIEWTOOL_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
