"""A reader process for the concurrency test: reads the database the way the app does (parindex.db:
reconnect when the file's version changes), over and over, until the stop file appears.

Every read must be one version: import k writes alpha = 40 + k/2 and beta = 30 + k/2 and is the
k-th log entry, so the three must agree. Prints one JSON line: reads, errors, inconsistent, versions."""

import json
import sys
import time
from pathlib import Path

from parindex.db import cursor_on, data_version

SQL = """SELECT (SELECT max(import_id) FROM import_log),
                max(CASE WHEN unit_id = 'alpha' THEN total END), max(CASE WHEN unit_id = 'beta' THEN total END)
         FROM result WHERE assessment_id = 'tinh-a-2022-department'"""


def main(db: Path, stop: Path) -> None:
    reads = errors = inconsistent = 0
    seen, messages = set(), []
    while not stop.exists() or reads == 0:
        try:
            cursor = cursor_on(db, data_version(db))
            try:
                k, alpha, beta = cursor.execute(SQL).fetchone()
            finally:
                cursor.close()
        except Exception as error:
            errors += 1
            messages.append(repr(error)[:200])
            continue
        reads += 1
        seen.add(k)
        time.sleep(0.005)  # a busy reader, not one that starves the importer of its core
        if k and (float(alpha) != 40 + k / 2 or float(beta) != 30 + k / 2):
            inconsistent += 1
    print(
        json.dumps(
            {
                "reads": reads,
                "errors": errors,
                "inconsistent": inconsistent,
                "versions": len(seen),
                "messages": messages[:5],
            }
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
