"""Who is reading. Anonymous viewers see published assessments only; a signed-in editor also
sees drafts (marked DỰ THẢO on every figure). An editor signs in with a password (the editors'
page sets the session's editor, see parindex.auth) or, where `[auth]` is configured, through
OIDC (st.login) with an e-mail listed in the secrets' `[oidc_editors] emails`."""

from __future__ import annotations

import streamlit as st

EDITOR_KEY = "editor"


def editor() -> str | None:
    """The signed-in editor's name, or None for an anonymous viewer."""
    name = st.session_state.get(EDITOR_KEY)
    if isinstance(name, str) and name:
        return name
    return _oidc_editor()


def secret(section: str) -> dict:
    """A section of the secrets as a plain dict; {} when there is no secrets file or no section."""
    try:
        value = st.secrets.get(section)
    except Exception:  # no secrets file at all: Streamlit raises rather than return nothing
        return {}
    return value.to_dict() if hasattr(value, "to_dict") else dict(value or {})


def oidc_configured() -> bool:
    return bool(secret("auth"))


def _logged_in() -> bool:
    """Whether st.login signed this session in (st.user lacks the flag where no login happened)."""
    try:
        return bool(st.user.is_logged_in)
    except (AttributeError, KeyError):
        return False


def _user_email() -> str | None:
    return st.user.get("email")


def _oidc_editor() -> str | None:
    if not oidc_configured() or not _logged_in():
        return None
    email = _user_email()
    return email if email and email in secret("oidc_editors").get("emails", []) else None


def sign_out() -> None:
    st.session_state.pop(EDITOR_KEY, None)
    if oidc_configured() and _logged_in():
        st.logout()


def sees_drafts() -> bool:
    return editor() is not None
