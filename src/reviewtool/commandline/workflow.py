"""The statutory workflow: agency returns, the integrated chronology, the rapid review report,
a local review's milestones."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewtool.commandline.common import (
    EXIT_OK,
    Subcommands,
    add_override_check,
    iso_date,
    opened,
)


def register(commands: Subcommands) -> None:
    p = commands.add_parser(
        "agency-request",
        help="record a request to an agency and write its return template (XLSX)",
    )
    p.add_argument("target", metavar="REF_OR_ID", help="the rapid review's reference or id")
    p.add_argument("--agency", required=True, metavar="NAME", help="the agency asked")
    p.add_argument("--contact", metavar="NAME", help="the agency's safeguarding lead")
    p.add_argument(
        "--due-days",
        type=int,
        default=5,
        metavar="N",
        help="working days the agency has to return it (default 5)",
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.xlsx")
    p.set_defaults(run=cmd_agency_request)

    p = commands.add_parser("import-return", help="import an agency's filled return (XLSX)")
    p.add_argument("target", metavar="REF_OR_ID")
    p.add_argument("file", type=Path, metavar="FILE.xlsx")
    p.set_defaults(run=cmd_import_return)

    p = commands.add_parser(
        "chronology", help="the integrated chronology of every agency's entries (XLSX or DOCX)"
    )
    p.add_argument("target", metavar="REF_OR_ID")
    p.add_argument(
        "--agency", action="append", default=[], metavar="NAME", help="only this agency (repeat)"
    )
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.xlsx or FILE.docx")
    p.set_defaults(run=cmd_chronology)

    p = commands.add_parser(
        "rapid-review-report", help="the rapid review report for the National Panel (DOCX or PDF)"
    )
    p.add_argument("target", metavar="REF_OR_ID")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.docx or FILE.pdf")
    add_override_check(p)
    p.set_defaults(run=cmd_rapid_review_report)


def cmd_agency_request(args: argparse.Namespace) -> int:
    from reviewtool.commandline.common import bad_input
    from reviewtool.services.workflow.agency_returns import write_agency_request

    if not 1 <= args.due_days <= 60:
        raise bad_input("--due-days: give a number of working days from 1 to 60")
    with opened(args) as store:
        path = write_agency_request(
            store,
            args.target,
            args.agency,
            args.out,
            contact=args.contact,
            due_working_days=args.due_days,
        )
    print(f"Wrote {path}")
    return EXIT_OK


def cmd_import_return(args: argparse.Namespace) -> int:
    from reviewtool.services.workflow.agency_returns import import_return

    with opened(args) as store:
        imported = import_return(store, args.target, args.file)
    verb = "replaced the earlier return" if imported.replaced else "imported"
    entries = f"{imported.entries} chronology entr{'y' if imported.entries == 1 else 'ies'}"
    episodes = f"{imported.episodes} key practice episode{'' if imported.episodes == 1 else 's'}"
    print(f"{imported.agency}: {verb}: {entries}, {episodes}")
    return EXIT_OK


def cmd_chronology(args: argparse.Namespace) -> int:
    from reviewtool.services.workflow.chronology import export_chronology

    with opened(args) as store:
        model = export_chronology(
            store, args.target, args.out, args.agency, args.date_from, args.date_to
        )
    print(
        f"Wrote {args.out}: {len(model.lines)} entries, "
        f"{model.duplicates} flagged as possible duplicates"
    )
    return EXIT_OK


def cmd_rapid_review_report(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.rapid_review_report import export_rapid_review_report

    with opened(args) as store:
        export_rapid_review_report(store, args.target, args.out, args.override_check)
    print(f"Wrote {args.out}")
    return EXIT_OK
