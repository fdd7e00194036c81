"""The new Lào Cai's 99 communes at real size, for developing without published 2025 results:
a scratch copy of data/ with an illustrative 2025 commune assessment (totals and scores per
sub-criterion for every commune, tiers as in 2024) appended. Never written into data/ itself."""

from __future__ import annotations

import csv
import random
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from parindex.paths import DATA_DIR

ASSESSMENT = "lao-cai-2025-commune"
FRAMEWORK = "ill-2022"
YEAR = 2025


def _append(path: Path, rows: list[dict]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        columns = next(csv.reader(handle))
        handle.seek(0, 2)
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)


def communes(data_dir: Path) -> list[str]:
    with (data_dir / "units.csv").open(encoding="utf-8") as handle:
        return [r["unit_id"] for r in csv.DictReader(handle)
                if r["group"] == "commune" and r["jurisdiction_id"] == "lao-cai"]


def add_commune_year(data_dir: Path, seed: int = 2025) -> list[str]:
    """Append the 2025 commune assessment to the copy at data_dir; returns the communes assessed."""
    units = communes(data_dir)
    _append(data_dir / "assessments.csv", [{
        "assessment_id": ASSESSMENT, "jurisdiction_id": "lao-cai", "year": YEAR, "group": "commune",
        "framework_id": FRAMEWORK, "max_total": "100", "n_units": len(units), "ranking": "computed",
        "status": "published", "source_id": "ILL"}])
    _append(data_dir / "tiers.csv", [
        {"jurisdiction_id": "lao-cai", "year": YEAR, "group": "commune", "tier_order": order, "code": code,
         "label_vi": vi, "label_en": en, "min_points": low, "min_inclusive": "true" if low else "",
         "provenance": "illustrative", "source_id": "ILL"}
        for order, code, vi, en, low in ((1, ">= 90", "Từ 90 điểm trở lên", "90 and above", "90"),
                                         (2, "85 - < 90", "Từ 85 đến dưới 90 điểm", "85 to under 90", "85"),
                                         (3, "< 85", "Dưới 85 điểm", "Under 85", ""))])
    with (data_dir / "illustrative" / "criteria.csv").open(encoding="utf-8") as handle:
        subs = [r for r in csv.DictReader(handle) if r["framework_id"] == FRAMEWORK and r["level"] == "sub"]
    rng = random.Random(seed)
    cent = Decimal("0.01")
    results, scores = [], []
    for unit in units:
        level = rng.uniform(0.80, 0.95)
        total = Decimal(0)
        for sub in subs:
            maximum = Decimal(sub["max_points"])
            share = min(1.0, max(0.3, rng.gauss(level, 0.08)))
            final = (maximum * Decimal(str(share))).quantize(cent, ROUND_HALF_UP)
            total += final
            own = sub["self_assessed"] == "true"
            scores.append({"assessment_id": ASSESSMENT, "unit_id": unit, "criterion_id": sub["criterion_id"],
                           "self_points": min(maximum, final + (maximum / 10).quantize(cent)) if own else "",
                           "final_points": final, "provenance": "illustrative"})
        results.append({"assessment_id": ASSESSMENT, "unit_id": unit, "total": total,
                        "provenance": "illustrative", "source_id": "ILL"})
    _append(data_dir / "illustrative" / "results.csv", results)
    _append(data_dir / "illustrative" / "scores.csv", scores)
    return units


def commune_data(target: Path) -> Path:
    """A copy of data/ with the 2025 commune year added."""
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    add_commune_year(target)
    return target
