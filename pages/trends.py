"""Xu hướng: is the group improving? Scores, ranks, areas and tiers over the years."""

import pandas as pd
import streamlit as st

from parindex import app, export, figures, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
group_name = ctx.group_name
group = {"jurisdiction": ctx.jurisdiction, "group": ctx.group, "drafts": ctx.drafts, **ctx.scope}
st.title(t("trends.title", group=group_name))

ranking = query("ranking", **ctx.scoped)
rows = ranking.to_dict("records")
names = dict(zip(ranking["unit_id"], [labels.unit_name(r, t) for r in rows]))
short = dict(zip(ranking["unit_id"], [labels.unit_name(r, t, "short") for r in rows]))
ranked = ranking.dropna(subset=["rank"])["unit_id"].tolist()
default = list(dict.fromkeys(ranked[:2] + ranked[-2:])) if len(ranked) >= 4 else ranked
# The reader's unit (app.my_unit) comes first among the lines and is drawn marked; starting from it
# differs from the default, so the URL then names it and a shared link marks the same line.
mine = app.my_unit(names)
first_lines = list(dict.fromkeys([mine, *default]))[:6] if mine else default
chosen = ui.units_picker(t("trends.pick"), names, t, start=first_lines, limit=6, year=ctx.year)
app.write_param("u", chosen, None if mine else default)  # the reader's unit goes into the URL, first
mine = mine if mine in chosen else None
mine_line = query("unit", unit=mine, drafts=ctx.drafts)["line_id"].iat[0] if mine else None

# 1. % of maximum over the years, the group's mean and middle half behind the chosen units.
trend = query("group_trend", **group)
# unit=None adds an empty frame with the query's columns, so "no unit chosen" concatenates too.
trends = pd.concat([query("unit_trend", unit=u, drafts=ctx.drafts) for u in [*chosen, None]], ignore_index=True)
events = pd.concat([query("lineage_events", unit=u) for u in [*chosen, None]], ignore_index=True)
source = labels.history_source(pd.concat([trends, trend.assign(provenance="published")]), t)
metadata = ui.source_metadata(source)
drafted = bool(ctx.draft_years)  # every chart here spans the years, a draft year among them
if not trends.empty or trend["mean_pct"].notna().any():
    fig = figures.score_trend(
        trends, trend, events, lang=ctx.lang, group_name=group_name, source=source, highlight=mine
    )
    rows = pd.concat([trends, trend.assign(**{f"name_{ctx.lang}": t("criteria.group_mean")})], ignore_index=True)
    ui.chart(
        fig,
        file_name=ui.file_name(ctx.year, ctx.group, "trend", t),
        key="trend",
        t=t,
        draft=drafted,
        data=ui.ViewData(export.tidy(rows, group=ctx.group), metadata),
    )


def movement() -> None:
    """Who rose, who fell between two years."""
    ranked_years = [int(y) for y in trend.loc[trend["complete"], "year"] if y < ctx.year]
    if ranked_years and ctx.year in set(trend["year"]):
        st.header(t("trends.movement_heading"))
        app.bind_param("a", [str(y) for y in ranked_years], str(ranked_years[-1]))
        start = st.selectbox(
            t("trends.from_year"), [str(y) for y in ranked_years], key="a", placeholder=t("filter.choose")
        )
        app.write_param("a", start, str(ranked_years[-1]))
        moves = query("rank_movement", **group, **{"from": int(start), "to": ctx.year}).dropna(subset=["moved"])
        if not moves.empty:
            fig = figures.rank_movement(
                moves,
                lang=ctx.lang,
                start=start,
                end=ctx.year,
                group_name=group_name,
                source=source,
                highlight=mine_line,
            )
            ui.chart(
                fig,
                file_name=ui.file_name(ctx.year, ctx.group, "movement", t, start),
                key="movement",
                t=t,
                draft=drafted,
                data=ui.ViewData(export.tidy(moves, group=ctx.group, year=ctx.year), metadata),
            )
        else:
            st.caption(t("trends.no_movement", start=start, end=ctx.year))
    else:
        st.caption(t("trends.no_movement_years"))


def over_years(name: str, heading: str, build, slug: str, key: str, empty: str) -> None:
    """One of the group's views across the years (its areas, its tiers), or why there is none."""
    rows = query(name, **group)
    if rows.empty:
        st.caption(t(empty))
        return
    st.header(t(heading))
    fig = build(rows, lang=ctx.lang, group_name=group_name, source=source)
    ui.chart(
        fig,
        file_name=ui.file_name(ctx.year, ctx.group, slug, t),
        key=key,
        t=t,
        draft=drafted,
        data=ui.ViewData(export.tidy(rows, group=ctx.group), metadata),
    )


def areas_over_years() -> None:
    """Areas over the years, with the change of criteria set marked."""
    over_years(
        "area_trend", "trends.areas_heading", figures.area_trend, "areas_over_years", "area_trend", "trends.no_areas"
    )


def tiers_over_years() -> None:
    """Tiers over the years, each year with its own labels."""
    over_years(
        "tier_history",
        "trends.tiers_heading",
        figures.tier_history,
        "tiers_over_years",
        "tier_history",
        "trends.no_tiers",
    )


# Below the chosen units' trend, three tabs, each drawn only while open (the long rank movement of
# the 99 communes last): moving to this page draws the trend and the areas alone.
sections = [t("trends.areas_heading"), t("trends.tiers_heading"), t("trends.movement_heading")]
# A link with a from-year (`a`, e.g. from Rankings) is a link to the movement: it opens on it, once, on
# arrival. The tabs' default stays fixed: a default that followed the URL (which drops `a` when it is
# the default year) made a new widget on the next rerun, and the reader was thrown back to the first tab.
if st.query_params.get("a") and st.query_params.get("a") != st.session_state.get("_url_a"):
    st.session_state["trends_tab"] = sections[2]
tabs = app.lazy_tabs(sections, key="trends_tab")
for tab, draw in zip(tabs, (areas_over_years, tiers_over_years, movement)):
    if tab.open:
        with tab:
            draw()
