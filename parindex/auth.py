"""Editors' sign-in: bcrypt password hashes in Streamlit's secrets, a lockout after repeated
failures, and OIDC (st.login) where `[auth]` is configured. No Streamlit calls at import.

Secrets (.streamlit/secrets.toml, never committed; `python -m parindex add-editor NAME` writes it):

    [editors.lan]
    password_hash = "$2b$12$..."        # bcrypt; the password itself is stored nowhere

    [auth]                              # optional: OIDC, see Streamlit's st.login
    editor_emails = ["lan@laocai.gov.vn"]  # only these signed-in accounts are editors

A password or a hash is never logged, printed or shown.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import bcrypt

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
_DUMMY = bcrypt.hashpw(b"not a password", bcrypt.gensalt(rounds=4))  # same work for unknown names


def hash_password(password: str) -> str:
    data = password.encode("utf-8")
    if not 8 <= len(data) <= 72:  # bcrypt reads at most 72 bytes
        raise ValueError("a password has 8 to 72 bytes")
    return bcrypt.hashpw(data, bcrypt.gensalt(rounds=12)).decode("ascii")


def matches(password: str, stored: str | None) -> bool:
    data = password.encode("utf-8")[:72]
    try:
        return bcrypt.checkpw(data, stored.encode("ascii")) if stored else bcrypt.checkpw(data, _DUMMY) and False
    except ValueError:  # a malformed hash in the secrets: no one signs in with it
        return False


class Lockout:
    """Failures per account, kept in a small file beside the database so a restart does not reset them."""

    def __init__(self, path: Path):
        self.path = path

    def locked_until(self, name: str) -> float | None:
        entry = self._read().get(name, {})
        until = entry.get("locked_until", 0)
        return until if until > time.time() else None

    def failed(self, name: str) -> None:
        state = self._read()
        entry = state.get(name, {"failures": 0})
        entry["failures"] = entry.get("failures", 0) + 1
        if entry["failures"] >= MAX_FAILURES:
            entry = {"failures": 0, "locked_until": time.time() + LOCK_SECONDS}
        state[name] = entry
        self._write(state)

    def succeeded(self, name: str) -> None:
        state = self._read()
        if state.pop(name, None) is not None:
            self._write(state)

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write(self, state: dict) -> None:
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".new", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
        os.replace(tmp, self.path)


def lockout_for(db_path: Path) -> Lockout:
    return Lockout(db_path.with_name(f".{db_path.name}.signin.json"))


def sign_in(editors: dict, name: str, password: str, lockout: Lockout) -> str:
    """'ok', 'locked' or 'wrong' (the same answer for an unknown name and a wrong password)."""
    name = name.strip().lower()
    if lockout.locked_until(name):
        return "locked"
    entry = editors.get(name) if NAME.match(name) else None
    if matches(password, entry.get("password_hash") if isinstance(entry, dict) else None):
        lockout.succeeded(name)
        return "ok"
    lockout.failed(name)
    return "locked" if lockout.locked_until(name) else "wrong"


def add_editor(secrets: Path, name: str, password: str) -> None:
    """Write (or replace) an editor's hash in the secrets file, keeping everything else in it."""
    if not NAME.match(name):
        raise ValueError("an editor's name is lower-case ASCII letters, digits, '.', '_' or '-'")
    section = f'[editors.{name}]\npassword_hash = "{hash_password(password)}"\n'
    text = secrets.read_text(encoding="utf-8") if secrets.exists() else ""
    pattern = re.compile(rf"^\[editors\.{re.escape(name)}\]\n(?:(?!\[).*\n?)*", re.MULTILINE)
    text = (
        pattern.sub(section, text)
        if pattern.search(text)
        else text + ("\n" if text and not text.endswith("\n") else "") + section
    )
    secrets.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{secrets.name}.", dir=secrets.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, secrets)
