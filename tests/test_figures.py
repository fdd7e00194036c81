"""Figures are kept per view (figures._kept): the same data gives the same figure, new data a new
one, and marking a draft never changes the figure other readers are given."""

from __future__ import annotations

import pytest

from parindex import charts, figures, ui
from parindex.db import query

pytestmark = pytest.mark.usefixtures("on_embedded")

PARAMS = {"jurisdiction": "lao-cai", "group": "department", "year": 2021}


def ranking_figure(rows):
    return figures.ranking(
        rows, query("assessment", **PARAMS).iloc[0], lang="vi", group_name="Sở, ban, ngành", year=2021
    )


def bar_totals(fig) -> list[float]:
    return sorted(float(x) for trace in fig.data for x in trace.x)


def test_the_same_view_is_built_once_and_new_data_builds_anew():
    figures.forget()
    rows = query("ranking", **PARAMS)
    first = ranking_figure(rows)
    assert ranking_figure(rows.copy()) is first  # equal content, another frame object: the same figure
    changed = rows.copy()
    changed.loc[changed["unit_id"] == "so-noi-vu", "total"] = 99.99
    again = ranking_figure(changed)
    assert again is not first
    assert max(bar_totals(again)) == 99.99 and max(bar_totals(first)) < 99.99
    figures.forget()
    assert ranking_figure(rows) is not first


def test_a_draft_mark_is_on_a_copy_never_on_the_kept_figure():
    rows = query("ranking", **PARAMS)
    kept = ranking_figure(rows)
    marked = charts.watermark(kept, "DỰ THẢO")
    names = [a.name for a in marked.layout.annotations]
    assert "draft-watermark" in names
    assert "draft-watermark" not in [a.name for a in kept.layout.annotations]
    assert "draft-watermark" not in [a.name for a in ranking_figure(rows).layout.annotations]


def test_the_text_alternative_is_one_clean_sentence():
    assert ui.alt_text(ranking_figure(query("ranking", **PARAMS))) == (
        "Sở Lao động - Thương binh và Xã hội dẫn đầu sở, ban, ngành năm 2021. "
        "Tổng điểm theo đơn vị, màu theo xếp loại · Sở, ban, ngành, năm 2021"
    )
