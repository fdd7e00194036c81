"""`python -m parindex report`: the year's report (or, with --unit, a unit's brief) as DOCX or PDF.

Reads as an anonymous reader unless --drafts is given: a draft year is refused without it, and
with it every page is marked DỰ THẢO. Bad input is refused with a message and writes nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from parindex import facts
from parindex.dataset import GROUPS
from parindex.paths import db_path

REPORT_GROUPS = tuple(g for g in GROUPS if g != "province")  # the national index is not the province's report


def add_command(commands) -> None:
    cmd = commands.add_parser("report", help="write the year's report (or a unit's brief) as DOCX or PDF")
    cmd.add_argument("--year", type=int, required=True)
    cmd.add_argument("--group", required=True, choices=REPORT_GROUPS)
    cmd.add_argument("--jurisdiction", help="the province (default: the home province)")
    cmd.add_argument("--unit", help="a unit id: its two-page brief instead of the year's report")
    cmd.add_argument("--lang", choices=("vi", "en"), default="vi")
    cmd.add_argument("--format", choices=("docx", "pdf"), help="default: the --out file's suffix, else docx")
    cmd.add_argument("--out", type=Path, help="default: the report's file name in the current folder")
    cmd.add_argument("--drafts", action="store_true", help="include a draft assessment (editors): marked DỰ THẢO")
    cmd.add_argument("--db", type=Path, help="database path (default: $PARINDEX_DB or data/par.duckdb)")


def run(args) -> int:
    from parindex import report
    from parindex.db import query

    database = args.db or db_path()
    if not Path(database).is_file():
        return _refuse(f"no database at {database}: build it first (python -m parindex build --db {database})")
    os.environ["PARINDEX_DB"] = str(database)
    fmt = args.format or (args.out.suffix.lstrip(".").lower() if args.out and args.out.suffix else "docx")
    if fmt not in report.FORMATS:
        return _refuse(f"unknown format {fmt!r}: use --format docx or pdf")
    places = query("jurisdictions", drafts=args.drafts)["jurisdiction_id"].tolist()
    jurisdiction = args.jurisdiction or facts.home(places)
    if jurisdiction not in places:
        return _refuse(
            f"unknown province {args.jurisdiction!r}: choose one of {', '.join(places)}"
            if args.jurisdiction
            else f"several provinces: choose one with --jurisdiction ({', '.join(places)})"
        )
    view = report.View(jurisdiction, args.group, args.year, args.lang, drafts=args.drafts)
    out = args.out or Path(report.file_name(view, fmt, args.unit))
    if out.suffix.lower() != f".{fmt}":
        return _refuse(f"{out} does not end in .{fmt}")
    try:
        data = report.build(view, fmt, args.unit)
    except report.Refused as refused:
        from parindex.i18n import Translator

        hint = "" if args.drafts else " " + Translator(args.lang)("report.cli_drafts_hint")
        return _refuse(f"{refused}{hint}")
    except report.pdf.ConversionError as error:
        return _refuse(str(error))
    partial = out.with_name(out.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, out)  # a reader of the file never sees half of it
    print(f"wrote {out}")
    return 0


def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
