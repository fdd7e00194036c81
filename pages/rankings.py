"""Xếp hạng: every unit of the group in rank order, with its tier and its change on last year.

A long ranking (the 99 communes) at any width: Streamlit cannot tell the page how wide the screen
is, so the page does not guess. It always draws the top and the bottom TOP_BOTTOM units first (a
chart a phone can read, and a desk too), the unit searched for (`u`) in its place between them,
then the full table (scrolls, highlighted row); the chart of every unit is one toggle away. A
short ranking (departments, districts) is drawn whole as before.
"""

import streamlit as st

from parindex import app, export, figures, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
group_name = ctx.group_name
assessment = query("assessment", **ctx.params).iloc[0]
ranking = query("ranking", **ctx.scoped)

ui.page_header(t("rankings.title", group=group_name, year=ctx.year), assessment, t)
names = dict(zip(ranking["unit_id"], [labels.unit_name(r, t) for r in ranking.to_dict("records")]))
chosen = ui.unit_search(names, t)  # the reader's unit, marked in the chart and the table
if chosen:
    row = ranking[ranking["unit_id"] == chosen].iloc[0]
    st.caption(t("rankings.chosen", name=names[chosen], rank=labels.rank_text(row, t)))

name = ui.file_name(ctx.year, ctx.group, "ranking", t)
data = ui.view_data(
    ranking, ctx, ui.view_metadata(assessment, t), query_name="ranking", columns=export.RANKING_COLUMNS, **ctx.scope
)
n_scored = int(ranking["total"].notna().sum())
long = n_scored > figures.LONG


def ranking_chart(*, whole: bool = False):
    """The chart with the reader's unit marked; a long ranking's by its ends unless `whole`."""
    note = t("scope.ranks_note") if ctx.is_subset else None
    return figures.ranking(
        ranking,
        assessment,
        lang=ctx.lang,
        group_name=group_name,
        year=ctx.year,
        highlight=chosen,
        note=note,
        whole=whole,
        subset=ctx.is_subset,
    )


fig = ranking_chart()
if fig is not None:
    ui.chart(
        fig,
        file_name=name + (f"_{t('file.top_bottom')}" if long else ""),
        key="ranking_chart",
        t=t,
        draft=ctx.is_draft,
        data=data,
    )
if long:
    st.caption(t("rankings.full_caption", n=n_scored))
    if st.toggle(t("rankings.full_toggle", n=n_scored), key="ranking_full"):
        ui.chart(
            ranking_chart(whole=True), file_name=name, key="ranking_chart_full", t=t, draft=ctx.is_draft, data=data
        )
if ranking.empty:
    st.info(t("overview.no_results"))
else:
    ui.table(
        labels.ranking_table(ranking, t),
        marked=(ranking["unit_id"] == chosen).tolist(),
        height=min(38 + 35 * len(ranking), 760),
    )
    ui.data_downloads(data, file_name=name, t=t, key="ranking")
    if ranking["total"].notna().any():
        footnote = "rankings.footnote_published" if assessment["ranking"] == "published" else "rankings.footnote"
        st.caption(t(footnote, prev=labels.previous_year_text(ranking, t)))
    comparison = labels.comparison_note(ranking, t)
    if comparison:
        st.caption(comparison)
    ui.movement_link(ranking, ctx)
    if len(ranking) > figures.LONG:  # a hundred links are a page of their own on a phone: folded
        with st.expander(t("rankings.profiles_more", n=len(ranking))):
            ui.unit_links(ranking, t, ctx.year, ctx.group)
    else:
        st.header(t("rankings.profiles_heading"))
        ui.unit_links(ranking, t, ctx.year, ctx.group)
