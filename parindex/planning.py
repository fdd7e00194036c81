"""What it takes to reach the next tier: the points missing and where they are most recoverable.

Pure functions over small frames (the year's tier table, a unit's sub-criteria), exact in
Decimal: a unit at 89,99 under a ">= 90" bound misses 0,01 points, not "about 0".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

STEP = Decimal("0.01")  # the finest published score step: an exclusive bound needs one step more


@dataclass(frozen=True)
class Gap:
    tier_order: int  # the tier to reach
    min_points: Decimal  # its lower bound
    min_inclusive: bool
    points_needed: Decimal  # > 0


def _decimal(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.0001"))


def _meets(total: Decimal, tier: pd.Series) -> bool:
    if pd.isna(tier["min_points"]):
        return True
    bound = _decimal(tier["min_points"])
    return total >= bound if tier["min_inclusive"] else total > bound


def next_tier_gap(total, tiers: pd.DataFrame) -> Gap | None:
    """The gap to the tier above the one `total` is in; None in the top tier or when the year's
    tiers have no published bounds (nothing can be computed)."""
    if pd.isna(total) or tiers.empty or tiers["min_points"].isna().all():
        return None
    tiers = tiers.sort_values("tier_order").reset_index(drop=True)
    score = _decimal(total)
    current = next(i for i, tier in tiers.iterrows() if _meets(score, tier))
    if current == 0:
        return None
    target = tiers.iloc[current - 1]
    bound = _decimal(target["min_points"])
    needed = bound - score if target["min_inclusive"] else bound - score + STEP
    return Gap(int(target["tier_order"]), bound, bool(target["min_inclusive"]), needed)


def recoverable(subcriteria: pd.DataFrame, needed: Decimal) -> pd.DataFrame:
    """The fewest sub-criteria whose lost points cover `needed`, most lost first.

    Takes the unit's sub-criteria with `points_lost` and returns those rows with a running
    `cumulative_lost`; all of them when even every lost point would not be enough.
    """
    ordered = subcriteria[subcriteria["points_lost"] > 0].sort_values(
        ["points_lost", "criterion_id"], ascending=[False, True]
    )
    running = ordered["points_lost"].map(_decimal).cumsum()
    enough = running >= needed
    cut = int(enough.to_numpy().argmax()) + 1 if enough.any() else len(ordered)
    return ordered.iloc[:cut].assign(cumulative_lost=running.iloc[:cut].map(float).to_numpy())


def compare_start(ranking: pd.DataFrame, unit_id: str | None = None) -> list[str]:
    """The units Compare starts with when the reader has not chosen: the unit they came from
    (a profile) beside the best-ranked other unit, its distance to the top; without one, the
    first and the last ranked (in a partial table, the last published place, not a unit without
    one). Ranking order, ties in the query's order; a unit without a rank after every ranked one."""
    ordered = ranking.assign(_unranked=ranking["rank"].isna()).sort_values(["_unranked", "rank"], kind="stable")
    ids = ordered["unit_id"].tolist()
    if unit_id in ids:
        return [unit_id, *[u for u in ids if u != unit_id][:1]]
    ranked = ordered.loc[~ordered["_unranked"], "unit_id"].tolist()
    ends = ranked if len(ranked) >= 2 else ids
    return [ends[0], ends[-1]] if len(ends) >= 2 else []
