"""Streamlit pieces more than one page shows: the data notes and a framed chart."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from parindex import app, cells, charts, export, fmt, images, labels, tables, url_state
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
    elif (
        not pd.isna(n_units)
        and assessment["n_scored"] < n_units
        and assessment["ranking"] == "computed"
        and not has_note
    ):  # the assessment's own note says which units were published, and why
        st.caption(t("notes.partial", scored=int(assessment["n_scored"]), units=int(n_units)))


@dataclass(frozen=True)
class ViewData:
    """What a chart or table shows, as data: its rows (codes, names, unformatted numbers), what
    the files must say about themselves, and where it applies the same view for every year
    (computed only when someone downloads it)."""

    rows: pd.DataFrame
    metadata: dict[str, str]
    all_years: Callable[[], pd.DataFrame] | None = None
    columns: tuple[export.Column, ...] = export.DATA_COLUMNS  # the reader's files' columns


def chart(fig: go.Figure, *, file_name: str, key: str, data: ViewData, t: Translator, draft: bool = False) -> None:
    """A framed figure, then what it shows in three other forms: the image as files (PNG and SVG,
    16:9 and square), its data as files, and its data as a table (the text alternative)."""
    if draft:
        fig = charts.watermark(fig, t("chart.draft"))
    st.plotly_chart(fig, config=charts.export_config(file_name), key=key, width="stretch", alt=alt_text(fig))
    with st.container(horizontal=True):
        _image_popover(fig, file_name, t, key)
        _data_popover(data, file_name, t, key, shown="shown")
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
        styler = styler.apply(
            lambda column: ["font-weight: bold; background-color: #FFF3C4" if m else "" for m in marked]
        )
    widths, row_height = shown.layout()
    if row_height and not height:  # tall rows: as many shown as Streamlit shows rows of one line
        height = min(_HEADER_PX + row_height * len(shown) + 2, _MAX_HEIGHT_PX)
    st.dataframe(
        styler,
        hide_index=True,
        width="stretch",
        height=height or "auto",
        column_config=column_config(shown, widths),
        placeholder=fmt.NA,
        row_height=row_height,
    )


def column_config(shown: tables.Table, widths: dict[str, int]) -> dict:
    """One column configuration per column: NumberColumn for quantities (no format of its own, so
    the table's text shows), TextColumn for the rest; each with its width."""
    return {
        column: (st.column_config.NumberColumn if column in shown.numeric else st.column_config.TextColumn)(
            width=widths[column]
        )
        for column in shown.columns
    }


def data_downloads(data: ViewData, *, file_name: str, t: Translator, key: str) -> None:
    """The files of a table's data, under it."""
    with st.container(horizontal=True):
        _data_popover(data, file_name, t, key, shown="table")


def view_data(
    rows: pd.DataFrame,
    ctx: app.Context,
    metadata: dict[str, str],
    *,
    query_name: str | None = None,
    columns: tuple[export.Column, ...] = export.DATA_COLUMNS,
    **params,
) -> ViewData:
    """A view's rows for the chosen year and, given the query that made them, the same query for
    every year of the group (run only when someone downloads it); `columns` are its files' columns
    (export.RANKING_COLUMNS for the Rankings table's)."""

    def every_year() -> pd.DataFrame:
        return pd.concat(
            [
                export.tidy(query(query_name, **{**ctx.params, "year": year}, **params), year=year, group=ctx.group)
                for year in ctx.years
            ],
            ignore_index=True,
        )

    return ViewData(
        export.tidy(rows, year=ctx.year, group=ctx.group), metadata, every_year if query_name else None, columns
    )


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
                    t(f"chart.{fmt}_{shape}"),
                    data=lambda fmt=fmt, shape=shape: images.render(fig, fmt, shape),
                    file_name=f"{file_name}_{shape}.{fmt}",
                    mime=images.FORMATS[fmt],
                    key=f"{key}_{fmt}_{shape}",
                    on_click="ignore",
                    width="stretch",
                )


def _data_popover(data: ViewData, file_name: str, t: Translator, key: str, *, shown: str) -> None:
    """The data menu: the rows shown (`shown`: "shown" under a chart, "table" under a table, for
    the buttons' words) and, where the view has them, every year's."""
    with app.lazy_popover(t("chart.data"), icon=":material/download:", key=f"{key}_data") as menu:
        if not menu.open:
            return
        _data_files(lambda: data.rows, file_name, data, t, key=f"{key}_shown", scope=shown)
        if data.all_years is not None:
            _data_files(
                data.all_years, f"{file_name}_{t('file.all_years')}", data, t, key=f"{key}_all", scope="all_years"
            )


def _data_files(
    frame: Callable[[], pd.DataFrame], stem: str, data: ViewData, t: Translator, *, key: str, scope: str
) -> None:
    """CSV and XLSX of a frame computed when the button is pressed, as the reader's table
    (export.reader_table: the page's headings, values as shown, then the codes)."""
    st.download_button(
        t(f"chart.csv_{scope}"),
        data=lambda: export.reader_csv(frame(), t, data.columns),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        width="stretch",
    )
    st.download_button(
        t(f"chart.xlsx_{scope}"),
        data=lambda: export.reader_xlsx(frame(), data.metadata, t, data.columns),
        file_name=f"{stem}.xlsx",
        key=f"{key}_xlsx",
        on_click="ignore",
        width="stretch",
        mime=cells.XLSX_MIME,
    )


def unit_links(ranking: pd.DataFrame, t: Translator, year: int, group: str, per_row: int = 3) -> None:
    """A link to each unit's profile, in ranking order (in-app navigation, same tab)."""
    rows = list(ranking.iterrows())
    for start in range(0, len(rows), per_row):
        for column, (_, row) in zip(st.columns(per_row), rows[start : start + per_row]):
            rank = "" if pd.isna(row["rank"]) else f"{int(row['rank'])}. "
            column.page_link(
                PAGES / "unit.py",
                label=rank + row[f"short_{t.lang}"],
                help=row[f"name_{t.lang}"],
                query_params={"u": row["unit_id"], "y": str(year), "g": group},
            )


def unknown_address(path: str, pages: list, t: Translator) -> None:
    """The page at an address no page has: say so in the reader's language, with a link to each page."""
    st.title(t("notfound.title"))
    st.markdown(t("notfound.body"))
    st.code("/" + path, language=None)  # as typed, shown as text (never markdown)
    st.markdown(t("notfound.pages"))
    for page in pages:
        st.page_link(page)


def units_picker(
    label: str, names: dict[str, str], t: Translator, *, start: list[str], limit: int, year: int, key: str = "u"
) -> list[str]:
    """Two to `limit` units, in the reader's language: our placeholder; no "Select all" (it is the
    dropdown's first row, so typing "Sở Nội" and taking the first item, or Enter, added every
    match); past the limit the first ones are kept and named (Streamlit's own `max_selections`
    says "You can only select up to 4 options" in English). Bound to the URL's `key`: starts from
    `start`; units the URL names that the year does not hold, or past the limit, are said and left out."""
    app.bind_param(
        key,
        list(names),
        start,
        notice=lambda value: t("compare.unknown", value=value, year=year),
        multiple=True,
        limit=limit,
        limit_notice=lambda kept: labels.compare_limit_text(kept, names, t, limit),
    )
    over = f"_{key}_over"

    def keep_to_limit() -> None:
        picked = st.session_state[key]
        if len(picked) > limit:
            st.session_state[key] = picked[:limit]
            st.session_state[over] = labels.compare_limit_text(picked[:limit], names, t, limit)

    chosen = st.multiselect(
        label,
        list(names),
        key=key,
        format_func=names.get,
        placeholder=t("compare.placeholder"),
        select_all=False,
        on_change=keep_to_limit,
    )
    if over in st.session_state:
        st.info(st.session_state.pop(over), icon="ℹ️")
    return chosen


def unit_search(names: dict[str, str], t: Translator) -> str | None:
    """The reader's unit, searched for by name (`u`): starts from app.my_unit, becomes the reader's
    unit when chosen (cleared: forgotten), and is written to the URL so a shared link marks it."""
    chosen = url_state.selectbox(
        st,
        "u",
        t("rankings.search"),
        names,
        start=app.my_unit(names),
        notice=lambda value: t("rankings.unknown", value=value),
        placeholder=t("rankings.search_none"),
        on_change=app.remember_choice,
        args=("u",),
    )
    if chosen:
        app.remember_unit(chosen)
    return chosen


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
    st.page_link(
        PAGES / "trends.py",
        label=ctx.t("rankings.to_trends", prev=prev, year=ctx.year),
        icon=":material/swap_vert:",
        query_params={**params, "a": str(prev)},
    )


file_name = export.file_name


def metric_delta(value, text: str | None) -> dict:
    """st.metric's delta arguments for a change `value` written as `text` (a true minus, as every
    table writes it: '−0,73 so với năm 2020'). Streamlit reads the sign from a leading ASCII '-'
    only, so the colour and the arrow are given from the value's sign: up and green above zero,
    down and red below, grey without an arrow at zero; nothing where there is no change to show."""
    if text in (None, "", fmt.NA) or fmt.is_missing(value):
        return {"delta": None}
    if value == 0:
        return {"delta": text, "delta_color": "gray", "delta_arrow": "off"}
    return {"delta": text, "delta_color": "green" if value > 0 else "red", "delta_arrow": "up" if value > 0 else "down"}


def metric(column, shown: labels.Metric) -> None:
    """A headline figure in a column: st.metric with its change, the captions under it."""
    column.metric(shown.label, shown.value, **metric_delta(shown.change, shown.delta))
    for caption in shown.captions:
        column.caption(caption)


def source_metadata(source: str) -> dict[str, str]:
    """What a file of several years' data says about itself: its sources (each year's source and
    provenance; a decision is a year's, so there is no decision row) and the view."""
    return {"source": source, **_view()}


def view_metadata(assessment: pd.Series, t: Translator) -> dict[str, str]:
    """What a downloaded file must say about itself: source, decision, status with provenance, the view."""
    return labels.file_metadata(assessment, t, **_view())


def _view() -> dict[str, str]:
    url = app.current_url()
    return {"view": url} if url else {}  # a session with no address (a test's) has none to give
