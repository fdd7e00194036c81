"""Numbers as each language writes them (Babel): 89,28 and 31,58% in Vietnamese; 89.28 in English.

Missing values are never shown as 0: they come back as NA, a dash that the page explains.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
from babel.numbers import format_decimal, format_percent

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
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(_decimal(value), pattern, locale=LOCALES[lang])


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
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(_decimal(share), pattern, locale=LOCALES[lang])


def integer(value, lang: str) -> str:
    return number(value, lang, digits=0)
