"""Charts a reader can read on a phone and numbers written one way everywhere (issue 17, items 4, 5
and 8): rank axes, line-end labels, criteria named on charts, one precision for a % of maximum,
titles capitalised, headline deltas with a true minus, English prose in English conventions."""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from parindex import charts, figures, fmt, frames, labels, ui
from parindex.db import query
from parindex.i18n import Translator
from parindex.paths import DATA_DIR, LOCALES_DIR
from test_app import open_app

DEPT = {"jurisdiction": "lao-cai", "group": "department", "year": 2021}
SCOPED = {**DEPT, "former_province": None, "former_district": None}


# Rank axes: whole ranks from 1 to N, never 0 or N + 1, few enough ticks for a phone.

@pytest.mark.parametrize("n", [1, 2, 5, 6, 7, 9, 10, 19, 28, 63, 99, 120])
def test_a_rank_axis_runs_from_1_to_n_in_whole_ranks(n):
    axis = charts.rank_axis(n)
    ticks = axis["tickvals"]
    assert ticks[0] == 1 and ticks[-1] == n
    assert all(isinstance(k, int) and 1 <= k <= n for k in ticks) and ticks == sorted(set(ticks))
    assert axis["ticktext"] == [str(k) for k in ticks]
    assert len(ticks) <= (n if n <= 6 else 4)
    high, low = axis["range"]  # reversed: rank 1 at the top (or on the right)
    assert high > n and low < 1  # room for the markers at either end; the ticks (above) never say 0 or n + 1
    assert axis["tickangle"] == 0


def moves(n: int) -> pd.DataFrame:
    """n units whose ranks two years apart are a rotation: the last rose to first, every other fell one."""
    return pd.DataFrame({"label": [f"U{i}" for i in range(1, n + 1)], "rank_from": list(range(1, n + 1)),
                         "rank_to": list(range(2, n + 1)) + [1], "moved": [-1] * (n - 1) + [n - 1], "hover": ""})


def test_the_dumbbell_and_the_national_place_show_ranks_1_to_n():
    fig = charts.dumbbell(moves(19), "vi", from_name="2020", to_name="2021", rank_title="Hạng")
    assert fig.layout.xaxis.tickvals == (1, 10, 19)
    assert fig.layout.xaxis.range[0] > 19 > 1 > fig.layout.xaxis.range[1]  # reversed: rank 1 on the right
    place = pd.DataFrame({"year": [2019, 2020, 2021], "rank": [14, 12, 11], "derived": [False, True, False],
                          "hover": ""})
    national = charts.rank_history(place, "vi", rank_title="Hạng", rank_of=63, derived_name="suy ra",
                                   stated_name="công bố")
    assert national.layout.yaxis.tickvals == (1, 25, 50, 63)
    assert national.layout.yaxis.range[0] > 63 > 1 > national.layout.yaxis.range[1]  # rank 1 at the top


@pytest.mark.usefixtures("on_embedded")
def test_who_rose_and_fell_lists_risers_first_each_row_saying_its_change():
    rows = query("rank_movement", jurisdiction="lao-cai", group="department", former_province=None,
                 former_district=None, **{"from": 2020, "to": 2021}).dropna(subset=["moved"])
    fig = figures.rank_movement(rows, lang="vi", start="2020", end=2021, group_name="Sở, ban, ngành", source="Nguồn")
    shown = list(fig.data[-1].y)  # the 2021 markers, one per row, top to bottom
    changes = [int(re.search(r"(↑|↓) (\d+)$", label).group(2)) * (1 if "↑" in label else -1)
               if not label.endswith(" =") else 0 for label in shown]
    assert changes == sorted(changes, reverse=True)  # biggest risers first, biggest fallers last
    expected = dict(zip(rows["short_vi"], rows["moved"]))
    assert {label.rsplit(" ", 2 if not label.endswith(" =") else 1)[0]: c for label, c in zip(shown, changes)} \
        == {name: int(m) for name, m in expected.items()}
    assert fig.layout.xaxis.tickvals == (1, 10, 19)


# Line-end labels on the Trends chart never cover one another.

def test_labels_that_collide_are_spread_apart_and_the_others_stay():
    placed = charts.spread([83.2, 82.6, 70.0, 90.0], 1.5)
    assert placed[2:] == [70.0, 90.0]  # far from the others: where they were
    assert placed[0] - placed[1] == pytest.approx(1.5)  # 83,2 over 82,6: exactly a gap apart, order kept
    assert (placed[0] + placed[1]) / 2 == pytest.approx((83.2 + 82.6) / 2)  # centred where they wanted to be
    three = charts.spread([50.0, 50.0, 50.4, 60.0], 1.0)
    assert sorted(three[:3]) == pytest.approx([49.13333, 50.13333, 51.13333], abs=1e-4)
    assert three[3] == 60.0


def line_ends(fig: go.Figure) -> list[tuple[float, float, str]]:
    return [(a.x, a.y, a.text) for a in fig.layout.annotations if a.name == "end-label"]


def test_trend_end_labels_that_collide_are_nudged_apart_in_two_decimals():
    lines = pd.DataFrame({"series": ["A"] * 3 + ["B"] * 3 + ["C"] * 2, "year": [2023, 2024, 2025] * 2 + [2019, 2020],
                          "value": [80.0, 81.0, 83.2, 84.0, 83.0, 82.6, 70.0, 71.5], "hover": ""})
    fig = charts.history(lines, "vi", value_title="%")
    ends = line_ends(fig)
    assert [text for _, _, text in ends] == ["71,50", "83,20", "82,60"]  # the same two decimals as the tables
    (_, low_y, _), (_, a_y, _), (_, b_y, _) = ends
    low, high = fig.layout.yaxis.range
    assert a_y - b_y >= charts.LABEL_GAP * (high - low) - 1e-9  # 83,20 sits above 82,60, a label's height apart
    assert low_y == 71.5  # alone at its year: not moved
    assert tuple(fig.layout.xaxis.range) == (2018.5, 2025.5)  # the labels never widen the years (2025 to 2028)
    assert not any(trace.text for trace in fig.data)  # no label drawn as the trace's text, over the others


