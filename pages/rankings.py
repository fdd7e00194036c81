"""Xếp hạng: every unit of the group in rank order, with its tier and its change on last year."""

import streamlit as st

from parindex import app, charts, export, fmt, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
params = ctx.params
group_name = ctx.group_name
assessment = query("assessment", **params).iloc[0]
ranking = query("ranking", **params)

ui.page_header(t("rankings.title", group=group_name, year=ctx.year), assessment, t)

scored = ranking.dropna(subset=["total"])
if len(scored) >= 2:
    bars = scored.assign(
        label=[labels.unit_name(row, t, "short") for row in scored.to_dict("records")],
        value=scored["total"],
        tier_label=[labels.tier_label(row, t) for row in scored.to_dict("records")],
        hover=[labels.ranking_hover(row, t) for row in scored.to_dict("records")],
    )
    leader = scored.iloc[0]
    fig = charts.ranking_bars(bars, ctx.lang, axis_max=float(assessment["max_total"]),
                              value_title=t("rankings.axis", max=fmt.number(assessment["max_total"], ctx.lang, 0)))
    leader_name = labels.capitalised(labels.unit_name(leader, t))
    charts.frame(fig, lang=ctx.lang,
                 title=t("rankings.chart_title", unit=leader_name, group=group_name.lower(), year=ctx.year),
                 subtitle=t("rankings.chart_subtitle", group=group_name, year=ctx.year),
                 source=labels.source_line(assessment, t), height=30 + 26 * len(bars), legend=True)
    ui.chart(fig, file_name=ui.file_name(ctx.year, ctx.group, "xep-hang"), key="ranking_chart")

if ranking.empty:
    st.info(t("overview.no_results"))
else:
    st.dataframe(labels.ranking_table(ranking, t), hide_index=True, width="stretch",
                 height=min(38 + 35 * len(ranking), 760))
    if not scored.empty:
        st.caption(t("rankings.footnote", prev=labels.previous_year_text(ranking, t)))
    stem = ui.file_name(ctx.year, ctx.group, "xep-hang")
    ui.data_downloads(export.ranking_data(ranking, ctx.year, ctx.group), file_stem=stem, t=t, key="ranking",
                      metadata=ui.view_metadata(assessment, t, f"/xep-hang?y={ctx.year}&g={ctx.group}"))

    st.subheader(t("rankings.profiles_heading"))
    ui.unit_links(ranking, t, ctx.year, ctx.group)
