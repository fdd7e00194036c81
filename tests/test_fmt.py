"""Vietnamese and English number formatting; missing is never shown as 0."""

from decimal import Decimal

import pandas as pd
import pytest

from parindex import fmt
from parindex.names import name_key


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (89.28, "vi", "89,28"),
        (89.28, "en", "89.28"),
        (1234.5, "vi", "1.234,50"),
        (1234.5, "en", "1,234.50"),
        (Decimal("89.995"), "vi", "90,00"),
        (0, "vi", "0,00"),
        (None, "vi", "—"),
        (float("nan"), "en", "—"),
        (pd.NA, "vi", "—"),
    ],
)
def test_number(value, lang, expected):
    assert fmt.number(value, lang) == expected


@pytest.mark.parametrize(
    ("share", "lang", "expected"),
    [
        (6 / 19, "vi", "31,58%"),
        (9 / 19, "vi", "47,37%"),
        (4 / 19, "vi", "21,05%"),
        (6 / 19, "en", "31.58%"),
        (None, "vi", "—"),
    ],
)
def test_percent_is_correctly_rounded(share, lang, expected):
    # The 2021 announcement printed 31,5% and 47,36% (truncated); the dashboard rounds.
    assert fmt.percent(share, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (-0.73, "vi", "−0,73"),
        (1.22, "en", "+1.22"),
        (0.0, "vi", "±0,00"),
        (-0.001, "vi", "±0,00"),
        (None, "en", "—"),
    ],
)
def test_signed(value, lang, expected):
    assert fmt.signed(value, lang) == expected


def test_name_key_folds_real_document_variants():
    decomposed = "Sở Giáo dục - Đào tạo".replace("ụ", "u\u0323")
    assert name_key(decomposed) == name_key("SỞ GIÁO DỤC – ĐÀO TẠO") == name_key("  sở giáo dục-đào   tạo ")
    assert name_key("Sở Y tế") != name_key("Sở Tư pháp")
