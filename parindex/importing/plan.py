"""From a file's grids to the rows of one assessment, every problem with its row and column,
and what the import would change against the database (the preview's diff)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd

from parindex import facts
from parindex.cells import formula_like
from parindex.dataset import GROUPS, TOLERANCE, _to_decimal
from parindex.importing import headings, stored
from parindex.importing.messages import ImportProblem, group_values
from parindex.importing.sheet import Grid, column_name
from parindex.importing.units import UnitMatcher

HEADER_SEARCH = 30  # title rows above the header: a few, never dozens
_YEAR_IN_TITLE = re.compile(r"\bnam (\d{4})\b|\byear (\d{4})\b")
_SUMMARY_ROW = re.compile(r"^(tong cong|trung binh|binh quan|diem trung binh|cong)\b")
SCORE_FIELDS = ("total", "pct", "self", "appraised", "survey", "rank", "points", "tier")
PASSED_ON = ("note_vi", "note_en", "source_id")  # a backup's columns, written back as they were


@dataclass(frozen=True)
class YearOptions:
    """Which assessment an import or a year's set-up writes, and how."""

    year: int
    group: str
    jurisdiction: str | None = None
    status: str = "draft"
    replace: bool = False

    @classmethod
    def restoring(cls, entry: dict):
        """The options that write a backup's manifest row back over what the database holds."""
        return cls(
            year=int(entry["year"]),
            group=entry["unit_group"],
            jurisdiction=entry["jurisdiction_id"],
            status=entry["status"],
            replace=True,
        )


@dataclass(frozen=True)
class Options(YearOptions):
    create_units: bool = False


@dataclass
class Plan:
    """What an import would write. Empty `problems` means it may be committed."""

    options: Options
    problems: list[ImportProblem] = field(default_factory=list)
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # dataset-shaped rows to add
    assessment_id: str | None = None
    replaces: bool = False  # an assessment for the year and group exists already
    rows: int = 0  # data rows read from the file
    skipped: list[int] = field(default_factory=list)  # rows without any score (section titles, notes)
    ignored: list[str] = field(default_factory=list)  # columns not recognised
    diff: dict[str, list] = field(default_factory=lambda: {"added": [], "removed": [], "changed": []})
    new_units: list[str] = field(default_factory=list)
    # Where the rows came from, so the build's checks speak of the file (parindex.importing.commit):
    columns: dict[str, str] = field(default_factory=dict)  # field ('total', 'criterion:A.1.a') -> 'C (Tổng điểm)'
    unit_rows: dict[str, tuple[int, str]] = field(default_factory=dict)  # unit id -> (row, unit as written)
    place: tuple[str, str] | None = None  # the jurisdiction's names (vi, en)

    @property
    def ok(self) -> bool:
        return not self.problems


# What imports and year set-ups are checked against (drafts included): {key: parindex/sql/stored file}.
STORED = {
    name: name for name in ("unit", "unit_alias", "jurisdiction", "assessment", "framework", "criterion", "import_log")
}


def snapshot(db_path: Path) -> dict[str, pd.DataFrame]:
    """The tables an import is planned against, read from the current file (drafts included)."""
    return stored.read(db_path, {**STORED, "result": "result_named"})


def plan(file_name: str, grids: list[Grid], options: Options, db: dict[str, pd.DataFrame]) -> Plan:
    """The steps in the order they run; each one that finds the file unusable ends the plan with its problem."""
    result = Plan(options)
    target = _target(options, db, result.problems)
    if target is None:
        return result
    layout = _layout(grids, options, target, result)
    if layout is None:
        return result
    reading = _Reading(
        target,
        layout,
        UnitMatcher(db["unit"], db["unit_alias"], target.jurisdiction, options.group, options.year, db["jurisdiction"]),
    )
    result.place = reading.matcher.place()
    for index in range(layout.data_start, len(layout.grid.rows)):
        _read_row(reading, index, options, result)
    if layout.long:
        _sum_long_totals(reading, result.problems)
    _settle(file_name, options, db, target, reading, result)
    return result


@dataclass(frozen=True)
class _Target:
    """Where the rows go: the jurisdiction, the assessment stored for the year (or None) and its scale."""

    jurisdiction: str
    known_jurisdiction: bool
    old: pd.Series | None
    framework_id: str | None
    max_total: Decimal
    criteria: pd.DataFrame  # the criteria set's rows, indexed by criterion_id


@dataclass(frozen=True)
class _Layout:
    """The table found in the file: its grid, header row, data start and what each column holds."""

    grid: Grid
    header_row: int
    data_start: int
    fields: dict[str, int]  # field -> column index (unit, total, rank, ...)
    wide: dict[int, str]  # column index -> criterion id (a column per criterion)
    heads: dict[int, str]  # column index -> heading as the file shows it
    where: dict[str, str]  # field -> the column as a message names it ('C (Tổng điểm)')

    @property
    def long(self) -> bool:
        """The long shape: one row per unit and criterion."""
        return "criterion_id" in self.fields

    def named(self, c: int) -> str:
        return column_name(c + 1, self.heads.get(c))


@dataclass
class _Reading:
    """What the row loop has gathered so far."""

    target: _Target
    layout: _Layout
    matcher: UnitMatcher
    results: dict[str, dict] = field(default_factory=dict)
    scores: dict[tuple[str, str], dict] = field(default_factory=dict)
    first_row: dict[object, int] = field(default_factory=dict)
    new_units: dict[str, dict] = field(default_factory=dict)


def _target(options: Options, db: dict[str, pd.DataFrame], problems: list) -> _Target | None:
    """The options checked against the database: a known group, one jurisdiction, its criteria set."""
    if options.group not in GROUPS:
        problems.append(ImportProblem(None, None, "bad_choice", {"value": options.group, "allowed": ", ".join(GROUPS)}))
        return None
    jurisdiction = options.jurisdiction or _home(db, options.group)
    if jurisdiction is None:  # the group's units are in several jurisdictions (or none): never a guess
        places = sorted(set(db["unit"].loc[db["unit"]["unit_group"] == options.group, "jurisdiction_id"]))
        problems.append(ImportProblem(None, None, "no_jurisdiction", {"places": ", ".join(places) or "-"}))
        return None
    known_jurisdiction = jurisdiction in set(db["jurisdiction"]["jurisdiction_id"])
    if not known_jurisdiction and not options.create_units:
        problems.append(ImportProblem(None, None, "unknown_jurisdiction", {"value": jurisdiction}))
        return None
    existing = db["assessment"][
        (db["assessment"]["jurisdiction_id"] == jurisdiction)
        & (db["assessment"]["year"] == options.year)
        & (db["assessment"]["unit_group"] == options.group)
    ]
    old = existing.iloc[0] if len(existing) else None
    framework_id, max_total = _framework(db, old, options.year)
    criteria = db["criterion"][db["criterion"]["framework_id"] == framework_id].set_index("criterion_id")
    return _Target(jurisdiction, known_jurisdiction, old, framework_id, max_total, criteria)


def _layout(grids: list[Grid], options: Options, target: _Target, result: Plan) -> _Layout | None:
    """The header found and its columns sorted into fields, criterion columns and ignored ones."""
    problems = result.problems
    table = _find_table(grids, set(target.criteria.index))
    if table is None:
        problems.append(ImportProblem(None, None, "no_header"))
        return None
    grid, header_row, columns, data_start = table
    problems += _title_year(grid, header_row, options.year)
    fields = {f: c for c, f in columns.items() if f and not f.startswith("criterion:")}
    wide = {c: f.split(":", 1)[1] for c, f in columns.items() if f and f.startswith("criterion:")}
    heads = _heading_texts(grid, header_row, data_start)
    result.ignored = [
        column_name(c + 1, h)
        for c, h in heads.items()
        if columns.get(c) is None and h and headings.field_of(h) != "skip"
    ]  # STT is meant to go
    coded = {c: h for c, h in heads.items() if columns.get(c) is None and headings.looks_like_criterion(h)}
    if (wide or "criterion_id" in fields or coded) and target.framework_id is None:  # once, not per column
        problems.append(ImportProblem(header_row, None, "no_framework", {"year": options.year}))
        return None
    for c, heading in coded.items():
        problems.append(
            ImportProblem(
                header_row,
                column_name(c + 1, heading),
                "unknown_criterion",
                {"value": heading, "framework": target.framework_id},
            )
        )
    if not (set(fields) & set(SCORE_FIELDS)) and not wide:
        problems.append(ImportProblem(header_row, None, "no_scores"))
        return None
    where = {f: column_name(c + 1, heads.get(c)) for f, c in fields.items()}
    layout = _Layout(grid, header_row, data_start, fields, wide, heads, where)
    result.columns = {**where, **{f"criterion:{criterion}": layout.named(c) for c, criterion in wide.items()}}
    return layout


def _read_row(reading: _Reading, index: int, options: Options, result: Plan) -> None:
    """One data row: skipped (empty, a title or a mean row), refused, or read in its shape."""
    layout, problems = reading.layout, result.problems
    row_no = index + 1
    cells = layout.grid.rows[index]

    def cell(c):
        return cells[c] if c is not None and c < len(cells) else None

    fields, where = layout.fields, layout.where
    for (r, c), formula in layout.grid.formulas.items():
        if r == row_no:
            problems.append(
                ImportProblem(row_no, column_name(c, layout.heads.get(c - 1)), "formula", {"formula": formula})
            )
    raw_unit = cell(fields.get("unit"))
    raw_id = cell(fields.get("unit_id"))
    score_cells = [cell(c) for f, c in fields.items() if f in SCORE_FIELDS] + [cell(c) for c in layout.wide]
    if all(v is None or str(v).strip() == "" for v in [raw_unit, raw_id, *score_cells]):
        return  # an empty row (trailing rows, spacing)
    name = " ".join(str(raw_unit).split()) if raw_unit is not None else ""
    if _SUMMARY_ROW.match(headings.fold(name)) or all(v is None or str(v).strip() in ("", name) for v in score_cells):
        result.skipped.append(row_no)  # a section title, a mean or total row, a signature line
        return
    result.rows += 1
    unit_id = _unit(raw_id, name, reading.matcher, options, reading.new_units, row_no, where, problems)
    if unit_id is None:
        return
    numbers = {
        f: _number(cell(fields[f]), row_no, where[f], problems)
        for f in ("total", "pct", "self", "appraised", "survey", "points")
        if f in fields
    }
    rank = _rank(cell(fields.get("rank")), row_no, where.get("rank"), problems) if "rank" in fields else None
    tier = str(cell(fields.get("tier"))).strip() if cell(fields.get("tier")) is not None else None
    provenance = str(cell(fields.get("provenance")) or "published").strip()
    if provenance not in ("published", "illustrative"):
        problems.append(
            ImportProblem(
                row_no,
                where.get("provenance"),
                "bad_choice",
                {"value": provenance, "allowed": "published, illustrative"},
            )
        )
    row = _Row(row_no, unit_id, name, numbers, rank, tier, provenance, cell)
    if layout.long:
        _read_long_row(reading, row, problems)
    elif unit_id in reading.first_row:
        problems.append(
            ImportProblem(
                row_no,
                where.get("unit") or where.get("unit_id"),
                "duplicate_unit",
                {"value": name or raw_id, "first": reading.first_row[unit_id]},
            )
        )
    else:
        _read_unit_row(reading, row, problems)


@dataclass(frozen=True)
class _Row:
    """A data row once its unit is known: what both shapes read from it."""

    row_no: int
    unit_id: str
    name: str
    numbers: dict[str, Decimal | None]
    rank: int | None
    tier: str | None
    provenance: str
    cell: Callable[[int | None], object]


def _read_long_row(reading: _Reading, row: _Row, problems: list) -> None:
    """The long shape: one criterion's points for one unit; the unit's total is summed later."""
    target, where, numbers = reading.target, reading.layout.where, row.numbers
    criterion = str(row.cell(reading.layout.fields["criterion_id"]) or "").strip()
    value = numbers.get("points", numbers.get("appraised", numbers.get("total")))
    points_column = where.get("points") or where.get("appraised") or where.get("total")
    key = (row.unit_id, criterion)
    if key in reading.first_row:
        problems.append(
            ImportProblem(
                row.row_no,
                where["criterion_id"],
                "duplicate_score",
                {"unit": row.name, "criterion": criterion, "first": reading.first_row[key]},
            )
        )
        return
    reading.first_row[key] = row.row_no
    if _criterion_ok(criterion, target.criteria, target.framework_id, row.row_no, where["criterion_id"], problems):
        maximum = target.criteria.loc[criterion, "max_points"]
        _bounded(value, maximum, row.row_no, points_column, problems)
        _bounded(numbers.get("self"), maximum, row.row_no, where.get("self"), problems)
        reading.scores[key] = {
            "unit_id": row.unit_id,
            "criterion_id": criterion,
            "final_points": value,
            "self_points": numbers.get("self"),
            "_row": row.row_no,
            "provenance": row.provenance,
        }
    reading.results.setdefault(
        row.unit_id, {"unit_id": row.unit_id, "_row": row.row_no, "_name": row.name, "provenance": row.provenance}
    )


def _read_unit_row(reading: _Reading, row: _Row, problems: list) -> None:
    """One unit's row: its total (or % of the maximum), parts, rank, tier and any criterion columns."""
    target, layout, numbers, row_no = reading.target, reading.layout, row.numbers, row.row_no
    fields, where = layout.fields, layout.where
    reading.first_row[row.unit_id] = row_no
    total = numbers.get("total")
    if total is None and numbers.get("pct") is not None:
        total = (numbers["pct"] * target.max_total / 100).quantize(Decimal("0.0001"))
    _bounded(total, target.max_total, row_no, where.get("total") or where.get("pct"), problems)
    for f in ("self", "appraised", "survey"):
        _bounded(numbers.get(f), target.max_total, row_no, where.get(f), problems)
    leaves = Decimal(0)
    for c, criterion in layout.wide.items():
        value = _number(row.cell(c), row_no, layout.named(c), problems)
        if value is None:
            continue
        if _criterion_ok(criterion, target.criteria, target.framework_id, row_no, layout.named(c), problems):
            _bounded(value, target.criteria.loc[criterion, "max_points"], row_no, layout.named(c), problems)
            reading.scores[(row.unit_id, criterion)] = {
                "unit_id": row.unit_id,
                "criterion_id": criterion,
                "final_points": value,
                "self_points": None,
                "_row": row_no,
                "provenance": row.provenance,
            }
            leaves += value
    if layout.wide and total is None:
        total = leaves
    elif layout.wide and total is not None and abs(leaves - total) > TOLERANCE:
        problems.append(
            ImportProblem(row_no, where.get("total"), "sum_mismatch", {"total": plain(total), "leaves": plain(leaves)})
        )
    appraised, survey = numbers.get("appraised"), numbers.get("survey")
    if (
        total is not None
        and appraised is not None
        and survey is not None
        and abs(appraised + survey - total) > TOLERANCE
    ):
        problems.append(
            ImportProblem(
                row_no,
                where.get("total"),
                "parts_mismatch",
                {"total": plain(total), "parts": plain(appraised + survey)},
            )
        )
    reading.results[row.unit_id] = {
        "unit_id": row.unit_id,
        "total": total,
        "self_total": numbers.get("self"),
        "appraised": appraised,
        "survey": survey,
        "published_rank": row.rank,
        "_row": row_no,
        "_name": row.name,
        "published_tier": row.tier,
        "provenance": row.provenance,
        "derived": str(row.cell(fields.get("derived"))).lower() in ("true", "1"),
        **{f: row.cell(fields[f]) for f in PASSED_ON if f in fields},
    }


def _sum_long_totals(reading: _Reading, problems: list) -> None:
    """The long shape's totals: the sums of each unit's leaves, checked against the maximum."""
    for (unit_id, _), score in reading.scores.items():
        row = reading.results[unit_id]
        row["total"] = (row.get("total") or Decimal(0)) + (score["final_points"] or Decimal(0))
        if score["self_points"] is not None:
            row["self_total"] = (row.get("self_total") or Decimal(0)) + score["self_points"]
    for row in reading.results.values():
        _bounded(row.get("total"), reading.target.max_total, row["_row"], reading.layout.where.get("points"), problems)


def _settle(file_name: str, options: Options, db, target: _Target, reading: _Reading, result: Plan) -> None:
    """What the import would replace and change (the preview's diff), and the rows to write when nothing
    stands in the way."""
    problems, layout, old, results = result.problems, reading.layout, target.old, reading.results
    if not results and not problems:
        problems.append(ImportProblem(layout.data_start + 1, None, "no_rows"))
    has_results = old is not None and (db["result"]["assessment_id"] == old["assessment_id"]).any()
    if has_results and not options.replace:
        problems.append(ImportProblem(None, None, "exists", {"year": options.year, **group_values(options.group)}))
    assessment_id = old["assessment_id"] if old is not None else f"{target.jurisdiction}-{options.year}-{options.group}"
    result.assessment_id = assessment_id
    result.replaces = bool(has_results)
    result.new_units = [u["name_vi"] for u in reading.new_units.values()]
    result.unit_rows = {unit_id: (r["_row"], r["_name"] or unit_id) for unit_id, r in results.items()}
    result.diff = _diff(db, assessment_id, results)
    if problems:
        return
    import_id = int(max(db["import_log"]["import_id"], default=0)) + 1
    stored_max = old["max_total"] if old is not None else target.max_total  # a replacement keeps the scale
    fields = layout.fields
    ranked_only = (
        "rank" in fields and "total" not in fields and "pct" not in fields and not layout.wide and not layout.long
    )
    stamp = _Stamp(options, target.jurisdiction, assessment_id, f"import-{import_id}", file_name, import_id)
    result.frames = _frames(stamp, db, reading, stored_max, ranked=ranked_only)


def _home(db, group: str) -> str | None:
    units = db["unit"]
    return facts.home(units.loc[units["unit_group"] == group, "jurisdiction_id"])


def _framework(db, old, year: int) -> tuple[str | None, Decimal]:
    if old is not None:  # a replacement keeps the assessment's criteria set, or its lack of one
        framework_id = old["framework_id"] if isinstance(old["framework_id"], str) else None
    else:
        fw = db["framework"]
        fits = fw[(fw["first_year"].fillna(0) <= year) & (fw["last_year"].fillna(9999) >= year)]
        framework_id = fits["framework_id"].iat[0] if len(fits) == 1 else None
    if old is not None and old["max_total"] is not None and not pd.isna(old["max_total"]):
        return framework_id, Decimal(old["max_total"])
    fw = db["framework"].set_index("framework_id")
    if framework_id is not None and fw.loc[framework_id, "max_total"] is not None:
        return framework_id, Decimal(fw.loc[framework_id, "max_total"])
    return framework_id, Decimal(100)


def _find_table(grids: list[Grid], criteria: set[str]):
    """The first sheet with a header row naming a unit column: (grid, header row number, {column: field},
    index of the first data row). A second header row under merged cells names the columns below."""
    for grid in grids:
        for i, row in enumerate(grid.rows[:HEADER_SEARCH]):
            if not any(headings.field_of(str(v)) in ("unit", "unit_id") for v in row if v is not None):
                continue
            data_start = i + 1
            below = grid.rows[i + 1] if i + 1 < len(grid.rows) else []
            texts = [v for v in below if v is not None]
            unit_col = next(
                j for j, v in enumerate(row) if v is not None and headings.field_of(str(v)) in ("unit", "unit_id")
            )
            under_unit = below[unit_col] if unit_col < len(below) else None
            # a second header row: text only, and nothing under the unit heading but the merged heading itself
            if (
                texts
                and all(isinstance(v, str) and not _numeric(v) for v in texts)
                and under_unit in (None, row[unit_col])
            ):
                data_start = i + 2  # a two-row header (merged cells above)
            grid_heads = _heading_texts(grid, i + 1, data_start)
            columns = {}
            for c, heading in grid_heads.items():
                child = grid.rows[data_start - 1][c] if data_start == i + 2 and c < len(below) else None
                parent = row[c] if c < len(row) else None
                found = headings.field_of(str(child), criteria) if child not in (None, parent) else None
                columns[c] = found or headings.field_of(heading, criteria)
            used = {}
            for c, f in list(columns.items()):  # the first column of a field wins (merged cells repeat)
                if f in used and f not in (None, "skip"):
                    columns[c] = None
                used.setdefault(f, c)
            columns = {c: (None if f == "skip" else f) for c, f in columns.items()}
            return grid, i + 1, columns, data_start
    return None


def _heading_texts(grid: Grid, header_row: int, data_start: int) -> dict[int, str]:
    """Column index -> its heading as the file shows it (both header rows where there are two)."""
    row = grid.rows[header_row - 1]
    below = grid.rows[header_row] if data_start == header_row + 1 and header_row < len(grid.rows) else []
    texts = {}
    for c in range(max(len(row), len(below))):
        parent = row[c] if c < len(row) else None
        child = below[c] if c < len(below) else None
        parts = [str(p).strip() for p in (parent, child if child != parent else None) if p not in (None, "")]
        texts[c] = " ".join(parts)
    return texts


def _title_year(grid: Grid, header_row: int, year: int) -> list[ImportProblem]:
    found = []
    for i, row in enumerate(grid.rows[: header_row - 1]):
        for c, value in enumerate(row):
            if isinstance(value, str):
                for match in _YEAR_IN_TITLE.finditer(headings.fold(value)):
                    found.append((i + 1, c + 1, int(match.group(1) or match.group(2))))
    if not found or any(y == year for _, _, y in found):
        return []
    r, c, y = found[0]
    return [ImportProblem(r, column_name(c), "wrong_year", {"found": y, "year": year})]


def _numeric(value) -> bool:
    try:
        return _number_or_none(value) is not None
    except (ValueError, ArithmeticError):
        return False


def _number_or_none(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        text = repr(value)
    else:
        text = str(value).replace("\u00a0", "").replace(" ", "").rstrip("%").strip()
        if text in ("", "-", "—", "–"):
            return None
        if "," in text and "." in text:  # 1.234,5 or 1,234.5: the last one is the decimal mark
            text = (
                text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
            )
        else:
            text = text.replace(",", ".")
    number = _to_decimal(text)  # the dataset's rule: a finite decimal, else ValueError
    # Excel's floats (89.28000000000001) to the database's 4 places; 89.28 stays as written
    return number.quantize(Decimal("0.0001")) if number.as_tuple().exponent < -4 else number


def plain(value) -> str:
    """89.2500 -> '89.25', 100 -> '100' (never '1E+2')."""
    return format(Decimal(value).normalize(), "f")


def _number(value, row: int, column: str, problems: list) -> Decimal | None:
    try:
        number = _number_or_none(value)
    except (ValueError, ArithmeticError):
        problems.append(ImportProblem(row, column, "not_number", {"value": str(value)[:40]}))
        return None
    if number is not None and number < 0:
        problems.append(ImportProblem(row, column, "negative", {"value": plain(number)}))
    return number


def _rank(value, row: int, column: str | None, problems: list) -> int | None:
    try:
        number = _number_or_none(value)
    except (ValueError, ArithmeticError):
        number = Decimal(-1)
    if number is None:
        return None
    if number < 1 or number != number.to_integral_value():
        problems.append(ImportProblem(row, column, "not_rank", {"value": str(value)[:40]}))
        return None
    return int(number)


def _bounded(value, maximum, row: int, column: str | None, problems: list) -> None:
    if value is not None and maximum is not None and value > Decimal(maximum):
        problems.append(ImportProblem(row, column, "above_max", {"value": plain(value), "maximum": plain(maximum)}))


def _criterion_ok(criterion, criteria, framework_id, row, column, problems) -> bool:
    if criterion not in criteria.index:
        problems.append(
            ImportProblem(row, column, "unknown_criterion", {"value": criterion, "framework": framework_id})
        )
        return False
    level = criteria.loc[criterion, "level"]
    if level != "sub":
        problems.append(
            ImportProblem(
                row,
                column,
                "not_leaf",
                {
                    "value": criterion,
                    "level": {"area": "lĩnh vực", "criterion": "tiêu chí"}.get(level, level),
                    "level_en": level,
                },
            )
        )
        return False
    return True


def _unit(raw_id, name, matcher: UnitMatcher, options: Options, new_units: dict, row_no, where, problems):
    code = "" if raw_id is None else str(raw_id).strip()
    if code in matcher.units.index:
        return code
    here = {**group_values(options.group), **dict(zip(("place_vi", "place_en"), matcher.place()))}
    if code:  # a code is the unit's own id, of this jurisdiction and group: never another's
        if code in matcher.everywhere.index:
            owner = matcher.everywhere.loc[code]
            owner_group = group_values(owner["unit_group"])
            owner_vi, owner_en = matcher.place(owner["jurisdiction_id"])
            problems.append(
                ImportProblem(
                    row_no,
                    where.get("unit_id"),
                    "unit_id_elsewhere",
                    {
                        "value": code,
                        "unit": owner["name_vi"],
                        "owner_group": owner_group["group"],
                        "owner_group_en": owner_group["group_en"],
                        "owner_vi": owner_vi,
                        "owner_en": owner_en,
                        **here,
                    },
                )
            )
        else:
            problems.append(ImportProblem(row_no, where.get("unit_id"), "unknown_unit_id", {"value": code, **here}))
        return None
    if formula_like(name):  # '=1+2 Sở A' would be a formula in every spreadsheet that lists it
        problems.append(ImportProblem(row_no, where.get("unit"), "formula_name", {"value": name}))
        return None
    if not name:
        problems.append(ImportProblem(row_no, where.get("unit") or where.get("unit_id"), "missing_unit"))
        return None
    found = matcher.match(name)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        problems.append(
            ImportProblem(row_no, where.get("unit"), "ambiguous_unit", {"value": name, "units": ", ".join(found)})
        )
        return None
    if options.create_units:
        unit_id = matcher.new_id(name, new_units)
        new_units.setdefault(unit_id, {"unit_id": unit_id, "name_vi": name})
        return unit_id
    close = matcher.suggestions(name)
    problems.append(
        ImportProblem(
            row_no,
            where.get("unit"),
            "unknown_unit",
            {
                "value": name,
                **here,
                "suggest_vi": f"; có phải: {'; '.join(close)}?" if close else "",
                "suggest_en": f"; did you mean: {'; '.join(close)}?" if close else "",
            },
        )
    )
    return None


def _diff(db, assessment_id: str, results: dict[str, dict]) -> dict[str, list]:
    stored = db["result"][db["result"]["assessment_id"] == assessment_id]
    before = {u: (n, t) for u, n, t in zip(stored["unit_id"], stored["name_vi"], stored["total"])}
    names = dict(zip(db["unit"]["unit_id"], db["unit"]["name_vi"]))  # as the dashboard names them
    added = [names.get(u) or r.get("_name") or u for u, r in results.items() if u not in before]
    removed = [before[u][0] for u in before if u not in results]
    changed = []
    for unit_id, row in results.items():
        if unit_id in before:
            old_total, new_total = before[unit_id][1], row.get("total")
            old_total = None if old_total is None or pd.isna(old_total) else Decimal(old_total)
            if (old_total is None) != (new_total is None) or (
                old_total is not None and abs(old_total - new_total) > TOLERANCE / 2
            ):
                changed.append((before[unit_id][0], old_total, new_total))
    return {"added": added, "removed": removed, "changed": changed}


@dataclass(frozen=True)
class _Stamp:
    """What every row an import writes shares: its assessment, its source and the import itself."""

    options: Options
    jurisdiction: str
    assessment_id: str
    source_id: str
    file_name: str
    import_id: int

    @property
    def tag(self) -> dict:
        return {"_file": self.file_name, "import_id": self.import_id}


def _frames(stamp: _Stamp, db, reading: _Reading, max_total, ranked: bool) -> dict[str, pd.DataFrame]:
    """The rows to write, shaped like the dataset's tables (so the build validates them by its rules)."""
    target = reading.target
    frames = {
        "source": [_source_row(stamp, db, target.known_jurisdiction)],
        "assessment": [_assessment_row(stamp, target.framework_id, max_total, len(reading.results), ranked)],
        "result": [_result_row(stamp, r) for r in reading.results.values()],
        "score": [{"assessment_id": stamp.assessment_id, **s, **stamp.tag} for s in reading.scores.values()],
        "unit": [_unit_row(stamp, u["unit_id"], u["name_vi"]) for u in reading.new_units.values()],
        "jurisdiction": [] if target.known_jurisdiction else [_jurisdiction_row(stamp)],
    }
    return {name: pd.DataFrame(rows, dtype=object) for name, rows in frames.items()}


def _source_row(stamp: _Stamp, db, known_jurisdiction: bool) -> dict:
    """The file itself as the source of the numbers, published by the province's People's Committee."""
    place_vi = place_en = stamp.jurisdiction  # a province the database does not know yet: its id
    if known_jurisdiction:
        place_vi, place_en = (
            db["jurisdiction"].set_index("jurisdiction_id").loc[stamp.jurisdiction, ["name_vi", "name_en"]]
        )
    return {
        "source_id": stamp.source_id,
        "publisher_vi": f"UBND {place_vi}",
        "publisher_en": f"{place_en} People's Committee",
        "document_no": None,
        "title": stamp.file_name,
        "url": None,
        "provenance": "published",
        "_row": None,
        **stamp.tag,
    }


def _assessment_row(stamp: _Stamp, framework_id, max_total, n_units: int, ranked: bool) -> dict:
    """The year's assessment; its ranks are the file's own when the file gives ranks and no scores."""
    return {
        "assessment_id": stamp.assessment_id,
        "jurisdiction_id": stamp.jurisdiction,
        "year": stamp.options.year,
        "unit_group": stamp.options.group,
        "framework_id": framework_id,
        "max_total": max_total,
        "n_units": n_units,
        "ranking": "published" if ranked else "computed",
        "status": stamp.options.status,
        "decision_no": None,
        "decision_date": None,
        "source_id": stamp.source_id,
        "note_vi": None,
        "note_en": None,
        "_row": None,
        **stamp.tag,
    }


def _result_row(stamp: _Stamp, read: dict) -> dict:
    """One unit's result: what the file gave, NULL where it gave nothing (never 0)."""
    return {
        "assessment_id": stamp.assessment_id,
        "unit_id": read["unit_id"],
        **{name: read.get(name) for name in ("total", "self_total", "appraised", "survey", "published_rank")},
        "published_tier": read.get("published_tier"),
        "derived": read.get("derived", False),
        "provenance": read.get("provenance", "published"),
        "source_id": read.get("source_id") or stamp.source_id,
        "note_vi": read.get("note_vi"),
        "note_en": read.get("note_en"),
        "_row": read["_row"],
        **stamp.tag,
    }


def _unit_row(stamp: _Stamp, unit_id: str, name: str) -> dict:
    """A unit the file names and the database does not know (created on request), named as written."""
    return {
        "unit_id": unit_id,
        "jurisdiction_id": stamp.jurisdiction,
        "unit_group": stamp.options.group,
        **{column: name for column in ("name_vi", "name_en", "short_vi", "short_en")},
        "first_year": stamp.options.year,
        "last_year": None,
        "_row": None,
        **stamp.tag,
    }


def _jurisdiction_row(stamp: _Stamp) -> dict:
    """A province the database does not know, named by its id until an editor names it."""
    return {
        "jurisdiction_id": stamp.jurisdiction,
        "name_vi": stamp.jurisdiction,
        "name_en": stamp.jurisdiction,
        "level": "province",
        "_row": None,
        **stamp.tag,
    }
