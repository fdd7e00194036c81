"""Tiêu chí: where the group loses points, area by area, down to the sub-criterion."""

import streamlit as st

from parindex import app, figures, fmt, frames, labels, ui
from parindex.dataset import THRESHOLD_PCT as THRESHOLD
from parindex.db import query

ctx = app.context()
t = ctx.t
params = ctx.params
group_name = ctx.group_name

st.title(t("criteria.title", group=group_name, year=ctx.year))
years = query("criteria_years", jurisdiction=ctx.jurisdiction, group=ctx.group, drafts=ctx.drafts)["year"].tolist()
if ctx.year not in years:
    st.info(t("criteria.no_data", year=ctx.year), icon="ℹ️")
    if years:
        nearest = min(years, key=lambda y: (abs(y - ctx.year), -y))
        st.button(t("criteria.go_to_year", year=nearest), on_click=app.choose_year, args=(nearest,))
    st.stop()

assessment = query("assessment", **params).iloc[0]
source = labels.source_line(assessment, t)
st.caption(f"{source} · {t('criteria.framework', name=assessment[f'framework_{ctx.lang}'])}")
ui.data_notes(assessment, t)
metadata = ui.view_metadata(assessment, t)


def by_area() -> None:
    """Units by areas, on a fixed 0-100 scale, then one area's criteria."""
    areas = query("area_scores", **ctx.scoped)
    summary = query("area_summary", threshold=THRESHOLD, **ctx.scoped)
    # `u` (the unit searched for on Rankings, or chosen here) is outlined in the heatmap.
    unit_names = dict(zip(areas["unit_id"], areas[f"name_{ctx.lang}"]))
    st.header(t("criteria.heatmap_heading"))
    chosen = ui.unit_search(unit_names, t)
    # A long list of communes reads first by the former district each was formed from.
    origins = query("unit_origin_map", jurisdiction=ctx.jurisdiction, group=ctx.group)
    n_units = areas["unit_id"].nunique()
    grouped = figures.by_district(areas, origins) and not st.toggle(
        t("criteria.all_units", n=n_units), key="each_unit", value=chosen is not None
    )
    if grouped:
        fig = figures.district_heatmap(
            areas, origins, summary, assessment, lang=ctx.lang, group_name=group_name, year=ctx.year
        )
    else:
        fig = figures.area_heatmap(
            areas, summary, assessment, lang=ctx.lang, group_name=group_name, year=ctx.year, highlight=chosen
        )
    ui.chart(
        fig,
        file_name=ui.file_name(ctx.year, ctx.group, "areas", t),
        key="area_heatmap",
        t=t,
        draft=ctx.is_draft,
        data=ui.view_data(areas, ctx, metadata, query_name="area_scores", **ctx.scope),
    )

    area_keys = summary["area_key"].tolist()
    area_names = dict(zip(area_keys, summary[f"area_{ctx.lang}"]))
    app.bind_param("c", area_keys, None, notice=lambda value: t("criteria.unknown_area", value=value))
    area = st.selectbox(
        t("criteria.drill_label"),
        area_keys,
        key="c",
        index=None,
        placeholder=t("criteria.drill_none"),
        format_func=area_names.get,
    )
    app.write_param("c", area)
    if area:
        detail = query("criterion_scores", area=area, **ctx.scoped)
        fig = figures.criterion_heatmap(
            detail,
            lang=ctx.lang,
            area_name=area_names[area],
            group_name=group_name,
            year=ctx.year,
            source=source,
            highlight=chosen,
        )
        ui.chart(
            fig,
            file_name=ui.file_name(ctx.year, ctx.group, "criteria", t, area.lower()),
            key="criterion_heatmap",
            t=t,
            draft=ctx.is_draft,
            data=ui.view_data(detail, ctx, metadata, query_name="criterion_scores", area=area, **ctx.scope),
        )
        subs = query("area_subcriteria", area=area, threshold=THRESHOLD, **ctx.scoped)
        ui.table(labels.subcriteria_table(subs, t, threshold=THRESHOLD))
        ui.data_downloads(
            ui.view_data(
                subs, ctx, metadata, query_name="area_subcriteria", area=area, threshold=THRESHOLD, **ctx.scope
            ),
            file_name=ui.file_name(ctx.year, ctx.group, "subcriteria", t, area.lower()),
            t=t,
            key="subcriteria",
        )


def where_points_go() -> None:
    """The criteria that lose the most points, and those most units score under the threshold on."""
    st.header(t("criteria.weakest_heading"))
    weakest = query("weakest_criteria", threshold=THRESHOLD, **ctx.scoped)
    rows = frames.pareto_rows(weakest, t, threshold=THRESHOLD)
    top = rows.iloc[0]
    # The reader's unit (app.my_unit) as its own part of each bar, kept in the URL for a shared link.
    mine = app.my_unit(query("ranking", **ctx.scoped)["unit_id"].tolist())
    app.write_param("u", mine)
    fig = figures.points_lost(
        weakest,
        lang=ctx.lang,
        threshold=THRESHOLD,
        group_name=group_name,
        year=ctx.year,
        source=source,
        highlight=query("unit_criteria", unit=mine, year=ctx.year, drafts=ctx.drafts) if mine else None,
    )
    ui.chart(
        fig,
        file_name=ui.file_name(ctx.year, ctx.group, "points_lost", t),
        key="pareto",
        t=t,
        draft=ctx.is_draft,
        data=ui.view_data(weakest, ctx, metadata, query_name="weakest_criteria", threshold=THRESHOLD, **ctx.scope),
    )
    flagged = rows[rows["flagged"]]
    if flagged.empty:
        st.caption(t("criteria.none_flagged", threshold=THRESHOLD))
    else:
        st.markdown(
            t("criteria.flagged_list", threshold=THRESHOLD)
            + "\n"
            + "\n".join(
                f"- **{r['criterion_id']}** {r[f'name_{ctx.lang}']} — "
                + t(
                    "criteria.below_count",
                    n=int(r["n_below"]),
                    of=int(r["n_units"]),
                    mean=fmt.number(r["mean_pct"], ctx.lang),
                )
                for _, r in flagged.iterrows()
            )
        )
    st.caption(
        t(
            "criteria.top_loss",
            name=f"{top['criterion_id']} {top[f'name_{ctx.lang}']}",
            lost=fmt.number(top["points_lost"], ctx.lang),
            share=fmt.percent(top["lost_share"], ctx.lang),
        )
    )


def self_assessment() -> None:
    """Who scores itself higher than the council does."""
    st.header(t("criteria.self_heading"))
    gaps = query("self_assessment", **ctx.scoped)
    if gaps.empty:
        st.info(t("criteria.no_self", year=ctx.year))
    else:
        totals = gaps[gaps["area_key"].isna()].sort_values("gap", ascending=False)
        mine = app.my_unit(query("ranking", **ctx.scoped)["unit_id"].tolist())
        app.write_param("u", mine)
        fig = figures.self_gap(
            totals, lang=ctx.lang, group_name=group_name, year=ctx.year, source=source, highlight=mine
        )
        ui.chart(
            fig,
            file_name=ui.file_name(ctx.year, ctx.group, "self_assessment", t),
            key="self_gap",
            t=t,
            draft=ctx.is_draft,
            data=ui.view_data(gaps, ctx, metadata, query_name="self_assessment", **ctx.scope),
        )
        ui.table(labels.self_gap_table(gaps, t))


# Three tabs, each drawn only while it is open: moving to this page draws the first one alone.
tabs = app.lazy_tabs(
    [t("criteria.heatmap_heading"), t("criteria.weakest_heading"), t("criteria.self_heading")], key="criteria_tab"
)
for tab, draw in zip(tabs, (by_area, where_points_go, self_assessment)):
    if tab.open:
        with tab:
            draw()
