"""Toàn quốc: the province's place in the national PAR INDEX of 63 provinces, year by year."""

import streamlit as st

from parindex import app, export, figures, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
home = app.home_jurisdiction()
context = query("national_context", unit=home, drafts=ctx.drafts)
years = query("national_years", unit=home, drafts=ctx.drafts)
if context.empty:
    st.info(t("overview.no_results"))
    st.stop()

place = years.merge(context[context["is_home"]], on="year", how="left", suffixes=("_year", ""))
name = labels.unit_name(context[context["is_home"]].iloc[0], t) if context["is_home"].any() else home
st.title(t("national.title", name=labels.capitalised(name)))
st.caption(t("national.caption"))

fig = figures.national_place(place, lang=ctx.lang, name=labels.capitalised(name), rank_of=int(years["n_units"].max()))
ui.chart(fig, file_name=ui.file_name(int(place["year"].max()), "province", "toan-quoc"), key="national_rank", t=t,
         data=ui.ViewData(export.tidy(place), ui.source_metadata(labels.national_source(place, t))))

st.subheader(t("national.table_heading"))
st.dataframe(labels.national_table(place, context, t), hide_index=True, width="stretch")
st.caption(t("national.context_note"))
ui.data_downloads(ui.ViewData(export.tidy(context), ui.source_metadata(labels.national_source(context, t))),
                  file_name="chi-so-cchc_toan-quoc", t=t, key="national")
others = context[~context["is_home"]]
if not others.empty:
    st.subheader(t("national.others_heading"))
    st.dataframe(labels.national_others_table(others, t), hide_index=True, width="stretch")
