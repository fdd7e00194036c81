"""Downloads: the data behind the dashboard as files people open in Excel. No Streamlit here.

A reader's file (the "Dữ liệu" menu, the press kit) goes through reader_table: the page's headings
in the reader's language, each number rounded as the page prints it and kept a number (an XLSX
number format shows it as the page does), then the codes scripts join on. The command line
`export` keeps its script-friendly columns (ranking_data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from parindex import cells, fmt
from parindex.i18n import Translator


def file_name(year: int | None, group: str | None, view: str, t: Translator, detail: str | None = None) -> str:
    """What a download is called, in the reader's language: chi-so-cchc_2021_so-nganh_xep-hang,
    par-index_2021_departments_ranking. `view` is a key of [file.view] in locales/; `detail` a
    code that tells two files of one view apart (an area, a unit, a start year)."""
    parts = [
        t("file.brand"),
        str(year) if year is not None else None,
        t(f"file.group.{group}") if group is not None else None,
        t(f"file.view.{view}"),
        detail,
    ]
    return "_".join(p for p in parts if p)


# --- the reader's table -------------------------------------------------------------------------

# How the page shows a column, so the file holds the same rounding and Excel the same look.
TEXT, YEAR, INTEGER, NUMBER, SHARE, RANK_CHANGE, SIGNED, TIER, PROVENANCE = (
    "text",
    "year",
    "integer",
    "number",
    "share",
    "rank_change",
    "signed",
    "tier",
    "provenance",
)

NUMBER_FORMATS = {
    YEAR: "0",
    INTEGER: "0",
    NUMBER: "#,##0.00",
    SHARE: "0.00%",
    RANK_CHANGE: '"↑ "0;"↓ "0;"="',  # the page's ↑ 4 / ↓ 2 / = , the value a number
    SIGNED: '"+"#,##0.00;"−"#,##0.00;"±"0.00',
}  # +1,22 / −0,73 (a true minus) / ±0,00


@dataclass(frozen=True)
class Column:
    """A readable column: the frame's column (after reader names: name, tier, area, criterion,
    label, note), the translation key of its heading, and how the page shows its values."""

    key: str
    heading: str
    kind: str = TEXT


# The chart data's columns as the "Bảng" table names them (labels.data_view), in reading order.
DATA_COLUMNS = (
    Column("year", "data.year", YEAR),
    Column("name", "data.name"),
    Column("label", "data.label"),
    Column("tier", "data.tier", TIER),
    Column("area", "data.area"),
    Column("criterion_id", "data.criterion_id"),
    Column("criterion", "data.criterion"),
    Column("total", "data.total", NUMBER),
    Column("max_total", "data.max_total", NUMBER),
    Column("pct", "data.pct", NUMBER),
    Column("pct_of_max", "data.pct_of_max", NUMBER),
    Column("rank", "data.rank", INTEGER),
    Column("rank_of", "data.rank_of", INTEGER),
    Column("rank_change", "col.rank_change", RANK_CHANGE),
    Column("total_change", "col.score_change", SIGNED),
    Column("pct_change", "data.pct_change", SIGNED),
    Column("prev_year", "data.prev_year", YEAR),
    Column("n", "data.n", INTEGER),
    Column("share", "data.share", SHARE),
    Column("max_points", "data.max_points", NUMBER),
    Column("final_points", "data.final_points", NUMBER),
    Column("self_points", "data.self_points", NUMBER),
    Column("points_lost", "data.points_lost", NUMBER),
    Column("mean_pct", "data.mean_pct", NUMBER),
    Column("n_below", "data.n_below", INTEGER),
    Column("share_below", "data.share_below", SHARE),
    Column("lost_share", "data.lost_share", SHARE),
    Column("cumulative_share", "data.cumulative_share", SHARE),
    Column("gap", "data.gap", NUMBER),
    Column("p25_pct", "data.p25_pct", NUMBER),
    Column("p75_pct", "data.p75_pct", NUMBER),
    Column("rank_from", "data.rank_from", INTEGER),
    Column("rank_to", "data.rank_to", INTEGER),
    Column("moved", "data.moved", INTEGER),
    Column("group_mean_pct", "data.group_mean_pct", NUMBER),
    Column("group_best_pct", "data.group_best_pct", NUMBER),
    Column("n_units", "data.n_units", INTEGER),
    Column("n_scored", "data.n_scored", INTEGER),
    Column("provenance", "data.provenance", PROVENANCE),
    Column("note", "national.note"),
    Column("url", "data.url"),
)

# The Rankings table's columns, headed and ordered as labels.ranking_table shows them, then the
# numbers behind its "3/19" and its change texts.
RANKING_COLUMNS = (
    Column("rank", "col.rank", INTEGER),
    Column("rank_of", "data.rank_of", INTEGER),
    Column("name", "col.unit"),
    Column("total", "col.total", NUMBER),
    Column("max_total", "data.max_total", NUMBER),
    Column("tier", "col.tier", TIER),
    Column("rank_change", "col.rank_change", RANK_CHANGE),
    Column("total_change", "col.score_change", SIGNED),
    Column("pct_change", "data.pct_change", SIGNED),
    Column("prev_year", "data.prev_year", YEAR),
    Column("change_note", "data.change_note"),
    Column("pct", "col.pct", NUMBER),
    Column("prev_rank", "col.prev_rank", INTEGER),
    Column("prev_total", "col.prev_total", NUMBER),
    Column("prev_pct", "col.prev_pct", NUMBER),
    Column("provenance", "col.data", PROVENANCE),
    Column("note", "national.note"),
)
_YEAR_BEFORE = {"prev_rank": "rank", "prev_total": "total", "prev_pct": "total"}  # shown beside this year's value

# What scripts join on, after the readable columns, named as the database names them.
CODE_COLUMNS = ("unit_id", "line_id", "jurisdiction_id", "year", "group", "area_key", "criterion_id")


@dataclass(frozen=True)
class ReaderTable:
    """A file's sheet: the frame, and the Excel number format of each numeric heading."""

    frame: pd.DataFrame
    formats: dict[str, str]


def reader_names(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reader's language's columns under language-free names: name_vi -> name, tier_en -> tier.
    In a criteria query name_{lang} is the criterion's (a unit's score per criterion names the
    criterion name_{lang}_c); an area named only by its short name keeps that."""
    criterion_rows = "criterion_id" in frame.columns and f"name_{lang}_c" not in frame.columns
    renames = {
        f"name_{lang}_c": "criterion",
        f"name_{lang}": "criterion" if criterion_rows else "name",
        f"label_{lang}": "label",
        f"tier_{lang}": "tier",
        f"area_{lang}": "area",
        f"note_{lang}": "note",
    }
    if f"area_{lang}" not in frame.columns:
        renames[f"area_short_{lang}"] = "area"
    return frame.rename(columns={k: v for k, v in renames.items() if k in frame.columns})


def reader_table(frame: pd.DataFrame, t: Translator, columns: tuple[Column, ...] = DATA_COLUMNS) -> ReaderTable:
    """A view's frame as a reader's file shows it: the page's headings in the reader's language,
    values rounded as the page prints them (numbers stay numbers), columns with no value left
    out as the page leaves them out, then CODE_COLUMNS under their code names."""
    named = reader_names(frame, t.lang)
    rows = named.to_dict("records")
    readable, formats = {}, {}
    for column in columns:
        if column.key == "change_note":
            values = [_change_note(r, t) for r in rows] if "prev_status" in named.columns else []
        elif column.key not in named.columns:
            continue
        else:
            values = _values(named, column, t)
        if column.key == "pct_change" and "total_change" in named.columns:
            # as the page: the change in % of the maximum only where the scales differ (points do not compare)
            values = values.copy()
            values[named["total_change"].notna().to_numpy()] = pd.NA
        if column.key in _YEAR_BEFORE:
            values = _year_before(named, column.key, values)
        if not any(v is not None and not pd.isna(v) for v in values):
            continue
        heading = t(column.heading, year=_prev_year(named)) if column.key in _YEAR_BEFORE else t(column.heading)
        readable[heading] = values
        if column.kind in NUMBER_FORMATS:
            formats[heading] = NUMBER_FORMATS[column.kind]
    table = pd.DataFrame(readable, index=named.index)
    for code in CODE_COLUMNS:
        if code in named.columns and code not in table.columns:
            table[code] = named[code].astype("Int64") if code == "year" else named[code]
    return ReaderTable(table.reset_index(drop=True), formats)


def _year_before(named: pd.DataFrame, key: str, values):
    """As labels.ranking_table: the year before's value only for a unit compared with it and with a
    value this year; its score in points where the scales match, else its % of maximum (never both)."""
    points = named["total_change"].notna().any() or not named["pct_change"].notna().any()
    if key == ("prev_pct" if points else "prev_total"):
        return []
    shown = (named["prev_status"] == "compared") & named[_YEAR_BEFORE[key]].notna()
    values = values.copy()
    values[~shown.to_numpy()] = pd.NA
    return values


def _prev_year(named: pd.DataFrame) -> str:
    year = named["prev_year"].dropna()
    return str(int(year.iat[0])) if not year.empty else fmt.NA


def _values(named: pd.DataFrame, column: Column, t: Translator) -> pd.Series | list:
    series = named[column.key]
    if column.kind in (YEAR, INTEGER, RANK_CHANGE):
        return pd.array([None if fmt.is_missing(v) else int(v) for v in series], dtype="Int64")
    if column.kind in (NUMBER, SIGNED):
        return pd.array([fmt.rounded(v) for v in series], dtype="Float64")
    if column.kind == SHARE:
        return pd.array([fmt.rounded_share(v) for v in series], dtype="Float64")
    if column.kind == TIER and "tier_order" in named.columns:  # as labels.tier_label: a unit not placed says so
        if named["tier_order"].isna().all():
            return []  # a year without tiers: the column is left out, as the page leaves it out
        return [t("tier.none") if fmt.is_missing(order) else v for v, order in zip(series, named["tier_order"])]
    if column.kind == PROVENANCE:  # as labels.provenance_text: "minh họa", "công bố (suy ra)"
        derived = named["derived"] if "derived" in named.columns else [False] * len(series)
        return [
            None
            if not isinstance(v, str)
            else t(f"provenance.{v}") + (" " + t("provenance.derived_suffix") if _true(d) else "")
            for v, d in zip(series, derived)
        ]
    return [v if isinstance(v, str) and v else None for v in series]


def _true(flag) -> bool:
    return not fmt.is_missing(flag) and bool(flag)


def _change_note(row: dict, t: Translator) -> str | None:
    """Why a ranking row has no change (as labels.rank_change_text says it): new, or no score then."""
    if row.get("prev_status") in (None, "compared", "first") or fmt.is_missing(row.get("total")):
        return None
    if row["prev_status"] == "new":
        return t("change.new")
    return t("change.no_data", year=int(row["prev_year"]))


# --- the files -------------------------------------------------------------------------------------


def _stamped(metadata: dict[str, str]) -> dict[str, str]:
    return {**metadata, "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


def xlsx(sheets: dict[str, pd.DataFrame | ReaderTable], metadata: dict[str, str], t: Translator) -> bytes:
    """One workbook: a sheet per table, then a sheet saying where its numbers come from (source,
    decision, status and provenance, view, generated at), headed in the reader's language, so a
    forwarded file still says it. No cell is a formula (parindex.cells)."""
    about = _stamped(metadata)
    frames = {name[:31]: s.frame if isinstance(s, ReaderTable) else s for name, s in sheets.items()}
    formats = {name[:31]: s.formats for name, s in sheets.items() if isinstance(s, ReaderTable)}
    about_sheet = t("file.about_sheet")[:31]
    formats[about_sheet] = {}  # its columns sized to be read
    frames[about_sheet] = pd.DataFrame(
        {t("file.about_item"): [t(f"file.about.{key}") for key in about], t("file.about_value"): list(about.values())}
    )
    return cells.xlsx_bytes(frames, formats=formats)


def reader_xlsx(
    frame: pd.DataFrame, metadata: dict[str, str], t: Translator, columns: tuple[Column, ...] = DATA_COLUMNS
) -> bytes:
    """A view's data as the reader's workbook: its table and the sheet about it."""
    return xlsx({t("file.data_sheet"): reader_table(frame, t, columns)}, metadata, t)


def reader_csv(frame: pd.DataFrame, t: Translator, columns: tuple[Column, ...] = DATA_COLUMNS) -> bytes:
    """A view's data as the reader's CSV: the same table as the workbook's."""
    return csv_bytes(reader_table(frame, t, columns).frame)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly; a point as decimal
    separator and no index, so scripts read it as they read any CSV; text that a spreadsheet
    would run as a formula starts with an apostrophe (parindex.cells)."""
    return cells.csv_bytes(frame)


# --- for scripts: the command line export ------------------------------------------------------------

SCRIPT_RANKING_COLUMNS = {
    "unit_id": "unit_id",
    "name_vi": "name_vi",
    "name_en": "name_en",
    "total": "total",
    "max_total": "max_total",
    "pct": "pct_of_max",
    "rank": "rank",
    "rank_of": "rank_of",
    "tier_vi": "tier_vi",
    "tier_en": "tier_en",
    "provenance": "provenance",
}


def ranking_data(ranking: pd.DataFrame, year: int, group: str) -> pd.DataFrame:
    """The Rankings view for scripts (`python -m parindex export`): codes and both languages'
    names, numbers unformatted, % rounded to 2 places."""
    data = ranking[list(SCRIPT_RANKING_COLUMNS)].rename(columns=SCRIPT_RANKING_COLUMNS)
    data["pct_of_max"] = data["pct_of_max"].round(2)
    return data.assign(year=year, group=group)[["year", "group", *SCRIPT_RANKING_COLUMNS.values()]]


# What a chart draws but a data file does not need: short labels (the names are there in full)
# and the chart's own helper columns.
_NOT_DATA = ("short_vi", "short_en", "is_own", "label", "value", "series", "category", "hover", "names_vi", "names_en")


def tidy(frame: pd.DataFrame, **context) -> pd.DataFrame:
    """A query result as a view's data: the view's context first (year, group), then codes, names
    and unformatted numbers (floats to 4 places, so 89.28 is not 89.2800000001). A reader's file
    is made from it by reader_table."""
    data = frame.drop(columns=[c for c in _NOT_DATA if c in frame.columns])
    floats = data.select_dtypes("float").columns
    data[floats] = data[floats].round(4)
    for position, (key, value) in enumerate(context.items()):
        if key not in data.columns:
            data.insert(position, key, value)
    return data.reset_index(drop=True)
