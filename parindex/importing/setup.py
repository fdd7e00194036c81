"""Set up a year: its criteria set, tier bands and unit changes, from the workbook an editor has.

The steps run in order (`plan_setup`): read the sheets (parindex.importing.setup_sheets), check
the options against what is stored, then the criteria tree, the tier bands and the unit changes,
each problem with its sheet, row and column; only a file without problems gives rows. The rows
are dataset-shaped, carry the set-up's import_id and are committed like an import: a new
database file built with them (parindex.build), swapped in, logged (action 'setup'). The year's
assessment is created (or kept, with its results) as a draft or published; its results are then
imported as usual, and every page shows the year with its own criteria and bands.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pandas as pd

from parindex import facts
from parindex.cells import formula_like
from parindex.dataset import GROUPS, TOLERANCE
from parindex.importing import headings, stored
from parindex.importing.commit import commit_planned
from parindex.importing.messages import ImportProblem, ImportRefused, group_values
from parindex.importing.plan import STORED, YearOptions, plain
from parindex.importing.setup_sheets import (
    Cell,
    Part,
    SetupBook,
    a_date,
    at,
    criterion_code,
    number,
    read_workbook,
    yes_no,
)
from parindex.importing.setup_workbook import KIND_WORDS
from parindex.importing.sheet import Grid, read_grids
from parindex.importing.units import UnitMatcher, slug
from parindex.names import name_key
from parindex.overlay import REPLACES

KINDS = {  # folded words an editor writes -> the lineage kind ('new' and 'alias' add, end nothing)
    "new": ("thanh lap moi", "thanh lap", "moi", "new"),
    "rename": ("doi ten", "rename"),
    "merge": ("hop nhat", "sap nhap", "merge"),
    "split": ("chia tach", "tach", "split"),
    "abolish": ("giai the", "bai bo", "cham dut", "abolish"),
    "move": ("chuyen khoi", "move"),
    "alias": ("ten goi khac", "alias"),
}
_UNIT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SetupOptions(YearOptions):
    """A set-up takes the options every change to a year takes (its units come from its own sheet)."""


@dataclass
class SetupPlan:
    """What setting up the year would write; empty `problems` means it may be committed."""

    options: SetupOptions
    problems: list[ImportProblem] = field(default_factory=list)
    frames: dict = field(default_factory=dict)
    assessment_id: str | None = None
    framework_id: str | None = None
    max_total: Decimal | None = None
    replaces: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    diff: dict[str, list] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows(self) -> int:
        """What the import log counts of a set-up: the criteria, tiers, units, changes and aliases it writes."""
        return sum(self.counts.values())


def snapshot(db_path: Path, options: SetupOptions) -> dict[str, pd.DataFrame]:
    """The tables a set-up is checked against, from the file as it is now (drafts included); of
    results and scores only the year's (a national database holds millions of scores)."""
    return stored.read(
        db_path,
        {
            **STORED,
            "unit_lineage": "unit_lineage",
            "tier": "tier",
            "result": "year_result",
            "score": "year_score",
        },
        year=options.year,
        group=options.group,
        jurisdiction=options.jurisdiction,
    )


def preview(file_name: str, data: bytes, options: SetupOptions, db_path: Path) -> SetupPlan:
    """What setting up the year from the file would do, with every problem; changes nothing."""
    try:
        grids = read_grids(file_name, data)
    except ImportRefused as refused:
        return SetupPlan(options, problems=refused.problems)
    return plan_setup(file_name, grids, options, snapshot(db_path, options))


def setup_year(
    file_name: str, data: bytes, options: SetupOptions, db_path: Path, editor: str, data_dir: Path | None = None
) -> SetupPlan:
    """Set the year up, or raise ImportRefused listing every problem (the database unchanged)."""
    return setup_from_grids(
        file_name,
        lambda: read_grids(file_name, data),
        options,
        db_path,
        editor,
        data_dir,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def setup_from_grids(
    file_name: str,
    grids: Callable[[], list[Grid]],
    options: SetupOptions,
    db_path: Path,
    editor: str,
    data_dir: Path | None = None,
    sha256: str | None = None,
) -> SetupPlan:
    """setup_year for sheets already read (a backup's): planned again once no other build can start."""
    return commit_planned(
        lambda: plan_setup(file_name, grids(), options, snapshot(db_path, options)),
        "setup",
        file_name=file_name,
        sha256=sha256,
        editor=editor,
        db_path=db_path,
        data_dir=data_dir,
        at_rows=False,
    )


# --- the steps, in the order they run ----------------------------------------------------------


@dataclass
class _Context:
    """What every step needs: the options resolved, the stored tables, the problems so far."""

    options: SetupOptions
    jurisdiction: str
    db: dict[str, pd.DataFrame]
    problems: list[ImportProblem]
    import_id: int
    replaced_imports: list[int]
    existing: pd.Series | None


def plan_setup(file_name: str, grids, options: SetupOptions, db: dict[str, pd.DataFrame]) -> SetupPlan:
    result = SetupPlan(options)
    ctx = _context(options, db, result.problems)
    if ctx is None:
        return result
    book = read_workbook(grids, result.problems)
    if not (book.criteria or book.tiers or book.changes or "reuses" in book.settings):
        result.problems.append(ImportProblem(None, None, "setup_nothing"))
        return result
    _check_settings(book, ctx)
    framework_id, criteria, max_total = _criteria(book, ctx)
    tiers = _tiers(book.tiers, max_total, ctx) if book.tiers else []
    units, lineage, aliases = _changes(book.changes, ctx) if book.changes else ([], [], [])
    result.assessment_id = (
        ctx.existing["assessment_id"]
        if ctx.existing is not None
        else f"{ctx.jurisdiction}-{options.year}-{options.group}"
    )
    result.framework_id, result.max_total, result.replaces = framework_id, max_total, ctx.existing is not None
    result.counts = {
        "criteria": len(criteria),
        "tiers": len(tiers),
        "units": len(units),
        "changes": len(lineage),
        "aliases": len(aliases),
    }
    if result.problems:
        return result
    result.diff = _diff(ctx, criteria, max_total, tiers, units, lineage)
    result.frames = _frames(file_name, book, ctx, result, criteria, tiers, units, lineage, aliases)
    return result


def _context(options: SetupOptions, db, problems) -> _Context | None:
    if options.group not in GROUPS:
        problems.append(ImportProblem(None, None, "bad_choice", {"value": options.group, "allowed": ", ".join(GROUPS)}))
        return None
    places = db["jurisdiction"]
    known = set(places["jurisdiction_id"])
    jurisdiction = options.jurisdiction or facts.home(places.loc[places["level"] == "province", "jurisdiction_id"])
    if jurisdiction not in known:
        problems.append(ImportProblem(None, None, "unknown_jurisdiction", {"value": jurisdiction or "—"}))
        return None
    assessments = db["assessment"]
    found = assessments[
        (assessments["jurisdiction_id"] == jurisdiction)
        & (assessments["year"] == options.year)
        & (assessments["unit_group"] == options.group)
    ]
    log = db["import_log"]
    replaced = log[
        (log["action"] == "setup")
        & (log["jurisdiction_id"] == jurisdiction)
        & (log["year"] == options.year)
        & (log["unit_group"] == options.group)
    ]["import_id"]
    existing = found.iloc[0] if len(found) else None
    if (existing is not None or len(replaced)) and not options.replace:
        problems.append(
            ImportProblem(None, None, "setup_exists", {"year": options.year, **group_values(options.group)})
        )
        return None
    import_id = int(max(log["import_id"], default=0)) + 1
    return _Context(options, jurisdiction, db, problems, import_id, [int(i) for i in replaced], existing)


def _check_settings(book: SetupBook, ctx: _Context) -> None:
    provenance = book.settings.get("provenance")
    if provenance is not None and provenance.value not in ("published", "illustrative"):
        ctx.problems.append(at(provenance, "bad_choice", value=provenance.value, allowed="published, illustrative"))
    for name, expected in (("year", str(ctx.options.year)), ("group", ctx.options.group)):
        cell = book.settings.get(name)
        if (
            cell is not None
            and headings.fold(cell.value) != headings.fold(expected)
            and not (name == "group" and _group(cell.value) == expected)
        ):
            ctx.problems.append(at(cell, "setup_year_mismatch", found=cell.value, expected=expected))


def _group(text) -> str | None:
    folded = headings.fold(text or "")
    words = {
        "department": ("so ban nganh", "khoi so ban nganh", "department", "so"),
        "district": ("huyen", "khoi huyen", "district", "huyen thi xa thanh pho"),
        "commune": ("xa", "xa phuong", "khoi xa phuong", "commune"),
        "province": ("tinh", "province"),
    }
    return next((g for g, names in words.items() if folded in names or folded == g), None)


# --- criteria ----------------------------------------------------------------------------------


def _criteria(book: SetupBook, ctx: _Context) -> tuple[str | None, list[dict], Decimal | None]:
    """(framework id, criterion rows, the maximum total): a new set, a reused one, or none."""
    reuses = book.settings.get("reuses")
    stated = book.settings.get("max_total") or (book.criteria.stated_total if book.criteria else None)
    if reuses is not None:
        if book.criteria and book.criteria.rows:
            ctx.problems.append(at(reuses, "setup_reuse_and_rows", value=reuses.value))
        return _reused(reuses, ctx)
    if not book.criteria or not book.criteria.rows:
        kept = ctx.existing
        if kept is not None and isinstance(kept["framework_id"], str):  # set up again: the set stays
            return kept["framework_id"], _carried_set(kept["framework_id"], ctx), Decimal(kept["max_total"])
        total = number(stated, ctx.problems) if stated else None
        return None, [], total if total is not None else Decimal(100)
    framework_id = _framework_id(book, ctx)
    rows = _criterion_rows(book.criteria, ctx, framework_id)
    total = sum((r["max_points"] for r in rows if r["level"] == "area"), Decimal(0))
    if stated is not None:
        value = number(stated, ctx.problems)
        if value is not None and abs(value - total) > TOLERANCE:
            ctx.problems.append(at(stated, "setup_total", value=plain(value), sum=plain(total)))
    return framework_id, rows, total


def _carried_set(framework_id: str, ctx: _Context) -> list[dict]:
    """The rows of a set the year's earlier set-up made, written again (that set-up is replaced)."""
    fw = ctx.db["framework"]
    if not fw[(fw["framework_id"] == framework_id) & fw["import_id"].isin(ctx.replaced_imports)].size:
        return []
    c = ctx.db["criterion"]
    return c[c["framework_id"] == framework_id].to_dict("records")


def _reused(cell: Cell, ctx: _Context) -> tuple[str | None, list[dict], Decimal | None]:
    """A set named by its id, or by a year whose assessment of the same group used it."""
    frameworks = ctx.db["framework"].set_index("framework_id")
    framework_id = cell.value if cell.value in frameworks.index else None
    if framework_id is None and str(cell.value).isdigit():
        a = ctx.db["assessment"]
        used = a[
            (a["jurisdiction_id"] == ctx.jurisdiction)
            & (a["unit_group"] == ctx.options.group)
            & (a["year"] == int(cell.value))
            & a["framework_id"].notna()
        ]
        framework_id = used["framework_id"].iat[0] if len(used) else None
    if framework_id is None:
        ctx.problems.append(at(cell, "setup_reuse_unknown", value=cell.value))
        return None, [], None
    return framework_id, [], Decimal(frameworks.loc[framework_id, "max_total"])


def _framework_id(book: SetupBook, ctx: _Context) -> str:
    cell = book.settings.get("framework_id")
    framework_id = cell.value if cell else f"{ctx.jurisdiction}-{ctx.options.year}-{ctx.options.group}"
    frameworks = ctx.db["framework"]
    taken = frameworks[
        (frameworks["framework_id"] == framework_id) & ~frameworks["import_id"].isin(ctx.replaced_imports)
    ]
    if len(taken):
        ctx.problems.append(
            at(cell, "setup_framework_taken", value=framework_id)
            if cell
            else ImportProblem(None, None, "setup_framework_taken", {"value": framework_id})
        )
    return framework_id


def _criterion_rows(part: Part, ctx: _Context, framework_id: str) -> list[dict]:
    problems = ctx.problems
    roman = any((criterion_code(str(r["code"].value)) or ("",))[0] == "roman" for r in part.rows if r["code"].value)
    nodes: dict[str, dict] = {}
    area = None
    for row in part.rows:
        node = _node(row, roman, area, problems)
        if node is None:
            continue
        if node["level"] == "area":
            area = node["criterion_id"]
        if node["criterion_id"] in nodes:
            first = nodes[node["criterion_id"]]["_row"]
            problems.append(at(row["code"], "setup_duplicate_code", code=row["code"].value, first=first))
            continue
        nodes[node["criterion_id"]] = node
    known_areas = _known_areas(ctx.db["criterion"])
    for node in nodes.values():
        parent = nodes.get(node["parent_id"]) if node["parent_id"] else None
        if node["level"] != "area" and parent is None:
            problems.append(
                at(
                    node["_cell"],
                    "setup_no_parent",
                    code=node["_cell"].value,
                    parent=_printed(node["parent_id"], roman),
                )
            )
            continue
        if parent is not None:
            node["self_assessed"] = node["self_assessed"] if node["_survey_given"] else parent["self_assessed"]
            node["area_key"] = parent["area_key"]
            node["sort_order"] = sum(
                1 for n in nodes.values() if n["parent_id"] == parent["criterion_id"] and n["_row"] <= node["_row"]
            )
        elif not node["area_key"]:
            node["area_key"] = known_areas.get(headings.fold(node["name_vi"])) or slug(node["name_vi"])
    _check_tree(nodes, problems)
    keys: dict[str, dict] = {}
    for node in (n for n in nodes.values() if n["level"] == "area"):
        first = keys.setdefault(node["area_key"], node)
        if first is not node:
            problems.append(
                at(node["_cell"], "setup_area_key", code=node["_cell"].value, key=node["area_key"], first=first["_row"])
            )
    areas = [n for n in nodes.values() if n["level"] == "area"]
    for i, node in enumerate(areas, start=1):
        node["sort_order"] = i
    return [
        {k: v for k, v in n.items() if not k.startswith("_")} | {"framework_id": framework_id, "_row": n["_row"]}
        for n in nodes.values()
    ]


def _node(row: dict[str, Cell], roman: bool, area: str | None, problems) -> dict | None:
    code_cell = row["code"]
    if code_cell.value is None:
        problems.append(at(code_cell, "setup_required"))
        return None
    parsed = criterion_code(str(code_cell.value))
    if parsed is None:
        problems.append(at(code_cell, "setup_bad_code", code=code_cell.value))
        return None
    kind, parts = parsed
    depth = 0 if kind == "roman" else (len(parts) if roman else len(parts) - 1)
    if depth > 2:
        problems.append(at(code_cell, "setup_too_deep", code=code_cell.value))
        return None
    criterion_id = ".".join([area or "I", *parts]) if roman and kind == "arabic" else ".".join(parts)
    parent_id = None if depth == 0 else criterion_id.rsplit(".", 1)[0]
    if roman and kind == "arabic" and area is None:
        parent_id = "I"
    name = row["name_vi"].value
    if name is None:
        problems.append(at(row["name_vi"], "setup_required"))
        return None
    maximum = number(row["max_points"], problems) if row["max_points"].value is not None else None
    if maximum is None:
        if row["max_points"].value is None:
            problems.append(at(row["max_points"], "setup_required"))
        return None
    if maximum <= 0:
        problems.append(at(row["max_points"], "setup_positive", value=plain(maximum)))
        return None
    survey = row.get("survey")
    name_en = _value(row, "name_en") or name
    return {
        "criterion_id": criterion_id,
        "parent_id": parent_id,
        "level": ("area", "criterion", "sub")[depth],
        "area_key": _value(row, "area_key") if depth == 0 else None,
        "name_vi": name,
        "name_en": name_en,
        "short_vi": _value(row, "short_vi") or name,
        "short_en": _value(row, "short_en") or name_en,
        "max_points": maximum,
        "self_assessed": not yes_no(survey, problems),
        "sort_order": 1,
        "_survey_given": survey is not None and survey.value is not None,
        "_row": code_cell.row,
        "_cell": code_cell,
        "_max": row["max_points"],
    }


def _value(row: dict[str, Cell], name: str):
    cell = row.get(name)
    return cell.value if cell is not None else None


def _printed(criterion_id: str, roman: bool) -> str:
    """The code as the decision prints it: 'II.3' -> '3' under area II."""
    return criterion_id.split(".", 1)[1] if roman and "." in criterion_id else criterion_id


def _known_areas(criteria: pd.DataFrame) -> dict[str, str]:
    areas = criteria[criteria["level"] == "area"]
    return {headings.fold(n): k for n, k in zip(areas["name_vi"], areas["area_key"])}


def _check_tree(nodes: dict[str, dict], problems) -> None:
    for node in nodes.values():
        children = [n for n in nodes.values() if n["parent_id"] == node["criterion_id"]]
        if node["level"] != "sub" and not children:
            problems.append(
                at(
                    node["_cell"],
                    "setup_no_children",
                    code=node["_cell"].value,
                    level="lĩnh vực" if node["level"] == "area" else "tiêu chí",
                    level_en=node["level"],
                )
            )
        total = sum((c["max_points"] for c in children), Decimal(0))
        if children and abs(total - node["max_points"]) > TOLERANCE:
            problems.append(at(node["_max"], "setup_sum", value=plain(node["max_points"]), sum=plain(total)))


# --- tier bands --------------------------------------------------------------------------------


def _tiers(part: Part, max_total: Decimal | None, ctx: _Context) -> list[dict]:
    problems = ctx.problems
    bands, orders = [], {}
    for i, row in enumerate(part.rows, start=1):
        order_cell = row.get("tier_order")
        order = number(order_cell, problems) if order_cell and order_cell.value is not None else Decimal(i)
        if order is None:
            continue
        if order in orders:
            problems.append(at(order_cell, "setup_tier_order", value=order_cell.value, first=orders[order]))
            continue
        orders[order] = row["label_vi"].row
        if row["label_vi"].value is None:
            problems.append(at(row["label_vi"], "setup_required"))
            continue
        band = {
            "order": order,
            "row": row,
            "label": row["label_vi"].value,
            "lower": _bound(row.get("lower"), max_total, problems),
            "upper": _bound(row.get("upper"), max_total, problems),
            "lower_inclusive": yes_no(row.get("lower_inclusive"), problems, default=True),
            "upper_inclusive": yes_no(row.get("upper_inclusive"), problems, default=False),
        }
        if band["lower"] is not None and band["upper"] is not None and band["lower"] > band["upper"]:
            problems.append(
                at(row["lower"], "setup_tier_bounds", lower=plain(band["lower"]), upper=plain(band["upper"]))
            )
        bands.append(band)
    bands.sort(key=lambda b: b["order"])
    _check_bands(bands, max_total, problems)
    return [
        {
            "jurisdiction_id": ctx.jurisdiction,
            "year": ctx.options.year,
            "unit_group": ctx.options.group,
            "tier_order": i,
            "code": _value(b["row"], "code") or b["label"],
            "label_vi": b["label"],
            "label_en": _value(b["row"], "label_en") or b["label"],
            "min_points": b["lower"] if i < len(bands) else None,
            "min_inclusive": b["lower_inclusive"] if i < len(bands) else None,
            "_row": b["row"]["label_vi"].row,
        }
        for i, b in enumerate(bands, start=1)
    ]


def _bound(cell: Cell | None, max_total: Decimal | None, problems) -> Decimal | None:
    if cell is None or cell.value is None:
        return None
    value = number(cell, problems)
    if value is not None and (value < 0 or (max_total is not None and value > max_total)):
        problems.append(at(cell, "setup_tier_range", value=plain(value), maximum=plain(max_total or 0)))
    return value


def _check_bands(bands: list[dict], max_total: Decimal | None, problems) -> None:
    if not bands:
        return
    top, bottom = bands[0], bands[-1]
    if top["upper"] is not None and (max_total is None or top["upper"] != max_total or not top["upper_inclusive"]):
        problems.append(at(top["row"]["upper"], "setup_tier_top", maximum=plain(max_total or 0)))
    if bottom["lower"] not in (None, Decimal(0)):
        problems.append(at(bottom["row"]["lower"], "setup_tier_bottom"))
    for better, worse in pairwise(bands):
        if better["lower"] is None:
            problems.append(at(better["row"].get("lower") or better["row"]["label_vi"], "setup_required"))
            continue
        upper = worse["upper"] if worse["upper"] is not None else better["lower"]
        inclusive = worse["upper_inclusive"] if worse["upper"] is not None else not better["lower_inclusive"]
        cell = worse["row"].get("upper") or worse["row"]["label_vi"]
        values = {
            "label": better["label"],
            "lower": plain(better["lower"]),
            "next": worse["label"],
            "upper": plain(upper),
        }
        if upper < better["lower"] or (upper == better["lower"] and not inclusive and not better["lower_inclusive"]):
            problems.append(at(cell, "setup_tier_gap", **values))
        elif upper > better["lower"] or (inclusive and better["lower_inclusive"]):
            problems.append(at(cell, "setup_tier_overlap", **values))


# --- unit changes ------------------------------------------------------------------------------


def _changes(part: Part, ctx: _Context) -> tuple[list[dict], list[dict], list[dict]]:
    """(new units, lineage rows, alias rows) from the unit changes sheet."""
    changes = _Changes(ctx)
    for row in part.rows:
        changes.read(row)
    changes.check_names()
    changes.check_cycles()
    return list(changes.created.values()), changes.lineage, changes.aliases


class _Changes:
    """The unit changes read so far: units made, lines ended, aliases, and the checks across rows."""

    def __init__(self, ctx: _Context):
        self.ctx = ctx
        units = ctx.db["unit"]
        self.units = units[units["jurisdiction_id"] == ctx.jurisdiction].set_index("unit_id")
        self.matchers = {
            g: UnitMatcher(units, ctx.db["unit_alias"], ctx.jurisdiction, g, ctx.options.year) for g in GROUPS
        }
        lineage = ctx.db["unit_lineage"]
        self.stored_lineage = lineage[~lineage["import_id"].isin(ctx.replaced_imports)]
        self.taken_ids = set(units["unit_id"])
        self.created: dict[str, dict] = {}  # unit id -> unit row
        self.lineage: list[dict] = []
        self.aliases: list[dict] = []
        self.ended: dict[str, tuple[str, int]] = {}  # unit id -> (kind, row)

    def read(self, row: dict[str, Cell]) -> None:
        kind = self._kind(row["kind"])
        if kind is None:
            return
        date = (
            a_date(row["effective_date"], self.ctx.problems)
            if row.get("effective_date") and row["effective_date"].value
            else None
        )
        if date is not None and date.year != self.ctx.options.year:
            self.ctx.problems.append(
                at(row["effective_date"], "setup_date_year", value=date.isoformat(), year=self.ctx.options.year)
            )
        extra = {
            "effective_date": date.isoformat() if date else None,
            "decision_no": _value(row, "decision_no"),
            "note_vi": _value(row, "note_vi"),
            "note_en": _value(row, "note_en") or _value(row, "note_vi"),
        }
        if kind == "new":
            made = self._create(row, row.get("new_name") if _value(row, "new_name") else row["unit"])
            if made is not None:  # a new unit's note is its own: what is known of it, or not
                self.created[made].update(note_vi=extra["note_vi"], note_en=extra["note_en"])
            self._aliases(row, made)
            return
        unit_id = self._find(row["unit"])
        if unit_id is None:
            return
        if kind == "alias":
            self._aliases(row, unit_id)
            return
        successor = None
        if kind in ("rename", "move"):
            successor = self._create(
                row,
                row.get("new_name") if _value(row, "new_name") else row["unit"],
                moving_from=unit_id if kind == "move" else None,
            )
        elif kind in ("merge", "split"):
            successor = self._successor(row)
        if kind != "abolish" and successor is None:
            return
        self._end(unit_id, kind, row)
        self.lineage.append(
            {
                "predecessor_id": unit_id,
                "successor_id": successor,
                "year": self.ctx.options.year,
                "kind": kind,
                "_row": row["kind"].row,
                "_cell": row["unit"],
                **extra,
            }
        )
        self._aliases(row, successor or unit_id)

    def _kind(self, cell: Cell) -> str | None:
        folded = headings.fold(cell.value or "")
        kind = next((k for k, words in KINDS.items() if folded in words), None)
        if kind is None:
            allowed = "; ".join(words[0] for words in KINDS.values())
            self.ctx.problems.append(at(cell, "setup_kind", value=cell.value or "", allowed=allowed))
        return kind

    def _find(self, cell: Cell) -> str | None:
        """An existing unit of the jurisdiction (any group, the set-up's first), by id or any spelling;
        a unit of another jurisdiction by its id only (provinces merged: the other's units end too)."""
        text = str(cell.value or "")
        if text in self.units.index or text in self.created or text in self.taken_ids:
            return text
        order = [self.ctx.options.group, *[g for g in GROUPS if g != self.ctx.options.group]]
        for group in order:  # a stored unit first: a merged unit may take on an old one's name
            found = self.matchers[group].match(text)
            if found:
                return found[0]
        made = [u for u, r in self.created.items() if name_key(r["name_vi"]) == name_key(text)]
        if made:
            return made[0]
        close = self.matchers[self.ctx.options.group].suggestions(text)
        place = self.ctx.jurisdiction
        self.ctx.problems.append(
            at(
                cell,
                "setup_unit_unknown",
                value=text,
                place=place,
                suggest_vi=f"; có phải: {'; '.join(close)}?" if close else "",
                suggest_en=f"; did you mean: {'; '.join(close)}?" if close else "",
            )
        )
        return None

    def _successor(self, row: dict[str, Cell]) -> str | None:
        cell = row.get("new_name")
        if cell is None or cell.value is None:
            self.ctx.problems.append(at(cell or row["unit"], "setup_required"))
            return None
        made = [u for u, r in self.created.items() if name_key(r["name_vi"]) == name_key(cell.value)]
        if made:
            return made[0]
        if cell.value in self.units.index:
            return cell.value
        for group in GROUPS:
            found = self.matchers[group].match(cell.value)
            if found:
                return found[0]
        self.ctx.problems.append(at(cell, "setup_successor_unknown", value=cell.value))
        return None

    def _create(self, row: dict[str, Cell], name_cell: Cell, moving_from: str | None = None) -> str | None:
        name = name_cell.value
        if name is None:
            self.ctx.problems.append(at(name_cell, "setup_required"))
            return None
        if formula_like(str(name)):
            self.ctx.problems.append(at(name_cell, "formula_name", value=name))
            return None
        group = self._target_group(row, moving_from)
        if group is None:
            return None
        unit_id = self._new_id(row, name)
        if unit_id is None:
            return None
        name_en = _value(row, "name_en") or name
        self.created[unit_id] = {
            "unit_id": unit_id,
            "jurisdiction_id": self.ctx.jurisdiction,
            "unit_group": group,
            "name_vi": name,
            "name_en": name_en,
            "short_vi": _value(row, "short_vi") or name,
            "short_en": name_en,
            "first_year": self.ctx.options.year,
            "last_year": None,
            "note_vi": None,
            "note_en": None,
            "_row": name_cell.row,
            "_cell": name_cell,
        }
        return unit_id

    def _target_group(self, row: dict[str, Cell], moving_from: str | None) -> str | None:
        cell = row.get("group")
        if cell is None or cell.value is None:
            if moving_from is not None:
                self.ctx.problems.append(at(cell or row["kind"], "setup_required"))
                return None
            return self.ctx.options.group
        group = _group(cell.value) or (cell.value if cell.value in GROUPS else None)
        if group is None:
            self.ctx.problems.append(at(cell, "setup_group", value=cell.value, allowed=", ".join(GROUPS)))
            return None
        if moving_from is not None and self.units.loc[moving_from, "unit_group"] == group:
            self.ctx.problems.append(
                at(cell, "setup_same_group", value=self.units.loc[moving_from, "name_vi"], **group_values(group))
            )
            return None
        return group

    def check_names(self) -> None:
        """A unit made by the sheet may not take the name of a unit of its group that stays active
        (one the sheet ends may pass its name on: a merged 'Sở Nội vụ'), nor of another it makes."""
        year = self.ctx.options.year
        seen: dict[tuple[str, str], str] = {}
        for unit_id, made in self.created.items():
            key = (made["unit_group"], name_key(made["name_vi"]))
            units = self.units[self.units["unit_group"] == made["unit_group"]]
            active = [
                u
                for u, r in units.iterrows()
                if name_key(r["name_vi"]) == key[1]
                and u not in self.ended
                and (r["last_year"] is None or pd.isna(r["last_year"]) or r["last_year"] >= year)
            ]
            if active or key in seen:
                self.ctx.problems.append(
                    at(made["_cell"], "setup_name_taken", value=made["name_vi"], **group_values(made["unit_group"]))
                )
            seen.setdefault(key, unit_id)

    def _new_id(self, row: dict[str, Cell], name: str) -> str | None:
        cell = row.get("new_id")
        taken = self.taken_ids | set(self.created)
        if cell is not None and cell.value is not None:
            if not _UNIT_ID.match(cell.value):
                self.ctx.problems.append(at(cell, "setup_bad_id", value=cell.value))
                return None
            if cell.value in taken:
                self.ctx.problems.append(at(cell, "setup_id_taken", value=cell.value))
                return None
            return cell.value
        base = slug(name)
        unit_id = base if base not in taken else f"{self.ctx.jurisdiction}-{base}"
        n = 2
        while unit_id in taken:
            unit_id, n = f"{self.ctx.jurisdiction}-{base}-{n}", n + 1
        return unit_id

    def _end(self, unit_id: str, kind: str, row: dict[str, Cell]) -> None:
        before = self.ended.get(unit_id)
        stored = self.stored_lineage[self.stored_lineage["predecessor_id"] == unit_id]
        name = self.units.loc[unit_id, "name_vi"] if unit_id in self.units.index else unit_id
        if before is not None and not (kind == "split" and before[0] == "split"):
            self.ctx.problems.append(at(row["unit"], "setup_ended_twice", value=name, first=before[1]))
        elif len(stored):
            kind = stored["kind"].iat[0]
            self.ctx.problems.append(
                at(
                    row["unit"],
                    "setup_ended_before",
                    value=name,
                    year=int(stored["year"].iat[0]),
                    kind=KIND_WORDS.get(kind, kind),
                    kind_en=kind,
                )
            )
        self.ended.setdefault(unit_id, (kind, row["kind"].row))

    def _aliases(self, row: dict[str, Cell], unit_id: str | None) -> None:
        text = _value(row, "aliases")
        if unit_id is None or not text:
            return
        for alias in (a.strip() for a in str(text).split(";")):
            if alias:
                self.aliases.append({"alias": alias, "unit_id": unit_id, "_row": row["kind"].row})

    def check_cycles(self) -> None:
        successors: dict[str, set[str]] = {}
        for r in [*self.stored_lineage.to_dict("records"), *self.lineage]:
            if r["successor_id"] and not pd.isna(r["successor_id"]):
                successors.setdefault(r["predecessor_id"], set()).add(r["successor_id"])
        for r in self.lineage:
            seen, todo = set(), [r["successor_id"]] if r["successor_id"] else []
            while todo:
                for nxt in successors.get(todo.pop(), ()):
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            if r["predecessor_id"] in seen:
                self.ctx.problems.append(at(r["_cell"], "setup_cycle", value=r["_cell"].value))


# --- what is written, and what it changes ------------------------------------------------------


def _frames(file_name, book: SetupBook, ctx: _Context, plan: SetupPlan, criteria, tiers, units, lineage, aliases):
    """Dataset-shaped rows tagged with the set-up's import id (the build validates them again)."""
    tag = {"_file": file_name, "import_id": ctx.import_id}
    source_id = f"import-{ctx.import_id}"
    provenance = _setting(book, "provenance", "published")
    place = ctx.db["jurisdiction"].set_index("jurisdiction_id").loc[ctx.jurisdiction]
    decision = _setting(book, "decision_no", None)
    existing = ctx.existing
    frameworks = ctx.db["framework"].set_index("framework_id")
    carried = bool(criteria) and plan.framework_id in frameworks.index  # a set made again as it was
    name_vi = _setting(
        book,
        "name_vi",
        frameworks.loc[plan.framework_id, "name_vi"] if carried else f"Bộ tiêu chí năm {ctx.options.year}",
    )
    name_en = _setting(
        book, "name_en", frameworks.loc[plan.framework_id, "name_en"] if carried else f"Criteria set {ctx.options.year}"
    )
    frames = {
        "source": [
            {
                "source_id": source_id,
                "publisher_vi": f"UBND {place['name_vi']}",
                "publisher_en": f"{place['name_en']} People's Committee",
                "document_no": decision,
                "title": file_name,
                "url": None,
                "provenance": provenance,
            }
        ],
        "framework": [
            {
                "framework_id": plan.framework_id,
                "name_vi": name_vi,
                "name_en": name_en,
                "first_year": ctx.options.year,
                "last_year": ctx.options.year,
                "max_total": plan.max_total,
                "provenance": provenance,
                "source_id": source_id,
                "note_vi": None,
                "note_en": None,
            }
        ]
        if criteria
        else [],
        "criterion": criteria,
        "tier": [{**t, "provenance": provenance, "source_id": source_id} for t in tiers],
        "unit": [{k: v for k, v in u.items() if k != "_cell"} for u in units],
        "unit_lineage": [{k: v for k, v in r.items() if k != "_cell"} | {"source_id": source_id} for r in lineage],
        "unit_alias": aliases,
        "assessment": [
            {
                "assessment_id": plan.assessment_id,
                "jurisdiction_id": ctx.jurisdiction,
                "year": ctx.options.year,
                "unit_group": ctx.options.group,
                "framework_id": plan.framework_id,
                "max_total": plan.max_total,
                "n_units": existing["n_units"] if existing is not None else None,
                "ranking": existing["ranking"] if existing is not None else "computed",
                "status": ctx.options.status,
                "decision_no": existing["decision_no"] if existing is not None else None,
                "decision_date": _text(existing["decision_date"]) if existing is not None else None,
                "source_id": existing["source_id"] if existing is not None else source_id,
                "note_vi": existing["note_vi"] if existing is not None else None,
                "note_en": existing["note_en"] if existing is not None else None,
            }
        ],
        # results already stored for the year stay (the build checks them against the new set)
        "result": ctx.db["result"][ctx.db["result"]["assessment_id"] == plan.assessment_id].to_dict("records"),
        "score": ctx.db["score"][ctx.db["score"]["assessment_id"] == plan.assessment_id].to_dict("records"),
    }
    out = {
        name: pd.DataFrame(rows, dtype=object).assign(**tag) if rows else pd.DataFrame()
        for name, rows in frames.items()
    }
    out[REPLACES] = ctx.replaced_imports
    return out


def _setting(book: SetupBook, name: str, default):
    return book.settings[name].value if name in book.settings else default


def _text(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _diff(ctx: _Context, criteria, max_total, tiers, units, lineage) -> dict[str, list]:
    """Against the group's previous year: areas and their maxima, the tier bands, the units."""
    a = ctx.db["assessment"]
    before = a[
        (a["jurisdiction_id"] == ctx.jurisdiction)
        & (a["unit_group"] == ctx.options.group)
        & (a["year"] < ctx.options.year)
    ].sort_values("year")
    previous = before.iloc[-1] if len(before) else None
    old_areas = {}
    if previous is not None and isinstance(previous["framework_id"], str):
        c = ctx.db["criterion"]
        rows = c[(c["framework_id"] == previous["framework_id"]) & (c["level"] == "area")]
        old_areas = {k: (n, m) for k, n, m in zip(rows["area_key"], rows["name_vi"], rows["max_points"])}
    new_areas = {r["area_key"]: (r["name_vi"], r["max_points"]) for r in criteria if r["level"] == "area"}
    areas = [
        (new_areas.get(k, old_areas.get(k))[0], old_areas.get(k, (None, None))[1], new_areas.get(k, (None, None))[1])
        for k in [*old_areas, *[k for k in new_areas if k not in old_areas]]
    ]
    t = ctx.db["tier"]
    old_tiers = t[
        (t["jurisdiction_id"] == ctx.jurisdiction)
        & (t["unit_group"] == ctx.options.group)
        & (t["year"] == (previous["year"] if previous is not None else -1))
    ].sort_values("tier_order")
    names = ctx.db["unit"].set_index("unit_id")["name_vi"].to_dict() | {u["unit_id"]: u["name_vi"] for u in units}
    return {
        "previous_year": [int(previous["year"])] if previous is not None else [],
        "max_total": [(previous["max_total"] if previous is not None else None, max_total)],
        "areas": areas,
        "tiers_before": [(r["label_vi"], r["min_points"], r["min_inclusive"]) for _, r in old_tiers.iterrows()],
        "tiers_after": [(r["label_vi"], r["min_points"], r["min_inclusive"]) for r in tiers],
        "units_added": [u["name_vi"] for u in units],
        "units_changed": [
            (
                r["kind"],
                names.get(r["predecessor_id"], r["predecessor_id"]),
                names.get(r["successor_id"]) if r["successor_id"] else None,
            )
            for r in lineage
        ],
    }
