"""The ``reviewtool`` command: the desktop application and its command-line tools.

Exit status: 0 success, 2 bad input (the message says what and where), 3 an export blocked
by the publication check, 1 any other failure.
Heavy modules are imported inside each command so that ``--version`` and ``--help`` are quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reviewtool import __version__
from reviewtool import commands as actions

if TYPE_CHECKING:
    pass

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_BLOCKED = 3


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

    p = commands.add_parser("import", help="import review bundles (*.rtbundle.json)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")

    p = commands.add_parser("export", help="export reviews to a bundle")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--review",
        action="append",
        default=[],
        metavar="REF_OR_ID",
        help="export only this review (repeatable); default: everything",
    )
    p.add_argument(
        "--include-identifiers",
        action="store_true",
        help="also write the protected identifiers (real names, addresses)",
    )

    commands.add_parser("demo", help="load the built-in demo reviews")

    p = commands.add_parser("list", help="list reviews")
    p.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="K",
        help="rapid_review, cspr, national_review, scr or learning_review (repeatable)",
    )
    p.add_argument("--search", metavar="TEXT", default="", help="full-text search")

    p = commands.add_parser("briefing", help="write a 7-minute briefing (PDF, HTML or DOCX)")
    p.add_argument(
        "target",
        metavar="REF_OR_ID",
        help="a review's reference or id, or a topic briefing's title or id",
    )
    p.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="FILE.pdf, FILE.html or FILE.docx"
    )
    p.add_argument("--action-plan", action="store_true", help="add the team action plan page (PDF)")
    p.add_argument(
        "--override-check",
        metavar="REASON",
        help="write it even if the publication check finds something (recorded)",
    )

    p = commands.add_parser("slides", help="write learning slides (PPTX or PDF)")
    p.add_argument("reviews", nargs="*", metavar="REF_OR_ID", help="reviews to teach from")
    p.add_argument("--theme", metavar="CODE", help="a codebook theme across a period instead")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.pptx or FILE.pdf")
    p.add_argument(
        "--override-check",
        metavar="REASON",
        help="write it even if the publication check finds something (recorded)",
    )

    p = commands.add_parser("check", help="run the publication check on a review's outputs")
    p.add_argument("target", metavar="REF_OR_ID")

    p = commands.add_parser("thematic", help="thematic review summary across a period")
    p.add_argument("--from", dest="date_from", type=_iso_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_iso_date, required=True, metavar="DATE")
    p.add_argument(
        "--by",
        choices=["notified", "published"],
        default="notified",
        help="which date puts a review in the period (default: notified)",
    )
    p.add_argument("--kind", action="append", default=[], metavar="K", help="only these kinds")
    p.add_argument("--compare-from", type=_iso_date, metavar="DATE")
    p.add_argument("--compare-to", type=_iso_date, metavar="DATE")
    p.add_argument(
        "--threshold",
        type=float,
        default=0.25,
        metavar="SHARE",
        help="share of reviews a recurring theme needs (default 0.25)",
    )
    p.add_argument(
        "--count-both",
        action="store_true",
        help="count a rapid review and the CSPR it led to as two cases",
    )
    p.add_argument(
        "--for-publication",
        action="store_true",
        help="mark for publication instead of OFFICIAL-SENSITIVE",
    )
    p.add_argument("--out", type=Path, metavar="FILE.pdf")
    p.add_argument("--html", type=Path, metavar="FILE")
    p.add_argument("--xlsx", type=Path, metavar="FILE")
    p.add_argument("--docx", type=Path, metavar="FILE")
    p.add_argument(
        "--override-check",
        metavar="REASON",
        help="write it even if the publication check finds something (recorded)",
    )

    p = commands.add_parser("audit", help="export the audit trail as CSV")
    p.add_argument("--review", metavar="REF_OR_ID", help="only this review's history")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv")

    commands.add_parser("encrypt", help="encrypt the local database file and its backups")
    commands.add_parser("change-passphrase", help="change the encrypted database's passphrase")

    p = commands.add_parser("backup", help="back up the database")
    p.add_argument("--to", type=Path, metavar="DIR", help="folder for the backup file")

    p = commands.add_parser("restore", help="replace the database with a backup")
    p.add_argument("file", type=Path, metavar="FILE")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: actions.cmd_gui,
    "import": actions.cmd_import,
    "export": actions.cmd_export,
    "demo": actions.cmd_demo,
    "list": actions.cmd_list,
    "briefing": actions.cmd_briefing,
    "slides": actions.cmd_slides,
    "check": actions.cmd_check,
    "thematic": actions.cmd_thematic,
    "audit": actions.cmd_audit,
    "encrypt": actions.cmd_encrypt,
    "change-passphrase": actions.cmd_change_passphrase,
    "backup": actions.cmd_backup,
    "restore": actions.cmd_restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from reviewtool.domain.errors import InvalidInput, ReviewtoolError
    from reviewtool.services.outputs.publication import PublicationBlocked

    try:
        return COMMANDS[args.command](args)
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
