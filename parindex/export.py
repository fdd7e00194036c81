"""Downloads: the data behind the dashboard as files people open in Excel. No Streamlit here."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from parindex import cells

GROUP_SLUGS = {"department": "so-nganh", "district": "huyen", "commune": "xa", "province": "tinh"}


def file_name(year: int, group: str, view: str) -> str:
    """chi-so-cchc_2021_so-nganh_xep-hang: what a press officer's download is called."""
    return f"chi-so-cchc_{year}_{GROUP_SLUGS.get(group, group)}_{view}"


def xlsx(sheets: dict[str, pd.DataFrame], metadata: dict[str, str]) -> bytes:
    """One workbook: a sheet per frame, then a 'metadata' sheet (source, provenance, generated
    at, view link) so a forwarded file still says where its numbers come from. No cell is a
    formula (parindex.cells)."""
    stamped = {**metadata, "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    return cells.xlsx_bytes({**{name[:31]: frame for name, frame in sheets.items()},
                             "metadata": pd.DataFrame({"key": list(stamped), "value": list(stamped.values())})})


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly; a point as decimal
    separator and no index, so scripts read it as they read any CSV; text that a spreadsheet
    would run as a formula starts with an apostrophe (parindex.cells)."""
    return cells.csv_bytes(frame)


RANKING_COLUMNS = {"unit_id": "unit_id", "name_vi": "name_vi", "name_en": "name_en", "total": "total",
                   "max_total": "max_total", "pct": "pct_of_max", "rank": "rank", "rank_of": "rank_of",
                   "tier_vi": "tier_vi", "tier_en": "tier_en", "provenance": "provenance"}


def ranking_data(ranking: pd.DataFrame, year: int, group: str) -> pd.DataFrame:
    """The Rankings view as data: codes and names, numbers unformatted, % rounded to 2 places."""
    data = ranking[list(RANKING_COLUMNS)].rename(columns=RANKING_COLUMNS)
    data["pct_of_max"] = data["pct_of_max"].round(2)
    return data.assign(year=year, group=group)[["year", "group", *RANKING_COLUMNS.values()]]


# What a chart draws but a data file does not need: short labels (the names are there in full)
# and the chart's own helper columns.
_NOT_DATA = ("short_vi", "short_en", "area_short_vi", "area_short_en", "line_id", "is_own", "label", "value",
             "series", "category", "hover", "names_vi", "names_en")


def tidy(frame: pd.DataFrame, **context) -> pd.DataFrame:
    """A query result as a data file: the view's context first (year, group), then codes, names
    and unformatted numbers (floats to 4 places, so 89.28 is not 89.2800000001)."""
    data = frame.drop(columns=[c for c in _NOT_DATA if c in frame.columns])
    floats = data.select_dtypes("float").columns
    data[floats] = data[floats].round(4)
    for position, (key, value) in enumerate(context.items()):
        if key not in data.columns:
            data.insert(position, key, value)
    return data.reset_index(drop=True)
