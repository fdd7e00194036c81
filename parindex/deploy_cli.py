"""The commands of running it for the province (README, "Running it for the province"):

python -m parindex ready [--db PATH | --url http://127.0.0.1:8501 [--wait SECONDS]]
python -m parindex release --to DIR [--db PATH | --from -] [--sha256 HEX] [--keep N]
python -m parindex nginx-config --replica 127.0.0.1:8501 ... --writer 127.0.0.1:8500 ... > site.conf
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from parindex import serving

COMMANDS = ("ready", "release", "nginx-config")


def add_commands(commands) -> None:
    ready = commands.add_parser("ready", help="exit 0 when the database can be read (or a running replica says so)")
    ready.add_argument("--db", type=Path, help="database path (default: $PARINDEX_DB or data/par.duckdb)")
    ready.add_argument("--url", help="ask a running replica's /healthz instead, e.g. http://127.0.0.1:8501")
    ready.add_argument("--wait", type=float, default=0, help="with --url: keep asking this many seconds")
    rel = commands.add_parser(
        "release",
        help="copy the database in as a new release of a reader folder, then point current.duckdb at it atomically",
    )
    rel.add_argument("--to", type=Path, required=True, help="the reader's release folder, e.g. /srv/parindex/readers")
    rel.add_argument("--db", type=Path, help="the file to release (default: $PARINDEX_DB, the writer's database)")
    rel.add_argument("--from", dest="source", choices=("-",), help="read the file from standard input (over ssh)")
    rel.add_argument("--sha256", help="the sender's SHA-256 of the file: a copy that differs is not released")
    rel.add_argument("--keep", type=int, default=3, help="releases kept for a rollback (default 3)")
    from parindex.nginx import add_arguments

    add_arguments(
        commands.add_parser(
            "nginx-config",
            help="write the nginx site (deploy/nginx/parindex.conf.in) for these replicas, names and certificates",
        )
    )


def refuse_on_reader(command: str) -> str | None:
    """Why a command that writes the database must not run here, or None."""
    if command in serving.WRITING_COMMANDS and serving.is_reader():
        return (
            f"PARINDEX_ROLE=reader: `{command}` writes the database, and a reader's file is replaced by the "
            "next release. Run it on the writer (README, 'Running it for the province')."
        )
    return None


def run(args) -> int:
    if args.command == "ready":
        return _ready(args)
    if args.command == "release":
        return _release(args)
    from parindex.nginx import render_from_args

    sys.stdout.write(render_from_args(args))
    return 0


def _ready(args) -> int:
    if args.url:
        answer = serving.wait_ready(args.url, args.wait)
    else:
        if args.db:
            os.environ["PARINDEX_DB"] = str(args.db)
        answer = serving.readiness()
    print(json.dumps(answer or {"ready": False, "problem": "no answer"}))
    return 0 if answer and answer.get("ready") else 1


def _release(args) -> int:
    from parindex import release
    from parindex.paths import db_path

    try:
        if args.source == "-":
            done = release.release(sys.stdin.buffer, args.to, expected_sha256=args.sha256, keep=args.keep)
        else:
            source = args.db or db_path()
            if not source.is_file():
                print(f"no such file: {source}", file=sys.stderr)
                return 1
            with source.open("rb") as handle:
                done = release.release(handle, args.to, expected_sha256=args.sha256, keep=args.keep)
    except release.ReleaseError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"released {done.name} in {args.to}")
    return 0
