"""Tổng quan: the year at a glance for one group, against last year and the published figures."""

import pandas as pd
import streamlit as st

from parindex import app, figures, fmt, frames, labels, presskit, ui
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
        cols[0].metric(
            t("overview.national_rank", name=labels.unit_name(row, t, "short")),
            labels.rank_text(row, t),
            **ui.metric_delta(row["rank_change"], _rank_delta(row)),
        )
        cols[1].metric(t("col.total"), fmt.number(row["total"], ctx.lang))
        note = row[f"note_{ctx.lang}"]
        if row["derived"]:
            cols[2].markdown(t("overview.derived_note"))
        if isinstance(note, str) and note:
            st.caption(note)


def _rank_delta(row: pd.Series) -> str | None:
    if row["prev_status"] != "compared" or fmt.is_missing(row["rank_change"]):
        return None
    return t("overview.rank_delta", change=fmt.signed(row["rank_change"], ctx.lang, 0), year=int(row["prev_year"]))


def group_overview() -> None:
    summary = query("group_summary", **ctx.scoped).iloc[0]
    tiers = frames.tier_rows(query("tier_counts", **ctx.scoped), ctx.lang)
    # The published figures are the whole group's: checked against the whole group only.
    checks = query("published_check", **params) if not ctx.is_subset else pd.DataFrame()

    cols = st.columns(3)
    mean_text = fmt.number(summary["mean_total"], ctx.lang)
    if not fmt.is_missing(summary["mean_total"]):
        mean_text += f" / {fmt.number(summary['max_total'], ctx.lang, 0)}"
    delta = None
    if not fmt.is_missing(summary["mean_change"]):
        delta = t(
            "overview.mean_delta", change=fmt.signed(summary["mean_change"], ctx.lang), year=int(summary["prev_year"])
        )
    cols[0].metric(t("overview.mean"), mean_text, **ui.metric_delta(summary["mean_change"], delta))
    if not fmt.is_missing(summary["prev_mean_total"]):
        cols[0].caption(
            t(
                "overview.prev_mean",
                year=int(summary["prev_year"]),
                mean=fmt.number(summary["prev_mean_total"], ctx.lang),
            )
        )
    if fmt.is_missing(summary["mean_total"]) and summary["n_scored"] > 0:
        cols[0].caption(t("overview.mean_incomplete", scored=int(summary["n_scored"]), units=int(summary["n_units"])))
    cols[1].metric(t("overview.units"), fmt.integer(summary["n_units"], ctx.lang))
    if not tiers.empty:
        best = tiers.iloc[0]
        cols[2].metric(
            t("overview.top_tier", tier=best["label"]),
            f"{fmt.integer(best['n'], ctx.lang)} ({fmt.percent(best['share'], ctx.lang)})",
        )

    if not tiers.empty:
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

    scored = ranking.dropna(subset=["total"])
    # A partial table with published ranks (Yên Bái's): its first three and last place by their
    # published ranks, with or without a published score.
    published = (
        ranking[ranking["rank_basis"] == "published"] if assessment["ranking"] == "published" else ranking.iloc[:0]
    )
    if not scored.empty or not published.empty:
        st.header(t("overview.top_bottom_heading"))
        left, right = st.columns(2)
        if not summary["complete"] and not published.empty:
            left.markdown(
                f"**{t('overview.top')}**\n\n" + labels.unit_list(published[published["rank"] <= 3], t, ranked=True)
            )
        else:
            left.markdown(f"**{t('overview.top')}**\n\n" + labels.unit_list(scored.head(3), t, ranks=ctx.is_subset))
        last = published[published["rank"] == published["rank_of"]]
        if summary["complete"]:
            right.markdown(
                f"**{t('overview.bottom')}**\n\n" + labels.unit_list(scored.tail(3).iloc[::-1], t, ranks=ctx.is_subset)
            )
        elif not last.empty:  # a partial table whose last place was published (Yên Bái's)
            right.markdown(f"**{t('overview.bottom_published')}**\n\n" + labels.unit_list(last, t, ranked=True))
        else:
            right.caption(t("overview.bottom_unknown"))

    areas = query("area_summary", threshold=THRESHOLD_PCT, **ctx.scoped)
    paragraph = labels.summary_paragraph(
        summary,
        tiers,
        areas,
        group=labels.lower_first(group_name),
        illustrative=bool(assessment["n_illustrative"]),
        t=t,
        subset=ctx.is_subset,
    )
    st.header(t("summary.heading"))
    st.container(border=True).text(paragraph)
    # The copy button (st.code) loads a syntax highlighter into the browser: only when asked for.
    with app.lazy_popover(t("summary.copy"), icon=":material/content_copy:", key="summary_copy") as copy:
        if copy.open:
            st.caption(t("summary.copy_caption"))
            st.code(paragraph, language=None, wrap_lines=True)

    st.header(t("presskit.heading"))
    st.caption(t("presskit.caption"))
    kit = presskit.View(
        ctx.jurisdiction,
        ctx.group,
        ctx.year,
        ctx.lang,
        ctx.drafts,
        ctx.former_province,
        ctx.former_district,
        group_name if ctx.is_subset else None,
    )
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

    if not checks.empty:
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
