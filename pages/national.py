"""Toàn quốc: the province's place in the national PAR INDEX of 63 provinces, year by year; for the
new Lào Cai (1 July 2025), the places of both provinces it was formed from, and what is known of 2025."""

import pandas as pd
import streamlit as st

from parindex import app, export, facts, figures, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
home = app.home_jurisdiction()
context = query("national_context", unit=home, drafts=ctx.drafts)
years = query("national_years", unit=home, drafts=ctx.drafts)
if context.empty:
    st.info(t("overview.no_results"))
    st.stop()

# The provinces the home province was formed from (itself first), those the index holds.
predecessors = [u for u in facts.PREDECESSORS.get(home, (home,)) if u == home or (context["unit_id"] == u).any()]
merged = len(predecessors) > 1


def place_of(unit: str) -> pd.DataFrame:
    """Every year of the index with the unit's place (missing where not found). A year's own note
    ("Lào Cai's 2022 result was not found") speaks of the home province only."""
    rows = context[context["unit_id"] == unit]
    place = years.merge(rows, on="year", how="left", suffixes=("_year", ""))
    if unit != home:
        place = place.assign(note_vi_year=None, note_en_year=None)
    name = labels.unit_name(rows.iloc[0], t) if not rows.empty else unit
    return place.assign(series=name, unit_id=unit)


places = {u: place_of(u) for u in predecessors}
place = pd.concat(places.values(), ignore_index=True)
home_rows = context[context["unit_id"] == home]
name = labels.unit_name(home_rows.iloc[0], t) if not home_rows.empty else home
st.title(t("national.title", name=labels.capitalised(name)))
st.caption(t("national.caption"))
if merged:
    st.caption(
        t("national.predecessors_caption", name=name, names=", ".join(places[u]["series"].iat[0] for u in predecessors))
    )

# From the merger on, the index ranks fewer provinces; without a figure for those years, say so (never a 0).
after = None
if merged and int(years["year"].max()) < facts.MERGER_YEAR:
    after = t("national.from_2025", year=facts.MERGER_YEAR, name=name, n=facts.PROVINCES_FROM_2025)

chart_rows = place if merged else place.drop(columns="series")
fig = figures.national_place(
    chart_rows, lang=ctx.lang, name=labels.capitalised(name), rank_of=int(years["n_units"].max()), note=after
)
ui.chart(
    fig,
    file_name=ui.file_name(int(place["year"].max()), "province", "national", t),
    key="national_rank",
    t=t,
    data=ui.ViewData(export.tidy(place), ui.source_metadata(labels.national_source(place, t))),
)
if after:
    st.info(after, icon="ℹ️")

st.header(t("national.table_heading"))
for unit in predecessors:
    if merged:
        st.markdown(f"**{labels.capitalised(places[unit]['series'].iat[0])}**")
    ui.table(labels.national_table(places[unit], context, t))
st.caption(t("national.context_note"))
ui.data_downloads(
    ui.ViewData(export.tidy(context), ui.source_metadata(labels.national_source(context, t))),
    file_name=ui.file_name(None, None, "national", t),
    t=t,
    key="national",
)
others = context[~context["unit_id"].isin(predecessors)]
if not others.empty:
    st.header(t("national.others_heading"))
    ui.table(labels.national_others_table(others, t))
