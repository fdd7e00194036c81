"""Unit names as an annex writes them -> unit ids, with the closest known names when none fits."""

from __future__ import annotations

import difflib
import re

import pandas as pd

from parindex.importing.headings import fold
from parindex.names import name_key

_PREFIX = re.compile(r"^(ubnd|uy ban nhan dan)\s+")


class UnitMatcher:
    """The units of one jurisdiction and group, found by any of their spellings."""

    def __init__(self, units: pd.DataFrame, aliases: pd.DataFrame, jurisdiction: str, group: str, year: int):
        mine = units[(units["jurisdiction_id"] == jurisdiction) & (units["unit_group"] == group)]
        self.units = mine.set_index("unit_id")
        self.year = year
        spellings = aliases[aliases["unit_id"].isin(self.units.index)][["alias", "unit_id"]]
        spellings = pd.concat([spellings, pd.DataFrame({"alias": mine["name_vi"], "unit_id": mine["unit_id"]})])
        self.by_key: dict[str, set[str]] = {}
        self.shown: dict[str, str] = {}
        for alias, unit_id in zip(spellings["alias"], spellings["unit_id"]):
            for key in (name_key(alias), _loose(alias)):
                self.by_key.setdefault(key, set()).add(unit_id)
                self.shown.setdefault(key, alias)

    def match(self, name: str) -> list[str]:
        """The unit ids the name may mean, those active in the year first; [] when none."""
        found = self.by_key.get(name_key(name)) or self.by_key.get(_loose(name)) or set()
        active = [u for u in sorted(found) if self._active(u)]
        return active or sorted(found)

    def suggestions(self, name: str, n: int = 3) -> list[str]:
        keys = difflib.get_close_matches(_loose(name), [k for k in self.shown if k == _loose(k)], n=n, cutoff=0.5)
        names = []
        for key in keys:
            unit_id = sorted(self.by_key[key])[0]
            names.append(self.units.loc[unit_id, "name_vi"])
        return list(dict.fromkeys(names))

    def _active(self, unit_id: str) -> bool:
        unit = self.units.loc[unit_id]
        first, last = unit["first_year"], unit["last_year"]
        return (pd.isna(first) or first <= self.year) and (pd.isna(last) or last >= self.year)


def _loose(name: str) -> str:
    """Without diacritics, punctuation or an 'UBND' prefix: 'UBND Huyện Bảo Thắng.' -> 'huyen bao thang'."""
    return _PREFIX.sub("", fold(name)).replace(".", " ").strip()


def slug(name: str) -> str:
    """An ASCII id for a new unit: 'Sở Văn hóa - Thể thao' -> 'so-van-hoa-the-thao'."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(name))) or "don-vi"
