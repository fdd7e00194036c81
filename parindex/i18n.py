"""Interface text from locales/<lang>.toml. Vietnamese is the default language."""

from __future__ import annotations

import tomllib
from functools import cache

from parindex.paths import LOCALES_DIR

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


@cache
def messages(lang: str) -> dict[str, str]:
    """Flat {"section.key": text} for one language."""
    with (LOCALES_DIR / f"{lang}.toml").open("rb") as handle:
        return _flatten(tomllib.load(handle))


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


MISSING: set[str] = set()  # keys asked for but not found, for the tests that visit every page


class Translator:
    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._messages = messages(self.lang)

    def __call__(self, key: str, **values) -> str:
        text = self._messages.get(key)
        if text is None:  # a missing key is a bug the locale tests catch; show it, don't crash
            MISSING.add(key)
            return key
        return text.format(**values) if values else text
