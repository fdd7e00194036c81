"""The view's state in its address: the one way in (`value`, `values`, `bind`) and the one way out
(`write`) for every filter, the shared ones (app.setup) and each page's own.

Query parameters are untrusted: a value not among the options falls back to its default with a
short notice (`notice` queues it for the top of the page, `bind` shows it where the widget is),
never an exception. Defaults stay out of the address.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import streamlit as st

from parindex import serving

_NOTICES = "_notices"


def value(key: str, default: str | None = None) -> str | None:
    """The address's value for key (the last, when repeated, as Streamlit reads it); default when absent."""
    return st.query_params.get(key, default)


def values(key: str) -> list[str]:
    """Every value the address repeats for key (`u=a&u=b`)."""
    return st.query_params.get_all(key)


def year(raw: str | None) -> int | None:
    """A year as the address may write it: four ASCII digits ('٢٠٢١' is not a year here)."""
    return int(raw) if raw is not None and len(raw) == 4 and raw.isascii() and raw.isdigit() else None


def write(key: str, current, default=None) -> None:
    """Mirror a filter into the address (a list as repeated keys), leaving the default out."""
    if current == default or current in (None, [], ""):
        if key in st.query_params:
            del st.query_params[key]
    else:
        wanted = [str(v) for v in current] if isinstance(current, list) else str(current)
        found = st.query_params.get_all(key) if isinstance(current, list) else st.query_params.get(key)
        if found != wanted:
            st.query_params[key] = wanted
    st.session_state[f"_url_{key}"] = current if current != [] else None


def bind(
    key: str,
    options: list[str],
    default,
    *,
    notice: Callable[[str], str] | None = None,
    multiple: bool = False,
    limit: int | None = None,
    limit_notice: Callable[[list[str]], str] | None = None,
) -> None:
    """Before a page draws the widget with this key: take the address's value when the visitor
    arrives with one (a shared link), keep the widget's value on later reruns. Values not in
    `options` are dropped, and `notice(values)` says so; past `limit`, `limit_notice(kept)` says
    which were kept (else `notice` names the ones dropped)."""
    wanted = values(key) if multiple else value(key)
    marker = f"_url_{key}"
    if wanted and wanted != st.session_state.get(marker):
        given = wanted if multiple else [wanted]
        unknown = [v for v in given if v not in options]
        known = list(dict.fromkeys(v for v in given if v in options))
        over = known[limit:] if limit else []
        known = known[:limit] if limit else known
        dropped = unknown if limit_notice else unknown + over
        if dropped and notice:
            st.info(notice(", ".join(clip(v) for v in dropped)), icon="ℹ️")
        if over and limit_notice:
            st.info(limit_notice(known), icon="ℹ️")
        if multiple:
            st.session_state[key] = known
        elif known:
            st.session_state[key] = known[0]
    chosen = st.session_state.get(key)
    if multiple:  # a str is another page's one-unit widget under the same key: not this page's choice
        own = chosen if isinstance(chosen, list) else None
        st.session_state[key] = [v for v in own if v in options] if own else (default or [])
    elif chosen not in options:
        st.session_state[key] = default
    elif chosen == default:  # set again, so that this page's widget shows it: a value another page's
        st.session_state[key] = chosen  # widget left (the reader's unit, chosen there) is otherwise not shown


def selectbox(
    where,
    key: str,
    label: str,
    options: dict[str, str],
    *,
    start: str | None,
    notice: Callable[[str], str],
    placeholder: str,
    **widget,
) -> str | None:
    """One of `options` (id -> name shown) or none, drawn in `where` (st or a column) and bound to
    the address's `key` both ways: `bind` on the way in (from `start`), `write` on the way out."""
    bind(key, list(options), start, notice=notice)
    chosen = where.selectbox(
        label, list(options), key=key, index=None, format_func=options.get, placeholder=placeholder, **widget
    )
    write(key, chosen)
    return chosen


def notice(text: str) -> None:
    """Say, at the top of the page on this rerun, that a value of the address was not used."""
    st.session_state.setdefault(_NOTICES, []).append(text)


def notices() -> list[str]:
    """The notices queued on this rerun, once."""
    return st.session_state.pop(_NOTICES, [])


def clip(text: str, limit: int = 40) -> str:
    """An untrusted value as a notice quotes it: never a page-long string."""
    return text if len(text) <= limit else text[:limit] + "…"


def current_url() -> str:
    """This view's address with its filters, as the reader's browser shows it: what to share."""
    pairs = [(key, v) for key in st.query_params for v in st.query_params.get_all(key)]
    return serving.public_url(st.context.url or "") + ("?" + urlencode(pairs) if pairs else "")
