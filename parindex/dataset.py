"""The embedded dataset's source files: read, type and validate them.

Each table is read from `data/<file>.csv` and, where it exists, `data/illustrative/<file>.csv`
(what parindex.generate writes). Every problem is reported with its file, row and column; a
dataset with any problem is never built.

The checks work on whole columns (a national dataset has millions of score rows) and visit
single rows in Python only to word the problems found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from pathlib import Path

import pandas as pd

from parindex.names import name_key

GROUPS = ("department", "district", "commune", "province")
# % of maximum below which an area or criterion counts as weak ("most units below it" flags it
# province-wide): the criteria page, the overview, the press kit and the benchmark's plain pandas.
THRESHOLD_PCT = 80
HOME = "lao-cai"  # the home jurisdiction: the province the dashboard is about, whose own files data/ holds
PROVENANCES = ("published", "illustrative")
LINEAGE_KINDS = ("rename", "merge", "split", "abolish", "move")  # move: to another group
TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class Table:
    name: str
    file: str
    key: tuple[str, ...]
    required: tuple[str, ...] = ()
    decimals: tuple[str, ...] = ()
    integers: tuple[str, ...] = ()
    booleans: tuple[str, ...] = ()
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    defaults: dict[str, object] = field(default_factory=dict)  # for empty cells
    optional: bool = False  # a dataset without a reorganisation has no such file


TABLES = (
    Table(
        "source",
        "sources",
        ("source_id",),
        ("source_id", "publisher_vi", "publisher_en", "title"),
        choices={"provenance": PROVENANCES},
    ),
    Table("jurisdiction", "jurisdictions", ("jurisdiction_id",), ("jurisdiction_id", "name_vi", "name_en")),
    Table(
        "unit",
        "units",
        ("unit_id",),
        ("unit_id", "jurisdiction_id", "unit_group", "name_vi", "name_en", "short_vi", "short_en"),
        integers=("first_year", "last_year"),
        choices={"unit_group": GROUPS},
    ),
    Table("unit_alias", "unit_aliases", ("alias", "unit_id"), ("alias", "unit_id")),
    Table(
        "unit_lineage",
        "unit_lineage",
        ("predecessor_id", "successor_id"),
        ("predecessor_id", "year", "kind"),
        integers=("year",),
        choices={"kind": LINEAGE_KINDS},
    ),
    Table("unit_origin", "unit_origins", ("unit_id", "former_unit_id"), ("unit_id", "former_unit_id"), optional=True),
    Table(
        "framework",
        "frameworks",
        ("framework_id",),
        ("framework_id", "name_vi", "name_en", "max_total"),
        decimals=("max_total",),
        integers=("first_year", "last_year"),
        choices={"provenance": PROVENANCES},
    ),
    Table(
        "criterion",
        "criteria",
        ("framework_id", "criterion_id"),
        ("framework_id", "criterion_id", "level", "area_key", "name_vi", "name_en", "max_points"),
        decimals=("max_points",),
        integers=("sort_order",),
        booleans=("self_assessed",),
        choices={"level": ("area", "criterion", "sub")},
    ),
    Table(
        "assessment",
        "assessments",
        ("assessment_id",),
        ("assessment_id", "jurisdiction_id", "year", "unit_group", "ranking", "status"),
        decimals=("max_total",),
        integers=("year", "n_units"),
        choices={"unit_group": GROUPS, "ranking": ("computed", "published"), "status": ("draft", "published")},
    ),
    Table(
        "tier",
        "tiers",
        ("jurisdiction_id", "year", "unit_group", "tier_order"),
        ("jurisdiction_id", "year", "unit_group", "tier_order", "code", "label_vi", "label_en"),
        decimals=("min_points",),
        integers=("year", "tier_order"),
        booleans=("min_inclusive",),
        choices={"unit_group": GROUPS, "provenance": PROVENANCES},
    ),
    Table(
        "result",
        "results",
        ("assessment_id", "unit_id"),
        ("assessment_id", "unit_id", "provenance"),
        decimals=("total", "self_total", "appraised", "survey"),
        integers=("published_rank",),
        booleans=("derived",),
        choices={"provenance": PROVENANCES},
        defaults={"derived": False},
    ),
    Table(
        "score",
        "scores",
        ("assessment_id", "unit_id", "criterion_id"),
        ("assessment_id", "unit_id", "criterion_id", "provenance"),
        decimals=("self_points", "final_points"),
        choices={"provenance": PROVENANCES},
    ),
    Table(
        "published_stat",
        "published_stats",
        ("jurisdiction_id", "year", "unit_group", "stat"),
        ("jurisdiction_id", "year", "unit_group", "stat", "value"),
        decimals=("value",),
        integers=("year",),
        choices={"unit_group": GROUPS},
    ),
)


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # the line in the CSV file (the header is line 1)
    column: str | None
    reason: str
    # What an import shows instead of the English reason: a code of parindex.importing.messages
    # and its values (raw: ids, Decimals), for the problems an imported file can cause.
    code: str | None = None
    values: dict = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.file,
                f"row {self.row}" if self.row is not None else "",
                f"column {self.column}" if self.column else "",
            )
            if part
        )
        return f"{where}: {self.reason}"


class DatasetError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"The dataset has {len(problems)} problem(s):\n{lines}{more}")


class Dataset:
    """Typed frames, one per table; each row remembers its file and line for messages."""

    def __init__(self, frames: dict[str, pd.DataFrame]):
        self.frames = frames

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.frames[table]


def read_dataset(data_dir: Path) -> Dataset:
    """Read and type every table, lay the year set-ups of data/setups/ on them (parindex.setups);
    raise DatasetError listing every problem found."""
    problems: list[Problem] = []
    frames = {}
    for table in TABLES:
        frames[table.name] = _read_table(data_dir, table, problems)
    if problems:
        raise DatasetError(problems)
    from parindex import setups  # the set-up planner imports this module

    frames = setups.apply(data_dir, frames, problems)  # data/setups/*.xlsx, as an editor's set-up
    if problems:
        raise DatasetError(problems)
    dataset = Dataset(frames)
    problems = validate(dataset)
    if problems:
        raise DatasetError(problems)
    return dataset


def source_files(data_dir: Path) -> list[Path]:
    """Every file the build reads (the built database is stale when one is newer)."""
    files = [p for t in TABLES for p in (data_dir / f"{t.file}.csv", data_dir / "illustrative" / f"{t.file}.csv")]
    return (
        [p for p in files if p.exists()]
        + sorted((data_dir / "published").glob("*.csv"))
        + sorted((data_dir / "setups").glob("*.xlsx"))
    )


def _read_table(data_dir: Path, table: Table, problems: list[Problem]) -> pd.DataFrame:
    parts = []
    for path in (data_dir / f"{table.file}.csv", data_dir / "illustrative" / f"{table.file}.csv"):
        if not path.exists():
            continue
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (pd.errors.ParserError, UnicodeDecodeError) as error:
            problems.append(Problem(path.name, None, None, f"not a readable UTF-8 CSV file: {error}"))
            continue
        frame = frame.rename(columns={"group": "unit_group"})
        frame["_file"] = str(path.relative_to(data_dir.parent) if data_dir.parent in path.parents else path)
        frame["_row"] = range(2, len(frame) + 2)
        parts.append(frame)
    if not parts:
        if table.optional:
            return pd.DataFrame(columns=[*table.required, "source_id", "_file", "_row"], dtype=object)
        problems.append(Problem(f"{table.file}.csv", None, None, "file is missing"))
        return pd.DataFrame()
    frame = pd.concat(parts, ignore_index=True)
    for column in table.required:
        if column not in frame.columns:
            problems.append(
                Problem(frame["_file"].iat[0] if len(frame) else table.file, 1, column, "required column is missing")
            )
            return frame
    for column in frame.columns:
        if not column.startswith("_"):
            frame[column] = frame[column].str.strip()
    _check_required(frame, table, problems)
    _check_choices(frame, table, problems)
    for column in table.decimals:
        frame[column] = _typed(frame, column, _to_decimal, "is not a number", problems)
    for column in table.integers:
        frame[column] = _typed(frame, column, _to_int, "is not a whole number", problems)
    for column in table.booleans:
        frame[column] = _typed(frame, column, _to_bool, "is not true or false", problems)
    for column, default in table.defaults.items():
        frame[column] = frame[column].map(lambda value, default=default: default if value is None else value)
    _check_duplicates(frame, table, problems)
    return frame


def _check_required(frame, table, problems):
    for column in table.required:
        for _, row in frame[frame[column] == ""].iterrows():
            problems.append(Problem(row["_file"], row["_row"], column, "a value is required"))


def _check_choices(frame, table, problems):
    for column, allowed in table.choices.items():
        if column not in frame.columns:
            continue
        for _, row in frame[(frame[column] != "") & ~frame[column].isin(allowed)].iterrows():
            problems.append(
                Problem(row["_file"], row["_row"], column, f"'{row[column]}' is not one of {', '.join(allowed)}")
            )


def _check_duplicates(frame, table, problems):
    if not all(k in frame.columns for k in table.key):
        return
    dupes = frame[frame.duplicated(list(table.key), keep="first")]
    for _, row in dupes.iterrows():
        key = ", ".join(f"{k}={row[k]}" for k in table.key)
        problems.append(Problem(row["_file"], row["_row"], None, f"duplicate key ({key})"))


def _typed(frame, column, convert, reason, problems):
    if column not in frame.columns:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    texts = frame[column].fillna("")
    converted, bad = {"": None}, set()
    for text in texts.unique():  # each distinct text once: scores repeat a few hundred values
        if text == "":
            continue
        try:
            converted[text] = convert(text)
        except ValueError:
            converted[text] = None
            bad.add(text)
    for row in _rows(frame.loc[texts.isin(bad), ["_file", "_row", column]]):
        problems.append(Problem(row["_file"], row["_row"], column, f"'{row[column]}' {reason}"))
    return pd.Series([converted[text] for text in texts], index=frame.index, dtype=object)


def _to_decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


def _to_int(text: str) -> int:
    return int(text)


def _to_bool(text: str) -> bool:
    if text.lower() not in ("true", "false"):
        raise ValueError(text)
    return text.lower() == "true"


# --- rules across tables -------------------------------------------------------------------


def validate(ds: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    for check in (_check_references, _check_lineage, _check_criteria_tree, _check_tiers, _check_results, _check_scores):
        check(ds, problems)
    return problems


def _rows(frame: pd.DataFrame):
    return frame.to_dict("records")


def _unknown(problems, row, column, what):
    problems.append(Problem(row["_file"], row["_row"], column, f"unknown {what} '{row[column]}'"))


def _check_references(ds, problems):
    known = {
        "source": set(ds["source"]["source_id"]),
        "jurisdiction": set(ds["jurisdiction"]["jurisdiction_id"]),
        "unit": set(ds["unit"]["unit_id"]),
        "framework": set(ds["framework"]["framework_id"]),
        "assessment": set(ds["assessment"]["assessment_id"]),
    }
    references = {
        "unit": [("jurisdiction_id", "jurisdiction")],
        "unit_alias": [("unit_id", "unit")],
        "unit_lineage": [("predecessor_id", "unit"), ("successor_id", "unit"), ("source_id", "source")],
        "unit_origin": [("unit_id", "unit"), ("former_unit_id", "unit"), ("source_id", "source")],
        "framework": [("source_id", "source")],
        "criterion": [("framework_id", "framework")],
        "assessment": [("jurisdiction_id", "jurisdiction"), ("framework_id", "framework"), ("source_id", "source")],
        "tier": [("jurisdiction_id", "jurisdiction"), ("source_id", "source")],
        "result": [("assessment_id", "assessment"), ("unit_id", "unit"), ("source_id", "source")],
        "score": [("assessment_id", "assessment"), ("unit_id", "unit")],
        "published_stat": [("jurisdiction_id", "jurisdiction"), ("source_id", "source")],
    }
    for table, refs in references.items():
        frame = ds[table]
        for column, target in refs:
            if column not in frame.columns:
                continue
            values = frame[column].fillna("")
            for row in _rows(frame[(values != "") & ~values.isin(known[target])]):
                _unknown(problems, row, column, target)


def _check_criteria_tree(ds, problems):
    criteria = ds["criterion"]
    frameworks = {r["framework_id"]: r for r in _rows(ds["framework"])}
    by_key = {(r["framework_id"], r["criterion_id"]): r for r in _rows(criteria)}
    children: dict[tuple[str, str], list[dict]] = {}
    for row in by_key.values():
        parent = row.get("parent_id") or ""
        if row["level"] == "area":
            if parent:
                problems.append(Problem(row["_file"], row["_row"], "parent_id", "an area has no parent"))
            continue
        if (row["framework_id"], parent) not in by_key:
            _unknown(problems, row, "parent_id", "criterion")
            continue
        children.setdefault((row["framework_id"], parent), []).append(row)
    for key, row in by_key.items():
        kids = children.get(key, [])
        if row["level"] != "sub" and not kids:
            problems.append(
                Problem(
                    row["_file"], row["_row"], "level", f"{row['level']} '{row['criterion_id']}' has no sub-criteria"
                )
            )
        if kids and abs(sum(k["max_points"] for k in kids) - row["max_points"]) > TOLERANCE:
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "max_points",
                    f"{row['max_points']} is not the sum of its children's maxima "
                    f"({sum(k['max_points'] for k in kids)})",
                )
            )
    area_keys: dict[tuple[str, str], dict] = {}
    for row in (r for r in by_key.values() if r["level"] == "area"):  # an area_key names one area of a set
        first = area_keys.setdefault((row["framework_id"], row["area_key"]), row)
        if first is not row:
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "area_key",
                    f"area key '{row['area_key']}' is already the key of area '{first['criterion_id']}'",
                )
            )
    for row in (r for r in by_key.values() if r["level"] != "area"):
        if (row["framework_id"], row["area_key"]) not in area_keys:
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "area_key",
                    f"'{row['area_key']}' is not the key of an area of {row['framework_id']}",
                )
            )
    for framework_id, framework in frameworks.items():
        areas = [r for r in by_key.values() if r["framework_id"] == framework_id and r["level"] == "area"]
        total = sum((r["max_points"] for r in areas), Decimal(0))
        if areas and abs(total - framework["max_total"]) > TOLERANCE:
            problems.append(
                Problem(
                    framework["_file"],
                    framework["_row"],
                    "max_total",
                    f"{framework['max_total']} is not the sum of its areas' maxima ({total})",
                )
            )


def _check_lineage(ds, problems):
    rows = _rows(ds["unit_lineage"])
    for row in rows:
        if (row["kind"] == "abolish") == bool(row["successor_id"]):
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "successor_id",
                    "an abolition has no successor; a rename, merge or split has one",
                )
            )
    successors: dict[str, set[str]] = {}
    for row in rows:
        if row["successor_id"]:
            successors.setdefault(row["predecessor_id"], set()).add(row["successor_id"])
    for row in rows:  # a unit that is, through its successors, its own predecessor
        if row["successor_id"] and row["predecessor_id"] in _descendants(row["successor_id"], successors):
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "successor_id",
                    f"lineage cycle: {row['successor_id']} leads back to {row['predecessor_id']}",
                )
            )


def _descendants(unit_id: str, successors: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), [unit_id]
    while todo:
        for nxt in successors.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _check_tiers(ds, problems):
    for _, tiers in ds["tier"].groupby(["jurisdiction_id", "year", "unit_group"], sort=False):
        rows = sorted(_rows(tiers), key=lambda r: r["tier_order"])
        bounded = [r for r in rows if r["min_points"] is not None]
        if not bounded:
            continue  # labels only (thresholds not published): tiers are never derived
        if rows[-1]["min_points"] is not None or len(bounded) != len(rows) - 1:
            problems.append(
                Problem(
                    rows[-1]["_file"],
                    rows[-1]["_row"],
                    "min_points",
                    "every tier but the last needs a minimum; the last has none",
                )
            )
        for better, worse in pairwise(bounded):
            if worse["min_points"] >= better["min_points"]:
                problems.append(
                    Problem(worse["_file"], worse["_row"], "min_points", "minimums must fall as tier_order rises")
                )


def _check_results(ds, problems):
    units = {r["unit_id"]: r for r in _rows(ds["unit"])}
    assessments = {r["assessment_id"]: r for r in _rows(ds["assessment"])}
    tier_codes = {(r["jurisdiction_id"], r["year"], r["unit_group"], r["code"]) for r in _rows(ds["tier"])}
    for row in _rows(ds["result"]):
        assessment, unit = assessments.get(row["assessment_id"]), units.get(row["unit_id"])
        if not assessment or not unit:
            continue  # reported as unknown already
        if (unit["unit_group"], unit["jurisdiction_id"]) != (assessment["unit_group"], assessment["jurisdiction_id"]):
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "unit_id",
                    f"'{row['unit_id']}' is not a {assessment['unit_group']} of {assessment['jurisdiction_id']}",
                    "not_member",
                    {
                        "unit_id": row["unit_id"],
                        "jurisdiction": assessment["jurisdiction_id"],
                        "group": assessment["unit_group"],
                    },
                )
            )
        total, maximum = row["total"], assessment["max_total"]
        if total is not None and (total < 0 or (maximum is not None and total > maximum)):
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "total",
                    f"{total} is outside 0 to {maximum}",
                    "outside",
                    {"value": total, "maximum": maximum},
                )
            )
        if (
            total is not None
            and row["appraised"] is not None
            and row["survey"] is not None
            and abs(row["appraised"] + row["survey"] - total) > TOLERANCE
        ):
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "total",
                    f"{total} is not appraised + survey ({row['appraised'] + row['survey']})",
                    "parts_mismatch",
                    {"total": total, "parts": row["appraised"] + row["survey"]},
                )
            )
        tier = row.get("published_tier") or ""
        key = (assessment["jurisdiction_id"], assessment["year"], assessment["unit_group"], tier)
        if tier and key not in tier_codes:
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "published_tier",
                    f"'{tier}' is not a tier of {assessment['year']} {assessment['unit_group']}",
                    "unknown_tier",
                    {"value": tier, "year": assessment["year"], "group": assessment["unit_group"]},
                )
            )


def _check_scores(ds, problems):
    assessments = ds["assessment"][["assessment_id", "framework_id"]]
    criteria = ds["criterion"][["framework_id", "criterion_id", "level", "max_points", "self_assessed"]]
    results = ds["result"][["assessment_id", "unit_id", "total", "_file", "_row"]]
    # Scores of an unknown assessment are reported as unknown already.
    scores = ds["score"].merge(assessments, on="assessment_id", how="inner")
    scores = scores.merge(criteria, on=["framework_id", "criterion_id"], how="left", indicator="criterion")
    scores = scores.merge(
        results[["assessment_id", "unit_id"]], on=["assessment_id", "unit_id"], how="left", indicator="result"
    )
    for row in _rows(scores[scores["criterion"] == "left_only"]):
        _unknown(problems, row, "criterion_id", f"criterion of framework {row['framework_id'] or '(none)'}")
    scores = scores[scores["criterion"] == "both"]
    for row in _rows(scores[scores["level"] != "sub"]):
        problems.append(
            Problem(
                row["_file"],
                row["_row"],
                "criterion_id",
                f"scores are given per sub-criterion, '{row['criterion_id']}' is a {row['level']}",
            )
        )
    maxima = scores["max_points"].to_numpy(object)
    for column in ("final_points", "self_points"):
        values = scores[column].to_numpy(object)
        given = scores[column].notna().to_numpy()
        outside = given.copy()
        # Decimal comparisons, element by element in numpy's loop: exact, and no Python loop here.
        outside[given] = (values[given] < 0) | (values[given] > maxima[given])
        for row in _rows(scores[outside]):
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    column,
                    f"{row[column]} is outside 0 to {row['max_points']} (the maximum of {row['criterion_id']})",
                    "outside_criterion",
                    {"value": row[column], "maximum": row["max_points"], "criterion": row["criterion_id"]},
                )
            )
    for row in _rows(scores[scores["self_points"].notna() & ~scores["self_assessed"].astype(bool)]):
        problems.append(
            Problem(
                row["_file"],
                row["_row"],
                "self_points",
                f"{row['criterion_id']} is survey-based and has no self-assessment",
                "survey_self",
                {"value": row["self_points"], "criterion": row["criterion_id"]},
            )
        )
    for row in _rows(scores[scores["result"] == "left_only"]):
        problems.append(
            Problem(
                row["_file"],
                row["_row"],
                "unit_id",
                f"no result row for {row['unit_id']} in {row['assessment_id']}",
                "no_result",
                {"unit_id": row["unit_id"]},
            )
        )
    scored = scores[scores["final_points"].notna()]
    sums = (
        scored.groupby(["assessment_id", "unit_id"], sort=False)["final_points"]
        .agg(lambda points: sum(points, Decimal(0)))
        .rename("leaf_sum")
        .reset_index()
    )
    checked = results[results["total"].notna()].merge(sums, on=["assessment_id", "unit_id"])
    for row in _rows(checked):
        if abs(row["leaf_sum"] - row["total"]) > TOLERANCE:
            problems.append(
                Problem(
                    row["_file"],
                    row["_row"],
                    "total",
                    f"{row['total']} is not the sum of {row['unit_id']}'s sub-criterion scores ({row['leaf_sum']})",
                    "sum_mismatch",
                    {"total": row["total"], "leaves": row["leaf_sum"]},
                )
            )


def alias_rows(ds: Dataset) -> pd.DataFrame:
    """Every spelling that names a unit: its canonical and short names and the listed aliases."""
    units = ds["unit"]
    listed = ds["unit_alias"].reindex(columns=["alias", "unit_id", "import_id"])
    spellings = pd.concat(
        [
            listed,
            units[["name_vi", "unit_id"]].rename(columns={"name_vi": "alias"}),
            units[["name_en", "unit_id"]].rename(columns={"name_en": "alias"}),
            units[["short_vi", "unit_id"]].rename(columns={"short_vi": "alias"}),
        ],
        ignore_index=True,
    )
    spellings["alias_key"] = spellings["alias"].map(name_key)
    spellings = spellings.astype(object).where(spellings.notna(), None)
    return spellings.drop_duplicates(["alias_key", "unit_id"])[["alias", "alias_key", "unit_id", "import_id"]]


def last_years(ds: Dataset) -> pd.Series:
    """Each unit's last year: as written, else the year before a change that ended it (a rename,
    merge, split, move or abolition set up by an editor), else open (None)."""
    units = ds["unit"].set_index("unit_id")["last_year"]
    lineage = ds["unit_lineage"]
    ended = lineage.groupby("predecessor_id")["year"].min() - 1 if len(lineage) else pd.Series(dtype=object)
    return pd.Series(
        [
            last if last is not None and not pd.isna(last) else (int(ended[u]) if u in ended.index else None)
            for u, last in units.items()
        ],
        index=units.index,
        dtype=object,
    )


def line_ids(ds: Dataset) -> dict[str, str]:
    """Follow renames to the unit each chain ends in; merges and splits start new lines."""
    successor = {r["predecessor_id"]: r["successor_id"] for r in _rows(ds["unit_lineage"]) if r["kind"] == "rename"}
    lines = {}
    for unit_id in ds["unit"]["unit_id"]:
        seen, current = {unit_id}, unit_id
        while current in successor and successor[current] not in seen:
            current = successor[current]
            seen.add(current)
        lines[unit_id] = current
    return lines
