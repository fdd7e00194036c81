"""Xếp hạng: every unit of the group in rank order, with its tier and its change on last year."""

import streamlit as st

from parindex import app, export, figures, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
params = ctx.params
group_name = ctx.group_name
assessment = query("assessment", **params).iloc[0]
ranking = query("ranking", **params)

ui.page_header(t("rankings.title", group=group_name, year=ctx.year), assessment, t)

name = ui.file_name(ctx.year, ctx.group, "xep-hang")
data = ui.view_data(ranking, ctx, ui.view_metadata(assessment, t), query_name="ranking", shape=export.ranking_data)
fig = figures.ranking(ranking, assessment, lang=ctx.lang, group_name=group_name, year=ctx.year)
if fig is not None:
    ui.chart(fig, file_name=name, key="ranking_chart", t=t, draft=ctx.is_draft, data=data)

if ranking.empty:
    st.info(t("overview.no_results"))
else:
    st.dataframe(labels.ranking_table(ranking, t), hide_index=True, width="stretch",
                 height=min(38 + 35 * len(ranking), 760))
    ui.data_downloads(data, file_name=name, t=t, key="ranking")
    if ranking["total"].notna().any():
        footnote = "rankings.footnote_published" if assessment["ranking"] == "published" else "rankings.footnote"
        st.caption(t(footnote, prev=labels.previous_year_text(ranking, t)))

    st.subheader(t("rankings.profiles_heading"))
    ui.unit_links(ranking, t, ctx.year, ctx.group)
