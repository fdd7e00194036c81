"""One log line per page view, for the operator: which page, with which filters, how long the
script took, how it ended, and an anonymous session id. Nothing personal: no address, no name,
no password or form field, no SQL; the filters are the view's own URL parameters, each value kept
only when it is a plain slug (a unit id, a year), else written as '?'.

    2026-12-01T23:40:12 INFO parindex.views view page=/xep-hang filters="g=commune y=2024" ms=183
        status=ok session=3f9a0c1d2b7e data=par-20261201T234000123456Z-1a2b3c4d5e6f.duckdb

The session id is Streamlit's, hashed with a random salt of this process: it links the views of
one browser tab on one replica, and nothing else.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import sys
import time

LOGGER = logging.getLogger("parindex.views")
_SALT = secrets.token_bytes(16)
_SLUG = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_KEY = re.compile(r"^[a-z]{1,12}$")
MAX_VALUES = 12
_configured = False


def configure() -> None:
    """A handler on the 'parindex' logger, at PARINDEX_LOG_LEVEL (Streamlit configures only its own)."""
    global _configured
    if _configured:
        return
    from parindex.serving import log_level

    logger = logging.getLogger("parindex")
    logger.setLevel(log_level())
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
        logger.addHandler(handler)
    _configured = True


def filters(params: dict[str, list[str]]) -> str:
    """The URL's parameters as `key=value` pairs, in order; unknown shapes never written out."""
    pairs = []
    for key, values in params.items():
        if not _KEY.match(key):
            continue
        pairs += [f"{key}={value if _SLUG.match(value) else '?'}" for value in values]
    return " ".join(pairs[:MAX_VALUES]) + (" …" if len(pairs) > MAX_VALUES else "")


def session_id(raw: str | None) -> str:
    if not raw:
        return "-"
    return hashlib.sha256(_SALT + raw.encode()).hexdigest()[:12]


def line(page: str, params: dict[str, list[str]], ms: float, status: str, session: str | None, data: str) -> str:
    return (
        f'view page=/{page} filters="{filters(params)}" ms={ms:.0f} status={status} '
        f"session={session_id(session)} data={data}"
    )


class PageView:
    """Started first thing in a rerun, done in the script's `finally`: the line is written however
    the script ends (`ok`, `stop` for st.stop, `rerun` when a click cut it short, `error`)."""

    def __init__(self) -> None:
        configure()
        self.started = time.perf_counter()

    def done(self, page: str) -> None:
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        from parindex.paths import db_path

        error = sys.exc_info()[1]
        name = type(error).__name__ if error else ""
        status = (
            "ok"
            if error is None
            else "stop"
            if name == "StopException"
            else "rerun"
            if name == "RerunException"
            else "error"
        )
        ctx = get_script_run_ctx()
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        ms = (time.perf_counter() - self.started) * 1000
        LOGGER.log(
            logging.ERROR if status == "error" else logging.INFO,
            line(page, params, ms, status, ctx.session_id if ctx else None, db_path().resolve().name),
        )
