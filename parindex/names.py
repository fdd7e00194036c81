"""Unit names as real documents spell them: one key for every variant of the same name."""

import re
import unicodedata

_DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Fold case, Unicode form (composed vs decomposed), dashes and spacing.

    >>> name_key("Sở Giáo dục  –  Đào tạo") == name_key("sở giáo dục-đào tạo")
    True
    """
    text = unicodedata.normalize("NFC", name).casefold()
    text = _DASHES.sub(" - ", text)
    return _SPACES.sub(" ", text).strip()
