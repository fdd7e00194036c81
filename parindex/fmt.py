"""Numbers as each language writes them (Babel): 89,28 and 31,58% in Vietnamese; 89.28 in English.

Missing values are never shown as 0: they come back as NA, a dash that the page explains.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache, lru_cache

import pandas as pd
from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

LOCALES = {"vi": "vi_VN", "en": "en_GB"}
NA = "—"


def is_missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def _decimal(value) -> Decimal:
    # Through str so that 89.995 stays 89.995 instead of its binary neighbour.
    return Decimal(str(value))


def number(value, lang: str, digits: int = 2) -> str:
    if is_missing(value):
        return NA
    return _number(value, lang, digits)


@lru_cache(maxsize=1 << 16)  # tables repeat the same few hundred scores
def _number(value, lang: str, digits: int) -> str:
    return _format(_decimal(value), "#,##0" + ("." + "0" * digits if digits else ""), lang)


def signed(value, lang: str, digits: int = 2) -> str:
    """+1,22 / −0,73 (a true minus sign) / ±0,00."""
    if is_missing(value):
        return NA
    text = number(abs(value), lang, digits)
    if _decimal(value) == 0 or text == number(0, lang, digits):
        return f"±{number(0, lang, digits)}"
    return f"+{text}" if value > 0 else f"−{text}"


def percent(share, lang: str, digits: int = 2) -> str:
    """A share (0.3158) as 31,58%."""
    if is_missing(share):
        return NA
    return _format(_decimal(share), "#,##0" + ("." + "0" * digits if digits else "") + "%", lang)


def pct_of_max(value, lang: str) -> str:
    """A % of maximum (96.4) as every title, table, label and paragraph writes it: two decimals, as
    the province publishes its figures (96,40%); one precision for one figure everywhere."""
    if is_missing(value):
        return NA
    return number(value, lang) + "%"


def rounded(value, digits: int = 2) -> float | None:
    """The number as number() prints it, kept a number (for files): 2.675 -> 2.68 as the page
    shows it (round() would give 2.67), 96.73999999999999 -> 96.74; missing -> None."""
    if is_missing(value):
        return None
    return float(_format(_decimal(value), "0" + ("." + "0" * digits if digits else ""), "en"))


def rounded_share(share, digits: int = 2) -> float | None:
    """A share as percent() prints it, kept a share: 0.3157894736842105 -> 0.3158 (31,58%)."""
    if is_missing(share):
        return None
    shown = _format(_decimal(share), "0" + ("." + "0" * digits if digits else "") + "%", "en")
    return float(Decimal(shown.rstrip("%")).scaleb(-2))


def integer(value, lang: str) -> str:
    return number(value, lang, digits=0)


def _format(value: Decimal, pattern: str, lang: str) -> str:
    """Babel's format_decimal / format_percent without parsing the locale and the pattern on
    every call (that was most of a large table's formatting time)."""
    return _pattern(pattern).apply(value, _locale(lang))


@cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def points(value, lang: str) -> str:
    """A maximum or a bound as decisions print it: no trailing zeros (60; 2,5; 1,25)."""
    if is_missing(value):
        return NA
    exponent = _decimal(value).normalize().as_tuple().exponent
    return number(value, lang, digits=min(2, max(0, -exponent)))
