"""The plain way, for the benchmark only: what the usual Streamlit tutorial does.

Every row is loaded once into pandas DataFrames and kept (as st.cache_data would keep them);
each view is then filtered and aggregated in Python on every rerun. The views compute the same
figures as the named queries each page runs (the benchmark checks a few of them agree), so the
two approaches are compared on the same work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from parindex.dataset import THRESHOLD_PCT

THRESHOLD = THRESHOLD_PCT


@dataclass
class Frames:
    results: pd.DataFrame  # one row per unit result, with its assessment and unit
    scores: pd.DataFrame  # one row per sub-criterion score, with its assessment and criterion
    tiers: pd.DataFrame


def load(db: Path) -> Frames:
    """All rows, once (a tutorial reads its CSV files; reading the built tables is kinder to pandas)."""
    with duckdb.connect(str(db), read_only=True) as con:
        results = con.execute("""
            SELECT r.assessment_id, r.unit_id, CAST(r.total AS DOUBLE) AS total, a.jurisdiction_id, a.year,
                   a.unit_group, a.status, CAST(a.max_total AS DOUBLE) AS max_total, a.n_units,
                   u.name_vi, u.short_vi, r.provenance
            FROM result r JOIN assessment a USING (assessment_id) JOIN unit u USING (unit_id)""").df()
        scores = con.execute("""
            SELECT s.assessment_id, s.unit_id, s.criterion_id, CAST(s.self_points AS DOUBLE) AS self_points,
                   CAST(s.final_points AS DOUBLE) AS final_points, a.jurisdiction_id, a.year, a.unit_group,
                   a.status, c.area_key, c.parent_id, CAST(c.max_points AS DOUBLE) AS max_points, c.self_assessed
            FROM score s JOIN assessment a USING (assessment_id)
            JOIN criterion c ON c.framework_id = a.framework_id AND c.criterion_id = s.criterion_id""").df()
        tiers = con.execute(
            "SELECT jurisdiction_id, year, unit_group, tier_order, CAST(min_points AS DOUBLE) AS min_points FROM tier"
        ).df()
    return Frames(results, scores, tiers)


def _group(frame: pd.DataFrame, j: str, g: str, year: int | None = None) -> pd.DataFrame:
    mask = (frame["jurisdiction_id"] == j) & (frame["unit_group"] == g) & (frame["status"] == "published")
    if year is not None:
        mask &= frame["year"] == year
    return frame[mask]


def ranking(f: Frames, j: str, g: str, year: int) -> pd.DataFrame:
    cur = _group(f.results, j, g, year).copy()
    cur["pct"] = 100 * cur["total"] / cur["max_total"]
    cur["rank"] = cur["total"].rank(method="min", ascending=False)
    tiers = f.tiers[(f.tiers["jurisdiction_id"] == j) & (f.tiers["unit_group"] == g) & (f.tiers["year"] == year)]
    cur["tier_order"] = len(tiers)
    for _, tier in tiers.sort_values("tier_order", ascending=False).iterrows():
        if pd.notna(tier["min_points"]):
            cur.loc[cur["total"] >= tier["min_points"], "tier_order"] = tier["tier_order"]
    earlier = _group(f.results, j, g)
    earlier = earlier[earlier["year"] < year]
    if not earlier.empty:
        prev = earlier[earlier["year"] == earlier["year"].max()].copy()
        prev["prev_rank"] = prev["total"].rank(method="min", ascending=False)
        cur = cur.merge(
            prev[["unit_id", "total", "prev_rank"]].rename(columns={"total": "prev_total"}), on="unit_id", how="left"
        )
        cur["rank_change"] = cur["prev_rank"] - cur["rank"]
    return cur.sort_values(["rank", "name_vi"])


def group_summary(f: Frames, j: str, g: str, year: int) -> pd.DataFrame:
    per_year = _group(f.results, j, g)
    per_year = per_year[per_year["year"] <= year].groupby("year")["total"].agg(["mean", "count", "max", "min"])
    return per_year.tail(2)


def tier_counts(f: Frames, j: str, g: str, year: int) -> pd.DataFrame:
    return ranking(f, j, g, year).groupby("tier_order").agg(n=("unit_id", "count"), names=("name_vi", "; ".join))


def area_scores(f: Frames, j: str, g: str, year: int) -> pd.DataFrame:
    subs = _group(f.scores, j, g, year)
    areas = subs.groupby(["unit_id", "area_key"], as_index=False)[["final_points", "max_points"]].sum()
    areas["pct"] = 100 * areas["final_points"] / areas["max_points"]
    return areas


def area_summary(f: Frames, j: str, g: str, year: int) -> pd.DataFrame:
    areas = area_scores(f, j, g, year)
    areas["below"] = areas["pct"] < THRESHOLD
    return areas.groupby("area_key").agg(mean_pct=("pct", "mean"), best_pct=("pct", "max"), n_below=("below", "sum"))


def weakest_criteria(f: Frames, j: str, g: str, year: int) -> pd.DataFrame:
    subs = _group(f.scores, j, g, year)
    crit = subs.groupby(["unit_id", "parent_id"], as_index=False)[["final_points", "max_points"]].sum()
    crit["pct"] = 100 * crit["final_points"] / crit["max_points"]
    crit["lost"] = crit["max_points"] - crit["final_points"]
    crit["below"] = crit["pct"] < THRESHOLD
    out = crit.groupby("parent_id").agg(points_lost=("lost", "sum"), mean_pct=("pct", "mean"), n_below=("below", "sum"))
    out = out.sort_values("points_lost", ascending=False)
    out["cumulative_share"] = out["points_lost"].cumsum() / out["points_lost"].sum()
    return out


def self_assessment(f: Frames, j: str, g: str, year: int) -> pd.DataFrame:
    subs = _group(f.scores, j, g, year)
    subs = subs[subs["self_assessed"]]
    gaps = subs.groupby(["unit_id", "area_key"], as_index=False)[["self_points", "final_points"]].sum()
    gaps["gap"] = gaps["self_points"] - gaps["final_points"]
    return pd.concat([gaps, gaps.groupby("unit_id", as_index=False)[["self_points", "final_points", "gap"]].sum()])


def unit_areas(f: Frames, j: str, g: str, year: int, unit: str) -> pd.DataFrame:
    areas = area_scores(f, j, g, year)
    group = areas.groupby("area_key")["pct"].agg(["mean", "max"])
    return areas[areas["unit_id"] == unit].merge(group, left_on="area_key", right_index=True)


def unit_history(f: Frames, unit: str) -> pd.DataFrame:
    return f.results[f.results["unit_id"] == unit].sort_values("year")


def group_trend(f: Frames, j: str, g: str) -> pd.DataFrame:
    rows = _group(f.results, j, g).assign(pct=lambda r: 100 * r["total"] / r["max_total"])
    return rows.groupby("year")["pct"].describe()


def area_trend(f: Frames, j: str, g: str) -> pd.DataFrame:
    subs = _group(f.scores, j, g)
    areas = subs.groupby(["year", "unit_id", "area_key"], as_index=False)[["final_points", "max_points"]].sum()
    areas["pct"] = 100 * areas["final_points"] / areas["max_points"]
    return areas.groupby(["year", "area_key"])["pct"].mean()


def national_context(f: Frames) -> pd.DataFrame:
    return f.results[(f.results["unit_group"] == "province") & (f.results["status"] == "published")]


def assessment_list(f: Frames) -> pd.DataFrame:
    return f.results.groupby(["assessment_id", "year", "unit_group"]).agg(
        n_results=("unit_id", "count"),
        n_scored=("total", "count"),
        n_illustrative=("provenance", lambda p: (p == "illustrative").sum()),
    )


def page(f: Frames, name: str, j: str, g: str, year: int, units: list[str]) -> None:
    """The data behind one page, the plain way."""
    if name == "overview":
        ranking(f, j, g, year), group_summary(f, j, g, year), tier_counts(f, j, g, year), area_summary(f, j, g, year)
    elif name == "rankings":
        ranking(f, j, g, year)
    elif name == "criteria":
        area_scores(f, j, g, year), area_summary(f, j, g, year), weakest_criteria(f, j, g, year)
        self_assessment(f, j, g, year)
    elif name == "unit":
        ranking(f, j, g, year), unit_areas(f, j, g, year, units[0]), unit_history(f, units[0])
    elif name == "trends":
        ranking(f, j, g, year), group_trend(f, j, g), area_trend(f, j, g)
        for unit in units[:4]:
            unit_history(f, unit)
    elif name == "national":
        national_context(f)
    elif name == "methodology":
        assessment_list(f)
    elif name == "compare":
        ranking(f, j, g, year), area_scores(f, j, g, year)
        for unit in units[:2]:
            unit_history(f, unit)
