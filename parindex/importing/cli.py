"""The command line of imports: `import`, `export`, `publish` (see python -m parindex --help)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from parindex.dataset import GROUPS, HOME
from parindex.importing.commit import import_file, publish
from parindex.importing.messages import ImportProblem, ImportRefused
from parindex.importing.plan import Options


def add_commands(commands) -> None:
    cmd = commands.add_parser("import", help="import a results table (XLSX or CSV) into the database")
    _year_file(
        cmd,
        jurisdiction="the province (default: the one the group's units belong to)",
        replace="overwrite the year's existing results",
    )
    cmd.add_argument("--create-units", action="store_true", help="create units the database does not know")
    _common(cmd)
    setup = commands.add_parser(
        "setup-year",
        help="set up a year: its criteria set, tier bands and unit changes (one workbook; see setup-template)",
    )
    _year_file(
        setup,
        jurisdiction="the province (default: the home province)",
        replace="set the year up again (its results are kept)",
    )
    _common(setup)
    tpl = commands.add_parser(
        "setup-template",
        help="write the set-up workbook to fill in (the group's latest criteria set and bands as a start)",
    )
    tpl.add_argument("--year", type=int, required=True)
    tpl.add_argument("--group", required=True, choices=GROUPS)
    tpl.add_argument("--jurisdiction")
    tpl.add_argument("--out", type=Path, required=True)
    tpl.add_argument("--db", type=Path)
    pub = commands.add_parser("publish", help="publish a draft assessment with its decision")
    pub.add_argument("--year", type=int, required=True)
    pub.add_argument("--group", required=True)
    pub.add_argument("--jurisdiction")
    pub.add_argument("--decision", required=True, help="decision number, e.g. 'QĐ 123/QĐ-UBND'")
    pub.add_argument("--date", required=True, help="decision date, YYYY-MM-DD")
    _common(pub)
    back = commands.add_parser("backup", help="write every assessment (drafts too) to an XLSX file and/or a CSV folder")
    back.add_argument("--xlsx", type=Path)
    back.add_argument("--csv", type=Path, help="a folder")
    back.add_argument("--db", type=Path)
    rest = commands.add_parser("restore", help="read a backup (XLSX file or CSV folder) back, through the import path")
    rest.add_argument("source", type=Path)
    _common(rest)
    add = commands.add_parser("add-editor", help="add an editor (or change a password): a bcrypt hash in the secrets")
    add.add_argument("name")
    add.add_argument("--secrets", type=Path, help="default: .streamlit/secrets.toml")
    exp = commands.add_parser("export", help="print one assessment's results as CSV")
    exp.add_argument("--year", type=int, required=True)
    exp.add_argument("--group", required=True)
    exp.add_argument("--jurisdiction")
    exp.add_argument("--db", type=Path)


def _year_file(cmd, jurisdiction: str, replace: str) -> None:
    """FILE --year --group [--jurisdiction] [--status] [--replace]: what an import and a set-up share."""
    cmd.add_argument("file", type=Path)
    cmd.add_argument("--year", type=int, required=True)
    cmd.add_argument("--group", required=True, choices=GROUPS)
    cmd.add_argument("--jurisdiction", help=jurisdiction)
    cmd.add_argument("--status", choices=("draft", "published"), default="draft")
    cmd.add_argument("--replace", action="store_true", help=replace)


def _common(cmd) -> None:
    cmd.add_argument("--db", type=Path, help="database path (default: $PARINDEX_DB or data/par.duckdb)")
    cmd.add_argument("--data", type=Path, help="the dataset folder (default: the one the database was built from)")
    cmd.add_argument(
        "--editor",
        default=os.environ.get("PARINDEX_EDITOR") or getpass.getuser(),
        help="who imports (written to the import log)",
    )


def run(args, db_path: Path) -> int:
    try:
        if args.command == "import":
            return _import(args, db_path)
        if args.command == "setup-year":
            return _setup_year(args, db_path)
        if args.command == "setup-template":
            from parindex.importing.setup_workbook import template_xlsx

            args.out.write_bytes(template_xlsx(db_path, args.jurisdiction or HOME, args.group, args.year))
            print(f"wrote {args.out}")
            return 0
        if args.command == "export":
            from parindex.importing.drafts import export_csv

            return export_csv(db_path, args.year, args.group, args.jurisdiction)
        if args.command == "add-editor":
            return _add_editor(args)
        if args.command in ("backup", "restore"):
            from parindex.importing import backup

            if args.command == "restore":
                print(f"restored {backup.restore(args.source, db_path, args.editor, args.data)} assessments")
                return 0
            if args.xlsx:
                args.xlsx.write_bytes(backup.to_xlsx(db_path))
            if args.csv:
                backup.to_folder(db_path, args.csv)
            return 0
        if args.command == "publish":
            from parindex.importing.drafts import find_assessment

            assessment_id = find_assessment(db_path, args.year, args.group, args.jurisdiction)
            publish(db_path, assessment_id, args.decision, args.date, args.editor, args.data)
            print(f"published {assessment_id} ({args.decision}, {args.date})")
            return 0
    except ImportRefused as refused:
        print_problems(refused.problems)
        return 1
    raise ValueError(args.command)


def _add_editor(args) -> int:
    """The password from a prompt (or the first line of standard input); only its hash is written."""
    from parindex.auth import add_editor
    from parindex.paths import ROOT

    if sys.stdin.isatty():
        password = getpass.getpass(f"Mật khẩu cho / password for {args.name}: ")
        if getpass.getpass("Nhập lại / again: ") != password:
            print("hai mật khẩu khác nhau / the passwords differ", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\n")
    secrets = args.secrets or ROOT / ".streamlit" / "secrets.toml"
    try:
        add_editor(secrets, args.name, password)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"editor {args.name} saved in {secrets}")
    return 0


def _no_such_file(path: Path) -> bool:
    """Whether the file to read is missing (then said on standard error)."""
    if path.is_file():
        return False
    print(f"không có tệp / no such file: {path}", file=sys.stderr)
    return True


def _year_options(args) -> dict:
    """The assessment an import or a set-up writes, as the command line names it (YearOptions' fields)."""
    return {
        "year": args.year,
        "group": args.group,
        "jurisdiction": args.jurisdiction,
        "status": args.status,
        "replace": args.replace,
    }


def _import(args, db_path: Path) -> int:
    if _no_such_file(args.file):
        return 1
    options = Options(**_year_options(args), create_units=args.create_units)
    if args.file.stat().st_size > 10 * 1024 * 1024:  # refused before it is read (sheet.MAX_BYTES)
        from parindex.importing.sheet import MAX_BYTES

        print_problems(
            [
                ImportProblem(
                    None,
                    None,
                    "too_large",
                    {"size": f"{args.file.stat().st_size / 1024 / 1024:.1f}", "limit": MAX_BYTES // 1024 // 1024},
                )
            ]
        )
        return 1
    done = import_file(args.file.name, args.file.read_bytes(), options, db_path, args.editor, args.data)
    verb = "replaced" if done.replaces else "imported"
    print(
        f"{verb} {done.assessment_id}: {done.rows} rows, status {args.status}"
        + (f"; new units: {', '.join(done.new_units)}" if done.new_units else "")
    )
    return 0


def _setup_year(args, db_path: Path) -> int:
    from parindex.importing.setup import SetupOptions, setup_year

    if _no_such_file(args.file):
        return 1
    options = SetupOptions(**_year_options(args))
    done = setup_year(args.file.name, args.file.read_bytes(), options, db_path, args.editor, args.data)
    counts = done.counts
    print(
        f"set up {done.assessment_id} ({args.status}): criteria set {done.framework_id or '—'} "
        f"({counts['criteria']} items), {counts['tiers']} tiers, {counts['units']} new units, "
        f"{counts['changes']} unit changes, "
        f"{counts['aliases']} aliases"
    )
    return 0


def print_problems(problems: list[ImportProblem]) -> None:
    """Every problem, in Vietnamese then in English, on standard error."""
    for problem in problems:
        print(problem.text("vi"), file=sys.stderr)
        print(problem.text("en"), file=sys.stderr)
