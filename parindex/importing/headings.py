"""Which column is which: the headings real annexes use, in their usual variants.

Headings are compared folded: no diacritics, lower case, punctuation as spaces, so that
"Điểm điều tra XHH", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC" and "Diem dieu tra XHH" are the same column.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9%.]+")

# (field, patterns): the first field with a pattern found in the folded heading wins, so the
# specific headings come before the general ones ("Điểm tự đánh giá" before "Điểm").
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("derived", (r"^derived$",)),  # the backup's own columns, in the database's words
    ("note_vi", (r"^note vi$",)),
    ("note_en", (r"^note en$",)),
    ("source_id", (r"^source id$",)),
    ("skip", (r"^stt$", r"^tt$", r"^so tt$", r"^so thu tu$", r"^ghi chu", r"^note")),
    ("unit_id", (r"\bma don vi\b", r"^unit id$", r"^unit_id$")),
    ("criterion_id", (r"\bma tieu chi\b", r"^criterion id$", r"^criterion_id$", r"^tieu chi$", r"^criterion$")),
    ("self", (r"\btu danh gia\b", r"^self", r"\bself assessed\b")),
    ("appraised", (r"\btham dinh\b", r"^appraised$")),
    ("survey", (r"\bdieu tra\b", r"\bxhh\b", r"\bxa hoi hoc\b", r"^survey$")),
    ("rank", (r"\bxep hang\b", r"\bthu hang\b", r"^hang$", r"^rank$", r"^published rank$")),
    ("tier", (r"\bxep loai\b", r"^tier$", r"^published tier$")),
    ("provenance", (r"\bnguon so lieu\b", r"^provenance$")),
    ("pct", (r"\bchi so\b.*%", r"^%", r"\bpct\b", r"\bty le\b")),
    (
        "total",
        (
            r"\btong diem\b",
            r"^tong$",
            r"^tong cong$",
            r"\bchi so\b",
            r"\bdiem tong\b",
            r"^total$",
            r"\bket qua\b",
            r"\bdiem dat\b",
        ),
    ),
    (
        "unit",
        (
            r"\bten don vi\b",
            r"^don vi\b",
            r"\bco quan\b",
            r"\bdia phuong\b",
            r"^unit\b",
            r"^unit name$",
            r"^ten$",
            r"\bten co quan\b",
        ),
    ),
    ("points", (r"^diem$", r"^diem cham$", r"^diem tham dinh$", r"^points$", r"^final points$", r"^final$")),
)


def fold(text: object) -> str:
    """'Điểm tự đánh giá' -> 'diem tu danh gia'."""
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(_NON_WORD.sub(" ", plain).split())


def field_of(heading: str, criteria: set[str] | None = None) -> str | None:
    """The field a heading names, 'criterion:<id>' for a criterion's column, or None (ignored)."""
    if criteria:
        code = str(heading).strip().split(" ", 1)[0].rstrip(".:")
        if code in criteria:
            return f"criterion:{code}"
    folded = fold(heading)
    if not folded:
        return None
    for name, patterns in _RULES:
        if any(re.search(p, folded) for p in patterns):
            return name
    return None


def looks_like_criterion(heading: str) -> bool:
    """A heading written like a criterion code (CDDH.1.a, A.1): not silently ignored when unknown."""
    return bool(re.fullmatch(r"[A-Z]{1,8}(\.\d+)+(\.[a-z])?", str(heading).strip().split(" ", 1)[0]))
