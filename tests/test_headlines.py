"""A ranking's headline is a claim a reader repeats: "leads" only of the unit ranked 1 (published
rank first), both where two share it, none where rank 1 is not known; a partial table says so."""

from __future__ import annotations

import pandas as pd
import pytest

from parindex import labels
from parindex.i18n import Translator
from parindex.paths import ROOT
from test_app import figures, open_app, plain

RANKINGS = str(ROOT / "pages" / "rankings.py")


def rows(*units: tuple[str, float | None, int | None]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "unit_id": u,
                "name_vi": f"Sở {u}",
                "name_en": f"Dept {u}",
                "short_vi": u,
                "short_en": u,
                "total": total,
                "rank": rank,
            }
            for u, total, rank in units
        ]
    )


@pytest.mark.parametrize(
    ("table", "vi", "en"),
    [
        # a partial table: the leader (published rank 1) has no published score, the first bar is rank 3
        (
            rows(("A", None, 1), ("B", 88.0, 3), ("C", 80.0, None)),
            "Sở A dẫn đầu sở, ban, ngành năm 2021",
            "Dept A leads the departments and agencies in 2021",
        ),
        (
            rows(("A", 90.0, 1), ("B", 90.0, 1), ("C", 80.0, 3)),  # a tie at the top: both lead
            "Sở A và Sở B cùng dẫn đầu sở, ban, ngành năm 2021",
            "Dept A and Dept B share the lead of the departments and agencies in 2021",
        ),
        (
            rows(("B", 88.0, 12), ("C", 80.0, None)),  # no rank 1 known: no one is said to lead
            "Sở, ban, ngành: điểm đã công bố năm 2021",
            "Departments and agencies: published scores, 2021",
        ),
    ],
)
def test_leads_is_said_only_of_rank_1(table, vi, en):
    assert labels.leader_title(table, Translator("vi"), group="Sở, ban, ngành", year=2021) == vi
    assert labels.leader_title(table, Translator("en"), group="Departments and agencies", year=2021) == en


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize(
    ("year", "title"),
    [
        ("2021", "Thành phố Hải Phòng dẫn đầu cấp tỉnh (PAR INDEX toàn quốc) năm 2021"),  # 1/63, published
        ("2024", "Cấp tỉnh (PAR INDEX toàn quốc): điểm đã công bố năm 2024"),  # Sơn La is 12/63: not the leader
    ],
)
def test_the_national_ranking_never_names_a_non_leader(year, title):
    at = open_app(RANKINGS, g="province", y=year)
    chart = figures(at)[0]
    assert plain(chart["layout"]["title"]["text"]) == title
    assert "bảng không đầy đủ:" in plain(chart["layout"]["title"]["subtitle"]["text"])  # a partial table says so
