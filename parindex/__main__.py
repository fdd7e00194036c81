"""Command line: `python -m parindex build [--db PATH]`, `python -m parindex generate`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parindex.dataset import DatasetError
from parindex.paths import DATA_DIR, db_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parindex", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="validate data/ and (re)build the DuckDB file")
    build_cmd.add_argument("--db", type=Path, help="database path (default: $PARINDEX_DB or data/par.duckdb)")
    build_cmd.add_argument("--data", type=Path, default=DATA_DIR, help="dataset folder (default: data/)")
    gen_cmd = commands.add_parser("generate", help="rewrite data/illustrative/ from its generator")
    gen_cmd.add_argument("--data", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)

    if args.command == "generate":
        from parindex.generate import write_illustrative
        write_illustrative(args.data)
        print(f"wrote {args.data / 'illustrative'}")
        return 0

    from parindex.build import build
    target = args.db or db_path()
    try:
        build(args.data, target)
    except DatasetError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"built {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
