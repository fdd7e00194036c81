"""What it takes to reach the next tier: just below a bound, on it, above it, in the top tier."""

from decimal import Decimal

import pandas as pd
import pytest

from parindex.planning import compare_start, next_tier_gap, recoverable

BANDS = pd.DataFrame({"tier_order": [1, 2, 3], "min_points": [90.0, 85.0, None], "min_inclusive": [True, True, None]})
EXCLUSIVE = pd.DataFrame(
    {"tier_order": [1, 2, 3], "min_points": [90.0, 89.0, None], "min_inclusive": [False, False, None]}
)
LABELS_ONLY = pd.DataFrame({"tier_order": [1, 2], "min_points": [None, None], "min_inclusive": [None, None]})


@pytest.mark.parametrize(
    ("total", "tiers", "tier", "needed"),
    [
        (89.99, BANDS, 1, "0.01"),  # just below an inclusive bound
        (89.995, BANDS, 1, "0.005"),  # not rounded up: still short by half a hundredth
        (85.0, BANDS, 1, "5"),  # on the lower bound of tier 2: the gap is to tier 1
        (84.5, BANDS, 2, "0.5"),
        (90.0, EXCLUSIVE, 1, "0.01"),  # on an exclusive bound (> 90): one step more is needed
        (89.0, EXCLUSIVE, 2, "0.01"),
    ],
)
def test_gap_to_the_next_tier(total, tiers, tier, needed):
    gap = next_tier_gap(total, tiers)
    assert (gap.tier_order, gap.points_needed) == (tier, Decimal(needed))


@pytest.mark.parametrize(
    ("total", "tiers"), [(90.0, BANDS), (97.2, BANDS), (90.01, EXCLUSIVE), (88.0, LABELS_ONLY), (None, BANDS)]
)
def test_no_gap_in_the_top_tier_or_without_bounds(total, tiers):
    assert next_tier_gap(total, tiers) is None


SUBS = pd.DataFrame({"criterion_id": ["a", "b", "c", "d"], "points_lost": [0.5, 2.0, 0.0, 1.0]})


def test_recoverable_takes_the_fewest_sub_criteria_most_lost_first():
    picked = recoverable(SUBS, Decimal("2.5"))
    assert picked["criterion_id"].tolist() == ["b", "d"]
    assert picked["cumulative_lost"].tolist() == [2.0, 3.0]
    assert recoverable(SUBS, Decimal("2.0"))["criterion_id"].tolist() == ["b"]


def test_recoverable_returns_every_lost_point_when_not_enough():
    assert recoverable(SUBS, Decimal("10"))["criterion_id"].tolist() == ["b", "d", "a"]  # never c (0 lost)


def standing(*ranks) -> pd.DataFrame:
    """Units a, b, c… in the query's order with these ranks (None: no published place)."""
    return pd.DataFrame(
        {"unit_id": [chr(ord("a") + i) for i in range(len(ranks))], "rank": pd.array(ranks, dtype="Float64")}
    )


@pytest.mark.parametrize(
    ("ranks", "came_from", "pair"),
    [
        ((1, 2, 3, 4), "c", ["c", "a"]),  # the unit beside the leader
        ((1, 2, 3, 4), "a", ["a", "b"]),  # the leader beside the second
        ((2, 1, 1, 4), "d", ["d", "b"]),  # tied leaders: the first of them in the query's order
        ((2, 1, 1, 4), "b", ["b", "c"]),  # a tied leader beside the other
        ((1, 2, 3, 4), None, ["a", "d"]),  # nobody came from anywhere: first and last
        ((1, None, 2, None, 19), None, ["a", "e"]),  # a partial table: the last published place, not "—"
        ((None, None, None), None, ["a", "c"]),  # no ranks at all: first and last in the query's order
        ((1, 2, 3), "gone", ["a", "c"]),  # a remembered unit not in this year
        ((1,), "a", ["a"]),  # alone: nothing to compare with
        ((1,), None, []),
    ],
)
def test_compare_start(ranks, came_from, pair):
    assert compare_start(standing(*ranks), came_from) == pair
