"""The year's key figures, framed and worded, from query results: shared by their pages and the
press kit, so a downloaded ZIP holds exactly the charts the pages show. No Streamlit here."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from parindex import charts, fmt, frames, labels
from parindex.i18n import Translator


def tiers(tier_counts: pd.DataFrame, summary: pd.Series, assessment: pd.Series, *, t: Translator,
          group_name: str, year: int) -> go.Figure:
    """Units per tier. tier_counts needs the columns n (units) and label (in the reader's language)."""
    best = tier_counts.iloc[0]
    fig = charts.tier_distribution(tier_counts, t.lang, count_title=t("chart.units_axis"))
    return charts.frame(fig, lang=t.lang, title=t("overview.chart_title", n=int(best["n"]), of=int(summary["n_units"]),
                                                  group=group_name.lower(), tier=best["label"], year=year),
                        subtitle=t("overview.chart_subtitle", group=group_name, year=year),
                        source=labels.source_line(assessment, t), height=60 * len(tier_counts))


def ranking(rows: pd.DataFrame, assessment: pd.Series, *, t: Translator, group_name: str,
            year: int) -> go.Figure | None:
    """Scored units in rank order, by tier; None when fewer than two units have a score."""
    scored = rows.dropna(subset=["total"])
    if len(scored) < 2:
        return None
    bars = scored.assign(
        label=[labels.unit_name(row, t, "short") for _, row in scored.iterrows()],
        value=scored["total"],
        tier_label=[labels.tier_label(row, t) for _, row in scored.iterrows()],
        hover=[labels.ranking_hover(row, t) for _, row in scored.iterrows()],
    )
    fig = charts.ranking_bars(bars, t.lang, axis_max=float(assessment["max_total"]),
                              value_title=t("rankings.axis", max=fmt.number(assessment["max_total"], t.lang, 0)))
    leader = labels.capitalised(labels.unit_name(scored.iloc[0], t))
    return charts.frame(fig, lang=t.lang,
                        title=t("rankings.chart_title", unit=leader, group=group_name.lower(), year=year),
                        subtitle=t("rankings.chart_subtitle", group=group_name, year=year),
                        source=labels.source_line(assessment, t), height=30 + 26 * len(bars), legend=True)


def area_heatmap(areas: pd.DataFrame, summary: pd.DataFrame, assessment: pd.Series, *, t: Translator,
                 group_name: str, year: int) -> go.Figure:
    """Units by criterion area on the fixed 0-100 scale; the title names the weakest area."""
    weakest = summary.sort_values("mean_pct").iloc[0]
    fig = charts.heatmap(frames.area_matrix(areas, t, mean_label=t("criteria.group_mean")), t.lang,
                         colour_title=t("criteria.pct_short"))
    return charts.frame(fig, lang=t.lang, title=t("criteria.heatmap_title", area=weakest[f"area_{t.lang}"],
                                                  pct=fmt.number(weakest["mean_pct"], t.lang, 1), year=year),
                        subtitle=t("criteria.heatmap_subtitle", group=group_name, year=year),
                        source=labels.source_line(assessment, t),
                        height=24 * (areas["unit_id"].nunique() + 1) + 20, top_labels=2)
