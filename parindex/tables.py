"""A table as the pages show it: the values a sort orders by, the text a reader sees, the room its
columns need. Pure pandas; ui.table draws it.

Why values and text apart: a column of text sorts as text ("↑ 1, ↑ 5, ↓ 1, =", "10/19" before
"2/19"). A quantity column holds its number; its formatter gives the text the reader sees (Babel's
89,28 in Vietnamese, arrows for a rank change, a true minus), which Streamlit shows through a pandas
Styler while it sorts on the number. Streamlit's own NumberColumn formats (printf, "localized") cannot
write a decimal comma for a Vietnamese reader on an English browser, nor an arrow by sign, so they
are not used. Missing stays missing (drawn as "—"), never 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd
from pandas.io.formats.style import Styler

from parindex import fmt

ROOM_PX = 800  # the main column at 1280 px, beside the sidebar: where a table's notes must end
_CHAR_PX, _PADDING_PX = 6.5, 24  # 14 px Source Sans: about 6.3 px a character (names measured), a cell's padding
_MAX_NAME_PX = 420  # a name wider than this wraps (a note) or scrolls
_MIN_NOTE_PX = 160  # a note narrower than this is a column of single words
_HEADING_ICONS_PX = 20  # room for the sort arrow a heading shows once its column is sorted
_LINE_PX, _ROW_PADDING_PX, _MAX_LINES = 20, 26, 6  # wrapped lines: 2 lines make a 66 px row


def text_width(texts) -> int:
    """Pixels for the longest of these texts on one line (Streamlit's own sizing cut long names)."""
    longest = max((len(str(x)) for x in texts if not fmt.is_missing(x)), default=0)
    return int(_PADDING_PX + _CHAR_PX * longest)


def name_width(names) -> int:
    """A column of names: the longest on one line ("Department of Agriculture and Rural
    Development"), within a wide note's width."""
    return min(_MAX_NAME_PX, max(100, text_width(names)))


@dataclass(frozen=True)
class Table:
    """`values`: one column per heading, numbers where the column is a quantity; `formats`: how
    each quantity column reads (the value in, the text out; never called on a missing value);
    `widths`: pixels a column needs where its text does not say (a name); `notes`: columns of long
    text that take the room the others leave and wrap there, read whole.

    No column is pinned: Streamlit draws a pinned column faded and first, and on a 390 px phone a
    pinned name leaves no room for the numbers; the name is given its width instead."""

    values: pd.DataFrame
    formats: Mapping[str, Callable[[object], str]] = field(default_factory=dict)
    widths: Mapping[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        return list(self.values.columns)

    @property
    def numeric(self) -> list[str]:
        """The columns that hold numbers (and sort by them)."""
        return [c for c in self.values.columns if c in self.formats]

    def text(self) -> pd.DataFrame:
        """The table as a reader sees it: every cell as its text, missing as "—"."""
        shown = self.values.copy()
        for column in self.numeric:
            shown[column] = [fmt.NA if fmt.is_missing(v) else self.formats[column](v) for v in shown[column]]
        return shown

    def styler(self) -> Styler:
        """The values with their text as display values (what st.dataframe draws and sorts)."""
        return self.values.style.format({c: self.formats[c] for c in self.numeric}, na_rep=fmt.NA)

    def layout(self, room: int = ROOM_PX) -> tuple[dict[str, int], int | None]:
        """Each column's width in pixels, and the rows' height where notes wrap (None: one line):
        every column as wide as its longest text (or heading), the notes sharing what is left of
        `room` (at least a readable width) and wrapping over as many lines as the longest needs."""
        shown = self.text()
        natural = {c: max(text_width(shown[c]), text_width([c]) + _HEADING_ICONS_PX) for c in self.columns}
        widths = {c: self.widths.get(c, natural[c]) for c in self.columns}
        notes = [c for c in self.notes if c in widths]
        if not notes:
            return widths, None
        left = room - sum(w for c, w in widths.items() if c not in notes)
        share = max(_MIN_NOTE_PX, left // len(notes))
        widths.update({c: min(natural[c], share) for c in notes})
        lines = max(math.ceil((natural[c] - _PADDING_PX) / (widths[c] - _PADDING_PX)) for c in notes)
        # Streamlit wraps text only in rows taller than 64 px; a line of 14 px text takes about 20 px
        return widths, None if lines < 2 else min(_MAX_LINES, lines) * _LINE_PX + _ROW_PADDING_PX

    def select(self, columns: list[str]) -> Table:
        """The same table with only these columns, in this order."""
        return replace(self, values=self.values.loc[:, columns])

    def __len__(self) -> int:
        return len(self.values)


def integers(values) -> pd.Series:
    """Whole numbers with missing kept missing (a rank, a rank change): sorts as numbers."""
    return pd.Series(pd.array([None if fmt.is_missing(v) else int(v) for v in values], dtype="Int64"))


def numbers(values) -> pd.Series:
    """Decimal numbers with missing as NaN (a score, a share, a change of score)."""
    return pd.Series([float("nan") if fmt.is_missing(v) else float(v) for v in values], dtype="float64")
