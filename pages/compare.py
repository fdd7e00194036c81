"""So sánh: two to four units side by side, area by area and over the years."""

import pandas as pd
import streamlit as st

from parindex import app, export, figures, labels, planning, ui
from parindex.db import query

MAX_UNITS = 4

ctx = app.context()
t = ctx.t
params = ctx.params
group_name = ctx.group_name
st.title(t("compare.title", group=group_name, year=ctx.year))

ranking = query("ranking", **ctx.scoped)
names = dict(zip(ranking["unit_id"], [labels.unit_name(r, t) for r in ranking.to_dict("records")]))
came_from = app.my_unit(names)  # the reader's unit (the profile's, say): Compare starts from it
start = planning.compare_start(ranking, came_from)
chosen = ui.units_picker(t("compare.pick", n=MAX_UNITS), names, t, start=start, limit=MAX_UNITS, year=ctx.year)
if chosen == start and len(chosen) == 2:  # the page chose: say which units and why
    st.caption(labels.compare_start_text(ranking, chosen, t, came_from=came_from, year=ctx.year))
app.write_param("u", chosen, planning.compare_start(ranking))  # only the no-memory pair stays out
if len(chosen) < 2:
    st.info(t("compare.choose"), icon="ℹ️")
    st.stop()

assessment = query("assessment", **params).iloc[0]
source = labels.source_line(assessment, t)
ui.data_notes(assessment, t)
short = {r["unit_id"]: labels.unit_name(r, t, "short") for r in ranking.to_dict("records")}

areas = query("area_scores", **params)
areas = areas[areas["unit_id"].isin(chosen)]
if areas.empty:
    st.caption(t("unit.no_criteria", year=ctx.year))
else:
    st.header(t("compare.areas_heading"))
    fig = figures.compare_areas(
        areas, chosen, {u: short[u] for u in chosen}, lang=ctx.lang, group_name=group_name, year=ctx.year, source=source
    )
    ui.chart(
        fig,
        file_name=ui.file_name(ctx.year, ctx.group, "compare", t),
        key="compare_areas",
        t=t,
        draft=ctx.is_draft,
        data=ui.view_data(areas, ctx, ui.view_metadata(assessment, t)),
    )
    ui.table(labels.compare_table(areas, chosen, short, t))

st.header(t("compare.history_heading"))
histories = pd.concat(
    [query("unit_history", unit=u, drafts=ctx.drafts).assign(series=short[u]) for u in chosen], ignore_index=True
)
histories = histories[histories["year"] <= ctx.year]  # "over the years, to the chosen one"
fig = figures.compare_history(histories, lang=ctx.lang, year=ctx.year)
ui.chart(
    fig,
    file_name=ui.file_name(ctx.year, ctx.group, "compare_history", t),
    key="compare_history",
    t=t,
    draft=bool(ctx.draft_years),
    data=ui.ViewData(export.tidy(histories, group=ctx.group), ui.source_metadata(labels.history_source(histories, t))),
)
# reindex, not [[...]]: a unit never ranked (a province with no published place) has no column.
rank_table = (
    histories.pivot_table(index="year", columns="series", values="rank", sort=False)
    .reindex(columns=[short[u] for u in chosen])
    .sort_index()
)  # years in order, whichever unit has the earliest
st.caption(t("compare.rank_caption"))
st.space("small")  # on a phone the table's toolbar shows above it: clear of the caption
ui.table(labels.rank_history_table(rank_table, t))
