"""Small, pure reshaping of query results into what a chart or a table takes. No Streamlit."""

from __future__ import annotations

import pandas as pd

from parindex import fmt, labels
from parindex.i18n import Translator


def area_matrix(areas: pd.DataFrame, t: Translator, *, mean_label: str) -> pd.DataFrame:
    """Units (rank order) by areas (framework order) of % achieved, with the group mean as the
    last row. `areas` is the area_scores query."""
    columns = areas.drop_duplicates("area_key").sort_values("area_order")[f"area_short_{t.lang}"].tolist()
    units = areas.drop_duplicates("unit_id")
    matrix = areas.pivot_table(index="unit_id", columns=f"area_short_{t.lang}", values="pct", sort=False)
    matrix = matrix.reindex(index=units["unit_id"], columns=columns)
    matrix.index = units[f"short_{t.lang}"].tolist()
    matrix.loc[mean_label] = matrix.mean()
    return matrix


def district_matrix(
    areas: pd.DataFrame, origins: pd.DataFrame, t: Translator, *, mean_label: str, label: str
) -> pd.DataFrame:
    """Former districts by areas: the mean % achieved of the units formed from each (a unit formed
    from two districts counts in both), rows labelled with `label` (its {district} and {n} units),
    weakest first, then the group mean. `origins` is the unit_origin_map query."""
    columns = areas.drop_duplicates("area_key").sort_values("area_order")[f"area_short_{t.lang}"].tolist()
    joined = areas.merge(origins, on="unit_id")
    matrix = joined.pivot_table(index="former_unit_id", columns=f"area_short_{t.lang}", values="pct", aggfunc="mean")
    matrix = matrix.reindex(columns=columns)
    counts = joined.drop_duplicates(["former_unit_id", "unit_id"]).groupby("former_unit_id")["unit_id"].count()
    names = origins.drop_duplicates("former_unit_id").set_index("former_unit_id")[f"district_short_{t.lang}"]
    matrix = matrix.loc[matrix.mean(axis=1).sort_values().index]
    matrix.index = [label.format(district=names[d], n=int(counts[d])) for d in matrix.index]
    matrix.loc[mean_label] = areas.pivot_table(index="unit_id", columns=f"area_short_{t.lang}", values="pct")[
        columns
    ].mean()
    return matrix


def criterion_matrix(criteria: pd.DataFrame, t: Translator, *, mean_label: str) -> pd.DataFrame:
    """Units by the criteria of one area (criterion_scores rows of level 'criterion'), columns in
    the criteria set's order, each headed by its code and short name (labels.criterion_label), with
    the group mean as the last row. The criteria's full names: `criterion_names(criteria, t)`."""
    rows = criteria[criteria["level"] == "criterion"]
    units = rows.drop_duplicates("unit_id")
    criteria_order = rows.drop_duplicates("criterion_id").sort_values(["sort_order", "criterion_id"])
    matrix = rows.pivot_table(index="unit_id", columns="criterion_id", values="pct", sort=False)
    matrix = matrix.reindex(index=units["unit_id"], columns=criteria_order["criterion_id"])
    matrix.index = units[f"short_{t.lang}"].tolist()
    matrix.columns = [
        labels.criterion_label(c, s)
        for c, s in zip(criteria_order["criterion_id"], criteria_order[f"short_{t.lang}_c"])
    ]
    matrix.loc[mean_label] = matrix.mean()
    return matrix


def criterion_names(criteria: pd.DataFrame, t: Translator) -> list[str]:
    """The full names of criterion_matrix's columns, in its order ('CV.2 Tuyển dụng công chức …')."""
    rows = criteria[criteria["level"] == "criterion"].drop_duplicates("criterion_id")
    rows = rows.sort_values(["sort_order", "criterion_id"])
    return [f"{c} {n}" for c, n in zip(rows["criterion_id"], rows[f"name_{t.lang}_c"])]


def pareto_rows(weakest: pd.DataFrame, t: Translator, *, threshold: float) -> pd.DataFrame:
    """weakest_criteria rows for the Pareto chart; flagged where most units are below threshold."""
    rows = weakest.copy()
    rows["label"] = [labels.criterion_label(c, s) for c, s in zip(rows["criterion_id"], rows[f"short_{t.lang}"])]
    rows["flagged"] = rows["share_below"] > 0.5
    rows["hover"] = [
        "<br>".join(
            (
                f"<b>{r['criterion_id']} {r[f'name_{t.lang}']}</b>",
                t(
                    "criteria.hover_lost",
                    lost=fmt.number(r["points_lost"], t.lang),
                    share=fmt.percent(r["lost_share"], t.lang),
                ),
                t("criteria.hover_mean", mean=fmt.number(r["mean_pct"], t.lang)),
                t(
                    "criteria.hover_below",
                    n=int(r["n_below"]),
                    of=int(r["n_units"]),
                    threshold=fmt.number(threshold, t.lang, 0),
                ),
            )
        )
        for _, r in rows.iterrows()
    ]
    return rows


def framework_changes(areas: pd.DataFrame) -> list[int]:
    """The years whose criteria set differs from the previous year's (area_trend rows)."""
    by_year = areas.drop_duplicates("year").sort_values("year")
    return [
        int(year)
        for year, before, now in zip(
            by_year["year"].iloc[1:], by_year["framework_id"], by_year["framework_id"].iloc[1:]
        )
        if before != now
    ]


def area_series(areas: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """area_trend rows with one series per area_key, named as in the latest criteria set (an area
    renamed by a new framework stays one line)."""
    latest = areas.sort_values("year").drop_duplicates("area_key", keep="last")
    names = dict(zip(latest["area_key"], latest[f"area_short_{t.lang}"]))
    return areas.assign(series=areas["area_key"].map(names), value=areas["mean_pct"]).sort_values(
        ["area_order", "year"]
    )


def trend_lines(trends: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """unit_trend rows, one series per line (a rename continues it; a merge or split starts
    another), each series named as its unit is named in its last year. Two lines named alike (Sở
    Nội vụ and the Sở Nội vụ a 2025 merger made) each add their years: one name would make them
    one series, drawn joined across the break."""
    last = trends.sort_values("year").drop_duplicates("line_id", keep="last")
    own = set(trends.loc[trends["is_own"].astype(bool), "jurisdiction_id"])
    names = {
        line: name if place_id in own else f"{name} — {place}"  # a predecessor of the other province
        for line, name, place_id, place in zip(
            last["line_id"], last[f"short_{t.lang}"], last["jurisdiction_id"], last[f"place_{t.lang}"]
        )
    }
    alike = {name for name in names.values() if list(names.values()).count(name) > 1}
    for line in [line for line, name in names.items() if name in alike]:
        part = trends[trends["line_id"] == line]
        years = part.dropna(subset=["pct"])["year"] if part["pct"].notna().any() else part["year"]
        names[line] = f"{names[line]} ({labels.year_span(years)})"
    return trends.drop_duplicates(["line_id", "year"]).assign(series=trends["line_id"].map(names), value=trends["pct"])


def break_marks(events: pd.DataFrame, lines: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """Where a line ends or starts through a merge, split or abolition: between the two years,
    at the height of the last point before it, with what happened in words."""
    rows = []
    for _, event in events.drop_duplicates(["year", "kind", f"predecessors_{t.lang}"]).iterrows():
        before = lines[(lines["year"] < event["year"])].sort_values("year")
        value = before["value"].dropna().iloc[-1] if before["value"].notna().any() else None
        text = t(
            f"lineage.{event['kind']}",
            year=int(event["year"]),
            before=event[f"predecessors_{t.lang}"],
            after=event[f"successors_{t.lang}"] or "",
        )
        rows.append({"x": event["year"] - 0.5, "value": value, "text": text})
    return pd.DataFrame(rows, columns=["x", "value", "text"])


def tier_rows(tier_counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """tier_counts with the units per tier to show (the published count where the announcement
    gave one, else the units named) and the tier's label in the reader's language."""
    return tier_counts.assign(
        n=tier_counts["n_published"].fillna(tier_counts["n_named"]).astype(int), label=tier_counts[f"label_{lang}"]
    )


def peer_gap_rows(gaps: pd.DataFrame, *, top: int, lang: str | None = None) -> pd.DataFrame:
    """At most `top` sub-criteria furthest below the group's best (unit_peer_gaps rows, largest
    gap first), as % of each one's maximum for the area_profile chart: columns code, label (the
    code and, given `lang`, the short name a planner reads: labels.criterion_label), vs_best, pct,
    group_mean_pct, group_best_pct. A tie across the cut is left out whole (never some of equal gaps
    but not others), unless the tie is all there is. Sub-criteria the unit was
    not scored on, and those where it is the best, are left out."""
    behind = gaps[gaps["vs_best"] < 0].sort_values(["vs_best", "criterion_id"])
    if len(behind) > top:
        cut = behind["vs_best"].iat[top]  # the first gap left out
        within = behind[behind["vs_best"] < cut]
        behind = within if not within.empty else behind[behind["vs_best"] == cut]
    named = (
        [labels.criterion_label(code, name) for code, name in zip(behind["criterion_id"], behind[f"name_{lang}"])]
        if lang and f"name_{lang}" in behind
        else behind["criterion_id"]
    )
    return pd.DataFrame(
        {
            "code": behind["criterion_id"],
            "label": list(named),
            "vs_best": behind["vs_best"],
            "pct": 100 * behind["final_points"] / behind["max_points"],
            "group_mean_pct": 100 * behind["group_mean"] / behind["max_points"],
            "group_best_pct": 100 * behind["best_points"] / behind["max_points"],
        }
    ).reset_index(drop=True)
