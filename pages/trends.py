"""Xu hướng: is the group improving? Scores, ranks, areas and tiers over the years."""

import pandas as pd
import streamlit as st

from parindex import app, charts, export, frames, labels, ui
from parindex.db import query

ctx = app.context()
t = ctx.t
group_name = ctx.group_name
group = {"jurisdiction": ctx.jurisdiction, "group": ctx.group, "drafts": ctx.drafts}
st.title(t("trends.title", group=group_name))

ranking = query("ranking", **ctx.params)
names = dict(zip(ranking["unit_id"], [labels.unit_name(r, t) for _, r in ranking.iterrows()]))
short = dict(zip(ranking["unit_id"], [labels.unit_name(r, t, "short") for _, r in ranking.iterrows()]))
ranked = ranking.dropna(subset=["rank"])["unit_id"].tolist()
default = list(dict.fromkeys(ranked[:2] + ranked[-2:])) if len(ranked) >= 4 else ranked
app.bind_param("u", list(names), default, notice=lambda value: t("compare.unknown", value=value, year=ctx.year),
               multiple=True, limit=6)
chosen = st.multiselect(t("trends.pick"), list(names), key="u", format_func=names.get, max_selections=6)
app.write_param("u", chosen, default)

# 1. % of maximum over the years, the group's mean and middle half behind the chosen units.
trend = query("group_trend", **group)
# unit=None adds an empty frame with the query's columns, so "no unit chosen" concatenates too.
trends = pd.concat([query("unit_trend", unit=u, drafts=ctx.drafts) for u in [*chosen, None]], ignore_index=True)
events = pd.concat([query("lineage_events", unit=u) for u in [*chosen, None]], ignore_index=True)
source = labels.history_source(pd.concat([trends, trend.assign(provenance="published")]), t)
metadata = ui.source_metadata(source)
drafted = bool(ctx.draft_years)  # every chart here spans the years, a draft year among them
if not trends.empty or trend["mean_pct"].notna().any():
    lines = frames.trend_lines(trends, t)
    lines = lines.assign(hover=[labels.trend_hover(r, t) for _, r in lines.iterrows()])
    breaks = frames.break_marks(events, lines, t)
    fig = charts.history(lines, ctx.lang, value_title=t("col.pct"),
                         band=trend.rename(columns={"mean_pct": "value"})[["year", "value"]],
                         band_name=t("criteria.group_mean"),
                         spread=trend.rename(columns={"p25_pct": "low", "p75_pct": "high"})[["year", "low", "high"]],
                         spread_name=t("trends.middle_half"), breaks=breaks, break_name=t("lineage.break"))
    charts.frame(fig, lang=ctx.lang, title=t("trends.score_title", group=group_name.lower()),
                 subtitle=t("trends.score_subtitle", group=group_name), source=source, height=320, legend=True)
    rows = pd.concat([trends, trend.assign(**{f"name_{ctx.lang}": t("criteria.group_mean")})], ignore_index=True)
    ui.chart(fig, file_name=ui.file_name(ctx.year, ctx.group, "xu-huong"), key="trend", t=t, draft=drafted,
             data=ui.ViewData(export.tidy(rows, group=ctx.group), metadata))

# 2. Who rose, who fell between two years.
ranked_years = [int(y) for y in trend.loc[trend["complete"], "year"] if y < ctx.year]
if ranked_years and ctx.year in set(trend["year"]):
    st.subheader(t("trends.movement_heading"))
    app.bind_param("a", [str(y) for y in ranked_years], str(ranked_years[-1]))
    start = st.selectbox(t("trends.from_year"), [str(y) for y in ranked_years], key="a")
    app.write_param("a", start, str(ranked_years[-1]))
    moves = query("rank_movement", **group, **{"from": int(start), "to": ctx.year}).dropna(subset=["moved"])
    if not moves.empty:
        moves = moves.assign(label=moves[f"short_{ctx.lang}"],
                             hover=[t("trends.move_hover", name=r[f"name_{ctx.lang}"], a=int(r["rank_from"]),
                                      b=int(r["rank_to"]), start=start, end=ctx.year) for _, r in moves.iterrows()])
        fig = charts.dumbbell(moves, ctx.lang, from_name=start, to_name=str(ctx.year), rank_title=t("col.rank"))
        risers = int((moves["moved"] > 0).sum())
        charts.frame(fig, lang=ctx.lang, title=t("trends.movement_title", up=risers,
                                                 down=int((moves["moved"] < 0).sum()), start=start, end=ctx.year),
                     subtitle=t("trends.movement_subtitle", group=group_name), source=source,
                     height=24 * len(moves) + 30, legend=True)
        ui.chart(fig, file_name=ui.file_name(ctx.year, ctx.group, f"thu-hang-{start}"), key="movement", t=t,
                 draft=drafted, data=ui.ViewData(export.tidy(moves, group=ctx.group, year=ctx.year), metadata))
    else:
        st.caption(t("trends.no_movement", start=start, end=ctx.year))

# 3. Areas over the years, with the change of criteria set marked.
areas = query("area_trend", **group)
if not areas.empty:
    st.subheader(t("trends.areas_heading"))
    fig = charts.area_lines(frames.area_series(areas, t), ctx.lang, value_title=t("col.pct"),
                            change_years=frames.framework_changes(areas),
                            change_text=t("trends.framework_change"))
    charts.frame(fig, lang=ctx.lang, title=t("trends.areas_title", first=int(areas["year"].min()),
                                             last=int(areas["year"].max())),
                 subtitle=t("trends.areas_subtitle", group=group_name), source=source, height=320, legend=True)
    ui.chart(fig, file_name=ui.file_name(ctx.year, ctx.group, "linh-vuc-xu-huong"), key="area_trend", t=t,
             draft=drafted, data=ui.ViewData(export.tidy(areas, group=ctx.group), metadata))

# 4. Tiers over the years, each year with its own labels.
tiers = query("tier_history", **group)
if not tiers.empty:
    st.subheader(t("trends.tiers_heading"))
    fig = charts.tier_stack(tiers.assign(label=tiers[f"label_{ctx.lang}"]), ctx.lang, count_title=t("chart.units_axis"),
                            order_names={1: t("trends.tier_1"), 2: t("trends.tier_2"), 3: t("trends.tier_3"),
                                         4: t("trends.tier_4")})
    charts.frame(fig, lang=ctx.lang, title=t("trends.tiers_title", group=group_name.lower()),
                 subtitle=t("trends.tiers_subtitle"), source=source, height=300, legend=True)
    ui.chart(fig, file_name=ui.file_name(ctx.year, ctx.group, "xep-loai-xu-huong"), key="tier_history", t=t,
             draft=drafted, data=ui.ViewData(export.tidy(tiers, group=ctx.group), metadata))
