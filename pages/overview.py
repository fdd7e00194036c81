"""Tổng quan: the year at a glance for one group, against last year and the published figures."""

import pandas as pd
import streamlit as st

from parindex import app, figures, frames, labels, presskit, ui
from parindex.dataset import THRESHOLD_PCT
from parindex.db import query
from parindex.report import buttons as report_buttons

ctx = app.context()
t = ctx.t
params = ctx.params
group_name = ctx.group_name
assessment = query("assessment", **params).iloc[0]
ranking = query("ranking", **ctx.scoped)

ui.page_header(t("overview.title", group=group_name, year=ctx.year), assessment, t)


def national_place() -> None:
    """The province in the national PAR INDEX: its published place among 63 (the other provinces'
    known figures are on the National page)."""
    for _, row in ranking[ranking["unit_id"] == app.home_jurisdiction()].iterrows():
        cols = st.columns(3)
        ui.metric(cols[0], labels.national_rank_metric(row, t))
        ui.metric(cols[1], labels.total_metric(row, t))
        if row["derived"]:
            cols[2].markdown(t("overview.derived_note"))
        note = labels.assessment_note(row, t)
        if note:
            st.caption(note)


def group_overview() -> None:
    summary = query("group_summary", **ctx.scoped).iloc[0]
    tiers = frames.tier_rows(query("tier_counts", **ctx.scoped), ctx.lang)
    headline(summary, tiers)
    if not tiers.empty:
        tier_section(summary, tiers)
    top_bottom_section(summary)
    summary_section(summary, tiers)
    kit = press_kit()
    downloads_section(kit)
    if not ctx.is_subset:  # the published figures are the whole group's: checked against the whole group only
        check_section(tiers)


def headline(summary: pd.Series, tiers: pd.DataFrame) -> None:
    """The mean, the number of units, the units in the best tier."""
    cols = st.columns(3)
    ui.metric(cols[0], labels.mean_metric(summary, t))
    ui.metric(cols[1], labels.units_metric(summary, t))
    best = labels.top_tier_metric(tiers, t)
    if best:
        ui.metric(cols[2], best)


def tier_section(summary: pd.Series, tiers: pd.DataFrame) -> None:
    """The units per tier: the chart, and beside it each tier's count, share and names."""
    st.header(t("overview.tiers_heading"))
    left, right = st.columns([3, 2])
    with left:
        fig = figures.tiers(tiers, summary, assessment, lang=ctx.lang, group_name=group_name, year=ctx.year)
        ui.chart(
            fig,
            file_name=ui.file_name(ctx.year, ctx.group, "tiers", t),
            key="tier_chart",
            t=t,
            draft=ctx.is_draft,
            data=ui.view_data(tiers, ctx, ui.view_metadata(assessment, t), query_name="tier_counts", **ctx.scope),
        )
    with right:
        for _, tier in tiers.iterrows():
            st.markdown(labels.tier_line(tier, t))


def top_bottom_section(summary: pd.Series) -> None:
    listed = labels.top_bottom(
        ranking,
        t,
        complete=bool(summary["complete"]),
        published_ranks=assessment["ranking"] == "published",
        ranks=ctx.is_subset,
    )
    if listed is None:
        return
    st.header(t("overview.top_bottom_heading"))
    left, right = st.columns(2)
    left.markdown(listed.top)
    (right.markdown if listed.bottom_known else right.caption)(listed.bottom)


def summary_section(summary: pd.Series, tiers: pd.DataFrame) -> None:
    """The year in a paragraph a reader can copy into a report."""
    areas = query("area_summary", threshold=THRESHOLD_PCT, **ctx.scoped)
    paragraph = labels.summary_paragraph(
        summary, tiers, areas, assessment, group_name=group_name, t=t, subset=ctx.is_subset
    )
    st.header(t("summary.heading"))
    st.container(border=True).text(paragraph)
    # The copy button (st.code) loads a syntax highlighter into the browser: only when asked for.
    with app.lazy_popover(t("summary.copy"), icon=":material/content_copy:", key="summary_copy") as copy:
        if copy.open:
            st.caption(t("summary.copy_caption"))
            st.code(paragraph, language=None, wrap_lines=True)


def press_kit() -> presskit.View:
    return presskit.View(
        ctx.jurisdiction,
        ctx.group,
        ctx.year,
        ctx.lang,
        ctx.drafts,
        ctx.former_province,
        ctx.former_district,
        group_name if ctx.is_subset else None,
    )


def downloads_section(kit: presskit.View) -> None:
    """The press kit and the report, built when asked for."""
    st.header(t("presskit.heading"))
    st.caption(t("presskit.caption"))
    st.download_button(
        t("presskit.button"),
        data=lambda: presskit.build(kit),
        key="press_kit",
        on_click="ignore",
        file_name=f"{kit.file_name('press_kit')}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
    )

    st.header(t("report.heading"))
    st.caption(t("report.caption"))
    report_buttons.downloads(kit, t, key="report")


def check_section(tiers: pd.DataFrame) -> None:
    """The published group figures beside the same figures computed from the units' data."""
    checks = query("published_check", **params)
    if checks.empty:
        return
    st.header(t("overview.check_heading"))
    st.caption(t("overview.check_caption"))
    st.space("small")  # on a phone the table's toolbar shows above it: clear of the caption
    st.dataframe(labels.check_table(checks, tiers, t), hide_index=True, width="stretch")


if ranking.empty:
    st.info(t("overview.no_results"))
elif ctx.group == "province":
    national_place()
else:
    group_overview()
