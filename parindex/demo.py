"""Synthetic national data: ILLUSTRATIVE, invented scores for many provinces, for the benchmark
and for trying the dashboard at the scale of a national deployment.

`python -m parindex demo --scale national --db PATH` adds 34 invented provinces ("Tỉnh minh họa
01" ...), each with about 20 departments and 100 communes scored over 10 years on a framework of
90 sub-criteria (about 3.7 million score rows), to a copy of the embedded dataset (Lào Cai and
the national index, whose published facts must still hold), and builds the database from those
files with the same validation and build as the embedded data. Every row it adds is marked
`illustrative` and cites the source DEMO, which says so; the pages show their usual notice.

Deterministic: one seeded numpy generator, whole arrays, a fixed row order.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from parindex.build import build
from parindex.generate import AREAS
from parindex.paths import DATA_DIR

SEED = 20251
SOURCE_ID = "DEMO"
FRAMEWORK_ID = "demo-90"
FIRST_YEAR = 2015
# Sub-criteria per area (90 in all) and each area's maximum; the survey area (TD) has no self-assessment.
AREA_SUBS = {"CDDH": 10, "TC": 12, "TTHC": 12, "TCBM": 10, "CV": 12, "TCC": 10, "CPS": 12, "TD": 12}
AREA_MAX = {"CDDH": 8, "TC": 10, "TTHC": 12, "TCBM": 9, "CV": 12, "TCC": 9, "CPS": 10, "TD": 30}
SUBS_PER_CRITERION = 4
TIERS = (
    ("XS", "Xuất sắc", "Excellent", 90),
    ("T", "Tốt", "Good", 80),
    ("K", "Khá", "Fair", 70),
    ("TB", "Trung bình", "Average", None),
)


@dataclass(frozen=True)
class Scale:
    provinces: int
    departments: int  # per province
    communes: int  # per province
    years: int


SCALES = {
    "national": Scale(provinces=34, departments=20, communes=100, years=10),
    "small": Scale(provinces=2, departments=3, communes=4, years=3),  # for tests
}


def write_demo(scale: Scale, target: Path) -> Path:
    """Copy the embedded dataset to target and add the synthetic provinces' rows to its files."""
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    rng = np.random.default_rng(SEED)
    criteria = _criteria()
    provinces = [f"demo-{p:02d}" for p in range(1, scale.provinces + 1)]
    units = _units(provinces, scale)
    years = list(range(FIRST_YEAR + 10 - scale.years, FIRST_YEAR + 10))
    assessments = _assessments(units, years)
    results, scores = _results_and_scores(units, assessments, criteria, rng)
    _append(
        target / "sources.csv",
        pd.DataFrame(
            [
                {
                    "source_id": SOURCE_ID,
                    "publisher_vi": "Dữ liệu tổng hợp của dự án (minh họa)",
                    "publisher_en": "The project's synthetic data (illustrative)",
                    "title": "Dữ liệu minh họa quy mô toàn quốc, do máy tạo ra, không phải kết quả thật / "
                    "Illustrative national-scale data, machine-generated, not real results",
                    "provenance": "illustrative",
                }
            ]
        ),
    )
    _append(
        target / "jurisdictions.csv",
        pd.DataFrame(
            {
                "jurisdiction_id": provinces,
                "level": "province",
                "name_vi": [f"Tỉnh minh họa {p[-2:]}" for p in provinces],
                "name_en": [f"Illustrative province {p[-2:]}" for p in provinces],
            }
        ),
    )
    _append(target / "units.csv", units)
    _append(target / "assessments.csv", assessments)
    _append(target / "tiers.csv", _tiers(assessments))
    _append(
        target / "illustrative" / "frameworks.csv",
        pd.DataFrame(
            [
                {
                    "framework_id": FRAMEWORK_ID,
                    "name_vi": "Bộ tiêu chí minh họa 90 tiêu chí thành phần",
                    "name_en": "Illustrative criteria set of 90 sub-criteria",
                    "first_year": years[0],
                    "last_year": years[-1],
                    "max_total": 100.0,
                    "provenance": "illustrative",
                    "source_id": SOURCE_ID,
                    "note_vi": "Dữ liệu tổng hợp minh họa, không phải bộ tiêu chí thật.",
                    "note_en": "Synthetic illustrative data, not a real criteria set.",
                }
            ]
        ),
    )
    _append(target / "illustrative" / "criteria.csv", criteria)
    _append(target / "illustrative" / "results.csv", results)
    _append(target / "illustrative" / "scores.csv", scores)
    return target


def build_demo(scale: Scale, db: Path, sources: Path | None = None) -> None:
    """Write the demo sources (to `sources`, else a temporary folder) and build db from them."""
    with tempfile.TemporaryDirectory(prefix="parindex-demo-") as scratch:
        data = write_demo(scale, sources or Path(scratch) / "data")
        build(data, db)


def _criteria() -> pd.DataFrame:
    """Areas (named as in the embedded sets) -> criteria of four sub-criteria -> sub-criteria;
    maxima in quarter points, summing exactly to each area's maximum and to 100."""
    rows = []
    for order, area in enumerate(AREAS, start=1):
        name_vi, name_en, short_vi, short_en = area.names[-1]
        n_subs, assessed = AREA_SUBS[area.key], area.key != "TD"
        quarters, extra = divmod(AREA_MAX[area.key] * 4, n_subs)
        sub_max = [(quarters + (i < extra)) / 4 for i in range(n_subs)]
        rows.append((area.key, "", "area", name_vi, name_en, short_vi, short_en, AREA_MAX[area.key], assessed, order))
        for c, start in enumerate(range(0, n_subs, SUBS_PER_CRITERION), start=1):
            subs = sub_max[start : start + SUBS_PER_CRITERION]
            cid = f"{area.key}.{c}"
            rows.append(
                (
                    cid,
                    area.key,
                    "criterion",
                    f"{short_vi}: tiêu chí {c}",
                    f"{short_en}: criterion {c}",
                    f"Tiêu chí {cid}",
                    f"Criterion {cid}",
                    sum(subs),
                    assessed,
                    c,
                )
            )
            for s, points in enumerate(subs, start=1):
                sid = f"{cid}.{chr(96 + s)}"
                rows.append(
                    (
                        sid,
                        cid,
                        "sub",
                        f"Tiêu chí thành phần {sid}",
                        f"Sub-criterion {sid}",
                        f"TCTP {sid}",
                        f"Sub {sid}",
                        points,
                        assessed,
                        s,
                    )
                )
    frame = pd.DataFrame(
        rows,
        columns=[
            "criterion_id",
            "parent_id",
            "level",
            "name_vi",
            "name_en",
            "short_vi",
            "short_en",
            "max_points",
            "self_assessed",
            "sort_order",
        ],
    )
    frame["area_key"] = frame["criterion_id"].str.split(".").str[0]
    frame["self_assessed"] = frame["self_assessed"].map({True: "true", False: "false"})
    return frame.assign(framework_id=FRAMEWORK_ID)


def _units(provinces: list[str], scale: Scale) -> pd.DataFrame:
    rows = []
    for province in provinces:
        p = province[-2:]
        rows += [
            (
                f"{province}-so-{k:02d}",
                province,
                "department",
                f"Sở minh họa {k:02d} (tỉnh minh họa {p})",
                f"Illustrative department {k:02d} (province {p})",
                f"Sở {k:02d}",
                f"Dept {k:02d}",
            )
            for k in range(1, scale.departments + 1)
        ]
        rows += [
            (
                f"{province}-xa-{k:03d}",
                province,
                "commune",
                f"Xã minh họa {k:03d} (tỉnh minh họa {p})",
                f"Illustrative commune {k:03d} (province {p})",
                f"Xã {k:03d}",
                f"Commune {k:03d}",
            )
            for k in range(1, scale.communes + 1)
        ]
    frame = pd.DataFrame(
        rows, columns=["unit_id", "jurisdiction_id", "group", "name_vi", "name_en", "short_vi", "short_en"]
    )
    return frame.assign(first_year=FIRST_YEAR)


def _assessments(units: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    groups = units.groupby(["jurisdiction_id", "group"], sort=False).size().reset_index(name="n_units")
    frame = groups.merge(pd.DataFrame({"year": years}), how="cross")
    frame["assessment_id"] = frame["jurisdiction_id"] + "-" + frame["year"].astype(str) + "-" + frame["group"]
    return frame.assign(
        framework_id=FRAMEWORK_ID,
        max_total=100.0,
        ranking="computed",
        status="published",
        source_id=SOURCE_ID,
        note_vi="Dữ liệu minh họa tổng hợp, không phải kết quả thật.",
        note_en="Synthetic illustrative data, not real results.",
    )


def _tiers(assessments: pd.DataFrame) -> pd.DataFrame:
    tiers = pd.DataFrame(
        [
            (order, code, vi, en, low, "true" if low is not None else "")
            for order, (code, vi, en, low) in enumerate(TIERS, start=1)
        ],
        columns=["tier_order", "code", "label_vi", "label_en", "min_points", "min_inclusive"],
    )
    return (
        assessments[["jurisdiction_id", "year", "group"]]
        .merge(tiers, how="cross")
        .assign(provenance="illustrative", source_id=SOURCE_ID)
    )


def _results_and_scores(
    units: pd.DataFrame, assessments: pd.DataFrame, criteria: pd.DataFrame, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every unit every year: a latent level per unit that drifts by year, points per sub-criterion
    around it (appraised in quarter points, survey in hundredths), self-assessment at or above."""
    subs = criteria[criteria["level"] == "sub"]
    max_h = np.round(subs["max_points"].to_numpy(float) * 100).astype(np.int64)
    assessed = (subs["self_assessed"] == "true").to_numpy()
    pairs = assessments[["assessment_id", "jurisdiction_id", "group", "year"]].merge(
        units[["unit_id", "jurisdiction_id", "group"]], on=["jurisdiction_id", "group"]
    )
    level = pairs["unit_id"].map(dict(zip(units["unit_id"], rng.uniform(0.70, 0.95, len(units))))).to_numpy()
    level = level + rng.normal(0, 0.02, len(pairs)) + (pairs["year"].to_numpy() - FIRST_YEAR) * 0.003
    share = np.clip(level[:, None] + rng.normal(0, 0.10, (len(pairs), len(max_h))), 0, 1)
    step = np.where(assessed, 25, 1)  # hundredths
    final = np.minimum(np.round(share * max_h / step) * step, max_h).astype(np.int64)
    gap = rng.choice([0, 0, 0, 25, 50], size=final.shape)
    own = np.where(assessed, np.minimum(final + gap, max_h), 0)
    results = pairs[["assessment_id", "unit_id"]].assign(
        total=final.sum(axis=1) / 100,
        self_total=own.sum(axis=1) / 100,
        appraised=(final * assessed).sum(axis=1) / 100,
        survey=(final * ~assessed).sum(axis=1) / 100,
        provenance="illustrative",
        source_id=SOURCE_ID,
    )
    n = len(max_h)
    scores = pd.DataFrame(
        {
            "assessment_id": np.repeat(pairs["assessment_id"].to_numpy(), n),
            "unit_id": np.repeat(pairs["unit_id"].to_numpy(), n),
            "criterion_id": np.tile(subs["criterion_id"].to_numpy(), len(pairs)),
            "self_points": np.where(np.tile(assessed, len(pairs)), own.ravel() / 100, np.nan),
            "final_points": final.ravel() / 100,
            "provenance": "illustrative",
        }
    )
    return results, scores


def _append(path: Path, frame: pd.DataFrame) -> None:
    """Add rows to a source file in its own column order (absent columns left empty)."""
    with path.open(encoding="utf-8") as handle:
        columns = handle.readline().strip().split(",")
    with path.open("a", encoding="utf-8", newline="") as handle:
        frame.reindex(columns=columns).to_csv(
            handle, header=False, index=False, float_format="%.2f", lineterminator="\n"
        )
