"""The address's values as the filters read them: a year is four ASCII digits, nothing that merely
counts as a digit to Python (str.isdigit takes '٢٠٢١' and int() reads it as 2021)."""

from __future__ import annotations

import pytest

from parindex import url_state


def test_a_year_is_four_ascii_digits():
    assert url_state.year("2021") == 2021


@pytest.mark.parametrize("raw", ["٢٠٢١", "２０２１", "२०२१", "²⁰²¹", "20211", "202", "-202", " 2021", "", None])
def test_anything_else_is_not_a_year(raw):
    assert url_state.year(raw) is None


def test_a_long_value_is_clipped_for_the_notice():
    assert url_state.clip("x" * 41) == "x" * 40 + "…"
    assert url_state.clip("x" * 40) == "x" * 40
