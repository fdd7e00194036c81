"""The illustrative data: reproducible from the generator, and true to every published fact.

The constraint checks read the committed CSVs with the csv module and recompute everything,
independently of the generator's own code.
"""

import csv
import re
import shutil
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from parindex.generate import write_illustrative

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
OUT = DATA / "illustrative"
FILES = ("frameworks.csv", "criteria.csv", "results.csv", "scores.csv")
WORKBOOKS = ("2025-department.xlsx", "2025-commune.xlsx")
AREA_KEYS = {"CDDH", "TC", "TTHC", "TCBM", "CV", "TCC", "CPS", "TD"}
TWO_DECIMALS = re.compile(r"^\d+\.\d\d$")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def points(text: str) -> Decimal:
    assert TWO_DECIMALS.match(text), f"not a number with two decimals: {text!r}"
    return Decimal(text)


@pytest.fixture(scope="module")
def criteria():
    return read(OUT / "criteria.csv")


# 2019-2024: the assessments data/assessments.csv defines; 2025's come from the year's set-up
# workbooks (data/setups/) and are checked in test_illustrative_2025.py, against the built database.
SET_UP_2025 = ("lao-cai-2025-department", "lao-cai-2025-commune")


def assessment_ids() -> set[str]:
    return {a["assessment_id"] for a in read(DATA / "assessments.csv") if a["framework_id"].startswith("ill-")}


@pytest.fixture(scope="module")
def results():
    return [r for r in read(OUT / "results.csv") if r["assessment_id"] in assessment_ids()]


@pytest.fixture(scope="module")
def scores():
    return [s for s in read(OUT / "scores.csv") if s["assessment_id"] in assessment_ids()]


def test_every_row_belongs_to_an_assessment_of_2019_2024_or_a_2025_set_up():
    for name in ("results.csv", "scores.csv"):
        found = {r["assessment_id"] for r in read(OUT / name)}
        assert found == assessment_ids() | set(SET_UP_2025), name


@pytest.fixture(scope="module")
def assessments():
    return {a["assessment_id"]: a for a in read(DATA / "assessments.csv") if a["framework_id"].startswith("ill-")}


def totals_of(results, year: int, group: str) -> dict[str, Decimal]:
    return {r["unit_id"]: points(r["total"]) for r in results if r["assessment_id"] == f"lc-{year}-{group}"}


def published_stat(year: int, group: str, stat: str) -> Decimal:
    rows = [
        r
        for r in read(DATA / "published" / "laocai_group_stats.csv")
        if (r["year"], r["unit_group"], r["stat"]) == (str(year), group, stat)
    ]
    assert len(rows) == 1
    return Decimal(rows[0]["value"])


def tier_of(total: Decimal, year: int, group: str) -> str:
    tiers = sorted(
        (
            t
            for t in read(DATA / "tiers.csv")
            if (t["jurisdiction_id"], t["year"], t["group"]) == ("lao-cai", str(year), group)
        ),
        key=lambda t: int(t["tier_order"]),
    )
    for t in tiers:
        if not t["min_points"]:
            return t["code"]
        bound = Decimal(t["min_points"])
        if total > bound or (t["min_inclusive"] == "true" and total == bound):
            return t["code"]
    raise AssertionError("the last tier must catch the rest")


def unit_ids_by_name() -> dict[str, set[str]]:
    names = defaultdict(set)
    for u in read(DATA / "units.csv"):
        names[u["name_vi"]].add(u["unit_id"])
    for a in read(DATA / "unit_aliases.csv"):
        names[a["alias"]].add(a["unit_id"])
    return names


def published_bands(year: int, group: str, active: set[str]) -> dict[str, str]:
    names = unit_ids_by_name()
    bands = {}
    for r in read(DATA / "published" / "laocai_units.csv"):
        if (r["year"], r["unit_group"]) == (str(year), group):
            (unit_id,) = names[r["unit_name"]] & active
            bands[unit_id] = r["tier_or_band"]
    return bands


# --- reproducibility -----------------------------------------------------------------------


def test_generator_reproduces_the_committed_files(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("illustrative", "*.duckdb*"))
    shutil.rmtree(data / "setups")
    write_illustrative(data)
    first = {name: (data / "illustrative" / name).read_bytes() for name in FILES}
    books = {name: cells(data / "setups" / name) for name in WORKBOOKS}
    write_illustrative(data)
    for name in FILES:
        assert (data / "illustrative" / name).read_bytes() == first[name], f"{name} differs between runs"
        assert first[name] == (OUT / name).read_bytes(), f"committed {name} is not what the generator writes"
    assert sorted(p.name for p in (data / "setups").iterdir()) == sorted(WORKBOOKS)
    for name in WORKBOOKS:  # a workbook carries the time it was written: compare its cells
        assert cells(data / "setups" / name) == books[name], f"{name} differs between runs"
        assert books[name] == cells(DATA / "setups" / name), f"committed {name} is not what the generator writes"


def cells(path: Path) -> dict[str, list[tuple]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


@pytest.mark.parametrize("name", FILES)
def test_files_are_utf8_without_bom_with_lf_endings(name):
    raw = (OUT / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw and raw.endswith(b"\n")
    raw.decode("utf-8")


def test_every_row_is_illustrative(results, scores):
    frameworks = read(OUT / "frameworks.csv")
    assert {f["framework_id"] for f in frameworks} == {"ill-2019", "ill-2022"}
    for row in frameworks + results:
        assert (row["provenance"], row["source_id"]) == ("illustrative", "ILL")
    assert {s["provenance"] for s in scores} == {"illustrative"}


# --- criteria ------------------------------------------------------------------------------


def test_criteria_trees_add_up(criteria):
    frameworks = {f["framework_id"]: f for f in read(OUT / "frameworks.csv")}
    for fid, framework in frameworks.items():
        nodes = {c["criterion_id"]: c for c in criteria if c["framework_id"] == fid}
        assert len(nodes) == len([c for c in criteria if c["framework_id"] == fid]), "duplicate criterion_id"
        children = defaultdict(list)
        for c in nodes.values():
            assert c["criterion_id"].isascii()
            children[c["parent_id"]].append(c)
        areas = children[""]
        assert {a["criterion_id"] for a in areas} == AREA_KEYS and all(a["level"] == "area" for a in areas)
        assert sum(points(a["max_points"]) for a in areas) == points(framework["max_total"]) == 100
        for cid, c in nodes.items():
            kids = children[cid]
            expected_child = {"area": "criterion", "criterion": "sub"}.get(c["level"])
            assert all(k["level"] == expected_child for k in kids)
            if c["level"] == "area":
                assert 2 <= len(kids) <= 5, cid
            elif c["level"] == "criterion":
                assert 1 <= len(kids) <= 3, cid
            if kids:
                assert points(c["max_points"]) == sum(points(k["max_points"]) for k in kids), cid
                assert sorted(int(k["sort_order"]) for k in kids) == list(range(1, len(kids) + 1))
            assert c["self_assessed"] == ("false" if c["area_key"] == "TD" else "true"), cid
            assert c["criterion_id"].split(".")[0] == c["area_key"]


def test_the_2022_criteria_differ_from_2019(criteria):
    by_fw = defaultdict(dict)
    for c in criteria:
        by_fw[c["framework_id"]][c["criterion_id"]] = points(c["max_points"])
    old, new = by_fw["ill-2019"], by_fw["ill-2022"]
    assert set(old) != set(new)
    assert new["CPS"] > old["CPS"] and new["TTHC"] > old["TTHC"]
    assert 29 <= old["TD"] <= 31 and 27 <= new["TD"] <= 29


# --- results and scores --------------------------------------------------------------------


def test_one_result_per_active_unit_and_one_score_per_leaf(results, scores, criteria, assessments):
    units = [u for u in read(DATA / "units.csv") if u["jurisdiction_id"] == "lao-cai"]  # Yên Bái's: published only
    expected = set()
    for aid, a in assessments.items():
        year = int(a["year"])
        expected |= {
            (aid, u["unit_id"])
            for u in units
            if u["group"] == a["group"]
            and int(u["first_year"]) <= year
            and (not u["last_year"] or year <= int(u["last_year"]))
        }
    keys = [(r["assessment_id"], r["unit_id"]) for r in results]
    assert len(keys) == len(set(keys)) and set(keys) == expected
    assert Counter(a["group"] for a in assessments.values()) == {"department": 6, "district": 6}

    leaves = defaultdict(set)
    for c in criteria:
        if c["level"] == "sub":
            leaves[c["framework_id"]].add(c["criterion_id"])
    scored = defaultdict(list)
    for s in scores:
        scored[(s["assessment_id"], s["unit_id"])].append(s["criterion_id"])
    assert set(scored) == expected
    for (aid, _), cids in scored.items():
        assert len(cids) == len(set(cids)) and set(cids) == leaves[assessments[aid]["framework_id"]]


def test_leaves_are_within_bounds_and_results_are_their_sums(results, scores, criteria, assessments):
    leaf = {(c["framework_id"], c["criterion_id"]): c for c in criteria if c["level"] == "sub"}
    sums = defaultdict(lambda: defaultdict(Decimal))
    for s in scores:
        c = leaf[(assessments[s["assessment_id"]]["framework_id"], s["criterion_id"])]
        top, final = points(c["max_points"]), points(s["final_points"])
        assert 0 <= final <= top
        key = (s["assessment_id"], s["unit_id"])
        sums[key]["total"] += final
        if c["self_assessed"] == "true":
            own = points(s["self_points"])
            assert 0 <= own <= top
            sums[key]["appraised"] += final
            sums[key]["self_total"] += own
        else:
            assert s["self_points"] == ""
            sums[key]["survey"] += final
    for r in results:
        got = {field: points(r[field]) for field in ("total", "appraised", "survey", "self_total")}
        assert got == sums[(r["assessment_id"], r["unit_id"])], r
        assert got["total"] == got["appraised"] + got["survey"]
        assert (r["published_rank"], r["derived"], r["note_vi"], r["note_en"]) == ("", "", "", "")


def test_self_assessment_pattern(results):
    clear = Counter()
    for r in results:
        gap = points(r["self_total"]) - points(r["appraised"])
        assert 0 <= gap <= 8
        if gap >= 3:
            clear[r["assessment_id"][3:7]] += 1
    assert sorted(clear) == [str(y) for y in range(2019, 2025)]
    assert all(2 <= n <= 4 for n in clear.values()), clear


def test_totals_are_plausible(results):
    by_unit = defaultdict(dict)
    for r in results:
        total = points(r["total"])
        assert 75 <= total <= 99
        by_unit[r["unit_id"]][int(r["assessment_id"][3:7])] = total
    for years in by_unit.values():
        assert all(abs(years[y + 1] - years[y]) <= 6 for y in years if y + 1 in years)


# --- published facts -----------------------------------------------------------------------


@pytest.mark.parametrize("year, group", [(2020, "department"), (2021, "department"), (2021, "district")])
def test_published_means_are_exact(results, year, group):
    totals = totals_of(results, year, group)
    mean = published_stat(year, group, "mean_total")
    assert sum(totals.values()) == mean * len(totals)


def test_2020_department_count_at_or_above_90(results):
    totals = totals_of(results, 2020, "department")
    assert sum(t >= 90 for t in totals.values()) == published_stat(2020, "department", "count_at_or_above_90") == 7


@pytest.mark.parametrize("group", ["department", "district"])
def test_2021_units_are_in_their_published_bands(results, group):
    totals = totals_of(results, 2021, group)
    assert len(totals) == published_stat(2021, group, "n_units")
    bands = published_bands(2021, group, set(totals))
    assert set(bands) == set(totals)
    for unit, total in totals.items():
        assert tier_of(total, 2021, group) == bands[unit], unit
        assert total not in (89, 90), "keep off the thresholds"
    for r in results:
        if r["assessment_id"] == f"lc-2021-{group}":
            assert r["published_tier"] == bands[r["unit_id"]]


def test_published_tier_only_in_2021(results):
    assert all(r["published_tier"] == "" for r in results if r["assessment_id"][3:7] != "2021")
