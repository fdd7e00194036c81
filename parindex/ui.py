"""Streamlit pieces more than one page shows: the data notes and a framed chart."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from parindex import app, cells, charts, export, fmt, images, labels, tables
from parindex.db import query
from parindex.i18n import Translator
from parindex.paths import ROOT

PAGES = ROOT / "pages"


def page_header(title: str, assessment: pd.Series, t: Translator) -> None:
    """Title, source line and data notes: how every page of one assessment begins."""
    st.title(title)
    st.caption(labels.source_line(assessment, t))
    data_notes(assessment, t)


def data_notes(assessment: pd.Series, t: Translator) -> None:
    """Say plainly what is illustrative and what is missing, before any figure."""
    year = int(assessment["year"])
    note = assessment[f"note_{t.lang}"]
    has_note = isinstance(note, str) and bool(note)
    if assessment["n_illustrative"] > 0:
        st.warning(t("notes.illustrative", year=year) + (f" {note}" if has_note else ""), icon="⚠️")
    elif has_note:
        st.info(note, icon="ℹ️")
    if assessment["tiers_illustrative"]:
        st.caption(t("notes.tiers_illustrative", year=year))
    if not assessment["has_tiers"] and assessment["unit_group"] != "province":  # the national index has no tiers
        # data/'s facts without tiers: none were published (and none are made up); an import: not set up yet
        st.caption(t("notes.tiers_not_published" if assessment["from_sources"] else "notes.no_tiers", year=year))
    n_units = assessment["n_units"]
    if assessment["n_scored"] == 0:
        st.caption(t("notes.no_scores", year=year))
    elif not pd.isna(n_units) and assessment["n_scored"] < n_units and assessment["ranking"] == "computed" \
            and not has_note:  # the assessment's own note says which units were published, and why
        st.caption(t("notes.partial", scored=int(assessment["n_scored"]), units=int(n_units)))


@dataclass(frozen=True)
class ViewData:
    """What a chart or table shows, as data: its rows (codes, names, unformatted numbers), what
    the files must say about themselves, and where it applies the same view for every year
    (computed only when someone downloads it)."""
    rows: pd.DataFrame
    metadata: dict[str, str]
    all_years: Callable[[], pd.DataFrame] | None = None


def chart(fig: go.Figure, *, file_name: str, key: str, data: ViewData, t: Translator,
          draft: bool = False) -> None:
    """A framed figure, then what it shows in three other forms: the image as files (PNG and SVG,
    16:9 and square), its data as files, and its data as a table (the text alternative)."""
    if draft:
        fig = charts.watermark(fig, t("chart.draft"))
    st.plotly_chart(fig, config=charts.export_config(file_name), key=key, width="stretch", alt=alt_text(fig))
    with st.container(horizontal=True):
        _image_popover(fig, file_name, t, key)
        _data_popover(data, file_name, t, key)
        with app.lazy_popover(t("chart.table"), icon=":material/table:", key=f"{key}_table") as view:
            if view.open:
                st.caption(alt_text(fig))
                table(labels.data_table(data.rows, t))
    st.space("small")  # a table right under the row keeps its toolbar clear of these buttons


_HEADER_PX, _MAX_HEIGHT_PX = 38, 760  # st.dataframe's heading row; the tallest table before it scrolls


def table(shown: tables.Table, *, marked: list[bool] | None = None, height: int | None = None) -> None:
    """A table as st.dataframe: quantity columns as numbers (a sort orders by value) showing the
    reader's text, names given their room, notes wrapped; `marked` rows in bold."""
    styler = shown.styler()
    if marked and any(marked):
        styler = styler.apply(lambda column: ["font-weight: bold; background-color: #FFF3C4" if m else ""
                                              for m in marked])
    widths, row_height = shown.layout()
    if row_height and not height:  # tall rows: as many shown as Streamlit shows rows of one line
        height = min(_HEADER_PX + row_height * len(shown) + 2, _MAX_HEIGHT_PX)
    st.dataframe(styler, hide_index=True, width="stretch", height=height or "auto",
                 column_config=column_config(shown, widths), placeholder=fmt.NA,
                 row_height=row_height)


def column_config(shown: tables.Table, widths: dict[str, int]) -> dict:
    """One column configuration per column: NumberColumn for quantities (no format of its own, so
    the table's text shows), TextColumn for the rest; each with its width."""
    return {column: (st.column_config.NumberColumn if column in shown.numeric else st.column_config.TextColumn)(
        width=widths[column]) for column in shown.columns}


def data_downloads(data: ViewData, *, file_name: str, t: Translator, key: str) -> None:
    """The files of a table's data, under it."""
    with st.container(horizontal=True):
        _data_popover(data, file_name, t, key)


def _tidy(frame: pd.DataFrame, year: int, group: str) -> pd.DataFrame:
    return export.tidy(frame, year=year, group=group)


def view_data(rows: pd.DataFrame, ctx: app.Context, metadata: dict[str, str], *, query_name: str | None = None,
              shape: Callable[[pd.DataFrame, int, str], pd.DataFrame] = _tidy, **params) -> ViewData:
    """A view's rows for the chosen year and, given the query that made them, the same query for
    every year of the group (run only when someone downloads it)."""
    def every_year() -> pd.DataFrame:
        return pd.concat([shape(query(query_name, **{**ctx.params, "year": year}, **params), year, ctx.group)
                          for year in ctx.years], ignore_index=True)
    return ViewData(shape(rows, ctx.year, ctx.group), metadata, every_year if query_name else None)


def alt_text(fig: go.Figure) -> str:
    """One sentence for screen readers: the chart's title (its finding) and subtitle."""
    def plain(markup: str) -> str:  # tags (bold, line breaks) out, spaces closed up
        return " ".join(re.sub(r"<[^>]+>", " ", markup or "").split())
    return f"{plain(fig.layout.title.text)}. {plain(fig.layout.title.subtitle.text)}"


def _image_popover(fig: go.Figure, file_name: str, t: Translator, key: str) -> None:
    with app.lazy_popover(t("chart.images"), icon=":material/image:", key=f"{key}_images") as menu:
        if not menu.open:
            return
        if not images.available():
            st.caption(t("chart.images_unavailable"))
            return
        for fmt in images.FORMATS:
            for shape in images.SHAPES:
                st.download_button(
                    t(f"chart.{fmt}_{shape}"), data=lambda fmt=fmt, shape=shape: images.render(fig, fmt, shape),
                    file_name=f"{file_name}_{shape}.{fmt}", mime=images.FORMATS[fmt],
                    key=f"{key}_{fmt}_{shape}", on_click="ignore", width="stretch")


def _data_popover(data: ViewData, file_name: str, t: Translator, key: str) -> None:
    with app.lazy_popover(t("chart.data"), icon=":material/download:", key=f"{key}_data") as menu:
        if not menu.open:
            return
        _data_files(lambda: data.rows, file_name, data.metadata, t, key=f"{key}_shown", scope="shown")
        if data.all_years is not None:
            _data_files(data.all_years, f"{file_name}_moi-nam", data.metadata, t, key=f"{key}_all",
                        scope="all_years")


def _data_files(frame: Callable[[], pd.DataFrame], stem: str, metadata: dict[str, str], t: Translator, *,
                key: str, scope: str) -> None:
    """CSV and XLSX of a frame computed when the button is pressed."""
    st.download_button(t(f"chart.csv_{scope}"), data=lambda: export.csv_bytes(frame()), file_name=f"{stem}.csv",
                       mime="text/csv", key=f"{key}_csv", on_click="ignore", width="stretch")
    st.download_button(t(f"chart.xlsx_{scope}"), data=lambda: export.xlsx({"data": frame()}, metadata),
                       file_name=f"{stem}.xlsx", key=f"{key}_xlsx", on_click="ignore", width="stretch",
                       mime=cells.XLSX_MIME)


def unit_links(ranking: pd.DataFrame, t: Translator, year: int, group: str, per_row: int = 3) -> None:
    """A link to each unit's profile, in ranking order (in-app navigation, same tab)."""
    rows = list(ranking.iterrows())
    for start in range(0, len(rows), per_row):
        for column, (_, row) in zip(st.columns(per_row), rows[start:start + per_row]):
            rank = "" if pd.isna(row["rank"]) else f"{int(row['rank'])}. "
            column.page_link(PAGES / "unit.py", label=rank + row[f"short_{t.lang}"], help=row[f"name_{t.lang}"],
                             query_params={"u": row["unit_id"], "y": str(year), "g": group})


def movement_link(ranking: pd.DataFrame, ctx: app.Context) -> None:
    """A link to Trends' "who rose and fell" between the year before and this one, where Trends
    can draw it (the year before has a complete ranking): the page opens on that tab with `a`."""
    prev = ranking["prev_year"].dropna()
    if prev.empty:
        return
    prev = int(prev.iat[0])
    trend = query("group_trend", jurisdiction=ctx.jurisdiction, group=ctx.group, drafts=ctx.drafts, **ctx.scope)
    if prev not in {int(y) for y in trend.loc[trend["complete"], "year"]}:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params if key not in ("u", "a")}
    st.page_link(PAGES / "trends.py", label=ctx.t("rankings.to_trends", prev=prev, year=ctx.year),
                 icon=":material/swap_vert:", query_params={**params, "a": str(prev)})


file_name = export.file_name


def metric_delta(text: str) -> str | None:
    """Streamlit colours a delta by a leading ASCII '-'; our numbers use a true minus."""
    return None if text in ("—", "") else text.replace("−", "-", 1)


def source_metadata(source: str) -> dict[str, str]:
    """What a file of several years' data says about itself: its sources and the view."""
    return {"source": source, "view": app.current_url()}


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def view_metadata(assessment: pd.Series, t: Translator) -> dict[str, str]:
    """What a downloaded file must say about itself: source, decision, provenance, the view."""
    return {"source": labels.source_line(assessment, t),
            "decision": _text(assessment["decision_no"]),
            "framework": _text(assessment[f"framework_{t.lang}"]),
            "provenance": t("provenance.illustrative") if assessment["n_illustrative"] else t("provenance.published"),
            "status": t(f"status.{assessment['status']}"),
            "view": app.current_url()}
