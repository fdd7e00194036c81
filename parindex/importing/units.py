"""Unit names as an annex writes them -> unit ids, with the closest known names when none fits."""

from __future__ import annotations

import difflib
import itertools
import re

import pandas as pd

from parindex.importing.headings import fold
from parindex.names import name_key

_PREFIX = re.compile(r"^(ubnd|uy ban nhan dan)\s+")


class UnitMatcher:
    """The units of one jurisdiction and group, found by any of their spellings. Names, aliases
    and suggestions never reach another jurisdiction's units (every province has a Sở Nội vụ);
    unit ids are unique across them all."""

    def __init__(
        self,
        units: pd.DataFrame,
        aliases: pd.DataFrame,
        jurisdiction: str,
        group: str,
        year: int,
        places: pd.DataFrame | None = None,
    ):
        mine = units[(units["jurisdiction_id"] == jurisdiction) & (units["unit_group"] == group)]
        self.units = mine.set_index("unit_id")
        self.everywhere = units.set_index("unit_id")  # every jurisdiction's: ids taken, codes of others
        self.jurisdiction = jurisdiction
        self.places = places.set_index("jurisdiction_id") if places is not None else pd.DataFrame()
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

    def place(self, jurisdiction: str | None = None) -> tuple[str, str]:
        """A jurisdiction's names (vi, en), this one's by default; its id when it has none yet."""
        jurisdiction = jurisdiction or self.jurisdiction
        if jurisdiction in self.places.index:
            return self.places.loc[jurisdiction, "name_vi"], self.places.loc[jurisdiction, "name_en"]
        return jurisdiction, jurisdiction

    def new_id(self, name: str, created: dict[str, dict]) -> str:
        """An id for a new unit, unique across the database and the units `created` from the same
        file (the same name twice gets the same id): the name's slug, or, when another unit has
        it, the slug after the jurisdiction's ('hoa-binh-thanh-tra-tinh'), then numbered."""
        base, place = slug(name), slug(self.jurisdiction)
        numbered = (f"{place}-{base}-{n}" for n in itertools.count(2))
        return next(
            unit_id
            for unit_id in itertools.chain((base, f"{place}-{base}"), numbered)
            if (created[unit_id]["name_vi"] == name if unit_id in created else unit_id not in self.everywhere.index)
        )

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
