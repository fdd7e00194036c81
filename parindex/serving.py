"""How a dashboard process is run for the province: its settings from the environment, its role
(the writer, where imports happen, or a reader replica of the published file) and its readiness.

Every setting is an environment variable, read when asked (tests and AppTest change them):

    PARINDEX_DB          the database file; on a reader, the pointer `current.duckdb` of a release
                         folder (parindex.release), which a new release swaps atomically
    PARINDEX_ROLE        `writer` (default: one process does everything, as `make run`) or `reader`
    PARINDEX_WRITER_URL  where editors sign in, shown on a reader's Editors page
    PARINDEX_PUBLIC_URL  the address readers use (https://…), the base of every shared link
    PARINDEX_SECRETS     the editors' secrets file (default .streamlit/secrets.toml)
    PARINDEX_LOG_LEVEL   DEBUG, INFO (default: one line per page view), WARNING…

Readiness differs from Streamlit's `/_stcore/health`, which answers `ok` as long as the process
runs: `/healthz` (and `python -m parindex ready`) answers only when the database can be read, by
the same path the pages read it.
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import duckdb

from parindex import build
from parindex.db import query
from parindex.paths import ROOT, db_path

ROLES = ("writer", "reader")
# The commands that write the database: on a reader they would write a file the next release replaces.
WRITING_COMMANDS = ("build", "import", "publish", "setup-year", "restore")


class SettingError(ValueError):
    pass


def role() -> str:
    value = (os.environ.get("PARINDEX_ROLE") or "writer").strip().lower()
    if value not in ROLES:
        raise SettingError(f"PARINDEX_ROLE must be one of {', '.join(ROLES)}, not {value!r}")
    return value


def is_reader() -> bool:
    return role() == "reader"


def writer_url() -> str | None:
    """Where editors go from a reader: the writer's address, its Editors page."""
    base = (os.environ.get("PARINDEX_WRITER_URL") or "").strip().rstrip("/")
    return f"{base}/quan-tri" if base else None


def secrets_file() -> Path:
    return Path(os.environ.get("PARINDEX_SECRETS") or ROOT / ".streamlit" / "secrets.toml")


def log_level() -> str:
    value = (os.environ.get("PARINDEX_LOG_LEVEL") or "INFO").strip().upper()
    if value not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise SettingError(f"PARINDEX_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {value!r}")
    return value


def public_url(browser_url: str) -> str:
    """The address a reader shares: the browser's, on PARINDEX_PUBLIC_URL's scheme and host when set
    (behind the proxy a replica may be reached by an internal name; the public one is what others can
    open). The path below the public base is kept, so /xep-hang stays /xep-hang."""
    base = (os.environ.get("PARINDEX_PUBLIC_URL") or "").strip().rstrip("/")
    if not base or not browser_url:
        return browser_url
    public, seen = urlsplit(base), urlsplit(browser_url)
    path = seen.path
    if public.path and path.startswith(public.path):  # the browser is already under the public base
        path = path[len(public.path) :]
    return urlunsplit((public.scheme, public.netloc, public.path + (path or "/"), "", ""))


def serve_options() -> list[str]:
    """Streamlit options the environment asks for, put before the caller's own (a wrong setting is
    refused here, at the start, rather than on a reader's first page)."""
    role()
    options = ["--logger.level", log_level().lower()]
    if os.environ.get("PARINDEX_SECRETS"):
        options += ["--secrets.files", str(secrets_file())]
    return options


def readiness() -> dict:
    """Whether this process can answer readers: {'ready': bool, 'role', 'database' (the file's name,
    on a reader the release it points to), 'problem' when not ready}."""
    path = db_path()
    answer = {"ready": False, "role": role(), "database": path.resolve().name}
    problem = build.problem(path)  # missing, corrupt, or built by another version of this code
    if problem is None:
        try:
            if query("years").empty:
                problem = "empty"
        except (duckdb.Error, OSError) as error:  # opens, but a part is unreadable (a half-written copy)
            problem = f"unreadable: {type(error).__name__}"
    if problem:
        return {**answer, "problem": problem}
    return {**answer, "ready": True}


def wait_ready(url: str, seconds: float) -> dict | None:
    """Ask a running replica's /healthz until it says ready or `seconds` pass; its last answer (None
    when it never answered)."""
    import json

    deadline, last = time.monotonic() + seconds, None
    while True:
        try:
            with urllib.request.urlopen(f"{url.rstrip('/')}/healthz", timeout=5) as response:
                last = json.loads(response.read())
        except urllib.error.HTTPError as error:  # 503: answered, not ready
            last = json.loads(error.read() or b"{}")
        except (urllib.error.URLError, OSError, ValueError):
            pass
        if (last and last.get("ready")) or time.monotonic() >= deadline:
            return last
        time.sleep(0.5)
