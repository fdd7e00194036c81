"""A ranking's headline is a claim a reader repeats: "leads" only of the unit ranked 1 (published
rank first), both where two share it, none where rank 1 is not known; a partial table says so."""

from __future__ import annotations

import pandas as pd
import pytest

from parindex import labels
from parindex.db import query
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
            "Sở, ban, ngành: tổng điểm năm 2021",
            "Departments and agencies: total scores, 2021",
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
        ("2024", "Cấp tỉnh (PAR INDEX toàn quốc): tổng điểm năm 2024"),  # Sơn La is 12/63: not the leader
    ],
)
def test_the_national_ranking_never_names_a_non_leader(year, title):
    at = open_app(RANKINGS, g="province", y=year)
    chart = figures(at)[0]
    assert plain(chart["layout"]["title"]["text"]) == title
    assert "bảng không đầy đủ:" in plain(chart["layout"]["title"]["subtitle"]["text"])  # a partial table says so


def test_a_part_of_the_group_is_led_by_its_best_rank_only_when_every_unit_of_it_has_one():
    # the communes of one former district, each with its rank among the province's 99
    part = rows(("X", 91.0, 7), ("Y", 88.0, 30), ("Z", 84.0, 80))
    group = "Xã, phường từ huyện Mù Cang Chải (cũ)"
    assert labels.leader_title(part, Translator("vi"), group=group, year=2025, subset=True) == (
        "Sở X dẫn đầu xã, phường từ huyện Mù Cang Chải (cũ) năm 2025"
    )
    tied = rows(("X", 91.0, 7), ("Y", 91.0, 7), ("Z", 84.0, 80))
    assert labels.leader_title(tied, Translator("en"), group="Communes", year=2025, subset=True) == (
        "Dept X and Dept Y share the lead of the communes in 2025"
    )
    unranked = rows(("X", 91.0, 7), ("Y", None, None))  # Y might be better: no one is said to lead
    assert labels.leader_title(unranked, Translator("vi"), group=group, year=2025, subset=True) == (
        "Xã, phường từ huyện Mù Cang Chải (cũ): tổng điểm năm 2025"
    )
    # the whole group: only rank 1 leads
    assert labels.leader_title(part, Translator("vi"), group=group, year=2025) == (
        "Xã, phường từ huyện Mù Cang Chải (cũ): tổng điểm năm 2025"
    )


@pytest.mark.usefixtures("on_embedded")
def test_a_former_district_s_communes_are_led_by_their_best_and_are_not_called_a_partial_table():
    scope = {"former_province": "yen-bai", "former_district": "yen-bai-huyen-mu-cang-chai"}
    part = query("ranking", jurisdiction="lao-cai", group="commune", year=2025, **scope)
    best = part[part["rank"] == part["rank"].min()]
    assert len(part) == 7 and part["total"].notna().all() and len(best) == 1 and best["rank"].iat[0] > 1
    at = open_app(RANKINGS, g="commune", y="2025", fp="yen-bai", fd="yen-bai-huyen-mu-cang-chai")
    chart = figures(at)[0]
    title, subtitle = plain(chart["layout"]["title"]["text"]), plain(chart["layout"]["title"]["subtitle"]["text"])
    assert (
        title == f"{labels.capitalised(best['name_vi'].iat[0])} dẫn đầu xã, phường từ huyện Mù Cang Chải (cũ) năm 2025"
    )
    assert "bảng không đầy đủ" not in subtitle  # all 7 of the part are scored: not a partial table
