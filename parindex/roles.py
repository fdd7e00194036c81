"""Who is reading. Anonymous viewers see published assessments only; a signed-in editor also
sees drafts (marked DỰ THẢO on every figure). The sign-in itself sets the session's editor."""

from __future__ import annotations

import streamlit as st

EDITOR_KEY = "editor"


def editor() -> str | None:
    """The signed-in editor's name, or None for an anonymous viewer."""
    name = st.session_state.get(EDITOR_KEY)
    return name if isinstance(name, str) and name else None


def sees_drafts() -> bool:
    return editor() is not None
