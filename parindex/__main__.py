"""Command line: `python -m parindex build [--db PATH]`, `setup-year FILE`, `setup-template`, `import FILE`,
`publish`, `export`, `backup`, `add-editor NAME`, `report`, `generate`, `demo --scale national --db PATH`, `bench`,
`serve [streamlit options]`, and for running it behind nginx (deploy/, parindex/serving.py): `ready`,
`release --to DIR`, `nginx-config`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parindex.dataset import DatasetError
from parindex.paths import DATA_DIR, ROOT, db_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parindex", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="validate data/ and (re)build the DuckDB file")
    build_cmd.add_argument("--db", type=Path, help="database path (default: $PARINDEX_DB or data/par.duckdb)")
    build_cmd.add_argument("--data", type=Path, default=DATA_DIR, help="dataset folder (default: data/)")
    gen_cmd = commands.add_parser("generate", help="rewrite data/illustrative/ from its generator")
    gen_cmd.add_argument("--data", type=Path, default=DATA_DIR)
    demo_cmd = commands.add_parser("demo", help="build a database of synthetic (illustrative) national-scale data")
    demo_cmd.add_argument("--scale", choices=("national", "small"), default="national")
    demo_cmd.add_argument("--db", type=Path, required=True, help="database to write")
    demo_cmd.add_argument("--sources", type=Path, help="keep the generated source files in this new folder")
    commands.add_parser(
        "bench", help="measure every page at provincial and national scale (see parindex/bench.py)", add_help=False
    )
    from parindex.importing import cli as import_cli

    import_cli.add_commands(commands)
    from parindex.report import cli as report_cli

    report_cli.add_command(commands)
    commands.add_parser(
        "serve", help="run the dashboard (streamlit run dashboard.py, options passed on)", add_help=False
    )
    from parindex import deploy_cli

    deploy_cli.add_commands(commands)
    args, rest = parser.parse_known_args(argv)
    if args.command in deploy_cli.COMMANDS and rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:  # a wrong PARINDEX_* setting: its name and the values it takes, no traceback
        if args.command in deploy_cli.COMMANDS:
            return deploy_cli.run(args)
        refused = deploy_cli.refuse_on_reader(args.command)
        if args.command == "serve":
            return serve(rest)
    except deploy_cli.serving.SettingError as error:
        print(error, file=sys.stderr)
        return 2
    if refused:
        print(refused, file=sys.stderr)
        return 1
    if args.command == "bench":
        from parindex.bench import main as bench

        return bench(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")

    if args.command == "generate":
        from parindex.generate import write_illustrative

        write_illustrative(args.data)
        print(f"wrote {args.data / 'illustrative'}")
        return 0

    if args.command == "demo":
        from parindex.demo import SCALES, build_demo

        try:
            build_demo(SCALES[args.scale], args.db, args.sources)
        except DatasetError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"built {args.db} ({args.scale} scale, illustrative)")
        return 0

    if args.command == "report":
        return report_cli.run(args)

    if args.command in (
        "import",
        "publish",
        "export",
        "backup",
        "restore",
        "add-editor",
        "setup-year",
        "setup-template",
    ):
        return import_cli.run(args, getattr(args, "db", None) or db_path())

    from parindex.build import build

    target = args.db or db_path()
    try:
        build(args.data, target)
    except DatasetError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"built {target}")
    return 0


def serve(streamlit_options: list[str]) -> int:
    """`streamlit run dashboard.py` (through parindex/replica.py, which adds the readiness route
    /healthz), told that pages/ is not the legacy multipage folder, with the options the
    environment asks for (parindex.serving: log level, the editors' secrets file).

    Streamlit treats a pages/ folder beside the main script as the old automatic multipage app
    until the first st.navigation call, so the first visitor after a start who opens a deep link
    (/xep-hang) gets a "page not found" dialog. The pages here are declared with st.navigation.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    from parindex import serving

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ROOT / "parindex" / "replica.py"), *serving.serve_options(), *streamlit_options]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
