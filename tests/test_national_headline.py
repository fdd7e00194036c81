"""The National page's headline quotes a best place a reader can repeat: published places only (a
better derived place is not quoted as published), every year of a tie, nothing for a year without
a figure; where only derived places exist, the headline itself says derived."""

from __future__ import annotations

import pandas as pd
import pytest

from parindex import labels
from parindex.i18n import Translator

NA = float("nan")
# Old Lào Cai's places among 63 as the embedded data holds them (data/results.csv): 2023's 7th is
# derived (the page marks it "suy ra"), 2022 was not found.
LAO_CAI = [
    (2016, 27, True),
    (2017, 21, False),
    (2018, 21, True),
    (2019, 15, False),
    (2020, 14, True),
    (2021, 11, False),
    (2022, None, None),
    (2023, 7, True),
    (2024, 26, False),
]


def place(rows, rank_of: int = 63) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [y for y, _, _ in rows],
            "rank": [NA if r is None else float(r) for _, r, _ in rows],
            "rank_of": [NA if r is None else float(rank_of) for _, r, _ in rows],
            "derived": [d for _, _, d in rows],
        }
    )


def headline(rows, lang: str = "vi") -> str:
    return labels.national_headline(place(rows), Translator(lang), name="Tỉnh Lào Cai")


def test_a_better_derived_place_is_not_quoted_as_published():
    assert headline(LAO_CAI) == "Tỉnh Lào Cai: thứ hạng PAR INDEX qua các năm, hạng công bố cao nhất 11/63 (2021)"
    assert headline(LAO_CAI, "en") == "Tỉnh Lào Cai: PAR INDEX rank over the years, best published rank 11/63 (2021)"
    assert "7/63" not in headline(LAO_CAI)


def test_a_tie_names_every_year():
    tied = [*LAO_CAI[:-1], (2024, 11, False)]  # the 2021 place published again in 2024
    assert headline(tied) == "Tỉnh Lào Cai: thứ hạng PAR INDEX qua các năm, hạng công bố cao nhất 11/63 (2021, 2024)"
    assert headline(tied, "en").endswith("best published rank 11/63 (2021, 2024)")


def test_a_tie_of_derived_places_says_derived_of_both():
    derived_only = [(2016, 27, True), (2017, None, None), (2018, 27, True)]
    assert (
        headline(derived_only)
        == "Tỉnh Lào Cai: thứ hạng PAR INDEX qua các năm, hạng cao nhất 27/63 (2016, 2018, suy ra)"
    )
    assert headline(derived_only, "en").endswith("best rank 27/63 (2016, 2018, derived)")


@pytest.mark.parametrize("kind", [None, NA])
def test_a_place_of_unknown_kind_is_not_quoted_as_published(kind):
    rows = place([(2020, 5, kind), (2021, 11, False)])  # a 5th place whose kind the data does not say
    assert labels.national_headline(rows, Translator("vi"), name="A").endswith("hạng công bố cao nhất 11/63 (2021)")


def test_years_without_a_figure_give_no_place():
    assert headline([(2022, None, None)]) == "Tỉnh Lào Cai: thứ hạng PAR INDEX qua các năm, không tìm thấy thứ hạng"
    assert headline([(2022, None, None)], "en") == "Tỉnh Lào Cai: PAR INDEX rank over the years, no rank found"
    with_gap = [(2021, 11, False), (2022, None, None)]  # the missing year is no rank 0 and no tie
    assert headline(with_gap).endswith("hạng công bố cao nhất 11/63 (2021)")


def test_a_tie_is_among_the_same_number_of_provinces():
    rows = pd.concat([place([(2024, 11, False)]), place([(2025, 11, False)], rank_of=34)], ignore_index=True)
    assert labels.national_headline(rows, Translator("vi"), name="A").endswith("hạng công bố cao nhất 11/63 (2024)")
