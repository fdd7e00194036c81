"""Every published fact in data/published/ must hold in the built database.

The facts are the project's ground truth, copied from the announcements (see its README): unit
scores, tiers and bands (laocai_units.csv), group figures (laocai_group_stats.csv) and the
province's national place (laocai_national_par_index.csv). A build that contradicts one fails.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache
from itertools import chain
from pathlib import Path

import duckdb

from parindex.dataset import HOME, TOLERANCE, Problem
from parindex.db import run
from parindex.names import name_key
from parindex.paths import SQL_DIR

PROVINCE = HOME  # the jurisdiction the province's own files describe
OTHER_HALF = "yen-bai"  # Yên Bái, merged into Lào Cai on 1 July 2025: its own published facts
NATION = "vn"  # the national PAR INDEX, where the province is one unit of group 'province'
# The provinces that became the home province on 1 July 2025 (its own id continues), by their
# units in the national index; from 2025 the index ranks 34 provinces, not 63.
PREDECESSORS = {PROVINCE: (PROVINCE, OTHER_HALF)}
MERGER_YEAR = 2025
PROVINCES_FROM_2025 = 34


def home(places) -> str | None:
    """The province a command or a page means when none is named: the home province where it is
    among `places`, else the only one; None when that is ambiguous (the user must choose)."""
    places = sorted(set(places))
    return PROVINCE if PROVINCE in places else places[0] if len(places) == 1 else None


def check(con: duckdb.DuckDBPyConnection, published_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    checks = (
        ("laocai_units.csv", _check_unit_fact),
        ("laocai_group_stats.csv", _check_group_stat),
        ("laocai_national_par_index.csv", _check_national_place),
        ("national_par_index_provinces.csv", _check_province_figure),
        ("yenbai_units.csv", _check_yenbai_unit),
        ("yenbai_national_par_index.csv", _check_yenbai_place),
        ("new_laocai_communes_2025.csv", _check_commune_origin),
    )
    stored = _Stored(con)
    for file_name, check_row in checks:
        path = published_dir / file_name
        if not path.exists():
            problems.append(Problem(f"published/{file_name}", None, None, "file is missing"))
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                for column, reason, *coded in check_row(stored, row):
                    code, values = coded or (None, {})  # a code for what an import can contradict
                    problems.append(
                        Problem(
                            f"published/{file_name}",
                            line,
                            column,
                            f"published fact not reproduced: {reason}",
                            code,
                            values,
                        )
                    )
    return problems


class _Stored:
    """What the new file holds that the facts are compared with, each kind read once per
    (jurisdiction, group, year) rather than once per published row: a build checks some 350 rows,
    and every import and set-up builds."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._read: dict[tuple, dict] = {}

    def _once(self, name: str, key_columns: int, **params) -> dict:
        """{first key_columns values of a row: [the rest of each such row]} of parindex/sql/<name>.sql."""
        key = (name, *params.values())
        if key not in self._read:
            self._read[key] = grouped = {}
            for row in self.con.execute(_check_sql(name), params or None).fetchall():
                grouped.setdefault(row[:key_columns], []).append(row[key_columns:])
        return self._read[key]

    def standing(self, jurisdiction: str, group: str, year: int, unit_id: str):
        """(total, max_total, rank, tier code, derived) as stored (Decimal, not float), or None when
        the unit has no result that year."""
        found = self._once("fact_standing", 1, jurisdiction=jurisdiction, group=group, year=year).get((unit_id,))
        return found[0] if found else None

    def units(self, name: str, jurisdiction: str, group: str, year: int) -> list[str]:
        """The units of the jurisdiction and group the name means (other provinces have a Sở Nội vụ too)."""
        named = self._once("units_named", 1, jurisdiction=jurisdiction, group=group, year=year)
        return [unit for (unit,) in named.get((name_key(name),), [])]

    def origins(self, unit_id: str) -> list[tuple[str, str | None]]:
        """(former district, new code) of each district the unit was formed from."""
        return self._once("fact_origins", 1).get((unit_id,), [])


@cache
def _check_sql(name: str) -> str:
    """The check's own reads, in parindex/sql/ beside the build's: they see drafts and imports as
    stored (the new file before anyone reads it), unlike the pages' queries/ (visible() only)."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _differs(published: str, stored) -> bool:
    return stored is None or abs(Decimal(published) - Decimal(str(stored))) > TOLERANCE / 2


def _total_problem(row, total, unit: dict, label: str):
    """The published total against the stored one; `label` names the figure ("2021 so-y-te")."""
    if row["total_score"] and _differs(row["total_score"], total):
        yield (
            "total_score",
            f"{label}: published {row['total_score']}, database {total}",
            "fact_total",
            {**unit, "published": row["total_score"], "value": total},
        )


def _rank_problem(row, rank, unit: dict, label: str):
    """The published rank against the stored one (none stored: a problem too)."""
    if row["rank"] and (rank is None or int(row["rank"]) != rank):
        yield (
            "rank",
            f"{label}: published rank {row['rank']}, database {rank}",
            "fact_rank",
            {**unit, "published": row["rank"], "stored": "-" if rank is None else rank},
        )


def _check_unit_fact(stored, row):
    year, group = int(row["year"]), row["unit_group"]
    units = stored.units(row["unit_name"], PROVINCE, group, year)
    if len(units) != 1:
        yield "unit_name", f"'{row['unit_name']}' matches {len(units)} units active in {year}"
        return
    found = stored.standing(PROVINCE, group, year, units[0])
    unit = {"unit_id": units[0], "unit": row["unit_name"], "year": year}
    if found is None:
        yield "unit_name", f"no {year} result for {units[0]}", "fact_missing", unit
        return
    total, max_total, _rank, tier_code, _derived = found
    yield from _total_problem(row, total, unit, f"{year} {units[0]}")
    if row["max_score"] and _differs(row["max_score"], max_total):
        yield (
            "max_score",
            f"{year} {group}: published maximum {row['max_score']}, database {max_total}",
            "fact_max",
            {"year": year, "published": row["max_score"], "stored": max_total},
        )
    if row["tier_or_band"] and row["tier_or_band"] != tier_code:
        yield (
            "tier_or_band",
            f"{year} {units[0]}: published '{row['tier_or_band']}', database '{tier_code}'",
            "fact_tier",
            {**unit, "published": row["tier_or_band"], "stored": tier_code},
        )


def _check_group_stat(stored, row):
    year, group = int(row["year"]), row["unit_group"]
    checked = run(stored.con, "published_check", jurisdiction=PROVINCE, group=group, year=year)
    match = checked[checked["stat"] == row["stat"]]
    if match.empty:
        yield "stat", f"{year} {group} {row['stat']} is not in the database"
        return
    figure = match.iloc[0]
    if _differs(row["value"], figure["published"]):
        yield "value", f"{year} {group} {row['stat']}: published {row['value']}, stored {figure['published']}"
    if not figure["agrees"]:
        yield (
            "value",
            (
                f"{year} {group} {row['stat']}: published {row['value']}, computed from the units "
                f"{figure['computed']} (units unknown: {figure['unknown']})"
            ),
            "fact_stat",
            {
                "stat": row["stat"],
                "year": year,
                "group": group,
                "published": row["value"],
                "stored": figure["computed"],
            },
        )


def _check_national_place(stored, row, province: str = PROVINCE):
    year = int(row["year"])
    found = stored.standing(NATION, "province", year, province)
    if not row["rank"] and not row["total_score"]:
        if found is not None:
            yield "status", f"{year}: no place was published, but the database has one"
        return
    if found is None:
        yield "rank", f"{year}: the database has no national result for {province}"
        return
    total, _max_total, rank, _tier, derived = found
    if "derived" in row["status"] and not derived:
        yield "status", f"{year}: the published figure is derived, but the database does not flag it"
    unit = {"unit_id": province, "unit": province, "year": year}
    yield from _rank_problem(row, rank, unit, f"{year}")
    yield from _total_problem(row, total, unit, f"{year}")


def _check_province_figure(stored, row):
    """Other provinces' published places (context for the national page). A row without a public
    address (one secondary snapshot) or without a figure is not loaded, so not checked."""
    if not row["source_url"].startswith("http") or not (row["rank"] or row["total_score"]):
        return
    units = stored.units(row["province"], NATION, "province", int(row["year"]))
    if len(units) != 1:
        yield "province", f"'{row['province']}' matches {len(units)} provinces"
        return
    found = stored.standing(NATION, "province", int(row["year"]), units[0])
    if found is None:
        yield "province", f"{row['year']}: no national result for {units[0]}"
        return
    total, _max_total, rank, _tier, _derived = found
    unit = {"unit_id": units[0], "unit": row["province"], "year": int(row["year"])}
    yield from _rank_problem(row, rank, unit, f"{row['year']} {units[0]}")
    yield from _total_problem(row, total, unit, f"{row['year']} {units[0]}")


def _check_yenbai_place(stored, row):
    """Yên Bái's national place: the same rules as Lào Cai's, its file written with decimal commas."""
    status = "rank derived" if row["derived"] == "yes" else "stated"
    yield from _check_national_place(
        stored, {**row, "status": status, "total_score": _point(row["total_score"])}, province=OTHER_HALF
    )


def _check_yenbai_unit(stored, row):
    """Yên Bái's published unit results: the score and the published rank; a unit whose exact rank
    was not published has none in the database (never a guessed one)."""
    year, group = int(row["year"]), row["unit_group"]
    units = stored.units(row["unit_name"], OTHER_HALF, group, year)
    if len(units) != 1:
        yield "unit_name", f"'{row['unit_name']}' matches {len(units)} units of {OTHER_HALF} in {year}"
        return
    found = stored.standing(OTHER_HALF, group, year, units[0])
    if found is None:
        yield "unit_name", f"no {year} result for {units[0]}"
        return
    total, _max_total, rank, _tier, _derived = found
    published = _point(row["total_pct"])
    if (published and _differs(published, total)) or (not published and total is not None):
        yield "total_pct", f"{year} {units[0]}: published {row['total_pct'] or '—'}, database {total}"
    exact = row["rank"].split(" ")[0] if row["rank"].split(" ")[0].isdigit() else None
    if (exact and rank != int(exact)) or (not exact and rank is not None):
        yield "rank", f"{year} {units[0]}: published rank {row['rank']}, database {rank}"


def _check_commune_origin(stored, row):
    """Each commune of the new Lào Cai: its 2025 code and exactly the former districts it came from."""
    units = stored.units(row["name"], PROVINCE, "commune", 2025)
    if len(units) != 1:
        yield "name", f"'{row['name']}' matches {len(units)} communes of {PROVINCE} in 2025"
        return
    origins = stored.origins(units[0])
    province = OTHER_HALF if row["former_province"] == "Yên Bái" else PROVINCE
    published = [stored.units(d.strip(), province, "district", 2024) for d in row["former_districts"].split(";")]
    if sorted(chain.from_iterable(published)) != sorted(unit for unit, _ in origins) or any(
        len(p) != 1 for p in published
    ):
        yield (
            "former_districts",
            (
                f"{units[0]}: published {row['former_districts']} ({row['former_province']}), "
                f"database {'; '.join(unit for unit, _ in origins) or '—'}"
            ),
        )
    if any(code != row["code_2025"] for _, code in origins):
        yield "code_2025", f"{units[0]}: published code {row['code_2025']}, database {origins[0][1]}"


def _point(text: str) -> str:
    return text.replace(",", ".")
